//! Partial serializers and deserializers: the places that take only some shapes (a header
//! value, a URI label, XML text, a raw payload) refuse the rest, and many of them hand each
//! scalar to the text codec. The two macros here write those methods, so each such type
//! states only what it does differently.
//!
//! `write_methods!` writes [`ShapeSerializer`](crate::ShapeSerializer) methods and
//! `read_methods!` [`ShapeDeserializer`](crate::ShapeDeserializer) methods, in one of two
//! modes:
//!
//! - `refuse(what => error; methods...)`: each method fails with `error`, an expression in
//!   which `what` names the refused value (`"a structure"`, `"a list"`, ...);
//! - `forward(via; methods...)` (scalars only): each method calls `self.via(...)` with a
//!   closure that makes the same call on the codec `via` hands it: `|t| t.write_x(member,
//!   value)` when writing, `member, |t, member| t.read_x(member)` when reading.

/// Writes `ShapeSerializer` methods that refuse their value or forward it (see the
/// [module documentation](self)).
macro_rules! write_methods {
    (refuse($what:ident => $error:expr; $($method:ident),+ $(,)?)) => {
        $($crate::partial::write_methods!(@sig self $method (refuse $what $error));)+
    };
    (forward($via:ident; $($method:ident),+ $(,)?)) => {
        $($crate::partial::write_methods!(@sig self $method (forward $via));)+
    };
    (@sig $this:ident write_struct $mode:tt) => {
        fn write_struct<T: $crate::AwsStruct>(
            &mut $this, _: &$crate::Member, _: &T,
        ) -> $crate::Result<()> {
            $crate::partial::write_methods!(@body $this $mode "a structure")
        }
    };
    (@sig $this:ident write_list $mode:tt) => {
        fn write_list<'a, T, I>(&mut $this, _: &$crate::Member, _: I) -> $crate::Result<()>
        where
            T: $crate::AwsShape + 'a,
            I: IntoIterator<Item = &'a T>,
        {
            $crate::partial::write_methods!(@body $this $mode "a list")
        }
    };
    (@sig $this:ident write_map $mode:tt) => {
        fn write_map<'a, V, I>(&mut $this, _: &$crate::Member, _: I) -> $crate::Result<()>
        where
            V: $crate::AwsShape + 'a,
            I: IntoIterator<Item = (&'a str, &'a V)>,
        {
            $crate::partial::write_methods!(@body $this $mode "a map")
        }
    };
    (@sig $this:ident write_document $mode:tt) => {
        fn write_document(
            &mut $this, _: &$crate::Member, _: &$crate::Document,
        ) -> $crate::Result<()> {
            $crate::partial::write_methods!(@body $this $mode "a document")
        }
    };
    (@sig $this:ident write_null $mode:tt) => {
        fn write_null(&mut $this, _: &$crate::Member) -> $crate::Result<()> {
            $crate::partial::write_methods!(@body $this $mode "a null")
        }
    };
    (@sig $this:ident write_boolean $mode:tt) => {
        $crate::partial::write_methods!(@scalar $this write_boolean bool, "a boolean", $mode);
    };
    (@sig $this:ident write_integer $mode:tt) => {
        $crate::partial::write_methods!(@scalar $this write_integer i32, "an integer", $mode);
    };
    (@sig $this:ident write_long $mode:tt) => {
        $crate::partial::write_methods!(@scalar $this write_long i64, "a long", $mode);
    };
    (@sig $this:ident write_float $mode:tt) => {
        $crate::partial::write_methods!(@scalar $this write_float f32, "a float", $mode);
    };
    (@sig $this:ident write_double $mode:tt) => {
        $crate::partial::write_methods!(@scalar $this write_double f64, "a double", $mode);
    };
    (@sig $this:ident write_big_integer $mode:tt) => {
        $crate::partial::write_methods!(@scalar $this write_big_integer &str, "a big integer", $mode);
    };
    (@sig $this:ident write_big_decimal $mode:tt) => {
        $crate::partial::write_methods!(@scalar $this write_big_decimal &str, "a big decimal", $mode);
    };
    (@sig $this:ident write_string $mode:tt) => {
        $crate::partial::write_methods!(@scalar $this write_string &str, "a string", $mode);
    };
    (@sig $this:ident write_blob $mode:tt) => {
        $crate::partial::write_methods!(@scalar $this write_blob &[u8], "a blob", $mode);
    };
    (@sig $this:ident write_timestamp $mode:tt) => {
        $crate::partial::write_methods!(@scalar $this write_timestamp &$crate::Timestamp, "a timestamp", $mode);
    };
    (@scalar $this:ident $method:ident $ty:ty, $name:literal, (forward $via:ident)) => {
        fn $method(&mut $this, member: &$crate::Member, value: $ty) -> $crate::Result<()> {
            $this.$via(|t| t.$method(member, value))
        }
    };
    (@scalar $this:ident $method:ident $ty:ty, $name:literal, $mode:tt) => {
        fn $method(&mut $this, _: &$crate::Member, _: $ty) -> $crate::Result<()> {
            $crate::partial::write_methods!(@body $this $mode $name)
        }
    };
    (@body $this:ident (refuse $what:ident $error:expr) $name:literal) => {{
        let $what: &'static str = $name;
        let _ = $what;
        Err($error)
    }};
}

/// Writes `ShapeDeserializer` methods that refuse to read or forward to another reader (see
/// the [module documentation](self)).
macro_rules! read_methods {
    (refuse($what:ident => $error:expr; $($method:ident),+ $(,)?)) => {
        $($crate::partial::read_methods!(@sig self $method (refuse $what $error));)+
    };
    (forward($via:ident; $($method:ident),+ $(,)?)) => {
        $($crate::partial::read_methods!(@sig self $method (forward $via));)+
    };
    (@sig $this:ident read_struct $mode:tt) => {
        fn read_struct<B: $crate::StructBuilder>(
            &mut $this, _: &$crate::Member, _: &mut B,
        ) -> $crate::Result<()> {
            $crate::partial::read_methods!(@body $this $mode "a structure")
        }
    };
    (@sig $this:ident read_list $mode:tt) => {
        fn read_list<F>(&mut $this, _: &$crate::Member, _: F) -> $crate::Result<()>
        where
            F: FnMut(&mut Self) -> $crate::Result<()>,
        {
            $crate::partial::read_methods!(@body $this $mode "a list")
        }
    };
    (@sig $this:ident read_map $mode:tt) => {
        fn read_map<F>(&mut $this, _: &$crate::Member, _: F) -> $crate::Result<()>
        where
            F: FnMut(&mut Self, &str) -> $crate::Result<()>,
        {
            $crate::partial::read_methods!(@body $this $mode "a map")
        }
    };
    (@sig $this:ident read_document $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_document $crate::Document, "a document", $mode);
    };
    (@sig $this:ident read_boolean $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_boolean bool, "a boolean", $mode);
    };
    (@sig $this:ident read_byte $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_byte i8, "a byte", $mode);
    };
    (@sig $this:ident read_short $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_short i16, "a short", $mode);
    };
    (@sig $this:ident read_integer $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_integer i32, "an integer", $mode);
    };
    (@sig $this:ident read_long $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_long i64, "a long", $mode);
    };
    (@sig $this:ident read_float $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_float f32, "a float", $mode);
    };
    (@sig $this:ident read_double $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_double f64, "a double", $mode);
    };
    (@sig $this:ident read_big_integer $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_big_integer String, "a big integer", $mode);
    };
    (@sig $this:ident read_big_decimal $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_big_decimal String, "a big decimal", $mode);
    };
    (@sig $this:ident read_blob $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_blob Vec<u8>, "a blob", $mode);
    };
    (@sig $this:ident read_timestamp $mode:tt) => {
        $crate::partial::read_methods!(@scalar $this read_timestamp $crate::Timestamp, "a timestamp", $mode);
    };
    (@scalar $this:ident $method:ident $ty:ty, $name:literal, (forward $via:ident)) => {
        fn $method(&mut $this, member: &$crate::Member) -> $crate::Result<$ty> {
            $this.$via(member, |t, member| t.$method(member))
        }
    };
    (@scalar $this:ident $method:ident $ty:ty, $name:literal, $mode:tt) => {
        fn $method(&mut $this, _: &$crate::Member) -> $crate::Result<$ty> {
            $crate::partial::read_methods!(@body $this $mode $name)
        }
    };
    (@body $this:ident (refuse $what:ident $error:expr) $name:literal) => {{
        let $what: &'static str = $name;
        let _ = $what;
        Err($error)
    }};
}

pub(crate) use {read_methods, write_methods};

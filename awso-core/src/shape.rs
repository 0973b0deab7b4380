//! The traits a Rust type implements to be an AWS shape.

use crate::de::ShapeDeserializer;
use crate::error::Result;
use crate::schema::{Member, Schema};
use crate::ser::{MemberSerializer, ShapeSerializer};

/// A Rust type that is an AWS shape.
///
/// [`AwsShape`] is the one every shape implements: its [`Schema`], and two small generic
/// functions that hand the value to any [`ShapeSerializer`] and build it from any
/// [`ShapeDeserializer`]. Structures and unions also implement [`AwsStruct`], which exposes
/// their members one by one: codecs (and the HTTP bindings, which split one structure over
/// headers, URI and body) decide which members to write where, and fill one
/// [`StructBuilder`] from several sources.
///
/// `#[derive(AwsShape)]` implements both. A hand-written implementation is short; here is a
/// string newtype that keeps an ARN:
///
/// ```
/// use awso_core::schema::{Member, Schema, ShapeKind};
/// use awso_core::{AwsShape, Result, ShapeDeserializer, ShapeSerializer};
///
/// #[derive(Debug, PartialEq)]
/// struct Arn(String);
///
/// impl AwsShape for Arn {
///     const SCHEMA: &'static Schema = &Schema::simple(ShapeKind::String, "Arn");
///
///     fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
///         ser.write_string(member, &self.0)
///     }
///
///     fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
///         de.read_string(member).map(Arn)
///     }
///
///     fn zero() -> Self {
///         Arn(String::new())
///     }
/// }
///
/// let arn = Arn("arn:aws:connect:us-east-1:1:instance/x".into());
/// let json = awso_core::json::to_string(&arn)?;
/// assert_eq!(json, r#""arn:aws:connect:us-east-1:1:instance/x""#);
/// assert_eq!(awso_core::json::from_str::<Arn>(&json)?, arn);
/// # Ok::<(), awso_core::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an AWS shape",
    label = "not an AWS shape: see the notes for the type to use",
    note = "a list is `Vec<T>` (not `HashSet`, `BTreeSet` or `VecDeque`: lists keep order and duplicates); a map is `BTreeMap<String, T>`, `HashMap` or `IndexMap`",
    note = "a timestamp is `awso_core::Timestamp` (not `SystemTime`, `time` or `chrono` types: `Timestamp::from` converts them); bytes are `awso_core::Blob`",
    note = "a recursive member is `Option<Box<T>>` (not `Rc` or `Arc`); an optional member is `Option<T>`",
    note = "your own type: derive it with #[derive(AwsShape)], or implement AwsShape by hand; the table of types is in `awso_core::attributes`"
)]
pub trait AwsShape: Sized {
    /// The shape's schema.
    const SCHEMA: &'static Schema;

    /// `true` only for `Option<T>`: the items of a sparse list and the values of a sparse map.
    const NULLABLE: bool = false;

    /// `true` when a value can leave out a required member of a structure nested in it: a
    /// run-time [`Value`](crate::Value), and collections of such values. Request building
    /// walks those inputs to refuse what the service would. A derived structure holds its
    /// required members as plain fields and keeps the default, `false`.
    const MAY_OMIT_REQUIRED: bool = false;

    /// Hands the value to `ser`. `member` is the place the value is written at (a structure
    /// member, a list's item member, or [`Member::root`] for a whole document); its target
    /// is `Self::SCHEMA` or an override of it.
    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()>;

    /// Reads a value from `de`, which stands at the value of `member`.
    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self>;

    /// Reads a value into a member slot. Collections extend what the slot already holds: that
    /// is how XML's flattened lists and maps arrive, one element at a time, possibly
    /// interleaved with other members. Other shapes replace the slot.
    fn deserialize_into<D: ShapeDeserializer>(
        slot: &mut Option<Self>,
        member: &Member,
        de: &mut D,
    ) -> Result<()> {
        *slot = Some(Self::deserialize(member, de)?);
        Ok(())
    }

    /// The value a required member takes when a response omits it (Smithy's client error
    /// correction): zero, false, empty, the epoch, or a structure of such values.
    fn zero() -> Self;
}

/// A structure or union: a shape with named members that codecs visit one at a time.
pub trait AwsStruct: AwsShape {
    /// Collects members while a structure is being read.
    type Builder: StructBuilder<Output = Self>;

    /// A builder for a value of `schema` (derived types ignore it: their schema is fixed;
    /// run-time values such as [`Value`](crate::Value) need it).
    fn builder(schema: &'static Schema) -> Self::Builder;

    /// Hands each present member to `ser`, in schema order.
    fn serialize_members<S: MemberSerializer>(
        &self,
        schema: &'static Schema,
        ser: &mut S,
    ) -> Result<()>;
}

/// Collects the members of a structure or union as a codec finds them.
pub trait StructBuilder {
    /// The finished value.
    type Output;

    /// Reads the value of `member` from `de`, which stands at it.
    fn read_member<D: ShapeDeserializer>(
        &mut self,
        member: &'static Member,
        de: &mut D,
    ) -> Result<()>;

    /// Whether the codec hands `member` to this builder. A declined member is read as an
    /// unknown one: its value is skipped. Builders accept every member; the protocol layer
    /// wraps one to keep members bound to the HTTP head out of a body.
    #[inline]
    fn accepts(&self, member: &Member) -> bool {
        let _ = member;
        true
    }

    /// Told about a member the schema does not know; the codec skips its value. Structures
    /// ignore it (forward compatibility); unions keep the name as their unknown variant.
    fn unknown_member(&mut self, name: &str) -> Result<()> {
        let _ = name;
        Ok(())
    }

    /// Finishes the value. Required members that never arrived take their default or zero
    /// value; a union fails unless exactly one member arrived.
    fn build(self) -> Result<Self::Output>;
}

/// The error of a builder handed a member that is not in the schema it was made for.
pub(crate) fn member_not_in_schema(member: &Member) -> crate::Error {
    crate::Error::custom(format!("member `{}` is not in this schema", member.name()))
}

/// A shape that can key a map: strings and string enums.
pub trait MapKey: AwsShape {
    /// The key's text.
    fn as_key(&self) -> &str;

    /// Builds a key from its text.
    fn from_key(key: &str) -> Result<Self>;
}

/// A string enum: named values plus an unknown variant that keeps anything else.
/// `#[derive(AwsShape)]` implements it for enums of unit variants.
pub trait AwsEnum: AwsShape {
    /// The named values, as written on the wire.
    const VALUES: &'static [&'static str];

    /// The wire value.
    fn as_str(&self) -> &str;

    /// The variant for a wire value: a named one, or the unknown variant keeping `value`.
    fn from_wire(value: &str) -> Self;
}

/// An intEnum: named values plus an unknown variant that keeps anything else.
pub trait AwsIntEnum: AwsShape {
    /// The named values.
    const VALUES: &'static [i32];

    /// The wire value.
    fn value(&self) -> i32;

    /// The variant for a wire value: a named one, or the unknown variant keeping `value`.
    fn from_value(value: i32) -> Self;
}

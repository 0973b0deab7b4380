//! Reading CBOR against a schema: map keys matched by member name (model order tried
//! first), values read as the member's shape says. The bytes are [`read`](super::read)'s.

use indexmap::IndexMap;

use super::big;
use super::read::{self, Num, Reader, Remaining};
use crate::de::{Seen, ShapeDeserializer};
use crate::error::{Error, Result};
use crate::limits::Nesting;
use crate::schema::{Member, ShapeKind, TimestampFormat};
use crate::shape::{AwsShape, StructBuilder};
use crate::types::{Document, Number, Timestamp};

/// A [`ShapeDeserializer`] over CBOR bytes.
///
/// ```
/// use awso_core::cbor::CborDeserializer;
///
/// // [1, 2, 3] as an indefinite-length array.
/// let mut de = CborDeserializer::new(&[0x9f, 0x01, 0x02, 0x03, 0xff]).max_depth(4);
/// let numbers: Vec<i64> = de.deserialize()?;
/// de.end()?;
/// assert_eq!(numbers, [1, 2, 3]);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub struct CborDeserializer<'a> {
    read: Reader<'a>,
}

impl<'a> CborDeserializer<'a> {
    /// A reader over `bytes`.
    ///
    /// ```
    /// use awso_core::cbor::CborDeserializer;
    ///
    /// // An indefinite-length list, then a definite one, read in turn.
    /// let mut de = CborDeserializer::new(b"\x9f\x01\x02\xff\x81\x03");
    /// assert_eq!(de.deserialize::<Vec<i32>>()?, [1, 2]);
    /// assert_eq!(de.deserialize::<Vec<i32>>()?, [3]);
    /// de.end()?;
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn new(bytes: &'a [u8]) -> Self {
        Self {
            read: Reader::new(bytes),
        }
    }

    /// Refuses input nested deeper than `max_depth` (default 128).
    ///
    /// ```
    /// use awso_core::cbor::CborDeserializer;
    ///
    /// let err = CborDeserializer::new(b"\x81\x81\x01").max_depth(1).deserialize::<Vec<Vec<i32>>>().unwrap_err();
    /// assert_eq!(err.category(), awso_core::error::Category::Limit);
    /// ```
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.read.depth.set_max(max_depth);
        self
    }

    /// Reads one `T` (with its own schema).
    ///
    /// ```
    /// use awso_core::cbor::CborDeserializer;
    ///
    /// // A half-precision float reads as any float.
    /// assert_eq!(CborDeserializer::new(b"\xf9\x3e\x00").deserialize::<f64>()?, 1.5);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn deserialize<T: AwsShape>(&mut self) -> Result<T> {
        self.deserialize_at(&Member::root(T::SCHEMA))
    }

    /// Reads one `T` at `member` (a run-time schema for a [`Value`](crate::Value)).
    ///
    /// ```
    /// use awso_core::cbor::CborDeserializer;
    /// use awso_core::schema::{Member, SchemaRef};
    /// use awso_core::{Timestamp, Value};
    ///
    /// let at = Member::new("At", 0, SchemaRef::of::<Timestamp>());
    /// let value: Value = CborDeserializer::new(b"\xc1\x1a\x5d\xc4\xd5\xd8").deserialize_at(&at)?;
    /// assert_eq!(value, Value::Timestamp(Timestamp::from_secs(1_573_180_888)));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn deserialize_at<T: AwsShape>(&mut self, member: &Member) -> Result<T> {
        T::deserialize(member, self).map_err(|e| self.read.locate(e))
    }

    /// Checks that nothing follows the value.
    ///
    /// ```
    /// use awso_core::cbor::CborDeserializer;
    ///
    /// let mut de = CborDeserializer::new(b"\xf5\xf4");
    /// assert!(de.deserialize::<bool>()?);
    /// assert!(de.end().is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn end(&mut self) -> Result<()> {
        if self.read.at_end() {
            return Ok(());
        }
        Err(self
            .read
            .locate(Error::syntax("trailing bytes after the CBOR value")))
    }

    /// The member of `members` called `key`, trying the expected one first.
    fn find_member(
        members: &'static [Member],
        expected: usize,
        key: &str,
    ) -> Option<&'static Member> {
        match members.get(expected) {
            Some(m) if m.name() == key => Some(m),
            _ => members.iter().find(|m| m.name() == key),
        }
    }

    /// The entries of a map whose head has been read, handed to `builder` as members.
    fn map_members<B: StructBuilder>(
        &mut self,
        member: &Member,
        mut remaining: Remaining,
        builder: &mut B,
    ) -> Result<()> {
        let schema = member.target();
        let members = schema.members();
        let (mut expected, mut seen) = (0, Seen::default());
        while self.read.more(&mut remaining, "a structure")? {
            let key_at = self.read.pos;
            let key = self.read.text("a member name")?;
            let found = Self::find_member(members, expected, &key);
            if found.is_none() && !(schema.kind() == ShapeKind::Union && key == "__type") {
                builder.unknown_member(&key)?;
            }
            let Some(m) = found.filter(|m| builder.accepts(m)) else {
                self.read.skip()?;
                continue;
            };
            if !seen.mark(m.index()) {
                return Err(self
                    .read
                    .locate_at(key_at, Error::duplicate_member(m.name())));
            }
            expected = m.index() + 1;
            // A null member is an absent one, except that a document can be null.
            if m.target().kind() != ShapeKind::Document && self.read.eat_null() {
                continue;
            }
            builder
                .read_member(m, self)
                .map_err(|e| self.read.locate(e).in_member(m.name()))?;
        }
        Ok(())
    }

    /// Reads a tag head, if one comes next, and says which.
    fn tag(&mut self) -> Result<Option<u64>> {
        if self.read.peek().map(|b| b >> 5) != Some(read::TAG) {
            return Ok(None);
        }
        Ok(self.read.head("a tag")?.arg)
    }

    /// The decimal text of an integer or a bignum (tags 2 and 3).
    fn integer_text(&mut self, what: &'static str) -> Result<String> {
        let start = self.read.pos;
        match self.tag()? {
            None => match self.read.number(what)? {
                Num::Int(n) => Ok(n.to_string()),
                Num::Float(x) => Err(self
                    .read
                    .locate_at(start, Error::expected(what, format!("the float {x}")))),
            },
            Some(tag @ (2 | 3)) => {
                let magnitude = self.read.byte_string("a bignum")?;
                let first = magnitude
                    .iter()
                    .position(|&b| b != 0)
                    .unwrap_or(magnitude.len());
                let magnitude = &magnitude[first..];
                let text = if tag == 2 {
                    big::magnitude_to_decimal(magnitude)
                } else {
                    big::magnitude_to_decimal(&big::increment(magnitude)).map(|t| format!("-{t}"))
                };
                text.map_err(|e| self.read.locate_at(start, e))
            }
            Some(tag) => Err(self
                .read
                .locate_at(start, Error::expected(what, format!("tag {tag}")))),
        }
    }

    fn document(&mut self) -> Result<Document> {
        let start = self.read.pos;
        let head = self.read.head("a document")?;
        Ok(match (head.major, head.arg) {
            (read::UNSIGNED, Some(n)) => Document::Number(Number::PosInt(n)),
            (read::NEGATIVE, Some(n)) => Document::Number(match i64::try_from(n) {
                Ok(n) => Number::NegInt(-1 - n),
                Err(_) => Number::Float(-1.0 - n as f64),
            }),
            (read::TEXT, _) => {
                Document::String(self.read.text_body(head, start, "a string")?.into_owned())
            }
            (read::ARRAY, arg) => {
                let mut remaining = arg.map_or(Remaining::Indefinite, Remaining::Definite);
                self.nested(|de| {
                    let mut items = Vec::new();
                    while de.read.more(&mut remaining, "an array")? {
                        let i = items.len();
                        items.push(de.document().map_err(|e| e.in_item(i))?);
                    }
                    Ok(Document::Array(items))
                })?
            }
            (read::MAP, arg) => {
                let mut remaining = arg.map_or(Remaining::Indefinite, Remaining::Definite);
                self.nested(|de| {
                    let mut map = IndexMap::new();
                    while de.read.more(&mut remaining, "a map")? {
                        let key = de.read.text("a document key")?.into_owned();
                        let value = de.document().map_err(|e| e.in_key(&key))?;
                        map.insert(key, value);
                    }
                    Ok(Document::Object(map))
                })?
            }
            (read::SIMPLE, Some(_)) => match head.info {
                read::FALSE => Document::Boolean(false),
                read::TRUE => Document::Boolean(true),
                read::NULL | read::UNDEFINED => Document::Null,
                _ => match read::number_of(head) {
                    Some(Num::Float(x)) => Document::Number(Number::Float(x)),
                    _ => {
                        return Err(self
                            .read
                            .locate_at(start, Error::unsupported("a simple value in a document")));
                    }
                },
            },
            _ => {
                return Err(self.read.locate_at(
                    start,
                    Error::unsupported(format!("{} in a document", read::describe(head))),
                ));
            }
        })
    }
}

impl Nesting for CborDeserializer<'_> {
    #[inline]
    fn depth(&mut self) -> &mut crate::limits::Depth {
        &mut self.read.depth
    }

    fn locate_limit(&self, err: Error) -> Error {
        self.read.locate(err)
    }
}

impl ShapeDeserializer for CborDeserializer<'_> {
    fn read_struct<B: StructBuilder>(&mut self, member: &Member, builder: &mut B) -> Result<()> {
        let remaining = self.read.open(read::MAP, "a map")?;
        self.nested(|de| de.map_members(member, remaining, builder))
    }

    fn read_list<F>(&mut self, _: &Member, mut on_item: F) -> Result<()>
    where
        F: FnMut(&mut Self) -> Result<()>,
    {
        let mut remaining = self.read.open(read::ARRAY, "an array")?;
        self.nested(|de| {
            let mut i = 0;
            while de.read.more(&mut remaining, "an array")? {
                on_item(de).map_err(|e| de.read.locate(e).in_item(i))?;
                i += 1;
            }
            Ok(())
        })
    }

    fn read_map<F>(&mut self, _: &Member, mut on_entry: F) -> Result<()>
    where
        F: FnMut(&mut Self, &str) -> Result<()>,
    {
        let mut remaining = self.read.open(read::MAP, "a map")?;
        self.nested(|de| {
            while de.read.more(&mut remaining, "a map")? {
                let key = de.read.text("a map key")?;
                on_entry(de, &key).map_err(|e| de.read.locate(e).in_key(&key))?;
            }
            Ok(())
        })
    }

    fn read_null(&mut self) -> Result<bool> {
        Ok(self.read.eat_null())
    }

    fn read_boolean(&mut self, _: &Member) -> Result<bool> {
        self.read.boolean()
    }

    fn read_byte(&mut self, _: &Member) -> Result<i8> {
        self.read.integer("a byte")
    }

    fn read_short(&mut self, _: &Member) -> Result<i16> {
        self.read.integer("a short")
    }

    fn read_integer(&mut self, _: &Member) -> Result<i32> {
        self.read.integer("an integer")
    }

    fn read_long(&mut self, _: &Member) -> Result<i64> {
        self.read.integer("a long")
    }

    fn read_float(&mut self, _: &Member) -> Result<f32> {
        self.read.float("a float").map(|x| x as f32)
    }

    fn read_double(&mut self, _: &Member) -> Result<f64> {
        self.read.float("a double")
    }

    fn read_big_integer(&mut self, _: &Member) -> Result<String> {
        self.integer_text("a big integer")
    }

    fn read_big_decimal(&mut self, _: &Member) -> Result<String> {
        let start = self.read.pos;
        if self.read.peek() != Some(0xc4) {
            // A plain integer or float is a decimal too.
            return match self.read.number("a big decimal")? {
                Num::Int(n) => Ok(n.to_string()),
                Num::Float(x) if x.is_finite() => {
                    Ok(ryu::Buffer::new().format_finite(x).to_owned())
                }
                Num::Float(_) => Err(self.read.locate_at(
                    start,
                    Error::expected("a big decimal", "a non-finite float"),
                )),
            };
        }
        self.read.pos += 1;
        let mut remaining = self.read.open(read::ARRAY, "a decimal fraction")?;
        let mut part = |de: &mut Self, what| {
            if !de.read.more(&mut remaining, "a decimal fraction")? {
                return Err(de.read.locate(Error::eof(what)));
            }
            Ok(())
        };
        part(self, "the exponent of a decimal fraction")?;
        let exponent: i64 = self.read.integer("the exponent of a decimal fraction")?;
        part(self, "the mantissa of a decimal fraction")?;
        let mantissa = self.integer_text("the mantissa of a decimal fraction")?;
        if self.read.more(&mut remaining, "a decimal fraction")? {
            return Err(self.read.locate_at(
                start,
                Error::syntax("a decimal fraction has more than two items"),
            ));
        }
        Ok(big::join_decimal(&mantissa, exponent))
    }

    fn read_string(&mut self, _: &Member) -> Result<String> {
        self.read.text("a string").map(std::borrow::Cow::into_owned)
    }

    fn read_str<R, F>(&mut self, _: &Member, f: F) -> Result<R>
    where
        F: FnOnce(&str) -> Result<R>,
    {
        let start = self.read.pos;
        let text = self.read.text("a string")?;
        f(&text).map_err(|e| self.read.locate_at(start, e))
    }

    fn read_blob(&mut self, _: &Member) -> Result<Vec<u8>> {
        self.read
            .byte_string("a blob")
            .map(std::borrow::Cow::into_owned)
    }

    /// Epoch seconds, integer or float, under tag 1 (or bare: some servers leave it out).
    fn read_timestamp(&mut self, _: &Member) -> Result<Timestamp> {
        let start = self.read.pos;
        match self.tag()? {
            None | Some(1) => {}
            Some(tag) => {
                return Err(self.read.locate_at(
                    start,
                    Error::expected("a timestamp (tag 1)", format!("tag {tag}")),
                ));
            }
        }
        let parsed = match self.read.number("a timestamp")? {
            Num::Int(n) => i64::try_from(n)
                .map(Timestamp::from_secs)
                .map_err(|_| Error::out_of_range("a timestamp", n.to_string())),
            Num::Float(x) if x.is_finite() => Timestamp::parse(
                ryu::Buffer::new().format_finite(x),
                TimestampFormat::EpochSeconds,
            ),
            Num::Float(x) => Err(Error::expected("a timestamp", format!("the float {x}"))),
        };
        parsed.map_err(|e| self.read.locate_at(start, e))
    }

    fn read_document(&mut self, _: &Member) -> Result<Document> {
        self.document()
    }
}

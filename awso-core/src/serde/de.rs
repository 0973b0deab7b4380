//! Reading: serde data, read against a schema into a `Value` tree.
//!
//! The schema says what each value is, so a string becomes a blob, a timestamp or a big
//! number where the member says so, and keys become member names.

use std::borrow::Cow;
use std::fmt;

use ::serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::limits::Depth;
use crate::schema::{Schema, ShapeKind, TimestampFormat};
use crate::types::{BigDecimal, BigInteger, Blob, Document, Number, Timestamp, decode_base64};
use crate::value::Value;

/// Reads one value of `schema`, `depth` levels down.
#[derive(Clone, Copy)]
pub(super) struct Seed {
    pub(super) schema: &'static Schema,
    pub(super) depth: Depth,
}

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        let human = de.is_human_readable();
        let leaf = Leaf(self.schema.kind());
        match self.schema.kind() {
            ShapeKind::Structure | ShapeKind::Union | ShapeKind::Map => {
                de.deserialize_map(self.deeper()?)
            }
            ShapeKind::List => de.deserialize_seq(self.deeper()?),
            ShapeKind::Document => de
                .deserialize_any(DocVisitor(self.deeper()?.depth))
                .map(Value::Document),
            ShapeKind::Boolean => de.deserialize_bool(leaf),
            ShapeKind::Long => de.deserialize_i64(leaf),
            ShapeKind::Float | ShapeKind::Double if human => de.deserialize_any(leaf),
            ShapeKind::Float => de.deserialize_f32(leaf),
            ShapeKind::Double => de.deserialize_f64(leaf),
            ShapeKind::Blob if !human => de.deserialize_byte_buf(leaf),
            ShapeKind::Timestamp if !human => de.deserialize_tuple(2, leaf),
            ShapeKind::Byte | ShapeKind::Short | ShapeKind::Integer | ShapeKind::IntEnum => {
                de.deserialize_i32(leaf)
            }
            ShapeKind::String
            | ShapeKind::Enum
            | ShapeKind::BigInteger
            | ShapeKind::BigDecimal
            | ShapeKind::Blob
            | ShapeKind::Timestamp => de.deserialize_str(leaf),
        }
    }
}

impl Seed {
    /// This seed one level down, or the nesting-limit error.
    fn deeper<E: de::Error>(self) -> Result<Self, E> {
        let depth = self.depth.deeper().map_err(E::custom)?;
        Ok(Self { depth, ..self })
    }

    /// A seed for a value of `schema` at this seed's depth.
    fn at(self, schema: &'static Schema) -> Self {
        Self { schema, ..self }
    }

    /// The schema of a list's items or a map's values.
    fn element<E: de::Error>(self) -> Result<&'static Schema, E> {
        let member = match self.schema.kind() {
            ShapeKind::List => self.schema.list_member(),
            _ => self.schema.map_members().map(|(_, value)| value),
        };
        member
            .map(crate::Member::target)
            .ok_or_else(|| E::custom(format!("schema `{}` has no element", self.schema.name())))
    }
}

/// A `null` reads as [`Value::Null`]: the absent item of a sparse collection, or an optional
/// member written as `null` (which is then left out; a document member's `null` is instead
/// the document `null`).
struct Nullable(Seed);

impl<'de> DeserializeSeed<'de> for Nullable {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        if self.0.schema.kind() == ShapeKind::Document {
            // A document's `null` is a value: `Some(Document::Null)`.
            return self.0.deserialize(de);
        }
        de.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Nullable {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} or null", self.0.schema.kind().as_str())
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        self.0.deserialize(de)
    }
}

/// Structures, unions and maps come as serde maps; lists as sequences.
impl<'de> Visitor<'de> for Seed {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} `{}`",
            self.schema.kind().as_str(),
            self.schema.name()
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        if self.schema.kind() != ShapeKind::List {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let item = Nullable(self.at(self.element()?));
        // Never sized from the input's own length claim.
        let mut items = Vec::new();
        while let Some(value) = seq.next_element_seed(Nullable(item.0))? {
            items.push(value);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        match self.schema.kind() {
            ShapeKind::Map => {
                let value = self.at(self.element()?);
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    entries.push((key, map.next_value_seed(Nullable(value))?));
                }
                Ok(Value::Map(entries))
            }
            ShapeKind::Structure | ShapeKind::Union => self.members(map),
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

impl Seed {
    /// The members of a structure or union, by model name. Unknown names are skipped; a union
    /// keeps the name as its unknown member (a null in the tree).
    fn members<'de, A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let union = self.schema.kind() == ShapeKind::Union;
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match self.schema.member_named(&key) {
                Some(member) => match map.next_value_seed(Nullable(self.at(member.target())))? {
                    Value::Null => {}
                    value => members.push((Cow::Borrowed(member.name()), value)),
                },
                None => {
                    map.next_value::<IgnoredAny>()?;
                    if union {
                        members.push((Cow::Owned(key), Value::Null));
                    }
                }
            }
        }
        Ok(Value::Structure(members))
    }
}

/// A scalar of `kind` from whichever serde value the format hands over.
#[derive(Clone, Copy)]
struct Leaf(ShapeKind);

impl Leaf {
    fn integer<E: de::Error>(self, n: i128) -> Result<Value, E> {
        let out_of_range = || E::custom(format!("{n} is out of range for {}", self.0.as_str()));
        match self.0 {
            ShapeKind::Byte | ShapeKind::Short | ShapeKind::Integer | ShapeKind::IntEnum => {
                i32::try_from(n)
                    .map(Value::Integer)
                    .map_err(|_| out_of_range())
            }
            ShapeKind::Long => i64::try_from(n)
                .map(Value::Long)
                .map_err(|_| out_of_range()),
            ShapeKind::Float | ShapeKind::Double => self.float(n as f64),
            _ => Err(E::invalid_type(de::Unexpected::Other("an integer"), &self)),
        }
    }

    fn float<E: de::Error>(self, x: f64) -> Result<Value, E> {
        match self.0 {
            ShapeKind::Float => Ok(Value::Float(x as f32)),
            ShapeKind::Double => Ok(Value::Double(x)),
            _ => Err(E::invalid_type(de::Unexpected::Float(x), &self)),
        }
    }
}

impl<'de> Visitor<'de> for Leaf {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            ShapeKind::Blob => f.write_str("a blob (base64 text or bytes)"),
            ShapeKind::Timestamp => f.write_str("a timestamp (RFC 3339 text)"),
            kind => write!(f, "a value of shape kind {}", kind.as_str()),
        }
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        match self.0 {
            ShapeKind::Boolean => Ok(Value::Boolean(b)),
            _ => Err(E::invalid_type(de::Unexpected::Bool(b), &self)),
        }
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
        self.integer(i128::from(n))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
        self.integer(i128::from(n))
    }

    fn visit_f32<E: de::Error>(self, x: f32) -> Result<Value, E> {
        self.float(f64::from(x))
    }

    fn visit_f64<E: de::Error>(self, x: f64) -> Result<Value, E> {
        self.float(x)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        let text = || Err(E::invalid_type(de::Unexpected::Str(s), &self));
        let parsed = match self.0 {
            ShapeKind::String => return Ok(Value::String(s.to_owned())),
            ShapeKind::Enum => return Ok(Value::Enum(s.to_owned())),
            ShapeKind::BigInteger => s.parse::<BigInteger>().map(Value::BigInteger),
            ShapeKind::BigDecimal => s.parse::<BigDecimal>().map(Value::BigDecimal),
            ShapeKind::Blob => decode_base64(s).map(|b| Value::Blob(Blob::from(b))),
            ShapeKind::Timestamp => {
                Timestamp::parse(s, TimestampFormat::DateTime).map(Value::Timestamp)
            }
            ShapeKind::Float | ShapeKind::Double => match s {
                "NaN" => return self.float(f64::NAN),
                "Infinity" => return self.float(f64::INFINITY),
                "-Infinity" => return self.float(f64::NEG_INFINITY),
                _ => return text(),
            },
            _ => return text(),
        };
        parsed.map_err(E::custom)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Value, E> {
        self.visit_byte_buf(bytes.to_vec())
    }

    fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<Value, E> {
        match self.0 {
            ShapeKind::Blob => Ok(Value::Blob(Blob::from(bytes))),
            _ => Err(E::invalid_type(de::Unexpected::Bytes(&bytes), &self)),
        }
    }

    /// Bytes as a sequence of numbers, or a timestamp as `(seconds, nanoseconds)`.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        match self.0 {
            ShapeKind::Blob => {
                let mut bytes = Vec::new();
                while let Some(byte) = seq.next_element::<u8>()? {
                    bytes.push(byte);
                }
                Ok(Value::Blob(Blob::from(bytes)))
            }
            ShapeKind::Timestamp => {
                let missing = || de::Error::invalid_length(0, &self);
                let secs = seq.next_element::<i64>()?.ok_or_else(missing)?;
                let nanos = seq.next_element::<u32>()?.ok_or_else(missing)?;
                Timestamp::from_secs_and_nanos(secs, nanos)
                    .map(Value::Timestamp)
                    .ok_or_else(|| de::Error::custom("nanoseconds must be below one billion"))
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Seq, &self)),
        }
    }
}

/// Any serde value as a [`Document`], nesting counted.
struct DocVisitor(Depth);

impl<'de> DeserializeSeed<'de> for DocVisitor {
    type Value = Document;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Document, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for DocVisitor {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a document (JSON-like data)")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Document, D::Error> {
        de.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Document, E> {
        Ok(Document::Boolean(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Document, E> {
        Ok(Document::Number(match u64::try_from(n) {
            Ok(n) => Number::PosInt(n),
            Err(_) => Number::NegInt(n),
        }))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Document, E> {
        Ok(Document::Number(Number::PosInt(n)))
    }

    fn visit_f64<E: de::Error>(self, x: f64) -> Result<Document, E> {
        Ok(Document::Number(Number::Float(x)))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Document, E> {
        Ok(Document::String(s.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Document, A::Error> {
        let depth = self.0.deeper().map_err(de::Error::custom)?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(DocVisitor(depth))? {
            items.push(item);
        }
        Ok(Document::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let depth = self.0.deeper().map_err(de::Error::custom)?;
        let mut entries = crate::types::IndexMap::new();
        while let Some(key) = map.next_key::<String>()? {
            entries.insert(key, map.next_value_seed(DocVisitor(depth))?);
        }
        Ok(Document::Object(entries))
    }
}

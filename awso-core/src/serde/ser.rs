//! Writing: a shape's `Value` tree, handed to a serde `Serializer`.

use ::serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeTuple, Serializer};

use crate::schema::TimestampFormat;
use crate::types::{Document, Number, Timestamp, encode_base64};
use crate::value::Value;

/// A `Value` as serde data (see the mapping in the [module documentation](super)).
pub(super) struct Tree<'a>(pub(super) &'a Value);

impl Serialize for Tree<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let human = ser.is_human_readable();
        match self.0 {
            Value::Null => ser.serialize_none(),
            Value::Boolean(b) => ser.serialize_bool(*b),
            Value::Integer(n) => ser.serialize_i32(*n),
            Value::Long(n) => ser.serialize_i64(*n),
            Value::Float(x) if human && !x.is_finite() => {
                ser.serialize_str(non_finite(f64::from(*x)))
            }
            Value::Float(x) => ser.serialize_f32(*x),
            Value::Double(x) if human && !x.is_finite() => ser.serialize_str(non_finite(*x)),
            Value::Double(x) => ser.serialize_f64(*x),
            Value::BigInteger(n) => ser.serialize_str(n.as_str()),
            Value::BigDecimal(n) => ser.serialize_str(n.as_str()),
            Value::String(s) | Value::Enum(s) => ser.serialize_str(s),
            Value::Blob(b) if human => ser.serialize_str(&encode_base64(b.as_bytes())),
            Value::Blob(b) => ser.serialize_bytes(b.as_bytes()),
            Value::Timestamp(t) => timestamp(t, ser),
            Value::List(items) => {
                let mut seq = ser.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Tree(item))?;
                }
                seq.end()
            }
            Value::Map(entries) => entries_of(entries.iter().map(|(k, v)| (k.as_str(), v)), ser),
            Value::Structure(members) => {
                entries_of(members.iter().map(|(k, v)| (k.as_ref(), v)), ser)
            }
            Value::Document(d) => Doc(d).serialize(ser),
        }
    }
}

/// The names the AWS JSON protocols give non-finite numbers (serde_json would write `null`).
fn non_finite(x: f64) -> &'static str {
    if x.is_nan() {
        "NaN"
    } else if x > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
}

/// RFC 3339 text in human-readable formats; `(seconds, nanoseconds)` otherwise.
fn timestamp<S: Serializer>(t: &Timestamp, ser: S) -> Result<S::Ok, S::Error> {
    if ser.is_human_readable() {
        let text = t
            .format(TimestampFormat::DateTime)
            .map_err(::serde::ser::Error::custom)?;
        ser.serialize_str(&text)
    } else {
        let mut tuple = ser.serialize_tuple(2)?;
        tuple.serialize_element(&t.secs())?;
        tuple.serialize_element(&t.subsec_nanos())?;
        tuple.end()
    }
}

/// A map (or a structure's members) as a serde map with string keys.
fn entries_of<'a, S, I>(entries: I, ser: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    I: ExactSizeIterator<Item = (&'a str, &'a Value)>,
{
    let mut map = ser.serialize_map(Some(entries.len()))?;
    for (key, value) in entries {
        map.serialize_entry(key, &Tree(value))?;
    }
    map.end()
}

/// A document as serde's own data model: it is JSON-like already.
struct Doc<'a>(&'a Document);

impl Serialize for Doc<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Document::Null => ser.serialize_unit(),
            Document::Boolean(b) => ser.serialize_bool(*b),
            Document::Number(Number::PosInt(n)) => ser.serialize_u64(*n),
            Document::Number(Number::NegInt(n)) => ser.serialize_i64(*n),
            Document::Number(Number::Float(x)) => ser.serialize_f64(*x),
            Document::String(s) => ser.serialize_str(s),
            Document::Array(items) => {
                let mut seq = ser.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Doc(item))?;
                }
                seq.end()
            }
            Document::Object(entries) => {
                let mut map = ser.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, &Doc(value))?;
                }
                map.end()
            }
        }
    }
}

//! botocore-style parameters as [`Document`]s, to and from [`Value`]s of a schema, so a
//! dynamic user (or a driver speaking for botocore) does not write a schema walker.
//!
//! The JSON stands for what botocore takes and gives: structures and maps as objects, lists
//! as arrays, `null` as an absent member (or a sparse item), blobs as **base64 text** (JSON
//! holds no bytes), timestamps as epoch seconds (fractions kept to the microsecond; ISO 8601
//! text is read too), non-finite floats as `"NaN"`, `"Infinity"`, `"-Infinity"`, big numbers
//! as numbers or text, documents as themselves; a `jsonvalue` (mediaType JSON) string may be
//! given as the JSON it holds and becomes its text; a union's unknown member is botocore's
//! `{"SDK_UNKNOWN_MEMBER": {"name": ...}}`. Reading is strict: a member the shape lacks
//! or a value of the wrong kind is an error naming the member path, never dropped.
//!
//! ```
//! use awso_core::schema::Member;
//! use awso_core::{Document, Value, params};
//!
//! let model = awso_core::dynamic::Model::from_botocore(r#"{"shapes": {
//!   "S": {"type": "structure", "members": {"B": {"shape": "Bl"}, "T": {"shape": "Ts"}}},
//!   "Bl": {"type": "blob"}, "Ts": {"type": "timestamp"}}}"#)?;
//! let root = Member::root(model.shape("S").unwrap());
//! let given: Document = awso_core::json::from_str(r#"{"B": "aGk=", "T": 1.5}"#)?;
//! let value = params::to_value(&given, &root)?;
//! assert_eq!(value.get("B"), Some(&Value::Blob("hi".into())));
//! assert_eq!(params::to_params(&value), given);
//!
//! let wrong: Document = awso_core::json::from_str(r#"{"T": [1]}"#)?;
//! let err = params::to_value(&wrong, &root).unwrap_err();
//! assert_eq!(err.to_string(), "expected a timestamp (epoch seconds or date text), found an array, at T");
//! # Ok::<(), awso_core::Error>(())
//! ```

use base64::Engine as _;
use indexmap::IndexMap;

use crate::error::{Error, Result};
use crate::schema::{Member, Schema, ShapeKind, TimestampFormat};
use crate::types::{Blob, Document, Number, Timestamp};
use crate::value::Value;

/// How blobs are written in the parameters.
///
/// ```
/// use awso_core::params::Blobs;
///
/// assert_ne!(Blobs::Base64, Blobs::Text);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blobs {
    /// Base64 text: any bytes (the default, and what [`to_params`] writes).
    Base64,
    /// The text's UTF-8 bytes, as botocore's protocol test files write them.
    Text,
}

/// The `Value` that the botocore-style `data` stands for at `member` (blobs in base64).
///
/// ```
/// use awso_core::schema::Member;
///
/// let model = awso_core::dynamic::Model::from_botocore(r#"{"shapes": {"N": {"type": "integer"}}}"#)?;
/// let member = Member::root(model.shape("N").unwrap());
/// assert_eq!(awso_core::params::to_value(&7.into(), &member)?, awso_core::Value::Integer(7));
/// assert!(awso_core::params::to_value(&"7".into(), &member).is_err());
/// # Ok::<(), awso_core::Error>(())
/// ```
///
/// # Errors
///
/// When `data` does not fit the member's shape, or names a member the shape lacks; the error's
/// [`path`](Error::path) says where.
pub fn to_value(data: &Document, member: &Member) -> Result<Value> {
    to_value_with(data, member, Blobs::Base64)
}

/// [`to_value`] with blobs written as `blobs` says.
///
/// ```
/// use awso_core::params::{Blobs, to_value_with};
/// use awso_core::schema::Member;
///
/// let model = awso_core::dynamic::Model::from_botocore(r#"{"shapes": {"Bl": {"type": "blob"}}}"#)?;
/// let member = Member::root(model.shape("Bl").unwrap());
/// let value = to_value_with(&"hi".into(), &member, Blobs::Text)?;
/// assert_eq!(value, awso_core::Value::Blob("hi".into()));
/// # Ok::<(), awso_core::Error>(())
/// ```
///
/// # Errors
///
/// As [`to_value`].
pub fn to_value_with(data: &Document, member: &Member, blobs: Blobs) -> Result<Value> {
    use ShapeKind as K;
    let schema = member.target();
    let mismatch = || Error::expected(expected(schema.kind()), found(data));
    Ok(match (schema.kind(), data) {
        (_, Document::Null) => Value::Null,
        (K::Structure | K::Union, Document::Object(fields)) => structure(schema, fields, blobs)?,
        (K::List, Document::Array(items)) => {
            let item = member.list_item()?;
            let mut values = Vec::with_capacity(items.len());
            for (i, data) in items.iter().enumerate() {
                values.push(to_value_with(data, item, blobs).map_err(|e| e.in_item(i))?);
            }
            Value::List(values)
        }
        (K::Map, Document::Object(entries)) => {
            let (_, value) = member.map_entry()?;
            let mut values = Vec::with_capacity(entries.len());
            for (key, data) in entries {
                let item = to_value_with(data, value, blobs).map_err(|e| e.in_key(key))?;
                values.push((key.clone(), item));
            }
            Value::Map(values)
        }
        (K::String, Document::String(s)) => Value::String(s.clone()),
        // botocore gives a `jsonvalue` (mediaType JSON) string as the JSON it holds; awso
        // holds the JSON text.
        (K::String, _) if is_json_text(member) => Value::String(crate::json::to_string(data)?),
        (K::Enum, Document::String(s)) => Value::Enum(s.clone()),
        (K::Boolean, Document::Boolean(b)) => Value::Boolean(*b),
        (K::Byte | K::Short | K::Integer | K::IntEnum, Document::Number(n)) => {
            let n = integer(*n).ok_or_else(mismatch)?;
            Value::Integer(
                i32::try_from(n).map_err(|_| Error::out_of_range("an integer", n.to_string()))?,
            )
        }
        (K::Long, Document::Number(n)) => Value::Long(integer(*n).ok_or_else(mismatch)?),
        (K::Float, _) => Value::Float(float(data).ok_or_else(mismatch)? as f32),
        (K::Double, _) => Value::Double(float(data).ok_or_else(mismatch)?),
        (K::BigInteger, Document::Number(_) | Document::String(_)) => {
            Value::BigInteger(number_text(data)?.parse()?)
        }
        (K::BigDecimal, Document::Number(_) | Document::String(_)) => {
            Value::BigDecimal(number_text(data)?.parse()?)
        }
        (K::Blob, Document::String(s)) if blobs == Blobs::Text => {
            Value::Blob(Blob::from(s.as_str()))
        }
        (K::Blob, Document::String(s)) => Value::Blob(Blob::new(
            base64::engine::general_purpose::STANDARD
                .decode(s)
                .map_err(|e| Error::invalid("base64", e.to_string()))?,
        )),
        (K::Timestamp, Document::Number(n)) => Value::Timestamp(timestamp(*n)),
        (K::Timestamp, Document::String(s)) => {
            Value::Timestamp(Timestamp::parse(s, TimestampFormat::DateTime)?)
        }
        (K::Document, _) => Value::Document(data.clone()),
        _ => return Err(mismatch()),
    })
}

fn structure(
    schema: &'static Schema,
    fields: &IndexMap<String, Document>,
    blobs: Blobs,
) -> Result<Value> {
    if let Some(name) = unknown_union_member(schema, fields) {
        return Ok(Value::Structure(vec![(
            name.to_owned().into(),
            Value::Null,
        )]));
    }
    if let Some(unknown) = fields.keys().find(|k| schema.member_named(k).is_none()) {
        return Err(Error::invalid(
            "member",
            format!("`{}` has no member `{unknown}`", schema.name()),
        ));
    }
    let mut members = Vec::new();
    for m in schema.members() {
        if let Some(value) = fields.get(m.name()).filter(|v| !v.is_null()) {
            let value = to_value_with(value, m, blobs).map_err(|e| e.in_member(m.name()))?;
            members.push((m.name().into(), value));
        }
    }
    Ok(Value::Structure(members))
}

/// Whether `member` holds JSON text (`@mediaType` JSON, botocore's `jsonvalue`).
fn is_json_text(member: &Member) -> bool {
    member
        .traits()
        .media_type
        .or(member.target().traits().media_type)
        .is_some_and(|m| m == "application/json" || m.ends_with("+json"))
}

/// The name of the member a union's `{"SDK_UNKNOWN_MEMBER": {"name": ...}}` stands for:
/// botocore's spelling, in results, of a member the model does not know (kept by name, with
/// [`Value::Null`] as the value).
fn unknown_union_member<'d>(
    schema: &Schema,
    fields: &'d IndexMap<String, Document>,
) -> Option<&'d str> {
    if schema.kind() != ShapeKind::Union || fields.len() != 1 {
        return None;
    }
    fields.get("SDK_UNKNOWN_MEMBER")?.get("name")?.as_str()
}

/// What a shape kind takes, for the error of a value that does not fit.
fn expected(kind: ShapeKind) -> &'static str {
    use ShapeKind as K;
    match kind {
        K::Structure | K::Union => "an object (a structure)",
        K::Map => "an object (a map)",
        K::List => "an array",
        K::String | K::Enum => "a string",
        K::Boolean => "a boolean",
        K::Byte | K::Short | K::Integer | K::IntEnum | K::Long => "an integer",
        K::Float | K::Double => "a number (or \"NaN\", \"Infinity\", \"-Infinity\")",
        K::BigInteger | K::BigDecimal => "a number or its text",
        K::Blob => "a string (a blob)",
        K::Timestamp => "a timestamp (epoch seconds or date text)",
        _ => "a value of the shape",
    }
}

fn found(data: &Document) -> &'static str {
    match data {
        Document::Null => "null",
        Document::Boolean(_) => "a boolean",
        Document::Number(_) => "a number",
        Document::String(_) => "a string",
        Document::Array(_) => "an array",
        Document::Object(_) => "an object",
    }
}

/// The botocore-style parameters of `value`: the inverse of [`to_value`].
///
/// ```
/// use awso_core::{Document, Value};
///
/// let value = Value::Structure(vec![("Size".into(), Value::Double(f64::INFINITY))]);
/// let params = awso_core::params::to_params(&value);
/// assert_eq!(params.get("Size"), Some(&Document::from("Infinity")));
/// ```
#[must_use]
pub fn to_params(value: &Value) -> Document {
    match value {
        Value::Null => Document::Null,
        Value::Boolean(b) => Document::Boolean(*b),
        Value::Integer(n) => Document::from(i64::from(*n)),
        Value::Long(n) => Document::from(*n),
        Value::Float(x) => finite(f64::from(*x)),
        Value::Double(x) => finite(*x),
        Value::BigInteger(n) => Document::String(n.as_str().to_owned()),
        Value::BigDecimal(n) => Document::String(n.as_str().to_owned()),
        Value::String(s) | Value::Enum(s) => Document::String(s.clone()),
        Value::Blob(b) => {
            Document::String(base64::engine::general_purpose::STANDARD.encode(b.as_bytes()))
        }
        Value::Timestamp(t) => epoch(*t),
        Value::List(items) => Document::Array(items.iter().map(to_params).collect()),
        Value::Map(entries) => Document::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), to_params(v)))
                .collect(),
        ),
        Value::Structure(members) => Document::Object(
            members
                .iter()
                .map(|(k, v)| (k.to_string(), to_params(v)))
                .collect(),
        ),
        Value::Document(d) => d.clone(),
    }
}

fn finite(x: f64) -> Document {
    if x.is_nan() {
        Document::from("NaN")
    } else if x.is_infinite() {
        Document::from(if x > 0.0 { "Infinity" } else { "-Infinity" })
    } else {
        Document::from(x)
    }
}

fn epoch(t: Timestamp) -> Document {
    if t.subsec_nanos() == 0 {
        Document::from(t.secs())
    } else {
        Document::from(t.secs() as f64 + f64::from(t.subsec_nanos()) / 1e9)
    }
}

fn number_text(data: &Document) -> Result<String> {
    match data {
        Document::String(s) => Ok(s.clone()),
        other => crate::json::to_string(other),
    }
}

fn integer(n: Number) -> Option<i64> {
    match n {
        Number::PosInt(n) => i64::try_from(n).ok(),
        Number::NegInt(n) => Some(n),
        // Integral doubles below 2^53 are exact: botocore's JSON gives `3.0` for 3 at times.
        Number::Float(x) if x.fract() == 0.0 && x.abs() < 9e15 => Some(x as i64),
        Number::Float(_) => None,
    }
}

fn float(data: &Document) -> Option<f64> {
    match data {
        Document::Number(Number::PosInt(n)) => Some(*n as f64),
        Document::Number(Number::NegInt(n)) => Some(*n as f64),
        Document::Number(Number::Float(x)) => Some(*x),
        Document::String(s) => match s.as_str() {
            "NaN" => Some(f64::NAN),
            "Infinity" => Some(f64::INFINITY),
            "-Infinity" => Some(f64::NEG_INFINITY),
            _ => None,
        },
        _ => None,
    }
}

/// Epoch seconds, an integer or a float; fractions kept to the microsecond (what a double
/// holds at current dates); out of range saturates to the nearest representable second.
fn timestamp(n: Number) -> Timestamp {
    match n {
        Number::PosInt(s) => Timestamp::from_secs(i64::try_from(s).unwrap_or(i64::MAX)),
        Number::NegInt(s) => Timestamp::from_secs(s),
        Number::Float(x) => {
            let secs = x.floor();
            let micros = ((x - secs) * 1e6).round() as u32;
            let (secs, micros) = if micros >= 1_000_000 {
                (secs + 1.0, 0)
            } else {
                (secs, micros)
            };
            Timestamp::from_secs_and_nanos(secs as i64, micros * 1000)
                .unwrap_or(Timestamp::UNIX_EPOCH)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dynamic::Model;

    fn model() -> Model {
        Model::from_botocore(
            r#"{"shapes": {
              "S": {"type": "structure", "members": {
                "L": {"shape": "L"}, "M": {"shape": "M"}, "N": {"shape": "N"}}},
              "L": {"type": "list", "member": {"shape": "N"}},
              "M": {"type": "map", "key": {"shape": "K"}, "value": {"shape": "N"}},
              "K": {"type": "string"}, "N": {"type": "integer"}}}"#,
        )
        .unwrap()
    }

    fn read(text: &str) -> Result<Value> {
        let model = model();
        let data: Document = crate::json::from_str(text)?;
        to_value(&data, &Member::root(model.shape("S").unwrap()))
    }

    #[test]
    fn errors_name_the_member_path() {
        let err = read(r#"{"L": [1, "x"]}"#).unwrap_err();
        assert_eq!(err.path(), "L[1]");
        let err = read(r#"{"M": {"k": true}}"#).unwrap_err();
        assert_eq!(err.path(), "M[\"k\"]");
        let err = read(r#"{"N": 3000000000}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "3000000000 is out of range for an integer, at N"
        );
        let err = read(r#"{"Q": 1}"#).unwrap_err();
        assert!(err.to_string().contains("`S` has no member `Q`"), "{err}");
    }

    #[test]
    fn values_round_trip_through_params() {
        let value = read(r#"{"L": [1, 2], "M": {"a": 3}, "N": 4.0}"#).unwrap();
        assert_eq!(value.get("N"), Some(&Value::Integer(4)));
        let back = to_params(&value);
        let again = to_value(&back, &Member::root(model().shape("S").unwrap())).unwrap();
        assert_eq!(again, value);
    }

    #[test]
    fn float_timestamps_keep_microseconds() {
        let t = timestamp(Number::Float(1.25));
        assert_eq!((t.secs(), t.subsec_nanos()), (1, 250_000_000));
        let t = timestamp(Number::Float(1_700_000_000.123_456));
        assert_eq!((t.secs(), t.subsec_nanos()), (1_700_000_000, 123_456_000));
        let t = timestamp(Number::Float(1.999_999_9));
        assert_eq!((t.secs(), t.subsec_nanos()), (2, 0));
    }
}

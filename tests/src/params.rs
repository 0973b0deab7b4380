//! botocore-style params as JSON and [`Value`]s, both ways, so a dynamic user (or a
//! driver speaking for botocore) does not write a schema walker.
//!
//! The JSON stands for what botocore takes and gives: structures and maps as objects,
//! lists as arrays, `null` as an absent member (or a sparse item), blobs as **base64 text**
//! (JSON holds no bytes), timestamps as epoch seconds (fractions kept to the microsecond;
//! ISO 8601 text is read too), non-finite floats as `"NaN"`, `"Infinity"`, `"-Infinity"`,
//! big numbers as numbers or text, documents as themselves; a `jsonvalue` (mediaType JSON)
//! string may be given as the JSON it holds and becomes its text; a union's unknown member
//! is botocore's `{"SDK_UNKNOWN_MEMBER": {"name": ...}}`.
//!
//! ```
//! use awso_core::schema::Member;
//! use awso_core::{Document, Value};
//!
//! let model = awso_core::dynamic::Model::from_botocore(r#"{"shapes": {
//!   "S": {"type": "structure", "members": {"B": {"shape": "Bl"}, "T": {"shape": "Ts"}}},
//!   "Bl": {"type": "blob"}, "Ts": {"type": "timestamp"}}}"#)?;
//! let schema = model.shape("S").unwrap();
//! let params: Document = awso_core::json::from_str(r#"{"B": "aGk=", "T": 1.5}"#)?;
//! let value = awso_tests::params::to_value(&params, &Member::root(schema)).unwrap();
//! assert_eq!(value.get("B"), Some(&Value::Blob("hi".into())));
//! assert_eq!(awso_tests::params::to_params(&value), params);
//! # Ok::<(), awso_core::Error>(())
//! ```

use awso_core::schema::TimestampFormat;
use awso_core::schema::{Member, ShapeKind};
use awso_core::types::Number;
use awso_core::{Blob, Document, Timestamp, Value};
use base64::Engine as _;
use indexmap::IndexMap;

/// How blobs are written in the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blobs {
    /// Base64 text: any bytes (the default, and what [`to_params`] writes).
    Base64,
    /// The text's UTF-8 bytes, as botocore's protocol test files write them.
    Text,
}

/// The `Value` that the botocore-style `data` stands for at `member` (blobs in base64); an
/// error names the member path and what does not fit.
///
/// # Errors
///
/// When `data` does not fit the member's shape, or names a member the shape lacks.
pub fn to_value(data: &Document, member: &Member) -> Result<Value, String> {
    to_value_with(data, member, Blobs::Base64)
}

/// [`to_value`] with blobs written as `blobs` says.
///
/// ```
/// use awso_core::schema::Member;
/// use awso_tests::params::{Blobs, to_value_with};
///
/// let model = awso_core::dynamic::Model::from_botocore(
///     r#"{"shapes": {"Bl": {"type": "blob"}}}"#)?;
/// let member = Member::root(model.shape("Bl").unwrap());
/// let value = to_value_with(&"hi".into(), &member, Blobs::Text).unwrap();
/// assert_eq!(value, awso_core::Value::Blob("hi".into()));
/// # Ok::<(), awso_core::Error>(())
/// ```
///
/// # Errors
///
/// As [`to_value`].
pub fn to_value_with(data: &Document, member: &Member, blobs: Blobs) -> Result<Value, String> {
    use ShapeKind as K;
    let schema = member.target();
    let mismatch = || {
        format!(
            "`{}` ({}) cannot hold {data:?}",
            schema.name(),
            schema.kind().as_str()
        )
    };
    Ok(match (schema.kind(), data) {
        (_, Document::Null) => Value::Null,
        (K::Structure | K::Union, Document::Object(fields)) => structure(schema, fields, blobs)?,
        (K::List, Document::Array(items)) => {
            let item = member.list_item().map_err(|e| e.to_string())?;
            Value::List(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, d)| to_value_with(d, item, blobs).map_err(|e| format!("[{i}].{e}")))
                    .collect::<Result<_, _>>()?,
            )
        }
        (K::Map, Document::Object(entries)) => {
            let (_, value) = member.map_entry().map_err(|e| e.to_string())?;
            Value::Map(
                entries
                    .iter()
                    .map(|(k, d)| {
                        Ok((
                            k.clone(),
                            to_value_with(d, value, blobs).map_err(|e| format!("{k}.{e}"))?,
                        ))
                    })
                    .collect::<Result<_, String>>()?,
            )
        }
        (K::String, Document::String(s)) => Value::String(s.clone()),
        // botocore gives a `jsonvalue` (mediaType JSON) string as the JSON it holds; awso
        // holds the JSON text.
        (K::String, _) if is_json_text(member) => {
            Value::String(awso_core::json::to_string(data).map_err(|e| e.to_string())?)
        }
        (K::Enum, Document::String(s)) => Value::Enum(s.clone()),
        (K::Boolean, Document::Boolean(b)) => Value::Boolean(*b),
        (K::Byte | K::Short | K::Integer | K::IntEnum, Document::Number(n)) => Value::Integer(
            integer(*n)
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(mismatch)?,
        ),
        (K::Long, Document::Number(n)) => Value::Long(integer(*n).ok_or_else(mismatch)?),
        #[allow(clippy::cast_possible_truncation)]
        (K::Float, _) => Value::Float(float(data).ok_or_else(mismatch)? as f32),
        (K::Double, _) => Value::Double(float(data).ok_or_else(mismatch)?),
        (K::BigInteger, Document::Number(_) | Document::String(_)) => {
            Value::BigInteger(number_text(data).parse().map_err(|e| format!("{e}"))?)
        }
        (K::BigDecimal, Document::Number(_) | Document::String(_)) => {
            Value::BigDecimal(number_text(data).parse().map_err(|e| format!("{e}"))?)
        }
        (K::Blob, Document::String(s)) if blobs == Blobs::Text => {
            Value::Blob(Blob::from(s.as_str()))
        }
        (K::Blob, Document::String(s)) => Value::Blob(Blob::new(
            base64::engine::general_purpose::STANDARD
                .decode(s)
                .map_err(|e| format!("`{}`: blob is not base64: {e}", schema.name()))?,
        )),
        (K::Timestamp, Document::Number(n)) => Value::Timestamp(timestamp(*n)),
        (K::Timestamp, Document::String(s)) => Value::Timestamp(
            Timestamp::parse(s, TimestampFormat::DateTime).map_err(|e| e.to_string())?,
        ),
        (K::Document, _) => Value::Document(data.clone()),
        _ => return Err(mismatch()),
    })
}

fn structure(
    schema: &'static awso_core::Schema,
    fields: &IndexMap<String, Document>,
    blobs: Blobs,
) -> Result<Value, String> {
    if let Some(name) = unknown_union_member(schema, fields) {
        return Ok(Value::Structure(vec![(
            name.to_owned().into(),
            Value::Null,
        )]));
    }
    if let Some(unknown) = fields.keys().find(|k| schema.member_named(k).is_none()) {
        return Err(format!("`{}` has no member `{unknown}`", schema.name()));
    }
    let mut members = Vec::new();
    for m in schema.members() {
        if let Some(value) = fields.get(m.name()).filter(|v| !v.is_null()) {
            let value = to_value_with(value, m, blobs).map_err(|e| format!("{}.{e}", m.name()))?;
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
/// botocore's spelling, in results, of a member the model does not know (awso keeps the
/// name, with [`Value::Null`] as the value).
fn unknown_union_member<'d>(
    schema: &awso_core::Schema,
    fields: &'d IndexMap<String, Document>,
) -> Option<&'d str> {
    if schema.kind() != ShapeKind::Union || fields.len() != 1 {
        return None;
    }
    fields.get("SDK_UNKNOWN_MEMBER")?.get("name")?.as_str()
}

/// The botocore-style JSON of `value`: the inverse of [`to_value`].
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

#[allow(clippy::cast_precision_loss)]
fn epoch(t: Timestamp) -> Document {
    if t.subsec_nanos() == 0 {
        Document::from(t.secs())
    } else {
        Document::from(t.secs() as f64 + f64::from(t.subsec_nanos()) / 1e9)
    }
}

fn number_text(data: &Document) -> String {
    match data {
        Document::String(s) => s.clone(),
        other => awso_core::json::to_string(other).unwrap_or_default(),
    }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
fn integer(n: Number) -> Option<i64> {
    match n {
        Number::PosInt(n) => i64::try_from(n).ok(),
        Number::NegInt(n) => Some(n),
        Number::Float(x) if x.fract() == 0.0 && x.abs() < 9e15 => Some(x as i64),
        Number::Float(_) => None,
    }
}

#[allow(clippy::cast_precision_loss)]
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
/// holds at current dates).
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap
)]
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

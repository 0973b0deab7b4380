//! The suites' data (`params`, `result`, `error`) as `Value`s of a schema, following
//! botocore's conventions: timestamps as epoch seconds, blobs as plain strings, non-finite
//! floats as `"NaN"`, `"Infinity"`, `"-Infinity"`.

use awso_core::schema::{Member, ShapeKind};
use awso_core::types::Number;
use awso_core::{Blob, Document, Timestamp, Value};

/// The `Value` that `data` stands for at `member`.
pub(crate) fn to_value(data: &Document, member: &Member) -> Result<Value, String> {
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
        (K::Structure | K::Union, Document::Object(fields)) => {
            let mut members = Vec::new();
            for m in schema.members() {
                if let Some(value) = fields.get(m.name()) {
                    if !value.is_null() {
                        members.push((
                            m.name().into(),
                            to_value(value, m).map_err(|e| format!("{}.{e}", m.name()))?,
                        ));
                    }
                }
            }
            if let Some(unknown) = fields.keys().find(|k| schema.member_named(k).is_none()) {
                return Err(format!("`{}` has no member `{unknown}`", schema.name()));
            }
            Value::Structure(members)
        }
        (K::List, Document::Array(items)) => {
            let item = member.list_item().map_err(|e| e.to_string())?;
            Value::List(
                items
                    .iter()
                    .map(|d| to_value(d, item))
                    .collect::<Result<_, _>>()?,
            )
        }
        (K::Map, Document::Object(entries)) => {
            let (_, value) = member.map_entry().map_err(|e| e.to_string())?;
            Value::Map(
                entries
                    .iter()
                    .map(|(k, d)| Ok((k.clone(), to_value(d, value)?)))
                    .collect::<Result<_, String>>()?,
            )
        }
        (K::String, Document::String(s)) => Value::String(s.clone()),
        (K::Enum, Document::String(s)) => Value::Enum(s.clone()),
        (K::Boolean, Document::Boolean(b)) => Value::Boolean(*b),
        (K::Byte | K::Short | K::Integer | K::IntEnum, Document::Number(n)) => Value::Integer(
            integer(*n)
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(mismatch)?,
        ),
        (K::Long, Document::Number(n)) => Value::Long(integer(*n).ok_or_else(mismatch)?),
        (K::Float, _) => Value::Float(float(data).ok_or_else(mismatch)? as f32),
        (K::Double, _) => Value::Double(float(data).ok_or_else(mismatch)?),
        (K::BigInteger, Document::Number(n)) => Value::BigInteger(
            integer(*n)
                .ok_or_else(mismatch)?
                .to_string()
                .parse()
                .map_err(|e| format!("{e}"))?,
        ),
        (K::BigDecimal, Document::Number(_)) => Value::BigDecimal(
            awso_core::json::to_string(data)
                .map_err(|e| e.to_string())?
                .parse()
                .map_err(|e| format!("{e}"))?,
        ),
        (K::Blob, Document::String(s)) => Value::Blob(Blob::from(s.as_str())),
        (K::Timestamp, Document::Number(n)) => Value::Timestamp(timestamp(*n)),
        (K::Document, _) => Value::Document(data.clone()),
        _ => return Err(mismatch()),
    })
}

fn integer(n: Number) -> Option<i64> {
    match n {
        Number::PosInt(n) => i64::try_from(n).ok(),
        Number::NegInt(n) => Some(n),
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

/// Epoch seconds, given as an integer or a float; fractions are kept to the microsecond
/// (the precision a double holds at current dates).
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

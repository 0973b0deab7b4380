//! A readable, indented rendering of a `Value` tree.

use std::fmt::{self, Write as _};

use super::Value;
use crate::schema::TimestampFormat;

impl fmt::Display for Value {
    /// Renders the tree one member per line, each scalar tagged with its kind:
    ///
    /// ```
    /// use awso_core::Value;
    ///
    /// let v = Value::Structure(vec![
    ///     ("Url".into(), Value::String("https://x".into())),
    ///     ("Sizes".into(), Value::List(vec![Value::Long(1), Value::Long(2)])),
    /// ]);
    /// assert_eq!(
    ///     v.to_string(),
    ///     "Structure {\n  Url: String \"https://x\"\n  Sizes: List [\n    Long 1\n    Long 2\n  ]\n}"
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_value(f, self, 0)
    }
}

fn indent(f: &mut fmt::Formatter<'_>, depth: usize) -> fmt::Result {
    for _ in 0..depth {
        f.write_str("  ")?;
    }
    Ok(())
}

fn write_value(f: &mut fmt::Formatter<'_>, value: &Value, depth: usize) -> fmt::Result {
    match value {
        Value::Structure(fields) => {
            f.write_str("Structure {\n")?;
            for (name, v) in fields {
                indent(f, depth + 1)?;
                write!(f, "{name}: ")?;
                write_value(f, v, depth + 1)?;
                f.write_char('\n')?;
            }
            indent(f, depth)?;
            f.write_char('}')
        }
        Value::List(items) => {
            f.write_str("List [\n")?;
            for v in items {
                indent(f, depth + 1)?;
                write_value(f, v, depth + 1)?;
                f.write_char('\n')?;
            }
            indent(f, depth)?;
            f.write_char(']')
        }
        Value::Map(entries) => {
            f.write_str("Map {\n")?;
            for (k, v) in entries {
                indent(f, depth + 1)?;
                write!(f, "{k:?}: ")?;
                write_value(f, v, depth + 1)?;
                f.write_char('\n')?;
            }
            indent(f, depth)?;
            f.write_char('}')
        }
        Value::Null => f.write_str("Null"),
        Value::Boolean(b) => write!(f, "Boolean {b}"),
        Value::Integer(n) => write!(f, "Integer {n}"),
        Value::Long(n) => write!(f, "Long {n}"),
        Value::Float(x) => write!(f, "Float {x}"),
        Value::Double(x) => write!(f, "Double {x}"),
        Value::BigInteger(n) => write!(f, "BigInteger {n}"),
        Value::BigDecimal(n) => write!(f, "BigDecimal {n}"),
        Value::String(s) => write!(f, "String {s:?}"),
        Value::Enum(s) => write!(f, "Enum {s}"),
        Value::Blob(b) => write!(f, "Blob ({} bytes)", b.as_bytes().len()),
        Value::Timestamp(t) => match t.format(TimestampFormat::DateTime) {
            Ok(text) => write!(f, "Timestamp {text}"),
            Err(_) => write!(f, "Timestamp {}s", t.secs()),
        },
        Value::Document(d) => write!(f, "Document {d:?}"),
    }
}

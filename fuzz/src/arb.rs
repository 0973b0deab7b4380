//! Arbitrary [`Value`] trees, two ways: free-form (a mirror of `Value` that derives
//! [`Arbitrary`], converted), and shaped by a schema (mostly the right kind at every member,
//! sometimes not), which reaches much deeper into the codecs than free-form trees do.

use arbitrary::{Arbitrary, Result, Unstructured};
use awso_core::schema::ShapeKind;
use awso_core::types::Number;
use awso_core::{Blob, Document, Schema, Timestamp, Value};
use indexmap::IndexMap;

/// Deeper than this, generated trees stop growing (past the codecs' limit of 128, so the
/// limit itself is exercised).
const MAX_DEPTH: usize = 160;

/// A free-form `Value`, as `arbitrary` derives it.
#[derive(Arbitrary, Debug)]
pub enum ArbValue {
    /// `Value::Null`.
    Null,
    /// `Value::Boolean`.
    Boolean(bool),
    /// `Value::Integer`.
    Integer(i32),
    /// `Value::Long`.
    Long(i64),
    /// `Value::Float`.
    Float(f32),
    /// `Value::Double`.
    Double(f64),
    /// `Value::BigInteger` (invalid text becomes zero).
    BigInteger(String),
    /// `Value::BigDecimal` (invalid text becomes zero).
    BigDecimal(String),
    /// `Value::String`.
    String(String),
    /// `Value::Enum`.
    Enum(String),
    /// `Value::Blob`.
    Blob(Vec<u8>),
    /// `Value::Timestamp` (nanoseconds reduced below one billion).
    Timestamp(i64, u32),
    /// `Value::List`.
    List(Vec<ArbValue>),
    /// `Value::Map`.
    Map(Vec<(String, ArbValue)>),
    /// `Value::Structure`.
    Structure(Vec<(ArbName, ArbValue)>),
    /// `Value::Document`.
    Document(ArbDocument),
}

/// A member name: mostly one the schemas know, so that free-form trees get past the first
/// member lookup.
#[derive(Arbitrary, Debug)]
pub enum ArbName {
    /// The n-th known name (modulo their number).
    Known(u8),
    /// Any text.
    Other(String),
}

/// A free-form `Document`.
#[derive(Arbitrary, Debug)]
pub enum ArbDocument {
    /// `null`.
    Null,
    /// A boolean.
    Boolean(bool),
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer (a non-negative one becomes `PosInt`).
    NegInt(i64),
    /// A float.
    Float(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<ArbDocument>),
    /// An object (a repeated key keeps its last value).
    Object(Vec<(String, ArbDocument)>),
}

/// Member names of every schema the value targets use.
const KNOWN_NAMES: &[&str] = &[
    "Id",
    "Role",
    "Priority",
    "Content",
    "Receipts",
    "Matrix",
    "Attributes",
    "ByRole",
    "MapOfLists",
    "Tags",
    "Labels",
    "Tree",
    "Scalars",
    "Text",
    "Bytes",
    "Receipt",
    "Lines",
    "ReadTimestamp",
    "RecipientParticipantId",
    "Value",
    "Children",
    "Next",
    "Boolean",
    "Byte",
    "Short",
    "Integer",
    "Long",
    "Float",
    "Double",
    "String",
    "Blob",
    "Timestamp",
    "DateTime",
    "EpochSeconds",
    "HttpDate",
    "BigInteger",
    "BigDecimal",
    "Document",
    "SparseList",
    "SparseMap",
    "Key",
    "Limit",
    "Since",
    "Extra",
    "Token",
    "Meta",
    "ClientToken",
    "Items",
    "Attrs",
    "Choice",
    "Data",
    "Ratio",
    "Stamp",
    "Dry",
    "Name",
    "Values",
    "Small",
    "Number",
    "Nested",
];

impl ArbValue {
    /// The `Value` this stands for.
    pub fn to_value(&self) -> Value {
        self.convert(0)
    }

    fn convert(&self, depth: usize) -> Value {
        if depth > MAX_DEPTH {
            return Value::Null;
        }
        let child = |v: &ArbValue| v.convert(depth + 1);
        match self {
            Self::Null => Value::Null,
            Self::Boolean(b) => Value::Boolean(*b),
            Self::Integer(n) => Value::Integer(*n),
            Self::Long(n) => Value::Long(*n),
            Self::Float(x) => Value::Float(*x),
            Self::Double(x) => Value::Double(*x),
            Self::BigInteger(s) => Value::BigInteger(s.parse().unwrap_or_default()),
            Self::BigDecimal(s) => Value::BigDecimal(s.parse().unwrap_or_default()),
            Self::String(s) => Value::String(s.clone()),
            Self::Enum(s) => Value::Enum(s.clone()),
            Self::Blob(b) => Value::Blob(Blob::new(b.clone())),
            Self::Timestamp(secs, nanos) => Value::Timestamp(timestamp(*secs, *nanos)),
            Self::List(items) => Value::List(items.iter().map(child).collect()),
            Self::Map(entries) => {
                Value::Map(entries.iter().map(|(k, v)| (k.clone(), child(v))).collect())
            }
            Self::Structure(members) => Value::Structure(
                members
                    .iter()
                    .map(|(name, v)| (name.to_name(), child(v)))
                    .collect(),
            ),
            Self::Document(d) => Value::Document(d.convert(depth + 1)),
        }
    }
}

impl ArbName {
    fn to_name(&self) -> awso_core::value::Name {
        match self {
            Self::Known(i) => KNOWN_NAMES[usize::from(*i) % KNOWN_NAMES.len()].into(),
            Self::Other(s) => s.clone().into(),
        }
    }
}

impl ArbDocument {
    fn convert(&self, depth: usize) -> Document {
        if depth > MAX_DEPTH {
            return Document::Null;
        }
        match self {
            Self::Null => Document::Null,
            Self::Boolean(b) => Document::Boolean(*b),
            Self::PosInt(n) => Document::Number(Number::PosInt(*n)),
            Self::NegInt(n) => Document::Number(Number::from(*n)),
            Self::Float(x) => Document::Number(Number::Float(*x)),
            Self::String(s) => Document::String(s.clone()),
            Self::Array(items) => {
                Document::Array(items.iter().map(|d| d.convert(depth + 1)).collect())
            }
            Self::Object(entries) => Document::Object(
                entries
                    .iter()
                    .map(|(k, d)| (k.clone(), d.convert(depth + 1)))
                    .collect::<IndexMap<_, _>>(),
            ),
        }
    }
}

fn timestamp(secs: i64, nanos: u32) -> Timestamp {
    Timestamp::from_secs_and_nanos(secs, nanos % 1_000_000_000).unwrap_or_default()
}

/// A `Value` for `schema`: the right kind at most members, and now and then a free-form
/// value, a null, or an unknown member instead.
pub fn shaped_value(u: &mut Unstructured<'_>, schema: &'static Schema) -> Result<Value> {
    shaped(u, schema, 0)
}

fn shaped(u: &mut Unstructured<'_>, schema: &'static Schema, depth: usize) -> Result<Value> {
    if depth > MAX_DEPTH || u.is_empty() {
        return Ok(Value::Null);
    }
    // One time in sixteen, anything at all.
    if u.ratio(1, 16)? {
        return Ok(ArbValue::arbitrary(u)?.convert(depth));
    }
    Ok(match schema.kind() {
        ShapeKind::Structure | ShapeKind::Union => {
            let mut members = Vec::new();
            for member in schema.members() {
                if u.arbitrary()? {
                    members.push((member.name().into(), shaped(u, member.target(), depth + 1)?));
                }
            }
            if u.ratio(1, 8)? {
                let name: String = u.arbitrary()?;
                members.push((name.into(), ArbValue::arbitrary(u)?.convert(depth + 1)));
            }
            if u.ratio(1, 8)? && members.len() > 1 {
                members.reverse();
            }
            Value::Structure(members)
        }
        ShapeKind::List => {
            let item = schema.list_member().map(awso_core::Member::target);
            let mut items = Vec::new();
            while let (Some(item), true) = (item, u.arbitrary::<bool>()?) {
                items.push(shaped(u, item, depth + 1)?);
            }
            Value::List(items)
        }
        ShapeKind::Map => {
            let value = schema.map_members().map(|(_, v)| v.target());
            let mut entries = Vec::new();
            while let (Some(value), true) = (value, u.arbitrary::<bool>()?) {
                entries.push((u.arbitrary()?, shaped(u, value, depth + 1)?));
            }
            Value::Map(entries)
        }
        ShapeKind::String => Value::String(u.arbitrary()?),
        ShapeKind::Enum => Value::Enum(u.arbitrary()?),
        ShapeKind::Boolean => Value::Boolean(u.arbitrary()?),
        ShapeKind::Byte => Value::Integer(i32::from(u.arbitrary::<i8>()?)),
        ShapeKind::Short => Value::Integer(i32::from(u.arbitrary::<i16>()?)),
        ShapeKind::Integer | ShapeKind::IntEnum => Value::Integer(u.arbitrary()?),
        ShapeKind::Long => Value::Long(u.arbitrary()?),
        ShapeKind::Float => Value::Float(u.arbitrary()?),
        ShapeKind::Double => Value::Double(u.arbitrary()?),
        ShapeKind::BigInteger => Value::BigInteger(
            u.arbitrary::<i128>()?
                .to_string()
                .parse()
                .unwrap_or_default(),
        ),
        ShapeKind::BigDecimal => {
            let (int, frac): (i64, u32) = u.arbitrary()?;
            Value::BigDecimal(format!("{int}.{frac}").parse().unwrap_or_default())
        }
        ShapeKind::Blob => Value::Blob(Blob::new(u.arbitrary::<Vec<u8>>()?)),
        ShapeKind::Timestamp => {
            // Mostly instants every format can write (years 0 to 9999).
            let secs = if u.ratio(7, 8)? {
                u.int_in_range(-62_167_219_200..=253_402_300_799)?
            } else {
                u.arbitrary()?
            };
            Value::Timestamp(timestamp(secs, u.arbitrary()?))
        }
        ShapeKind::Document => Value::Document(ArbDocument::arbitrary(u)?.convert(depth + 1)),
        _ => Value::Null,
    })
}

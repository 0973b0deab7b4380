//! The `Value` tree: a protocol-independent picture of any shape.
//!
//! [`to_value`] turns a derived type into a [`Value`]; [`from_value`] turns it back. With a
//! schema built at run time (for example from a botocore model), every codec also reads and writes
//! `Value`s directly: that is the dynamic mode, where no Rust type exists for the shape.
//!
//! | shape | `Value` |
//! |---|---|
//! | structure, union | [`Value::Structure`]: members in schema order, keyed by member name; absent optional members left out; a union has exactly one |
//! | list, map | [`Value::List`], [`Value::Map`] (entries in wire order) |
//! | string / enum | [`Value::String`] / [`Value::Enum`] |
//! | byte, short, integer, intEnum | [`Value::Integer`] |
//! | long, float, double | [`Value::Long`], [`Value::Float`], [`Value::Double`] |
//! | boolean, blob, timestamp, document | [`Value::Boolean`], [`Value::Blob`], [`Value::Timestamp`], [`Value::Document`] |
//! | bigInteger, bigDecimal | [`Value::BigInteger`], [`Value::BigDecimal`] |
//! | null item of a sparse collection, unknown union member | [`Value::Null`] |
//!
//! Wire names (`jsonName`, `xmlName`) are the codecs' business: a `Value` uses model names.
//!
//! ```
//! use awso_core::{AwsShape, Value};
//!
//! #[derive(AwsShape, Debug, PartialEq)]
//! #[awso(rename_all = "PascalCase")]
//! struct GetAttachmentResponse {
//!     url: Option<String>,
//!     url_expiry: Option<String>,
//!     attachment_size_in_bytes: Option<i64>,
//! }
//!
//! let response = GetAttachmentResponse {
//!     url: Some("https://example.com/a".into()),
//!     url_expiry: None,
//!     attachment_size_in_bytes: Some(1024),
//! };
//! let value = awso_core::to_value(&response)?;
//! assert_eq!(
//!     value,
//!     Value::Structure(vec![
//!         ("Url".into(), Value::String("https://example.com/a".into())),
//!         ("AttachmentSizeInBytes".into(), Value::Long(1024)),
//!     ])
//! );
//! assert_eq!(awso_core::from_value::<GetAttachmentResponse>(&value)?, response);
//! # Ok::<(), awso_core::Error>(())
//! ```

mod de;
mod display;
pub mod path;
mod ser;
mod shape;

use std::borrow::Cow;

pub use de::ValueDeserializer;
pub use ser::ValueSerializer;
pub(crate) use shape::union_count_error;
pub use shape::{StructValueBuilder, zero_or_default};

use crate::error::Result;
use crate::schema::{Member, Schema};
use crate::shape::AwsShape;
use crate::types::{BigDecimal, BigInteger, Blob, Document, Timestamp};

/// A member name in a [`Value::Structure`]: borrowed from the schema when the tree is built
/// from one, owned when built by hand from run-time text.
pub type Name = Cow<'static, str>;

/// Any shape's value, independent of protocols. See the [module documentation](self).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An absent item of a sparse list or value of a sparse map; the value of a union's
    /// unknown member, of which only the name is kept.
    Null,
    /// A boolean.
    Boolean(bool),
    /// A byte, short, integer or intEnum.
    Integer(i32),
    /// A long.
    Long(i64),
    /// A float.
    Float(f32),
    /// A double.
    Double(f64),
    /// A bigInteger.
    BigInteger(BigInteger),
    /// A bigDecimal.
    BigDecimal(BigDecimal),
    /// A string.
    String(String),
    /// An enum value, known or not.
    Enum(String),
    /// A blob.
    Blob(Blob),
    /// A timestamp.
    Timestamp(Timestamp),
    /// A list.
    List(Vec<Value>),
    /// A map, entries in order.
    Map(Vec<(String, Value)>),
    /// A structure or union: present members in schema order.
    Structure(Vec<(Name, Value)>),
    /// A document.
    Document(Document),
}

impl Value {
    /// The member `name` of a structure.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Self::Structure(members) => members.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            Self::Map(entries) => entries.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string or enum.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) | Self::Enum(s) => Some(s),
            _ => None,
        }
    }

    /// What kind of value this is, for messages (`"a structure"`, `"a long"`).
    pub fn describe(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Boolean(_) => "a boolean",
            Self::Integer(_) => "an integer",
            Self::Long(_) => "a long",
            Self::Float(_) => "a float",
            Self::Double(_) => "a double",
            Self::BigInteger(_) => "a big integer",
            Self::BigDecimal(_) => "a big decimal",
            Self::String(_) => "a string",
            Self::Enum(_) => "an enum value",
            Self::Blob(_) => "a blob",
            Self::Timestamp(_) => "a timestamp",
            Self::List(_) => "a list",
            Self::Map(_) => "a map",
            Self::Structure(_) => "a structure",
            Self::Document(_) => "a document",
        }
    }
}

/// The `Value` of `value`.
pub fn to_value<T: AwsShape>(value: &T) -> Result<Value> {
    to_value_at(value, &Member::root(T::SCHEMA))
}

/// The `Value` of `value` written at `member` (whose schema may override `T`'s).
pub fn to_value_at<T: AwsShape>(value: &T, member: &Member) -> Result<Value> {
    let mut ser = ValueSerializer::new();
    value.serialize(member, &mut ser)?;
    Ok(ser.finish())
}

/// Builds a `T` from `value`.
pub fn from_value<T: AwsShape>(value: &Value) -> Result<T> {
    from_value_at(value, &Member::root(T::SCHEMA))
}

/// Builds a `T` from `value` read at `member` (whose schema may override `T`'s).
pub fn from_value_at<T: AwsShape>(value: &Value, member: &Member) -> Result<T> {
    T::deserialize(member, &mut ValueDeserializer::new(value))
}

/// Checks `value` against `schema` and puts it in canonical form (members in schema order,
/// required members filled, numbers at their schema's width): a round trip through the
/// dynamic deserializer.
pub fn from_value_dynamic(value: &Value, schema: &'static Schema) -> Result<Value> {
    Value::deserialize(&Member::root(schema), &mut ValueDeserializer::new(value))
}

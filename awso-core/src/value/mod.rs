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
///
/// ```
/// use awso_core::value::{Name, Value};
///
/// let from_schema: Name = Name::Borrowed("QueueUrl");
/// let from_text: Name = Name::Owned(format!("Attribute{}", 1));
/// let tree = Value::Structure(vec![(from_schema, Value::Null), (from_text, Value::Boolean(true))]);
/// assert_eq!(tree.get("Attribute1"), Some(&Value::Boolean(true)));
/// ```
pub type Name = Cow<'static, str>;

/// Any shape's value, independent of protocols. See the [module documentation](self).
///
/// ```
/// use awso_core::{AwsShape, Blob, Value};
///
/// #[derive(AwsShape)]
/// #[awso(rename_all = "PascalCase")]
/// struct Upload { key: String, body: Option<Blob>, parts: Option<Vec<i32>> }
///
/// let upload = Upload { key: "a.txt".into(), body: Some(Blob::from("hi")), parts: Some(vec![1]) };
/// assert_eq!(
///     awso_core::to_value(&upload)?,
///     Value::Structure(vec![
///         ("Key".into(), Value::String("a.txt".into())),
///         ("Body".into(), Value::Blob(Blob::from("hi"))),
///         ("Parts".into(), Value::List(vec![Value::Integer(1)])),
///     ])
/// );
/// # Ok::<(), awso_core::Error>(())
/// ```
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
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use awso_core::Value;
    ///
    /// let tags = awso_core::to_value(&BTreeMap::from([("env".to_string(), "prod".to_string())]))?;
    /// assert_eq!(tags.get("env").and_then(Value::as_str), Some("prod"));
    /// assert_eq!(tags.get("team"), None);
    /// assert_eq!(Value::Long(1).get("env"), None);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Self::Structure(members) => members.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            Self::Map(entries) => entries.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string or enum.
    ///
    /// ```
    /// use awso_core::Value;
    ///
    /// assert_eq!(Value::Enum("ACTIVE".into()).as_str(), Some("ACTIVE"));
    /// assert_eq!(Value::String("text".into()).as_str(), Some("text"));
    /// assert_eq!(Value::Integer(1).as_str(), None);
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) | Self::Enum(s) => Some(s),
            _ => None,
        }
    }

    /// What kind of value this is, for messages (`"a structure"`, `"a long"`).
    ///
    /// ```
    /// use awso_core::Value;
    ///
    /// assert_eq!(Value::Long(1).describe(), "a long");
    /// assert_eq!(Value::Structure(vec![]).describe(), "a structure");
    /// ```
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
///
/// ```
/// use awso_core::{AwsShape, Value};
///
/// #[derive(AwsShape)]
/// #[awso(rename_all = "PascalCase")]
/// enum Status { Active, Deleted, Unknown(String) }
///
/// assert_eq!(awso_core::to_value(&Status::Deleted)?, Value::Enum("Deleted".into()));
/// assert_eq!(awso_core::to_value(&vec![true])?, Value::List(vec![Value::Boolean(true)]));
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_value<T: AwsShape>(value: &T) -> Result<Value> {
    to_value_at(value, &Member::root(T::SCHEMA))
}

/// The `Value` of `value` written at `member` (whose schema may override `T`'s).
///
/// ```
/// use awso_core::schema::{Member, SchemaRef};
/// use awso_core::Value;
///
/// // A byte written at a member whose schema says long comes out as a long.
/// let member = Member::new("Size", 0, SchemaRef::of::<i64>());
/// assert_eq!(awso_core::value::to_value_at(&7_i64, &member)?, Value::Long(7));
/// assert!(awso_core::value::to_value_at(&vec![7_i64], &member).is_err());
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_value_at<T: AwsShape>(value: &T, member: &Member) -> Result<Value> {
    let mut ser = ValueSerializer::new();
    value.serialize(member, &mut ser)?;
    Ok(ser.finish())
}

/// Builds a `T` from `value`.
///
/// ```
/// use awso_core::{AwsShape, Value};
///
/// #[derive(AwsShape, Debug, PartialEq)]
/// struct Point { x: i32, y: Option<i32> }
///
/// let value = Value::Structure(vec![("x".into(), Value::Integer(3))]);
/// assert_eq!(awso_core::from_value::<Point>(&value)?, Point { x: 3, y: None });
/// assert!(awso_core::from_value::<Point>(&Value::Integer(3)).is_err());
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_value<T: AwsShape>(value: &Value) -> Result<T> {
    from_value_at(value, &Member::root(T::SCHEMA))
}

/// Builds a `T` from `value` read at `member` (whose schema may override `T`'s).
///
/// ```
/// use awso_core::schema::{Member, SchemaRef};
/// use awso_core::Value;
///
/// let member = Member::new("Count", 0, SchemaRef::of::<i32>());
/// let count: i32 = awso_core::value::from_value_at(&Value::Integer(12), &member)?;
/// assert_eq!(count, 12);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_value_at<T: AwsShape>(value: &Value, member: &Member) -> Result<T> {
    T::deserialize(member, &mut ValueDeserializer::new(value))
}

/// Checks `value` against `schema` and puts it in canonical form (members in schema order,
/// required members filled, numbers at their schema's width): a round trip through the
/// dynamic deserializer.
///
/// ```
/// use awso_core::schema::{Member, MemberTraits, Schema, SchemaRef};
/// use awso_core::Value;
///
/// static RANGE: Schema = Schema::structure("Range", &[
///     Member::new("Start", 0, SchemaRef::of::<i64>()).with_traits(MemberTraits::NONE.required()),
///     Member::new("End", 1, SchemaRef::of::<i64>()),
/// ]);
/// // Members come back in schema order, the missing required one as zero, numbers as longs.
/// let loose = Value::Structure(vec![("End".into(), Value::Integer(9))]);
/// assert_eq!(
///     awso_core::value::from_value_dynamic(&loose, &RANGE)?,
///     Value::Structure(vec![("Start".into(), Value::Long(0)), ("End".into(), Value::Long(9))])
/// );
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_value_dynamic(value: &Value, schema: &'static Schema) -> Result<Value> {
    Value::deserialize(&Member::root(schema), &mut ValueDeserializer::new(value))
}

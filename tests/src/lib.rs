//! Shapes shared by the integration tests: one of every kind, and the combinations where
//! codecs differ.

pub mod case_model;

use std::collections::BTreeMap;

use awso_core::{AwsShape, Blob, Document, Timestamp};
use indexmap::IndexMap;

/// A string enum.
#[derive(AwsShape, Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[awso(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ParticipantRole {
    /// `AGENT`.
    Agent,
    /// `CUSTOMER`.
    Customer,
    /// `CUSTOM_BOT`.
    CustomBot,
    /// Anything else.
    Unknown(String),
}

/// An intEnum.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(int_enum)]
pub enum Priority {
    /// 1.
    #[awso(value = 1)]
    Low,
    /// 2.
    #[awso(value = 2)]
    High,
    /// Anything else.
    Unknown(i32),
}

/// A union.
#[derive(AwsShape, Debug, Clone, PartialEq)]
pub enum Content {
    /// A string member.
    Text(String),
    /// A blob member.
    Bytes(Blob),
    /// A structure member.
    Receipt(Receipt),
    /// A list member.
    Lines(Vec<String>),
    /// A member this client does not know.
    Unknown(String),
}

/// A small structure with a timestamp.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
pub struct Receipt {
    /// When it was read.
    pub read_timestamp: Option<Timestamp>,
    /// Who read it.
    pub recipient_participant_id: Option<String>,
}

/// A recursive structure.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
pub struct Node {
    /// The value.
    pub value: i32,
    /// The children.
    pub children: Option<Vec<Node>>,
    /// The next node.
    pub next: Option<Box<Node>>,
}

/// One member of every simple kind, plus collections and aggregates, all optional: what
/// every codec can carry.
#[derive(AwsShape, Debug, Clone, PartialEq, Default)]
#[awso(rename_all = "PascalCase")]
pub struct Scalars {
    /// boolean.
    pub boolean: Option<bool>,
    /// byte.
    pub byte: Option<i8>,
    /// short.
    pub short: Option<i16>,
    /// integer.
    pub integer: Option<i32>,
    /// long.
    pub long: Option<i64>,
    /// float.
    pub float: Option<f32>,
    /// double.
    pub double: Option<f64>,
    /// string.
    pub string: Option<String>,
    /// blob.
    pub blob: Option<Blob>,
    /// timestamp in the codec's default format.
    pub timestamp: Option<Timestamp>,
    /// date-time timestamp.
    #[awso(timestamp_format = "date-time")]
    pub date_time: Option<Timestamp>,
    /// epoch-seconds timestamp.
    #[awso(timestamp_format = "epoch-seconds")]
    pub epoch_seconds: Option<Timestamp>,
    /// http-date timestamp.
    #[awso(timestamp_format = "http-date")]
    pub http_date: Option<Timestamp>,
    /// bigInteger.
    pub big_integer: Option<awso_core::BigInteger>,
    /// bigDecimal.
    pub big_decimal: Option<awso_core::BigDecimal>,
}

/// Aggregates every codec can carry.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
pub struct Aggregates {
    /// A required member.
    pub id: String,
    /// An enum.
    pub role: Option<ParticipantRole>,
    /// An intEnum.
    pub priority: Option<Priority>,
    /// A union.
    pub content: Option<Content>,
    /// A list of structures.
    pub receipts: Option<Vec<Receipt>>,
    /// A list of lists.
    pub matrix: Option<Vec<Vec<i32>>>,
    /// A map with an ordered type.
    pub attributes: Option<IndexMap<String, String>>,
    /// A map keyed by an enum.
    pub by_role: Option<BTreeMap<ParticipantRole, i64>>,
    /// A map of lists.
    pub map_of_lists: Option<BTreeMap<String, Vec<String>>>,
    /// A flattened list (XML).
    #[awso(xml_flattened, rename = "Tag")]
    pub tags: Option<Vec<String>>,
    /// A flattened map (XML).
    #[awso(xml_flattened, rename = "Label")]
    pub labels: Option<BTreeMap<String, String>>,
    /// A recursive structure.
    pub tree: Option<Node>,
    /// The scalars.
    pub scalars: Option<Scalars>,
}

/// What only JSON and `Value` carry: documents and sparse collections.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
pub struct JsonOnly {
    /// A document.
    pub document: Option<Document>,
    /// A sparse list.
    pub sparse_list: Option<Vec<Option<String>>>,
    /// A sparse map.
    pub sparse_map: Option<BTreeMap<String, Option<i32>>>,
}

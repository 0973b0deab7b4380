//! Query (form) encoding, as `awsQuery` and `ec2Query` requests carry it.
//!
//! Each scalar becomes one `key=value` pair; keys are paths of member names joined with `.`.
//!
//! | shape | awsQuery | ec2Query |
//! |---|---|---|
//! | member name | `xmlName`, else the name | `ec2QueryName`, else `xmlName` or the name with its first letter upper-cased |
//! | list | `Key.member.1=..` (item name from the list member's `xmlName`); flattened: `Key.1=..`; empty: `Key=` | always `Key.1=..`; empty lists are left out |
//! | map | `Key.entry.1.key=..&Key.entry.1.value=..` (`key`/`value` renamed by `xmlName`); flattened: `Key.1.key=..` | the same |
//! | scalars | `true`/`false`, decimal numbers, `NaN`/`Infinity`/`-Infinity`, base64 blobs, `date-time` timestamps by default | the same |
//!
//! Keys and values are percent-encoded: everything but `A-Z a-z 0-9 - _ . ~`.
//!
//! ```
//! use awso_core::query::{self, QueryFlavor};
//!
//! #[derive(awso_core::AwsShape)]
//! struct SendMessage {
//!     #[awso(rename = "QueueUrl")]
//!     queue_url: String,
//!     #[awso(rename = "attributeNames")]
//!     attribute_names: Vec<String>,
//! }
//!
//! let input = SendMessage { queue_url: "https://q/1".into(), attribute_names: vec!["All".into()] };
//! assert_eq!(
//!     query::to_string(&input, QueryFlavor::AwsQuery)?,
//!     "QueueUrl=https%3A%2F%2Fq%2F1&attributeNames.member.1=All"
//! );
//! assert_eq!(
//!     query::to_string(&input, QueryFlavor::Ec2Query)?,
//!     "QueueUrl=https%3A%2F%2Fq%2F1&AttributeNames.1=All"
//! );
//! # Ok::<(), awso_core::Error>(())
//! ```

mod ser;

pub use ser::QuerySerializer;

use crate::error::Result;
use crate::schema::{Member, Schema};
use crate::shape::AwsShape;
use crate::value::Value;

/// Which of the two query dialects to write.
///
/// ```
/// use awso_core::query::{self, QueryFlavor};
///
/// #[derive(awso_core::AwsShape)]
/// struct DescribeInstances { #[awso(rename = "instanceIds")] instance_ids: Vec<String> }
///
/// let input = DescribeInstances { instance_ids: vec!["i-1".into()] };
/// assert_eq!(query::to_string(&input, QueryFlavor::AwsQuery)?, "instanceIds.member.1=i-1");
/// assert_eq!(query::to_string(&input, QueryFlavor::Ec2Query)?, "InstanceIds.1=i-1");
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QueryFlavor {
    /// `awsQuery` (SQS, SNS, STS, IAM, ...).
    AwsQuery,
    /// `ec2Query` (EC2).
    Ec2Query,
}

/// Encodes the members of `value` as form pairs (without `Action` and `Version`).
///
/// ```
/// use std::collections::BTreeMap;
/// use awso_core::query::{self, QueryFlavor};
///
/// #[derive(awso_core::AwsShape)]
/// #[awso(rename_all = "PascalCase")]
/// struct TagQueue { queue_url: String, tags: BTreeMap<String, String> }
///
/// let input = TagQueue { queue_url: "q".into(), tags: BTreeMap::from([("env".into(), "prod".into())]) };
/// assert_eq!(
///     query::to_string(&input, QueryFlavor::AwsQuery)?,
///     "QueueUrl=q&Tags.entry.1.key=env&Tags.entry.1.value=prod"
/// );
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_string<T: AwsShape>(value: &T, flavor: QueryFlavor) -> Result<String> {
    let mut ser = QuerySerializer::new(flavor);
    value.serialize(&Member::root(T::SCHEMA), &mut ser)?;
    Ok(ser.finish())
}

/// Encodes a [`Value`] of the run-time `schema`: the dynamic mode.
///
/// ```
/// use awso_core::query::{self, QueryFlavor};
/// use awso_core::schema::{Member, Schema, SchemaRef};
/// use awso_core::Value;
///
/// static INPUT: Schema = Schema::structure("GetQueueUrlRequest", &[Member::new("QueueName", 0, SchemaRef::of::<String>())]);
/// let value = Value::Structure(vec![("QueueName".into(), Value::String("my queue".into()))]);
/// assert_eq!(query::to_string_dynamic(&value, &INPUT, QueryFlavor::AwsQuery)?, "QueueName=my%20queue");
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_string_dynamic(
    value: &Value,
    schema: &'static Schema,
    flavor: QueryFlavor,
) -> Result<String> {
    let mut ser = QuerySerializer::new(flavor);
    value.serialize(&Member::root(schema), &mut ser)?;
    Ok(ser.finish())
}

/// Appends `text` percent-encoded for a form body or query string: RFC 3986 unreserved
/// characters stay, every other byte becomes `%XX`.
///
/// ```
/// let mut out = String::from("Name=");
/// awso_core::query::percent_encode(&mut out, "a b/ü~");
/// assert_eq!(out, "Name=a%20b%2F%C3%BC~");
/// ```
pub fn percent_encode(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
}

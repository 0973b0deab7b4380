//! JSON, as the bodies of `awsJson1_0`, `awsJson1_1` and `restJson1` carry it.
//!
//! | shape | JSON |
//! |---|---|
//! | structure | object; keys are member names (or `@jsonName` in restJson1); absent members left out; `null` members read as absent |
//! | union | object with exactly one key; unknown keys kept as the unknown variant; `__type` ignored |
//! | list, map | array, object (dense collections drop `null`s; sparse ones keep them) |
//! | boolean, numbers | `true`/`false`, numbers; floats also `"NaN"`, `"Infinity"`, `"-Infinity"` |
//! | string, enum | string |
//! | blob | base64 string |
//! | timestamp | epoch seconds as a number by default; `date-time` and `http-date` as strings |
//! | document | any JSON |
//!
//! Integers are read exactly (never through a float); a number out of range is an error.
//! Members appear at most once. Nesting is limited to 128 levels by default
//! ([`JsonDeserializer::max_depth`]).
//!
//! ```
//! #[derive(awso_core::AwsShape, Debug, PartialEq)]
//! #[awso(rename_all = "PascalCase")]
//! struct GetAttachmentResponse {
//!     url: Option<String>,
//!     url_expiry: Option<String>,
//!     attachment_size_in_bytes: Option<i64>,
//! }
//!
//! let json = r#"{"Url":"https://example.com/a","AttachmentSizeInBytes":1024}"#;
//! let response: GetAttachmentResponse = awso_core::json::from_str(json)?;
//! assert_eq!(response.attachment_size_in_bytes, Some(1024));
//! assert_eq!(awso_core::json::to_string(&response)?, json);
//! # Ok::<(), awso_core::Error>(())
//! ```

mod de;
mod read;
mod ser;

use std::io;

pub use de::JsonDeserializer;
pub use ser::JsonSerializer;
pub(crate) use ser::write_string;

use crate::error::Result;
use crate::schema::{Member, Schema};
use crate::shape::AwsShape;
use crate::value::Value;

/// Writes `value` as JSON text.
///
/// ```
/// #[derive(awso_core::AwsShape)]
/// #[awso(rename_all = "camelCase")]
/// struct SendMessage { content_type: String, client_token: Option<String> }
///
/// let request = SendMessage { content_type: "text/plain".into(), client_token: None };
/// assert_eq!(awso_core::json::to_string(&request)?, r#"{"contentType":"text/plain"}"#);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_string<T: AwsShape>(value: &T) -> Result<String> {
    let mut ser = JsonSerializer::new();
    ser.serialize(value)?;
    Ok(ser.finish())
}

/// Writes `value` as JSON bytes.
///
/// ```
/// let body = awso_core::json::to_vec(&vec![awso_core::Blob::from("hi")])?;
/// assert_eq!(body, br#"["aGk="]"#);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_vec<T: AwsShape>(value: &T) -> Result<Vec<u8>> {
    let mut ser = JsonSerializer::new();
    ser.serialize(value)?;
    Ok(ser.finish_bytes())
}

/// Writes `value` as JSON to `writer`.
///
/// ```
/// let mut out = Vec::new();
/// awso_core::json::to_writer(&mut out, &Some(1.5_f64))?;
/// assert_eq!(out, b"1.5");
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_writer<W: io::Write, T: AwsShape>(mut writer: W, value: &T) -> Result<()> {
    writer.write_all(&to_vec(value)?)?;
    Ok(())
}

/// Reads a `T` from JSON text.
///
/// ```
/// #[derive(awso_core::AwsShape, Debug, PartialEq)]
/// #[awso(rename_all = "PascalCase")]
/// struct Queue { queue_url: String, delay_seconds: Option<i32> }
///
/// let queue: Queue = awso_core::json::from_str(r#"{"QueueUrl": "https://q", "DelaySeconds": null}"#)?;
/// assert_eq!(queue, Queue { queue_url: "https://q".into(), delay_seconds: None });
/// assert!(awso_core::json::from_str::<Queue>(r#"{"DelaySeconds": 99999999999}"#).is_err());
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_str<T: AwsShape>(text: &str) -> Result<T> {
    finish(JsonDeserializer::new(text))
}

/// Reads a `T` from JSON bytes (which must be UTF-8).
///
/// ```
/// let sizes: Vec<i64> = awso_core::json::from_slice(b"[1, 20, 300]")?;
/// assert_eq!(sizes, [1, 20, 300]);
/// assert!(awso_core::json::from_slice::<Vec<i64>>(b"[\xff]").is_err());
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_slice<T: AwsShape>(bytes: &[u8]) -> Result<T> {
    finish(JsonDeserializer::from_slice(bytes)?)
}

/// Reads a `T` from all of `reader`.
///
/// ```
/// let body: &[u8] = br#"{"a": "x", "b": "y"}"#;
/// let map: std::collections::BTreeMap<String, String> = awso_core::json::from_reader(body)?;
/// assert_eq!(map["b"], "y");
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_reader<R: io::Read, T: AwsShape>(mut reader: R) -> Result<T> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    from_slice(&bytes)
}

fn finish<T: AwsShape>(mut de: JsonDeserializer<'_>) -> Result<T> {
    let value = de.deserialize()?;
    de.end()?;
    Ok(value)
}

/// Reads a [`Value`] of the run-time `schema` from JSON bytes: the dynamic mode.
///
/// ```
/// use awso_core::schema::{Member, Schema, SchemaRef};
/// use awso_core::{Timestamp, Value};
///
/// // A schema known only at run time (say, from a botocore model).
/// static EVENT: Schema = Schema::structure("Event", &[Member::new("At", 0, SchemaRef::of::<Timestamp>())]);
/// let value = awso_core::json::from_slice_dynamic(br#"{"At": 1573180888}"#, &EVENT)?;
/// assert_eq!(value.get("At"), Some(&Value::Timestamp(Timestamp::from_secs(1_573_180_888))));
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_slice_dynamic(bytes: &[u8], schema: &'static Schema) -> Result<Value> {
    let mut de = JsonDeserializer::from_slice(bytes)?;
    let value = de.deserialize_at(&Member::root(schema))?;
    de.end()?;
    Ok(value)
}

/// Writes a [`Value`] of the run-time `schema` as JSON text: the dynamic mode.
///
/// ```
/// use awso_core::schema::{Member, MemberTraits, Schema, SchemaRef};
/// use awso_core::Value;
///
/// static ITEM: Schema = Schema::structure("Item", &[
///     Member::new("ItemId", 0, SchemaRef::of::<String>()).with_traits(MemberTraits::NONE.json_name("id")),
/// ]);
/// let value = Value::Structure(vec![("ItemId".into(), Value::String("i-1".into()))]);
/// assert_eq!(awso_core::json::to_string_dynamic(&value, &ITEM)?, r#"{"id":"i-1"}"#);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_string_dynamic(value: &Value, schema: &'static Schema) -> Result<String> {
    let mut ser = JsonSerializer::new();
    ser.serialize_at(value, &Member::root(schema))?;
    Ok(ser.finish())
}

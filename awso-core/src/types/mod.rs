//! Rust types for the AWS shapes that have no std counterpart: [`Blob`], [`Timestamp`],
//! [`Document`], [`BigInteger`] and [`BigDecimal`], and the [`IndexMap`] generated code uses
//! for map shapes.
//!
//! ```
//! use awso_core::{AwsShape, Blob, Document, Timestamp};
//!
//! #[derive(AwsShape, Debug, PartialEq)]
//! #[awso(rename_all = "PascalCase")]
//! struct Event { payload: Option<Blob>, at: Option<Timestamp>, detail: Option<Document> }
//!
//! let event = Event {
//!     payload: Some(Blob::from("hi")),
//!     at: Some(Timestamp::from_secs(1)),
//!     detail: Some(Document::from("x")),
//! };
//! let json = awso_core::json::to_string(&event)?;
//! assert_eq!(json, r#"{"Payload":"aGk=","At":1,"Detail":"x"}"#);
//! assert_eq!(awso_core::json::from_str::<Event>(&json)?, event);
//! # Ok::<(), awso_core::Error>(())
//! ```

mod big;
mod blob;
#[cfg(feature = "chrono")]
mod chrono;
mod document;
mod timestamp;

pub(crate) use big::is_decimal;
pub use big::{BigDecimal, BigInteger};
pub use blob::Blob;
pub(crate) use blob::{decode_base64, encode_base64};
pub use document::{Document, Number};
pub use timestamp::Timestamp;

/// The ordered map generated code uses for map shapes (entries stay in wire order).
///
/// ```
/// use awso_core::types::IndexMap;
///
/// let tags: IndexMap<String, String> = awso_core::json::from_str(r#"{"b":"1","a":"2"}"#)?;
/// assert_eq!(tags.keys().collect::<Vec<_>>(), ["b", "a"]);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub use indexmap::IndexMap;

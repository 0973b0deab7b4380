//! CBOR (RFC 8949), as the bodies of `rpcv2Cbor` carry it.
//!
//! | shape | CBOR |
//! |---|---|
//! | structure | map keyed by member names; absent members left out; `null` members read as absent |
//! | union | map with exactly one key; unknown keys kept as the unknown variant; `__type` ignored |
//! | list, map | array, map (dense collections drop `null`s; sparse ones keep them) |
//! | boolean | `true`/`false` |
//! | byte, short, integer, long | integer (major type 0 or 1), shortest form |
//! | float, double | single, double float; half, single and double all read |
//! | bigInteger | integer, or bignum (tags 2 and 3) beyond 64 bits |
//! | bigDecimal | decimal fraction (tag 4) |
//! | string, enum | text string |
//! | blob | byte string |
//! | timestamp | tag 1 and epoch seconds (written as a double; integers read too) |
//! | document | the CBOR data model (no byte strings or tags) |
//!
//! Definite and indefinite lengths are both read; structures, lists and maps are written
//! with indefinite lengths so members stream out as they come. A length read from the input
//! is checked against the bytes that remain before anything is taken, so a short input with
//! a huge length fails at once, allocating nothing. Nesting is limited to 128 levels by
//! default ([`CborDeserializer::max_depth`]), counting tags.
//!
//! ```
//! #[derive(awso_core::AwsShape, Debug, PartialEq)]
//! struct Point {
//!     x: Option<i64>,
//!     label: Option<String>,
//! }
//!
//! let point = Point { x: Some(-3), label: Some("a".into()) };
//! let bytes = awso_core::cbor::to_vec(&point)?;
//! assert_eq!(bytes, b"\xbf\x61x\x22\x65label\x61a\xff");
//! assert_eq!(awso_core::cbor::from_slice::<Point>(&bytes)?, point);
//! // The same with a definite-length map.
//! assert_eq!(awso_core::cbor::from_slice::<Point>(b"\xa1\x61x\x22")?.x, Some(-3));
//! # Ok::<(), awso_core::Error>(())
//! ```

mod big;
mod de;
mod read;
mod ser;

pub use de::CborDeserializer;
pub use ser::CborSerializer;

use crate::error::Result;
use crate::schema::{Member, Schema};
use crate::shape::AwsShape;
use crate::value::Value;

/// Writes `value` as CBOR bytes.
///
/// ```
/// // Lists are written with an indefinite length: 0x9f, the items, 0xff.
/// assert_eq!(awso_core::cbor::to_vec(&vec![1_i32, 24])?, b"\x9f\x01\x18\x18\xff");
/// assert_eq!(awso_core::cbor::to_vec(&true)?, b"\xf5");
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_vec<T: AwsShape>(value: &T) -> Result<Vec<u8>> {
    let mut ser = CborSerializer::new();
    ser.serialize(value)?;
    Ok(ser.finish())
}

/// Reads a `T` from CBOR bytes, which must hold exactly one data item.
///
/// ```
/// assert_eq!(awso_core::cbor::from_slice::<Vec<String>>(b"\x82\x61a\x61b")?, ["a", "b"]);
/// // A length longer than the input fails before anything is allocated.
/// assert!(awso_core::cbor::from_slice::<String>(b"\x7a\xff\xff\xff\xff").is_err());
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_slice<T: AwsShape>(bytes: &[u8]) -> Result<T> {
    let mut de = CborDeserializer::new(bytes);
    let value = de.deserialize()?;
    de.end()?;
    Ok(value)
}

/// Reads a [`Value`] of the run-time `schema` from CBOR bytes: the dynamic mode.
///
/// ```
/// use awso_core::schema::{Member, Schema, SchemaRef};
/// use awso_core::Value;
///
/// static COUNTER: Schema = Schema::structure("Counter", &[Member::new("n", 0, SchemaRef::of::<i64>())]);
/// let value = awso_core::cbor::from_slice_dynamic(b"\xa1\x61n\x18\x2a", &COUNTER)?;
/// assert_eq!(value.get("n"), Some(&Value::Long(42)));
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_slice_dynamic(bytes: &[u8], schema: &'static Schema) -> Result<Value> {
    let mut de = CborDeserializer::new(bytes);
    let value = de.deserialize_at(&Member::root(schema))?;
    de.end()?;
    Ok(value)
}

/// Writes a [`Value`] of the run-time `schema` as CBOR bytes: the dynamic mode.
///
/// ```
/// use awso_core::schema::{Member, Schema, SchemaRef};
/// use awso_core::Value;
///
/// static COUNTER: Schema = Schema::structure("Counter", &[Member::new("n", 0, SchemaRef::of::<i64>())]);
/// let value = Value::Structure(vec![("n".into(), Value::Long(-1))]);
/// assert_eq!(awso_core::cbor::to_vec_dynamic(&value, &COUNTER)?, b"\xbf\x61n\x20\xff");
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_vec_dynamic(value: &Value, schema: &'static Schema) -> Result<Vec<u8>> {
    let mut ser = CborSerializer::new();
    ser.serialize_at(value, &Member::root(schema))?;
    Ok(ser.finish())
}

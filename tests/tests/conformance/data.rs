//! The suites' data (`params`, `result`, `error`) as `Value`s of a schema, following
//! botocore's conventions: timestamps as epoch seconds, blobs as plain strings, non-finite
//! floats as `"NaN"`, `"Infinity"`, `"-Infinity"` (the conversion is `awso_core::params`,
//! which the differential oracle shares).

use awso_core::params::{Blobs, to_value_with};
use awso_core::schema::Member;
use awso_core::{Document, Value};

/// The `Value` that `data` stands for at `member`.
pub(crate) fn to_value(data: &Document, member: &Member) -> Result<Value, String> {
    to_value_with(data, member, Blobs::Text).map_err(|e| e.to_string())
}

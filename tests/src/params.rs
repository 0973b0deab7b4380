//! The botocore-style parameter conversion the conformance harness and the differential
//! oracle share: it lives in awso-core ([`awso_core::params`]), where dynamic users find it.

pub use awso_core::params::{Blobs, to_params, to_value, to_value_with};

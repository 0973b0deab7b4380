//! Response checksums (`@httpChecksum` with a `requestValidationModeMember`): when the call
//! asks the service for a checksum of the answer, and the check of the body against it.
//!
//! As botocore (1.36 on) and the AWS SDK for Rust do, validation is on by default wherever
//! the operation supports it ([`ResponseChecksumValidation::WhenSupported`]): the request
//! carries the validation-mode header (S3's `x-amz-checksum-mode: ENABLED`) unless the input
//! set it, and a 2xx body is checked before it is parsed. A checksum of the parts of a
//! multipart upload (`...-3`) and an algorithm the operation does not list are not checked,
//! as in the SDKs. A mismatch is [`ErrorKind::ResponseChecksum`] and is not retried (neither
//! botocore nor the Rust SDK retry it): the caller decides whether to download again.

use awso_core::protocol::{self, OperationSchema, RequestChecksumCalculation};
use bytes::Bytes;

use super::ErrorKind;

/// When the body of an answer is checked against the checksum the service sends.
///
/// ```
/// use awso_client::client::{Config, ResponseChecksumValidation};
///
/// assert_eq!(Config::builder().build().response_checksum_validation(), ResponseChecksumValidation::WhenSupported);
/// assert_eq!(ResponseChecksumValidation::from_name("when_required"), Some(ResponseChecksumValidation::WhenRequired));
/// assert_eq!(ResponseChecksumValidation::from_name("always"), None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ResponseChecksumValidation {
    /// Whenever the operation supports it: the call asks for a checksum and checks it (the
    /// default, `when_supported` in the SDKs' shared config).
    #[default]
    WhenSupported,
    /// Only when the input itself sets the validation-mode member to `ENABLED`
    /// (`when_required`).
    WhenRequired,
}

impl ResponseChecksumValidation {
    /// The setting the SDKs' shared config and `AWS_RESPONSE_CHECKSUM_VALIDATION` name
    /// (`when_supported`, `when_required`; case does not matter).
    ///
    /// ```
    /// use awso_client::client::ResponseChecksumValidation;
    /// assert_eq!(ResponseChecksumValidation::from_name(" WHEN_SUPPORTED "), Some(ResponseChecksumValidation::WhenSupported));
    /// assert_eq!(ResponseChecksumValidation::from_name("never"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        // The two settings share their names; the request one's parser is the one place.
        RequestChecksumCalculation::from_name(name).map(|setting| match setting {
            RequestChecksumCalculation::WhenSupported => Self::WhenSupported,
            RequestChecksumCalculation::WhenRequired => Self::WhenRequired,
        })
    }

    /// The name the shared config writes.
    ///
    /// ```
    /// use awso_client::client::ResponseChecksumValidation;
    /// assert_eq!(ResponseChecksumValidation::WhenRequired.name(), "when_required");
    /// // The name reads back as the same setting.
    /// let setting = ResponseChecksumValidation::WhenSupported;
    /// assert_eq!(ResponseChecksumValidation::from_name(setting.name()), Some(setting));
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Self::WhenSupported => RequestChecksumCalculation::WhenSupported.name(),
            Self::WhenRequired => RequestChecksumCalculation::WhenRequired.name(),
        }
    }
}

/// Asks the service for a response checksum under `setting`: sets the operation's
/// validation-mode header to `ENABLED` when the setting is `WhenSupported` and the input did
/// not set the header itself.
pub(super) fn ask_for_checksum(
    operation: &OperationSchema,
    setting: ResponseChecksumValidation,
    headers: &mut http::HeaderMap,
) {
    let Some(header) = protocol::validation_mode_header(operation) else {
        return;
    };
    // A header name of a run-time schema is not checked: one that is no name asks nothing.
    let Ok(name) = http::HeaderName::from_bytes(header.as_bytes()) else {
        return;
    };
    if setting == ResponseChecksumValidation::WhenSupported && !headers.contains_key(&name) {
        headers.insert(name, http::HeaderValue::from_static("ENABLED"));
    }
}

/// Checks a successful answer's body against its checksum when the request (its
/// `request_headers`) asked for one; an error answer is not checked, as in the SDKs.
pub(super) fn check<E>(
    operation: &OperationSchema,
    request_headers: &http::HeaderMap,
    response: &http::Response<Bytes>,
) -> Result<(), ErrorKind<E>> {
    if !response.status().is_success() {
        return Ok(());
    }
    protocol::verify_response_checksum(operation, request_headers, response).map_err(|source| {
        ErrorKind::ResponseChecksum {
            status: response.status().as_u16(),
            source,
        }
    })
}

//! Why a request could not be signed.

use std::fmt;

/// A request that cannot be signed, and why; [`SigningError::kind`] classifies it.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::credentials::Credentials;
/// use awso_client::sign::{sign, SignableRequest, SigningErrorKind, SigningParams};
///
/// let credentials = Credentials::new("AKIDEXAMPLE", "secret");
/// let request = SignableRequest::new("GET", "/").header("host", b"example.com");
/// let params = SigningParams::new("us-east-1", "service", UNIX_EPOCH + Duration::from_secs(1))
///     .presigned(Duration::from_secs(604_801));
/// let error = sign(&request, &credentials, &params).unwrap_err();
/// assert_eq!(error.kind(), SigningErrorKind::Expiry);
/// assert_eq!(error.to_string(), "presigned URL expiry of 604801 s is outside 1..=604800 s");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningError {
    kind: SigningErrorKind,
    detail: String,
}

/// What kind of input a [`SigningError`] is about.
///
/// ```
/// use awso_client::sign::{Payload, SigningErrorKind};
/// let error = Payload::Hash("abc").hash().unwrap_err();
/// assert_eq!(error.kind(), SigningErrorKind::PayloadHash);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SigningErrorKind {
    /// A header name or value that cannot be part of a canonical request.
    Header,
    /// The signing time cannot be written as an `X-Amz-Date` (before 1970 or after 9999).
    Time,
    /// A presigned URL's expiry outside 1 s ..= 7 days.
    Expiry,
    /// A precomputed payload hash that is neither 64 hex digits nor a SigV4 payload marker.
    PayloadHash,
    /// The request's URI cannot carry the signature (the presigned query would not parse).
    Uri,
    /// The credentials cannot make a signing key (SigV4a: no key can be derived).
    Credentials,
}

impl SigningError {
    pub(crate) fn new(kind: SigningErrorKind, detail: impl Into<String>) -> Self {
        SigningError {
            kind,
            detail: detail.into(),
        }
    }

    pub(crate) fn time_out_of_range() -> Self {
        Self::new(
            SigningErrorKind::Time,
            "signing time is before 1970 or after 9999",
        )
    }

    /// What kind of input was wrong.
    ///
    /// ```
    /// use awso_client::sign::SigningErrorKind;
    /// assert_ne!(SigningErrorKind::Header, SigningErrorKind::Time);
    /// ```
    pub fn kind(&self) -> SigningErrorKind {
        self.kind
    }
}

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

impl std::error::Error for SigningError {}

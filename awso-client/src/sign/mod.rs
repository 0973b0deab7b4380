//! Request signing: SigV4 (header and presigned URL), SigV4a behind the `sigv4a` feature,
//! bearer tokens, and which of them an operation uses.
//!
//! Signing is a pure function of the request's parts, the credentials and [`SigningParams`]
//! (region, signing name, time, settings): it returns what to add to the request, so it works
//! with any transport. The canonical request follows the official SigV4 test suite, which this
//! crate's `signing_suite` test runs case by case.
//!
//! Signing an `http::Request` whose body is in memory takes one call:
//!
//! ```
//! use std::time::{Duration, UNIX_EPOCH};
//! use awso_client::credentials::Credentials;
//! use awso_client::sign::{sign_http_request, SigningParams};
//!
//! let credentials = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
//! let mut request = http::Request::post("https://sts.us-east-1.amazonaws.com/")
//!     .header("content-type", "application/x-www-form-urlencoded")
//!     .body(b"Action=GetCallerIdentity&Version=2011-06-15".to_vec())
//!     .unwrap();
//! let time = UNIX_EPOCH + Duration::from_secs(1_440_938_160);
//! sign_http_request(&mut request, &credentials, &SigningParams::new("us-east-1", "sts", time))?;
//! let authorization = request.headers()["authorization"].to_str().unwrap();
//! assert!(authorization.starts_with(
//!     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/sts/aws4_request, \
//!      SignedHeaders=content-type;host;x-amz-date, Signature="
//! ));
//! assert_eq!(request.headers()["x-amz-date"], "20150830T123600Z");
//! # Ok::<(), awso_client::sign::SigningError>(())
//! ```
//!
//! S3 signs the path as sent (no normalisation, one encoding) and sends the payload hash in
//! `x-amz-content-sha256`; a presigned URL carries the signature in the query instead:
//!
//! ```
//! use std::time::{Duration, UNIX_EPOCH};
//! use awso_client::credentials::Credentials;
//! use awso_client::sign::{sign, Payload, SignableRequest, SigningParams, SigningSettings};
//!
//! let credentials = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
//! let mut request = http::Request::get("https://bucket.s3.amazonaws.com/a//b.txt").body(()).unwrap();
//! let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH + Duration::from_secs(1_440_938_160))
//!     .settings(SigningSettings::s3())
//!     .presigned(Duration::from_secs(3600));
//! let signable = SignableRequest::from_http(&request).payload(Payload::Unsigned);
//! let signed = sign(&signable, &credentials, &params)?;
//! assert!(signed.canonical_request().starts_with("GET\n/a//b.txt\n"));
//! signed.apply_to(&mut request)?;
//! assert!(request.uri().to_string().contains("X-Amz-Expires=3600&X-Amz-Signature="));
//! # Ok::<(), awso_client::sign::SigningError>(())
//! ```

mod bearer;
mod canonical;
mod chunked;
mod date;
mod encode;
mod error;
mod output;
mod params;
mod request;
mod scheme;
mod v4;
#[cfg(feature = "sigv4a")]
mod v4a;

/// Lowercase hex, for the hashes other parts of the call send (Glacier's tree hash).
pub(crate) use encode::hex;

pub use bearer::{BearerToken, sign_bearer};
#[cfg(feature = "sigv4a")]
pub use chunked::signed_encoded_length_v4a;
pub use chunked::{ChunkSigner, signed_encoded_length, write_unsigned_chunked};
pub(crate) use chunked::{chunk_signature_length, encoded_length};
pub use error::{SigningError, SigningErrorKind};
pub use output::SigningOutput;
pub use params::{MAX_PRESIGNED_EXPIRY, SignatureLocation, SigningParams, SigningSettings};
pub use request::{
    Payload, STREAMING_ECDSA_PAYLOAD, STREAMING_ECDSA_PAYLOAD_TRAILER, STREAMING_PAYLOAD,
    STREAMING_PAYLOAD_TRAILER, STREAMING_UNSIGNED_PAYLOAD_TRAILER, SignableRequest,
    UNSIGNED_PAYLOAD,
};
pub use scheme::{
    AuthScheme, EndpointAuthOverride, OperationAuth, ServiceAuth, SigV4Auth, UnsupportedAuth,
};
pub use v4::sign;
#[cfg(feature = "sigv4a")]
pub use v4a::{SigV4aKey, sign_v4a, signing_key_v4a, verify_v4a};

use crate::credentials::Credentials;

/// Signs an `http::Request` whose body is in memory with SigV4 and adds the signature to it
/// (headers, or the presigned query); returns what was added.
///
/// ```
/// # use std::time::{Duration, UNIX_EPOCH};
/// # use awso_client::credentials::Credentials;
/// use awso_client::sign::{sign_http_request, SigningParams};
/// let credentials = Credentials::new("AKIDEXAMPLE", "secret").with_session_token("session");
/// let mut request = http::Request::get("https://example.amazonaws.com/").body(Vec::new()).unwrap();
/// let params = SigningParams::new("us-east-1", "service", UNIX_EPOCH + Duration::from_secs(60));
/// let added = sign_http_request(&mut request, &credentials, &params)?;
/// assert_eq!(request.headers()["x-amz-security-token"], "session");
/// assert_eq!(added.headers().len(), request.headers().len());
/// # Ok::<(), awso_client::sign::SigningError>(())
/// ```
pub fn sign_http_request<B: AsRef<[u8]>>(
    request: &mut http::Request<B>,
    credentials: &Credentials,
    params: &SigningParams<'_>,
) -> Result<SigningOutput, SigningError> {
    let signed = {
        let signable =
            SignableRequest::from_http(request).payload(Payload::Bytes(request.body().as_ref()));
        sign(&signable, credentials, params)?
    };
    signed.apply_to(request)?;
    Ok(signed)
}

#[cfg(test)]
mod tests;

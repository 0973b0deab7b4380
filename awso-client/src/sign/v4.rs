//! SigV4: the flow shared by both algorithms (canonical request, string to sign, where the
//! signature goes) and SigV4's HMAC-SHA256 signature.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

use super::canonical::{CanonicalHeaders, canonical_headers, canonical_path, canonical_query};
use super::date::{SigningTime, signing_time};
use super::encode::{encode, hex};
use super::error::{SigningError, SigningErrorKind};
use super::output::SigningOutput;
use super::params::{MAX_PRESIGNED_EXPIRY, SignatureLocation, SigningParams};
use super::request::SignableRequest;
use crate::credentials::Credentials;

/// The two signature algorithms; they differ in scope, region header and signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Algorithm {
    V4,
    #[cfg(feature = "sigv4a")]
    V4a,
}

impl Algorithm {
    fn name(self) -> &'static str {
        match self {
            Algorithm::V4 => "AWS4-HMAC-SHA256",
            #[cfg(feature = "sigv4a")]
            Algorithm::V4a => "AWS4-ECDSA-P256-SHA256",
        }
    }

    /// SigV4a's scope names no region: the region set travels in `X-Amz-Region-Set`.
    fn scope(self, date: &str, params: &SigningParams<'_>) -> String {
        match self {
            Algorithm::V4 => format!("{date}/{}/{}/aws4_request", params.region(), params.name()),
            #[cfg(feature = "sigv4a")]
            Algorithm::V4a => format!("{date}/{}/aws4_request", params.name()),
        }
    }

    fn region_set<'a>(self, params: &SigningParams<'a>) -> Option<&'a str> {
        (self != Algorithm::V4).then(|| params.region())
    }

    #[cfg_attr(not(feature = "sigv4a"), allow(clippy::unnecessary_wraps))]
    fn signature(
        self,
        credentials: &Credentials,
        string_to_sign: &str,
        time: &SigningTime,
        params: &SigningParams<'_>,
    ) -> Result<String, SigningError> {
        match self {
            Algorithm::V4 => {
                let key = signing_key(credentials.secret_access_key(), time.date(), params);
                Ok(hex(&hmac_sha256(&key, string_to_sign.as_bytes())))
            }
            #[cfg(feature = "sigv4a")]
            Algorithm::V4a => super::v4a::signature(credentials, string_to_sign),
        }
    }
}

/// Signs `request` with SigV4 and returns what to add to it (headers, or the presigned query).
///
/// Pure: the time is in `params`, nothing is read from a clock, the network or files.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::credentials::Credentials;
/// use awso_client::sign::{sign, SignableRequest, SigningParams};
///
/// let credentials = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
/// let request = SignableRequest::new("GET", "/").header("Host", b"example.amazonaws.com");
/// let time = UNIX_EPOCH + Duration::from_secs(1_440_938_160); // 2015-08-30T12:36:00Z
/// let signed = sign(&request, &credentials, &SigningParams::new("us-east-1", "service", time))?;
/// assert_eq!(
///     signed.signature(),
///     "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
/// );
/// assert_eq!(signed.headers()[0], ("x-amz-date", "20150830T123600Z".to_owned()));
/// # Ok::<(), awso_client::sign::SigningError>(())
/// ```
pub fn sign(
    request: &SignableRequest<'_>,
    credentials: &Credentials,
    params: &SigningParams<'_>,
) -> Result<SigningOutput, SigningError> {
    sign_with(Algorithm::V4, request, credentials, params)
}

pub(crate) fn sign_with(
    algorithm: Algorithm,
    request: &SignableRequest<'_>,
    credentials: &Credentials,
    params: &SigningParams<'_>,
) -> Result<SigningOutput, SigningError> {
    let time = signing_time(params.time())?;
    let payload_hash = request.payload_kind().hash()?;
    let signing = Signing {
        algorithm,
        request,
        credentials,
        params,
        time,
        payload_hash,
    };
    match params.signing_settings().location {
        SignatureLocation::Headers => signing.in_headers(),
        SignatureLocation::Query { expires_in } => {
            if expires_in.as_secs() == 0
                || expires_in > MAX_PRESIGNED_EXPIRY
                || expires_in.subsec_nanos() != 0
            {
                return Err(SigningError::new(
                    SigningErrorKind::Expiry,
                    format!(
                        "presigned URL expiry of {} s is outside 1..=604800 s",
                        expires_in.as_secs_f64()
                    ),
                ));
            }
            signing.in_query(&expires_in.as_secs().to_string())
        }
    }
}

/// One signature in the making.
struct Signing<'r, 'a> {
    algorithm: Algorithm,
    request: &'r SignableRequest<'a>,
    credentials: &'r Credentials,
    params: &'r SigningParams<'a>,
    time: SigningTime,
    payload_hash: String,
}

impl Signing<'_, '_> {
    /// The session token if it is part of the signature.
    fn signed_token(&self) -> Option<&str> {
        let omit = self.params.signing_settings().omit_session_token;
        self.credentials.session_token().filter(|_| !omit)
    }

    fn in_headers(&self) -> Result<SigningOutput, SigningError> {
        let settings = self.params.signing_settings();
        let timestamp = self.time.timestamp.as_str();
        let region_set = self.algorithm.region_set(self.params);
        let mut added: Vec<(&str, &str)> = Vec::with_capacity(4);
        added.extend(
            self.signed_token()
                .map(|token| ("x-amz-security-token", token)),
        );
        added.push(("x-amz-date", timestamp));
        added.extend(region_set.map(|set| ("x-amz-region-set", set)));
        if settings.content_sha256_header {
            added.push(("x-amz-content-sha256", self.payload_hash.as_str()));
        }
        let headers = canonical_headers(self.request, &added)?;
        let query = canonical_query(self.request.query(), &[]);
        let (canonical, string_to_sign, scope, signature) = self.finish(&query, &headers)?;
        let authorization = format!(
            "{} Credential={}/{scope}, SignedHeaders={}, Signature={signature}",
            self.algorithm.name(),
            self.credentials.access_key_id(),
            headers.signed,
        );
        let mut out: Vec<(&'static str, String)> = Vec::with_capacity(5);
        out.extend(
            self.credentials
                .session_token()
                .map(|t| ("x-amz-security-token", t.to_owned())),
        );
        out.push(("x-amz-date", timestamp.to_owned()));
        out.extend(region_set.map(|set| ("x-amz-region-set", set.to_owned())));
        if settings.content_sha256_header {
            out.push(("x-amz-content-sha256", self.payload_hash.clone()));
        }
        out.push(("authorization", authorization));
        Ok(SigningOutput::new(
            canonical,
            string_to_sign,
            signature,
            out,
            Vec::new(),
        ))
    }

    fn in_query(&self, expires: &str) -> Result<SigningOutput, SigningError> {
        let headers = canonical_headers(self.request, &[])?;
        let scope = self.algorithm.scope(self.time.date(), self.params);
        let credential = format!("{}/{scope}", self.credentials.access_key_id());
        let region_set = self.algorithm.region_set(self.params);
        let mut added: Vec<(&'static str, &str)> = vec![
            ("X-Amz-Algorithm", self.algorithm.name()),
            ("X-Amz-Credential", &credential),
            ("X-Amz-Date", &self.time.timestamp),
            ("X-Amz-SignedHeaders", &headers.signed),
            ("X-Amz-Expires", expires),
        ];
        added.extend(
            self.signed_token()
                .map(|token| ("X-Amz-Security-Token", token)),
        );
        added.extend(region_set.map(|set| ("X-Amz-Region-Set", set)));
        let query = canonical_query(self.request.query(), &added);
        let (canonical, string_to_sign, _, signature) = self.finish(&query, &headers)?;
        // The order on the wire: the signer's parameters, the token (signed or not), the region
        // set, the signature last.
        added.retain(|(name, _)| *name != "X-Amz-Security-Token" && *name != "X-Amz-Region-Set");
        added.extend(
            self.credentials
                .session_token()
                .map(|token| ("X-Amz-Security-Token", token)),
        );
        added.extend(region_set.map(|set| ("X-Amz-Region-Set", set)));
        added.push(("X-Amz-Signature", &signature));
        let params = added
            .iter()
            .map(|&(name, value)| (name, encode(value)))
            .collect();
        Ok(SigningOutput::new(
            canonical,
            string_to_sign,
            signature.clone(),
            Vec::new(),
            params,
        ))
    }

    /// Canonical request, string to sign, scope and signature.
    fn finish(
        &self,
        query: &str,
        headers: &CanonicalHeaders,
    ) -> Result<(String, String, String, String), SigningError> {
        let settings = self.params.signing_settings();
        let path = canonical_path(
            self.request.path(),
            settings.normalize_path,
            settings.double_encode_path,
        );
        let canonical = format!(
            "{}\n{path}\n{query}\n{}\n{}\n{}",
            self.request.method(),
            headers.lines,
            headers.signed,
            self.payload_hash,
        );
        let scope = self.algorithm.scope(self.time.date(), self.params);
        let string_to_sign = format!(
            "{}\n{}\n{scope}\n{}",
            self.algorithm.name(),
            self.time.timestamp,
            sha256_hex(canonical.as_bytes()),
        );
        let signature =
            self.algorithm
                .signature(self.credentials, &string_to_sign, &self.time, self.params)?;
        Ok((canonical, string_to_sign, scope, signature))
    }
}

/// The SigV4 signing key: the secret HMAC-chained through date, region, service and
/// `aws4_request`, so a leaked key works for one day, region and service only.
pub(crate) fn signing_key(secret: &str, date: &str, params: &SigningParams<'_>) -> [u8; 32] {
    let mut key = Vec::with_capacity(secret.len() + 4);
    key.extend_from_slice(b"AWS4");
    key.extend_from_slice(secret.as_bytes());
    let date_key = hmac_sha256(&key, date.as_bytes());
    let region_key = hmac_sha256(&date_key, params.region().as_bytes());
    let service_key = hmac_sha256(&region_key, params.name().as_bytes());
    hmac_sha256(&service_key, b"aws4_request")
}

pub(crate) fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    // HMAC takes keys of any length, so `new_from_slice` cannot fail.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(message);
    mac.finalize().into_bytes().into()
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

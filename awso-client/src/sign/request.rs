//! The parts of a request that SigV4 signs, borrowed from wherever the request lives.

use super::error::{SigningError, SigningErrorKind};

/// `x-amz-content-sha256` value (and canonical payload hash) for a body that is not signed.
///
/// ```
/// use awso_client::sign::{Payload, UNSIGNED_PAYLOAD};
/// assert_eq!(Payload::Unsigned.hash().unwrap(), UNSIGNED_PAYLOAD);
/// assert_eq!(Payload::Hash(UNSIGNED_PAYLOAD).hash().unwrap(), UNSIGNED_PAYLOAD);
/// ```
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// Payload hash of an `aws-chunked` body whose chunks are each signed.
///
/// ```
/// use awso_client::sign::{Payload, STREAMING_PAYLOAD};
/// assert_eq!(Payload::Hash(STREAMING_PAYLOAD).hash().unwrap(), STREAMING_PAYLOAD);
/// ```
pub const STREAMING_PAYLOAD: &str = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
/// Payload hash of an `aws-chunked` body whose chunks and trailer are each signed.
///
/// ```
/// use awso_client::sign::{Payload, STREAMING_PAYLOAD_TRAILER};
/// assert_eq!(Payload::Hash(STREAMING_PAYLOAD_TRAILER).hash().unwrap(), STREAMING_PAYLOAD_TRAILER);
/// ```
pub const STREAMING_PAYLOAD_TRAILER: &str = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
/// Payload hash of an `aws-chunked` body whose chunks are each signed with SigV4a (ECDSA).
///
/// ```
/// use awso_client::sign::{Payload, STREAMING_ECDSA_PAYLOAD};
/// assert_eq!(Payload::Hash(STREAMING_ECDSA_PAYLOAD).hash().unwrap(), STREAMING_ECDSA_PAYLOAD);
/// ```
pub const STREAMING_ECDSA_PAYLOAD: &str = "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD";
/// Payload hash of an `aws-chunked` body whose chunks and trailer are each signed with SigV4a.
///
/// ```
/// use awso_client::sign::{Payload, STREAMING_ECDSA_PAYLOAD_TRAILER};
/// let hash = Payload::Hash(STREAMING_ECDSA_PAYLOAD_TRAILER).hash().unwrap();
/// assert_eq!(hash, "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER");
/// ```
pub const STREAMING_ECDSA_PAYLOAD_TRAILER: &str =
    "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER";
/// Payload hash of an unsigned `aws-chunked` body with a (checksum) trailer.
///
/// ```
/// # use std::time::{Duration, UNIX_EPOCH};
/// # use awso_client::credentials::Credentials;
/// use awso_client::sign::{sign, Payload, SignableRequest, SigningParams, SigningSettings, STREAMING_UNSIGNED_PAYLOAD_TRAILER};
/// let request = SignableRequest::new("PUT", "/b/k")
///     .header("host", b"s3.amazonaws.com")
///     .payload(Payload::Hash(STREAMING_UNSIGNED_PAYLOAD_TRAILER));
/// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH).settings(SigningSettings::s3());
/// let signed = sign(&request, &Credentials::new("AKID", "secret"), &params)?;
/// assert!(signed.canonical_request().ends_with(STREAMING_UNSIGNED_PAYLOAD_TRAILER));
/// assert!(signed.headers().contains(&("x-amz-content-sha256", STREAMING_UNSIGNED_PAYLOAD_TRAILER.to_owned())));
/// # Ok::<(), awso_client::sign::SigningError>(())
/// ```
pub const STREAMING_UNSIGNED_PAYLOAD_TRAILER: &str = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

/// What the canonical request says about the body.
///
/// ```
/// use awso_client::sign::Payload;
/// let body = b"Param1=value1";
/// assert_eq!(
///     Payload::Bytes(body).hash().unwrap(),
///     "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
/// );
/// assert_eq!(Payload::Unsigned.hash().unwrap(), "UNSIGNED-PAYLOAD");
/// assert!(Payload::Hash("not-a-hash").hash().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payload<'a> {
    /// The whole body: its SHA-256 is signed.
    Bytes(&'a [u8]),
    /// `UNSIGNED-PAYLOAD` (S3 over TLS, presigned URLs).
    Unsigned,
    /// A hash computed elsewhere (64 lower-case hex digits), or one of the `STREAMING-*` markers.
    Hash(&'a str),
}

impl Payload<'_> {
    /// The payload hash as the canonical request writes it.
    ///
    /// ```
    /// use awso_client::sign::Payload;
    /// // The SHA-256 of nothing.
    /// assert_eq!(
    ///     Payload::Bytes(b"").hash().unwrap(),
    ///     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    /// );
    /// assert!(Payload::Hash("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855").hash().is_err());
    /// ```
    pub fn hash(&self) -> Result<String, SigningError> {
        match *self {
            Payload::Bytes(bytes) => Ok(super::v4::sha256_hex(bytes)),
            Payload::Unsigned => Ok(UNSIGNED_PAYLOAD.to_owned()),
            Payload::Hash(hash) if is_payload_hash(hash) => Ok(hash.to_owned()),
            Payload::Hash(hash) => Err(SigningError::new(
                SigningErrorKind::PayloadHash,
                format!(
                    "payload hash {hash:?} is neither 64 lower-case hex digits nor a SigV4 marker"
                ),
            )),
        }
    }
}

fn is_payload_hash(hash: &str) -> bool {
    let hex = hash.len() == 64
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    hex || hash == UNSIGNED_PAYLOAD
        || hash == STREAMING_PAYLOAD
        || hash == STREAMING_PAYLOAD_TRAILER
        || hash == STREAMING_UNSIGNED_PAYLOAD_TRAILER
        || hash == STREAMING_ECDSA_PAYLOAD
        || hash == STREAMING_ECDSA_PAYLOAD_TRAILER
}

/// A request as SigV4 sees it: method, wire path and query, headers in order, payload.
///
/// The path and query are the request target as sent (percent-escapes included); headers keep
/// their order, and repeated names are signed as one comma-joined value.
///
/// ```
/// use awso_client::sign::{Payload, SignableRequest};
/// let request = SignableRequest::new("POST", "/?Action=GetCallerIdentity")
///     .header("Host", b"sts.amazonaws.com")
///     .payload(Payload::Bytes(b""));
/// assert_eq!(request.path(), "/");
/// assert_eq!(request.query(), "Action=GetCallerIdentity");
/// ```
#[derive(Clone)]
pub struct SignableRequest<'a> {
    method: &'a str,
    path: &'a str,
    query: &'a str,
    headers: Vec<(&'a str, &'a [u8])>,
    payload: Payload<'a>,
}

impl<'a> SignableRequest<'a> {
    /// A request with `method` and `target` (`/path?query`, as on the request line), no headers
    /// and an empty body.
    ///
    /// ```
    /// use awso_client::sign::{Payload, SignableRequest};
    /// let request = SignableRequest::new("GET", "/a%20b");
    /// assert_eq!((request.method(), request.path(), request.query()), ("GET", "/a%20b", ""));
    /// assert!(request.headers().is_empty());
    /// assert_eq!(request.payload_kind(), Payload::Bytes(b""));
    /// ```
    pub fn new(method: &'a str, target: &'a str) -> Self {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        SignableRequest {
            method,
            path,
            query,
            headers: Vec::new(),
            payload: Payload::Bytes(b""),
        }
    }

    /// Borrows an `http::Request`: its method, path and query, headers, and a `Host` header
    /// from the URI's authority when the request has none (HTTP/1 clients send it from there).
    ///
    /// ```
    /// use awso_client::sign::SignableRequest;
    /// let request = http::Request::get("https://example.amazonaws.com/a?b=c").body(()).unwrap();
    /// let signable = SignableRequest::from_http(&request);
    /// assert_eq!(signable.headers(), &[("host", &b"example.amazonaws.com"[..])]);
    /// ```
    pub fn from_http<B>(request: &'a http::Request<B>) -> Self {
        let uri = request.uri();
        let mut signable = SignableRequest {
            method: request.method().as_str(),
            path: uri.path(),
            query: uri.query().unwrap_or(""),
            headers: Vec::with_capacity(request.headers().len() + 1),
            payload: Payload::Bytes(b""),
        };
        if !request.headers().contains_key(http::header::HOST) {
            if let Some(authority) = uri.authority() {
                let host = authority.as_str();
                let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
                signable.headers.push(("host", host.as_bytes()));
            }
        }
        for (name, value) in request.headers() {
            signable.headers.push((name.as_str(), value.as_bytes()));
        }
        signable
    }

    /// The same request with one more header (names are case-insensitive).
    ///
    /// ```
    /// use awso_client::sign::SignableRequest;
    /// let request = SignableRequest::new("GET", "/").header("X-Amz-Meta-A", b"1").header("x-amz-meta-a", b"2");
    /// assert_eq!(request.headers().len(), 2); // both kept, signed as one "1,2"
    /// ```
    #[must_use]
    pub fn header(mut self, name: &'a str, value: &'a [u8]) -> Self {
        self.headers.push((name, value));
        self
    }

    /// The same request with `payload` describing its body.
    ///
    /// ```
    /// use awso_client::sign::{Payload, SignableRequest};
    /// let request = SignableRequest::new("PUT", "/").payload(Payload::Unsigned);
    /// assert_eq!(request.payload_kind(), Payload::Unsigned);
    /// ```
    #[must_use]
    pub fn payload(mut self, payload: Payload<'a>) -> Self {
        self.payload = payload;
        self
    }

    /// The HTTP method.
    ///
    /// ```
    /// use awso_client::sign::SignableRequest;
    /// let request = http::Request::delete("https://example.com/x").body(()).unwrap();
    /// assert_eq!(SignableRequest::from_http(&request).method(), "DELETE");
    /// ```
    pub fn method(&self) -> &str {
        self.method
    }

    /// The path as sent, before normalisation and encoding.
    ///
    /// ```
    /// use awso_client::sign::SignableRequest;
    /// // As sent: no normalisation yet.
    /// assert_eq!(SignableRequest::new("GET", "/a/../b?x=1").path(), "/a/../b");
    /// ```
    pub fn path(&self) -> &str {
        self.path
    }

    /// The query as sent, without the `?`.
    ///
    /// ```
    /// use awso_client::sign::SignableRequest;
    /// assert_eq!(SignableRequest::new("GET", "/?list-type=2&prefix=a%2F").query(), "list-type=2&prefix=a%2F");
    /// ```
    pub fn query(&self) -> &str {
        self.query
    }

    /// The headers, in order, as given.
    ///
    /// ```
    /// use awso_client::sign::SignableRequest;
    /// let request = SignableRequest::new("GET", "/").header("Host", b"example.com");
    /// assert_eq!(request.headers(), &[("Host", &b"example.com"[..])]);
    /// ```
    pub fn headers(&self) -> &[(&'a str, &'a [u8])] {
        &self.headers
    }

    /// What the body contributes to the signature.
    ///
    /// ```
    /// use awso_client::sign::{Payload, SignableRequest};
    /// let request = SignableRequest::new("POST", "/").payload(Payload::Bytes(b"{}"));
    /// assert_eq!(request.payload_kind(), Payload::Bytes(b"{}"));
    /// ```
    pub fn payload_kind(&self) -> Payload<'a> {
        self.payload
    }
}

/// Prints the method, path, header names and payload size: header values and the query can
/// carry secrets (`Authorization`, `X-Amz-Security-Token`), so they are left out.
impl std::fmt::Debug for SignableRequest<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(name, _)| *name).collect();
        let payload = match self.payload {
            Payload::Bytes(bytes) => format!("{} bytes", bytes.len()),
            Payload::Unsigned => UNSIGNED_PAYLOAD.to_owned(),
            Payload::Hash(hash) => hash.to_owned(),
        };
        f.debug_struct("SignableRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("headers", &names)
            .field("payload", &payload)
            .finish_non_exhaustive()
    }
}

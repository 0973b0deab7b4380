//! The parts of a request that SigV4 signs, borrowed from wherever the request lives.

use super::error::{SigningError, SigningErrorKind};

/// `x-amz-content-sha256` value (and canonical payload hash) for a body that is not signed.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// Payload hash of an `aws-chunked` body whose chunks are each signed.
pub const STREAMING_PAYLOAD: &str = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
/// Payload hash of an `aws-chunked` body whose chunks and trailer are each signed.
pub const STREAMING_PAYLOAD_TRAILER: &str = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
/// Payload hash of an unsigned `aws-chunked` body with a (checksum) trailer.
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
    #[must_use]
    pub fn header(mut self, name: &'a str, value: &'a [u8]) -> Self {
        self.headers.push((name, value));
        self
    }

    /// The same request with `payload` describing its body.
    #[must_use]
    pub fn payload(mut self, payload: Payload<'a>) -> Self {
        self.payload = payload;
        self
    }

    /// The HTTP method.
    pub fn method(&self) -> &str {
        self.method
    }

    /// The path as sent, before normalisation and encoding.
    pub fn path(&self) -> &str {
        self.path
    }

    /// The query as sent, without the `?`.
    pub fn query(&self) -> &str {
        self.query
    }

    /// The headers, in order, as given.
    pub fn headers(&self) -> &[(&'a str, &'a [u8])] {
        &self.headers
    }

    /// What the body contributes to the signature.
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

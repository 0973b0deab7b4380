//! What signing adds to a request, and how to add it to an `http::Request`.

use std::fmt;

use http::header::{HeaderName, HeaderValue};
use http::uri::{PathAndQuery, Uri};

use super::error::{SigningError, SigningErrorKind};

/// The result of signing: headers or query parameters to add, and the texts that were signed.
///
/// `Debug` prints names only: the signature of a presigned URL and the session token are
/// credentials for as long as they are valid.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::credentials::Credentials;
/// use awso_client::sign::{sign, SignableRequest, SigningParams};
///
/// let credentials = Credentials::new("AKIDEXAMPLE", "secret").with_session_token("token");
/// let mut request = http::Request::get("https://example.amazonaws.com/?a=b").body(()).unwrap();
/// let params = SigningParams::new("us-east-1", "service", UNIX_EPOCH + Duration::from_secs(60))
///     .presigned(Duration::from_secs(300));
/// let signed = sign(&SignableRequest::from_http(&request), &credentials, &params)?;
/// signed.apply_to(&mut request)?;
/// let query = request.uri().query().unwrap();
/// assert!(query.starts_with("a=b&X-Amz-Algorithm=AWS4-HMAC-SHA256&"));
/// assert!(query.contains("&X-Amz-Security-Token=token&X-Amz-Signature="));
/// assert!(!format!("{signed:?}").contains(signed.signature()));
/// # Ok::<(), awso_client::sign::SigningError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct SigningOutput {
    canonical_request: String,
    string_to_sign: String,
    signature: String,
    headers: Vec<(&'static str, String)>,
    query: Vec<(&'static str, String)>,
}

impl SigningOutput {
    pub(crate) fn new(
        canonical_request: String,
        string_to_sign: String,
        signature: String,
        headers: Vec<(&'static str, String)>,
        query: Vec<(&'static str, String)>,
    ) -> Self {
        SigningOutput {
            canonical_request,
            string_to_sign,
            signature,
            headers,
            query,
        }
    }

    /// The canonical request that was hashed (it holds a signed session token: do not log it).
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, SignableRequest, SigningParams};
    /// let request = SignableRequest::new("GET", "/a?z=1&b=2").header("host", b"example.com");
    /// let params = SigningParams::new("us-east-1", "service", UNIX_EPOCH + Duration::from_secs(60));
    /// let signed = sign(&request, &Credentials::new("AKID", "secret"), &params)?;
    /// // The query is sorted; the signed headers follow the canonical ones.
    /// assert!(signed.canonical_request().starts_with("GET\n/a\nb=2&z=1\nhost:example.com\n"));
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn canonical_request(&self) -> &str {
        &self.canonical_request
    }

    /// The string that was signed.
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, SignableRequest, SigningParams};
    /// let request = SignableRequest::new("GET", "/").header("host", b"example.com");
    /// let params = SigningParams::new("us-east-1", "service", UNIX_EPOCH + Duration::from_secs(1_440_938_160));
    /// let signed = sign(&request, &Credentials::new("AKID", "secret"), &params)?;
    /// let lines: Vec<&str> = signed.string_to_sign().lines().collect();
    /// assert_eq!(lines[..3], ["AWS4-HMAC-SHA256", "20150830T123600Z", "20150830/us-east-1/service/aws4_request"]);
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn string_to_sign(&self) -> &str {
        &self.string_to_sign
    }

    /// The signature, hex (SigV4: HMAC-SHA256; SigV4a: DER-encoded ECDSA).
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, SignableRequest, SigningParams};
    /// let request = SignableRequest::new("GET", "/").header("host", b"example.com");
    /// let params = SigningParams::new("us-east-1", "service", UNIX_EPOCH);
    /// let signed = sign(&request, &Credentials::new("AKID", "secret"), &params)?;
    /// let authorization = &signed.headers().iter().find(|(name, _)| *name == "authorization").unwrap().1;
    /// assert!(authorization.ends_with(&format!("Signature={}", signed.signature())));
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn signature(&self) -> &str {
        &self.signature
    }

    /// Headers to set (lower-case names), in the order they are added; empty for a presigned URL.
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, SignableRequest, SigningParams};
    /// let request = SignableRequest::new("GET", "/").header("host", b"example.com");
    /// let params = SigningParams::new("us-east-1", "service", UNIX_EPOCH);
    /// let signed = sign(&request, &Credentials::new("AKID", "secret"), &params)?;
    /// let names: Vec<&str> = signed.headers().iter().map(|(name, _)| *name).collect();
    /// assert!(names.contains(&"x-amz-date") && names.contains(&"authorization"));
    /// assert!(signed.query_params().is_empty());
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn headers(&self) -> &[(&'static str, String)] {
        &self.headers
    }

    /// Query parameters to append (values percent-encoded), in order; empty in header form.
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, SignableRequest, SigningParams};
    /// let request = SignableRequest::new("GET", "/").header("host", b"example.com");
    /// let params = SigningParams::new("us-east-1", "service", UNIX_EPOCH).presigned(Duration::from_secs(60));
    /// let signed = sign(&request, &Credentials::new("AKID", "secret"), &params)?;
    /// assert_eq!(signed.query_params()[0], ("X-Amz-Algorithm", "AWS4-HMAC-SHA256".to_owned()));
    /// assert!(signed.headers().is_empty());
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn query_params(&self) -> &[(&'static str, String)] {
        &self.query
    }

    /// Sets the headers (replacing any of the same name) or appends the query parameters.
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, SignableRequest, SigningParams};
    /// let mut request = http::Request::get("https://example.com/").header("authorization", "old").body(()).unwrap();
    /// let params = SigningParams::new("us-east-1", "service", UNIX_EPOCH);
    /// let signed = sign(&SignableRequest::from_http(&request), &Credentials::new("AKID", "secret"), &params)?;
    /// signed.apply_to(&mut request)?;
    /// // Replaced, not appended.
    /// assert_eq!(request.headers().get_all("authorization").iter().count(), 1);
    /// assert!(request.headers()["authorization"].to_str().unwrap().starts_with("AWS4-HMAC-SHA256 "));
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn apply_to<B>(&self, request: &mut http::Request<B>) -> Result<(), SigningError> {
        for (name, value) in &self.headers {
            let value = HeaderValue::from_str(value).map_err(|_| {
                SigningError::new(
                    SigningErrorKind::Header,
                    format!("{name} is not a valid header value"),
                )
            })?;
            request
                .headers_mut()
                .insert(HeaderName::from_static(name), value);
        }
        if !self.query.is_empty() {
            *request.uri_mut() = self.presigned_uri(request.uri())?;
        }
        Ok(())
    }

    /// `uri` with the presigned query parameters appended after its own query.
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, SignableRequest, SigningParams};
    /// let uri: http::Uri = "https://example.com/object".parse().unwrap();
    /// let request = SignableRequest::new("GET", "/object").header("host", b"example.com");
    /// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH).presigned(Duration::from_secs(60));
    /// let signed = sign(&request, &Credentials::new("AKID", "secret"), &params)?;
    /// let presigned = signed.presigned_uri(&uri)?;
    /// assert!(presigned.to_string().starts_with("https://example.com/object?X-Amz-Algorithm="));
    /// assert_eq!(uri.query(), None); // the original is left as it was
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn presigned_uri(&self, uri: &Uri) -> Result<Uri, SigningError> {
        let mut target = String::from(uri.path());
        let mut separator = '?';
        if let Some(query) = uri.query().filter(|query| !query.is_empty()) {
            target.push('?');
            target.push_str(query);
            separator = '&';
        }
        for (name, value) in &self.query {
            target.push(separator);
            target.push_str(name);
            target.push('=');
            target.push_str(value);
            separator = '&';
        }
        let invalid = |_| SigningError::new(SigningErrorKind::Uri, "presigned URI does not parse");
        let mut parts = uri.clone().into_parts();
        parts.path_and_query = Some(PathAndQuery::try_from(target).map_err(invalid)?);
        Uri::from_parts(parts)
            .map_err(|_| SigningError::new(SigningErrorKind::Uri, "presigned URI does not parse"))
    }
}

impl fmt::Debug for SigningOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<&str> = self.headers.iter().map(|(name, _)| *name).collect();
        let query: Vec<&str> = self.query.iter().map(|(name, _)| *name).collect();
        f.debug_struct("SigningOutput")
            .field("headers", &headers)
            .field("query_params", &query)
            .finish_non_exhaustive()
    }
}

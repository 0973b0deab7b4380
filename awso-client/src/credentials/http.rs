//! The HTTP the container and instance-metadata providers need: one async method.
//!
//! Both endpoints are plain HTTP on a link-local or loopback address, answer a few hundred
//! bytes, and are asked a handful of times an hour, so the transport is one connection per
//! request with a connect timeout, a timeout for the whole answer and a cap on its size.
//! [`HyperClient`] (feature `hyper`, on by default) implements it on hyper's HTTP/1.1
//! connection and tokio's TCP stream; anything else (a mock, another runtime) can stand in.
//!
//! The STS calls of the role providers go through the same trait. AWS's STS endpoints are
//! `https`, which the plain-HTTP [`HyperClient`] refuses with a clear error: it reaches local
//! STS emulators (`AWS_ENDPOINT_URL_STS=http://...`); for AWS itself, give the providers an
//! `HttpClient` with TLS.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// The future [`HttpClient::send`] returns.
pub type HttpFuture<'a> =
    Pin<Box<dyn Future<Output = Result<http::Response<Vec<u8>>, HttpError>> + Send + 'a>>;

/// Sends one request and reads the whole answer.
pub trait HttpClient: Send + Sync {
    /// Sends `request` (with an absolute URI) and returns the response with its body read.
    fn send(&self, request: http::Request<Vec<u8>>) -> HttpFuture<'_>;
}

impl<C: HttpClient + ?Sized> HttpClient for Arc<C> {
    fn send(&self, request: http::Request<Vec<u8>>) -> HttpFuture<'_> {
        (**self).send(request)
    }
}

/// The transport providers use when none is given: [`HyperClient`] with the `hyper` feature.
#[cfg(feature = "hyper")]
#[allow(clippy::unnecessary_wraps)] // one signature with the featureless twin
pub(crate) fn default_client() -> Option<Arc<dyn HttpClient>> {
    Some(Arc::new(HyperClient::new()))
}

/// Without the `hyper` feature there is no transport unless the user gives one.
#[cfg(not(feature = "hyper"))]
pub(crate) fn default_client() -> Option<Arc<dyn HttpClient>> {
    None
}

/// What went wrong sending a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum HttpErrorKind {
    /// No connection within the connect timeout.
    ConnectTimeout,
    /// No complete answer within the read timeout.
    ReadTimeout,
    /// The connection failed or broke.
    Io,
    /// The answer was larger than the transport accepts.
    TooLarge,
    /// The request cannot be sent by this transport (an `https` URI to a plain-HTTP client).
    Unsupported,
}

/// A transport failure: its kind, a message and the underlying error.
///
/// ```
/// use awso_client::credentials::http::{HttpError, HttpErrorKind};
///
/// let error = HttpError::new(HttpErrorKind::ReadTimeout, "no answer within 1s");
/// assert_eq!(error.to_string(), "no answer within 1s");
/// ```
#[derive(Debug)]
pub struct HttpError {
    kind: HttpErrorKind,
    message: String,
    source: Option<Box<dyn StdError + Send + Sync>>,
}

impl HttpError {
    /// An error of `kind`.
    pub fn new(kind: HttpErrorKind, message: impl Into<String>) -> Self {
        HttpError {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// The same error, caused by `source`.
    #[must_use]
    pub fn with_source(mut self, source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> HttpErrorKind {
        self.kind
    }

    /// Whether the request ran out of time (connecting or reading).
    pub fn is_timeout(&self) -> bool {
        matches!(
            self.kind,
            HttpErrorKind::ConnectTimeout | HttpErrorKind::ReadTimeout
        )
    }
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl StdError for HttpError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn StdError + 'static))
    }
}

#[cfg(feature = "hyper")]
pub use hyper_client::HyperClient;

#[cfg(feature = "hyper")]
mod hyper_client {
    use std::time::Duration;

    use bytes::Bytes;
    use http_body_util::{BodyExt, Full, Limited};
    use hyper_util::rt::TokioIo;
    use tokio::net::TcpStream;

    use super::{HttpClient, HttpError, HttpErrorKind, HttpFuture};

    /// Plain HTTP/1.1 over hyper and tokio, one connection per request.
    ///
    /// ```
    /// use awso_client::credentials::http::HyperClient;
    /// use std::time::Duration;
    ///
    /// let client = HyperClient::new()
    ///     .with_connect_timeout(Duration::from_millis(500))
    ///     .with_read_timeout(Duration::from_secs(2));
    /// assert_eq!(client.read_timeout(), Duration::from_secs(2));
    /// ```
    #[derive(Clone, Debug)]
    pub struct HyperClient {
        connect_timeout: Duration,
        read_timeout: Duration,
        max_body: usize,
    }

    impl Default for HyperClient {
        fn default() -> Self {
            HyperClient::new()
        }
    }

    impl HyperClient {
        /// One second to connect, five to answer, 64 KiB at most: a credentials answer is
        /// a few hundred bytes, and a missing metadata service should fail fast.
        pub fn new() -> Self {
            HyperClient {
                connect_timeout: Duration::from_secs(1),
                read_timeout: Duration::from_secs(5),
                max_body: 64 * 1024,
            }
        }

        /// The same client with another connect timeout.
        #[must_use]
        pub fn with_connect_timeout(mut self, timeout: Duration) -> Self {
            self.connect_timeout = timeout;
            self
        }

        /// The same client with another timeout for sending and reading the whole answer.
        #[must_use]
        pub fn with_read_timeout(mut self, timeout: Duration) -> Self {
            self.read_timeout = timeout;
            self
        }

        /// The same client accepting answers of at most `bytes`.
        #[must_use]
        pub fn with_max_body(mut self, bytes: usize) -> Self {
            self.max_body = bytes;
            self
        }

        /// The connect timeout.
        pub fn connect_timeout(&self) -> Duration {
            self.connect_timeout
        }

        /// The timeout for the answer.
        pub fn read_timeout(&self) -> Duration {
            self.read_timeout
        }

        async fn connect(&self, host: &str, port: u16) -> Result<TcpStream, HttpError> {
            let host = host.trim_start_matches('[').trim_end_matches(']');
            match tokio::time::timeout(self.connect_timeout, TcpStream::connect((host, port))).await
            {
                Ok(Ok(stream)) => Ok(stream),
                Ok(Err(error)) => Err(HttpError::new(
                    HttpErrorKind::Io,
                    format!("cannot connect to {host}:{port}"),
                )
                .with_source(error)),
                Err(_) => Err(HttpError::new(
                    HttpErrorKind::ConnectTimeout,
                    format!(
                        "no connection to {host}:{port} within {:?}",
                        self.connect_timeout
                    ),
                )),
            }
        }

        async fn exchange(
            &self,
            stream: TcpStream,
            request: http::Request<Full<Bytes>>,
        ) -> Result<http::Response<Vec<u8>>, HttpError> {
            let io_error = |message: &str, error: hyper::Error| {
                HttpError::new(HttpErrorKind::Io, message).with_source(error)
            };
            let (mut sender, connection) =
                hyper::client::conn::http1::handshake(TokioIo::new(stream))
                    .await
                    .map_err(|error| io_error("HTTP handshake failed", error))?;
            // The connection task ends when `sender` is dropped; aborting covers a timeout.
            let driver = tokio::spawn(connection);
            let result = async {
                let response = sender
                    .send_request(request)
                    .await
                    .map_err(|error| io_error("request failed", error))?;
                let (parts, body) = response.into_parts();
                let body = Limited::new(body, self.max_body)
                    .collect()
                    .await
                    .map_err(|error| body_error(error, self.max_body))?
                    .to_bytes();
                Ok(http::Response::from_parts(parts, body.to_vec()))
            }
            .await;
            driver.abort();
            result
        }
    }

    fn body_error(error: Box<dyn std::error::Error + Send + Sync>, max: usize) -> HttpError {
        if error.is::<http_body_util::LengthLimitError>() {
            HttpError::new(
                HttpErrorKind::TooLarge,
                format!("answer larger than {max} bytes"),
            )
        } else {
            HttpError::new(HttpErrorKind::Io, "reading the answer failed").with_source(error)
        }
    }

    /// Turns an absolute-URI request into an origin-form one with a `Host` header.
    fn origin_form(
        request: http::Request<Vec<u8>>,
    ) -> Result<(String, u16, http::Request<Full<Bytes>>), HttpError> {
        let (mut parts, body) = request.into_parts();
        let unsupported = |message: String| HttpError::new(HttpErrorKind::Unsupported, message);
        match parts.uri.scheme_str() {
            Some("http") => {}
            Some(other) => {
                return Err(unsupported(format!(
                    "`{other}` URIs need TLS, which this plain-HTTP client does not have"
                )));
            }
            None => return Err(unsupported("the request URI is not absolute".to_owned())),
        }
        let authority = parts
            .uri
            .authority()
            .cloned()
            .ok_or_else(|| unsupported("the request URI has no host".to_owned()))?;
        let host = authority.host().to_owned();
        let port = authority.port_u16().unwrap_or(80);
        let path = parts
            .uri
            .path_and_query()
            .map_or("/", http::uri::PathAndQuery::as_str);
        parts.uri = path
            .parse()
            .map_err(|_| unsupported("the request path is not a valid URI".to_owned()))?;
        if !parts.headers.contains_key(http::header::HOST) {
            let value = http::HeaderValue::from_str(authority.as_str())
                .map_err(|_| unsupported("the host is not a valid header value".to_owned()))?;
            parts.headers.insert(http::header::HOST, value);
        }
        Ok((
            host,
            port,
            http::Request::from_parts(parts, Full::new(Bytes::from(body))),
        ))
    }

    impl HttpClient for HyperClient {
        fn send(&self, request: http::Request<Vec<u8>>) -> HttpFuture<'_> {
            Box::pin(async move {
                let (host, port, request) = origin_form(request)?;
                let stream = self.connect(&host, port).await?;
                match tokio::time::timeout(self.read_timeout, self.exchange(stream, request)).await
                {
                    Ok(result) => result,
                    Err(_) => Err(HttpError::new(
                        HttpErrorKind::ReadTimeout,
                        format!("no complete answer within {:?}", self.read_timeout),
                    )),
                }
            })
        }
    }
}

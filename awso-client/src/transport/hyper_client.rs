//! The default transport: hyper's pooled HTTP/1.1 client on tokio, TLS from rustls.

use std::error::Error as StdError;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body::{Body, Frame};
use hyper::body::Incoming;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use super::{HttpClient, HttpError, HttpErrorKind, HttpFuture, RequestBody, ResponseBody};

#[cfg(feature = "rustls")]
type Connector = hyper_rustls::HttpsConnector<HttpConnector>;
#[cfg(not(feature = "rustls"))]
type Connector = HttpConnector;

/// HTTP/1.1 over hyper and tokio, keeping idle connections for the next request; `https`
/// through rustls (ring, Mozilla's roots) with the `rustls` feature, refused without it.
///
/// The read timeout bounds the whole answer, head and body; the call path leaves it off and
/// bounds each attempt itself, so a large object can stream for as long as it takes.
///
/// ```
/// use awso_client::transport::HyperClient;
/// use std::time::Duration;
///
/// let client = HyperClient::new()
///     .with_connect_timeout(Duration::from_millis(500))
///     .with_read_timeout(Some(Duration::from_secs(2)));
/// assert_eq!(client.read_timeout(), Some(Duration::from_secs(2)));
/// ```
#[derive(Clone, Debug)]
pub struct HyperClient {
    client: Client<Connector, RequestBody>,
    connect_timeout: Duration,
    read_timeout: Option<Duration>,
}

impl Default for HyperClient {
    fn default() -> Self {
        HyperClient::new()
    }
}

impl HyperClient {
    /// One second to connect, five for the whole answer: the settings for credentials
    /// endpoints, which answer a few hundred bytes and should fail fast when absent.
    ///
    /// ```
    /// use std::io::{BufRead, BufReader, Write};
    /// use awso_client::transport::{HttpClient, HyperClient};
    /// use bytes::Bytes;
    ///
    /// // A one-answer server on 127.0.0.1, started and stopped here.
    /// let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    /// let address = listener.local_addr().unwrap();
    /// let server = std::thread::spawn(move || {
    ///     let (mut stream, _) = listener.accept().unwrap();
    ///     let mut reader = BufReader::new(stream.try_clone().unwrap());
    ///     let mut line = String::new();
    ///     while reader.read_line(&mut line).unwrap() > 2 {
    ///         line.clear(); // the request head ends with an empty line
    ///     }
    ///     stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok").unwrap();
    /// });
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let client = HyperClient::new();
    /// let request = http::Request::get(format!("http://{address}/")).body(Bytes::new()).unwrap();
    /// let response = client.send(request).await.unwrap();
    /// assert_eq!(response.status(), 200);
    /// assert_eq!(response.into_body().collect(16).await.unwrap(), "ok");
    /// # });
    /// server.join().unwrap();
    /// ```
    pub fn new() -> Self {
        Self::with_timeouts(Duration::from_secs(1), Some(Duration::from_secs(5)))
    }

    fn with_timeouts(connect_timeout: Duration, read_timeout: Option<Duration>) -> Self {
        let mut http = HttpConnector::new();
        http.set_connect_timeout(Some(connect_timeout));
        http.set_nodelay(true);
        http.enforce_http(!cfg!(feature = "rustls"));
        let client = Client::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(60))
            .build(connector(http));
        HyperClient {
            client,
            connect_timeout,
            read_timeout,
        }
    }

    /// The same client with another connect timeout.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::transport::HyperClient;
    /// let client = HyperClient::new().with_connect_timeout(Duration::from_millis(250));
    /// assert_eq!(client.connect_timeout(), Duration::from_millis(250));
    /// ```
    #[must_use]
    pub fn with_connect_timeout(self, timeout: Duration) -> Self {
        Self::with_timeouts(timeout, self.read_timeout)
    }

    /// The same client with another timeout for the whole answer (`None`: unbounded).
    ///
    /// ```
    /// use awso_client::transport::HyperClient;
    /// // The call path bounds each attempt itself and leaves the whole-answer timeout off.
    /// assert_eq!(HyperClient::new().with_read_timeout(None).read_timeout(), None);
    /// ```
    #[must_use]
    pub fn with_read_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// The connect timeout.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::transport::HyperClient;
    /// assert_eq!(HyperClient::new().connect_timeout(), Duration::from_secs(1));
    /// ```
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    /// The timeout for the whole answer.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::transport::HyperClient;
    /// assert_eq!(HyperClient::default().read_timeout(), Some(Duration::from_secs(5)));
    /// ```
    pub fn read_timeout(&self) -> Option<Duration> {
        self.read_timeout
    }

    async fn exchange(
        &self,
        request: http::Request<RequestBody>,
    ) -> Result<ResponseBodyHead, HttpError> {
        check_scheme(request.uri())?;
        self.client
            .request(request)
            .await
            .map_err(|error| self.request_error(&error))
    }

    fn request_error(&self, error: &hyper_util::client::legacy::Error) -> HttpError {
        let cause = source_text(error);
        if error.is_connect() {
            let timed_out = io_kind(error) == Some(std::io::ErrorKind::TimedOut);
            if timed_out {
                return HttpError::new(
                    HttpErrorKind::ConnectTimeout,
                    format!("no connection within {:?}", self.connect_timeout),
                );
            }
            return HttpError::new(HttpErrorKind::Connect, format!("cannot connect: {cause}"));
        }
        HttpError::new(HttpErrorKind::Io, format!("request failed: {cause}"))
    }
}

type ResponseBodyHead = http::Response<Incoming>;

#[cfg(feature = "rustls")]
fn connector(http: HttpConnector) -> Connector {
    hyper_rustls::HttpsConnectorBuilder::new()
        .with_webpki_roots()
        .https_or_http()
        .enable_http1()
        .wrap_connector(http)
}

#[cfg(not(feature = "rustls"))]
fn connector(http: HttpConnector) -> Connector {
    http
}

fn check_scheme(uri: &http::Uri) -> Result<(), HttpError> {
    let unsupported = |message: String| HttpError::new(HttpErrorKind::Unsupported, message);
    match uri.scheme_str() {
        Some("http") => Ok(()),
        Some("https") if cfg!(feature = "rustls") => Ok(()),
        Some(other) => Err(unsupported(format!(
            "`{other}` URIs are not supported by this client (TLS needs the `rustls` feature)"
        ))),
        None => Err(unsupported("the request URI is not absolute".to_owned())),
    }
}

/// The innermost message of an error chain: hyper's outer messages say little.
fn source_text(error: &(dyn StdError + 'static)) -> String {
    let mut text = error.to_string();
    let mut next = error.source();
    for _ in 0..8 {
        let Some(source) = next else { break };
        text = source.to_string();
        next = source.source();
    }
    text
}

fn io_kind(error: &(dyn StdError + 'static)) -> Option<std::io::ErrorKind> {
    let mut next = Some(error);
    for _ in 0..8 {
        let current = next?;
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            return Some(io.kind());
        }
        next = current.source();
    }
    None
}

impl HttpClient for HyperClient {
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
        self.send_body(request.map(RequestBody::from))
    }

    /// Streams a streamed body to the connection as it is read: memory stays at a chunk.
    fn send_body(&self, request: http::Request<RequestBody>) -> HttpFuture<'_> {
        Box::pin(async move {
            let Some(timeout) = self.read_timeout else {
                let response = self.exchange(request).await?;
                let body = |body| Transport {
                    body,
                    deadline: None,
                };
                return Ok(response.map(|b| ResponseBody::from_body(body(b))));
            };
            let deadline = tokio::time::Instant::now() + timeout;
            let response = tokio::time::timeout_at(deadline, self.exchange(request))
                .await
                .map_err(|_| read_timeout(timeout))??;
            Ok(response.map(|body| {
                ResponseBody::from_body(Transport {
                    body,
                    deadline: Some((Box::pin(tokio::time::sleep_until(deadline)), timeout)),
                })
            }))
        })
    }
}

fn read_timeout(timeout: Duration) -> HttpError {
    HttpError::new(
        HttpErrorKind::ReadTimeout,
        format!("no complete answer within {timeout:?}"),
    )
}

/// hyper's body with its errors as [`HttpError`]s (a broken connection mid-body is `Io`),
/// failing with a read timeout once the answer's deadline, if any, has passed.
struct Transport {
    body: Incoming,
    deadline: Option<(Pin<Box<tokio::time::Sleep>>, Duration)>,
}

impl Body for Transport {
    type Data = Bytes;
    type Error = HttpError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, HttpError>>> {
        let polled = Pin::new(&mut self.body).poll_frame(cx);
        if let Poll::Ready(frame) = polled {
            return Poll::Ready(frame.map(|frame| frame.map_err(|error| body_error(&error))));
        }
        if let Some((sleep, timeout)) = &mut self.deadline {
            if sleep.as_mut().poll(cx).is_ready() {
                return Poll::Ready(Some(Err(read_timeout(*timeout))));
            }
        }
        Poll::Pending
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
    }
}

fn body_error(error: &hyper::Error) -> HttpError {
    let cause = source_text(error);
    HttpError::new(
        HttpErrorKind::Io,
        format!("reading the body failed: {cause}"),
    )
}

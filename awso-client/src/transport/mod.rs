//! The I/O boundary: one async method that sends a request and returns the response head with
//! a body still to be read.
//!
//! Everything above it (signing, endpoints, retries, the call) is plain functions over
//! `http` types, so a test, a mock or another runtime plugs in here by implementing
//! [`HttpClient`]. Request bodies are [`Bytes`]: cloning one for a retry costs a reference
//! count, so every attempt sends the same bytes; a streamed upload reaches the transport as a
//! [`RequestBody`] through [`HttpClient::send_body`]. Response bodies are a [`ResponseBody`],
//! read chunk by chunk (an S3 object never has to fit in memory) or collected with a size cap.
//!
//! [`HyperClient`] (feature `hyper`, on by default) is the default: hyper's pooled HTTP/1.1
//! client on tokio, with TLS from rustls under the `rustls` feature (also on by default).
//!
//! ```
//! use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
//! use bytes::Bytes;
//!
//! /// Answers every request with the same body: what a unit test needs.
//! struct Canned(&'static str);
//!
//! impl HttpClient for Canned {
//!     fn send(&self, _request: http::Request<Bytes>) -> HttpFuture<'_> {
//!         let body = ResponseBody::from(self.0);
//!         Box::pin(async move { Ok(http::Response::new(body)) })
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let response = Canned("hello").send(http::Request::new(Bytes::new())).await.unwrap();
//! assert_eq!(response.into_body().collect(1024).await.unwrap(), "hello");
//! # });
//! ```

mod body;
mod error;
#[cfg(feature = "hyper")]
mod hyper_client;
mod request_body;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use bytes::Bytes;

pub use body::ResponseBody;
pub use error::{HttpError, HttpErrorKind};
#[cfg(feature = "hyper")]
pub use hyper_client::HyperClient;
pub use request_body::RequestBody;

/// The future [`HttpClient::send`] returns.
///
/// ```
/// use awso_client::transport::{HttpError, HttpErrorKind, HttpFuture};
/// // Any boxed future of the right output is one: here, a transport that is always down.
/// let refused: HttpFuture<'static> = Box::pin(async { Err(HttpError::new(HttpErrorKind::Connect, "down")) });
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// assert_eq!(refused.await.unwrap_err().kind(), HttpErrorKind::Connect);
/// # });
/// ```
pub type HttpFuture<'a> =
    Pin<Box<dyn Future<Output = Result<http::Response<ResponseBody>, HttpError>> + Send + 'a>>;

/// Sends one request; the response's body is read by the caller.
///
/// A boxed future keeps `dyn HttpClient` usable (clients and providers hold one) without a
/// macro crate; one allocation per request is nothing next to a round trip.
///
/// ```
/// use std::sync::Arc;
/// use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// use bytes::Bytes;
///
/// /// Echoes the request's path as the body.
/// struct Echo;
/// impl HttpClient for Echo {
///     fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
///         let path = request.uri().path().to_owned();
///         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(path.into_bytes()))) })
///     }
/// }
/// // Shared as a trait object, the way clients and providers hold one.
/// let client: Arc<dyn HttpClient> = Arc::new(Echo);
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let request = http::Request::get("http://127.0.0.1/echo").body(Bytes::new()).unwrap();
/// let response = client.send(request).await.unwrap();
/// assert_eq!(response.into_body().collect(64).await.unwrap(), "/echo");
/// # });
/// ```
pub trait HttpClient: Send + Sync {
    /// Sends `request` (with an absolute URI) and returns the response once its head arrived.
    ///
    /// ```
    /// use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// use bytes::Bytes;
    ///
    /// /// Answers 404 to everything.
    /// struct NotFound;
    /// impl HttpClient for NotFound {
    ///     fn send(&self, _request: http::Request<Bytes>) -> HttpFuture<'_> {
    ///         let mut response = http::Response::new(ResponseBody::empty());
    ///         *response.status_mut() = http::StatusCode::NOT_FOUND;
    ///         Box::pin(async move { Ok(response) })
    ///     }
    /// }
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let response = NotFound.send(http::Request::new(Bytes::new())).await.unwrap();
    /// assert_eq!(response.status(), 404);
    /// # });
    /// ```
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_>;

    /// Sends `request`, whose body may be a stream ([`RequestBody`]): what the call uses.
    ///
    /// The default reads a streamed body into memory and calls [`send`](Self::send), so a
    /// transport that only implements `send` still works, buffering uploads; a transport
    /// that can stream (as [`HyperClient`] does) implements this instead.
    ///
    /// ```
    /// use awso_client::transport::{HttpClient, HttpFuture, RequestBody, ResponseBody};
    /// use bytes::Bytes;
    ///
    /// /// Answers with the length of what it got.
    /// struct Length;
    /// impl HttpClient for Length {
    ///     fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
    ///         let length = request.body().len().to_string();
    ///         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(length.into_bytes()))) })
    ///     }
    /// }
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let stream = http_body_util::Full::new(Bytes::from_static(b"12345"));
    /// let request = http::Request::new(RequestBody::from_body(5, stream));
    /// let response = Length.send_body(request).await.unwrap();
    /// assert_eq!(response.into_body().collect(8).await.unwrap(), "5");
    /// # });
    /// ```
    fn send_body(&self, request: http::Request<RequestBody>) -> HttpFuture<'_> {
        Box::pin(async move {
            let (parts, body) = request.into_parts();
            let body = body.collect().await?;
            self.send(http::Request::from_parts(parts, body)).await
        })
    }
}

impl<C: HttpClient + ?Sized> HttpClient for Arc<C> {
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
        (**self).send(request)
    }

    fn send_body(&self, request: http::Request<RequestBody>) -> HttpFuture<'_> {
        (**self).send_body(request)
    }
}

impl<C: HttpClient + ?Sized> HttpClient for Box<C> {
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
        (**self).send(request)
    }

    fn send_body(&self, request: http::Request<RequestBody>) -> HttpFuture<'_> {
        (**self).send_body(request)
    }
}

/// Sends `request` through `client` and reads the whole body, refusing more than `max_body`
/// bytes: for the small answers of credentials endpoints.
///
/// ```
/// # use awso_client::transport::{HttpClient, HttpErrorKind, HttpFuture, ResponseBody, send_buffered};
/// # use bytes::Bytes;
/// # struct Canned;
/// # impl HttpClient for Canned {
/// #     fn send(&self, _: http::Request<Bytes>) -> HttpFuture<'_> {
/// #         Box::pin(async { Ok(http::Response::new(ResponseBody::from("0123456789"))) })
/// #     }
/// # }
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let request = || http::Request::get("http://127.0.0.1/").body(Vec::new()).unwrap();
/// let response = send_buffered(&Canned, request(), 64).await.unwrap();
/// assert_eq!(response.body(), b"0123456789");
/// let error = send_buffered(&Canned, request(), 4).await.unwrap_err();
/// assert_eq!(error.kind(), HttpErrorKind::TooLarge);
/// # });
/// ```
pub async fn send_buffered(
    client: &(impl HttpClient + ?Sized),
    request: http::Request<Vec<u8>>,
    max_body: usize,
) -> Result<http::Response<Vec<u8>>, HttpError> {
    let response = client.send(request.map(Bytes::from)).await?;
    let (parts, body) = response.into_parts();
    let body = body.collect(max_body).await?;
    Ok(http::Response::from_parts(parts, body.to_vec()))
}

/// The transport used when none is given: [`HyperClient`] with the `hyper` feature.
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

//! The HTTP the container, instance-metadata and STS providers use: the crate's one
//! [`HttpClient`] trait, from [`transport`](crate::transport), under the name these
//! providers always had.
//!
//! Their answers are a few hundred bytes, read whole with [`send_buffered`] and a cap.
//! [`HyperClient`] (feature `hyper`, on by default) reaches local emulators over plain HTTP
//! and AWS's `https` STS endpoints with the `rustls` feature.
//!
//! ```
//! use awso_client::credentials::http::{HttpClient, HttpFuture, send_buffered};
//! use awso_client::transport::ResponseBody;
//! use bytes::Bytes;
//!
//! /// A metadata endpoint's answer, canned.
//! struct Canned;
//! impl HttpClient for Canned {
//!     fn send(&self, _request: http::Request<Bytes>) -> HttpFuture<'_> {
//!         Box::pin(async { Ok(http::Response::new(ResponseBody::from(r#"{"Code":"Success"}"#))) })
//!     }
//! }
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let request = http::Request::get("http://127.0.0.1/latest/meta-data/").body(Vec::new()).unwrap();
//! let response = send_buffered(&Canned, request, 1024).await.unwrap();
//! assert_eq!(response.body(), br#"{"Code":"Success"}"#);
//! # });
//! ```

#[cfg(feature = "hyper")]
pub use crate::transport::HyperClient;
pub use crate::transport::{HttpClient, HttpError, HttpErrorKind, HttpFuture, send_buffered};

/// The most a credentials answer may be: they are a few hundred bytes.
pub(crate) const MAX_ANSWER: usize = 64 * 1024;

//! The HTTP the container, instance-metadata and STS providers use: the crate's one
//! [`HttpClient`] trait, from [`transport`](crate::transport), under the name these
//! providers always had.
//!
//! Their answers are a few hundred bytes, read whole with [`send_buffered`] and a cap.
//! [`HyperClient`] (feature `hyper`, on by default) reaches local emulators over plain HTTP
//! and AWS's `https` STS endpoints with the `rustls` feature.

#[cfg(feature = "hyper")]
pub use crate::transport::HyperClient;
pub use crate::transport::{HttpClient, HttpError, HttpErrorKind, HttpFuture, send_buffered};

/// The most a credentials answer may be: they are a few hundred bytes.
pub(crate) const MAX_ANSWER: usize = 64 * 1024;

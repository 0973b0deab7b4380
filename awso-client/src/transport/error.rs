//! Transport failures: what kind, so retries can tell a refused connection from a timeout.

use std::error::Error as StdError;
use std::fmt;

/// What went wrong sending a request or reading its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum HttpErrorKind {
    /// No connection within the connect timeout.
    ConnectTimeout,
    /// No answer (or no complete body) within the read timeout.
    ReadTimeout,
    /// No connection: refused, unreachable, or the name did not resolve.
    Connect,
    /// The connection failed or broke after it was made (reset, truncated body).
    Io,
    /// The answer was larger than the reader accepts.
    TooLarge,
    /// The request cannot be sent by this transport (an `https` URI without TLS).
    Unsupported,
}

/// A transport failure: its kind, a message and the underlying error.
///
/// ```
/// use awso_client::transport::{HttpError, HttpErrorKind};
///
/// let error = HttpError::new(HttpErrorKind::ReadTimeout, "no answer within 1s");
/// assert_eq!(error.to_string(), "no answer within 1s");
/// assert!(error.is_timeout());
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

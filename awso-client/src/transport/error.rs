//! Transport failures: what kind, so retries can tell a refused connection from a timeout.

use std::error::Error as StdError;
use std::fmt;

/// What went wrong sending a request or reading its answer.
///
/// ```
/// use awso_client::retry::{Failure, RetryKind, classify};
/// use awso_client::transport::{HttpError, HttpErrorKind};
/// let error = HttpError::new(HttpErrorKind::ConnectTimeout, "no connection within 1s");
/// assert_eq!(classify(&Failure::Transport(error.kind())), Some(RetryKind::Timeout));
/// // A response too large to read is not worth another try.
/// assert_eq!(classify(&Failure::Transport(HttpErrorKind::TooLarge)), None);
/// ```
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
    ///
    /// ```
    /// use awso_client::transport::{HttpError, HttpErrorKind};
    /// let error = HttpError::new(HttpErrorKind::Unsupported, String::from("https needs the rustls feature"));
    /// assert_eq!(error.kind(), HttpErrorKind::Unsupported);
    /// assert_eq!(error.to_string(), "https needs the rustls feature");
    /// ```
    pub fn new(kind: HttpErrorKind, message: impl Into<String>) -> Self {
        HttpError {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// The same error, caused by `source`.
    ///
    /// ```
    /// use std::error::Error;
    /// use awso_client::transport::{HttpError, HttpErrorKind};
    /// let io = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "reset by peer");
    /// let error = HttpError::new(HttpErrorKind::Io, "connection broke").with_source(io);
    /// assert_eq!(error.source().unwrap().to_string(), "reset by peer");
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// What kind of failure this is.
    ///
    /// ```
    /// use awso_client::transport::{HttpError, HttpErrorKind};
    /// assert_eq!(HttpError::new(HttpErrorKind::Connect, "refused").kind(), HttpErrorKind::Connect);
    /// ```
    pub fn kind(&self) -> HttpErrorKind {
        self.kind
    }

    /// Whether the request ran out of time (connecting or reading).
    ///
    /// ```
    /// use awso_client::transport::{HttpError, HttpErrorKind};
    /// assert!(HttpError::new(HttpErrorKind::ConnectTimeout, "slow").is_timeout());
    /// assert!(!HttpError::new(HttpErrorKind::Connect, "refused").is_timeout());
    /// ```
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

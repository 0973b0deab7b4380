//! One error type per call: which stage failed, and why.

use std::convert::Infallible;
use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use awso_core::ErrorMeta;

use crate::credentials::CredentialsError;
use crate::sign::SigningError;
use crate::transport::HttpError;

/// Why a call of an operation failed. `E` is the operation's error enum.
///
/// `Display` names the operation, the stage and the cause; `source()` gives the underlying
/// error.
///
/// ```
/// use awso_client::client::{CallError, ErrorKind};
///
/// let error: CallError<std::io::Error> = CallError::new("GetTranscript", 1, ErrorKind::Endpoint("no region".into()));
/// assert_eq!(error.to_string(), "GetTranscript failed: endpoint: no region");
/// ```
#[derive(Debug)]
pub struct CallError<E> {
    operation: &'static str,
    attempts: u32,
    // Boxed: results of calls stay small on the success path.
    kind: Box<ErrorKind<E>>,
}

/// The stage a call failed at.
///
/// ```
/// use std::time::Duration;
/// use awso_client::client::{CallError, ErrorKind};
///
/// let error: CallError<std::io::Error> =
///     CallError::new("Scan", 2, ErrorKind::Timeout { limit: "attempt", after: Duration::from_secs(5) });
/// // Callers branch on the stage.
/// match error.kind() {
///     ErrorKind::Timeout { limit, after } => assert_eq!((*limit, *after), ("attempt", Duration::from_secs(5))),
///     other => panic!("not a timeout: {other:?}"),
/// }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind<E> {
    /// The service answered with an error: modeled (a variant of `E`) or not (`E`'s unknown
    /// variant, which keeps the code, message and body).
    Service {
        /// The operation's error.
        error: E,
        /// The status, code, message and request id of the answer, whichever error it is.
        meta: ErrorMeta,
    },
    /// An attempt, or the whole call, ran past its time.
    Timeout {
        /// Which limit: `"attempt"` or `"total"`.
        limit: &'static str,
        /// Its length.
        after: Duration,
    },
    /// The request could not be sent or the answer not read.
    Transport(HttpError),
    /// No credentials (or no bearer token) to sign with.
    Credentials(CredentialsError),
    /// The request could not be signed.
    Signing(SigningError),
    /// No endpoint: none configured, or the rules refused the parameters.
    Endpoint(Box<dyn StdError + Send + Sync>),
    /// The input could not be turned into a request (a required member missing, ...).
    Construction(awso_core::Error),
    /// A paginator's service gave the token of the previous page again: following it would
    /// loop for ever.
    RepeatedToken {
        /// The page (from 1) that repeated its predecessor's token.
        page: u32,
    },
    /// The service answered with success, but the body could not be read as the output.
    Response {
        /// The HTTP status.
        status: u16,
        /// Why the body did not read.
        source: awso_core::Error,
    },
    /// The body of a successful answer does not match the checksum the service sent with
    /// it (the error names the algorithm, the checksum sent and the one computed). Not
    /// retried.
    ResponseChecksum {
        /// The HTTP status.
        status: u16,
        /// The mismatch.
        source: awso_core::Error,
    },
}

impl ErrorKind<Infallible> {
    /// The same error as one of an operation whose error is `E`: the stages that fail
    /// before or around the service's answer know no operation, so the call's attempts
    /// (compiled once for all operations) report them without one.
    pub(super) fn widen<E>(self) -> ErrorKind<E> {
        match self {
            ErrorKind::Service { error, .. } => match error {},
            ErrorKind::Timeout { limit, after } => ErrorKind::Timeout { limit, after },
            ErrorKind::Transport(error) => ErrorKind::Transport(error),
            ErrorKind::Credentials(error) => ErrorKind::Credentials(error),
            ErrorKind::Signing(error) => ErrorKind::Signing(error),
            ErrorKind::Endpoint(error) => ErrorKind::Endpoint(error),
            ErrorKind::Construction(error) => ErrorKind::Construction(error),
            ErrorKind::RepeatedToken { page } => ErrorKind::RepeatedToken { page },
            ErrorKind::Response { status, source } => ErrorKind::Response { status, source },
            ErrorKind::ResponseChecksum { status, source } => {
                ErrorKind::ResponseChecksum { status, source }
            }
        }
    }
}

impl<E> CallError<E> {
    /// An error of `operation` after `attempts` attempts.
    ///
    /// ```
    /// use awso_client::client::{CallError, ErrorKind};
    /// use awso_client::transport::{HttpError, HttpErrorKind};
    ///
    /// let refused = HttpError::new(HttpErrorKind::Connect, "connection refused");
    /// let error: CallError<std::io::Error> = CallError::new("ListQueues", 3, ErrorKind::Transport(refused));
    /// assert!(error.to_string().starts_with("ListQueues failed: transport: "), "{error}");
    /// assert!(error.to_string().ends_with(" (after 3 attempts)"), "{error}");
    /// ```
    pub fn new(operation: &'static str, attempts: u32, kind: ErrorKind<E>) -> Self {
        CallError {
            operation,
            attempts,
            kind: Box::new(kind),
        }
    }

    /// The operation's name.
    ///
    /// ```
    /// # use awso_client::client::{CallError, ErrorKind};
    /// # use awso_core::{AwsError, ErrorParts, UnknownError};
    /// # #[derive(AwsError, Debug)]
    /// # enum GetTranscriptError { #[awso(unknown)] Unknown(UnknownError) }
    /// # let parts = ErrorParts::json("ThrottlingException", br#"{"message":"slow down"}"#).request_id("r-1");
    /// # let (meta, error) = (parts.meta(400), GetTranscriptError::Unknown(UnknownError::new("ThrottlingException")));
    /// // A throttling answer after three attempts, as a call would give it.
    /// let throttled = CallError::new("GetTranscript", 3, ErrorKind::Service { error, meta });
    /// assert_eq!(throttled.operation(), "GetTranscript");
    /// ```
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// How many attempts were sent (0 when the call failed before sending).
    ///
    /// ```
    /// # use awso_client::client::{CallError, ErrorKind};
    /// # use awso_core::{AwsError, ErrorParts, UnknownError};
    /// # #[derive(AwsError, Debug)]
    /// # enum GetTranscriptError { #[awso(unknown)] Unknown(UnknownError) }
    /// # let parts = ErrorParts::json("ThrottlingException", br#"{"message":"slow down"}"#).request_id("r-1");
    /// # let (meta, error) = (parts.meta(400), GetTranscriptError::Unknown(UnknownError::new("ThrottlingException")));
    /// // A throttling answer after three attempts, as a call would give it.
    /// let throttled = CallError::new("GetTranscript", 3, ErrorKind::Service { error, meta });
    /// assert_eq!(throttled.attempts(), 3);
    /// ```
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The stage that failed and its details.
    ///
    /// ```
    /// # use awso_client::client::{CallError, ErrorKind};
    /// # use awso_core::{AwsError, ErrorParts, UnknownError};
    /// # #[derive(AwsError, Debug)]
    /// # enum GetTranscriptError { #[awso(unknown)] Unknown(UnknownError) }
    /// # let parts = ErrorParts::json("ThrottlingException", br#"{"message":"slow down"}"#).request_id("r-1");
    /// # let (meta, error) = (parts.meta(400), GetTranscriptError::Unknown(UnknownError::new("ThrottlingException")));
    /// // A throttling answer after three attempts, as a call would give it.
    /// let throttled = CallError::new("GetTranscript", 3, ErrorKind::Service { error, meta });
    /// assert!(matches!(throttled.kind(), ErrorKind::Service { meta, .. } if meta.status == 400));
    /// ```
    pub fn kind(&self) -> &ErrorKind<E> {
        &self.kind
    }

    /// The stage that failed, by value.
    ///
    /// ```
    /// # use awso_client::client::{CallError, ErrorKind};
    /// # use awso_core::{AwsError, ErrorParts, UnknownError};
    /// # #[derive(AwsError, Debug)]
    /// # enum GetTranscriptError { #[awso(unknown)] Unknown(UnknownError) }
    /// # let parts = ErrorParts::json("ThrottlingException", br#"{"message":"slow down"}"#).request_id("r-1");
    /// # let (meta, error) = (parts.meta(400), GetTranscriptError::Unknown(UnknownError::new("ThrottlingException")));
    /// // A throttling answer after three attempts, as a call would give it.
    /// let throttled = CallError::new("GetTranscript", 3, ErrorKind::Service { error, meta });
    /// let ErrorKind::Service { error, .. } = throttled.into_kind() else { panic!("not a service error") };
    /// assert_eq!(error.code(), "ThrottlingException");
    /// ```
    pub fn into_kind(self) -> ErrorKind<E> {
        *self.kind
    }

    /// The operation's error, when the service answered with one.
    ///
    /// ```
    /// # use awso_client::client::{CallError, ErrorKind};
    /// # use awso_core::{AwsError, ErrorParts, UnknownError};
    /// # #[derive(AwsError, Debug)]
    /// # enum GetTranscriptError { #[awso(unknown)] Unknown(UnknownError) }
    /// # let parts = ErrorParts::json("ThrottlingException", br#"{"message":"slow down"}"#).request_id("r-1");
    /// # let (meta, error) = (parts.meta(400), GetTranscriptError::Unknown(UnknownError::new("ThrottlingException")));
    /// // A throttling answer after three attempts, as a call would give it.
    /// let throttled = CallError::new("GetTranscript", 3, ErrorKind::Service { error, meta });
    /// assert_eq!(throttled.service_error().map(AwsError::code), Some("ThrottlingException"));
    /// # use std::time::Duration;
    /// let timeout = ErrorKind::Timeout { limit: "total", after: Duration::from_secs(30) };
    /// let late: CallError<std::io::Error> = CallError::new("Scan", 2, timeout);
    /// assert!(late.service_error().is_none());
    /// ```
    pub fn service_error(&self) -> Option<&E> {
        match &*self.kind {
            ErrorKind::Service { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The status, code, message and request id of the service's error answer.
    ///
    /// ```
    /// # use awso_client::client::{CallError, ErrorKind};
    /// # use awso_core::{AwsError, ErrorParts, UnknownError};
    /// # #[derive(AwsError, Debug)]
    /// # enum GetTranscriptError { #[awso(unknown)] Unknown(UnknownError) }
    /// # let parts = ErrorParts::json("ThrottlingException", br#"{"message":"slow down"}"#).request_id("r-1");
    /// # let (meta, error) = (parts.meta(400), GetTranscriptError::Unknown(UnknownError::new("ThrottlingException")));
    /// // A throttling answer after three attempts, as a call would give it.
    /// let throttled = CallError::new("GetTranscript", 3, ErrorKind::Service { error, meta });
    /// let meta = throttled.meta().unwrap();
    /// assert_eq!((meta.status, meta.code.as_str()), (400, "ThrottlingException"));
    /// # use std::time::Duration;
    /// let timeout = ErrorKind::Timeout { limit: "total", after: Duration::from_secs(30) };
    /// let late: CallError<std::io::Error> = CallError::new("Scan", 2, timeout);
    /// assert!(late.meta().is_none());
    /// ```
    pub fn meta(&self) -> Option<&ErrorMeta> {
        match &*self.kind {
            ErrorKind::Service { meta, .. } => Some(meta),
            _ => None,
        }
    }

    /// The HTTP status of the service's answer, when there was one.
    ///
    /// ```
    /// # use awso_client::client::{CallError, ErrorKind};
    /// # use awso_core::{AwsError, ErrorParts, UnknownError};
    /// # #[derive(AwsError, Debug)]
    /// # enum GetTranscriptError { #[awso(unknown)] Unknown(UnknownError) }
    /// # let parts = ErrorParts::json("ThrottlingException", br#"{"message":"slow down"}"#).request_id("r-1");
    /// # let (meta, error) = (parts.meta(400), GetTranscriptError::Unknown(UnknownError::new("ThrottlingException")));
    /// // A throttling answer after three attempts, as a call would give it.
    /// let throttled = CallError::new("GetTranscript", 3, ErrorKind::Service { error, meta });
    /// assert_eq!(throttled.status(), Some(400));
    /// # use std::time::Duration;
    /// let timeout = ErrorKind::Timeout { limit: "total", after: Duration::from_secs(30) };
    /// let late: CallError<std::io::Error> = CallError::new("Scan", 2, timeout);
    /// // No answer, no status.
    /// assert_eq!(late.status(), None);
    /// ```
    pub fn status(&self) -> Option<u16> {
        match &*self.kind {
            ErrorKind::Service { meta, .. } => Some(meta.status),
            ErrorKind::Response { status, .. } | ErrorKind::ResponseChecksum { status, .. } => {
                Some(*status)
            }
            _ => None,
        }
    }

    /// The error code of the service's error answer (modeled or not).
    ///
    /// ```
    /// use awso_client::client::{CallError, ErrorKind};
    /// use awso_core::{AwsError, ErrorParts, UnknownError};
    ///
    /// #[derive(AwsError, Debug)]
    /// enum GetTranscriptError {
    ///     #[awso(unknown)]
    ///     Unknown(UnknownError),
    /// }
    /// let parts = ErrorParts::json("ThrottlingException", br#"{"message":"slow down"}"#)
    ///     .request_id("r-1");
    /// let meta = parts.meta(400);
    /// let error = GetTranscriptError::Unknown(UnknownError::new("ThrottlingException"));
    /// let error = CallError::new("GetTranscript", 1, ErrorKind::Service { error, meta });
    /// assert_eq!(error.code(), Some("ThrottlingException"));
    /// assert_eq!(error.message(), Some("slow down"));
    /// assert_eq!((error.status(), error.request_id()), (Some(400), Some("r-1")));
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.meta().map(|meta| meta.code.as_str())
    }

    /// The message of the service's error answer, when it gave one.
    ///
    /// ```
    /// # use awso_client::client::{CallError, ErrorKind};
    /// # use awso_core::{AwsError, ErrorParts, UnknownError};
    /// # #[derive(AwsError, Debug)]
    /// # enum GetTranscriptError { #[awso(unknown)] Unknown(UnknownError) }
    /// # let parts = ErrorParts::json("ThrottlingException", br#"{"message":"slow down"}"#).request_id("r-1");
    /// # let (meta, error) = (parts.meta(400), GetTranscriptError::Unknown(UnknownError::new("ThrottlingException")));
    /// // A throttling answer after three attempts, as a call would give it.
    /// let throttled = CallError::new("GetTranscript", 3, ErrorKind::Service { error, meta });
    /// assert_eq!(throttled.message(), Some("slow down"));
    /// ```
    pub fn message(&self) -> Option<&str> {
        self.meta().and_then(|meta| meta.message.as_deref())
    }

    /// The request id of the service's error answer, when it gave one.
    ///
    /// ```
    /// # use awso_client::client::{CallError, ErrorKind};
    /// # use awso_core::{AwsError, ErrorParts, UnknownError};
    /// # #[derive(AwsError, Debug)]
    /// # enum GetTranscriptError { #[awso(unknown)] Unknown(UnknownError) }
    /// # let parts = ErrorParts::json("ThrottlingException", br#"{"message":"slow down"}"#).request_id("r-1");
    /// # let (meta, error) = (parts.meta(400), GetTranscriptError::Unknown(UnknownError::new("ThrottlingException")));
    /// // A throttling answer after three attempts, as a call would give it.
    /// let throttled = CallError::new("GetTranscript", 3, ErrorKind::Service { error, meta });
    /// assert_eq!(throttled.request_id(), Some("r-1"));
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.meta().and_then(|meta| meta.request_id.as_deref())
    }

    /// Whether the call ran out of time.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use awso_client::client::{CallError, ErrorKind};
    /// let timeout = ErrorKind::Timeout { limit: "total", after: Duration::from_secs(30) };
    /// let late: CallError<std::io::Error> = CallError::new("Scan", 2, timeout);
    /// assert!(late.is_timeout());
    /// # use awso_core::{AwsError, ErrorParts, UnknownError};
    /// # #[derive(AwsError, Debug)]
    /// # enum GetTranscriptError { #[awso(unknown)] Unknown(UnknownError) }
    /// # let parts = ErrorParts::json("ThrottlingException", br#"{"message":"slow down"}"#).request_id("r-1");
    /// # let (meta, error) = (parts.meta(400), GetTranscriptError::Unknown(UnknownError::new("ThrottlingException")));
    /// // A throttling answer after three attempts, as a call would give it.
    /// let throttled = CallError::new("GetTranscript", 3, ErrorKind::Service { error, meta });
    /// assert!(!throttled.is_timeout());
    /// ```
    pub fn is_timeout(&self) -> bool {
        match &*self.kind {
            ErrorKind::Timeout { .. } => true,
            ErrorKind::Transport(error) => error.is_timeout(),
            _ => false,
        }
    }
}

impl<E: fmt::Display> fmt::Display for CallError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed: ", self.operation)?;
        match &*self.kind {
            ErrorKind::Service { error, meta } => {
                write!(f, "service error (HTTP {}", meta.status)?;
                if let Some(id) = &meta.request_id {
                    write!(f, ", request id {id}")?;
                }
                write!(f, "): {error}")
            }
            ErrorKind::Timeout { limit, after } => {
                write!(f, "timeout: the {limit} limit of {after:?} passed")
            }
            ErrorKind::Transport(error) => write!(f, "transport: {error}"),
            ErrorKind::Credentials(error) => write!(f, "credentials: {error}"),
            ErrorKind::Signing(error) => write!(f, "signing: {error}"),
            ErrorKind::Endpoint(error) => write!(f, "endpoint: {error}"),
            ErrorKind::Construction(error) => write!(f, "building the request: {error}"),
            ErrorKind::RepeatedToken { page } => write!(
                f,
                "paginating: page {page} gave the same next token as the page before"
            ),
            ErrorKind::Response { status, source } => {
                write!(f, "reading the answer (HTTP {status}): {source}")
            }
            ErrorKind::ResponseChecksum { status, source } => {
                write!(f, "checking the answer (HTTP {status}): {source}")
            }
        }?;
        if self.attempts > 1 {
            write!(f, " (after {} attempts)", self.attempts)?;
        }
        Ok(())
    }
}

impl<E: StdError + 'static> StdError for CallError<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match &*self.kind {
            ErrorKind::Service { error, .. } => Some(error),
            ErrorKind::Timeout { .. } | ErrorKind::RepeatedToken { .. } => None,
            ErrorKind::Transport(error) => Some(error),
            ErrorKind::Credentials(error) => Some(error),
            ErrorKind::Signing(error) => Some(error),
            ErrorKind::Endpoint(error) => Some(&**error),
            ErrorKind::Construction(error)
            | ErrorKind::Response { source: error, .. }
            | ErrorKind::ResponseChecksum { source: error, .. } => Some(error),
        }
    }
}

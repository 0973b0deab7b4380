//! Which failures are worth another attempt, and of what kind.

use std::time::Duration;

use awso_core::schema::Retryable;

use crate::transport::HttpErrorKind;

/// A failed attempt, as the retry rules see it.
///
/// ```
/// use awso_client::retry::{Failure, RetryKind, classify};
/// let throttled = Failure::Service { status: 400, code: "SlowDown", modeled: None };
/// assert_eq!(classify(&throttled), Some(RetryKind::Throttling));
/// assert_eq!(classify(&Failure::AttemptTimeout), Some(RetryKind::Timeout));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure<'a> {
    /// The service answered with an error.
    Service {
        /// The HTTP status.
        status: u16,
        /// The error code (empty when the response had none).
        code: &'a str,
        /// The model's `retryable` trait on the error, when it has one (a modeled error's
        /// [`ShapeTraits::retryable`](awso_core::schema::ShapeTraits::retryable)).
        ///
        /// ```
        /// use awso_client::retry::{Failure, RetryKind, classify};
        /// use awso_core::schema::Retryable;
        /// // A 400 with an unknown code is final, unless the model marks the error retryable.
        /// let busy = |modeled| Failure::Service { status: 400, code: "Busy", modeled };
        /// assert_eq!(classify(&busy(None)), None);
        /// assert_eq!(classify(&busy(Some(Retryable::Transient))), Some(RetryKind::Transient));
        /// assert_eq!(classify(&busy(Some(Retryable::Throttling))), Some(RetryKind::Throttling));
        /// ```
        modeled: Option<Retryable>,
    },
    /// The transport failed.
    Transport(HttpErrorKind),
    /// The attempt ran past its time.
    AttemptTimeout,
    /// The service reported a skewed clock, and the client has corrected its own.
    ClockSkewCorrected,
}

/// Why a failure is retried; timeouts cost the quota more.
///
/// ```
/// use awso_client::retry::{Failure, RetryKind, classify};
/// assert_eq!(classify(&Failure::ClockSkewCorrected), Some(RetryKind::ClockSkew));
/// let too_many = Failure::Service { status: 429, code: "", modeled: None };
/// assert_eq!(classify(&too_many), Some(RetryKind::Throttling));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryKind {
    /// The service asked to slow down.
    Throttling,
    /// A passing failure: a 5xx, a transient code, a broken connection.
    Transient,
    /// No answer in time.
    Timeout,
    /// The request's time was off; it is signed again with the corrected clock.
    ClockSkew,
}

/// The codes the standard mode treats as throttling.
///
/// ```
/// use awso_client::retry::{Failure, RetryKind, THROTTLING_CODES, classify};
/// for &code in THROTTLING_CODES {
///     let failure = Failure::Service { status: 400, code, modeled: None };
///     assert_eq!(classify(&failure), Some(RetryKind::Throttling), "{code}");
/// }
/// ```
pub const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// The codes the standard mode treats as transient.
///
/// ```
/// use awso_client::retry::{Failure, TRANSIENT_CODES, classify};
/// for &code in TRANSIENT_CODES {
///     let failure = Failure::Service { status: 400, code, modeled: None };
///     assert!(classify(&failure).is_some(), "{code}");
/// }
/// ```
pub const TRANSIENT_CODES: &[&str] = &[
    "RequestTimeout",
    "RequestTimeoutException",
    "PriorRequestNotComplete",
];

/// The statuses the standard mode treats as transient.
///
/// ```
/// use awso_client::retry::{Failure, RetryKind, TRANSIENT_STATUSES, classify};
/// for &status in TRANSIENT_STATUSES {
///     let failure = Failure::Service { status, code: "", modeled: None };
///     assert_eq!(classify(&failure), Some(RetryKind::Transient));
/// }
/// assert_eq!(classify(&Failure::Service { status: 501, code: "", modeled: None }), None);
/// ```
pub const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// The kind of retry `failure` deserves, or `None` when retrying cannot help.
///
/// ```
/// use awso_client::retry::{Failure, RetryKind, classify};
/// use awso_client::transport::HttpErrorKind;
///
/// let denied = Failure::Service { status: 403, code: "AccessDenied", modeled: None };
/// assert_eq!(classify(&denied), None);
/// let unavailable = Failure::Service { status: 503, code: "", modeled: None };
/// assert_eq!(classify(&unavailable), Some(RetryKind::Transient));
/// assert_eq!(classify(&Failure::Transport(HttpErrorKind::Connect)), Some(RetryKind::Transient));
/// ```
pub fn classify(failure: &Failure<'_>) -> Option<RetryKind> {
    match *failure {
        Failure::Service {
            status,
            code,
            modeled,
        } => classify_service(status, code, modeled),
        Failure::Transport(kind) => match kind {
            HttpErrorKind::ConnectTimeout | HttpErrorKind::ReadTimeout => Some(RetryKind::Timeout),
            HttpErrorKind::Connect | HttpErrorKind::Io => Some(RetryKind::Transient),
            _ => None,
        },
        Failure::AttemptTimeout => Some(RetryKind::Timeout),
        Failure::ClockSkewCorrected => Some(RetryKind::ClockSkew),
    }
}

fn classify_service(status: u16, code: &str, modeled: Option<Retryable>) -> Option<RetryKind> {
    if modeled == Some(Retryable::Throttling) || THROTTLING_CODES.contains(&code) || status == 429 {
        return Some(RetryKind::Throttling);
    }
    if modeled == Some(Retryable::Transient)
        || TRANSIENT_CODES.contains(&code)
        || TRANSIENT_STATUSES.contains(&status)
    {
        return Some(RetryKind::Transient);
    }
    None
}

/// The delay an `x-amz-retry-after` header asks for (whole milliseconds); `None` when the
/// header is absent or not a number.
///
/// ```
/// use std::time::Duration;
/// use awso_client::retry::retry_after;
///
/// let mut headers = http::HeaderMap::new();
/// headers.insert("x-amz-retry-after", "1500".parse().unwrap());
/// assert_eq!(retry_after(&headers), Some(Duration::from_millis(1500)));
/// ```
pub fn retry_after(headers: &http::HeaderMap) -> Option<Duration> {
    let value = headers.get("x-amz-retry-after")?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_millis)
}

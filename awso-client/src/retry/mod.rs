//! Retries in the SDKs' standard mode, as pure functions: the outcome of an attempt, the
//! quota's state and a random number in; whether to retry, and after how long, out.
//!
//! | rule | here |
//! |---|---|
//! | at most 3 attempts | [`RetrySettings::max_attempts`] |
//! | delay `min(random × base × 2^(retry − 1), 20 s)`, base 1 s | [`backoff`] |
//! | `x-amz-retry-after` (milliseconds) replaces the delay, at most the maximum | [`retry_after`] |
//! | quota of 500 tokens, 5 a retry, 10 a timeout retry, refund on success | [`RetryQuota`] |
//! | throttling codes, transient codes, 500/502/503/504, broken connections, modeled `retryable` errors | [`classify`] |
//! | clock skew (`RequestTimeTooSkewed`, ...) corrected from the response's `Date` | [`skew`] |
//!
//! ```
//! use std::time::Duration;
//! use awso_client::retry::{Decision, Failure, RetryQuota, RetrySettings, decide};
//!
//! let settings = RetrySettings::standard();
//! let mut quota = RetryQuota::standard();
//! let throttled = Failure::Service { status: 400, code: "ThrottlingException", modeled: None };
//! // The first retry waits between 0 and 1 s: here, with the random number 0.5, half a second.
//! let decision = decide(&settings, &mut quota, 1, &throttled, 0.5, None);
//! assert_eq!(decision, Decision::Retry { delay: Duration::from_millis(500), cost: 5 });
//! assert_eq!(quota.available(), 495);
//! // After the third attempt there is no fourth.
//! assert!(matches!(decide(&settings, &mut quota, 3, &throttled, 0.5, None), Decision::GiveUp(_)));
//! ```

mod classify;
mod quota;
pub mod skew;

use std::fmt;
use std::time::Duration;

pub use classify::{
    Failure, RetryKind, THROTTLING_CODES, TRANSIENT_CODES, TRANSIENT_STATUSES, classify,
    retry_after,
};
pub use quota::{INITIAL_TOKENS, NO_RETRY_INCREMENT, RETRY_COST, RetryQuota, TIMEOUT_RETRY_COST};

/// How many attempts and how long between them.
///
/// ```
/// use std::time::Duration;
/// use awso_client::retry::RetrySettings;
///
/// let settings = RetrySettings::standard().with_max_attempts(5);
/// assert_eq!(settings.max_attempts(), 5);
/// assert_eq!(settings.max_backoff(), Duration::from_secs(20));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetrySettings {
    max_attempts: u32,
    base_delay: Duration,
    max_backoff: Duration,
}

impl Default for RetrySettings {
    fn default() -> Self {
        Self::standard()
    }
}

impl RetrySettings {
    /// Standard mode: 3 attempts, base delay 1 s, at most 20 s between attempts.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::retry::RetrySettings;
    /// let settings = RetrySettings::standard();
    /// assert_eq!(settings.max_attempts(), 3);
    /// assert_eq!(settings.base_delay(), Duration::from_secs(1));
    /// assert_eq!(settings, RetrySettings::default());
    /// ```
    pub const fn standard() -> Self {
        RetrySettings {
            max_attempts: 3,
            base_delay: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
        }
    }

    /// No retries: one attempt.
    ///
    /// ```
    /// use awso_client::retry::{Decision, Failure, GiveUp, RetryQuota, RetrySettings, decide};
    /// let settings = RetrySettings::disabled();
    /// assert_eq!(settings.max_attempts(), 1);
    /// let failure = Failure::Service { status: 503, code: "", modeled: None };
    /// let decision = decide(&settings, &mut RetryQuota::standard(), 1, &failure, 0.5, None);
    /// assert_eq!(decision, Decision::GiveUp(GiveUp::AttemptsExhausted));
    /// ```
    pub const fn disabled() -> Self {
        Self::standard().with_max_attempts(1)
    }

    /// The same settings with at most `attempts` attempts (at least 1).
    ///
    /// ```
    /// use awso_client::retry::RetrySettings;
    /// assert_eq!(RetrySettings::standard().with_max_attempts(10).max_attempts(), 10);
    /// // Zero attempts would never send the request: it means one.
    /// assert_eq!(RetrySettings::standard().with_max_attempts(0).max_attempts(), 1);
    /// ```
    #[must_use]
    pub const fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = if attempts == 0 { 1 } else { attempts };
        self
    }

    /// The same settings with another base delay.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::retry::{RetrySettings, backoff};
    /// let settings = RetrySettings::standard().with_base_delay(Duration::from_millis(100));
    /// assert_eq!(backoff(&settings, 2, 0.5), Duration::from_millis(100));
    /// ```
    #[must_use]
    pub const fn with_base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The same settings with another longest delay.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::retry::{RetrySettings, backoff};
    /// let settings = RetrySettings::standard().with_max_backoff(Duration::from_secs(2));
    /// assert_eq!(backoff(&settings, 10, 0.9), Duration::from_secs(2));
    /// ```
    #[must_use]
    pub const fn with_max_backoff(mut self, delay: Duration) -> Self {
        self.max_backoff = delay;
        self
    }

    /// The most attempts of one call, the first included.
    ///
    /// ```
    /// use awso_client::retry::RetrySettings;
    /// assert_eq!(RetrySettings::standard().max_attempts(), 3);
    /// ```
    pub const fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The delay the exponential grows from.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::retry::RetrySettings;
    /// assert_eq!(RetrySettings::standard().base_delay(), Duration::from_secs(1));
    /// ```
    pub const fn base_delay(&self) -> Duration {
        self.base_delay
    }

    /// The longest delay between two attempts.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::retry::RetrySettings;
    /// assert_eq!(RetrySettings::standard().max_backoff(), Duration::from_secs(20));
    /// ```
    pub const fn max_backoff(&self) -> Duration {
        self.max_backoff
    }
}

/// The full-jitter delay before retry number `retry` (1 for the first):
/// `random × base × 2^(retry − 1)`, at most the maximum; `random` is in `[0, 1)`.
///
/// ```
/// use std::time::Duration;
/// use awso_client::retry::{RetrySettings, backoff};
///
/// let settings = RetrySettings::standard();
/// assert_eq!(backoff(&settings, 3, 0.5), Duration::from_secs(2));
/// assert_eq!(backoff(&settings, 30, 0.99), Duration::from_secs(20));
/// ```
pub fn backoff(settings: &RetrySettings, retry: u32, random: f64) -> Duration {
    let random = if random.is_finite() {
        random.clamp(0.0, 1.0)
    } else {
        0.0
    };
    // 2^(retry − 1) overflows nothing: past 2^31 the maximum applies anyway.
    let factor = f64::from(2_u32.saturating_pow(retry.saturating_sub(1).min(31)));
    let seconds = random * settings.base_delay.as_secs_f64() * factor;
    Duration::try_from_secs_f64(seconds)
        .unwrap_or(settings.max_backoff)
        .min(settings.max_backoff)
}

/// What to do after a failed attempt.
///
/// ```
/// use std::time::Duration;
/// use awso_client::retry::{Decision, Failure, RetryQuota, RetrySettings, decide};
/// let failure = Failure::Service { status: 500, code: "", modeled: None };
/// let decision = decide(&RetrySettings::standard(), &mut RetryQuota::standard(), 2, &failure, 0.25, None);
/// // The second retry: 0.25 × 1 s × 2.
/// assert_eq!(decision, Decision::Retry { delay: Duration::from_millis(500), cost: 5 });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Send the request again after `delay`.
    Retry {
        /// How long to wait first.
        delay: Duration,
        /// The tokens taken from the quota, given back if the call then succeeds.
        cost: u32,
    },
    /// Return the failure to the caller.
    GiveUp(GiveUp),
}

/// Why a failure is not retried.
///
/// ```
/// use awso_client::retry::{Decision, Failure, GiveUp, RetryQuota, RetrySettings, decide};
/// let failure = Failure::Service { status: 500, code: "", modeled: None };
/// let mut empty = RetryQuota::with_capacity(0);
/// let decision = decide(&RetrySettings::standard(), &mut empty, 1, &failure, 0.5, None);
/// assert_eq!(decision, Decision::GiveUp(GiveUp::QuotaExhausted));
/// assert_eq!(GiveUp::QuotaExhausted.to_string(), "retry quota exhausted");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiveUp {
    /// The failure is not one that retrying can fix.
    NotRetryable,
    /// The call has used all its attempts.
    AttemptsExhausted,
    /// The client's retry quota is spent: the service has been failing for a while.
    QuotaExhausted,
}

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GiveUp::NotRetryable => "not retryable",
            GiveUp::AttemptsExhausted => "attempts exhausted",
            GiveUp::QuotaExhausted => "retry quota exhausted",
        })
    }
}

/// Decides about `failure` of attempt number `attempt` (1 for the first): retry with a
/// delay (from `retry_after` when the service sent one, else [`backoff`] of `random`), taking
/// the retry's cost from `quota`, or give up and say why.
///
/// ```
/// use std::time::Duration;
/// use awso_client::retry::{Decision, Failure, GiveUp, RetryQuota, RetrySettings, decide};
/// let settings = RetrySettings::standard();
/// let mut quota = RetryQuota::standard();
/// let throttled = Failure::Service { status: 400, code: "Throttling", modeled: None };
/// // The service's x-amz-retry-after wins over the backoff.
/// let hint = Some(Duration::from_millis(1500));
/// let decision = decide(&settings, &mut quota, 1, &throttled, 0.9, hint);
/// assert_eq!(decision, Decision::Retry { delay: Duration::from_millis(1500), cost: 5 });
/// let denied = Failure::Service { status: 403, code: "AccessDenied", modeled: None };
/// let decision = decide(&settings, &mut quota, 1, &denied, 0.9, None);
/// assert_eq!(decision, Decision::GiveUp(GiveUp::NotRetryable));
/// ```
pub fn decide(
    settings: &RetrySettings,
    quota: &mut RetryQuota,
    attempt: u32,
    failure: &Failure<'_>,
    random: f64,
    retry_after: Option<Duration>,
) -> Decision {
    let Some(kind) = classify(failure) else {
        return Decision::GiveUp(GiveUp::NotRetryable);
    };
    if attempt >= settings.max_attempts {
        return Decision::GiveUp(GiveUp::AttemptsExhausted);
    }
    let Some(cost) = quota.try_acquire(kind) else {
        return Decision::GiveUp(GiveUp::QuotaExhausted);
    };
    let delay = match retry_after {
        Some(hint) => hint.min(settings.max_backoff),
        None => backoff(settings, attempt, random),
    };
    Decision::Retry { delay, cost }
}

#[cfg(test)]
mod tests;

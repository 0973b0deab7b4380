//! Keeping credentials until shortly before they expire.
//!
//! One `tokio::sync::Mutex` guards the cached value and is held across the refresh, so callers
//! arriving during a refresh wait for it and take its result: one refresh, however many callers.
//! A failed refresh keeps serving the old credentials while they are still valid, and is not
//! retried for a short interval, so a broken source is not hammered by every request.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use tokio::sync::Mutex;

use super::provider::{CredentialsFuture, ProvideCredentials};
use super::{Credentials, CredentialsError};

/// Where the cache reads the time (injectable for tests).
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use awso_client::credentials::Clock;
/// /// A clock stopped at one instant, for tests.
/// struct Stopped(SystemTime);
/// impl Clock for Stopped {
///     fn now(&self) -> SystemTime {
///         self.0
///     }
/// }
/// let at = UNIX_EPOCH + Duration::from_secs(60);
/// assert_eq!(Stopped(at).now(), at);
/// ```
pub trait Clock: Send + Sync {
    /// The current time.
    ///
    /// ```
    /// use std::time::SystemTime;
    /// use awso_client::credentials::{Clock, SystemClock};
    /// let before = SystemTime::now();
    /// assert!(SystemClock.now() >= before);
    /// ```
    fn now(&self) -> SystemTime;
}

/// The system's clock.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use awso_client::credentials::{Clock, SystemClock};
/// let before = SystemTime::now();
/// let now = SystemClock.now();
/// assert!(now.duration_since(before).unwrap() < Duration::from_secs(1));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

#[derive(Default)]
struct State {
    credentials: Option<Credentials>,
    failed_at: Option<SystemTime>,
}

/// A provider whose answers are kept until `refresh_before` (default 5 minutes) before they
/// expire; credentials without an expiry are kept for good.
///
/// ```
/// use awso_client::credentials::{CachedProvider, Credentials, ProvideCredentials};
/// use std::time::Duration;
///
/// let cached = CachedProvider::new(Credentials::new("AKIDEXAMPLE", "wJalrEXAMPLEKEY"))
///     .with_refresh_before(Duration::from_secs(60));
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// assert_eq!(cached.provide_credentials().await.unwrap().access_key_id(), "AKIDEXAMPLE");
/// # });
/// assert!(!format!("{cached:?}").contains("wJalr"));
/// ```
pub struct CachedProvider<P> {
    inner: P,
    clock: Arc<dyn Clock>,
    refresh_before: Duration,
    retry_after_failure: Duration,
    state: Mutex<State>,
}

impl<P: ProvideCredentials> CachedProvider<P> {
    /// A cache in front of `inner`, on the system clock.
    ///
    /// ```
    /// use awso_client::credentials::{CachedProvider, Credentials, ProvideCredentials};
    /// let cached = CachedProvider::new(Credentials::new("AKIDEXAMPLE", "secret"));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(cached.provide_credentials().await.unwrap().secret_access_key(), "secret");
    /// # });
    /// ```
    pub fn new(inner: P) -> Self {
        CachedProvider {
            inner,
            clock: Arc::new(SystemClock),
            refresh_before: Duration::from_secs(300),
            retry_after_failure: Duration::from_secs(10),
            state: Mutex::new(State::default()),
        }
    }

    /// The same cache refreshing `window` before expiry.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use std::sync::atomic::{AtomicU32, Ordering};
    /// use std::time::{Duration, SystemTime, UNIX_EPOCH};
    /// use awso_client::credentials::{CachedProvider, Clock, Credentials, CredentialsFuture, ProvideCredentials};
    ///
    /// /// Hands out credentials valid for 10 minutes from the epoch, counting the calls.
    /// struct Counting(Arc<AtomicU32>);
    /// impl ProvideCredentials for Counting {
    ///     fn provide_credentials(&self) -> CredentialsFuture<'_> {
    ///         self.0.fetch_add(1, Ordering::SeqCst);
    ///         let expiry = UNIX_EPOCH + Duration::from_secs(600);
    ///         Box::pin(async move { Ok(Credentials::new("ASIAEXAMPLE", "secret").with_expiry(expiry)) })
    ///     }
    /// }
    /// struct AtMinute(u64);
    /// impl Clock for AtMinute {
    ///     fn now(&self) -> SystemTime { UNIX_EPOCH + Duration::from_secs(self.0 * 60) }
    /// }
    /// let calls = Arc::new(AtomicU32::new(0));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// // At minute 1, 9 minutes are left: more than the 2-minute window, so the answer is kept.
    /// let early = CachedProvider::new(Counting(calls.clone()))
    ///     .with_refresh_before(Duration::from_secs(120))
    ///     .with_clock(AtMinute(1));
    /// early.provide_credentials().await.unwrap();
    /// early.provide_credentials().await.unwrap();
    /// assert_eq!(calls.load(Ordering::SeqCst), 1);
    /// // At minute 9 only 1 minute is left: every call refreshes.
    /// let late = CachedProvider::new(Counting(calls.clone()))
    ///     .with_refresh_before(Duration::from_secs(120))
    ///     .with_clock(AtMinute(9));
    /// late.provide_credentials().await.unwrap();
    /// late.provide_credentials().await.unwrap();
    /// assert_eq!(calls.load(Ordering::SeqCst), 3);
    /// # });
    /// ```
    #[must_use]
    pub fn with_refresh_before(mut self, window: Duration) -> Self {
        self.refresh_before = window;
        self
    }

    /// The same cache waiting `interval` after a failed refresh before trying again (while
    /// the old credentials still serve).
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::credentials::{CachedProvider, CredentialsChain, ErrorKind, ProvideCredentials};
    /// // An empty chain always fails; the cache passes the failure on.
    /// let cached = CachedProvider::new(CredentialsChain::new()).with_retry_after_failure(Duration::from_secs(10));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let error = cached.provide_credentials().await.unwrap_err();
    /// assert_eq!(error.kind(), ErrorKind::NotConfigured);
    /// # });
    /// ```
    #[must_use]
    pub fn with_retry_after_failure(mut self, interval: Duration) -> Self {
        self.retry_after_failure = interval;
        self
    }

    /// The same cache reading the time from `clock`.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime, UNIX_EPOCH};
    /// use awso_client::credentials::{CachedProvider, Clock, Credentials, ProvideCredentials};
    /// struct Fixed;
    /// impl Clock for Fixed {
    ///     fn now(&self) -> SystemTime { UNIX_EPOCH + Duration::from_secs(100) }
    /// }
    /// // By this clock the credentials have 900 s left, well outside the refresh window.
    /// let valid = Credentials::new("ASIAEXAMPLE", "secret").with_expiry(UNIX_EPOCH + Duration::from_secs(1000));
    /// let cached = CachedProvider::new(valid.clone()).with_clock(Fixed);
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(cached.provide_credentials().await.unwrap(), valid);
    /// # });
    /// ```
    #[must_use]
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The provider behind the cache.
    ///
    /// ```
    /// use awso_client::credentials::{CachedProvider, Credentials};
    /// let cached = CachedProvider::new(Credentials::new("AKIDEXAMPLE", "secret"));
    /// assert_eq!(cached.inner().access_key_id(), "AKIDEXAMPLE");
    /// ```
    pub fn inner(&self) -> &P {
        &self.inner
    }

    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let mut state = self.state.lock().await;
        let now = self.clock.now();
        if let Some(cached) = &state.credentials {
            let fresh = cached.expiry().is_none_or(|expiry| {
                now.checked_add(self.refresh_before)
                    .is_some_and(|horizon| horizon < expiry)
            });
            let resting = state.failed_at.is_some_and(|failed| {
                failed
                    .checked_add(self.retry_after_failure)
                    .is_some_and(|until| now < until)
            });
            if fresh || (resting && is_valid(cached, now)) {
                return Ok(cached.clone());
            }
        }
        match self.inner.provide_credentials().await {
            Ok(credentials) => {
                state.credentials = Some(credentials.clone());
                state.failed_at = None;
                Ok(credentials)
            }
            Err(error) => match &state.credentials {
                Some(cached) if is_valid(cached, now) => {
                    let cached = cached.clone();
                    state.failed_at = Some(now);
                    Ok(cached)
                }
                _ => Err(error),
            },
        }
    }
}

fn is_valid(credentials: &Credentials, now: SystemTime) -> bool {
    credentials.expiry().is_none_or(|expiry| now < expiry)
}

impl<P: ProvideCredentials> ProvideCredentials for CachedProvider<P> {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.credentials())
    }
}

impl<P> fmt::Debug for CachedProvider<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("CachedProvider");
        out.field("refresh_before", &self.refresh_before)
            .field("retry_after_failure", &self.retry_after_failure);
        // A refresh may hold the lock; Debug never waits for it.
        match self.state.try_lock() {
            Ok(state) => out.field("cached", &state.credentials),
            Err(_) => out.field("cached", &format_args!("<refreshing>")),
        };
        out.finish_non_exhaustive()
    }
}

//! The retry quota: a bucket of tokens shared by every call of a client, so a failing
//! service is not hammered by retries from all of them at once.

use super::RetryKind;

/// Tokens a retry costs.
///
/// ```
/// use awso_client::retry::{RETRY_COST, RetryKind, RetryQuota};
/// let mut quota = RetryQuota::standard();
/// assert_eq!(quota.try_acquire(RetryKind::Throttling), Some(RETRY_COST));
/// ```
pub const RETRY_COST: u32 = 5;
/// Tokens a retry after a timeout costs.
///
/// ```
/// use awso_client::retry::{RetryKind, RetryQuota, TIMEOUT_RETRY_COST};
/// let mut quota = RetryQuota::standard();
/// assert_eq!(quota.try_acquire(RetryKind::Timeout), Some(TIMEOUT_RETRY_COST));
/// ```
pub const TIMEOUT_RETRY_COST: u32 = 10;
/// Tokens a call that succeeds at once gives back.
///
/// ```
/// use awso_client::retry::{NO_RETRY_INCREMENT, RetryKind, RetryQuota};
/// let mut quota = RetryQuota::standard();
/// let cost = quota.try_acquire(RetryKind::Transient).unwrap();
/// quota.release(None); // another call succeeded at once
/// assert_eq!(quota.available(), 500 - cost + NO_RETRY_INCREMENT);
/// ```
pub const NO_RETRY_INCREMENT: u32 = 1;
/// The bucket's size.
///
/// ```
/// use awso_client::retry::{INITIAL_TOKENS, RetryQuota};
/// assert_eq!(RetryQuota::standard().available(), INITIAL_TOKENS);
/// ```
pub const INITIAL_TOKENS: u32 = 500;

/// The standard mode's retry quota: 500 tokens, 5 taken per retry (10 after a timeout), the
/// cost given back when the retried call succeeds, 1 token when a call succeeds at once.
///
/// ```
/// use awso_client::retry::{RetryKind, RetryQuota};
///
/// let mut quota = RetryQuota::standard();
/// let cost = quota.try_acquire(RetryKind::Timeout).unwrap();
/// assert_eq!((cost, quota.available()), (10, 490));
/// quota.release(Some(cost));
/// assert_eq!(quota.available(), 500);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryQuota {
    available: u32,
    capacity: u32,
}

impl Default for RetryQuota {
    fn default() -> Self {
        Self::standard()
    }
}

impl RetryQuota {
    /// A full bucket of 500 tokens.
    ///
    /// ```
    /// use awso_client::retry::RetryQuota;
    /// assert_eq!(RetryQuota::standard(), RetryQuota::with_capacity(500));
    /// ```
    pub const fn standard() -> Self {
        Self::with_capacity(INITIAL_TOKENS)
    }

    /// A full bucket of `capacity` tokens.
    ///
    /// ```
    /// use awso_client::retry::{RetryKind, RetryQuota};
    /// let mut quota = RetryQuota::with_capacity(7);
    /// assert_eq!(quota.try_acquire(RetryKind::Transient), Some(5));
    /// assert_eq!(quota.try_acquire(RetryKind::Transient), None);
    /// assert_eq!(quota.available(), 2);
    /// ```
    pub const fn with_capacity(capacity: u32) -> Self {
        RetryQuota {
            available: capacity,
            capacity,
        }
    }

    /// The tokens left.
    ///
    /// ```
    /// use awso_client::retry::{RetryKind, RetryQuota};
    /// let mut quota = RetryQuota::standard();
    /// quota.try_acquire(RetryKind::Throttling);
    /// assert_eq!(quota.available(), 495);
    /// ```
    pub const fn available(&self) -> u32 {
        self.available
    }

    /// Takes the cost of a retry of `kind`, or `None` (taking nothing) when too few are left.
    ///
    /// ```
    /// use awso_client::retry::{RetryKind, RetryQuota};
    /// let mut quota = RetryQuota::with_capacity(12);
    /// assert_eq!(quota.try_acquire(RetryKind::Timeout), Some(10));
    /// // Too few left for another timeout retry: nothing is taken.
    /// assert_eq!(quota.try_acquire(RetryKind::Timeout), None);
    /// assert_eq!(quota.available(), 2);
    /// ```
    pub fn try_acquire(&mut self, kind: RetryKind) -> Option<u32> {
        let cost = match kind {
            RetryKind::Timeout => TIMEOUT_RETRY_COST,
            _ => RETRY_COST,
        };
        self.available = self.available.checked_sub(cost)?;
        Some(cost)
    }

    /// Records a call's success: the cost of its last retry comes back, or
    /// [`NO_RETRY_INCREMENT`] when it was not retried; never above the capacity.
    ///
    /// ```
    /// use awso_client::retry::RetryQuota;
    /// let mut quota = RetryQuota::standard();
    /// quota.release(Some(5)); // a full bucket stays full
    /// assert_eq!(quota.available(), 500);
    /// ```
    pub fn release(&mut self, last_retry_cost: Option<u32>) {
        let refund = last_retry_cost.unwrap_or(NO_RETRY_INCREMENT);
        self.available = self.available.saturating_add(refund).min(self.capacity);
    }
}

//! Clock skew: a request signed with a clock that is off by minutes is refused; the
//! response's `Date` says by how much, and the next attempt is signed with the offset.
//!
//! ```
//! use std::time::{Duration, UNIX_EPOCH};
//! use awso_client::retry::skew::{corrected, offset_from_error};
//!
//! // The local clock says 12:36:00; the server answered at 12:41:00 that the time is off.
//! let local = UNIX_EPOCH + Duration::from_secs(1_440_938_160);
//! let offset = offset_from_error("RequestTimeTooSkewed", Some("Sun, 30 Aug 2015 12:41:00 GMT"), local);
//! assert_eq!(offset, Some(300));
//! assert_eq!(corrected(local, 300), local + Duration::from_secs(300));
//! ```

use std::time::{Duration, SystemTime};

use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

/// The codes services answer a request signed at a skewed time with.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::retry::skew::{CLOCK_SKEW_CODES, offset_from_error};
/// let local = UNIX_EPOCH + Duration::from_secs(1_440_938_160);
/// for &code in CLOCK_SKEW_CODES {
///     let offset = offset_from_error(code, Some("Sun, 30 Aug 2015 12:26:00 GMT"), local);
///     assert_eq!(offset, Some(-600), "{code}");
/// }
/// ```
pub const CLOCK_SKEW_CODES: &[&str] = &[
    "RequestTimeTooSkewed",
    "RequestExpired",
    "RequestInTheFuture",
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "AuthFailure",
];

/// Below this difference the clock is taken as right: signatures are valid for 5 minutes,
/// and a skew error with a clock this close has another cause.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::retry::skew::{TOLERANCE, offset_from_error};
/// let local = UNIX_EPOCH + Duration::from_secs(1_440_938_160); // 12:36:00
/// // 30 s apart is within the tolerance: the error has another cause.
/// let date = "Sun, 30 Aug 2015 12:36:30 GMT";
/// assert!(TOLERANCE > Duration::from_secs(30));
/// assert_eq!(offset_from_error("SignatureDoesNotMatch", Some(date), local), None);
/// ```
pub const TOLERANCE: Duration = Duration::from_secs(60);

/// The server's time minus the local time, in whole seconds.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::retry::skew::{ClockOffset, corrected};
/// let server_ahead: ClockOffset = 120;
/// let now = UNIX_EPOCH + Duration::from_secs(1000);
/// assert_eq!(corrected(now, server_ahead), UNIX_EPOCH + Duration::from_secs(1120));
/// ```
pub type ClockOffset = i64;

/// The offset to sign with after an error `code` answered at `date` (the `Date` header) when
/// the local clock said `local_now`; `None` when the code is not a skew error, the date
/// cannot be read, or the clocks agree within [`TOLERANCE`].
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::retry::skew::offset_from_error;
///
/// let local = UNIX_EPOCH + Duration::from_secs(1_440_938_160); // Sun, 30 Aug 2015 12:36:00
/// let date = "Sun, 30 Aug 2015 12:46:00 GMT";
/// assert_eq!(offset_from_error("RequestTimeTooSkewed", Some(date), local), Some(600));
/// assert_eq!(offset_from_error("AccessDenied", Some(date), local), None);
/// ```
pub fn offset_from_error(
    code: &str,
    date: Option<&str>,
    local_now: SystemTime,
) -> Option<ClockOffset> {
    if !CLOCK_SKEW_CODES.contains(&code) {
        return None;
    }
    let server = OffsetDateTime::parse(date?.trim(), &Rfc2822).ok()?;
    let local = OffsetDateTime::from(local_now);
    let offset = (server - local).whole_seconds();
    (offset.unsigned_abs() >= TOLERANCE.as_secs()).then_some(offset)
}

/// `now` moved by `offset` seconds: the time to sign with.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::retry::skew::corrected;
///
/// let now = UNIX_EPOCH + Duration::from_secs(1000);
/// assert_eq!(corrected(now, -600), UNIX_EPOCH + Duration::from_secs(400));
/// ```
pub fn corrected(now: SystemTime, offset: ClockOffset) -> SystemTime {
    let shift = Duration::from_secs(offset.unsigned_abs());
    if offset >= 0 {
        now.checked_add(shift).unwrap_or(now)
    } else {
        now.checked_sub(shift).unwrap_or(now)
    }
}

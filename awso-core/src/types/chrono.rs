//! `Timestamp` <-> `chrono::DateTime`, with the `chrono` feature. The instant is kept to the
//! nanosecond; chrono's time zone is dropped going in (a timestamp has none) and UTC coming
//! out.

use chrono::{DateTime, TimeZone, Utc};

use super::Timestamp;
use crate::error::Error;

/// The same instant; the time zone is dropped.
///
/// ```
/// use awso_core::Timestamp;
/// use chrono::{FixedOffset, TimeZone};
///
/// let paris = FixedOffset::east_opt(3_600).unwrap();
/// let t = Timestamp::from(paris.with_ymd_and_hms(2019, 11, 8, 3, 41, 28).unwrap());
/// assert_eq!(t.to_string(), "2019-11-08T02:41:28Z");
/// ```
impl<Tz: TimeZone> From<DateTime<Tz>> for Timestamp {
    fn from(t: DateTime<Tz>) -> Self {
        // chrono keeps a leap second as nanoseconds past 1_000_000_000; a timestamp has
        // none, so it is the last nanosecond of that second.
        let nanos = t.timestamp_subsec_nanos().min(999_999_999);
        Timestamp::from_secs_and_nanos(t.timestamp(), nanos)
            .unwrap_or(Timestamp::from_secs(t.timestamp()))
    }
}

/// The same instant in UTC; an error past the years chrono can hold.
///
/// ```
/// use awso_core::Timestamp;
/// use chrono::{DateTime, Utc};
///
/// let t = DateTime::<Utc>::try_from(Timestamp::from_millis(1_573_180_888_172))?;
/// assert_eq!((t.timestamp(), t.timestamp_subsec_millis()), (1_573_180_888, 172));
/// assert!(DateTime::<Utc>::try_from(Timestamp::from_secs(i64::MAX)).is_err());
/// # Ok::<(), awso_core::Error>(())
/// ```
impl TryFrom<Timestamp> for DateTime<Utc> {
    type Error = Error;

    fn try_from(t: Timestamp) -> Result<Self, Error> {
        DateTime::from_timestamp(t.secs(), t.subsec_nanos())
            .ok_or_else(|| Error::out_of_range("a chrono date", format!("{}s", t.secs())))
    }
}

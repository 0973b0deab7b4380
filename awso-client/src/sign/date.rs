//! The signing time in the two forms SigV4 writes it: `20150830T123600Z` (`X-Amz-Date`) and
//! `20150830` (the credential scope). Time is an argument, never read from a clock here.

use std::time::{SystemTime, UNIX_EPOCH};

use super::error::SigningError;

/// The signing time, split into the scope date and the full timestamp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SigningTime {
    /// `YYYYMMDDTHHMMSSZ`.
    pub(crate) timestamp: String,
}

impl SigningTime {
    /// `YYYYMMDD`, the first eight characters of the timestamp.
    pub(crate) fn date(&self) -> &str {
        &self.timestamp[..8]
    }
}

const SECONDS_PER_DAY: u64 = 86_400;
/// 9999-12-31T23:59:59Z: the last second a four-digit year can write.
const LAST_SECOND: u64 = 253_402_300_799;

/// Formats `time` in UTC; times before 1970 or after 9999 cannot be written and are refused.
pub(crate) fn signing_time(time: SystemTime) -> Result<SigningTime, SigningError> {
    let seconds = time
        .duration_since(UNIX_EPOCH)
        .map_err(|_| SigningError::time_out_of_range())?
        .as_secs();
    if seconds > LAST_SECOND {
        return Err(SigningError::time_out_of_range());
    }
    let (year, month, day) = civil_from_days(seconds / SECONDS_PER_DAY);
    let of_day = seconds % SECONDS_PER_DAY;
    let timestamp = format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    );
    Ok(SigningTime { timestamp })
}

/// Year, month and day of the Gregorian calendar for a count of days since 1970-01-01, counted
/// in 400-year eras that start on 1 March so the leap day falls at the end of a year.
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let shifted = days + 719_468; // days from 0000-03-01 to 1970-01-01
    let era = shifted / 146_097;
    let day_of_era = shifted % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = era * 400 + year_of_era + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(seconds: u64) -> Result<String, SigningError> {
        signing_time(UNIX_EPOCH + Duration::from_secs(seconds)).map(|time| time.timestamp)
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(at(0).unwrap(), "19700101T000000Z");
        assert_eq!(at(1_440_938_160).unwrap(), "20150830T123600Z");
        // 2000-02-29 (a leap day in a year divisible by 400) and the day after.
        assert_eq!(at(951_782_400).unwrap(), "20000229T000000Z");
        assert_eq!(at(951_868_800).unwrap(), "20000301T000000Z");
        assert_eq!(at(LAST_SECOND).unwrap(), "99991231T235959Z");
    }

    #[test]
    fn refuses_times_it_cannot_write() {
        assert!(at(LAST_SECOND + 1).is_err());
        assert!(signing_time(UNIX_EPOCH - Duration::from_secs(1)).is_err());
    }

    #[test]
    fn date_is_the_scope_prefix() {
        let time = signing_time(UNIX_EPOCH + Duration::from_secs(1_440_938_160)).unwrap();
        assert_eq!(time.date(), "20150830");
    }
}

//! Timestamps and their three wire formats.

use std::fmt;

use time::format_description::well_known::Rfc3339;
use time::{Month, OffsetDateTime, PrimitiveDateTime, UtcOffset, Weekday};

use crate::error::{Error, Result};
use crate::schema::TimestampFormat;

const NANOS_PER_SECOND: u32 = 1_000_000_000;

/// An instant (a Smithy `timestamp`): seconds since the Unix epoch plus nanoseconds, with the
/// three AWS wire formats. Converts to and from [`time::OffsetDateTime`].
///
/// ```
/// use awso_core::Timestamp;
/// use awso_core::schema::TimestampFormat;
///
/// let t = Timestamp::parse("2019-11-08T02:41:28.172Z", TimestampFormat::DateTime)?;
/// assert_eq!((t.secs(), t.subsec_nanos()), (1_573_180_888, 172_000_000));
/// assert_eq!(t.format(TimestampFormat::EpochSeconds)?, "1573180888.172");
/// assert_eq!(t.format(TimestampFormat::HttpDate)?, "Fri, 08 Nov 2019 02:41:28 GMT");
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Timestamp {
    secs: i64,
    nanos: u32,
}

impl Timestamp {
    /// 1970-01-01T00:00:00Z.
    ///
    /// ```
    /// use awso_core::Timestamp;
    ///
    /// assert_eq!(Timestamp::UNIX_EPOCH.to_string(), "1970-01-01T00:00:00Z");
    /// ```
    pub const UNIX_EPOCH: Self = Self { secs: 0, nanos: 0 };

    /// `secs` seconds after the epoch (before it, if negative).
    ///
    /// ```
    /// use awso_core::Timestamp;
    ///
    /// assert_eq!(Timestamp::from_secs(-1).to_string(), "1969-12-31T23:59:59Z");
    /// ```
    pub const fn from_secs(secs: i64) -> Self {
        Self { secs, nanos: 0 }
    }

    /// `secs` seconds plus `nanos` nanoseconds after the epoch; `None` unless
    /// `nanos < 1_000_000_000`.
    ///
    /// ```
    /// use awso_core::Timestamp;
    ///
    /// assert_eq!(Timestamp::from_secs_and_nanos(0, 5).unwrap().subsec_nanos(), 5);
    /// assert!(Timestamp::from_secs_and_nanos(0, 1_000_000_000).is_none());
    /// ```
    pub const fn from_secs_and_nanos(secs: i64, nanos: u32) -> Option<Self> {
        if nanos < NANOS_PER_SECOND {
            Some(Self { secs, nanos })
        } else {
            None
        }
    }

    /// `millis` milliseconds after the epoch.
    ///
    /// ```
    /// use awso_core::Timestamp;
    ///
    /// let t = Timestamp::from_millis(-1);
    /// assert_eq!((t.secs(), t.subsec_nanos()), (-1, 999_000_000));
    /// ```
    pub const fn from_millis(millis: i64) -> Self {
        Self {
            secs: millis.div_euclid(1000),
            nanos: (millis.rem_euclid(1000) as u32) * 1_000_000,
        }
    }

    /// Whole seconds since the epoch, rounded towards negative infinity.
    ///
    /// ```
    /// assert_eq!(awso_core::Timestamp::from_millis(-1_500).secs(), -2);
    /// ```
    pub const fn secs(&self) -> i64 {
        self.secs
    }

    /// Nanoseconds past [`secs`](Self::secs), below one billion.
    ///
    /// ```
    /// assert_eq!(awso_core::Timestamp::from_millis(1_250).subsec_nanos(), 250_000_000);
    /// ```
    pub const fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// Reads `text` in `format`.
    ///
    /// ```
    /// use awso_core::{schema::TimestampFormat, Timestamp};
    ///
    /// let t = Timestamp::parse("1.5", TimestampFormat::EpochSeconds)?;
    /// assert_eq!(t, Timestamp::from_millis(1_500));
    /// assert!(Timestamp::parse("soon", TimestampFormat::DateTime).is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn parse(text: &str, format: TimestampFormat) -> Result<Self> {
        match format {
            TimestampFormat::DateTime => parse_date_time(text),
            TimestampFormat::EpochSeconds => parse_epoch_seconds(text),
            TimestampFormat::HttpDate => parse_http_date(text),
        }
        .map_err(|detail| Error::invalid(format.as_str(), format!("{detail} in {text:?}")))
    }

    /// Writes the timestamp in `format`. Fractions of a second are written with as many digits
    /// as they need (none for whole seconds), except in http-date: IMF-fixdate has no fraction,
    /// so it is cut off, as botocore does. Date formats only reach years 0 to 9999.
    ///
    /// ```
    /// use awso_core::{schema::TimestampFormat, Timestamp};
    ///
    /// assert_eq!(Timestamp::from_secs(1).format(TimestampFormat::DateTime)?, "1970-01-01T00:00:01Z");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn format(&self, format: TimestampFormat) -> Result<String> {
        let mut out = String::new();
        self.write(format, &mut out)?;
        Ok(out)
    }

    /// Like [`format`](Self::format), appending to `out`.
    ///
    /// ```
    /// use awso_core::{schema::TimestampFormat, Timestamp};
    ///
    /// let mut out = String::from("at ");
    /// Timestamp::from_secs(2).write(TimestampFormat::EpochSeconds, &mut out)?;
    /// assert_eq!(out, "at 2");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn write(&self, format: TimestampFormat, out: &mut String) -> Result<()> {
        match format {
            TimestampFormat::EpochSeconds => {
                self.write_epoch_seconds(out);
                Ok(())
            }
            TimestampFormat::DateTime => self.write_date_time(out),
            TimestampFormat::HttpDate => self.write_http_date(out),
        }
    }

    fn write_epoch_seconds(&self, out: &mut String) {
        if self.nanos == 0 {
            out.push_str(itoa::Buffer::new().format(self.secs));
            return;
        }
        // -1.5 is stored as secs -2 plus half a second: print the magnitude.
        let (sign, whole, fraction) = if self.secs < 0 {
            (
                "-",
                (self.secs + 1).unsigned_abs(),
                NANOS_PER_SECOND - self.nanos,
            )
        } else {
            ("", self.secs.unsigned_abs(), self.nanos)
        };
        out.push_str(sign);
        out.push_str(itoa::Buffer::new().format(whole));
        push_fraction(out, fraction);
    }

    fn civil(&self) -> Result<OffsetDateTime> {
        let t = OffsetDateTime::try_from(*self)?;
        if (0..=9999).contains(&t.year()) {
            Ok(t)
        } else {
            Err(Error::out_of_range(
                "a date format (years 0 to 9999)",
                format!("timestamp {}", self.format(TimestampFormat::EpochSeconds)?),
            ))
        }
    }

    fn write_date_time(&self, out: &mut String) -> Result<()> {
        let t = self.civil()?;
        push_padded(out, t.year().unsigned_abs(), 4);
        out.push('-');
        push_padded(out, u32::from(u8::from(t.month())), 2);
        out.push('-');
        push_padded(out, u32::from(t.day()), 2);
        out.push('T');
        push_clock(out, &t, self.nanos);
        out.push('Z');
        Ok(())
    }

    fn write_http_date(&self, out: &mut String) -> Result<()> {
        let t = self.civil()?;
        out.push_str(&weekday_name(t.weekday())[..3]);
        out.push_str(", ");
        push_padded(out, u32::from(t.day()), 2);
        out.push(' ');
        out.push_str(&month_name(t.month())[..3]);
        out.push(' ');
        push_padded(out, t.year().unsigned_abs(), 4);
        out.push(' ');
        // Seconds are the floor of the instant, so cutting the fraction rounds down.
        push_clock(out, &t, 0);
        out.push_str(" GMT");
        Ok(())
    }
}

fn push_padded(out: &mut String, value: u32, width: usize) {
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(value);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(digits);
}

fn push_clock(out: &mut String, t: &OffsetDateTime, nanos: u32) {
    push_padded(out, u32::from(t.hour()), 2);
    out.push(':');
    push_padded(out, u32::from(t.minute()), 2);
    out.push(':');
    push_padded(out, u32::from(t.second()), 2);
    if nanos != 0 {
        push_fraction(out, nanos);
    }
}

/// `.` and the nanoseconds without trailing zeros.
fn push_fraction(out: &mut String, nanos: u32) {
    let mut digits = [b'0'; 9];
    let mut n = nanos;
    for d in digits.iter_mut().rev() {
        *d = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let len = 9 - digits.iter().rev().take_while(|&&d| d == b'0').count();
    out.push('.');
    out.extend(digits[..len].iter().map(|&d| char::from(d)));
}

fn parse_date_time(text: &str) -> Result<Timestamp, &'static str> {
    // The time crate's parser takes any byte between date and time; RFC 3339 says `T`.
    if !matches!(text.as_bytes().get(10), Some(b'T' | b't')) {
        return Err("not an RFC 3339 date-time (date and time are separated by `T`)");
    }
    let t = OffsetDateTime::parse(text, &Rfc3339).map_err(|_| "not an RFC 3339 date-time")?;
    Ok(Timestamp::from(t))
}

/// Reads `-?digits(.digits)?([eE][+-]?digits)?` exactly: never through a float, which would
/// lose nanoseconds on current dates.
fn parse_epoch_seconds(text: &str) -> Result<Timestamp, &'static str> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => {
            let exp: i32 = body[at + 1..].parse().map_err(|_| "bad exponent")?;
            (&body[..at], exp)
        }
        None => (body, 0),
    };
    let (int_digits, frac_digits) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int_digits.is_empty() || !all_digits(int_digits) || !all_digits(frac_digits) {
        return Err("not a number of seconds");
    }
    if mantissa.ends_with('.') {
        return Err("no digits after the decimal point");
    }
    // Shift the decimal point by the exponent, then split at it.
    let digits: Vec<u8> = int_digits.bytes().chain(frac_digits.bytes()).collect();
    let point = i64::try_from(int_digits.len()).unwrap_or(i64::MAX) + i64::from(exponent);
    let digit_at = |i: i64| -> u8 {
        usize::try_from(i)
            .ok()
            .and_then(|i| digits.get(i))
            .map_or(0, |d| d - b'0')
    };
    let first_nonzero = digits.iter().position(|&d| d != b'0');
    // i128 holds the magnitude of i64::MIN, which i64 cannot.
    let mut whole: i128 = 0;
    if let Some(first) = first_nonzero {
        let first = i64::try_from(first).unwrap_or(i64::MAX);
        if point - first > 19 {
            return Err("seconds out of range");
        }
        for i in first..point {
            whole = whole * 10 + i128::from(digit_at(i));
        }
    }
    let mut nanos: u32 = 0;
    for i in point..point + 9 {
        nanos = nanos * 10 + u32::from(digit_at(i));
    }
    let (secs, nanos) = match (negative, nanos) {
        (false, _) => (whole, nanos),
        (true, 0) => (-whole, 0),
        (true, _) => (-whole - 1, NANOS_PER_SECOND - nanos),
    };
    let secs = i64::try_from(secs).map_err(|_| "seconds out of range")?;
    Ok(Timestamp { secs, nanos })
}

/// Reads an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), allowing a fraction of a second.
fn parse_http_date(text: &str) -> Result<Timestamp, &'static str> {
    let bad = "not an IMF-fixdate";
    let rest = text.strip_suffix(" GMT").ok_or(bad)?;
    let (weekday, rest) = rest.split_once(", ").ok_or(bad)?;
    let mut parts = rest.splitn(4, ' ');
    let (Some(day), Some(month), Some(year), Some(clock)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad);
    };
    let number = |s: &str, len: usize| -> Result<u32, &'static str> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map_err(|_| bad)
        } else {
            Err(bad)
        }
    };
    let month = (1..=12)
        .map(|m| Month::try_from(m).unwrap_or(Month::January))
        .find(|&m| &month_name(m)[..3] == month)
        .ok_or("unknown month")?;
    let (hms, fraction) = clock.split_once('.').unwrap_or((clock, "0"));
    if fraction.is_empty() {
        return Err("no digits after the decimal point");
    }
    let mut hms = hms.split(':');
    let (Some(h), Some(m), Some(s), None) = (hms.next(), hms.next(), hms.next(), hms.next()) else {
        return Err(bad);
    };
    let date = time::Date::from_calendar_date(
        i32::try_from(number(year, 4)?).map_err(|_| bad)?,
        month,
        u8::try_from(number(day, 2)?).map_err(|_| bad)?,
    )
    .map_err(|_| "no such date")?;
    if &weekday_name(date.weekday())[..3] != weekday {
        return Err("the weekday does not match the date");
    }
    let nanos = parse_fraction(fraction).ok_or(bad)?;
    let time = time::Time::from_hms_nano(
        u8::try_from(number(h, 2)?).map_err(|_| bad)?,
        u8::try_from(number(m, 2)?).map_err(|_| bad)?,
        u8::try_from(number(s, 2)?).map_err(|_| bad)?,
        nanos,
    )
    .map_err(|_| "no such time of day")?;
    Ok(Timestamp::from(
        PrimitiveDateTime::new(date, time).assume_offset(UtcOffset::UTC),
    ))
}

/// Up to nine digits of a fraction of a second; more are cut (not rounded) to nanoseconds.
fn parse_fraction(digits: &str) -> Option<u32> {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut nanos = 0;
    for i in 0..9 {
        nanos = nanos * 10 + digits.as_bytes().get(i).map_or(0, |d| u32::from(d - b'0'));
    }
    Some(nanos)
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

fn month_name(month: Month) -> &'static str {
    match month {
        Month::January => "January",
        Month::February => "February",
        Month::March => "March",
        Month::April => "April",
        Month::May => "May",
        Month::June => "June",
        Month::July => "July",
        Month::August => "August",
        Month::September => "September",
        Month::October => "October",
        Month::November => "November",
        Month::December => "December",
    }
}

/// The same instant; the offset is dropped (a timestamp has none).
///
/// ```
/// use awso_core::Timestamp;
///
/// let t = Timestamp::from(time::macros::datetime!(2019-11-08 04:41:28.172 +02:00));
/// assert_eq!(t.to_string(), "2019-11-08T02:41:28.172Z");
/// ```
impl From<OffsetDateTime> for Timestamp {
    fn from(t: OffsetDateTime) -> Self {
        Self {
            secs: t.unix_timestamp(),
            nanos: t.nanosecond(),
        }
    }
}

/// The same instant in UTC; an error past the years `time` can hold.
///
/// ```
/// use awso_core::Timestamp;
///
/// let t = time::OffsetDateTime::try_from(Timestamp::from_millis(1_573_180_888_172))?;
/// assert_eq!((t.year(), t.millisecond()), (2019, 172));
/// assert!(time::OffsetDateTime::try_from(Timestamp::from_secs(i64::MAX)).is_err());
/// # Ok::<(), awso_core::Error>(())
/// ```
impl TryFrom<Timestamp> for OffsetDateTime {
    type Error = Error;

    fn try_from(t: Timestamp) -> Result<Self> {
        let out_of_range = || Error::out_of_range("a calendar date", format!("{}s", t.secs));
        let secs = OffsetDateTime::from_unix_timestamp(t.secs).map_err(|_| out_of_range())?;
        secs.replace_nanosecond(t.nanos).map_err(|_| out_of_range())
    }
}

/// The same instant, before the epoch as well as after it.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_core::Timestamp;
///
/// let t = Timestamp::from(UNIX_EPOCH + Duration::from_millis(2_500));
/// assert_eq!((t.secs(), t.subsec_nanos()), (2, 500_000_000));
/// ```
impl From<std::time::SystemTime> for Timestamp {
    fn from(t: std::time::SystemTime) -> Self {
        match t.duration_since(std::time::UNIX_EPOCH) {
            Ok(after) => Self {
                secs: i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
                nanos: after.subsec_nanos(),
            },
            Err(before) => {
                let before = before.duration();
                let secs = -i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
                match before.subsec_nanos() {
                    0 => Self { secs, nanos: 0 },
                    n => Self {
                        secs: secs - 1,
                        nanos: NANOS_PER_SECOND - n,
                    },
                }
            }
        }
    }
}

/// The same instant as a `SystemTime`; an error when the platform's `SystemTime` cannot hold
/// it (the range is the platform's).
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use awso_core::Timestamp;
///
/// let t = Timestamp::from_millis(-1_500);
/// let system = SystemTime::try_from(t)?;
/// assert_eq!(UNIX_EPOCH.duration_since(system).unwrap(), Duration::from_millis(1_500));
/// assert_eq!(Timestamp::from(system), t);
/// # Ok::<(), awso_core::Error>(())
/// ```
impl TryFrom<Timestamp> for std::time::SystemTime {
    type Error = Error;

    fn try_from(t: Timestamp) -> Result<Self> {
        let out_of_range = || Error::out_of_range("a SystemTime", t.to_string());
        let epoch = std::time::UNIX_EPOCH;
        let secs = std::time::Duration::from_secs(t.secs.unsigned_abs());
        let whole = if t.secs >= 0 {
            epoch.checked_add(secs)
        } else {
            epoch.checked_sub(secs)
        };
        whole
            .and_then(|w| w.checked_add(std::time::Duration::from_nanos(u64::from(t.nanos))))
            .ok_or_else(out_of_range)
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 when the year fits, epoch seconds otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        if self.write_date_time(&mut out).is_err() {
            out.clear();
            self.write_epoch_seconds(&mut out);
        }
        f.write_str(&out)
    }
}

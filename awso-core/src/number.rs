//! Number text: the JSON grammar, exact integers, and floats with their special spellings.
//!
//! Integers are accumulated digit by digit with overflow checks: they never pass through a
//! float, so `9007199254740993` stays exact and `9223372036854775808` is out of range for a
//! long rather than silently rounded.

use crate::types::Number as DocumentNumber;

/// Why a number token is not a JSON number.
pub(crate) enum ScanError {
    /// The text does not start like a number.
    NotANumber,
    /// It starts like one but breaks the grammar at this offset.
    Malformed(usize),
}

/// The end of the number token starting at `start`, checked against
/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
pub(crate) fn scan(bytes: &[u8], start: usize) -> Result<usize, ScanError> {
    let mut i = start;
    let at = |i: usize| bytes.get(i).copied();
    if at(i) == Some(b'-') {
        i += 1;
    }
    match at(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            while let Some(b'0'..=b'9') = at(i) {
                i += 1;
            }
        }
        _ if i == start => return Err(ScanError::NotANumber),
        _ => return Err(ScanError::Malformed(i)),
    }
    if at(i) == Some(b'.') {
        i += 1;
        let digits = i;
        while let Some(b'0'..=b'9') = at(i) {
            i += 1;
        }
        if i == digits {
            return Err(ScanError::Malformed(i));
        }
    }
    if let Some(b'e' | b'E') = at(i) {
        i += 1;
        if let Some(b'+' | b'-') = at(i) {
            i += 1;
        }
        let digits = i;
        while let Some(b'0'..=b'9') = at(i) {
            i += 1;
        }
        if i == digits {
            return Err(ScanError::Malformed(i));
        }
    }
    // `01` or `1x`: a number must not run into more number-like text.
    if let Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-' | b'a'..=b'z' | b'A'..=b'Z') = at(i)
    {
        return Err(ScanError::Malformed(i));
    }
    Ok(i)
}

/// Why a number does not read as an integer.
pub(crate) enum IntegerError {
    /// It has a fraction or an exponent.
    Fraction,
    /// It does not fit in 64 bits.
    Overflow,
}

/// Reads an integer token (`-?[0-9]+`) exactly.
pub(crate) fn parse_integer(token: &str) -> Result<i64, IntegerError> {
    let (negative, digits) = match token.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IntegerError::Fraction);
    }
    // Accumulate on the negative side, which reaches one further (i64::MIN).
    let mut n: i64 = 0;
    for b in digits.bytes() {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_sub(i64::from(b - b'0')))
            .ok_or(IntegerError::Overflow)?;
    }
    if negative {
        Ok(n)
    } else {
        n.checked_neg().ok_or(IntegerError::Overflow)
    }
}

/// f32 and f64, for the generic float readers.
pub(crate) trait Float: std::str::FromStr + Copy {
    const NAN: Self;
    const INFINITY: Self;
    const NEG_INFINITY: Self;
    fn is_finite(self) -> bool;
}

impl Float for f32 {
    const NAN: Self = f32::NAN;
    const INFINITY: Self = f32::INFINITY;
    const NEG_INFINITY: Self = f32::NEG_INFINITY;
    fn is_finite(self) -> bool {
        f32::is_finite(self)
    }
}

impl Float for f64 {
    const NAN: Self = f64::NAN;
    const INFINITY: Self = f64::INFINITY;
    const NEG_INFINITY: Self = f64::NEG_INFINITY;
    fn is_finite(self) -> bool {
        f64::is_finite(self)
    }
}

/// `NaN`, `Infinity` or `-Infinity`, the spellings AWS protocols use for non-finite floats.
pub(crate) fn special_float<T: Float>(text: &str) -> Option<T> {
    match text {
        "NaN" => Some(T::NAN),
        "Infinity" => Some(T::INFINITY),
        "-Infinity" => Some(T::NEG_INFINITY),
        _ => None,
    }
}

/// Reads a number token that passed [`scan`] (or [`crate::types::big`]'s decimal check),
/// correctly rounded. Finite text whose value is too large for `T` is refused rather than
/// turned into an infinity.
pub(crate) fn parse_float<T: Float>(token: &str) -> Option<T> {
    token.parse::<T>().ok().filter(|x| x.is_finite())
}

/// A document number: integers exactly when they fit in 64 bits, else a double.
pub(crate) fn document_number(token: &str) -> Option<DocumentNumber> {
    match parse_integer(token) {
        Ok(n) => Some(DocumentNumber::from(n)),
        Err(IntegerError::Overflow) if !token.starts_with('-') => token
            .parse::<u64>()
            .map(DocumentNumber::PosInt)
            .ok()
            .or_else(|| parse_float::<f64>(token).map(DocumentNumber::Float)),
        Err(_) => parse_float::<f64>(token).map(DocumentNumber::Float),
    }
}

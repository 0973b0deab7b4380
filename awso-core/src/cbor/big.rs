//! Big numbers as CBOR carries them: bignums (tags 2 and 3, a big-endian magnitude in a byte
//! string) and decimal fractions (tag 4, `[exponent, mantissa]`), to and from the decimal
//! text [`BigInteger`](crate::BigInteger) and [`BigDecimal`](crate::BigDecimal) keep.
//!
//! The conversions are quadratic in the number's length, so lengths are capped: a bignum of
//! more than [`MAX_BIGNUM_BYTES`] is refused, as is a text of more than twice as many digits.

use std::fmt::Write as _;

use crate::error::{Error, Result};

/// The longest bignum read or written: 2^8192, some 2,466 decimal digits.
pub(super) const MAX_BIGNUM_BYTES: usize = 1024;

fn too_long() -> Error {
    Error::invalid(
        "big number",
        format!("longer than the {MAX_BIGNUM_BYTES}-byte limit"),
    )
}

/// The decimal text of a big-endian magnitude.
pub(super) fn magnitude_to_decimal(bytes: &[u8]) -> Result<String> {
    if bytes.len() > MAX_BIGNUM_BYTES {
        return Err(too_long());
    }
    // Base 10^9 limbs, least significant first.
    let mut limbs: Vec<u32> = Vec::new();
    for &byte in bytes {
        let mut carry = u64::from(byte);
        for limb in &mut limbs {
            let v = u64::from(*limb) * 256 + carry;
            *limb = (v % 1_000_000_000) as u32;
            carry = v / 1_000_000_000;
        }
        while carry > 0 {
            limbs.push((carry % 1_000_000_000) as u32);
            carry /= 1_000_000_000;
        }
    }
    let Some((top, rest)) = limbs.split_last() else {
        return Ok("0".to_owned());
    };
    let mut out = top.to_string();
    for limb in rest.iter().rev() {
        let _ = write!(out, "{limb:09}");
    }
    Ok(out)
}

/// The big-endian magnitude of decimal `digits` (ASCII digits only).
pub(super) fn decimal_to_magnitude(digits: &str) -> Result<Vec<u8>> {
    if digits.len() > 2 * MAX_BIGNUM_BYTES + 64 {
        return Err(too_long());
    }
    // Little-endian bytes while building.
    let mut bytes: Vec<u8> = Vec::new();
    for d in digits.bytes() {
        if !d.is_ascii_digit() {
            return Err(Error::invalid(
                "big number",
                format!("`{digits}` is not decimal"),
            ));
        }
        let mut carry = u32::from(d - b'0');
        for byte in &mut bytes {
            let v = u32::from(*byte) * 10 + carry;
            *byte = (v & 0xff) as u8;
            carry = v >> 8;
        }
        if carry > 0 {
            bytes.push(carry as u8);
        }
    }
    bytes.reverse();
    Ok(bytes)
}

/// Adds one to a big-endian magnitude (tag 3 stores `-1 - n`).
pub(super) fn increment(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for byte in out.iter_mut().rev() {
        let (v, overflow) = byte.overflowing_add(1);
        *byte = v;
        if !overflow {
            return out;
        }
    }
    out.insert(0, 1);
    out
}

/// Subtracts one from a non-zero big-endian magnitude.
pub(super) fn decrement(bytes: &mut [u8]) {
    for byte in bytes.iter_mut().rev() {
        let (v, borrow) = byte.overflowing_sub(1);
        *byte = v;
        if !borrow {
            return;
        }
    }
}

/// A decimal text split into its sign, digits and power of ten: `-1.25e3` is
/// `(true, "125", 1)`.
pub(super) fn split_decimal(text: &str) -> Result<(bool, String, i64)> {
    let bad = || Error::invalid("big decimal", format!("`{text}` is not a decimal number"));
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (number, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().map_err(|_| bad())?),
        None => (rest, 0),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty() {
        return Err(bad());
    }
    let fraction_len = i64::try_from(fraction.len()).map_err(|_| bad())?;
    let mut digits = format!("{whole}{fraction}");
    let trimmed = digits.trim_start_matches('0').len();
    digits.drain(..digits.len() - trimmed);
    if digits.is_empty() {
        digits.push('0');
    }
    let exponent = exponent.checked_sub(fraction_len).ok_or_else(bad)?;
    Ok((negative, digits, exponent))
}

/// The text of `mantissa * 10^exponent`: plain digits with a point when the point falls
/// near the digits, else with an exponent (never padding to a length the input chose).
pub(super) fn join_decimal(mantissa: &str, exponent: i64) -> String {
    let (sign, digits) = match mantissa.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", mantissa),
    };
    // In i128: the exponent comes from the input and may be i64::MIN.
    let len = digits.len() as i128;
    match i128::from(exponent) {
        0 => mantissa.to_owned(),
        e if e < 0 && -e < len => {
            let point = (len + e) as usize;
            format!("{sign}{}.{}", &digits[..point], &digits[point..])
        }
        e if e < 0 && -e - len <= 32 => {
            format!("{sign}0.{}{digits}", "0".repeat((-e - len) as usize))
        }
        _ => format!("{mantissa}E{exponent}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes_and_decimals_round_trip() {
        for text in [
            "0",
            "1",
            "255",
            "256",
            "18446744073709551616",
            "123456789012345678901234567890",
        ] {
            let bytes = decimal_to_magnitude(text).unwrap();
            assert_eq!(magnitude_to_decimal(&bytes).unwrap(), text);
        }
        assert_eq!(decimal_to_magnitude("256").unwrap(), [1, 0]);
        assert_eq!(increment(&[0xff, 0xff]), [1, 0, 0]);
        let mut n = vec![1, 0];
        decrement(&mut n);
        assert_eq!(n, [0, 0xff]);
        assert!(magnitude_to_decimal(&vec![1; MAX_BIGNUM_BYTES + 1]).is_err());
    }

    #[test]
    fn decimals_split_and_join() {
        assert_eq!(
            split_decimal("-1.25e3").unwrap(),
            (true, "125".to_owned(), 1)
        );
        assert_eq!(split_decimal("0.001").unwrap(), (false, "1".to_owned(), -3));
        assert!(split_decimal("e5").is_err());
        assert_eq!(join_decimal("-125", -2), "-1.25");
        assert_eq!(join_decimal("1", -3), "0.001");
        assert_eq!(join_decimal("1", -300), "1E-300");
        assert_eq!(join_decimal("27", 4), "27E4");
        assert_eq!(join_decimal("-3", i64::MIN), format!("-3E{}", i64::MIN));
    }
}

//! Arbitrary-precision numbers, kept as their validated decimal text.

use std::fmt;

use crate::error::{Error, Result};

/// An arbitrary-precision integer (a Smithy `bigInteger`), kept as canonical decimal text.
///
/// ```
/// use awso_core::BigInteger;
///
/// let n: BigInteger = "-123456789012345678901234567890".parse()?;
/// assert_eq!(n.as_str(), "-123456789012345678901234567890");
/// assert!("1.5".parse::<BigInteger>().is_err());
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BigInteger(String);

/// An arbitrary-precision decimal (a Smithy `bigDecimal`), kept as its text.
///
/// ```
/// use awso_core::BigDecimal;
///
/// let d: BigDecimal = "1.0e-400".parse()?;
/// assert_eq!(d.as_str(), "1.0e-400");
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BigDecimal(String);

impl BigInteger {
    /// The decimal text.
    ///
    /// ```
    /// let n: awso_core::BigInteger = "-12345678901234567890123".parse()?;
    /// assert_eq!(n.as_str(), "-12345678901234567890123");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl BigDecimal {
    /// The text.
    ///
    /// ```
    /// let n: awso_core::BigDecimal = "1.50e-3".parse()?;
    /// assert_eq!(n.as_str(), "1.50e-3");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for BigInteger {
    fn default() -> Self {
        Self("0".to_owned())
    }
}

impl Default for BigDecimal {
    fn default() -> Self {
        Self("0".to_owned())
    }
}

impl std::str::FromStr for BigInteger {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::invalid("big integer", format!("{text:?}")));
        }
        Ok(Self(text.to_owned()))
    }
}

impl std::str::FromStr for BigDecimal {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        if !is_decimal(text) {
            return Err(Error::invalid("big decimal", format!("{text:?}")));
        }
        Ok(Self(text.to_owned()))
    }
}

/// `-?digits(.digits)?([eE][+-]?digits)?`, the JSON number grammar without the leading-zero
/// rule (XML and query text are not JSON).
pub(crate) fn is_decimal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) {
        return false;
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == bytes.len()
}

impl fmt::Display for BigInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for BigDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

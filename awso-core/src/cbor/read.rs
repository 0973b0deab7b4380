//! The bytes of CBOR (RFC 8949): heads, strings, numbers, skipping. Every length read from
//! the input is checked against the bytes that remain before anything is taken, and nothing
//! is ever allocated by a length: only by bytes actually present.

use std::borrow::Cow;

use crate::error::{Error, Position, Result};
use crate::limits::{Depth, Nesting};

/// Major types.
pub(super) const UNSIGNED: u8 = 0;
pub(super) const NEGATIVE: u8 = 1;
pub(super) const BYTES: u8 = 2;
pub(super) const TEXT: u8 = 3;
pub(super) const ARRAY: u8 = 4;
pub(super) const MAP: u8 = 5;
pub(super) const TAG: u8 = 6;
pub(super) const SIMPLE: u8 = 7;

/// The byte that ends an indefinite-length item.
pub(super) const BREAK: u8 = 0xff;

/// Simple values and float heads (major type 7, by additional information).
pub(super) const FALSE: u8 = 20;
pub(super) const TRUE: u8 = 21;
pub(super) const NULL: u8 = 22;
pub(super) const UNDEFINED: u8 = 23;
pub(super) const HALF: u8 = 25;
pub(super) const SINGLE: u8 = 26;
pub(super) const DOUBLE: u8 = 27;

/// The head of a data item: its major type, its additional information, and the argument
/// (`None` for an indefinite length).
#[derive(Debug, Clone, Copy)]
pub(super) struct Head {
    pub(super) major: u8,
    pub(super) info: u8,
    pub(super) arg: Option<u64>,
}

/// How many items (or entries) a container has left.
#[derive(Debug, Clone, Copy)]
pub(super) enum Remaining {
    Definite(u64),
    Indefinite,
}

/// A number as CBOR writes it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Num {
    /// An integer (major types 0 and 1 span -2^64 ..= 2^64 - 1).
    Int(i128),
    /// A half, single or double float, widened.
    Float(f64),
}

/// A cursor over CBOR bytes.
pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    pub(super) depth: Depth,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            pos: 0,
            depth: Depth::default(),
        }
    }

    /// Adds the current offset to `err` (unless it has one).
    pub(super) fn locate(&self, err: Error) -> Error {
        self.locate_at(self.pos, err)
    }

    pub(super) fn locate_at(&self, offset: usize, err: Error) -> Error {
        let offset = offset.min(self.bytes.len());
        // Binary input has no lines: the column is the offset, from 1.
        err.at(Position {
            offset,
            line: 1,
            column: offset + 1,
        })
    }

    fn eof(&self, what: &'static str) -> Error {
        self.locate(Error::eof(what))
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Takes `n` bytes, failing (before any allocation) when fewer remain.
    pub(super) fn take(&mut self, n: u64, what: &'static str) -> Result<&'a [u8]> {
        let left = self.bytes.len() - self.pos;
        match usize::try_from(n) {
            Ok(n) if n <= left => {
                let taken = &self.bytes[self.pos..self.pos + n];
                self.pos += n;
                Ok(taken)
            }
            _ => Err(self.eof(what)),
        }
    }

    fn uint(&mut self, len: u64, what: &'static str) -> Result<u64> {
        let bytes = self.take(len, what)?;
        Ok(bytes.iter().fold(0, |acc, &b| (acc << 8) | u64::from(b)))
    }

    /// Reads the head of the next item.
    pub(super) fn head(&mut self, what: &'static str) -> Result<Head> {
        let start = self.pos;
        let Some(initial) = self.peek() else {
            return Err(self.eof(what));
        };
        self.pos += 1;
        let (major, info) = (initial >> 5, initial & 0x1f);
        let arg = match info {
            0..=23 => Some(u64::from(info)),
            24 => Some(self.uint(1, what)?),
            25 => Some(self.uint(2, what)?),
            26 => Some(self.uint(4, what)?),
            27 => Some(self.uint(8, what)?),
            31 if matches!(major, BYTES | TEXT | ARRAY | MAP | SIMPLE) => None,
            _ => {
                return Err(self.locate_at(
                    start,
                    Error::syntax(format!("malformed CBOR head byte 0x{initial:02x}")),
                ));
            }
        };
        Ok(Head { major, info, arg })
    }

    /// Reads a head and fails unless its major type is `major`.
    pub(super) fn expect(&mut self, major: u8, what: &'static str) -> Result<Head> {
        let start = self.pos;
        let head = self.head(what)?;
        if head.major != major || (major == SIMPLE && head.arg.is_none()) {
            return Err(self.locate_at(start, Error::expected(what, describe(head))));
        }
        Ok(head)
    }

    /// Consumes a break if one comes next.
    pub(super) fn eat_break(&mut self) -> bool {
        let found = self.peek() == Some(BREAK);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Consumes a null or undefined if one comes next.
    pub(super) fn eat_null(&mut self) -> bool {
        let found = matches!(self.peek(), Some(0xf6 | 0xf7));
        if found {
            self.pos += 1;
        }
        found
    }

    /// Counts one more item of a container; `false` at its end.
    pub(super) fn more(&mut self, remaining: &mut Remaining, what: &'static str) -> Result<bool> {
        match remaining {
            Remaining::Definite(0) => Ok(false),
            Remaining::Definite(n) => {
                if self.at_end() {
                    return Err(self.eof(what));
                }
                *n -= 1;
                Ok(true)
            }
            Remaining::Indefinite => {
                if self.eat_break() {
                    return Ok(false);
                }
                if self.at_end() {
                    return Err(self.eof(what));
                }
                Ok(true)
            }
        }
    }

    /// Opens a container of `major` type: how many items it has.
    pub(super) fn open(&mut self, major: u8, what: &'static str) -> Result<Remaining> {
        let head = self.expect(major, what)?;
        Ok(head.arg.map_or(Remaining::Indefinite, Remaining::Definite))
    }

    /// The content of a byte or text string whose head was read: borrowed when definite,
    /// the chunks joined when indefinite.
    fn string_body(&mut self, head: Head, what: &'static str) -> Result<Cow<'a, [u8]>> {
        if let Some(len) = head.arg {
            return self.take(len, what).map(Cow::Borrowed);
        }
        let mut joined = Vec::new();
        while !self.eat_break() {
            let chunk = self.expect(head.major, "a chunk of an indefinite-length string")?;
            let Some(len) = chunk.arg else {
                return Err(self.locate(Error::syntax(
                    "an indefinite-length string chunk is itself indefinite",
                )));
            };
            joined.extend_from_slice(self.take(len, what)?);
        }
        Ok(Cow::Owned(joined))
    }

    /// Reads a text string.
    pub(super) fn text(&mut self, what: &'static str) -> Result<Cow<'a, str>> {
        let start = self.pos;
        let head = self.expect(TEXT, what)?;
        self.text_body(head, start, what)
    }

    pub(super) fn text_body(
        &mut self,
        head: Head,
        start: usize,
        what: &'static str,
    ) -> Result<Cow<'a, str>> {
        let not_utf8 = |r: &Self| r.locate_at(start, Error::syntax("a text string is not UTF-8"));
        match self.string_body(head, what)? {
            Cow::Borrowed(b) => crate::utf8::try_text(b)
                .map(Cow::Borrowed)
                .ok_or_else(|| not_utf8(self)),
            Cow::Owned(b) => String::from_utf8(b)
                .map(Cow::Owned)
                .map_err(|_| not_utf8(self)),
        }
    }

    /// Reads a byte string.
    pub(super) fn byte_string(&mut self, what: &'static str) -> Result<Cow<'a, [u8]>> {
        let head = self.expect(BYTES, what)?;
        self.string_body(head, what)
    }

    /// Reads an integer or a float.
    pub(super) fn number(&mut self, what: &'static str) -> Result<Num> {
        let start = self.pos;
        let head = self.head(what)?;
        number_of(head).ok_or_else(|| self.locate_at(start, Error::expected(what, describe(head))))
    }

    /// Reads an integer and narrows it to `T`.
    pub(super) fn integer<T: TryFrom<i128>>(&mut self, what: &'static str) -> Result<T> {
        let start = self.pos;
        match self.number(what)? {
            Num::Int(n) => T::try_from(n)
                .map_err(|_| self.locate_at(start, Error::out_of_range(what, n.to_string()))),
            Num::Float(x) => {
                Err(self.locate_at(start, Error::expected(what, format!("the float {x}"))))
            }
        }
    }

    /// Reads a float (integers are taken too, as their nearest float).
    pub(super) fn float(&mut self, what: &'static str) -> Result<f64> {
        Ok(match self.number(what)? {
            Num::Float(x) => x,
            Num::Int(n) => n as f64,
        })
    }

    /// Reads a boolean.
    pub(super) fn boolean(&mut self) -> Result<bool> {
        let start = self.pos;
        let head = self.expect(SIMPLE, "a boolean")?;
        match head.info {
            FALSE => Ok(false),
            TRUE => Ok(true),
            _ => Err(self.locate_at(start, Error::expected("a boolean", describe(head)))),
        }
    }

    /// Skips one data item of any kind, nesting counted.
    pub(super) fn skip(&mut self) -> Result<()> {
        let head = self.head("a value")?;
        match (head.major, head.arg) {
            (BYTES | TEXT, _) => self.string_body(head, "a string").map(drop),
            (ARRAY | MAP, arg) => {
                let per_entry = if head.major == MAP { 2 } else { 1 };
                let mut remaining = arg.map_or(Remaining::Indefinite, |n| {
                    Remaining::Definite(n.saturating_mul(per_entry))
                });
                self.nested(|r| {
                    while r.more(&mut remaining, "a container")? {
                        r.skip()?;
                    }
                    Ok(())
                })
            }
            (TAG, _) => self.nested(Self::skip),
            (SIMPLE, None) => Err(self.locate(Error::syntax("an unexpected break"))),
            _ => Ok(()),
        }
    }
}

impl Nesting for Reader<'_> {
    #[inline]
    fn depth(&mut self) -> &mut Depth {
        &mut self.depth
    }

    fn locate_limit(&self, err: Error) -> Error {
        self.locate(err)
    }
}

/// The number a head stands for, if it is one.
pub(super) fn number_of(head: Head) -> Option<Num> {
    let arg = head.arg?;
    Some(match (head.major, head.info) {
        (UNSIGNED, _) => Num::Int(i128::from(arg)),
        (NEGATIVE, _) => Num::Int(-1 - i128::from(arg)),
        (SIMPLE, HALF) => Num::Float(f64::from(half_to_f32(arg as u16))),
        (SIMPLE, SINGLE) => Num::Float(f64::from(f32::from_bits(arg as u32))),
        (SIMPLE, DOUBLE) => Num::Float(f64::from_bits(arg)),
        _ => return None,
    })
}

/// A half-precision float (IEEE 754 binary16), widened exactly.
pub(super) fn half_to_f32(bits: u16) -> f32 {
    let sign = if bits & 0x8000 == 0 { 1.0 } else { -1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let fraction = f32::from(bits & 0x3ff);
    match exponent {
        0 => sign * fraction * 2f32.powi(-24),
        31 if fraction == 0.0 => sign * f32::INFINITY,
        31 => f32::NAN,
        _ => sign * (1.0 + fraction / 1024.0) * 2f32.powi(exponent - 15),
    }
}

/// What a head is, for errors.
pub(super) fn describe(head: Head) -> String {
    let name = match (head.major, head.info) {
        (UNSIGNED | NEGATIVE, _) => "an integer",
        (BYTES, _) => "a byte string",
        (TEXT, _) => "a text string",
        (ARRAY, _) => "an array",
        (MAP, _) => "a map",
        (TAG, _) => return format!("tag {}", head.arg.unwrap_or_default()),
        (_, FALSE | TRUE) => "a boolean",
        (_, NULL | UNDEFINED) => "null",
        (_, HALF | SINGLE | DOUBLE) => "a float",
        (_, 31) => "a break",
        _ => "a simple value",
    };
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_floats_decode_normal_subnormal_and_special_values() {
        // Bit for bit: the sign of zero counts.
        let bits = |half: u16| half_to_f32(half).to_bits();
        assert_eq!(bits(0x3e00), 1.5f32.to_bits());
        assert_eq!(bits(0x47a0), 7.625f32.to_bits());
        assert_eq!(bits(0x0050), 4.768_371_6e-6_f32.to_bits());
        assert_eq!(bits(0x7c00), f32::INFINITY.to_bits());
        assert_eq!(bits(0xfc00), f32::NEG_INFINITY.to_bits());
        assert!(half_to_f32(0x7c01).is_nan());
        assert_eq!(bits(0x8000), (-0.0f32).to_bits());
    }

    #[test]
    fn a_length_past_the_end_fails_without_allocating() {
        // A byte string claiming 2^64 - 1 bytes, and an array claiming as many items.
        let mut r = Reader::new(&[0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
        assert!(r.byte_string("a blob").is_err());
        let mut r = Reader::new(&[0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        assert!(r.skip().is_err());
    }

    #[test]
    fn indefinite_strings_join_their_chunks_and_refuse_nested_ones() {
        let mut r = Reader::new(b"\x7f\x62ab\x61c\xff");
        assert_eq!(r.text("a string").unwrap(), "abc");
        let mut r = Reader::new(b"\x7f\x7f\xff\xff");
        assert!(r.text("a string").is_err());
        let mut r = Reader::new(b"\x7f\x42ab\xff");
        assert!(r.text("a string").is_err(), "a byte chunk in a text string");
    }

    #[test]
    fn skipping_counts_nesting_through_arrays_maps_and_tags() {
        let deep = [vec![0xc1; 200], vec![0x00]].concat();
        let mut r = Reader::new(&deep);
        assert!(r.skip().is_err());
        let mut r = Reader::new(&[0x9f, 0xa1, 0x61, b'k', 0x9f, 0xff, 0xff]);
        assert!(r.skip().is_ok());
        assert!(r.at_end());
    }
}

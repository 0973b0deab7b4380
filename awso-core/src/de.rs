//! The deserializer side: what a format implements to read shapes.
//!
//! The format walks its input and calls back: [`read_struct`](ShapeDeserializer::read_struct)
//! hands each member it recognises to a [`StructBuilder`] together with the deserializer
//! itself, standing at the member's value; lists and maps call a closure once per item or
//! entry. Scalars are read directly. Every call gets the [`Member`] the value sits at, whose
//! schema says how the value is written (a timestamp's format, an XML list's item name).
//!
//! Formats add the member path to errors as they travel outwards, and they enforce the
//! nesting limit on every recursive path.

use crate::error::Result;
use crate::schema::Member;
use crate::shape::StructBuilder;
use crate::types::{Document, Timestamp};

/// A format that can read shapes. See the [module documentation](self).
pub trait ShapeDeserializer: Sized {
    /// Reads a structure or union, handing known members to `builder` and telling it the
    /// names of unknown ones (whose values are skipped).
    fn read_struct<B: StructBuilder>(&mut self, member: &Member, builder: &mut B) -> Result<()>;

    /// Reads a list, calling `on_item` with the deserializer standing at each item.
    fn read_list<F>(&mut self, member: &Member, on_item: F) -> Result<()>
    where
        F: FnMut(&mut Self) -> Result<()>;

    /// Reads a map, calling `on_entry` with the key, the deserializer standing at the value.
    fn read_map<F>(&mut self, member: &Member, on_entry: F) -> Result<()>
    where
        F: FnMut(&mut Self, &str) -> Result<()>;

    /// Consumes a null if one comes next and says whether it did. Formats without nulls
    /// answer `false`.
    fn read_null(&mut self) -> Result<bool>;

    /// Reads a boolean.
    fn read_boolean(&mut self, member: &Member) -> Result<bool>;

    /// Reads a byte.
    fn read_byte(&mut self, member: &Member) -> Result<i8>;

    /// Reads a short.
    fn read_short(&mut self, member: &Member) -> Result<i16>;

    /// Reads an integer.
    fn read_integer(&mut self, member: &Member) -> Result<i32>;

    /// Reads a long.
    fn read_long(&mut self, member: &Member) -> Result<i64>;

    /// Reads a float.
    fn read_float(&mut self, member: &Member) -> Result<f32>;

    /// Reads a double.
    fn read_double(&mut self, member: &Member) -> Result<f64>;

    /// Reads an arbitrary-precision integer as validated decimal text.
    fn read_big_integer(&mut self, member: &Member) -> Result<String>;

    /// Reads an arbitrary-precision decimal as validated text.
    fn read_big_decimal(&mut self, member: &Member) -> Result<String>;

    /// Reads a string.
    fn read_string(&mut self, member: &Member) -> Result<String> {
        self.read_str(member, |s| Ok(s.to_owned()))
    }

    /// Reads a string and hands it to `f` without allocating where the format allows it:
    /// how enums match their known values for free.
    fn read_str<R, F>(&mut self, member: &Member, f: F) -> Result<R>
    where
        F: FnOnce(&str) -> Result<R>;

    /// Reads a blob.
    fn read_blob(&mut self, member: &Member) -> Result<Vec<u8>>;

    /// Reads a timestamp in the member's format or the format's default.
    fn read_timestamp(&mut self, member: &Member) -> Result<Timestamp>;

    /// Reads a document.
    fn read_document(&mut self, member: &Member) -> Result<Document>;
}

/// The members of one structure seen so far while reading it (to refuse a member that
/// appears twice) or writing it. The first 64 members live in one word, so most structures
/// never allocate.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    low: u64,
    high: Vec<bool>,
}

impl Seen {
    /// Marks member `index`; `false` if it was already marked.
    #[inline]
    pub(crate) fn mark(&mut self, index: usize) -> bool {
        if index < 64 {
            let bit = 1 << index;
            let fresh = self.low & bit == 0;
            self.low |= bit;
            return fresh;
        }
        let i = index - 64;
        if self.high.len() <= i {
            self.high.resize(i + 1, false);
        }
        !std::mem::replace(&mut self.high[i], true)
    }

    /// Whether member `index` is marked.
    pub(crate) fn contains(&self, index: usize) -> bool {
        match index.checked_sub(64) {
            None => self.low & (1 << index) != 0,
            Some(i) => self.high.get(i).copied().unwrap_or(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Seen;

    #[test]
    fn seen_marks_members_in_the_word_and_beyond_it() {
        let mut seen = Seen::default();
        for index in [3, 63, 64, 70] {
            assert!(seen.mark(index), "first mark of {index}");
            assert!(!seen.mark(index), "second mark of {index}");
        }
        for index in [3, 63, 64, 70] {
            assert!(seen.contains(index), "{index}");
        }
        for index in [0, 4, 62, 65, 71, 500] {
            assert!(!seen.contains(index), "{index}");
        }
    }
}

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
//!
//! ```
//! use awso_core::{AwsShape, Member, ShapeDeserializer, Value};
//!
//! #[derive(AwsShape, Debug, PartialEq)]
//! #[awso(rename_all = "PascalCase")]
//! struct Message { content: String, sent_at: Option<i64> }
//!
//! /// Reads a message from any format.
//! fn read<D: ShapeDeserializer>(de: &mut D) -> awso_core::Result<Message> {
//!     Message::deserialize(&Member::root(Message::SCHEMA), de)
//! }
//!
//! let expected = Message { content: "hi".into(), sent_at: Some(5) };
//! let json = r#"{"Content": "hi", "SentAt": 5}"#;
//! assert_eq!(read(&mut awso_core::json::JsonDeserializer::new(json))?, expected);
//! let tree = awso_core::to_value(&expected)?;
//! assert_eq!(read(&mut awso_core::value::ValueDeserializer::new(&tree))?, expected);
//! let err = read(&mut awso_core::json::JsonDeserializer::new(r#"{"SentAt": "soon"}"#)).unwrap_err();
//! assert_eq!(err.path(), "SentAt");
//! # let _: Value = tree;
//! # Ok::<(), awso_core::Error>(())
//! ```

use crate::error::Result;
use crate::schema::Member;
use crate::shape::StructBuilder;
use crate::types::{Document, Timestamp};

/// A format that can read shapes. See the [module documentation](self).
///
/// ```
/// use awso_core::{AwsShape, ShapeDeserializer, json::JsonDeserializer, schema::Member};
///
/// // Scalars are read directly, at the member they sit at.
/// let mut de = JsonDeserializer::new("\"arn:aws:sqs:us-east-1:1:q\"");
/// assert_eq!(de.read_string(&Member::root(String::SCHEMA))?, "arn:aws:sqs:us-east-1:1:q");
/// # Ok::<(), awso_core::Error>(())
/// ```
pub trait ShapeDeserializer: Sized {
    /// Reads a structure or union, handing known members to `builder` and telling it the
    /// names of unknown ones (whose values are skipped).
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, AwsStruct, ShapeDeserializer, StructBuilder, schema::Member};
    ///
    /// #[derive(AwsShape, Debug, PartialEq)]
    /// #[awso(rename_all = "PascalCase")]
    /// struct Tag { key: String, value: Option<String> }
    ///
    /// let mut de = JsonDeserializer::new(r#"{"Key": "env", "Extra": [1]}"#);
    /// let mut builder = Tag::builder(Tag::SCHEMA);
    /// de.read_struct(&Member::root(Tag::SCHEMA), &mut builder)?;
    /// assert_eq!(builder.build()?, Tag { key: "env".into(), value: None });
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_struct<B: StructBuilder>(&mut self, member: &Member, builder: &mut B) -> Result<()>;

    /// Reads a list, calling `on_item` with the deserializer standing at each item.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, schema::Member};
    ///
    /// let list = Member::root(<Vec<i32>>::SCHEMA);
    /// let item = list.list_item()?;
    /// let mut de = JsonDeserializer::new("[1, 2, 3]");
    /// let mut sum = 0;
    /// de.read_list(&list, |de| {
    ///     sum += de.read_integer(item)?;
    ///     Ok(())
    /// })?;
    /// assert_eq!(sum, 6);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_list<F>(&mut self, member: &Member, on_item: F) -> Result<()>
    where
        F: FnMut(&mut Self) -> Result<()>;

    /// Reads a map, calling `on_entry` with the key, the deserializer standing at the value.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, schema::Member};
    ///
    /// let map = Member::root(<BTreeMap<String, bool>>::SCHEMA);
    /// let (_, value) = map.map_entry()?;
    /// let mut de = JsonDeserializer::new(r#"{"on": true, "off": false}"#);
    /// let mut enabled = Vec::new();
    /// de.read_map(&map, |de, key| {
    ///     if de.read_boolean(value)? {
    ///         enabled.push(key.to_owned());
    ///     }
    ///     Ok(())
    /// })?;
    /// assert_eq!(enabled, ["on"]);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_map<F>(&mut self, member: &Member, on_entry: F) -> Result<()>
    where
        F: FnMut(&mut Self, &str) -> Result<()>;

    /// Consumes a null if one comes next and says whether it did. Formats without nulls
    /// answer `false`.
    ///
    /// ```
    /// use awso_core::ShapeDeserializer;
    /// use awso_core::json::JsonDeserializer;
    ///
    /// assert!(JsonDeserializer::new("null").read_null()?);
    /// assert!(!JsonDeserializer::new("1").read_null()?);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_null(&mut self) -> Result<bool>;

    /// Reads a boolean.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(bool::SCHEMA);
    /// assert!(JsonDeserializer::new("true").read_boolean(&member)?);
    /// assert!(JsonDeserializer::new("\"true\"").read_boolean(&member).is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_boolean(&mut self, member: &Member) -> Result<bool>;

    /// Reads a byte.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(i8::SCHEMA);
    /// assert_eq!(JsonDeserializer::new("-128").read_byte(&member)?, -128);
    /// assert!(JsonDeserializer::new("300").read_byte(&member).is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_byte(&mut self, member: &Member) -> Result<i8>;

    /// Reads a short.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(i16::SCHEMA);
    /// assert_eq!(JsonDeserializer::new("32767").read_short(&member)?, i16::MAX);
    /// assert!(JsonDeserializer::new("32768").read_short(&member).is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_short(&mut self, member: &Member) -> Result<i16>;

    /// Reads an integer.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(i32::SCHEMA);
    /// assert_eq!(JsonDeserializer::new("-42").read_integer(&member)?, -42);
    /// assert!(JsonDeserializer::new("1.5").read_integer(&member).is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_integer(&mut self, member: &Member) -> Result<i32>;

    /// Reads a long.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(i64::SCHEMA);
    /// assert_eq!(JsonDeserializer::new("9007199254740993").read_long(&member)?, 9_007_199_254_740_993);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_long(&mut self, member: &Member) -> Result<i64>;

    /// Reads a float.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(f32::SCHEMA);
    /// assert_eq!(JsonDeserializer::new("0.25").read_float(&member)?, 0.25);
    /// assert!(JsonDeserializer::new("\"Infinity\"").read_float(&member)?.is_infinite());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_float(&mut self, member: &Member) -> Result<f32>;

    /// Reads a double.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(f64::SCHEMA);
    /// assert_eq!(JsonDeserializer::new("1e3").read_double(&member)?, 1000.0);
    /// assert!(JsonDeserializer::new("\"NaN\"").read_double(&member)?.is_nan());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_double(&mut self, member: &Member) -> Result<f64>;

    /// Reads an arbitrary-precision integer as validated decimal text.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, BigInteger, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(BigInteger::SCHEMA);
    /// let text = JsonDeserializer::new("123456789012345678901234567890").read_big_integer(&member)?;
    /// assert_eq!(text, "123456789012345678901234567890");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_big_integer(&mut self, member: &Member) -> Result<String>;

    /// Reads an arbitrary-precision decimal as validated text.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, BigDecimal, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(BigDecimal::SCHEMA);
    /// assert_eq!(JsonDeserializer::new("0.10000000000000000001").read_big_decimal(&member)?, "0.10000000000000000001");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_big_decimal(&mut self, member: &Member) -> Result<String>;

    /// Reads a string.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(String::SCHEMA);
    /// assert_eq!(JsonDeserializer::new(r#""caf\u00e9""#).read_string(&member)?, "café");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_string(&mut self, member: &Member) -> Result<String> {
        self.read_str(member, |s| Ok(s.to_owned()))
    }

    /// Reads a string and hands it to `f` without allocating where the format allows it:
    /// how enums match their known values for free.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(String::SCHEMA);
    /// let len = JsonDeserializer::new(r#""hello""#).read_str(&member, |s| Ok(s.len()))?;
    /// assert_eq!(len, 5);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_str<R, F>(&mut self, member: &Member, f: F) -> Result<R>
    where
        F: FnOnce(&str) -> Result<R>;

    /// Reads a blob.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, Blob, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(Blob::SCHEMA);
    /// assert_eq!(JsonDeserializer::new(r#""aGk=""#).read_blob(&member)?, b"hi");
    /// assert!(JsonDeserializer::new(r#""not base64!""#).read_blob(&member).is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_blob(&mut self, member: &Member) -> Result<Vec<u8>>;

    /// Reads a timestamp in the member's format or the format's default.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, ShapeDeserializer, Timestamp, schema::Member};
    ///
    /// let member = Member::root(Timestamp::SCHEMA);
    /// let at = JsonDeserializer::new("1573180888.5").read_timestamp(&member)?;
    /// assert_eq!((at.secs(), at.subsec_nanos()), (1_573_180_888, 500_000_000));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_timestamp(&mut self, member: &Member) -> Result<Timestamp>;

    /// Reads a document.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, Document, ShapeDeserializer, schema::Member};
    ///
    /// let member = Member::root(Document::SCHEMA);
    /// let doc = JsonDeserializer::new(r#"{"size": "L"}"#).read_document(&member)?;
    /// assert_eq!(doc.get("size").and_then(Document::as_str), Some("L"));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
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

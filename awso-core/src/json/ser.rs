//! Writing JSON from a schema.

use crate::error::Result;
use crate::limits::{Depth, Nesting};
use crate::scan::{first_of, flagged};
use crate::schema::{Member, TimestampFormat};
use crate::ser::{MemberSerializer, ShapeSerializer};
use crate::shape::{AwsShape, AwsStruct};
use crate::types::{Document, Number, Timestamp, encode_base64};

/// A [`ShapeSerializer`] that writes compact JSON into a `String`.
///
/// ```
/// use awso_core::json::JsonSerializer;
///
/// let mut ser = JsonSerializer::new();
/// ser.serialize(&vec![1.5f64, f64::NAN])?;
/// assert_eq!(ser.finish(), r#"[1.5,"NaN"]"#);
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug)]
pub struct JsonSerializer {
    /// Bytes, not a `String`: the string writer copies eight bytes before it knows whether
    /// they end inside a character (see [`write_str`]); only whole strings are ever kept.
    out: Vec<u8>,
    /// Where a timestamp is formatted before it is copied (its writer takes a `String`).
    scratch: String,
    depth: Depth,
    json_names: bool,
}

impl Default for JsonSerializer {
    fn default() -> Self {
        Self::new()
    }
}

impl JsonSerializer {
    /// A serializer writing into a new buffer.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.serialize(&vec![true, false])?;
    /// assert_eq!(ser.finish(), "[true,false]");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn new() -> Self {
        Self::with_buffer(String::new())
    }

    /// A serializer appending to `out` (reuse a buffer across calls).
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    ///
    /// let mut ser = JsonSerializer::with_buffer(String::from("body="));
    /// ser.serialize(&"x".to_string())?;
    /// assert_eq!(ser.finish(), r#"body="x""#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn with_buffer(out: String) -> Self {
        Self {
            out: out.into_bytes(),
            scratch: String::new(),
            depth: Depth::default(),
            json_names: true,
        }
    }

    /// Refuses values nested deeper than `max_depth` (default 128).
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    ///
    /// let mut ser = JsonSerializer::new().max_depth(1);
    /// assert!(ser.serialize(&vec![vec![1_i32]]).is_err());
    /// ```
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.depth.set_max(max_depth);
        self
    }

    /// Writes member names, ignoring `@jsonName`: `awsJson1_0` and `awsJson1_1` do.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    ///
    /// #[derive(awso_core::AwsShape)]
    /// struct Item { #[awso(rename = "ItemId", json_name = "id")] item_id: String }
    ///
    /// let item = Item { item_id: "i-1".into() };
    /// let mut rest = JsonSerializer::new();
    /// rest.serialize(&item)?;
    /// let mut aws_json = JsonSerializer::new().ignore_json_names();
    /// aws_json.serialize(&item)?;
    /// assert_eq!((rest.finish(), aws_json.finish()), (r#"{"id":"i-1"}"#.into(), r#"{"ItemId":"i-1"}"#.into()));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub fn ignore_json_names(mut self) -> Self {
        self.json_names = false;
        self
    }

    /// Writes `value` with its own schema.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.serialize(&Some("text".to_string()))?;
    /// assert_eq!(ser.finish(), r#""text""#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn serialize<T: AwsShape>(&mut self, value: &T) -> Result<()> {
        value.serialize(&Member::root(T::SCHEMA), self)
    }

    /// Writes `value` at `member` (a run-time schema for a [`Value`](crate::Value)).
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::schema::{Member, MemberTraits, SchemaRef, TimestampFormat};
    /// use awso_core::Timestamp;
    ///
    /// let member = Member::new("At", 0, SchemaRef::of::<Timestamp>())
    ///     .with_traits(MemberTraits::NONE.timestamp_format(TimestampFormat::HttpDate));
    /// let mut ser = JsonSerializer::new();
    /// ser.serialize_at(&Timestamp::from_secs(0), &member)?;
    /// assert_eq!(ser.finish(), r#""Thu, 01 Jan 1970 00:00:00 GMT""#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn serialize_at<T: AwsShape>(&mut self, value: &T, member: &Member) -> Result<()> {
        value.serialize(member, self)
    }

    /// The JSON written.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.serialize(&42_i32)?;
    /// assert_eq!(ser.finish(), "42");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn finish(self) -> String {
        // Only whole `&str`s and ASCII are ever written, so this never takes the lossy path.
        String::from_utf8(self.out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// The JSON written, as bytes: what a request body needs, without [`finish`]'s UTF-8
    /// check.
    ///
    /// [`finish`]: JsonSerializer::finish
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.serialize(&vec!["a\"b".to_owned()])?;
    /// assert_eq!(ser.finish_bytes(), br#"["a\"b"]"#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn finish_bytes(self) -> Vec<u8> {
        self.out
    }

    fn push_str(&mut self, text: &str) {
        self.out.extend_from_slice(text.as_bytes());
    }

    fn key(&mut self, key: &str) {
        write_str(&mut self.out, key);
        self.out.push(b':');
    }

    fn float(&mut self, finite: Option<&str>, nan: bool, positive: bool) {
        match finite {
            Some(text) => self.push_str(text),
            None if nan => self.push_str("\"NaN\""),
            None if positive => self.push_str("\"Infinity\""),
            None => self.push_str("\"-Infinity\""),
        }
    }

    fn document(&mut self, doc: &Document) -> Result<()> {
        match doc {
            Document::Null => self.push_str("null"),
            Document::Boolean(b) => self.push_str(if *b { "true" } else { "false" }),
            Document::Number(Number::PosInt(n)) => {
                self.push_str(itoa::Buffer::new().format(*n));
            }
            Document::Number(Number::NegInt(n)) => {
                self.push_str(itoa::Buffer::new().format(*n));
            }
            Document::Number(Number::Float(x)) => {
                let x = *x;
                let mut buf = ryu::Buffer::new();
                let finite = x.is_finite().then(|| buf.format_finite(x));
                self.float(finite, x.is_nan(), x > 0.0);
            }
            Document::String(s) => write_str(&mut self.out, s),
            Document::Array(items) => self.nested(|ser| {
                ser.out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        ser.out.push(b',');
                    }
                    ser.document(item).map_err(|e| e.in_item(i))?;
                }
                ser.out.push(b']');
                Ok(())
            })?,
            Document::Object(map) => self.nested(|ser| {
                ser.out.push(b'{');
                for (i, (key, value)) in map.iter().enumerate() {
                    if i > 0 {
                        ser.out.push(b',');
                    }
                    ser.key(key);
                    ser.document(value).map_err(|e| e.in_key(key))?;
                }
                ser.out.push(b'}');
                Ok(())
            })?,
        }
        Ok(())
    }
}

impl Nesting for JsonSerializer {
    #[inline]
    fn depth(&mut self) -> &mut Depth {
        &mut self.depth
    }
}

/// Writes the members of one object, with the commas between them.
struct ObjectWriter<'a> {
    ser: &'a mut JsonSerializer,
    first: bool,
}

impl MemberSerializer for ObjectWriter<'_> {
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()> {
        if !std::mem::replace(&mut self.first, false) {
            self.ser.out.push(b',');
        }
        let name = if self.ser.json_names {
            member.json_name()
        } else {
            member.name()
        };
        self.ser.key(name);
        value
            .serialize(member, self.ser)
            .map_err(|e| e.in_member(member.name()))
    }
}

impl ShapeSerializer for JsonSerializer {
    fn write_struct<T: AwsStruct>(&mut self, member: &Member, value: &T) -> Result<()> {
        self.nested(|ser| {
            ser.out.push(b'{');
            let mut object = ObjectWriter { ser, first: true };
            value.serialize_members(member.target(), &mut object)?;
            ser.out.push(b'}');
            Ok(())
        })
    }

    fn write_list<'a, T, I>(&mut self, member: &Member, items: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>,
    {
        let item_member = member.list_item()?;
        self.nested(|ser| {
            ser.out.push(b'[');
            for (i, item) in items.into_iter().enumerate() {
                if i > 0 {
                    ser.out.push(b',');
                }
                item.serialize(item_member, ser).map_err(|e| e.in_item(i))?;
            }
            ser.out.push(b']');
            Ok(())
        })
    }

    fn write_map<'a, V, I>(&mut self, member: &Member, entries: I) -> Result<()>
    where
        V: AwsShape + 'a,
        I: IntoIterator<Item = (&'a str, &'a V)>,
    {
        let (_, value_member) = member.map_entry()?;
        self.nested(|ser| {
            ser.out.push(b'{');
            for (i, (key, value)) in entries.into_iter().enumerate() {
                if i > 0 {
                    ser.out.push(b',');
                }
                ser.key(key);
                value
                    .serialize(value_member, ser)
                    .map_err(|e| e.in_key(key))?;
            }
            ser.out.push(b'}');
            Ok(())
        })
    }

    fn write_boolean(&mut self, _: &Member, value: bool) -> Result<()> {
        self.push_str(if value { "true" } else { "false" });
        Ok(())
    }

    fn write_integer(&mut self, _: &Member, value: i32) -> Result<()> {
        self.push_str(itoa::Buffer::new().format(value));
        Ok(())
    }

    fn write_long(&mut self, _: &Member, value: i64) -> Result<()> {
        self.push_str(itoa::Buffer::new().format(value));
        Ok(())
    }

    fn write_float(&mut self, _: &Member, value: f32) -> Result<()> {
        let mut buf = ryu::Buffer::new();
        let finite = value.is_finite().then(|| buf.format_finite(value));
        self.float(finite, value.is_nan(), value > 0.0);
        Ok(())
    }

    fn write_double(&mut self, _: &Member, value: f64) -> Result<()> {
        let mut buf = ryu::Buffer::new();
        let finite = value.is_finite().then(|| buf.format_finite(value));
        self.float(finite, value.is_nan(), value > 0.0);
        Ok(())
    }

    fn write_big_integer(&mut self, _: &Member, value: &str) -> Result<()> {
        self.push_str(value);
        Ok(())
    }

    fn write_big_decimal(&mut self, _: &Member, value: &str) -> Result<()> {
        self.push_str(value);
        Ok(())
    }

    fn write_string(&mut self, _: &Member, value: &str) -> Result<()> {
        write_str(&mut self.out, value);
        Ok(())
    }

    fn write_blob(&mut self, _: &Member, value: &[u8]) -> Result<()> {
        self.out.push(b'"');
        self.push_str(&encode_base64(value));
        self.out.push(b'"');
        Ok(())
    }

    fn write_timestamp(&mut self, member: &Member, value: &Timestamp) -> Result<()> {
        let format = member
            .timestamp_format()
            .unwrap_or(TimestampFormat::EpochSeconds);
        self.scratch.clear();
        value.write(format, &mut self.scratch)?;
        let quoted = format != TimestampFormat::EpochSeconds;
        if quoted {
            self.out.push(b'"');
        }
        self.out.extend_from_slice(self.scratch.as_bytes());
        if quoted {
            self.out.push(b'"');
        }
        Ok(())
    }

    fn write_document(&mut self, _: &Member, value: &Document) -> Result<()> {
        self.document(value)
    }

    fn write_null(&mut self, _: &Member) -> Result<()> {
        self.push_str("null");
        Ok(())
    }
}

/// Which bytes need an escape: 0 for none, else the letter after the backslash
/// (`u` for `\u00XX`).
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Writes `value` as a JSON string. Plain text is copied a block at a time before it is
/// checked (a load, a store and a test per block: no search ahead, no `memcpy` call per
/// run), and a block holding a byte to escape is cut back to that byte. Blocks are 16 bytes
/// (the test compiles to a few vector instructions), then 8 and 4 for what is left; the
/// last block of a string is its last bytes, overlapping what was already copied, so a byte
/// loop runs only for strings under four bytes or after an escape near the end.
pub(crate) fn write_str(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // `at` is the next byte to write; the bytes from `plain` to `at` were copied verbatim.
    let mut run = Run { at: 0, plain: 0 };
    run.blocks::<16>(out, bytes);
    let done = run.at == bytes.len() || run.overlap::<16>(out, bytes) || {
        run.blocks::<8>(out, bytes);
        run.at == bytes.len() || run.overlap::<8>(out, bytes) || {
            run.blocks::<4>(out, bytes);
            run.at == bytes.len() || run.overlap::<4>(out, bytes)
        }
    };
    if !done {
        write_bytes(out, &bytes[run.at..]);
    }
    out.push(b'"');
}

/// Where [`write_str`] stands in its string.
struct Run {
    /// The next byte to write.
    at: usize,
    /// Where the bytes copied verbatim up to `at` begin (just after the last escape).
    plain: usize,
}

impl Run {
    /// Copies whole `N`-byte blocks from `at`, escaping what needs it.
    #[allow(clippy::inline_always, reason = "measured with callgrind on benches/")]
    #[inline(always)]
    fn blocks<const N: usize>(&mut self, out: &mut Vec<u8>, bytes: &[u8]) {
        while let Some(block) = bytes[self.at..].first_chunk::<N>() {
            out.extend_from_slice(block);
            match to_escape(block) {
                None => self.at += N,
                Some(k) => {
                    out.truncate(out.len() - N + k);
                    self.at += k;
                    push_escape(out, bytes[self.at]);
                    self.at += 1;
                    self.plain = self.at;
                }
            }
        }
    }

    /// Finishes the string with its last `N` bytes, when those before `at` are verbatim
    /// copies (they are written again); `false` if it cannot.
    #[allow(clippy::inline_always, reason = "measured with callgrind on benches/")]
    #[inline(always)]
    fn overlap<const N: usize>(&mut self, out: &mut Vec<u8>, bytes: &[u8]) -> bool {
        let Some(block) = bytes.last_chunk::<N>() else {
            return false;
        };
        let start = bytes.len() - N;
        if start < self.plain {
            return false;
        }
        out.truncate(out.len() - (self.at - start));
        out.extend_from_slice(block);
        if let Some(k) = to_escape(block) {
            out.truncate(out.len() - N + k);
            write_bytes(out, &bytes[start + k..]);
        }
        self.at = bytes.len();
        true
    }
}

/// The offset of the first byte of `block` that JSON escapes: `"`, `\\` or a control.
/// A 16-byte block is tested with a branch-free fold that compiles to vector compares (the
/// search for which byte runs only when there is one); shorter blocks with the SWAR word
/// test, which is cheaper than a fold the compiler leaves as a byte loop.
#[allow(
    clippy::needless_bitwise_bool,
    reason = "branch-free, so that the test of a block compiles to vector compares"
)]
#[allow(clippy::inline_always, reason = "measured with callgrind on benches/")]
#[inline(always)]
fn to_escape<const N: usize>(block: &[u8; N]) -> Option<usize> {
    if N == 16 {
        let any = block.iter().fold(false, |any, &b| {
            any | (b < 0x20) | (b == b'"') | (b == b'\\')
        });
        if any {
            block.iter().position(|&b| ESCAPE[usize::from(b)] != 0)
        } else {
            None
        }
    } else {
        // Padded with spaces, which need no escape.
        let mut word = [b' '; 8];
        word[..N.min(8)].copy_from_slice(&block[..N.min(8)]);
        let found = flagged(u64::from_le_bytes(word), [b'"', b'\\']);
        (found != 0).then(|| (found.trailing_zeros() / 8) as usize)
    }
}

/// Writes a short run byte by byte, escaping what needs it.
fn write_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    for &b in bytes {
        if ESCAPE[usize::from(b)] == 0 {
            out.push(b);
        } else {
            push_escape(out, b);
        }
    }
}

/// Writes the escape of `b`, one of the bytes [`ESCAPE`] marks.
fn push_escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match ESCAPE[usize::from(b)] {
        b'u' => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]),
        letter => out.extend_from_slice(&[b'\\', letter]),
    }
}

/// Writes `value` as a JSON string into text (error bodies); see [`write_str`].
pub(crate) fn write_string(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(value.len() + 2);
    out.push('"');
    let bytes = value.as_bytes();
    let (mut start, mut i) = (0, 0);
    // Plain runs are found eight bytes at a time; only `"`, `\\` and controls stop the scan.
    while let Some(k) = first_of(&bytes[i..], [b'"', b'\\']) {
        i += k;
        let b = bytes[i];
        let escape = ESCAPE[usize::from(b)];
        out.push_str(&value[start..i]);
        out.push('\\');
        out.push(char::from(escape));
        if escape == b'u' {
            out.push_str("00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
        i += 1;
        start = i;
    }
    out.push_str(&value[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::{write_str, write_string};

    /// The word-copying writer against the search-then-copy one, with a byte to escape at
    /// every position of every length up to 40, a second one after it, and multi-byte
    /// characters that a word boundary splits.
    #[test]
    fn word_writer_agrees_with_the_text_writer() {
        let specials = ['"', '\\', '\n', '\u{1}', '\u{1f}', 'é', '😀'];
        for len in 0..72 {
            for at in 0..=len {
                for &special in &specials {
                    let mut text: Vec<char> = "abcdefghij".chars().cycle().take(len).collect();
                    if at < len {
                        text[at] = special;
                    }
                    if at + 3 < len {
                        text[at + 3] = '\t';
                    }
                    let text: String = text.into_iter().collect();
                    let (mut bytes, mut string) = (Vec::new(), String::new());
                    write_str(&mut bytes, &text);
                    write_string(&mut string, &text);
                    assert_eq!(String::from_utf8(bytes).unwrap(), string, "{text:?}");
                }
            }
        }
    }
}

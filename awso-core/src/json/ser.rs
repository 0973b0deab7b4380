//! Writing JSON from a schema.

use crate::error::Result;
use crate::limits::{Depth, Nesting};
use crate::scan::first_of;
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
    out: String,
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
            out,
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
        self.out
    }

    fn key(&mut self, key: &str) {
        write_string(&mut self.out, key);
        self.out.push(':');
    }

    fn float(&mut self, finite: Option<&str>, nan: bool, positive: bool) {
        match finite {
            Some(text) => self.out.push_str(text),
            None if nan => self.out.push_str("\"NaN\""),
            None if positive => self.out.push_str("\"Infinity\""),
            None => self.out.push_str("\"-Infinity\""),
        }
    }

    fn document(&mut self, doc: &Document) -> Result<()> {
        match doc {
            Document::Null => self.out.push_str("null"),
            Document::Boolean(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Document::Number(Number::PosInt(n)) => {
                self.out.push_str(itoa::Buffer::new().format(*n));
            }
            Document::Number(Number::NegInt(n)) => {
                self.out.push_str(itoa::Buffer::new().format(*n));
            }
            Document::Number(Number::Float(x)) => {
                let x = *x;
                let mut buf = ryu::Buffer::new();
                let finite = x.is_finite().then(|| buf.format_finite(x));
                self.float(finite, x.is_nan(), x > 0.0);
            }
            Document::String(s) => write_string(&mut self.out, s),
            Document::Array(items) => self.nested(|ser| {
                ser.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        ser.out.push(',');
                    }
                    ser.document(item).map_err(|e| e.in_item(i))?;
                }
                ser.out.push(']');
                Ok(())
            })?,
            Document::Object(map) => self.nested(|ser| {
                ser.out.push('{');
                for (i, (key, value)) in map.iter().enumerate() {
                    if i > 0 {
                        ser.out.push(',');
                    }
                    ser.key(key);
                    ser.document(value).map_err(|e| e.in_key(key))?;
                }
                ser.out.push('}');
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
            self.ser.out.push(',');
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
            ser.out.push('{');
            let mut object = ObjectWriter { ser, first: true };
            value.serialize_members(member.target(), &mut object)?;
            ser.out.push('}');
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
            ser.out.push('[');
            for (i, item) in items.into_iter().enumerate() {
                if i > 0 {
                    ser.out.push(',');
                }
                item.serialize(item_member, ser).map_err(|e| e.in_item(i))?;
            }
            ser.out.push(']');
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
            ser.out.push('{');
            for (i, (key, value)) in entries.into_iter().enumerate() {
                if i > 0 {
                    ser.out.push(',');
                }
                ser.key(key);
                value
                    .serialize(value_member, ser)
                    .map_err(|e| e.in_key(key))?;
            }
            ser.out.push('}');
            Ok(())
        })
    }

    fn write_boolean(&mut self, _: &Member, value: bool) -> Result<()> {
        self.out.push_str(if value { "true" } else { "false" });
        Ok(())
    }

    fn write_integer(&mut self, _: &Member, value: i32) -> Result<()> {
        self.out.push_str(itoa::Buffer::new().format(value));
        Ok(())
    }

    fn write_long(&mut self, _: &Member, value: i64) -> Result<()> {
        self.out.push_str(itoa::Buffer::new().format(value));
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
        self.out.push_str(value);
        Ok(())
    }

    fn write_big_decimal(&mut self, _: &Member, value: &str) -> Result<()> {
        self.out.push_str(value);
        Ok(())
    }

    fn write_string(&mut self, _: &Member, value: &str) -> Result<()> {
        write_string(&mut self.out, value);
        Ok(())
    }

    fn write_blob(&mut self, _: &Member, value: &[u8]) -> Result<()> {
        self.out.push('"');
        self.out.push_str(&encode_base64(value));
        self.out.push('"');
        Ok(())
    }

    fn write_timestamp(&mut self, member: &Member, value: &Timestamp) -> Result<()> {
        let format = member
            .timestamp_format()
            .unwrap_or(TimestampFormat::EpochSeconds);
        if format == TimestampFormat::EpochSeconds {
            return value.write(format, &mut self.out);
        }
        self.out.push('"');
        value.write(format, &mut self.out)?;
        self.out.push('"');
        Ok(())
    }

    fn write_document(&mut self, _: &Member, value: &Document) -> Result<()> {
        self.document(value)
    }

    fn write_null(&mut self, _: &Member) -> Result<()> {
        self.out.push_str("null");
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

/// Writes `value` as a JSON string.
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

//! Writing CBOR from a schema.

use super::big;
use super::read::{ARRAY, BREAK, BYTES, MAP, NEGATIVE, TAG, TEXT, UNSIGNED};
use crate::error::Result;
use crate::limits::{Depth, Nesting};
use crate::schema::Member;
use crate::ser::{MemberSerializer, ShapeSerializer};
use crate::shape::{AwsShape, AwsStruct};
use crate::types::{Document, Number, Timestamp};

/// A [`ShapeSerializer`] that writes CBOR into a `Vec<u8>`: structures, lists and maps as
/// indefinite-length items (members are written as they come), integers in their shortest
/// form, floats and doubles at their own width, timestamps as tag 1 with a double.
///
/// ```
/// use awso_core::cbor::CborSerializer;
///
/// let mut ser = CborSerializer::new();
/// ser.serialize(&vec![1i32, -1])?;
/// assert_eq!(ser.finish(), [0x9f, 0x01, 0x20, 0xff]);
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct CborSerializer {
    out: Vec<u8>,
    depth: Depth,
}

impl CborSerializer {
    /// A serializer writing into a new buffer.
    ///
    /// ```
    /// use awso_core::cbor::CborSerializer;
    ///
    /// let mut ser = CborSerializer::new();
    /// ser.serialize(&"hi".to_string())?;
    /// assert_eq!(ser.finish(), b"\x62hi");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn new() -> Self {
        Self::with_buffer(Vec::new())
    }

    /// A serializer appending to `out` (reuse a buffer across calls).
    ///
    /// ```
    /// use awso_core::cbor::CborSerializer;
    ///
    /// let mut ser = CborSerializer::with_buffer(b"\xd9\xd9\xf7".to_vec()); // the self-describe tag
    /// ser.serialize(&0_i32)?;
    /// assert_eq!(ser.finish(), b"\xd9\xd9\xf7\x00");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn with_buffer(out: Vec<u8>) -> Self {
        Self {
            out,
            depth: Depth::default(),
        }
    }

    /// Refuses values nested deeper than `max_depth` (default 128).
    ///
    /// ```
    /// use awso_core::cbor::CborSerializer;
    ///
    /// let mut ser = CborSerializer::new().max_depth(1);
    /// assert!(ser.serialize(&vec![vec![1_i32]]).is_err());
    /// ```
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.depth.set_max(max_depth);
        self
    }

    /// Writes `value` with its own schema.
    ///
    /// ```
    /// use awso_core::cbor::CborSerializer;
    ///
    /// let mut ser = CborSerializer::new();
    /// ser.serialize(&awso_core::Blob::from("hi"))?;
    /// assert_eq!(ser.finish(), b"\x42hi");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn serialize<T: AwsShape>(&mut self, value: &T) -> Result<()> {
        value.serialize(&Member::root(T::SCHEMA), self)
    }

    /// Writes `value` at `member` (a run-time schema for a [`Value`](crate::Value)).
    ///
    /// ```
    /// use awso_core::cbor::CborSerializer;
    /// use awso_core::schema::{Member, SchemaRef};
    ///
    /// let mut ser = CborSerializer::new();
    /// ser.serialize_at(&1.5_f64, &Member::new("Ratio", 0, SchemaRef::of::<f64>()))?;
    /// assert_eq!(ser.finish(), b"\xfb\x3f\xf8\0\0\0\0\0\0");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn serialize_at<T: AwsShape>(&mut self, value: &T, member: &Member) -> Result<()> {
        value.serialize(member, self)
    }

    /// The CBOR written.
    ///
    /// ```
    /// use awso_core::cbor::CborSerializer;
    ///
    /// let mut ser = CborSerializer::new();
    /// ser.serialize(&-1_i64)?;
    /// assert_eq!(ser.finish(), [0x20]);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn finish(self) -> Vec<u8> {
        self.out
    }

    /// A head in its shortest form.
    fn head(&mut self, major: u8, arg: u64) {
        let major = major << 5;
        match arg {
            0..=23 => self.out.push(major | arg as u8),
            24..=0xff => self.out.extend_from_slice(&[major | 0x18, arg as u8]),
            0x100..=0xffff => {
                self.out.push(major | 0x19);
                self.out.extend_from_slice(&(arg as u16).to_be_bytes());
            }
            0x1_0000..=0xffff_ffff => {
                self.out.push(major | 0x1a);
                self.out.extend_from_slice(&(arg as u32).to_be_bytes());
            }
            _ => {
                self.out.push(major | 0x1b);
                self.out.extend_from_slice(&arg.to_be_bytes());
            }
        }
    }

    fn indefinite(&mut self, major: u8) {
        self.out.push((major << 5) | 31);
    }

    fn int(&mut self, value: i64) {
        match u64::try_from(value) {
            Ok(n) => self.head(UNSIGNED, n),
            // -1 - n is the bitwise complement.
            Err(_) => self.head(NEGATIVE, !(value as u64)),
        }
    }

    fn text(&mut self, value: &str) {
        self.head(TEXT, value.len() as u64);
        self.out.extend_from_slice(value.as_bytes());
    }

    fn double(&mut self, value: f64) {
        self.out.push(0xfb);
        self.out.extend_from_slice(&value.to_bits().to_be_bytes());
    }

    /// An integer of any size: a plain integer when it fits 64 bits, else a bignum.
    fn big_integer(&mut self, negative: bool, digits: &str) -> Result<()> {
        let mut magnitude = big::decimal_to_magnitude(digits)?;
        let first = magnitude
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(magnitude.len());
        magnitude.drain(..first);
        if magnitude.is_empty() {
            self.head(UNSIGNED, 0);
            return Ok(());
        }
        if negative {
            big::decrement(&mut magnitude);
        }
        let first = magnitude
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(magnitude.len());
        let magnitude = &magnitude[first..];
        let major = if negative { NEGATIVE } else { UNSIGNED };
        if magnitude.len() <= 8 {
            let n = magnitude
                .iter()
                .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
            self.head(major, n);
        } else {
            self.head(TAG, if negative { 3 } else { 2 });
            self.head(BYTES, magnitude.len() as u64);
            self.out.extend_from_slice(magnitude);
        }
        Ok(())
    }

    fn document(&mut self, doc: &Document) -> Result<()> {
        match doc {
            Document::Null => self.out.push(0xf6),
            Document::Boolean(b) => self.out.push(if *b { 0xf5 } else { 0xf4 }),
            Document::Number(Number::PosInt(n)) => self.head(UNSIGNED, *n),
            Document::Number(Number::NegInt(n)) => self.int(*n),
            Document::Number(Number::Float(x)) => self.double(*x),
            Document::String(s) => self.text(s),
            Document::Array(items) => self.nested(|ser| {
                ser.head(ARRAY, items.len() as u64);
                for (i, item) in items.iter().enumerate() {
                    ser.document(item).map_err(|e| e.in_item(i))?;
                }
                Ok(())
            })?,
            Document::Object(map) => self.nested(|ser| {
                ser.head(MAP, map.len() as u64);
                for (key, value) in map {
                    ser.text(key);
                    ser.document(value).map_err(|e| e.in_key(key))?;
                }
                Ok(())
            })?,
        }
        Ok(())
    }
}

impl Nesting for CborSerializer {
    #[inline]
    fn depth(&mut self) -> &mut Depth {
        &mut self.depth
    }
}

/// Writes the members of one structure as map entries keyed by member name.
struct MapWriter<'a>(&'a mut CborSerializer);

impl MemberSerializer for MapWriter<'_> {
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()> {
        self.0.text(member.name());
        value
            .serialize(member, self.0)
            .map_err(|e| e.in_member(member.name()))
    }
}

impl ShapeSerializer for CborSerializer {
    fn write_struct<T: AwsStruct>(&mut self, member: &Member, value: &T) -> Result<()> {
        self.nested(|ser| {
            ser.indefinite(MAP);
            value.serialize_members(member.target(), &mut MapWriter(ser))?;
            ser.out.push(BREAK);
            Ok(())
        })
    }

    fn write_list<'a, T, I>(&mut self, member: &Member, items: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>,
    {
        self.nested(|ser| {
            ser.indefinite(ARRAY);
            crate::ser::write_each_item(ser, member, items)?;
            ser.out.push(BREAK);
            Ok(())
        })
    }

    fn write_map<'a, V, I>(&mut self, member: &Member, entries: I) -> Result<()>
    where
        V: AwsShape + 'a,
        I: IntoIterator<Item = (&'a str, &'a V)>,
    {
        self.nested(|ser| {
            ser.indefinite(MAP);
            crate::ser::write_each_value(ser, member, entries, CborSerializer::text)?;
            ser.out.push(BREAK);
            Ok(())
        })
    }

    fn write_boolean(&mut self, _: &Member, value: bool) -> Result<()> {
        self.out.push(if value { 0xf5 } else { 0xf4 });
        Ok(())
    }

    fn write_integer(&mut self, _: &Member, value: i32) -> Result<()> {
        self.int(i64::from(value));
        Ok(())
    }

    fn write_long(&mut self, _: &Member, value: i64) -> Result<()> {
        self.int(value);
        Ok(())
    }

    fn write_float(&mut self, _: &Member, value: f32) -> Result<()> {
        self.out.push(0xfa);
        self.out.extend_from_slice(&value.to_bits().to_be_bytes());
        Ok(())
    }

    fn write_double(&mut self, _: &Member, value: f64) -> Result<()> {
        self.double(value);
        Ok(())
    }

    fn write_big_integer(&mut self, _: &Member, value: &str) -> Result<()> {
        let (negative, digits) = match value.strip_prefix('-') {
            Some(digits) => (true, digits),
            None => (false, value.strip_prefix('+').unwrap_or(value)),
        };
        self.big_integer(negative, digits)
    }

    /// A decimal fraction (tag 4): `[exponent, mantissa]`.
    fn write_big_decimal(&mut self, _: &Member, value: &str) -> Result<()> {
        let (negative, digits, exponent) = big::split_decimal(value)?;
        self.head(TAG, 4);
        self.head(ARRAY, 2);
        self.int(exponent);
        self.big_integer(negative, &digits)
    }

    fn write_string(&mut self, _: &Member, value: &str) -> Result<()> {
        self.text(value);
        Ok(())
    }

    fn write_blob(&mut self, _: &Member, value: &[u8]) -> Result<()> {
        self.head(BYTES, value.len() as u64);
        self.out.extend_from_slice(value);
        Ok(())
    }

    /// Tag 1 and the epoch seconds as a double, whatever the member's format says: the
    /// protocol has one timestamp encoding.
    fn write_timestamp(&mut self, _: &Member, value: &Timestamp) -> Result<()> {
        self.head(TAG, 1);
        // The double nearest the exact decimal (adding the parts in floats could round
        // twice), so a timestamp read from a double writes that double again.
        let mut text = String::new();
        value.write(crate::schema::TimestampFormat::EpochSeconds, &mut text)?;
        let seconds: f64 = text
            .parse()
            .map_err(|_| crate::Error::invalid("timestamp", text.clone()))?;
        self.double(seconds);
        Ok(())
    }

    fn write_document(&mut self, _: &Member, value: &Document) -> Result<()> {
        self.document(value)
    }

    fn write_null(&mut self, _: &Member) -> Result<()> {
        self.out.push(0xf6);
        Ok(())
    }
}

//! Scalars as text: how XML content and attributes, query parameters, HTTP headers and URI
//! labels write and read simple shapes.
//!
//! [`TextSerializer`] writes one scalar into a `String`; [`TextDeserializer`] reads one from a
//! `&str`. Aggregates are refused: each of those places holds a single scalar.

use crate::de::ShapeDeserializer;
use crate::error::{Error, Result};
use crate::number;
use crate::partial::{read_methods, write_methods};
use crate::schema::{Member, TimestampFormat};
use crate::ser::ShapeSerializer;
use crate::types::{Timestamp, decode_base64, encode_base64};

/// Writes a float the way AWS text protocols do: shortest round-trip digits, or `NaN`,
/// `Infinity`, `-Infinity`.
pub(crate) fn push_float<F: ryu::Float + PartialOrd + Default>(
    out: &mut String,
    value: F,
    finite: bool,
    nan: bool,
) {
    if finite {
        out.push_str(ryu::Buffer::new().format_finite(value));
    } else if nan {
        out.push_str("NaN");
    } else if value > F::default() {
        out.push_str("Infinity");
    } else {
        out.push_str("-Infinity");
    }
}

/// Reads `true` or `false`.
pub(crate) fn parse_boolean(text: &str) -> Result<bool> {
    match text {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(Error::expected("a boolean", format!("{text:?}"))),
    }
}

/// Reads an integer exactly and checks it fits `T`.
pub(crate) fn parse_integer<T: TryFrom<i64>>(text: &str, what: &'static str) -> Result<T> {
    let n = number::parse_integer(text).map_err(|e| match e {
        number::IntegerError::Fraction => Error::expected(what, format!("{text:?}")),
        number::IntegerError::Overflow => Error::out_of_range(what, text),
    })?;
    T::try_from(n).map_err(|_| Error::out_of_range(what, text))
}

/// Reads a float: decimal text, `NaN`, `Infinity` or `-Infinity`.
pub(crate) fn parse_float<T: number::Float>(text: &str, what: &'static str) -> Result<T> {
    if let Some(x) = number::special_float(text) {
        return Ok(x);
    }
    if !crate::types::is_decimal(text) {
        return Err(Error::expected(what, format!("{text:?}")));
    }
    number::parse_float(text).ok_or_else(|| Error::out_of_range(what, text))
}

/// Reads decimal text for a big number; `integer` refuses fractions and exponents.
pub(crate) fn parse_big(text: &str, integer: bool) -> Result<String> {
    let what = if integer {
        "a big integer"
    } else {
        "a big decimal"
    };
    let ok = if integer {
        let digits = text.strip_prefix('-').unwrap_or(text);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    } else {
        crate::types::is_decimal(text)
    };
    if ok {
        Ok(text.to_owned())
    } else {
        Err(Error::expected(what, format!("{text:?}")))
    }
}

/// A [`ShapeSerializer`] that writes one scalar as text, timestamps in `default_format`
/// unless the member says otherwise.
pub(crate) struct TextSerializer<'a> {
    pub(crate) out: &'a mut String,
    pub(crate) default_format: TimestampFormat,
}

impl TextSerializer<'_> {
    fn refuse(what: &str) -> Error {
        Error::unsupported(format!("{what} cannot be written as text"))
    }
}

impl ShapeSerializer for TextSerializer<'_> {
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
        push_float(self.out, value, value.is_finite(), value.is_nan());
        Ok(())
    }

    fn write_double(&mut self, _: &Member, value: f64) -> Result<()> {
        push_float(self.out, value, value.is_finite(), value.is_nan());
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
        self.out.push_str(value);
        Ok(())
    }

    fn write_blob(&mut self, _: &Member, value: &[u8]) -> Result<()> {
        self.out.push_str(&encode_base64(value));
        Ok(())
    }

    fn write_timestamp(&mut self, member: &Member, value: &Timestamp) -> Result<()> {
        value.write(
            member.timestamp_format().unwrap_or(self.default_format),
            self.out,
        )
    }

    write_methods!(refuse(what => Self::refuse(what);
        write_struct, write_list, write_map, write_document, write_null));
}

/// A [`ShapeDeserializer`] that reads one scalar from text.
pub(crate) struct TextDeserializer<'a> {
    pub(crate) text: &'a str,
    pub(crate) default_format: TimestampFormat,
}

impl TextDeserializer<'_> {
    fn refuse(what: &'static str) -> Error {
        Error::unsupported(format!("{what} cannot be read from text"))
    }
}

impl ShapeDeserializer for TextDeserializer<'_> {
    fn read_null(&mut self) -> Result<bool> {
        Ok(false)
    }

    fn read_boolean(&mut self, _: &Member) -> Result<bool> {
        parse_boolean(self.text)
    }

    fn read_byte(&mut self, _: &Member) -> Result<i8> {
        parse_integer(self.text, "a byte")
    }

    fn read_short(&mut self, _: &Member) -> Result<i16> {
        parse_integer(self.text, "a short")
    }

    fn read_integer(&mut self, _: &Member) -> Result<i32> {
        parse_integer(self.text, "an integer")
    }

    fn read_long(&mut self, _: &Member) -> Result<i64> {
        parse_integer(self.text, "a long")
    }

    fn read_float(&mut self, _: &Member) -> Result<f32> {
        parse_float(self.text, "a float")
    }

    fn read_double(&mut self, _: &Member) -> Result<f64> {
        parse_float(self.text, "a double")
    }

    fn read_big_integer(&mut self, _: &Member) -> Result<String> {
        parse_big(self.text, true)
    }

    fn read_big_decimal(&mut self, _: &Member) -> Result<String> {
        parse_big(self.text, false)
    }

    fn read_str<R, F>(&mut self, _: &Member, f: F) -> Result<R>
    where
        F: FnOnce(&str) -> Result<R>,
    {
        f(self.text)
    }

    fn read_blob(&mut self, _: &Member) -> Result<Vec<u8>> {
        decode_base64(self.text)
    }

    fn read_timestamp(&mut self, member: &Member) -> Result<Timestamp> {
        let format = member.timestamp_format().unwrap_or(self.default_format);
        Timestamp::parse(self.text, format)
    }

    read_methods!(refuse(what => Self::refuse(what); read_struct, read_list, read_map, read_document));
}

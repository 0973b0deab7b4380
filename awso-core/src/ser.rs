//! The serializer side: what a format implements to write shapes.
//!
//! A [`ShapeSerializer`] gets one call per value, each with the [`Member`] the value sits at,
//! so it can read every wire rule it needs (names, timestamp formats, XML traits) from the
//! schema. Structures come in as [`AwsStruct`]s and are opened up through a
//! [`MemberSerializer`]: the format decides which members go where and in what order (XML
//! writes attribute members before child elements; the HTTP bindings take header members out
//! of the body).
//!
//! Every method is generic, so each format is compiled for each shape: no dynamic dispatch on
//! the hot path.

use crate::error::{Error, Result};
use crate::schema::Member;
use crate::shape::{AwsShape, AwsStruct};
use crate::types::{Document, Timestamp};

/// A format that can write shapes. See the [module documentation](self).
pub trait ShapeSerializer {
    /// Writes a structure or union (the schema's kind tells which).
    fn write_struct<T: AwsStruct>(&mut self, member: &Member, value: &T) -> Result<()>;

    /// Writes a list; items are written at the list's item member.
    fn write_list<'a, T, I>(&mut self, member: &Member, items: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>;

    /// Writes a map; values are written at the map's value member.
    fn write_map<'a, V, I>(&mut self, member: &Member, entries: I) -> Result<()>
    where
        V: AwsShape + 'a,
        I: IntoIterator<Item = (&'a str, &'a V)>;

    /// Writes a boolean.
    fn write_boolean(&mut self, member: &Member, value: bool) -> Result<()>;

    /// Writes a byte; formats without a byte type write an integer.
    fn write_byte(&mut self, member: &Member, value: i8) -> Result<()> {
        self.write_integer(member, i32::from(value))
    }

    /// Writes a short; formats without a short type write an integer.
    fn write_short(&mut self, member: &Member, value: i16) -> Result<()> {
        self.write_integer(member, i32::from(value))
    }

    /// Writes an integer (or an intEnum value).
    fn write_integer(&mut self, member: &Member, value: i32) -> Result<()>;

    /// Writes a long.
    fn write_long(&mut self, member: &Member, value: i64) -> Result<()>;

    /// Writes a float.
    fn write_float(&mut self, member: &Member, value: f32) -> Result<()>;

    /// Writes a double.
    fn write_double(&mut self, member: &Member, value: f64) -> Result<()>;

    /// Writes an arbitrary-precision integer given as decimal text.
    fn write_big_integer(&mut self, member: &Member, value: &str) -> Result<()>;

    /// Writes an arbitrary-precision decimal given as text.
    fn write_big_decimal(&mut self, member: &Member, value: &str) -> Result<()>;

    /// Writes a string (or an enum value).
    fn write_string(&mut self, member: &Member, value: &str) -> Result<()>;

    /// Writes a blob.
    fn write_blob(&mut self, member: &Member, value: &[u8]) -> Result<()>;

    /// Writes a timestamp in the member's format or the format's default.
    fn write_timestamp(&mut self, member: &Member, value: &Timestamp) -> Result<()>;

    /// Writes a document.
    fn write_document(&mut self, member: &Member, value: &Document) -> Result<()>;

    /// Writes a null: an absent item of a sparse list or value of a sparse map.
    fn write_null(&mut self, member: &Member) -> Result<()>;
}

/// Receives the members of a structure or union from [`AwsStruct::serialize_members`].
pub trait MemberSerializer {
    /// Takes one present member.
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()>;

    /// Takes the unknown member of a union, of which only the name was kept. Wire formats
    /// cannot write it (the value is gone); the `Value` tree keeps it as a null member.
    fn unknown_member(&mut self, name: &str) -> Result<()> {
        Err(Error::unsupported(format!(
            "cannot write the unknown union member `{name}`: only its name was kept"
        )))
    }
}

/// Writes each item of a list at the list's item `member`, with its index in the path of
/// any error: the whole of `write_list` for a format with no list syntax of its own.
pub(crate) fn write_each_item<'a, S, T, I>(ser: &mut S, member: &Member, items: I) -> Result<()>
where
    S: ShapeSerializer,
    T: AwsShape + 'a,
    I: IntoIterator<Item = &'a T>,
{
    let item = member.list_item()?;
    for (i, value) in items.into_iter().enumerate() {
        value.serialize(item, ser).map_err(|e| e.in_item(i))?;
    }
    Ok(())
}

/// Writes each value of a map at the map's value `member`, with its key in the path of any
/// error; `before` sees each key first (a format that writes the key in its own way keeps
/// it there).
pub(crate) fn write_each_value<'a, S, V, I>(
    ser: &mut S,
    member: &Member,
    entries: I,
    mut before: impl FnMut(&mut S, &str),
) -> Result<()>
where
    S: ShapeSerializer,
    V: AwsShape + 'a,
    I: IntoIterator<Item = (&'a str, &'a V)>,
{
    let (_, value_member) = member.map_entry()?;
    for (key, value) in entries {
        before(ser, key);
        value
            .serialize(value_member, ser)
            .map_err(|e| e.in_key(key))?;
    }
    Ok(())
}

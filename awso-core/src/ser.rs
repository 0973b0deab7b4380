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
//!
//! ```
//! use awso_core::json::JsonSerializer;
//! use awso_core::{AwsShape, ShapeSerializer, Value, value::ValueSerializer};
//!
//! #[derive(AwsShape)]
//! struct Grant { #[awso(xml_attribute)] id: String, permission: Option<String> }
//!
//! /// Writes a whole value into any format.
//! fn write<S: ShapeSerializer>(ser: &mut S, grant: &Grant) -> awso_core::Result<()> {
//!     grant.serialize(&awso_core::Member::root(Grant::SCHEMA), ser)
//! }
//!
//! let grant = Grant { id: "7".into(), permission: Some("READ".into()) };
//! let mut json = JsonSerializer::new();
//! write(&mut json, &grant)?;
//! assert_eq!(json.finish(), r#"{"id":"7","permission":"READ"}"#);
//! let mut tree = ValueSerializer::new();
//! write(&mut tree, &grant)?;
//! assert_eq!(tree.finish().get("id"), Some(&Value::String("7".into())));
//! assert_eq!(awso_core::xml::to_string(&grant)?, r#"<Grant id="7"><permission>READ</permission></Grant>"#);
//! # Ok::<(), awso_core::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::schema::Member;
use crate::shape::{AwsShape, AwsStruct};
use crate::types::{Document, Timestamp};

/// A format that can write shapes. See the [module documentation](self).
///
/// ```
/// use awso_core::{AwsShape, ShapeSerializer, json::JsonSerializer, schema::Member};
///
/// // What a derived `serialize` does for a list: hand it to the format with its member.
/// let mut ser = JsonSerializer::new();
/// ser.write_list(&Member::root(<Vec<String>>::SCHEMA), &["a".to_string()])?;
/// assert_eq!(ser.finish(), r#"["a"]"#);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub trait ShapeSerializer {
    /// Writes a structure or union (the schema's kind tells which).
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, schema::Member};
    ///
    /// #[derive(AwsShape)]
    /// #[awso(rename_all = "PascalCase")]
    /// struct Tag { key: String, value: Option<String> }
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.write_struct(&Member::root(Tag::SCHEMA), &Tag { key: "env".into(), value: None })?;
    /// assert_eq!(ser.finish(), r#"{"Key":"env"}"#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_struct<T: AwsStruct>(&mut self, member: &Member, value: &T) -> Result<()>;

    /// Writes a list; items are written at the list's item member.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, schema::Member};
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.write_list(&Member::root(<Vec<i32>>::SCHEMA), &[3, 1, 2])?;
    /// assert_eq!(ser.finish(), "[3,1,2]");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_list<'a, T, I>(&mut self, member: &Member, items: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>;

    /// Writes a map; values are written at the map's value member.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, schema::Member};
    ///
    /// let mut ser = JsonSerializer::new();
    /// let member = Member::root(<BTreeMap<String, bool>>::SCHEMA);
    /// ser.write_map(&member, [("a", &true), ("b", &false)])?;
    /// assert_eq!(ser.finish(), r#"{"a":true,"b":false}"#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_map<'a, V, I>(&mut self, member: &Member, entries: I) -> Result<()>
    where
        V: AwsShape + 'a,
        I: IntoIterator<Item = (&'a str, &'a V)>;

    /// Writes a boolean.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, schema::Member};
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.write_boolean(&Member::root(bool::SCHEMA), true)?;
    /// assert_eq!(ser.finish(), "true");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_boolean(&mut self, member: &Member, value: bool) -> Result<()>;

    /// Writes a byte; formats without a byte type write an integer.
    ///
    /// ```
    /// use awso_core::value::ValueSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, Value, schema::Member};
    ///
    /// // The `Value` tree has no byte: the default method writes an integer.
    /// let mut ser = ValueSerializer::new();
    /// ser.write_byte(&Member::root(i8::SCHEMA), -7)?;
    /// assert_eq!(ser.finish(), Value::Integer(-7));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_byte(&mut self, member: &Member, value: i8) -> Result<()> {
        self.write_integer(member, i32::from(value))
    }

    /// Writes a short; formats without a short type write an integer.
    ///
    /// ```
    /// use awso_core::value::ValueSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, Value, schema::Member};
    ///
    /// let mut ser = ValueSerializer::new();
    /// ser.write_short(&Member::root(i16::SCHEMA), 1024)?;
    /// assert_eq!(ser.finish(), Value::Integer(1024));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_short(&mut self, member: &Member, value: i16) -> Result<()> {
        self.write_integer(member, i32::from(value))
    }

    /// Writes an integer (or an intEnum value).
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, schema::Member};
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.write_integer(&Member::root(i32::SCHEMA), -42)?;
    /// assert_eq!(ser.finish(), "-42");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_integer(&mut self, member: &Member, value: i32) -> Result<()>;

    /// Writes a long.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, schema::Member};
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.write_long(&Member::root(i64::SCHEMA), 9_007_199_254_740_993)?;
    /// assert_eq!(ser.finish(), "9007199254740993");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_long(&mut self, member: &Member, value: i64) -> Result<()>;

    /// Writes a float.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, schema::Member};
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.write_float(&Member::root(f32::SCHEMA), 0.5)?;
    /// assert_eq!(ser.finish(), "0.5");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_float(&mut self, member: &Member, value: f32) -> Result<()>;

    /// Writes a double.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, schema::Member};
    ///
    /// // JSON has no NaN: AWS protocols write it as a string.
    /// let mut ser = JsonSerializer::new();
    /// ser.write_double(&Member::root(f64::SCHEMA), f64::NAN)?;
    /// assert_eq!(ser.finish(), r#""NaN""#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_double(&mut self, member: &Member, value: f64) -> Result<()>;

    /// Writes an arbitrary-precision integer given as decimal text.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, BigInteger, ShapeSerializer, schema::Member};
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.write_big_integer(&Member::root(BigInteger::SCHEMA), "123456789012345678901234567890")?;
    /// assert_eq!(ser.finish(), "123456789012345678901234567890");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_big_integer(&mut self, member: &Member, value: &str) -> Result<()>;

    /// Writes an arbitrary-precision decimal given as text.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, BigDecimal, ShapeSerializer, schema::Member};
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.write_big_decimal(&Member::root(BigDecimal::SCHEMA), "0.10000000000000000001")?;
    /// assert_eq!(ser.finish(), "0.10000000000000000001");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_big_decimal(&mut self, member: &Member, value: &str) -> Result<()>;

    /// Writes a string (or an enum value).
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, schema::Member};
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.write_string(&Member::root(String::SCHEMA), "say \"hi\"")?;
    /// assert_eq!(ser.finish(), r#""say \"hi\"""#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_string(&mut self, member: &Member, value: &str) -> Result<()>;

    /// Writes a blob.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, Blob, ShapeSerializer, schema::Member};
    ///
    /// let mut ser = JsonSerializer::new();
    /// ser.write_blob(&Member::root(Blob::SCHEMA), b"hi")?;
    /// assert_eq!(ser.finish(), r#""aGk=""#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_blob(&mut self, member: &Member, value: &[u8]) -> Result<()>;

    /// Writes a timestamp in the member's format or the format's default.
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, SchemaRef, TimestampFormat};
    /// use awso_core::{ShapeSerializer, Timestamp, json::JsonSerializer};
    ///
    /// let at = Timestamp::from_secs(1_573_180_888);
    /// let mut ser = JsonSerializer::new();
    /// ser.write_timestamp(&Member::new("At", 0, SchemaRef::of::<Timestamp>()), &at)?;
    /// assert_eq!(ser.finish(), "1573180888");
    /// let dated = Member::new("At", 0, SchemaRef::of::<Timestamp>())
    ///     .with_traits(MemberTraits::NONE.timestamp_format(TimestampFormat::DateTime));
    /// let mut ser = JsonSerializer::new();
    /// ser.write_timestamp(&dated, &at)?;
    /// assert_eq!(ser.finish(), r#""2019-11-08T02:41:28Z""#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_timestamp(&mut self, member: &Member, value: &Timestamp) -> Result<()>;

    /// Writes a document.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, Document, ShapeSerializer, schema::Member};
    ///
    /// let doc = Document::Array(vec![Document::from("x"), Document::from(true)]);
    /// let mut ser = JsonSerializer::new();
    /// ser.write_document(&Member::root(Document::SCHEMA), &doc)?;
    /// assert_eq!(ser.finish(), r#"["x",true]"#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_document(&mut self, member: &Member, value: &Document) -> Result<()>;

    /// Writes a null: an absent item of a sparse list or value of a sparse map.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, ShapeSerializer, schema::Member};
    ///
    /// // An absent item of a sparse list.
    /// let sparse = Member::root(<Vec<Option<String>>>::SCHEMA);
    /// let mut ser = JsonSerializer::new();
    /// ser.write_null(sparse.list_item()?)?;
    /// assert_eq!(ser.finish(), "null");
    /// assert_eq!(awso_core::json::to_string(&vec![Some("a".to_string()), None])?, r#"["a",null]"#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_null(&mut self, member: &Member) -> Result<()>;
}

/// Receives the members of a structure or union from [`AwsStruct::serialize_members`].
///
/// ```
/// use awso_core::{AwsShape, AwsStruct, MemberSerializer, Result, schema::Member};
///
/// /// Collects the names of the members a value has.
/// struct Present(Vec<&'static str>);
///
/// impl MemberSerializer for Present {
///     fn member<T: AwsShape>(&mut self, member: &'static Member, _: &T) -> Result<()> {
///         self.0.push(member.name());
///         Ok(())
///     }
/// }
///
/// #[derive(AwsShape)]
/// #[awso(rename_all = "PascalCase")]
/// struct Receipt { message_id: String, read_at: Option<i64>, delivered_at: Option<i64> }
///
/// let receipt = Receipt { message_id: "m-1".into(), read_at: None, delivered_at: Some(3) };
/// let mut present = Present(Vec::new());
/// receipt.serialize_members(Receipt::SCHEMA, &mut present)?;
/// assert_eq!(present.0, ["MessageId", "DeliveredAt"]);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub trait MemberSerializer {
    /// Takes one present member.
    ///
    /// ```
    /// use awso_core::{AwsShape, AwsStruct, MemberSerializer, Result, schema::Member};
    ///
    /// /// Writes each member as `name=json`.
    /// struct Lines(String);
    ///
    /// impl MemberSerializer for Lines {
    ///     fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()> {
    ///         let json = awso_core::json::to_string(value)?;
    ///         self.0.push_str(&format!("{}={json}\n", member.name()));
    ///         Ok(())
    ///     }
    /// }
    ///
    /// #[derive(AwsShape)]
    /// struct Size { width: i32, height: i32 }
    ///
    /// let mut lines = Lines(String::new());
    /// Size { width: 3, height: 4 }.serialize_members(Size::SCHEMA, &mut lines)?;
    /// assert_eq!(lines.0, "width=3\nheight=4\n");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()>;

    /// Takes the unknown member of a union, of which only the name was kept. Wire formats
    /// cannot write it (the value is gone); the `Value` tree keeps it as a null member.
    ///
    /// ```
    /// use awso_core::{AwsShape, Value};
    ///
    /// #[derive(AwsShape, Debug, PartialEq)]
    /// enum Content { Text(String), Unknown(String) }
    ///
    /// // A union member this client does not know keeps its name: the Value tree holds it as a
    /// // null member, the wire formats refuse to write it.
    /// let newer: Content = awso_core::json::from_str(r#"{"Video": {"url": "v"}}"#)?;
    /// assert_eq!(newer, Content::Unknown("Video".into()));
    /// assert_eq!(awso_core::to_value(&newer)?.get("Video"), Some(&Value::Null));
    /// assert!(awso_core::json::to_string(&newer).is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
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

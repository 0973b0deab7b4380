//! Writing XML from a schema.

use crate::error::{Error, Result};
use crate::limits::{Depth, Nesting};
use crate::scan::first_of;
use crate::schema::{Member, MemberTraits, TimestampFormat, XmlNamespace};
use crate::ser::{MemberSerializer, ShapeSerializer};
use crate::shape::{AwsShape, AwsStruct};
use crate::text::{TextSerializer, push_float};
use crate::types::{Document, Timestamp, encode_base64};

/// A [`ShapeSerializer`] that writes XML elements into a `String`.
///
/// Each value is written as an element named after the member it sits at (its `xmlName`,
/// else its name); the top-level element takes the name given to
/// [`serialize_root`](Self::serialize_root).
///
/// ```
/// use awso_core::xml::XmlSerializer;
///
/// let mut ser = XmlSerializer::new();
/// ser.serialize_root(&vec!["a<b".to_owned()], "Names")?;
/// assert_eq!(ser.finish(), "<Names><member>a&lt;b</member></Names>");
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug)]
pub struct XmlSerializer {
    out: String,
    depth: Depth,
}

impl Default for XmlSerializer {
    fn default() -> Self {
        Self::new()
    }
}

impl XmlSerializer {
    /// A serializer writing into a new buffer.
    ///
    /// ```
    /// use awso_core::xml::XmlSerializer;
    ///
    /// let mut ser = XmlSerializer::new();
    /// ser.serialize_root(&7_i64, "Size")?;
    /// assert_eq!(ser.finish(), "<Size>7</Size>");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn new() -> Self {
        Self::with_buffer(String::new())
    }

    /// A serializer appending to `out`.
    ///
    /// ```
    /// use awso_core::xml::XmlSerializer;
    ///
    /// let mut ser = XmlSerializer::with_buffer(String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#));
    /// ser.serialize_root(&true, "Enabled")?;
    /// assert_eq!(ser.finish(), r#"<?xml version="1.0" encoding="UTF-8"?><Enabled>true</Enabled>"#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn with_buffer(out: String) -> Self {
        Self {
            out,
            depth: Depth::default(),
        }
    }

    /// Refuses values nested deeper than `max_depth` (default 128).
    ///
    /// ```
    /// use awso_core::xml::XmlSerializer;
    ///
    /// let mut ser = XmlSerializer::new().max_depth(1);
    /// assert!(ser.serialize_root(&vec![vec![1_i32]], "Matrix").is_err());
    /// ```
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.depth.set_max(max_depth);
        self
    }

    /// Writes `value` as the element `root`.
    ///
    /// ```
    /// use awso_core::xml::XmlSerializer;
    ///
    /// let mut ser = XmlSerializer::new();
    /// ser.serialize_root(&awso_core::Blob::from("hi"), "Body")?;
    /// assert_eq!(ser.finish(), "<Body>aGk=</Body>");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn serialize_root<T: AwsShape>(&mut self, value: &T, root: &'static str) -> Result<()> {
        value.serialize(&Member::root(T::SCHEMA).renamed(root), self)
    }

    /// Writes `value` as the element `member` describes (a run-time schema for a
    /// [`Value`](crate::Value), or a renamed [`Member::root`]).
    ///
    /// ```
    /// use awso_core::schema::{Member, SchemaRef};
    /// use awso_core::xml::XmlSerializer;
    ///
    /// let mut ser = XmlSerializer::new();
    /// ser.serialize_at(&"eu-west-1".to_string(), &Member::new("LocationConstraint", 0, SchemaRef::of::<String>()))?;
    /// assert_eq!(ser.finish(), "<LocationConstraint>eu-west-1</LocationConstraint>");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn serialize_at<T: AwsShape>(&mut self, value: &T, member: &Member) -> Result<()> {
        value.serialize(member, self)
    }

    /// The XML written.
    ///
    /// ```
    /// use awso_core::xml::XmlSerializer;
    ///
    /// let mut ser = XmlSerializer::new();
    /// ser.serialize_root(&"a<b".to_string(), "Name")?;
    /// assert_eq!(ser.finish(), "<Name>a&lt;b</Name>");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn finish(self) -> String {
        self.out
    }

    /// `<name xmlns...`, left open for attributes.
    fn open(&mut self, member: &Member) -> Result<()> {
        self.out.push('<');
        self.out.push_str(member.xml_name());
        match member.xml_namespace() {
            Some(ns) => write_namespace(&mut self.out, ns),
            None => Ok(()),
        }
    }

    fn close(&mut self, member: &Member) {
        self.out.push_str("</");
        self.out.push_str(member.xml_name());
        self.out.push('>');
    }

    /// A whole element holding `text` (already in wire form, not yet escaped).
    fn text_element(&mut self, member: &Member, text: &str) -> Result<()> {
        self.open(member)?;
        self.out.push('>');
        escape(&mut self.out, text, false)?;
        self.close(member);
        Ok(())
    }

    fn scalar(&mut self, member: &Member, write: impl FnOnce(&mut String)) -> Result<()> {
        let mut text = String::new();
        write(&mut text);
        self.text_element(member, &text)
    }

    /// Writes each item of a list or entry of a map as `write` says, between the wrapper
    /// element's tags unless the member is flattened.
    fn collection(
        &mut self,
        member: &Member,
        write: impl FnOnce(&mut Self, bool) -> Result<()>,
    ) -> Result<()> {
        let flattened = member.traits().xml_flattened;
        self.nested(|ser| {
            if !flattened {
                ser.open(member)?;
                ser.out.push('>');
            }
            write(ser, flattened)?;
            if !flattened {
                ser.close(member);
            }
            Ok(())
        })
    }
}

impl Nesting for XmlSerializer {
    #[inline]
    fn depth(&mut self) -> &mut Depth {
        &mut self.depth
    }
}

fn write_namespace(out: &mut String, ns: XmlNamespace) -> Result<()> {
    out.push_str(" xmlns");
    if let Some(prefix) = ns.prefix {
        out.push(':');
        out.push_str(prefix);
    }
    out.push_str("=\"");
    // Namespace URIs come from the schema; escaping keeps a stray quote from breaking out,
    // and a character XML cannot carry is an error rather than a cut-off attribute.
    escape(out, ns.uri, true)?;
    out.push('"');
    Ok(())
}

/// The member a flattened collection's items are written at: the items keep their own
/// traits but take the element name and namespace of the structure member holding them.
fn flattened_item(holder: &Member, item: &Member) -> Member {
    let traits = MemberTraits {
        xml_name: Some(holder.xml_name()),
        xml_namespace: holder.traits().xml_namespace,
        ..*item.traits()
    };
    Member::new(item.name(), item.index(), item.target_ref()).with_traits(traits)
}

/// Writes `text` escaped for element content, or for an attribute value in double quotes.
/// Carriage returns (and in attributes, newlines and tabs) become character references, so
/// that parsers' normalisation cannot change them; characters XML 1.0 cannot carry at all
/// are an error.
fn escape(out: &mut String, text: &str, attribute: bool) -> Result<()> {
    let bytes = text.as_bytes();
    let (mut from, mut i) = (0, 0);
    loop {
        // One pass finds what to replace, what to refuse (controls) and what to look at
        // closer (0xEF starts U+FFFE and U+FFFF, which XML cannot carry).
        let found = if attribute {
            first_of(&bytes[i..], [b'&', b'<', b'>', b'"', 0xEF])
        } else {
            first_of(&bytes[i..], [b'&', b'<', b'>', 0xEF])
        };
        let Some(k) = found else { break };
        i += k;
        let replacement = match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\r' => "&#xD;",
            b'\n' if attribute => "&#xA;",
            b'\t' if attribute => "&#x9;",
            b'\t' | b'\n' => {
                i += 1;
                continue;
            }
            0xEF => {
                if let Some([0xBF, low @ (0xBE | 0xBF)]) = bytes.get(i + 1..i + 3) {
                    return Err(Error::unsupported(format!(
                        "the character U+{:04X} cannot be written in XML 1.0",
                        0xFFC0 | u32::from(*low & 0x3F)
                    )));
                }
                i += 1;
                continue;
            }
            b => {
                return Err(Error::unsupported(format!(
                    "the character U+{b:04X} cannot be written in XML 1.0"
                )));
            }
        };
        out.push_str(&text[from..i]);
        out.push_str(replacement);
        i += 1;
        from = i;
    }
    out.push_str(&text[from..]);
    Ok(())
}

/// Writes attribute members into the start tag.
struct Attributes<'a> {
    ser: &'a mut XmlSerializer,
}

impl MemberSerializer for Attributes<'_> {
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()> {
        if !member.traits().xml_attribute {
            return Ok(());
        }
        let mut text = String::new();
        value
            .serialize(
                member,
                &mut TextSerializer {
                    out: &mut text,
                    default_format: TimestampFormat::DateTime,
                },
            )
            .map_err(|e| e.in_member(member.name()))?;
        let out = &mut self.ser.out;
        // A namespaced attribute (`xsi:type`) declares its prefix on the same element.
        if let Some(ns) = member.traits().xml_namespace {
            write_namespace(out, ns).map_err(|e| e.in_member(member.name()))?;
        }
        out.push(' ');
        out.push_str(member.xml_name());
        out.push_str("=\"");
        escape(out, &text, true).map_err(|e| e.in_member(member.name()))?;
        out.push('"');
        Ok(())
    }

    fn unknown_member(&mut self, _: &str) -> Result<()> {
        Ok(())
    }
}

/// Writes element members as children.
struct Children<'a> {
    ser: &'a mut XmlSerializer,
}

impl MemberSerializer for Children<'_> {
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()> {
        if member.traits().xml_attribute {
            return Ok(());
        }
        value
            .serialize(member, self.ser)
            .map_err(|e| e.in_member(member.name()))
    }
}

impl ShapeSerializer for XmlSerializer {
    fn write_struct<T: AwsStruct>(&mut self, member: &Member, value: &T) -> Result<()> {
        self.nested(|ser| {
            ser.open(member)?;
            value.serialize_members(member.target(), &mut Attributes { ser })?;
            ser.out.push('>');
            value.serialize_members(member.target(), &mut Children { ser })?;
            ser.close(member);
            Ok(())
        })
    }

    fn write_list<'a, T, I>(&mut self, member: &Member, items: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>,
    {
        let item = member.list_item()?;
        self.collection(member, |ser, flattened| {
            let flat;
            let item = if flattened {
                flat = flattened_item(member, item);
                &flat
            } else {
                item
            };
            for (i, value) in items.into_iter().enumerate() {
                value.serialize(item, ser).map_err(|e| e.in_item(i))?;
            }
            Ok(())
        })
    }

    fn write_map<'a, V, I>(&mut self, member: &Member, entries: I) -> Result<()>
    where
        V: AwsShape + 'a,
        I: IntoIterator<Item = (&'a str, &'a V)>,
    {
        let (key_member, value_member) = member.map_entry()?;
        self.collection(member, |ser, flattened| {
            for (key, value) in entries {
                if flattened {
                    ser.open(member)?;
                } else {
                    ser.out.push_str("<entry");
                }
                ser.out.push('>');
                ser.text_element(key_member, key)?;
                value
                    .serialize(value_member, ser)
                    .map_err(|e| e.in_key(key))?;
                if flattened {
                    ser.close(member);
                } else {
                    ser.out.push_str("</entry>");
                }
            }
            Ok(())
        })
    }

    fn write_boolean(&mut self, member: &Member, value: bool) -> Result<()> {
        self.text_element(member, if value { "true" } else { "false" })
    }

    fn write_integer(&mut self, member: &Member, value: i32) -> Result<()> {
        self.text_element(member, itoa::Buffer::new().format(value))
    }

    fn write_long(&mut self, member: &Member, value: i64) -> Result<()> {
        self.text_element(member, itoa::Buffer::new().format(value))
    }

    fn write_float(&mut self, member: &Member, value: f32) -> Result<()> {
        self.scalar(member, |out| {
            push_float(out, value, value.is_finite(), value.is_nan());
        })
    }

    fn write_double(&mut self, member: &Member, value: f64) -> Result<()> {
        self.scalar(member, |out| {
            push_float(out, value, value.is_finite(), value.is_nan());
        })
    }

    fn write_big_integer(&mut self, member: &Member, value: &str) -> Result<()> {
        self.text_element(member, value)
    }

    fn write_big_decimal(&mut self, member: &Member, value: &str) -> Result<()> {
        self.text_element(member, value)
    }

    fn write_string(&mut self, member: &Member, value: &str) -> Result<()> {
        self.text_element(member, value)
    }

    fn write_blob(&mut self, member: &Member, value: &[u8]) -> Result<()> {
        self.text_element(member, &encode_base64(value))
    }

    fn write_timestamp(&mut self, member: &Member, value: &Timestamp) -> Result<()> {
        let format = member
            .timestamp_format()
            .unwrap_or(TimestampFormat::DateTime);
        self.text_element(member, &value.format(format)?)
    }

    fn write_document(&mut self, _: &Member, _: &Document) -> Result<()> {
        Err(Error::unsupported("documents cannot be written in XML"))
    }

    fn write_null(&mut self, _: &Member) -> Result<()> {
        Err(Error::unsupported(
            "XML cannot carry a null item of a sparse list or map",
        ))
    }
}

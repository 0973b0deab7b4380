//! Writing query pairs from a schema.

use super::{QueryFlavor, percent_encode};
use crate::error::{Error, Result};
use crate::limits::{Depth, Nesting};
use crate::schema::{Member, TimestampFormat};
use crate::ser::{MemberSerializer, ShapeSerializer};
use crate::shape::{AwsShape, AwsStruct};
use crate::text::{TextSerializer, push_float};
use crate::types::{Document, Timestamp, encode_base64};

/// A [`ShapeSerializer`] that writes `key=value` pairs joined by `&`.
///
/// ```
/// use awso_core::query::{QueryFlavor, QuerySerializer};
///
/// let mut ser = QuerySerializer::new(QueryFlavor::AwsQuery);
/// ser.pair("Action", "ListQueues");
/// ser.pair("Version", "2012-11-05");
/// assert_eq!(ser.finish(), "Action=ListQueues&Version=2012-11-05");
/// ```
#[derive(Debug)]
pub struct QuerySerializer {
    out: String,
    key: String,
    flavor: QueryFlavor,
    depth: Depth,
}

impl QuerySerializer {
    /// A serializer for `flavor`, writing into a new buffer.
    ///
    /// ```
    /// use awso_core::query::{QueryFlavor, QuerySerializer};
    /// use awso_core::{AwsShape, schema::Member};
    ///
    /// #[derive(AwsShape)]
    /// struct StopInstances { #[awso(rename = "dryRun")] dry_run: Option<bool> }
    ///
    /// let mut ser = QuerySerializer::new(QueryFlavor::Ec2Query);
    /// let input = StopInstances { dry_run: Some(true) };
    /// input.serialize(&Member::root(StopInstances::SCHEMA), &mut ser)?;
    /// assert_eq!(ser.finish(), "DryRun=true");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn new(flavor: QueryFlavor) -> Self {
        Self {
            out: String::new(),
            key: String::new(),
            flavor,
            depth: Depth::default(),
        }
    }

    /// Refuses values nested deeper than `max_depth` (default 128).
    ///
    /// ```
    /// use awso_core::query::{QueryFlavor, QuerySerializer};
    /// use awso_core::{AwsShape, schema::Member};
    ///
    /// let mut ser = QuerySerializer::new(QueryFlavor::AwsQuery).max_depth(1);
    /// let nested = vec![vec![1_i32]];
    /// assert!(nested.serialize(&Member::root(<Vec<Vec<i32>>>::SCHEMA), &mut ser).is_err());
    /// ```
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.depth.set_max(max_depth);
        self
    }

    /// Appends one pair, percent-encoding both sides.
    ///
    /// ```
    /// use awso_core::query::{QueryFlavor, QuerySerializer};
    ///
    /// let mut ser = QuerySerializer::new(QueryFlavor::AwsQuery);
    /// ser.pair("Action", "SendMessage");
    /// ser.pair("MessageBody", "a&b");
    /// assert_eq!(ser.finish(), "Action=SendMessage&MessageBody=a%26b");
    /// ```
    pub fn pair(&mut self, key: &str, value: &str) {
        if !self.out.is_empty() {
            self.out.push('&');
        }
        percent_encode(&mut self.out, key);
        self.out.push('=');
        percent_encode(&mut self.out, value);
    }

    /// The form text written.
    ///
    /// ```
    /// use awso_core::query::{QueryFlavor, QuerySerializer};
    ///
    /// let ser = QuerySerializer::new(QueryFlavor::AwsQuery);
    /// assert_eq!(ser.finish(), "");
    /// ```
    pub fn finish(self) -> String {
        self.out
    }

    #[allow(clippy::unnecessary_wraps, reason = "every write method ends with it")]
    fn value(&mut self, text: &str) -> Result<()> {
        let key = std::mem::take(&mut self.key);
        self.pair(&key, text);
        self.key = key;
        Ok(())
    }

    /// Runs `write` with `segment` appended to the current key.
    fn keyed(&mut self, segment: &str, write: impl FnOnce(&mut Self) -> Result<()>) -> Result<()> {
        let len = self.key.len();
        if len > 0 {
            self.key.push('.');
        }
        self.key.push_str(segment);
        let result = write(self);
        self.key.truncate(len);
        result
    }

    /// The key segment of a structure member.
    fn member_name(&self, member: &Member) -> String {
        match self.flavor {
            QueryFlavor::AwsQuery => member.xml_name().to_owned(),
            QueryFlavor::Ec2Query => match member.traits().ec2_query_name {
                Some(name) => name.to_owned(),
                None => capitalize(member.xml_name()),
            },
        }
    }
}

fn capitalize(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

impl Nesting for QuerySerializer {
    #[inline]
    fn depth(&mut self) -> &mut Depth {
        &mut self.depth
    }
}

struct Members<'a> {
    ser: &'a mut QuerySerializer,
}

impl MemberSerializer for Members<'_> {
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()> {
        let name = self.ser.member_name(member);
        self.ser
            .keyed(&name, |ser| value.serialize(member, ser))
            .map_err(|e| e.in_member(member.name()))
    }
}

impl ShapeSerializer for QuerySerializer {
    fn write_struct<T: AwsStruct>(&mut self, member: &Member, value: &T) -> Result<()> {
        self.nested(|ser| value.serialize_members(member.target(), &mut Members { ser }))
    }

    fn write_list<'a, T, I>(&mut self, member: &Member, items: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>,
    {
        let item = member.list_item()?;
        let flattened = self.flavor == QueryFlavor::Ec2Query || member.traits().xml_flattened;
        let count = self.nested(|ser| {
            let mut count = 0;
            for (i, value) in items.into_iter().enumerate() {
                count += 1;
                let index = itoa::Buffer::new().format(i + 1).to_owned();
                let write = |ser: &mut Self| ser.keyed(&index, |ser| value.serialize(item, ser));
                if flattened {
                    write(ser)
                } else {
                    ser.keyed(item.xml_name(), write)
                }
                .map_err(|e| e.in_item(i))?;
            }
            Ok(count)
        })?;
        if count == 0 && self.flavor == QueryFlavor::AwsQuery {
            // An empty list is sent as the bare key, so the service sees it was set.
            self.value("")?;
        }
        Ok(())
    }

    fn write_map<'a, V, I>(&mut self, member: &Member, entries: I) -> Result<()>
    where
        V: AwsShape + 'a,
        I: IntoIterator<Item = (&'a str, &'a V)>,
    {
        let (key_member, value_member) = member.map_entry()?;
        let flattened = member.traits().xml_flattened;
        self.nested(|ser| {
            for (i, (key, value)) in entries.into_iter().enumerate() {
                let index = itoa::Buffer::new().format(i + 1).to_owned();
                let write = |ser: &mut Self| {
                    ser.keyed(&index, |ser| {
                        ser.keyed(key_member.xml_name(), |ser| ser.value(key))?;
                        ser.keyed(value_member.xml_name(), |ser| {
                            value.serialize(value_member, ser)
                        })
                    })
                };
                if flattened {
                    write(ser)
                } else {
                    ser.keyed("entry", write)
                }
                .map_err(|e| e.in_key(key))?;
            }
            Ok(())
        })
    }

    fn write_boolean(&mut self, _: &Member, value: bool) -> Result<()> {
        self.value(if value { "true" } else { "false" })
    }

    fn write_integer(&mut self, _: &Member, value: i32) -> Result<()> {
        self.value(itoa::Buffer::new().format(value))
    }

    fn write_long(&mut self, _: &Member, value: i64) -> Result<()> {
        self.value(itoa::Buffer::new().format(value))
    }

    fn write_float(&mut self, _: &Member, value: f32) -> Result<()> {
        let mut text = String::new();
        push_float(&mut text, value, value.is_finite(), value.is_nan());
        self.value(&text)
    }

    fn write_double(&mut self, _: &Member, value: f64) -> Result<()> {
        let mut text = String::new();
        push_float(&mut text, value, value.is_finite(), value.is_nan());
        self.value(&text)
    }

    fn write_big_integer(&mut self, _: &Member, value: &str) -> Result<()> {
        self.value(value)
    }

    fn write_big_decimal(&mut self, _: &Member, value: &str) -> Result<()> {
        self.value(value)
    }

    fn write_string(&mut self, _: &Member, value: &str) -> Result<()> {
        self.value(value)
    }

    fn write_blob(&mut self, _: &Member, value: &[u8]) -> Result<()> {
        self.value(&encode_base64(value))
    }

    fn write_timestamp(&mut self, member: &Member, value: &Timestamp) -> Result<()> {
        let mut text = String::new();
        TextSerializer {
            out: &mut text,
            default_format: TimestampFormat::DateTime,
        }
        .write_timestamp(member, value)?;
        self.value(&text)
    }

    fn write_document(&mut self, _: &Member, _: &Document) -> Result<()> {
        Err(Error::unsupported("documents cannot be written in a query"))
    }

    fn write_null(&mut self, _: &Member) -> Result<()> {
        Err(Error::unsupported("a query cannot carry a null"))
    }
}

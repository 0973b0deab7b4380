//! Reading JSON against a schema: members matched by name (in model order first: services
//! send members in that order, so the expected name is usually the next one), values read
//! as the member's shape says. The bytes themselves are [`read`](super::read)'s business.

use super::read::{Reader, Text};
use crate::de::ShapeDeserializer;
use crate::error::{Error, Result};
use crate::limits::{Depth, Nesting};
use crate::schema::{Member, ShapeKind, TimestampFormat};
use crate::shape::StructBuilder;
use crate::types::{Document, Timestamp, decode_base64};

/// A [`ShapeDeserializer`] over JSON text.
///
/// ```
/// use awso_core::json::JsonDeserializer;
/// use awso_core::ShapeDeserializer as _;
///
/// let mut de = JsonDeserializer::from_slice(b"[1, 2, 3]")?.max_depth(4);
/// let numbers: Vec<i64> = de.deserialize()?;
/// de.end()?;
/// assert_eq!(numbers, [1, 2, 3]);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub struct JsonDeserializer<'a> {
    read: Reader<'a>,
    json_names: bool,
}

impl<'a> JsonDeserializer<'a> {
    /// A reader over `text`.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    ///
    /// let mut de = JsonDeserializer::new(" [\"a\"] ");
    /// assert_eq!(de.deserialize::<Vec<String>>()?, ["a"]);
    /// de.end()?;
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn new(text: &'a str) -> Self {
        Self {
            read: Reader::new(text),
            json_names: true,
        }
    }

    /// A reader over `bytes`, which must be UTF-8 (checked once, here).
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    ///
    /// assert_eq!(JsonDeserializer::from_slice(b"true")?.deserialize::<bool>()?, true);
    /// assert!(JsonDeserializer::from_slice(b"\"\xc3\"").is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn from_slice(bytes: &'a [u8]) -> Result<Self> {
        crate::utf8::text(bytes).map(Self::new)
    }

    /// Refuses input nested deeper than `max_depth` (default 128).
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    ///
    /// let err = JsonDeserializer::new("[[[]]]").max_depth(2).deserialize::<awso_core::Document>().unwrap_err();
    /// assert_eq!(err.category(), awso_core::error::Category::Limit);
    /// ```
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.read.depth.set_max(max_depth);
        self
    }

    /// Matches keys against member names, ignoring `@jsonName`: `awsJson1_0` and `awsJson1_1` do.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    ///
    /// #[derive(awso_core::AwsShape, Debug, PartialEq)]
    /// struct Item { #[awso(rename = "ItemId", json_name = "id")] item_id: Option<String> }
    ///
    /// let text = r#"{"ItemId": "i-1"}"#;
    /// assert_eq!(JsonDeserializer::new(text).deserialize::<Item>()?.item_id, None);
    /// assert_eq!(JsonDeserializer::new(text).ignore_json_names().deserialize::<Item>()?.item_id, Some("i-1".into()));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub fn ignore_json_names(mut self) -> Self {
        self.json_names = false;
        self
    }

    /// Reads one `T` (with its own schema).
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    ///
    /// let mut de = JsonDeserializer::new("[1.5, 2]");
    /// assert_eq!(de.deserialize::<Vec<f64>>()?, [1.5, 2.0]);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn deserialize<T: crate::AwsShape>(&mut self) -> Result<T> {
        self.deserialize_at(&Member::root(T::SCHEMA))
    }

    /// Reads one `T` at `member` (a run-time schema for a [`Value`](crate::Value)).
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::schema::{Member, Schema, SchemaRef};
    /// use awso_core::Value;
    ///
    /// static PAIR: Schema = Schema::structure("Pair", &[Member::new("Left", 0, SchemaRef::of::<i32>())]);
    /// let value: Value = JsonDeserializer::new(r#"{"Left": 1}"#).deserialize_at(&Member::root(&PAIR))?;
    /// assert_eq!(value.get("Left"), Some(&Value::Integer(1)));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn deserialize_at<T: crate::AwsShape>(&mut self, member: &Member) -> Result<T> {
        T::deserialize(member, self).map_err(|e| self.read.locate(e))
    }

    /// Checks that only whitespace follows.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    ///
    /// let mut de = JsonDeserializer::new("1 2");
    /// assert_eq!(de.deserialize::<i32>()?, 1);
    /// assert!(de.end().is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn end(&mut self) -> Result<()> {
        self.read.skip_ws();
        if self.read.pos < self.read.text.len() {
            return Err(self
                .read
                .error(Error::syntax("trailing characters after the JSON value")));
        }
        Ok(())
    }

    fn wire_name(&self, member: &Member) -> &'static str {
        if self.json_names {
            member.json_name()
        } else {
            member.name()
        }
    }

    /// Consumes the key `"Name"` of `member` when it comes next, written plainly: services
    /// send members in model order, so this usually saves scanning and looking up the key.
    fn expected_key(&mut self, member: Option<&'static Member>) -> Option<&'static Member> {
        let member = member?;
        let name = self.wire_name(member).as_bytes();
        let bytes = self.read.bytes();
        let at = self.read.pos;
        // The closing quote is tested before the name: it turns away most other members
        // (their names differ in length) without a `memcmp` call.
        let matches = bytes.get(at) == Some(&b'"')
            && bytes.get(at + 1 + name.len()) == Some(&b'"')
            && bytes.get(at + 1..at + 1 + name.len()) == Some(name);
        if matches {
            self.read.pos = at + name.len() + 2;
            Some(member)
        } else {
            None
        }
    }

    /// The member whose wire name is `key`, trying the expected one first.
    fn find_member(
        &self,
        members: &'static [Member],
        expected: usize,
        key: &str,
    ) -> Option<&'static Member> {
        if let Some(m) = members.get(expected) {
            if self.wire_name(m) == key {
                return Some(m);
            }
        }
        members.iter().find(|m| self.wire_name(m) == key)
    }

    /// The members of an object whose `{` has been read, handed to `builder`.
    #[inline]
    fn object_members<B: StructBuilder>(&mut self, member: &Member, builder: &mut B) -> Result<()> {
        let schema = member.target();
        let members = schema.members();
        let mut expected = 0;
        let mut seen = crate::de::Seen::default();
        if !self.read.eat(b'}') {
            loop {
                self.read.skip_ws();
                let key_at = self.read.pos;
                // Services write members in model order, some left out: the key is most
                // likely the expected member's or one soon after, matched on the raw bytes.
                let upcoming = members.get(expected..).unwrap_or_default();
                let found = match upcoming.iter().find_map(|m| self.expected_key(Some(m))) {
                    Some(m) => Some(m),
                    None => {
                        let key = self.read.string_span()?;
                        let key = self.read.resolve(key);
                        let found = self.find_member(members, expected, key);
                        if found.is_none()
                            && !(schema.kind() == ShapeKind::Union && key == "__type")
                        {
                            builder.unknown_member(key)?;
                        }
                        found
                    }
                };
                let found = found.filter(|m| builder.accepts(m));
                if !self.read.eat(b':') {
                    return Err(self
                        .read
                        .error(Error::syntax("expected `:` after an object key")));
                }
                match found {
                    Some(m) => {
                        if !seen.mark(m.index()) {
                            return Err(self
                                .read
                                .error_at(key_at, Error::duplicate_member(m.name())));
                        }
                        expected = m.index() + 1;
                        // A null member is an absent one, except that a document can be null.
                        let absent = self.read.peek() == Some(b'n')
                            && m.target().kind() != ShapeKind::Document
                            && self.read.eat_literal("null");
                        if !absent {
                            builder
                                .read_member(m, self)
                                .map_err(|e| self.read.locate(e).in_member(m.name()))?;
                        }
                    }
                    None => self.read.skip_value()?,
                }
                if !self.read.more(b'}', "an object")? {
                    break;
                }
            }
        }
        Ok(())
    }
}

impl Nesting for JsonDeserializer<'_> {
    #[inline]
    fn depth(&mut self) -> &mut Depth {
        &mut self.read.depth
    }

    fn locate_limit(&self, err: Error) -> Error {
        self.read.locate(err)
    }
}

impl ShapeDeserializer for JsonDeserializer<'_> {
    fn read_struct<B: StructBuilder>(&mut self, member: &Member, builder: &mut B) -> Result<()> {
        if !self.read.eat(b'{') {
            return Err(self.read.expected("an object"));
        }
        self.nested(|de| de.object_members(member, builder))
    }

    fn read_list<F>(&mut self, _: &Member, mut on_item: F) -> Result<()>
    where
        F: FnMut(&mut Self) -> Result<()>,
    {
        if !self.read.eat(b'[') {
            return Err(self.read.expected("an array"));
        }
        self.nested(|de| {
            if !de.read.eat(b']') {
                let mut i = 0;
                loop {
                    on_item(de).map_err(|e| de.read.locate(e).in_item(i))?;
                    i += 1;
                    if !de.read.more(b']', "an array")? {
                        break;
                    }
                }
            }
            Ok(())
        })
    }

    fn read_map<F>(&mut self, _: &Member, mut on_entry: F) -> Result<()>
    where
        F: FnMut(&mut Self, &str) -> Result<()>,
    {
        if !self.read.eat(b'{') {
            return Err(self.read.expected("an object"));
        }
        self.nested(|de| {
            // A key without escapes is lent from the input itself, which outlives `de`; only
            // one with escapes is copied out of the scratch buffer the value may reuse.
            let input = de.read.text;
            let mut unescaped = String::new();
            if !de.read.eat(b'}') {
                loop {
                    let key = match de.read.string_span()? {
                        Text::Input(start, end) => &input[start..end],
                        Text::Scratch => {
                            unescaped.clear();
                            unescaped.push_str(de.read.resolve(Text::Scratch));
                            unescaped.as_str()
                        }
                    };
                    if !de.read.eat(b':') {
                        return Err(de
                            .read
                            .error(Error::syntax("expected `:` after an object key")));
                    }
                    on_entry(de, key).map_err(|e| de.read.locate(e).in_key(key))?;
                    if !de.read.more(b'}', "an object")? {
                        break;
                    }
                }
            }
            Ok(())
        })
    }
    fn read_null(&mut self) -> Result<bool> {
        Ok(self.read.eat_literal("null"))
    }

    fn read_boolean(&mut self, _: &Member) -> Result<bool> {
        self.read.boolean()
    }

    fn read_byte(&mut self, _: &Member) -> Result<i8> {
        self.read.narrow("a byte")
    }

    fn read_short(&mut self, _: &Member) -> Result<i16> {
        self.read.narrow("a short")
    }

    fn read_integer(&mut self, _: &Member) -> Result<i32> {
        self.read.narrow("an integer")
    }

    fn read_long(&mut self, _: &Member) -> Result<i64> {
        self.read.integer("an integer")
    }

    fn read_float(&mut self, _: &Member) -> Result<f32> {
        self.read.float("a float")
    }

    fn read_double(&mut self, _: &Member) -> Result<f64> {
        self.read.float("a double")
    }

    fn read_big_integer(&mut self, _: &Member) -> Result<String> {
        let start = self.read.pos;
        let token = self.read.number_token("a big integer")?;
        if token.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
            return Err(self.read.error_at(
                start,
                Error::expected("a big integer", format!("the number {token}")),
            ));
        }
        Ok(token.to_owned())
    }

    fn read_big_decimal(&mut self, _: &Member) -> Result<String> {
        Ok(self.read.number_token("a big decimal")?.to_owned())
    }

    fn read_string(&mut self, _: &Member) -> Result<String> {
        self.read.string().map(str::to_owned)
    }

    fn read_str<R, F>(&mut self, _: &Member, f: F) -> Result<R>
    where
        F: FnOnce(&str) -> Result<R>,
    {
        self.read.skip_ws();
        let start = self.read.pos;
        let text = self.read.string()?;
        match f(text) {
            Ok(r) => Ok(r),
            Err(e) => Err(self.read.error_at(start, e)),
        }
    }

    fn read_blob(&mut self, _: &Member) -> Result<Vec<u8>> {
        self.read.skip_ws();
        let start = self.read.pos;
        let text = self.read.string()?;
        decode_base64(text).map_err(|e| self.read.error_at(start, e))
    }

    fn read_timestamp(&mut self, member: &Member) -> Result<Timestamp> {
        self.read.skip_ws();
        let start = self.read.pos;
        let format = member
            .timestamp_format()
            .unwrap_or(TimestampFormat::EpochSeconds);
        let parsed = match (format, self.read.peek()) {
            (TimestampFormat::EpochSeconds, Some(b'-' | b'0'..=b'9')) => {
                let token = self.read.number_token("a timestamp")?;
                Timestamp::parse(token, format)
            }
            (TimestampFormat::EpochSeconds, _) => {
                return Err(self.read.expected("epoch seconds (a number)"));
            }
            (_, Some(b'"')) => {
                let text = self.read.string()?;
                Timestamp::parse(text, format)
            }
            _ => return Err(self.read.expected("a timestamp string")),
        };
        parsed.map_err(|e| self.read.error_at(start, e))
    }

    fn read_document(&mut self, _: &Member) -> Result<Document> {
        self.read.document()
    }
}

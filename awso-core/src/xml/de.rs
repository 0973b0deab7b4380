//! Reading XML against a schema, on the borrowing tokenizer of [`lexer`](super::lexer).
//!
//! The deserializer "stands at" an element: its start tag has been read and kept (for its
//! attributes), its content and end tag have not. Reading a value consumes the element through
//! its end tag. Structures match child elements to members by `xmlName` (or name), with or
//! without a namespace prefix; unknown children are skipped whole.

use std::borrow::Cow;

use super::lexer::{Lexer, StartTag, Token, attribute_value, names_match};
use crate::de::{Seen, ShapeDeserializer};
use crate::error::{Error, Result};
use crate::limits::{Depth, Nesting};
use crate::partial::read_methods;
use crate::schema::{Member, TimestampFormat};
use crate::shape::StructBuilder;
use crate::text::TextDeserializer;
use crate::types::Document;

/// A [`ShapeDeserializer`] over XML text.
///
/// No DTD is read (a `<!DOCTYPE` is an error) and no entity is expanded beyond the five
/// predefined ones and character references, so external entities and entity bombs cannot
/// apply.
///
/// ```
/// use awso_core::xml::XmlDeserializer;
///
/// let mut de = XmlDeserializer::new("<Sizes><member>1</member><member>2</member></Sizes>")?;
/// let sizes: Vec<i64> = de.deserialize()?;
/// de.end()?;
/// assert_eq!(sizes, [1, 2]);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub struct XmlDeserializer<'a> {
    lexer: Lexer<'a>,
    depth: Depth,
    /// The start tag of the element the deserializer stands at.
    current: Option<StartTag<'a>>,
    /// The value of the attribute the deserializer stands at, instead of an element.
    attribute: Option<Cow<'a, str>>,
    /// Where the text last read by [`text`](Self::text) starts: data errors point there.
    text_offset: usize,
}

impl<'a> XmlDeserializer<'a> {
    /// A reader over `text`, standing at its root element.
    ///
    /// ```
    /// use awso_core::xml::XmlDeserializer;
    ///
    /// let mut de = XmlDeserializer::new("<?xml version=\"1.0\"?><Count>3</Count>")?;
    /// assert_eq!(de.deserialize::<i32>()?, 3);
    /// assert!(XmlDeserializer::new("not xml").is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn new(text: &'a str) -> Result<Self> {
        let mut de = Self {
            lexer: Lexer::new(text),
            depth: Depth::default(),
            current: None,
            attribute: None,
            text_offset: 0,
        };
        de.find_root()?;
        Ok(de)
    }

    /// A reader over `bytes`, which must be UTF-8.
    ///
    /// ```
    /// use awso_core::xml::XmlDeserializer;
    ///
    /// let mut de = XmlDeserializer::from_slice(b"<Name>caf\xc3\xa9</Name>")?;
    /// assert_eq!(de.deserialize::<String>()?, "café");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn from_slice(bytes: &'a [u8]) -> Result<Self> {
        Self::new(crate::utf8::text(bytes)?)
    }

    /// Refuses input nested deeper than `max_depth` (default 128).
    ///
    /// ```
    /// use awso_core::xml::XmlDeserializer;
    ///
    /// let nested = "<L><member><member>1</member></member></L>";
    /// let err = XmlDeserializer::new(nested)?.max_depth(1).deserialize::<Vec<Vec<i32>>>().unwrap_err();
    /// assert_eq!(err.category(), awso_core::error::Category::Limit);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.depth.set_max(max_depth);
        self
    }

    /// The name of the element the reader stands at.
    ///
    /// ```
    /// use awso_core::xml::XmlDeserializer;
    ///
    /// let de = XmlDeserializer::new("<ErrorResponse><Error/></ErrorResponse>")?;
    /// assert_eq!(de.element_name(), Some("ErrorResponse"));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn element_name(&self) -> Option<&str> {
        self.current.as_ref().map(|start| start.name)
    }

    /// Moves into the child element `name` of the element the reader stands at, skipping
    /// the children before it: how protocols reach a result inside its envelope
    /// (`<OperationResponse><OperationResult>`). Returns `false`, having consumed the element,
    /// when there is no such child.
    ///
    /// ```
    /// use awso_core::xml::XmlDeserializer;
    ///
    /// let body = "<GetQueueUrlResponse><GetQueueUrlResult><QueueUrl>https://q</QueueUrl></GetQueueUrlResult></GetQueueUrlResponse>";
    /// let mut de = XmlDeserializer::new(body)?;
    /// assert!(de.enter_child("GetQueueUrlResult")?);
    /// assert!(de.enter_child("QueueUrl")?);
    /// assert_eq!(de.deserialize::<String>()?, "https://q");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn enter_child(&mut self, name: &str) -> Result<bool> {
        self.take_current()?;
        loop {
            match self.next_event()? {
                Token::Start(start) if start.is(name) => {
                    self.current = Some(start);
                    return Ok(true);
                }
                Token::Start(_) => self.skip_element()?,
                Token::End => return Ok(false),
                // A truncated document: without this arm the loop would spin forever.
                Token::Eof => return Err(self.locate(Error::eof("an element"))),
                Token::Text(_) => {}
            }
        }
    }

    /// Reads one `T` (with its own schema) from the element the reader stands at.
    ///
    /// ```
    /// use awso_core::xml::XmlDeserializer;
    ///
    /// #[derive(awso_core::AwsShape, Debug, PartialEq)]
    /// struct Grant { #[awso(xml_attribute)] id: String }
    ///
    /// assert_eq!(XmlDeserializer::new(r#"<Grant id="7"/>"#)?.deserialize::<Grant>()?, Grant { id: "7".into() });
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn deserialize<T: crate::AwsShape>(&mut self) -> Result<T> {
        self.deserialize_at(&Member::root(T::SCHEMA))
    }

    /// Reads one `T` at `member` (a run-time schema for a [`Value`](crate::Value)).
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, SchemaRef};
    /// use awso_core::xml::XmlDeserializer;
    ///
    /// // Items named `Item` instead of `member`, as a list member's `xmlName` says.
    /// static ITEM: Member = Member::new("member", 0, SchemaRef::of::<String>()).with_traits(MemberTraits::NONE.xml_name("Item"));
    /// static NAMES: awso_core::Schema = awso_core::Schema::list("Names", &ITEM);
    /// let names: awso_core::Value = XmlDeserializer::new("<Names><Item>a</Item></Names>")?.deserialize_at(&Member::root(&NAMES))?;
    /// assert_eq!(names, awso_core::Value::List(vec![awso_core::Value::String("a".into())]));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn deserialize_at<T: crate::AwsShape>(&mut self, member: &Member) -> Result<T> {
        T::deserialize(member, self).map_err(|e| self.locate(e))
    }

    /// Checks that nothing but whitespace, comments and processing instructions follows.
    ///
    /// ```
    /// use awso_core::xml::XmlDeserializer;
    ///
    /// let mut de = XmlDeserializer::new("<A>1</A><!-- done -->")?;
    /// assert_eq!(de.deserialize::<i32>()?, 1);
    /// de.end()?;
    /// let mut two_roots = XmlDeserializer::new("<A>1</A><B/>")?;
    /// two_roots.deserialize::<i32>()?;
    /// assert!(two_roots.end().is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn end(&mut self) -> Result<()> {
        loop {
            match self.next_event()? {
                Token::Eof => return Ok(()),
                Token::Text(t) if t.is_blank() => {}
                _ => return Err(self.locate(Error::syntax("content after the root element"))),
            }
        }
    }

    fn locate(&self, err: Error) -> Error {
        err.at(self.lexer.position(self.lexer.offset()))
    }

    /// The next token; the lexer checks each wherever it appears (also inside skipped
    /// elements and between members).
    fn next_event(&mut self) -> Result<Token<'a>> {
        self.lexer.next_token()
    }

    fn find_root(&mut self) -> Result<()> {
        loop {
            match self.next_event()? {
                Token::Start(start) => {
                    self.current = Some(start);
                    return Ok(());
                }
                Token::Text(t) if t.is_blank() => {}
                Token::Eof => return Err(self.locate(Error::eof("the root element"))),
                _ => return Err(self.locate(Error::syntax("content before the root element"))),
            }
        }
    }

    fn take_current(&mut self) -> Result<StartTag<'a>> {
        self.current
            .take()
            .ok_or_else(|| self.locate(Error::custom("no element to read a value from")))
    }

    /// Skips the rest of the element whose start tag was just read, counting its nesting.
    fn skip_element(&mut self) -> Result<()> {
        let mut open = 1usize;
        while open > 0 {
            match self.next_event()? {
                Token::Start(_) => {
                    open += 1;
                    self.depth.check_within(open).map_err(|e| self.locate(e))?;
                }
                Token::End => open -= 1,
                Token::Eof => return Err(self.locate(Error::eof("an element"))),
                Token::Text(_) => {}
            }
        }
        Ok(())
    }

    /// The text content of the element the reader stands at (or the attribute value),
    /// borrowed from the input when it is one piece without references.
    fn text(&mut self) -> Result<Cow<'a, str>> {
        if let Some(value) = self.attribute.take() {
            return Ok(value);
        }
        self.take_current()?;
        if let Some(text) = self.lexer.text_then_end()? {
            self.text_offset = text.offset;
            return Ok(text.content());
        }
        self.text_offset = self.lexer.offset();
        let mut text: Cow<'a, str> = Cow::Borrowed("");
        loop {
            match self.next_event()? {
                Token::Text(t) => {
                    if text.is_empty() {
                        self.text_offset = t.offset;
                    }
                    append(&mut text, t.content());
                }
                Token::End => return Ok(text),
                Token::Start(start) => {
                    return Err(self.locate(Error::expected(
                        "text",
                        format!("the element <{}>", start.name),
                    )));
                }
                Token::Eof => return Err(self.locate(Error::eof("an element's text"))),
            }
        }
    }

    /// Points a data error about the text just read at where that text starts.
    fn locate_text(&self, err: Error) -> Error {
        err.at(self.lexer.position(self.text_offset))
    }

    /// Reads the text and parses it as a scalar of `member`, with the XML timestamp default.
    fn scalar<T>(
        &mut self,
        member: &Member,
        read: impl FnOnce(&mut TextDeserializer<'_>, &Member) -> Result<T>,
    ) -> Result<T> {
        let text = self.text()?;
        let mut de = TextDeserializer {
            // Pretty-printed documents may pad numbers, booleans and dates with whitespace.
            text: text.trim_ascii(),
            default_format: TimestampFormat::DateTime,
        };
        read(&mut de, member).map_err(|e| self.locate_text(e))
    }

    /// Reads the map entry the reader stands at: a key element, then a value element.
    fn entry<F>(
        &mut self,
        key_member: &Member,
        value_member: &Member,
        on_entry: &mut F,
    ) -> Result<()>
    where
        F: FnMut(&mut Self, &str) -> Result<()>,
    {
        self.take_current()?;
        let mut key: Option<String> = None;
        let mut has_value = false;
        loop {
            match self.next_event()? {
                Token::Start(start) if start.is(key_member.xml_name()) => {
                    self.current = Some(start);
                    key = Some(self.text()?.into_owned());
                }
                Token::Start(start) if start.is(value_member.xml_name()) => {
                    let Some(key) = &key else {
                        return Err(self.locate(Error::invalid(
                            "map entry",
                            "the value comes before the key",
                        )));
                    };
                    self.current = Some(start);
                    on_entry(self, key).map_err(|e| self.locate(e).in_key(key))?;
                    has_value = true;
                }
                Token::Start(_) => self.skip_element()?,
                Token::End => break,
                Token::Eof => return Err(self.locate(Error::eof("a map entry"))),
                Token::Text(_) => {}
            }
        }
        match (key, has_value) {
            (Some(_), true) => Ok(()),
            (None, _) => Err(self.locate(Error::invalid("map entry", "it has no key"))),
            (Some(key), false) => Err(self
                .locate(Error::invalid("map entry", "it has no value"))
                .in_key(&key)),
        }
    }

    fn read_attributes<B: StructBuilder>(
        &mut self,
        start: StartTag<'a>,
        member: &Member,
        builder: &mut B,
    ) -> Result<()> {
        let schema = member.target();
        for (key, raw) in start.attributes() {
            if key == "xmlns" || key.starts_with("xmlns:") {
                continue;
            }
            let found = schema.members().iter().find(|m| {
                m.traits().xml_attribute && names_match(m.xml_name(), key, key.contains(':'))
            });
            let Some(m) = found.filter(|m| builder.accepts(m)) else {
                continue;
            };
            self.attribute = Some(attribute_value(raw));
            builder
                .read_member(m, self)
                .map_err(|e| self.locate(e).in_member(m.name()))?;
            self.attribute = None;
        }
        Ok(())
    }

    /// The child elements of the structure being read, handed to `builder` as members.
    #[inline]
    fn child_members<B: StructBuilder>(&mut self, member: &Member, builder: &mut B) -> Result<()> {
        let members = member.target().members();
        let mut expected = 0;
        let mut seen = Seen::default();
        loop {
            // The fast path: services write members in model order, some left out, so the
            // tag is most likely the expected member's or one soon after, as a plain start
            // tag. A miss costs a byte or two per member (see `start_tag_named`).
            let upcoming = members.get(expected..).unwrap_or_default();
            let hit = upcoming
                .iter()
                .filter(|m| is_element(m, builder) && m.has_plain_xml_name())
                .find_map(|m| {
                    let child = self.lexer.start_tag_named(m.xml_name())?;
                    Some((m, child))
                });
            let (m, child) = match hit {
                Some(hit) => hit,
                None => match self.next_event()? {
                    Token::Start(child) => {
                        // Services write members in model order, some left out: look from
                        // the member after the last one read, then wrap around.
                        let (after, before) = members.split_at(expected.min(members.len()));
                        let named = |m: &&Member| is_element(m, builder) && child.is(m.xml_name());
                        match after
                            .iter()
                            .find(named)
                            .or_else(|| before.iter().find(named))
                        {
                            Some(m) => (m, child),
                            None => {
                                builder.unknown_member(child.name)?;
                                self.skip_element()?;
                                continue;
                            }
                        }
                    }
                    Token::End => break,
                    Token::Eof => return Err(self.locate(Error::eof("a structure"))),
                    // Text between members (indentation, or mixed content no member holds).
                    Token::Text(_) => continue,
                },
            };
            if !m.traits().xml_flattened && !seen.mark(m.index()) {
                return Err(self.locate(Error::duplicate_member(m.name())));
            }
            expected = m.index() + usize::from(!m.traits().xml_flattened);
            self.current = Some(child);
            builder
                .read_member(m, self)
                .map_err(|e| self.locate(e).in_member(m.name()))?;
        }
        Ok(())
    }
}

impl Nesting for XmlDeserializer<'_> {
    #[inline]
    fn depth(&mut self) -> &mut Depth {
        &mut self.depth
    }

    fn locate_limit(&self, err: Error) -> Error {
        self.locate(err)
    }
}

/// Whether `m` is read from a child element (not an attribute) and the builder takes it.
#[inline]
fn is_element<B: StructBuilder>(m: &Member, builder: &B) -> bool {
    !m.traits().xml_attribute && builder.accepts(m)
}

fn append<'a>(text: &mut Cow<'a, str>, piece: Cow<'a, str>) {
    if text.is_empty() {
        *text = piece;
    } else {
        text.to_mut().push_str(&piece);
    }
}

impl ShapeDeserializer for XmlDeserializer<'_> {
    fn read_struct<B: StructBuilder>(&mut self, member: &Member, builder: &mut B) -> Result<()> {
        let start = self.take_current()?;
        self.nested(|de| {
            de.read_attributes(start, member, builder)?;
            de.child_members(member, builder)
        })
    }

    fn read_list<F>(&mut self, member: &Member, mut on_item: F) -> Result<()>
    where
        F: FnMut(&mut Self) -> Result<()>,
    {
        if member.traits().xml_flattened {
            // The element the reader stands at is one item; it counts as a level of nesting,
            // as the list does when it is written.
            return self.nested(on_item);
        }
        let item = member.list_item()?;
        let item_name = item.xml_name();
        let plain_item_name = item.has_plain_xml_name();
        self.take_current()?;
        self.nested(|de| {
            let mut i = 0;
            loop {
                let fast = plain_item_name
                    .then(|| de.lexer.start_tag_named(item_name))
                    .flatten();
                let token = match fast {
                    Some(start) => Token::Start(start),
                    None => de.next_event()?,
                };
                match token {
                    Token::Start(start) if start.is(item_name) => {
                        de.current = Some(start);
                        on_item(de).map_err(|e| de.locate(e).in_item(i))?;
                        i += 1;
                    }
                    Token::Start(_) => de.skip_element()?,
                    Token::End => return Ok(()),
                    Token::Eof => return Err(de.locate(Error::eof("a list"))),
                    Token::Text(_) => {}
                }
            }
        })
    }

    fn read_map<F>(&mut self, member: &Member, mut on_entry: F) -> Result<()>
    where
        F: FnMut(&mut Self, &str) -> Result<()>,
    {
        let (key_member, value_member) = member.map_entry()?;
        // A map is one level of nesting, entries included, as when it is written.
        self.nested(|de| {
            if member.traits().xml_flattened {
                return de.entry(key_member, value_member, &mut on_entry);
            }
            de.take_current()?;
            loop {
                match de.next_event()? {
                    Token::Start(start) if start.is("entry") => {
                        de.current = Some(start);
                        de.entry(key_member, value_member, &mut on_entry)?;
                    }
                    Token::Start(_) => de.skip_element()?,
                    Token::End => return Ok(()),
                    Token::Eof => return Err(de.locate(Error::eof("a map"))),
                    Token::Text(_) => {}
                }
            }
        })
    }
    fn read_null(&mut self) -> Result<bool> {
        Ok(false)
    }

    fn read_string(&mut self, _: &Member) -> Result<String> {
        self.text().map(Cow::into_owned)
    }

    fn read_str<R, F>(&mut self, _: &Member, f: F) -> Result<R>
    where
        F: FnOnce(&str) -> Result<R>,
    {
        let text = self.text()?;
        f(&text).map_err(|e| self.locate_text(e))
    }

    fn read_document(&mut self, _: &Member) -> Result<Document> {
        Err(self.locate(Error::unsupported("documents cannot be read from XML")))
    }

    read_methods!(forward(scalar;
        read_boolean, read_byte, read_short, read_integer, read_long, read_float, read_double,
        read_big_integer, read_big_decimal, read_blob, read_timestamp));
}

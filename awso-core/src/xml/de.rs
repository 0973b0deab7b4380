//! Reading XML against a schema, on quick-xml's borrowing reader.
//!
//! The deserializer "stands at" an element: its start tag has been read and kept (for its
//! attributes), its content and end tag have not. Reading a value consumes the element through
//! its end tag. Structures match child elements to members by `xmlName` (or name), with or
//! without a namespace prefix; unknown children are skipped whole.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::de::ShapeDeserializer;
use crate::error::{Error, Position, Result};
use crate::limits::DEFAULT_MAX_DEPTH;
use crate::schema::{Member, TimestampFormat};
use crate::shape::StructBuilder;
use crate::text::TextDeserializer;
use crate::types::{Document, Timestamp};

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
    reader: Reader<&'a [u8]>,
    input: &'a str,
    depth: usize,
    max_depth: usize,
    body_only: bool,
    /// The start tag of the element the deserializer stands at.
    current: Option<BytesStart<'a>>,
    /// The value of the attribute the deserializer stands at, instead of an element.
    attribute: Option<String>,
}

impl<'a> XmlDeserializer<'a> {
    /// A reader over `text`, standing at its root element.
    pub fn new(text: &'a str) -> Result<Self> {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        let mut de = Self {
            reader,
            input: text,
            depth: 0,
            max_depth: DEFAULT_MAX_DEPTH,
            body_only: false,
            current: None,
            attribute: None,
        };
        de.find_root()?;
        Ok(de)
    }

    /// A reader over `bytes`, which must be UTF-8.
    pub fn from_slice(bytes: &'a [u8]) -> Result<Self> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::new(text),
            Err(e) => {
                Err(Error::syntax("invalid UTF-8").at(Position::locate(bytes, e.valid_up_to())))
            }
        }
    }

    /// Refuses input nested deeper than `max_depth` (default 128).
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// Skips members of the top-level structure that a response carries outside its body
    /// ([`MemberTraits::bound_in_response`](crate::schema::MemberTraits::bound_in_response)).
    #[must_use]
    pub fn body_members_only(mut self) -> Self {
        self.body_only = true;
        self
    }

    /// The name of the element the reader stands at.
    pub fn element_name(&self) -> Option<&str> {
        self.current.as_ref().map(|start| start.name().0)
    }

    /// Moves into the child element `name` of the element the reader stands at, skipping
    /// the children before it: how protocols reach a result inside its envelope
    /// (`<OperationResponse><OperationResult>`). Returns `false`, having consumed the element,
    /// when there is no such child.
    pub fn enter_child(&mut self, name: &str) -> Result<bool> {
        self.take_current()?;
        loop {
            match self.next_event()? {
                Event::Start(start) if names_match(name, start.name().0) => {
                    self.current = Some(start);
                    return Ok(true);
                }
                Event::Start(start) => self.skip_element(&start)?,
                Event::End(_) => return Ok(false),
                // A truncated document: without this arm the loop would spin forever.
                Event::Eof => return Err(self.locate(Error::eof("an element"))),
                _ => {}
            }
        }
    }

    /// Reads one `T` (with its own schema) from the element the reader stands at.
    pub fn deserialize<T: crate::AwsShape>(&mut self) -> Result<T> {
        self.deserialize_at(&Member::root(T::SCHEMA))
    }

    /// Reads one `T` at `member` (a run-time schema for a [`Value`](crate::Value)).
    pub fn deserialize_at<T: crate::AwsShape>(&mut self, member: &Member) -> Result<T> {
        T::deserialize(member, self).map_err(|e| self.locate(e))
    }

    /// Checks that nothing but whitespace, comments and processing instructions follows.
    pub fn end(&mut self) -> Result<()> {
        loop {
            match self.next_event()? {
                Event::Eof => return Ok(()),
                Event::Text(t) if t.trim_ascii().is_empty() => {}
                Event::Comment(_) | Event::PI(_) => {}
                _ => return Err(self.locate(Error::syntax("content after the root element"))),
            }
        }
    }

    fn position(&self, offset: u64) -> Position {
        Position::locate(
            self.input.as_bytes(),
            usize::try_from(offset).unwrap_or(usize::MAX),
        )
    }

    fn locate(&self, err: Error) -> Error {
        err.at(self.position(self.reader.buffer_position()))
    }

    /// The next event, checked wherever it appears (also inside skipped elements and between
    /// members): attributes well-formed and unique, references defined, characters allowed.
    fn next_event(&mut self) -> Result<Event<'a>> {
        let event = match self.reader.read_event() {
            Ok(Event::DocType(_)) => {
                return Err(self.locate(Error::syntax(
                    "a DOCTYPE is not allowed: DTDs are not processed",
                )));
            }
            Ok(event) => event,
            Err(e) => {
                return Err(Error::syntax(format!("malformed XML: {e}"))
                    .at(self.position(self.reader.error_position())));
            }
        };
        match &event {
            Event::Start(start) => self.check_attributes(start)?,
            Event::Text(text) => self.check_characters(text)?,
            Event::CData(data) => self.check_characters(data)?,
            Event::GeneralRef(reference) => {
                self.resolve_reference(reference)?;
            }
            _ => {}
        }
        Ok(event)
    }

    fn check_attributes(&self, start: &BytesStart<'_>) -> Result<()> {
        for attribute in start.attributes() {
            let attribute = attribute
                .map_err(|e| self.locate(Error::syntax(format!("malformed attribute: {e}"))))?;
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| {
                    self.locate(Error::syntax(format!("malformed attribute value: {e}")))
                })?;
            self.check_characters(&value)?;
        }
        Ok(())
    }

    /// Refuses characters XML 1.0 does not allow (controls other than tab, newline and
    /// carriage return; U+FFFE and U+FFFF).
    fn check_characters(&self, text: &str) -> Result<()> {
        let forbidden = |c: char| {
            (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
        };
        let needs_scan = text.bytes().any(|b| b < 0x20 || b == 0xEF);
        match text.chars().find(|&c| needs_scan && forbidden(c)) {
            Some(c) => Err(self.locate(Error::syntax(format!(
                "the character U+{:04X} is not allowed in XML 1.0",
                u32::from(c)
            )))),
            None => Ok(()),
        }
    }

    fn find_root(&mut self) -> Result<()> {
        loop {
            match self.next_event()? {
                Event::Start(start) => {
                    self.current = Some(start);
                    return Ok(());
                }
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
                Event::Text(t) if t.trim_ascii().is_empty() => {}
                Event::Eof => return Err(self.locate(Error::eof("the root element"))),
                _ => return Err(self.locate(Error::syntax("content before the root element"))),
            }
        }
    }

    fn take_current(&mut self) -> Result<BytesStart<'a>> {
        self.current
            .take()
            .ok_or_else(|| self.locate(Error::custom("no element to read a value from")))
    }

    fn enter(&mut self) -> Result<()> {
        if self.depth >= self.max_depth {
            return Err(self.locate(Error::depth_limit(self.max_depth)));
        }
        self.depth += 1;
        Ok(())
    }

    /// Skips the rest of the element `start` opened, counting its nesting.
    fn skip_element(&mut self, start: &BytesStart<'_>) -> Result<()> {
        let _ = start;
        let mut open = 1usize;
        while open > 0 {
            match self.next_event()? {
                Event::Start(_) => {
                    open += 1;
                    if self.depth + open > self.max_depth {
                        return Err(self.locate(Error::depth_limit(self.max_depth)));
                    }
                }
                Event::End(_) => open -= 1,
                Event::Eof => return Err(self.locate(Error::eof("an element"))),
                _ => {}
            }
        }
        Ok(())
    }

    /// The text content of the element the reader stands at (or the attribute value),
    /// borrowed from the input when it is one piece without references.
    fn text(&mut self) -> Result<Cow<'a, str>> {
        if let Some(value) = self.attribute.take() {
            return Ok(Cow::Owned(value));
        }
        self.take_current()?;
        let mut text: Cow<'a, str> = Cow::Borrowed("");
        loop {
            match self.next_event()? {
                Event::Text(t) => append(&mut text, t.xml10_content()),
                Event::CData(c) => append(&mut text, c.xml10_content()),
                Event::GeneralRef(r) => {
                    let c = self.resolve_reference(&r)?;
                    text.to_mut().push_str(&c);
                }
                Event::End(_) => return Ok(text),
                Event::Comment(_) | Event::PI(_) => {}
                Event::Start(start) => {
                    return Err(self.locate(Error::expected(
                        "text",
                        format!("the element <{}>", start.name().0),
                    )));
                }
                Event::Eof => return Err(self.locate(Error::eof("an element's text"))),
                _ => return Err(self.locate(Error::syntax("unexpected markup in text"))),
            }
        }
    }

    fn resolve_reference(&self, reference: &BytesRef<'_>) -> Result<Cow<'static, str>> {
        match reference.resolve_char_ref() {
            Ok(Some(c)) => {
                let text = c.to_string();
                self.check_characters(&text)?;
                return Ok(Cow::Owned(text));
            }
            Ok(None) => {}
            Err(e) => {
                return Err(self.locate(Error::syntax(format!("invalid character reference: {e}"))));
            }
        }
        quick_xml::escape::resolve_predefined_entity(reference)
            .map(Cow::Borrowed)
            .ok_or_else(|| {
                self.locate(Error::syntax(format!(
                    "undefined entity &{};: only the five predefined entities are allowed",
                    &**reference
                )))
            })
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
        read(&mut de, member).map_err(|e| self.locate(e))
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
                Event::Start(start) if names_match(key_member.xml_name(), start.name().0) => {
                    self.current = Some(start);
                    key = Some(self.text()?.into_owned());
                }
                Event::Start(start) if names_match(value_member.xml_name(), start.name().0) => {
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
                Event::Start(start) => self.skip_element(&start)?,
                Event::End(_) => break,
                Event::Eof => return Err(self.locate(Error::eof("a map entry"))),
                _ => {}
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
        start: &BytesStart<'a>,
        member: &Member,
        builder: &mut B,
    ) -> Result<()> {
        let schema = member.target();
        for attribute in start.attributes() {
            let attribute = attribute
                .map_err(|e| self.locate(Error::syntax(format!("malformed attribute: {e}"))))?;
            let key = attribute.key.0;
            if key == "xmlns" || key.starts_with("xmlns:") {
                continue;
            }
            let found = schema
                .members()
                .iter()
                .find(|m| m.traits().xml_attribute && names_match(m.xml_name(), key));
            let Some(m) = found else { continue };
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| {
                    self.locate(Error::syntax(format!("malformed attribute value: {e}")))
                })?;
            self.attribute = Some(value.into_owned());
            builder
                .read_member(m, self)
                .map_err(|e| self.locate(e).in_member(m.name()))?;
            self.attribute = None;
        }
        Ok(())
    }
}

fn append<'a>(text: &mut Cow<'a, str>, piece: Cow<'a, str>) {
    if text.is_empty() {
        *text = piece;
    } else {
        text.to_mut().push_str(&piece);
    }
}

/// Whether an element or attribute called `actual` is the one named `expected`: equal, or
/// equal once a namespace prefix is dropped.
fn names_match(expected: &str, actual: &str) -> bool {
    if expected == actual {
        return true;
    }
    local_name(expected) == local_name(actual)
}

fn local_name(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

/// Members seen so far in one element, to refuse duplicates of non-flattened members.
struct Seen(Vec<bool>);

impl Seen {
    fn mark(&mut self, index: usize) -> bool {
        if self.0.len() <= index {
            self.0.resize(index + 1, false);
        }
        !std::mem::replace(&mut self.0[index], true)
    }
}

impl ShapeDeserializer for XmlDeserializer<'_> {
    fn read_struct<B: StructBuilder>(&mut self, member: &Member, builder: &mut B) -> Result<()> {
        let start = self.take_current()?;
        let skip_bound = self.body_only && self.depth == 0;
        self.enter()?;
        self.read_attributes(&start, member, builder)?;
        let members = member.target().members();
        let mut expected = 0;
        let mut seen = Seen(Vec::new());
        loop {
            match self.next_event()? {
                Event::Start(child) => {
                    let name = child.name().0;
                    let is_element = |m: &&Member| {
                        !(m.traits().xml_attribute || skip_bound && m.traits().bound_in_response())
                            && names_match(m.xml_name(), name)
                    };
                    let found = members
                        .get(expected)
                        .filter(|m| is_element(m))
                        .or_else(|| members.iter().find(|m| is_element(m)));
                    let Some(m) = found else {
                        builder.unknown_member(name)?;
                        self.skip_element(&child)?;
                        continue;
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
                Event::End(_) => break,
                Event::Eof => return Err(self.locate(Error::eof("a structure"))),
                // Text between members (indentation, or mixed content no member holds).
                _ => {}
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn read_list<F>(&mut self, member: &Member, mut on_item: F) -> Result<()>
    where
        F: FnMut(&mut Self) -> Result<()>,
    {
        if member.traits().xml_flattened {
            // The element the reader stands at is one item; it counts as a level of nesting,
            // as the list does when it is written.
            self.enter()?;
            let result = on_item(self);
            self.depth -= 1;
            return result;
        }
        let item_name = member.list_item()?.xml_name();
        self.take_current()?;
        self.enter()?;
        let mut i = 0;
        loop {
            match self.next_event()? {
                Event::Start(start) if names_match(item_name, start.name().0) => {
                    self.current = Some(start);
                    on_item(self).map_err(|e| self.locate(e).in_item(i))?;
                    i += 1;
                }
                Event::Start(start) => self.skip_element(&start)?,
                Event::End(_) => break,
                Event::Eof => return Err(self.locate(Error::eof("a list"))),
                _ => {}
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn read_map<F>(&mut self, member: &Member, mut on_entry: F) -> Result<()>
    where
        F: FnMut(&mut Self, &str) -> Result<()>,
    {
        let (key_member, value_member) = member.map_entry()?;
        // A map is one level of nesting, entries included, as when it is written.
        self.enter()?;
        if member.traits().xml_flattened {
            let result = self.entry(key_member, value_member, &mut on_entry);
            self.depth -= 1;
            return result;
        }
        self.take_current()?;
        loop {
            match self.next_event()? {
                Event::Start(start) if names_match("entry", start.name().0) => {
                    self.current = Some(start);
                    self.entry(key_member, value_member, &mut on_entry)?;
                }
                Event::Start(start) => self.skip_element(&start)?,
                Event::End(_) => break,
                Event::Eof => return Err(self.locate(Error::eof("a map"))),
                _ => {}
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn read_null(&mut self) -> Result<bool> {
        Ok(false)
    }

    fn read_boolean(&mut self, member: &Member) -> Result<bool> {
        self.scalar(member, |de, m| de.read_boolean(m))
    }

    fn read_byte(&mut self, member: &Member) -> Result<i8> {
        self.scalar(member, |de, m| de.read_byte(m))
    }

    fn read_short(&mut self, member: &Member) -> Result<i16> {
        self.scalar(member, |de, m| de.read_short(m))
    }

    fn read_integer(&mut self, member: &Member) -> Result<i32> {
        self.scalar(member, |de, m| de.read_integer(m))
    }

    fn read_long(&mut self, member: &Member) -> Result<i64> {
        self.scalar(member, |de, m| de.read_long(m))
    }

    fn read_float(&mut self, member: &Member) -> Result<f32> {
        self.scalar(member, |de, m| de.read_float(m))
    }

    fn read_double(&mut self, member: &Member) -> Result<f64> {
        self.scalar(member, |de, m| de.read_double(m))
    }

    fn read_big_integer(&mut self, member: &Member) -> Result<String> {
        self.scalar(member, |de, m| de.read_big_integer(m))
    }

    fn read_big_decimal(&mut self, member: &Member) -> Result<String> {
        self.scalar(member, |de, m| de.read_big_decimal(m))
    }

    fn read_string(&mut self, _: &Member) -> Result<String> {
        self.text().map(Cow::into_owned)
    }

    fn read_str<R, F>(&mut self, _: &Member, f: F) -> Result<R>
    where
        F: FnOnce(&str) -> Result<R>,
    {
        let text = self.text()?;
        f(&text).map_err(|e| self.locate(e))
    }

    fn read_blob(&mut self, member: &Member) -> Result<Vec<u8>> {
        self.scalar(member, |de, m| de.read_blob(m))
    }

    fn read_timestamp(&mut self, member: &Member) -> Result<Timestamp> {
        self.scalar(member, |de, m| de.read_timestamp(m))
    }

    fn read_document(&mut self, _: &Member) -> Result<Document> {
        Err(self.locate(Error::unsupported("documents cannot be read from XML")))
    }
}

//! The tokenizer under [`XmlDeserializer`](super::XmlDeserializer): start tags, end tags and
//! text, borrowed from the input and checked as they are read.
//!
//! It reads the XML AWS services send (elements, attributes, text, references, CDATA,
//! comments, processing instructions) and refuses the rest: a DOCTYPE (so no DTD, no
//! entity beyond the five predefined ones, no external entity, no entity bomb), malformed or
//! mismatched tags, unquoted or repeated attributes, references to undefined entities and
//! characters XML 1.0 does not allow. Everything is checked wherever it appears, also inside
//! elements a reader skips, so a document is either well-formed or an error with its
//! position.
//!
//! It replaces quick-xml's reader here because the deserializer needs little of what that
//! reader does (no namespaces resolved, no encodings, no buffering) and checks more (XML
//! characters, attribute values, references) than it does: one pass that does exactly this
//! decodes a GetTranscript response in under half the instructions. `benches/` measures it.

use std::borrow::Cow;

use crate::error::{Error, Position, Result};
use crate::names::{COLON, IN_NAME, NAME_BYTES, STARTS_NAME, plain_name};
use crate::scan::first_of;

/// One piece of a document.
#[derive(Debug)]
pub(crate) enum Token<'a> {
    /// A start tag, or an empty-element tag (then an [`End`](Token::End) follows).
    Start(StartTag<'a>),
    /// An end tag, already matched to its start tag.
    End,
    /// Character data or a CDATA section.
    Text(Text<'a>),
    /// The end of the input.
    Eof,
}

/// An element's start tag.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StartTag<'a> {
    /// The qualified name, prefix included.
    pub(crate) name: &'a str,
    /// Whether `name` has a namespace prefix.
    prefixed: bool,
    /// What follows the name inside the tag: the attributes, checked well-formed.
    attributes: &'a str,
}

impl<'a> StartTag<'a> {
    /// Whether this is the element named `expected` (see [`names_match`]).
    #[inline]
    pub(crate) fn is(&self, expected: &str) -> bool {
        names_match(expected, self.name, self.prefixed)
    }

    /// The attributes, as names and raw values (see [`attribute_value`]).
    pub(crate) fn attributes(&self) -> Attributes<'a> {
        Attributes {
            rest: self.attributes,
        }
    }
}

/// The attributes of a [`StartTag`]: `(name, raw value)` pairs.
pub(crate) struct Attributes<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        // The tag was checked when it was read: this only splits it.
        let rest = self.rest.trim_start_matches(is_space);
        let (name, rest) = rest.split_once('=')?;
        let rest = rest.trim_start_matches(is_space);
        let quote = rest.chars().next()?;
        let (value, rest) = rest[1..].split_once(quote)?;
        self.rest = rest;
        Some((name.trim_end_matches(is_space), value))
    }
}

/// The attribute names of one start tag so far, to refuse a repeated one in linear time:
/// a few are compared one by one, more go into a set.
#[derive(Default)]
struct SeenNames<'a> {
    few: Vec<&'a str>,
    many: std::collections::HashSet<&'a str>,
}

impl<'a> SeenNames<'a> {
    const FEW: usize = 8;

    /// Adds `name`; false when it was there already.
    fn insert(&mut self, name: &'a str) -> bool {
        if self.few.len() < Self::FEW {
            if self.few.contains(&name) {
                return false;
            }
            self.few.push(name);
            return true;
        }
        if self.many.is_empty() {
            self.many.extend(self.few.iter().copied());
        }
        self.many.insert(name)
    }
}

/// Character data between markup, or the content of a CDATA section.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text<'a> {
    raw: &'a str,
    /// Where `raw` starts in the input.
    pub(crate) offset: usize,
    cdata: bool,
    references: bool,
    carriage_returns: bool,
}

impl<'a> Text<'a> {
    /// Whether this is whitespace only (as between elements); a CDATA section never is.
    pub(crate) fn is_blank(&self) -> bool {
        !self.cdata && self.raw.bytes().all(|b| is_space(char::from(b)))
    }

    /// The characters, references replaced and line ends normalised to `\n`; borrowed when
    /// there is nothing to replace.
    pub(crate) fn content(&self) -> Cow<'a, str> {
        if !self.references && !self.carriage_returns {
            return Cow::Borrowed(self.raw);
        }
        let how = if self.cdata {
            Normalise::Cdata
        } else {
            Normalise::Text
        };
        Cow::Owned(normalise(self.raw, how))
    }
}

/// An attribute's value as XML 1.0 defines it: references replaced, each literal tab, line
/// end or newline turned into a space (a `\r\n` pair into one).
pub(crate) fn attribute_value(raw: &str) -> Cow<'_, str> {
    if !raw
        .bytes()
        .any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r'))
    {
        return Cow::Borrowed(raw);
    }
    Cow::Owned(normalise(raw, Normalise::Attribute))
}

/// Which rules turn raw markup into characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Normalise {
    /// Element text: references replaced, `\r\n` and lone `\r` made `\n`.
    Text,
    /// A CDATA section: line ends as in text, `&` kept as written.
    Cdata,
    /// An attribute value: references replaced, tabs and line ends (a `\r\n` pair counting
    /// once) made spaces.
    Attribute,
}

/// `raw` with the rules of `how` applied: the one place XML text is normalised.
fn normalise(raw: &str, how: Normalise) -> String {
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let attribute = how == Normalise::Attribute;
    let (mut from, mut i) = (0, 0);
    // Jumps a word at a time to the next byte that may need work: `&` or a control byte
    // (`\r`; `\t` and `\n` in attributes); a byte loop was 7% of an S3 listing's decode.
    while let Some(k) = crate::scan::first_of(&bytes[i..], [b'&']) {
        i += k;
        let b = bytes[i];
        if b == b'\r' || (attribute && matches!(b, b'\t' | b'\n')) {
            out.push_str(&raw[from..i]);
            out.push(if attribute { ' ' } else { '\n' });
            i += if bytes[i..].starts_with(b"\r\n") {
                2
            } else {
                1
            };
            from = i;
        } else if b == b'&' && how != Normalise::Cdata {
            out.push_str(&raw[from..i]);
            // Checked when it was read; a failure here cannot happen, and would keep the
            // text as written rather than lose it.
            match reference(bytes, i) {
                Ok((c, end)) => {
                    out.push(c);
                    i = end;
                }
                Err(_) => {
                    out.push('&');
                    i += 1;
                }
            }
            from = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&raw[from..]);
    out
}

/// Whether an element or attribute called `actual` is the one named `expected`: equal, or
/// equal once namespace prefixes are dropped. `prefixed` says whether `actual` has one.
// Called for every element a structure reads; not inlined, it costs 2% of a decode.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn names_match(expected: &str, actual: &str, prefixed: bool) -> bool {
    let (e, a) = (expected.as_bytes(), actual.as_bytes());
    if !prefixed {
        // Then only `expected` can have a prefix: it must be `actual` or `prefix:actual`.
        return match e.len().checked_sub(a.len()) {
            Some(0) => same_bytes(e, a),
            Some(extra) => e[extra - 1] == b':' && same_bytes(&e[extra..], a),
            None => false,
        };
    }
    e == a || local_name(expected) == local_name(actual)
}

/// `a == b` for the short names of a document, inlined: a call to `memcmp` costs more than
/// comparing a dozen bytes, and most comparisons fail at the first one.
#[allow(clippy::inline_always)]
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

fn local_name(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

/// XML's whitespace: space, tab, line feed, carriage return.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Whether XML 1.0 allows `c` in a document at all.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | '_' | ':'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c,
            '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// The reference starting at `bytes[at]` (an `&`): the character it stands for and the offset
/// after its `;`, or what is wrong with it.
fn reference(bytes: &[u8], at: usize) -> std::result::Result<(char, usize), String> {
    // The longest reference worth reading: `&#x10FFFF;` with some leading zeros.
    const LONGEST: usize = 32;
    let window = &bytes[at + 1..bytes.len().min(at + 1 + LONGEST)];
    let Some(len) = window.iter().position(|&b| b == b';') else {
        return Err("a reference without its closing `;`".into());
    };
    let body = &window[..len];
    let end = at + 1 + len + 1;
    // Only an error shows the body: making it text on every reference was 3% of a decode.
    let shown = || String::from_utf8_lossy(body);
    let c = match body {
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        [b'#', b'x', digits @ ..] => char_reference(digits, 16, body)?,
        [b'#', digits @ ..] => char_reference(digits, 10, body)?,
        _ => {
            return Err(format!(
                "undefined entity &{};: only the five predefined entities are allowed",
                shown()
            ));
        }
    };
    Ok((c, end))
}

/// The character `&#digits;` stands for (`body` is the whole reference, for errors).
fn char_reference(digits: &[u8], radix: u32, body: &[u8]) -> std::result::Result<char, String> {
    let shown = || String::from_utf8_lossy(body);
    let invalid = || format!("invalid character reference &{};", shown());
    if digits.is_empty() {
        return Err(invalid());
    }
    let mut code: u32 = 0;
    for &d in digits {
        let digit = char::from(d).to_digit(radix).ok_or_else(invalid)?;
        code = code
            .checked_mul(radix)
            .and_then(|c| c.checked_add(digit))
            .ok_or_else(invalid)?;
    }
    match char::from_u32(code) {
        Some(c) if is_xml_char(c) => Ok(c),
        _ => Err(format!(
            "the character reference &{}; is not a character XML 1.0 allows",
            shown()
        )),
    }
}

/// A pull tokenizer over one document.
#[derive(Debug)]
pub(crate) struct Lexer<'a> {
    input: &'a str,
    pos: usize,
    /// The names of the elements open around `pos`, innermost last.
    open: Vec<&'a str>,
    /// An empty-element tag was just read: its end comes next.
    empty_pending: bool,
    /// Whether an element has started (an XML declaration may only come before).
    seen_element: bool,
}

impl<'a> Lexer<'a> {
    /// A tokenizer at the start of `input`, past a byte order mark if there is one.
    pub(crate) fn new(input: &'a str) -> Self {
        Self {
            input,
            pos: if input.starts_with('\u{FEFF}') { 3 } else { 0 },
            open: Vec::new(),
            empty_pending: false,
            seen_element: false,
        }
    }

    /// The offset of the next byte to read.
    pub(crate) fn offset(&self) -> usize {
        self.pos
    }

    /// Line and column of `offset`.
    pub(crate) fn position(&self, offset: usize) -> Position {
        Position::locate(self.input.as_bytes(), offset)
    }

    fn error(&self, at: usize, message: impl Into<Cow<'static, str>>) -> Error {
        Error::syntax(message).at(self.position(at))
    }

    fn eof(&self, while_reading: &'static str) -> Error {
        Error::eof(while_reading).at(self.position(self.input.len()))
    }

    /// The next token.
    pub(crate) fn next_token(&mut self) -> Result<Token<'a>> {
        if self.empty_pending {
            self.empty_pending = false;
            return Ok(Token::End);
        }
        loop {
            let bytes = self.input.as_bytes();
            let Some(&first) = bytes.get(self.pos) else {
                return Ok(Token::Eof);
            };
            if first != b'<' {
                return self.text().map(Token::Text);
            }
            match bytes.get(self.pos + 1) {
                Some(b'/') => return self.end_tag(),
                Some(b'?') => self.processing_instruction()?,
                Some(b'!') if bytes[self.pos..].starts_with(b"<!--") => self.comment()?,
                Some(b'!') if bytes[self.pos..].starts_with(b"<![CDATA[") => {
                    return self.cdata().map(Token::Text);
                }
                Some(b'!') if bytes[self.pos..].starts_with(b"<!DOCTYPE") => {
                    return Err(
                        self.error(self.pos, "a DOCTYPE is not allowed: DTDs are not processed")
                    );
                }
                Some(b'!') => {
                    return Err(
                        self.error(self.pos, "`<!` must start a comment or a CDATA section")
                    );
                }
                _ => return self.start_tag().map(Token::Start),
            }
        }
    }

    /// Reads the next token if it is the start tag `<name>`, without attributes: what a reader
    /// that knows which element comes next can check faster than [`next_token`] reads any.
    /// `name` must be a [`plain_name`](crate::names::plain_name): input bytes equal to it are then a valid name too, so
    /// comparing them is the whole check. Readers send other names to [`next_token`].
    ///
    /// [`next_token`]: Self::next_token
    #[inline]
    pub(crate) fn start_tag_named(&mut self, name: &str) -> Option<StartTag<'a>> {
        debug_assert!(plain_name(name), "{name:?} is not a plain name");
        let bytes = self.input.as_bytes();
        let from = self.pos + 1;
        let end = from + name.len();
        if self.empty_pending
            || bytes.get(self.pos) != Some(&b'<')
            || bytes.get(end) != Some(&b'>')
            || bytes[from..end] != *name.as_bytes()
        {
            return None;
        }
        let name = &self.input[from..end];
        self.pos = end + 1;
        self.seen_element = true;
        self.open.push(name);
        Some(StartTag {
            name,
            prefixed: false,
            attributes: "",
        })
    }

    /// Reads an element's whole remaining content if it is plain text followed by its end
    /// tag (`text</name>`, or just `</name>`): the usual shape of a scalar member, read in one
    /// step. Returns `None`, having read nothing, for anything else.
    pub(crate) fn text_then_end(&mut self) -> Result<Option<Text<'a>>> {
        if self.empty_pending {
            self.empty_pending = false;
            return Ok(Some(self.empty_text()));
        }
        let Some(&open) = self.open.last() else {
            return Ok(None);
        };
        let start = self.pos;
        let text = if self.input.as_bytes().get(start) == Some(&b'<') {
            self.empty_text()
        } else {
            self.text()?
        };
        let bytes = self.input.as_bytes();
        let at = self.pos;
        let close = at + 2 + open.len();
        if bytes[at..].starts_with(b"</")
            && bytes[at + 2..].starts_with(open.as_bytes())
            && bytes.get(close) == Some(&b'>')
        {
            self.open.pop();
            self.pos = close + 1;
            return Ok(Some(text));
        }
        self.pos = start;
        Ok(None)
    }

    fn empty_text(&self) -> Text<'a> {
        Text {
            raw: "",
            offset: self.pos,
            cdata: false,
            references: false,
            carriage_returns: false,
        }
    }

    /// Character data from `pos` up to the next `<` or the end of the input.
    fn text(&mut self) -> Result<Text<'a>> {
        let bytes = self.input.as_bytes();
        let start = self.pos;
        let mut i = start;
        let (mut references, mut carriage_returns) = (false, false);
        let end = loop {
            let Some(k) = first_of(&bytes[i..], [b'<', b'&', b']', 0xEF]) else {
                break bytes.len();
            };
            i += k;
            match bytes[i] {
                b'<' => break i,
                b'&' => {
                    let (_, end) = reference(bytes, i).map_err(|m| self.error(i, m))?;
                    references = true;
                    i = end;
                }
                b']' if bytes[i..].starts_with(b"]]>") => {
                    return Err(self.error(i, "`]]>` is not allowed in text"));
                }
                b'\r' => {
                    carriage_returns = true;
                    i += 1;
                }
                _ => i = self.check_byte(i)?,
            }
        };
        self.pos = end;
        Ok(Text {
            raw: &self.input[start..end],
            offset: start,
            cdata: false,
            references,
            carriage_returns,
        })
    }

    /// Checks the byte at `i` that a scan stopped at but that needs no special treatment
    /// where it is (tab, newline, `]`, a character starting with 0xEF); refuses any other
    /// control character. Returns the offset after it.
    fn check_byte(&self, i: usize) -> Result<usize> {
        let bytes = self.input.as_bytes();
        match bytes[i] {
            b'\t' | b'\n' | b'\r' | b']' => Ok(i + 1),
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF; other characters from EF pass.
            0xEF => match bytes.get(i + 1..i + 3) {
                Some([0xBF, low @ (0xBE | 0xBF)]) => Err(self.error(
                    i,
                    format!(
                        "the character U+{:04X} is not allowed in XML 1.0",
                        0xFFC0 | u32::from(*low & 0x3F)
                    ),
                )),
                _ => Ok(i + 1),
            },
            b => Err(self.error(
                i,
                format!("the character U+{b:04X} is not allowed in XML 1.0"),
            )),
        }
    }

    /// Checks that `bytes[from..to]` holds only XML characters.
    fn check_characters(&self, from: usize, to: usize) -> Result<()> {
        let bytes = self.input.as_bytes();
        let mut i = from;
        while let Some(k) = first_of(&bytes[i..to], [0xEF]) {
            i = self.check_byte(i + k)?;
        }
        Ok(())
    }

    /// A name at `at`: the offset after it, and whether it has a prefix (a colon).
    fn name(&self, at: usize, what: &'static str) -> Result<(usize, bool)> {
        let bytes = self.input.as_bytes();
        // ASCII names (all that AWS sends) go by table; other characters by their ranges.
        let mut i = at;
        let mut seen = 0;
        let mut wanted = STARTS_NAME;
        while let Some(&b) = bytes.get(i) {
            let flags = NAME_BYTES[usize::from(b)];
            if flags & wanted != 0 {
                seen |= flags;
                wanted = IN_NAME;
                i += 1;
                continue;
            }
            if b.is_ascii() {
                break;
            }
            // `i` is on a character boundary: the loop only ever steps over whole ones.
            let c = self.input[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            let fits = if i == at {
                is_name_start(c)
            } else {
                is_name_char(c)
            };
            if !fits {
                break;
            }
            wanted = IN_NAME;
            i += c.len_utf8();
        }
        if i == at {
            return match self.input[at..].chars().next() {
                None => Err(self.eof(what)),
                Some(found) => Err(self.error(at, format!("expected {what}, found {found:?}"))),
            };
        }
        Ok((i, seen & COLON != 0))
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        let bytes = self.input.as_bytes();
        while bytes.get(i).is_some_and(|&b| is_space(char::from(b))) {
            i += 1;
        }
        i
    }

    /// `<name attributes>` or `<name attributes/>` at `pos`.
    fn start_tag(&mut self) -> Result<StartTag<'a>> {
        let bytes = self.input.as_bytes();
        let (name_end, prefixed) = self.name(self.pos + 1, "an element name")?;
        let name = &self.input[self.pos + 1..name_end];
        let mut i = name_end;
        let mut seen = SeenNames::default();
        let (attributes_end, empty) = loop {
            let next = self.skip_spaces(i);
            match bytes.get(next) {
                None => return Err(self.eof("a start tag")),
                Some(b'>') => break (next, false),
                Some(b'/') if bytes.get(next + 1) == Some(&b'>') => break (next, true),
                Some(b'/') => return Err(self.error(next, "expected `>` after `/` in a tag")),
                Some(_) if next == i => {
                    return Err(self.error(next, "expected whitespace before an attribute"));
                }
                Some(_) => {
                    let (end, attribute) = self.attribute(next)?;
                    if !seen.insert(attribute) {
                        let message = format!("the attribute `{attribute}` appears twice");
                        return Err(self.error(next, message));
                    }
                    i = end;
                }
            }
        };
        self.pos = attributes_end + if empty { 2 } else { 1 };
        self.seen_element = true;
        if empty {
            self.empty_pending = true;
        } else {
            self.open.push(name);
        }
        Ok(StartTag {
            name,
            prefixed,
            attributes: &self.input[name_end..attributes_end],
        })
    }

    /// `name = "value"` at `at`; returns the offset after the closing quote and the name.
    fn attribute(&self, at: usize) -> Result<(usize, &'a str)> {
        let bytes = self.input.as_bytes();
        let (name_end, _) = self.name(at, "an attribute name")?;
        let name = &self.input[at..name_end];
        let eq = self.skip_spaces(name_end);
        match bytes.get(eq) {
            Some(b'=') => {}
            None => return Err(self.eof("an attribute")),
            Some(_) => {
                return Err(self.error(eq, format!("expected `=` after the attribute `{name}`")));
            }
        }
        let open = self.skip_spaces(eq + 1);
        let quote = match bytes.get(open) {
            Some(&q @ (b'"' | b'\'')) => q,
            None => return Err(self.eof("an attribute")),
            Some(_) => {
                return Err(self.error(open, format!("the value of `{name}` is not quoted")));
            }
        };
        let mut i = open + 1;
        loop {
            let Some(k) = first_of(&bytes[i..], [quote, b'<', b'&', 0xEF]) else {
                return Err(self.eof("an attribute value"));
            };
            i += k;
            match bytes[i] {
                b if b == quote => break,
                b'<' => return Err(self.error(i, "`<` is not allowed in an attribute value")),
                b'&' => i = reference(bytes, i).map_err(|m| self.error(i, m))?.1,
                _ => i = self.check_byte(i)?,
            }
        }
        Ok((i + 1, name))
    }

    /// `</name>` at `pos`, which must close the innermost open element.
    fn end_tag(&mut self) -> Result<Token<'a>> {
        let at = self.pos;
        let bytes = self.input.as_bytes();
        // The usual case: the name of the innermost open element, then `>`.
        if let Some(open) = self.open.last() {
            let close = at + 2 + open.len();
            if bytes[at + 2..].starts_with(open.as_bytes()) && bytes.get(close) == Some(&b'>') {
                self.open.pop();
                self.pos = close + 1;
                return Ok(Token::End);
            }
        }
        let (name_end, _) = self.name(at + 2, "an element name")?;
        let name = &self.input[at + 2..name_end];
        let close = self.skip_spaces(name_end);
        match self.input.as_bytes().get(close) {
            Some(b'>') => {}
            None => return Err(self.eof("an end tag")),
            Some(_) => return Err(self.error(close, "expected `>` to close the end tag")),
        }
        match self.open.pop() {
            Some(open) if open == name => {}
            Some(open) => {
                return Err(self.error(
                    at,
                    format!("mismatched end tag: expected </{open}>, found </{name}>"),
                ));
            }
            None => return Err(self.error(at, format!("</{name}> closes no open element"))),
        }
        self.pos = close + 1;
        Ok(Token::End)
    }

    /// `<?target ...?>` at `pos`, skipped; the XML declaration only before the root element.
    fn processing_instruction(&mut self) -> Result<()> {
        let at = self.pos;
        let (target_end, _) = self.name(at + 2, "a processing instruction target")?;
        let target = &self.input[at + 2..target_end];
        if target.eq_ignore_ascii_case("xml") && (target != "xml" || self.seen_element) {
            return Err(self.error(
                at,
                "an XML declaration is only allowed before the root element",
            ));
        }
        let bytes = self.input.as_bytes();
        let Some(k) = memchr::memmem::find(&bytes[target_end..], b"?>") else {
            return Err(self.eof("a processing instruction"));
        };
        let end = target_end + k;
        if end > target_end && !is_space(char::from(bytes[target_end])) {
            return Err(self.error(target_end, "expected whitespace after the target"));
        }
        self.check_characters(target_end, end)?;
        self.pos = end + 2;
        Ok(())
    }

    /// `<!-- ... -->` at `pos`, skipped.
    fn comment(&mut self) -> Result<()> {
        let bytes = self.input.as_bytes();
        let from = self.pos + 4;
        let Some(k) = memchr::memmem::find(&bytes[from..], b"--") else {
            return Err(self.eof("a comment"));
        };
        let dashes = from + k;
        match bytes.get(dashes + 2) {
            Some(b'>') => {}
            None => return Err(self.eof("a comment")),
            Some(_) => return Err(self.error(dashes, "`--` is not allowed inside a comment")),
        }
        self.check_characters(from, dashes)?;
        self.pos = dashes + 3;
        Ok(())
    }

    /// `<![CDATA[ ... ]]>` at `pos`.
    fn cdata(&mut self) -> Result<Text<'a>> {
        let bytes = self.input.as_bytes();
        let from = self.pos + "<![CDATA[".len();
        let Some(k) = memchr::memmem::find(&bytes[from..], b"]]>") else {
            return Err(self.eof("a CDATA section"));
        };
        let end = from + k;
        self.check_characters(from, end)?;
        self.pos = end + 3;
        Ok(Text {
            raw: &self.input[from..end],
            offset: from,
            cdata: true,
            references: false,
            carriage_returns: bytes[from..end].contains(&b'\r'),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Lexer, Token, attribute_value, names_match};
    use crate::error::Category;

    /// The tokens of `input` in a compact notation, or the first error with its offset.
    fn tokens(input: &str) -> Result<Vec<String>, (String, usize)> {
        let mut lexer = Lexer::new(input);
        let mut out = Vec::new();
        loop {
            match lexer.next_token() {
                Ok(Token::Start(tag)) => {
                    let attributes: Vec<String> = tag
                        .attributes()
                        .map(|(name, raw)| format!(" {name}={}", attribute_value(raw)))
                        .collect();
                    out.push(format!("<{}{}>", tag.name, attributes.concat()));
                }
                Ok(Token::End) => out.push("</>".into()),
                Ok(Token::Text(text)) => out.push(format!("{:?}", text.content())),
                Ok(Token::Eof) => return Ok(out),
                Err(e) => {
                    let offset = e.position().map_or(usize::MAX, |p| p.offset);
                    return Err((e.to_string(), offset));
                }
            }
        }
    }

    fn error(input: &str) -> (String, usize) {
        tokens(input).expect_err(input)
    }

    #[test]
    fn reads_elements_attributes_text_and_skips_comments_and_instructions() {
        let input = "\u{FEFF}<?xml version=\"1.0\"?><!-- c --><a x='1' p:y = \"2&amp;&#x41;\">\
                     t&lt;<b/><?pi data?><![CDATA[<raw>&amp;]]></a>\n";
        assert_eq!(
            tokens(input).unwrap(),
            [
                "<a x=1 p:y=2&A>",
                "\"t<\"",
                "<b>",
                "</>",
                "\"<raw>&amp;\"",
                "</>",
                "\"\\n\""
            ]
        );
    }

    #[test]
    fn normalises_line_ends_in_text_and_whitespace_in_attributes() {
        assert_eq!(
            tokens("<a v=\"1\r\n2\t3&#xA;\">x\r\ny\rz&#xD;</a>").unwrap(),
            ["<a v=1 2 3\n>", "\"x\\ny\\nz\\r\"", "</>"]
        );
    }

    #[test]
    fn refuses_malformed_markup_with_its_offset() {
        let cases: &[(&str, &str, usize)] = &[
            (
                "<a></b>",
                "mismatched end tag: expected </a>, found </b>",
                3,
            ),
            ("<a x=1>", "is not quoted", 5),
            ("<a x='1' x='2'>", "appears twice", 9),
            ("<a x='<'>", "`<` is not allowed in an attribute value", 6),
            ("<a x>", "expected `=`", 4),
            (
                "<a x='1'y='2'>",
                "expected whitespace before an attribute",
                8,
            ),
            ("<a/ >", "expected `>` after `/`", 2),
            ("<1a>", "expected an element name", 1),
            ("</a>", "closes no open element", 0),
            ("<!DOCTYPE a><a/>", "DOCTYPE is not allowed", 0),
            ("<!ENTITY x 'y'>", "`<!` must start a comment", 0),
            ("<a>&foo;</a>", "undefined entity &foo;", 3),
            ("<a>&amp</a>", "without its closing `;`", 3),
            ("<a>&#0;</a>", "is not a character XML 1.0 allows", 3),
            ("<a>&#xD800;</a>", "is not a character XML 1.0 allows", 3),
            ("<a>&#99999999999;</a>", "invalid character reference", 3),
            ("<a>&#x;</a>", "invalid character reference", 3),
            ("<a>]]></a>", "`]]>` is not allowed in text", 3),
            ("<a>\u{1}</a>", "U+0001 is not allowed", 3),
            ("<a>\u{FFFF}</a>", "U+FFFF is not allowed", 3),
            ("<a x='\u{FFFE}'/>", "U+FFFE is not allowed", 6),
            ("<!-- a -- b -->", "`--` is not allowed inside a comment", 7),
            (
                "<a/><?xml version='1.0'?>",
                "only allowed before the root",
                4,
            ),
            ("<?XML version='1.0'?>", "only allowed before the root", 0),
            ("<?pi \u{1}?>", "U+0001 is not allowed", 5),
            ("<?pi\u{1}?>", "expected whitespace after the target", 4),
            ("<?pix?>", "", 0),
        ];
        for &(input, message, offset) in cases {
            if message.is_empty() {
                assert!(tokens(input).is_ok(), "{input}");
                continue;
            }
            let (shown, at) = error(input);
            assert!(shown.contains(message), "{input}: {shown}");
            assert_eq!(at, offset, "{input}: {shown}");
        }
    }

    #[test]
    fn the_end_of_input_inside_markup_is_an_eof_error() {
        for input in [
            "<a",
            "<a x",
            "<a x=",
            "<a x='1",
            "</",
            "<a></a",
            "<!--",
            "<![CDATA[x",
            "<?pi",
        ] {
            let mut lexer = Lexer::new(input);
            let err = loop {
                match lexer.next_token() {
                    Ok(Token::Eof) => panic!("{input}: no error"),
                    Ok(_) => {}
                    Err(e) => break e,
                }
            };
            assert_eq!(err.category(), Category::Eof, "{input}: {err}");
        }
    }

    #[test]
    fn start_tag_named_reads_only_the_plain_tag_it_names() {
        let mut lexer = Lexer::new("<Id>1</Id><Id a='1'>2</Id><p:Id>3</p:Id><Idx/>");
        let tag = lexer.start_tag_named("Id").expect("a plain <Id>");
        assert_eq!(tag.name, "Id");
        assert!(lexer.start_tag_named("Id").is_none(), "text comes first");
        let text = lexer.text_then_end().unwrap().expect("text and end tag");
        assert_eq!(text.content(), "1");
        // With attributes, with a prefix, or a longer name: the general path reads them.
        assert!(lexer.start_tag_named("Id").is_none());
        assert!(matches!(lexer.next_token(), Ok(Token::Start(t)) if t.name == "Id"));
        assert_eq!(lexer.text_then_end().unwrap().unwrap().content(), "2");
        assert!(lexer.start_tag_named("Id").is_none());
        let Ok(Token::Start(prefixed)) = lexer.next_token() else {
            panic!("a start tag")
        };
        assert!(prefixed.is("Id") && prefixed.is("q:Id") && !prefixed.is("I"));
        assert_eq!(lexer.text_then_end().unwrap().unwrap().content(), "3");
        assert!(lexer.start_tag_named("Id").is_none());
        assert!(matches!(lexer.next_token(), Ok(Token::Start(t)) if t.name == "Idx"));
        // An empty element's text is empty, and its end is read with it.
        assert_eq!(lexer.text_then_end().unwrap().unwrap().content(), "");
        assert!(matches!(lexer.next_token(), Ok(Token::Eof)));
    }

    #[test]
    fn text_then_end_leaves_mixed_content_to_the_general_path() {
        let mut lexer = Lexer::new("<a>x<!--c-->y</a>");
        assert!(matches!(lexer.next_token(), Ok(Token::Start(_))));
        let before = lexer.offset();
        assert!(lexer.text_then_end().unwrap().is_none());
        assert_eq!(lexer.offset(), before, "nothing was consumed");
        let rest = std::iter::from_fn(|| match lexer.next_token() {
            Ok(Token::Eof) | Err(_) => None,
            Ok(Token::Text(t)) => Some(t.content().into_owned()),
            Ok(_) => Some("tag".into()),
        });
        assert_eq!(rest.collect::<Vec<_>>(), ["x", "y", "tag"]);
    }

    #[test]
    fn names_match_with_or_without_prefixes() {
        assert!(names_match("Id", "Id", false));
        assert!(names_match("p:Id", "Id", false));
        assert!(!names_match("pId", "Id", false));
        assert!(!names_match("Id", "Ids", false));
        assert!(!names_match("Ids", "Id", false));
        assert!(names_match("Id", "p:Id", true));
        assert!(names_match("q:Id", "p:Id", true));
        assert!(!names_match("q:Ix", "p:Id", true));
    }

    #[test]
    fn names_may_use_characters_beyond_ascii() {
        assert_eq!(
            tokens("<données été='1'>x</données>").unwrap(),
            ["<données été=1>", "\"x\"", "</>"]
        );
        let (shown, at) = error("<a\u{2000}b/>");
        assert!(shown.contains("expected whitespace"), "{shown}");
        assert_eq!(at, 2);
    }
}

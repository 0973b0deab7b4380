//! The byte level of JSON: whitespace, punctuation, strings with their escapes, number
//! tokens checked against the grammar, documents, and skipping values nobody asked for.
//!
//! The reader works on validated UTF-8 (`&str`), so string values are sliced out of the input
//! without checking them again; errors carry the byte offset, line and column.

use crate::error::{Error, Position, Result};
use crate::limits::{Depth, Nesting};
use crate::number;
use crate::types::Document;

/// A position in JSON text, with the nesting counted so far and a buffer for strings with
/// escapes.
pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
    pub(super) depth: Depth,
    scratch: String,
}

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            pos: 0,
            depth: Depth::default(),
            scratch: String::new(),
        }
    }

    pub(super) fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    #[cold]
    pub(super) fn locate(&self, err: Error) -> Error {
        err.at(Position::locate(self.bytes(), self.pos))
    }

    pub(super) fn error(&self, err: Error) -> Error {
        self.locate(err)
    }

    pub(super) fn skip_ws(&mut self) {
        let bytes = self.bytes();
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next significant byte, not consumed.
    #[inline]
    pub(super) fn peek(&mut self) -> Option<u8> {
        match self.bytes().get(self.pos) {
            Some(b' ' | b'\n' | b'\r' | b'\t') => {
                self.skip_ws();
                self.bytes().get(self.pos).copied()
            }
            next => next.copied(),
        }
    }

    pub(super) fn describe_next(&mut self) -> &'static str {
        match self.peek() {
            None => "the end of input",
            Some(b'{') => "an object",
            Some(b'[') => "an array",
            Some(b'"') => "a string",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            Some(b'-' | b'0'..=b'9') => "a number",
            Some(_) => "an unexpected character",
        }
    }

    pub(super) fn expected(&mut self, what: &'static str) -> Error {
        let found = self.describe_next();
        if found == "the end of input" {
            return self.error(Error::eof(what));
        }
        self.error(Error::expected(what, found))
    }

    #[inline]
    pub(super) fn eat(&mut self, byte: u8) -> bool {
        // Compact JSON (what services send) has no whitespace to skip: look first.
        if self.bytes().get(self.pos) == Some(&byte) {
            self.pos += 1;
            return true;
        }
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    pub(super) fn eat_literal(&mut self, literal: &str) -> bool {
        self.skip_ws();
        if self.text[self.pos..].starts_with(literal) {
            self.pos += literal.len();
            true
        } else {
            false
        }
    }

    /// After an item or member: `,` (more follow) or the closing byte (done).
    #[inline]
    pub(super) fn more(&mut self, close: u8, what: &'static str) -> Result<bool> {
        match self.bytes().get(self.pos) {
            Some(b',') => {
                self.pos += 1;
                return Ok(true);
            }
            Some(&b) if b == close => {
                self.pos += 1;
                return Ok(false);
            }
            _ => {}
        }
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(false)
            }
            None => Err(self.error(Error::eof(what))),
            Some(_) => Err(self.error(Error::syntax(if close == b'}' {
                "expected `,` or `}` after an object member"
            } else {
                "expected `,` or `]` after an array item"
            }))),
        }
    }

    /// Reads a string; the text stays in the input when it has no escapes.
    // This, `plain_run` and `string` are inlined into their callers: most strings are short,
    // and the calls and their set-up cost as much as the scan (7% of a JSON decode).
    #[allow(clippy::inline_always, reason = "measured with callgrind on benches/")]
    #[inline(always)]
    pub(super) fn string_span(&mut self) -> Result<Text> {
        if self.peek() != Some(b'"') {
            return Err(self.expected("a string"));
        }
        self.pos += 1;
        let start = self.pos;
        let end = self.plain_run(start)?;
        if self.bytes()[end] == b'"' {
            self.pos = end + 1;
            return Ok(Text::Input(start, end));
        }
        self.scratch.clear();
        self.scratch.push_str(&self.text[start..end]);
        self.pos = end;
        self.unescape_rest()?;
        Ok(Text::Scratch)
    }

    /// The end of the run of plain characters from `start`: where a `"` or `\` stands.
    /// A control character there is an error, and so is the end of the input.
    #[allow(clippy::inline_always, reason = "measured with callgrind on benches/")]
    #[inline(always)]
    pub(super) fn plain_run(&self, start: usize) -> Result<usize> {
        let bytes = self.bytes();
        match crate::scan::first_of(&bytes[start..], [b'"', b'\\']).map(|i| start + i) {
            Some(end) if bytes[end] < 0x20 => Err(self.error_at(
                end,
                Error::syntax("control character in a string (must be escaped)"),
            )),
            Some(end) => Ok(end),
            None => Err(self.error_at(bytes.len(), Error::eof("a string"))),
        }
    }

    pub(super) fn resolve(&self, text: Text) -> &str {
        match text {
            Text::Input(start, end) => &self.text[start..end],
            Text::Scratch => &self.scratch,
        }
    }

    #[allow(clippy::inline_always, reason = "measured with callgrind on benches/")]
    #[inline(always)]
    pub(super) fn string(&mut self) -> Result<&str> {
        let text = self.string_span()?;
        Ok(self.resolve(text))
    }

    /// Continues a string with escapes into `scratch`; `pos` stands at a backslash.
    pub(super) fn unescape_rest(&mut self) -> Result<()> {
        let bytes = self.bytes();
        loop {
            match bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape()?;
                }
                Some(_) => {
                    let start = self.pos;
                    let end = self.plain_run(start)?;
                    self.scratch.push_str(&self.text[start..end]);
                    self.pos = end;
                }
                None => return Err(self.error(Error::eof("a string"))),
            }
        }
    }

    pub(super) fn escape(&mut self) -> Result<()> {
        let Some(&b) = self.bytes().get(self.pos) else {
            return Err(self.error(Error::eof("a string escape")));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => {
                self.pos -= 1;
                return Err(self.error(Error::syntax("invalid escape in a string")));
            }
        };
        self.scratch.push(c);
        Ok(())
    }

    pub(super) fn hex4(&mut self) -> Result<u32> {
        let Some(bytes) = self.bytes().get(self.pos..self.pos + 4) else {
            return Err(self.error(Error::eof("a \\u escape")));
        };
        if !bytes.iter().all(u8::is_ascii_hexdigit) {
            return Err(self.error(Error::syntax(
                "invalid \\u escape: expected four hex digits",
            )));
        }
        // Four ASCII hex digits: a valid slice, and a number below 0x10000.
        let code = u32::from_str_radix(&self.text[self.pos..self.pos + 4], 16)
            .map_err(|_| self.error(Error::syntax("invalid \\u escape")))?;
        self.pos += 4;
        Ok(code)
    }

    pub(super) fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.pos..].starts_with("\\u") {
                    return Err(self.error(Error::syntax("lone leading surrogate in a \\u escape")));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(
                        self.error(Error::syntax("invalid trailing surrogate in a \\u escape"))
                    );
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(self.error(Error::syntax("lone trailing surrogate in a \\u escape")));
            }
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error(Error::syntax("invalid \\u escape")))
    }

    #[cold]
    pub(super) fn error_at(&self, offset: usize, err: Error) -> Error {
        err.at(Position::locate(self.bytes(), offset))
    }

    /// The text of a number token, checked against the JSON grammar.
    pub(super) fn number_token(&mut self, what: &'static str) -> Result<&'a str> {
        self.skip_ws();
        let start = self.pos;
        match number::scan(self.bytes(), start) {
            Ok(end) => {
                self.pos = end;
                Ok(&self.text[start..end])
            }
            Err(number::ScanError::NotANumber) => Err(self.expected(what)),
            Err(number::ScanError::Malformed(at)) => {
                Err(self.error_at(at, Error::syntax("malformed number")))
            }
        }
    }

    pub(super) fn integer(&mut self, what: &'static str) -> Result<i64> {
        let start = self.pos;
        let token = self.number_token(what)?;
        match number::parse_integer(token) {
            Ok(n) => Ok(n),
            Err(number::IntegerError::Fraction) => {
                Err(self.error_at(start, Error::expected(what, format!("the number {token}"))))
            }
            Err(_) => Err(self.error_at(start, Error::out_of_range(what, token))),
        }
    }

    pub(super) fn narrow<T: TryFrom<i64>>(&mut self, what: &'static str) -> Result<T> {
        self.skip_ws();
        let start = self.pos;
        let n = self.integer(what)?;
        T::try_from(n).map_err(|_| self.error_at(start, Error::out_of_range(what, n.to_string())))
    }

    /// A float: a number, or one of the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
    pub(super) fn float<T: number::Float>(&mut self, what: &'static str) -> Result<T> {
        self.skip_ws();
        let start = self.pos;
        if self.peek() == Some(b'"') {
            let text = self.string_span()?;
            return number::special_float(self.resolve(text)).ok_or_else(|| {
                self.error_at(
                    start,
                    Error::expected(what, "a string other than NaN, Infinity or -Infinity"),
                )
            });
        }
        let token = self.number_token(what)?;
        number::parse_float(token)
            .ok_or_else(|| self.error_at(start, Error::out_of_range(what, token)))
    }

    pub(super) fn document(&mut self) -> Result<Document> {
        match self.peek() {
            Some(b'{') => self.nested(|de| {
                de.pos += 1;
                let mut object = indexmap::IndexMap::new();
                if !de.eat(b'}') {
                    loop {
                        let key = de.string()?.to_owned();
                        if !de.eat(b':') {
                            return Err(de.error(Error::syntax("expected `:` after an object key")));
                        }
                        let value = de.document().map_err(|e| e.in_key(&key))?;
                        object.insert(key, value);
                        if !de.more(b'}', "an object")? {
                            break;
                        }
                    }
                }
                Ok(Document::Object(object))
            }),
            Some(b'[') => self.nested(|de| {
                de.pos += 1;
                let mut items = Vec::new();
                if !de.eat(b']') {
                    loop {
                        let i = items.len();
                        items.push(de.document().map_err(|e| e.in_item(i))?);
                        if !de.more(b']', "an array")? {
                            break;
                        }
                    }
                }
                Ok(Document::Array(items))
            }),
            Some(b'"') => Ok(Document::String(self.string()?.to_owned())),
            Some(b't' | b'f') => Ok(Document::Boolean(self.boolean()?)),
            Some(b'n') if self.eat_literal("null") => Ok(Document::Null),
            _ => {
                let start = self.pos;
                let token = self.number_token("a document")?;
                number::document_number(token)
                    .map(Document::Number)
                    .ok_or_else(|| {
                        self.error_at(start, Error::out_of_range("a document number", token))
                    })
            }
        }
    }

    pub(super) fn boolean(&mut self) -> Result<bool> {
        if self.eat_literal("true") {
            Ok(true)
        } else if self.eat_literal("false") {
            Ok(false)
        } else {
            Err(self.expected("a boolean"))
        }
    }

    /// Skips one value of any kind without building it; nesting still counts. Containers
    /// are tracked on a heap stack, not by recursion, so hostile nesting cannot exhaust the
    /// call stack before the limit stops it.
    pub(super) fn skip_value(&mut self) -> Result<()> {
        let mut open_objects: Vec<bool> = Vec::new();
        loop {
            match self.peek() {
                Some(open @ (b'{' | b'[')) => {
                    // The new container is one level below those still open.
                    self.depth
                        .check_within(open_objects.len() + 1)
                        .map_err(|e| self.error(e))?;
                    self.pos += 1;
                    let is_object = open == b'{';
                    if !self.eat(if is_object { b'}' } else { b']' }) {
                        open_objects.push(is_object);
                        if is_object {
                            self.object_key()?;
                        }
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string_span()?;
                }
                Some(b't' | b'f') => {
                    self.boolean()?;
                }
                Some(b'n') if self.eat_literal("null") => {}
                _ => {
                    self.number_token("a value")?;
                }
            }
            // A value is complete: close the containers that end after it.
            loop {
                let Some(&is_object) = open_objects.last() else {
                    return Ok(());
                };
                if self.more(if is_object { b'}' } else { b']' }, "a value")? {
                    if is_object {
                        self.object_key()?;
                    }
                    break;
                }
                open_objects.pop();
            }
        }
    }

    /// A key and its colon, inside an object being skipped.
    pub(super) fn object_key(&mut self) -> Result<()> {
        self.string()?;
        if !self.eat(b':') {
            return Err(self.error(Error::syntax("expected `:` after an object key")));
        }
        Ok(())
    }
}

impl Nesting for Reader<'_> {
    #[inline]
    fn depth(&mut self) -> &mut Depth {
        &mut self.depth
    }

    fn locate_limit(&self, err: Error) -> Error {
        self.locate(err)
    }
}

/// Where a string's text is: in the input, or unescaped into the scratch buffer.
#[derive(Clone, Copy)]
pub(super) enum Text {
    Input(usize, usize),
    Scratch,
}

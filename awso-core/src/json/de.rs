//! Reading JSON against a schema.
//!
//! The reader works on validated UTF-8 (`&str`), so string values are sliced out of the input
//! without checking them again, and it matches member names against the schema in model order
//! first: services send members in that order, so the expected name is usually the next one.

use crate::de::ShapeDeserializer;
use crate::error::{Error, Position, Result};
use crate::limits::{Depth, Nesting};
use crate::number;
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
    text: &'a str,
    pos: usize,
    depth: Depth,
    json_names: bool,
    scratch: String,
}

impl<'a> JsonDeserializer<'a> {
    /// A reader over `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            pos: 0,
            depth: Depth::default(),
            json_names: true,
            scratch: String::new(),
        }
    }

    /// A reader over `bytes`, which must be UTF-8 (checked once, here).
    pub fn from_slice(bytes: &'a [u8]) -> Result<Self> {
        crate::utf8::text(bytes).map(Self::new)
    }

    /// Refuses input nested deeper than `max_depth` (default 128).
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.depth.set_max(max_depth);
        self
    }

    /// Matches keys against member names, ignoring `@jsonName`: `awsJson1_0` and `awsJson1_1` do.
    #[must_use]
    pub fn ignore_json_names(mut self) -> Self {
        self.json_names = false;
        self
    }

    /// Reads one `T` (with its own schema).
    pub fn deserialize<T: crate::AwsShape>(&mut self) -> Result<T> {
        self.deserialize_at(&Member::root(T::SCHEMA))
    }

    /// Reads one `T` at `member` (a run-time schema for a [`Value`](crate::Value)).
    pub fn deserialize_at<T: crate::AwsShape>(&mut self, member: &Member) -> Result<T> {
        T::deserialize(member, self).map_err(|e| self.locate(e))
    }

    /// Checks that only whitespace follows.
    pub fn end(&mut self) -> Result<()> {
        self.skip_ws();
        if self.pos < self.text.len() {
            return Err(self.error(Error::syntax("trailing characters after the JSON value")));
        }
        Ok(())
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    #[cold]
    fn locate(&self, err: Error) -> Error {
        err.at(Position::locate(self.bytes(), self.pos))
    }

    fn error(&self, err: Error) -> Error {
        self.locate(err)
    }

    fn skip_ws(&mut self) {
        let bytes = self.bytes();
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next significant byte, not consumed.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        match self.bytes().get(self.pos) {
            Some(b' ' | b'\n' | b'\r' | b'\t') => {
                self.skip_ws();
                self.bytes().get(self.pos).copied()
            }
            next => next.copied(),
        }
    }

    fn describe_next(&mut self) -> &'static str {
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

    fn expected(&mut self, what: &'static str) -> Error {
        let found = self.describe_next();
        if found == "the end of input" {
            return self.error(Error::eof(what));
        }
        self.error(Error::expected(what, found))
    }

    #[inline]
    fn eat(&mut self, byte: u8) -> bool {
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

    fn eat_literal(&mut self, literal: &str) -> bool {
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
    fn more(&mut self, close: u8, what: &'static str) -> Result<bool> {
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
    fn string_span(&mut self) -> Result<Text> {
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
    fn plain_run(&self, start: usize) -> Result<usize> {
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

    fn resolve(&self, text: Text) -> &str {
        match text {
            Text::Input(start, end) => &self.text[start..end],
            Text::Scratch => &self.scratch,
        }
    }

    #[allow(clippy::inline_always, reason = "measured with callgrind on benches/")]
    #[inline(always)]
    fn string(&mut self) -> Result<&str> {
        let text = self.string_span()?;
        Ok(self.resolve(text))
    }

    /// Continues a string with escapes into `scratch`; `pos` stands at a backslash.
    fn unescape_rest(&mut self) -> Result<()> {
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

    fn escape(&mut self) -> Result<()> {
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

    fn hex4(&mut self) -> Result<u32> {
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

    fn unicode_escape(&mut self) -> Result<char> {
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
    fn error_at(&self, offset: usize, err: Error) -> Error {
        err.at(Position::locate(self.bytes(), offset))
    }

    /// The text of a number token, checked against the JSON grammar.
    fn number_token(&mut self, what: &'static str) -> Result<&'a str> {
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

    fn integer(&mut self, what: &'static str) -> Result<i64> {
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

    fn narrow<T: TryFrom<i64>>(&mut self, what: &'static str) -> Result<T> {
        self.skip_ws();
        let start = self.pos;
        let n = self.integer(what)?;
        T::try_from(n).map_err(|_| self.error_at(start, Error::out_of_range(what, n.to_string())))
    }

    /// A float: a number, or one of the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
    fn float<T: number::Float>(&mut self, what: &'static str) -> Result<T> {
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

    fn document(&mut self) -> Result<Document> {
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

    fn boolean(&mut self) -> Result<bool> {
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
    fn skip_value(&mut self) -> Result<()> {
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
    fn object_key(&mut self) -> Result<()> {
        self.string()?;
        if !self.eat(b':') {
            return Err(self.error(Error::syntax("expected `:` after an object key")));
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
        let bytes = self.bytes();
        let at = self.pos;
        let matches = bytes.get(at) == Some(&b'"')
            && bytes.get(at + 1..at + 1 + name.len()) == Some(name)
            && bytes.get(at + 1 + name.len()) == Some(&b'"');
        if matches {
            self.pos = at + name.len() + 2;
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
        if !self.eat(b'}') {
            loop {
                self.skip_ws();
                let key_at = self.pos;
                // Services write members in model order, some left out: the key is most
                // likely the expected member's or one soon after, matched on the raw bytes.
                let upcoming = members.get(expected..).unwrap_or_default();
                let found = match upcoming.iter().find_map(|m| self.expected_key(Some(m))) {
                    Some(m) => Some(m),
                    None => {
                        let key = self.string_span()?;
                        let key = self.resolve(key);
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
                if !self.eat(b':') {
                    return Err(self.error(Error::syntax("expected `:` after an object key")));
                }
                match found {
                    Some(m) => {
                        if !seen.mark(m.index()) {
                            return Err(self.error_at(key_at, Error::duplicate_member(m.name())));
                        }
                        expected = m.index() + 1;
                        // A null member is an absent one, except that a document can be null.
                        let absent = self.peek() == Some(b'n')
                            && m.target().kind() != ShapeKind::Document
                            && self.eat_literal("null");
                        if !absent {
                            builder
                                .read_member(m, self)
                                .map_err(|e| self.locate(e).in_member(m.name()))?;
                        }
                    }
                    None => self.skip_value()?,
                }
                if !self.more(b'}', "an object")? {
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
        &mut self.depth
    }

    fn locate_limit(&self, err: Error) -> Error {
        self.error(err)
    }
}

/// Where a string's text is: in the input, or unescaped into the scratch buffer.
#[derive(Clone, Copy)]
enum Text {
    Input(usize, usize),
    Scratch,
}

impl ShapeDeserializer for JsonDeserializer<'_> {
    fn read_struct<B: StructBuilder>(&mut self, member: &Member, builder: &mut B) -> Result<()> {
        if !self.eat(b'{') {
            return Err(self.expected("an object"));
        }
        self.nested(|de| de.object_members(member, builder))
    }

    fn read_list<F>(&mut self, _: &Member, mut on_item: F) -> Result<()>
    where
        F: FnMut(&mut Self) -> Result<()>,
    {
        if !self.eat(b'[') {
            return Err(self.expected("an array"));
        }
        self.nested(|de| {
            if !de.eat(b']') {
                let mut i = 0;
                loop {
                    on_item(de).map_err(|e| de.locate(e).in_item(i))?;
                    i += 1;
                    if !de.more(b']', "an array")? {
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
        if !self.eat(b'{') {
            return Err(self.expected("an object"));
        }
        self.nested(|de| {
            let mut key = String::new();
            if !de.eat(b'}') {
                loop {
                    key.clear();
                    key.push_str(de.string()?);
                    if !de.eat(b':') {
                        return Err(de.error(Error::syntax("expected `:` after an object key")));
                    }
                    on_entry(de, &key).map_err(|e| de.locate(e).in_key(&key))?;
                    if !de.more(b'}', "an object")? {
                        break;
                    }
                }
            }
            Ok(())
        })
    }
    fn read_null(&mut self) -> Result<bool> {
        Ok(self.eat_literal("null"))
    }

    fn read_boolean(&mut self, _: &Member) -> Result<bool> {
        self.boolean()
    }

    fn read_byte(&mut self, _: &Member) -> Result<i8> {
        self.narrow("a byte")
    }

    fn read_short(&mut self, _: &Member) -> Result<i16> {
        self.narrow("a short")
    }

    fn read_integer(&mut self, _: &Member) -> Result<i32> {
        self.narrow("an integer")
    }

    fn read_long(&mut self, _: &Member) -> Result<i64> {
        self.integer("an integer")
    }

    fn read_float(&mut self, _: &Member) -> Result<f32> {
        self.float("a float")
    }

    fn read_double(&mut self, _: &Member) -> Result<f64> {
        self.float("a double")
    }

    fn read_big_integer(&mut self, _: &Member) -> Result<String> {
        let start = self.pos;
        let token = self.number_token("a big integer")?;
        if token.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
            return Err(self.error_at(
                start,
                Error::expected("a big integer", format!("the number {token}")),
            ));
        }
        Ok(token.to_owned())
    }

    fn read_big_decimal(&mut self, _: &Member) -> Result<String> {
        Ok(self.number_token("a big decimal")?.to_owned())
    }

    fn read_string(&mut self, _: &Member) -> Result<String> {
        self.string().map(str::to_owned)
    }

    fn read_str<R, F>(&mut self, _: &Member, f: F) -> Result<R>
    where
        F: FnOnce(&str) -> Result<R>,
    {
        self.skip_ws();
        let start = self.pos;
        let text = self.string()?;
        match f(text) {
            Ok(r) => Ok(r),
            Err(e) => Err(self.error_at(start, e)),
        }
    }

    fn read_blob(&mut self, _: &Member) -> Result<Vec<u8>> {
        self.skip_ws();
        let start = self.pos;
        let text = self.string()?;
        decode_base64(text).map_err(|e| self.error_at(start, e))
    }

    fn read_timestamp(&mut self, member: &Member) -> Result<Timestamp> {
        self.skip_ws();
        let start = self.pos;
        let format = member
            .timestamp_format()
            .unwrap_or(TimestampFormat::EpochSeconds);
        let parsed = match (format, self.peek()) {
            (TimestampFormat::EpochSeconds, Some(b'-' | b'0'..=b'9')) => {
                let token = self.number_token("a timestamp")?;
                Timestamp::parse(token, format)
            }
            (TimestampFormat::EpochSeconds, _) => {
                return Err(self.expected("epoch seconds (a number)"));
            }
            (_, Some(b'"')) => {
                let text = self.string()?;
                Timestamp::parse(text, format)
            }
            _ => return Err(self.expected("a timestamp string")),
        };
        parsed.map_err(|e| self.error_at(start, e))
    }

    fn read_document(&mut self, _: &Member) -> Result<Document> {
        self.document()
    }
}

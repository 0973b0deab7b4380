//! The error every codec returns: what went wrong, where in the input, and at which member.
//!
//! ```
//! use awso_core::json;
//!
//! #[derive(awso_core::AwsShape, Debug)]
//! #[awso(rename_all = "PascalCase")]
//! struct Receipt {
//!     read_timestamp: Option<i64>,
//! }
//!
//! let err = json::from_str::<Vec<Receipt>>("[{}, {\n \"ReadTimestamp\": \"soon\"}]").unwrap_err();
//! assert_eq!(err.category(), awso_core::error::Category::Data);
//! assert_eq!(err.path(), "[1].ReadTimestamp");
//! assert_eq!(err.to_string(), "expected an integer, found a string at line 2 column 19 (byte 25), at [1].ReadTimestamp");
//! ```

use std::borrow::Cow;
use std::fmt::{self, Write as _};

/// A codec error: opaque, with a [`Category`] for callers that branch, the input position and
/// the member path. `Display` reads `expected ..., found ... at line L column C (byte B), at Path`.
///
/// ```
/// use awso_core::error::Category;
///
/// let err = awso_core::json::from_str::<i32>("\"seven\"").unwrap_err();
/// assert_eq!(err.category(), Category::Data);
/// assert_eq!(err.to_string(), "expected an integer, found a string at line 1 column 1 (byte 0)");
/// ```
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: Kind,
    position: Option<Position>,
    /// Innermost segment first: segments are added while the error travels outwards, which
    /// keeps the happy path free of any bookkeeping.
    path: Vec<Segment>,
}

/// How an error is classified, for callers that branch on it.
///
/// ```
/// use awso_core::error::Category;
///
/// let err = awso_core::json::from_str::<String>("\"unterminated").unwrap_err();
/// assert_eq!(err.category(), Category::Eof);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Category {
    /// The input is not well-formed JSON or XML.
    Syntax,
    /// The input ended early.
    Eof,
    /// The input is well-formed but does not fit the schema (a string where a number belongs,
    /// a number out of range, two members in a union, invalid base64 or date text).
    Data,
    /// A configured limit was hit (nesting depth).
    Limit,
    /// The value cannot be written in this format (a document in XML, an unknown union member).
    Unsupported,
    /// Reading or writing an I/O stream failed.
    Io,
}

/// A place in the input: byte offset, and line and column (both from 1, columns in bytes).
///
/// ```
/// let err = awso_core::json::from_str::<Vec<bool>>("[true,\n  1]").unwrap_err();
/// let position = err.position().unwrap();
/// assert_eq!((position.line, position.column), (2, 3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    /// Byte offset from the start of the input.
    pub offset: usize,
    /// Line number, from 1.
    pub line: usize,
    /// Column in bytes, from 1.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `input`.
    ///
    /// ```
    /// use awso_core::error::Position;
    ///
    /// let position = Position::locate(b"{\n  \"a\": x}", 9);
    /// assert_eq!(position, Position { offset: 9, line: 2, column: 8 });
    /// ```
    pub fn locate(input: &[u8], offset: usize) -> Self {
        let offset = offset.min(input.len());
        let before = &input[..offset];
        let line = 1 + memchr::memchr_iter(b'\n', before).count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Self {
            offset,
            line,
            column: offset - line_start + 1,
        }
    }
}

#[derive(Debug)]
enum Segment {
    Member(&'static str),
    Index(usize),
    Key(String),
}

#[derive(Debug)]
enum Kind {
    Syntax(Cow<'static, str>),
    Eof(&'static str),
    Expected {
        expected: &'static str,
        found: Cow<'static, str>,
    },
    OutOfRange {
        target: &'static str,
        text: String,
    },
    Invalid {
        what: &'static str,
        detail: Cow<'static, str>,
    },
    Depth(usize),
    Duplicate(&'static str),
    Unsupported(Cow<'static, str>),
    Io(std::io::Error),
    Custom(String),
}

impl Error {
    // Cold: errors end a decode, so readers keep their fast paths free of building them.
    #[cold]
    #[inline(never)]
    fn new(kind: Kind) -> Self {
        Self {
            inner: Box::new(Inner {
                kind,
                position: None,
                path: Vec::new(),
            }),
        }
    }

    /// Malformed input: `message` says what rule was broken (`"expected `,` or `}`"`).
    ///
    /// ```
    /// let err = awso_core::Error::syntax("expected `,` or `}`");
    /// assert_eq!(err.category(), awso_core::error::Category::Syntax);
    /// assert_eq!(err.to_string(), "expected `,` or `}`");
    /// ```
    pub fn syntax(message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Kind::Syntax(message.into()))
    }

    /// The input ended while reading `while_reading` (`"a string"`).
    ///
    /// ```
    /// let err = awso_core::Error::eof("a string");
    /// assert_eq!(err.category(), awso_core::error::Category::Eof);
    /// assert!(err.to_string().contains("a string"));
    /// ```
    pub fn eof(while_reading: &'static str) -> Self {
        Self::new(Kind::Eof(while_reading))
    }

    /// Found something of the wrong type: `expected an integer, found a string`.
    ///
    /// ```
    /// let err = awso_core::Error::expected("an integer", "a string");
    /// assert_eq!(err.to_string(), "expected an integer, found a string");
    /// ```
    pub fn expected(expected: &'static str, found: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Kind::Expected {
            expected,
            found: found.into(),
        })
    }

    /// A number that does not fit: `300 is out of range for a byte`.
    ///
    /// ```
    /// let err = awso_core::Error::out_of_range("a byte", "300");
    /// assert_eq!(err.to_string(), "300 is out of range for a byte");
    /// ```
    pub fn out_of_range(target: &'static str, text: impl Into<String>) -> Self {
        Self::new(Kind::OutOfRange {
            target,
            text: text.into(),
        })
    }

    /// A value that is not valid for its kind: `invalid timestamp: ...`.
    ///
    /// ```
    /// let err = awso_core::Error::invalid("timestamp", "month 13");
    /// assert_eq!(err.category(), awso_core::error::Category::Data);
    /// assert!(err.to_string().contains("month 13"));
    /// ```
    pub fn invalid(what: &'static str, detail: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Kind::Invalid {
            what,
            detail: detail.into(),
        })
    }

    /// Nesting deeper than `limit`.
    ///
    /// ```
    /// let err = awso_core::Error::depth_limit(64);
    /// assert_eq!(err.category(), awso_core::error::Category::Limit);
    /// assert!(err.to_string().contains("64"));
    /// ```
    pub fn depth_limit(limit: usize) -> Self {
        Self::new(Kind::Depth(limit))
    }

    /// A member that appears twice.
    ///
    /// ```
    /// let err = awso_core::Error::duplicate_member("Name");
    /// assert_eq!(err.category(), awso_core::error::Category::Data);
    /// assert!(err.to_string().contains("Name"));
    /// ```
    pub fn duplicate_member(name: &'static str) -> Self {
        Self::new(Kind::Duplicate(name))
    }

    /// A value the format cannot carry.
    ///
    /// ```
    /// let err = awso_core::Error::unsupported("a document in XML");
    /// assert_eq!(err.category(), awso_core::error::Category::Unsupported);
    /// ```
    pub fn unsupported(message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Kind::Unsupported(message.into()))
    }

    /// An error of a hand-written [`AwsShape`](crate::AwsShape) implementation.
    ///
    /// ```
    /// let err = awso_core::Error::custom(format_args!("port {} is closed", 8080));
    /// assert_eq!(err.category(), awso_core::error::Category::Data);
    /// assert_eq!(err.to_string(), "port 8080 is closed");
    /// ```
    pub fn custom(message: impl fmt::Display) -> Self {
        Self::new(Kind::Custom(message.to_string()))
    }

    /// The classification of the error.
    ///
    /// ```
    /// use awso_core::error::Category;
    ///
    /// let retry = |err: &awso_core::Error| matches!(err.category(), Category::Eof | Category::Io);
    /// assert!(retry(&awso_core::json::from_str::<Vec<i32>>("[1,").unwrap_err()));
    /// assert!(!retry(&awso_core::json::from_str::<Vec<i32>>("[true]").unwrap_err()));
    /// ```
    pub fn category(&self) -> Category {
        match &self.inner.kind {
            Kind::Syntax(_) => Category::Syntax,
            Kind::Eof(_) => Category::Eof,
            Kind::Expected { .. }
            | Kind::OutOfRange { .. }
            | Kind::Invalid { .. }
            | Kind::Duplicate(_)
            | Kind::Custom(_) => Category::Data,
            Kind::Depth(_) => Category::Limit,
            Kind::Unsupported(_) => Category::Unsupported,
            Kind::Io(_) => Category::Io,
        }
    }

    /// Where in the input the error was found, when the input was text or bytes.
    ///
    /// ```
    /// let err = awso_core::json::from_str::<bool>("  nope").unwrap_err();
    /// assert_eq!(err.position().map(|p| p.offset), Some(2));
    /// assert_eq!(awso_core::Error::eof("a list").position(), None);
    /// ```
    pub fn position(&self) -> Option<Position> {
        self.inner.position
    }

    /// The member path from the top-level value, as `Transcript[3].MessageMetadata.Receipts[0]`;
    /// empty at the top level. Map keys print as `Attributes["key"]`.
    ///
    /// ```
    /// let err = awso_core::Error::expected("an integer", "a string")
    ///     .in_key("retries")
    ///     .in_member("Settings")
    ///     .in_item(2)
    ///     .in_member("Profiles");
    /// assert_eq!(err.path(), "Profiles[2].Settings[\"retries\"]");
    /// ```
    pub fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.inner.path.iter().rev() {
            match segment {
                Segment::Member(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(itoa::Buffer::new().format(*i));
                    out.push(']');
                }
                Segment::Key(key) => {
                    let _ = write!(out, "[{key:?}]");
                }
            }
        }
        out
    }

    /// Records the position, unless a more precise one is already known.
    ///
    /// ```
    /// use awso_core::error::Position;
    ///
    /// let first = Position::locate(b"ab\ncd", 4);
    /// let err = awso_core::Error::syntax("bad").at(first).at(Position::locate(b"ab\ncd", 0));
    /// assert_eq!(err.position(), Some(first));
    /// ```
    #[must_use]
    pub fn at(mut self, position: Position) -> Self {
        if self.inner.position.is_none() {
            self.inner.position = Some(position);
        }
        self
    }

    /// Records that the error happened inside member `name` of the enclosing value.
    ///
    /// ```
    /// let err = awso_core::Error::eof("a string").in_member("Name").in_member("Owner");
    /// assert_eq!(err.path(), "Owner.Name");
    /// ```
    #[must_use]
    pub fn in_member(mut self, name: &'static str) -> Self {
        self.inner.path.push(Segment::Member(name));
        self
    }

    /// Records that the error happened inside item `index` of the enclosing list.
    ///
    /// ```
    /// let err = awso_core::Error::eof("a string").in_item(3);
    /// assert_eq!(err.path(), "[3]");
    /// ```
    #[must_use]
    pub fn in_item(mut self, index: usize) -> Self {
        self.inner.path.push(Segment::Index(index));
        self
    }

    /// Records that the error happened inside the value of `key` of the enclosing map.
    ///
    /// ```
    /// let err = awso_core::Error::eof("a string").in_key("color").in_member("Tags");
    /// assert_eq!(err.path(), "Tags[\"color\"]");
    /// ```
    #[must_use]
    pub fn in_key(mut self, key: &str) -> Self {
        self.inner.path.push(Segment::Key(key.to_owned()));
        self
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Self::new(Kind::Io(err))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax(message) | Self::Unsupported(message) => f.write_str(message),
            Self::Eof(what) => write!(f, "unexpected end of input while reading {what}"),
            Self::Expected { expected, found } => write!(f, "expected {expected}, found {found}"),
            Self::OutOfRange { target, text } => write!(f, "{text} is out of range for {target}"),
            Self::Invalid { what, detail } => write!(f, "invalid {what}: {detail}"),
            Self::Depth(limit) => write!(f, "nesting deeper than the limit of {limit}"),
            Self::Duplicate(name) => write!(f, "member `{name}` appears twice"),
            Self::Custom(message) => f.write_str(message),
            Self::Io(err) => write!(f, "i/o error: {err}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.inner.kind)?;
        if let Some(p) = self.inner.position {
            write!(
                f,
                " at line {} column {} (byte {})",
                p.line, p.column, p.offset
            )?;
        }
        if !self.inner.path.is_empty() {
            write!(f, ", at {}", self.path())?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.inner.kind)
            .field("position", &self.inner.position)
            .field("path", &self.path())
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.inner.kind {
            Kind::Io(err) => Some(err),
            _ => None,
        }
    }
}

/// The result of every codec operation.
///
/// ```
/// fn port(text: &str) -> awso_core::Result<u16> {
///     text.parse().map_err(awso_core::Error::custom)
/// }
/// assert_eq!(port("443")?, 443);
/// assert!(port("http").is_err());
/// # Ok::<(), awso_core::Error>(())
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

//! Path expressions over values: the subset of JMESPath that botocore's waiters and
//! paginators use.
//!
//! Supported: member names (`Table.TableStatus`, `"quoted"`), `@`, flatten projections
//! (`Reservations[].Instances[].State.Name`), object projections (`Attributes.*.Status`),
//! filter projections (`Items[?Status == 'FAILED']`), indexes (`Shards[-1]`), `length(...)`,
//! comparisons (`==`, `!=`, `<`, `<=`, `>`, `>=`), `&&`, `||`, `!`, `|`, parentheses, raw
//! string literals (`'DISABLED'`) and JSON literals (`` `0` ``). Anything else (other
//! functions, slices, multi-selects) is refused when the expression is parsed, so a generator
//! can report it before any code exists.
//!
//! Expressions are evaluated over a [`Document`]: [`to_document`] turns a [`Value`] (keyed by
//! model member names, as the expressions are) into one.
//!
//! ```
//! use awso_core::value::path::Expression;
//!
//! let doc: awso_core::Document = awso_core::json::from_str(
//!     r#"{"Reservations": [{"Instances": [{"State": {"Name": "running"}}]},
//!                          {"Instances": [{"State": {"Name": "pending"}}]}]}"#,
//! )?;
//! let names = Expression::parse("Reservations[].Instances[].State.Name")?.search(&doc);
//! assert_eq!(awso_core::json::to_string(&names)?, r#"["running","pending"]"#);
//! let any = Expression::parse("length(Reservations[]) > `1`")?.search(&doc);
//! assert_eq!(any, awso_core::Document::Boolean(true));
//! assert!(Expression::parse("max(Reservations)").is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use super::Value;
use crate::types::{Document, IndexMap, Number};

/// The longest expression read: model expressions are under 200 characters.
const MAX_LENGTH: usize = 4096;
/// The deepest nesting of sub-expressions; parsing and evaluation recurse this deep at most.
const MAX_DEPTH: usize = 32;

/// A parsed expression.
///
/// ```
/// use awso_core::value::path::Expression;
///
/// let status = Expression::parse("Table.TableStatus")?;
/// let doc: awso_core::Document = awso_core::json::from_str(r#"{"Table":{"TableStatus":"ACTIVE"}}"#)?;
/// assert_eq!(status.search(&doc), awso_core::Document::String("ACTIVE".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Expression {
    root: Node,
}

/// Why an expression was refused: what, and at which character.
///
/// ```
/// use awso_core::value::path::Expression;
///
/// let error = Expression::parse("Items[0:2]").unwrap_err();
/// assert!(error.to_string().contains("at character"), "{error}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    at: usize,
    message: String,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at character {}", self.message, self.at)
    }
}

impl std::error::Error for PathError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Comparator {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Current,
    Field(String),
    Literal(Document),
    /// Evaluate the right side on the left side's result (`a.b`, `a | b`).
    Sub(Box<Node>, Box<Node>),
    Index(Box<Node>, i64),
    /// Flatten the left side's array one level.
    Flatten(Box<Node>),
    /// Evaluate the right side on each element of the left side's array, dropping nulls.
    Project(Box<Node>, Box<Node>),
    /// The same over an object's values.
    ObjectProject(Box<Node>, Box<Node>),
    /// A projection over the elements for which the condition holds.
    Filter(Box<Node>, Box<Node>, Box<Node>),
    Compare(Comparator, Box<Node>, Box<Node>),
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Not(Box<Node>),
    Length(Box<Node>),
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Name(String),
    Literal(Document),
    Number(i64),
    Dot,
    Star,
    At,
    Comma,
    Flatten,
    FilterOpen,
    LBracket,
    RBracket,
    LParen,
    RParen,
    Not,
    Compare(Comparator),
    And,
    Or,
    Pipe,
    End,
}

impl Token {
    /// JMESPath's binding powers: what a token binds on its left.
    fn binding_power(&self) -> u8 {
        match self {
            Token::Pipe => 1,
            Token::Or => 2,
            Token::And => 3,
            Token::Compare(_) => 5,
            Token::Flatten => 9,
            Token::Star => 20,
            Token::FilterOpen => 21,
            Token::Dot => 40,
            Token::Not => 45,
            Token::LBracket => 55,
            Token::LParen => 60,
            _ => 0,
        }
    }
}

impl Expression {
    /// Parses `text`; refuses what the subset does not cover, saying what and where.
    ///
    /// ```
    /// use awso_core::value::path::Expression;
    ///
    /// assert!(Expression::parse("Items[?Status == 'FAILED'] | length(@) > `0`").is_ok());
    /// assert!(Expression::parse("sort_by(Items, &Name)").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, PathError> {
        if text.len() > MAX_LENGTH {
            return Err(PathError {
                at: MAX_LENGTH,
                message: format!("expression longer than {MAX_LENGTH} characters"),
            });
        }
        let tokens = tokenize(text)?;
        let mut parser = Parser {
            tokens,
            next: 0,
            depth: 0,
        };
        let root = parser.expression(0)?;
        match parser.peek() {
            Token::End => Ok(Expression { root }),
            other => Err(parser.error(format!("unexpected {other:?}"))),
        }
    }

    /// The expression's result on `doc` (`null` where a member is missing).
    ///
    /// ```
    /// use awso_core::Document;
    /// use awso_core::value::path::Expression;
    ///
    /// let doc: Document = awso_core::json::from_str(r#"{"Items":[{"Status":"OK"},{"Status":"FAILED"}]}"#)?;
    /// let failed = Expression::parse("length(Items[?Status == 'FAILED'])")?;
    /// assert_eq!(awso_core::json::to_string(&failed.search(&doc))?, "1");
    /// assert_eq!(Expression::parse("Missing.Member")?.search(&doc), Document::Null);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn search(&self, doc: &Document) -> Document {
        eval(&self.root, doc)
    }
}

fn tokenize(text: &str) -> Result<Vec<(usize, Token)>, PathError> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    let error = |at: usize, message: &str| PathError {
        at,
        message: message.to_owned(),
    };
    while i < bytes.len() {
        let start = i;
        let two = bytes.get(i..i + 2).unwrap_or_default();
        let token = match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                tokens.push((start, Token::Name(text[start..i].to_owned())));
                continue;
            }
            b'-' | b'0'..=b'9' => {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                let number = text[start..i]
                    .parse()
                    .map_err(|_| error(start, "a number is out of range"))?;
                tokens.push((start, Token::Number(number)));
                continue;
            }
            b'"' | b'\'' | b'`' => {
                let (token, end) = quoted(text, start)?;
                i = end;
                tokens.push((start, token));
                continue;
            }
            _ if two == b"[]" => Token::Flatten,
            _ if two == b"[?" => Token::FilterOpen,
            _ if two == b"==" => Token::Compare(Comparator::Eq),
            _ if two == b"!=" => Token::Compare(Comparator::Ne),
            _ if two == b"<=" => Token::Compare(Comparator::Le),
            _ if two == b">=" => Token::Compare(Comparator::Ge),
            _ if two == b"&&" => Token::And,
            _ if two == b"||" => Token::Or,
            b'<' => Token::Compare(Comparator::Lt),
            b'>' => Token::Compare(Comparator::Gt),
            b'.' => Token::Dot,
            b'*' => Token::Star,
            b'@' => Token::At,
            b',' => Token::Comma,
            b'[' => Token::LBracket,
            b']' => Token::RBracket,
            b'(' => Token::LParen,
            b')' => Token::RParen,
            b'!' => Token::Not,
            b'|' => Token::Pipe,
            _ => return Err(error(start, "unsupported character")),
        };
        i += if matches!(
            token,
            Token::Flatten
                | Token::FilterOpen
                | Token::And
                | Token::Or
                | Token::Compare(Comparator::Eq | Comparator::Ne | Comparator::Le | Comparator::Ge)
        ) {
            2
        } else {
            1
        };
        tokens.push((start, token));
    }
    tokens.push((text.len(), Token::End));
    Ok(tokens)
}

/// A quoted identifier, raw string or JSON literal starting at `start`, and where it ends.
fn quoted(text: &str, start: usize) -> Result<(Token, usize), PathError> {
    let quote = text.as_bytes()[start];
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() && bytes[i] != quote {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    if i >= bytes.len() {
        return Err(PathError {
            at: start,
            message: "unterminated quote".to_owned(),
        });
    }
    let inner = &text[start + 1..i];
    let invalid = |what: &str| PathError {
        at: start,
        message: format!("invalid {what}"),
    };
    let token = match quote {
        b'\'' => Token::Literal(Document::String(inner.replace("\\'", "'"))),
        b'`' => Token::Literal(
            crate::json::from_str(&inner.replace("\\`", "`"))
                .map_err(|_| invalid("JSON literal"))?,
        ),
        _ => match crate::json::from_str::<Document>(&text[start..=i]) {
            Ok(Document::String(name)) => Token::Name(name),
            _ => return Err(invalid("quoted identifier")),
        },
    };
    Ok((token, i + 1))
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    next: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Token {
        self.tokens.get(self.next).map_or(&Token::End, |(_, t)| t)
    }

    fn advance(&mut self) -> Token {
        let token = self.peek().clone();
        self.next = (self.next + 1).min(self.tokens.len());
        token
    }

    fn error(&self, message: String) -> PathError {
        let at = self.tokens.get(self.next).map_or(0, |(at, _)| *at);
        PathError { at, message }
    }

    fn expect(&mut self, token: &Token) -> Result<(), PathError> {
        if self.peek() == token {
            self.advance();
            Ok(())
        } else {
            Err(self.error(format!("expected {token:?}, found {:?}", self.peek())))
        }
    }

    /// Pratt parsing: a prefix, then operators binding tighter than `min_power`.
    fn expression(&mut self, min_power: u8) -> Result<Node, PathError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!("nested deeper than {MAX_DEPTH}")));
        }
        let mut left = self.prefix()?;
        while self.peek().binding_power() > min_power {
            left = self.infix(left)?;
        }
        self.depth -= 1;
        Ok(left)
    }

    fn prefix(&mut self) -> Result<Node, PathError> {
        match self.advance() {
            Token::Name(name) if *self.peek() == Token::LParen => self.function(&name),
            Token::Name(name) => Ok(Node::Field(name)),
            Token::At => Ok(Node::Current),
            Token::Literal(doc) => Ok(Node::Literal(doc)),
            Token::Not => Ok(Node::Not(Box::new(self.expression(45)?))),
            Token::LParen => {
                let inner = self.expression(0)?;
                self.expect(&Token::RParen)?;
                Ok(inner)
            }
            Token::Star => Ok(Node::ObjectProject(
                Box::new(Node::Current),
                Box::new(self.projection_rhs(20)?),
            )),
            token @ (Token::Flatten | Token::FilterOpen | Token::LBracket) => {
                self.bracket(Node::Current, &token)
            }
            other => {
                self.next -= 1;
                Err(self.error(format!("unexpected {other:?}")))
            }
        }
    }

    fn infix(&mut self, left: Node) -> Result<Node, PathError> {
        let left = Box::new(left);
        match self.advance() {
            Token::Dot if *self.peek() == Token::Star => {
                self.advance();
                Ok(Node::ObjectProject(
                    left,
                    Box::new(self.projection_rhs(20)?),
                ))
            }
            Token::Dot => Ok(Node::Sub(left, Box::new(self.dot_rhs(40)?))),
            Token::Pipe => Ok(Node::Sub(left, Box::new(self.expression(1)?))),
            Token::Or => Ok(Node::Or(left, Box::new(self.expression(2)?))),
            Token::And => Ok(Node::And(left, Box::new(self.expression(3)?))),
            Token::Compare(op) => Ok(Node::Compare(op, left, Box::new(self.expression(5)?))),
            token @ (Token::Flatten | Token::FilterOpen | Token::LBracket) => {
                self.bracket(*left, &token)
            }
            other => {
                self.next -= 1;
                Err(self.error(format!("unexpected {other:?}")))
            }
        }
    }

    /// `[]`, `[?cond]` or `[n]` after `left` (the opening token already read).
    fn bracket(&mut self, left: Node, open: &Token) -> Result<Node, PathError> {
        let left = Box::new(left);
        match open {
            Token::Flatten => Ok(Node::Project(
                Box::new(Node::Flatten(left)),
                Box::new(self.projection_rhs(9)?),
            )),
            Token::FilterOpen => {
                let condition = self.expression(0)?;
                self.expect(&Token::RBracket)?;
                let rhs = self.projection_rhs(21)?;
                Ok(Node::Filter(left, Box::new(condition), Box::new(rhs)))
            }
            _ => match self.advance() {
                Token::Number(index) => {
                    self.expect(&Token::RBracket)?;
                    Ok(Node::Index(left, index))
                }
                _ => {
                    self.next -= 1;
                    Err(self.error("only `[]`, `[?...]` and `[n]` are supported".to_owned()))
                }
            },
        }
    }

    /// What a projection applies to each element: the chain of `.x`, `[..]` that follows.
    fn projection_rhs(&mut self, power: u8) -> Result<Node, PathError> {
        match self.peek() {
            token if token.binding_power() < 10 => Ok(Node::Current),
            Token::LBracket | Token::FilterOpen => self.expression(power),
            Token::Dot => {
                self.advance();
                self.dot_rhs(power)
            }
            other => Err(self.error(format!("unexpected {other:?} after a projection"))),
        }
    }

    fn dot_rhs(&mut self, power: u8) -> Result<Node, PathError> {
        match self.peek() {
            Token::Name(_) | Token::Star => self.expression(power),
            other => Err(self.error(format!("expected a member name after `.`, found {other:?}"))),
        }
    }

    fn function(&mut self, name: &str) -> Result<Node, PathError> {
        if name != "length" {
            self.next -= 1;
            return Err(self.error(format!("unsupported function `{name}`")));
        }
        self.expect(&Token::LParen)?;
        let argument = self.expression(0)?;
        self.expect(&Token::RParen)?;
        Ok(Node::Length(Box::new(argument)))
    }
}

fn eval(node: &Node, doc: &Document) -> Document {
    match node {
        Node::Current => doc.clone(),
        Node::Field(name) => doc.get(name).cloned().unwrap_or(Document::Null),
        Node::Literal(literal) => literal.clone(),
        Node::Sub(left, right) => match eval(left, doc) {
            Document::Null => Document::Null,
            value => eval(right, &value),
        },
        Node::Index(left, index) => match eval(left, doc) {
            Document::Array(items) => {
                let at = if *index < 0 {
                    items.len().checked_sub(index.unsigned_abs() as usize)
                } else {
                    Some(*index as usize)
                };
                at.and_then(|at| items.get(at).cloned())
                    .unwrap_or(Document::Null)
            }
            _ => Document::Null,
        },
        Node::Flatten(left) => match eval(left, doc) {
            Document::Array(items) => Document::Array(
                items
                    .into_iter()
                    .flat_map(|item| match item {
                        Document::Array(inner) => inner,
                        other => vec![other],
                    })
                    .collect(),
            ),
            _ => Document::Null,
        },
        Node::Project(left, right) => match eval(left, doc) {
            Document::Array(items) => project(items.iter(), right),
            _ => Document::Null,
        },
        Node::ObjectProject(left, right) => match eval(left, doc) {
            Document::Object(entries) => project(entries.values(), right),
            _ => Document::Null,
        },
        Node::Filter(left, condition, right) => match eval(left, doc) {
            Document::Array(items) => project(
                items.iter().filter(|item| truthy(&eval(condition, item))),
                right,
            ),
            _ => Document::Null,
        },
        Node::Compare(op, left, right) => compare(*op, &eval(left, doc), &eval(right, doc)),
        Node::And(left, right) => match eval(left, doc) {
            value if truthy(&value) => eval(right, doc),
            value => value,
        },
        Node::Or(left, right) => match eval(left, doc) {
            value if truthy(&value) => value,
            _ => eval(right, doc),
        },
        Node::Not(inner) => Document::Boolean(!truthy(&eval(inner, doc))),
        Node::Length(inner) => match eval(inner, doc) {
            Document::String(s) => count(s.chars().count()),
            Document::Array(items) => count(items.len()),
            Document::Object(entries) => count(entries.len()),
            // JMESPath calls this an error; no acceptor matches it.
            _ => Document::Null,
        },
    }
}

fn count(n: usize) -> Document {
    Document::Number(Number::PosInt(n as u64))
}

fn project<'d>(items: impl Iterator<Item = &'d Document>, right: &Node) -> Document {
    Document::Array(
        items
            .map(|item| eval(right, item))
            .filter(|value| !value.is_null())
            .collect(),
    )
}

/// JMESPath's truth: `false`, `null` and empty strings, arrays and objects are false.
fn truthy(doc: &Document) -> bool {
    match doc {
        Document::Null | Document::Boolean(false) => false,
        Document::String(s) => !s.is_empty(),
        Document::Array(items) => !items.is_empty(),
        Document::Object(entries) => !entries.is_empty(),
        Document::Boolean(true) | Document::Number(_) => true,
    }
}

fn number(doc: &Document) -> Option<f64> {
    match doc {
        Document::Number(Number::PosInt(n)) => Some(*n as f64),
        Document::Number(Number::NegInt(n)) => Some(*n as f64),
        Document::Number(Number::Float(n)) => Some(*n),
        _ => None,
    }
}

/// Equality as JMESPath has it: deep, numbers by value (`1 == 1.0`).
///
/// ```
/// use awso_core::Document;
/// use awso_core::types::Number;
/// use awso_core::value::path::same;
///
/// assert!(same(&Document::Number(Number::PosInt(1)), &Document::Number(Number::Float(1.0))));
/// assert!(!same(&Document::String("1".into()), &Document::Number(Number::PosInt(1))));
/// ```
pub fn same(left: &Document, right: &Document) -> bool {
    match (left, right) {
        (Document::Number(_), Document::Number(_)) => number(left) == number(right),
        (Document::Array(a), Document::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Document::Object(a), Document::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(key, x)| b.get(key).is_some_and(|y| same(x, y)))
        }
        _ => left == right,
    }
}

fn compare(op: Comparator, left: &Document, right: &Document) -> Document {
    let ordered = |test: fn(f64, f64) -> bool| match (number(left), number(right)) {
        (Some(a), Some(b)) => Document::Boolean(test(a, b)),
        _ => Document::Null,
    };
    match op {
        Comparator::Eq => Document::Boolean(same(left, right)),
        Comparator::Ne => Document::Boolean(!same(left, right)),
        Comparator::Lt => ordered(|a, b| a < b),
        Comparator::Le => ordered(|a, b| a <= b),
        Comparator::Gt => ordered(|a, b| a > b),
        Comparator::Ge => ordered(|a, b| a >= b),
    }
}

/// The [`Document`] an expression sees for `value`: structures and maps as objects keyed by
/// model names, enums as strings, timestamps as epoch seconds, blobs, big numbers and
/// documents as they print.
///
/// ```
/// use awso_core::{Document, Value};
/// use awso_core::value::path::to_document;
///
/// let value = Value::Structure(vec![("TableStatus".into(), Value::Enum("ACTIVE".into()))]);
/// let doc = to_document(&value);
/// assert_eq!(doc.get("TableStatus").and_then(Document::as_str), Some("ACTIVE"));
/// ```
pub fn to_document(value: &Value) -> Document {
    match value {
        Value::Null => Document::Null,
        Value::Boolean(b) => Document::Boolean(*b),
        Value::Integer(n) => integer(i64::from(*n)),
        Value::Long(n) => integer(*n),
        Value::Float(n) => Document::Number(Number::Float(f64::from(*n))),
        Value::Double(n) => Document::Number(Number::Float(*n)),
        Value::String(s) | Value::Enum(s) => Document::String(s.clone()),
        Value::Timestamp(t) => Document::Number(Number::Float(
            t.secs() as f64 + f64::from(t.subsec_nanos()) / 1e9,
        )),
        Value::BigInteger(_) | Value::BigDecimal(_) | Value::Blob(_) => {
            Document::String(value.to_string())
        }
        Value::List(items) => Document::Array(items.iter().map(to_document).collect()),
        Value::Map(entries) => Document::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), to_document(v)))
                .collect::<IndexMap<_, _>>(),
        ),
        Value::Structure(members) => Document::Object(
            members
                .iter()
                .map(|(k, v)| (k.to_string(), to_document(v)))
                .collect::<IndexMap<_, _>>(),
        ),
        Value::Document(doc) => doc.clone(),
    }
}

fn integer(n: i64) -> Document {
    Document::Number(u64::try_from(n).map_or(Number::NegInt(n), Number::PosInt))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(json: &str) -> Document {
        crate::json::from_str(json).unwrap()
    }

    fn search(expression: &str, json: &str) -> String {
        let result = Expression::parse(expression)
            .unwrap_or_else(|e| panic!("{expression}: {e}"))
            .search(&doc(json));
        crate::json::to_string(&result).unwrap()
    }

    #[test]
    fn the_forms_the_models_use() {
        let ec2 = r#"{"Reservations":[{"Instances":[{"State":{"Name":"running"}},{"State":{"Name":"stopped"}}]},{"Instances":[]}]}"#;
        let cases = [
            (
                "Reservations[].Instances[].State.Name",
                ec2,
                r#"["running","stopped"]"#,
            ),
            ("length(Reservations[]) > `0`", ec2, "true"),
            ("length(Reservations[].Instances[]) == `2`", ec2, "true"),
            ("Missing[].Name", ec2, "null"),
            ("length(Output || '') > `0`", r#"{"Output":null}"#, "false"),
            ("length(Output || '') > `0`", r#"{"Output":"log"}"#, "true"),
            ("status != 'DELETING'", r#"{"status":"AVAILABLE"}"#, "true"),
            (
                "status != 'DELETING' && status != 'X'",
                r#"{"status":"X"}"#,
                "false",
            ),
            (
                "A.*.S",
                r#"{"A":{"x":{"S":"ok"},"y":{"S":"no"}}}"#,
                r#"["ok","no"]"#,
            ),
            (
                "Shards[-1].Id",
                r#"{"Shards":[{"Id":"a"},{"Id":"b"}]}"#,
                r#""b""#,
            ),
            (
                "NextMarker || Contents[-1].Key",
                r#"{"Contents":[{"Key":"k"}]}"#,
                r#""k""#,
            ),
            (
                "length(s[?!(length(d) == `1` && r == w)]) == `0`",
                r#"{"s":[{"d":[1],"r":2,"w":2},{"d":[1,2],"r":1,"w":1}]}"#,
                "false",
            ),
            (
                "length(K[?S == 'DISABLED' || S == 'FAILED']) == length(K)",
                r#"{"K":[{"S":"DISABLED"},{"S":"FAILED"}]}"#,
                "true",
            ),
            (
                "\"quoted name\" | length(@)",
                r#"{"quoted name":"abc"}"#,
                "3",
            ),
            ("a == `1.0`", r#"{"a":1}"#, "true"),
        ];
        for (expression, json, expected) in cases {
            assert_eq!(search(expression, json), expected, "{expression}");
        }
    }

    #[test]
    fn what_the_subset_refuses_is_named_with_its_place() {
        let cases = [
            ("max(a)", "unsupported function `max` at character 0"),
            ("sort_by(a, &b)", "unsupported character at character 11"),
            ("a[0:2]", "unsupported character at character 3"),
            ("a.{b: c}", "unsupported character at character 2"),
            (
                "a.",
                "expected a member name after `.`, found End at character 2",
            ),
            ("'open", "unterminated quote at character 0"),
        ];
        for (expression, expected) in cases {
            let error = Expression::parse(expression).unwrap_err().to_string();
            assert!(error.starts_with(expected), "{expression}: {error}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("{}a{}", "(".repeat(100), ")".repeat(100));
        let error = Expression::parse(&deep).unwrap_err();
        assert!(
            error.to_string().contains("nested deeper than 32"),
            "{error}"
        );
        let long = "a.".repeat(3000) + "a";
        assert!(Expression::parse(&long).is_err());
    }
}

//! Documents: untyped, JSON-like data (a Smithy `document`).

use indexmap::IndexMap;

/// Untyped JSON-like data, as a Smithy `document` member carries it.
///
/// Objects keep their keys in the order they were read or inserted.
///
/// ```
/// use awso_core::Document;
/// use awso_core::types::Number;
///
/// let doc: Document = awso_core::json::from_str(r#"{"a": [1, -2, 0.5, null, "x"]}"#)?;
/// let items = doc.get("a").and_then(Document::as_array).unwrap();
/// assert_eq!(items[1], Document::Number(Number::NegInt(-2)));
/// assert_eq!(awso_core::json::to_string(&doc)?, r#"{"a":[1,-2,0.5,null,"x"]}"#);
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Document {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Boolean(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Document>),
    /// An object.
    Object(IndexMap<String, Document>),
}

/// A document number: integers are kept exactly, apart from floats.
///
/// ```
/// use awso_core::Document;
/// use awso_core::types::Number;
///
/// let doc: Document = awso_core::json::from_str("[18446744073709551615, -1, 2.5]")?;
/// assert_eq!(
///     doc,
///     Document::Array(vec![
///         Document::Number(Number::PosInt(u64::MAX)),
///         Document::Number(Number::NegInt(-1)),
///         Document::Number(Number::Float(2.5)),
///     ])
/// );
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// A number with a fraction or exponent.
    Float(f64),
}

impl Document {
    /// The value of `key` when this is an object.
    ///
    /// ```
    /// let doc: awso_core::Document = awso_core::json::from_str(r#"{"a": true}"#)?;
    /// assert_eq!(doc.get("a"), Some(&awso_core::Document::Boolean(true)));
    /// assert_eq!(doc.get("b"), None);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn get(&self, key: &str) -> Option<&Document> {
        match self {
            Self::Object(map) => map.get(key),
            _ => None,
        }
    }

    /// The text when this is a string.
    ///
    /// ```
    /// assert_eq!(awso_core::Document::from("x").as_str(), Some("x"));
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// The items when this is an array.
    ///
    /// ```
    /// let doc = awso_core::Document::from(vec![awso_core::Document::from(1i64)]);
    /// assert_eq!(doc.as_array().map(<[_]>::len), Some(1));
    /// ```
    pub fn as_array(&self) -> Option<&[Document]> {
        match self {
            Self::Array(items) => Some(items),
            _ => None,
        }
    }

    /// Whether this is `null`.
    ///
    /// ```
    /// assert!(awso_core::Document::Null.is_null());
    /// assert!(!awso_core::Document::from(false).is_null());
    /// ```
    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }
}

impl From<bool> for Document {
    fn from(value: bool) -> Self {
        Self::Boolean(value)
    }
}

impl From<&str> for Document {
    fn from(value: &str) -> Self {
        Self::String(value.to_owned())
    }
}

impl From<String> for Document {
    fn from(value: String) -> Self {
        Self::String(value)
    }
}

impl From<i64> for Document {
    fn from(value: i64) -> Self {
        Self::Number(Number::from(value))
    }
}

impl From<f64> for Document {
    fn from(value: f64) -> Self {
        Self::Number(Number::Float(value))
    }
}

impl From<Vec<Document>> for Document {
    fn from(items: Vec<Document>) -> Self {
        Self::Array(items)
    }
}

impl From<i64> for Number {
    fn from(value: i64) -> Self {
        u64::try_from(value).map_or(Self::NegInt(value), Self::PosInt)
    }
}

//! The JSON-like value of parameters and endpoint properties.

use std::collections::BTreeMap;

/// A parameter or property value: what the rules language can hold.
///
/// Rule sets have no floating-point numbers and no `null`, so neither has a variant; integers
/// only appear as function arguments (`substring`'s bounds).
///
/// ```
/// use awso_client::endpoint::Value;
///
/// let v = Value::from("us-east-1");
/// assert_eq!(v.as_str(), Some("us-east-1"));
/// assert_eq!(Value::from(true).as_bool(), Some(true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A string.
    String(String),
    /// A list (a `stringArray` parameter, a property list).
    Array(Vec<Value>),
    /// A record with string keys, ordered by key.
    Object(BTreeMap<String, Value>),
}

impl Value {
    /// The string, if this is one.
    ///
    /// ```
    /// # use awso_client::endpoint::Value;
    /// assert_eq!(Value::from(false).as_str(), None);
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    ///
    /// ```
    /// # use awso_client::endpoint::Value;
    /// assert_eq!(Value::from("x").as_bool(), None);
    /// ```
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The elements, if this is a list.
    ///
    /// ```
    /// # use awso_client::endpoint::Value;
    /// let v = Value::Array(vec![Value::from("a")]);
    /// assert_eq!(v.as_array().map(<[Value]>::len), Some(1));
    /// ```
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The member named `key`, if this is a record holding it.
    ///
    /// ```
    /// # use awso_client::endpoint::Value;
    /// let v = Value::Object([("name".to_owned(), Value::from("sigv4"))].into());
    /// assert_eq!(v.get("name").and_then(Value::as_str), Some("sigv4"));
    /// ```
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.get(key),
            _ => None,
        }
    }

    /// Converts a JSON value; `null` and non-integral numbers have no counterpart and give `None`.
    ///
    /// ```
    /// # use awso_client::endpoint::Value;
    /// let json = serde_json::json!({"a": [true, "x", 3]});
    /// let v = Value::from_json(&json).unwrap();
    /// assert_eq!(v.get("a").and_then(Value::as_array).map(<[Value]>::len), Some(3));
    /// assert!(Value::from_json(&serde_json::json!(null)).is_none());
    /// ```
    pub fn from_json(json: &serde_json::Value) -> Option<Value> {
        Some(match json {
            serde_json::Value::Null => return None,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Int(n.as_i64()?),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(items) => {
                Value::Array(items.iter().map(Value::from_json).collect::<Option<_>>()?)
            }
            serde_json::Value::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| Some((k.clone(), Value::from_json(v)?)))
                    .collect::<Option<_>>()?,
            ),
        })
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<Vec<String>> for Value {
    fn from(items: Vec<String>) -> Self {
        Value::Array(items.into_iter().map(Value::String).collect())
    }
}

//! The parameters a resolution is asked for.

use super::value::Value;

/// Parameter values by name, as the rule set declares them (`Region`, `UseFIPS`, `Bucket`, ...).
///
/// ```
/// use awso_client::endpoint::{Params, Value};
///
/// let mut params = Params::new().with("Region", "eu-west-1").with("UseFIPS", true);
/// params.set("Region", "eu-west-2");
/// assert_eq!(params.get("Region"), Some(&Value::from("eu-west-2")));
/// assert_eq!(params.get("UseFIPS").and_then(Value::as_bool), Some(true));
/// assert!(params.get("Bucket").is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    // A handful of entries: a list searched in order beats hashing.
    values: Vec<(String, Value)>,
}

impl Params {
    /// No parameters: every one takes its default.
    ///
    /// ```
    /// use awso_client::endpoint::Params;
    /// let params = Params::new();
    /// assert!(!params.contains("Region"));
    /// assert_eq!(params, Params::default());
    /// ```
    pub fn new() -> Self {
        Params::default()
    }

    /// These parameters with `name` set to `value`.
    ///
    /// ```
    /// use awso_client::endpoint::{Params, Value};
    /// let params = Params::new().with("Region", "us-east-1").with("UseDualStack", true);
    /// assert_eq!(params.get("UseDualStack"), Some(&Value::Bool(true)));
    /// ```
    #[must_use]
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.set(name, value);
        self
    }

    /// Sets `name` to `value`, replacing an earlier value.
    ///
    /// ```
    /// use awso_client::endpoint::{Params, Value};
    /// let mut params = Params::new();
    /// params.set("Bucket", "first");
    /// params.set("Bucket", "second");
    /// assert_eq!(params.get("Bucket"), Some(&Value::from("second")));
    /// ```
    pub fn set(&mut self, name: &str, value: impl Into<Value>) {
        let value = value.into();
        match self.values.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => self.values.push((name.to_owned(), value)),
        }
    }

    /// The value of `name`, if set.
    ///
    /// ```
    /// use awso_client::endpoint::{Params, Value};
    /// let params = Params::new().with("Region", "ap-east-1");
    /// assert_eq!(params.get("Region").and_then(Value::as_str), Some("ap-east-1"));
    /// assert_eq!(params.get("Endpoint"), None);
    /// ```
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// Whether `name` is set.
    ///
    /// ```
    /// # use awso_client::endpoint::Params;
    /// assert!(Params::new().with("A", false).contains("A"));
    /// ```
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

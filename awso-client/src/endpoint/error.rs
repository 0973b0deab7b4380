//! Errors: a rule set that cannot be read, and a resolution that gives no endpoint.

use std::fmt;

/// A rule set or `partitions.json` that cannot be used, with the JSON path of the bad part.
///
/// ```
/// use awso_client::endpoint::RuleSet;
///
/// let text = r#"{"version": "1.0", "parameters": {},
///     "rules": [{"type": "error", "conditions": [{"fn": "frobnicate", "argv": []}], "error": "x"}]}"#;
/// let err = RuleSet::from_json(text).unwrap_err();
/// assert_eq!(err.path(), "rules[0].conditions[0]");
/// assert!(err.to_string().contains("unknown function `frobnicate`"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSetError {
    path: String,
    message: String,
}

impl RuleSetError {
    pub(crate) fn new(path: &JsonPath<'_>, message: impl Into<String>) -> Self {
        RuleSetError {
            path: path.to_string(),
            message: message.into(),
        }
    }

    /// Where the problem is, as a JSON path from the document's root (`rules[3].conditions[0]`).
    ///
    /// ```
    /// use awso_client::endpoint::RuleSet;
    /// let err = RuleSet::from_json(r#"{"version": "1.0", "parameters": {"Region": {"type": "float"}}, "rules": []}"#).unwrap_err();
    /// assert_eq!(err.path(), "parameters.Region.type");
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "endpoint rule set: {}", self.message)
        } else {
            write!(f, "endpoint rule set, at {}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for RuleSetError {}

/// Why resolution gave no endpoint.
///
/// ```
/// use awso_client::endpoint::{Params, Partitions, RuleSet};
///
/// let rules = RuleSet::from_json(r#"{"version": "1.0",
///     "parameters": {"Region": {"type": "string", "required": true}},
///     "rules": [{"type": "error", "conditions": [], "error": "no endpoint for {Region}"}]}"#).unwrap();
/// let err = rules.resolve(&Params::new().with("Region", "mars-1"), &Partitions::empty()).unwrap_err();
/// assert!(err.is_rule_error());
/// assert_eq!(err.message(), "no endpoint for mars-1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveError {
    kind: ResolveErrorKind,
    message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResolveErrorKind {
    /// An `error` rule matched: the message is the rule set's.
    Rule,
    /// The parameters do not fit the rule set, or no rule matched.
    Engine,
}

impl ResolveError {
    pub(crate) fn rule(message: String) -> Self {
        ResolveError {
            kind: ResolveErrorKind::Rule,
            message,
        }
    }

    pub(crate) fn engine(message: impl Into<String>) -> Self {
        ResolveError {
            kind: ResolveErrorKind::Engine,
            message: message.into(),
        }
    }

    /// The message: the rule set's own text for an `error` rule, else the engine's.
    ///
    /// ```
    /// use awso_client::endpoint::{Params, Partitions, RuleSet};
    /// let rules = RuleSet::from_json(r#"{"version": "1.0",
    ///     "parameters": {"UseFIPS": {"type": "boolean"}}, "rules": []}"#).unwrap();
    /// let err = rules.resolve(&Params::new().with("UseFIPS", "yes"), &Partitions::empty()).unwrap_err();
    /// assert_eq!(err.message(), "parameter `UseFIPS` must be a boolean");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether an `error` rule of the rule set produced this (rather than bad parameters or
    /// a rule set where no rule matched).
    ///
    /// ```
    /// use awso_client::endpoint::{Params, Partitions, RuleSet};
    /// // No rule at all: the engine's error, not the rule set's.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": []}"#).unwrap();
    /// let err = rules.resolve(&Params::new(), &Partitions::empty()).unwrap_err();
    /// assert!(!err.is_rule_error());
    /// assert_eq!(err.message(), "no rule matched the parameters");
    /// ```
    pub fn is_rule_error(&self) -> bool {
        self.kind == ResolveErrorKind::Rule
    }
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "endpoint resolution: {}", self.message)
    }
}

impl std::error::Error for ResolveError {}

/// A path into the JSON document, built as a linked list on the stack while parsing so that
/// only the error path pays for formatting it.
#[derive(Clone, Copy)]
pub(crate) enum JsonPath<'a> {
    Root,
    Key(&'a JsonPath<'a>, &'a str),
    Index(&'a JsonPath<'a>, usize),
}

impl<'a> JsonPath<'a> {
    pub(crate) fn key(&'a self, key: &'a str) -> JsonPath<'a> {
        JsonPath::Key(self, key)
    }

    pub(crate) fn index(&'a self, index: usize) -> JsonPath<'a> {
        JsonPath::Index(self, index)
    }
}

impl fmt::Display for JsonPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonPath::Root => Ok(()),
            JsonPath::Key(parent, key) => {
                parent.fmt(f)?;
                if matches!(parent, JsonPath::Root) {
                    f.write_str(key)
                } else {
                    write!(f, ".{key}")
                }
            }
            JsonPath::Index(parent, index) => {
                parent.fmt(f)?;
                write!(f, "[{index}]")
            }
        }
    }
}

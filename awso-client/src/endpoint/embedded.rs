//! A rule set carried in a generated service module as JSON text and parsed on first use.

use std::sync::OnceLock;

use super::RuleSet;
use super::error::RuleSetError;

/// A rule set held as its JSON text, parsed once, the first time it is needed.
///
/// This is how a generated service module carries its rules: the text costs the compiler
/// almost nothing (a string constant), and the parse is paid once per process, not per call.
///
/// ```
/// use awso_client::endpoint::{EmbeddedRuleSet, Params, Partitions};
///
/// static RULES: EmbeddedRuleSet = EmbeddedRuleSet::new(r#"{"version": "1.0", "parameters": {},
///     "rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://x"}}]}"#);
///
/// let rules = RULES.get().unwrap();
/// let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
/// assert_eq!(endpoint.url(), "https://x");
/// assert!(std::ptr::eq(rules, RULES.get().unwrap()), "parsed once");
/// ```
#[derive(Debug)]
pub struct EmbeddedRuleSet {
    json: &'static str,
    parsed: OnceLock<Result<RuleSet, RuleSetError>>,
}

impl EmbeddedRuleSet {
    /// Holds `json` (typically `include_str!` of the service's rule set) without parsing it.
    ///
    /// ```
    /// use awso_client::endpoint::EmbeddedRuleSet;
    ///
    /// // Nothing is parsed yet: a `static` costs no start-up time.
    /// static RULES: EmbeddedRuleSet = EmbeddedRuleSet::new(r#"{"version": "1.0", "parameters": {
    ///     "Region": {"type": "string", "builtIn": "AWS::Region"}}, "rules": []}"#);
    /// assert_eq!(RULES.get().unwrap().parameter_for_built_in("AWS::Region"), Some("Region"));
    /// ```
    pub const fn new(json: &'static str) -> Self {
        EmbeddedRuleSet {
            json,
            parsed: OnceLock::new(),
        }
    }

    /// The parsed rule set; a rule set that does not parse gives the same error every time.
    ///
    /// ```
    /// # use awso_client::endpoint::EmbeddedRuleSet;
    /// static BROKEN: EmbeddedRuleSet = EmbeddedRuleSet::new("{");
    /// assert!(BROKEN.get().is_err());
    /// assert!(BROKEN.get().is_err());
    /// ```
    pub fn get(&self) -> Result<&RuleSet, &RuleSetError> {
        self.parsed
            .get_or_init(|| RuleSet::from_json(self.json))
            .as_ref()
    }

    /// The JSON text as embedded.
    ///
    /// ```
    /// use awso_client::endpoint::{EmbeddedRuleSet, RuleSet};
    ///
    /// static RULES: EmbeddedRuleSet = EmbeddedRuleSet::new(r#"{"version": "1.0", "parameters": {}, "rules": []}"#);
    /// // The text parses again into an equal rule set, e.g. to resolve with another engine.
    /// let copy = RuleSet::from_json(RULES.json()).unwrap();
    /// assert_eq!(copy.parameter_names().count(), RULES.get().unwrap().parameter_names().count());
    /// assert!(RULES.json().starts_with(r#"{"version""#));
    /// ```
    pub fn json(&self) -> &'static str {
        self.json
    }
}

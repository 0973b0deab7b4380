//! Endpoint resolution from botocore's endpoint rule sets (Smithy's endpoint rules language).
//!
//! Each botocore service ships `endpoint-rule-set-1.json`: declared parameters and a list of
//! rules tried in order. A rule has conditions (function calls, optionally `assign`ing their
//! result to a name) and yields an endpoint, an error, or a nested list of rules. This module
//! reads a rule set once into a compact form ([`RuleSet::from_json`]) and resolves it against
//! [`Params`], a pure function giving an [`Endpoint`] (URL, properties such as `authSchemes`,
//! headers) or a [`ResolveError`]. `aws.partition` reads [`Partitions`] (`partitions.json`).
//!
//! | rules language            | here                                          |
//! |---------------------------|-----------------------------------------------|
//! | `string`/`boolean`/`stringArray` parameter | [`Value::String`] / [`Value::Bool`] / [`Value::Array`] |
//! | `{Var}`, `{Var#a.b[0]}` templates | filled from parameters and assigned names |
//! | endpoint `properties`     | [`Endpoint::properties`], [`Endpoint::auth_schemes`] |
//!
//! Parameters come from client settings through their built-in names
//! ([`binding::bind_built_ins`]) and from an operation's input through the model's
//! `contextParam`, `staticContextParams` and `operationContextParams`: read from a model at
//! run time ([`binding::OperationBindings`]) or, in generated code, as static data applied to
//! the typed input ([`binding::OperationEndpoint`]). A generated service module carries its
//! rule set as minified JSON text in an [`EmbeddedRuleSet`], parsed once on first use;
//! `partitions.json`, one file for every service, is carried here once
//! ([`Partitions::aws`]).
//!
//! ```
//! use awso_client::endpoint::{Params, Partitions, RuleSet};
//!
//! let rules = RuleSet::from_json(r#"{
//!   "version": "1.0",
//!   "parameters": {"Region": {"type": "string", "builtIn": "AWS::Region", "required": true}},
//!   "rules": [{
//!     "conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}],
//!     "type": "endpoint",
//!     "endpoint": {
//!       "url": "https://svc.{Region}.{p#dnsSuffix}",
//!       "properties": {"authSchemes": [{"name": "sigv4", "signingName": "svc",
//!                                        "signingRegion": "{Region}"}]}
//!     }
//!   }]
//! }"#).unwrap();
//! let partitions = Partitions::from_json(r#"{"version": "1.1", "partitions": [{"id": "aws",
//!   "regionRegex": "^us\\-\\w+\\-\\d+$", "regions": {},
//!   "outputs": {"name": "aws", "dnsSuffix": "amazonaws.com"}}]}"#).unwrap();
//!
//! let endpoint = rules.resolve(&Params::new().with("Region", "us-west-2"), &partitions).unwrap();
//! assert_eq!(endpoint.url(), "https://svc.us-west-2.amazonaws.com");
//! let scheme = endpoint.auth_schemes().next().unwrap();
//! assert_eq!(scheme.name(), Some("sigv4"));
//! assert_eq!(scheme.signing_region(), Some("us-west-2"));
//! ```

mod ast;
mod aws;
pub mod binding;
mod embedded;
mod error;
mod eval;
mod functions;
mod operation;
mod params;
mod parse;
mod partition;
#[cfg(test)]
mod properties;
mod resolved;
mod value;

pub use embedded::EmbeddedRuleSet;
pub use error::{ResolveError, RuleSetError};
pub use params::Params;
pub use partition::{BOTOCORE_PARTITIONS, Partitions};
pub use resolved::{AuthScheme, Endpoint};
pub use value::Value;

use ast::{ParamDef, Rule, Type};
use error::JsonPath;
use eval::{Eval, Outcome, Val};

/// A parsed endpoint rule set, ready to resolve any number of times.
///
/// ```
/// use awso_client::endpoint::RuleSet;
///
/// let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {
///     "Region": {"type": "string", "builtIn": "AWS::Region"}}, "rules": []}"#).unwrap();
/// assert_eq!(rules.parameter_for_built_in("AWS::Region"), Some("Region"));
/// ```
#[derive(Debug, Clone)]
pub struct RuleSet {
    params: Vec<ParamDef>,
    rules: Vec<Rule>,
    slots: usize,
}

impl RuleSet {
    /// Parses `endpoint-rule-set-1.json`, checking every function call and variable.
    ///
    /// ```
    /// # use awso_client::endpoint::RuleSet;
    /// let err = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
    ///     {"type": "error", "error": "x",
    ///      "conditions": [{"fn": "not", "argv": [true, false]}]}]}"#).unwrap_err();
    /// assert!(err.to_string().contains("takes 1 arguments, found 2"), "{err}");
    /// ```
    pub fn from_json(text: &str) -> Result<Self, RuleSetError> {
        let doc: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| RuleSetError::new(&JsonPath::Root, format!("not JSON: {e}")))?;
        let parsed = parse::parse_rule_set(&doc)?;
        Ok(RuleSet {
            params: parsed.params,
            rules: parsed.rules,
            slots: parsed.slots,
        })
    }

    /// Resolves the endpoint for `params`; parameters not given take their defaults.
    ///
    /// ```
    /// # use awso_client::endpoint::{Params, Partitions, RuleSet};
    /// let rules = RuleSet::from_json(r#"{"version": "1.0",
    ///     "parameters": {"Region": {"type": "string", "required": true}}, "rules": []}"#).unwrap();
    /// let err = rules.resolve(&Params::new(), &Partitions::empty()).unwrap_err();
    /// assert_eq!(err.message(), "missing required parameter `Region`");
    /// ```
    pub fn resolve(
        &self,
        params: &Params,
        partitions: &Partitions,
    ) -> Result<Endpoint, ResolveError> {
        let mut slots: Vec<Option<Val<'_>>> = vec![None; self.slots];
        for (slot, def) in self.params.iter().enumerate() {
            let value = params.get(&def.name).or(def.default.as_ref());
            match value {
                Some(value) => {
                    check_type(def, value)?;
                    slots[slot] = Some(Val::borrow(value));
                }
                None if def.required => {
                    let msg = format!("missing required parameter `{}`", def.name);
                    return Err(ResolveError::engine(msg));
                }
                None => {}
            }
        }
        let mut eval = Eval { slots, partitions };
        match eval.rules(&self.rules) {
            Outcome::Endpoint(endpoint) => Ok(endpoint),
            Outcome::Error(error) => Err(error),
            Outcome::NoMatch => Err(ResolveError::engine("no rule matched the parameters")),
        }
    }

    /// The name of the parameter bound to a built-in (`AWS::Region`, `SDK::Endpoint`, ...).
    ///
    /// ```
    /// use awso_client::endpoint::RuleSet;
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "ForcePathStyle": {"type": "boolean", "builtIn": "AWS::S3::ForcePathStyle"}}}"#).unwrap();
    /// assert_eq!(rules.parameter_for_built_in("AWS::S3::ForcePathStyle"), Some("ForcePathStyle"));
    /// assert_eq!(rules.parameter_for_built_in("AWS::Region"), None);
    /// ```
    pub fn parameter_for_built_in(&self, built_in: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|p| p.built_in.as_deref() == Some(built_in))
            .map(|p| p.name.as_str())
    }

    /// The declared parameters' names.
    ///
    /// ```
    /// # use awso_client::endpoint::RuleSet;
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {
    ///     "A": {"type": "boolean", "documentation": "the a"}}, "rules": []}"#).unwrap();
    /// assert_eq!(rules.parameter_names().collect::<Vec<_>>(), ["A"]);
    /// assert_eq!(rules.parameter_documentation("A"), Some("the a"));
    /// ```
    pub fn parameter_names(&self) -> impl Iterator<Item = &str> {
        self.params.iter().map(|p| p.name.as_str())
    }

    /// A parameter's documentation, if the rule set gives one.
    ///
    /// ```
    /// use awso_client::endpoint::RuleSet;
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "Region": {"type": "string", "documentation": "The AWS region used to dispatch the request."},
    ///     "Bucket": {"type": "string"}}}"#).unwrap();
    /// assert_eq!(rules.parameter_documentation("Region"), Some("The AWS region used to dispatch the request."));
    /// assert_eq!(rules.parameter_documentation("Bucket"), None);
    /// assert_eq!(rules.parameter_documentation("Key"), None);
    /// ```
    pub fn parameter_documentation(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|p| p.name == name)?
            .documentation
            .as_deref()
    }
}

fn check_type(def: &ParamDef, value: &Value) -> Result<(), ResolveError> {
    let fits = match (def.kind, value) {
        (Type::String, Value::String(_)) | (Type::Bool, Value::Bool(_)) => true,
        (Type::StringArray, Value::Array(items)) => items.iter().all(|v| v.as_str().is_some()),
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        let msg = format!("parameter `{}` must be a {}", def.name, def.kind.name());
        Err(ResolveError::engine(msg))
    }
}

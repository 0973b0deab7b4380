//! Parameters from an operation's input: the model's `contextParam`, `staticContextParams`
//! and `operationContextParams`, with client settings and built-ins beneath them.
//!
//! Precedence, highest first: static context parameters, context parameters (member and
//! path bindings), client context parameters, built-ins, the rule set's defaults.
//!
//! ```
//! use awso_client::endpoint::binding::OperationBindings;
//! use awso_client::endpoint::{Params, Value};
//!
//! let model = serde_json::json!({
//!   "operations": {"GetObject": {"input": {"shape": "GetObjectRequest"},
//!     "staticContextParams": {"UseS3ExpressControlEndpoint": {"value": false}}}},
//!   "shapes": {"GetObjectRequest": {"type": "structure", "members": {
//!     "Bucket": {"shape": "S", "contextParam": {"name": "Bucket"}},
//!     "Key": {"shape": "S"}}}}
//! });
//! let bindings = OperationBindings::from_model(&model, "GetObject").unwrap();
//! let input = Value::from_json(&serde_json::json!({"Bucket": "b", "Key": "k"})).unwrap();
//! let mut params = Params::new();
//! bindings.apply(&input, &mut params);
//! assert_eq!(params.get("Bucket"), Some(&Value::from("b")));
//! assert_eq!(params.get("UseS3ExpressControlEndpoint"), Some(&Value::from(false)));
//! assert!(!params.contains("Key"));
//! ```

use std::fmt;

use serde_json::Value as Json;

pub use super::operation::{OperationEndpoint, StaticValue};

use super::RuleSet;
use super::params::Params;
use super::value::Value;

/// The built-ins botocore's rule sets bind, by the names `builtIn` gives them: what client
/// configuration passes to [`bind_built_ins`].
///
/// ```
/// use awso_client::endpoint::binding::built_in;
/// assert_eq!(built_in::REGION, "AWS::Region");
/// ```
pub mod built_in {
    /// The client's region.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `Region`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "Region": {"type": "string", "builtIn": "AWS::Region"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::REGION, Value::from("eu-west-1"))], &mut params);
    /// assert_eq!(params.get("Region"), Some(&Value::from("eu-west-1")));
    /// ```
    pub const REGION: &str = "AWS::Region";
    /// Use FIPS endpoints.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `UseFIPS`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "UseFIPS": {"type": "boolean", "builtIn": "AWS::UseFIPS"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::USE_FIPS, Value::from(true))], &mut params);
    /// assert_eq!(params.get("UseFIPS"), Some(&Value::from(true)));
    /// ```
    pub const USE_FIPS: &str = "AWS::UseFIPS";
    /// Use dual-stack (IPv4 and IPv6) endpoints.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `UseDualStack`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "UseDualStack": {"type": "boolean", "builtIn": "AWS::UseDualStack"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::USE_DUAL_STACK, Value::from(true))], &mut params);
    /// assert_eq!(params.get("UseDualStack"), Some(&Value::from(true)));
    /// ```
    pub const USE_DUAL_STACK: &str = "AWS::UseDualStack";
    /// An endpoint URL given by the user, overriding the rules' host.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `Endpoint`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "Endpoint": {"type": "string", "builtIn": "SDK::Endpoint"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::ENDPOINT, Value::from("http://127.0.0.1:4566"))], &mut params);
    /// assert_eq!(params.get("Endpoint"), Some(&Value::from("http://127.0.0.1:4566")));
    /// ```
    pub const ENDPOINT: &str = "SDK::Endpoint";
    /// The caller's account id (for account-based endpoints).
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `AccountId`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "AccountId": {"type": "string", "builtIn": "AWS::Auth::AccountId"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::ACCOUNT_ID, Value::from("111122223333"))], &mut params);
    /// assert_eq!(params.get("AccountId"), Some(&Value::from("111122223333")));
    /// ```
    pub const ACCOUNT_ID: &str = "AWS::Auth::AccountId";
    /// `preferred`, `required` or `disabled`: whether to use account-based endpoints.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `AccountIdEndpointMode`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "AccountIdEndpointMode": {"type": "string", "builtIn": "AWS::Auth::AccountIdEndpointMode"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::ACCOUNT_ID_ENDPOINT_MODE, Value::from("required"))], &mut params);
    /// assert_eq!(params.get("AccountIdEndpointMode"), Some(&Value::from("required")));
    /// ```
    pub const ACCOUNT_ID_ENDPOINT_MODE: &str = "AWS::Auth::AccountIdEndpointMode";
    /// S3: the bucket in the path rather than the host.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `ForcePathStyle`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "ForcePathStyle": {"type": "boolean", "builtIn": "AWS::S3::ForcePathStyle"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::S3_FORCE_PATH_STYLE, Value::from(true))], &mut params);
    /// assert_eq!(params.get("ForcePathStyle"), Some(&Value::from(true)));
    /// ```
    pub const S3_FORCE_PATH_STYLE: &str = "AWS::S3::ForcePathStyle";
    /// S3: Transfer Acceleration endpoints.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `Accelerate`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "Accelerate": {"type": "boolean", "builtIn": "AWS::S3::Accelerate"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::S3_ACCELERATE, Value::from(true))], &mut params);
    /// assert_eq!(params.get("Accelerate"), Some(&Value::from(true)));
    /// ```
    pub const S3_ACCELERATE: &str = "AWS::S3::Accelerate";
    /// S3: `s3.amazonaws.com` rather than the regional endpoint in us-east-1.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `UseGlobalEndpoint`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "UseGlobalEndpoint": {"type": "boolean", "builtIn": "AWS::S3::UseGlobalEndpoint"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::S3_USE_GLOBAL_ENDPOINT, Value::from(true))], &mut params);
    /// assert_eq!(params.get("UseGlobalEndpoint"), Some(&Value::from(true)));
    /// ```
    pub const S3_USE_GLOBAL_ENDPOINT: &str = "AWS::S3::UseGlobalEndpoint";
    /// S3: refuse multi-region access point ARNs.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `DisableMultiRegionAccessPoints`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "DisableMultiRegionAccessPoints": {"type": "boolean", "builtIn": "AWS::S3::DisableMultiRegionAccessPoints"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::S3_DISABLE_MULTI_REGION_ACCESS_POINTS, Value::from(true))], &mut params);
    /// assert_eq!(params.get("DisableMultiRegionAccessPoints"), Some(&Value::from(true)));
    /// ```
    pub const S3_DISABLE_MULTI_REGION_ACCESS_POINTS: &str =
        "AWS::S3::DisableMultiRegionAccessPoints";
    /// S3: take the region of an ARN bucket over the client's.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `UseArnRegion`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "UseArnRegion": {"type": "boolean", "builtIn": "AWS::S3::UseArnRegion"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::S3_USE_ARN_REGION, Value::from(false))], &mut params);
    /// assert_eq!(params.get("UseArnRegion"), Some(&Value::from(false)));
    /// ```
    pub const S3_USE_ARN_REGION: &str = "AWS::S3::UseArnRegion";
    /// S3 Control: take the region of an ARN over the client's.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `UseArnRegion`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "UseArnRegion": {"type": "boolean", "builtIn": "AWS::S3Control::UseArnRegion"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::S3_CONTROL_USE_ARN_REGION, Value::from(false))], &mut params);
    /// assert_eq!(params.get("UseArnRegion"), Some(&Value::from(false)));
    /// ```
    pub const S3_CONTROL_USE_ARN_REGION: &str = "AWS::S3Control::UseArnRegion";
    /// STS: the global endpoint rather than the regional one in the legacy regions.
    ///
    /// ```
    /// use awso_client::endpoint::binding::{bind_built_ins, built_in};
    /// use awso_client::endpoint::{Params, RuleSet, Value};
    ///
    /// // botocore's rule sets declare the parameter this built-in sets as `UseGlobalEndpoint`.
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "rules": [], "parameters": {
    ///     "UseGlobalEndpoint": {"type": "boolean", "builtIn": "AWS::STS::UseGlobalEndpoint"}}}"#).unwrap();
    /// let mut params = Params::new();
    /// bind_built_ins(&rules, [(built_in::STS_USE_GLOBAL_ENDPOINT, Value::from(true))], &mut params);
    /// assert_eq!(params.get("UseGlobalEndpoint"), Some(&Value::from(true)));
    /// ```
    pub const STS_USE_GLOBAL_ENDPOINT: &str = "AWS::STS::UseGlobalEndpoint";
}

/// Sets the parameters bound to built-ins (`AWS::Region`, `AWS::UseFIPS`, `SDK::Endpoint`, ...)
/// from the client's settings, by the built-in's name.
///
/// ```
/// use awso_client::endpoint::binding::bind_built_ins;
/// use awso_client::endpoint::{Params, RuleSet, Value};
///
/// let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {
///     "Region": {"type": "string", "builtIn": "AWS::Region"}}, "rules": []}"#).unwrap();
/// let mut params = Params::new();
/// bind_built_ins(&rules, [("AWS::Region", Value::from("eu-west-1"))], &mut params);
/// assert_eq!(params.get("Region"), Some(&Value::from("eu-west-1")));
/// ```
pub fn bind_built_ins<'b>(
    rules: &RuleSet,
    built_ins: impl IntoIterator<Item = (&'b str, Value)>,
    params: &mut Params,
) {
    for (built_in, value) in built_ins {
        if let Some(name) = rules.parameter_for_built_in(built_in) {
            params.set(name, value);
        }
    }
}

/// A service model that does not describe the operation's bindings as expected.
///
/// ```
/// use awso_client::endpoint::binding::OperationBindings;
///
/// let model = serde_json::json!({"operations": {"DeleteObjects": {
///     "operationContextParams": {"DeleteObjectKeys": {"path": "Delete.Objects[*"}}}}});
/// let error = OperationBindings::from_model(&model, "DeleteObjects").unwrap_err();
/// assert_eq!(error.to_string(), "endpoint bindings: DeleteObjects.operationContextParams.DeleteObjectKeys: bad path `Delete.Objects[*`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingError {
    message: String,
}

impl fmt::Display for BindingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "endpoint bindings: {}", self.message)
    }
}

impl std::error::Error for BindingError {}

pub(super) fn binding_error(message: String) -> BindingError {
    BindingError { message }
}

/// One operation's bindings, read once from the service model.
///
/// ```
/// use awso_client::endpoint::binding::OperationBindings;
/// use awso_client::endpoint::{Params, Value};
///
/// let model = serde_json::json!({
///   "operations": {"GetObject": {"input": {"shape": "GetObjectRequest"}}},
///   "shapes": {"GetObjectRequest": {"type": "structure", "members": {
///     "Bucket": {"shape": "S", "contextParam": {"name": "Bucket"}}}}}
/// });
/// // Read once per operation, applied to each call's input.
/// let bindings = OperationBindings::from_model(&model, "GetObject").unwrap();
/// for bucket in ["photos", "logs"] {
///     let mut params = Params::new();
///     bindings.apply(&Value::from_json(&serde_json::json!({"Bucket": bucket})).unwrap(), &mut params);
///     assert_eq!(params.get("Bucket"), Some(&Value::from(bucket)));
/// }
/// ```
#[derive(Debug, Clone, Default)]
pub struct OperationBindings {
    static_params: Vec<(String, Value)>,
    /// Top-level input member, parameter.
    members: Vec<(String, String)>,
    /// Parameter, path into the input.
    paths: Vec<(String, InputPath)>,
}

impl OperationBindings {
    /// Reads `operation`'s bindings from a botocore `service-2.json` document.
    ///
    /// ```
    /// # use awso_client::endpoint::binding::OperationBindings;
    /// let err = OperationBindings::from_model(&serde_json::json!({"operations": {}}), "Nope");
    /// assert!(err.unwrap_err().to_string().contains("no operation `Nope`"));
    /// ```
    pub fn from_model(model: &Json, operation: &str) -> Result<Self, BindingError> {
        let op = model
            .get("operations")
            .and_then(|ops| ops.get(operation))
            .ok_or_else(|| binding_error(format!("no operation `{operation}` in the model")))?;
        let mut bindings = OperationBindings::default();
        for (name, def) in op
            .get("staticContextParams")
            .and_then(Json::as_object)
            .into_iter()
            .flatten()
        {
            let value = def.get("value").and_then(Value::from_json).ok_or_else(|| {
                binding_error(format!(
                    "{operation}.staticContextParams.{name}: no usable value"
                ))
            })?;
            bindings.static_params.push((name.clone(), value));
        }
        for (name, def) in op
            .get("operationContextParams")
            .and_then(Json::as_object)
            .into_iter()
            .flatten()
        {
            let text = def.get("path").and_then(Json::as_str).unwrap_or_default();
            let path = InputPath::parse(text).ok_or_else(|| {
                binding_error(format!(
                    "{operation}.operationContextParams.{name}: bad path `{text}`"
                ))
            })?;
            bindings.paths.push((name.clone(), path));
        }
        let input_shape = op.pointer("/input/shape").and_then(Json::as_str);
        let members = input_shape
            .and_then(|shape| model.get("shapes")?.get(shape)?.get("members")?.as_object());
        for (member, def) in members.into_iter().flatten() {
            if let Some(param) = def.pointer("/contextParam/name").and_then(Json::as_str) {
                bindings.members.push((member.clone(), param.to_owned()));
            }
        }
        Ok(bindings)
    }

    /// Sets the parameters the operation's `input` binds, over whatever `params` holds
    /// (client context parameters and built-ins, set first).
    ///
    /// ```
    /// use awso_client::endpoint::binding::OperationBindings;
    /// use awso_client::endpoint::{Params, Value};
    ///
    /// let model = serde_json::json!({
    ///   "operations": {"GetObject": {"input": {"shape": "GetObjectRequest"}}},
    ///   "shapes": {"GetObjectRequest": {"type": "structure", "members": {
    ///     "Bucket": {"shape": "S", "contextParam": {"name": "Bucket"}}}}}
    /// });
    /// let bindings = OperationBindings::from_model(&model, "GetObject").unwrap();
    /// // The input's member beats a value set before; unbound parameters stay as they were.
    /// let mut params = Params::new().with("Bucket", "from-settings").with("Region", "us-east-1");
    /// bindings.apply(&Value::from_json(&serde_json::json!({"Bucket": "from-input"})).unwrap(), &mut params);
    /// assert_eq!(params.get("Bucket"), Some(&Value::from("from-input")));
    /// assert_eq!(params.get("Region"), Some(&Value::from("us-east-1")));
    /// ```
    pub fn apply(&self, input: &Value, params: &mut Params) {
        for (member, param) in &self.members {
            if let Some(value) = input.get(member) {
                params.set(param, value.clone());
            }
        }
        for (param, path) in &self.paths {
            if let Some(value) = path.eval(input) {
                params.set(param, value);
            }
        }
        for (name, value) in &self.static_params {
            params.set(name, value.clone());
        }
    }
}

/// The JMESPath subset `operationContextParams` use: fields `a.b`, projections `a[*].b`,
/// multi-select lists `[a, b]`, flattening `[]` and `keys(...)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct InputPath {
    ops: Vec<Op>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Op {
    Field(String),
    /// `[*]`: what follows, up to a flatten, applies to each element.
    Project,
    /// `[]`: flattens one level, then projects like `[*]`.
    Flatten,
    MultiSelect(Vec<Vec<Op>>),
    Keys(Vec<Op>),
}

/// Paths in models are a few dozen characters; a bound keeps the parser's recursion shallow.
const MAX_PATH_DEPTH: usize = 8;

impl InputPath {
    pub(super) fn parse(text: &str) -> Option<InputPath> {
        let (ops, rest) = parse_ops(text.trim(), 0)?;
        rest.is_empty().then_some(InputPath { ops })
    }

    pub(super) fn eval(&self, input: &Value) -> Option<Value> {
        eval_ops(&self.ops, input)
    }

    /// The top-level input members the path reads: all a caller needs to look at.
    pub(super) fn roots(&self) -> Vec<&str> {
        let mut roots = Vec::new();
        roots_of(&self.ops, &mut roots);
        roots
    }
}

/// Parses a chain up to an unmatched `,`, `]` or `)`, returning the rest.
fn parse_ops(mut text: &str, depth: usize) -> Option<(Vec<Op>, &str)> {
    if depth > MAX_PATH_DEPTH {
        return None;
    }
    let mut ops = Vec::new();
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix("keys(") {
            let (inner, rest) = parse_ops(rest, depth + 1)?;
            ops.push(Op::Keys(inner));
            text = rest.strip_prefix(')')?;
        } else if let Some(rest) = text.strip_prefix("[*]") {
            ops.push(Op::Project);
            text = rest;
        } else if let Some(rest) = text.strip_prefix("[]") {
            ops.push(Op::Flatten);
            text = rest;
        } else if let Some(mut rest) = text.strip_prefix('[') {
            let mut branches = Vec::new();
            loop {
                let (branch, after) = parse_ops(rest, depth + 1)?;
                branches.push(branch);
                let after = after.trim_start();
                if let Some(after) = after.strip_prefix(',') {
                    rest = after;
                } else {
                    text = after.strip_prefix(']')?;
                    break;
                }
            }
            ops.push(Op::MultiSelect(branches));
        } else {
            let end = text
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(text.len());
            if end == 0 {
                return None;
            }
            ops.push(Op::Field(text[..end].to_owned()));
            text = &text[end..];
        }
        match text.strip_prefix('.') {
            Some(rest) => text = rest,
            None if text.starts_with('[') => {}
            None => return Some((ops, text)),
        }
    }
}

fn roots_of<'p>(ops: &'p [Op], roots: &mut Vec<&'p str>) {
    match ops.first() {
        Some(Op::Field(name)) => roots.push(name),
        Some(Op::Keys(inner)) => roots_of(inner, roots),
        Some(Op::MultiSelect(branches)) => {
            for branch in branches {
                roots_of(branch, roots);
            }
        }
        // A path starting with a projection reads the input as a list: it has no member.
        Some(Op::Project | Op::Flatten) | None => {}
    }
}

fn eval_ops(ops: &[Op], value: &Value) -> Option<Value> {
    let Some((first, rest)) = ops.split_first() else {
        return Some(value.clone());
    };
    match first {
        Op::Field(name) => eval_ops(rest, value.get(name)?),
        Op::Keys(inner) => match eval_ops(inner, value)? {
            Value::Object(members) => eval_ops(
                rest,
                &Value::Array(members.into_keys().map(Value::String).collect()),
            ),
            _ => None,
        },
        Op::MultiSelect(branches) => {
            let list = branches.iter().filter_map(|b| eval_ops(b, value)).collect();
            eval_ops(rest, &Value::Array(list))
        }
        Op::Project | Op::Flatten => {
            let items = value.as_array()?;
            let items: Vec<Value> = if matches!(first, Op::Flatten) {
                items
                    .iter()
                    .flat_map(|item| match item {
                        Value::Array(inner) => inner.clone(),
                        other => vec![other.clone()],
                    })
                    .collect()
            } else {
                items.to_vec()
            };
            // A projection reaches up to the next flatten, which applies to its whole result.
            let stop = rest
                .iter()
                .position(|op| matches!(op, Op::Flatten))
                .unwrap_or(rest.len());
            let (inner, after) = rest.split_at(stop);
            let projected = items
                .iter()
                .filter_map(|item| eval_ops(inner, item))
                .collect();
            eval_ops(after, &Value::Array(projected))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(json: &serde_json::Value) -> Value {
        Value::from_json(json).unwrap()
    }

    fn eval(path: &str, input: &serde_json::Value) -> Option<Value> {
        InputPath::parse(path).unwrap().eval(&value(input))
    }

    #[test]
    fn paths_of_the_models() {
        let input = serde_json::json!({"TransactItems": [
            {"Get": {"TableName": "a"}},
            {"Put": {"TableName": "b"}, "Delete": {"TableName": "c"}}
        ], "RequestItems": {"t1": [], "t2": []}, "P": {"TableName": "x"}});
        assert_eq!(
            eval("TransactItems[*].Get.TableName", &input),
            Some(value(&serde_json::json!(["a"])))
        );
        let multi =
            "TransactItems[*].[ConditionCheck.TableName, Put.TableName, Delete.TableName][]";
        assert_eq!(
            eval(multi, &input),
            Some(value(&serde_json::json!(["b", "c"])))
        );
        assert_eq!(
            eval("keys(RequestItems)", &input),
            Some(value(&serde_json::json!(["t1", "t2"])))
        );
        assert_eq!(eval("P.TableName", &input), Some(Value::from("x")));
        assert_eq!(eval("Missing.TableName", &input), None);
    }

    #[test]
    fn bad_paths_are_refused() {
        for bad in ["", "a..b", "a[", "keys(a", "[a,", "a b"] {
            assert!(InputPath::parse(bad).is_none(), "{bad}");
        }
    }
}

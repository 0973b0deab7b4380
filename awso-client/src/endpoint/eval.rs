//! Evaluation: rules tried in order over variable slots, a pure function of the parameters.
//!
//! Recursion follows the rule set's nesting, which parsing bounded (`MAX_RULE_DEPTH`,
//! `MAX_EXPR_DEPTH`), so evaluation cannot recurse without bound whatever the parameters.

use std::collections::BTreeMap;
use std::ops::Deref;
use std::rc::Rc;

use super::ast::{Body, Call, EndpointDef, Expr, Func, Part, Rule, Step, Template};
use super::error::ResolveError;
use super::partition::Partitions;
use super::value::Value;
use super::{Endpoint, aws, functions};

/// A string during evaluation: borrowed, or built once and shared by every reference to it
/// (an assigned name is read many times; cloning must not copy the text).
#[derive(Debug, Clone)]
pub(crate) enum Text<'a> {
    Borrowed(&'a str),
    Shared(Rc<str>),
}

impl Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Shared(s) => s,
        }
    }
}

/// A value during evaluation: borrows from the parameters, the rule set and the partitions
/// wherever it can, so most conditions allocate nothing.
#[derive(Debug, Clone)]
pub(crate) enum Val<'a> {
    Bool(bool),
    Int(i64),
    Str(Text<'a>),
    List(Rc<[Val<'a>]>),
    Record(Rc<[(&'a str, Val<'a>)]>),
    /// A partition's outputs, looked up by `getAttr`.
    Outputs(&'a [(String, Value)]),
}

impl<'a> Val<'a> {
    pub(crate) fn borrow(value: &'a Value) -> Val<'a> {
        match value {
            Value::Bool(b) => Val::Bool(*b),
            Value::Int(n) => Val::Int(*n),
            Value::String(s) => Val::Str(Text::Borrowed(s)),
            Value::Array(items) => Val::List(items.iter().map(Val::borrow).collect()),
            Value::Object(members) => Val::Record(
                members
                    .iter()
                    .map(|(k, v)| (k.as_str(), Val::borrow(v)))
                    .collect(),
            ),
        }
    }

    fn to_value(&self) -> Value {
        match self {
            Val::Bool(b) => Value::Bool(*b),
            Val::Int(n) => Value::Int(*n),
            Val::Str(s) => Value::String((**s).to_owned()),
            Val::List(items) => Value::Array(items.iter().map(Val::to_value).collect()),
            Val::Record(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), v.to_value()))
                    .collect(),
            ),
            Val::Outputs(members) => Value::Object(members.iter().cloned().collect()),
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    fn as_bool(&self) -> Option<bool> {
        match self {
            Val::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn attr(&self, step: &Step) -> Option<Val<'a>> {
        match (self, step) {
            (Val::Record(members), Step::Key(key)) => members
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone()),
            (Val::Outputs(members), Step::Key(key)) => members
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| Val::borrow(v)),
            (Val::List(items), Step::Index(i)) => items.get(*i).cloned(),
            _ => None,
        }
    }
}

/// How a rule list ended: an endpoint or an error rule, or nothing matched.
pub(crate) enum Outcome {
    Endpoint(Endpoint),
    Error(ResolveError),
    NoMatch,
}

pub(crate) struct Eval<'a> {
    pub(crate) slots: Vec<Option<Val<'a>>>,
    pub(crate) partitions: &'a Partitions,
}

impl<'a> Eval<'a> {
    pub(crate) fn rules(&mut self, rules: &'a [Rule]) -> Outcome {
        for rule in rules {
            if !self.conditions_hold(rule) {
                continue;
            }
            return match &rule.body {
                Body::Endpoint(def) => self.endpoint(def),
                Body::Error(message) => match self.expr(message) {
                    Some(Val::Str(text)) => Outcome::Error(ResolveError::rule((*text).to_owned())),
                    _ => Outcome::Error(ResolveError::engine("error message is not a string")),
                },
                // A tree whose conditions hold is final: if none of its rules match, resolution fails.
                Body::Tree(inner) => match self.rules(inner) {
                    Outcome::NoMatch => Outcome::Error(ResolveError::engine(
                        "no rule matched inside a tree whose conditions held",
                    )),
                    done => done,
                },
            };
        }
        Outcome::NoMatch
    }

    fn conditions_hold(&mut self, rule: &'a Rule) -> bool {
        for condition in &rule.conditions {
            let value = self.expr(&condition.expr);
            let holds = match &value {
                None | Some(Val::Bool(false)) => false,
                Some(_) => true,
            };
            if !holds {
                return false;
            }
            if let Some(slot) = condition.assign {
                self.slots[slot] = value;
            }
        }
        true
    }

    fn endpoint(&mut self, def: &'a EndpointDef) -> Outcome {
        let Some(Val::Str(url)) = self.expr(&def.url) else {
            return Outcome::Error(ResolveError::engine("endpoint URL is not a string"));
        };
        let mut properties = BTreeMap::new();
        for (name, expr) in &def.properties {
            let Some(value) = self.expr(expr) else {
                return Outcome::Error(ResolveError::engine(format!("property `{name}` is unset")));
            };
            properties.insert(name.clone(), value.to_value());
        }
        let mut headers = BTreeMap::new();
        for (name, exprs) in &def.headers {
            let mut values = Vec::with_capacity(exprs.len());
            for expr in exprs {
                match self.expr(expr) {
                    Some(Val::Str(s)) => values.push((*s).to_owned()),
                    _ => {
                        let msg = format!("header `{name}` is not a string");
                        return Outcome::Error(ResolveError::engine(msg));
                    }
                }
            }
            headers.insert(name.clone(), values);
        }
        Outcome::Endpoint(Endpoint {
            url: (*url).to_owned(),
            properties,
            headers,
        })
    }

    fn expr(&self, expr: &'a Expr) -> Option<Val<'a>> {
        match expr {
            Expr::Bool(b) => Some(Val::Bool(*b)),
            Expr::Int(n) => Some(Val::Int(*n)),
            Expr::Str(template) => self.template(template).map(Val::Str),
            Expr::Array(items) => Some(Val::List(
                items.iter().map(|e| self.expr(e)).collect::<Option<_>>()?,
            )),
            Expr::Object(members) => Some(Val::Record(
                members
                    .iter()
                    .map(|(k, e)| Some((k.as_str(), self.expr(e)?)))
                    .collect::<Option<_>>()?,
            )),
            Expr::Ref(slot) => self.slots[*slot].clone(),
            Expr::GetAttr(target, steps) => get_attr(self.expr(target)?, steps),
            Expr::Call(call) => self.call(call),
        }
    }

    fn template(&self, template: &'a Template) -> Option<Text<'a>> {
        let parts = match template {
            Template::Literal(text) => return Some(Text::Borrowed(text)),
            Template::Parts(parts) => parts,
        };
        let mut out = String::new();
        for part in parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Var(slot) => out.push_str(self.slots[*slot].as_ref()?.as_str()?),
                Part::Attr(slot, steps) => {
                    let value = get_attr(self.slots[*slot].clone()?, steps)?;
                    out.push_str(value.as_str()?);
                }
            }
        }
        Some(Text::Shared(out.into()))
    }

    fn call(&self, call: &'a Call) -> Option<Val<'a>> {
        let args = &call.args;
        match call.func {
            Func::IsSet => Some(Val::Bool(self.expr(&args[0]).is_some())),
            Func::Coalesce => args.iter().find_map(|arg| self.expr(arg)),
            Func::Ite => {
                let branch = if self.expr(&args[0])?.as_bool()? {
                    &args[1]
                } else {
                    &args[2]
                };
                self.expr(branch)
            }
            func => self.apply(func, args),
        }
    }

    /// The functions that need every argument set. Arguments are evaluated as they are
    /// taken, so none is collected into a list and an unset one stops the call early.
    fn apply(&self, func: Func, args: &'a [Expr]) -> Option<Val<'a>> {
        let mut args = args.iter();
        let mut next = || self.expr(args.next()?);
        let bool_of = |v: Option<Val<'a>>| v?.as_bool();
        let int_of = |v: Option<Val<'a>>| match v? {
            Val::Int(n) => Some(n),
            _ => None,
        };
        let str_of = |v: Option<Val<'a>>| match v? {
            Val::Str(s) => Some(s),
            _ => None,
        };
        Some(match func {
            Func::Not => Val::Bool(!bool_of(next())?),
            Func::BooleanEquals => Val::Bool(bool_of(next())? == bool_of(next())?),
            Func::StringEquals => Val::Bool(*str_of(next())? == *str_of(next())?),
            Func::Substring => {
                let (input, start, stop) = (str_of(next())?, int_of(next())?, int_of(next())?);
                let reverse = bool_of(next())?;
                let range = functions::substring(&input, start, stop, reverse)?;
                Val::Str(match input {
                    Text::Borrowed(text) => Text::Borrowed(&text[range]),
                    Text::Shared(text) => Text::Shared(text[range].into()),
                })
            }
            Func::UriEncode => {
                Val::Str(Text::Shared(functions::uri_encode(&str_of(next())?).into()))
            }
            Func::ParseUrl => url_record(&str_of(next())?)?,
            Func::IsValidHostLabel => {
                let input = str_of(next())?;
                Val::Bool(functions::is_valid_host_label(&input, bool_of(next())?))
            }
            Func::Partition => Val::Outputs(self.partitions.lookup(&str_of(next())?)?),
            Func::ParseArn => arn_record(&str_of(next())?)?,
            Func::IsVirtualHostableS3Bucket => {
                let input = str_of(next())?;
                Val::Bool(aws::is_virtual_hostable_s3_bucket(&input, bool_of(next())?))
            }
            Func::Split => {
                let (input, delimiter, limit) = (str_of(next())?, str_of(next())?, int_of(next())?);
                let pieces = functions::split(&input, &delimiter, limit)?;
                Val::List(pieces.into_iter().map(owned).collect())
            }
            Func::IsSet | Func::Coalesce | Func::Ite => return None,
        })
    }
}

fn get_attr<'a>(mut value: Val<'a>, steps: &[Step]) -> Option<Val<'a>> {
    for step in steps {
        value = value.attr(step)?;
    }
    Some(value)
}

fn owned<'a>(s: &str) -> Val<'a> {
    Val::Str(Text::Shared(s.into()))
}

fn url_record<'a>(input: &str) -> Option<Val<'a>> {
    let url = functions::parse_url(input)?;
    Some(Val::Record(Rc::new([
        ("scheme", owned(url.scheme)),
        ("authority", owned(url.authority)),
        ("path", owned(url.path)),
        (
            "normalizedPath",
            Val::Str(Text::Shared(url.normalized_path.into())),
        ),
        ("isIp", Val::Bool(url.is_ip)),
    ])))
}

fn arn_record<'a>(input: &str) -> Option<Val<'a>> {
    let arn = aws::parse_arn(input)?;
    let resource_id: Rc<[Val<'a>]> = arn.resource_id.iter().map(|p| owned(p)).collect();
    Some(Val::Record(Rc::new([
        ("partition", owned(arn.partition)),
        ("service", owned(arn.service)),
        ("region", owned(arn.region)),
        ("accountId", owned(arn.account_id)),
        ("resourceId", Val::List(resource_id)),
    ])))
}

#[cfg(test)]
mod tests {
    use crate::endpoint::{Params, Partitions, RuleSet};

    /// Resolves a rule set whose one endpoint rule has `conditions` and `url`.
    fn url_of(conditions: &str, url: &str, params: &Params) -> Result<String, String> {
        let text = format!(
            r#"{{"version": "1.1", "parameters": {{"A": {{"type": "string"}}, "F": {{"type": "boolean"}},
                "L": {{"type": "stringArray", "default": ["x", "y"]}}}},
               "rules": [{{"type": "endpoint", "conditions": {conditions}, "endpoint": {{"url": "{url}"}}}},
                         {{"type": "error", "conditions": [], "error": "none"}}]}}"#
        );
        let rules = RuleSet::from_json(&text).map_err(|e| e.to_string())?;
        match rules.resolve(params, &Partitions::empty()) {
            Ok(endpoint) => Ok(endpoint.url().to_owned()),
            Err(e) => Err(e.message().to_owned()),
        }
    }

    #[test]
    fn coalesce_takes_the_first_set_argument() {
        let cond = r#"[{"fn": "coalesce", "argv": [{"ref": "A"}, "fallback"], "assign": "c"}]"#;
        assert_eq!(
            url_of(cond, "https://{c}", &Params::new()).unwrap(),
            "https://fallback"
        );
        let params = Params::new().with("A", "given");
        assert_eq!(
            url_of(cond, "https://{c}", &params).unwrap(),
            "https://given"
        );
    }

    #[test]
    fn ite_picks_a_branch() {
        let cond = r#"[{"fn": "ite", "argv": [{"ref": "F"}, "yes", "no"], "assign": "c"}]"#;
        let params = Params::new().with("F", true);
        assert_eq!(url_of(cond, "https://{c}", &params).unwrap(), "https://yes");
        let params = Params::new().with("F", false);
        assert_eq!(url_of(cond, "https://{c}", &params).unwrap(), "https://no");
        // An unset condition leaves the result unset, so the rule does not match.
        assert_eq!(
            url_of(cond, "https://{c}", &Params::new()).unwrap_err(),
            "none"
        );
    }

    #[test]
    fn split_and_index() {
        let cond = r#"[{"fn": "split", "argv": [{"ref": "A"}, "--", 0], "assign": "parts"},
                       {"fn": "getAttr", "argv": [{"ref": "parts"}, "[1]"], "assign": "second"}]"#;
        let params = Params::new().with("A", "a--b--c");
        assert_eq!(
            url_of(cond, "https://{second}", &params).unwrap(),
            "https://b"
        );
        let params = Params::new().with("A", "alone");
        assert_eq!(
            url_of(cond, "https://{second}", &params).unwrap_err(),
            "none"
        );
    }

    #[test]
    fn string_arrays_index_by_template_path() {
        let url = url_of("[]", "https://{L#[1]}", &Params::new()).unwrap();
        assert_eq!(url, "https://y");
    }

    #[test]
    fn substring_of_non_ascii_is_unset() {
        let cond = r#"[{"fn": "substring", "argv": [{"ref": "A"}, 0, 2, false], "assign": "s"}]"#;
        let params = Params::new().with("A", "abc");
        assert_eq!(url_of(cond, "https://{s}", &params).unwrap(), "https://ab");
        let params = Params::new().with("A", "\u{e9}bc");
        assert_eq!(url_of(cond, "https://{s}", &params).unwrap_err(), "none");
    }
}

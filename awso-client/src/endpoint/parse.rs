//! Reads a rule set's JSON into the compact form of `ast`, checking every function's name,
//! argument count and argument types, every variable's scope, and the nesting depth.

use std::collections::HashMap;

use serde_json::{Map, Value as Json};

use super::ast::{
    Body, Call, Condition, EndpointDef, Expr, Func, ParamDef, Part, Rule, Step, Template, Type,
};
use super::error::{JsonPath, RuleSetError};
use super::value::Value;

/// How deeply `tree` rules may nest. botocore's deepest rule sets nest 18 levels; each level
/// is two JSON levels, so this also stays under serde_json's own limit of 128.
pub(crate) const MAX_RULE_DEPTH: usize = 48;
/// How deeply function calls may nest inside one condition; botocore's go three deep.
pub(crate) const MAX_EXPR_DEPTH: usize = 16;

/// What `from_json` produces: the parameters, the rules and how many variable slots evaluation needs.
pub(crate) struct Parsed {
    pub(crate) params: Vec<ParamDef>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) slots: usize,
}

pub(crate) fn parse_rule_set(doc: &Json) -> Result<Parsed, RuleSetError> {
    let root = JsonPath::Root;
    let doc = object(doc, &root)?;
    let params = parse_params(field(doc, "parameters", &root)?, &root.key("parameters"))?;
    let mut parser = Parser::new(&params);
    let rules_path = root.key("rules");
    let rules = parser.rules(field(doc, "rules", &root)?, &rules_path, 0)?;
    Ok(Parsed {
        slots: parser.slot_names.len(),
        params,
        rules,
    })
}

fn object<'j>(json: &'j Json, path: &JsonPath<'_>) -> Result<&'j Map<String, Json>, RuleSetError> {
    json.as_object()
        .ok_or_else(|| RuleSetError::new(path, "expected an object"))
}

fn field<'j>(
    obj: &'j Map<String, Json>,
    key: &str,
    path: &JsonPath<'_>,
) -> Result<&'j Json, RuleSetError> {
    obj.get(key)
        .ok_or_else(|| RuleSetError::new(path, format!("missing `{key}`")))
}

fn string<'j>(json: &'j Json, path: &JsonPath<'_>) -> Result<&'j str, RuleSetError> {
    json.as_str()
        .ok_or_else(|| RuleSetError::new(path, "expected a string"))
}

fn array<'j>(json: &'j Json, path: &JsonPath<'_>) -> Result<&'j [Json], RuleSetError> {
    json.as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| RuleSetError::new(path, "expected an array"))
}

fn parse_params(json: &Json, path: &JsonPath<'_>) -> Result<Vec<ParamDef>, RuleSetError> {
    let mut params = Vec::new();
    for (name, def) in object(json, path)? {
        let path = path.key(name);
        let def = object(def, &path)?;
        let type_path = path.key("type");
        let kind = match string(field(def, "type", &path)?, &type_path)?
            .to_ascii_lowercase()
            .as_str()
        {
            "string" => Type::String,
            "boolean" => Type::Bool,
            "stringarray" => Type::StringArray,
            other => {
                return Err(RuleSetError::new(
                    &type_path,
                    format!("unknown parameter type `{other}`"),
                ));
            }
        };
        let default = match def.get("default") {
            None => None,
            Some(json) => Some(default_value(json, kind, &path.key("default"))?),
        };
        let text = |key: &str| def.get(key).and_then(Json::as_str).map(str::to_owned);
        params.push(ParamDef {
            name: name.clone(),
            kind,
            required: def.get("required").and_then(Json::as_bool).unwrap_or(false),
            default,
            built_in: text("builtIn"),
            documentation: text("documentation"),
        });
    }
    Ok(params)
}

fn default_value(json: &Json, kind: Type, path: &JsonPath<'_>) -> Result<Value, RuleSetError> {
    let value = Value::from_json(json);
    let fits = match (&value, kind) {
        (Some(Value::String(_)), Type::String) | (Some(Value::Bool(_)), Type::Bool) => true,
        (Some(Value::Array(items)), Type::StringArray) => {
            items.iter().all(|item| matches!(item, Value::String(_)))
        }
        _ => false,
    };
    match value {
        Some(value) if fits => Ok(value),
        _ => Err(RuleSetError::new(
            path,
            format!("default is not a {}", kind.name()),
        )),
    }
}

/// Variables in scope while parsing: parameters everywhere, an `assign` for the rest of its
/// rule (later conditions and the body). Each distinct name gets one evaluation slot.
struct Parser {
    scope: Vec<(String, usize, Type)>,
    slot_names: HashMap<String, usize>,
}

impl Parser {
    fn new(params: &[ParamDef]) -> Self {
        let mut parser = Parser {
            scope: Vec::new(),
            slot_names: HashMap::new(),
        };
        for param in params {
            let slot = parser.slot(&param.name);
            parser.scope.push((param.name.clone(), slot, param.kind));
        }
        parser
    }

    fn slot(&mut self, name: &str) -> usize {
        let next = self.slot_names.len();
        *self.slot_names.entry(name.to_owned()).or_insert(next)
    }

    fn lookup(&self, name: &str, path: &JsonPath<'_>) -> Result<(usize, Type), RuleSetError> {
        self.scope
            .iter()
            .rev()
            .find(|(n, _, _)| n == name)
            .map(|&(_, slot, kind)| (slot, kind))
            .ok_or_else(|| RuleSetError::new(path, format!("unknown variable `{name}`")))
    }

    fn rules(
        &mut self,
        json: &Json,
        path: &JsonPath<'_>,
        depth: usize,
    ) -> Result<Vec<Rule>, RuleSetError> {
        if depth > MAX_RULE_DEPTH {
            return Err(RuleSetError::new(
                path,
                format!("rules nest deeper than {MAX_RULE_DEPTH} levels"),
            ));
        }
        let items = array(json, path)?;
        let mut rules = Vec::with_capacity(items.len());
        for (i, rule) in items.iter().enumerate() {
            let mark = self.scope.len();
            let parsed = self.rule(rule, &path.index(i), depth);
            self.scope.truncate(mark);
            rules.push(parsed?);
        }
        Ok(rules)
    }

    fn rule(
        &mut self,
        json: &Json,
        path: &JsonPath<'_>,
        depth: usize,
    ) -> Result<Rule, RuleSetError> {
        let obj = object(json, path)?;
        let cond_path = path.key("conditions");
        let mut conditions = Vec::new();
        if let Some(list) = obj.get("conditions") {
            for (i, cond) in array(list, &cond_path)?.iter().enumerate() {
                conditions.push(self.condition(cond, &cond_path.index(i))?);
            }
        }
        let type_path = path.key("type");
        let body = match string(field(obj, "type", path)?, &type_path)? {
            "endpoint" => {
                let ep_path = path.key("endpoint");
                Body::Endpoint(Box::new(
                    self.endpoint(field(obj, "endpoint", path)?, &ep_path)?,
                ))
            }
            "error" => Body::Error(
                self.expr(field(obj, "error", path)?, &path.key("error"), 0)?
                    .0,
            ),
            "tree" => {
                Body::Tree(self.rules(field(obj, "rules", path)?, &path.key("rules"), depth + 1)?)
            }
            other => {
                return Err(RuleSetError::new(
                    &type_path,
                    format!("unknown rule type `{other}`"),
                ));
            }
        };
        Ok(Rule { conditions, body })
    }

    fn condition(&mut self, json: &Json, path: &JsonPath<'_>) -> Result<Condition, RuleSetError> {
        let obj = object(json, path)?;
        if !obj.contains_key("fn") {
            return Err(RuleSetError::new(
                path,
                "a condition must be a function call",
            ));
        }
        let (expr, kind) = self.expr(json, path, 0)?;
        let assign = match obj.get("assign") {
            None => None,
            Some(name) => {
                let assign_path = path.key("assign");
                let name = string(name, &assign_path)?;
                // One slot per name: shadowing would let a failed rule's value leak to
                // later rules reading the outer name.
                if self.scope.iter().any(|(n, _, _)| n == name) {
                    let msg = format!("`{name}` is already defined here");
                    return Err(RuleSetError::new(&assign_path, msg));
                }
                let slot = self.slot(name);
                self.scope.push((name.to_owned(), slot, kind));
                Some(slot)
            }
        };
        Ok(Condition { expr, assign })
    }

    fn endpoint(&mut self, json: &Json, path: &JsonPath<'_>) -> Result<EndpointDef, RuleSetError> {
        let obj = object(json, path)?;
        let url = self.expr(field(obj, "url", path)?, &path.key("url"), 0)?.0;
        let mut properties = Vec::new();
        if let Some(props) = obj.get("properties") {
            let props_path = path.key("properties");
            for (name, value) in object(props, &props_path)? {
                properties.push((name.clone(), self.expr(value, &props_path.key(name), 0)?.0));
            }
        }
        let mut headers = Vec::new();
        if let Some(list) = obj.get("headers") {
            let headers_path = path.key("headers");
            for (name, values) in object(list, &headers_path)? {
                let values_path = headers_path.key(name);
                let values = array(values, &values_path)?
                    .iter()
                    .enumerate()
                    .map(|(i, v)| Ok(self.expr(v, &values_path.index(i), 0)?.0))
                    .collect::<Result<_, RuleSetError>>()?;
                headers.push((name.clone(), values));
            }
        }
        Ok(EndpointDef {
            url,
            properties,
            headers,
        })
    }

    fn expr(
        &mut self,
        json: &Json,
        path: &JsonPath<'_>,
        depth: usize,
    ) -> Result<(Expr, Type), RuleSetError> {
        if depth > MAX_EXPR_DEPTH {
            return Err(RuleSetError::new(
                path,
                format!("expressions nest deeper than {MAX_EXPR_DEPTH} levels"),
            ));
        }
        Ok(match json {
            Json::Bool(b) => (Expr::Bool(*b), Type::Bool),
            Json::Number(n) => match n.as_i64() {
                Some(n) => (Expr::Int(n), Type::Int),
                None => return Err(RuleSetError::new(path, "numbers must be integers")),
            },
            Json::String(s) => (Expr::Str(self.template(s, path)?), Type::String),
            Json::Array(items) => {
                let mut exprs = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    exprs.push(self.expr(item, &path.index(i), depth + 1)?.0);
                }
                (Expr::Array(exprs), Type::Array)
            }
            Json::Object(obj) if obj.contains_key("ref") => {
                let name = string(&obj["ref"], &path.key("ref"))?;
                let (slot, kind) = self.lookup(name, path)?;
                (Expr::Ref(slot), kind)
            }
            Json::Object(obj) if obj.contains_key("fn") => self.call(obj, path, depth)?,
            Json::Object(obj) => {
                let mut members = Vec::with_capacity(obj.len());
                for (key, value) in obj {
                    members.push((key.clone(), self.expr(value, &path.key(key), depth + 1)?.0));
                }
                (Expr::Object(members), Type::Record)
            }
            Json::Null => return Err(RuleSetError::new(path, "`null` is not a value")),
        })
    }

    fn call(
        &mut self,
        obj: &Map<String, Json>,
        path: &JsonPath<'_>,
        depth: usize,
    ) -> Result<(Expr, Type), RuleSetError> {
        let name = string(&obj["fn"], &path.key("fn"))?;
        let argv_path = path.key("argv");
        let argv = array(field(obj, "argv", path)?, &argv_path)?;
        let Some(sig) = Signature::of(name) else {
            return Err(RuleSetError::new(
                path,
                format!("unknown function `{name}`"),
            ));
        };
        if !sig.arity_fits(argv.len()) {
            return Err(RuleSetError::new(
                path,
                format!(
                    "`{name}` takes {} arguments, found {}",
                    sig.arity_text(),
                    argv.len()
                ),
            ));
        }
        let Some(func) = sig.func() else {
            let (target, _) = self.expr(&argv[0], &argv_path.index(0), depth + 1)?;
            let path_arg = argv_path.index(1);
            let steps = parse_attr_path(string(&argv[1], &path_arg)?, &path_arg)?;
            return Ok((Expr::GetAttr(Box::new(target), steps), Type::Any));
        };
        let mut args = Vec::with_capacity(argv.len());
        let mut types = Vec::with_capacity(argv.len());
        for (i, arg) in argv.iter().enumerate() {
            let arg_path = argv_path.index(i);
            let (expr, kind) = self.expr(arg, &arg_path, depth + 1)?;
            if let Some(want) = sig.arg_type(i) {
                if !kind.fits(want) {
                    return Err(RuleSetError::new(
                        &arg_path,
                        format!(
                            "`{name}` wants a {} here, found a {}",
                            want.name(),
                            kind.name()
                        ),
                    ));
                }
            }
            args.push(expr);
            types.push(kind);
        }
        let result = sig.result(&types);
        Ok((Expr::Call(Box::new(Call { func, args })), result))
    }

    fn template(&self, text: &str, path: &JsonPath<'_>) -> Result<Template, RuleSetError> {
        if !text.contains(['{', '}']) {
            return Ok(Template::Literal(text.to_owned()));
        }
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut rest = text;
        while let Some(at) = rest.find(['{', '}']) {
            literal.push_str(&rest[..at]);
            let tail = &rest[at..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                literal.push_str(&tail[..1]);
                rest = &tail[2..];
                continue;
            }
            let close = tail.find('}').filter(|_| tail.starts_with('{'));
            let Some(close) = close else {
                let msg = format!("unbalanced brace in template `{text}`");
                return Err(RuleSetError::new(path, msg));
            };
            if !literal.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut literal)));
            }
            parts.push(self.hole(&tail[1..close], text, path)?);
            rest = &tail[close + 1..];
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            parts.push(Part::Text(literal));
        }
        Ok(match parts.as_slice() {
            [Part::Text(only)] => Template::Literal(only.clone()),
            _ => Template::Parts(parts),
        })
    }

    fn hole(&self, hole: &str, text: &str, path: &JsonPath<'_>) -> Result<Part, RuleSetError> {
        let (name, attr) = match hole.split_once('#') {
            Some((name, attr)) => (name, Some(attr)),
            None => (hole, None),
        };
        if name.is_empty() || name.contains('{') {
            return Err(RuleSetError::new(
                path,
                format!("bad template hole in `{text}`"),
            ));
        }
        let (slot, _) = self.lookup(name, path)?;
        Ok(match attr {
            None => Part::Var(slot),
            Some(attr) => Part::Attr(slot, parse_attr_path(attr, path)?),
        })
    }
}

/// Parses a `getAttr` path: `name`, `a.b`, `list[0]`, `a.b[2]`.
pub(crate) fn parse_attr_path(text: &str, path: &JsonPath<'_>) -> Result<Vec<Step>, RuleSetError> {
    let bad = || RuleSetError::new(path, format!("bad attribute path `{text}`"));
    let mut steps = Vec::new();
    for segment in text.split('.') {
        let (name, mut indexes) = match segment.find('[') {
            Some(at) => (&segment[..at], &segment[at..]),
            None => (segment, ""),
        };
        if !name.is_empty() {
            steps.push(Step::Key(name.to_owned()));
        } else if indexes.is_empty() {
            return Err(bad());
        }
        while !indexes.is_empty() {
            let inner = indexes.strip_prefix('[').ok_or_else(bad)?;
            let close = inner.find(']').ok_or_else(bad)?;
            steps.push(Step::Index(inner[..close].parse().map_err(|_| bad())?));
            indexes = &inner[close + 1..];
        }
    }
    Ok(steps)
}

/// The functions of the rules language with their argument and result types.
#[derive(Clone, Copy)]
enum Signature {
    Fixed(Func, &'static [Type], Type),
    GetAttr,
    Coalesce,
    Ite,
}

impl Signature {
    fn of(name: &str) -> Option<Signature> {
        use Type::{Any, Bool, Int, Record, String as Str};
        Some(match name {
            "isSet" => Signature::Fixed(Func::IsSet, &[Any], Bool),
            "not" => Signature::Fixed(Func::Not, &[Bool], Bool),
            "booleanEquals" => Signature::Fixed(Func::BooleanEquals, &[Bool, Bool], Bool),
            "stringEquals" => Signature::Fixed(Func::StringEquals, &[Str, Str], Bool),
            "substring" => Signature::Fixed(Func::Substring, &[Str, Int, Int, Bool], Str),
            "uriEncode" => Signature::Fixed(Func::UriEncode, &[Str], Str),
            "parseURL" => Signature::Fixed(Func::ParseUrl, &[Str], Record),
            "isValidHostLabel" => Signature::Fixed(Func::IsValidHostLabel, &[Str, Bool], Bool),
            "aws.partition" => Signature::Fixed(Func::Partition, &[Str], Record),
            "aws.parseArn" => Signature::Fixed(Func::ParseArn, &[Str], Record),
            "aws.isVirtualHostableS3Bucket" => {
                Signature::Fixed(Func::IsVirtualHostableS3Bucket, &[Str, Bool], Bool)
            }
            "split" => Signature::Fixed(Func::Split, &[Str, Str, Int], Type::StringArray),
            "getAttr" => Signature::GetAttr,
            "coalesce" => Signature::Coalesce,
            "ite" => Signature::Ite,
            _ => return None,
        })
    }

    fn arity_fits(self, n: usize) -> bool {
        match self {
            Signature::Fixed(_, args, _) => args.len() == n,
            Signature::GetAttr => n == 2,
            Signature::Coalesce => n >= 2,
            Signature::Ite => n == 3,
        }
    }

    fn arity_text(self) -> String {
        match self {
            Signature::Fixed(_, args, _) => args.len().to_string(),
            Signature::GetAttr => "2".to_owned(),
            Signature::Coalesce => "2 or more".to_owned(),
            Signature::Ite => "3".to_owned(),
        }
    }

    fn arg_type(self, i: usize) -> Option<Type> {
        match self {
            Signature::Fixed(_, args, _) => args.get(i).copied(),
            Signature::Ite if i == 0 => Some(Type::Bool),
            _ => None,
        }
    }

    fn result(self, args: &[Type]) -> Type {
        match self {
            Signature::Fixed(_, _, result) => result,
            Signature::GetAttr => Type::Any,
            Signature::Coalesce => args[0],
            Signature::Ite => args[1],
        }
    }

    /// The function to call; `None` for `getAttr`, which is an expression of its own.
    fn func(self) -> Option<Func> {
        match self {
            Signature::Fixed(f, _, _) => Some(f),
            Signature::Coalesce => Some(Func::Coalesce),
            Signature::Ite => Some(Func::Ite),
            Signature::GetAttr => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::endpoint::{Params, Partitions, RuleSet};

    /// A rule set whose only rule has `conditions` and yields an error with `message`.
    fn with_condition(conditions: &str, message: &str) -> String {
        format!(
            r#"{{"version": "1.0", "parameters": {{"R": {{"type": "string"}}, "B": {{"type": "boolean"}}}},
               "rules": [{{"type": "error", "conditions": {conditions}, "error": "{message}"}}]}}"#
        )
    }

    fn error_of(text: &str) -> (String, String) {
        let err = RuleSet::from_json(text).unwrap_err();
        (err.path().to_owned(), err.to_string())
    }

    #[test]
    fn bad_rules_are_named_by_path() {
        let cases = [
            (
                r#"[{"fn": "nope", "argv": []}]"#,
                "x",
                "rules[0].conditions[0]",
                "unknown function `nope`",
            ),
            (
                r#"[{"fn": "isSet", "argv": []}]"#,
                "x",
                "rules[0].conditions[0]",
                "takes 1 arguments, found 0",
            ),
            (
                r#"[{"fn": "not", "argv": ["s"]}]"#,
                "x",
                "rules[0].conditions[0].argv[0]",
                "wants a boolean",
            ),
            (
                r#"[{"fn": "stringEquals", "argv": [{"ref": "B"}, "s"]}]"#,
                "x",
                "rules[0].conditions[0].argv[0]",
                "wants a string here, found a boolean",
            ),
            (
                r#"[{"fn": "isSet", "argv": [{"ref": "Q"}]}]"#,
                "x",
                "rules[0].conditions[0].argv[0]",
                "unknown variable `Q`",
            ),
            ("[]", "{Q}", "rules[0].error", "unknown variable `Q`"),
            ("[]", "a}b", "rules[0].error", "unbalanced brace"),
            (
                r#"[{"argv": []}]"#,
                "x",
                "rules[0].conditions[0]",
                "must be a function call",
            ),
            (
                r#"[{"fn": "getAttr", "argv": [{"ref": "R"}, "a[x]"]}]"#,
                "x",
                "rules[0].conditions[0].argv[1]",
                "bad attribute path",
            ),
        ];
        for (conditions, message, path, wanted) in cases {
            let (got_path, text) = error_of(&with_condition(conditions, message));
            assert_eq!(got_path, path, "{conditions}");
            assert!(text.contains(wanted), "{conditions}: {text}");
        }
    }

    #[test]
    fn assigned_names_are_visible_to_their_rule_only() {
        let text = r#"{"version": "1.0", "parameters": {"R": {"type": "string"}}, "rules": [
            {"type": "tree", "conditions": [{"fn": "aws.partition", "argv": [{"ref": "R"}], "assign": "P"}],
             "rules": [{"type": "error", "conditions": [], "error": "{P#name}"}]},
            {"type": "error", "conditions": [], "error": "{P#name}"}]}"#;
        let (path, text) = error_of(text);
        assert_eq!(path, "rules[1].error");
        assert!(text.contains("unknown variable `P`"));
    }

    fn nested_trees(depth: usize) -> String {
        let mut rules = r#"[{"type": "error", "conditions": [], "error": "deep"}]"#.to_owned();
        for _ in 0..depth {
            rules = format!(r#"[{{"type": "tree", "conditions": [], "rules": {rules}}}]"#);
        }
        format!(r#"{{"version": "1.0", "parameters": {{}}, "rules": {rules}}}"#)
    }

    #[test]
    fn assign_may_not_shadow() {
        let conditions = r#"[{"fn": "isSet", "argv": [{"ref": "R"}], "assign": "R"}]"#;
        let (path, text) = error_of(&with_condition(conditions, "x"));
        assert_eq!(path, "rules[0].conditions[0].assign");
        assert!(text.contains("`R` is already defined"), "{text}");
    }

    #[test]
    fn rule_nesting_is_limited_exactly_at_the_bound() {
        let rules = RuleSet::from_json(&nested_trees(super::MAX_RULE_DEPTH)).unwrap();
        let err = rules
            .resolve(&Params::new(), &Partitions::empty())
            .unwrap_err();
        assert_eq!(err.message(), "deep");
        let (_, text) = error_of(&nested_trees(super::MAX_RULE_DEPTH + 1));
        assert!(text.contains("rules nest deeper than"), "{text}");
    }

    fn nested_nots(depth: usize) -> String {
        let mut expr = "true".to_owned();
        for _ in 0..depth {
            expr = format!(r#"{{"fn": "not", "argv": [{expr}]}}"#);
        }
        with_condition(&format!("[{expr}]"), "x")
    }

    #[test]
    fn expression_nesting_is_limited_exactly_at_the_bound() {
        // The condition is depth 0 and the innermost literal one deeper than the last call.
        assert!(RuleSet::from_json(&nested_nots(super::MAX_EXPR_DEPTH)).is_ok());
        let (_, text) = error_of(&nested_nots(super::MAX_EXPR_DEPTH + 1));
        assert!(text.contains("expressions nest deeper than"), "{text}");
    }

    #[test]
    fn every_truncated_rule_set_fails_cleanly() {
        let text = with_condition(
            r#"[{"fn": "isValidHostLabel", "argv": [{"ref": "R"}, false], "assign": "ok"}]"#,
            "bad {R}",
        );
        assert!(RuleSet::from_json(&text).is_ok());
        for end in 0..text.len() {
            assert!(
                RuleSet::from_json(&text[..end]).is_err(),
                "prefix of {end} bytes"
            );
        }
    }

    #[test]
    fn templates_unescape_doubled_braces() {
        let text = with_condition("[]", "{{literal}} {R}");
        let rules = RuleSet::from_json(&text).unwrap();
        let err = rules
            .resolve(&Params::new().with("R", "r1"), &Partitions::empty())
            .unwrap_err();
        assert_eq!(err.message(), "{literal} r1");
    }

    #[test]
    fn parameters_of_the_wrong_type_are_refused() {
        let rules = RuleSet::from_json(&with_condition("[]", "x")).unwrap();
        let err = rules
            .resolve(&Params::new().with("R", true), &Partitions::empty())
            .unwrap_err();
        assert_eq!(err.message(), "parameter `R` must be a string");
        assert!(!err.is_rule_error());
    }
}

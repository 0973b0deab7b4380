//! The compact form a rule set is parsed into: names resolved to slots, functions to an enum,
//! templates split into parts, so evaluation never looks at JSON or compares names.

use super::value::Value;

/// A declared parameter.
#[derive(Debug, Clone)]
pub(crate) struct ParamDef {
    pub(crate) name: String,
    pub(crate) kind: Type,
    pub(crate) required: bool,
    pub(crate) default: Option<Value>,
    pub(crate) built_in: Option<String>,
    pub(crate) documentation: Option<String>,
}

/// The static type of a parameter or an expression, for checking arguments at parse time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Type {
    String,
    Bool,
    Int,
    StringArray,
    Array,
    Record,
    /// Not known before evaluation (a `getAttr` result).
    Any,
}

impl Type {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Type::String => "string",
            Type::Bool => "boolean",
            Type::Int => "integer",
            Type::StringArray => "stringArray",
            Type::Array => "array",
            Type::Record => "record",
            Type::Any => "any",
        }
    }

    /// Whether a value of type `self` may stand where `want` is expected.
    pub(crate) fn fits(self, want: Type) -> bool {
        self == want
            || self == Type::Any
            || want == Type::Any
            || (self == Type::StringArray && want == Type::Array)
    }
}

/// One rule: conditions, then what it yields when they all hold.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub(crate) conditions: Vec<Condition>,
    pub(crate) body: Body,
}

#[derive(Debug, Clone)]
pub(crate) enum Body {
    Endpoint(Box<EndpointDef>),
    Error(Expr),
    Tree(Vec<Rule>),
}

#[derive(Debug, Clone)]
pub(crate) struct Condition {
    pub(crate) expr: Expr,
    /// The slot `assign` stores the result in.
    pub(crate) assign: Option<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct EndpointDef {
    pub(crate) url: Expr,
    pub(crate) properties: Vec<(String, Expr)>,
    pub(crate) headers: Vec<(String, Vec<Expr>)>,
}

#[derive(Debug, Clone)]
pub(crate) enum Expr {
    Bool(bool),
    Int(i64),
    Str(Template),
    Array(Vec<Expr>),
    Object(Vec<(String, Expr)>),
    /// A parameter or an assigned variable.
    Ref(usize),
    Call(Box<Call>),
    /// `getAttr`, with its path parsed once.
    GetAttr(Box<Expr>, Vec<Step>),
}

#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub(crate) func: Func,
    pub(crate) args: Vec<Expr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Func {
    IsSet,
    Not,
    BooleanEquals,
    StringEquals,
    Substring,
    UriEncode,
    ParseUrl,
    IsValidHostLabel,
    Partition,
    ParseArn,
    IsVirtualHostableS3Bucket,
    Coalesce,
    Ite,
    Split,
}

/// One step of a `getAttr` path: `name` or `[index]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

/// A string with `{Var}` / `{Var#path}` holes.
#[derive(Debug, Clone)]
pub(crate) enum Template {
    /// No holes: the common case, returned without building anything.
    Literal(String),
    Parts(Vec<Part>),
}

#[derive(Debug, Clone)]
pub(crate) enum Part {
    Text(String),
    Var(usize),
    Attr(usize, Vec<Step>),
}

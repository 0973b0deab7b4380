//! Reading the value after a key, once [`super::keys::lookup`] has accepted the key and the
//! form it is written in.

use syn::meta::ParseNestedMeta;
use syn::{Lit, LitStr};

use super::keys::{Form, SubKey, one_of, parse_sub_keys};
use super::{DefaultValue, ErrorAttr, HttpBinding, Namespace, Streaming, TimestampFormat};
use crate::case::{RULE_NAMES, RenameRule};
use crate::ctxt::Ctxt;

pub(super) fn lit_str(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<LitStr> {
    match meta
        .value()
        .and_then(syn::parse::ParseBuffer::parse::<LitStr>)
    {
        Ok(lit) => Some(lit),
        Err(e) => {
            cx.syn_error(e);
            None
        }
    }
}

fn string(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<String> {
    lit_str(cx, meta).map(|l| l.value())
}

/// A name: a string literal that is not empty.
pub(super) fn name(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<String> {
    let lit = lit_str(cx, meta)?;
    if lit.value().is_empty() {
        cx.error_spanned_by(&lit, "a name cannot be empty");
        return None;
    }
    Some(lit.value())
}

const EXPECTED_INT: &str = "expected an i32 literal";
const EXPECTED_DEFAULT: &str =
    "expected a boolean, number or string literal, or default(empty_list) / default(empty_map)";

/// The value after `=` as an expression. What syn's `derive`-feature parser cannot read as
/// one (an array, a block: `full` stays off to keep the derive's build light) is reported as
/// `expected`, over the whole value, like any other wrong value.
fn expr(cx: &Ctxt, meta: &ParseNestedMeta<'_>, expected: &str) -> Option<syn::Expr> {
    use syn::parse::discouraged::Speculative;
    let value = match meta.value() {
        Ok(value) => value,
        Err(e) => {
            cx.syn_error(e);
            return None;
        }
    };
    let fork = value.fork();
    if let Ok(expr) = fork.parse::<syn::Expr>() {
        value.advance_to(&fork);
        return Some(expr);
    }
    match value.parse::<proc_macro2::TokenStream>() {
        Ok(rest) => cx.error_spanned_by(rest, expected),
        Err(e) => cx.syn_error(e),
    }
    None
}

pub(super) fn int(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<i32> {
    let expr = expr(cx, meta, EXPECTED_INT)?;
    int_from_expr(&expr).or_else(|| {
        cx.error_spanned_by(&expr, EXPECTED_INT);
        None
    })
}

/// An `i32` from a literal, possibly negated.
pub(crate) fn int_from_expr(expr: &syn::Expr) -> Option<i32> {
    // Through i64, so that the negation of 2147483648 (i32::MIN) fits.
    fn wide(expr: &syn::Expr) -> Option<i64> {
        match expr {
            syn::Expr::Lit(syn::ExprLit {
                lit: Lit::Int(n), ..
            }) => n.base10_parse().ok(),
            syn::Expr::Unary(syn::ExprUnary {
                op: syn::UnOp::Neg(_),
                expr,
                ..
            }) => wide(expr).and_then(i64::checked_neg),
            _ => None,
        }
    }
    wide(expr).and_then(|n| i32::try_from(n).ok())
}

pub(super) fn rename_rule(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<RenameRule> {
    let lit = lit_str(cx, meta)?;
    let rule = RenameRule::parse(&lit.value());
    if rule.is_none() {
        cx.error_spanned_by(
            &lit,
            format!(
                "unknown rename_all rule \"{}\"; expected one of {RULE_NAMES}",
                lit.value()
            ),
        );
    }
    rule
}

pub(super) fn crate_path(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<syn::Path> {
    let lit = lit_str(cx, meta)?;
    let path = lit.parse::<syn::Path>().ok();
    if path.is_none() {
        cx.error_spanned_by(
            &lit,
            "`crate` expects the path of awso-core, such as \"::awso_core\"",
        );
    }
    path
}

const NAMESPACE_KEYS: &[SubKey] = &[
    SubKey {
        name: "uri",
        form: Form::STR,
    },
    SubKey {
        name: "prefix",
        form: Form::STR,
    },
];

pub(super) fn namespace(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<Namespace> {
    let mut uri = None;
    let mut prefix = None;
    parse_sub_keys(cx, meta, NAMESPACE_KEYS, |key, inner| match key {
        "uri" => uri = string(cx, inner),
        _ => prefix = string(cx, inner),
    });
    match uri {
        Some(uri) => Some(Namespace { uri, prefix }),
        None => {
            cx.error_spanned_by(&meta.path, "xml_namespace(...) needs `uri = \"...\"`");
            None
        }
    }
}

pub(super) fn timestamp_format(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<TimestampFormat> {
    let lit = lit_str(cx, meta)?;
    match lit.value().as_str() {
        "date-time" => Some(TimestampFormat::DateTime),
        "epoch-seconds" => Some(TimestampFormat::EpochSeconds),
        "http-date" => Some(TimestampFormat::HttpDate),
        other => {
            cx.error_spanned_by(
                &lit,
                format!("unknown timestamp format \"{other}\"; expected \"date-time\", \"epoch-seconds\" or \"http-date\""),
            );
            None
        }
    }
}

const STREAMING_KEYS: &[SubKey] = &[SubKey {
    name: "requires_length",
    form: Form::FLAG,
}];

/// `streaming` or `streaming(requires_length)`.
pub(super) fn streaming(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Streaming {
    let mut requires_length = false;
    if meta.input.peek(syn::token::Paren) {
        parse_sub_keys(cx, meta, STREAMING_KEYS, |_, _| requires_length = true);
    }
    Streaming { requires_length }
}

const DEFAULT_KEYS: &[SubKey] = &[
    SubKey {
        name: "empty_list",
        form: Form::FLAG,
    },
    SubKey {
        name: "empty_map",
        form: Form::FLAG,
    },
];

pub(super) fn default(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<DefaultValue> {
    if meta.input.peek(syn::token::Paren) {
        let mut value = None;
        parse_sub_keys(cx, meta, DEFAULT_KEYS, |key, inner| {
            if value.is_some() {
                let keys: Vec<String> = DEFAULT_KEYS
                    .iter()
                    .map(|k| format!("`{}`", k.name))
                    .collect();
                cx.error_spanned_by(
                    &inner.path,
                    format!("default(...) holds one of {}", one_of(&keys)),
                );
            } else if key == "empty_list" {
                value = Some(DefaultValue::EmptyList);
            } else {
                value = Some(DefaultValue::EmptyMap);
            }
        });
        return value;
    }
    let expr = expr(cx, meta, EXPECTED_DEFAULT)?;
    let value = literal_default(&expr);
    if value.is_none() {
        cx.error_spanned_by(&expr, EXPECTED_DEFAULT);
    }
    value
}

/// A literal, possibly a negated number, as a default value.
fn literal_default(expr: &syn::Expr) -> Option<DefaultValue> {
    let (negated, inner) = match expr {
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => (true, &**expr),
        other => (false, other),
    };
    let syn::Expr::Lit(syn::ExprLit { lit, .. }) = inner else {
        return None;
    };
    match lit {
        Lit::Bool(b) if !negated => Some(DefaultValue::Bool(b.value)),
        Lit::Str(s) if !negated => Some(DefaultValue::Str(s.value())),
        Lit::Int(n) => n
            .base10_parse::<i64>()
            .ok()
            .map(|n| DefaultValue::Int(if negated { -n } else { n })),
        Lit::Float(x) => x
            .base10_parse::<f64>()
            .ok()
            .map(|x| DefaultValue::Float(if negated { -x } else { x })),
        _ => None,
    }
}

const LABEL_KEYS: &[SubKey] = &[
    SubKey {
        name: "greedy",
        form: Form::FLAG,
    },
    SubKey {
        name: "name",
        form: Form::STR,
    },
];

/// The binding an `http_*` key names.
pub(super) fn http(cx: &Ctxt, meta: &ParseNestedMeta<'_>, key: &str) -> Option<HttpBinding> {
    Some(match key {
        "http_header" => HttpBinding::Header(string(cx, meta)?),
        "http_prefix_headers" => HttpBinding::PrefixHeaders(string(cx, meta)?),
        "http_query" => HttpBinding::Query(string(cx, meta)?),
        "http_query_params" => HttpBinding::QueryParams,
        "http_payload" => HttpBinding::Payload,
        "http_response_code" => HttpBinding::ResponseCode,
        "http_label" => label(cx, meta)?,
        _ => return None,
    })
}

fn label(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<HttpBinding> {
    let mut name = None;
    let mut greedy = false;
    if meta.input.peek(syn::Token![=]) {
        name = Some(string(cx, meta)?);
    } else if meta.input.peek(syn::token::Paren) {
        parse_sub_keys(cx, meta, LABEL_KEYS, |key, inner| match key {
            "greedy" => greedy = true,
            _ => name = string(cx, inner),
        });
    }
    Some(HttpBinding::Label { name, greedy })
}

const ERROR_KEYS: &[SubKey] = &[
    SubKey {
        name: "fault",
        form: Form::STR,
    },
    SubKey {
        name: "status",
        form: Form::value("N"),
    },
    SubKey {
        name: "code",
        form: Form::STR,
    },
    SubKey {
        name: "retryable",
        form: Form::FLAG.or_list("throttling"),
    },
];

const RETRYABLE_KEYS: &[SubKey] = &[SubKey {
    name: "throttling",
    form: Form::FLAG,
}];

pub(super) fn error(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> ErrorAttr {
    let mut error = ErrorAttr {
        server: false,
        status: None,
        code: None,
        retryable: None,
    };
    if !meta.input.peek(syn::token::Paren) {
        return error;
    }
    let mut fault_seen = false;
    parse_sub_keys(cx, meta, ERROR_KEYS, |key, inner| match key {
        "fault" => {
            if let Some(lit) = lit_str(cx, inner) {
                match lit.value().as_str() {
                    "client" => error.server = false,
                    "server" => error.server = true,
                    _ => cx.error_spanned_by(&lit, "expected fault = \"client\" or \"server\""),
                }
                fault_seen = true;
            }
        }
        "status" => error.status = status(cx, inner),
        "retryable" => {
            let mut throttling = false;
            if inner.input.peek(syn::token::Paren) {
                parse_sub_keys(cx, inner, RETRYABLE_KEYS, |_, _| throttling = true);
            }
            error.retryable = Some(throttling);
        }
        _ => error.code = string(cx, inner),
    });
    if !fault_seen {
        // Without a fault the status decides, as Smithy's @httpError implies.
        error.server = error.status.is_some_and(|s| s >= 500);
    }
    error
}

fn status(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<u16> {
    match meta
        .value()
        .and_then(syn::parse::ParseBuffer::parse::<syn::LitInt>)
    {
        Ok(lit) => match lit.base10_parse::<u16>() {
            Ok(n) if (100..600).contains(&n) => Some(n),
            _ => {
                cx.error_spanned_by(&lit, "expected an HTTP status between 100 and 599");
                None
            }
        },
        Err(e) => {
            cx.syn_error(e);
            None
        }
    }
}

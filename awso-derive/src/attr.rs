//! Every `#[awso(...)]` key, parsed into typed slots. Generation reads these, never raw
//! attributes.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Lit, LitStr};

use crate::case::{RULE_NAMES, RenameRule};
use crate::ctxt::Ctxt;

/// One attribute value and where it was written; setting it twice is an error.
pub(crate) struct Slot<T> {
    name: &'static str,
    value: Option<(Span, T)>,
}

impl<T> Slot<T> {
    fn new(name: &'static str) -> Self {
        Self { name, value: None }
    }

    fn set(&mut self, cx: &Ctxt, span: Span, value: T) {
        if self.value.is_some() {
            cx.error_at(span, format!("duplicate awso attribute `{}`", self.name));
        } else {
            self.value = Some((span, value));
        }
    }

    pub(crate) fn get(&self) -> Option<&T> {
        self.value.as_ref().map(|(_, v)| v)
    }

    pub(crate) fn span(&self) -> Option<Span> {
        self.value.as_ref().map(|(s, _)| *s)
    }

    pub(crate) fn is_set(&self) -> bool {
        self.value.is_some()
    }
}

/// `xml_namespace(uri = "...", prefix = "...")`.
#[derive(Clone)]
pub(crate) struct Namespace {
    pub(crate) uri: String,
    pub(crate) prefix: Option<String>,
}

/// A timestamp format, by its model name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimestampFormat {
    DateTime,
    EpochSeconds,
    HttpDate,
}

/// One HTTP binding.
#[derive(Clone)]
pub(crate) enum HttpBinding {
    Header(String),
    PrefixHeaders(String),
    Label { name: Option<String>, greedy: bool },
    Query(String),
    QueryParams,
    Payload,
    ResponseCode,
}

/// A `default = ...` value.
#[derive(Clone)]
pub(crate) enum DefaultValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    EmptyList,
    EmptyMap,
}

/// `error(fault = "...", status = N, code = "...")`.
pub(crate) struct ErrorAttr {
    pub(crate) server: bool,
    pub(crate) status: Option<u16>,
    pub(crate) code: Option<String>,
}

/// Traits a member (or a list item, map key or value inside `member(...)`, `key(...)`,
/// `value(...)`) can carry.
pub(crate) struct MemberAttrs {
    pub(crate) rename: Slot<String>,
    pub(crate) json_name: Slot<String>,
    pub(crate) xml_name: Slot<String>,
    pub(crate) xml_attribute: Slot<()>,
    pub(crate) xml_flattened: Slot<()>,
    pub(crate) xml_namespace: Slot<Namespace>,
    pub(crate) ec2_query_name: Slot<String>,
    pub(crate) timestamp_format: Slot<TimestampFormat>,
    pub(crate) http: Slot<HttpBinding>,
    pub(crate) host_label: Slot<()>,
    pub(crate) required: Slot<()>,
    pub(crate) idempotency_token: Slot<()>,
    pub(crate) sensitive: Slot<()>,
    pub(crate) default: Slot<DefaultValue>,
    pub(crate) media_type: Slot<String>,
    pub(crate) item: Slot<Box<MemberAttrs>>,
    pub(crate) key: Slot<Box<MemberAttrs>>,
    pub(crate) value: Slot<Box<MemberAttrs>>,
    /// Marks the unknown variant of an enum or union.
    pub(crate) unknown: Slot<()>,
    /// An intEnum variant's value.
    pub(crate) int_value: Slot<i32>,
}

/// Where member attributes are written, which limits the keys allowed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// A structure field.
    Field,
    /// A union variant.
    UnionVariant,
    /// A string enum or intEnum variant.
    EnumVariant,
    /// Inside `member(...)`, `key(...)` or `value(...)`.
    Nested,
    /// A variant of an error enum.
    ErrorVariant,
}

const FIELD_KEYS: &str = "rename, json_name, xml_name, xml_attribute, xml_flattened, xml_namespace, \
ec2_query_name, timestamp_format, http_header, http_prefix_headers, http_label, http_query, \
http_query_params, http_payload, http_response_code, host_label, required, idempotency_token, \
sensitive, default, media_type, member, key, value";

impl MemberAttrs {
    fn empty() -> Self {
        Self {
            rename: Slot::new("rename"),
            json_name: Slot::new("json_name"),
            xml_name: Slot::new("xml_name"),
            xml_attribute: Slot::new("xml_attribute"),
            xml_flattened: Slot::new("xml_flattened"),
            xml_namespace: Slot::new("xml_namespace"),
            ec2_query_name: Slot::new("ec2_query_name"),
            timestamp_format: Slot::new("timestamp_format"),
            http: Slot::new("an HTTP binding"),
            host_label: Slot::new("host_label"),
            required: Slot::new("required"),
            idempotency_token: Slot::new("idempotency_token"),
            sensitive: Slot::new("sensitive"),
            default: Slot::new("default"),
            media_type: Slot::new("media_type"),
            item: Slot::new("member"),
            key: Slot::new("key"),
            value: Slot::new("value"),
            unknown: Slot::new("unknown"),
            int_value: Slot::new("value"),
        }
    }

    /// Parses all `#[awso(...)]` attributes of a field or variant.
    pub(crate) fn parse(cx: &Ctxt, attrs: &[Attribute], place: Place) -> Self {
        let mut out = Self::empty();
        for attr in attrs.iter().filter(|a| a.path().is_ident("awso")) {
            let result = attr.parse_nested_meta(|meta| {
                out.parse_key(cx, &meta, place);
                Ok(())
            });
            if let Err(e) = result {
                cx.syn_error(e);
            }
        }
        out
    }

    fn nested(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Box<Self> {
        let mut out = Self::empty();
        let result = meta.parse_nested_meta(|meta| {
            out.parse_key(cx, &meta, Place::Nested);
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
        Box::new(out)
    }

    fn parse_key(&mut self, cx: &Ctxt, meta: &ParseNestedMeta<'_>, place: Place) {
        let Some(key) = meta.path.get_ident().map(ToString::to_string) else {
            cx.error_spanned_by(&meta.path, "expected an awso attribute name");
            return;
        };
        let span = meta
            .path
            .get_ident()
            .map_or_else(Span::call_site, syn::Ident::span);
        if !key_allowed(&key, place) {
            unknown_key(cx, span, &key, place);
            skip_value(meta);
            return;
        }
        match key.as_str() {
            "rename" => set_str(cx, meta, &mut self.rename, span),
            "json_name" => set_str(cx, meta, &mut self.json_name, span),
            "xml_name" => set_str(cx, meta, &mut self.xml_name, span),
            "ec2_query_name" => set_str(cx, meta, &mut self.ec2_query_name, span),
            "media_type" => set_str(cx, meta, &mut self.media_type, span),
            "xml_attribute" => self.xml_attribute.set(cx, span, ()),
            "xml_flattened" => self.xml_flattened.set(cx, span, ()),
            "host_label" => self.host_label.set(cx, span, ()),
            "required" => self.required.set(cx, span, ()),
            "idempotency_token" => self.idempotency_token.set(cx, span, ()),
            "sensitive" => self.sensitive.set(cx, span, ()),
            "unknown" => self.unknown.set(cx, span, ()),
            "xml_namespace" => {
                if let Some(ns) = parse_namespace(cx, meta) {
                    self.xml_namespace.set(cx, span, ns);
                }
            }
            "timestamp_format" => {
                if let Some(format) = parse_timestamp_format(cx, meta) {
                    self.timestamp_format.set(cx, span, format);
                }
            }
            "default" => {
                if let Some(value) = parse_default(cx, meta) {
                    self.default.set(cx, span, value);
                }
            }
            "member" => self.item.set(cx, span, Self::nested(cx, meta)),
            "key" => self.key.set(cx, span, Self::nested(cx, meta)),
            "value" if place == Place::EnumVariant => {
                // A bad value is reported by parse_int; recording 0 keeps the variant from
                // also being reported as having no value.
                let n = parse_int(cx, meta).unwrap_or(0);
                self.int_value.set(cx, span, n);
            }
            "value" => self.value.set(cx, span, Self::nested(cx, meta)),
            _ => {
                if let Some(binding) = parse_http(cx, meta, &key) {
                    if self.http.is_set() {
                        cx.error_at(span, "a member has at most one HTTP binding");
                    } else {
                        self.http.set(cx, span, binding);
                    }
                }
            }
        }
    }
}

fn key_allowed(key: &str, place: Place) -> bool {
    const NESTED: &[&str] = &[
        "xml_name",
        "xml_namespace",
        "timestamp_format",
        "media_type",
        "member",
        "key",
        "value",
    ];
    const VARIANT: &[&str] = &["rename", "unknown", "value"];
    // Union members are never bound to HTTP, required, defaulted or tokens.
    const UNION_MEMBER: &[&str] = &[
        "rename",
        "json_name",
        "xml_name",
        "xml_flattened",
        "xml_namespace",
        "ec2_query_name",
        "timestamp_format",
        "sensitive",
        "media_type",
        "member",
        "key",
        "value",
        "unknown",
    ];
    const MEMBER: &[&str] = &[
        "rename",
        "json_name",
        "xml_name",
        "xml_attribute",
        "xml_flattened",
        "xml_namespace",
        "ec2_query_name",
        "timestamp_format",
        "http_header",
        "http_prefix_headers",
        "http_label",
        "http_query",
        "http_query_params",
        "http_payload",
        "http_response_code",
        "host_label",
        "required",
        "idempotency_token",
        "sensitive",
        "default",
        "media_type",
        "member",
        "key",
        "value",
    ];
    match place {
        Place::Field => MEMBER.contains(&key),
        Place::UnionVariant => UNION_MEMBER.contains(&key),
        Place::EnumVariant => VARIANT.contains(&key),
        Place::Nested => NESTED.contains(&key),
        Place::ErrorVariant => key == "unknown",
    }
}

fn unknown_key(cx: &Ctxt, span: Span, key: &str, place: Place) {
    let allowed = match place {
        Place::Field => FIELD_KEYS,
        Place::UnionVariant => {
            "rename, json_name, xml_name, xml_flattened, xml_namespace, ec2_query_name, \
             timestamp_format, sensitive, media_type, member, key, value, unknown"
        }
        Place::EnumVariant => "rename, unknown, value",
        Place::Nested => {
            "xml_name, xml_namespace, timestamp_format, media_type, member, key, value"
        }
        Place::ErrorVariant => "unknown",
    };
    cx.error_at(
        span,
        format!("unknown awso attribute `{key}` here; expected one of: {allowed}"),
    );
}

/// Consumes `= value` or `(...)` after a key that was refused, so parsing goes on.
fn skip_value(meta: &ParseNestedMeta<'_>) {
    if meta.input.peek(syn::Token![=]) {
        let _ = meta
            .value()
            .and_then(syn::parse::ParseBuffer::parse::<syn::Expr>);
    } else if meta.input.peek(syn::token::Paren) {
        let _ = meta.parse_nested_meta(|m| {
            skip_value(&m);
            Ok(())
        });
    }
}

fn parse_lit_str(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<LitStr> {
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

fn set_str(cx: &Ctxt, meta: &ParseNestedMeta<'_>, slot: &mut Slot<String>, span: Span) {
    if let Some(lit) = parse_lit_str(cx, meta) {
        if lit.value().is_empty() {
            cx.error_spanned_by(&lit, "a name cannot be empty");
            return;
        }
        slot.set(cx, span, lit.value());
    }
}

fn parse_int(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<i32> {
    let expr = match meta
        .value()
        .and_then(syn::parse::ParseBuffer::parse::<syn::Expr>)
    {
        Ok(expr) => expr,
        Err(e) => {
            cx.syn_error(e);
            return None;
        }
    };
    int_from_expr(&expr).or_else(|| {
        cx.error_spanned_by(&expr, "expected an i32 literal");
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

fn parse_namespace(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<Namespace> {
    let mut uri = None;
    let mut prefix = None;
    let result = meta.parse_nested_meta(|inner| {
        if inner.path.is_ident("uri") {
            uri = parse_lit_str(cx, &inner).map(|l| l.value());
        } else if inner.path.is_ident("prefix") {
            prefix = parse_lit_str(cx, &inner).map(|l| l.value());
        } else {
            cx.error_spanned_by(
                &inner.path,
                "expected `uri` or `prefix` in xml_namespace(...)",
            );
            skip_value(&inner);
        }
        Ok(())
    });
    if let Err(e) = result {
        cx.syn_error(e);
        return None;
    }
    match uri {
        Some(uri) => Some(Namespace { uri, prefix }),
        None => {
            cx.error_spanned_by(&meta.path, "xml_namespace(...) needs `uri = \"...\"`");
            None
        }
    }
}

fn parse_timestamp_format(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<TimestampFormat> {
    let lit = parse_lit_str(cx, meta)?;
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

fn parse_default(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<DefaultValue> {
    if meta.input.peek(syn::token::Paren) {
        let mut value = None;
        let result = meta.parse_nested_meta(|inner| {
            if inner.path.is_ident("empty_list") {
                value = Some(DefaultValue::EmptyList);
            } else if inner.path.is_ident("empty_map") {
                value = Some(DefaultValue::EmptyMap);
            } else {
                cx.error_spanned_by(&inner.path, "expected `empty_list` or `empty_map`");
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
        return value;
    }
    let expr = match meta
        .value()
        .and_then(syn::parse::ParseBuffer::parse::<syn::Expr>)
    {
        Ok(expr) => expr,
        Err(e) => {
            cx.syn_error(e);
            return None;
        }
    };
    let negated = matches!(
        &expr,
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            ..
        })
    );
    let inner = match &expr {
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => &**expr,
        other => other,
    };
    let value = match inner {
        syn::Expr::Lit(syn::ExprLit { lit, .. }) => match lit {
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
        },
        _ => None,
    };
    if value.is_none() {
        cx.error_spanned_by(
            &expr,
            "expected a boolean, number or string literal, or default(empty_list) / default(empty_map)",
        );
    }
    value
}

fn parse_http(cx: &Ctxt, meta: &ParseNestedMeta<'_>, key: &str) -> Option<HttpBinding> {
    let name = |cx: &Ctxt| parse_lit_str(cx, meta).map(|l| l.value());
    Some(match key {
        "http_header" => HttpBinding::Header(name(cx)?),
        "http_prefix_headers" => HttpBinding::PrefixHeaders(name(cx)?),
        "http_query" => HttpBinding::Query(name(cx)?),
        "http_query_params" => HttpBinding::QueryParams,
        "http_payload" => HttpBinding::Payload,
        "http_response_code" => HttpBinding::ResponseCode,
        "http_label" => {
            let mut label = HttpBinding::Label {
                name: None,
                greedy: false,
            };
            if meta.input.peek(syn::Token![=]) {
                label = HttpBinding::Label {
                    name: Some(name(cx)?),
                    greedy: false,
                };
            } else if meta.input.peek(syn::token::Paren) {
                let mut label_name = None;
                let mut greedy = false;
                let result = meta.parse_nested_meta(|inner| {
                    if inner.path.is_ident("greedy") {
                        greedy = true;
                    } else if inner.path.is_ident("name") {
                        label_name = parse_lit_str(cx, &inner).map(|l| l.value());
                    } else {
                        cx.error_spanned_by(
                            &inner.path,
                            "expected `greedy` or `name = \"...\"` in http_label(...)",
                        );
                        skip_value(&inner);
                    }
                    Ok(())
                });
                if let Err(e) = result {
                    cx.syn_error(e);
                }
                label = HttpBinding::Label {
                    name: label_name,
                    greedy,
                };
            }
            label
        }
        _ => return None,
    })
}

/// Attributes on the type itself.
pub(crate) struct ContainerAttrs {
    pub(crate) name: Slot<String>,
    pub(crate) rename_all: Slot<RenameRule>,
    pub(crate) xml_name: Slot<String>,
    pub(crate) xml_namespace: Slot<Namespace>,
    pub(crate) error: Slot<ErrorAttr>,
    pub(crate) sensitive: Slot<()>,
    pub(crate) union: Slot<()>,
    pub(crate) int_enum: Slot<()>,
    pub(crate) krate: Slot<syn::Path>,
}

impl ContainerAttrs {
    pub(crate) fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = Self {
            name: Slot::new("name"),
            rename_all: Slot::new("rename_all"),
            xml_name: Slot::new("xml_name"),
            xml_namespace: Slot::new("xml_namespace"),
            error: Slot::new("error"),
            sensitive: Slot::new("sensitive"),
            union: Slot::new("union"),
            int_enum: Slot::new("int_enum"),
            krate: Slot::new("crate"),
        };
        for attr in attrs.iter().filter(|a| a.path().is_ident("awso")) {
            let result = attr.parse_nested_meta(|meta| {
                out.parse_key(cx, &meta);
                Ok(())
            });
            if let Err(e) = result {
                cx.syn_error(e);
            }
        }
        out
    }

    fn parse_key(&mut self, cx: &Ctxt, meta: &ParseNestedMeta<'_>) {
        let span = meta
            .path
            .get_ident()
            .map_or_else(Span::call_site, syn::Ident::span);
        let key = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        match key.as_str() {
            "name" => set_str(cx, meta, &mut self.name, span),
            "xml_name" => set_str(cx, meta, &mut self.xml_name, span),
            "rename_all" => {
                if let Some(lit) = parse_lit_str(cx, meta) {
                    match RenameRule::parse(&lit.value()) {
                        Some(rule) => self.rename_all.set(cx, span, rule),
                        None => cx.error_spanned_by(
                            &lit,
                            format!(
                                "unknown rename_all rule \"{}\"; expected one of {RULE_NAMES}",
                                lit.value()
                            ),
                        ),
                    }
                }
            }
            "xml_namespace" => {
                if let Some(ns) = parse_namespace(cx, meta) {
                    self.xml_namespace.set(cx, span, ns);
                }
            }
            "error" => self.error.set(cx, span, parse_error(cx, meta)),
            "sensitive" => self.sensitive.set(cx, span, ()),
            "union" => self.union.set(cx, span, ()),
            "int_enum" => self.int_enum.set(cx, span, ()),
            "crate" => {
                if let Some(lit) = parse_lit_str(cx, meta) {
                    match lit.parse::<syn::Path>() {
                        Ok(path) => self.krate.set(cx, span, path),
                        Err(_) => cx.error_spanned_by(
                            &lit,
                            "`crate` expects the path of awso-core, such as \"::awso_core\"",
                        ),
                    }
                }
            }
            _ => {
                cx.error_at(
                    span,
                    format!(
                        "unknown awso attribute `{key}` on a type; expected one of: name, rename_all, \
                         xml_name, xml_namespace, error, sensitive, union, int_enum, crate"
                    ),
                );
                skip_value(meta);
            }
        }
    }
}

fn parse_error(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> ErrorAttr {
    let mut error = ErrorAttr {
        server: false,
        status: None,
        code: None,
    };
    if !meta.input.peek(syn::token::Paren) {
        return error;
    }
    let mut fault_seen = false;
    let result = meta.parse_nested_meta(|inner| {
        if inner.path.is_ident("fault") {
            if let Some(lit) = parse_lit_str(cx, &inner) {
                match lit.value().as_str() {
                    "client" => error.server = false,
                    "server" => error.server = true,
                    _ => cx.error_spanned_by(&lit, "expected fault = \"client\" or \"server\""),
                }
                fault_seen = true;
            }
        } else if inner.path.is_ident("status") {
            match inner
                .value()
                .and_then(syn::parse::ParseBuffer::parse::<syn::LitInt>)
            {
                Ok(lit) => match lit.base10_parse::<u16>() {
                    Ok(n) if (100..600).contains(&n) => error.status = Some(n),
                    _ => cx.error_spanned_by(&lit, "expected an HTTP status between 100 and 599"),
                },
                Err(e) => cx.syn_error(e),
            }
        } else if inner.path.is_ident("code") {
            error.code = parse_lit_str(cx, &inner).map(|l| l.value());
        } else {
            cx.error_spanned_by(
                &inner.path,
                "expected `fault`, `status` or `code` in error(...)",
            );
            skip_value(&inner);
        }
        Ok(())
    });
    if let Err(e) = result {
        cx.syn_error(e);
    }
    if !fault_seen {
        // Without a fault the status decides, as Smithy's @httpError implies.
        error.server = error.status.is_some_and(|s| s >= 500);
    }
    error
}

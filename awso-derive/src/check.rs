//! Rules that span several attributes, or an attribute and a type.

use std::collections::HashMap;

use crate::ast::{Container, Data, Field, Variant};
use crate::attr::{HttpBinding, MemberAttrs};
use crate::ctxt::Ctxt;
use crate::ty;

/// Checks a parsed container, reporting every violation.
pub(crate) fn container(cx: &Ctxt, cont: &Container<'_>) {
    generics(cx, cont.generics);
    match &cont.data {
        Data::Struct(fields) => {
            for field in fields {
                member(cx, field);
            }
            unique_names(cx, fields.iter().map(|f| (f.name.as_str(), f.ident)));
            one_payload(cx, fields);
        }
        Data::Union(variants) => union(cx, cont, variants),
        Data::Enum(variants) => string_enum(cx, cont, variants),
        Data::IntEnum(variants) => int_enum(cx, cont, variants),
    }
    builder_name(cx, cont);
    if let (Some(span), true) = (cont.attrs.int_enum.span(), cont.attrs.union.is_set()) {
        cx.error_at(span, "an enum is a union or an intEnum, not both");
    }
}

/// `builder = "Name"` names a structure's builder type, so it must be an identifier other
/// than the structure's own name; enums get constructors and have no builder type to name.
fn builder_name(cx: &Ctxt, cont: &Container<'_>) {
    let (Some(Some(name)), Some(span)) = (cont.attrs.builder.get(), cont.attrs.builder.span())
    else {
        return;
    };
    if !matches!(cont.data, Data::Struct(_)) {
        cx.error_at(
            span,
            "`builder = \"...\"` names a structure's builder type; an enum gets constructors and conversions: write `builder`",
        );
    } else if syn::parse_str::<syn::Ident>(name).is_err() {
        cx.error_at(
            span,
            format!("`builder = \"{name}\"`: the builder's name must be a Rust identifier"),
        );
    } else if *name == crate::ast::unraw(cont.ident) {
        cx.error_at(
            span,
            "the builder needs a name of its own, not the structure's",
        );
    }
}

fn generics(cx: &Ctxt, generics: &syn::Generics) {
    for param in &generics.params {
        match param {
            syn::GenericParam::Lifetime(l) => {
                cx.error_spanned_by(l, "lifetimes are not supported: AWS shapes own their data");
            }
            syn::GenericParam::Const(c) => {
                cx.error_spanned_by(c, "const generics are not supported");
            }
            syn::GenericParam::Type(_) => {}
        }
    }
}

fn unique_names<'a>(cx: &Ctxt, names: impl Iterator<Item = (&'a str, &'a syn::Ident)>) {
    let mut seen = HashMap::new();
    for (name, ident) in names {
        if let Some(first) = seen.insert(name, ident) {
            cx.error_spanned_by(
                ident,
                format!("member name \"{name}\" is already used by `{first}`"),
            );
        }
    }
}

/// At most one member is the HTTP payload: of two, only the last would be sent.
fn one_payload(cx: &Ctxt, fields: &[Field<'_>]) {
    let mut payloads = fields
        .iter()
        .filter(|f| matches!(f.attrs.http.get(), Some(HttpBinding::Payload)));
    if let Some(first) = payloads.next() {
        for other in payloads {
            cx.error_spanned_by(
                other.ident,
                format!(
                    "only one member can be the HTTP payload, and `{}` already is",
                    first.ident
                ),
            );
        }
    }
}

/// Whether `name` is made of HTTP token characters (RFC 9110), as header names are.
fn is_token_text(name: &str) -> bool {
    name.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Rules on the names of HTTP bindings and the type of a response-code member.
fn http_binding(cx: &Ctxt, a: &MemberAttrs, shape_ty: &syn::Type) {
    let (Some(span), Some(binding)) = (a.http.span(), a.http.get()) else {
        return;
    };
    match binding {
        // A header name is a non-empty token; a prefix may be empty (all headers).
        HttpBinding::Header(name) | HttpBinding::PrefixHeaders(name)
            if !is_token_text(name)
                || (name.is_empty() && matches!(binding, HttpBinding::Header(_))) =>
        {
            cx.error_at(
                span,
                format!(
                    "{name:?} is not an HTTP header name: a header name is a non-empty token \
                     of letters, digits and !#$%&'*+-.^_`|~ (a prefix may be empty)"
                ),
            );
        }
        HttpBinding::Query(name) if name.is_empty() => {
            cx.error_at(
                span,
                "an HTTP query parameter needs a name: `?=value` names nothing",
            );
        }
        HttpBinding::ResponseCode if !ty::is_integer(shape_ty) => {
            cx.error_at(
                span,
                "the HTTP response code is an integer: give this member an integer type (i32)",
            );
        }
        _ => {}
    }
}

/// Rules for one structure member (or union member).
fn member(cx: &Ctxt, field: &Field<'_>) {
    if let Some(reason) = ty::unsupported(field.shape_ty) {
        cx.error_spanned_by(field.shape_ty, reason);
    }
    let a = &field.attrs;
    member_traits(cx, a, field.shape_ty);
    http_binding(cx, a, field.shape_ty);
    streaming(cx, a, field.shape_ty);
    if let (Some(span), true) = (a.required.span(), field.optional) {
        cx.error_at(span, "a required member is a plain type, not an Option");
    }
}

/// A streaming member is the HTTP payload, of type `Blob`: the stream is the body.
fn streaming(cx: &Ctxt, a: &MemberAttrs, shape_ty: &syn::Type) {
    let Some(span) = a.streaming.span() else {
        return;
    };
    if !matches!(a.http.get(), Some(HttpBinding::Payload)) {
        cx.error_at(
            span,
            "a streaming member is the body: mark it `http_payload` as well",
        );
    }
    if !ty::is_named(shape_ty, "Blob") {
        cx.error_at(span, "only a blob streams: give this member the type Blob");
    }
}

/// Rules on member traits that do not depend on where the member sits.
fn member_traits(cx: &Ctxt, a: &MemberAttrs, shape_ty: &syn::Type) {
    if let (Some(span), true) = (a.xml_attribute.span(), a.xml_flattened.is_set()) {
        cx.error_at(
            span,
            "a member cannot be both an XML attribute and flattened",
        );
    }
    if let (Some(span), Some(binding)) = (a.xml_attribute.span(), a.http.get()) {
        let payload = matches!(binding, HttpBinding::Payload);
        let what = if payload {
            "the HTTP payload"
        } else {
            "bound to HTTP"
        };
        cx.error_at(span, format!("an XML attribute cannot also be {what}"));
    }
    if let (Some(span), Some(HttpBinding::ResponseCode)) = (a.host_label.span(), a.http.get()) {
        cx.error_at(span, "a host_label member cannot be the response code");
    }
    let scalar = ty::is_known_scalar(shape_ty);
    for (slot, what) in [
        (&a.item, "member(...)"),
        (&a.key, "key(...)"),
        (&a.value, "value(...)"),
    ] {
        if let (Some(span), true) = (slot.span(), scalar) {
            cx.error_at(
                span,
                format!("{what} describes the items of a list or map, and this member is a scalar"),
            );
        }
    }
    if let (Some(span), true) = (a.xml_flattened.span(), scalar) {
        cx.error_at(
            span,
            "xml_flattened applies to lists and maps, and this member is a scalar",
        );
    }
    if let (Some(span), true) = (a.item.span(), a.key.is_set() || a.value.is_set()) {
        cx.error_at(
            span,
            "member(...) is for lists, key(...) and value(...) for maps: not both",
        );
    }
}

fn unknown_variants<'v, 'a>(
    cx: &Ctxt,
    cont: &Container<'_>,
    variants: &'v [Variant<'a>],
    expected: &str,
) -> Option<&'v Variant<'a>> {
    let mut unknown = variants.iter().filter(|v| v.unknown);
    let first = unknown.next();
    for extra in unknown {
        cx.error_spanned_by(extra.ident, "only one variant can be the unknown one");
    }
    if first.is_none() {
        cx.error_spanned_by(
            cont.ident,
            format!("this enum needs an unknown variant, `Unknown({expected})`, to keep values it does not know (or mark one #[awso(unknown)])"),
        );
    }
    first
}

/// A union's or string enum's unknown variant, which keeps a string (the member name or
/// the value); `wrong_type` is the error when it holds something else.
fn string_unknown(cx: &Ctxt, cont: &Container<'_>, variants: &[Variant<'_>], wrong_type: &str) {
    if let Some(unknown) = unknown_variants(cx, cont, variants, "String") {
        if unknown.ty.is_none_or(|t| !ty::is_string(t)) {
            cx.error_spanned_by(unknown.ident, wrong_type);
        }
    }
}

/// The known variants' names are distinct (the unknown one has no name of its own).
fn unique_known_names(cx: &Ctxt, variants: &[Variant<'_>]) {
    unique_names(
        cx,
        variants
            .iter()
            .filter(|v| !v.unknown)
            .map(|v| (v.name.as_str(), v.ident)),
    );
}

fn union(cx: &Ctxt, cont: &Container<'_>, variants: &[Variant<'_>]) {
    string_unknown(
        cx,
        cont,
        variants,
        "a union's unknown variant keeps the member name: write `Unknown(String)`",
    );
    for variant in variants.iter().filter(|v| !v.unknown) {
        match variant.ty {
            Some(shape_ty) => {
                if let Some(reason) = ty::unsupported(shape_ty) {
                    cx.error_spanned_by(shape_ty, reason);
                }
                if ty::option_inner(shape_ty).is_some() {
                    cx.error_spanned_by(
                        shape_ty,
                        "a union member is always present: drop the Option",
                    );
                }
                member_traits(cx, &variant.attrs, shape_ty);
            }
            None => cx.error_spanned_by(
                variant.ident,
                "union variants hold one value: write `Name(Type)`",
            ),
        }
    }
    unique_known_names(cx, variants);
}

fn string_enum(cx: &Ctxt, cont: &Container<'_>, variants: &[Variant<'_>]) {
    string_unknown(
        cx,
        cont,
        variants,
        "an enum's unknown variant keeps the value: write `Unknown(String)`",
    );
    for variant in variants.iter().filter(|v| !v.unknown) {
        if !matches!(variant.fields, syn::Fields::Unit) {
            cx.error_spanned_by(variant.ident, "enum values are unit variants");
        }
        if let Some(d) = variant.discriminant {
            cx.error_spanned_by(
                d,
                "a string enum has no discriminants: use #[awso(int_enum)] for an intEnum",
            );
        }
    }
    unique_known_names(cx, variants);
}

fn int_enum(cx: &Ctxt, cont: &Container<'_>, variants: &[Variant<'_>]) {
    if let Some(unknown) = unknown_variants(cx, cont, variants, "i32") {
        let is_i32 = unknown.ty.is_some_and(|t| ty::is_named(t, "i32"));
        if !is_i32 {
            cx.error_spanned_by(
                unknown.ident,
                "an intEnum's unknown variant keeps the value: write `Unknown(i32)`",
            );
        }
    }
    let mut seen = HashMap::new();
    for variant in variants.iter().filter(|v| !v.unknown) {
        if !matches!(variant.fields, syn::Fields::Unit) {
            cx.error_spanned_by(variant.ident, "intEnum values are unit variants");
        }
        match variant.int_value {
            None => cx.error_spanned_by(
                variant.ident,
                "an intEnum variant needs a value: #[awso(value = 1)] (or a discriminant `Name = 1` with #[repr(i32)])",
            ),
            Some(n) => {
                if let Some(first) = seen.insert(n, variant.ident) {
                    cx.error_spanned_by(
                        variant.ident,
                        format!("value {n} is already used by `{first}`"),
                    );
                }
            }
        }
        if let (Some(span), Some(_)) = (variant.attrs.int_value.span(), variant.discriminant) {
            cx.error_at(
                span,
                "give the value once: as a discriminant or as #[awso(value = ...)]",
            );
        }
    }
}

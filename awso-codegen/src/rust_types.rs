//! The Rust type of each member, and the `member(...)`, `key(...)`, `value(...)` attributes
//! that carry the traits of list items and map entries (a `Vec<T>` has none of its own).

use std::collections::HashMap;

use awso_core::Schema;
use awso_core::schema::{HttpBinding, Member, ShapeKind, TimestampFormat, XmlNamespace};
use proc_macro2::TokenStream;
use quote::quote;

/// The Rust types of a model's shapes.
pub(crate) struct TypeMap {
    /// Generated type names, by shape name.
    pub(crate) types: HashMap<String, syn::Ident>,
    pub(crate) runtime: syn::Path,
}

impl TypeMap {
    /// The type a value of `schema` has.
    pub(crate) fn of(&self, schema: &'static Schema) -> TokenStream {
        let rt = &self.runtime;
        match schema.kind() {
            ShapeKind::Structure | ShapeKind::Union | ShapeKind::Enum | ShapeKind::IntEnum => {
                let ident = &self.types[schema.name()];
                quote!(#ident)
            }
            ShapeKind::List => {
                let item = schema
                    .list_member()
                    .map_or_else(|| quote!(#rt::Document), |m| self.of(m.target()));
                if schema.is_sparse() {
                    quote!(::std::vec::Vec<::std::option::Option<#item>>)
                } else {
                    quote!(::std::vec::Vec<#item>)
                }
            }
            ShapeKind::Map => {
                let Some((key, value)) = schema.map_members() else {
                    return quote!(#rt::Document);
                };
                let key = self.of(key.target());
                let value = self.of(value.target());
                let value = if schema.is_sparse() {
                    quote!(::std::option::Option<#value>)
                } else {
                    value
                };
                quote!(#rt::types::IndexMap<#key, #value>)
            }
            ShapeKind::String => quote!(::std::string::String),
            ShapeKind::Boolean => quote!(bool),
            ShapeKind::Byte => quote!(i8),
            ShapeKind::Short => quote!(i16),
            ShapeKind::Integer => quote!(i32),
            ShapeKind::Long => quote!(i64),
            ShapeKind::Float => quote!(f32),
            ShapeKind::Double => quote!(f64),
            ShapeKind::BigInteger => quote!(#rt::BigInteger),
            ShapeKind::BigDecimal => quote!(#rt::BigDecimal),
            ShapeKind::Blob => quote!(#rt::Blob),
            ShapeKind::Timestamp => quote!(#rt::Timestamp),
            _ => quote!(#rt::Document),
        }
    }
}

fn format_name(format: TimestampFormat) -> &'static str {
    format.as_str()
}

/// The `xml_namespace(...)` key of a container or field.
pub(crate) fn namespace(ns: XmlNamespace) -> TokenStream {
    let uri = ns.uri;
    match ns.prefix {
        Some(prefix) => quote!(xml_namespace(uri = #uri, prefix = #prefix)),
        None => quote!(xml_namespace(uri = #uri)),
    }
}

/// Traits a member's value carries that a Rust type without a schema of its own cannot: the
/// target shape's timestamp format, namespace, media type and sensitivity.
pub(crate) fn value_traits(member: &Member, keys: &mut Vec<TokenStream>) {
    let target = member.target();
    let simple = !matches!(
        target.kind(),
        ShapeKind::Structure | ShapeKind::Union | ShapeKind::Enum
    );
    if let Some(format) = member.timestamp_format() {
        let format = format_name(format);
        keys.push(quote!(timestamp_format = #format));
    }
    let ns = member.traits().xml_namespace.or(if simple {
        target.traits().xml_namespace
    } else {
        None
    });
    if let Some(ns) = ns {
        keys.push(namespace(ns));
    }
    let media = member.traits().media_type.or(target.traits().media_type);
    if let Some(media) = media {
        keys.push(quote!(media_type = #media));
    }
}

/// The `streaming` key of a payload blob that botocore marks `"streaming": true` (on the
/// member, as S3 does, or on the blob shape), with `requires_length` when it says
/// `"requiresLength": true`. Only the payload streams: the derive refuses the key elsewhere.
pub(crate) fn streaming(member: &Member) -> Option<TokenStream> {
    let payload = matches!(member.traits().http, Some(HttpBinding::Payload));
    if !payload || member.target().kind() != ShapeKind::Blob || !member.is_streaming() {
        return None;
    }
    Some(if member.requires_length() {
        quote!(streaming(requires_length))
    } else {
        quote!(streaming)
    })
}

/// `member(...)`, `key(...)`, `value(...)` for the items of the list or map `member` holds,
/// nested for collections of collections; empty when the items have no traits.
pub(crate) fn item_overrides(target: &'static Schema) -> Vec<TokenStream> {
    let nested = |item: &Member, attr: TokenStream| -> Option<TokenStream> {
        let mut keys = Vec::new();
        if let Some(name) = item.traits().xml_name {
            keys.push(quote!(xml_name = #name));
        }
        value_traits(item, &mut keys);
        if crate::secrets::is_secret(item) {
            keys.push(quote!(sensitive));
        }
        keys.extend(item_overrides(item.target()));
        (!keys.is_empty()).then(|| quote!(#attr(#(#keys),*)))
    };
    match (target.list_member(), target.map_members()) {
        (Some(item), _) => nested(item, quote!(member)).into_iter().collect(),
        (_, Some((key, value))) => [nested(key, quote!(key)), nested(value, quote!(value))]
            .into_iter()
            .flatten()
            .collect(),
        _ => Vec::new(),
    }
}

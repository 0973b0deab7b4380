//! Schema constants: member traits, member targets (with item overrides), shape traits, and
//! the compile-time checks that need the target's kind.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::attr::{
    ContainerAttrs, DefaultValue, HttpBinding, MemberAttrs, Namespace, TimestampFormat,
};

fn namespace(krate: &syn::Path, method: &str, ns: &Namespace) -> TokenStream {
    let method = syn::Ident::new(method, Span::call_site());
    let uri = &ns.uri;
    let prefix = match &ns.prefix {
        Some(p) => quote!(#krate::__private::Some(#p)),
        None => quote!(#krate::__private::None),
    };
    quote!(.#method(#uri, #prefix))
}

fn timestamp_format(krate: &syn::Path, format: TimestampFormat) -> TokenStream {
    let variant = match format {
        TimestampFormat::DateTime => quote!(DateTime),
        TimestampFormat::EpochSeconds => quote!(EpochSeconds),
        TimestampFormat::HttpDate => quote!(HttpDate),
    };
    quote!(#krate::schema::TimestampFormat::#variant)
}

/// `MemberTraits::NONE.json_name(..)...` for `attrs`, on top of `base`.
pub(super) fn member_traits(
    krate: &syn::Path,
    base: &TokenStream,
    attrs: &MemberAttrs,
    name: &str,
    required: bool,
) -> TokenStream {
    let mut calls = TokenStream::new();
    let string_calls = [
        (&attrs.json_name, "json_name"),
        (&attrs.xml_name, "xml_name"),
        (&attrs.ec2_query_name, "ec2_query_name"),
        (&attrs.media_type, "media_type"),
    ];
    for (slot, method) in string_calls {
        if let Some(value) = slot.get() {
            let method = syn::Ident::new(method, Span::call_site());
            calls.extend(quote!(.#method(#value)));
        }
    }
    let flags = [
        (attrs.xml_attribute.is_set(), "xml_attribute"),
        (attrs.xml_flattened.is_set(), "xml_flattened"),
        (attrs.host_label.is_set(), "host_label"),
        (required, "required"),
        (attrs.idempotency_token.is_set(), "idempotency_token"),
        (attrs.sensitive.is_set(), "sensitive"),
        (attrs.streaming.is_set(), "streaming"),
        (
            attrs.streaming.get().is_some_and(|s| s.requires_length),
            "requires_length",
        ),
    ];
    for (set, method) in flags {
        if set {
            let method = syn::Ident::new(method, Span::call_site());
            calls.extend(quote!(.#method()));
        }
    }
    if let Some(ns) = attrs.xml_namespace.get() {
        calls.extend(namespace(krate, "xml_namespace", ns));
    }
    if let Some(format) = attrs.timestamp_format.get() {
        let format = timestamp_format(krate, *format);
        calls.extend(quote!(.timestamp_format(#format)));
    }
    if let Some(binding) = attrs.http.get() {
        let binding = http_binding(krate, binding, name);
        calls.extend(quote!(.http(#binding)));
    }
    if let Some(default) = attrs.default.get() {
        let default = default_value(krate, default);
        calls.extend(quote!(.default(#default)));
    }
    quote!(#base #calls)
}

fn http_binding(krate: &syn::Path, binding: &HttpBinding, member_name: &str) -> TokenStream {
    let path = quote!(#krate::schema::HttpBinding);
    match binding {
        HttpBinding::Header(name) => quote!(#path::Header(#name)),
        HttpBinding::PrefixHeaders(prefix) => quote!(#path::PrefixHeaders(#prefix)),
        HttpBinding::Label { name, greedy } => {
            let name = name.as_deref().unwrap_or(member_name);
            quote!(#path::Label { name: #name, greedy: #greedy })
        }
        HttpBinding::Query(name) => quote!(#path::Query(#name)),
        HttpBinding::QueryParams => quote!(#path::QueryParams),
        HttpBinding::Payload => quote!(#path::Payload),
        HttpBinding::ResponseCode => quote!(#path::ResponseCode),
    }
}

fn default_value(krate: &syn::Path, value: &DefaultValue) -> TokenStream {
    let path = quote!(#krate::schema::DefaultValue);
    match value {
        DefaultValue::Bool(b) => quote!(#path::Boolean(#b)),
        DefaultValue::Int(n) => quote!(#path::Integer(#n)),
        DefaultValue::Float(x) => quote!(#path::Float(#x)),
        DefaultValue::Str(s) => quote!(#path::String(#s)),
        DefaultValue::EmptyList => quote!(#path::EmptyList),
        DefaultValue::EmptyMap => quote!(#path::EmptyMap),
    }
}

/// The target of a member of type `ty`: `SchemaRef::of::<ty>()`, or, when `member(...)`,
/// `key(...)` or `value(...)` override item traits, a schema derived from `ty`'s.
pub(super) fn target(krate: &syn::Path, ty: &TokenStream, attrs: &MemberAttrs) -> TokenStream {
    let overrides = [
        (attrs.item.get(), 0usize),
        (attrs.key.get(), 0),
        (attrs.value.get(), 1),
    ];
    if overrides.iter().all(|(o, _)| o.is_none()) {
        return quote!(#krate::schema::SchemaRef::of::<#ty>());
    }
    let base = quote!(<#ty as #krate::AwsShape>::SCHEMA);
    let members: Vec<TokenStream> = if let Some(item) = attrs.item.get() {
        let item_ty = quote!(<#ty as #krate::__private::ListShape>::Item);
        vec![overridden_member(krate, &base, 0, &item_ty, Some(item))]
    } else {
        let key_ty = quote!(<#ty as #krate::__private::MapShape>::Key);
        let value_ty = quote!(<#ty as #krate::__private::MapShape>::Value);
        vec![
            overridden_member(krate, &base, 0, &key_ty, attrs.key.get().map(|b| &**b)),
            overridden_member(krate, &base, 1, &value_ty, attrs.value.get().map(|b| &**b)),
        ]
    };
    quote! {
        #krate::schema::SchemaRef::from_static(&#krate::Schema::overridden(#base, &[#(#members),*]))
    }
}

fn overridden_member(
    krate: &syn::Path,
    base: &TokenStream,
    index: usize,
    ty: &TokenStream,
    attrs: Option<&MemberAttrs>,
) -> TokenStream {
    let original = quote!(#krate::Schema::member_at(#base, #index));
    let Some(attrs) = attrs else {
        return original;
    };
    let target = target(krate, ty, attrs);
    let traits = member_traits(krate, &quote!(#original.traits_copy()), attrs, "", false);
    quote! {
        #krate::schema::Member::new(#original.name(), #index, #target).with_traits(#traits)
    }
}

/// `ShapeTraits::NONE...` for a container.
pub(super) fn shape_traits(
    krate: &syn::Path,
    attrs: &ContainerAttrs,
    extra: &TokenStream,
) -> TokenStream {
    let mut calls = TokenStream::new();
    if let Some(name) = attrs.xml_name.get() {
        calls.extend(quote!(.xml_name(#name)));
    }
    if let Some(ns) = attrs.xml_namespace.get() {
        calls.extend(namespace(krate, "xml_namespace", ns));
    }
    if attrs.sensitive.is_set() {
        calls.extend(quote!(.sensitive()));
    }
    if let Some(error) = attrs.error.get() {
        let fault = if error.server {
            quote!(Server)
        } else {
            quote!(Client)
        };
        let status = match error.status {
            Some(s) => quote!(#krate::__private::Some(#s)),
            None => quote!(#krate::__private::None),
        };
        let code = match &error.code {
            Some(c) => quote!(#krate::__private::Some(#c)),
            None => quote!(#krate::__private::None),
        };
        calls.extend(quote! {
            .error(#krate::schema::ErrorTrait {
                fault: #krate::schema::ErrorFault::#fault,
                http_status: #status,
                code: #code,
            })
        });
        if let Some(throttling) = error.retryable {
            calls.extend(quote! {
                .retryable(#krate::schema::Retryable::from_throttling(#throttling))
            });
        }
    }
    quote!(#krate::schema::ShapeTraits::NONE #calls #extra)
}

/// Compile-time checks that need the member type's kind, each reported at its attribute.
pub(super) fn kind_checks(krate: &syn::Path, ty: &syn::Type, attrs: &MemberAttrs) -> TokenStream {
    let mut checks = TokenStream::new();
    if let Some(span) = attrs.xml_attribute.span() {
        checks.extend(quote_spanned! {span=>
            ::core::assert!(
                <#ty as #krate::AwsShape>::SCHEMA.kind().is_scalar(),
                "xml_attribute needs a scalar member: a structure, union, list, map or document cannot be an XML attribute"
            );
        });
    }
    if let Some(span) = attrs.xml_flattened.span() {
        checks.extend(quote_spanned! {span=>
            ::core::assert!(
                <#ty as #krate::AwsShape>::SCHEMA.kind().is_collection(),
                "xml_flattened applies to lists and maps"
            );
        });
    }
    checks
}

//! Code generation. Reads only the parsed [`crate::ast`] view.

mod builder;
mod debug;
mod enums;
mod error_enum;
mod fallback;
mod schema;
mod serde;
mod structure;
mod union;

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::{Container, Data, ErrorEnum, crate_path};
use crate::check;
use crate::ctxt::Ctxt;

/// Expands `#[derive(AwsShape)]`.
pub(crate) fn shape(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let Some(cont) = Container::from_ast(&cx, input) else {
        let errors = cx.into_compile_errors().unwrap_or_default();
        return with_fallback(&errors, &fallback::shape(input));
    };
    check::container(&cx, &cont);
    if let Some(errors) = cx.into_compile_errors() {
        return with_fallback(&errors, &fallback::shape(input));
    }
    // A public builder type must be nameable, so it stands outside the anonymous constant.
    let (outside, body) = match &cont.data {
        Data::Struct(fields) => structure::expand(&cont, fields),
        Data::Union(variants) => {
            let body = union::expand(&cont, variants);
            let helpers = builder::union(&cont, variants);
            (TokenStream::new(), quote!(#body #helpers))
        }
        Data::Enum(variants) => {
            let body = enums::string_enum(&cont, variants);
            let helpers = builder::enum_conversions(&cont, false);
            (TokenStream::new(), quote!(#body #helpers))
        }
        Data::IntEnum(variants) => {
            let body = enums::int_enum(&cont, variants);
            let helpers = builder::enum_conversions(&cont, true);
            (TokenStream::new(), quote!(#body #helpers))
        }
    };
    let debug = debug::expand(&cont);
    let serde = serde::impls(&cont);
    let wrapped = wrap(&quote!(#body #debug #serde));
    quote!(#outside #wrapped)
}

/// Expands `#[derive(AwsError)]`.
pub(crate) fn error_enum(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let parsed = ErrorEnum::from_ast(&cx, input);
    if let Some(errors) = cx.into_compile_errors() {
        return with_fallback(&errors, &fallback::error_enum(input));
    }
    match parsed {
        Some(parsed) => wrap(&error_enum::expand(&parsed)),
        None => TokenStream::new(),
    }
}

/// The errors, and the stand-in impls wrapped like real ones, so that the user sees the
/// errors and nothing else.
fn with_fallback(errors: &TokenStream, fallback: &TokenStream) -> TokenStream {
    let wrapped = wrap(fallback);
    quote!(#errors #wrapped)
}

/// Wraps generated items in an anonymous constant: nothing leaks into the user's namespace.
/// No lint is allowed here: the expansion is lint-clean under the user's own lints, which
/// `tests/lint.rs` checks (a blanket allow would hide what it is there to catch).
fn wrap(body: &TokenStream) -> TokenStream {
    quote! {
        #[doc(hidden)]
        const _: () = {
            #body
        };
    }
}

/// The impl generics, type generics and where clause of `cont`, with `AwsShape` bounds added
/// on every type parameter.
fn bounded_generics(krate: &syn::Path, generics: &syn::Generics) -> syn::Generics {
    let mut generics = generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(#krate::AwsShape));
    }
    generics
}

/// Shorthand for the crate path of a container.
fn krate(cont: &Container<'_>) -> syn::Path {
    crate_path(&cont.attrs)
}

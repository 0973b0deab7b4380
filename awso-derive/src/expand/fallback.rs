//! What is emitted when the attributes are wrong: the errors, plus impls that satisfy the
//! traits, so the user sees their mistakes and not a cascade of "trait not implemented".

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::attr::Place;

/// The runtime's path, read again with errors ignored: they are being reported already.
/// Every place a type can be allows `crate`, so any place reads it.
fn krate(input: &DeriveInput) -> syn::Path {
    let cx = crate::ctxt::Ctxt::default();
    let attrs = crate::attr::ContainerAttrs::parse(&cx, &input.attrs, Place::ErrorEnum);
    let _ = cx.into_compile_errors();
    crate::ast::crate_path(&attrs)
}

/// Whether `#[awso(debug)]` was asked for, read with errors ignored like [`krate`].
fn wants_debug(input: &DeriveInput) -> bool {
    let cx = crate::ctxt::Ctxt::default();
    let place = match input.data {
        syn::Data::Enum(_) => Place::Enum,
        _ => Place::Struct,
    };
    let attrs = crate::attr::ContainerAttrs::parse(&cx, &input.attrs, place);
    let _ = cx.into_compile_errors();
    attrs.debug.is_set()
}

pub(super) fn shape(input: &DeriveInput) -> TokenStream {
    let krate = krate(input);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let name = ident.to_string();
    let debug = wants_debug(input).then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __f.write_str(#name)
                }
            }
        }
    });
    quote! {
        #debug

        #[automatically_derived]
        impl #impl_generics #krate::AwsShape for #ident #ty_generics #where_clause {
            const SCHEMA: &'static #krate::Schema = &#krate::Schema::simple(
                #krate::schema::ShapeKind::Document,
                #name,
            );

            fn serialize<__S: #krate::ShapeSerializer>(
                &self,
                _: &#krate::Member,
                _: &mut __S,
            ) -> #krate::Result<()> {
                ::core::unreachable!()
            }

            fn deserialize<__D: #krate::ShapeDeserializer>(
                _: &#krate::Member,
                _: &mut __D,
            ) -> #krate::Result<Self> {
                ::core::unreachable!()
            }

            fn zero() -> Self {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        impl #impl_generics #krate::AwsStruct for #ident #ty_generics #where_clause {
            type Builder = #krate::__private::FallbackBuilder<Self>;

            fn builder(_: &'static #krate::Schema) -> Self::Builder {
                ::core::unreachable!()
            }

            fn serialize_members<__S: #krate::MemberSerializer>(
                &self,
                _: &'static #krate::Schema,
                _: &mut __S,
            ) -> #krate::Result<()> {
                ::core::unreachable!()
            }
        }
    }
}

pub(super) fn error_enum(input: &DeriveInput) -> TokenStream {
    let krate = krate(input);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::AwsError for #ident #ty_generics #where_clause {
            const ERRORS: &'static [&'static #krate::Schema] = &[];

            fn read_modeled<__R: #krate::service_error::ErrorReader>(
                _: ::core::primitive::usize,
                _: __R,
            ) -> #krate::Result<Self> {
                ::core::unreachable!()
            }

            fn write_modeled<__S: #krate::ShapeSerializer>(
                &self,
                _: &mut __S,
            ) -> #krate::Result<::core::primitive::bool> {
                ::core::unreachable!()
            }

            fn unknown(_: #krate::UnknownError) -> Self {
                ::core::unreachable!()
            }

            fn as_unknown(&self) -> ::core::option::Option<&#krate::UnknownError> {
                ::core::unreachable!()
            }

            fn modeled_schema(&self) -> ::core::option::Option<&'static #krate::Schema> {
                ::core::unreachable!()
            }

            fn message(&self) -> ::core::option::Option<&::core::primitive::str> {
                ::core::unreachable!()
            }
        }
    }
}

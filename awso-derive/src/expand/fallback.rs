//! What is emitted when the attributes are wrong: the errors, plus impls that satisfy the
//! traits, so the user sees their mistakes and not a cascade of "trait not implemented".

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub(super) fn shape(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let name = ident.to_string();
    quote! {
        #[allow(unreachable_code, unused_variables)]
        impl #impl_generics ::awso_core::AwsShape for #ident #ty_generics #where_clause {
            const SCHEMA: &'static ::awso_core::Schema = &::awso_core::Schema::simple(
                ::awso_core::schema::ShapeKind::Document,
                #name,
            );

            fn serialize<__S: ::awso_core::ShapeSerializer>(
                &self,
                __member: &::awso_core::Member,
                __ser: &mut __S,
            ) -> ::awso_core::Result<()> {
                ::core::unreachable!()
            }

            fn deserialize<__D: ::awso_core::ShapeDeserializer>(
                __member: &::awso_core::Member,
                __de: &mut __D,
            ) -> ::awso_core::Result<Self> {
                ::core::unreachable!()
            }

            fn zero() -> Self {
                ::core::unreachable!()
            }
        }
    }
}

pub(super) fn error_enum(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[allow(unreachable_code, unused_variables)]
        impl #impl_generics ::awso_core::AwsError for #ident #ty_generics #where_clause {
            const ERRORS: &'static [&'static ::awso_core::Schema] = &[];

            fn read_modeled<__D: ::awso_core::ShapeDeserializer>(
                __index: usize,
                __de: &mut __D,
            ) -> ::awso_core::Result<Self> {
                ::core::unreachable!()
            }

            fn write_modeled<__S: ::awso_core::ShapeSerializer>(
                &self,
                __ser: &mut __S,
            ) -> ::awso_core::Result<bool> {
                ::core::unreachable!()
            }

            fn unknown(__error: ::awso_core::UnknownError) -> Self {
                ::core::unreachable!()
            }

            fn as_unknown(&self) -> ::core::option::Option<&::awso_core::UnknownError> {
                ::core::unreachable!()
            }

            fn modeled_schema(&self) -> ::core::option::Option<&'static ::awso_core::Schema> {
                ::core::unreachable!()
            }

            fn message(&self) -> ::core::option::Option<&str> {
                ::core::unreachable!()
            }
        }
    }
}

//! `Serialize` and `Deserialize` for a derived shape, through its schema.
//!
//! The impls go inside a call to `__private::serde_impls!`, which awso-core defines to expand
//! to its input with its `serde` feature and to nothing without it: the feature is read in
//! awso-core, not in the user's crate (where a `cfg(feature = "serde")` would be evaluated).
//! The bodies are one call each into `awso_core::serde`, so each type adds two tiny functions.

use proc_macro2::TokenStream;
use quote::quote;

use super::{bounded_generics, krate};
use crate::ast::Container;

pub(super) fn impls(cont: &Container<'_>) -> TokenStream {
    let krate = krate(cont);
    let ident = cont.ident;
    let generics = bounded_generics(&krate, cont.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let mut de_generics = generics.clone();
    de_generics.params.insert(0, syn::parse_quote!('__de));
    let (de_impl_generics, _, _) = de_generics.split_for_impl();
    let private = quote!(#krate::__private);
    let serde = quote!(#private::serde);
    quote! {
        #private::serde_impls! {
            #[automatically_derived]
            impl #impl_generics #serde::Serialize for #ident #ty_generics #where_clause {
                fn serialize<__S: #serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> #private::Result<__S::Ok, __S::Error> {
                    #krate::serde::serialize(self, serializer)
                }
            }

            #[automatically_derived]
            impl #de_impl_generics #serde::Deserialize<'__de> for #ident #ty_generics #where_clause {
                fn deserialize<__D: #serde::Deserializer<'__de>>(
                    deserializer: __D,
                ) -> #private::Result<Self, __D::Error> {
                    #krate::serde::deserialize(deserializer)
                }
            }
        }
    }
}

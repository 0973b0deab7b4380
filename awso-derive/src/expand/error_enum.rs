//! `AwsError`, `Display` and `std::error::Error` for an operation's error enum.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::ErrorEnum;

pub(super) fn expand(e: &ErrorEnum<'_>) -> TokenStream {
    let krate = &e.krate;
    let ident = e.ident;
    let (impl_generics, ty_generics, where_clause) = e.generics.split_for_impl();
    let variants: Vec<&syn::Ident> = e.modeled.iter().map(|(v, _)| *v).collect();
    let types: Vec<&syn::Type> = e.modeled.iter().map(|(_, t)| *t).collect();
    let indices: Vec<usize> = (0..variants.len()).collect();
    let unknown: Vec<&syn::Ident> = e.unknown.iter().map(|(v, _)| *v).collect();
    // Spanned at the unknown variant's type, so a wrong type is underlined itself.
    let wrap_unknown = e
        .unknown
        .iter()
        .map(|(variant, ty)| quote_spanned!(ty.span()=> #ident::#variant(__error)));
    let schemas = types
        .iter()
        .map(|ty| quote_spanned!(ty.span()=> <#ty as #krate::AwsShape>::SCHEMA));
    // Spanned at each variant's type: a type that is not an error structure is underlined.
    let messages = types
        .iter()
        .map(|ty| quote_spanned!(ty.span()=> <#ty as #krate::ErrorShape>::message(__error)));

    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::AwsError for #ident #ty_generics #where_clause {
            const ERRORS: &'static [&'static #krate::Schema] = &[#(#schemas),*];

            fn read_modeled<__R: #krate::service_error::ErrorReader>(
                __index: ::core::primitive::usize,
                __reader: __R,
            ) -> #krate::Result<Self> {
                match __index {
                    #(#indices => #krate::__private::Ok(#ident::#variants(
                        __reader.read::<#types>(<#types as #krate::AwsShape>::SCHEMA)?,
                    )),)*
                    _ => #krate::__private::Err(#krate::Error::custom("no modeled error has this index")),
                }
            }

            fn write_modeled<__S: #krate::ShapeSerializer>(&self, __ser: &mut __S) -> #krate::Result<::core::primitive::bool> {
                match self {
                    #(#ident::#variants(__error) => {
                        #krate::AwsShape::serialize(
                            __error,
                            &#krate::Member::root(<#types as #krate::AwsShape>::SCHEMA),
                            __ser,
                        )?;
                        #krate::__private::Ok(true)
                    })*
                    #(#ident::#unknown(_) => #krate::__private::Ok(false),)*
                }
            }

            fn unknown(__error: #krate::UnknownError) -> Self {
                #(#wrap_unknown)*
            }

            fn as_unknown(&self) -> #krate::__private::Option<&#krate::UnknownError> {
                match self {
                    #(#ident::#unknown(__error) => #krate::__private::Some(__error),)*
                    #[allow(unreachable_patterns)]
                    _ => #krate::__private::None,
                }
            }

            fn modeled_schema(&self) -> #krate::__private::Option<&'static #krate::Schema> {
                match self {
                    #(#ident::#variants(_) => #krate::__private::Some(<#types as #krate::AwsShape>::SCHEMA),)*
                    #(#ident::#unknown(_) => #krate::__private::None,)*
                }
            }

            fn message(&self) -> #krate::__private::Option<&::core::primitive::str> {
                match self {
                    #(#ident::#variants(__error) => #messages,)*
                    #(#ident::#unknown(__error) => __error.message(),)*
                }
            }
        }

        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #(#ident::#variants(__error) => ::core::fmt::Display::fmt(__error, __f),)*
                    #(#ident::#unknown(__error) => ::core::fmt::Display::fmt(__error, __f),)*
                }
            }
        }

        #[automatically_derived]
        impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {
            fn source(&self) -> #krate::__private::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(#ident::#variants(__error) => #krate::__private::Some(__error),)*
                    #(#ident::#unknown(__error) => #krate::__private::Some(__error),)*
                }
            }
        }
    }
}

//! `Debug` for `#[awso(debug)]`: like the standard derive, except that what the schema marks
//! sensitive prints as the runtime's redaction marker (`awso_core::redact`). Which members
//! are hidden is decided at run time from the static schema, so a member whose target shape
//! is sensitive is hidden without an attribute of its own.

use proc_macro2::TokenStream;
use quote::quote;

use super::krate;
use crate::ast::{Container, Data, Field, Variant};

/// The `Debug` impl of `cont`, or nothing when `#[awso(debug)]` was not asked for.
pub(super) fn expand(cont: &Container<'_>) -> TokenStream {
    if !cont.attrs.debug.is_set() {
        return TokenStream::new();
    }
    let krate = krate(cont);
    let ident = cont.ident;
    let body = match &cont.data {
        Data::Struct(fields) => structure(&krate, cont, fields),
        Data::Union(variants) => union(&krate, cont, variants),
        Data::Enum(variants) | Data::IntEnum(variants) => enumeration(cont, variants),
    };
    let mut generics = cont.generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(#krate::AwsShape));
        param.bounds.push(syn::parse_quote!(::core::fmt::Debug));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let type_name = ident.to_string();
    let type_name = type_name.trim_start_matches("r#");
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let __schema = <Self as #krate::AwsShape>::SCHEMA;
                if #krate::redact::shape_is_sensitive(__schema) {
                    return #krate::redact::write_redacted(__f, #type_name);
                }
                let __members = __schema.members();
                let _ = __members;
                #body
            }
        }
    }
}

fn structure(krate: &syn::Path, cont: &Container<'_>, fields: &[Field<'_>]) -> TokenStream {
    let type_name = crate::ast::unraw(cont.ident);
    let calls = fields.iter().enumerate().map(|(i, f)| {
        let field = f.ident;
        let label = crate::ast::unraw(field);
        let value = if f.optional {
            quote! {
                &#krate::__private::Option::map(
                    #krate::__private::Option::as_ref(&self.#field),
                    |__value| #krate::redact::MemberValue::new(&__members[#i], __value),
                )
            }
        } else {
            quote!(&#krate::redact::MemberValue::new(&__members[#i], &self.#field))
        };
        quote!(.field(#label, #value))
    });
    quote!(__f.debug_struct(#type_name) #(#calls)* .finish())
}

fn union(krate: &syn::Path, cont: &Container<'_>, variants: &[Variant<'_>]) -> TokenStream {
    let ident = cont.ident;
    let mut index = 0usize;
    let arms = variants.iter().map(|v| {
        let variant = v.ident;
        let label = crate::ast::unraw(variant);
        if v.unknown {
            return quote!(#ident::#variant(__value) => __f.debug_tuple(#label).field(__value).finish(),);
        }
        let i = index;
        index += 1;
        quote! {
            #ident::#variant(__value) => __f
                .debug_tuple(#label)
                .field(&#krate::redact::MemberValue::new(&__members[#i], __value))
                .finish(),
        }
    });
    let arms: Vec<TokenStream> = arms.collect();
    quote!(match self { #(#arms)* })
}

fn enumeration(cont: &Container<'_>, variants: &[Variant<'_>]) -> TokenStream {
    let ident = cont.ident;
    let arms = variants.iter().map(|v| {
        let variant = v.ident;
        let label = crate::ast::unraw(variant);
        if v.ty.is_some() {
            quote!(#ident::#variant(__value) => __f.debug_tuple(#label).field(__value).finish(),)
        } else {
            quote!(#ident::#variant => __f.write_str(#label),)
        }
    });
    quote!(match self { #(#arms)* })
}

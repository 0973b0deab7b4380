//! `AwsShape`, `AwsEnum` / `AwsIntEnum` and `MapKey` for string enums and intEnums.

use proc_macro2::TokenStream;
use quote::quote;

use super::krate;
use super::schema;
use crate::ast::{Container, Variant};

pub(super) fn string_enum(cont: &Container<'_>, variants: &[Variant<'_>]) -> TokenStream {
    let krate = krate(cont);
    let ident = cont.ident;
    let name = &cont.name;
    let known: Vec<&Variant<'_>> = variants.iter().filter(|v| !v.unknown).collect();
    let unknown = variants.iter().find(|v| v.unknown).map(|v| v.ident);
    let idents: Vec<&syn::Ident> = known.iter().map(|v| v.ident).collect();
    let values: Vec<&String> = known.iter().map(|v| &v.name).collect();
    let unknown: Vec<&syn::Ident> = unknown.into_iter().collect();
    let traits = schema::shape_traits(&krate, &cont.attrs, &quote!(.enum_values(&[#(#values),*])));

    quote! {
        #[automatically_derived]
        impl #krate::AwsShape for #ident {
            const SCHEMA: &'static #krate::Schema =
                &#krate::Schema::simple(#krate::schema::ShapeKind::Enum, #name).with_traits(#traits);

            fn serialize<__S: #krate::ShapeSerializer>(
                &self,
                __member: &#krate::Member,
                __ser: &mut __S,
            ) -> #krate::Result<()> {
                __ser.write_string(__member, #krate::AwsEnum::as_str(self))
            }

            fn deserialize<__D: #krate::ShapeDeserializer>(
                __member: &#krate::Member,
                __de: &mut __D,
            ) -> #krate::Result<Self> {
                __de.read_str(__member, |__value| #krate::__private::Ok(<Self as #krate::AwsEnum>::from_wire(__value)))
            }

            fn zero() -> Self {
                #(#ident::#unknown(#krate::__private::String::new()))*
            }
        }

        #[automatically_derived]
        impl #krate::AwsEnum for #ident {
            const VALUES: &'static [&'static ::core::primitive::str] = &[#(#values),*];

            fn as_str(&self) -> &::core::primitive::str {
                match self {
                    #(#ident::#idents => #values,)*
                    #(#ident::#unknown(__value) => __value,)*
                }
            }

            fn from_wire(__value: &::core::primitive::str) -> Self {
                match __value {
                    #(#values => #ident::#idents,)*
                    _ => #(#ident::#unknown(#krate::__private::String::from(__value)))*,
                }
            }
        }

        #[automatically_derived]
        impl #krate::MapKey for #ident {
            fn as_key(&self) -> &::core::primitive::str {
                #krate::AwsEnum::as_str(self)
            }

            fn from_key(__key: &::core::primitive::str) -> #krate::Result<Self> {
                #krate::__private::Ok(<Self as #krate::AwsEnum>::from_wire(__key))
            }
        }
    }
}

pub(super) fn int_enum(cont: &Container<'_>, variants: &[Variant<'_>]) -> TokenStream {
    let krate = krate(cont);
    let ident = cont.ident;
    let name = &cont.name;
    let known: Vec<&Variant<'_>> = variants.iter().filter(|v| !v.unknown).collect();
    let unknown: Vec<&syn::Ident> = variants
        .iter()
        .filter(|v| v.unknown)
        .map(|v| v.ident)
        .collect();
    let idents: Vec<&syn::Ident> = known.iter().map(|v| v.ident).collect();
    let values: Vec<i32> = known
        .iter()
        .map(|v| v.int_value.unwrap_or_default())
        .collect();
    let traits = schema::shape_traits(
        &krate,
        &cont.attrs,
        &quote!(.int_enum_values(&[#(#values),*])),
    );

    quote! {
        #[automatically_derived]
        impl #krate::AwsShape for #ident {
            const SCHEMA: &'static #krate::Schema =
                &#krate::Schema::simple(#krate::schema::ShapeKind::IntEnum, #name).with_traits(#traits);

            fn serialize<__S: #krate::ShapeSerializer>(
                &self,
                __member: &#krate::Member,
                __ser: &mut __S,
            ) -> #krate::Result<()> {
                __ser.write_integer(__member, #krate::AwsIntEnum::value(self))
            }

            fn deserialize<__D: #krate::ShapeDeserializer>(
                __member: &#krate::Member,
                __de: &mut __D,
            ) -> #krate::Result<Self> {
                __de.read_integer(__member).map(<Self as #krate::AwsIntEnum>::from_value)
            }

            fn zero() -> Self {
                #(#ident::#unknown(0))*
            }
        }

        #[automatically_derived]
        impl #krate::AwsIntEnum for #ident {
            const VALUES: &'static [::core::primitive::i32] = &[#(#values),*];

            fn value(&self) -> ::core::primitive::i32 {
                match self {
                    #(#ident::#idents => #values,)*
                    #(#ident::#unknown(__value) => *__value,)*
                }
            }

            fn from_value(__value: ::core::primitive::i32) -> Self {
                match __value {
                    #(#values => #ident::#idents,)*
                    _ => #(#ident::#unknown(__value))*,
                }
            }
        }
    }
}

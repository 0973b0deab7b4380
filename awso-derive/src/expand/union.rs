//! `AwsShape` and `AwsStruct` for unions.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::structure::{aggregate_shape, aws_struct, checks_item, read_member};
use super::{bounded_generics, krate, schema};
use crate::ast::{Container, Variant};

pub(super) fn expand(cont: &Container<'_>, variants: &[Variant<'_>]) -> TokenStream {
    let krate = krate(cont);
    let ident = cont.ident;
    let name = &cont.name;
    let generics = bounded_generics(&krate, cont.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let builder = format_ident!("__AwsoBuilder{}", ident);
    let vis = cont.vis;
    let known: Vec<&Variant<'_>> = variants.iter().filter(|v| !v.unknown).collect();
    let unknown = variants.iter().find(|v| v.unknown).map(|v| v.ident);
    let slots: Vec<syn::Ident> = (0..known.len())
        .map(|i| format_ident!("__member{}", i))
        .collect();

    let members = known.iter().enumerate().map(|(i, v)| {
        let member_name = &v.name;
        let ty = v.ty.map(|t| quote!(#t)).unwrap_or_default();
        let target = schema::target(&krate, &ty, &v.attrs);
        let traits = schema::member_traits(
            &krate,
            &quote!(#krate::schema::MemberTraits::NONE),
            &v.attrs,
            member_name,
            false,
        );
        quote!(#krate::schema::Member::new(#member_name, #i, #target).with_traits(#traits))
    });
    let shape_traits = schema::shape_traits(&krate, &cont.attrs, &TokenStream::new());
    let serialize_arms = known.iter().enumerate().map(|(i, v)| {
        let variant = v.ident;
        let span = v.ty.map_or_else(proc_macro2::Span::call_site, Spanned::span);
        quote_spanned! {span=>
            #ident::#variant(__value) => #krate::MemberSerializer::member(__ser, &__members[#i], __value),
        }
    });
    let unknown_arm = unknown.map(
        |u| quote!(#ident::#u(__name) => #krate::MemberSerializer::unknown_member(__ser, __name),),
    );
    let builder_fields = known.iter().zip(&slots).map(|(v, slot)| {
        let ty = v.ty;
        quote!(#slot: #krate::__private::Option<#ty>)
    });
    let read_arms = known.iter().zip(&slots).enumerate().map(|(i, (v, slot))| {
        let ty = v.ty;
        quote!(#i => <#ty as #krate::AwsShape>::deserialize_into(&mut self.#slot, __member, __de),)
    });
    let build_steps = known.iter().zip(&slots).map(|(v, slot)| {
        let variant = v.ident;
        quote! {
            if let #krate::__private::Some(__value) = self.#slot {
                __count += 1;
                __found = #krate::__private::Some(#ident::#variant(__value));
            }
        }
    });
    let unknown_ident: Vec<&syn::Ident> = unknown.into_iter().collect();
    let checks: TokenStream = known
        .iter()
        .filter_map(|v| v.ty.map(|t| schema::kind_checks(&krate, t, &v.attrs)))
        .collect();
    let (check_item, check_use) = checks_item(&krate, cont, &checks);
    let type_params: Vec<_> = cont.generics.type_params().map(|p| &p.ident).collect();
    let phantom = quote!(#krate::__private::PhantomData<fn() -> (#(#type_params,)*)>);

    let shape_impl = aggregate_shape(
        &krate,
        cont,
        &quote!(#krate::Schema::union(#name, &[#(#members),*]).with_traits(#shape_traits)),
        &quote!(#(#ident::#unknown_ident(#krate::__private::String::new()))*),
        &check_use,
    );

    let read_member = read_member(&krate, read_arms);
    let struct_impl = aws_struct(
        &krate,
        cont,
        &builder,
        &quote! {
            #builder {
                #(#slots: #krate::__private::None,)*
                __unknown: #krate::__private::None,
                __marker: #krate::__private::PhantomData,
            }
        },
        &quote! {
            match self {
                #(#serialize_arms)*
                #unknown_arm
            }
        },
    );

    quote! {
        #check_item

        #shape_impl

        #struct_impl

        #[doc(hidden)]
        #vis struct #builder #impl_generics #where_clause {
            #(#builder_fields,)*
            __unknown: #krate::__private::Option<#krate::__private::String>,
            __marker: #phantom,
        }

        #[automatically_derived]
        impl #impl_generics #krate::StructBuilder for #builder #ty_generics #where_clause {
            type Output = #ident #ty_generics;

            #read_member

            fn unknown_member(&mut self, __name: &::core::primitive::str) -> #krate::Result<()> {
                if self.__unknown.is_none() {
                    self.__unknown = #krate::__private::Some(#krate::__private::String::from(__name));
                }
                #krate::__private::Ok(())
            }

            fn build(self) -> #krate::Result<Self::Output> {
                let mut __count: ::core::primitive::usize = 0;
                let mut __found: #krate::__private::Option<#ident #ty_generics> = #krate::__private::None;
                #(#build_steps)*
                match (__count, __found, self.__unknown) {
                    (1, #krate::__private::Some(__value), _) => #krate::__private::Ok(__value),
                    #((0, _, #krate::__private::Some(__name)) => #krate::__private::Ok(#ident::#unknown_ident(__name)),)*
                    (__n, _, _) => #krate::__private::Err(#krate::__private::union_count_error(__n)),
                }
            }
        }
    }
}

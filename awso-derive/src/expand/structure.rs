//! `AwsShape` and `AwsStruct` for structures.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{bounded_generics, builder, krate, schema};
use crate::ast::{Container, Field};
use crate::ty;

/// The items that go outside the anonymous constant (the public builder type, if asked for)
/// and the impls that go inside it.
pub(super) fn expand(cont: &Container<'_>, fields: &[Field<'_>]) -> (TokenStream, TokenStream) {
    let krate = krate(cont);
    let ident = cont.ident;
    let name = &cont.name;
    let generics = bounded_generics(&krate, cont.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let public_builder = builder::public_name(cont);
    let builder = public_builder
        .clone()
        .unwrap_or_else(|| format_ident!("__AwsoBuilder{}", ident));

    let members = fields.iter().enumerate().map(|(i, f)| {
        let member_name = &f.name;
        let shape_ty = f.shape_ty;
        let target = schema::target(&krate, &quote!(#shape_ty), &f.attrs);
        let traits = schema::member_traits(
            &krate,
            &quote!(#krate::schema::MemberTraits::NONE),
            &f.attrs,
            member_name,
            !f.optional,
        );
        quote!(#krate::schema::Member::new(#member_name, #i, #target).with_traits(#traits))
    });
    let shape_traits = schema::shape_traits(&krate, &cont.attrs, &TokenStream::new());

    // Builder slots are named by position, so no field name can clash with them.
    let slots: Vec<syn::Ident> = (0..fields.len())
        .map(|i| format_ident!("__member{}", i))
        .collect();
    let serialize_members = fields.iter().enumerate().map(|(i, f)| {
        let field = f.ident;
        // The call is spanned at the member's type, so a type that is not a shape is
        // underlined itself; the value is bound first to keep other spans out of it.
        let call = quote_spanned! {f.shape_ty.span()=>
            #krate::MemberSerializer::member(__ser, &__members[#i], __value)?;
        };
        if f.optional {
            quote! {
                if let #krate::__private::Some(__value) = &self.#field {
                    #call
                }
            }
        } else {
            quote! {
                let __value = &self.#field;
                #call
            }
        }
    });
    let builder_init = slots
        .iter()
        .map(|slot| quote!(#slot: #krate::__private::None));
    let read_arms = fields.iter().zip(&slots).enumerate().map(|(i, (f, slot))| {
        let shape_ty = f.shape_ty;
        quote_spanned! {shape_ty.span()=>
            #i => <#shape_ty as #krate::AwsShape>::deserialize_into(&mut self.#slot, __member, __de),
        }
    });
    let build_fields = fields.iter().zip(&slots).enumerate().map(|(i, (f, slot))| {
        let field = f.ident;
        let shape_ty = f.shape_ty;
        if f.optional {
            quote!(#field: self.#slot)
        } else {
            quote! {
                #field: match self.#slot {
                    #krate::__private::Some(__value) => __value,
                    #krate::__private::None => #krate::__private::zero_or_default::<#shape_ty>(&__members[#i]),
                }
            }
        }
    });
    let zero_fields = fields.iter().enumerate().map(|(i, f)| {
        let field = f.ident;
        let shape_ty = f.shape_ty;
        if f.optional {
            quote!(#field: #krate::__private::None)
        } else {
            quote!(#field: #krate::__private::zero_or_default::<#shape_ty>(&__members[#i]))
        }
    });
    let checks: TokenStream = fields
        .iter()
        .map(|f| schema::kind_checks(&krate, f.shape_ty, &f.attrs))
        .collect();
    let (check_item, check_use) = checks_item(&krate, cont, &checks);
    let error_impls = error_impls(&krate, cont, fields);

    let shape_impl = aggregate_shape(
        &krate,
        cont,
        &quote!(#krate::Schema::structure(#name, &[#(#members),*]).with_traits(#shape_traits)),
        &quote! {
            let __members = <Self as #krate::AwsShape>::SCHEMA.members();
            let _ = __members;
            #ident { #(#zero_fields),* }
        },
        &check_use,
    );

    let read_member = read_member(&krate, read_arms);
    let struct_impl = aws_struct(
        &krate,
        cont,
        &builder,
        &quote!(#builder { #(#builder_init,)* __marker: #krate::__private::PhantomData, __sender: () }),
        &quote! {
            #(#serialize_members)*
            #krate::__private::Ok(())
        },
    );

    // `__awso_finish` serves every sender: `build()` is there on a fluent call's builder too.
    let sending = builder::sender_generics(&generics);
    let (sender_impl, _, sender_where) = sending.split_for_impl();
    let sender_builder = builder::builder_type(cont, &builder, &quote!(__AwsoSender));
    let definition = builder::definition(cont, fields, &builder, &slots);
    let (outside, definition, public_impls) = match public_builder {
        Some(_) => (
            definition,
            TokenStream::new(),
            builder::structure(cont, fields, &builder, &slots),
        ),
        None => (TokenStream::new(), definition, TokenStream::new()),
    };
    let inside = quote! {
        #check_item

        #shape_impl

        #struct_impl

        #definition

        #[automatically_derived]
        impl #sender_impl #sender_builder #sender_where {
            /// The value as decoded: required members that never arrived take their
            /// default or zero value.
            fn __awso_finish(self) -> #ident #ty_generics {
                let __members = <#ident #ty_generics as #krate::AwsShape>::SCHEMA.members();
                let _ = __members;
                #ident { #(#build_fields),* }
            }
        }

        #[automatically_derived]
        impl #impl_generics #krate::StructBuilder for #builder #ty_generics #where_clause {
            type Output = #ident #ty_generics;

            #read_member

            fn build(self) -> #krate::Result<Self::Output> {
                #krate::__private::Ok(self.__awso_finish())
            }
        }

        #public_impls

        #error_impls
    };
    (outside, inside)
}

/// `AwsShape` for a structure or union: the value is written and read member by member
/// through `AwsStruct`, so the two differ only in their schema and zero value.
pub(super) fn aggregate_shape(
    krate: &syn::Path,
    cont: &Container<'_>,
    schema: &TokenStream,
    zero: &TokenStream,
    check_use: &TokenStream,
) -> TokenStream {
    let ident = cont.ident;
    let generics = bounded_generics(krate, cont.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::AwsShape for #ident #ty_generics #where_clause {
            const SCHEMA: &'static #krate::Schema = &#schema;

            fn serialize<__S: #krate::ShapeSerializer>(
                &self,
                __member: &#krate::Member,
                __ser: &mut __S,
            ) -> #krate::Result<()> {
                #check_use
                __ser.write_struct(__member, self)
            }

            fn deserialize<__D: #krate::ShapeDeserializer>(
                __member: &#krate::Member,
                __de: &mut __D,
            ) -> #krate::Result<Self> {
                #check_use
                let mut __builder = <Self as #krate::AwsStruct>::builder(<Self as #krate::AwsShape>::SCHEMA);
                __de.read_struct(__member, &mut __builder)?;
                #krate::StructBuilder::build(__builder)
            }

            fn zero() -> Self {
                #zero
            }
        }
    }
}

/// `AwsStruct` for a structure or union: `init` is the empty builder, `serialize` writes the
/// members, with the schema's `__members` in scope.
pub(super) fn aws_struct(
    krate: &syn::Path,
    cont: &Container<'_>,
    builder: &syn::Ident,
    init: &TokenStream,
    serialize: &TokenStream,
) -> TokenStream {
    let ident = cont.ident;
    let generics = bounded_generics(krate, cont.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::AwsStruct for #ident #ty_generics #where_clause {
            type Builder = #builder #ty_generics;

            fn builder(_: &'static #krate::Schema) -> Self::Builder {
                #init
            }

            fn serialize_members<__S: #krate::MemberSerializer>(
                &self,
                _: &'static #krate::Schema,
                __ser: &mut __S,
            ) -> #krate::Result<()> {
                let __members = <Self as #krate::AwsShape>::SCHEMA.members();
                let _ = __members;
                #serialize
            }
        }
    }
}

/// `StructBuilder::read_member` for a structure's or union's builder: the member's index
/// picks its slot; `arms` are `index => read into slot`.
pub(super) fn read_member(
    krate: &syn::Path,
    arms: impl Iterator<Item = TokenStream>,
) -> TokenStream {
    quote! {
        fn read_member<__D: #krate::ShapeDeserializer>(
            &mut self,
            __member: &'static #krate::Member,
            __de: &mut __D,
        ) -> #krate::Result<()> {
            match __member.index() {
                #(#arms)*
                _ => #krate::__private::Err(#krate::__private::member_not_in_schema(__member)),
            }
        }
    }
}

/// The compile-time kind checks: a free constant for plain types (always evaluated), an
/// associated constant used by the generated functions for generic ones (evaluated per
/// instantiation).
pub(super) fn checks_item(
    krate: &syn::Path,
    cont: &Container<'_>,
    checks: &TokenStream,
) -> (TokenStream, TokenStream) {
    if checks.is_empty() {
        return (TokenStream::new(), TokenStream::new());
    }
    if cont.generics.params.is_empty() {
        return (quote!(const _: () = { #checks };), TokenStream::new());
    }
    let ident = cont.ident;
    let generics = bounded_generics(krate, cont.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    (
        quote! {
            impl #impl_generics #ident #ty_generics #where_clause {
                #[doc(hidden)]
                const __AWSO_CHECKS: () = { #checks };
            }
        },
        quote!(let () = Self::__AWSO_CHECKS;),
    )
}

/// `ErrorShape`, `Display` and `std::error::Error` for an error structure.
fn error_impls(krate: &syn::Path, cont: &Container<'_>, fields: &[Field<'_>]) -> TokenStream {
    if !cont.attrs.error.is_set() {
        return TokenStream::new();
    }
    let ident = cont.ident;
    let generics = bounded_generics(krate, cont.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let message_field = fields.iter().find(|f| {
        (f.name.eq_ignore_ascii_case("message") || crate::ast::unraw(f.ident) == "message")
            && ty::is_string(f.shape_ty)
    });
    let message = match message_field {
        Some(f) if f.optional => {
            let field = f.ident;
            quote!(#krate::__private::Option::as_deref(&self.#field))
        }
        Some(f) => {
            let field = f.ident;
            quote!(#krate::__private::Some(#krate::__private::String::as_str(&self.#field)))
        }
        None => quote!(#krate::__private::None),
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ErrorShape for #ident #ty_generics #where_clause {
            fn message(&self) -> #krate::__private::Option<&::core::primitive::str> {
                #message
            }
        }

        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __f.write_str(#krate::service_error::error_code(<Self as #krate::AwsShape>::SCHEMA))?;
                if let #krate::__private::Some(__message) = #krate::ErrorShape::message(self) {
                    __f.write_str(": ")?;
                    __f.write_str(__message)?;
                }
                #krate::__private::Ok(())
            }
        }

        #[automatically_derived]
        impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {}
    }
}

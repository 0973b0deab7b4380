//! `#[awso(builder)]`: construction helpers.
//!
//! - A structure gets a public builder type (`FooBuilder`, or the name given) with a setter per
//!   member and a `build()` that names every unset required member (and cannot fail, so
//!   returns the value itself, when no member is required). The builder is the same
//!   type the codecs fill while decoding, so the extra code per structure is the setters and
//!   one call to `awso_core::build::check_required`, which reads the required flags from the
//!   schema.
//! - A union gets a constructor per member (`AttributeValue::s("x")`) taking `impl Into<T>`,
//!   and `From<T>` for each member type that no other member shares.
//! - A string enum gets `From<&str>`, `From<String>` and `FromStr`, an intEnum `From<i32>`; an
//!   unknown value lands in the unknown variant, so none of them can fail.

use std::collections::HashSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{bounded_generics, krate};
use crate::ast::{Container, Field, Variant, unraw};
use crate::case::RenameRule;

/// The name of a structure's builder type, when it is public.
pub(super) fn public_name(cont: &Container<'_>) -> Option<syn::Ident> {
    let named = cont.attrs.builder.get()?;
    Some(match named {
        Some(name) => format_ident!("{}", name),
        None => format_ident!("{}Builder", unraw(cont.ident)),
    })
}

/// The builder struct itself: member slots by position (no field name can clash with them).
/// Public and documented with `#[awso(builder)]`, hidden otherwise.
pub(super) fn definition(
    cont: &Container<'_>,
    fields: &[Field<'_>],
    builder: &syn::Ident,
    slots: &[syn::Ident],
) -> TokenStream {
    let krate = krate(cont);
    let mut generics = sender_generics(&bounded_generics(&krate, cont.generics));
    if let Some(syn::GenericParam::Type(sender)) = generics.params.last_mut() {
        sender.eq_token = Some(syn::parse_quote!(=));
        sender.default = Some(syn::parse_quote!(()));
    }
    let where_clause = generics.where_clause.take();
    let vis = cont.vis;
    let ident = cont.ident;
    let slot_fields = fields.iter().zip(slots).map(|(f, slot)| {
        let shape_ty = f.shape_ty;
        quote!(#slot: #krate::__private::Option<#shape_ty>)
    });
    let type_params: Vec<_> = cont.generics.type_params().map(|p| &p.ident).collect();
    let doc = if cont.attrs.builder.is_set() {
        let text = format!(
            " A builder for [`{}`]: a setter per member, then `build()`. Made by `{}::builder()`.",
            unraw(ident),
            unraw(ident)
        );
        quote!(#[doc = #text] #[must_use])
    } else {
        quote!(#[doc(hidden)])
    };
    quote! {
        #doc
        #vis struct #builder #generics #where_clause {
            #(#slot_fields,)*
            __marker: #krate::__private::PhantomData<fn() -> (#(#type_params,)*)>,
            /// What `send()` finishes with: `()` for a plain builder.
            __sender: __AwsoSender,
        }
    }
}

/// `generics` with the builder's sender parameter, `__AwsoSender`, appended.
pub(super) fn sender_generics(generics: &syn::Generics) -> syn::Generics {
    let mut generics = generics.clone();
    generics.params.push(syn::parse_quote!(__AwsoSender));
    generics
}

/// The builder's type with `sender` as its sender: `FooBuilder<T, sender>`.
pub(super) fn builder_type(
    cont: &Container<'_>,
    builder: &syn::Ident,
    sender: &TokenStream,
) -> TokenStream {
    let params = cont.generics.params.iter().map(|p| match p {
        syn::GenericParam::Type(t) => {
            let ident = &t.ident;
            quote!(#ident)
        }
        syn::GenericParam::Lifetime(l) => {
            let lifetime = &l.lifetime;
            quote!(#lifetime)
        }
        syn::GenericParam::Const(c) => {
            let ident = &c.ident;
            quote!(#ident)
        }
    });
    quote!(#builder<#(#params,)* #sender>)
}

/// `Foo::builder()`, the setters and `build()` of a structure's public builder, for any
/// sender; `with_sender` and `send()` (when the sender is a `Sender<Foo>`).
pub(super) fn structure(
    cont: &Container<'_>,
    fields: &[Field<'_>],
    builder: &syn::Ident,
    slots: &[syn::Ident],
) -> TokenStream {
    let krate = krate(cont);
    let ident = cont.ident;
    let vis = cont.vis;
    let generics = bounded_generics(&krate, cont.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let setters = setters(&krate, vis, fields, slots);
    let present: Vec<TokenStream> = slots
        .iter()
        .map(|slot| quote!(self.#slot.is_some()))
        .collect();
    let build = build_fn(&krate, cont, fields, &present);
    let builder_name = builder.to_string();
    let doc_builder = format!(" A builder for `{}`, with no member set.", unraw(ident));
    let sending = sender_generics(&generics);
    let (sender_impl, _, sender_where) = sending.split_for_impl();
    let this = builder_type(cont, builder, &quote!(__AwsoSender));
    let sender_api = sender_api(&krate, cont, builder, slots, &present);
    quote! {
        #[automatically_derived]
        impl #impl_generics #ident #ty_generics #where_clause {
            #[doc = #doc_builder]
            #[must_use]
            #vis fn builder() -> #builder #ty_generics {
                <Self as #krate::AwsStruct>::builder(<Self as #krate::AwsShape>::SCHEMA)
            }
        }

        /// Names the members set so far, never their values (some may be secrets).
        #[automatically_derived]
        impl #sender_impl ::core::fmt::Debug for #this #sender_where {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #krate::__private::fmt_builder(
                    __f,
                    #builder_name,
                    <#ident #ty_generics as #krate::AwsShape>::SCHEMA,
                    &[#(#present),*],
                )
            }
        }

        #[automatically_derived]
        impl #sender_impl #this #sender_where {
            #setters

            #build
        }

        #sender_api
    }
}

/// `with_sender` (any builder to one carrying a sender) and `send()` (a builder whose sender
/// is a `Sender` of the structure): see `awso_core::build::Sender`.
fn sender_api(
    krate: &syn::Path,
    cont: &Container<'_>,
    builder: &syn::Ident,
    slots: &[syn::Ident],
    present: &[TokenStream],
) -> TokenStream {
    let ident = cont.ident;
    let vis = cont.vis;
    let generics = bounded_generics(krate, cont.generics);
    let (_, ty_generics, _) = generics.split_for_impl();
    let mut sending = sender_generics(&generics);
    let (sender_impl, _, sender_where) = sending.split_for_impl();
    let this = builder_type(cont, builder, &quote!(__AwsoSender));
    let other = builder_type(cont, builder, &quote!(__AwsoOther));
    let plain = builder_type(cont, builder, &quote!(()));
    let api = quote! {
        #[automatically_derived]
        impl #sender_impl #this #sender_where {
            /// The same builder carrying `sender`, which `send()` finishes with: how a
            /// generated client's fluent methods start.
            #vis fn with_sender<__AwsoOther>(self, sender: __AwsoOther) -> #other {
                #builder {
                    #(#slots: self.#slots,)*
                    __marker: #krate::__private::PhantomData,
                    __sender: sender,
                }
            }
        }
    };
    sending
        .make_where_clause()
        .predicates
        .push(syn::parse_quote!(__AwsoSender: #krate::build::Sender<#ident #ty_generics>));
    let (sender_impl, _, sender_where) = sending.split_for_impl();
    quote! {
        #api

        #[automatically_derived]
        impl #sender_impl #this #sender_where {
            /// Builds the value (or names every unset required member, as `build()` does)
            /// and finishes the call with it: for a client's call, sends it.
            #vis fn send(self) -> <__AwsoSender as #krate::build::Sender<#ident #ty_generics>>::Output {
                let __check = #krate::build::check_required(
                    <#ident #ty_generics as #krate::AwsShape>::SCHEMA,
                    &[#(#present),*],
                );
                let __sender = self.__sender;
                let __plain: #plain = #builder {
                    #(#slots: self.#slots,)*
                    __marker: #krate::__private::PhantomData,
                    __sender: (),
                };
                let __value = __check.map(|()| __plain.__awso_finish());
                #krate::build::Sender::send(__sender, __value)
            }
        }
    }
}

/// `build()`: checked against the schema's required flags when a member can be missing,
/// infallible when none can (every member optional or defaulted), as for DynamoDB's
/// `AttributeValue`, which the model leaves a structure of optional members.
fn build_fn(
    krate: &syn::Path,
    cont: &Container<'_>,
    fields: &[Field<'_>],
    present: &[TokenStream],
) -> TokenStream {
    let ident = cont.ident;
    let vis = cont.vis;
    let (_, ty_generics, _) = cont.generics.split_for_impl();
    let may_be_missing = fields
        .iter()
        .any(|f| !f.optional && !f.attrs.default.is_set() && !f.attrs.idempotency_token.is_set());
    if !may_be_missing {
        return quote! {
            /// The value. No member is required, so nothing can be missing.
            #[must_use]
            #vis fn build(self) -> #ident #ty_generics {
                self.__awso_finish()
            }
        };
    }
    quote! {
        /// The value; an error naming every required member that was not set.
        ///
        /// # Errors
        ///
        /// `MissingMembers` when a required member without a default is unset.
        #vis fn build(self) -> #krate::__private::Result<#ident #ty_generics, #krate::build::MissingMembers> {
            #krate::build::check_required(
                <#ident #ty_generics as #krate::AwsShape>::SCHEMA,
                &[#(#present),*],
            )?;
            #krate::__private::Ok(self.__awso_finish())
        }
    }
}

/// One setter per member, named after the field (`build` becomes `build_value`), taking
/// `impl Into<T>`; optional members also get `set_x(Option<T>)`, for a value already in an
/// `Option`, unless that name is another member's setter.
fn setters(
    krate: &syn::Path,
    vis: &syn::Visibility,
    fields: &[Field<'_>],
    slots: &[syn::Ident],
) -> TokenStream {
    // The builder's own methods; a member of one of these names gets `_value` appended.
    let mut taken: HashSet<String> = ["build", "send", "with_sender"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    let names: Vec<syn::Ident> = fields
        .iter()
        .map(|f| {
            let mut name = unraw(f.ident);
            while taken.contains(&name) {
                name.push_str("_value");
            }
            taken.insert(name.clone());
            if name == unraw(f.ident) {
                f.ident.clone()
            } else {
                format_ident!("{}", name)
            }
        })
        .collect();
    let mut out = TokenStream::new();
    for ((f, slot), name) in fields.iter().zip(slots).zip(&names) {
        let shape_ty = f.shape_ty;
        let required = if f.optional { "" } else { " (required)" };
        let doc = format!(" Sets `{}`{required}.", f.name);
        out.extend(quote! {
            #[doc = #doc]
            #[must_use]
            #vis fn #name(mut self, value: impl ::core::convert::Into<#shape_ty>) -> Self {
                self.#slot = #krate::__private::Some(::core::convert::Into::into(value));
                self
            }
        });
        let set_name = format!("set_{}", unraw(name));
        if f.optional && taken.insert(set_name.clone()) {
            let set_ident = format_ident!("{}", set_name);
            let doc = format!(" Sets `{}`, or unsets it with `None`.", f.name);
            out.extend(quote! {
                #[doc = #doc]
                #[must_use]
                #vis fn #set_ident(mut self, value: #krate::__private::Option<#shape_ty>) -> Self {
                    self.#slot = value;
                    self
                }
            });
        }
    }
    out
}

/// A constructor per union member, and `From` for member types no other member shares.
pub(super) fn union(cont: &Container<'_>, variants: &[Variant<'_>]) -> TokenStream {
    if !cont.attrs.builder.is_set() {
        return TokenStream::new();
    }
    let krate = krate(cont);
    let ident = cont.ident;
    let vis = cont.vis;
    let generics = bounded_generics(&krate, cont.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let known: Vec<(&syn::Ident, &syn::Type, &str)> = variants
        .iter()
        .filter(|v| !v.unknown)
        .filter_map(|v| v.ty.map(|t| (v.ident, t, v.name.as_str())))
        .collect();
    let constructors = known.iter().filter_map(|(variant, ty, name)| {
        let snake = RenameRule::Snake.apply_to_variant(&unraw(variant));
        // Two variants whose snake-case names meet get no constructor rather than a clash.
        if known_clash(&known, variant, &snake) {
            return None;
        }
        let ctor = constructor_ident(&snake);
        let doc = format!(" The `{name}` member.");
        Some(quote! {
            #[doc = #doc]
            #[must_use]
            #vis fn #ctor(value: impl ::core::convert::Into<#ty>) -> Self {
                #ident::#variant(::core::convert::Into::into(value))
            }
        })
    });
    let type_text = |t: &syn::Type| quote!(#t).to_string();
    let froms = known.iter().filter(|(_, ty, _)| {
        let text = type_text(ty);
        known
            .iter()
            .filter(|(_, t, _)| type_text(t) == text)
            .count()
            == 1
            && !cont.generics.type_params().any(|p| p.ident == text)
    });
    let froms = froms.map(|(variant, ty, name)| {
        let doc = format!(" The `{name}` member: the only one of this type.");
        quote! {
            #[doc = #doc]
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                fn from(value: #ty) -> Self {
                    #ident::#variant(value)
                }
            }
        }
    });
    let constructors: Vec<TokenStream> = constructors.collect();
    quote! {
        #[automatically_derived]
        impl #impl_generics #ident #ty_generics #where_clause {
            #(#constructors)*
        }
        #(#froms)*
    }
}

/// Whether another variant snake-cases to `snake` too.
fn known_clash(
    known: &[(&syn::Ident, &syn::Type, &str)],
    variant: &syn::Ident,
    snake: &str,
) -> bool {
    known.iter().any(|(other, _, _)| {
        *other != variant && RenameRule::Snake.apply_to_variant(&unraw(other)) == snake
    })
}

/// A constructor's name: keywords become raw identifiers, the few that cannot take a `_`.
fn constructor_ident(snake: &str) -> syn::Ident {
    match snake {
        "self" | "super" | "crate" => format_ident!("{}_", snake),
        _ => syn::parse_str::<syn::Ident>(snake)
            .unwrap_or_else(|_| syn::Ident::new_raw(snake, proc_macro2::Span::call_site())),
    }
}

/// Conversions for an enum: `From<&str>`, `From<String>` and `FromStr` for a string enum,
/// `From<i32>` for an intEnum.
pub(super) fn enum_conversions(cont: &Container<'_>, int_enum: bool) -> TokenStream {
    if !cont.attrs.builder.is_set() {
        return TokenStream::new();
    }
    let krate = krate(cont);
    let ident = cont.ident;
    if int_enum {
        return quote! {
            /// The named variant for a value, or the unknown variant keeping it.
            #[automatically_derived]
            impl ::core::convert::From<::core::primitive::i32> for #ident {
                fn from(value: ::core::primitive::i32) -> Self {
                    <Self as #krate::AwsIntEnum>::from_value(value)
                }
            }
        };
    }
    quote! {
        /// The named variant for a wire value, or the unknown variant keeping it.
        #[automatically_derived]
        impl ::core::convert::From<&::core::primitive::str> for #ident {
            fn from(value: &::core::primitive::str) -> Self {
                <Self as #krate::AwsEnum>::from_wire(value)
            }
        }

        /// The named variant for a wire value, or the unknown variant keeping it.
        #[automatically_derived]
        impl ::core::convert::From<#krate::__private::String> for #ident {
            fn from(value: #krate::__private::String) -> Self {
                <Self as #krate::AwsEnum>::from_wire(&value)
            }
        }

        /// Never fails: a value the model does not name is kept in the unknown variant.
        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = ::core::convert::Infallible;

            fn from_str(value: &::core::primitive::str) -> #krate::__private::Result<Self, Self::Err> {
                #krate::__private::Ok(<Self as #krate::AwsEnum>::from_wire(value))
            }
        }
    }
}

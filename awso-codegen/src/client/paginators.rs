//! `Paginate` impls from `paginators-1.json`: typed reads of the output token(s), writes of
//! the input token(s), the first result key's items and `more_results`.
//!
//! Token and result paths are member names joined by `.`, optionally `[-1]` (the last
//! element) and `||` (the first present of two); every installed model stays within that.
//! A paginator outside it (or whose input and output token types differ) is left out with a
//! note.

use awso_core::{Document, Schema, schema::ShapeKind};
use proc_macro2::TokenStream;
use quote::quote;

use super::Specs;
use crate::ClientOptions;
use crate::generate::{Generator, field_names};
use crate::names::{Namer, ident, snake_case};

/// The paginators' items.
#[derive(Default)]
pub(crate) struct Paginated {
    pub(crate) async_methods: TokenStream,
    pub(crate) blocking_methods: TokenStream,
    pub(crate) impls: TokenStream,
}

pub(crate) fn paginators(
    generator: &Generator<'_>,
    options: &ClientOptions,
    specs: &Specs,
    methods: &mut Namer,
    notes: &mut Vec<String>,
) -> Paginated {
    let mut out = Paginated::default();
    let Some(Document::Object(entries)) = options
        .paginators
        .as_ref()
        .and_then(|doc| doc.get("pagination"))
    else {
        return out;
    };
    let cl = &options.runtime;
    for (name, paginator) in entries {
        let Some((_, op, _)) = generator.operations.iter().find(|(n, _, _)| n == name) else {
            notes.push(format!("paginator {name}: no such operation"));
            continue;
        };
        let imp = match paginate_impl(generator, cl, name, op, paginator) {
            Ok(imp) => imp,
            Err(why) => {
                notes.push(format!("paginator {name} left out: {why}"));
                continue;
            }
        };
        out.impls.extend(imp);
        let method = ident(&methods.claim(&format!("{}_paginator", snake_case(name))));
        let spec = specs.of(name);
        let rt = &generator.types.runtime;
        let input = quote!(<#op as #rt::protocol::Operation>::Input);
        let doc = format!(" The pages of [`{op}`] from `input` on.");
        out.async_methods.extend(quote! {
            #[doc = #doc]
            pub fn #method(&self, input: #input) -> #cl::paginate::Paginator<#op> {
                #cl::paginate::Paginator::new(self.inner.clone(), &#spec, input)
            }
        });
        out.blocking_methods.extend(quote! {
            #[doc = #doc]
            pub fn #method(&self, input: #input) -> #cl::paginate::BlockingPaginator<#op> {
                #cl::paginate::BlockingPaginator::new(&self.inner, &#spec, input)
            }
        });
    }
    out
}

/// One text or a list of texts.
fn texts(doc: Option<&Document>) -> Vec<&str> {
    match doc {
        Some(Document::String(text)) => vec![text.as_str()],
        Some(Document::Array(items)) => items.iter().filter_map(Document::as_str).collect(),
        _ => Vec::new(),
    }
}

fn paginate_impl(
    generator: &Generator<'_>,
    cl: &syn::Path,
    name: &str,
    op: &syn::Ident,
    paginator: &Document,
) -> Result<TokenStream, String> {
    let schema = generator
        .model
        .operation(name)
        .ok_or("the model has no such operation")?;
    let (input, output) = (schema.input(), schema.output());
    let inputs = texts(paginator.get("input_token"));
    let outputs = texts(paginator.get("output_token"));
    if inputs.is_empty() || inputs.len() != outputs.len() || inputs.len() > 4 {
        return Err(format!(
            "{} input and {} output tokens",
            inputs.len(),
            outputs.len()
        ));
    }
    let paths = Paths { generator };
    let mut token_types = Vec::new();
    let mut reads = Vec::new();
    let mut writes = Vec::new();
    for (index, (input_token, output_token)) in inputs.iter().zip(&outputs).enumerate() {
        let (read, ty) = paths.read(output, output_token)?;
        let field = paths.token_field(input, input_token, &ty)?;
        let index = syn::Index::from(index);
        writes.push(quote!(input.#field.clone_from(&token.#index);));
        reads.push(read);
        token_types.push(quote!(::core::option::Option<#ty>));
    }
    let result_key = texts(paginator.get("result_key"));
    let first = result_key.first().ok_or("no result_key")?;
    let (items, items_type) = paths.take(output, first)?;
    let more = match paginator.get("more_results").and_then(Document::as_str) {
        None => quote!(),
        Some(path) => {
            let (read, ty) = paths.read(output, path)?;
            if ty.to_string() != "bool" {
                return Err(format!("more_results `{path}` is not a boolean"));
            }
            quote! {
                fn more_results(output: &Self::Output) -> bool {
                    (#read).unwrap_or(false)
                }
            }
        }
    };
    Ok(quote! {
        impl #cl::paginate::Paginate for #op {
            type Token = (#(#token_types,)*);
            type Items = #items_type;

            fn next_token(output: &Self::Output) -> Self::Token {
                (#(#reads,)*)
            }

            fn set_token(input: &mut Self::Input, token: &Self::Token) {
                #(#writes)*
            }

            fn items(output: Self::Output) -> ::core::option::Option<Self::Items> {
                #items
            }

            #more
        }
    })
}

/// Typed accesses to members along a path.
struct Paths<'g, 'a> {
    generator: &'g Generator<'a>,
}

/// One step of a path: a member, and whether the last element of its list is meant.
struct Step<'s> {
    member: &'s str,
    last: bool,
}

fn steps(path: &str) -> Result<Vec<Step<'_>>, String> {
    path.split('.')
        .map(|part| {
            let (member, last) = match part.strip_suffix("[-1]") {
                Some(member) => (member, true),
                None => (part, false),
            };
            let valid = !member.is_empty()
                && member
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_');
            if valid {
                Ok(Step { member, last })
            } else {
                Err(format!("unsupported path `{path}`"))
            }
        })
        .collect()
}

impl Paths<'_, '_> {
    /// The member `name` of structure `schema`: its field, whether it is optional and boxed.
    fn member(
        &self,
        schema: &'static Schema,
        name: &str,
    ) -> Result<(syn::Ident, &'static awso_core::schema::Member, bool, bool), String> {
        if schema.kind() != ShapeKind::Structure {
            return Err(format!(
                "`{name}` is looked up in {}, not a structure",
                schema.name()
            ));
        }
        let member = schema
            .member_named(name)
            .ok_or_else(|| format!("{} has no member `{name}`", schema.name()))?;
        let field = ident(&field_names(schema)[member.index()]);
        let traits = member.traits();
        let optional = !traits.required || traits.idempotency_token;
        let boxed = self
            .generator
            .boxed
            .contains(&(schema.name().to_owned(), member.index()));
        Ok((field, member, optional, boxed))
    }

    /// `Option<T>` of the value at `path` (`a || b` allowed), cloned from `output`, and `T`.
    fn read(
        &self,
        root: &'static Schema,
        path: &str,
    ) -> Result<(TokenStream, TokenStream), String> {
        let mut chains = Vec::new();
        let mut ty: Option<TokenStream> = None;
        for alternative in path.split("||").map(str::trim) {
            let (chain, target) = self.borrowed(root, alternative)?;
            let this = self.generator.types.of(target);
            if ty
                .as_ref()
                .is_some_and(|ty| ty.to_string() != this.to_string())
            {
                return Err(format!("the alternatives of `{path}` differ in type"));
            }
            ty = Some(this);
            chains.push(quote!(#chain.cloned()));
        }
        let mut chains = chains.into_iter();
        let first = chains.next().ok_or("an empty path")?;
        let read = chains.fold(first, |read, next| quote!(#read.or_else(|| #next)));
        Ok((read, ty.ok_or("an empty path")?))
    }

    /// `Option<&T>` of the value at `path` in `output`, and `T`'s schema.
    fn borrowed(
        &self,
        root: &'static Schema,
        path: &str,
    ) -> Result<(TokenStream, &'static Schema), String> {
        let mut chain = quote!(::core::option::Option::Some(output));
        let mut schema = root;
        for step in steps(path)? {
            let (field, member, optional, boxed) = self.member(schema, step.member)?;
            chain = if optional {
                quote!(#chain.and_then(|v| v.#field.as_ref()))
            } else {
                quote!(#chain.map(|v| &v.#field))
            };
            if boxed {
                chain = quote!(#chain.map(|v| &**v));
            }
            schema = member.target();
            if step.last {
                let item = schema
                    .list_member()
                    .ok_or_else(|| format!("`{}` in `{path}` is not a list", step.member))?;
                chain = if schema.is_sparse() {
                    quote!(#chain.and_then(|v| v.last()).and_then(|v| v.as_ref()))
                } else {
                    quote!(#chain.and_then(|v| v.last()))
                };
                schema = item.target();
            }
        }
        Ok((chain, schema))
    }

    /// `Option<Items>` taken out of `output` at `path`, and the items' type (a list or map).
    fn take(
        &self,
        root: &'static Schema,
        path: &str,
    ) -> Result<(TokenStream, TokenStream), String> {
        let mut chain = quote!(::core::option::Option::Some(output));
        let mut schema = root;
        for step in steps(path)? {
            if step.last {
                return Err(format!("unsupported result key `{path}`"));
            }
            let (field, member, optional, boxed) = self.member(schema, step.member)?;
            chain = if optional {
                quote!(#chain.and_then(|v| v.#field))
            } else {
                quote!(#chain.map(|v| v.#field))
            };
            if boxed {
                chain = quote!(#chain.map(|v| *v));
            }
            schema = member.target();
        }
        if !schema.kind().is_collection() {
            return Err(format!("result key `{path}` is not a list or map"));
        }
        Ok((chain, self.generator.types.of(schema)))
    }

    /// The input member `name` a token of type `ty` is written to.
    fn token_field(
        &self,
        input: &'static Schema,
        name: &str,
        ty: &TokenStream,
    ) -> Result<syn::Ident, String> {
        let (field, member, optional, boxed) = self.member(input, name)?;
        let own = self.generator.types.of(member.target());
        if !optional || boxed || own.to_string() != ty.to_string() {
            return Err(format!(
                "input token `{name}` is not an optional `{ty}` as the output token is"
            ));
        }
        Ok(field)
    }
}

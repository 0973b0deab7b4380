//! `WaiterSpec` statics from `waiters-2.json`, and a `wait_until_*` method per waiter.
//!
//! Every path expression is parsed here with the evaluator's own parser
//! ([`awso_core::value::path`]), so an expression outside the subset leaves its waiter out
//! with a note naming the expression and the place, instead of failing at run time.

use awso_core::Document;
use awso_core::types::Number;
use awso_core::value::path::Expression;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Specs;
use crate::ClientOptions;
use crate::generate::Generator;
use crate::names::{Namer, ident, snake_case};

/// The waiters' items.
#[derive(Default)]
pub(crate) struct Waited {
    pub(crate) async_methods: TokenStream,
    pub(crate) blocking_methods: TokenStream,
    pub(crate) statics: TokenStream,
}

pub(crate) fn waiters(
    generator: &Generator<'_>,
    options: &ClientOptions,
    specs: &Specs,
    methods: &mut Namer,
    notes: &mut Vec<String>,
) -> Waited {
    let mut out = Waited::default();
    let Some(Document::Object(entries)) =
        options.waiters.as_ref().and_then(|doc| doc.get("waiters"))
    else {
        return out;
    };
    let cl = &options.runtime;
    let rt = &generator.types.runtime;
    let mut statics = Namer::default();
    for (name, waiter) in entries {
        let operation = waiter
            .get("operation")
            .and_then(Document::as_str)
            .unwrap_or_default();
        let Some((_, op, error)) = generator.operations.iter().find(|(n, _, _)| n == operation)
        else {
            notes.push(format!(
                "waiter {name} left out: no operation `{operation}`"
            ));
            continue;
        };
        let spec = match waiter_spec(cl, name, waiter) {
            Ok(spec) => spec,
            Err(why) => {
                notes.push(format!("waiter {name} left out: {why}"));
                continue;
            }
        };
        let static_name =
            format_ident!("WAITER_{}", statics.claim(&snake_case(name).to_uppercase()));
        out.statics.extend(quote! {
            static #static_name: #cl::waiter::WaiterSpec = #spec;
        });
        let method = ident(&methods.claim(&format!("wait_until_{}", snake_case(name))));
        let service = specs.of(operation);
        let input = quote!(<#op as #rt::protocol::Operation>::Input);
        let output = quote!(<#op as #rt::protocol::Operation>::Output);
        let result = quote! {
            ::core::result::Result<#cl::waiter::Waited<#output, #error>, #cl::waiter::WaitError<#error>>
        };
        let doc = format!(
            " Calls [`{op}`] until the `{name}` waiter's state is reached, within `limit`."
        );
        out.async_methods.extend(quote! {
            #[doc = #doc]
            pub async fn #method(&self, input: &#input, limit: ::std::time::Duration) -> #result {
                #cl::waiter::wait::<#op>(&self.inner, &#service, &#static_name, input, limit).await
            }
        });
        out.blocking_methods.extend(quote! {
            #[doc = #doc]
            pub fn #method(&self, input: &#input, limit: ::std::time::Duration) -> #result {
                #cl::waiter::wait_blocking::<#op>(&self.inner, &#service, &#static_name, input, limit)
            }
        });
    }
    out
}

fn count(doc: &Document, key: &str) -> Result<u32, String> {
    match doc.get(key) {
        Some(Document::Number(Number::PosInt(n))) => {
            u32::try_from(*n).map_err(|_| format!("`{key}` {n} is out of range"))
        }
        _ => Err(format!("no `{key}` count")),
    }
}

fn waiter_spec(cl: &syn::Path, name: &str, waiter: &Document) -> Result<TokenStream, String> {
    let delay = count(waiter, "delay")?;
    let max_attempts = count(waiter, "maxAttempts")?;
    let acceptors = waiter
        .get("acceptors")
        .and_then(Document::as_array)
        .ok_or("no acceptors")?
        .iter()
        .map(|acceptor| acceptor_tokens(cl, acceptor))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(quote! {
        #cl::waiter::WaiterSpec::new(#name, #delay, #max_attempts, &[#(#acceptors),*])
    })
}

fn acceptor_tokens(cl: &syn::Path, acceptor: &Document) -> Result<TokenStream, String> {
    let state = match acceptor.get("state").and_then(Document::as_str) {
        Some("success") => quote!(Success),
        Some("failure") => quote!(Failure),
        Some("retry") => quote!(Retry),
        other => return Err(format!("unknown acceptor state {other:?}")),
    };
    let matcher = acceptor
        .get("matcher")
        .and_then(Document::as_str)
        .unwrap_or_default();
    let expected = acceptor.get("expected");
    let matcher = match (matcher, expected) {
        ("path" | "pathAll" | "pathAny", Some(expected)) => {
            let argument = acceptor
                .get("argument")
                .and_then(Document::as_str)
                .ok_or_else(|| format!("a {matcher} acceptor without an argument"))?;
            Expression::parse(argument)
                .map_err(|e| format!("unsupported expression `{argument}`: {e}"))?;
            let expected = match expected {
                Document::String(text) => quote!(#cl::waiter::Expected::Text(#text)),
                Document::Boolean(value) => quote!(#cl::waiter::Expected::Bool(#value)),
                other => return Err(format!("unsupported expected value {other:?}")),
            };
            let variant = match matcher {
                "path" => quote!(Path),
                "pathAll" => quote!(PathAll),
                _ => quote!(PathAny),
            };
            quote!(#cl::waiter::Matcher::#variant(#argument, #expected))
        }
        ("error", Some(Document::String(code))) => quote!(#cl::waiter::Matcher::ErrorCode(#code)),
        ("error", Some(Document::Boolean(any))) => quote!(#cl::waiter::Matcher::AnyError(#any)),
        ("status", Some(Document::Number(Number::PosInt(status)))) => {
            let status = u16::try_from(*status).map_err(|_| format!("status {status}"))?;
            quote!(#cl::waiter::Matcher::Status(#status))
        }
        (matcher, expected) => {
            return Err(format!(
                "unsupported acceptor {matcher} expecting {expected:?}"
            ));
        }
    };
    Ok(quote!(#cl::waiter::Acceptor::new(#cl::waiter::State::#state, #matcher)))
}

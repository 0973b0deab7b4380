//! The client items of a generated module (with [`ClientOptions`](crate::ClientOptions)): a
//! `Client` and a `BlockingClient` with one method per operation, the paginators of
//! `paginators-1.json` and the waiters of `waiters-2.json`.
//!
//! Each method is one line calling awso-client's generic code (`Client::call::<Op>`,
//! `Paginator::<Op>::new`, `waiter::wait::<Op>`), so the code compiled per operation stays
//! small; a paginator adds a short `Paginate` impl of typed member accesses.

use std::collections::BTreeMap;

use awso_core::Document;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::generate::Generator;
use crate::names::{Namer, ident, snake_case};
use crate::{ClientOptions, Error};

mod paginators;
mod waiters;

/// Method names the client types define themselves.
const CLIENT_METHODS: &[&str] = &["new", "from_config", "inner"];

/// The client items, and what was left out with why.
pub(crate) fn client_items(
    generator: &Generator<'_>,
    options: &ClientOptions,
) -> Result<(TokenStream, Vec<String>), Error> {
    let cl = &options.runtime;
    let specs = Specs::new(generator, cl)?;
    let mut methods = Namer::with_reserved(CLIENT_METHODS);
    let mut async_methods = TokenStream::new();
    let mut blocking_methods = TokenStream::new();
    for (name, op, error) in &generator.operations {
        let method = ident(&methods.claim(&snake_case(name)));
        let spec = specs.of(name);
        let rt = &generator.types.runtime;
        let input = quote!(<#op as #rt::protocol::Operation>::Input);
        let output = quote!(<#op as #rt::protocol::Operation>::Output);
        let doc = format!(" Calls [`{op}`].");
        let streams = Streams::of(generator, name);
        if streams.output {
            let doc =
                format!(" Calls [`{op}`]; the output's streaming payload is the `body` to read.");
            async_methods.extend(quote! {
                #[doc = #doc]
                pub async fn #method(&self, input: &#input) -> ::core::result::Result<#cl::stream::Streamed<#output>, #cl::client::CallError<#error>> {
                    self.inner.call_streaming::<#op>(&#spec, input).await
                }
            });
            blocking_methods.extend(quote! {
                #[doc = #doc]
                pub fn #method(&self, input: &#input) -> ::core::result::Result<#cl::stream::Streamed<#output, #cl::stream::BlockingByteStream>, #cl::client::CallError<#error>> {
                    self.inner.call_streaming::<#op>(&#spec, input)
                }
            });
        } else {
            async_methods.extend(quote! {
                #[doc = #doc]
                pub async fn #method(&self, input: &#input) -> ::core::result::Result<#output, #cl::client::CallError<#error>> {
                    self.inner.call::<#op>(&#spec, input).await
                }
            });
            blocking_methods.extend(quote! {
                #[doc = #doc]
                pub fn #method(&self, input: &#input) -> ::core::result::Result<#output, #cl::client::CallError<#error>> {
                    self.inner.call::<#op>(&#spec, input)
                }
            });
        }
        if streams.input {
            let upload = ident(&methods.claim(&format!("{}_streaming", snake_case(name))));
            let doc = format!(
                " Calls [`{op}`] with `body` as its streaming payload, sent as it is read (leave the input's payload unset)."
            );
            async_methods.extend(quote! {
                #[doc = #doc]
                pub async fn #upload(&self, input: &#input, body: #cl::stream::UploadBody) -> ::core::result::Result<#output, #cl::client::CallError<#error>> {
                    self.inner.call_upload::<#op>(&#spec, input, body).await
                }
            });
            blocking_methods.extend(quote! {
                #[doc = #doc]
                pub fn #upload(&self, input: &#input, body: #cl::stream::UploadBody) -> ::core::result::Result<#output, #cl::client::CallError<#error>> {
                    self.inner.call_upload::<#op>(&#spec, input, body)
                }
            });
        }
    }
    let mut notes = Vec::new();
    let paginated = paginators::paginators(generator, options, &specs, &mut methods, &mut notes);
    let waited = waiters::waiters(generator, options, &specs, &mut methods, &mut notes);
    async_methods.extend(paginated.async_methods);
    blocking_methods.extend(paginated.blocking_methods);
    async_methods.extend(waited.async_methods);
    blocking_methods.extend(waited.blocking_methods);
    let statics = &specs.statics;
    let impls = paginated.impls;
    let waiter_statics = waited.statics;
    let tokens = quote! {
        #statics
        #waiter_statics

        /// The service's client: a method per operation, each returning the output or one
        /// error. Cheap to clone.
        #[derive(Clone, Debug)]
        pub struct Client {
            inner: #cl::client::Client,
        }

        impl Client {
            /// A client over a configured generic one.
            pub fn new(inner: #cl::client::Client) -> Self {
                Self { inner }
            }

            /// A client of `config`.
            pub fn from_config(config: #cl::client::Config) -> Self {
                Self::new(#cl::client::Client::new(config))
            }

            /// The generic client underneath.
            pub fn inner(&self) -> &#cl::client::Client {
                &self.inner
            }

            #async_methods
        }

        /// The service's client for callers without an async runtime: the same calls, blocking.
        #[derive(Clone, Debug)]
        pub struct BlockingClient {
            inner: #cl::client::BlockingClient,
        }

        impl BlockingClient {
            /// A client over a configured generic one.
            pub fn new(inner: #cl::client::BlockingClient) -> Self {
                Self { inner }
            }

            /// A client of `config`; fails only if its runtime cannot start.
            pub fn from_config(config: #cl::client::Config) -> ::std::io::Result<Self> {
                #cl::client::BlockingClient::new(config).map(Self::new)
            }

            /// The generic client underneath.
            pub fn inner(&self) -> &#cl::client::BlockingClient {
                &self.inner
            }

            #blocking_methods
        }

        #impls
    };
    Ok((tokens, notes))
}

/// Which payloads of an operation stream (`@streaming` blobs): an output's is handed to the
/// caller unread, an input's can be sent from a stream by a second method.
struct Streams {
    input: bool,
    output: bool,
}

impl Streams {
    fn of(generator: &Generator<'_>, operation: &str) -> Self {
        let Some(schema) = generator.model.operation(operation) else {
            return Streams {
                input: false,
                output: false,
            };
        };
        Streams {
            input: awso_core::protocol::streaming_payload(schema.input()).is_some(),
            output: awso_core::protocol::streaming_payload(schema.output()).is_some(),
        }
    }
}

/// The `ServiceSpec` statics: one for the service, one more per distinct operation auth.
pub(crate) struct Specs {
    statics: TokenStream,
    by_operation: BTreeMap<String, syn::Ident>,
}

impl Specs {
    fn new(generator: &Generator<'_>, cl: &syn::Path) -> Result<Self, Error> {
        let metadata = generator.doc.get("metadata");
        let text = |key: &str| metadata.and_then(|m| m.get(key)).and_then(Document::as_str);
        let prefix = text("endpointPrefix")
            .ok_or_else(|| Error::Client("the model has no metadata.endpointPrefix".to_owned()))?;
        let option = |value: Option<&str>| match value {
            Some(value) => quote!(::core::option::Option::Some(#value)),
            None => quote!(::core::option::Option::None),
        };
        let service_auth = strings(metadata.and_then(|m| m.get("auth")));
        let (version, signing) = (
            option(text("signatureVersion")),
            option(text("signingName")),
        );
        let service = quote! {
            #cl::sign::ServiceAuth {
                auth: &[#(#service_auth),*],
                signature_version: #version,
                signing_name: #signing,
                endpoint_prefix: #prefix,
            }
        };
        // With the rule set carried (`Options::endpoint_rules`), every spec resolves by it.
        let endpoints = if generator.options.endpoint_rules.is_some() {
            quote!(.with_rules(&ENDPOINT_RULES).with_bindings(&ENDPOINT_BINDINGS))
        } else {
            TokenStream::new()
        };
        let mut statics = TokenStream::new();
        let mut names: BTreeMap<(Vec<String>, Option<String>), syn::Ident> = BTreeMap::new();
        let mut by_operation = BTreeMap::new();
        for (name, _, _) in &generator.operations {
            let op = generator
                .doc
                .get("operations")
                .and_then(|ops| ops.get(name));
            let auth = op
                .and_then(|op| op.get("auth"))
                .map(|list| strings(Some(list)));
            let authtype = op
                .and_then(|op| op.get("authtype"))
                .and_then(Document::as_str);
            let key = (
                auth.clone().unwrap_or_default(),
                authtype.map(str::to_owned),
            );
            let count = names.len();
            let spec = names.entry(key).or_insert_with(|| {
                let spec = if count == 0 {
                    format_ident!("CLIENT_SPEC")
                } else {
                    format_ident!("CLIENT_SPEC_{}", count + 1)
                };
                let auth = auth.as_ref().map_or_else(
                    || quote!(::core::option::Option::None),
                    |list| quote!(::core::option::Option::Some(&[#(#list),*])),
                );
                let authtype = option(authtype);
                statics.extend(quote! {
                    static #spec: ::std::sync::LazyLock<#cl::client::ServiceSpec> =
                        ::std::sync::LazyLock::new(|| {
                            #cl::client::ServiceSpec::from_model(
                                &#service,
                                &#cl::sign::OperationAuth { auth: #auth, authtype: #authtype },
                            )
                            #endpoints
                        });
                });
                spec
            });
            by_operation.insert(name.clone(), spec.clone());
        }
        Ok(Specs {
            statics,
            by_operation,
        })
    }

    /// The spec static of operation `name`.
    pub(crate) fn of(&self, name: &str) -> syn::Ident {
        self.by_operation
            .get(name)
            .cloned()
            .unwrap_or_else(|| format_ident!("CLIENT_SPEC"))
    }
}

fn strings(list: Option<&Document>) -> Vec<String> {
    list.and_then(Document::as_array)
        .unwrap_or_default()
        .iter()
        .filter_map(Document::as_str)
        .map(str::to_owned)
        .collect()
}

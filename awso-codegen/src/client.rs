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
    // Every operation's own name first, so none is renamed for another's `_with` form.
    let names: Vec<syn::Ident> = generator
        .operations
        .iter()
        .map(|(name, _, _)| ident(&methods.claim(&snake_case(name))))
        .collect();
    let mut async_methods = TokenStream::new();
    let mut blocking_methods = TokenStream::new();
    for ((name, op, error), method) in generator.operations.iter().zip(&names) {
        let call = OperationCall {
            cl,
            rt: &generator.types.runtime,
            op,
            error,
            spec: specs.of(name),
            method,
            streams: Streams::of(generator, name),
        };
        let input = generator.model.operation(name).and_then(|schema| {
            let input = generator.io_struct(schema.input())?;
            Some((input, generator.builder_ident(schema.input().name())?))
        });
        let (async_items, blocking_items) = match input {
            Some((input, builder)) => {
                let whole = ident(&methods.claim(&format!("{}_with", snake_case(name))));
                call.with_input(input, &builder, &whole)
            }
            None => call.without_input(),
        };
        async_methods.extend(async_items);
        blocking_methods.extend(blocking_items);
        if call.streams.input {
            let upload = ident(&methods.claim(&format!("{}_streaming", snake_case(name))));
            let (async_items, blocking_items) = call.upload(&upload);
            async_methods.extend(async_items);
            blocking_methods.extend(blocking_items);
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

/// The methods of one operation on both clients.
struct OperationCall<'a> {
    /// awso-client's path.
    cl: &'a syn::Path,
    /// awso-core's path.
    rt: &'a syn::Path,
    op: &'a syn::Ident,
    error: &'a syn::Ident,
    spec: syn::Ident,
    method: &'a syn::Ident,
    streams: Streams,
}

impl OperationCall<'_> {
    /// `op()`, the input's builder carrying the call (its setters, then `send()`), and
    /// `op_with(&input)` for an input built already.
    fn with_input(
        &self,
        input: &syn::Ident,
        builder: &syn::Ident,
        whole: &syn::Ident,
    ) -> (TokenStream, TokenStream) {
        let Self {
            cl,
            rt,
            op,
            error,
            spec,
            method,
            ..
        } = self;
        let output = quote!(<#op as #rt::protocol::Operation>::Output);
        let fail = quote!(#cl::client::CallError<#error>);
        // An output whose payload streams is answered with the body unread (`Streamed`).
        let (sender, blocking_sender, result, blocking_result, call, note) = if self.streams.output
        {
            (
                quote!(#cl::client::StreamingCall),
                quote!(#cl::client::BlockingStreamingCall),
                quote!(::core::result::Result<#cl::stream::Streamed<#output>, #fail>),
                quote!(::core::result::Result<#cl::stream::Streamed<#output, #cl::stream::BlockingByteStream>, #fail>),
                quote!(call_streaming),
                "; the output's streaming payload is the `body` to read",
            )
        } else {
            let result = quote!(::core::result::Result<#output, #fail>);
            (
                quote!(#cl::client::Call),
                quote!(#cl::client::BlockingCall),
                result.clone(),
                result,
                quote!(call),
                "",
            )
        };
        let fluent = format!(
            " Calls [`{op}`]: set the members of its input on the builder this returns, then `send()`{note}."
        );
        let with = format!(" Calls [`{op}`] with an input built already{note}.");
        let async_items = quote! {
            #[doc = #fluent]
            pub fn #method(&self) -> #builder<#sender<#op>> {
                #input::builder().with_sender(#sender::new(&self.inner, &#spec))
            }

            #[doc = #with]
            pub async fn #whole(&self, input: &#input) -> #result {
                self.inner.#call::<#op>(&#spec, input).await
            }
        };
        let blocking_items = quote! {
            #[doc = #fluent]
            pub fn #method(&self) -> #builder<#blocking_sender<#op>> {
                #input::builder().with_sender(#blocking_sender::new(&self.inner, &#spec))
            }

            #[doc = #with]
            pub fn #whole(&self, input: &#input) -> #blocking_result {
                self.inner.#call::<#op>(&#spec, input)
            }
        };
        (async_items, blocking_items)
    }

    /// `op_streaming(&input, body)`: the input's streaming payload sent from `body` as it is
    /// read.
    fn upload(&self, upload: &syn::Ident) -> (TokenStream, TokenStream) {
        let Self {
            cl,
            rt,
            op,
            error,
            spec,
            ..
        } = self;
        let input = quote!(<#op as #rt::protocol::Operation>::Input);
        let result = quote!(::core::result::Result<<#op as #rt::protocol::Operation>::Output, #cl::client::CallError<#error>>);
        let doc = format!(
            " Calls [`{op}`] with `body` as its streaming payload, sent as it is read (leave the input's payload unset)."
        );
        (
            quote! {
                #[doc = #doc]
                pub async fn #upload(&self, input: &#input, body: #cl::stream::UploadBody) -> #result {
                    self.inner.call_upload::<#op>(&#spec, input, body).await
                }
            },
            quote! {
                #[doc = #doc]
                pub fn #upload(&self, input: &#input, body: #cl::stream::UploadBody) -> #result {
                    self.inner.call_upload::<#op>(&#spec, input, body)
                }
            },
        )
    }

    /// `op()` of an operation without input: the call, ready to `send()`.
    fn without_input(&self) -> (TokenStream, TokenStream) {
        let Self {
            cl,
            op,
            spec,
            method,
            ..
        } = self;
        let doc = format!(" Calls [`{op}`], which takes no input: `send()` it.");
        (
            quote! {
                #[doc = #doc]
                pub fn #method(&self) -> #cl::client::Call<#op> {
                    #cl::client::Call::new(&self.inner, &#spec)
                }
            },
            quote! {
                #[doc = #doc]
                pub fn #method(&self) -> #cl::client::BlockingCall<#op> {
                    #cl::client::BlockingCall::new(&self.inner, &#spec)
                }
            },
        )
    }
}

/// Services whose operations authenticate with a token member of their own input rather
/// than a signature, though botocore's model lists SigV4: they are generated unsigned
/// (`authtype: none`), so a client needs no AWS credentials for them. Amazon Connect
/// Participant takes the participant's connection token in `X-Amz-Bearer`; AWS's API
/// reference states its operations do not use SigV4.
const TOKEN_AUTHENTICATED: &[&str] = &["participant.connect"];

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
            let authtype = if TOKEN_AUTHENTICATED.contains(&prefix) {
                Some("none")
            } else {
                op.and_then(|op| op.get("authtype"))
                    .and_then(Document::as_str)
            };
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

//! From a model to Rust items.

use std::collections::{HashMap, HashSet};

use awso_core::dynamic::Model;
use awso_core::protocol::{OperationSchema, Protocol};
use awso_core::schema::{ErrorFault, HttpBinding, Member, Retryable, ShapeKind};
use awso_core::{Document, Schema};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::docs::{self, DocSource};
use crate::names::{Namer, camel_case, ident, snake_case};
use crate::rust_types::{TypeMap, item_overrides, namespace, streaming, value_traits};
use crate::{GeneratedOperation, Options};

/// Names the generated module itself uses, which no shape may take.
const RESERVED: &[&str] = &["SERVICE"];
/// With a client, its types too.
const CLIENT_RESERVED: &[&str] = &["SERVICE", "Client", "BlockingClient"];

pub(crate) struct Generator<'a> {
    pub(crate) model: &'a Model,
    pub(crate) doc: &'a Document,
    pub(crate) options: &'a Options,
    pub(crate) types: TypeMap,
    pub(crate) boxed: HashSet<(String, usize)>,
    /// Rust idents of operation structs and error enums, by operation name.
    pub(crate) operations: Vec<(String, syn::Ident, syn::Ident)>,
    /// What each shape is to operations, for docs.
    roles: HashMap<String, String>,
    /// The builder type of each structure whose `FooBuilder` name another item took
    /// (AppStream has both `Image` and `ImageBuilder`), by shape name.
    builder_names: HashMap<String, String>,
}

fn doc_attr(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| {
        let line = format!(" {line}");
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

impl<'a> Generator<'a> {
    pub(crate) fn new(model: &'a Model, doc: &'a Document, options: &'a Options) -> Self {
        let shapes: Vec<(&str, &'static Schema)> = model.shapes().collect();
        let mut namer = Namer::with_reserved(if options.client.is_some() {
            CLIENT_RESERVED
        } else {
            RESERVED
        });
        let mut types = HashMap::new();
        for (name, schema) in &shapes {
            if matches!(
                schema.kind(),
                ShapeKind::Structure | ShapeKind::Union | ShapeKind::Enum | ShapeKind::IntEnum
            ) {
                let rust = namer.claim(&camel_case_type(name));
                types.insert((*name).to_owned(), ident(&rust));
            }
        }
        let mut operations = Vec::new();
        let mut roles = HashMap::new();
        for (name, op) in model.operations() {
            let op_ident = ident(&namer.claim(&camel_case_type(name)));
            let error_ident = ident(&namer.claim(&format!("{}Error", camel_case_type(name))));
            roles
                .entry(op.input().name().to_owned())
                .or_insert_with(|| format!("Input of the [`{op_ident}`] operation."));
            roles
                .entry(op.output().name().to_owned())
                .or_insert_with(|| format!("Output of the [`{op_ident}`] operation."));
            operations.push((name.to_owned(), op_ident, error_ident));
        }
        // Builder names are claimed after every other name, so no shape is renamed for one.
        let mut builder_names = HashMap::new();
        for (name, schema) in &shapes {
            if schema.kind() == ShapeKind::Structure {
                let wanted = default_builder_name(&types[*name]);
                let claimed = namer.claim(&wanted);
                if claimed != wanted {
                    builder_names.insert((*name).to_owned(), claimed);
                }
            }
        }
        Self {
            model,
            doc,
            options,
            types: TypeMap {
                types,
                runtime: options.runtime.clone(),
            },
            boxed: crate::recursion::boxed_members(&shapes),
            operations,
            roles,
            builder_names,
        }
    }

    pub(crate) fn operation_names(&self) -> Vec<GeneratedOperation> {
        self.operations
            .iter()
            .map(|(name, op, error)| GeneratedOperation {
                model_name: name.clone(),
                rust_name: op.to_string(),
                error_name: error.to_string(),
            })
            .collect()
    }

    fn shape_doc(&self, name: &str) -> Option<&Document> {
        self.doc.get("shapes").and_then(|s| s.get(name))
    }

    fn docs(&self, model_doc: Option<&Document>, ours: String) -> TokenStream {
        let text = match self.options.docs {
            DocSource::Model => docs::model_text(model_doc).unwrap_or(ours),
            DocSource::Generated => ours,
        };
        doc_attr(&text)
    }

    fn container_attrs(&self, name: &str, rust: &syn::Ident, schema: &Schema) -> Vec<TokenStream> {
        // `Debug` comes from the derive, which prints sensitive members as a marker.
        let mut keys = vec![quote!(debug)];
        if rust.to_string().trim_start_matches("r#") != name {
            keys.push(quote!(name = #name));
        }
        if let Some(path) = crate::custom_runtime(&self.options.runtime) {
            keys.push(quote!(crate = #path));
        }
        let traits = schema.traits();
        if let Some(xml_name) = traits.xml_name {
            keys.push(quote!(xml_name = #xml_name));
        }
        if let Some(ns) = traits.xml_namespace {
            keys.push(namespace(ns));
        }
        if traits.sensitive {
            keys.push(quote!(sensitive));
        }
        if let Some(error) = traits.error {
            let fault = if error.fault == ErrorFault::Server {
                "server"
            } else {
                "client"
            };
            let mut parts = vec![quote!(fault = #fault)];
            if let Some(status) = error.http_status {
                let status = proc_macro2::Literal::u16_unsuffixed(status);
                parts.push(quote!(status = #status));
            }
            if let Some(code) = error.code {
                parts.push(quote!(code = #code));
            }
            match traits.retryable {
                Some(Retryable::Throttling) => parts.push(quote!(retryable(throttling))),
                Some(Retryable::Transient) => parts.push(quote!(retryable)),
                None => {}
            }
            keys.push(quote!(error(#(#parts),*)));
        }
        keys
    }

    /// Every shape that is a type, in model order.
    pub(crate) fn shapes(&self) -> TokenStream {
        let mut items = TokenStream::new();
        for (name, schema) in self.model.shapes() {
            let item = match schema.kind() {
                ShapeKind::Structure => self.structure(name, schema),
                ShapeKind::Union => self.union(name, schema),
                ShapeKind::Enum => self.string_enum(name, schema),
                _ => continue,
            };
            items.extend(item);
        }
        items
    }

    fn field_attrs(member: &Member, rename: Option<&str>) -> Vec<TokenStream> {
        let mut keys = Vec::new();
        if let Some(name) = rename {
            keys.push(quote!(rename = #name));
        }
        let t = member.traits();
        if let Some(name) = t.json_name {
            keys.push(quote!(json_name = #name));
        }
        if let Some(name) = t.xml_name {
            keys.push(quote!(xml_name = #name));
        }
        if t.xml_attribute {
            keys.push(quote!(xml_attribute));
        }
        if t.xml_flattened && member.target().kind().is_collection() {
            keys.push(quote!(xml_flattened));
        }
        if let Some(name) = t.ec2_query_name {
            keys.push(quote!(ec2_query_name = #name));
        }
        value_traits(member, &mut keys);
        match t.http {
            Some(HttpBinding::Header(name)) => keys.push(quote!(http_header = #name)),
            Some(HttpBinding::PrefixHeaders(prefix)) => {
                keys.push(quote!(http_prefix_headers = #prefix));
            }
            Some(HttpBinding::Label { name, .. }) if name == member.name() => {
                keys.push(quote!(http_label));
            }
            Some(HttpBinding::Label { name, .. }) => keys.push(quote!(http_label = #name)),
            Some(HttpBinding::Query(name)) => keys.push(quote!(http_query = #name)),
            Some(HttpBinding::QueryParams) => keys.push(quote!(http_query_params)),
            Some(HttpBinding::Payload) => keys.push(quote!(http_payload)),
            Some(HttpBinding::ResponseCode) => keys.push(quote!(http_response_code)),
            None => {}
        }
        keys.extend(streaming(member));
        if t.host_label {
            keys.push(quote!(host_label));
        }
        if t.idempotency_token {
            keys.push(quote!(idempotency_token));
        }
        if crate::secrets::is_secret(member) {
            keys.push(quote!(sensitive));
        }
        keys.extend(item_overrides(member.target()));
        keys
    }

    fn member_type(&self, shape: &str, member: &Member) -> TokenStream {
        let ty = self.types.of(member.target());
        if self.boxed.contains(&(shape.to_owned(), member.index())) {
            quote!(::std::boxed::Box<#ty>)
        } else {
            ty
        }
    }

    fn structure(&self, name: &str, schema: &'static Schema) -> TokenStream {
        let rust = &self.types.types[name];
        let fields: Vec<(syn::Ident, &Member, String)> = schema
            .members()
            .iter()
            .zip(field_names(schema))
            .map(|(m, field)| (ident(&field), m, field))
            .collect();
        // `rename_all = "PascalCase"` when it names most members; the rest are renamed.
        let pascal_fits = |field: &str, m: &Member| pascal(field) == m.name();
        let use_pascal =
            fields.iter().filter(|(_, m, f)| pascal_fits(f, m)).count() * 2 > fields.len();
        let mut container = self.container_attrs(name, rust, schema);
        // After `debug`, which comes first.
        let builder = match self.builder_names.get(name) {
            Some(builder) => quote!(builder = #builder),
            None => quote!(builder),
        };
        container.insert(1, builder);
        if use_pascal {
            container.push(quote!(rename_all = "PascalCase"));
        }
        let field_items = fields.iter().map(|(field_ident, m, field)| {
            let needs_rename = if use_pascal {
                !pascal_fits(field, m)
            } else {
                field != m.name()
            };
            let keys = Self::field_attrs(m, needs_rename.then(|| m.name()));
            let attrs = (!keys.is_empty()).then(|| quote!(#[awso(#(#keys),*)]));
            let ty = self.member_type(name, m);
            // An idempotency token stays optional even when the model requires it: left out,
            // it is filled in when the request is built.
            let required = m.traits().required && !m.traits().idempotency_token;
            let ty = if required {
                ty
            } else {
                quote!(::std::option::Option<#ty>)
            };
            let member_doc = self
                .shape_doc(name)
                .and_then(|s| s.get("members"))
                .and_then(|ms| ms.get(m.name()));
            let doc = self.docs(member_doc, docs::member(m, required));
            quote! {
                #doc
                #attrs
                pub #field_ident: #ty,
            }
        });
        let role = self.roles.get(name).cloned();
        let ours = match (schema.traits().error, role) {
            (Some(error), _) => {
                let fault = if error.fault == ErrorFault::Server {
                    "server"
                } else {
                    "client"
                };
                match error.http_status {
                    Some(status) => format!("The `{name}` error (HTTP {status}, {fault} fault)."),
                    None => format!("The `{name}` error ({fault} fault)."),
                }
            }
            (None, Some(role)) => format!("The `{name}` structure: {}", lowercase_first(&role)),
            (None, None) => format!("The `{name}` structure."),
        };
        let doc = self.docs(self.shape_doc(name), ours);
        let container = (!container.is_empty()).then(|| quote!(#[awso(#(#container),*)]));
        let rt = &self.options.runtime;
        // All-optional structures get `Default`: `..Default::default()` cannot forget a
        // required member there, as there is none.
        let default = schema
            .members()
            .iter()
            .all(|m| !m.traits().required || m.traits().idempotency_token)
            .then(|| quote!(Default,));
        quote! {
            #doc
            #[derive(#rt::AwsShape, #default Clone, PartialEq)]
            #container
            pub struct #rust {
                #(#field_items)*
            }
        }
    }

    fn union(&self, name: &str, schema: &'static Schema) -> TokenStream {
        let rust = &self.types.types[name];
        let mut namer = Namer::default();
        let variants: Vec<TokenStream> = schema
            .members()
            .iter()
            .map(|m| {
                let variant = namer.claim(&camel_case(m.name()));
                let variant_ident = ident(&variant);
                let keys = Self::field_attrs(m, (variant != m.name()).then(|| m.name()));
                let attrs = (!keys.is_empty()).then(|| quote!(#[awso(#(#keys),*)]));
                let ty = self.member_type(name, m);
                let member_doc = self
                    .shape_doc(name)
                    .and_then(|s| s.get("members"))
                    .and_then(|ms| ms.get(m.name()));
                let doc = self.docs(member_doc, docs::member(m, false));
                quote! {
                    #doc
                    #attrs
                    #variant_ident(#ty),
                }
            })
            .collect();
        let unknown = ident(&namer.claim("Unknown"));
        let mut container = self.container_attrs(name, rust, schema);
        // Constructors per member and `From` for unshared member types.
        container.insert(1, quote!(builder));
        let container = (!container.is_empty()).then(|| quote!(#[awso(#(#container),*)]));
        let doc = self.docs(
            self.shape_doc(name),
            format!("The `{name}` union: exactly one member is set."),
        );
        let rt = &self.options.runtime;
        quote! {
            #doc
            #[derive(#rt::AwsShape, Clone, PartialEq)]
            #container
            pub enum #rust {
                #(#variants)*
                /// A member this version of the model does not know; its name is kept.
                #[awso(unknown)]
                #unknown(::std::string::String),
            }
        }
    }

    fn string_enum(&self, name: &str, schema: &'static Schema) -> TokenStream {
        let rust = &self.types.types[name];
        let mut namer = Namer::default();
        let variants = schema.traits().enum_values.iter().map(|value| {
            let variant = ident(&namer.claim(&camel_case(value)));
            let doc = doc_attr(&format!("`{value}`."));
            quote! {
                #doc
                #[awso(rename = #value)]
                #variant,
            }
        });
        let variants: Vec<TokenStream> = variants.collect();
        let unknown = ident(&namer.claim("Unknown"));
        let mut container = self.container_attrs(name, rust, schema);
        // `From<&str>` and `FromStr`, keeping unknown values.
        container.insert(1, quote!(builder));
        let container = (!container.is_empty()).then(|| quote!(#[awso(#(#container),*)]));
        let doc = self.docs(
            self.shape_doc(name),
            format!("The `{name}` enum: its named values, and any other value the service sends."),
        );
        let rt = &self.options.runtime;
        quote! {
            #doc
            #[derive(#rt::AwsShape, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #container
            pub enum #rust {
                #(#variants)*
                /// A value this version of the model does not know, kept as sent.
                #[awso(unknown)]
                #unknown(::std::string::String),
            }
        }
    }

    /// The service constant, and each operation with its error enum.
    pub(crate) fn operations(&self) -> TokenStream {
        let rt = &self.options.runtime;
        let mut items = TokenStream::new();
        if let Some(service) = self.model.service() {
            let protocol = match service.protocol() {
                Protocol::RestJson1 => quote!(RestJson1),
                Protocol::AwsJson1_0 => quote!(AwsJson1_0),
                Protocol::AwsJson1_1 => quote!(AwsJson1_1),
                Protocol::RestXml => quote!(RestXml),
                Protocol::AwsQuery => quote!(AwsQuery),
                Protocol::Ec2Query => quote!(Ec2Query),
                Protocol::RpcV2Cbor => quote!(RpcV2Cbor),
            };
            let version = service.api_version();
            let mut calls = TokenStream::new();
            if let Some(prefix) = service.target_prefix() {
                calls.extend(quote!(.with_target_prefix(#prefix)));
            }
            if service.query_compatible() {
                calls.extend(quote!(.with_query_compatible()));
            }
            // Every error structure: an operation's `Unknown` keeps the members of one it
            // does not list.
            let errors: Vec<&syn::Ident> = service
                .errors()
                .iter()
                .filter_map(|schema| self.types.types.get(schema.name()))
                .collect();
            if !errors.is_empty() {
                calls.extend(quote!(.with_errors(&[#(<#errors as #rt::AwsShape>::SCHEMA),*])));
            }
            items.extend(quote! {
                /// The service: its protocol and API version.
                pub const SERVICE: #rt::protocol::ServiceSchema =
                    #rt::protocol::ServiceSchema::new(#rt::protocol::Protocol::#protocol, #version) #calls;
            });
        }
        for (name, op_ident, error_ident) in &self.operations {
            if let Some(op) = self.model.operation(name) {
                items.extend(self.operation(name, op, op_ident, error_ident));
            }
        }
        if self.options.operation_visitor {
            items.extend(self.operation_visitor());
        }
        items
    }

    /// The structure an operation's input or output is, or `None` for the empty structure
    /// (`Unit`) of an operation without one. It is told from a model shape by identity with
    /// the model's own schema: a model may name a shape `Unit` (connect, emr), and a
    /// constant's address is not one across crates.
    pub(crate) fn io_struct(&self, schema: &'static Schema) -> Option<&syn::Ident> {
        let ident = self.types.types.get(schema.name())?;
        self.model
            .shape(schema.name())
            .is_some_and(|shape| std::ptr::eq(shape, schema))
            .then_some(ident)
    }

    /// The builder type of the structure `shape`: `FooBuilder`, or the name it was given.
    pub(crate) fn builder_ident(&self, shape: &str) -> Option<syn::Ident> {
        if let Some(named) = self.builder_names.get(shape) {
            return Some(ident(named));
        }
        let rust = self.types.types.get(shape)?;
        Some(ident(&default_builder_name(rust)))
    }

    /// `visit_operation`: the operation of a model name, as a type for an
    /// `OperationVisitor` (one match arm per operation).
    fn operation_visitor(&self) -> TokenStream {
        let rt = &self.options.runtime;
        let arms = self
            .operations
            .iter()
            .filter(|(name, _, _)| self.model.operation(name).is_some())
            .map(|(name, op_ident, _)| {
                quote!(#name => ::core::option::Option::Some(visitor.visit::<#op_ident>()),)
            });
        quote! {
            /// Calls `visitor` with the operation whose model name is `name`; `None` when the
            /// service has no such operation.
            pub fn visit_operation<V: #rt::protocol::OperationVisitor>(
                name: &str,
                visitor: V,
            ) -> ::core::option::Option<V::Output> {
                match name {
                    #(#arms)*
                    _ => ::core::option::Option::None,
                }
            }
        }
    }

    fn operation(
        &self,
        name: &str,
        op: &OperationSchema,
        op_ident: &syn::Ident,
        error_ident: &syn::Ident,
    ) -> TokenStream {
        let rt = &self.options.runtime;
        let io_type = |schema: &'static Schema| match self.io_struct(schema) {
            Some(ident) => quote!(#ident),
            None => quote!(#rt::protocol::Unit),
        };
        let input = io_type(op.input());
        let output = io_type(op.output());
        let method = op.method();
        let uri = op.request_uri();
        let mut calls = quote! {
            .with_input(<#input as #rt::AwsShape>::SCHEMA)
            .with_output(<#output as #rt::AwsShape>::SCHEMA)
            .with_errors(<#error_ident as #rt::AwsError>::ERRORS)
        };
        if let Some(code) = op.response_code() {
            calls.extend(quote!(.with_response_code(#code)));
        }
        if let Some(prefix) = op.host_prefix() {
            calls.extend(quote!(.with_host_prefix(#prefix)));
        }
        if let Some(wrapper) = op.result_wrapper() {
            calls.extend(quote!(.with_result_wrapper(#wrapper)));
        }
        if let Some(root) = op.input_root() {
            calls.extend(quote!(.with_input_root(#root)));
        }
        if let Some(ns) = op.input_namespace() {
            let (uri, prefix) = (
                ns.uri,
                ns.prefix.map_or_else(|| quote!(None), |p| quote!(Some(#p))),
            );
            calls.extend(quote! {
                .with_input_namespace(#rt::schema::XmlNamespace { uri: #uri, prefix: #prefix })
            });
        }
        if op.gzip_requests() {
            calls.extend(quote!(.with_gzip_requests()));
        }
        if op.checksum_required() {
            calls.extend(quote!(.with_checksum_required()));
        }
        if let Some(checksum) = op.http_checksum() {
            calls.extend(http_checksum(rt, checksum));
        }
        let error_variants = op.errors().iter().map(|schema| {
            let ty = &self.types.types[schema.name()];
            let doc = doc_attr(&format!("See [`{ty}`]."));
            quote! {
                #doc
                #ty(#ty),
            }
        });
        let error_variants: Vec<TokenStream> = error_variants.collect();
        let unknown = if op
            .errors()
            .iter()
            .any(|s| self.types.types[s.name()] == "Unknown")
        {
            format_ident!("UnknownError")
        } else {
            format_ident!("Unknown")
        };
        let op_doc = self.docs(
            self.doc.get("operations").and_then(|ops| ops.get(name)),
            format!("The `{name}` operation: `{method} {uri}`."),
        );
        let error_doc = doc_attr(&format!("The errors of the [`{op_ident}`] operation."));
        let krate = crate::custom_runtime(rt).map(|path| quote!(#[awso(crate = #path)]));
        quote! {
            #op_doc
            #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
            pub struct #op_ident;

            impl #rt::protocol::Operation for #op_ident {
                type Input = #input;
                type Output = #output;
                type Error = #error_ident;
                const SERVICE: &'static #rt::protocol::ServiceSchema = &SERVICE;
                const SCHEMA: &'static #rt::protocol::OperationSchema =
                    &#rt::protocol::OperationSchema::new(#name, #method, #uri) #calls;
            }

            #error_doc
            #[derive(#rt::AwsError, Debug)]
            #krate
            pub enum #error_ident {
                #(#error_variants)*
                /// An error the operation does not model: code, message, status, request id and
                /// body are kept.
                #[awso(unknown)]
                #unknown(#rt::UnknownError),
            }
        }
    }
}

/// The field names of a structure's members, in member order.
pub(crate) fn field_names(schema: &Schema) -> Vec<String> {
    let mut namer = Namer::default();
    schema
        .members()
        .iter()
        .map(|m| namer.claim(&snake_case(m.name())))
        .collect()
}

/// The `PascalCase` form the derive's `rename_all` gives a `snake_case` field.
fn pascal(field: &str) -> String {
    field
        .trim_start_matches("r#")
        .split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A type name for a shape: shape names are usually `CamelCase` already and kept as they
/// are; anything else is made into one.
fn camel_case_type(name: &str) -> String {
    let valid = name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric());
    if valid {
        name.to_owned()
    } else {
        camel_case(name)
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The `.with_http_checksum(...)` call for an operation's `@httpChecksum` trait.
fn http_checksum(rt: &syn::Path, checksum: &awso_core::protocol::HttpChecksum) -> TokenStream {
    let mut calls = quote!();
    if checksum.request_required() {
        calls.extend(quote!(.with_request_required()));
    }
    if let Some(member) = checksum.request_algorithm_member() {
        calls.extend(quote!(.with_request_algorithm_member(#member)));
    }
    if let Some(member) = checksum.request_validation_mode_member() {
        calls.extend(quote!(.with_request_validation_mode_member(#member)));
    }
    if !checksum.response_algorithms().is_empty() {
        let algorithms = checksum
            .response_algorithms()
            .iter()
            .map(|a| format_ident!("{}", format!("{a:?}")));
        calls.extend(quote! {
            .with_response_algorithms(&[#(#rt::protocol::ChecksumAlgorithm::#algorithms),*])
        });
    }
    quote!(.with_http_checksum(#rt::protocol::HttpChecksum::new() #calls))
}

/// The name the derive gives the builder of structure `rust` unless told another.
fn default_builder_name(rust: &syn::Ident) -> String {
    format!("{}Builder", rust.to_string().trim_start_matches("r#"))
}

//! # awso-codegen
//!
//! Turns a botocore service model (`service-2.json`, plain or `.json.gz`) into one Rust module
//! of types that use awso's derive: a structure, union or enum per shape, and per operation a
//! unit struct implementing `awso_core::protocol::Operation` with its error enum.
//!
//! The model is read with `awso_core::dynamic::Model`, the same reading the dynamic mode
//! uses, so a generated type and a run-time schema of the same shape agree on every wire
//! trait.
//!
//! ```
//! use awso_codegen::{Options, generate};
//!
//! let model = r#"{
//!   "metadata": {"protocol": "rest-json", "apiVersion": "2018-09-07"},
//!   "operations": {"GetAttachment": {"name": "GetAttachment",
//!     "http": {"method": "POST", "requestUri": "/participant/attachment"},
//!     "output": {"shape": "GetAttachmentResponse"}}},
//!   "shapes": {
//!     "GetAttachmentResponse": {"type": "structure", "required": ["AttachmentSizeInBytes"],
//!       "members": {"Url": {"shape": "String"}, "AttachmentSizeInBytes": {"shape": "Long"}}},
//!     "String": {"type": "string"}, "Long": {"type": "long"}}
//! }"#;
//! let generated = generate(model, &Options::default())?;
//! assert!(generated.code.contains("pub struct GetAttachmentResponse"));
//! assert!(generated.code.contains("pub attachment_size_in_bytes: i64"));
//! assert!(generated.code.contains("pub url: ::std::option::Option<::std::string::String>"));
//! assert_eq!(generated.operations[0].rust_name, "GetAttachment");
//! # Ok::<(), awso_codegen::Error>(())
//! ```
//!
//! Naming: structure members become `snake_case` fields (keywords as raw identifiers) with
//! their model names kept in `#[awso(...)]`; shapes keep their `CamelCase` names (others are
//! made into one), clashes get a numeric suffix. Members that close a cycle of structures are
//! boxed. Doc comments are short descriptions made from the schema unless
//! [`DocSource::Model`] asks for the model's own documentation.

#![forbid(unsafe_code)]

mod client;
mod docs;
mod endpoints;
mod generate;
mod names;
mod recursion;
mod rust_types;
mod secrets;

use std::fmt;
use std::io::Read as _;
use std::path::{Path, PathBuf};

pub use docs::DocSource;

/// What can go wrong.
#[derive(Debug)]
pub enum Error {
    /// Reading a model file or running botocore's lookup failed.
    Io(std::io::Error),
    /// The model is not a botocore model awso can read.
    Model(awso_core::Error),
    /// The generated code did not parse as Rust (a bug in the generator).
    Syntax(String),
    /// No installed botocore model has this service name.
    NotFound(String),
    /// The client cannot be generated for this model.
    Client(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(e) => write!(f, "i/o error: {e}"),
            Self::Model(e) => write!(f, "cannot read the model: {e}"),
            Self::Syntax(e) => write!(f, "the generated code does not parse: {e}"),
            Self::NotFound(what) => f.write_str(what),
            Self::Client(why) => write!(f, "cannot generate the client: {why}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

/// Generation options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where doc comments come from.
    pub docs: DocSource,
    /// The path of the runtime crate in the generated code (default `::awso_core`).
    pub runtime: syn::Path,
    /// Format with `rustfmt` when it is installed (else with `prettyplease`).
    pub rustfmt: bool,
    /// A line for the header comment saying how to regenerate the file.
    pub regenerate_with: Option<String>,
    /// The service's `endpoint-rule-set-1.json` text ([`read_endpoint_rules`]): when given,
    /// the module also carries the rules (`ENDPOINT_RULES`) and each operation's endpoint
    /// bindings (`ENDPOINT_BINDINGS`) for awso-client, which the code then depends on.
    pub endpoint_rules: Option<String>,
    /// Also generate the service's `Client` (needs awso-client); `None`: shapes and
    /// operations only, for users of awso-core alone.
    pub client: Option<ClientOptions>,
    /// Also generate `visit_operation(name, visitor)`, which finds an operation by its model
    /// name and calls an [`awso_core::protocol::OperationVisitor`] with its type: for a caller
    /// that gets operation names at run time (a CLI, a proxy, a differential test) but wants
    /// the compiled types. Off by default; generic, so it costs nothing until called.
    pub operation_visitor: bool,
}

/// What the generated client is made of.
///
/// ```
/// use awso_codegen::{ClientOptions, Options, generate};
///
/// let model = r#"{
///   "metadata": {"protocol": "json", "apiVersion": "2012-08-10", "endpointPrefix": "dynamodb",
///                "targetPrefix": "DynamoDB_20120810", "jsonVersion": "1.0", "signatureVersion": "v4"},
///   "operations": {"ListTables": {"name": "ListTables", "http": {"method": "POST", "requestUri": "/"},
///     "input": {"shape": "ListTablesInput"}, "output": {"shape": "ListTablesOutput"}}},
///   "shapes": {
///     "ListTablesInput": {"type": "structure", "members": {"ExclusiveStartTableName": {"shape": "S"}}},
///     "ListTablesOutput": {"type": "structure", "members": {"TableNames": {"shape": "Names"},
///       "LastEvaluatedTableName": {"shape": "S"}}},
///     "Names": {"type": "list", "member": {"shape": "S"}}, "S": {"type": "string"}}
/// }"#;
/// let paginators = r#"{"pagination": {"ListTables": {"input_token": "ExclusiveStartTableName",
///   "output_token": "LastEvaluatedTableName", "result_key": "TableNames"}}}"#;
/// let client = ClientOptions::default().with_paginators(paginators)?;
/// let generated = generate(model, &Options { client: Some(client), ..Options::default() })?;
/// // `list_tables()` is fluent (the input's builder, then `send()`), `list_tables_with` takes
/// // a whole input.
/// assert!(generated.code.contains("pub fn list_tables("));
/// assert!(generated.code.contains("pub async fn list_tables_with("));
/// assert!(generated.code.contains("pub fn list_tables_paginator("));
/// assert!(generated.notes.is_empty());
/// # Ok::<(), awso_codegen::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// The path of awso-client in the generated code (default `::awso_client`).
    pub runtime: syn::Path,
    /// botocore's `paginators-1.json` of the service, parsed.
    pub paginators: Option<awso_core::Document>,
    /// botocore's `waiters-2.json` of the service, parsed.
    pub waiters: Option<awso_core::Document>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            runtime: syn::parse_quote!(::awso_client),
            paginators: None,
            waiters: None,
        }
    }
}

impl ClientOptions {
    /// With the paginators of `json` (a `paginators-1.json`).
    pub fn with_paginators(mut self, json: &str) -> Result<Self, Error> {
        self.paginators = Some(awso_core::json::from_str(json).map_err(Error::Model)?);
        Ok(self)
    }

    /// With the waiters of `json` (a `waiters-2.json`).
    pub fn with_waiters(mut self, json: &str) -> Result<Self, Error> {
        self.waiters = Some(awso_core::json::from_str(json).map_err(Error::Model)?);
        Ok(self)
    }

    /// With the paginators and waiters found next to the model file at `model_path`
    /// (`paginators-1.json[.gz]`, `waiters-2.json[.gz]`), those that exist.
    pub fn beside(mut self, model_path: &Path) -> Result<Self, Error> {
        let dir = model_path.parent().unwrap_or(Path::new("."));
        let read = |name: &str| -> Result<Option<String>, Error> {
            for file in [name.to_owned(), format!("{name}.gz")] {
                let path = dir.join(file);
                if path.is_file() {
                    return read_model(&path).map(Some);
                }
            }
            Ok(None)
        };
        if let Some(json) = read("paginators-1.json")? {
            self = self.with_paginators(&json)?;
        }
        if let Some(json) = read("waiters-2.json")? {
            self = self.with_waiters(&json)?;
        }
        Ok(self)
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            docs: DocSource::Generated,
            runtime: syn::parse_quote!(::awso_core),
            rustfmt: false,
            regenerate_with: None,
            endpoint_rules: None,
            client: None,
            operation_visitor: false,
        }
    }
}

/// The runtime path as a `crate = "..."` value, unless it is the default.
pub(crate) fn custom_runtime(path: &syn::Path) -> Option<String> {
    let text = quote::quote!(#path).to_string().replace(' ', "");
    (text != "::awso_core").then_some(text)
}

/// An operation of the generated module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedOperation {
    /// The operation's name in the model.
    pub model_name: String,
    /// The unit struct implementing `Operation`.
    pub rust_name: String,
    /// Its error enum.
    pub error_name: String,
}

/// A generated module.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The Rust source.
    pub code: String,
    /// The operations it defines.
    pub operations: Vec<GeneratedOperation>,
    /// What the client generation left out, with why (paginators or waiters beyond what
    /// the runtime supports).
    pub notes: Vec<String>,
}

/// Generates the module for a botocore model given as JSON text.
pub fn generate(model_json: &str, options: &Options) -> Result<Generated, Error> {
    let doc: awso_core::Document = awso_core::json::from_str(model_json).map_err(Error::Model)?;
    generate_document(&doc, options)
}

/// Generates the module for an already parsed botocore model (or anything with `shapes`,
/// `operations` and `metadata` in its grammar, such as a protocol test group).
pub fn generate_document(doc: &awso_core::Document, options: &Options) -> Result<Generated, Error> {
    let model = awso_core::dynamic::Model::from_document(doc).map_err(Error::Model)?;
    let generator = generate::Generator::new(&model, doc, options);
    let (client, notes) = match &options.client {
        Some(client) => client::client_items(&generator, client)?,
        None => Default::default(),
    };
    let tokens = {
        let shapes = generator.shapes();
        let operations = generator.operations();
        let endpoints = match &options.endpoint_rules {
            Some(rules) => endpoints::items(doc, rules)?,
            None => proc_macro2::TokenStream::new(),
        };
        quote::quote! {
            #shapes
            #operations
            #endpoints
            #client
        }
    };
    let file: syn::File = syn::parse2(tokens).map_err(|e| Error::Syntax(e.to_string()))?;
    let mut code = header(doc, options);
    let body = spaced(&prettyplease::unparse(&file));
    code.push_str(&if options.rustfmt {
        rustfmt(&body).unwrap_or(body)
    } else {
        body
    });
    Ok(Generated {
        code,
        operations: generator.operation_names(),
        notes,
    })
}

/// Puts a blank line between top-level items, which the printer runs together.
fn spaced(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + code.len() / 16);
    let mut previous = "";
    for line in code.lines() {
        let starts_item = line.starts_with("///")
            || line.starts_with("#[")
            || line.starts_with("pub ")
            || line.starts_with("impl ");
        let previous_ends_item =
            previous == "}" || (previous.ends_with(';') && !previous.starts_with(' '));
        if starts_item && previous_ends_item {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        previous = line;
    }
    out
}

fn header(doc: &awso_core::Document, options: &Options) -> String {
    let metadata = doc.get("metadata");
    let field = |key: &str| {
        metadata
            .and_then(|m| m.get(key))
            .and_then(awso_core::Document::as_str)
    };
    let mut header = format!(
        "// Generated by awso-codegen from the botocore model of {} (API version {}). Do not edit.\n",
        field("serviceId")
            .or_else(|| field("endpointPrefix"))
            .unwrap_or("a service"),
        field("apiVersion").unwrap_or("unknown")
    );
    if let Some(command) = &options.regenerate_with {
        header.push_str("// Regenerate with: ");
        header.push_str(command);
        header.push('\n');
    }
    header.push('\n');
    header
}

/// Formats `code` with the toolchain's `rustfmt`; `None` when it is not installed or fails.
fn rustfmt(code: &str) -> Option<String> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = code.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8(output.stdout).ok())
        .flatten()
}

/// The `endpoint-rule-set-1.json` (or `.json.gz`) beside a model file, if there is one.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("awso-rules-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("endpoint-rule-set-1.json"), r#"{"version":"1.0"}"#)?;
/// let rules = awso_codegen::read_endpoint_rules(&dir.join("service-2.json"))?;
/// assert_eq!(rules.as_deref(), Some(r#"{"version":"1.0"}"#));
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), awso_codegen::Error>(())
/// ```
pub fn read_endpoint_rules(model_path: &Path) -> Result<Option<String>, Error> {
    let dir = model_path.parent().unwrap_or(Path::new("."));
    for name in ["endpoint-rule-set-1.json", "endpoint-rule-set-1.json.gz"] {
        let path = dir.join(name);
        if path.is_file() {
            return read_model(&path).map(Some);
        }
    }
    Ok(None)
}

/// Reads a model file, gunzipping `.gz` files. A service model (`service-2.json[.gz]`) comes
/// as botocore's loader gives it: with the `merge` object of a `service-2.sdk-extras.json`
/// beside it merged in (S3's `Expires` is a timestamp there, a string in the file), so
/// generated code agrees with the model the AWS CLI and boto3 use.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("awso-extras-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("service-2.json"), r#"{"shapes": {"E": {"type": "string"}, "S": {"type": "string"}}}"#)?;
/// std::fs::write(dir.join("service-2.sdk-extras.json"), r#"{"version": 1.0, "merge": {"shapes": {"E": {"type": "timestamp"}}}}"#)?;
/// let text = awso_codegen::read_model(&dir.join("service-2.json"))?;
/// assert_eq!(text, r#"{"shapes":{"E":{"type":"timestamp"},"S":{"type":"string"}}}"#);
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), awso_codegen::Error>(())
/// ```
pub fn read_model(path: &Path) -> Result<String, Error> {
    let text = read_text(path)?;
    let is_service_model = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n == "service-2.json" || n == "service-2.json.gz");
    let extras = path.with_file_name("service-2.sdk-extras.json");
    if !is_service_model || !extras.is_file() {
        return Ok(text);
    }
    let mut model: awso_core::Document = awso_core::json::from_str(&text).map_err(Error::Model)?;
    let extras: awso_core::Document =
        awso_core::json::from_str(&read_text(&extras)?).map_err(Error::Model)?;
    if let Some(merge) = extras.get("merge") {
        merge_into(&mut model, merge);
    }
    awso_core::json::to_string(&model).map_err(Error::Model)
}

/// Merges `extra` into `base` as botocore merges SDK extras: objects member by member,
/// anything else (lists too) replaced.
fn merge_into(base: &mut awso_core::Document, extra: &awso_core::Document) {
    use awso_core::Document;
    match (base, extra) {
        (Document::Object(base), Document::Object(extra)) => {
            for (key, value) in extra {
                match base.get_mut(key) {
                    Some(slot) => merge_into(slot, value),
                    None => {
                        base.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (base, extra) => *base = extra.clone(),
    }
}

fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes.as_slice()).read_to_string(&mut text)?;
        Ok(text)
    } else {
        String::from_utf8(bytes)
            .map_err(|e| Error::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
    }
}

/// The `data` directory of the installed botocore Python package.
pub fn botocore_data_dir() -> Result<PathBuf, Error> {
    let output = std::process::Command::new("python3")
        .args([
            "-c",
            "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))",
        ])
        .output()?;
    if !output.status.success() {
        return Err(Error::NotFound(
            "botocore is not installed (pip install botocore)".to_owned(),
        ));
    }
    Ok(PathBuf::from(
        String::from_utf8_lossy(&output.stdout).trim(),
    ))
}

/// The newest installed model of `service` (`data/<service>/<version>/service-2.json[.gz]`).
pub fn find_botocore_model(service: &str) -> Result<PathBuf, Error> {
    let dir = botocore_data_dir()?.join(service);
    let mut versions: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|_| Error::NotFound(format!("botocore has no service `{service}`")))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    versions.sort();
    for version in versions.iter().rev() {
        for name in ["service-2.json", "service-2.json.gz"] {
            let path = version.join(name);
            if path.is_file() {
                return Ok(path);
            }
        }
    }
    Err(Error::NotFound(format!(
        "botocore has no model file for `{service}`"
    )))
}

/// Every installed botocore service that has a model, by name.
pub fn installed_services() -> Result<Vec<String>, Error> {
    let mut services: Vec<String> = std::fs::read_dir(botocore_data_dir()?)?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| find_botocore_model(name).is_ok())
        .collect();
    services.sort();
    Ok(services)
}

/// The check behind every crate's regeneration test: regenerates `service` from the installed
/// botocore model (rustfmt on, `command` in the header) and panics when the result is not
/// `committed`, saying how to regenerate. Without botocore it prints `SKIPPED` and returns,
/// except under `CI=true`, where botocore is always installed and its absence is a failure.
///
/// `command` is the header's `awso-codegen <service> [--client] -o <path>` line, so the
/// message can tell the user which `cargo run` writes the file again; with `--client` in it
/// the check generates the client too, as the command does (paginators, waiters and rule set
/// beside the model).
///
/// # Panics
///
/// When the module is stale, when the installed model cannot be read or generated, and under
/// `CI=true` when botocore is missing: it is meant to be called from a test.
///
/// ```no_run
/// awso_codegen::assert_committed_is_fresh(
///     "connectparticipant",
///     "awso-codegen connectparticipant --client -o services/connectparticipant/src/model.rs",
///     include_str!("../../services/connectparticipant/src/model.rs"),
/// );
/// ```
pub fn assert_committed_is_fresh(service: &str, command: &str, committed: &str) {
    let path = match find_botocore_model(service) {
        Ok(path) => path,
        Err(e) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("botocore is required in CI: {e}")
        }
        Err(e) => {
            eprintln!("SKIPPED: cannot regenerate the {service} model: {e}");
            return;
        }
    };
    let text = read_model(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let fail = |e: Error| -> ! { panic!("{}: {e}", path.display()) };
    let mut options = Options {
        rustfmt: true,
        regenerate_with: Some(command.to_owned()),
        ..Options::default()
    };
    if command.split_whitespace().any(|arg| arg == "--client") {
        options.client = Some(
            ClientOptions::default()
                .beside(&path)
                .unwrap_or_else(|e| fail(e)),
        );
        options.endpoint_rules = read_endpoint_rules(&path).unwrap_or_else(|e| fail(e));
    }
    let generated = generate(&text, &options).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let arguments = command.trim_start_matches("awso-codegen ");
    assert!(
        generated.code == committed,
        "the committed {service} module is stale: regenerate it from the workspace root with \
         `cargo run -p awso-codegen -- {arguments}` (from {})",
        path.display()
    );
}

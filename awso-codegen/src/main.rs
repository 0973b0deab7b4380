//! `awso-codegen`: writes the Rust module for a botocore service model.
//!
//! ```text
//! awso-codegen <service name | path to service-2.json[.gz]> [-o OUT.rs] [--docs generated|model]
//!              [--runtime PATH] [--no-rustfmt] [--endpoints]
//!              [--client [--client-runtime PATH]]
//! ```
//!
//! `--client` adds the service's `Client` and `BlockingClient` (awso-client), with the
//! paginators and waiters of the `paginators-1.json` and `waiters-2.json` beside the model.

use std::path::PathBuf;
use std::process::ExitCode;

use awso_codegen::{
    ClientOptions, DocSource, Options, find_botocore_model, generate, read_endpoint_rules,
    read_model,
};

const USAGE: &str = "usage: awso-codegen <service name | path to service-2.json[.gz]> [-o OUT.rs] [--docs generated|model] [--runtime PATH] [--no-rustfmt] [--endpoints] [--client [--client-runtime PATH]] [--operation-visitor]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("awso-codegen: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let command = format!("awso-codegen {}", args.join(" "));
    let mut source = None;
    let mut out: Option<PathBuf> = None;
    let mut options = Options {
        rustfmt: true,
        ..Options::default()
    };
    let mut endpoints = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--out" => out = Some(args.next().ok_or(USAGE)?.into()),
            "--docs" => {
                options.docs = match args.next().as_deref() {
                    Some("generated") => DocSource::Generated,
                    Some("model") => DocSource::Model,
                    _ => return Err(USAGE.to_owned()),
                };
            }
            "--runtime" => {
                let path = args.next().ok_or(USAGE)?;
                options.runtime =
                    syn::parse_str(&path).map_err(|e| format!("--runtime {path}: {e}"))?;
            }
            "--no-rustfmt" => options.rustfmt = false,
            // `visit_operation`: operations found by name, run through their types.
            "--operation-visitor" => options.operation_visitor = true,
            // The rule set beside the model and the operations' endpoint bindings (awso-client).
            "--endpoints" => endpoints = true,
            "--client" => options.client = Some(options.client.take().unwrap_or_default()),
            "--client-runtime" => {
                let path = args.next().ok_or(USAGE)?;
                let runtime =
                    syn::parse_str(&path).map_err(|e| format!("--client-runtime {path}: {e}"))?;
                options.client = Some(ClientOptions {
                    runtime,
                    ..options.client.take().unwrap_or_default()
                });
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if source.is_none() && !arg.starts_with('-') => source = Some(arg),
            _ => return Err(USAGE.to_owned()),
        }
    }
    let source = source.ok_or(USAGE)?;
    options.regenerate_with = Some(command);
    // A path to a model file, or the name of an installed botocore service.
    let path = if source.contains(['/', '.']) {
        PathBuf::from(&source)
    } else {
        find_botocore_model(&source).map_err(|e| e.to_string())?
    };
    let text = read_model(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(client) = options.client.take() {
        options.client = Some(client.beside(&path).map_err(|e| e.to_string())?);
        // A client resolves endpoints by the service's rules: carried whenever they exist.
        if !endpoints {
            options.endpoint_rules =
                read_endpoint_rules(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    if endpoints {
        let rules = read_endpoint_rules(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        options.endpoint_rules =
            Some(rules.ok_or_else(|| format!("no endpoint rule set beside {}", path.display()))?);
    }
    let generated = generate(&text, &options).map_err(|e| e.to_string())?;
    for note in &generated.notes {
        eprintln!("awso-codegen: {note}");
    }
    match out {
        Some(out) => {
            std::fs::write(&out, generated.code).map_err(|e| format!("{}: {e}", out.display()))
        }
        None => {
            print!("{}", generated.code);
            Ok(())
        }
    }
}

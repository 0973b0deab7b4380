//! Generates each sample service whose feature is on into `OUT_DIR/<service>.rs`, from the
//! installed botocore models; with its `<service>-client` feature, the service's client too.

use std::path::{Path, PathBuf};

const SERVICES: &[&str] = &[
    "s3",
    "sqs",
    "sts",
    "ec2",
    "dynamodb",
    "kinesis",
    "lambda",
    "cloudfront",
    "connectparticipant",
    "sns",
    "iam",
];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for service in SERVICES {
        if !feature(service) {
            continue;
        }
        let path =
            awso_codegen::find_botocore_model(service).unwrap_or_else(|e| panic!("{service}: {e}"));
        let text = awso_codegen::read_model(&path).unwrap_or_else(|e| panic!("{service}: {e}"));
        let options = options(service, &path);
        let generated =
            awso_codegen::generate(&text, &options).unwrap_or_else(|e| panic!("{service}: {e}"));
        std::fs::write(out.join(format!("{service}.rs")), generated.code)
            .expect("OUT_DIR is writable");
        println!("cargo::rerun-if-changed={}", path.display());
    }
}

/// Whether cargo turned on the feature `name`.
fn feature(name: &str) -> bool {
    let variable = format!("CARGO_FEATURE_{}", name.to_uppercase().replace('-', "_"));
    std::env::var_os(variable).is_some()
}

/// Shapes and operations for every sample; the client (with the paginators, waiters and
/// endpoint rules beside the model) only where its feature asks for it.
fn options(service: &str, model: &Path) -> awso_codegen::Options {
    // `visit_operation` serves the static differential probe (e2e/src/bin/differential_static);
    // it is generic, so it costs the other users of these modules nothing.
    let mut options = awso_codegen::Options {
        operation_visitor: true,
        ..awso_codegen::Options::default()
    };
    if feature(&format!("{service}-client")) {
        let client = awso_codegen::ClientOptions::default().beside(model);
        options.client = Some(client.unwrap_or_else(|e| panic!("{service}: {e}")));
        let rules =
            awso_codegen::read_endpoint_rules(model).unwrap_or_else(|e| panic!("{service}: {e}"));
        for file in [
            "paginators-1.json",
            "waiters-2.json",
            "endpoint-rule-set-1.json",
        ] {
            for candidate in [file.to_owned(), format!("{file}.gz")] {
                let beside = model.with_file_name(candidate);
                if beside.is_file() {
                    println!("cargo::rerun-if-changed={}", beside.display());
                }
            }
        }
        options.endpoint_rules = rules;
    }
    options
}

//! Generates each sample service whose feature is on into `OUT_DIR/<service>.rs`, from the
//! installed botocore models.

fn main() {
    const SERVICES: &[&str] = &["s3", "sqs", "sts", "ec2", "dynamodb", "kinesis", "lambda", "cloudfront", "connectparticipant", "sns", "iam"];
    // `visit_operation` serves the static differential probe (e2e/src/bin/differential_static);
    // it is generic, so it costs the other users of these modules nothing.
    let options = awso_codegen::Options { operation_visitor: true, ..awso_codegen::Options::default() };
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for service in SERVICES {
        let feature = format!("CARGO_FEATURE_{}", service.to_uppercase());
        if std::env::var_os(&feature).is_none() {
            continue;
        }
        let path = awso_codegen::find_botocore_model(service).unwrap_or_else(|e| panic!("{service}: {e}"));
        let text = awso_codegen::read_model(&path).unwrap_or_else(|e| panic!("{service}: {e}"));
        let generated = awso_codegen::generate(&text, &options).unwrap_or_else(|e| panic!("{service}: {e}"));
        std::fs::write(out.join(format!("{service}.rs")), generated.code).expect("OUT_DIR is writable");
        println!("cargo::rerun-if-changed={}", path.display());
    }
}

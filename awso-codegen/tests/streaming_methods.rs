//! The generated S3 client streams what S3 streams: the methods of operations whose output
//! payload is a `@streaming` blob return `Streamed` (and call `call_streaming`; their fluent
//! forms carry a `StreamingCall`), operations
//! whose input payload is one get a `*_streaming` method taking an `UploadBody`, and every
//! other method is the plain `call`. Without botocore the test is skipped with a message,
//! except in CI.

use std::collections::BTreeSet;

use quote::ToTokens;

/// The methods of the `impl` block of `type_name`: name, return type, body, as text.
fn methods(file: &syn::File, type_name: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for item in &file.items {
        let syn::Item::Impl(block) = item else {
            continue;
        };
        if block.trait_.is_some() || block.self_ty.to_token_stream().to_string() != type_name {
            continue;
        }
        for item in &block.items {
            if let syn::ImplItem::Fn(method) = item {
                out.push((
                    method.sig.ident.to_string(),
                    method.sig.output.to_token_stream().to_string(),
                    method.block.to_token_stream().to_string(),
                ));
            }
        }
    }
    out
}

#[test]
fn s3_streams_exactly_its_streaming_payloads() {
    let path = match awso_codegen::find_botocore_model("s3") {
        Ok(path) => path,
        Err(e) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("botocore is required in CI: {e}")
        }
        Err(e) => {
            eprintln!("SKIPPED: no botocore S3 model: {e}");
            return;
        }
    };
    let text = awso_codegen::read_model(&path).unwrap();
    let options = awso_codegen::Options {
        client: Some(awso_codegen::ClientOptions::default()),
        ..awso_codegen::Options::default()
    };
    let generated = awso_codegen::generate(&text, &options).unwrap();
    let file = syn::parse_file(&generated.code).unwrap();
    // What the model says, read apart from the generator: the operations whose output or
    // input payload member is a streaming blob (S3's names are already Rust type names).
    let model = awso_core::dynamic::Model::from_botocore(&text).unwrap();
    let (mut downloads, mut uploads) = (BTreeSet::new(), BTreeSet::new());
    for (name, op) in model.operations() {
        if awso_core::protocol::streaming_payload(op.output()).is_some() {
            downloads.insert(name.to_owned());
        }
        if awso_core::protocol::streaming_payload(op.input()).is_some() {
            uploads.insert(name.to_owned());
        }
    }
    assert!(downloads.contains("GetObject") && uploads.contains("PutObject"));
    assert!(uploads.contains("UploadPart"));
    for (client, body_type) in [
        ("Client", "ByteStream"),
        ("BlockingClient", "BlockingByteStream"),
    ] {
        let methods = methods(&file, client);
        let called = |call: &str| -> BTreeSet<String> {
            let marker = format!("{call} :: < ");
            methods
                .iter()
                .filter_map(|(_, _, body)| {
                    let rest = &body[body.find(&marker)? + marker.len()..];
                    Some(rest.split(' ').next()?.to_owned())
                })
                .collect()
        };
        assert_eq!(
            called("call_streaming"),
            downloads,
            "{client}: streamed answers"
        );
        assert_eq!(called("call_upload"), uploads, "{client}: streamed uploads");
        for (name, output, body) in &methods {
            if body.contains("call_streaming") {
                assert!(
                    output.contains("Streamed"),
                    "{client}::{name} returns {output}"
                );
            }
            if body.contains("call_upload") {
                assert!(name.ends_with("_streaming"), "{client}::{name}");
            }
        }
        let (_, output, _) = methods
            .iter()
            .find(|(n, _, _)| n == "get_object_with")
            .unwrap();
        if client == "BlockingClient" {
            assert!(output.contains(body_type), "{output}");
        }
        // The fluent form sends through the streaming call too.
        let (_, output, _) = methods.iter().find(|(n, _, _)| n == "get_object").unwrap();
        assert!(
            output.contains("StreamingCall"),
            "{client}::get_object: {output}"
        );
        let (_, output, body) = methods
            .iter()
            .find(|(n, _, _)| n == "put_object_with")
            .unwrap();
        assert!(
            !output.contains("Streamed") && body.contains("call :: <"),
            "{body}"
        );
    }
}

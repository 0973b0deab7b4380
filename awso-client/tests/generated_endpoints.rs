//! Generated code carries its rule set and endpoint bindings, and the call uses them: a small
//! model of our own (`generated_support/`) generated with `--endpoints` and compiled here,
//! then called through a transport that records requests (nothing is sent). Also: botocore's
//! own rule sets of a few services come out of the generator minified and still parse.

#[allow(
    clippy::all,
    clippy::pedantic,
    missing_docs,
    dead_code,
    unreachable_pub
)]
#[path = "generated_support/things.rs"]
mod things;

mod recording;

use std::path::Path;

use awso_client::client::{Client, Config, ErrorKind, ServiceSpec};
use awso_client::credentials::Credentials;
use awso_client::endpoint::RuleSet;
use awso_client::sign::AuthScheme;
use awso_codegen::{Options, generate, read_endpoint_rules, read_model};
use recording::{FixedClock, Recorder};

const SUPPORT: &str = "tests/generated_support";
/// Formatted by rustfmt, as `cargo fmt` leaves it.
const COMMAND: &str = "awso-codegen awso-client/tests/generated_support/service-2.json --endpoints -o awso-client/tests/generated_support/things.rs";

fn options_with_rules(rules: String, command: Option<&str>) -> Options {
    Options {
        endpoint_rules: Some(rules),
        regenerate_with: command.map(str::to_owned),
        ..Options::default()
    }
}

#[test]
fn the_committed_module_is_what_the_generator_writes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SUPPORT);
    let model = read_model(&dir.join("service-2.json")).unwrap();
    let rules = read_endpoint_rules(&dir.join("service-2.json"))
        .unwrap()
        .expect("the rule set beside the model");
    let options = Options {
        rustfmt: true,
        ..options_with_rules(rules, Some(COMMAND))
    };
    let generated = generate(&model, &options).unwrap();
    assert!(
        generated.code == include_str!("generated_support/things.rs"),
        "tests/generated_support/things.rs is stale: run `{COMMAND}` at the workspace root"
    );
}

#[test]
fn without_rules_the_output_has_no_endpoint_items() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SUPPORT);
    let model = read_model(&dir.join("service-2.json")).unwrap();
    let code = generate(&model, &Options::default()).unwrap().code;
    assert!(!code.contains("ENDPOINT_RULES") && !code.contains("awso_client"));
}

#[test]
fn the_embedded_rules_are_the_model_files_minified() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SUPPORT);
    let text = std::fs::read_to_string(dir.join("endpoint-rule-set-1.json")).unwrap();
    let embedded = things::ENDPOINT_RULES.json();
    assert!(embedded.len() < text.len() && !embedded.contains('\n'));
    let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
    assert_eq!(parse(embedded), parse(&text));
    assert!(things::ENDPOINT_RULES.get().is_ok());
}

static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth)
    .with_rules(&things::ENDPOINT_RULES)
    .with_bindings(&things::ENDPOINT_BINDINGS);

/// The model's SigV4 (the static above signs nothing, to show the rules are what matters
/// for the URL alone).
fn signed_spec() -> &'static ServiceSpec {
    let spec = ServiceSpec::new("things", recording::s3_sigv4())
        .with_rules(&things::ENDPOINT_RULES)
        .with_bindings(&things::ENDPOINT_BINDINGS);
    Box::leak(Box::new(spec))
}

fn client(recorder: &Recorder, endpoint: Option<&str>) -> Client {
    let mut config = Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKIDEXAMPLE", "secret"))
        .clock(FixedClock)
        .http_client(recorder.clone());
    if let Some(url) = endpoint {
        config = config.endpoint_url(url);
    }
    Client::new(config.build())
}

#[tokio::test]
async fn member_and_static_bindings_reach_the_rules_and_the_signer() {
    let recorder = Recorder::default();
    let input = things::GetThingRequest {
        bucket: "b1".to_owned(),
        key: "k/x".to_owned(),
    };
    client(&recorder, Some("http://127.0.0.1:9"))
        .call::<things::GetThing>(signed_spec(), &input)
        .await
        .unwrap();
    let sent = recorder.0.lock().unwrap();
    // The rules put the bucket in the URL's path; the template's `/{Bucket}` is dropped.
    assert_eq!(sent[0].uri(), "http://127.0.0.1:9/b1/k/x");
    let auth = sent[0].headers()["authorization"].to_str().unwrap();
    // `things-{Mode}` with the static `Mode` = `data`; `eu-{Region}` from the client's region.
    assert!(
        auth.contains("/20150830/eu-us-west-2/things-data/aws4_request"),
        "{auth}"
    );
}

#[tokio::test]
async fn path_bindings_read_the_typed_input() {
    let recorder = Recorder::default();
    let item = |name: &str| things::Item {
        name: Some(name.to_owned()),
    };
    let input = things::ListThingsRequest {
        items: Some(vec![item("first"), item("second")]),
        blob: Some(awso_core::Blob::from(vec![7_u8; 1024])),
    };
    client(&recorder, Some("http://127.0.0.1:9"))
        .call::<things::ListThings>(&SPEC, &input)
        .await
        .unwrap();
    let sent = recorder.0.lock().unwrap();
    assert_eq!(sent[0].uri(), "http://127.0.0.1:9/list");
    assert_eq!(sent[0].headers()["x-first-name"], "first");
}

#[tokio::test]
async fn a_rule_error_comes_back_as_the_endpoint_kind() {
    let recorder = Recorder::default();
    let input = things::GetThingRequest {
        bucket: "b1".to_owned(),
        key: "k".to_owned(),
    };
    let error = client(&recorder, None)
        .call::<things::GetThing>(&SPEC, &input)
        .await
        .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Endpoint(_)), "{error}");
    assert!(
        error
            .to_string()
            .contains("Things needs an endpoint for us-west-2"),
        "{error}"
    );
    assert!(recorder.0.lock().unwrap().is_empty());
}

/// botocore's rule sets of services with every kind of binding: generated, minified, parsed.
#[test]
fn botocore_rule_sets_come_out_minified_and_parse() {
    let mut checked = 0;
    for service in ["s3", "dynamodb", "kinesis", "s3control"] {
        let path = match awso_codegen::find_botocore_model(service) {
            Ok(path) => path,
            Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
                eprintln!("skipped {service}: {e}");
                continue;
            }
            Err(e) => panic!("{service} is needed in CI: {e}"),
        };
        let model = read_model(&path).unwrap();
        let rules = read_endpoint_rules(&path).unwrap().expect("a rule set");
        let code = generate(&model, &options_with_rules(rules.clone(), None))
            .unwrap()
            .code;
        let embedded = embedded_rules(&code);
        let parsed = RuleSet::from_json(&embedded).expect("the embedded rules parse");
        assert!(parsed.parameter_for_built_in("AWS::Region").is_some());
        println!(
            "{service}: rule set {} bytes, embedded {} bytes",
            rules.len(),
            embedded.len()
        );
        assert!(embedded.len() < rules.len());
        checked += 1;
    }
    println!("generated endpoint rule sets checked: {checked}");
}

/// The text of the `ENDPOINT_RULES` literal in generated code.
fn embedded_rules(code: &str) -> String {
    let file = syn::parse_file(code).unwrap();
    for item in file.items {
        if let syn::Item::Static(item) = item {
            if item.ident == "ENDPOINT_RULES" {
                let syn::Expr::Call(call) = *item.expr else {
                    panic!("a call")
                };
                let Some(syn::Expr::Lit(lit)) = call.args.first() else {
                    panic!("a literal")
                };
                let syn::Lit::Str(text) = &lit.lit else {
                    panic!("a string")
                };
                return text.value();
            }
        }
    }
    panic!("no ENDPOINT_RULES in the generated code")
}

//! botocore's endpoint rule test suites, run against `awso_client::endpoint`.
//!
//! Reads every `<service>/` folder of the directory named by `AWSO_ENDPOINT_TESTS` (default
//! `../shared/endpoint-tests` from the workspace root), each holding `endpoint-rule-set-1.json`
//! and `endpoint-tests-1.json`, with `partitions.json` beside them. Every case is resolved from
//! its `params`; a case with `operationInputs` is resolved a second time from each operation
//! input through the service model's bindings (the botocore model found by `AWSO_BOTOCORE_DATA`
//! or the installed botocore package), counted on a line of its own. Skips are listed with
//! their reasons in `tests/endpoint-skips.json`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use awso_client::endpoint::{Endpoint, Params, Partitions, ResolveError, RuleSet, Value};
use serde_json::Value as Json;

mod endpoint_suite_support;
use endpoint_suite_support::{Models, Skips, Tally};

fn main() -> ExitCode {
    let started = Instant::now();
    let Some(dir) = suite_dir() else {
        return ExitCode::SUCCESS;
    };
    let partitions = match std::fs::read_to_string(dir.join("partitions.json"))
        .map_err(|e| e.to_string())
        .and_then(|text| Partitions::from_json(&text).map_err(|e| e.to_string()))
    {
        Ok(partitions) => partitions,
        Err(e) => {
            eprintln!(
                "endpoints: cannot read {}/partitions.json: {e}",
                dir.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let skips = Skips::load();
    let models = Models::locate();
    let mut plain = Tally::default();
    let mut inputs = Tally::default();
    for service in services(&dir) {
        let suite = Suite {
            name: &service,
            dir: &dir.join(&service),
            partitions: &partitions,
        };
        suite.run(&skips, &models, &mut plain, &mut inputs);
    }
    plain.print("endpoints");
    inputs.print("endpoints operationInputs");
    println!("endpoints: took {:.2?}", started.elapsed());
    let unused = skips.unused();
    if !unused.is_empty() {
        println!("endpoints: skips that matched no case: {unused:?}");
    }
    if plain.failed + inputs.failed > 0 || !unused.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The suite directory, or `None` (after saying so) when it is absent outside CI.
fn suite_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("AWSO_ENDPOINT_TESTS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/endpoint-tests"),
    };
    if dir.join("partitions.json").is_file() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        eprintln!(
            "endpoints: suite not found at {} (set AWSO_ENDPOINT_TESTS)",
            dir.display()
        );
        std::process::exit(1);
    }
    println!(
        "endpoints: suite not found at {}; nothing run",
        dir.display()
    );
    None
}

fn services(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().join("endpoint-tests-1.json").is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

struct Suite<'a> {
    name: &'a str,
    dir: &'a Path,
    partitions: &'a Partitions,
}

impl Suite<'_> {
    fn run(&self, skips: &Skips, models: &Models, plain: &mut Tally, inputs: &mut Tally) {
        let cases = match self.load() {
            Ok(loaded) => loaded,
            Err(e) => {
                plain.fail(self.name, "(the service's files)", e);
                return;
            }
        };
        let (rules, cases) = cases;
        // Models are large: read only for suites with operation inputs.
        let mut model = None;
        for case in &cases {
            let doc = case
                .get("documentation")
                .and_then(Json::as_str)
                .unwrap_or("(undocumented)");
            if let Some(reason) = skips.reason(self.name, doc) {
                plain.skip(reason);
                continue;
            }
            let outcome = params_of(case.get("params")).and_then(|params| {
                check(&rules.resolve(&params, self.partitions), &case["expect"])
            });
            plain.record(self.name, doc, outcome);
            let Some(operation_inputs) = case.get("operationInputs").and_then(Json::as_array)
            else {
                continue;
            };
            for input in operation_inputs {
                let model = model.get_or_insert_with(|| models.service(self.name));
                let operation = input
                    .get("operationName")
                    .and_then(Json::as_str)
                    .unwrap_or_default();
                let skip = model
                    .as_ref()
                    .ok()
                    .and_then(|m| skips.operation_reason(self.name, operation, m));
                if let Some(reason) = skip {
                    inputs.skip(reason);
                    continue;
                }
                let outcome = match model {
                    Ok(model) => {
                        endpoint_suite_support::bind(&rules, model, input).and_then(|params| {
                            check(&rules.resolve(&params, self.partitions), &case["expect"])
                        })
                    }
                    Err(e) => Err(e.clone()),
                };
                inputs.record(self.name, doc, outcome);
            }
        }
    }

    fn load(&self) -> Result<(RuleSet, Vec<Json>), String> {
        let read = |file: &str| {
            std::fs::read_to_string(self.dir.join(file)).map_err(|e| format!("{file}: {e}"))
        };
        let rules =
            RuleSet::from_json(&read("endpoint-rule-set-1.json")?).map_err(|e| e.to_string())?;
        let tests: Json = serde_json::from_str(&read("endpoint-tests-1.json")?)
            .map_err(|e| format!("endpoint-tests-1.json: {e}"))?;
        let cases = tests
            .get("testCases")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        Ok((rules, cases))
    }
}

fn params_of(json: Option<&Json>) -> Result<Params, String> {
    let mut params = Params::new();
    for (name, value) in json.and_then(Json::as_object).into_iter().flatten() {
        let value = Value::from_json(value).ok_or_else(|| format!("param {name}: not a value"))?;
        params.set(name, value);
    }
    Ok(params)
}

/// Compares a resolution with a case's `expect`, describing the first difference.
fn check(got: &Result<Endpoint, ResolveError>, expect: &Json) -> Result<(), String> {
    match (
        got,
        expect.get("endpoint"),
        expect.get("error").and_then(Json::as_str),
    ) {
        (Ok(endpoint), Some(want), _) => compare_endpoint(endpoint, want),
        (Err(e), _, Some(want)) if e.message() == want => Ok(()),
        (Err(e), _, Some(want)) => Err(format!("error {:?}, expected error {want:?}", e.message())),
        (Err(e), Some(_), _) => Err(format!("error {:?}, expected an endpoint", e.message())),
        (Ok(endpoint), None, Some(want)) => Err(format!(
            "endpoint {}, expected error {want:?}",
            endpoint.url()
        )),
        (_, None, None) => Err("the case expects neither an endpoint nor an error".to_owned()),
    }
}

/// A value as compact JSON, for readable differences.
fn json_text(value: &Value) -> String {
    fn to_json(value: &Value) -> Json {
        match value {
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(n) => Json::from(*n),
            Value::String(s) => Json::String(s.clone()),
            Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
            Value::Object(members) => Json::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), to_json(v)))
                    .collect(),
            ),
        }
    }
    to_json(value).to_string()
}

fn compare_endpoint(got: &Endpoint, want: &Json) -> Result<(), String> {
    let url = want.get("url").and_then(Json::as_str).unwrap_or_default();
    let mut diff = String::new();
    if got.url() != url {
        let _ = write!(diff, "url {:?}, expected {url:?}; ", got.url());
    }
    let want_props = match want.get("properties") {
        Some(json) => Value::from_json(json),
        None => Some(Value::Object(BTreeMap::new())),
    };
    let got_props = Value::Object(got.properties().clone());
    if want_props.as_ref() != Some(&got_props) {
        let want_text = want
            .get("properties")
            .map_or_else(|| "{}".to_owned(), Json::to_string);
        let _ = write!(
            diff,
            "properties {}, expected {want_text}; ",
            json_text(&got_props)
        );
    }
    let want_headers: BTreeMap<String, Vec<String>> = want
        .get("headers")
        .map(|h| serde_json::from_value(h.clone()).unwrap_or_default())
        .unwrap_or_default();
    if &want_headers != got.headers() {
        let _ = write!(
            diff,
            "headers {:?}, expected {want_headers:?}; ",
            got.headers()
        );
    }
    if diff.is_empty() { Ok(()) } else { Err(diff) }
}

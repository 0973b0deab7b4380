//! The endpoint suite's bookkeeping: counts, skips, botocore models and operation inputs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use awso_client::endpoint::binding::{OperationBindings, bind_built_ins};
use awso_client::endpoint::{Params, RuleSet, Value};
use serde_json::Value as Json;

/// Passes, failures (first failing case per service) and skips of one kind of case.
#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) passed: usize,
    pub(crate) failed: usize,
    pub(crate) skipped: usize,
    /// Service -> (failures, first failing case's documentation, its difference).
    failures: BTreeMap<String, (usize, String, String)>,
    skip_reasons: BTreeMap<String, usize>,
}

impl Tally {
    pub(crate) fn record(&mut self, service: &str, doc: &str, outcome: Result<(), String>) {
        match outcome {
            Ok(()) => self.passed += 1,
            Err(diff) => self.fail(service, doc, diff),
        }
    }

    pub(crate) fn fail(&mut self, service: &str, doc: &str, diff: String) {
        self.failed += 1;
        let entry = self
            .failures
            .entry(service.to_owned())
            .or_insert_with(|| (0, doc.to_owned(), diff));
        entry.0 += 1;
    }

    pub(crate) fn skip(&mut self, reason: &str) {
        self.skipped += 1;
        *self.skip_reasons.entry(reason.to_owned()).or_default() += 1;
    }

    pub(crate) fn print(&self, label: &str) {
        for (service, (count, doc, diff)) in &self.failures {
            println!("  FAIL {service}: {count} case(s); first {doc:?}: {diff}");
        }
        for (reason, count) in &self.skip_reasons {
            println!("  skipped {count}: {reason}");
        }
        println!(
            "{label}: {} passed, {} failed, {} skipped",
            self.passed, self.failed, self.skipped
        );
    }
}

/// `tests/endpoint-skips.json`, the one list of skips: `{"service", "documentation", "reason"}`
/// skips a case; `{"service", "operation", "reason"}` skips that operation's inputs only while
/// the botocore model in use lacks the operation (an installed botocore older than the suite).
pub(crate) struct Skips {
    entries: Vec<(String, String, String)>,
    operations: Vec<(String, String, String)>,
    used: Mutex<Vec<bool>>,
}

impl Skips {
    pub(crate) fn load() -> Skips {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/endpoint-skips.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| "[]".to_owned());
        let json: Json = serde_json::from_str(&text).unwrap_or(Json::Array(Vec::new()));
        let field = |e: &Json, k: &str| {
            e.get(k)
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let all = json.as_array().map(Vec::as_slice).unwrap_or_default();
        let triples = |key: &str| -> Vec<_> {
            all.iter()
                .filter(|e| e.get(key).is_some())
                .map(|e| (field(e, "service"), field(e, key), field(e, "reason")))
                .collect()
        };
        let entries = triples("documentation");
        let operations = triples("operation");
        let used = Mutex::new(vec![false; entries.len()]);
        Skips {
            entries,
            operations,
            used,
        }
    }

    /// The reason to skip `operation`'s inputs, if listed and absent from `model`.
    pub(crate) fn operation_reason(
        &self,
        service: &str,
        operation: &str,
        model: &Json,
    ) -> Option<&str> {
        let (_, _, reason) = self
            .operations
            .iter()
            .find(|(s, o, _)| s == service && o == operation)?;
        model
            .get("operations")?
            .get(operation)
            .is_none()
            .then_some(reason.as_str())
    }

    pub(crate) fn reason(&self, service: &str, doc: &str) -> Option<&str> {
        let at = self
            .entries
            .iter()
            .position(|(s, d, _)| s == service && d == doc)?;
        if let Ok(mut used) = self.used.lock() {
            used[at] = true;
        }
        Some(&self.entries[at].2)
    }

    /// Skips that matched no case: stale entries hide nothing and must go.
    pub(crate) fn unused(&self) -> Vec<String> {
        let used = self.used.lock().map(|u| u.clone()).unwrap_or_default();
        self.entries
            .iter()
            .zip(used)
            .filter(|(_, used)| !used)
            .map(|((s, d, _), _)| format!("{s}: {d}"))
            .collect()
    }
}

/// Where the botocore service models are: `AWSO_BOTOCORE_DATA`, else the installed package.
pub(crate) struct Models {
    data: Result<PathBuf, String>,
}

impl Models {
    pub(crate) fn locate() -> Models {
        let data = match std::env::var_os("AWSO_BOTOCORE_DATA") {
            Some(dir) => Ok(PathBuf::from(dir)),
            None => awso_codegen::botocore_data_dir().map_err(|e| e.to_string()),
        };
        Models { data }
    }

    /// The newest model of `service`, parsed.
    pub(crate) fn service(&self, service: &str) -> Result<Json, String> {
        let data = self.data.as_ref().map_err(Clone::clone)?;
        let mut versions: Vec<PathBuf> = std::fs::read_dir(data.join(service))
            .map_err(|e| format!("no botocore model for {service}: {e}"))?
            .filter_map(|e| Some(e.ok()?.path()))
            .collect();
        versions.sort();
        let path = versions
            .iter()
            .rev()
            .flat_map(|v| [v.join("service-2.json.gz"), v.join("service-2.json")])
            .find(|p| p.is_file())
            .ok_or_else(|| format!("no botocore model file for {service}"))?;
        let text = awso_codegen::read_model(&path).map_err(|e| e.to_string())?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// The parameters of one `operationInputs` entry: built-ins, then the operation's bindings.
pub(crate) fn bind(rules: &RuleSet, model: &Json, input: &Json) -> Result<Params, String> {
    let operation = input
        .get("operationName")
        .and_then(Json::as_str)
        .unwrap_or_default();
    let bindings = OperationBindings::from_model(model, operation).map_err(|e| e.to_string())?;
    let mut params = Params::new();
    let built_ins = input
        .get("builtInParams")
        .and_then(Json::as_object)
        .into_iter()
        .flatten();
    let built_ins = built_ins.filter_map(|(k, v)| Some((k.as_str(), Value::from_json(v)?)));
    bind_built_ins(rules, built_ins, &mut params);
    for (name, value) in input
        .get("clientParams")
        .and_then(Json::as_object)
        .into_iter()
        .flatten()
    {
        if let Some(value) = Value::from_json(value) {
            params.set(name, value);
        }
    }
    let empty = Json::Object(serde_json::Map::new());
    let operation_params = input.get("operationParams").unwrap_or(&empty);
    let input = Value::from_json(operation_params).ok_or("operationParams: not a value")?;
    bindings.apply(&input, &mut params);
    Ok(params)
}

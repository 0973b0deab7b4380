//! Generates Rust types for every protocol test group (the static conformance mode): each
//! group's shapes and operation become a module written by awso-codegen, and a registry lists
//! the operations of every group, by file and group index.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use awso_core::Document;

// The model of one case, as the harness's dynamic mode reads it too.
#[path = "src/case_model.rs"]
#[allow(unreachable_pub)]
mod case_model;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let dir = std::env::var_os("AWSO_PROTOCOL_TESTS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/protocol-tests"),
        PathBuf::from,
    );
    println!("cargo::rerun-if-env-changed=AWSO_PROTOCOL_TESTS");
    println!("cargo::rerun-if-changed={}", dir.display());
    let code = match generate_groups(&dir) {
        Some(code) => code,
        None => "pub(crate) const AVAILABLE: bool = false;\npub(crate) fn groups() -> Vec<Group> { Vec::new() }\n".to_owned(),
    };
    std::fs::write(out.join("static_groups.rs"), code).expect("OUT_DIR is writable");
}

fn generate_groups(dir: &Path) -> Option<String> {
    let mut modules = String::new();
    let mut registry = String::from("pub(crate) fn groups() -> Vec<Group> {\n    vec![\n");
    let mut any = false;
    for kind in ["input", "output"] {
        let Ok(entries) = std::fs::read_dir(dir.join(kind)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for path in files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
        {
            println!("cargo::rerun-if-changed={}", path.display());
            let name = format!("{kind}/{}", path.file_name()?.to_string_lossy());
            any = true;
            // A file that is not JSON has no groups here; the harness reports it when it
            // reads the file.
            let Some(doc) = std::fs::read_to_string(path)
                .ok()
                .and_then(|text| awso_core::json::from_str::<Document>(&text).ok())
            else {
                continue;
            };
            for (index, group) in doc.as_array().unwrap_or_default().iter().enumerate() {
                for (k, (cases, case)) in operation_models(group).into_iter().enumerate() {
                    let module = format!(
                        "g_{}_{index}_{k}",
                        name.replace(['/', '.', '-'], "_").trim_end_matches("_json")
                    );
                    let runner = match generate_case(group, case, &module, &mut modules) {
                        Ok(operation) => {
                            format!("Ok(|| Box::new(Typed::<{module}::{operation}>::new()))")
                        }
                        Err(reason) => format!("Err({reason:?})"),
                    };
                    let _ = writeln!(
                        registry,
                        "        Group {{ file: {name:?}, index: {index}, cases: &{cases:?}, runner: {runner} }},"
                    );
                }
            }
        }
    }
    registry.push_str("    ]\n}\n");
    any.then(|| format!("pub(crate) const AVAILABLE: bool = true;\n\n{modules}\n{registry}"))
}

/// The group's cases grouped by operation model (`given`): the case indices of each, and
/// the first such case. botocore's older suites vary `given` within a group.
fn operation_models(group: &Document) -> Vec<(Vec<usize>, &Document)> {
    let cases = group
        .get("cases")
        .and_then(Document::as_array)
        .unwrap_or_default();
    let mut models: Vec<(Vec<usize>, &Document)> = Vec::new();
    for (c, case) in cases.iter().enumerate() {
        let given = case.get("given");
        match models
            .iter_mut()
            .find(|(_, first)| first.get("given") == given)
        {
            Some((indices, _)) => indices.push(c),
            None => models.push((vec![c], case)),
        }
    }
    models
}

/// Writes `module`, the types of one case's model, and gives its operation's Rust name; or
/// says why there are none (the protocol is one awso does not implement, or the generator
/// refused the model): those cases then fail with that reason rather than the build.
fn generate_case(
    group: &Document,
    case: &Document,
    module: &str,
    modules: &mut String,
) -> Result<String, String> {
    let metadata = group.get("metadata").ok_or("the group has no metadata")?;
    let protocol = metadata
        .get("protocol")
        .and_then(Document::as_str)
        .ok_or("the group names no protocol")?;
    let json_version = metadata.get("jsonVersion").and_then(Document::as_str);
    awso_core::protocol::Protocol::from_botocore(protocol, json_version)
        .ok_or("the group's protocol is not supported")?;
    let (model, _) = case_model::case_model(group, case)?;
    let generated = awso_codegen::generate_document(&model, &awso_codegen::Options::default())
        .map_err(|e| format!("the generator refused the case's model: {e}"))?;
    let operation = generated
        .operations
        .first()
        .ok_or("the generator wrote no operation")?
        .rust_name
        .clone();
    let _ = writeln!(
        modules,
        "#[allow(dead_code, unreachable_pub, clippy::all, clippy::pedantic, missing_docs)]\npub(crate) mod {module} {{\n{}\n}}\n",
        generated.code
    );
    Ok(operation)
}

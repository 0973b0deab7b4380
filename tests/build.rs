//! Generates Rust types for every protocol test group (the static conformance mode): each
//! group's shapes and operation become a module written by awso-codegen, and a registry lists
//! the operations of every group, by file and group index.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use awso_core::Document;

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
            let text = std::fs::read_to_string(path).ok()?;
            let doc: Document = awso_core::json::from_str(&text).ok()?;
            for (index, group) in doc.as_array().unwrap_or_default().iter().enumerate() {
                let Some((module, operation)) = generate_group(group, &name, index, &mut modules)
                else {
                    continue;
                };
                any = true;
                let _ = writeln!(
                    registry,
                    "        Group {{ file: {name:?}, index: {index}, operation: {operation:?}, runner: || Box::new(Typed::<{module}::{operation}>::new()) }},"
                );
            }
        }
    }
    registry.push_str("    ]\n}\n");
    any.then(|| format!("pub(crate) const AVAILABLE: bool = true;\n\n{modules}\n{registry}"))
}

/// Writes the module of one group; its name and its operation's Rust name. Groups of
/// protocols awso does not implement are left out.
fn generate_group(
    group: &Document,
    file: &str,
    index: usize,
    modules: &mut String,
) -> Option<(String, String)> {
    let metadata = group.get("metadata")?;
    let protocol = metadata.get("protocol").and_then(Document::as_str)?;
    let json_version = metadata.get("jsonVersion").and_then(Document::as_str);
    awso_core::protocol::Protocol::from_botocore(protocol, json_version)?;
    let given = group.get("cases")?.as_array()?.first()?.get("given")?;
    let op_name = given.get("name")?.as_str()?.to_owned();
    let mut model = indexmap::IndexMap::new();
    model.insert("metadata".to_owned(), metadata.clone());
    model.insert("shapes".to_owned(), group.get("shapes")?.clone());
    let mut operations = indexmap::IndexMap::new();
    operations.insert(op_name.clone(), given.clone());
    model.insert("operations".to_owned(), Document::Object(operations));
    let generated = awso_codegen::generate_document(
        &Document::Object(model),
        &awso_codegen::Options::default(),
    )
    .unwrap_or_else(|e| panic!("{file} group {index}: {e}"));
    let operation = generated.operations.first()?.rust_name.clone();
    let module = format!(
        "g_{}_{index}",
        file.replace(['/', '.', '-'], "_").trim_end_matches("_json")
    );
    let _ = writeln!(
        modules,
        "#[allow(dead_code, unreachable_pub, clippy::all, clippy::pedantic, missing_docs)]\npub(crate) mod {module} {{\n{}\n}}\n",
        generated.code
    );
    Some((module, operation))
}

//! Finding the suites, the skip list, running a file, counting.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use awso_core::Document;
use awso_core::dynamic::Model;

use crate::runner::{Dynamic, Runner};

/// The suite directory, or `None` (after saying why) when it is missing outside CI.
pub(crate) fn directory() -> Option<PathBuf> {
    let dir = std::env::var_os("AWSO_PROTOCOL_TESTS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/protocol-tests"),
        PathBuf::from,
    );
    if dir.join("input").is_dir() || dir.join("output").is_dir() {
        return Some(dir);
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let message = format!(
        "the protocol test suites are not at {} (set AWSO_PROTOCOL_TESTS)",
        dir.display()
    );
    if ci {
        eprintln!("conformance: FAILED: {message}");
        std::process::exit(1);
    }
    println!("conformance: SKIPPED ALL CASES: {message}");
    None
}

/// `input/*.json` then `output/*.json`, as `input/name.json`.
pub(crate) fn files(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for kind in ["input", "output"] {
        let Ok(entries) = std::fs::read_dir(dir.join(kind)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| {
                Path::new(name)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            })
            .collect();
        names.sort();
        files.extend(names.into_iter().map(|name| format!("{kind}/{name}")));
    }
    files
}

/// Pass, fail and skip counts.
#[derive(Default, Clone, Copy)]
pub(crate) struct Tally {
    pub(crate) passed: usize,
    pub(crate) failed: usize,
    pub(crate) skipped: usize,
}

impl Tally {
    pub(crate) fn add(&mut self, other: &Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} passed, {} failed, {} skipped",
            self.passed, self.failed, self.skipped
        )
    }
}

/// The skip list: `tests/conformance-skips.json`.
pub(crate) struct Skips {
    cases: Vec<(String, String)>,
    files: Vec<(String, String)>,
    used: RefCell<BTreeSet<String>>,
}

impl Skips {
    pub(crate) fn load() -> Result<Self, String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("conformance-skips.json");
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc: Document = awso_core::json::from_str(&text).map_err(|e| e.to_string())?;
        let entries = |key: &str, name: &str| -> Result<Vec<(String, String)>, String> {
            let list = doc
                .get(key)
                .and_then(Document::as_array)
                .unwrap_or_default();
            list.iter()
                .map(|entry| {
                    let id = entry.get(name).and_then(Document::as_str);
                    let reason = entry.get("reason").and_then(Document::as_str);
                    match (id, reason) {
                        (Some(id), Some(reason)) if !reason.trim().is_empty() => {
                            Ok((id.to_owned(), reason.to_owned()))
                        }
                        _ => Err(format!("a `{key}` entry needs `{name}` and a `reason`")),
                    }
                })
                .collect()
        };
        Ok(Self {
            cases: entries("cases", "id")?,
            files: entries("files", "prefix")?,
            used: RefCell::new(BTreeSet::new()),
        })
    }

    /// The reason to skip case `id` of `file`, if it is listed.
    fn reason(&self, file: &str, id: &str) -> Option<&str> {
        let name = file.split_once('/').map_or(file, |(_, name)| name);
        if let Some((prefix, reason)) = self
            .files
            .iter()
            .find(|(prefix, _)| name.starts_with(prefix.as_str()))
        {
            self.used.borrow_mut().insert(prefix.clone());
            return Some(reason);
        }
        let (case, reason) = self.cases.iter().find(|(case, _)| case == id)?;
        self.used.borrow_mut().insert(case.clone());
        Some(reason)
    }

    /// Entries that skipped nothing: stale, and so an error.
    pub(crate) fn unused(&self) -> Vec<String> {
        let used = self.used.borrow();
        self.cases
            .iter()
            .map(|(id, _)| id)
            .chain(self.files.iter().map(|(prefix, _)| prefix))
            .filter(|id| !used.contains(*id))
            .cloned()
            .collect()
    }
}

/// Which mode a file runs in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Dynamic,
    Static,
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Dynamic => "dynamic",
            Self::Static => "static",
        })
    }
}

/// The runner of case `c` of group `g` of `file` in `mode`: the group's shapes with the
/// case's own operation model.
fn runner(
    mode: Mode,
    file: &str,
    (g, c): (usize, usize),
    group: &Document,
    case: &Document,
) -> Result<Box<dyn Runner>, String> {
    match mode {
        Mode::Dynamic => {
            let (doc, name) = awso_tests::case_model::case_model(group, case)?;
            let model = Model::from_document(&doc)
                .map_err(|e| format!("cannot build the case's model: {e}"))?;
            let service = *model
                .service()
                .ok_or("the group's protocol is not supported")?;
            let operation = *model.operation(&name).ok_or("the model has no operation")?;
            Ok(Box::new(Dynamic { service, operation }))
        }
        Mode::Static => {
            let group = crate::static_mode::groups()
                .into_iter()
                .find(|group| group.file == file && group.index == g && group.cases.contains(&c))
                .ok_or("no generated types for this case")?;
            group.runner.map(|runner| runner()).map_err(str::to_owned)
        }
    }
}

/// Runs every case of one file in `mode`.
pub(crate) fn run_file(dir: &Path, file: &str, skips: &Skips, mode: Mode) -> Result<Tally, String> {
    let text = std::fs::read_to_string(dir.join(file)).map_err(|e| e.to_string())?;
    let doc: Document = awso_core::json::from_str(&text).map_err(|e| e.to_string())?;
    let groups = doc.as_array().ok_or("the file is not an array of groups")?;
    let mut tally = Tally::default();
    for (g, group) in groups.iter().enumerate() {
        let cases = group
            .get("cases")
            .and_then(Document::as_array)
            .unwrap_or_default();
        for (c, case) in cases.iter().enumerate() {
            // Older suites have no ids: the description, or the position, names the case.
            let id = case
                .get("id")
                .or_else(|| case.get("description"))
                .and_then(Document::as_str)
                .map_or_else(|| format!("{file}#{g}.{c}"), str::to_owned);
            if skips.reason(file, &id).is_some() {
                tally.skipped += 1;
                continue;
            }
            let result = runner(mode, file, (g, c), group, case).and_then(|runner| {
                if file.starts_with("input/") {
                    crate::input::run(runner.as_ref(), group, case)
                } else {
                    crate::output::run(runner.as_ref(), case)
                }
            });
            match result {
                Ok(()) => tally.passed += 1,
                Err(diff) => {
                    tally.failed += 1;
                    println!(
                        "FAILED {file} {id} ({mode}):\n    {}",
                        diff.replace('\n', "\n    ")
                    );
                }
            }
        }
    }
    Ok(tally)
}

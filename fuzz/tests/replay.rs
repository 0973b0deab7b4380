//! Replays every committed input through its target's library function, without libFuzzer:
//! `seeds/<target>/*` (the starting corpus) and `regressions/<target>/*` (minimised inputs
//! that once crashed). This is what CI runs: `cargo test --manifest-path fuzz/Cargo.toml`.

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use awso_fuzz::Target;

/// The inputs of one target in one of the committed directories (`.gitkeep` aside).
fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(kind)
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file() && path.file_name().is_some_and(|n| n != ".gitkeep"))
        .collect();
    files.sort();
    files
}

/// How long one input may run: the fuzz runs' `-timeout` (inputs take milliseconds).
const DEADLINE: Duration = Duration::from_secs(10);

/// Runs `target` on `data` in a thread of its own, so that an input that hangs (a known
/// bug not fixed yet) fails the test instead of hanging it; the thread is left behind.
fn run_with_deadline(target: Target, data: Vec<u8>) -> Result<(), String> {
    let (done, outcome) = mpsc::channel();
    thread::spawn(move || {
        let result = panic::catch_unwind(AssertUnwindSafe(|| target(&data))).map_err(|panic| {
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "(no message)".to_owned())
        });
        let _ = done.send(result);
    });
    outcome
        .recv_timeout(DEADLINE)
        .unwrap_or_else(|_| Err(format!("still running after {DEADLINE:?} (a hang)")))
}

/// Runs every input of `kind` through its target and reports every failure, not just the
/// first.
fn replay(kind: &str) -> usize {
    let mut failures = Vec::new();
    let mut count = 0;
    for (target, run) in awso_fuzz::TARGETS {
        for path in inputs(kind, target) {
            let data = fs::read(&path).expect("a readable input");
            count += 1;
            if let Err(message) = run_with_deadline(*run, data) {
                failures.push(format!("{}: {message}", path.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} {kind} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    count
}

#[test]
fn seeds_run_clean() {
    assert!(replay("seeds") > 0, "no seeds found");
}

#[test]
fn regressions_stay_fixed() {
    // An empty (or misplaced) folder would make this pass without replaying anything.
    assert!(replay("regressions") > 0, "no regressions found");
}

#[test]
fn every_target_has_a_binary_and_its_directories() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (target, _) in awso_fuzz::TARGETS {
        for path in [
            root.join("fuzz_targets").join(format!("{target}.rs")),
            root.join("seeds").join(target),
            root.join("regressions").join(target),
        ] {
            assert!(path.exists(), "{} is missing", path.display());
        }
    }
}

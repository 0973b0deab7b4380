//! Runs files or directories of inputs through one target on the stable toolchain, without
//! libFuzzer: how to reproduce an artifact or check a whole corpus after a runtime change.
//!
//! `cargo run --manifest-path fuzz/Cargo.toml --example replay -- json_decode fuzz/corpus/json_decode`

use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(name) = args.next() else {
        eprintln!("usage: replay <target> <file or directory>...");
        return ExitCode::FAILURE;
    };
    let Some((_, run)) = awso_fuzz::TARGETS.iter().find(|(n, _)| *n == name) else {
        eprintln!("no target `{name}`");
        return ExitCode::FAILURE;
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for arg in args {
        let path = PathBuf::from(arg);
        match std::fs::read_dir(&path) {
            Ok(entries) => files.extend(entries.filter_map(|e| Some(e.ok()?.path()))),
            Err(_) => files.push(path),
        }
    }
    files.sort();
    let mut failed = 0;
    for path in &files {
        let Ok(data) = std::fs::read(path) else {
            continue;
        };
        if panic::catch_unwind(AssertUnwindSafe(|| run(&data))).is_err() {
            eprintln!("FAILED: {}", path.display());
            failed += 1;
        }
    }
    println!("{} inputs, {failed} failed", files.len());
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

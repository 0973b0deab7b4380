//! The protocol conformance harness: runs AWS's protocol test suites (botocore's format, see
//! `../shared/protocol-tests/SOURCE.md`) through the protocol layer.
//!
//! Every case runs twice. In the dynamic mode the group's shapes become run-time schemas
//! (`awso_core::dynamic`) and params a `Value`; in the static mode they run through the types
//! awso-codegen generated from the group at build time (`tests/build.rs`), with `to_value`
//! of what was decoded compared. Requests and responses are compared with the suite's
//! expectations. It prints one line per file and mode:
//!
//! ```text
//! conformance input/json.json dynamic: 54 passed, 0 failed, 0 skipped
//! ```
//!
//! then a total line per mode. The suite directory is `AWSO_PROTOCOL_TESTS` (default
//! `../shared/protocol-tests` next to the workspace); when it is missing the harness fails in
//! CI (`CI=true`) and skips loudly elsewhere. Skipped cases are listed, each with its reason,
//! in `tests/conformance-skips.json`.

mod compare;
mod data;
mod input;
mod output;
mod runner;
mod static_mode;
mod suite;

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = suite::directory() else {
        return ExitCode::SUCCESS;
    };
    let skips = match suite::Skips::load() {
        Ok(skips) => skips,
        Err(e) => {
            eprintln!("conformance: cannot read the skip list: {e}");
            return ExitCode::FAILURE;
        }
    };
    let files = suite::files(&dir);
    let mut failed = false;
    for mode in [suite::Mode::Dynamic, suite::Mode::Static] {
        if mode == suite::Mode::Static && !static_mode::AVAILABLE {
            println!(
                "conformance: static mode SKIPPED: the suites were not found when the tests were built"
            );
            continue;
        }
        let mut total = suite::Tally::default();
        for file in &files {
            let tally = match suite::run_file(&dir, file, &skips, mode) {
                Ok(tally) => tally,
                Err(e) => {
                    eprintln!("conformance {file}: cannot run: {e}");
                    return ExitCode::FAILURE;
                }
            };
            println!("conformance {file} {mode}: {tally}");
            total.add(&tally);
        }
        println!("conformance total {mode}: {total}");
        failed |= total.failed > 0;
    }
    let unused = skips.unused();
    if !unused.is_empty() {
        eprintln!("conformance: skip entries that matched no case: {unused:?}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

//! The protocol conformance harness: runs AWS's protocol test suites (botocore's format, see
//! `../shared/protocol-tests/SOURCE.md`) through the protocol layer.
//!
//! Every case runs in the dynamic mode: the group's shapes become run-time schemas
//! (`awso_core::dynamic`), params become a `Value`, and requests and responses are compared
//! with the suite's expectations. It prints one line per file and mode:
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
    let mut total = suite::Tally::default();
    let files = suite::files(&dir);
    for file in files {
        let tally = match suite::run_file(&dir, &file, &skips) {
            Ok(tally) => tally,
            Err(e) => {
                eprintln!("conformance {file}: cannot run: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!("conformance {file} dynamic: {tally}");
        total.add(&tally);
    }
    println!("conformance total dynamic: {total}");
    let unused = skips.unused();
    if !unused.is_empty() {
        eprintln!("conformance: skip entries that matched no case: {unused:?}");
        return ExitCode::FAILURE;
    }
    if total.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

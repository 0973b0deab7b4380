//! The differential oracle: botocore against awso's dynamic mode, on every operation of
//! every installed botocore service.
//!
//! Run as a test, this binary starts the Python driver (`tests/differential/oracle.py`),
//! which generates seeded cases, has botocore serialize and parse them, and asks this same
//! binary, started again as the *probe* (`AWSO_DIFFERENTIAL_PROBE=1`), what awso does with
//! them: one JSON line per case on stdin, one answer line on stdout (see `probe.rs`).
//!
//! Without python3 and botocore the test is skipped, except in CI (`CI=true`), where that is
//! a failure. `AWSO_DIFFERENTIAL_ARGS` passes extra arguments to the driver (`--help`).

mod probe;

use std::path::Path;
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    if std::env::var_os("AWSO_DIFFERENTIAL_PROBE").is_some() {
        return probe::serve();
    }
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("differential/oracle.py");
    let has_botocore = Command::new("python3")
        .args(["-c", "import botocore"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_botocore {
        if in_ci {
            eprintln!("differential: python3 with botocore is required in CI");
            return ExitCode::FAILURE;
        }
        eprintln!("SKIPPED: differential: no python3 with botocore");
        return ExitCode::SUCCESS;
    }
    let Ok(probe) = std::env::current_exe() else {
        eprintln!("differential: cannot find this binary to start it as the probe");
        return ExitCode::FAILURE;
    };
    let extra = std::env::var("AWSO_DIFFERENTIAL_ARGS").unwrap_or_default();
    let status = Command::new("python3")
        .arg(&script)
        .arg("--probe")
        .arg(&probe)
        .args(extra.split_whitespace())
        .status();
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(status) => {
            eprintln!("differential: the driver failed ({status})");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("differential: cannot start python3: {e}");
            ExitCode::FAILURE
        }
    }
}

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

mod exchange;
mod probe;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::var_os("AWSO_DIFFERENTIAL_PROBE").is_some() {
        return probe::serve();
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("differential/oracle.py");
    exchange::run_driver(&script, &[])
}

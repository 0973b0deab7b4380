//! The differential oracle in static mode: botocore against awso's *generated, compiled*
//! code, for the sample services (`awso-samples`, one or more per protocol botocore picks:
//! awsJson1_0 dynamodb and sqs, awsJson1_1 kinesis, awsQuery sts, sns and iam, ec2Query ec2,
//! restJson1 lambda and connectparticipant, restXml s3 and cloudfront).
//!
//! The same driver as the dynamic mode (`tests/differential/oracle.py --mode static`) makes
//! the same seeded cases and starts this binary again as the probe
//! (`AWSO_DIFFERENTIAL_PROBE=1`). Each case takes the typed path of its operation, found by
//! name with the generated `visit_operation`:
//! - requests: botocore-style params -> `Value` (the neutral conversion the dynamic probe
//!   uses) -> the typed input (`from_value`) -> `build_request` of the typed input;
//! - responses: `parse_response` into the typed output -> `to_value` -> params;
//! - errors: the typed operation error enum (code, message, status and request id from its
//!   meta, a modeled variant's members through `write_modeled`).
//!
//! It lives here because CI builds these modules for the e2e scenarios already (ec2's alone
//! costs a minute and gigabytes to compile): the probe reuses that build.
//!
//! Run: `cargo run --manifest-path e2e/Cargo.toml --bin differential_static`; prints
//! `differential static <protocol> <requests|responses|errors>: N passed, M failed, K known`
//! and a total. `AWSO_DIFFERENTIAL_SERVICES` narrows the services (a comma list),
//! `AWSO_DIFFERENTIAL_CASES` and `AWSO_DIFFERENTIAL_ARGS` are as in the dynamic mode.

// The probe side of the exchange is the dynamic probe's, shared as a file so both modes read
// cases and write answers alike; the params conversion is awso_core::params.
#[path = "../../../../tests/tests/differential/exchange.rs"]
mod exchange;
mod probe;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::var_os("AWSO_DIFFERENTIAL_PROBE").is_some() {
        return exchange::serve(probe::answer);
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/differential/oracle.py");
    let services = match std::env::var("AWSO_DIFFERENTIAL_SERVICES") {
        Ok(list) => list
            .split(',')
            .filter(|s| probe::SERVICES.contains(s))
            .collect::<Vec<_>>()
            .join(","),
        Err(_) => probe::SERVICES.join(","),
    };
    let args = ["--mode", "static", "--services", &services].map(str::to_owned);
    exchange::run_driver(&script, &args)
}

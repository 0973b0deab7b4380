//! The moto scenarios: every service the issue names against one moto server, DynamoDB, S3
//! and SQS through their generated clients (fluent calls, paginators, waiters), the others
//! through `awso_client::Client::call` with the generated operation types of the samples
//! crate.
//!
//! Usage: `awso-e2e <moto URL> <known.json>` (e2e/run.sh starts moto and passes both).
//! Every request goes to the moto URL; credentials and region are fixed here, never read from
//! the environment, so no default credential source (IMDS, container) is ever asked.
//! Prints `e2e <service>: N passed, M failed, K skipped` per service and a total; exits 1 on
//! a failure `known.json` does not explain.

mod check;
mod dynamodb;
mod ec2;
mod iam;
mod lambda;
mod report;
mod s3;
mod s3_streaming;
mod sns;
mod sqs;
mod sts;
mod wire;

use std::process::ExitCode;
use std::time::Duration;

use awso_client::client::{Client, Config, ConfigBuilder, ServiceSpec, Timeouts};
use awso_client::credentials::Credentials;
use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};

use report::{Known, Service};

/// The region every request is signed for; moto keeps its state per region.
const REGION: &str = "us-east-1";

/// moto's default account.
const ACCOUNT: &str = "123456789012";

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The test credentials every scenario signs with (moto accepts any).
fn test_credentials() -> Credentials {
    Credentials::new("AKIDAWSOE2E", "awso-e2e-secret")
}

/// The settings every client here shares: moto's URL, `credentials`, bounded timeouts so a
/// hung server fails the run instead of stalling CI.
fn config(url: &str, credentials: Credentials) -> ConfigBuilder {
    let timeouts = Timeouts::default()
        .with_connect(CONNECT_TIMEOUT)
        .with_attempt(Some(Duration::from_secs(30)))
        .with_total(Some(Duration::from_secs(90)));
    Config::builder()
        .region(REGION)
        .credentials(credentials)
        .endpoint_url(url)
        .timeouts(timeouts)
}

/// A SigV4 service as its model's metadata describes it: moto routes a request by the
/// signing name in its credential scope, so this must match the model.
fn spec(name: &'static str, signature_version: &'static str) -> ServiceSpec {
    let service = ServiceAuth {
        signature_version: Some(signature_version),
        endpoint_prefix: name,
        ..ServiceAuth::default()
    };
    let auth = AuthScheme::select(&service, &OperationAuth::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    ServiceSpec::new(name, auth)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(url), Some(known)) = (args.next(), args.next()) else {
        eprintln!("usage: awso-e2e <moto URL> <known.json>");
        return ExitCode::from(2);
    };
    let known = match Known::load(&known) {
        Ok(known) => known,
        Err(error) => {
            eprintln!("e2e: {error}");
            return ExitCode::from(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a current-thread runtime builds");
    let wire = runtime.block_on(async { wire::Recording::new(CONNECT_TIMEOUT) });
    let settings = config(&url, test_credentials()).http_client(wire.clone());
    let client = Client::new(settings.build());
    let (mut passed, mut failed, mut skipped) =
        runtime.block_on(run_all(&client, &wire, &url, &known));
    // The blocking client runs its own runtime, so it is driven from outside this one.
    let (p, f, s) = sts::blocking(&url, Service::new("sts-blocking", &known));
    (passed, failed, skipped) = (passed + p, failed + f, skipped + s);
    println!("e2e total: {passed} passed, {failed} failed, {skipped} skipped");
    if failed == 0 && passed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

async fn run_all(
    client: &Client,
    wire: &wire::Recording,
    url: &str,
    known: &Known,
) -> (u32, u32, u32) {
    let mut results = Vec::new();
    results.push(sqs::run(client, Service::new("sqs", known)).await);
    results.push(dynamodb::run(client, url, Service::new("dynamodb", known)).await);
    results.push(s3::run(client, wire, Service::new("s3", known)).await);
    results.push(sts::run(client, url, Service::new("sts", known)).await);
    results.push(sns::run(client, Service::new("sns", known)).await);
    results.push(ec2::run(client, Service::new("ec2", known)).await);
    results.push(iam::run(client, Service::new("iam", known)).await);
    results.push(lambda::run(client, Service::new("lambda", known)).await);
    results
        .into_iter()
        .fold((0, 0, 0), |(p, f, s), (p2, f2, s2)| {
            (p + p2, f + f2, s + s2)
        })
}

//! Endpoint resolution time: S3 with an access-point ARN (the deepest path through the
//! largest rule set), plain regional DynamoDB and STS, and parsing S3's rule set.
//!
//! Reads the rule sets from `AWSO_ENDPOINT_TESTS` (default `../shared/endpoint-tests` from the
//! workspace root): `nice cargo bench -p awso-client --bench endpoint`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use awso_client::endpoint::{Params, Partitions, RuleSet};
use criterion::{Criterion, criterion_group, criterion_main};

fn suite_dir() -> PathBuf {
    std::env::var_os("AWSO_ENDPOINT_TESTS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/endpoint-tests"),
        PathBuf::from,
    )
}

fn read(path: &str) -> String {
    let path = suite_dir().join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn rules(service: &str) -> RuleSet {
    RuleSet::from_json(&read(&format!("{service}/endpoint-rule-set-1.json")))
        .expect("rule set parses")
}

fn resolution(c: &mut Criterion) {
    let partitions = Partitions::from_json(&read("partitions.json")).expect("partitions parse");
    let s3 = rules("s3");
    let access_point = Params::new()
        .with("Region", "us-west-2")
        .with("UseFIPS", false)
        .with("UseDualStack", false)
        .with("Accelerate", false)
        .with(
            "Bucket",
            "arn:aws:s3:us-west-2:123456789012:accesspoint:myendpoint",
        );
    let endpoint = s3
        .resolve(&access_point, &partitions)
        .expect("access point resolves");
    assert_eq!(
        endpoint.url(),
        "https://myendpoint-123456789012.s3-accesspoint.us-west-2.amazonaws.com"
    );
    let regional = Params::new()
        .with("Region", "eu-west-1")
        .with("UseFIPS", false)
        .with("UseDualStack", false);
    let dynamodb = rules("dynamodb");
    let sts = rules("sts");
    let mut group = c.benchmark_group("endpoint_resolve");
    group.bench_function("s3_access_point_arn", |b| {
        b.iter(|| s3.resolve(black_box(&access_point), &partitions));
    });
    group.bench_function("dynamodb_regional", |b| {
        b.iter(|| dynamodb.resolve(black_box(&regional), &partitions));
    });
    group.bench_function("sts_regional", |b| {
        b.iter(|| sts.resolve(black_box(&regional), &partitions));
    });
    group.finish();
    let mut group = c.benchmark_group("endpoint_parse");
    for service in ["s3", "dynamodb"] {
        let text = read(&format!("{service}/endpoint-rule-set-1.json"));
        let name = format!("{service}_rule_set");
        group.bench_function(name, |b| b.iter(|| RuleSet::from_json(black_box(&text))));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = resolution
}
criterion_main!(benches);

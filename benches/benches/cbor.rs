//! The CBOR codec on the GetTranscript response at 10, 100 and 1000 items, against the serde
//! paths of ciborium and minicbor (`minicbor-serde`) on the same bytes (the mirror types of
//! `src/mirror.rs`): the benchmark that chose awso's own CBOR reader and writer
//! (BENCHMARKS.md, "CBOR"). The body is awso's CBOR encoding of the payload; before
//! measuring, both crates must read it into the reference data and awso must read each
//! crate's encoding back into the same response. The operations are [`Op::CBOR`], shared
//! with the `paired` and `profile` binaries.

use std::time::Duration;

use awso_benches::mirror;
use awso_benches::ops::{Fixture, Op};
use awso_benches::payload::SIZES;
use awso_connectparticipant::GetTranscriptResponse;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// Both crates and awso agree on the data, in both directions.
fn check_agreement(fx: &Fixture) {
    let ciborium: mirror::GetTranscriptResponse =
        ciborium::de::from_reader(fx.cbor.as_slice()).expect("ciborium reads awso's CBOR");
    assert_eq!(&ciborium, fx.mirror(), "ciborium read different data");
    let minicbor: mirror::GetTranscriptResponse =
        minicbor_serde::from_slice(&fx.cbor).expect("minicbor reads awso's CBOR");
    assert_eq!(&minicbor, fx.mirror(), "minicbor read different data");
    let mut theirs = Vec::new();
    ciborium::ser::into_writer(fx.mirror(), &mut theirs).expect("ciborium writes");
    let ours: GetTranscriptResponse =
        awso_core::cbor::from_slice(&theirs).expect("awso reads ciborium's CBOR");
    assert_eq!(ours, fx.awso, "awso read ciborium's CBOR as different data");
    let theirs = minicbor_serde::to_vec(fx.mirror()).expect("minicbor writes");
    let ours: GetTranscriptResponse =
        awso_core::cbor::from_slice(&theirs).expect("awso reads minicbor's CBOR");
    assert_eq!(ours, fx.awso, "awso read minicbor's CBOR as different data");
}

fn cbor(c: &mut Criterion) {
    let fixtures: Vec<Fixture> = SIZES.into_iter().map(Fixture::new).collect();
    fixtures.iter().for_each(check_agreement);
    for name in ["cbor_decode", "cbor_encode"] {
        let mut group = c.benchmark_group(name);
        for fx in &fixtures {
            group.throughput(Throughput::Bytes(fx.cbor.len() as u64));
            for op in Op::CBOR.into_iter().filter(|op| op.group() == name) {
                let id = BenchmarkId::new(op.implementation(), fx.items());
                group.bench_with_input(id, fx, |b, fx| b.iter(|| op.run(fx)));
            }
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = cbor
}
criterion_main!(benches);

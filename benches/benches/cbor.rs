//! The CBOR codec on the GetTranscript response at 10, 100 and 1000 items, against
//! ciborium's serde path on the same bytes (the mirror types of `src/mirror.rs`): the
//! benchmark that chose awso's own CBOR reader and writer (BENCHMARKS.md, "CBOR"). The body
//! is awso's CBOR encoding of the payload; before measuring, ciborium must read it into the
//! reference data and awso must read ciborium's encoding back into the same response.

use std::hint::black_box;
use std::time::Duration;

use awso_benches::mirror;
use awso_benches::ops::Fixture;
use awso_benches::payload::SIZES;
use awso_connectparticipant::GetTranscriptResponse;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

struct CborFixture {
    fx: Fixture,
    body: Vec<u8>,
}

impl CborFixture {
    fn new(items: usize) -> Self {
        let fx = Fixture::new(items);
        let body = awso_core::cbor::to_vec(&fx.awso).expect("awso writes the payload");
        let theirs: mirror::GetTranscriptResponse =
            ciborium::de::from_reader(body.as_slice()).expect("ciborium reads awso's CBOR");
        assert_eq!(&theirs, fx.mirror(), "ciborium read different data");
        let mut back = Vec::new();
        ciborium::ser::into_writer(fx.mirror(), &mut back).expect("ciborium writes");
        let ours: GetTranscriptResponse =
            awso_core::cbor::from_slice(&back).expect("awso reads ciborium's CBOR");
        assert_eq!(ours, fx.awso, "awso read ciborium's CBOR as different data");
        Self { fx, body }
    }
}

fn cbor(c: &mut Criterion) {
    let fixtures: Vec<CborFixture> = SIZES.into_iter().map(CborFixture::new).collect();
    let mut group = c.benchmark_group("cbor_decode");
    for f in &fixtures {
        group.throughput(Throughput::Bytes(f.body.len() as u64));
        let items = f.fx.items();
        group.bench_with_input(BenchmarkId::new("awso", items), f, |b, f| {
            b.iter(|| {
                let r: GetTranscriptResponse =
                    awso_core::cbor::from_slice(black_box(&f.body)).unwrap();
                black_box(r)
            });
        });
        group.bench_with_input(BenchmarkId::new("ciborium", items), f, |b, f| {
            b.iter(|| {
                let r: mirror::GetTranscriptResponse =
                    ciborium::de::from_reader(black_box(f.body.as_slice())).unwrap();
                black_box(r)
            });
        });
    }
    group.finish();
    let mut group = c.benchmark_group("cbor_encode");
    for f in &fixtures {
        group.throughput(Throughput::Bytes(f.body.len() as u64));
        let items = f.fx.items();
        group.bench_with_input(BenchmarkId::new("awso", items), f, |b, f| {
            b.iter(|| black_box(awso_core::cbor::to_vec(black_box(&f.fx.awso)).unwrap()));
        });
        group.bench_with_input(BenchmarkId::new("ciborium", items), f, |b, f| {
            b.iter(|| {
                let mut out = Vec::new();
                ciborium::ser::into_writer(black_box(f.fx.mirror()), &mut out).unwrap();
                black_box(out)
            });
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = cbor
}
criterion_main!(benches);

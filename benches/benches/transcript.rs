//! Criterion benchmarks of every operation in [`Op::ALL`] on the GetTranscript response at 10,
//! 100 and 1000 items. Groups are what is done (`json_decode`, `xml_encode`, `response`, ...),
//! functions who does it (`awso`, `serde_json`, `quick_xml`, `sdk`), parameters the item count;
//! within a group the implementations run back to back per size, so their ratio is taken from
//! neighbouring measurements. `cargo run --release --bin report` turns the medians into the
//! tables of BENCHMARKS.md.

use std::time::Duration;

use awso_benches::ops::{Fixture, Op};
use awso_benches::payload::SIZES;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn transcript(c: &mut Criterion) {
    let fixtures: Vec<Fixture> = SIZES.into_iter().map(Fixture::new).collect();
    let mut groups: Vec<&str> = Op::ALL.iter().map(|op| op.group()).collect();
    groups.dedup();
    for name in groups {
        let mut group = c.benchmark_group(name);
        for fx in &fixtures {
            for op in Op::ALL.into_iter().filter(|op| op.group() == name) {
                group.throughput(match op.document_len(fx) {
                    Some(bytes) => Throughput::Bytes(bytes as u64),
                    None => Throughput::Elements(fx.items() as u64),
                });
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
        .measurement_time(Duration::from_secs(4));
    targets = transcript
}
criterion_main!(benches);

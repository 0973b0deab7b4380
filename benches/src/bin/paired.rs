//! Ratios of the bar, measured in interleaved pairs so that the machine's drift cancels:
//! `paired [items] [rounds] [batch_ms]` (defaults 1000, 201, 10).
//!
//! Criterion measures one row after another, for seconds each, so on a shared machine a
//! slow minute lands on some rows and not others, and ratios between rows move by more than
//! the differences they are meant to show. Here each round times a batch of one operation
//! and then a batch of the other (the order alternates every round) and takes the ratio of
//! their times per operation; what the machine does to both within ~20 ms it does to both
//! alike. The table gives the median of those ratios with their 10th and 90th percentiles,
//! and the median time per operation of each side.

use std::time::Instant;

use awso_benches::ops::{Fixture, Op};

/// The comparisons of the bar in the issue, and ours beyond it.
const PAIRS: [(Op, Op); 23] = [
    (Op::AwsoJsonDecode, Op::SerdeJsonDecode),
    (Op::AwsoJsonDecode, Op::SerdeJsonFromStr),
    (Op::AwsoJsonDecode, Op::SonicDecode),
    (Op::AwsoJsonDecode, Op::QuoteFloor),
    (Op::AwsoJsonDecode, Op::SdkResponse),
    (Op::AwsoResponse, Op::SdkResponse),
    (Op::AwsoJsonEncode, Op::SerdeJsonEncode),
    (Op::AwsoJsonEncode, Op::SonicEncode),
    (Op::AwsoXmlDecode, Op::QuickXmlDecode),
    (Op::AwsoXmlEncode, Op::QuickXmlEncode),
    (Op::AwsoXmlDecode, Op::QuickXmlReader),
    (Op::AwsoToValue, Op::SerdeJsonToValue),
    (Op::AwsoDynamoDbDecode, Op::SerdeJsonDynamoDbDecode),
    (Op::AwsoDynamoDbDecode, Op::SonicDynamoDbDecode),
    (Op::AwsoS3ListDecode, Op::QuickXmlS3ListDecode),
    (Op::AwsoS3ListDecode, Op::QuickXmlReaderS3List),
    (Op::AwsoEc2Decode, Op::QuickXmlEc2Decode),
    (Op::AwsoEc2Decode, Op::QuickXmlReaderEc2),
    (Op::AwsoEc2Response, Op::QuickXmlEc2Decode),
    (Op::AwsoCborDecode, Op::CiboriumDecode),
    (Op::AwsoCborDecode, Op::MinicborDecode),
    (Op::AwsoCborEncode, Op::CiboriumEncode),
    (Op::AwsoCborEncode, Op::MinicborEncode),
];

/// The pairs with the SDK's XML deserializers whose features are on (`sdk-s3`).
const SDK_XML_PAIRS: &[(Op, Op)] = &[
    #[cfg(feature = "sdk-s3")]
    (Op::AwsoS3ListResponse, Op::SdkS3ListDecode),
];

fn main() {
    let mut args = std::env::args().skip(1);
    let mut number = |default: usize, what: &str| {
        args.next().map_or(default, |n| {
            n.parse().unwrap_or_else(|_| panic!("{what}: a number"))
        })
    };
    let items = number(1000, "items");
    let rounds = number(201, "rounds").max(1);
    let batch_ms = number(10, "batch_ms").max(1);
    let fixture = Fixture::new(items);

    println!(
        "{items} items, {rounds} rounds of two batches of about {batch_ms} ms each, order \
         alternating\n"
    );
    println!("| ours | compared with | median ratio | p10 – p90 | ours per op | theirs per op |");
    println!("|---|---|--:|--:|--:|--:|");
    for &(ours, theirs) in PAIRS.iter().chain(SDK_XML_PAIRS) {
        let pair = Pair::new(ours, theirs, &fixture, batch_ms as f64 * 1e-3);
        let mut ratios = Vec::with_capacity(rounds);
        let (mut ours_times, mut theirs_times) = (Vec::new(), Vec::new());
        for round in 0..rounds {
            let (a, b) = if round % 2 == 0 {
                let a = pair.ours.time(&fixture);
                (a, pair.theirs.time(&fixture))
            } else {
                let b = pair.theirs.time(&fixture);
                (pair.ours.time(&fixture), b)
            };
            ratios.push(a / b);
            ours_times.push(a);
            theirs_times.push(b);
        }
        println!(
            "| {} | {} | {:.3}× | {:.3} – {:.3} | {} | {} |",
            ours.id(),
            theirs.id(),
            percentile(&mut ratios, 0.5),
            percentile(&mut ratios, 0.1),
            percentile(&mut ratios, 0.9),
            duration(percentile(&mut ours_times, 0.5)),
            duration(percentile(&mut theirs_times, 0.5)),
        );
    }
}

/// Two operations, each with the number of runs that fills a batch.
struct Pair {
    ours: Batch,
    theirs: Batch,
}

impl Pair {
    fn new(ours: Op, theirs: Op, fixture: &Fixture, seconds: f64) -> Self {
        Self {
            ours: Batch::calibrate(ours, fixture, seconds),
            theirs: Batch::calibrate(theirs, fixture, seconds),
        }
    }
}

struct Batch {
    op: Op,
    runs: u32,
}

impl Batch {
    /// Warms `op` up and picks the number of runs that takes about `seconds`.
    fn calibrate(op: Op, fixture: &Fixture, seconds: f64) -> Self {
        let mut batch = Batch { op, runs: 1 };
        for _ in 0..3 {
            let per_run = batch.time(fixture);
            batch.runs = ((seconds / per_run) as u32).clamp(1, 1_000_000);
        }
        batch
    }

    /// Seconds per run, over one batch.
    fn time(&self, fixture: &Fixture) -> f64 {
        let start = Instant::now();
        for _ in 0..self.runs {
            self.op.run(fixture);
        }
        start.elapsed().as_secs_f64() / f64::from(self.runs)
    }
}

/// The `q` quantile (0 to 1) of `values`, nearest rank.
fn percentile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let rank = ((values.len() - 1) as f64 * q).round() as usize;
    values[rank]
}

fn duration(seconds: f64) -> String {
    if seconds >= 1e-3 {
        format!("{:.2} ms", seconds * 1e3)
    } else {
        format!("{:.1} µs", seconds * 1e6)
    }
}

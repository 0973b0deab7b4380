//! A whole call, awso's generated client against the SDK's `send()` (`awso_benches::call`):
//!
//! - `call paired [items] [rounds] [batch_ms]` (defaults 10, 201, 10): interleaved pairs as
//!   in the `paired` binary, the median ratio of awso's time per call to the SDK's with its
//!   10th and 90th percentiles;
//! - `call awso|sdk [items] [runs]` (defaults 10, 100): one side in a loop, for callgrind:
//!   `valgrind --tool=callgrind --toggle-collect='awso_benches::call::CallBench::awso' ...`
//!   (or `...::sdk`), instructions ÷ runs = per call.

use std::hint::black_box;
use std::time::Instant;

use awso_benches::call::CallBench;

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "paired".to_owned());
    let mut number = |default: usize, what: &str| {
        args.next().map_or(default, |n| {
            n.parse().unwrap_or_else(|_| panic!("{what}: a number"))
        })
    };
    let items = number(10, "items");
    let bench = CallBench::new(items);
    match mode.as_str() {
        "awso" | "sdk" => {
            let runs = number(100, "runs");
            for _ in 0..runs {
                if mode == "awso" {
                    black_box(bench.awso());
                } else {
                    black_box(bench.sdk());
                }
            }
            eprintln!("{runs} calls, {} signed requests", bench.signed_requests());
        }
        "paired" => {
            let rounds = number(201, "rounds").max(1);
            let batch = number(10, "batch_ms").max(1) as f64 * 1e-3;
            paired(&bench, items, rounds, batch);
        }
        other => panic!("unknown mode {other}: paired, awso or sdk"),
    }
}

fn paired(bench: &CallBench, items: usize, rounds: usize, batch: f64) {
    let awso = Batch::calibrate(|| drop(black_box(bench.awso())), batch);
    let sdk = Batch::calibrate(|| drop(black_box(bench.sdk())), batch);
    let (mut ratios, mut ours, mut theirs) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (a, b) = if round % 2 == 0 {
            let a = awso.time();
            (a, sdk.time())
        } else {
            let b = sdk.time();
            (awso.time(), b)
        };
        ratios.push(a / b);
        ours.push(a);
        theirs.push(b);
    }
    println!(
        "GetTranscript call, {items} items, {rounds} rounds of two batches of about {} ms each, \
         order alternating\n",
        batch * 1e3
    );
    println!("| call | median ratio awso ÷ SDK | p10 – p90 | awso per call | SDK per call |");
    println!("|---|--:|--:|--:|--:|");
    println!(
        "| GetTranscript, {items} items | {:.3}× | {:.3} – {:.3} | {:.1} µs | {:.1} µs |",
        percentile(&mut ratios, 0.5),
        percentile(&mut ratios, 0.1),
        percentile(&mut ratios, 0.9),
        percentile(&mut ours, 0.5) * 1e6,
        percentile(&mut theirs, 0.5) * 1e6,
    );
}

/// One side's call and the number of calls that fills a batch.
struct Batch<F> {
    call: F,
    runs: u32,
}

impl<F: Fn()> Batch<F> {
    /// Warms the call up and picks the number of runs that takes about `seconds`.
    fn calibrate(call: F, seconds: f64) -> Self {
        let mut batch = Batch { call, runs: 1 };
        for _ in 0..3 {
            let per_run = batch.time();
            batch.runs = ((seconds / per_run) as u32).clamp(1, 1_000_000);
        }
        batch
    }

    /// Seconds per call, over one batch.
    fn time(&self) -> f64 {
        let start = Instant::now();
        for _ in 0..self.runs {
            (self.call)();
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

//! Runs one operation in a loop, for a profiler: `profile json_decode/awso [items] [runs]`.
//!
//! Under callgrind, collect only inside the operation:
//!
//! ```text
//! valgrind --tool=callgrind --toggle-collect='awso_benches::ops::Op::run' \
//!     target/release/profile json_decode/awso 1000 20
//! ```

use awso_benches::ops::{Fixture, Op};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(op) = args.next().as_deref().and_then(Op::from_id) else {
        let ids: Vec<String> = Op::measured().map(Op::id).collect();
        eprintln!("usage: profile <{}> [items] [runs]", ids.join("|"));
        std::process::exit(2);
    };
    let items = args
        .next()
        .map_or(1000, |n| n.parse().expect("items: a number"));
    let runs: usize = args
        .next()
        .map_or(20, |n| n.parse().expect("runs: a number"));
    let fixture = Fixture::new(items);
    for _ in 0..runs {
        op.run(&fixture);
    }
}

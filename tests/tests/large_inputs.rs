//! Large inputs decode in linear time and memory: a 100 MB string and a 10-million-item list,
//! in JSON and XML. Memory is checked (peak heap above what the input itself takes, counted
//! by this binary's allocator); time is printed at a tenth and at the full size so the
//! growth can be read, never asserted. Ignored by default (it needs a few hundred MB and some
//! seconds): `cargo test -p awso-tests --release --test large_inputs -- --ignored --nocapture`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only sizes are counted.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Decodes with `decode`, returning (seconds, peak heap above the baseline in bytes).
fn measure<T>(decode: impl FnOnce() -> T) -> (f64, usize) {
    let baseline = LIVE.load(Ordering::Relaxed);
    PEAK.store(baseline, Ordering::Relaxed);
    let start = Instant::now();
    let value = decode();
    let seconds = start.elapsed().as_secs_f64();
    let peak = PEAK.load(Ordering::Relaxed) - baseline;
    drop(value);
    (seconds, peak)
}

fn check<T>(
    what: &str,
    sizes: [usize; 2],
    make: impl Fn(usize) -> Vec<u8>,
    decode: impl Fn(&[u8]) -> T,
    result_bytes: impl Fn(usize) -> usize,
) {
    for size in sizes {
        let input = make(size);
        let (seconds, peak) = measure(|| decode(&input));
        let result = result_bytes(size);
        println!(
            "{what} of {size}: {:.1} MB in, {seconds:.3} s, peak heap {:.1} MB ({:.2}x the decoded value)",
            input.len() as f64 / 1e6,
            peak as f64 / 1e6,
            peak as f64 / result as f64
        );
        // Growth by doubling can reach twice the final size while moving: 3x bounds it.
        assert!(
            peak <= 3 * result + (1 << 20),
            "{what}: peak {peak} for a {result}-byte value"
        );
    }
}

/// One test, so nothing else allocates while it measures (tests run on parallel threads).
#[test]
#[ignore = "needs a few hundred MB; run with --ignored --release"]
fn large_inputs_decode_in_linear_time_and_memory() {
    a_100_mb_string();
    a_10_million_item_list();
}

fn a_100_mb_string() {
    let sizes = [10_000_000, 100_000_000];
    check(
        "JSON string",
        sizes,
        |n| [b"\"".as_slice(), &vec![b'a'; n], b"\""].concat(),
        |input| awso_core::json::from_slice::<String>(input).unwrap(),
        |n| n,
    );
    check(
        "XML string",
        sizes,
        |n| [b"<S>".as_slice(), &vec![b'a'; n], b"</S>"].concat(),
        |input| awso_core::xml::from_slice::<String>(input).unwrap(),
        |n| n,
    );
}

fn a_10_million_item_list() {
    let sizes = [1_000_000, 10_000_000];
    check(
        "JSON list",
        sizes,
        |n| {
            let mut text = String::with_capacity(n * 2 + 2);
            text.push('[');
            for i in 0..n {
                text.push_str(if i == 0 { "7" } else { ",7" });
            }
            text.push(']');
            text.into_bytes()
        },
        |input| awso_core::json::from_slice::<Vec<i64>>(input).unwrap(),
        |n| n * 8,
    );
    check(
        "XML list",
        sizes,
        |n| {
            let mut text = String::with_capacity(n * 18 + 16);
            text.push_str("<List>");
            for _ in 0..n {
                text.push_str("<member>7</member>");
            }
            text.push_str("</List>");
            text.into_bytes()
        },
        |input| awso_core::xml::from_slice::<Vec<i64>>(input).unwrap(),
        |n| n * 8,
    );
}

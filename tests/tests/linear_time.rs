//! Work grows linearly with input on every path where a hostile input could multiply it:
//! XML attributes and sibling elements, JSON object keys, map entries (with dropped nulls),
//! response headers and query parameters. Each case decodes a small and an eight times
//! larger input and asserts the time grew by well under the square of that factor (64):
//! a ratio of times, never a wall-clock limit, so a slow machine passes as a fast one does.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Instant;

use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
use awso_core::{AwsError, AwsShape, UnknownError, json, xml};

const SMALL: usize = 4_000;
const FACTOR: usize = 8;
/// Linear growth gives about `FACTOR`; quadratic gives `FACTOR²` = 64. The bound sits at
/// half of quadratic: a quadratic path still fails by a factor of two, while caches,
/// allocation and a machine shared with other work (ratios up to 21 were seen under a load
/// of 17 on two cores) do not make a linear one fail.
const MAX_RATIO: f64 = 32.0;

/// The time of one run of `work` on `input`, in seconds.
fn time(input: &[u8], work: &dyn Fn(&[u8])) -> f64 {
    let start = Instant::now();
    work(input);
    start.elapsed().as_secs_f64()
}

/// Asserts that `work` on `make(SMALL * FACTOR)` takes under `MAX_RATIO` times as long as on
/// `make(SMALL)`, and prints the ratio.
fn assert_linear(what: &str, make: impl Fn(usize) -> Vec<u8>, work: impl Fn(&[u8])) {
    assert_linear_from(SMALL, what, make, work);
}

/// [`assert_linear`] from `small` items.
fn assert_linear_from(
    small: usize,
    what: &str,
    make: impl Fn(usize) -> Vec<u8>,
    work: impl Fn(&[u8]),
) {
    // One measurement at a time: tests run on parallel threads, which would share the cores.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let (small, large) = (make(small), make(small * FACTOR));
    work(&small); // warm up
    // The best of runs taken in turns, so that a moment of load elsewhere on the machine
    // slows one run, not one size.
    let (mut small_time, mut large_time) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..7 {
        small_time = small_time.min(time(&small, &work));
        large_time = large_time.min(time(&large, &work));
    }
    let ratio = large_time / small_time;
    println!(
        "{what}: x{FACTOR} input took x{ratio:.1} time ({:.2} ms, {:.2} ms)",
        small_time * 1e3,
        large_time * 1e3
    );
    assert!(
        ratio < MAX_RATIO,
        "{what}: {FACTOR} times the input took {ratio:.1} times as long"
    );
}

#[derive(AwsShape, Debug, Default)]
struct Holder {
    #[awso(rename = "Entries")]
    entries: Option<BTreeMap<String, String>>,
    #[awso(rename = "Name")]
    name: Option<String>,
}

fn repeat(n: usize, item: impl Fn(usize) -> String) -> String {
    (0..n).map(item).collect()
}

#[test]
fn xml_attributes_were_each_compared_with_all_earlier_ones() {
    assert_linear(
        "XML attributes",
        |n| format!("<Holder{}></Holder>", repeat(n, |i| format!(" a{i}=\"v\""))).into_bytes(),
        |input| {
            xml::from_slice::<Holder>(input).unwrap();
        },
    );
}

#[test]
fn xml_sibling_elements_decode_in_linear_time() {
    assert_linear(
        "XML sibling elements",
        |n| {
            format!(
                "<Holder>{}</Holder>",
                repeat(n, |i| format!("<x{i}>v</x{i}>"))
            )
            .into_bytes()
        },
        |input| {
            xml::from_slice::<Holder>(input).unwrap();
        },
    );
}

#[test]
fn json_object_keys_decode_in_linear_time() {
    // Below some 10,000 keys the input stays in the fastest caches and reads several times
    // faster per key: the small size starts above that.
    assert_linear_from(
        16_000,
        "JSON object keys",
        |n| {
            format!(
                "{{{}\"Name\":\"n\"}}",
                repeat(n, |i| format!("\"k{i}\":1,"))
            )
            .into_bytes()
        },
        |input| {
            json::from_slice::<Holder>(input).unwrap();
        },
    );
}

fn json_map(n: usize, value: &str) -> Vec<u8> {
    let entries: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{value}")).collect();
    format!("{{\"Entries\":{{{}}}}}", entries.join(",")).into_bytes()
}

#[test]
fn dynamic_map_entries_were_each_compared_with_all_earlier_ones() {
    assert_linear(
        "map entries (dynamic)",
        |n| json_map(n, "\"v\""),
        |input| {
            json::from_slice_dynamic(input, Holder::SCHEMA).unwrap();
        },
    );
}

#[test]
fn dropped_null_map_entries_were_each_compared_with_all_earlier_ones() {
    assert_linear(
        "dropped null map entries",
        |n| json_map(n, "null"),
        |input| {
            json::from_slice::<Holder>(input).unwrap();
            json::from_slice_dynamic(input, Holder::SCHEMA).unwrap();
        },
    );
}

#[derive(AwsShape, Debug, Default)]
struct HeadOutput {
    #[awso(http_prefix_headers = "x-amz-meta-")]
    metadata: Option<BTreeMap<String, String>>,
    #[awso(http_header = "x-list")]
    list: Option<Vec<String>>,
}

#[derive(AwsShape, Debug, Default)]
struct QueryInput {
    #[awso(http_query = "q")]
    q: Option<Vec<String>>,
    #[awso(http_query_params)]
    params: Option<BTreeMap<String, String>>,
}

#[derive(AwsError, Debug)]
enum NoErrors {
    Unknown(UnknownError),
}

struct Head;

impl Operation for Head {
    type Input = QueryInput;
    type Output = HeadOutput;
    type Error = NoErrors;
    const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "2006-03-01");
    const SCHEMA: &'static OperationSchema = &OperationSchema::new("Head", "GET", "/")
        .with_input(QueryInput::SCHEMA)
        .with_output(HeadOutput::SCHEMA);
}

#[test]
fn response_headers_decode_in_linear_time() {
    // The input is a count. An http::HeaderMap holds at most some 24,000 names.
    assert_linear_from(
        2_000,
        "response headers",
        |n| n.to_string().into_bytes(),
        |input| {
            let n: usize = std::str::from_utf8(input).unwrap().parse().unwrap();
            let list: Vec<String> = (0..n).map(|i| format!("item{i}")).collect();
            let mut builder = http::Response::builder()
                .status(200)
                .header("x-list", list.join(", "));
            for i in 0..n {
                builder = builder.header(format!("x-amz-meta-k{i}"), "v");
            }
            let response = builder.body(Vec::new()).unwrap();
            let output = protocol::response::<Head, _>(&response).unwrap();
            assert_eq!(output.metadata.unwrap().len(), n);
            assert_eq!(output.list.unwrap().len(), n);
        },
    );
}

#[test]
fn query_params_were_each_compared_with_all_explicit_ones() {
    let endpoint = Endpoint::parse("https://example.com").unwrap();
    // The URI stays under the http crate's limit of 64 KB.
    assert_linear_from(
        800,
        "query parameters",
        |n| n.to_string().into_bytes(),
        |input| {
            let n: usize = std::str::from_utf8(input).unwrap().parse().unwrap();
            let input = QueryInput {
                // Each map entry was compared with each explicit one.
                q: Some((0..n / 2).map(|i| i.to_string()).collect()),
                params: Some(
                    (0..n / 2)
                        .map(|i| (format!("p{i}"), "v".to_owned()))
                        .collect(),
                ),
            };
            protocol::request::<Head>(&input, &endpoint).unwrap();
        },
    );
}

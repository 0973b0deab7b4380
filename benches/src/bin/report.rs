//! Prints the results section of BENCHMARKS.md as Markdown: per size, every operation's
//! criterion median, throughput, ratios, allocations and peak heap; then the project's bar at
//! 1000 items, the payload sizes and the versions measured.
//!
//! ```text
//! export CARGO_TARGET_DIR=/tmp/target-bench
//! cargo bench --manifest-path benches/Cargo.toml --bench transcript
//! cargo run --release --manifest-path benches/Cargo.toml --bin report [criterion dir]
//! ```
//!
//! Medians come from criterion's `estimates.json` files (default directory:
//! `$CARGO_TARGET_DIR/criterion`, else `target/criterion`); allocations are counted here, by
//! running each operation under the counting allocator. Before printing anything, it checks
//! that every decoder reads the documents into the same data.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use awso_benches::alloc::{CountingAlloc, HeapStats, measure};
use awso_benches::convert::{from_awso, from_sdk};
use awso_benches::mirror;
use awso_benches::ops::{Fixture, Op};
use awso_benches::payload::SIZES;

#[global_allocator]
static ALLOCATOR: CountingAlloc = CountingAlloc;

/// One operation at one size.
struct Row {
    op: Op,
    median_ns: Option<f64>,
    heap: HeapStats,
    document: Option<usize>,
}

fn main() {
    let criterion = std::env::args()
        .nth(1)
        .map_or_else(default_criterion_dir, PathBuf::from);
    let mut out = String::new();
    let mut at_1000 = Vec::new();
    for items in SIZES {
        let fixture = Fixture::new(items);
        check_agreement(&fixture);
        let rows: Vec<Row> = Op::measured()
            .map(|op| Row {
                op,
                median_ns: median(&criterion, op, items),
                heap: heap_stats(op, &fixture),
                document: op.document_len(&fixture),
            })
            .collect();
        write_size_table(&mut out, items, &rows);
        if items == 1000 {
            at_1000 = rows;
        }
    }
    write_bar(&mut out, &at_1000);
    write_payloads(&mut out);
    write_versions(&mut out);
    print!("{out}");
}

fn default_criterion_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| PathBuf::from("target"), PathBuf::from)
        .join("criterion")
}

/// Every decoder must read the reference data, or the numbers mean nothing.
fn check_agreement(fx: &Fixture) {
    let want = fx.mirror();
    let json: awso_connectparticipant::GetTranscriptResponse =
        awso_core::json::from_slice(&fx.payload.json).expect("awso json");
    let xml: awso_connectparticipant::GetTranscriptResponse =
        awso_core::xml::from_str(&fx.xml_text).expect("awso xml");
    let serde: mirror::GetTranscriptResponse =
        serde_json::from_slice(&fx.payload.json).expect("serde_json");
    let quick: mirror::xml::GetTranscriptResponse =
        quick_xml::de::from_str(&fx.xml_text).expect("quick-xml");
    assert_eq!(&from_awso(&json), want, "awso json");
    assert_eq!(&from_awso(&xml), want, "awso xml");
    assert_eq!(&serde, want, "serde_json");
    assert_eq!(
        &mirror::GetTranscriptResponse::from(quick),
        want,
        "quick-xml"
    );
    assert_eq!(&from_sdk(&fx.sdk.output()), want, "sdk");
    let s3: awso_samples::s3::ListObjectsV2Output =
        awso_core::xml::from_str(&fx.s3.xml).expect("awso s3");
    assert_eq!(
        awso_benches::more::s3::from_awso(&s3),
        fx.s3.output,
        "awso s3"
    );
    let ec2: awso_samples::ec2::DescribeInstancesResult =
        awso_core::xml::from_str(&fx.ec2.xml).expect("awso ec2");
    assert_eq!(
        awso_benches::more::ec2::from_awso(&ec2),
        fx.ec2.output,
        "awso ec2"
    );
    #[cfg(feature = "sdk-s3")]
    assert_eq!(
        awso_benches::more::s3::from_sdk(&fx.sdk_s3.output_as()),
        fx.s3.output,
        "aws-sdk-s3"
    );
}

/// The heap use of one run, after a warm-up run (lazy statics, first-use buffers).
fn heap_stats(op: Op, fixture: &Fixture) -> HeapStats {
    op.run(fixture);
    measure(|| op.run(fixture))
}

fn median(dir: &Path, op: Op, items: usize) -> Option<f64> {
    let path = dir
        .join(op.group())
        .join(op.implementation())
        .join(items.to_string())
        .join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let estimates: serde_json::Value = serde_json::from_str(&text).ok()?;
    estimates["median"]["point_estimate"].as_f64()
}

/// The serde_json row an operation is compared with: same direction of the same data (none
/// for the S3 and EC2 responses, which only XML decoders read).
fn serde_json_baseline(op: Op) -> Option<Op> {
    Some(match op.group() {
        "json_encode" | "xml_encode" => Op::SerdeJsonEncode,
        "to_value" => Op::SerdeJsonToValue,
        "dynamodb_query_decode" => Op::SerdeJsonDynamoDbDecode,
        "s3_list_decode" | "ec2_instances_decode" => return None,
        _ => Op::SerdeJsonDecode,
    })
}

/// The other comparison that matters for an awso row, if any.
fn other_baseline(op: Op) -> Option<(Op, &'static str)> {
    match op {
        Op::AwsoJsonDecode | Op::AwsoResponse => Some((Op::SdkResponse, "SDK")),
        Op::AwsoXmlDecode => Some((Op::QuickXmlDecode, "quick-xml")),
        Op::AwsoXmlEncode => Some((Op::QuickXmlEncode, "quick-xml")),
        Op::AwsoJsonEncode => Some((Op::SonicEncode, "sonic-rs")),
        Op::AwsoDynamoDbDecode => Some((Op::SonicDynamoDbDecode, "sonic-rs")),
        Op::AwsoS3ListDecode | Op::AwsoS3ListResponse => {
            Some((Op::QuickXmlS3ListDecode, "quick-xml"))
        }
        Op::AwsoEc2Decode | Op::AwsoEc2Response => Some((Op::QuickXmlEc2Decode, "quick-xml")),
        _ => None,
    }
}

fn find(rows: &[Row], op: Op) -> &Row {
    rows.iter()
        .find(|r| r.op == op)
        .expect("every op has a row")
}

fn ratio(rows: &[Row], op: Op, baseline: Op) -> Option<f64> {
    Some(find(rows, op).median_ns? / find(rows, baseline).median_ns?)
}

fn write_size_table(out: &mut String, items: usize, rows: &[Row]) {
    let _ = writeln!(out, "### {items} items\n");
    out.push_str(
        "| operation | implementation | median | MiB/s | items/s | × serde_json | × other | allocs | reallocs | allocs/item | bytes allocated | peak heap |\n",
    );
    out.push_str("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for row in rows {
        let op = row.op;
        let throughput = match (row.median_ns, row.document) {
            (Some(ns), Some(bytes)) => format!("{:.1}", bytes as f64 / ns * 1e9 / 1_048_576.0),
            _ => "–".to_owned(),
        };
        let per_second = row
            .median_ns
            .map_or("–".to_owned(), |ns| si(items as f64 / ns * 1e9));
        let vs_serde = match serde_json_baseline(op) {
            Some(base) if base == op => "1.00×".to_owned(),
            Some(base) => fmt_ratio(ratio(rows, op, base)),
            None => "–".to_owned(),
        };
        let vs_other = other_baseline(op).map_or(String::new(), |(base, name)| {
            format!("{} {name}", fmt_ratio(ratio(rows, op, base)))
        });
        let _ = writeln!(
            out,
            "| {} | {} | {} | {throughput} | {per_second} | {vs_serde} | {vs_other} | {} | {} | {:.2} | {} | {} |",
            op.group(),
            op.implementation(),
            row.median_ns.map_or("–".to_owned(), duration),
            row.heap.allocs,
            row.heap.reallocs,
            row.heap.total() as f64 / items as f64,
            bytes(row.heap.bytes),
            bytes(row.heap.peak),
        );
    }
    out.push('\n');
}

fn write_bar(out: &mut String, rows: &[Row]) {
    if rows.is_empty() {
        return;
    }
    out.push_str("### The bar, at 1000 items\n\n");
    out.push_str("| target | measured | bar | met |\n|---|--:|--:|:-:|\n");
    let checks = [
        (
            "JSON decode ÷ serde_json decode",
            ratio(rows, Op::AwsoJsonDecode, Op::SerdeJsonDecode),
            0.8,
        ),
        (
            "JSON decode ÷ SDK deserializer",
            ratio(rows, Op::AwsoJsonDecode, Op::SdkResponse),
            0.4,
        ),
        (
            "(restJson1 response parse ÷ SDK deserializer)",
            ratio(rows, Op::AwsoResponse, Op::SdkResponse),
            0.4,
        ),
        (
            "JSON encode ÷ serde_json encode",
            ratio(rows, Op::AwsoJsonEncode, Op::SerdeJsonEncode),
            1.0,
        ),
        (
            "XML decode ÷ quick-xml serde decode",
            ratio(rows, Op::AwsoXmlDecode, Op::QuickXmlDecode),
            0.35,
        ),
        (
            "XML encode ÷ quick-xml serde encode",
            ratio(rows, Op::AwsoXmlEncode, Op::QuickXmlEncode),
            0.3,
        ),
        (
            "(XML decode ÷ quick-xml's bare reader: the hand-written tokenizer's case)",
            ratio(rows, Op::AwsoXmlDecode, Op::QuickXmlReader),
            1.0,
        ),
    ];
    for (name, measured, bar) in checks {
        let met = measured.map_or("?", |m| if m <= bar { "yes" } else { "**no**" });
        let _ = writeln!(
            out,
            "| {name} | {} | ≤ {bar:.2}× | {met} |",
            fmt_ratio(measured)
        );
    }
    let per_item = |op: Op| find(rows, op).heap.total() as f64 / 1000.0;
    let allocs = [
        (
            "JSON decode allocations per item ÷ serde_json's",
            Op::AwsoJsonDecode,
            Op::SerdeJsonDecode,
        ),
        (
            "(response parse allocations per item ÷ SDK's)",
            Op::AwsoResponse,
            Op::SdkResponse,
        ),
        (
            "(XML decode allocations per item ÷ quick-xml's)",
            Op::AwsoXmlDecode,
            Op::QuickXmlDecode,
        ),
    ];
    for (name, ours, theirs) in allocs {
        let (a, b) = (per_item(ours), per_item(theirs));
        let met = if a <= b { "yes" } else { "**no**" };
        let _ = writeln!(out, "| {name} | {a:.2} vs {b:.2} | ≤ 1.00× | {met} |");
    }
    out.push('\n');
}

fn write_payloads(out: &mut String) {
    out.push_str(
        "### Payloads\n\n| items | JSON bytes | XML bytes | rich contents |\n|--:|--:|--:|--:|\n",
    );
    for items in SIZES {
        let p = awso_benches::payload::Payload::generate(items);
        let _ = writeln!(
            out,
            "| {items} | {} | {} | {} |",
            p.json.len(),
            p.xml.len(),
            p.rich_contents
        );
    }
    out.push('\n');
}

fn write_versions(out: &mut String) {
    out.push_str("### Versions\n\n");
    let rustc = std::process::Command::new(std::env::var("RUSTC").unwrap_or("rustc".into()))
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let _ = writeln!(out, "- {rustc}");
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock");
    let lock = std::fs::read_to_string(lock).unwrap_or_default();
    for name in [
        "awso-core",
        "serde",
        "serde_json",
        "quick-xml",
        "sonic-rs",
        "ciborium",
        "minicbor-serde",
        "simdutf8",
        "aws-sdk-connectparticipant",
        "aws-sdk-s3",
        "aws-smithy-json",
        "aws-smithy-runtime-api",
        "aws-smithy-types",
        "criterion",
    ] {
        if let Some(version) = locked_version(&lock, name) {
            let _ = writeln!(out, "- {name} {version}");
        }
    }
    out.push('\n');
}

/// The version of `name` in a Cargo.lock.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{name}\"") {
            let version = lines.next()?.strip_prefix("version = \"")?;
            return Some(version.trim_end_matches('"').to_owned());
        }
    }
    None
}

fn fmt_ratio(r: Option<f64>) -> String {
    r.map_or("–".to_owned(), |r| format!("{r:.2}×"))
}

fn duration(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

fn si(x: f64) -> String {
    if x >= 1e6 {
        format!("{:.2} M", x / 1e6)
    } else if x >= 1e3 {
        format!("{:.0} k", x / 1e3)
    } else {
        format!("{x:.0}")
    }
}

fn bytes(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{:.2} MiB", n as f64 / 1_048_576.0)
    } else if n >= 1 << 10 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{n} B")
    }
}

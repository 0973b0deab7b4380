//! Fuzz entry points of awso-core: one plain function per target, holding the whole check, so
//! that libFuzzer (`fuzz_targets/*.rs`) and the ordinary replay test (`tests/replay.rs`) run
//! the same code.
//!
//! Every entry point takes any bytes and must not panic. Where a decode succeeds, the value
//! is written again and read back, and must come back unchanged ("nothing is lost"); where a
//! shape can be read both by a derived type and by its run-time schema (the typed and the
//! dynamic mode), both must accept the same inputs and give the same value. Errors are
//! expected and return normally.
//!
//! | entry point | input | what runs |
//! |---|---|---|
//! | [`json_decode`] | JSON text | `json::from_slice` into `Aggregates`, `JsonOnly`, `Node`, `Document` (checked against serde_json); `json::from_slice_dynamic` |
//! | [`xml_decode`] | XML text | `xml::from_slice` into `Aggregates`, `Node`; `xml::from_slice_dynamic` |
//! | [`value_decode`] | `arbitrary` bytes | a `Value` tree through `from_value` and `value::from_value_dynamic` |
//! | [`rest_json_response`] .. [`ec2_query_response`] | a small HTTP response ([`http_input`]) | `parse_response_dynamic` and the typed `parse_response` of the [`model`] operations |
//! | [`query_encode`] | `arbitrary` bytes | a `Value` through `query::to_string_dynamic` (both flavors) and `build_request` (every protocol); what is written must be a valid `Value`, and JSON and XML request bodies must read back |
//! | [`timestamp_parse`] | text, and an instant from the first 12 bytes | `Timestamp::parse` / `format` in every format |
//! | [`blob_parse`] | base64 text | `json::from_slice::<Blob>` (and XML) on it, then a round trip |
//! | [`cbor_decode`] | CBOR bytes | `cbor::from_slice` into `Aggregates`, `Node`, `Document`; `cbor::from_slice_dynamic`; every truncated prefix of a document that reads must fail |
//! | [`rpcv2_response`] | a small HTTP response ([`http_input`]) | like the other response targets, for `rpcv2Cbor` (plain and query-compatible) |
//!
//! Running them (`FUZZING.md` at the project root keeps the numbers of every session):
//!
//! ```sh
//! fuzz/seed-from-suites.sh   # protocol-suite bodies into fuzz/corpus/ (git-ignored)
//! fuzz/campaign.sh 1800      # every target for 30 minutes, numbers into fuzz/logs/
//! cargo +nightly fuzz run json_decode fuzz/corpus/json_decode fuzz/seeds/json_decode -- \
//!   -max_total_time=180 -rss_limit_mb=2048 -timeout=10
//! cargo test --manifest-path fuzz/Cargo.toml   # replays seeds/ and regressions/, stable
//! ```
//!
//! `examples/replay.rs` runs any file or directory through a target without libFuzzer, and
//! `examples/write_seeds.rs` writes `seeds/`.

#![forbid(unsafe_code)]

pub mod arb;
pub mod compare;
pub mod http_input;
pub mod model;
pub mod oracle;

use std::fmt::Debug;
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use awso_core::error::Category;
use awso_core::json::JsonDeserializer;
use awso_core::protocol::{
    self, DynamicError, Endpoint, OperationSchema, Protocol, RequestOptions, ResponseError,
    ServiceSchema,
};
use awso_core::query::{self, QueryFlavor};
use awso_core::schema::TimestampFormat;
use awso_core::xml::XmlDeserializer;
use awso_core::{AwsError, AwsShape, AwsStruct, Blob, Document, Schema, Timestamp, Value};
use awso_core::{Member, cbor, json, value, xml};
use awso_tests::{Aggregates, JsonOnly, Node};

use crate::compare::{assert_modes_agree, assert_same};
use crate::model::{DataOutput, ItemOutput, ThingError, ThingInput, ThingOutput};

/// An entry point: any bytes in, a panic only for a bug.
pub type Target = fn(&[u8]);

/// The names of the targets, as `fuzz_targets/<name>.rs`, `seeds/<name>/` and
/// `regressions/<name>/` spell them, with their entry points.
pub const TARGETS: &[(&str, Target)] = &[
    ("json_decode", json_decode),
    ("xml_decode", xml_decode),
    ("value_decode", value_decode),
    ("rest_json_response", rest_json_response),
    ("aws_json_response", aws_json_response),
    ("rest_xml_response", rest_xml_response),
    ("aws_query_response", aws_query_response),
    ("ec2_query_response", ec2_query_response),
    ("query_encode", query_encode),
    ("timestamp_parse", timestamp_parse),
    ("blob_parse", blob_parse),
    ("checksum_verify", checksum_verify),
    ("cbor_decode", cbor_decode),
    ("rpcv2_response", rpcv2_response),
];

/// Builds what the targets keep for the whole process (the fuzz model of every protocol, the
/// endpoint) before the first input, so that it is not counted against any input. The
/// dynamic model's schemas are leaked on purpose (`awso_core::dynamic` documents it); the
/// fuzz runs tell LeakSanitizer so with `fuzz/lsan.supp`.
pub fn init() {
    let _ = model::all_services().count();
    let _ = model::services(Protocol::RpcV2Cbor);
    let _ = endpoint();
}

const FORMATS: [TimestampFormat; 3] = [
    TimestampFormat::DateTime,
    TimestampFormat::EpochSeconds,
    TimestampFormat::HttpDate,
];

// ---------------------------------------------------------------------------------------
// JSON

/// JSON bodies into every JSON-capable test shape, typed and dynamic; documents also through
/// serde_json, the oracle of JSON syntax.
pub fn json_decode(data: &[u8]) {
    oracle::json_agrees_with_serde_json(data);
    let _ = json_round_trip::<Node>(data);
    let _ = json_round_trip::<Document>(data);
    let typed = json_round_trip::<Aggregates>(data);
    let dynamic = json_dynamic_round_trip(data, Aggregates::SCHEMA);
    modes_agree("json Aggregates", &typed, &dynamic);
    let typed = json_round_trip::<JsonOnly>(data);
    let dynamic = json_dynamic_round_trip(data, JsonOnly::SCHEMA);
    modes_agree("json JsonOnly", &typed, &dynamic);
}

fn json_round_trip<T: AwsShape + Debug>(data: &[u8]) -> awso_core::Result<T> {
    let value = json::from_slice::<T>(data)?;
    let what = std::any::type_name::<T>();
    let text = match json::to_string(&value) {
        Ok(text) => text,
        Err(e) if cannot_be_written(&e) => return Ok(value),
        Err(e) => panic!("json {what}: read {value:?} but cannot write it: {e}"),
    };
    let again = json::from_str::<T>(&text)
        .unwrap_or_else(|e| panic!("json {what}: cannot read back {text:?}: {e}"));
    assert_same(
        &format!("json {what} round trip via {text:?}"),
        &value,
        &again,
    );
    Ok(value)
}

fn json_dynamic_round_trip(data: &[u8], schema: &'static Schema) -> awso_core::Result<Value> {
    let value = json::from_slice_dynamic(data, schema)?;
    let text = match json::to_string_dynamic(&value, schema) {
        Ok(text) => text,
        Err(e) if cannot_be_written(&e) => return Ok(value),
        Err(e) => panic!("json dynamic: read {value:?} but cannot write it: {e}"),
    };
    let again = json::from_slice_dynamic(text.as_bytes(), schema)
        .unwrap_or_else(|e| panic!("json dynamic: cannot read back {text:?}: {e}"));
    assert_same(
        &format!("json dynamic round trip via {text:?}"),
        &value,
        &again,
    );
    Ok(value)
}

/// Whether a value that was read may fail to be written: a union's unknown member keeps only
/// its name (documented in `awso_core::ser`), so it cannot be sent back.
fn cannot_be_written(e: &awso_core::Error) -> bool {
    e.category() == Category::Unsupported && e.to_string().contains("unknown union member")
}

/// Panics unless a typed and a dynamic decode of the same input both failed, or both gave
/// the same value.
fn modes_agree<T: AwsShape + Debug>(
    what: &str,
    typed: &awso_core::Result<T>,
    dynamic: &awso_core::Result<Value>,
) {
    match (typed, dynamic) {
        (Ok(typed), Ok(dynamic)) => {
            let typed = awso_core::to_value(typed)
                .unwrap_or_else(|e| panic!("{what}: to_value of {typed:?} failed: {e}"));
            assert_modes_agree(&format!("{what}: typed vs dynamic"), &typed, dynamic);
        }
        (Ok(typed), Err(e)) => panic!("{what}: typed read {typed:?}, dynamic failed: {e}"),
        (Err(e), Ok(dynamic)) => panic!("{what}: dynamic read {dynamic:?}, typed failed: {e}"),
        (Err(_), Err(_)) => {}
    }
}

// ---------------------------------------------------------------------------------------
// CBOR

/// CBOR bodies into the test shapes, typed and dynamic, each written again and read back;
/// a document that reads must not read from any proper prefix of its bytes (CBOR items are
/// prefix-free, so a truncated body always fails, and fails cleanly).
pub fn cbor_decode(data: &[u8]) {
    let _ = cbor_round_trip::<Node>(data);
    if cbor_round_trip::<Document>(data).is_ok() {
        for end in prefix_ends(data.len()) {
            assert!(
                cbor::from_slice::<Document>(&data[..end]).is_err(),
                "cbor: the prefix of {end} of {} bytes read as a document",
                data.len()
            );
        }
    }
    let typed = cbor_round_trip::<Aggregates>(data);
    let dynamic = cbor_dynamic_round_trip(data, Aggregates::SCHEMA);
    modes_agree("cbor Aggregates", &typed, &dynamic);
}

/// The prefix lengths to try: all of them for short inputs, 64 spread evenly for long ones
/// (the check stays linear per input).
fn prefix_ends(len: usize) -> impl Iterator<Item = usize> {
    let step = (len / 64).max(1);
    (0..len).step_by(step)
}

fn cbor_round_trip<T: AwsShape + Debug>(data: &[u8]) -> awso_core::Result<T> {
    let value = cbor::from_slice::<T>(data)?;
    let what = std::any::type_name::<T>();
    let bytes = match cbor::to_vec(&value) {
        Ok(bytes) => bytes,
        Err(e) if cannot_be_written(&e) => return Ok(value),
        Err(e) => panic!("cbor {what}: read {value:?} but cannot write it: {e}"),
    };
    let again = cbor::from_slice::<T>(&bytes)
        .unwrap_or_else(|e| panic!("cbor {what}: cannot read back {bytes:02x?}: {e}"));
    assert_same(
        &format!("cbor {what} round trip via {bytes:02x?}"),
        &value,
        &again,
    );
    Ok(value)
}

fn cbor_dynamic_round_trip(data: &[u8], schema: &'static Schema) -> awso_core::Result<Value> {
    let value = cbor::from_slice_dynamic(data, schema)?;
    let bytes = match cbor::to_vec_dynamic(&value, schema) {
        Ok(bytes) => bytes,
        Err(e) if cannot_be_written(&e) => return Ok(value),
        Err(e) => panic!("cbor dynamic: read {value:?} but cannot write it: {e}"),
    };
    let again = cbor::from_slice_dynamic(&bytes, schema)
        .unwrap_or_else(|e| panic!("cbor dynamic: cannot read back {bytes:02x?}: {e}"));
    assert_same(
        &format!("cbor dynamic round trip via {bytes:02x?}"),
        &value,
        &again,
    );
    Ok(value)
}

// ---------------------------------------------------------------------------------------
// XML

/// XML bodies into every XML-capable test shape, typed and dynamic.
pub fn xml_decode(data: &[u8]) {
    let typed = xml_round_trip::<Aggregates>(data);
    let _ = xml_round_trip::<Node>(data);
    let dynamic = xml_dynamic_round_trip(data, Aggregates::SCHEMA);
    modes_agree("xml Aggregates", &typed, &dynamic);
}

fn xml_round_trip<T: AwsShape + Debug>(data: &[u8]) -> awso_core::Result<T> {
    let value = xml::from_slice::<T>(data)?;
    let what = std::any::type_name::<T>();
    let text = match xml::to_string(&value) {
        Ok(text) => text,
        Err(e) if cannot_be_written(&e) => return Ok(value),
        Err(e) => panic!("xml {what}: read {value:?} but cannot write it: {e}"),
    };
    let again = xml::from_str::<T>(&text)
        .unwrap_or_else(|e| panic!("xml {what}: cannot read back {text:?}: {e}"));
    assert_same(
        &format!("xml {what} round trip via {text:?}"),
        &value,
        &again,
    );
    Ok(value)
}

fn xml_dynamic_round_trip(data: &[u8], schema: &'static Schema) -> awso_core::Result<Value> {
    let value = xml::from_slice_dynamic(data, schema)?;
    let text = match xml::to_string_dynamic(&value, schema) {
        Ok(text) => text,
        Err(e) if cannot_be_written(&e) => return Ok(value),
        Err(e) => panic!("xml dynamic: read {value:?} but cannot write it: {e}"),
    };
    let again = xml::from_slice_dynamic(text.as_bytes(), schema)
        .unwrap_or_else(|e| panic!("xml dynamic: cannot read back {text:?}: {e}"));
    assert_same(
        &format!("xml dynamic round trip via {text:?}"),
        &value,
        &again,
    );
    Ok(value)
}

// ---------------------------------------------------------------------------------------
// Value

/// A `Value` tree (free-form, or shaped like `Aggregates` or `JsonOnly`) through
/// `from_value` and `value::from_value_dynamic`.
pub fn value_decode(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(choice) = u.arbitrary::<u8>() else {
        return;
    };
    let schema = if choice & 1 == 0 {
        Aggregates::SCHEMA
    } else {
        JsonOnly::SCHEMA
    };
    let tree = if choice & 2 == 0 {
        arb::shaped_value(&mut u, schema)
    } else {
        arb::ArbValue::arbitrary(&mut u).map(|v| v.to_value())
    };
    let Ok(tree) = tree else {
        return;
    };
    if schema.name() == Aggregates::SCHEMA.name() {
        value_round_trip::<Aggregates>(&tree);
    } else {
        value_round_trip::<JsonOnly>(&tree);
    }
}

fn value_round_trip<T: AwsShape + Debug>(tree: &Value) {
    let typed = awso_core::from_value::<T>(tree);
    if let Ok(typed) = &typed {
        let what = std::any::type_name::<T>();
        let again = awso_core::to_value(typed)
            .unwrap_or_else(|e| panic!("value {what}: read {typed:?} but cannot write it: {e}"));
        let back = awso_core::from_value::<T>(&again)
            .unwrap_or_else(|e| panic!("value {what}: cannot read back {again:?}: {e}"));
        assert_same(&format!("value {what} round trip"), typed, &back);
    }
    let dynamic = value::from_value_dynamic(tree, T::SCHEMA);
    if let Ok(canonical) = &dynamic {
        let again = value::from_value_dynamic(canonical, T::SCHEMA)
            .unwrap_or_else(|e| panic!("value dynamic: cannot read back {canonical:?}: {e}"));
        assert_same(
            "value dynamic: canonical form is not stable",
            canonical,
            &again,
        );
    }
    modes_agree("value", &typed, &dynamic);
}

// ---------------------------------------------------------------------------------------
// Protocol responses

/// A `restJson1` response through the fuzz model's operations, dynamic and typed.
pub fn rest_json_response(data: &[u8]) {
    response_target(Protocol::RestJson1, data);
}

/// An `awsJson1_1` and a query-compatible `awsJson1_0` response, dynamic and typed.
pub fn aws_json_response(data: &[u8]) {
    response_target(Protocol::AwsJson1_1, data);
}

/// A `restXml` response, dynamic and typed.
pub fn rest_xml_response(data: &[u8]) {
    response_target(Protocol::RestXml, data);
}

/// An `awsQuery` response, dynamic and typed.
pub fn aws_query_response(data: &[u8]) {
    response_target(Protocol::AwsQuery, data);
}

/// An `ec2Query` response, dynamic and typed.
pub fn ec2_query_response(data: &[u8]) {
    response_target(Protocol::Ec2Query, data);
}

/// An `rpcv2Cbor` response (plain and query-compatible), dynamic and typed.
pub fn rpcv2_response(data: &[u8]) {
    response_target(Protocol::RpcV2Cbor, data);
}

fn response_target(protocol: Protocol, data: &[u8]) {
    let response = http_input::response(data);
    for service in model::services(protocol) {
        let typed_ops = model::typed_operations();
        for (index, operation) in service.operations().into_iter().enumerate() {
            let dynamic = protocol::parse_response_dynamic(service.dynamic(), operation, &response);
            check_error_kept(&response, &dynamic);
            let what = format!(
                "{protocol:?} {} {}",
                operation.name(),
                if service.typed.query_compatible() {
                    "(query-compatible)"
                } else {
                    ""
                }
            );
            let (typed, operation) = (service.typed, typed_ops[index]);
            match index {
                0 => typed_response::<ThingOutput>(&what, typed, operation, &response, &dynamic),
                1 => typed_response::<ItemOutput>(&what, typed, operation, &response, &dynamic),
                _ => typed_response::<DataOutput>(&what, typed, operation, &response, &dynamic),
            }
        }
    }
}

/// An error response is never lost: an unknown error keeps the status and the whole body.
fn check_error_kept(response: &http::Response<Vec<u8>>, result: &DynamicResult) {
    if let Err(ResponseError::Service {
        error: DynamicError::Unknown(unknown),
        ..
    }) = result
    {
        assert_eq!(unknown.status(), Some(response.status().as_u16()));
        assert_eq!(unknown.body(), response.body().as_slice());
    }
}

type DynamicResult = Result<Value, ResponseError<DynamicError>>;

fn typed_response<O: AwsStruct + Debug>(
    what: &str,
    service: &ServiceSchema,
    operation: &OperationSchema,
    response: &http::Response<Vec<u8>>,
    dynamic: &DynamicResult,
) {
    let typed = protocol::parse_response::<O, ThingError, _>(service, operation, response);
    match (&typed, dynamic) {
        (Ok(typed), Ok(dynamic)) => {
            let typed = awso_core::to_value(typed)
                .unwrap_or_else(|e| panic!("{what}: to_value of {typed:?} failed: {e}"));
            assert_modes_agree(&format!("{what}: output"), &typed, dynamic);
            let back = awso_core::from_value::<O>(&typed)
                .unwrap_or_else(|e| panic!("{what}: cannot read back {typed:?}: {e}"));
            assert_same(&format!("{what}: output value round trip"), &typed, &{
                awso_core::to_value(&back).expect("written once already")
            });
        }
        (
            Err(ResponseError::Service { error: typed, .. }),
            Err(ResponseError::Service { error: dynamic, .. }),
        ) => {
            errors_agree(what, typed, dynamic);
        }
        (Err(ResponseError::Decode { .. }), Err(ResponseError::Decode { .. })) => {}
        (typed, dynamic) => panic!("{what}: typed gave {typed:?}, dynamic gave {dynamic:?}"),
    }
}

fn errors_agree(what: &str, typed: &ThingError, dynamic: &DynamicError) {
    let typed_value = match typed {
        ThingError::NotFound(e) => Some(awso_core::to_value(e)),
        ThingError::ThrottledException(e) => Some(awso_core::to_value(e)),
        ThingError::Unknown(_) => None,
    };
    match (typed_value, dynamic) {
        (Some(typed_value), DynamicError::Modeled { schema, value, .. }) => {
            let typed_value =
                typed_value.unwrap_or_else(|e| panic!("{what}: to_value of {typed:?}: {e}"));
            assert_eq!(
                typed.modeled_schema().map(Schema::name),
                Some(schema.name()),
                "{what}: typed and dynamic picked different errors"
            );
            assert_modes_agree(&format!("{what}: modeled error"), &typed_value, value);
        }
        (None, DynamicError::Unknown(dynamic)) => {
            let typed = typed.as_unknown().expect("the unknown variant");
            assert_eq!(typed, &**dynamic, "{what}: unknown errors differ");
        }
        (_, dynamic) => panic!("{what}: typed gave {typed:?}, dynamic gave {dynamic:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// Query and requests

/// A `Value` (shaped like `Aggregates` or the model's input, or free-form) through
/// `query::to_string_dynamic` in both flavors and `build_request` for every protocol and
/// operation; the typed mode must write the same query strings and requests.
pub fn query_encode(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(choice) = u.arbitrary::<u8>() else {
        return;
    };
    let tree = match choice % 3 {
        0 => arb::shaped_value(&mut u, Aggregates::SCHEMA),
        1 => arb::shaped_value(&mut u, ThingInput::SCHEMA),
        _ => arb::ArbValue::arbitrary(&mut u).map(|v| v.to_value()),
    };
    let Ok(tree) = tree else {
        return;
    };
    for flavor in [QueryFlavor::AwsQuery, QueryFlavor::Ec2Query] {
        for schema in [Aggregates::SCHEMA, ThingInput::SCHEMA] {
            if query::to_string_dynamic(&tree, schema, flavor).is_ok() {
                sent_input_is_valid(&format!("{flavor:?} query string"), &tree, schema);
            }
        }
        if let Ok(typed) = awso_core::from_value::<Aggregates>(&tree) {
            let canonical = awso_core::to_value(&typed).expect("a typed value has a Value");
            let from_typed = query::to_string(&typed, flavor).map_err(|e| e.to_string());
            let from_dynamic = query::to_string_dynamic(&canonical, Aggregates::SCHEMA, flavor)
                .map_err(|e| e.to_string());
            assert_eq!(
                from_typed, from_dynamic,
                "{flavor:?}: typed and dynamic query strings differ for {canonical:?}"
            );
        }
    }
    requests(&tree);
}

fn endpoint() -> &'static Endpoint {
    static ENDPOINT: OnceLock<Endpoint> = OnceLock::new();
    ENDPOINT.get_or_init(|| Endpoint::parse("https://fuzz.example.com/base").expect("valid"))
}

fn options() -> RequestOptions {
    RequestOptions {
        idempotency_token: || "00000000-0000-4000-8000-000000000000".to_owned(),
        // Small enough that generated bodies get compressed now and then.
        min_compression_size: 256,
        ..RequestOptions::default()
    }
}

fn requests(tree: &Value) {
    let typed = awso_core::from_value::<ThingInput>(tree).ok();
    let canonical = typed
        .as_ref()
        .map(|t| awso_core::to_value(t).expect("a typed value has a Value"));
    for service in model::all_services() {
        let typed_ops = model::typed_operations();
        for (index, operation) in service.operations().into_iter().enumerate() {
            let request =
                protocol::build_request(service.dynamic(), operation, tree, endpoint(), &options());
            if let Ok(request) = &request {
                body_round_trip(service.dynamic().protocol(), operation, tree, request);
            }
            let (Some(typed), Some(canonical)) = (&typed, &canonical) else {
                continue;
            };
            let what = format!("{:?} {}", service.typed.protocol(), operation.name());
            let from_typed = protocol::build_request(
                service.typed,
                typed_ops[index],
                typed,
                endpoint(),
                &options(),
            );
            let from_dynamic = protocol::build_request(
                service.dynamic(),
                operation,
                canonical,
                endpoint(),
                &options(),
            );
            assert_eq!(
                request_text(&from_typed),
                request_text(&from_dynamic),
                "{what}: typed and dynamic requests differ for {canonical:?}"
            );
        }
    }
}

/// The body of a request reads back, with the protocol's own decoder, as the input's body
/// members (plus the idempotency token the builder filled in). Compressed bodies and the
/// form bodies of the query protocols (which no decoder reads) are left out.
fn body_round_trip(
    protocol: Protocol,
    operation: &OperationSchema,
    tree: &Value,
    request: &http::Request<Vec<u8>>,
) {
    let schema = operation.input();
    let what = format!("{protocol:?} {} request", operation.name());
    let canonical = sent_input_is_valid(&what, tree, schema);
    if request.headers().contains_key("content-encoding") {
        return;
    }
    let root = Member::root(schema);
    let body = request.body().as_slice();
    let decoded = match protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => json::from_slice_dynamic(body, schema),
        Protocol::RestJson1 => JsonDeserializer::from_slice(body).and_then(|mut de| {
            let value = protocol::read_body_members::<Value, _>(&mut de, &root)?;
            de.end().map(|()| value)
        }),
        Protocol::RestXml => XmlDeserializer::from_slice(body).and_then(|mut de| {
            let value = protocol::read_body_members::<Value, _>(&mut de, &root)?;
            de.end().map(|()| value)
        }),
        Protocol::RpcV2Cbor => cbor::from_slice_dynamic(body, schema),
        Protocol::AwsQuery | Protocol::Ec2Query => return,
    };
    let text = String::from_utf8_lossy(body);
    let decoded = decoded.unwrap_or_else(|e| panic!("{what}: cannot read back {text:?}: {e}"));
    let body_member = |name: &str| {
        schema
            .member_named(name)
            .is_some_and(|m| !(protocol.is_rest() && m.traits().bound_in_request()))
    };
    let (Value::Structure(sent), Value::Structure(read)) = (&canonical, &decoded) else {
        panic!("{what}: not a structure: {decoded:?}");
    };
    let token_filled = !sent.iter().any(|(name, _)| name == "ClientToken");
    let expected: Vec<_> = sent.iter().filter(|(name, _)| body_member(name)).collect();
    // Reading a body alone fills required bound members (the labels) with zero values, as
    // responses are read: only body members are compared.
    let read: Vec<_> = read
        .iter()
        .filter(|(name, _)| body_member(name) && !(token_filled && name == "ClientToken"))
        .collect();
    assert_same(&format!("{what} via {text:?}"), &expected, &read);
}

/// An input that was written (as a request or a query string) must be one the `Value` codec
/// accepts for its schema; returns its canonical form.
fn sent_input_is_valid(what: &str, tree: &Value, schema: &'static Schema) -> Value {
    match value::from_value_dynamic(tree, schema) {
        Ok(canonical) => canonical,
        Err(e) => panic!("{what}: written, but not a valid {}: {e}", schema.name()),
    }
}

/// Everything a request says, for comparisons (errors by their message).
fn request_text(request: &awso_core::Result<http::Request<Vec<u8>>>) -> String {
    match request {
        Ok(r) => format!(
            "{} {}\n{:?}\n{:?}",
            r.method(),
            r.uri(),
            r.headers(),
            r.body()
        ),
        Err(e) => format!("error: {e}"),
    }
}

// ---------------------------------------------------------------------------------------
// Timestamps and blobs

/// Timestamp text in every format: what parses must format and parse back to the same
/// instant. The first 12 bytes also make an instant (seconds, nanoseconds) that every
/// format must write without panicking, and read back when it writes.
pub fn timestamp_parse(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        for format in FORMATS {
            if let Ok(t) = Timestamp::parse(text, format) {
                if let Err(e) = t.format(format) {
                    panic!("{format:?}: read {text:?} as {t:?} but cannot write it: {e}");
                }
                formats_round_trip(t);
            }
        }
    }
    if let (Some(secs), Some(nanos)) = (data.get(..8), data.get(8..12)) {
        let secs = i64::from_le_bytes(secs.try_into().expect("8 bytes"));
        let nanos = u32::from_le_bytes(nanos.try_into().expect("4 bytes")) % 1_000_000_000;
        if let Some(t) = Timestamp::from_secs_and_nanos(secs, nanos) {
            formats_round_trip(t);
        }
    }
}

/// Writes `t` in every format (errors allowed: date formats stop at year 9999) and reads
/// each text back: the same instant, except that http-date (IMF-fixdate) has no fraction of
/// a second and reads back as the whole second.
fn formats_round_trip(t: Timestamp) {
    let _ = t.to_string();
    for format in FORMATS {
        if let Ok(text) = t.format(format) {
            let back = Timestamp::parse(&text, format)
                .unwrap_or_else(|e| panic!("{format:?}: wrote {t:?} as {text:?}, reading: {e}"));
            let expected = match format {
                TimestampFormat::HttpDate => Timestamp::from_secs(t.secs()),
                _ => t,
            };
            assert_eq!(back, expected, "{format:?}: {text:?} read back differently");
        }
    }
}

/// Base64 text as a JSON string (escaped, and raw between quotes) and as XML element text,
/// read as a `Blob`; what reads must write and read back to the same bytes.
pub fn blob_parse(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(quoted) = json::to_string(&text.to_string()) {
        blob_json_round_trip(quoted.as_bytes());
    }
    let mut raw = Vec::with_capacity(data.len() + 2);
    raw.push(b'"');
    raw.extend_from_slice(data);
    raw.push(b'"');
    blob_json_round_trip(&raw);
    let element = format!("<Blob>{text}</Blob>");
    if let Ok(blob) = xml::from_str::<Blob>(&element) {
        let written = xml::to_string(&blob).expect("a blob writes as XML");
        let back = xml::from_str::<Blob>(&written)
            .unwrap_or_else(|e| panic!("xml blob: cannot read back {written:?}: {e}"));
        assert_eq!(back, blob, "xml blob round trip via {written:?}");
    }
}

fn blob_json_round_trip(json_text: &[u8]) {
    if let Ok(blob) = json::from_slice::<Blob>(json_text) {
        let written = json::to_string(&blob).expect("a blob writes as JSON");
        let back = json::from_str::<Blob>(&written)
            .unwrap_or_else(|e| panic!("json blob: cannot read back {written:?}: {e}"));
        assert_eq!(back, blob, "json blob round trip via {written:?}");
    }
}

/// Response checksum validation: the first line is the `x-amz-checksum-*` header's value
/// (for the algorithm the first byte picks), the rest is the body. Never panics; passes
/// exactly when the header is the body's checksum, or is a checksum of parts (`...-N`),
/// which cannot be checked; and a header made from the body always passes.
pub fn checksum_verify(data: &[u8]) {
    use awso_core::protocol::{ChecksumAlgorithm, verify_checksum};
    const ALL: [ChecksumAlgorithm; 5] = [
        ChecksumAlgorithm::Crc32,
        ChecksumAlgorithm::Crc32c,
        ChecksumAlgorithm::Crc64Nvme,
        ChecksumAlgorithm::Sha1,
        ChecksumAlgorithm::Sha256,
    ];
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let algorithm = ALL[usize::from(pick) % ALL.len()];
    let (line, body) = match rest.iter().position(|&b| b == b'\n') {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let computed = algorithm.checksum(body);
    let mut headers = http::HeaderMap::new();
    headers.insert(
        algorithm.header(),
        computed.parse().expect("base64 is a header value"),
    );
    assert!(
        verify_checksum(&ALL, &headers, body).is_ok(),
        "the body's own checksum failed"
    );
    let Ok(value) = http::HeaderValue::from_bytes(line) else {
        return;
    };
    headers.insert(algorithm.header(), value);
    let sent = String::from_utf8_lossy(line).trim().to_owned();
    let parts = sent
        .rsplit_once('-')
        .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let passed = verify_checksum(&ALL, &headers, body).is_ok();
    assert_eq!(
        passed,
        parts || sent == computed,
        "{sent:?} against {computed:?}"
    );
}

//! Writes the committed seed corpus, `seeds/<target>/`, from this project's own data: values
//! of the test shapes written by awso's own encoders, and error bodies in every envelope.
//!
//! `cargo run --manifest-path fuzz/Cargo.toml --example write_seeds` (re)writes them; the
//! files are committed so that the replay test and fuzz runs need no generation step.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use awso_core::schema::TimestampFormat;
use awso_core::{AwsShape, Blob, Document, Timestamp, cbor, json, xml};
use awso_fuzz::model::{Choice, Item, Role, ThingOutput};
use awso_tests::{
    Aggregates, Content, JsonOnly, Node, ParticipantRole, Priority, Receipt, Scalars,
};
use indexmap::IndexMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seeds: Vec<(&str, String, Vec<u8>)> = Vec::new();
    let mut add = |target: &'static str, name: &str, data: Vec<u8>| {
        seeds.push((target, name.to_owned(), data));
    };

    for (name, text) in json_documents()? {
        add("json_decode", name, text.into_bytes());
    }
    for (name, text) in xml_documents()? {
        add("xml_decode", name, text.into_bytes());
    }
    for (i, data) in pseudo_random_inputs().into_iter().enumerate() {
        add("value_decode", &format!("bytes-{i}"), data.clone());
        add("query_encode", &format!("bytes-{i}"), data);
    }
    for (target, name, response) in responses()? {
        add(target, name, response.into_bytes());
    }
    for (target, name, data) in non_ascii_header_seeds() {
        add(target, name, data);
    }
    for (target, name, data) in cbor_seeds()? {
        add(target, name, data);
    }
    for (name, data) in timestamps()? {
        add("timestamp_parse", name, data);
    }
    for (name, text) in [
        ("padded", "aGVsbG8gd29ybGQ="),
        ("unpadded", "aGVsbG8gd29ybGQ"),
        ("empty", ""),
        ("binary", "AAEC/v8="),
        ("spaced", "  aGk=\n"),
        ("json-escapes", "\\u0061Gk\\u003d"),
        ("invalid", "not base64!"),
    ] {
        add("blob_parse", name, text.as_bytes().to_vec());
    }

    for (target, name, data) in seeds {
        let dir = root.join(target);
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(name), data)?;
    }
    Ok(())
}

fn scalars() -> Scalars {
    Scalars {
        boolean: Some(true),
        byte: Some(-8),
        short: Some(1024),
        integer: Some(-70_000),
        long: Some(9_007_199_254_740_993),
        float: Some(1.5),
        double: Some(f64::NEG_INFINITY),
        string: Some("tab\t quote\" amp& lt< é 🎉".into()),
        blob: Some(Blob::from("hello")),
        timestamp: Some(Timestamp::from_millis(1_573_180_888_172)),
        date_time: Some(Timestamp::from_secs(0)),
        epoch_seconds: Some(Timestamp::from_millis(-1_500)),
        http_date: Some(Timestamp::from_secs(784_111_777)),
        big_integer: Some("-123456789012345678901234567890".parse().expect("valid")),
        big_decimal: Some("1.5e-40".parse().expect("valid")),
    }
}

fn node(depth: i32) -> Node {
    Node {
        value: depth,
        children: (depth > 0).then(|| vec![node(depth - 1)]),
        next: (depth > 1).then(|| Box::new(node(depth - 2))),
    }
}

fn aggregates() -> Aggregates {
    Aggregates {
        id: "contact-1".into(),
        role: Some(ParticipantRole::CustomBot),
        priority: Some(Priority::High),
        content: Some(Content::Receipt(Receipt {
            read_timestamp: Some(Timestamp::from_secs(1_573_180_888)),
            recipient_participant_id: Some("p-1".into()),
        })),
        receipts: Some(vec![Receipt {
            read_timestamp: None,
            recipient_participant_id: Some("p-2".into()),
        }]),
        matrix: Some(vec![vec![1, 2], vec![], vec![-3]]),
        attributes: Some(IndexMap::from([
            ("z".to_owned(), "last".to_owned()),
            ("a".to_owned(), "first".to_owned()),
        ])),
        by_role: Some(BTreeMap::from([
            (ParticipantRole::Agent, 1),
            (ParticipantRole::Unknown("SUPERVISOR".into()), 2),
        ])),
        map_of_lists: Some(BTreeMap::from([("k".to_owned(), vec!["v".to_owned()])])),
        tags: Some(vec!["red".into(), "blue".into()]),
        labels: Some(BTreeMap::from([("env".to_owned(), "prod".to_owned())])),
        tree: Some(node(3)),
        scalars: Some(scalars()),
    }
}

fn lines_content() -> Aggregates {
    Aggregates {
        content: Some(Content::Lines(vec!["a".into(), "b".into()])),
        ..minimal("lines")
    }
}

fn minimal(id: &str) -> Aggregates {
    Aggregates {
        id: id.into(),
        role: None,
        priority: Some(Priority::Unknown(7)),
        content: Some(Content::Bytes(Blob::new(vec![0, 255]))),
        receipts: None,
        matrix: None,
        attributes: None,
        by_role: None,
        map_of_lists: None,
        tags: None,
        labels: None,
        tree: None,
        scalars: None,
    }
}

fn json_documents() -> Result<Vec<(&'static str, String)>, awso_core::Error> {
    let json_only = JsonOnly {
        document: Some(json::from_str::<Document>(
            r#"{"a":[1,-2,3.5,true,null,"s"],"b":{"c":{}}}"#,
        )?),
        sparse_list: Some(vec![Some("x".into()), None]),
        sparse_map: Some(BTreeMap::from([
            ("one".to_owned(), Some(1)),
            ("none".to_owned(), None),
        ])),
    };
    Ok(vec![
        ("aggregates", json::to_string(&aggregates())?),
        ("aggregates-lines", json::to_string(&lines_content())?),
        ("aggregates-minimal", json::to_string(&minimal("m"))?),
        ("json-only", json::to_string(&json_only)?),
        ("node", json::to_string(&node(5))?),
        (
            "special-floats",
            r#"{"Id":"f","Scalars":{"Float":"NaN","Double":"-Infinity","Long":-9223372036854775808}}"#
                .to_owned(),
        ),
        (
            "unknown-members",
            r#"{"Id":"u","Other":{"deep":[1,{"x":null}]},"Content":{"Future":{"a":1}},"Role":"NEW_ROLE"}"#
                .to_owned(),
        ),
        (
            "escapes",
            r#"{"Id":"\u00e9\ud83c\udf89\n\"\\","Attributes":{"\u0000":"\/"}}"#.to_owned(),
        ),
        ("numbers", "[0,-0,1e3,1E-3,-1.5e+10,18446744073709551616]".to_owned()),
    ])
}

fn xml_documents() -> Result<Vec<(&'static str, String)>, awso_core::Error> {
    Ok(vec![
        ("aggregates", xml::to_string(&aggregates())?),
        ("aggregates-lines", xml::to_string(&lines_content())?),
        ("aggregates-minimal", xml::to_string(&minimal("m"))?),
        ("node", xml::to_string(&node(5))?),
        (
            "entities-and-cdata",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Aggregates xmlns=\"urn:x\">\
             <Id>a&amp;b&#x41;&#65;<![CDATA[<raw>]]></Id><Role>AGENT</Role>\
             <Tag>t1</Tag><Tag>t2</Tag><Label><key>k</key><value>v</value></Label>\
             <Unknown a=\"1\"><Deep/></Unknown></Aggregates>"
                .to_owned(),
        ),
        (
            "special-floats",
            "<Aggregates><Id>f</Id><Scalars><Float>NaN</Float><Double>-Infinity</Double>\
             <DateTime>1970-01-01T00:00:00.5Z</DateTime><EpochSeconds>-1.5</EpochSeconds>\
             <HttpDate>Sun, 06 Nov 1994 08:49:37 GMT</HttpDate></Scalars></Aggregates>"
                .to_owned(),
        ),
    ])
}

/// Deterministic byte strings for the `arbitrary`-driven targets (a linear congruential
/// generator: the bytes only need to differ).
fn pseudo_random_inputs() -> Vec<Vec<u8>> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    [16usize, 64, 256, 1024]
        .iter()
        .enumerate()
        .map(|(i, &len)| {
            let mut bytes = vec![u8::try_from(i).expect("small")];
            bytes.extend((1..len).map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (state >> 56) as u8
            }));
            bytes
        })
        .collect()
}

fn thing_output() -> ThingOutput {
    let item = Item {
        id: Some("i-1".into()),
        name: Some("first".into()),
        values: Some(vec![1, -2]),
        children: Some(vec![Item {
            id: None,
            name: Some("child".into()),
            values: None,
            children: None,
            choice: Some(Choice::Number(42)),
            small: Some(-3),
        }]),
        choice: Some(Choice::Text("t".into())),
        small: None,
    };
    ThingOutput {
        request_id: None,
        count: None,
        when: None,
        flags: None,
        meta: None,
        status: None,
        items: Some(vec![item]),
        attrs: Some(IndexMap::from([("k".to_owned(), "v".to_owned())])),
        choice: Some(Choice::Bytes(Blob::from("bytes"))),
        flat: Some(vec![1, 2, 3]),
        stamp: Some(Timestamp::from_millis(1_573_180_888_172)),
        data: Some(Blob::from("data")),
        ratio: Some(0.25),
        role: Some(Role::Writer),
        big: Some("123456789012345678901234567890".parse().expect("valid")),
    }
}

fn item_output_payload() -> Item {
    Item {
        id: Some("i-2".into()),
        name: Some("payload".into()),
        values: Some(vec![7]),
        children: None,
        choice: Some(Choice::Nested(Box::new(Item {
            id: None,
            name: Some("nested".into()),
            values: None,
            children: None,
            choice: None,
            small: None,
        }))),
        small: Some(5),
    }
}

/// A response in the protocol targets' framing.
fn framed(status: u16, headers: &[(&str, &str)], body: &str) -> String {
    let mut out = format!("{status}\n");
    for (name, value) in headers {
        out.push_str(name);
        out.push_str(": ");
        out.push_str(value);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(body);
    out
}

const SUCCESS_HEADERS: &[(&str, &str)] = &[
    ("x-amz-request-id", "req-1"),
    ("X-Count", "3"),
    ("X-When", "Fri, 08 Nov 2019 02:41:28 GMT"),
    ("X-Flags", "a, \"b,c\""),
    ("X-Meta-Color", "red"),
];

type Seed = (&'static str, &'static str, String);

/// Response header values outside ASCII (S3 user metadata), in a string header and a
/// prefix-header map: UTF-8, and bytes that are not UTF-8 (read as ISO-8859-1).
fn non_ascii_header_seeds() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let utf8 = framed(
        200,
        &[
            ("x-amz-request-id", "req-\u{e9}"),
            ("X-Meta-Name", "caf\u{e9} \u{1f389}"),
        ],
        "",
    );
    let latin1 = b"200\nx-amz-request-id: req-\xe9\nX-Meta-Name: caf\xe9\n\n".to_vec();
    let mut seeds = Vec::new();
    for target in ["rest_json_response", "rest_xml_response"] {
        seeds.push((target, "header-utf8", utf8.clone().into_bytes()));
        seeds.push((target, "header-latin1", latin1.clone()));
    }
    seeds
}

fn responses() -> Result<Vec<Seed>, awso_core::Error> {
    let thing_json = {
        let mut ser = json::JsonSerializer::new();
        let root = awso_core::Member::root(ThingOutput::SCHEMA);
        awso_core::protocol::write_body_members(&mut ser, &thing_output(), &root)?;
        ser.finish()
    };
    let thing_xml = xml::to_string(&thing_output())?;
    let item_json = json::to_string(&item_output_payload())?;
    let item_xml = xml::to_string_with_root(&item_output_payload(), "Item")?;
    let query_ok = format!(
        "<GetThingResponse xmlns=\"urn:fuzz\"><GetThingResult>{}</GetThingResult>\
         <ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata></GetThingResponse>",
        strip_root(&thing_xml)
    );
    let ec2_ok = format!(
        "<GetThingResponse><requestId>req-3</requestId>{}</GetThingResponse>",
        strip_root(&thing_xml)
    );
    let json_error = r#"{"__type":"aws.fuzz#NotFound:http://internal.example/","Message":"gone","Resource":"r-1"}"#;
    let throttled = r#"{"code":"ThrottledException","message":"slow down"}"#;
    let query_error = "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>\
                       <Message>slow down</Message></Error><RequestId>req-4</RequestId></ErrorResponse>";
    let rest_xml_error = "<Error><Code>NotFound</Code><Message>gone</Message>\
                          <Resource>r-1</Resource><RequestId>req-5</RequestId></Error>";
    let ec2_error = "<Response><Errors><Error><Code>NotFound</Code><Message>gone</Message>\
                     </Error></Errors><RequestID>req-6</RequestID></Response>";
    let unknown_xml = "<ErrorResponse><Error><Code>Mystery</Code></Error></ErrorResponse>";
    Ok(vec![
        (
            "rest_json_response",
            "thing",
            framed(200, SUCCESS_HEADERS, &thing_json),
        ),
        (
            "rest_json_response",
            "item-payload",
            framed(201, &[("X-Count", "1")], &item_json),
        ),
        (
            "rest_json_response",
            "data-payload",
            framed(
                200,
                &[("Content-Type", "application/octet-stream")],
                "raw bytes",
            ),
        ),
        (
            "rest_json_response",
            "error-header-code",
            framed(
                404,
                &[("X-Amzn-Errortype", "NotFound:http://internal.example/")],
                r#"{"Message":"gone"}"#,
            ),
        ),
        (
            "rest_json_response",
            "error-body-code",
            framed(400, &[], json_error),
        ),
        (
            "rest_json_response",
            "throttled",
            framed(429, &[("Retry-After", "5")], throttled),
        ),
        (
            "rest_json_response",
            "unknown",
            framed(
                500,
                &[("x-amzn-requestid", "req-7")],
                r#"{"__type":"Mystery"}"#,
            ),
        ),
        (
            "aws_json_response",
            "thing",
            framed(
                200,
                &[("Content-Type", "application/x-amz-json-1.1")],
                &json::to_string(&thing_output())?,
            ),
        ),
        (
            "aws_json_response",
            "error-body-code",
            framed(400, &[], json_error),
        ),
        (
            "aws_json_response",
            "query-error",
            framed(
                400,
                &[("x-amzn-query-error", "Throttling;Sender")],
                r#"{"__type":"ThrottledException","message":"slow"}"#,
            ),
        ),
        ("aws_json_response", "empty-error", framed(503, &[], "")),
        (
            "rest_xml_response",
            "thing",
            framed(200, SUCCESS_HEADERS, &thing_xml),
        ),
        (
            "rest_xml_response",
            "item-payload",
            framed(200, &[("X-Count", "1")], &item_xml),
        ),
        (
            "rest_xml_response",
            "error",
            framed(404, &[], rest_xml_error),
        ),
        (
            "rest_xml_response",
            "error-envelope",
            framed(429, &[("Retry-After", "5")], query_error),
        ),
        ("aws_query_response", "thing", framed(200, &[], &query_ok)),
        ("aws_query_response", "error", framed(400, &[], query_error)),
        (
            "aws_query_response",
            "unknown",
            framed(500, &[], unknown_xml),
        ),
        ("ec2_query_response", "thing", framed(200, &[], &ec2_ok)),
        ("ec2_query_response", "error", framed(404, &[], ec2_error)),
        (
            "ec2_query_response",
            "unknown",
            framed(500, &[], unknown_xml),
        ),
    ])
}

/// The children of an XML document's root element.
fn strip_root(xml: &str) -> &str {
    let start = xml.find('>').map_or(0, |at| at + 1);
    let end = xml.rfind("</").unwrap_or(xml.len());
    &xml[start..end]
}

fn timestamps() -> Result<Vec<(&'static str, Vec<u8>)>, awso_core::Error> {
    let t = Timestamp::from_millis(1_573_180_888_172);
    let mut out = vec![
        (
            "date-time",
            t.format(TimestampFormat::DateTime)?.into_bytes(),
        ),
        (
            "epoch-seconds",
            t.format(TimestampFormat::EpochSeconds)?.into_bytes(),
        ),
        (
            "http-date",
            t.format(TimestampFormat::HttpDate)?.into_bytes(),
        ),
        ("offset", b"2019-12-16T22:48:18-01:00".to_vec()),
        ("leap-second", b"1990-12-31T23:59:60Z".to_vec()),
        ("exponent", b"1.5e9".to_vec()),
        ("negative-fraction", b"-1.000000001".to_vec()),
        ("year-9999", b"Fri, 31 Dec 9999 23:59:59 GMT".to_vec()),
    ];
    let mut instant = Vec::new();
    instant.extend_from_slice(&253_402_300_799i64.to_le_bytes());
    instant.extend_from_slice(&999_999_999u32.to_le_bytes());
    out.push(("instant-max-date", instant));
    let mut instant = Vec::new();
    instant.extend_from_slice(&i64::MIN.to_le_bytes());
    instant.extend_from_slice(&1u32.to_le_bytes());
    out.push(("instant-min", instant));
    Ok(out)
}

/// A binary seed: its target, its name and its bytes.
type ByteSeed = (&'static str, &'static str, Vec<u8>);

/// CBOR bodies: the JSON seeds' values written by awso's CBOR encoder, hand-written items
/// in the forms awso does not write (definite lengths, chunked strings, half floats, tags),
/// and rpcv2Cbor responses.
fn cbor_seeds() -> Result<Vec<ByteSeed>, awso_core::Error> {
    let mut seeds = vec![
        ("cbor_decode", "aggregates", cbor::to_vec(&aggregates())?),
        ("cbor_decode", "aggregates-lines", cbor::to_vec(&lines_content())?),
        ("cbor_decode", "node", cbor::to_vec(&node(5))?),
        (
            "cbor_decode",
            "document",
            cbor::to_vec(&json::from_str::<Document>(
                r#"{"a":[1,-2,3.5,true,null,"s"],"b":{"c":{}}}"#,
            )?)?,
        ),
        // {"Id": "x", "Tag": ["t"]} with definite lengths and a chunked string.
        ("cbor_decode", "definite-chunked", b"\xa2\x62Id\x7f\x61x\xff\x63Tag\x81\x61t".to_vec()),
        // Half, single and double floats, a bignum and tag 1.
        (
            "cbor_decode",
            "floats-tags",
            b"\x85\xf9\x3e\x00\xfa\x40\xf4\x00\x00\xfb\x3f\xf8\x00\x00\x00\x00\x00\x00\xc2\x49\x01\x00\x00\x00\x00\x00\x00\x00\x00\xc1\x1a\x65\x00\x00\x00"
                .to_vec(),
        ),
    ];
    let thing = {
        let mut ser = cbor::CborSerializer::new();
        let root = awso_core::Member::root(ThingOutput::SCHEMA);
        awso_core::protocol::write_body_members(&mut ser, &thing_output(), &root)?;
        ser.finish()
    };
    let error = b"\xa2\x66__type\x78\x1baws.fuzz#NotFound:http://x/\x67Message\x64gone";
    let response = |status: u16, headers: &[(&str, &str)], body: &[u8]| {
        let mut bytes = framed(status, headers, "").into_bytes();
        bytes.extend_from_slice(body);
        bytes
    };
    let cbor_type = [("Content-Type", "application/cbor")];
    seeds.push(("rpcv2_response", "thing", response(200, &cbor_type, &thing)));
    seeds.push(("rpcv2_response", "empty", response(200, &[], b"")));
    seeds.push((
        "rpcv2_response",
        "error-type",
        response(404, &cbor_type, error),
    ));
    seeds.push((
        "rpcv2_response",
        "query-error",
        response(400, &[("x-amzn-query-error", "Throttling;Sender")], error),
    ));
    Ok(seeds)
}

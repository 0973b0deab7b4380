//! Round trips of every shape kind through every codec: encode then decode gives an equal
//! value, `to_value` of the decoded value agrees with `to_value` of the original, and the
//! dynamic mode (a `Value` with the type's schema) reads and writes exactly what the derived
//! type does.

use std::collections::BTreeMap;

use awso_core::{AwsShape, BigDecimal, BigInteger, Blob, Document, Timestamp, Value, json, xml};
use awso_tests::{
    Aggregates, Content, JsonOnly, Node, ParticipantRole, Priority, Receipt, Scalars,
};

fn scalars() -> Scalars {
    Scalars {
        boolean: Some(false),
        byte: Some(i8::MIN),
        short: Some(i16::MAX),
        integer: Some(i32::MIN),
        long: Some(i64::MAX),
        float: Some(-1.25e-7),
        double: Some(f64::INFINITY),
        string: Some("tab\t quote\" backslash\\ amp& lt< é 🎉 中文 \u{7f}".into()),
        blob: Some(Blob::new(vec![0, 1, 2, 254, 255])),
        timestamp: Some(Timestamp::from_secs_and_nanos(1_573_180_888, 172_000_000).unwrap()),
        date_time: Some(Timestamp::from_secs_and_nanos(-1, 500_000_000).unwrap()),
        epoch_seconds: Some(Timestamp::from_secs_and_nanos(-2, 250_000_000).unwrap()),
        http_date: Some(Timestamp::from_secs(784_111_777)),
        big_integer: Some(
            "-123456789012345678901234567890"
                .parse::<BigInteger>()
                .unwrap(),
        ),
        big_decimal: Some("1.5e-400".parse::<BigDecimal>().unwrap()),
    }
}

fn node(depth: i32) -> Node {
    Node {
        value: depth,
        children: (depth > 0).then(|| vec![node(depth - 1), node(depth - 1)]),
        next: (depth > 1).then(|| Box::new(node(depth - 2))),
    }
}

fn aggregates() -> Vec<Aggregates> {
    let full = Aggregates {
        id: "contact-1".into(),
        role: Some(ParticipantRole::CustomBot),
        priority: Some(Priority::High),
        content: Some(Content::Receipt(Receipt {
            read_timestamp: Some(Timestamp::from_millis(1_573_180_888_172)),
            recipient_participant_id: Some("p-1".into()),
        })),
        receipts: Some(vec![
            Receipt {
                read_timestamp: None,
                recipient_participant_id: Some("p-2".into()),
            },
            Receipt {
                read_timestamp: Some(Timestamp::UNIX_EPOCH),
                recipient_participant_id: None,
            },
        ]),
        matrix: Some(vec![vec![1, 2, 3], vec![], vec![-4]]),
        attributes: Some(
            [
                ("z".to_owned(), "last".to_owned()),
                ("a".to_owned(), "first".to_owned()),
            ]
            .into_iter()
            .collect(),
        ),
        by_role: Some(
            [
                (ParticipantRole::Agent, 1),
                (ParticipantRole::Unknown("SUPERVISOR".into()), 2),
            ]
            .into_iter()
            .collect(),
        ),
        map_of_lists: Some(BTreeMap::from([
            ("empty".to_owned(), vec![]),
            ("two".to_owned(), vec!["x".to_owned(), "y".to_owned()]),
        ])),
        tags: Some(vec!["red".into(), "green".into()]),
        labels: Some(BTreeMap::from([
            ("k1".to_owned(), "v1".to_owned()),
            ("k2".to_owned(), "v2".to_owned()),
        ])),
        tree: Some(node(4)),
        scalars: Some(scalars()),
    };
    let unknowns = Aggregates {
        id: String::new(),
        role: Some(ParticipantRole::Unknown("SOMETHING_NEW".into())),
        priority: Some(Priority::Unknown(-7)),
        content: Some(Content::Lines(vec!["one".into(), "two".into()])),
        receipts: Some(vec![]),
        matrix: None,
        attributes: Some(indexmap::IndexMap::new()),
        by_role: None,
        map_of_lists: None,
        tags: None,
        labels: None,
        tree: None,
        scalars: Some(Scalars::default()),
    };
    let sparse = Aggregates {
        content: Some(Content::Bytes(Blob::from("bytes"))),
        ..unknowns.clone()
    };
    let text = Aggregates {
        content: Some(Content::Text(String::new())),
        ..unknowns.clone()
    };
    vec![full, unknowns, sparse, text]
}

fn json_only() -> Vec<JsonOnly> {
    let doc: Document =
        json::from_str(r#"{"a":[1,-2,3.5,true,null,"s",{"b":{}}],"big":18446744073709551615}"#)
            .unwrap();
    vec![
        JsonOnly {
            document: Some(doc),
            sparse_list: Some(vec![Some("a".into()), None, Some(String::new())]),
            sparse_map: Some(BTreeMap::from([
                ("x".to_owned(), Some(1)),
                ("y".to_owned(), None),
            ])),
        },
        JsonOnly {
            document: Some(Document::Null),
            sparse_list: Some(vec![None]),
            sparse_map: None,
        },
    ]
}

/// Encode/decode through one codec, checked three ways.
fn check<T: AwsShape + PartialEq + std::fmt::Debug>(
    value: &T,
    encode: impl Fn(&T) -> String,
    decode: impl Fn(&str) -> T,
    codec: &str,
) {
    let text = encode(value);
    let back = decode(&text);
    assert_eq!(&back, value, "{codec} round trip of {text}");
    assert_eq!(
        awso_core::to_value(&back).unwrap(),
        awso_core::to_value(value).unwrap(),
        "{codec}: to_value disagrees after decoding {text}"
    );
    assert_eq!(encode(&back), text, "{codec}: re-encoding changed the text");
}

#[test]
fn json_round_trips_every_kind() {
    for value in aggregates() {
        check(
            &value,
            |v| json::to_string(v).unwrap(),
            |t| json::from_str(t).unwrap(),
            "json",
        );
    }
    for value in json_only() {
        check(
            &value,
            |v| json::to_string(v).unwrap(),
            |t| json::from_str(t).unwrap(),
            "json",
        );
    }
}

#[test]
fn xml_round_trips_every_kind() {
    for value in aggregates() {
        check(
            &value,
            |v| xml::to_string(v).unwrap(),
            |t| xml::from_str(t).unwrap(),
            "xml",
        );
    }
}

#[test]
fn value_round_trips_every_kind() {
    for value in aggregates() {
        let tree = awso_core::to_value(&value).unwrap();
        assert_eq!(awso_core::from_value::<Aggregates>(&tree).unwrap(), value);
    }
    for value in json_only() {
        let tree = awso_core::to_value(&value).unwrap();
        assert_eq!(awso_core::from_value::<JsonOnly>(&tree).unwrap(), value);
    }
}

#[test]
fn bytes_writer_and_reader_forms_agree_with_text() {
    let value = &aggregates()[0];
    let text = json::to_string(value).unwrap();
    assert_eq!(json::to_vec(value).unwrap(), text.as_bytes());
    let mut written = Vec::new();
    json::to_writer(&mut written, value).unwrap();
    assert_eq!(written, text.as_bytes());
    assert_eq!(
        &json::from_slice::<Aggregates>(text.as_bytes()).unwrap(),
        value
    );
    assert_eq!(
        &json::from_reader::<_, Aggregates>(text.as_bytes()).unwrap(),
        value
    );

    let text = xml::to_string(value).unwrap();
    let mut written = Vec::new();
    xml::to_writer(&mut written, value).unwrap();
    assert_eq!(written, text.as_bytes());
    assert_eq!(
        &xml::from_slice::<Aggregates>(text.as_bytes()).unwrap(),
        value
    );
    assert_eq!(
        &xml::from_reader::<_, Aggregates>(text.as_bytes()).unwrap(),
        value
    );
}

/// The dynamic mode: a `Value` with a schema reads and writes what the derived type does.
#[test]
fn dynamic_mode_matches_static_mode() {
    let schema = Aggregates::SCHEMA;
    for value in aggregates() {
        let tree = awso_core::to_value(&value).unwrap();

        let json_text = json::to_string(&value).unwrap();
        assert_eq!(
            json::from_slice_dynamic(json_text.as_bytes(), schema).unwrap(),
            tree
        );
        assert_eq!(json::to_string_dynamic(&tree, schema).unwrap(), json_text);

        let xml_text = xml::to_string(&value).unwrap();
        assert_eq!(
            xml::from_slice_dynamic(xml_text.as_bytes(), schema).unwrap(),
            tree
        );
        assert_eq!(xml::to_string_dynamic(&tree, schema).unwrap(), xml_text);

        for flavor in [
            awso_core::query::QueryFlavor::AwsQuery,
            awso_core::query::QueryFlavor::Ec2Query,
        ] {
            assert_eq!(
                awso_core::query::to_string_dynamic(&tree, schema, flavor).unwrap(),
                awso_core::query::to_string(&value, flavor).unwrap()
            );
        }
        assert_eq!(
            awso_core::value::from_value_dynamic(&tree, schema).unwrap(),
            tree
        );
    }
    for value in json_only() {
        let tree = awso_core::to_value(&value).unwrap();
        let text = json::to_string(&value).unwrap();
        assert_eq!(
            json::from_slice_dynamic(text.as_bytes(), JsonOnly::SCHEMA).unwrap(),
            tree
        );
        assert_eq!(
            json::to_string_dynamic(&tree, JsonOnly::SCHEMA).unwrap(),
            text
        );
    }
}

#[test]
fn value_tree_of_get_attachment_response() {
    #[derive(AwsShape)]
    #[awso(rename_all = "PascalCase")]
    struct GetAttachmentResponse {
        url: Option<String>,
        url_expiry: Option<String>,
        attachment_size_in_bytes: Option<i64>,
    }
    let value = GetAttachmentResponse {
        url: Some("https://u".into()),
        url_expiry: Some("2019-11-08T02:41:28.172Z".into()),
        attachment_size_in_bytes: Some(42),
    };
    assert_eq!(
        awso_core::to_value(&value).unwrap(),
        Value::Structure(vec![
            ("Url".into(), Value::String("https://u".into())),
            (
                "UrlExpiry".into(),
                Value::String("2019-11-08T02:41:28.172Z".into())
            ),
            ("AttachmentSizeInBytes".into(), Value::Long(42)),
        ])
    );
}

#[test]
fn nan_survives_every_codec() {
    let value = Scalars {
        float: Some(f32::NAN),
        double: Some(f64::NAN),
        ..Scalars::default()
    };
    let from_json: Scalars = json::from_str(&json::to_string(&value).unwrap()).unwrap();
    let from_xml: Scalars = xml::from_str(&xml::to_string(&value).unwrap()).unwrap();
    let from_tree: Scalars = awso_core::from_value(&awso_core::to_value(&value).unwrap()).unwrap();
    for back in [from_json, from_xml, from_tree] {
        assert!(back.float.unwrap().is_nan() && back.double.unwrap().is_nan());
    }
}

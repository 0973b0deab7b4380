//! Property tests: for generated values of every shape kind, every codec gives back what it
//! was given (JSON, XML and `Value`; documents and sparse collections through JSON and
//! `Value`, the formats that carry them), the typed and dynamic query encoders agree, and
//! serde_json (the oracle) reads our JSON as the same data. With awso-core's `serde` feature,
//! every generated value also goes through serde_json (`serde_json::to_string` and back) and
//! comes back equal.

use std::collections::BTreeMap;

use awso_core::query::{self, QueryFlavor};
use awso_core::types::Number;
use awso_core::{AwsShape, Blob, Document, Timestamp, json, xml};
use awso_tests::{
    Aggregates, Content, JsonOnly, Node, ParticipantRole, Priority, Receipt, Scalars,
};
use indexmap::IndexMap;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn timestamp() -> impl Strategy<Value = Timestamp> {
    // Years 0 to 9999: what every timestamp format can carry.
    (-62_167_219_200i64..253_402_300_799, 0u32..1_000_000_000)
        .prop_map(|(secs, nanos)| Timestamp::from_secs_and_nanos(secs, nanos).unwrap())
}

/// A timestamp http-date can carry: IMF-fixdate has no fraction of a second (the writer cuts
/// it off, as botocore does), so only whole seconds round-trip.
fn whole_second_timestamp() -> impl Strategy<Value = Timestamp> {
    (-62_167_219_200i64..253_402_300_799).prop_map(Timestamp::from_secs)
}

/// Any text XML 1.0 can carry (no control characters but tab, newline and carriage return).
fn text() -> impl Strategy<Value = String> {
    "[\\t\\n\\r\\x20-\\u{D7FF}\\u{E000}-\\u{FFFD}\\u{10000}-\\u{10FFFF}]{0,40}"
}

fn role() -> impl Strategy<Value = ParticipantRole> {
    prop_oneof![
        Just(ParticipantRole::Agent),
        Just(ParticipantRole::Customer),
        Just(ParticipantRole::CustomBot),
        "[A-Z_]{1,12}".prop_map(|s| awso_core::AwsEnum::from_wire(&s)),
    ]
}

fn receipt() -> impl Strategy<Value = Receipt> {
    (
        proptest::option::of(timestamp()),
        proptest::option::of(text()),
    )
        .prop_map(|(read_timestamp, recipient_participant_id)| Receipt {
            read_timestamp,
            recipient_participant_id,
        })
}

fn content() -> impl Strategy<Value = Content> {
    prop_oneof![
        text().prop_map(Content::Text),
        proptest::collection::vec(any::<u8>(), 0..32).prop_map(|b| Content::Bytes(Blob::new(b))),
        receipt().prop_map(Content::Receipt),
        proptest::collection::vec(text(), 0..4).prop_map(Content::Lines),
    ]
}

fn finite_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("NaN is never equal to itself", |x| !x.is_nan()),
        Just(f64::INFINITY),
        Just(-0.0),
    ]
}

fn scalars() -> impl Strategy<Value = Scalars> {
    let numbers = (
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<i8>()),
        proptest::option::of(any::<i16>()),
        proptest::option::of(any::<i32>()),
        proptest::option::of(any::<i64>()),
        proptest::option::of(any::<f32>().prop_filter("not NaN", |x| !x.is_nan())),
        proptest::option::of(finite_f64()),
    );
    let others = (
        proptest::option::of(text()),
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..64).prop_map(Blob::new)),
        proptest::option::of(timestamp()),
        proptest::option::of(timestamp()),
        proptest::option::of(timestamp()),
        proptest::option::of(whole_second_timestamp()),
        proptest::option::of("-?[1-9][0-9]{0,40}".prop_map(|s| s.parse().unwrap())),
    );
    (numbers, others).prop_map(
        |(
            (boolean, byte, short, integer, long, float, double),
            (string, blob, timestamp, date_time, epoch_seconds, http_date, big_integer),
        )| Scalars {
            boolean,
            byte,
            short,
            integer,
            long,
            float,
            double,
            string,
            blob,
            timestamp,
            date_time,
            epoch_seconds,
            http_date,
            big_integer,
            big_decimal: None,
        },
    )
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = any::<i32>().prop_map(|value| Node {
        value,
        children: None,
        next: None,
    });
    leaf.prop_recursive(6, 40, 4, |inner| {
        (
            any::<i32>(),
            proptest::option::of(proptest::collection::vec(inner.clone(), 0..4)),
            proptest::option::of(inner.prop_map(Box::new)),
        )
            .prop_map(|(value, children, next)| Node {
                value,
                children,
                next,
            })
    })
}

fn priority() -> impl Strategy<Value = Priority> {
    prop_oneof![
        Just(Priority::Low),
        Just(Priority::High),
        (3..i32::MAX).prop_map(Priority::Unknown)
    ]
}

/// Every shape kind XML and query carry, nested the ways models nest them.
fn aggregates() -> impl Strategy<Value = Aggregates> {
    let small = |len| proptest::collection::vec(text(), len);
    let first = (
        text(),
        proptest::option::of(role()),
        proptest::option::of(priority()),
        proptest::option::of(content()),
        proptest::option::of(proptest::collection::vec(receipt(), 0..3)),
        proptest::option::of(proptest::collection::vec(
            proptest::collection::vec(any::<i32>(), 0..3),
            0..3,
        )),
        proptest::option::of(
            proptest::collection::vec((text(), text()), 0..3)
                .prop_map(|pairs| pairs.into_iter().collect::<IndexMap<_, _>>()),
        ),
    );
    let second = (
        proptest::option::of(proptest::collection::btree_map(role(), any::<i64>(), 0..3)),
        proptest::option::of(proptest::collection::btree_map(text(), small(0..3), 0..3)),
        // Flattened lists and maps need an entry to exist in XML (see `items`).
        proptest::option::of(small(1..4)),
        proptest::option::of(proptest::collection::btree_map(text(), text(), 1..3)),
        proptest::option::of(node()),
        proptest::option::of(scalars()),
    );
    (first, second).prop_map(
        |(
            (id, role, priority, content, receipts, matrix, attributes),
            (by_role, map_of_lists, tags, labels, tree, scalars),
        )| Aggregates {
            id,
            role,
            priority,
            content,
            receipts,
            matrix,
            attributes,
            by_role,
            map_of_lists,
            tags,
            labels,
            tree,
            scalars,
        },
    )
}

/// Any document. Integers stay integers and every finite float stays a float (`1.0` is
/// written `1.0`, not `1`); NaN and the infinities have no document form in JSON.
fn document() -> impl Strategy<Value = Document> {
    let leaf = prop_oneof![
        Just(Document::Null),
        any::<bool>().prop_map(Document::Boolean),
        any::<u64>().prop_map(|n| Document::Number(Number::PosInt(n))),
        (i64::MIN..0).prop_map(|n| Document::Number(Number::NegInt(n))),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(|x| Document::Number(Number::Float(x))),
        text().prop_map(Document::String),
    ];
    leaf.prop_recursive(5, 48, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Document::Array),
            proptest::collection::vec((text(), inner), 0..4)
                .prop_map(|pairs| Document::Object(pairs.into_iter().collect())),
        ]
    })
}

fn json_only() -> impl Strategy<Value = JsonOnly> {
    (
        proptest::option::of(document()),
        proptest::option::of(proptest::collection::vec(
            proptest::option::of(text()),
            0..4,
        )),
        proptest::option::of(proptest::collection::btree_map(
            text(),
            proptest::option::of(any::<i32>()),
            0..4,
        )),
    )
        .prop_map(|(document, sparse_list, sparse_map)| JsonOnly {
            document,
            sparse_list,
            sparse_map,
        })
}

/// Transcript-like items: an enum, an intEnum, a union, lists and maps.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
struct Item {
    id: String,
    role: Option<ParticipantRole>,
    priority: Option<Priority>,
    content: Option<Content>,
    receipts: Option<Vec<Receipt>>,
    attributes: Option<BTreeMap<String, String>>,
    #[awso(xml_flattened)]
    flat: Option<Vec<i64>>,
}

fn item() -> impl Strategy<Value = Item> {
    (
        text(),
        proptest::option::of(role()),
        proptest::option::of(priority()),
        proptest::option::of(content()),
        proptest::option::of(proptest::collection::vec(receipt(), 0..4)),
        proptest::option::of(proptest::collection::btree_map(text(), text(), 0..4)),
        // An empty flattened list has no XML form (it reads back as absent), so flattened
        // lists here have items; `xml::` documents the limitation.
        proptest::option::of(proptest::collection::vec(any::<i64>(), 1..4)),
    )
        .prop_map(
            |(id, role, priority, content, receipts, attributes, flat)| Item {
                id,
                role,
                priority,
                content,
                receipts,
                attributes,
                flat,
            },
        )
}

/// Every codec: JSON, `Value` and XML each give back the value, and the dynamic mode reads
/// the same tree from either format.
fn every_codec<T>(value: &T)
where
    T: AwsShape + PartialEq + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
{
    let tree = json_and_value(value);
    let xml_text = xml::to_string(value).unwrap();
    assert_eq!(
        &xml::from_str::<T>(&xml_text).unwrap(),
        value,
        "xml: {xml_text}"
    );
    assert_eq!(
        xml::from_slice_dynamic(xml_text.as_bytes(), T::SCHEMA).unwrap(),
        tree
    );
}

/// JSON and `Value` only, for what XML cannot carry (documents, nulls in sparse
/// collections). Returns the value's tree.
fn json_and_value<T>(value: &T) -> awso_core::Value
where
    T: AwsShape + PartialEq + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
{
    through_serde(value);
    let json_text = json::to_string(value).unwrap();
    assert_eq!(
        &json::from_str::<T>(&json_text).unwrap(),
        value,
        "json: {json_text}"
    );
    let tree = awso_core::to_value(value).unwrap();
    assert_eq!(
        &awso_core::from_value::<T>(&tree).unwrap(),
        value,
        "value: {tree}"
    );
    assert_eq!(
        json::from_slice_dynamic(json_text.as_bytes(), T::SCHEMA).unwrap(),
        tree
    );
    tree
}

/// serde (awso-core's `serde` feature) through serde_json, both as text and as
/// `serde_json::Value`, gives back the value.
fn through_serde<T>(value: &T)
where
    T: PartialEq + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
{
    let text = serde_json::to_string(value).unwrap();
    assert_eq!(
        &serde_json::from_str::<T>(&text).unwrap(),
        value,
        "serde: {text}"
    );
    let tree = serde_json::to_value(value).unwrap();
    assert_eq!(
        &serde_json::from_value::<T>(tree).unwrap(),
        value,
        "serde value: {text}"
    );
}

/// Query has no decoder (services never send it), so its property is agreement and shape:
/// the typed and the dynamic encoders write the same form, and no key is written twice.
fn query_forms<T: AwsShape>(value: &T) {
    let tree = awso_core::to_value(value).unwrap();
    for flavor in [QueryFlavor::AwsQuery, QueryFlavor::Ec2Query] {
        let form = query::to_string(value, flavor).unwrap();
        assert_eq!(
            query::to_string_dynamic(&tree, T::SCHEMA, flavor).unwrap(),
            form,
            "{flavor:?}"
        );
        let mut keys = std::collections::BTreeSet::new();
        for pair in form.split('&').filter(|pair| !pair.is_empty()) {
            let key = pair.split_once('=').map_or(pair, |(key, _)| key);
            assert!(keys.insert(key), "{flavor:?} wrote {key} twice: {form}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/properties.txt",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn items_round_trip(value in item()) {
        every_codec(&value);
    }

    #[test]
    fn scalars_round_trip(value in scalars()) {
        every_codec(&value);
    }

    #[test]
    fn recursive_nodes_round_trip(value in node()) {
        every_codec(&value);
    }

    #[test]
    fn receipts_lists_round_trip(value in proptest::collection::vec(receipt(), 0..8)) {
        every_codec(&value);
    }

    #[test]
    fn aggregates_round_trip(value in aggregates()) {
        every_codec(&value);
        query_forms(&value);
    }

    #[test]
    fn documents_and_sparse_collections_round_trip(value in json_only()) {
        json_and_value(&value);
    }

    /// serde_json reads our JSON as the same strings and integers.
    #[test]
    fn serde_json_agrees_with_our_json(id in text(), long in any::<i64>(), lines in proptest::collection::vec(text(), 0..4)) {
        let value = Item {
            id: id.clone(),
            role: None,
            priority: None,
            content: Some(Content::Lines(lines.clone())),
            receipts: None,
            attributes: None,
            flat: Some(vec![long]),
        };
        let oracle: serde_json::Value = serde_json::from_str(&json::to_string(&value).unwrap()).unwrap();
        prop_assert_eq!(oracle["Id"].as_str(), Some(id.as_str()));
        prop_assert_eq!(oracle["Flat"][0].as_i64(), Some(long));
        let oracle_lines: Vec<String> = serde_json::from_value(oracle["Content"]["Lines"].clone()).unwrap();
        prop_assert_eq!(oracle_lines, lines);
    }

    /// We read serde_json's JSON (its escaping choices differ from ours) as the same data.
    #[test]
    fn we_read_serde_json_output(id in text(), receipts in proptest::collection::vec(proptest::option::of(text()), 0..4)) {
        let oracle = serde_json::json!({
            "Id": id,
            "Receipts": receipts.iter().map(|r| serde_json::json!({"RecipientParticipantId": r})).collect::<Vec<_>>(),
        });
        let text = serde_json::to_string_pretty(&oracle).unwrap();
        let item: Item = json::from_str(&text).unwrap();
        prop_assert_eq!(item.id, id);
        let ids: Vec<Option<String>> = item.receipts.unwrap().into_iter().map(|r| r.recipient_participant_id).collect();
        prop_assert_eq!(ids, receipts);
    }
}

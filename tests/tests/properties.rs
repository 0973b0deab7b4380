//! Property tests: for generated values of representative types, every codec gives back
//! what it was given, and serde_json (the oracle) reads our JSON as the same data.

use std::collections::BTreeMap;

use awso_core::{AwsShape, Blob, Timestamp, json, xml};
use awso_tests::{Content, Node, ParticipantRole, Priority, Receipt, Scalars};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn timestamp() -> impl Strategy<Value = Timestamp> {
    // Years 0 to 9999: what every timestamp format can carry.
    (-62_167_219_200i64..253_402_300_799, 0u32..1_000_000_000)
        .prop_map(|(secs, nanos)| Timestamp::from_secs_and_nanos(secs, nanos).unwrap())
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
        proptest::option::of(timestamp()),
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
        proptest::option::of(prop_oneof![
            Just(Priority::Low),
            Just(Priority::High),
            (3..i32::MAX).prop_map(Priority::Unknown)
        ]),
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

fn every_codec<T>(value: &T)
where
    T: AwsShape + PartialEq + std::fmt::Debug,
{
    let json_text = json::to_string(value).unwrap();
    assert_eq!(
        &json::from_str::<T>(&json_text).unwrap(),
        value,
        "json: {json_text}"
    );
    let xml_text = xml::to_string(value).unwrap();
    assert_eq!(
        &xml::from_str::<T>(&xml_text).unwrap(),
        value,
        "xml: {xml_text}"
    );
    let tree = awso_core::to_value(value).unwrap();
    assert_eq!(
        &awso_core::from_value::<T>(&tree).unwrap(),
        value,
        "value: {tree}"
    );
    // The dynamic mode reads the same tree from either format.
    assert_eq!(
        json::from_slice_dynamic(json_text.as_bytes(), T::SCHEMA).unwrap(),
        tree
    );
    assert_eq!(
        xml::from_slice_dynamic(xml_text.as_bytes(), T::SCHEMA).unwrap(),
        tree
    );
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

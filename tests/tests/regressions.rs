//! Regression tests, each named after what broke.

use std::collections::BTreeMap;

use awso_core::error::Category;
use awso_core::schema::TimestampFormat;
use awso_core::xml::{XmlDeserializer, XmlSerializer};
use awso_core::{AwsShape, Timestamp, Value, json, xml};
use awso_tests::{Aggregates, Node};

#[derive(AwsShape, Debug, PartialEq)]
struct Flat {
    #[awso(xml_flattened)]
    items: Vec<i32>,
}

#[test]
fn xml_reader_counted_a_map_twice_and_a_flattened_list_not_at_all() {
    let map = BTreeMap::from([("k".to_owned(), "v".to_owned())]);
    let mut ser = XmlSerializer::new().max_depth(1);
    ser.serialize_root(&map, "M").unwrap();
    let written = ser.finish();
    let read: BTreeMap<String, String> = XmlDeserializer::new(&written)
        .unwrap()
        .max_depth(1)
        .deserialize()
        .unwrap();
    assert_eq!(read, map);

    // A flattened list is one level, as when written.
    let flat = Flat { items: vec![1, 2] };
    let mut ser = XmlSerializer::new().max_depth(2);
    ser.serialize_root(&flat, "Flat").unwrap();
    let written = ser.finish();
    let read: Flat = XmlDeserializer::new(&written)
        .unwrap()
        .max_depth(2)
        .deserialize()
        .unwrap();
    assert_eq!(read, flat);
    let mut ser = XmlSerializer::new().max_depth(1);
    assert_eq!(
        ser.serialize_root(&flat, "Flat").unwrap_err().category(),
        Category::Limit
    );
    let err = XmlDeserializer::new(&written)
        .unwrap()
        .max_depth(1)
        .deserialize::<Flat>()
        .unwrap_err();
    assert_eq!(err.category(), Category::Limit);
}

#[test]
fn value_codec_allowed_one_level_more_than_json_when_the_innermost_container_was_empty() {
    fn chain(depth: usize) -> Value {
        let mut value = Value::Structure(vec![]);
        for _ in 1..depth {
            value = Value::Structure(vec![
                ("Value".into(), Value::Integer(0)),
                ("Next".into(), value),
            ]);
        }
        value
    }
    let json_text =
        |depth: usize| "{\"Value\":0,\"Next\":".repeat(depth - 1) + "{}" + &"}".repeat(depth - 1);
    for depth in [128, 129] {
        let from_json = json::from_str::<Node>(&json_text(depth)).map(|_| ());
        let from_value = awso_core::from_value::<Node>(&chain(depth)).map(|_| ());
        assert_eq!(from_json.is_ok(), from_value.is_ok(), "depth {depth}");
    }
    assert!(awso_core::from_value::<Node>(&chain(129)).is_err());
}

#[test]
fn epoch_seconds_of_i64_min_did_not_read_back() {
    let t = Timestamp::from_secs(i64::MIN);
    let text = t.format(TimestampFormat::EpochSeconds).unwrap();
    assert_eq!(
        Timestamp::parse(&text, TimestampFormat::EpochSeconds).unwrap(),
        t
    );
    let min_with_fraction = Timestamp::from_secs_and_nanos(i64::MIN, 500_000_000).unwrap();
    let text = min_with_fraction
        .format(TimestampFormat::EpochSeconds)
        .unwrap();
    assert_eq!(
        Timestamp::parse(&text, TimestampFormat::EpochSeconds).unwrap(),
        min_with_fraction
    );
    assert!(Timestamp::parse("-9223372036854775809", TimestampFormat::EpochSeconds).is_err());
}

#[test]
fn http_date_accepted_a_decimal_point_without_digits() {
    assert!(Timestamp::parse("Sun, 06 Nov 1994 08:49:37. GMT", TimestampFormat::HttpDate).is_err());
    assert!(Timestamp::parse("Sun, 06 Nov 1994 08:49:37.5 GMT", TimestampFormat::HttpDate).is_ok());
}

#[test]
fn date_time_accepted_any_byte_between_date_and_time() {
    for text in [
        "1994-11-06X08:49:37Z",
        "1994-11-06\u{0}08:49:37Z",
        "1994-11-06 08:49:37Z",
    ] {
        assert!(
            Timestamp::parse(text, TimestampFormat::DateTime).is_err(),
            "{text:?}"
        );
    }
    assert!(Timestamp::parse("1994-11-06t08:49:37z", TimestampFormat::DateTime).is_ok());
}

#[test]
fn xml_attributes_were_only_checked_on_structure_elements() {
    let bad = [
        "<Aggregates><Id a=bare>x</Id></Aggregates>",
        r#"<Aggregates><Id a="1" a="2">x</Id></Aggregates>"#,
        "<Aggregates><Tag x=1>t</Tag></Aggregates>",
        r#"<Aggregates><Receipts a="1" a="2"></Receipts></Aggregates>"#,
        "<Aggregates><Unknown a=b/></Aggregates>",
        r#"<Aggregates x="&foo;"><Id>x</Id></Aggregates>"#,
    ];
    for text in bad {
        let err = xml::from_str::<Aggregates>(text).expect_err(text);
        assert_eq!(err.category(), Category::Syntax, "{text}: {err}");
    }
}

#[test]
fn undefined_entities_outside_element_text_were_dropped() {
    let bad = [
        "<Aggregates><Id>x</Id>&foo;</Aggregates>",
        "<Aggregates><Receipts>&foo;</Receipts></Aggregates>",
        "<Aggregates><Unknown><Deep>&foo;</Deep></Unknown></Aggregates>",
        "<Aggregates><Attributes><entry>&foo;<key>k</key><value>v</value></entry></Attributes></Aggregates>",
    ];
    for text in bad {
        let err = xml::from_str::<Aggregates>(text).expect_err(text);
        assert!(
            err.to_string().contains("undefined entity"),
            "{text}: {err}"
        );
    }
}

#[test]
fn xml_writer_emitted_noncharacters_the_format_forbids() {
    for text in ["\u{FFFE}", "a\u{FFFF}b", "\u{1}"] {
        assert!(xml::to_string(&text.to_owned()).is_err(), "{text:?}");
    }
    for text in [
        "<String>\u{1}</String>",
        "<String>&#1;</String>",
        "<String>&#xFFFE;</String>",
    ] {
        assert!(xml::from_str::<String>(text).is_err(), "{text}");
    }
    assert_eq!(
        xml::from_str::<String>("<String>\u{FFFD}&#x9;</String>").unwrap(),
        "\u{FFFD}\t"
    );
}

#[test]
fn json_unicode_escape_cut_by_a_multibyte_character_was_reported_as_end_of_input() {
    let err = json::from_str::<String>("\"\\u000é\"").unwrap_err();
    assert_eq!(err.category(), Category::Syntax, "{err}");
    let err = json::from_str::<String>("\"\\u00").unwrap_err();
    assert_eq!(err.category(), Category::Eof, "{err}");
}

#[test]
fn json_duplicate_members_hid_behind_null() {
    for text in [r#"{"Id":"a","Id":null}"#, r#"{"Id":null,"Id":"b"}"#] {
        let err = json::from_str::<Aggregates>(text).unwrap_err();
        assert!(err.to_string().contains("appears twice"), "{text}: {err}");
    }
    for text in [
        r#"{"Id":"a","Attributes":{"k":"v","k":null}}"#,
        r#"{"Id":"a","Attributes":{"k":null,"k":"v"}}"#,
    ] {
        let err = json::from_str::<Aggregates>(text).unwrap_err();
        assert!(err.to_string().contains("appears twice"), "{text}: {err}");
    }
    let dynamic = json::from_slice_dynamic(
        br#"{"Id":"a","Attributes":{"k":null,"k":"v"}}"#,
        Aggregates::SCHEMA,
    );
    assert!(dynamic.is_err());
}

#[test]
fn invalid_base64_and_dates_are_data_errors_as_documented() {
    let err = json::from_str::<awso_core::Blob>("\"not base64!\"").unwrap_err();
    assert_eq!(err.category(), Category::Data);
    let err = Timestamp::parse("yesterday", TimestampFormat::DateTime).unwrap_err();
    assert_eq!(err.category(), Category::Data);
}

#[test]
fn entering_a_child_of_a_truncated_document_looped_forever() {
    // Found by the `aws_query_response` fuzz target: a result envelope cut off before its
    // end tag made `enter_child` see end-of-input forever.
    let mut de = XmlDeserializer::new("<S>r").unwrap();
    let err = de.enter_child("SResult").unwrap_err();
    assert_eq!(err.category(), Category::Eof, "{err}");

    // The ec2 error envelope: `<Errors>` is looked for inside an unclosed `<Response>`.
    let mut de = XmlDeserializer::new("<Response><Error><Code>NotFound</Code></Error>").unwrap();
    let err = de.enter_child("Errors").unwrap_err();
    assert_eq!(err.category(), Category::Eof, "{err}");
}

/// `Aggregates` with `content` (a union) set to `content`.
fn with_content(content: Value) -> Value {
    Value::Structure(vec![
        ("Id".into(), Value::String("a".into())),
        ("Content".into(), content),
    ])
}

#[test]
fn value_encoders_wrote_unions_no_reader_accepts() {
    // Found by the `query_encode` fuzz target: a union `Value` with no member, or two, was
    // written and sent, and then refused by every decoder.
    let schema = Aggregates::SCHEMA;
    let none = with_content(Value::Structure(vec![]));
    let two = with_content(Value::Structure(vec![
        ("Text".into(), Value::String("t".into())),
        ("Lines".into(), Value::List(vec![])),
    ]));
    for value in [&none, &two] {
        let json = json::to_string_dynamic(value, schema).unwrap_err();
        let xml = xml::to_string_dynamic(value, schema).unwrap_err();
        for err in [json, xml] {
            assert!(err.to_string().contains("exactly one member"), "{err}");
            assert_eq!(err.path(), "Content", "{err}");
        }
    }
    // One member still goes through, and reads back.
    let one = with_content(Value::Structure(vec![(
        "Text".into(),
        Value::String("t".into()),
    )]));
    let text = json::to_string_dynamic(&one, schema).unwrap();
    assert_eq!(
        json::from_slice_dynamic(text.as_bytes(), schema).unwrap(),
        one
    );
}

#[test]
fn value_encoders_wrote_a_map_key_or_a_member_twice() {
    let schema = Aggregates::SCHEMA;
    let map = Value::Structure(vec![
        ("Id".into(), Value::String("a".into())),
        (
            "Attributes".into(),
            Value::Map(vec![
                (String::new(), Value::String("x".into())),
                (String::new(), Value::String("y".into())),
            ]),
        ),
    ]);
    let err = json::to_string_dynamic(&map, schema).unwrap_err();
    assert!(err.to_string().contains("the key appears twice"), "{err}");
    // Past the pairwise check's small-map range too.
    let mut entries: Vec<_> = (0..40)
        .map(|i| (i.to_string(), Value::String(String::new())))
        .collect();
    entries.push(("7".into(), Value::String(String::new())));
    let big = Value::Structure(vec![
        ("Id".into(), Value::String("a".into())),
        ("Attributes".into(), Value::Map(entries)),
    ]);
    assert!(xml::to_string_dynamic(&big, schema).is_err());

    let member_twice = Value::Structure(vec![
        ("Id".into(), Value::String("a".into())),
        ("Id".into(), Value::String("b".into())),
    ]);
    let err = json::to_string_dynamic(&member_twice, schema).unwrap_err();
    assert!(err.to_string().contains("`Id` appears twice"), "{err}");
}

/// A namespace URI with a character XML 1.0 cannot carry.
#[derive(AwsShape, Debug)]
#[awso(xml_namespace(uri = "urn:a\u{1}b"))]
struct BadRootNamespace {
    name: Option<String>,
}

#[derive(AwsShape, Debug)]
struct BadAttributeNamespace {
    #[awso(xml_attribute, xml_namespace(uri = "urn:\u{FFFE}", prefix = "p"))]
    kind: Option<String>,
}

#[test]
fn xml_writer_cut_off_a_namespace_uri_it_could_not_escape() {
    // The escape error was dropped: the writer went on after `xmlns="urn:a`, and the
    // document it returned declared a namespace nobody had modeled.
    let err = xml::to_string(&BadRootNamespace {
        name: Some("x".into()),
    })
    .unwrap_err();
    assert_eq!(err.category(), Category::Unsupported, "{err}");
    assert!(err.to_string().contains("U+0001"), "{err}");

    let err = xml::to_string(&BadAttributeNamespace {
        kind: Some("k".into()),
    })
    .unwrap_err();
    assert_eq!(err.category(), Category::Unsupported, "{err}");
    assert!(err.to_string().contains("U+FFFE"), "{err}");
    assert!(err.to_string().contains("kind"), "the member path: {err}");
}

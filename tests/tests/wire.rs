//! Exact wire output of each format, as tables of (value, expected text); each expected text
//! also decodes back to its value where the format has a decoder.

use std::collections::BTreeMap;

use awso_core::query::{self, QueryFlavor};
use awso_core::{AwsShape, Blob, Document, Timestamp, json, xml};

#[derive(AwsShape, Debug, PartialEq, Default)]
#[awso(rename_all = "camelCase")]
struct JsonNames {
    #[awso(json_name = "renamed_member")]
    renamed: Option<String>,
    #[awso(timestamp_format = "date-time")]
    date_time: Option<Timestamp>,
    #[awso(timestamp_format = "http-date")]
    http_date: Option<Timestamp>,
    epoch: Option<Timestamp>,
    blob: Option<Blob>,
    double: Option<f64>,
    float: Option<f32>,
    document: Option<Document>,
    sparse: Option<Vec<Option<i32>>>,
    map: Option<BTreeMap<String, i64>>,
}

#[test]
fn json_output() {
    let t = Timestamp::from_secs_and_nanos(1_398_796_238, 123_000_000).unwrap();
    let cases: Vec<(JsonNames, &str)> = vec![
        (JsonNames::default(), "{}"),
        (
            JsonNames {
                renamed: Some("a\"b\\c\n\u{1}é".into()),
                ..JsonNames::default()
            },
            r#"{"renamed_member":"a\"b\\c\n\u0001é"}"#,
        ),
        (
            JsonNames {
                date_time: Some(t),
                // IMF-fixdate has no fraction: a fraction would not come back.
                http_date: Some(Timestamp::from_secs(1_398_796_238)),
                epoch: Some(t),
                ..JsonNames::default()
            },
            r#"{"dateTime":"2014-04-29T18:30:38.123Z","httpDate":"Tue, 29 Apr 2014 18:30:38 GMT","epoch":1398796238.123}"#,
        ),
        (
            JsonNames {
                epoch: Some(Timestamp::from_secs(1_398_796_238)),
                blob: Some(Blob::from("binary-value")),
                ..JsonNames::default()
            },
            r#"{"epoch":1398796238,"blob":"YmluYXJ5LXZhbHVl"}"#,
        ),
        (
            JsonNames {
                double: Some(f64::NEG_INFINITY),
                float: Some(0.1),
                ..JsonNames::default()
            },
            r#"{"double":"-Infinity","float":0.1}"#,
        ),
        (
            JsonNames {
                double: Some(1e300),
                float: Some(-2.0),
                ..JsonNames::default()
            },
            r#"{"double":1e300,"float":-2.0}"#,
        ),
        (
            JsonNames {
                document: Some(json::from_str(r#"{"x":[1,{"y":null}]}"#).unwrap()),
                sparse: Some(vec![Some(1), None]),
                map: Some(BTreeMap::from([("k".to_owned(), -1)])),
                ..JsonNames::default()
            },
            r#"{"document":{"x":[1,{"y":null}]},"sparse":[1,null],"map":{"k":-1}}"#,
        ),
    ];
    for (value, expected) in cases {
        assert_eq!(json::to_string(&value).unwrap(), expected);
        assert_eq!(
            json::from_str::<JsonNames>(expected).unwrap(),
            value,
            "{expected}"
        );
    }
}

#[test]
fn json_names_can_be_ignored_for_aws_json() {
    let value = JsonNames {
        renamed: Some("x".into()),
        ..JsonNames::default()
    };
    let mut ser = json::JsonSerializer::new().ignore_json_names();
    ser.serialize(&value).unwrap();
    assert_eq!(ser.finish(), r#"{"renamed":"x"}"#);
    let mut de = json::JsonDeserializer::new(r#"{"renamed":"x"}"#).ignore_json_names();
    assert_eq!(de.deserialize::<JsonNames>().unwrap(), value);
}

#[derive(AwsShape, Debug, PartialEq)]
#[awso(name = "XmlNamespacesRequest", xml_namespace(uri = "http://foo.com"))]
struct Namespaced {
    nested: Option<NestedNamespaced>,
}

#[derive(AwsShape, Debug, PartialEq)]
#[awso(xml_namespace(uri = "http://foo.com"))]
struct NestedNamespaced {
    #[awso(xml_namespace(uri = "http://baz.com", prefix = "baz"))]
    foo: Option<String>,
    #[awso(
        xml_namespace(uri = "http://qux.com"),
        member(xml_namespace(uri = "http://bux.com"))
    )]
    values: Option<Vec<String>>,
}

#[derive(AwsShape, Debug, PartialEq)]
#[awso(xml_name = "Root")]
struct XmlShapes {
    #[awso(xml_attribute, xml_name = "test")]
    attr: Option<String>,
    #[awso(xml_attribute, xml_name = "xsi:count")]
    count: Option<i32>,
    #[awso(xml_name = "Renamed")]
    plain: Option<String>,
    #[awso(member(xml_name = "item"))]
    renamed_items: Option<Vec<String>>,
    #[awso(xml_flattened, xml_name = "Flat")]
    flattened: Option<Vec<i32>>,
    #[awso(key(xml_name = "K"), value(xml_name = "V"))]
    renamed_map: Option<BTreeMap<String, String>>,
    #[awso(xml_flattened, xml_name = "KVP")]
    flattened_map: Option<BTreeMap<String, bool>>,
    empty: Option<String>,
}

#[test]
fn xml_output() {
    let namespaced = Namespaced {
        nested: Some(NestedNamespaced {
            foo: Some("Foo".into()),
            values: Some(vec!["Bar".into(), "Baz".into()]),
        }),
    };
    let shapes = XmlShapes {
        attr: Some("<a&b\"\n>".into()),
        count: Some(3),
        plain: Some("text\r\nwith <tags> & \"quotes\"".into()),
        renamed_items: Some(vec!["x".into(), "y".into()]),
        flattened: Some(vec![1, 2]),
        renamed_map: Some(BTreeMap::from([("a".to_owned(), "A".to_owned())])),
        flattened_map: Some(BTreeMap::from([
            ("t".to_owned(), true),
            ("f".to_owned(), false),
        ])),
        empty: Some(String::new()),
    };
    assert_eq!(
        xml::to_string(&namespaced).unwrap(),
        concat!(
            r#"<XmlNamespacesRequest xmlns="http://foo.com"><nested xmlns="http://foo.com">"#,
            r#"<foo xmlns:baz="http://baz.com">Foo</foo><values xmlns="http://qux.com">"#,
            r#"<member xmlns="http://bux.com">Bar</member><member xmlns="http://bux.com">Baz</member>"#,
            r#"</values></nested></XmlNamespacesRequest>"#
        )
    );
    let expected = concat!(
        r#"<Root test="&lt;a&amp;b&quot;&#xA;&gt;" xsi:count="3">"#,
        "<Renamed>text&#xD;\nwith &lt;tags&gt; &amp; \"quotes\"</Renamed>",
        "<renamed_items><item>x</item><item>y</item></renamed_items>",
        "<Flat>1</Flat><Flat>2</Flat>",
        "<renamed_map><entry><K>a</K><V>A</V></entry></renamed_map>",
        "<KVP><key>f</key><value>false</value></KVP><KVP><key>t</key><value>true</value></KVP>",
        "<empty></empty></Root>"
    );
    assert_eq!(xml::to_string(&shapes).unwrap(), expected);
    assert_eq!(xml::from_str::<XmlShapes>(expected).unwrap(), shapes);
    assert_eq!(
        xml::from_str::<Namespaced>(&xml::to_string(&namespaced).unwrap()).unwrap(),
        namespaced
    );
    assert_eq!(
        xml::to_string_with_root(
            &NestedNamespaced {
                foo: None,
                values: Some(vec![])
            },
            "Other"
        )
        .unwrap(),
        r#"<Other xmlns="http://foo.com"><values xmlns="http://qux.com"></values></Other>"#
    );
}

#[derive(AwsShape, Debug, PartialEq)]
struct QueryInput {
    #[awso(rename = "Name")]
    name: Option<String>,
    #[awso(rename = "lowerName", xml_name = "XmlName")]
    xml_named: Option<String>,
    #[awso(rename = "ec2Named", ec2_query_name = "Ec2Custom")]
    ec2_named: Option<i32>,
    #[awso(rename = "List")]
    list: Option<Vec<String>>,
    #[awso(rename = "ItemNamed", member(xml_name = "item"))]
    item_named: Option<Vec<String>>,
    #[awso(rename = "Flat", xml_flattened)]
    flat: Option<Vec<String>>,
    #[awso(rename = "Empty")]
    empty: Option<Vec<String>>,
    #[awso(rename = "Map", key(xml_name = "K"), value(xml_name = "V"))]
    map: Option<BTreeMap<String, String>>,
    #[awso(rename = "FlatMap", xml_flattened)]
    flat_map: Option<BTreeMap<String, String>>,
    #[awso(rename = "Nested")]
    nested: Option<Box<QueryInput>>,
    #[awso(rename = "When")]
    when: Option<Timestamp>,
}

#[test]
fn query_output_for_both_flavors() {
    let input = QueryInput {
        name: Some("a b&c=d/é".into()),
        xml_named: Some("x".into()),
        ec2_named: Some(7),
        list: Some(vec!["1".into(), "2".into()]),
        item_named: Some(vec!["i".into()]),
        flat: Some(vec!["f".into()]),
        empty: Some(vec![]),
        map: Some(BTreeMap::from([("k".to_owned(), "v".to_owned())])),
        flat_map: Some(BTreeMap::from([("fk".to_owned(), "fv".to_owned())])),
        nested: Some(Box::new(QueryInput {
            name: Some("inner".into()),
            xml_named: None,
            ec2_named: None,
            list: None,
            item_named: None,
            flat: None,
            empty: None,
            map: None,
            flat_map: None,
            nested: None,
            when: None,
        })),
        when: Some(Timestamp::from_secs(1_422_172_800)),
    };
    assert_eq!(
        query::to_string(&input, QueryFlavor::AwsQuery).unwrap(),
        concat!(
            "Name=a%20b%26c%3Dd%2F%C3%A9&XmlName=x&ec2Named=7",
            "&List.member.1=1&List.member.2=2&ItemNamed.item.1=i&Flat.1=f&Empty=",
            "&Map.entry.1.K=k&Map.entry.1.V=v&FlatMap.1.key=fk&FlatMap.1.value=fv",
            "&Nested.Name=inner&When=2015-01-25T08%3A00%3A00Z"
        )
    );
    assert_eq!(
        query::to_string(&input, QueryFlavor::Ec2Query).unwrap(),
        concat!(
            "Name=a%20b%26c%3Dd%2F%C3%A9&XmlName=x&Ec2Custom=7",
            "&List.1=1&List.2=2&ItemNamed.1=i&Flat.1=f",
            "&Map.entry.1.K=k&Map.entry.1.V=v&FlatMap.1.key=fk&FlatMap.1.value=fv",
            "&Nested.Name=inner&When=2015-01-25T08%3A00%3A00Z"
        )
    );
}

#[test]
fn the_same_value_in_every_format() {
    #[derive(AwsShape, Debug, PartialEq)]
    #[awso(rename_all = "PascalCase")]
    struct Message {
        content_type: String,
        content: Option<String>,
        client_token: Option<String>,
    }
    let message = Message {
        content_type: "text/plain".into(),
        content: Some("Hi <there>".into()),
        client_token: None,
    };
    assert_eq!(
        json::to_string(&message).unwrap(),
        r#"{"ContentType":"text/plain","Content":"Hi <there>"}"#
    );
    assert_eq!(
        xml::to_string(&message).unwrap(),
        "<Message><ContentType>text/plain</ContentType><Content>Hi &lt;there&gt;</Content></Message>"
    );
    assert_eq!(
        query::to_string(&message, QueryFlavor::AwsQuery).unwrap(),
        "ContentType=text%2Fplain&Content=Hi%20%3Cthere%3E"
    );
    assert_eq!(
        awso_core::to_value(&message).unwrap().to_string(),
        "Structure {\n  ContentType: String \"text/plain\"\n  Content: String \"Hi <there>\"\n}"
    );
}

/// Element names that are not plain ASCII names (a prefix, a non-ASCII letter) cannot be
/// matched by comparing bytes; the reader takes its general path for them, in model order
/// and out of it.
#[derive(AwsShape, Debug, PartialEq)]
struct UnusualNames {
    #[awso(xml_name = "p:Id")]
    id: Option<String>,
    #[awso(xml_name = "Größe")]
    size: Option<i32>,
    #[awso(member(xml_name = "x:item"))]
    items: Option<Vec<String>>,
    plain: Option<bool>,
}

#[test]
fn unusual_xml_names_decode_in_any_order() {
    let expected = UnusualNames {
        id: Some("a".into()),
        size: Some(3),
        items: Some(vec!["i".into(), "j".into()]),
        plain: Some(true),
    };
    let written = xml::to_string(&expected).unwrap();
    assert!(
        written.contains("<p:Id>a</p:Id><Größe>3</Größe>"),
        "{written}"
    );
    assert_eq!(xml::from_str::<UnusualNames>(&written).unwrap(), expected);
    let shuffled = concat!(
        "<UnusualNames><plain>true</plain><items><x:item>i</x:item><x:item>j</x:item></items>",
        "<Größe>3</Größe><p:Id>a</p:Id></UnusualNames>"
    );
    assert_eq!(xml::from_str::<UnusualNames>(shuffled).unwrap(), expected);
}

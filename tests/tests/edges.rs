//! The edge behaviour of every decoder and encoder, as the README's "Guarantees at the edges"
//! promises it: nesting limits exactly at the boundary, truncated and corrupted input, exact
//! numbers, strings, XML's refusals (DTDs, entities, malformed markup), errors that say where,
//! duplicate members, forward compatibility, and required members missing from a response.
//!
//! How nesting is counted (read from the code, tested at the boundary below):
//! - JSON readers and writers and the XML writer count every structure, union, list and map
//!   (and, in JSON, every document array and object, also inside skipped unknown members) as
//!   one level; scalars do not count. With the default limit of 128, 128 nested containers are
//!   read and written, 129 are refused.
//! - The XML reader counts structures and wrapped lists the same way, and each element of a
//!   skipped unknown member as one level. It counts maps differently (the map and each
//!   `<entry>`; a flattened list not at all), so the XML limits are tested through structures
//!   and lists.
//! - The `Value` codecs count every value below the root (scalars too) as one level: a chain of
//!   128 `Node`s, whose innermost `Value` member sits 128 levels down, is the most they take.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use awso_core::error::Category;
use awso_core::json::{JsonDeserializer, JsonSerializer};
use awso_core::limits::DEFAULT_MAX_DEPTH;
use awso_core::value::{ValueDeserializer, ValueSerializer};
use awso_core::xml::{XmlDeserializer, XmlSerializer};
use awso_core::{
    AwsShape, BigDecimal, BigInteger, Blob, Document, Member, Timestamp, Value, from_value, json,
    to_value, xml,
};
use awso_tests::{
    Aggregates, Content, JsonOnly, Node, ParticipantRole, Priority, Receipt, Scalars,
};
use indexmap::IndexMap;

/// A structure with an XML attribute member, for attribute escaping and attribute syntax.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
struct Annotated {
    #[awso(xml_attribute, rename = "note")]
    note: Option<String>,
    body: Option<String>,
}

/// A structure that recurses through a map, to count map levels.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
struct Tree {
    kids: Option<BTreeMap<String, Tree>>,
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn empty_aggregates(id: &str) -> Aggregates {
    Aggregates {
        id: id.to_owned(),
        role: None,
        priority: None,
        content: None,
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

fn leaf(value: i32) -> Node {
    Node {
        value,
        children: None,
        next: None,
    }
}

/// A value with every member of `Aggregates` set, scalars included.
fn rich_aggregates() -> Aggregates {
    let scalars = Scalars {
        boolean: Some(true),
        byte: Some(-8),
        short: Some(-1600),
        integer: Some(320_000),
        long: Some(-9_007_199_254_740_993),
        float: Some(1.5),
        double: Some(-0.125),
        string: Some("a \"quoted\" <line>\n& more é😀".to_owned()),
        blob: Some(Blob::from("bytes\0\u{1}")),
        timestamp: Some(Timestamp::from_secs_and_nanos(1_573_180_888, 172_000_000).unwrap()),
        date_time: Some(Timestamp::from_secs_and_nanos(1_573_180_888, 5).unwrap()),
        epoch_seconds: Some(Timestamp::from_secs_and_nanos(-2, 500_000_000).unwrap()),
        http_date: Some(Timestamp::from_secs(784_111_777)),
        big_integer: Some(
            "-123456789012345678901234567890"
                .parse::<BigInteger>()
                .unwrap(),
        ),
        big_decimal: Some("1.25e-7".parse::<BigDecimal>().unwrap()),
    };
    Aggregates {
        id: "agg-1".to_owned(),
        role: Some(ParticipantRole::CustomBot),
        priority: Some(Priority::High),
        content: Some(Content::Receipt(Receipt {
            read_timestamp: Some(Timestamp::from_secs(1_600_000_000)),
            recipient_participant_id: Some("p-1".to_owned()),
        })),
        receipts: Some(vec![
            Receipt {
                read_timestamp: None,
                recipient_participant_id: Some("first".to_owned()),
            },
            Receipt {
                read_timestamp: Some(Timestamp::from_secs(1)),
                recipient_participant_id: None,
            },
        ]),
        matrix: Some(vec![vec![1, -2], vec![], vec![3]]),
        attributes: Some(IndexMap::from([
            ("zeta".to_owned(), "last".to_owned()),
            ("alpha".to_owned(), "first".to_owned()),
        ])),
        by_role: Some(BTreeMap::from([
            (ParticipantRole::Agent, 1),
            (ParticipantRole::Unknown("SUPERVISOR".to_owned()), -2),
        ])),
        map_of_lists: Some(BTreeMap::from([(
            "k".to_owned(),
            vec!["v1".to_owned(), "v2".to_owned()],
        )])),
        tags: Some(vec!["t1".to_owned(), "t2".to_owned()]),
        labels: Some(BTreeMap::from([
            ("l1".to_owned(), "x".to_owned()),
            ("l2".to_owned(), "y".to_owned()),
        ])),
        tree: Some(Node {
            value: 1,
            children: Some(vec![leaf(2), leaf(3)]),
            next: Some(Box::new(leaf(4))),
        }),
        scalars: Some(scalars),
    }
}

/// `JsonOnly` with a nested document and sparse collections.
fn rich_json_only() -> JsonOnly {
    JsonOnly {
        document: Some(
            json::from_str::<Document>(r#"{"a":[1,-2,0.5,null,true,"s",{"b":{}}],"c":[]}"#)
                .unwrap(),
        ),
        sparse_list: Some(vec![Some("a".to_owned()), None, Some("b".to_owned())]),
        sparse_map: Some(BTreeMap::from([
            ("x".to_owned(), None),
            ("y".to_owned(), Some(7)),
        ])),
    }
}

/// A chain of `len` nodes linked through `Next`, values 1 to `len`.
fn node_chain(len: usize) -> Node {
    let mut node = leaf(i32::try_from(len).unwrap());
    for value in (1..len).rev() {
        node = Node {
            value: i32::try_from(value).unwrap(),
            children: None,
            next: Some(Box::new(node)),
        };
    }
    node
}

/// `len` nodes, each the only child of the one before; the innermost has `innermost_children`.
fn node_family(len: usize, innermost_children: Option<Vec<Node>>) -> Node {
    let mut node = Node {
        value: i32::try_from(len).unwrap(),
        children: innermost_children,
        next: None,
    };
    for value in (1..len).rev() {
        node = Node {
            value: i32::try_from(value).unwrap(),
            children: Some(vec![node]),
            next: None,
        };
    }
    node
}

/// JSON of `len` nodes chained through `Next`: `len` nested objects.
fn json_node_chain(len: usize) -> String {
    let mut text = String::new();
    for i in 1..=len {
        write!(text, "{{\"Value\":{i}").unwrap();
        if i < len {
            text.push_str(",\"Next\":");
        }
    }
    text.push_str(&"}".repeat(len));
    text
}

/// JSON of `len` nodes, each the only child of the one before (an object and an array per
/// node but the last); the innermost node ends with `innermost` (`""` or `,"Children":[]`).
fn json_node_family(len: usize, innermost: &str) -> String {
    let mut text = String::new();
    for i in 1..len {
        write!(text, "{{\"Value\":{i},\"Children\":[").unwrap();
    }
    write!(text, "{{\"Value\":{len}{innermost}}}").unwrap();
    text.push_str(&"]}".repeat(len - 1));
    text
}

/// XML of `len` nodes chained through `Next`.
fn xml_node_chain(len: usize) -> String {
    let mut text = String::from("<Node>");
    for i in 1..=len {
        write!(text, "<Value>{i}</Value>").unwrap();
        if i < len {
            text.push_str("<Next>");
        }
    }
    text.push_str(&"</Next>".repeat(len - 1));
    text.push_str("</Node>");
    text
}

/// XML of `len` nodes, each the only child of the one before; the innermost ends with
/// `innermost` (`""` or `<Children></Children>`).
fn xml_node_family(len: usize, innermost: &str) -> String {
    let mut text = String::from("<Node>");
    for i in 1..len {
        write!(text, "<Value>{i}</Value><Children><member>").unwrap();
    }
    write!(text, "<Value>{len}</Value>{innermost}").unwrap();
    text.push_str(&"</member></Children>".repeat(len - 1));
    text.push_str("</Node>");
    text
}

/// `depth` nested JSON arrays around `inner`.
fn json_arrays(depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", "[".repeat(depth), "]".repeat(depth))
}

/// `depth` nested JSON objects, each `{"a": ...}`, the innermost `{}`.
fn json_objects(depth: usize) -> String {
    format!(
        "{}{{}}{}",
        "{\"a\":".repeat(depth - 1),
        "}".repeat(depth - 1)
    )
}

/// A `Value` of `len` nodes chained through `Next`, each with its `Value` member.
fn value_node_chain(len: usize) -> Value {
    let node = |value: usize, next: Option<Value>| {
        let mut members = vec![(
            "Value".into(),
            Value::Integer(i32::try_from(value).unwrap()),
        )];
        members.extend(next.map(|n| ("Next".into(), n)));
        Value::Structure(members)
    };
    let mut value = node(len, None);
    for i in (1..len).rev() {
        value = node(i, Some(value));
    }
    value
}

/// Bytes for a failure message, turned into text only when a message is written.
struct Shown<'a>(&'a [u8]);

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&String::from_utf8_lossy(self.0))
    }
}

impl std::fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(self.0))
    }
}

fn assert_limit<T: std::fmt::Debug>(result: awso_core::Result<T>, what: &str) {
    match result {
        Err(e) => assert_eq!(e.category(), Category::Limit, "{what}: {e}"),
        Ok(v) => panic!("{what}: expected a nesting-limit error, decoded {v:?}"),
    }
}

fn assert_category<T: std::fmt::Debug>(
    result: awso_core::Result<T>,
    category: Category,
    what: &str,
) -> awso_core::Error {
    match result {
        Err(e) => {
            assert_eq!(e.category(), category, "{what}: {e}");
            e
        }
        Ok(v) => panic!("{what}: expected a {category:?} error, got {v:?}"),
    }
}

fn chain_len(node: &Node) -> usize {
    1 + node.next.as_deref().map_or(0, chain_len)
}

// ---------------------------------------------------------------------------------------------
// Nesting depth
// ---------------------------------------------------------------------------------------------

#[test]
fn default_limit_is_128() {
    assert_eq!(DEFAULT_MAX_DEPTH, 128);
}

#[test]
fn json_node_chain_is_read_to_exactly_the_limit() {
    let node: Node = json::from_str(&json_node_chain(128)).expect("128 nested objects");
    assert_eq!(chain_len(&node), 128);
    assert_eq!(node, node_chain(128));
    assert_limit(
        json::from_str::<Node>(&json_node_chain(129)),
        "129 nested objects",
    );
}

#[test]
fn json_node_children_count_the_list_level_too() {
    // 64 nodes and 63 lists, plus the innermost empty list: 128 levels.
    let at_limit = json_node_family(64, ",\"Children\":[]");
    let node: Node = json::from_str(&at_limit).expect("128 levels");
    assert_eq!(node, node_family(64, Some(Vec::new())));
    // The same with one child in the innermost list: 129 levels.
    let over = json_node_family(65, "");
    assert_limit(json::from_str::<Node>(&over), "129 levels through Children");
}

#[test]
fn json_map_levels_count_one_each() {
    // Each Tree is an object and its Kids map another: 63 trees and 64 maps (the innermost
    // empty) make 127 + 1 = 128 levels.
    let at_limit = format!(
        "{}{{\"Kids\":{{}}}}{}",
        "{\"Kids\":{\"k\":".repeat(63),
        "}}".repeat(63)
    );
    let tree: Tree = json::from_str(&at_limit).expect("128 levels");
    let mut depth = 0;
    let mut t = &tree;
    while let Some(kids) = &t.kids {
        depth += 1;
        match kids.get("k") {
            Some(next) => t = next,
            None => break,
        }
    }
    assert_eq!(depth, 64);
    let over = format!(
        "{}{{\"Kids\":{{\"k\":{{}}}}}}{}",
        "{\"Kids\":{\"k\":".repeat(63),
        "}}".repeat(63)
    );
    assert_limit(json::from_str::<Tree>(&over), "129 levels through maps");
}

#[test]
fn json_document_is_read_to_exactly_the_limit() {
    let doc: Document = json::from_str(&json_arrays(128, "1")).expect("128 arrays");
    let mut depth = 0;
    let mut d = &doc;
    while let Some(items) = d.as_array() {
        depth += 1;
        d = &items[0];
    }
    assert_eq!(depth, 128);
    assert_limit(
        json::from_str::<Document>(&json_arrays(129, "1")),
        "129 arrays",
    );
    json::from_str::<Document>(&json_objects(128)).expect("128 objects");
    assert_limit(
        json::from_str::<Document>(&json_objects(129)),
        "129 objects",
    );
    // Inside a structure the structure is the first level.
    let member = |depth| format!("{{\"Document\":{}}}", json_arrays(depth, ""));
    json::from_str::<JsonOnly>(&member(127)).expect("1 + 127 levels");
    assert_limit(json::from_str::<JsonOnly>(&member(128)), "1 + 128 levels");
}

#[test]
fn json_unknown_members_count_levels_while_skipped() {
    let with_unknown = |value: String| format!("{{\"Id\":\"a\",\"Unknown\":{value}}}");
    let at_limit: Aggregates = json::from_str(&with_unknown(json_arrays(127, "0")))
        .expect("the structure and 127 skipped arrays");
    assert_eq!(at_limit, empty_aggregates("a"));
    assert_limit(
        json::from_str::<Aggregates>(&with_unknown(json_arrays(128, "0"))),
        "the structure and 128 skipped arrays",
    );
    json::from_str::<Aggregates>(&with_unknown(json_objects(127))).expect("127 skipped objects");
    assert_limit(
        json::from_str::<Aggregates>(&with_unknown(json_objects(128))),
        "128 skipped objects",
    );
}

#[test]
fn json_max_depth_raises_and_lowers_the_limit() {
    let text = json_node_chain(200);
    assert_limit(json::from_str::<Node>(&text), "200 levels by default");

    let mut de = JsonDeserializer::from_slice(text.as_bytes())
        .unwrap()
        .max_depth(200);
    let node: Node = de.deserialize().expect("200 levels with max_depth(200)");
    de.end().unwrap();
    assert_eq!(chain_len(&node), 200);

    let mut de = JsonDeserializer::from_slice(text.as_bytes())
        .unwrap()
        .max_depth(199);
    assert_limit(de.deserialize::<Node>(), "200 levels with max_depth(199)");

    let mut de = JsonDeserializer::from_slice(b"[[[1]]]")
        .unwrap()
        .max_depth(2);
    assert_limit(de.deserialize::<Document>(), "3 arrays with max_depth(2)");
    let mut de = JsonDeserializer::from_slice(b"[[[1]]]")
        .unwrap()
        .max_depth(3);
    assert!(de.deserialize::<Document>().is_ok());
}

#[test]
fn json_nesting_10000_deep_is_a_limit_error_not_a_stack_overflow() {
    let deep = 10_000;
    assert_limit(json::from_str::<Document>(&json_arrays(deep, "")), "arrays");
    assert_limit(json::from_str::<Document>(&json_objects(deep)), "objects");
    assert_limit(json::from_str::<Node>(&json_node_chain(deep)), "nodes");
    // Unterminated, as an attacker would send it.
    assert_limit(json::from_str::<Document>(&"[".repeat(deep)), "open arrays");
    assert_limit(
        json::from_str::<Aggregates>(&format!("{{\"Unknown\":{}", "[{\"a\":".repeat(deep))),
        "open unknown member",
    );
    let unknown = format!("{{\"Unknown\":{}}}", json_arrays(deep, "{}"));
    assert_limit(json::from_str::<Aggregates>(&unknown), "unknown member");
    // Skipping does not recurse: with the limit out of the way, it reads 10,000 levels.
    let mut de = JsonDeserializer::from_slice(unknown.as_bytes())
        .unwrap()
        .max_depth(2 * deep);
    let skipped: Aggregates = de.deserialize().expect("skipped without recursion");
    assert_eq!(skipped, empty_aggregates(""));
}

#[test]
fn xml_node_chain_is_read_to_exactly_the_limit() {
    let node: Node = xml::from_str(&xml_node_chain(128)).expect("128 nested structures");
    assert_eq!(node, node_chain(128));
    assert_limit(
        xml::from_str::<Node>(&xml_node_chain(129)),
        "129 structures",
    );
}

#[test]
fn xml_node_children_count_the_list_level_too() {
    let node: Node =
        xml::from_str(&xml_node_family(64, "<Children></Children>")).expect("128 levels");
    assert_eq!(node, node_family(64, Some(Vec::new())));
    assert_limit(
        xml::from_str::<Node>(&xml_node_family(65, "")),
        "129 levels through Children",
    );
}

#[test]
fn xml_unknown_elements_count_levels_while_skipped() {
    let with_unknown = |depth: usize| {
        format!(
            "<Aggregates><Id>a</Id>{}x{}</Aggregates>",
            "<X>".repeat(depth),
            "</X>".repeat(depth)
        )
    };
    let at_limit: Aggregates =
        xml::from_str(&with_unknown(127)).expect("the root and 127 skipped elements");
    assert_eq!(at_limit, empty_aggregates("a"));
    assert_limit(
        xml::from_str::<Aggregates>(&with_unknown(128)),
        "the root and 128 skipped elements",
    );
}

#[test]
fn xml_max_depth_raises_and_lowers_the_limit() {
    let text = xml_node_chain(200);
    assert_limit(xml::from_str::<Node>(&text), "200 levels by default");

    let mut de = XmlDeserializer::new(&text).unwrap().max_depth(200);
    let node: Node = de.deserialize().expect("200 levels with max_depth(200)");
    de.end().unwrap();
    assert_eq!(chain_len(&node), 200);

    let mut de = XmlDeserializer::from_slice(text.as_bytes())
        .unwrap()
        .max_depth(199);
    assert_limit(de.deserialize::<Node>(), "200 levels with max_depth(199)");

    let short = xml_node_chain(3);
    let mut de = XmlDeserializer::new(&short).unwrap().max_depth(2);
    assert_limit(de.deserialize::<Node>(), "3 levels with max_depth(2)");
}

#[test]
fn xml_nesting_10000_deep_is_a_limit_error_not_a_stack_overflow() {
    let deep = 10_000;
    assert_limit(xml::from_str::<Node>(&xml_node_chain(deep)), "nodes");
    let unknown = format!(
        "<Aggregates>{}{}</Aggregates>",
        "<X>".repeat(deep),
        "</X>".repeat(deep)
    );
    assert_limit(xml::from_str::<Aggregates>(&unknown), "unknown elements");
    assert_limit(
        xml::from_str::<Aggregates>(&format!("<Aggregates>{}", "<X>".repeat(deep))),
        "unclosed unknown elements",
    );
    let list = format!(
        "<Node><Children>{}</Children></Node>",
        "<member><Children>".repeat(deep)
    );
    assert_limit(xml::from_str::<Node>(&list), "unclosed lists");
    // Skipping does not recurse: with the limit out of the way, it reads 10,000 levels.
    let mut de = XmlDeserializer::new(&unknown).unwrap().max_depth(2 * deep);
    let skipped: Aggregates = de.deserialize().expect("skipped without recursion");
    assert_eq!(skipped, empty_aggregates(""));
}

#[test]
fn from_value_is_limited_to_128_levels() {
    let node: Node = from_value(&value_node_chain(128)).expect("128 nodes");
    assert_eq!(node, node_chain(128));
    assert_limit(from_value::<Node>(&value_node_chain(129)), "129 nodes");
    // The dynamic mode reads through the same deserializer.
    assert!(awso_core::value::from_value_dynamic(&value_node_chain(128), Node::SCHEMA).is_ok());
    assert_limit(
        awso_core::value::from_value_dynamic(&value_node_chain(129), Node::SCHEMA),
        "129 nodes, dynamic",
    );
    // ValueDeserializer::max_depth raises it.
    let deep = value_node_chain(200);
    let mut de = ValueDeserializer::new(&deep).max_depth(200);
    let node = Node::deserialize(&Member::root(Node::SCHEMA), &mut de).expect("200 levels");
    assert_eq!(chain_len(&node), 200);
    let mut de = ValueDeserializer::new(&deep).max_depth(199);
    assert_limit(
        Node::deserialize(&Member::root(Node::SCHEMA), &mut de),
        "200 levels, limit 199",
    );
}

#[test]
fn encoders_are_limited_to_128_levels() {
    let at_limit = node_chain(128);
    let over = node_chain(129);

    let value = to_value(&at_limit).expect("to_value of 128 nodes");
    assert_eq!(value, value_node_chain(128));
    assert_limit(to_value(&over), "to_value of 129 nodes");

    let text = json::to_string(&at_limit).expect("JSON of 128 nodes");
    assert_eq!(text, json_node_chain(128));
    assert_limit(json::to_string(&over), "JSON of 129 nodes");

    let text = xml::to_string(&at_limit).expect("XML of 128 nodes");
    assert_eq!(text, xml_node_chain(128));
    assert_limit(xml::to_string(&over), "XML of 129 nodes");

    // Through Children: 64 nodes and 64 lists are 128 levels; one more node is 129.
    let family = node_family(64, Some(Vec::new()));
    assert_eq!(
        json::to_string(&family).unwrap(),
        json_node_family(64, ",\"Children\":[]")
    );
    assert_eq!(
        xml::to_string(&family).unwrap(),
        xml_node_family(64, "<Children></Children>")
    );
    to_value(&family).expect("to_value of 64 nodes and lists");
    let family = node_family(65, None);
    assert_limit(json::to_string(&family), "JSON of 65 nodes and 64 lists");
    assert_limit(xml::to_string(&family), "XML of 65 nodes and 64 lists");
    assert_limit(to_value(&family), "to_value of 65 nodes and 64 lists");

    // A document member: the structure and 127 arrays.
    let doc = |depth| JsonOnly {
        document: Some(json::from_str::<Document>(&json_arrays(depth, "")).unwrap()),
        sparse_list: None,
        sparse_map: None,
    };
    json::to_string(&doc(127)).expect("JSON of a structure and 127 arrays");
    assert_limit(
        json::to_string(&doc(128)),
        "JSON of a structure and 128 arrays",
    );

    // Each serializer's max_depth raises the limit.
    let deep = node_chain(200);
    let mut ser = JsonSerializer::new().max_depth(200);
    ser.serialize(&deep).expect("JSON of 200 nodes, limit 200");
    assert_eq!(ser.finish(), json_node_chain(200));
    let mut ser = JsonSerializer::new().max_depth(199);
    assert_limit(ser.serialize(&deep), "JSON of 200 nodes, limit 199");
    let mut ser = XmlSerializer::new().max_depth(200);
    ser.serialize_root(&deep, "Node").expect("XML of 200 nodes");
    assert_eq!(ser.finish(), xml_node_chain(200));
    let mut ser = XmlSerializer::new().max_depth(199);
    assert_limit(
        ser.serialize_root(&deep, "Node"),
        "XML of 200 nodes, limit 199",
    );
    let mut ser = ValueSerializer::new().max_depth(200);
    deep.serialize(&Member::root(Node::SCHEMA), &mut ser)
        .expect("to_value of 200 nodes, limit 200");
    assert_eq!(ser.finish(), value_node_chain(200));
    let mut ser = ValueSerializer::new().max_depth(199);
    assert_limit(
        deep.serialize(&Member::root(Node::SCHEMA), &mut ser),
        "to_value of 200 nodes, limit 199",
    );
}

// ---------------------------------------------------------------------------------------------
// Truncated and corrupted input
// ---------------------------------------------------------------------------------------------

#[test]
fn every_truncated_json_prefix_is_an_error() {
    let aggregates = rich_aggregates();
    let json_only = rich_json_only();
    let documents = [
        json::to_vec(&aggregates).unwrap(),
        json::to_vec(&json_only).unwrap(),
        // Pretty-printed, with escapes: prefixes also end inside whitespace and escapes.
        b"{\n  \"Id\" : \"a\\n\\u00e9\\ud83d\\ude00\",\n  \"Matrix\" : [ [ 1 , 2 ] ] ,\n  \"Unknown\" : { \"x\" : [ null , true , -1.5e3 ] }\n}"
            .to_vec(),
    ];
    let mut checked = 0;
    for bytes in &documents {
        for end in 0..bytes.len() {
            let prefix = &bytes[..end];
            let outcomes = [
                json::from_slice::<Aggregates>(prefix).err(),
                json::from_slice::<JsonOnly>(prefix).err(),
            ];
            for outcome in outcomes {
                assert!(outcome.is_some(), "the prefix {:?} decoded", Shown(prefix));
                checked += 1;
            }
        }
    }
    assert_eq!(
        json::from_slice::<Aggregates>(&documents[0]).unwrap(),
        aggregates
    );
    assert_eq!(
        json::from_slice::<JsonOnly>(&documents[1]).unwrap(),
        json_only
    );
    json::from_slice::<Aggregates>(&documents[2]).expect("the full pretty document");
    assert!(checked > 1000, "only {checked} prefixes checked");
}

#[test]
fn truncated_json_is_an_end_of_input_error_at_the_end() {
    let bytes = json::to_vec(&rich_aggregates()).unwrap();
    // Cut at a structural point (after a comma): the error is "unexpected end".
    let cut = bytes.iter().position(|&b| b == b',').unwrap() + 1;
    let e = json::from_slice::<Aggregates>(&bytes[..cut]).unwrap_err();
    assert_eq!(e.category(), Category::Eof, "{e}");
    assert_eq!(e.position().unwrap().offset, cut, "{e}");
}

#[test]
fn every_truncated_xml_prefix_is_an_error() {
    let aggregates = rich_aggregates();
    let documents = [
        xml::to_string(&aggregates).unwrap(),
        xml::to_string(&Annotated {
            note: Some("a\n\"b\"".to_owned()),
            body: Some("<&>".to_owned()),
        })
        .unwrap(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n<Aggregates xmlns=\"urn:x\">\n  <Id><![CDATA[a<b]]>&amp;&#x41;</Id>\n  <?pi x?>\n  <Unknown><a>1</a></Unknown>\n  <Tag>t</Tag>\n</Aggregates>"
            .to_owned(),
    ];
    let mut checked = 0;
    for text in &documents {
        let bytes = text.as_bytes();
        for end in 0..bytes.len() {
            let prefix = &bytes[..end];
            let shown = Shown(prefix);
            assert!(
                xml::from_slice::<Aggregates>(prefix).is_err(),
                "the prefix {shown:?} decoded"
            );
            assert!(
                xml::from_slice::<Annotated>(prefix).is_err(),
                "the prefix {shown:?} decoded"
            );
            checked += 2;
        }
    }
    assert_eq!(
        xml::from_str::<Aggregates>(&documents[0]).unwrap(),
        aggregates
    );
    assert_eq!(
        xml::from_str::<Annotated>(&documents[1])
            .unwrap()
            .body
            .as_deref(),
        Some("<&>")
    );
    let pretty: Aggregates = xml::from_str(&documents[2]).unwrap();
    assert_eq!(
        (pretty.id.as_str(), pretty.tags),
        ("a<b&A", Some(vec!["t".to_owned()]))
    );
    assert!(checked > 1000, "only {checked} prefixes checked");
}

/// Bytes that change what a JSON parser sees.
const JSON_CORRUPTIONS: &[u8] = &[
    b'{', b'}', b'[', b']', b'"', b':', b',', b'\\', b'0', b'9', b'-', b'.', b'e', b'+', b'n',
    b't', b' ', b'a', 0x00, 0x1f, 0xc3, 0xff,
];

/// Bytes that change what an XML parser sees.
const XML_CORRUPTIONS: &[u8] = &[
    b'<', b'>', b'/', b'&', b';', b'=', b'"', b'!', b'?', b']', b' ', b'a', b'-', 0x00, 0xff,
];

#[test]
fn single_byte_corruptions_of_json_decode_or_err_without_panicking() {
    let documents = [
        json::to_vec(&rich_aggregates()).unwrap(),
        json::to_vec(&rich_json_only()).unwrap(),
    ];
    let (mut decoded, mut refused) = (0, 0);
    for bytes in &documents {
        for at in 0..bytes.len() {
            for &byte in JSON_CORRUPTIONS {
                if bytes[at] == byte {
                    continue;
                }
                let mut corrupt = bytes.clone();
                corrupt[at] = byte;
                let shown = Shown(&corrupt);
                // Whatever decodes encodes again and reads back the same, except a union
                // member the corruption renamed: only its name is kept, and the wire codecs
                // refuse to write it.
                match json::from_slice::<Aggregates>(&corrupt) {
                    Ok(v) => {
                        decoded += 1;
                        match json::to_string(&v) {
                            Ok(again) => {
                                assert_eq!(
                                    json::from_str::<Aggregates>(&again).unwrap(),
                                    v,
                                    "{shown}"
                                );
                            }
                            Err(e) => assert!(
                                matches!(v.content, Some(Content::Unknown(_)))
                                    && e.category() == Category::Unsupported,
                                "{shown}: {e}"
                            ),
                        }
                    }
                    Err(e) => {
                        refused += 1;
                        assert!(e.position().is_some(), "no position for {shown}: {e}");
                    }
                }
                match json::from_slice::<JsonOnly>(&corrupt) {
                    Ok(v) => {
                        decoded += 1;
                        let again = json::to_string(&v).unwrap();
                        assert_eq!(json::from_str::<JsonOnly>(&again).unwrap(), v, "{shown}");
                    }
                    Err(e) => {
                        refused += 1;
                        assert!(e.position().is_some(), "no position for {shown}: {e}");
                    }
                }
            }
        }
    }
    assert!(
        decoded > 100 && refused > 10_000,
        "{decoded} decoded, {refused} refused"
    );
}

#[test]
fn single_byte_corruptions_of_xml_decode_or_err_without_panicking() {
    let bytes = xml::to_string(&rich_aggregates()).unwrap().into_bytes();
    let (mut decoded, mut refused) = (0, 0);
    for at in 0..bytes.len() {
        for &byte in XML_CORRUPTIONS {
            if bytes[at] == byte {
                continue;
            }
            let mut corrupt = bytes.clone();
            corrupt[at] = byte;
            let shown = Shown(&corrupt);
            match xml::from_slice::<Aggregates>(&corrupt) {
                Ok(_) => decoded += 1,
                Err(e) => {
                    refused += 1;
                    assert!(e.position().is_some(), "no position for {shown}: {e}");
                }
            }
        }
    }
    assert!(
        decoded > 100 && refused > 10_000,
        "{decoded} decoded, {refused} refused"
    );
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

fn scalars_json(body: &str) -> awso_core::Result<Scalars> {
    json::from_str(&format!("{{{body}}}"))
}

fn scalars_xml(body: &str) -> awso_core::Result<Scalars> {
    xml::from_str(&format!("<Scalars>{body}</Scalars>"))
}

#[test]
fn integers_decode_exactly() {
    let s = scalars_json(r#""Long":9007199254740993"#).unwrap();
    assert_eq!(s.long, Some(9_007_199_254_740_993));
    assert_eq!(json::to_string(&s).unwrap(), r#"{"Long":9007199254740993}"#);
    let s = scalars_xml("<Long>9007199254740993</Long>").unwrap();
    assert_eq!(s.long, Some(9_007_199_254_740_993));

    let cases: [(&str, Scalars); 8] = [
        (
            r#""Long":9223372036854775807"#,
            Scalars {
                long: Some(i64::MAX),
                ..Scalars::default()
            },
        ),
        (
            r#""Long":-9223372036854775808"#,
            Scalars {
                long: Some(i64::MIN),
                ..Scalars::default()
            },
        ),
        (
            r#""Integer":2147483647"#,
            Scalars {
                integer: Some(i32::MAX),
                ..Scalars::default()
            },
        ),
        (
            r#""Integer":-2147483648"#,
            Scalars {
                integer: Some(i32::MIN),
                ..Scalars::default()
            },
        ),
        (
            r#""Short":-32768"#,
            Scalars {
                short: Some(i16::MIN),
                ..Scalars::default()
            },
        ),
        (
            r#""Byte":127"#,
            Scalars {
                byte: Some(i8::MAX),
                ..Scalars::default()
            },
        ),
        (
            r#""Byte":-128"#,
            Scalars {
                byte: Some(i8::MIN),
                ..Scalars::default()
            },
        ),
        (
            r#""Integer":-0,"Long":-0"#,
            Scalars {
                integer: Some(0),
                long: Some(0),
                ..Scalars::default()
            },
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(scalars_json(body).unwrap(), expected, "{body}");
        let xml_body: String = expected_xml(&expected);
        assert_eq!(scalars_xml(&xml_body).unwrap(), expected, "{xml_body}");
    }
}

/// The XML members of `s` as text, via the serializer, without the root element.
fn expected_xml(s: &Scalars) -> String {
    let text = xml::to_string(s).unwrap();
    text["<Scalars>".len()..text.len() - "</Scalars>".len()].to_owned()
}

#[test]
fn integers_out_of_range_are_errors() {
    let ten_thousand_digits = "9".repeat(10_000);
    let cases = [
        ("Long", "9223372036854775808"),
        ("Long", "-9223372036854775809"),
        ("Long", "18446744073709551616"),
        ("Long", ten_thousand_digits.as_str()),
        ("Integer", "2147483648"),
        ("Integer", "-2147483649"),
        ("Short", "32768"),
        ("Short", "-32769"),
        ("Byte", "128"),
        ("Byte", "-129"),
        ("Byte", ten_thousand_digits.as_str()),
    ];
    for (member, number) in cases {
        let json_result = scalars_json(&format!("\"{member}\":{number}"));
        let e = assert_category(json_result, Category::Data, number);
        assert_eq!(e.path(), member);
        assert!(e.to_string().contains("out of range"), "{e}");
        assert_eq!(e.position().unwrap().offset, member.len() + 4, "{e}");

        let xml_result = scalars_xml(&format!("<{member}>{number}</{member}>"));
        let e = assert_category(xml_result, Category::Data, number);
        assert_eq!(e.path(), member);
        assert!(e.to_string().contains("out of range"), "{e}");
    }
}

#[test]
fn fractions_and_exponents_are_not_integers() {
    for (member, number) in [
        ("Integer", "1.0"),
        ("Integer", "1e2"),
        ("Long", "1E2"),
        ("Long", "1.5"),
        ("Byte", "0.5"),
        ("Short", "1e0"),
        ("Long", "-0.0"),
    ] {
        let e = assert_category(
            scalars_json(&format!("\"{member}\":{number}")),
            Category::Data,
            number,
        );
        assert_eq!(e.path(), member, "{e}");
        assert!(e.to_string().contains(number), "{e}");
        assert_category(
            scalars_xml(&format!("<{member}>{number}</{member}>")),
            Category::Data,
            number,
        );
    }
}

#[test]
fn json_number_grammar_is_enforced() {
    for number in [
        "01", "+1", "1.", ".5", "1e", "0x10", "1_000", "--1", "1.5.5",
    ] {
        let e = scalars_json(&format!("\"Long\":{number}")).unwrap_err();
        assert!(
            matches!(e.category(), Category::Syntax | Category::Data),
            "{number}: {e}"
        );
        let e = scalars_json(&format!("\"Double\":{number}")).unwrap_err();
        assert!(
            matches!(e.category(), Category::Syntax | Category::Data),
            "{number}: {e}"
        );
    }
}

#[test]
fn huge_floats_are_errors_not_infinity() {
    for (member, number) in [
        ("Double", "1e999999"),
        ("Double", "-1e999999"),
        ("Double", "1.8e308"),
        ("Float", "1e39"),
        ("Float", "-3.5e38"),
    ] {
        let e = assert_category(
            scalars_json(&format!("\"{member}\":{number}")),
            Category::Data,
            number,
        );
        assert_eq!(e.path(), member);
        assert_category(
            scalars_xml(&format!("<{member}>{number}</{member}>")),
            Category::Data,
            number,
        );
    }
    // The largest finite values still read.
    let s = scalars_json(r#""Double":1.7976931348623157e308,"Float":3.4028235e38"#).unwrap();
    assert_eq!(s.double.map(f64::to_bits), Some(f64::MAX.to_bits()));
    assert_eq!(s.float.map(f32::to_bits), Some(f32::MAX.to_bits()));
}

#[test]
fn non_finite_floats_decode_from_strings_and_encode_back() {
    let json_text = r#"{"Float":"NaN","Double":"-Infinity"}"#;
    let s: Scalars = json::from_str(json_text).unwrap();
    assert!(s.float.unwrap().is_nan());
    assert_eq!(s.double, Some(f64::NEG_INFINITY));
    assert_eq!(json::to_string(&s).unwrap(), json_text);

    let json_text = r#"{"Float":"Infinity","Double":"NaN"}"#;
    let s: Scalars = json::from_str(json_text).unwrap();
    assert_eq!(s.float, Some(f32::INFINITY));
    assert!(s.double.unwrap().is_nan());
    assert_eq!(json::to_string(&s).unwrap(), json_text);

    let json_text = r#"{"Float":"-Infinity","Double":"Infinity"}"#;
    let s: Scalars = json::from_str(json_text).unwrap();
    assert_eq!(
        (s.float, s.double),
        (Some(f32::NEG_INFINITY), Some(f64::INFINITY))
    );
    assert_eq!(json::to_string(&s).unwrap(), json_text);

    let xml_text = "<Scalars><Float>NaN</Float><Double>-Infinity</Double></Scalars>";
    let s: Scalars = xml::from_str(xml_text).unwrap();
    assert!(s.float.unwrap().is_nan());
    assert_eq!(s.double, Some(f64::NEG_INFINITY));
    assert_eq!(xml::to_string(&s).unwrap(), xml_text);
    let xml_text = "<Scalars><Float>Infinity</Float><Double>NaN</Double></Scalars>";
    let s: Scalars = xml::from_str(xml_text).unwrap();
    assert_eq!(s.float, Some(f32::INFINITY));
    assert!(s.double.unwrap().is_nan());
    assert_eq!(xml::to_string(&s).unwrap(), xml_text);

    // Only those three spellings.
    for text in ["nan", "inf", "infinity", "+Infinity", "NAN", ""] {
        let e = scalars_json(&format!("\"Double\":\"{text}\"")).unwrap_err();
        assert_eq!(e.category(), Category::Data, "{text:?}: {e}");
        let e = scalars_xml(&format!("<Float>{text}</Float>")).unwrap_err();
        assert_eq!(e.category(), Category::Data, "{text:?}: {e}");
    }
    // In JSON a number in a string is not a number.
    let e = scalars_json(r#""Double":"1.5""#).unwrap_err();
    assert_eq!(e.category(), Category::Data, "{e}");
}

#[test]
fn floats_decode_from_text_without_double_rounding() {
    // Just above the midpoint between 1 and the next f32: correctly rounded, it is the next
    // f32; read as an f64 first (which rounds it to the midpoint) and then narrowed, it ties
    // to even and becomes 1.0.
    let text = "1.0000000596046447753906250000001";
    let next_after_one = f32::from_bits(1.0f32.to_bits() + 1);
    let s = scalars_json(&format!("\"Float\":{text}")).unwrap();
    assert_eq!(s.float.map(f32::to_bits), Some(next_after_one.to_bits()));
    let s = scalars_xml(&format!("<Float>{text}</Float>")).unwrap();
    assert_eq!(s.float.map(f32::to_bits), Some(next_after_one.to_bits()));
    // And floats re-encode with the shortest text that reads back the same.
    assert_eq!(
        json::to_string(&Scalars {
            float: Some(next_after_one),
            ..Scalars::default()
        })
        .unwrap(),
        r#"{"Float":1.0000001}"#
    );
    // Negative zero stays negative.
    let s = scalars_json(r#""Double":-0.0"#).unwrap();
    assert_eq!(s.double.map(f64::to_bits), Some((-0.0f64).to_bits()));
}

// ---------------------------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_utf8_is_a_syntax_error_at_its_byte() {
    let input = b"{\"Id\":\"a\xffb\"}";
    let e = json::from_slice::<Aggregates>(input).unwrap_err();
    assert_eq!(e.category(), Category::Syntax, "{e}");
    let p = e.position().expect("a position");
    assert_eq!((p.offset, p.line, p.column), (8, 1, 9), "{e}");

    // A truncated sequence on the second line.
    let input = b"{\"Id\":\"x\",\n \"Role\":\"\xc3\x28\"}";
    let e = json::from_slice::<Aggregates>(input).unwrap_err();
    assert_eq!(e.category(), Category::Syntax, "{e}");
    let p = e.position().expect("a position");
    assert_eq!((p.offset, p.line, p.column), (20, 2, 10), "{e}");
    assert!(e.to_string().contains("line 2 column 10"), "{e}");

    let input = b"<Aggregates>\n<Id>\xed\xa0\x80</Id></Aggregates>";
    let e = xml::from_slice::<Aggregates>(input).unwrap_err();
    assert_eq!(e.category(), Category::Syntax, "{e}");
    let p = e.position().expect("a position");
    assert_eq!((p.offset, p.line, p.column), (17, 2, 5), "{e}");
}

#[test]
fn lone_surrogates_are_errors_and_pairs_decode() {
    for escaped in [
        r#""\ud800""#,
        r#""\ud800x""#,
        r#""\udbff\u0041""#,
        r#""\udc00""#,
        r#""\ude00\ud83d""#,
        r#""\ud800\ud800""#,
        r#""\ud800\""#,
    ] {
        let e = json::from_str::<String>(escaped).unwrap_err();
        assert_eq!(e.category(), Category::Syntax, "{escaped}: {e}");
        assert!(e.position().is_some(), "{escaped}: {e}");
    }
    assert_eq!(json::from_str::<String>(r#""\ud83d\ude00""#).unwrap(), "😀");
    assert_eq!(
        json::from_str::<String>(r#""\uD83D\uDE00!""#).unwrap(),
        "😀!"
    );
    assert_eq!(
        json::from_str::<String>(r#""\udbff\udfff""#).unwrap(),
        "\u{10FFFF}"
    );
    // Inside a skipped member, too.
    let e = json::from_str::<Aggregates>(r#"{"Unknown":"\udc00"}"#).unwrap_err();
    assert_eq!(e.category(), Category::Syntax, "{e}");
}

#[test]
fn control_characters_in_strings_are_errors() {
    for byte in (0u8..0x20).chain([b'\n', b'\t']) {
        let input = format!("{{\"Id\":\"ab{}c\"}}", char::from(byte));
        let e = json::from_str::<Aggregates>(&input).unwrap_err();
        assert_eq!(e.category(), Category::Syntax, "{byte:#x}: {e}");
        assert_eq!(e.position().unwrap().offset, 9, "{byte:#x}: {e}");
        // After an escape, in a key, in a skipped member.
        for input in [
            format!("{{\"Id\":\"a\\n{}\"}}", char::from(byte)),
            format!("{{\"I{}d\":\"a\"}}", char::from(byte)),
            format!("{{\"Unknown\":[\"{}\"]}}", char::from(byte)),
        ] {
            let e = json::from_str::<Aggregates>(&input).unwrap_err();
            assert_eq!(e.category(), Category::Syntax, "{input:?}: {e}");
        }
    }
    // DEL and the C1 controls are ordinary characters in JSON.
    assert_eq!(
        json::from_str::<String>("\"\u{7f}\u{80}\u{9f}\"").unwrap(),
        "\u{7f}\u{80}\u{9f}"
    );
}

#[test]
fn escapes_decode_and_round_trip() {
    let decoded =
        json::from_str::<String>(r#""\"\\\/\b\f\n\r\t\u0000\u001f\u00e9\u20ac""#).unwrap();
    assert_eq!(decoded, "\"\\/\u{8}\u{c}\n\r\t\u{0}\u{1f}é€");
    for bad in [
        r#""\x""#,
        r#""\u12""#,
        r#""\u12g4""#,
        r#""\U0041""#,
        r#""\'""#,
    ] {
        let e = json::from_str::<String>(bad).unwrap_err();
        assert!(
            matches!(e.category(), Category::Syntax | Category::Eof),
            "{bad}: {e}"
        );
    }

    let mut every: String = (0u8..0x80).map(char::from).collect();
    every.push_str("é€😀\u{2028}\u{2029}\u{feff}\u{10ffff}");
    let value = Aggregates {
        attributes: Some(IndexMap::from([(every.clone(), every.clone())])),
        ..empty_aggregates(&every)
    };
    let text = json::to_string(&value).unwrap();
    assert!(
        !text.bytes().any(|b| b < 0x20),
        "raw control characters in {text:?}"
    );
    assert_eq!(json::from_str::<Aggregates>(&text).unwrap(), value);
    assert_eq!(
        from_value::<Aggregates>(&to_value(&value).unwrap()).unwrap(),
        value
    );

    // XML carries every character XML 1.0 allows, markup characters included.
    let xml_safe = "<tag attr=\"v\">&amp; 'q' ]]> \t\n\r é😀\u{10ffff}";
    let value = Aggregates {
        attributes: Some(IndexMap::from([(xml_safe.to_owned(), xml_safe.to_owned())])),
        ..empty_aggregates(xml_safe)
    };
    let text = xml::to_string(&value).unwrap();
    assert_eq!(xml::from_str::<Aggregates>(&text).unwrap(), value, "{text}");
}

// ---------------------------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------------------------

#[test]
fn xml_doctypes_are_refused() {
    let documents = [
        "<!DOCTYPE Aggregates><Aggregates><Id>a</Id></Aggregates>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Aggregates [\n  <!ENTITY name \"expanded\">\n]>\n<Aggregates><Id>&name;</Id></Aggregates>",
        // The billion laughs.
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n]>\n<Aggregates><Id>&lol9;</Id></Aggregates>",
        // External entities.
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Aggregates [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<Aggregates><Id>&xxe;</Id></Aggregates>",
        "<!DOCTYPE Aggregates SYSTEM \"http://example.com/evil.dtd\"><Aggregates><Id>a</Id></Aggregates>",
        "<!DOCTYPE Aggregates [<!ENTITY % p SYSTEM \"http://example.com/p\"> %p;]><Aggregates/>",
        // A DOCTYPE inside the root.
        "<Aggregates><!DOCTYPE x><Id>a</Id></Aggregates>",
    ];
    for text in documents {
        let e = xml::from_str::<Aggregates>(text).unwrap_err();
        assert_eq!(e.category(), Category::Syntax, "{text}: {e}");
        assert!(e.to_string().contains("DOCTYPE"), "{text}: {e}");
        assert!(e.position().is_some(), "{e}");
        // The dynamic mode refuses it the same way.
        let e = xml::from_slice_dynamic(text.as_bytes(), Aggregates::SCHEMA).unwrap_err();
        assert_eq!(e.category(), Category::Syntax, "{text}: {e}");
    }
}

#[test]
fn xml_undefined_entities_are_errors() {
    for text in [
        "<Aggregates><Id>&foo;</Id></Aggregates>",
        "<Aggregates><Id>a&lol9;b</Id></Aggregates>",
        "<Aggregates><Id>&AMP;</Id></Aggregates>",
        "<Aggregates><Id>&nbsp;</Id></Aggregates>",
        "<Aggregates><Receipts><member><RecipientParticipantId>&x;</RecipientParticipantId></member></Receipts></Aggregates>",
    ] {
        let e = xml::from_str::<Aggregates>(text).unwrap_err();
        assert_eq!(e.category(), Category::Syntax, "{text}: {e}");
        assert!(e.position().is_some(), "{e}");
    }
    let e = xml::from_str::<Aggregates>("<Aggregates><Id>&foo;</Id></Aggregates>").unwrap_err();
    assert!(e.to_string().contains("&foo;"), "{e}");
    assert_eq!(e.path(), "Id");
    // Character references to code points that are not characters.
    for text in ["&#0;", "&#xD800;", "&#x110000;", "&#xZZ;", "&#;"] {
        let doc = format!("<Aggregates><Id>{text}</Id></Aggregates>");
        let e = xml::from_str::<Aggregates>(&doc).unwrap_err();
        assert_eq!(e.category(), Category::Syntax, "{doc}: {e}");
    }
}

#[test]
fn xml_predefined_entities_and_character_references_decode() {
    let text = "<Aggregates><Id>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;&#233;&#xe9;</Id></Aggregates>";
    let value: Aggregates = xml::from_str(text).unwrap();
    assert_eq!(value.id, "<>&\"'AB😀éé");
    // In attribute values, too.
    let value: Annotated =
        xml::from_str("<Annotated note=\"&lt;&amp;&gt;&quot;&apos;&#65;&#x9;\"/>").unwrap();
    assert_eq!(value.note.as_deref(), Some("<&>\"'A\t"));
}

#[test]
fn xml_cdata_sections_decode_as_text() {
    let text = "<Aggregates><Id><![CDATA[<not> &markup; ]]]]><![CDATA[>]]>tail</Id><Tag><![CDATA[]]></Tag></Aggregates>";
    let value: Aggregates = xml::from_str(text).unwrap();
    assert_eq!(value.id, "<not> &markup; ]]>tail");
    assert_eq!(value.tags, Some(vec![String::new()]));
    // Numbers may arrive in CDATA too.
    let s: Scalars = xml::from_str("<Scalars><Long><![CDATA[42]]></Long></Scalars>").unwrap();
    assert_eq!(s.long, Some(42));
}

#[test]
fn xml_comments_and_processing_instructions_are_ignored() {
    let text = "<?xml version=\"1.0\"?><!-- before --><?pi before?>\
        <Aggregates><!-- c --><?pi data?>\
        <Id>a<!-- inside -->b<?pi?>c</Id>\
        <!-- between --><Tag>t1</Tag><?pi between?>\
        <Receipts><!-- in a list --><member><?pi?><RecipientParticipantId>r</RecipientParticipantId><!-- x --></member><?pi?></Receipts>\
        <Attributes><entry><!-- c --><key>k</key><?pi?><value>v</value></entry></Attributes>\
        <Tag>t2</Tag><!-- end --></Aggregates><!-- after --><?pi after?>";
    let value: Aggregates = xml::from_str(text).unwrap();
    assert_eq!(value.id, "abc");
    assert_eq!(value.tags, Some(vec!["t1".to_owned(), "t2".to_owned()]));
    assert_eq!(
        value.receipts,
        Some(vec![Receipt {
            read_timestamp: None,
            recipient_participant_id: Some("r".to_owned()),
        }])
    );
    assert_eq!(
        value.attributes,
        Some(IndexMap::from([("k".to_owned(), "v".to_owned())]))
    );
}

#[test]
fn xml_malformed_markup_is_an_error() {
    let cases = [
        "<Aggregates><Id>a</Id>",
        "<Aggregates><Id>a</Aggregates>",
        "<Aggregates><Id>a</Id></Aggregate>",
        "<Aggregates><Id>a</Id></Aggregates></Aggregates>",
        "<Aggregates><Id>a</Id></Aggregates><Aggregates/>",
        "<Aggregates><Id>a</Id></Aggregates>trailing",
        "<Aggregates><Id>a</Id>",
        "<Aggregates><Id>a</Id><Tag>t</Tag",
        "text<Aggregates/>",
        "",
        "   ",
        "<!-- only a comment -->",
        "<Annotated note=bare><Body>x</Body></Annotated>",
        "<Annotated note='a' note=\"b\"/>",
        "<Annotated note=\"a\" Body=\"x\" note=\"b\"/>",
        "<Annotated xmlns:p=\"urn:a\" xmlns:p=\"urn:b\"/>",
        "<Annotated xmlns=\"urn:a\" xmlns=\"urn:b\"/>",
        "<Annotated note=\"unterminated/>",
        "<Annotated note/>",
    ];
    // quick-xml reads `<</Id>` as a start tag: an error all the same, about the content.
    let e = xml::from_str::<Aggregates>("<Aggregates><Id>a<</Id></Aggregates>").unwrap_err();
    assert_eq!(e.path(), "Id", "{e}");
    for text in cases {
        let results = [
            xml::from_str::<Annotated>(text).map(|v| format!("{v:?}")),
            xml::from_str::<Aggregates>(text).map(|v| format!("{v:?}")),
        ];
        for result in results {
            let e = result.expect_err(text);
            assert!(
                matches!(e.category(), Category::Syntax | Category::Eof),
                "{text}: {e}"
            );
            assert!(e.position().is_some(), "{text}: {e}");
        }
    }
}

#[test]
fn xml_serializer_refuses_text_xml_cannot_carry() {
    for c in ['\u{0}', '\u{1}', '\u{8}', '\u{b}', '\u{c}', '\u{1f}'] {
        let text = format!("a{c}b");
        let e = xml::to_string(&empty_aggregates(&text)).unwrap_err();
        assert_eq!(e.category(), Category::Unsupported, "{c:?}: {e}");
        assert_eq!(e.path(), "Id");
        let e = xml::to_string(&Annotated {
            note: Some(text.clone()),
            body: None,
        })
        .unwrap_err();
        assert_eq!(e.category(), Category::Unsupported, "{c:?}: {e}");
        assert_eq!(e.path(), "note");
        let e = xml::to_string(&Aggregates {
            attributes: Some(IndexMap::from([(text.clone(), "v".to_owned())])),
            ..empty_aggregates("a")
        })
        .unwrap_err();
        assert_eq!(
            e.category(),
            Category::Unsupported,
            "{c:?} in a map key: {e}"
        );
        // JSON carries it.
        let value = empty_aggregates(&text);
        assert_eq!(
            json::from_str::<Aggregates>(&json::to_string(&value).unwrap()).unwrap(),
            value
        );
    }
}

#[test]
fn xml_carriage_returns_and_attribute_whitespace_round_trip() {
    let text = "a\rb\r\nc\nd\te\r";
    let value = empty_aggregates(text);
    let xml_text = xml::to_string(&value).unwrap();
    assert!(xml_text.contains("&#xD;"), "{xml_text}");
    assert!(!xml_text.contains('\r'), "{xml_text}");
    assert_eq!(xml::from_str::<Aggregates>(&xml_text).unwrap(), value);

    let value = Annotated {
        note: Some("line1\nline2\ttab\r\ncrlf  two spaces \"q\" 'a' <&>".to_owned()),
        body: Some(text.to_owned()),
    };
    let xml_text = xml::to_string(&value).unwrap();
    for reference in ["&#xA;", "&#x9;", "&#xD;", "&quot;"] {
        assert!(
            xml_text.contains(reference),
            "{reference} missing in {xml_text}"
        );
    }
    assert_eq!(xml::from_str::<Annotated>(&xml_text).unwrap(), value);

    // Literal line ends in text are normalised to `\n`, as XML requires; literal whitespace
    // in attributes becomes spaces.
    let read: Annotated =
        xml::from_str("<Annotated note=\"a\nb\tc\"><Body>x\r\ny\rz</Body></Annotated>").unwrap();
    assert_eq!(read.note.as_deref(), Some("a b c"));
    assert_eq!(read.body.as_deref(), Some("x\ny\nz"));
}

// ---------------------------------------------------------------------------------------------
// Errors say where
// ---------------------------------------------------------------------------------------------

#[test]
fn json_errors_have_line_column_and_member_path() {
    let text = "{\"Id\":\"x\",\n\"Receipts\":[{},\n  {\"ReadTimestamp\":\"soon\"}]}";
    let e = json::from_str::<Aggregates>(text).unwrap_err();
    assert_eq!(e.category(), Category::Data);
    let p = e.position().expect("a position");
    assert_eq!((p.line, p.column), (3, 20), "{e}");
    assert_eq!(p.offset, text.find("\"soon\"").unwrap());
    assert_eq!(e.path(), "Receipts[1].ReadTimestamp");
    let shown = e.to_string();
    assert!(shown.contains("line 3 column 20"), "{shown}");
    assert!(shown.contains("Receipts[1].ReadTimestamp"), "{shown}");
    assert!(shown.contains("expected"), "{shown}");

    // (input, member path, the offending token: the position points at it)
    let cases = [
        (
            r#"{"Tree":{"Value":1,"Children":[{"Value":2},{"Value":"x"}]}}"#,
            "Tree.Children[1].Value",
            "\"x\"",
        ),
        (
            r#"{"Tree":{"Next":{"Next":{"Value":true}}}}"#,
            "Tree.Next.Next.Value",
            "true",
        ),
        (
            r#"{"Attributes":{"a":"x","b":1}}"#,
            "Attributes[\"b\"]",
            "1",
        ),
        (
            r#"{"MapOfLists":{"k":["a",2]}}"#,
            "MapOfLists[\"k\"][1]",
            "2",
        ),
        (r#"{"Matrix":[[1],[2,"3"]]}"#, "Matrix[1][1]", "\"3\""),
        (
            r#"{"Content":{"Receipt":{"ReadTimestamp":"x"}}}"#,
            "Content.Receipt.ReadTimestamp",
            "\"x\"",
        ),
        (r#"{"Scalars":{"Blob":"!!!"}}"#, "Scalars.Blob", "\"!!!\""),
        (r#"{"Scalars":{"Byte":300}}"#, "Scalars.Byte", "300"),
    ];
    for (text, path, token) in cases {
        let e = json::from_str::<Aggregates>(text).unwrap_err();
        assert_eq!(e.path(), path, "{text}: {e}");
        assert!(e.to_string().ends_with(&format!(", at {path}")), "{e}");
        let p = e.position().expect("a position");
        assert_eq!(p.offset, text.rfind(token).unwrap(), "{text}: {e}");
        assert_eq!((p.line, p.column), (1, p.offset + 1), "{text}: {e}");
    }

    // A syntax error at the top level has a position and no path.
    let e = json::from_str::<Aggregates>("{\"Id\":\"x\",\n  \"Role\" \"AGENT\"}").unwrap_err();
    assert_eq!(e.category(), Category::Syntax);
    let p = e.position().unwrap();
    assert_eq!((p.line, p.column), (2, 10), "{e}");
    assert_eq!(e.path(), "");
    assert!(e.to_string().contains("line 2 column 10"), "{e}");
}

#[test]
fn xml_errors_have_a_position_on_the_right_line_and_the_member_path() {
    let text = "<Aggregates>\n  <Id>x</Id>\n  <Receipts>\n    <member></member>\n    <member><ReadTimestamp>soon</ReadTimestamp></member>\n  </Receipts>\n</Aggregates>";
    let e = xml::from_str::<Aggregates>(text).unwrap_err();
    assert_eq!(e.category(), Category::Data);
    assert_eq!(e.position().expect("a position").line, 5, "{e}");
    assert_eq!(e.path(), "Receipts[1].ReadTimestamp");
    let shown = e.to_string();
    assert!(shown.contains("line 5"), "{shown}");
    assert!(shown.contains("Receipts[1].ReadTimestamp"), "{shown}");

    let cases = [
        (
            "<Aggregates>\n<Tree>\n<Value>1</Value>\n<Children><member><Value>x</Value></member></Children>\n</Tree>\n</Aggregates>",
            "Tree.Children[0].Value",
            4,
        ),
        (
            "<Aggregates>\n<Attributes>\n<entry><key>a</key><value>x</value></entry>\n<entry><key>b</key><value><bad/></value></entry>\n</Attributes>\n</Aggregates>",
            "Attributes[\"b\"]",
            4,
        ),
        (
            "<Aggregates>\n\n<Scalars><Byte>300</Byte></Scalars></Aggregates>",
            "Scalars.Byte",
            3,
        ),
        ("<Aggregates><Id>x</Id>\n<Id>y</Id></Aggregates>", "", 2),
        ("<Aggregates>\n<Id>x</Id>\n\n<Tag>a</Tag></Wrong>", "", 4),
    ];
    for (text, path, line) in cases {
        let e = xml::from_str::<Aggregates>(text).unwrap_err();
        assert_eq!(e.path(), path, "{text}: {e}");
        assert_eq!(e.position().expect("a position").line, line, "{text}: {e}");
    }
}

#[test]
fn value_errors_have_the_member_path_and_no_position() {
    let value = Value::Structure(vec![
        ("Id".into(), Value::String("x".into())),
        (
            "Receipts".into(),
            Value::List(vec![
                Value::Structure(vec![]),
                Value::Structure(vec![("ReadTimestamp".into(), Value::String("soon".into()))]),
            ]),
        ),
    ]);
    let e = from_value::<Aggregates>(&value).unwrap_err();
    assert_eq!(e.category(), Category::Data);
    assert_eq!(e.path(), "Receipts[1].ReadTimestamp");
    assert_eq!(e.position(), None);
    assert_eq!(
        e.to_string(),
        "expected a timestamp, found a string, at Receipts[1].ReadTimestamp"
    );

    let value = Value::Structure(vec![(
        "ByRole".into(),
        Value::Map(vec![("AGENT".into(), Value::String("1".into()))]),
    )]);
    let e = from_value::<Aggregates>(&value).unwrap_err();
    assert_eq!(e.path(), "ByRole[\"AGENT\"]");
    let value = Value::Structure(vec![(
        "Scalars".into(),
        Value::Structure(vec![("Byte".into(), Value::Integer(300))]),
    )]);
    let e = from_value::<Aggregates>(&value).unwrap_err();
    assert_eq!(e.path(), "Scalars.Byte");
    assert!(e.to_string().contains("300 is out of range"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Duplicates
// ---------------------------------------------------------------------------------------------

#[test]
fn json_duplicate_members_are_errors_naming_the_member() {
    let text = r#"{"Id":"a","Role":"AGENT","Id":"b"}"#;
    let e = json::from_str::<Aggregates>(text).unwrap_err();
    assert_eq!(e.category(), Category::Data);
    assert!(e.to_string().contains("`Id`"), "{e}");
    assert_eq!(
        e.position().unwrap().offset,
        text.rfind("\"Id\"").unwrap(),
        "{e}"
    );

    let text = r#"{"Scalars":{"Long":1,"Long":1}}"#;
    let e = json::from_str::<Aggregates>(text).unwrap_err();
    assert!(e.to_string().contains("`Long`"), "{e}");
    assert_eq!(e.path(), "Scalars");
    // A union with two known members.
    let e = json::from_str::<Aggregates>(r#"{"Content":{"Text":"a","Lines":[]}}"#).unwrap_err();
    assert_eq!(e.category(), Category::Data);
    assert_eq!(e.path(), "Content");
    // The dynamic mode refuses it the same way.
    let e = json::from_slice_dynamic(br#"{"Id":"a","Id":"b"}"#, Aggregates::SCHEMA).unwrap_err();
    assert!(e.to_string().contains("`Id`"), "{e}");
}

#[test]
fn json_duplicate_map_keys_are_errors() {
    let text = r#"{"Attributes":{"k":"v","other":"x","k":"w"}}"#;
    let e = json::from_str::<Aggregates>(text).unwrap_err();
    assert_eq!(e.category(), Category::Data);
    assert_eq!(e.path(), "Attributes[\"k\"]");
    assert!(e.to_string().contains("twice"), "{e}");
    // Every map type, and enum keys.
    for text in [
        r#"{"ByRole":{"AGENT":1,"AGENT":2}}"#,
        r#"{"Label":{"a":"1","a":"1"}}"#,
        r#"{"MapOfLists":{"a":[],"a":[]}}"#,
    ] {
        let e = json::from_str::<Aggregates>(text).unwrap_err();
        assert_eq!(e.category(), Category::Data, "{text}: {e}");
    }
    let e = json::from_str::<JsonOnly>(r#"{"SparseMap":{"a":null,"a":1}}"#).unwrap_err();
    assert_eq!(e.category(), Category::Data, "{e}");
    // A null a dense map drops still counts, before or after the same key with a value.
    for text in [
        r#"{"Attributes":{"k":"v","k":null}}"#,
        r#"{"Attributes":{"k":null,"k":"v"}}"#,
    ] {
        let e = json::from_str::<Aggregates>(text).unwrap_err();
        assert_eq!(e.path(), "Attributes[\"k\"]", "{text}: {e}");
    }
    // Keys with escapes (read through the scratch buffer) beside plain ones (lent from the
    // input), and a repeat spelt once with an escape.
    let value: Aggregates =
        json::from_str(r#"{"Id":"x","Attributes":{"a\"\u00e9":"1","b":"2","\u0062c":"3"}}"#)
            .unwrap();
    let keys: Vec<&str> = value
        .attributes
        .iter()
        .flatten()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(keys, ["a\"é", "b", "bc"]);
    let e = json::from_str::<Aggregates>(r#"{"Attributes":{"b":"1","\u0062":"2"}}"#).unwrap_err();
    assert_eq!(e.path(), "Attributes[\"b\"]", "{e}");
    let e = json::from_slice_dynamic(br#"{"Attributes":{"k":"v","k":"w"}}"#, Aggregates::SCHEMA)
        .unwrap_err();
    assert_eq!(e.category(), Category::Data, "{e}");
}

#[test]
fn xml_duplicate_members_are_errors_and_flattened_lists_accumulate() {
    let e = xml::from_str::<Aggregates>(
        "<Aggregates><Id>a</Id><Role>AGENT</Role><Id>b</Id></Aggregates>",
    )
    .unwrap_err();
    assert_eq!(e.category(), Category::Data);
    assert!(e.to_string().contains("`Id`"), "{e}");
    for text in [
        "<Aggregates><Receipts></Receipts><Receipts></Receipts></Aggregates>",
        "<Aggregates><Scalars><Long>1</Long><Long>1</Long></Scalars></Aggregates>",
        "<Aggregates><Attributes></Attributes><Attributes></Attributes></Aggregates>",
    ] {
        let e = xml::from_str::<Aggregates>(text).unwrap_err();
        assert_eq!(e.category(), Category::Data, "{text}: {e}");
    }

    // A flattened list gathers items interleaved with other members; so does a flattened map.
    let text = "<Aggregates><Tag>a</Tag><Id>x</Id><Label><key>k1</key><value>1</value></Label>\
        <Tag>b</Tag><Role>AGENT</Role><Label><key>k2</key><value>2</value></Label><Tag>c</Tag></Aggregates>";
    let value: Aggregates = xml::from_str(text).unwrap();
    assert_eq!(value.id, "x");
    assert_eq!(value.role, Some(ParticipantRole::Agent));
    assert_eq!(
        value.tags,
        Some(vec!["a".to_owned(), "b".to_owned(), "c".to_owned()])
    );
    assert_eq!(
        value.labels,
        Some(BTreeMap::from([
            ("k1".to_owned(), "1".to_owned()),
            ("k2".to_owned(), "2".to_owned()),
        ]))
    );
    let dynamic = xml::from_slice_dynamic(text.as_bytes(), Aggregates::SCHEMA).unwrap();
    assert_eq!(from_value::<Aggregates>(&dynamic).unwrap(), value);
    // The same key in two flattened entries is still a duplicate.
    let e = xml::from_str::<Aggregates>(
        "<Aggregates><Label><key>k</key><value>1</value></Label><Id>x</Id><Label><key>k</key><value>2</value></Label></Aggregates>",
    )
    .unwrap_err();
    assert_eq!(e.category(), Category::Data, "{e}");
}

// ---------------------------------------------------------------------------------------------
// Forward compatibility
// ---------------------------------------------------------------------------------------------

#[test]
fn json_unknown_members_are_skipped() {
    let text = r#"{"New1":{"a":[1,{"b":null},"}]\"\u0041"],"c":{}},"Id":"x","New2":[[],[{}],-1.5e-3,true,false,null,"s"],
        "Receipts":[{"Future":{"x":1},"RecipientParticipantId":"r","Later":[]}],"New3":"\ud83d\ude00","Role":"AGENT","New4":0}"#;
    let value: Aggregates = json::from_str(text).unwrap();
    assert_eq!(
        value,
        Aggregates {
            role: Some(ParticipantRole::Agent),
            receipts: Some(vec![Receipt {
                read_timestamp: None,
                recipient_participant_id: Some("r".to_owned()),
            }]),
            ..empty_aggregates("x")
        }
    );
    // Skipped values are still checked for well-formedness.
    for bad in [
        r#"{"New":[1,]}"#,
        r#"{"New":{"a"}}"#,
        r#"{"New":{"a":1,}}"#,
        r#"{"New":tru}"#,
        r#"{"New":01}"#,
        r#"{"New":"\x"}"#,
        r#"{"New":[}"#,
        r#"{"New":}"#,
    ] {
        let e = json::from_str::<Aggregates>(bad).unwrap_err();
        assert!(
            matches!(
                e.category(),
                Category::Syntax | Category::Eof | Category::Data
            ),
            "{bad}: {e}"
        );
    }
}

#[test]
fn xml_unknown_members_and_attributes_are_skipped() {
    let text = "<Aggregates future=\"1\" xmlns=\"urn:x\"><New1><a><b>1</b><c/></a><![CDATA[x]]></New1>\
        <Id>x</Id><New2/><Receipts><member><Future><x>1</x></Future><RecipientParticipantId>r</RecipientParticipantId></member>\
        <notamember>skipped</notamember></Receipts><Role>AGENT</Role><New3>t</New3></Aggregates>";
    let value: Aggregates = xml::from_str(text).unwrap();
    assert_eq!(
        value,
        Aggregates {
            role: Some(ParticipantRole::Agent),
            receipts: Some(vec![Receipt {
                read_timestamp: None,
                recipient_participant_id: Some("r".to_owned()),
            }]),
            ..empty_aggregates("x")
        }
    );
}

#[test]
fn unknown_enum_values_are_kept_and_re_encode_identically() {
    let text = r#"{"Id":"x","Role":"SUPERVISOR","Priority":7,"ByRole":{"AGENT":1,"OBSERVER":2}}"#;
    let value: Aggregates = json::from_str(text).unwrap();
    assert_eq!(
        value.role,
        Some(ParticipantRole::Unknown("SUPERVISOR".to_owned()))
    );
    assert_eq!(value.priority, Some(Priority::Unknown(7)));
    assert_eq!(
        value
            .by_role
            .as_ref()
            .unwrap()
            .get(&ParticipantRole::Unknown("OBSERVER".to_owned())),
        Some(&2)
    );
    assert_eq!(json::to_string(&value).unwrap(), text);

    let text = "<Aggregates><Id>x</Id><Role>SUPERVISOR</Role><Priority>-3</Priority>\
        <ByRole><entry><key>OBSERVER</key><value>2</value></entry></ByRole></Aggregates>";
    let value: Aggregates = xml::from_str(text).unwrap();
    assert_eq!(
        value.role,
        Some(ParticipantRole::Unknown("SUPERVISOR".to_owned()))
    );
    assert_eq!(value.priority, Some(Priority::Unknown(-3)));
    assert_eq!(xml::to_string(&value).unwrap(), text);

    // Through Value, an unknown enum value is an Enum with its text.
    let tree = to_value(&value).unwrap();
    assert_eq!(
        tree.get("Role"),
        Some(&Value::Enum("SUPERVISOR".to_owned()))
    );
    assert_eq!(from_value::<Aggregates>(&tree).unwrap(), value);
    // Known values are not mistaken for unknown ones, and case matters.
    let value: Aggregates = json::from_str(r#"{"Role":"agent"}"#).unwrap();
    assert_eq!(
        value.role,
        Some(ParticipantRole::Unknown("agent".to_owned()))
    );
}

#[test]
fn unknown_union_members_become_unknown() {
    let value: Aggregates =
        json::from_str(r#"{"Content":{"Video":{"Url":"u","Frames":[1,2,{"x":null}]}}}"#).unwrap();
    assert_eq!(value.content, Some(Content::Unknown("Video".to_owned())));
    let value: Aggregates =
        xml::from_str("<Aggregates><Content><Video><Url>u</Url></Video></Content></Aggregates>")
            .unwrap();
    assert_eq!(value.content, Some(Content::Unknown("Video".to_owned())));
    let tree = Value::Structure(vec![(
        "Content".into(),
        Value::Structure(vec![("Video".into(), Value::Null)]),
    )]);
    let value: Aggregates = from_value(&tree).unwrap();
    assert_eq!(value.content, Some(Content::Unknown("Video".to_owned())));
    // The unknown variant survives to_value, and the tree reads back.
    let tree = to_value(&value).unwrap();
    assert_eq!(from_value::<Aggregates>(&tree).unwrap(), value);
    // A known member next to unknown ones wins.
    let value: Aggregates =
        json::from_str(r#"{"Content":{"Video":1,"Text":"hi","Audio":2}}"#).unwrap();
    assert_eq!(value.content, Some(Content::Text("hi".to_owned())));
    // The wire codecs cannot write it back (its value is gone) and say so.
    let e = json::to_string(&value_with_unknown_content()).unwrap_err();
    assert_eq!(e.category(), Category::Unsupported, "{e}");
    assert_eq!(e.path(), "Content");
}

fn value_with_unknown_content() -> Aggregates {
    Aggregates {
        content: Some(Content::Unknown("Video".to_owned())),
        ..empty_aggregates("x")
    }
}

#[test]
fn json_null_members_read_as_absent() {
    let text = r#"{"Id":"x","Role":null,"Priority":null,"Content":null,"Receipts":null,"Attributes":null,"Tree":null,"Scalars":{"Long":null,"Blob":null,"DateTime":null}}"#;
    let value: Aggregates = json::from_str(text).unwrap();
    assert_eq!(
        value,
        Aggregates {
            scalars: Some(Scalars::default()),
            ..empty_aggregates("x")
        }
    );
    // A null required member takes its zero value.
    let value: Aggregates = json::from_str(r#"{"Id":null}"#).unwrap();
    assert_eq!(value.id, "");
    let value: Node = json::from_str(r#"{"Value":null,"Next":null}"#).unwrap();
    assert_eq!(value, leaf(0));
}

#[test]
fn nulls_in_dense_collections_are_dropped_and_kept_in_sparse_ones() {
    let text = r#"{"Matrix":[[1,null,2],null,[3]],"Receipts":[null,{}],"Attributes":{"a":null,"b":"x"},"MapOfLists":{"k":[null,"v"]}}"#;
    let value: Aggregates = json::from_str(text).unwrap();
    assert_eq!(value.matrix, Some(vec![vec![1, 2], vec![3]]));
    assert_eq!(
        value.receipts,
        Some(vec![Receipt {
            read_timestamp: None,
            recipient_participant_id: None,
        }])
    );
    assert_eq!(
        value.attributes,
        Some(IndexMap::from([("b".to_owned(), "x".to_owned())]))
    );
    assert_eq!(
        value.map_of_lists,
        Some(BTreeMap::from([("k".to_owned(), vec!["v".to_owned()])]))
    );

    let text = r#"{"SparseList":["a",null,"b",null],"SparseMap":{"n":null,"v":1}}"#;
    let value: JsonOnly = json::from_str(text).unwrap();
    assert_eq!(
        value.sparse_list,
        Some(vec![Some("a".to_owned()), None, Some("b".to_owned()), None])
    );
    assert_eq!(
        value.sparse_map,
        Some(BTreeMap::from([
            ("n".to_owned(), None),
            ("v".to_owned(), Some(1))
        ]))
    );
    assert_eq!(json::to_string(&value).unwrap(), text);
    // Value keeps the nulls too.
    let tree = to_value(&value).unwrap();
    assert_eq!(
        tree.get("SparseList"),
        Some(&Value::List(vec![
            Value::String("a".to_owned()),
            Value::Null,
            Value::String("b".to_owned()),
            Value::Null,
        ]))
    );
    assert_eq!(from_value::<JsonOnly>(&tree).unwrap(), value);
    // And the dynamic mode.
    let dynamic = json::from_slice_dynamic(text.as_bytes(), JsonOnly::SCHEMA).unwrap();
    assert_eq!(dynamic, tree);
}

// ---------------------------------------------------------------------------------------------
// Required members
// ---------------------------------------------------------------------------------------------

#[test]
fn responses_missing_required_members_still_decode() {
    let from_json: Aggregates = json::from_str("{}").unwrap();
    assert_eq!(from_json, empty_aggregates(""));
    let from_xml: Aggregates = xml::from_str("<Aggregates/>").unwrap();
    assert_eq!(from_xml, empty_aggregates(""));
    let from_tree: Aggregates = from_value(&Value::Structure(vec![])).unwrap();
    assert_eq!(from_tree, empty_aggregates(""));
    // Nested required members too: a Node without its Value.
    let value: Aggregates =
        json::from_str(r#"{"Role":"AGENT","Tree":{"Children":[{}],"Next":{}}}"#).unwrap();
    assert_eq!(value.id, "");
    assert_eq!(
        value.tree,
        Some(Node {
            value: 0,
            children: Some(vec![leaf(0)]),
            next: Some(Box::new(leaf(0))),
        })
    );
    let value: Aggregates =
        xml::from_str("<Aggregates><Tree><Next></Next></Tree></Aggregates>").unwrap();
    assert_eq!(
        value.tree,
        Some(Node {
            value: 0,
            children: None,
            next: Some(Box::new(leaf(0))),
        })
    );
    // The dynamic mode fills the zero value in the tree.
    let dynamic = json::from_slice_dynamic(b"{}", Aggregates::SCHEMA).unwrap();
    assert_eq!(dynamic.get("Id"), Some(&Value::String(String::new())));
}

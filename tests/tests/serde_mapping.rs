//! The serde mapping of awso-core's `serde` feature, case by case: model names as keys,
//! base64 blobs, RFC 3339 timestamps, unknown enum values and union members kept, named
//! non-finite floats, documents as JSON, and clear errors for what does not fit the schema.

use awso_core::{AwsShape, Blob, Document, Timestamp};
use awso_tests::{Content, ParticipantRole, Priority, Scalars};
use serde_json::json;

#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
struct Message {
    #[awso(json_name = "messageId")]
    id: String,
    role: Option<ParticipantRole>,
    priority: Option<Priority>,
    content: Option<Content>,
    payload: Option<Blob>,
    sent: Option<Timestamp>,
    extra: Option<Document>,
}

fn message() -> Message {
    Message {
        id: "m-1".into(),
        role: Some(ParticipantRole::Unknown("ROBOT".into())),
        priority: Some(Priority::Unknown(77)),
        content: Some(Content::Bytes(Blob::from("hi"))),
        payload: Some(Blob::new(vec![0, 255])),
        sent: Some(Timestamp::from_millis(1_573_180_888_172)),
        extra: Some(awso_core::json::from_str(r#"{"n":[1,-2,0.5,null]}"#).unwrap()),
    }
}

#[test]
fn members_are_keyed_by_model_names_with_the_documented_forms() {
    let tree = serde_json::to_value(message()).unwrap();
    let payload = awso_core::json::to_string(&Blob::new(vec![0, 255])).unwrap();
    let expected = json!({
        // The model name, not the member's jsonName ("messageId").
        "Id": "m-1",
        "Role": "ROBOT",
        "Priority": 77,
        "Content": {"Bytes": "aGk="},
        "Payload": serde_json::from_str::<serde_json::Value>(&payload).unwrap(),
        "Sent": "2019-11-08T02:41:28.172Z",
        "Extra": {"n": [1, -2, 0.5, null]},
    });
    assert_eq!(tree, expected);
    assert_eq!(serde_json::from_value::<Message>(tree).unwrap(), message());
}

#[test]
fn unknown_union_members_round_trip_as_a_null_entry() {
    let content: Content = serde_json::from_str(r#"{"Hologram": {"x": 1}}"#).unwrap();
    assert_eq!(content, Content::Unknown("Hologram".into()));
    assert_eq!(
        serde_json::to_string(&content).unwrap(),
        r#"{"Hologram":null}"#
    );
}

#[test]
fn unknown_keys_are_skipped_and_null_members_are_absent() {
    let text = r#"{"Id": "m-2", "Role": null, "Later": [1, {"a": 2}]}"#;
    let message: Message = serde_json::from_str(text).unwrap();
    assert_eq!(message.id, "m-2");
    assert_eq!(message.role, None);
}

#[test]
fn non_finite_floats_are_named_strings() {
    let scalars = Scalars {
        double: Some(f64::NEG_INFINITY),
        float: Some(f32::NAN),
        ..Scalars::default()
    };
    let tree = serde_json::to_value(&scalars).unwrap();
    assert_eq!(tree["Double"], "-Infinity");
    assert_eq!(tree["Float"], "NaN");
    let back: Scalars = serde_json::from_value(tree).unwrap();
    assert_eq!(back.double, Some(f64::NEG_INFINITY));
    assert!(back.float.is_some_and(f32::is_nan));
}

#[test]
fn awso_core_types_serialize_on_their_own() {
    let t = Timestamp::from_secs(-1);
    assert_eq!(
        serde_json::to_string(&t).unwrap(),
        r#""1969-12-31T23:59:59Z""#
    );
    assert_eq!(
        serde_json::from_str::<Timestamp>(r#""1969-12-31T23:59:59Z""#).unwrap(),
        t
    );
    let big: awso_core::BigInteger =
        serde_json::from_str(r#""123456789012345678901234567890""#).unwrap();
    assert_eq!(big.as_str(), "123456789012345678901234567890");
}

#[test]
fn values_that_do_not_fit_the_schema_are_errors_that_say_so() {
    let cases = [
        (r#"{"Id": 5}"#, "invalid type"),
        (r#"{"Id": "m", "Payload": "***"}"#, "base64"),
        (r#"{"Id": "m", "Sent": "yesterday"}"#, "yesterday"),
        (r#"{"Id": "m", "Priority": 9999999999}"#, "out of range"),
        (
            r#"{"Id": "m", "Content": {"Text": "a", "Bytes": "aGk="}}"#,
            "union",
        ),
        (r#"{"Id": "m", "Role": 1}"#, "invalid type"),
    ];
    for (text, needle) in cases {
        let err = serde_json::from_str::<Message>(text)
            .unwrap_err()
            .to_string();
        assert!(err.contains(needle), "{text}: {err}");
    }
}

#[test]
fn nesting_past_the_limit_is_refused_not_a_stack_overflow() {
    let depth = awso_core::limits::DEFAULT_MAX_DEPTH + 10;
    let text = format!(
        r#"{{"Id":"m","Extra":{}{}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let mut de = serde_json::Deserializer::from_str(&text);
    de.disable_recursion_limit();
    let err = <Message as serde::Deserialize>::deserialize(&mut de)
        .unwrap_err()
        .to_string();
    assert!(err.contains("depth") || err.contains("nest"), "{err}");
}

//! Building values: `#[awso(builder)]` on structures (setters, `build()` naming every unset
//! required member), unions (constructors, `From` for unshared member types) and enums
//! (`From<&str>`, `FromStr`, `From<i32>`), the generated code asking for them, and
//! `Timestamp` <-> `time::OffsetDateTime`.

use std::collections::BTreeMap;
use std::str::FromStr;

use awso_core::build::MissingMembers;
use awso_core::{AwsShape, Blob, Timestamp, json};

/// A request with required, optional, defaulted, token, sensitive and recursive members.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(builder, rename_all = "PascalCase")]
struct PutItemRequest {
    table_name: String,
    item: BTreeMap<String, AttributeValue>,
    #[awso(rename = "ConditionExpression")]
    condition: Option<String>,
    #[awso(required, default = 3)]
    retries: i32,
    #[awso(idempotency_token)]
    client_token: Option<String>,
    #[awso(sensitive)]
    session_key: Option<String>,
    tags: Option<Vec<String>>,
    next: Option<Box<PutItemRequest>>,
}

/// DynamoDB's attribute value, as the generator writes it.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(builder)]
enum AttributeValue {
    S(String),
    N(String),
    B(Blob),
    #[awso(rename = "SS")]
    Ss(Vec<String>),
    M(BTreeMap<String, AttributeValue>),
    L(Vec<AttributeValue>),
    #[awso(rename = "NULL")]
    Null(bool),
    #[awso(rename = "BOOL")]
    Bool(bool),
    #[awso(unknown)]
    Unknown(String),
}

#[derive(AwsShape, Debug, Clone, PartialEq, Eq)]
#[awso(builder, rename_all = "SCREAMING_SNAKE_CASE")]
enum ReturnValue {
    None,
    AllOld,
    Unknown(String),
}

#[derive(AwsShape, Debug, Clone, Copy, PartialEq, Eq)]
#[awso(builder, int_enum)]
enum Priority {
    #[awso(value = 1)]
    Low,
    #[awso(value = 9)]
    High,
    Unknown(i32),
}

/// Members whose setters would clash: `build`, `send` and `with_sender` with the builder's
/// own methods (their setters get `_value`), `set_name` with the `Option` setter of `name`
/// (the member keeps the name).
#[derive(AwsShape, Debug, PartialEq)]
#[awso(builder = "JobSpec")]
struct Job {
    build: String,
    name: Option<String>,
    set_name: Option<bool>,
    send: Option<bool>,
    with_sender: Option<i32>,
}

fn item() -> BTreeMap<String, AttributeValue> {
    BTreeMap::from([("id".to_owned(), AttributeValue::s("1"))])
}

#[test]
fn builder_gives_what_the_literal_gives() -> Result<(), MissingMembers> {
    let built = PutItemRequest::builder()
        .table_name("music")
        .item(item())
        .condition("attribute_not_exists(id)")
        .tags(vec!["a".to_owned()])
        .next(
            PutItemRequest::builder()
                .table_name("t")
                .item(item())
                .build()?,
        )
        .build()?;
    let literal = PutItemRequest {
        table_name: "music".into(),
        item: item(),
        condition: Some("attribute_not_exists(id)".into()),
        retries: 3,
        client_token: None,
        session_key: None,
        tags: Some(vec!["a".into()]),
        next: Some(Box::new(PutItemRequest {
            table_name: "t".into(),
            item: item(),
            condition: None,
            retries: 3,
            client_token: None,
            session_key: None,
            tags: None,
            next: None,
        })),
    };
    assert_eq!(built, literal);
    // The default of a required member is what an unset one takes; a set one wins.
    let set = PutItemRequest::builder()
        .table_name("t")
        .item(item())
        .retries(0)
        .build()?;
    assert_eq!(set.retries, 0);
    Ok(())
}

#[test]
fn build_names_every_missing_required_member() {
    let err = PutItemRequest::builder()
        .condition("x")
        .build()
        .expect_err("two required members are unset");
    // `Retries` has a default and `ClientToken` is filled in when sent: neither is missing.
    assert_eq!(err.shape(), "PutItemRequest");
    assert_eq!(err.members(), ["TableName", "Item"]);
    assert_eq!(
        err.to_string(),
        "cannot build `PutItemRequest`: the required members `TableName` and `Item` are not set"
    );
    let one = PutItemRequest::builder().item(item()).build().unwrap_err();
    assert_eq!(
        one.to_string(),
        "cannot build `PutItemRequest`: the required member `TableName` is not set"
    );
    let as_codec_error = awso_core::Error::from(one);
    assert!(as_codec_error.to_string().contains("`TableName`"));
}

#[test]
fn option_setters_set_and_unset() -> Result<(), MissingMembers> {
    let from_config: Option<String> = None;
    let request = PutItemRequest::builder()
        .table_name("t")
        .item(item())
        .condition("first")
        .set_condition(from_config)
        .set_tags(Some(vec!["x".into()]))
        .build()?;
    assert_eq!(request.condition, None);
    assert_eq!(request.tags, Some(vec!["x".into()]));
    Ok(())
}

#[test]
fn builder_debug_names_members_never_values() {
    let builder = PutItemRequest::builder()
        .table_name("music")
        .session_key("hunter2-secret");
    for text in [format!("{builder:?}"), format!("{builder:#?}")] {
        assert!(!text.contains("hunter2"), "{text}");
        assert!(!text.contains("music"), "{text}");
        assert!(text.starts_with("PutItemRequestBuilder"), "{text}");
        assert!(text.contains("\"TableName\""), "{text}");
        assert!(text.contains("\"SessionKey\""), "{text}");
        assert!(!text.contains("\"Item\""), "{text}");
    }
}

#[test]
fn clashing_setter_names_are_moved_aside() -> Result<(), MissingMembers> {
    let builder: JobSpec = Job::builder();
    let job = builder
        .build_value("make")
        .name("n")
        .set_name(true)
        .send_value(false)
        .with_sender_value(3)
        .build()?;
    assert_eq!(
        job,
        Job {
            build: "make".into(),
            name: Some("n".into()),
            set_name: Some(true),
            send: Some(false),
            with_sender: Some(3),
        }
    );
    assert_eq!(
        Job::builder().build().unwrap_err().members(),
        ["build"],
        "member paths are model names"
    );
    Ok(())
}

#[test]
fn union_constructors_and_conversions() -> awso_core::Result<()> {
    let value = AttributeValue::m(BTreeMap::from([
        ("name".to_owned(), AttributeValue::s("Ada")),
        ("age".to_owned(), AttributeValue::n("36")),
        ("tags".to_owned(), AttributeValue::ss(vec!["x".to_owned()])),
        ("gone".to_owned(), AttributeValue::null(true)),
        ("ok".to_owned(), AttributeValue::bool(false)),
        ("raw".to_owned(), AttributeValue::b(vec![1_u8, 2])),
        (
            "list".to_owned(),
            AttributeValue::from(vec![AttributeValue::s("a")]),
        ),
    ]));
    assert_eq!(
        json::to_string(&value)?,
        r#"{"M":{"age":{"N":"36"},"gone":{"NULL":true},"list":{"L":[{"S":"a"}]},"name":{"S":"Ada"},"ok":{"BOOL":false},"raw":{"B":"AQI="},"tags":{"SS":["x"]}}}"#
    );
    // `From` exists only where one member has the type: `Blob` is `B`, a map is `M`.
    assert_eq!(
        AttributeValue::from(Blob::from(vec![7_u8])),
        AttributeValue::B(Blob::from(vec![7_u8]))
    );
    assert_eq!(
        AttributeValue::from(BTreeMap::new()),
        AttributeValue::M(BTreeMap::new())
    );
    Ok(())
}

#[test]
fn string_enums_convert_from_text_keeping_unknown_values() {
    assert_eq!(ReturnValue::from("ALL_OLD"), ReturnValue::AllOld);
    assert_eq!(ReturnValue::from("NONE".to_owned()), ReturnValue::None);
    assert_eq!(
        ReturnValue::from_str("UPDATED_NEW"),
        Ok(ReturnValue::Unknown("UPDATED_NEW".into()))
    );
    let parsed: ReturnValue = "ALL_OLD".parse().unwrap_or_else(|e| match e {});
    assert_eq!(parsed, ReturnValue::AllOld);
    assert_eq!(Priority::from(9), Priority::High);
    assert_eq!(Priority::from(4), Priority::Unknown(4));
}

#[test]
fn generated_structures_have_builders() -> Result<(), MissingMembers> {
    use awso_connectparticipant::{SendMessageRequest, StartAttachmentUploadRequest};

    let request = SendMessageRequest::builder()
        .content_type("text/plain")
        .content("hello")
        .connection_token("token-secret")
        .build()?;
    assert_eq!(request.content, "hello");
    assert_eq!(request.client_token, None, "filled in when sent");
    // Nothing required: `build()` is the value itself.
    let position = awso_connectparticipant::StartPosition::builder()
        .most_recent(5)
        .build();
    assert_eq!(position.most_recent, Some(5));
    let err = StartAttachmentUploadRequest::builder()
        .attachment_name("a.txt")
        .build()
        .unwrap_err();
    assert_eq!(err.shape(), "StartAttachmentUploadRequest");
    assert_eq!(
        err.members(),
        ["ContentType", "AttachmentSizeInBytes", "ConnectionToken"]
    );
    Ok(())
}

/// `Timestamp` <-> `time::OffsetDateTime`: the same instant both ways, whatever the offset,
/// to the nanosecond, before and after the epoch; out of `time`'s range is an error.
#[test]
fn timestamps_convert_to_and_from_offset_date_time() {
    let offsets = [0, 3_600 * 2, -(3_600 * 9 + 1_800)];
    let instants = [
        (0_i64, 0_u32),
        (1_573_180_888, 172_000_000),
        (-1, 999_999_999),
        (-62_135_596_800, 0),
        (253_402_300_799, 999_999_999),
    ];
    for (secs, nanos) in instants {
        let t = Timestamp::from_secs_and_nanos(secs, nanos).expect("valid nanos");
        let odt = time::OffsetDateTime::try_from(t).expect("in time's range");
        assert_eq!((odt.unix_timestamp(), odt.nanosecond()), (secs, nanos));
        for offset in offsets {
            let offset = time::UtcOffset::from_whole_seconds(offset).expect("a valid offset");
            // At the ends of `time`'s calendar an offset can leave it: nothing to convert then.
            if let Some(shifted) = odt.checked_to_offset(offset) {
                assert_eq!(Timestamp::from(shifted), t, "{t} at offset {offset}");
            }
        }
    }
    assert!(time::OffsetDateTime::try_from(Timestamp::from_secs(i64::MIN)).is_err());
}

/// With the `chrono` feature: `Timestamp` <-> `chrono::DateTime`, the same instant both ways
/// from any offset; a leap second is the last nanosecond of its second.
#[test]
fn timestamps_convert_to_and_from_chrono() {
    use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

    for (secs, nanos) in [(0_i64, 0_u32), (1_573_180_888, 172_000_001), (-1, 5)] {
        let t = Timestamp::from_secs_and_nanos(secs, nanos).expect("valid nanos");
        let utc = DateTime::<Utc>::try_from(t).expect("in chrono's range");
        assert_eq!(
            (utc.timestamp(), utc.timestamp_subsec_nanos()),
            (secs, nanos)
        );
        let east = utc.with_timezone(&FixedOffset::east_opt(5 * 3_600 + 1_800).unwrap());
        assert_eq!(Timestamp::from(east), t);
        assert_eq!(Timestamp::from(utc), t);
    }
    let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
        .and_then(|d| d.and_hms_nano_opt(23, 59, 59, 1_500_000_000))
        .expect("chrono represents the leap second")
        .and_utc();
    let t = Timestamp::from(leap);
    assert_eq!((t.secs(), t.subsec_nanos()), (1_483_228_799, 999_999_999));
    assert!(DateTime::<Utc>::try_from(Timestamp::from_secs(i64::MIN)).is_err());
}

//! The expansion must be lint-clean: every kind of shape is derived here under
//! `#![deny(warnings, clippy::pedantic)]` (plus the documentation and visibility lints a
//! library crate turns on), so any warning the generated code causes fails the build:
//! rustc's lints under `cargo test`, clippy's under `cargo clippy --all-targets` (as CI runs
//! it). The expansion allows no lint, so nothing is hidden from this file. Like any external
//! macro's output, tokens spanned at the derive's call site are skipped by most lints; what
//! is checked is the code spanned at the user's own tokens (member types, attribute keys),
//! which is also what the user's crate would be warned about.

#![deny(
    warnings,
    clippy::pedantic,
    missing_docs,
    missing_debug_implementations,
    unreachable_pub,
    unused_qualifications,
    unused_results,
    rust_2018_idioms
)]

/// Public shapes, as a service crate would export them.
pub mod shapes {
    use std::collections::BTreeMap;

    use awso_core::{AwsError, AwsShape, Blob, Document, Timestamp, UnknownError};

    /// A structure using every member attribute family.
    #[derive(AwsShape, Clone, PartialEq)]
    #[awso(
        debug,
        builder,
        name = "PutObjectRequest",
        rename_all = "PascalCase",
        xml_name = "PutObject",
        xml_namespace(uri = "http://s3.amazonaws.com/doc/2006-03-01/")
    )]
    pub struct PutObjectInput {
        /// A greedy URI label.
        #[awso(http_label(greedy, name = "Key"))]
        pub key: String,
        /// A plain URI label.
        #[awso(http_label)]
        pub bucket: String,
        /// A header with a timestamp format.
        #[awso(http_header = "Expires", timestamp_format = "http-date")]
        pub expires: Option<Timestamp>,
        /// Prefix headers.
        #[awso(http_prefix_headers = "x-amz-meta-")]
        pub metadata: Option<BTreeMap<String, String>>,
        /// A query parameter.
        #[awso(http_query = "versionId")]
        pub version_id: Option<String>,
        /// The remaining query parameters.
        #[awso(http_query_params)]
        pub extra: Option<BTreeMap<String, String>>,
        /// The payload.
        #[awso(http_payload)]
        pub body: Option<Blob>,
        /// A host label.
        #[awso(host_label)]
        pub account_id: String,
        /// An idempotency token.
        #[awso(idempotency_token)]
        pub token: Option<String>,
        /// A sensitive member with a JSON name and an ec2Query name.
        #[awso(sensitive, json_name = "sse", ec2_query_name = "Sse")]
        pub sse_key: Option<String>,
        /// A header carrying JSON.
        #[awso(http_header = "x-amz-doc", media_type = "application/json")]
        pub doc: Option<Document>,
        /// A required member with a default.
        #[awso(required, default = 0)]
        pub retries: i32,
    }

    /// A response structure, with XML attribute and flattened members and item overrides.
    #[derive(AwsShape, Clone, PartialEq)]
    #[awso(sensitive, debug, builder)]
    pub struct ListPartsOutput {
        /// The status code.
        #[awso(http_response_code)]
        pub status: Option<i32>,
        /// An XML attribute.
        #[awso(xml_attribute, xml_name = "ID")]
        pub id: Option<String>,
        /// A flattened list.
        #[awso(xml_flattened, rename = "Part")]
        pub parts: Vec<Part>,
        /// A list in a namespace whose items are renamed.
        #[awso(xml_namespace(uri = "urn:x", prefix = "x"), member(xml_name = "Name"))]
        pub names: Option<Vec<String>>,
        /// A map whose keys and values are renamed.
        #[awso(
            key(xml_name = "K"),
            value(xml_name = "V", timestamp_format = "epoch-seconds")
        )]
        pub times: Option<BTreeMap<String, Timestamp>>,
        /// A default empty list.
        #[awso(default(empty_list))]
        pub owners: Vec<String>,
        /// A recursive member.
        pub next: Option<Box<ListPartsOutput>>,
        /// A float with a default.
        #[awso(default = 1.5)]
        pub ratio: f64,
        /// A string with a default.
        #[awso(default = "a")]
        pub mode: String,
        /// A boolean with a default.
        #[awso(default = false)]
        pub done: bool,
    }

    /// A generic structure.
    #[derive(AwsShape, Clone, PartialEq)]
    #[awso(debug, builder = "PageOfItems")]
    pub struct Page<T> {
        /// The items.
        pub items: Vec<T>,
        /// The next token.
        pub next: Option<String>,
    }

    /// A small structure.
    #[derive(AwsShape, Debug, Clone, PartialEq, Eq)]
    pub struct Part {
        /// The part number.
        pub number: i32,
        /// The state.
        pub state: Option<PartState>,
        /// The priority.
        pub priority: Option<Priority>,
    }

    /// A string enum.
    #[derive(AwsShape, Clone, PartialEq, Eq)]
    #[awso(rename_all = "kebab-case", debug, builder)]
    pub enum PartState {
        /// Uploading.
        InProgress,
        /// Done.
        #[awso(rename = "DONE")]
        Complete,
        /// Anything else.
        Unknown(String),
    }

    /// An intEnum.
    #[derive(AwsShape, Clone, Copy, PartialEq, Eq)]
    #[awso(int_enum, debug, builder)]
    pub enum Priority {
        /// Low.
        #[awso(value = -1)]
        Low,
        /// High.
        #[awso(value = 1)]
        High,
        /// Anything else.
        Unknown(i32),
    }

    /// A union.
    #[derive(AwsShape, Debug, Clone, PartialEq)]
    #[awso(rename_all = "camelCase", builder)]
    pub enum Selector {
        /// A prefix.
        KeyPrefix(String),
        /// Parts.
        #[awso(member(xml_name = "Part"))]
        Parts(Vec<Part>),
        /// A map.
        Tags(BTreeMap<String, String>),
        /// A timestamp.
        #[awso(timestamp_format = "date-time")]
        After(Timestamp),
        /// A recursive member.
        Not(Box<Selector>),
        /// Anything else.
        #[awso(unknown)]
        Other(String),
    }

    /// A generic union.
    #[derive(AwsShape, Clone, PartialEq)]
    #[awso(union, debug, builder)]
    pub enum Either<L, R> {
        /// Left.
        Left(L),
        /// Right.
        Right(R),
        /// Anything else.
        Unknown(String),
    }

    /// An error structure with a required message.
    #[derive(AwsShape, Debug, Clone, PartialEq)]
    #[awso(error(fault = "client", status = 404, code = "NoSuchKey"))]
    pub struct NoSuchKey {
        /// The message.
        #[awso(rename = "Message")]
        pub message: String,
    }

    /// An error structure with an optional message.
    #[derive(AwsShape, Debug, Clone, PartialEq)]
    #[awso(error(status = 503))]
    pub struct SlowDown {
        /// The message.
        pub message: Option<String>,
    }

    /// An error structure without a message.
    #[derive(AwsShape, Clone, PartialEq)]
    #[awso(error(fault = "server"), debug)]
    pub struct InternalError {}

    /// An operation's errors.
    #[derive(AwsError, Debug)]
    pub enum GetObjectError {
        /// Not found.
        NoSuchKey(NoSuchKey),
        /// Throttled.
        SlowDown(SlowDown),
        /// Internal.
        InternalError(InternalError),
        /// Anything else.
        Unknown(UnknownError),
    }
}

use awso_core::{AwsError, AwsShape, json, xml};
use shapes::{
    Either, GetObjectError, ListPartsOutput, Page, Part, PartState, Priority, PutObjectInput,
    Selector,
};

#[test]
fn lint_clean_shapes_work() {
    let input: PutObjectInput =
        json::from_str(r#"{"Key":"a/b","Bucket":"x","AccountId":"1"}"#).expect("valid input");
    assert_eq!(input.key, "a/b");
    assert_eq!(input.retries, 0);
    assert_eq!(
        <PutObjectInput as AwsShape>::SCHEMA.name(),
        "PutObjectRequest"
    );

    let output = ListPartsOutput {
        status: None,
        id: Some("i".into()),
        parts: vec![Part {
            number: 1,
            state: Some(PartState::InProgress),
            priority: Some(Priority::Low),
        }],
        names: None,
        times: None,
        owners: Vec::new(),
        next: None,
        ratio: 1.5,
        mode: "a".into(),
        done: false,
    };
    let text = xml::to_string(&output).expect("writes");
    assert_eq!(
        text,
        concat!(
            r#"<ListPartsOutput ID="i">"#,
            "<Part><number>1</number><state>in-progress</state><priority>-1</priority></Part>",
            "<owners></owners><ratio>1.5</ratio><mode>a</mode><done>false</done>",
            "</ListPartsOutput>",
        )
    );
    assert_eq!(
        xml::from_str::<ListPartsOutput>(&text).expect("reads"),
        output
    );

    let page = Page {
        items: vec![Either::<Selector, i32>::Left(Selector::Not(Box::new(
            Selector::KeyPrefix("p".into()),
        )))],
        next: None,
    };
    let text = json::to_string(&page).expect("writes");
    assert_eq!(text, r#"{"items":[{"Left":{"not":{"keyPrefix":"p"}}}]}"#);
    assert_eq!(
        json::from_str::<Page<Either<Selector, i32>>>(&text).expect("reads"),
        page
    );

    let err = GetObjectError::from_xml(
        "NoSuchKey",
        b"<Error><Code>NoSuchKey</Code><Message>none</Message></Error>",
    );
    assert_eq!(err.to_string(), "NoSuchKey: none");
    let err = GetObjectError::from_json("InternalError", b"{}");
    assert!(matches!(err, GetObjectError::InternalError(_)));
    assert_eq!(err.message(), None);
}

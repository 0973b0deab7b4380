//! The protocol layer with derived types: one operation per protocol, requests built and
//! responses parsed through the `Operation` trait, and the error paths the conformance
//! suites leave out (unreadable bodies, request ids, tokens, host labels).

use awso_core::protocol::{
    self, Endpoint, Operation, OperationSchema, Protocol, ResponseError, ServiceSchema,
};
use awso_core::{AwsError, AwsShape, Blob, Timestamp, UnknownError, Value};

fn endpoint() -> Endpoint {
    Endpoint::parse("https://service.us-east-1.amazonaws.com").unwrap()
}

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
struct PutObjectInput {
    #[awso(http_label)]
    bucket: String,
    #[awso(http_label(greedy))]
    key: String,
    #[awso(http_query = "versionId")]
    version_id: Option<String>,
    #[awso(http_header = "X-Amz-Meta-Tags")]
    tags: Option<Vec<String>>,
    #[awso(http_header = "If-Modified-Since")]
    if_modified_since: Option<Timestamp>,
    #[awso(idempotency_token)]
    client_token: Option<String>,
    body_text: Option<String>,
}

#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
struct PutObjectOutput {
    #[awso(http_header = "ETag")]
    e_tag: Option<String>,
    #[awso(http_response_code)]
    status: Option<i32>,
    #[awso(http_prefix_headers = "x-amz-meta-")]
    metadata: Option<std::collections::BTreeMap<String, String>>,
    version: Option<i64>,
}

#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(error(fault = "client", status = 404))]
struct NoSuchBucket {
    #[awso(rename = "Message")]
    message: Option<String>,
    #[awso(http_header = "X-Bucket")]
    bucket: Option<String>,
}

#[derive(AwsError, Debug)]
enum PutObjectError {
    NoSuchBucket(NoSuchBucket),
    Unknown(UnknownError),
}

struct PutObject;

impl Operation for PutObject {
    type Input = PutObjectInput;
    type Output = PutObjectOutput;
    type Error = PutObjectError;
    const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2006-03-01");
    const SCHEMA: &'static OperationSchema =
        &OperationSchema::new("PutObject", "PUT", "/{Bucket}/{Key+}?x-id=PutObject")
            .with_input(PutObjectInput::SCHEMA)
            .with_output(PutObjectOutput::SCHEMA)
            .with_errors(PutObjectError::ERRORS);
}

fn put_object() -> PutObjectInput {
    PutObjectInput {
        bucket: "my bucket".into(),
        key: "a/b c.txt".into(),
        version_id: Some("v=1".into()),
        tags: Some(vec!["red".into(), "a,b".into()]),
        if_modified_since: Some(Timestamp::from_secs(784_111_777)),
        client_token: None,
        body_text: Some("hello".into()),
    }
}

#[test]
fn rest_json_request_binds_labels_query_headers_and_body() {
    let request = protocol::request::<PutObject>(&put_object(), &endpoint()).unwrap();
    assert_eq!(request.method(), "PUT");
    assert_eq!(
        request.uri().to_string(),
        "https://service.us-east-1.amazonaws.com/my%20bucket/a/b%20c.txt?x-id=PutObject&versionId=v%3D1"
    );
    let header = |name: &str| request.headers()[name].to_str().unwrap().to_owned();
    assert_eq!(header("x-amz-meta-tags"), r#"red, "a,b""#);
    assert_eq!(header("if-modified-since"), "Sun, 06 Nov 1994 08:49:37 GMT");
    assert_eq!(header("content-type"), "application/json");
    let body: Value =
        awso_core::json::from_slice_dynamic(request.body(), PutObjectInput::SCHEMA).unwrap();
    assert_eq!(body.get("BodyText").and_then(Value::as_str), Some("hello"));
    // The token the caller left out is a fresh UUID v4.
    let token = body
        .get("ClientToken")
        .and_then(Value::as_str)
        .unwrap()
        .to_owned();
    assert_eq!(token.len(), 36);
    assert_eq!(token.as_bytes()[14], b'4');
    assert_eq!(header("content-length"), request.body().len().to_string());
}

#[test]
fn rest_json_response_reads_headers_status_prefix_headers_and_body() {
    let ok = response(
        201,
        &[
            ("ETag", "\"abc\""),
            ("x-amz-meta-color", "blue"),
            ("x-amz-meta-size", "9"),
        ],
        r#"{"Version": 3}"#,
    );
    let output = protocol::response::<PutObject, _>(&ok).unwrap();
    assert_eq!(output.e_tag.as_deref(), Some("\"abc\""));
    assert_eq!(output.status, Some(201));
    assert_eq!(output.version, Some(3));
    let metadata = output.metadata.unwrap();
    assert_eq!(metadata["color"], "blue");
    assert_eq!(metadata["size"], "9");
}

#[test]
fn rest_json_errors_fill_header_members_and_keep_status_and_request_id() {
    let not_found = response(
        404,
        &[
            ("X-Amzn-ErrorType", "NoSuchBucket:http://internal/"),
            ("X-Bucket", "b1"),
            ("x-amzn-requestid", "r-1"),
        ],
        r#"{"Message":"gone"}"#,
    );
    let err = protocol::response::<PutObject, _>(&not_found).unwrap_err();
    let Some(PutObjectError::NoSuchBucket(e)) = err.service_error() else {
        panic!("{err:?}")
    };
    assert_eq!(e.message.as_deref(), Some("gone"));
    assert_eq!(e.bucket.as_deref(), Some("b1"));

    let other = response(
        503,
        &[("x-amzn-requestid", "r-2")],
        r#"{"__type":"com.amazon#SlowDown","message":"later"}"#,
    );
    let err = protocol::response::<PutObject, _>(&other).unwrap_err();
    let unknown = err.service_error().and_then(AwsError::as_unknown).unwrap();
    assert_eq!(
        (
            unknown.code(),
            unknown.message(),
            unknown.status(),
            unknown.request_id()
        ),
        ("SlowDown", Some("later"), Some(503), Some("r-2"))
    );
}

#[test]
fn unreadable_error_bodies_still_give_an_error_with_the_status() {
    let bodies = [
        "",
        "<html><body>502 Bad Gateway</body></html>",
        r#"{"Message": "trunc"#,
        "\u{0}\u{1}garbage",
        "{\"__type\": 5}",
    ];
    for body in bodies {
        for status in [400, 500, 502] {
            let err = protocol::response::<PutObject, _>(&response(status, &[], body)).unwrap_err();
            let unknown = err
                .service_error()
                .and_then(AwsError::as_unknown)
                .expect("an unknown error");
            assert_eq!(unknown.status(), Some(status), "{body:?}");
            assert_eq!(unknown.body(), body.as_bytes());
        }
    }
    // A modeled code whose body cannot be read keeps the code and says why.
    let err = protocol::response::<PutObject, _>(&response(
        404,
        &[("X-Amzn-ErrorType", "NoSuchBucket")],
        r#"{"Message": 1}"#,
    ))
    .unwrap_err();
    let unknown = err.service_error().and_then(AwsError::as_unknown).unwrap();
    assert_eq!(unknown.code(), "NoSuchBucket");
    assert!(unknown.decode_error().is_some());
}

#[test]
fn a_success_response_that_cannot_be_read_is_a_decode_error_with_its_status() {
    let err = protocol::response::<PutObject, _>(&response(200, &[], "{\"Version\": \"three\"}"))
        .unwrap_err();
    let ResponseError::Decode { status, source } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*status, 200);
    assert_eq!(source.path(), "Version");
}

#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
struct SendMessageInput {
    queue_url: String,
    message_body: String,
    #[awso(member(xml_name = "AttributeName"))]
    attribute_names: Option<Vec<String>>,
    #[awso(host_label)]
    account: String,
}

#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
struct SendMessageOutput {
    message_id: Option<String>,
    #[awso(rename = "MD5OfMessageBody")]
    md5_of_message_body: Option<String>,
}

#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(error(
    fault = "client",
    status = 400,
    code = "AWS.SimpleQueueService.NonExistentQueue"
))]
struct QueueDoesNotExist {
    #[awso(rename = "message")]
    message: Option<String>,
}

#[derive(AwsError, Debug)]
enum SendMessageError {
    QueueDoesNotExist(QueueDoesNotExist),
    Unknown(UnknownError),
}

macro_rules! send_message {
    ($name:ident, $service:expr) => {
        struct $name;

        impl Operation for $name {
            type Input = SendMessageInput;
            type Output = SendMessageOutput;
            type Error = SendMessageError;
            const SERVICE: &'static ServiceSchema = &$service;
            const SCHEMA: &'static OperationSchema =
                &OperationSchema::new("SendMessage", "POST", "/")
                    .with_input(SendMessageInput::SCHEMA)
                    .with_output(SendMessageOutput::SCHEMA)
                    .with_errors(SendMessageError::ERRORS)
                    .with_host_prefix("{Account}.");
        }
    };
}

send_message!(
    QuerySendMessage,
    ServiceSchema::new(Protocol::AwsQuery, "2012-11-05")
);
send_message!(
    JsonSendMessage,
    ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
        .with_target_prefix("AmazonSQS")
        .with_query_compatible()
);
send_message!(
    Ec2SendMessage,
    ServiceSchema::new(Protocol::Ec2Query, "2016-11-15")
);

fn send_message() -> SendMessageInput {
    SendMessageInput {
        queue_url: "https://sqs/1/q".into(),
        message_body: "hi & bye".into(),
        attribute_names: Some(vec!["All".into()]),
        account: "123456789012".into(),
    }
}

#[test]
fn query_requests_carry_action_version_and_members() {
    let request = protocol::request::<QuerySendMessage>(&send_message(), &endpoint()).unwrap();
    assert_eq!(
        request.uri().host(),
        Some("123456789012.service.us-east-1.amazonaws.com")
    );
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        "Action=SendMessage&Version=2012-11-05&QueueUrl=https%3A%2F%2Fsqs%2F1%2Fq&MessageBody=hi%20%26%20bye&AttributeNames.AttributeName.1=All&Account=123456789012"
    );
    assert_eq!(
        request.headers()["content-type"],
        "application/x-www-form-urlencoded"
    );

    let request = protocol::request::<Ec2SendMessage>(&send_message(), &endpoint()).unwrap();
    assert!(
        std::str::from_utf8(request.body())
            .unwrap()
            .contains("&AttributeNames.1=All&")
    );
}

#[test]
fn query_responses_and_errors() {
    let ok = response(
        200,
        &[],
        "<SendMessageResponse><SendMessageResult><MessageId>m-1</MessageId><MD5OfMessageBody>x</MD5OfMessageBody></SendMessageResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SendMessageResponse>",
    );
    let output = protocol::response::<QuerySendMessage, _>(&ok).unwrap();
    assert_eq!(output.message_id.as_deref(), Some("m-1"));

    let body = "<ErrorResponse><Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code><message>no queue</message></Error><RequestId>req-9</RequestId></ErrorResponse>";
    let err = protocol::response::<QuerySendMessage, _>(&response(400, &[], body)).unwrap_err();
    assert!(
        matches!(err.service_error(), Some(SendMessageError::QueueDoesNotExist(e)) if e.message.as_deref() == Some("no queue"))
    );

    let body = "<ErrorResponse><Error><Code>Throttling</Code><Message>slow</Message></Error><RequestId>req-10</RequestId></ErrorResponse>";
    let err = protocol::response::<QuerySendMessage, _>(&response(400, &[], body)).unwrap_err();
    let unknown = err.service_error().and_then(AwsError::as_unknown).unwrap();
    assert_eq!(
        (unknown.code(), unknown.message(), unknown.request_id()),
        ("Throttling", Some("slow"), Some("req-10"))
    );

    let ec2 = "<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code><Message>nope</Message></Error></Errors><RequestID>req-11</RequestID></Response>";
    let err = protocol::response::<Ec2SendMessage, _>(&response(400, &[], ec2)).unwrap_err();
    let unknown = err.service_error().and_then(AwsError::as_unknown).unwrap();
    assert_eq!(
        (unknown.code(), unknown.request_id()),
        ("InvalidVpcID.NotFound", Some("req-11"))
    );
}

#[test]
fn aws_json_requests_and_query_compatible_errors() {
    let request = protocol::request::<JsonSendMessage>(&send_message(), &endpoint()).unwrap();
    assert_eq!(request.headers()["x-amz-target"], "AmazonSQS.SendMessage");
    assert_eq!(
        request.headers()["content-type"],
        "application/x-amz-json-1.0"
    );
    assert_eq!(request.headers()["x-amzn-query-mode"], "true");
    assert_eq!(request.uri().path(), "/");

    // Matched by the shape name in __type; the code reported is the query code.
    let err = protocol::response::<JsonSendMessage, _>(&response(
        400,
        &[(
            "x-amzn-query-error",
            "AWS.SimpleQueueService.NonExistentQueue;Sender",
        )],
        r#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"no queue"}"#,
    ))
    .unwrap_err();
    let service_error = err.service_error().unwrap();
    assert!(matches!(
        service_error,
        SendMessageError::QueueDoesNotExist(_)
    ));
    assert_eq!(
        service_error.code(),
        "AWS.SimpleQueueService.NonExistentQueue"
    );

    let err = protocol::response::<JsonSendMessage, _>(&response(
        400,
        &[(
            "x-amzn-query-error",
            "AWS.SimpleQueueService.Overloaded;Receiver",
        )],
        r#"{"__type":"com.amazonaws.sqs#Overloaded"}"#,
    ))
    .unwrap_err();
    assert_eq!(
        err.service_error().unwrap().code(),
        "AWS.SimpleQueueService.Overloaded"
    );
}

#[test]
fn bad_host_labels_and_missing_required_members_are_refused_before_sending() {
    let mut input = send_message();
    input.account = "evil.com/".into();
    let err = protocol::request::<QuerySendMessage>(&input, &endpoint()).unwrap_err();
    assert!(err.to_string().contains("host label"), "{err}");

    let service = ServiceSchema::new(Protocol::AwsJson1_1, "v").with_target_prefix("P");
    let operation =
        OperationSchema::new("SendMessage", "POST", "/").with_input(SendMessageInput::SCHEMA);
    let value = Value::Structure(vec![
        ("QueueUrl".into(), Value::String("q".into())),
        ("Account".into(), Value::String("1".into())),
    ]);
    let err = protocol::build_request(
        &service,
        &operation,
        &value,
        &endpoint(),
        &protocol::RequestOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("MessageBody"), "{err}");
}

#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
struct Tag {
    key: String, // required: a plain type
    value: Option<String>,
}

#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
struct TagResourceInput {
    resource: String,
    first: Option<Tag>,
    tags: Option<Vec<Tag>>,
    by_name: Option<std::collections::BTreeMap<String, Tag>>,
    tree: Option<awso_tests::Node>,
}

/// Builds a restJson1 request for a `Value` input of `TagResourceInput`.
fn tag_resource(input: Vec<(&str, Value)>) -> awso_core::Result<http::Request<Vec<u8>>> {
    let service = ServiceSchema::new(Protocol::RestJson1, "v");
    let operation =
        OperationSchema::new("TagResource", "POST", "/tags").with_input(TagResourceInput::SCHEMA);
    let input = Value::Structure(
        std::iter::once(("Resource", Value::String("r".into())))
            .chain(input)
            .map(|(name, value)| (name.to_owned().into(), value))
            .collect(),
    );
    protocol::build_request(
        &service,
        &operation,
        &input,
        &endpoint(),
        &protocol::RequestOptions::default(),
    )
}

fn tag(members: &[(&str, Value)]) -> Value {
    Value::Structure(
        members
            .iter()
            .map(|(name, value)| ((*name).to_owned().into(), value.clone()))
            .collect(),
    )
}

#[test]
fn required_members_of_nested_structures_are_checked_with_their_path() {
    let key = |k: &str| ("Key", Value::String(k.into()));
    let value = |v: &str| ("Value", Value::String(v.into()));

    let complete = tag_resource(vec![
        ("First", tag(&[key("a")])),
        ("Tags", Value::List(vec![tag(&[key("b"), value("c")])])),
    ]);
    assert!(complete.is_ok(), "{complete:?}");

    let cases = [
        (vec![("First", tag(&[value("c")]))], "First"),
        (vec![("First", tag(&[("Key", Value::Null)]))], "First"),
        (
            vec![(
                "Tags",
                Value::List(vec![tag(&[key("a")]), tag(&[value("c")])]),
            )],
            "Tags[1]",
        ),
        (
            vec![("ByName", Value::Map(vec![("x".into(), tag(&[value("c")]))]))],
            "ByName[\"x\"]",
        ),
        (
            vec![(
                "Tree",
                tag(&[
                    ("Value", Value::Integer(1)),
                    (
                        "Next",
                        tag(&[("Next", tag(&[("Value", Value::Integer(3))]))]),
                    ),
                ]),
            )],
            "Tree.Next",
        ),
    ];
    for (input, path) in cases {
        let err = tag_resource(input).unwrap_err();
        assert_eq!(err.path(), path, "{err}");
        let message = err.to_string();
        assert!(
            message.contains("required member `Key` of `Tag`")
                || message.contains("required member `Value` of `Node`"),
            "{message}"
        );
    }

    // A derived input always has its nested required members: it goes through.
    let typed = TagResourceInput {
        resource: "r".into(),
        first: Some(Tag {
            key: "k".into(),
            value: None,
        }),
        tags: Some(vec![]),
        by_name: None,
        tree: None,
    };
    let request = protocol::build_request(
        &ServiceSchema::new(Protocol::RestJson1, "v"),
        &OperationSchema::new("TagResource", "POST", "/tags").with_input(TagResourceInput::SCHEMA),
        &typed,
        &endpoint(),
        &protocol::RequestOptions::default(),
    )
    .unwrap();
    assert_eq!(
        request.body(),
        br#"{"Resource":"r","First":{"Key":"k"},"Tags":[]}"#
    );
}

#[test]
fn the_required_member_check_stops_at_the_depth_limit() {
    let mut tree = tag(&[("Value", Value::Integer(0))]);
    for depth in 1..=1000 {
        tree = tag(&[("Value", Value::Integer(depth)), ("Next", tree)]);
    }
    let err = tag_resource(vec![("Tree", tree)]).unwrap_err();
    assert!(
        err.to_string().contains("deeper than the limit of 128"),
        "{err}"
    );
}

#[derive(AwsShape, Debug, Clone, PartialEq)]
struct UploadInput {
    #[awso(http_header = "Content-Type")]
    content_type: Option<String>,
    #[awso(http_payload)]
    data: Option<Blob>,
}

#[derive(AwsShape, Debug, Clone, PartialEq)]
struct UploadOutput {
    #[awso(http_payload)]
    data: Option<Blob>,
}

struct Upload;

impl Operation for Upload {
    type Input = UploadInput;
    type Output = UploadOutput;
    type Error = PutObjectError;
    const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "2006-03-01");
    const SCHEMA: &'static OperationSchema = &OperationSchema::new("Upload", "PUT", "/upload")
        .with_input(UploadInput::SCHEMA)
        .with_output(UploadOutput::SCHEMA)
        .with_errors(PutObjectError::ERRORS)
        .with_gzip_requests()
        .with_checksum_required();
}

#[test]
fn blob_payloads_are_the_body_as_is() {
    let input = UploadInput {
        content_type: Some("image/png".into()),
        data: Some(Blob::new(vec![0x89, b'P', b'N', b'G'])),
    };
    let request = protocol::request::<Upload>(&input, &endpoint()).unwrap();
    assert_eq!(request.body(), &[0x89, b'P', b'N', b'G']);
    assert_eq!(request.headers()["content-type"], "image/png");
    // MD5 of the four bytes, base64 (computed with Python's hashlib).
    assert_eq!(request.headers()["content-md5"], "O9r1lpKFGIrHVsM59p9ceQ==");
    let output = protocol::response::<Upload, _>(&response(200, &[], "\u{1}raw")).unwrap();
    assert_eq!(output.data.unwrap().as_bytes(), b"\x01raw");

    // Large bodies of operations with request compression are gzipped.
    let big = UploadInput {
        content_type: None,
        data: Some(Blob::new(vec![b'a'; 20_000])),
    };
    let request = protocol::request::<Upload>(&big, &endpoint()).unwrap();
    assert_eq!(request.headers()["content-encoding"], "gzip");
    assert!(request.body().len() < 1000);
    assert_eq!(request.body()[..2], [0x1f, 0x8b]);
}

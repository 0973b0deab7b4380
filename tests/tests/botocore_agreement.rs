//! Where awso once disagreed with botocore on real service models (issue 12's list), each
//! case a small model in botocore's format cut down from the service named. The expected
//! wire forms are what botocore 1.43.x produces for the same model and parameters
//! (`botocore.serialize` / `botocore.parsers` over `botocore.model.ServiceModel`), checked
//! when the test was written; awso's side is computed here, in the dynamic mode.

use std::borrow::Cow;

use awso_core::dynamic::Model;
use awso_core::protocol::{
    DynamicError, Endpoint, OperationSchema, Protocol, RequestOptions, ResponseError,
    build_request, parse_response_dynamic,
};
use awso_core::{Timestamp, Value};

/// A model of `protocol` with `operations` and `shapes` (JSON object bodies), and `metadata`
/// keys added.
fn model(protocol: &str, extra_metadata: &str, operations: &str, shapes: &str) -> Model {
    let json = format!(
        r#"{{"metadata": {{"protocol": "{protocol}", "apiVersion": "2020-01-01",
              "serviceId": "X", "endpointPrefix": "x"{extra_metadata}}},
            "operations": {{{operations}}},
            "shapes": {{{shapes}, "S": {{"type": "string"}}}}}}"#
    );
    Model::from_botocore(&json).expect("the test model reads")
}

fn operation<'m>(model: &'m Model, name: &str) -> &'m OperationSchema {
    model
        .operation(name)
        .expect("the operation is in the model")
}

fn structure(members: Vec<(&'static str, Value)>) -> Value {
    Value::Structure(
        members
            .into_iter()
            .map(|(name, value)| (Cow::Borrowed(name), value))
            .collect(),
    )
}

fn string(text: &str) -> Value {
    Value::String(text.to_owned())
}

fn strings(items: &[&str]) -> Value {
    Value::List(items.iter().map(|item| string(item)).collect())
}

fn request(model: &Model, name: &str, input: &Value) -> http::Request<Vec<u8>> {
    let service = model.service().expect("a supported protocol");
    let endpoint = Endpoint::parse("https://x.example.com").expect("a valid endpoint");
    build_request(
        service,
        operation(model, name),
        input,
        &endpoint,
        &RequestOptions::default(),
    )
    .expect("the request builds")
}

fn body(request: &http::Request<Vec<u8>>) -> &str {
    std::str::from_utf8(request.body()).expect("a text body")
}

fn response(
    model: &Model,
    name: &str,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Value, ResponseError<DynamicError>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let response = builder.body(body.to_vec()).expect("a valid response");
    let service = model.service().expect("a supported protocol");
    parse_response_dynamic(service, operation(model, name), &response)
}

/// Route53 and CloudFront: `input.xmlNamespace` goes on the request's root element.
#[test]
fn rest_xml_input_namespace_is_declared() {
    let model = model(
        "rest-xml",
        "",
        r#""CreateZone": {"name": "CreateZone", "http": {"method": "POST", "requestUri": "/zone"},
            "input": {"shape": "CreateZoneRequest", "locationName": "CreateZoneRequest",
                      "xmlNamespace": {"uri": "https://route53.amazonaws.com/doc/2013-04-01/"}}}"#,
        r#""CreateZoneRequest": {"type": "structure", "required": ["Name"],
            "members": {"Name": {"shape": "S"}}}"#,
    );
    let input = structure(vec![("Name", string("example.com"))]);
    // botocore 1.43.x produces this body.
    assert_eq!(
        body(&request(&model, "CreateZone", &input)),
        r#"<CreateZoneRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Name>example.com</Name></CreateZoneRequest>"#
    );
}

/// S3 CreateBucket, PutBucketAcl, ...: the payload member's namespace is declared. (A payload
/// member whose `locationName` repeats its name names the root element in botocore, after
/// its target shape in the Smithy suites, which awso follows: a known difference.)
#[test]
fn rest_xml_payload_declares_member_namespace() {
    let model = model(
        "rest-xml",
        "",
        r#""CreateBucket": {"name": "CreateBucket", "http": {"method": "PUT", "requestUri": "/{Bucket}"},
            "input": {"shape": "CreateBucketRequest"}}"#,
        r#""CreateBucketRequest": {"type": "structure", "required": ["Bucket"], "payload": "Configuration",
            "members": {"Bucket": {"shape": "S", "location": "uri", "locationName": "Bucket"},
              "Configuration": {"shape": "Configuration", "locationName": "Configuration",
                "xmlNamespace": {"uri": "http://s3.amazonaws.com/doc/2006-03-01/"}}}},
           "Configuration": {"type": "structure", "members": {"LocationConstraint": {"shape": "S"}}}"#,
    );
    let input = structure(vec![
        ("Bucket", string("b")),
        (
            "Configuration",
            structure(vec![("LocationConstraint", string("eu-west-1"))]),
        ),
    ]);
    let request = request(&model, "CreateBucket", &input);
    assert_eq!(request.uri().path(), "/b");
    // botocore 1.43.x produces this body.
    assert_eq!(
        body(&request),
        r#"<Configuration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></Configuration>"#
    );
}

/// http-date (IMF-fixdate) has no fractional seconds, in headers, query strings and bodies.
#[test]
fn http_dates_have_no_fraction() {
    let model = model(
        "rest-xml",
        "",
        r#""Put": {"name": "Put", "http": {"method": "PUT", "requestUri": "/put"},
            "input": {"shape": "PutRequest", "locationName": "PutRequest"}}"#,
        r#""PutRequest": {"type": "structure", "members": {
              "Header": {"shape": "T", "location": "header", "locationName": "X-At"},
              "Query": {"shape": "T", "location": "querystring", "locationName": "at"},
              "Body": {"shape": "T"}}},
           "T": {"type": "timestamp", "timestampFormat": "rfc822"}"#,
    );
    // 2014-04-29T18:30:38.123Z
    let at = Timestamp::from_millis(1_398_796_238_123);
    let input = structure(vec![
        ("Header", Value::Timestamp(at)),
        ("Query", Value::Timestamp(at)),
        ("Body", Value::Timestamp(at)),
    ]);
    let request = request(&model, "Put", &input);
    // botocore 1.43.x writes all three as `Tue, 29 Apr 2014 18:30:38 GMT`.
    assert_eq!(request.headers()["x-at"], "Tue, 29 Apr 2014 18:30:38 GMT");
    assert_eq!(
        request.uri().query(),
        Some("at=Tue%2C%2029%20Apr%202014%2018%3A30%3A38%20GMT")
    );
    assert_eq!(
        body(&request),
        "<PutRequest><Body>Tue, 29 Apr 2014 18:30:38 GMT</Body></PutRequest>"
    );
}

const SIMPLE_DB_OPERATIONS: &str = r#"
    "PutAttributes": {"name": "PutAttributes", "http": {"method": "POST", "requestUri": "/"},
        "input": {"shape": "PutAttributesRequest"}},
    "ListDomains": {"name": "ListDomains", "http": {"method": "POST", "requestUri": "/"},
        "input": {"shape": "ListDomainsRequest"},
        "output": {"shape": "ListDomainsResult", "resultWrapper": "ListDomainsResult"}}"#;

const SIMPLE_DB_SHAPES: &str = r#"
    "PutAttributesRequest": {"type": "structure",
        "members": {"DomainName": {"shape": "S"}, "Attributes": {"shape": "AttributeList"}}},
    "AttributeList": {"type": "list", "member": {"shape": "Attribute", "locationName": "Attribute"},
        "flattened": true},
    "Attribute": {"type": "structure", "members": {"Name": {"shape": "S"}, "Value": {"shape": "S"}}},
    "ListDomainsRequest": {"type": "structure", "members": {}},
    "ListDomainsResult": {"type": "structure", "members": {"DomainNames": {"shape": "DomainNameList"}}},
    "DomainNameList": {"type": "list", "member": {"shape": "S", "locationName": "DomainName"},
        "flattened": true}"#;

/// SimpleDB: a flattened list whose item has a `locationName` is keyed by the item's name.
#[test]
fn query_flattened_list_is_keyed_by_its_item_name() {
    let model = model("query", "", SIMPLE_DB_OPERATIONS, SIMPLE_DB_SHAPES);
    let attribute =
        |name: &str, value: &str| structure(vec![("Name", string(name)), ("Value", string(value))]);
    let input = structure(vec![
        ("DomainName", string("d")),
        (
            "Attributes",
            Value::List(vec![attribute("a", "1"), attribute("b", "2")]),
        ),
    ]);
    // botocore 1.43.x sends these pairs (in this order).
    assert_eq!(
        body(&request(&model, "PutAttributes", &input)),
        "Action=PutAttributes&Version=2020-01-01&DomainName=d&Attribute.1.Name=a\
         &Attribute.1.Value=1&Attribute.2.Name=b&Attribute.2.Value=2"
    );
}

/// SimpleDB ListDomains: the same rule when reading, so the list is not lost.
#[test]
fn query_flattened_list_is_read_by_its_item_name() {
    let model = model("query", "", SIMPLE_DB_OPERATIONS, SIMPLE_DB_SHAPES);
    let body = b"<ListDomainsResponse><ListDomainsResult><DomainName>one</DomainName>\
                 <DomainName>two</DomainName></ListDomainsResult></ListDomainsResponse>";
    let output = response(&model, "ListDomains", 200, &[], body).expect("the output reads");
    // botocore 1.43.x parses {"DomainNames": ["one", "two"]}.
    assert_eq!(output.get("DomainNames"), Some(&strings(&["one", "two"])));
}

/// ElastiCache: a `locationName` on the list shape names the members that target it.
#[test]
fn list_shape_location_name_names_its_members() {
    let model = model(
        "query",
        "",
        r#""Describe": {"name": "Describe", "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "DescribeRequest"},
            "output": {"shape": "DescribeResult", "resultWrapper": "DescribeResult"}}"#,
        r#""DescribeRequest": {"type": "structure", "members": {"Configs": {"shape": "ConfigList"}}},
           "DescribeResult": {"type": "structure", "members": {"Configs": {"shape": "ConfigList"}}},
           "ConfigList": {"type": "list", "member": {"shape": "S"}, "locationName": "PendingConfig"}"#,
    );
    let input = structure(vec![("Configs", strings(&["a", "b"]))]);
    // botocore 1.43.x sends these pairs.
    assert_eq!(
        body(&request(&model, "Describe", &input)),
        "Action=Describe&Version=2020-01-01&PendingConfig.member.1=a&PendingConfig.member.2=b"
    );
    let body = b"<DescribeResponse><DescribeResult><PendingConfig><member>a</member>\
                 <member>b</member></PendingConfig></DescribeResult></DescribeResponse>";
    let output = response(&model, "Describe", 200, &[], body).expect("the output reads");
    // botocore 1.43.x parses {"Configs": ["a", "b"]}.
    assert_eq!(output.get("Configs"), Some(&strings(&["a", "b"])));
}

/// `metadata.protocols`: botocore picks by its own order of preference (`json` before
/// `smithy-rpc-v2-cbor` and `query`), not the model's.
#[test]
fn protocols_list_is_chosen_from_as_botocore_does() {
    let model = model(
        "smithy-rpc-v2-cbor",
        r#", "protocols": ["smithy-rpc-v2-cbor", "json", "query"], "jsonVersion": "1.0",
           "targetPrefix": "X_20200101""#,
        r#""Get": {"name": "Get", "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "GetRequest"}}"#,
        r#""GetRequest": {"type": "structure", "members": {"Name": {"shape": "S"}}}"#,
    );
    assert_eq!(
        model
            .service()
            .map(awso_core::protocol::ServiceSchema::protocol),
        Some(Protocol::AwsJson1_0)
    );
    let request = request(&model, "Get", &structure(vec![("Name", string("n"))]));
    // botocore 1.43.x resolves `json` and sends this target and content type.
    assert_eq!(request.headers()["x-amz-target"], "X_20200101.Get");
    assert_eq!(
        request.headers()["content-type"],
        "application/x-amz-json-1.0"
    );
    assert_eq!(body(&request), r#"{"Name":"n"}"#);
}

/// S3 GetBucketLocation: the value is the root element's text.
#[test]
fn get_bucket_location_reads_the_root_text() {
    let model = model(
        "rest-xml",
        "",
        r#""GetBucketLocation": {"name": "GetBucketLocation",
            "http": {"method": "GET", "requestUri": "/{Bucket}?location"},
            "input": {"shape": "GetBucketLocationRequest"}, "output": {"shape": "GetBucketLocationOutput"}}"#,
        r#""GetBucketLocationRequest": {"type": "structure", "required": ["Bucket"],
              "members": {"Bucket": {"shape": "S", "location": "uri", "locationName": "Bucket"}}},
           "GetBucketLocationOutput": {"type": "structure",
              "members": {"LocationConstraint": {"shape": "S"}}}"#,
    );
    let body = br#"<?xml version="1.0" encoding="UTF-8"?>
<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>"#;
    let output = response(&model, "GetBucketLocation", 200, &[], body).expect("the output reads");
    // botocore 1.43.x (its `parse_get_bucket_location` handler) gives the root's text.
    assert_eq!(output.get("LocationConstraint"), Some(&string("eu-west-1")));
}

fn unknown(result: Result<Value, ResponseError<DynamicError>>) -> awso_core::UnknownError {
    match result {
        Err(ResponseError::Service {
            error: DynamicError::Unknown(unknown),
            ..
        }) => *unknown,
        other => panic!("expected an unknown service error, got {other:?}"),
    }
}

/// An error without a body (HEAD 404) is coded by its status, with its reason phrase.
#[test]
fn bodiless_error_is_coded_by_status() {
    let model = model(
        "rest-xml",
        "",
        r#""Head": {"name": "Head", "http": {"method": "HEAD", "requestUri": "/{Key}"},
            "input": {"shape": "HeadRequest"}, "output": {"shape": "HeadOutput"}}"#,
        r#""HeadRequest": {"type": "structure", "required": ["Key"],
              "members": {"Key": {"shape": "S", "location": "uri", "locationName": "Key"}}},
           "HeadOutput": {"type": "structure", "members": {}}"#,
    );
    let error = unknown(response(
        &model,
        "Head",
        404,
        &[("x-amz-request-id", "r-1")],
        b"",
    ));
    // botocore 1.43.x: {"Code": "404", "Message": "Not Found"}, request id r-1.
    assert_eq!(
        (error.code(), error.message(), error.request_id()),
        ("404", Some("Not Found"), Some("r-1"))
    );
}

/// An awsJson1_1 service with one operation, `Get`, without input members.
fn json_model() -> Model {
    model(
        "json",
        r#", "jsonVersion": "1.1", "targetPrefix": "X""#,
        r#""Get": {"name": "Get", "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "GetRequest"}}"#,
        r#""GetRequest": {"type": "structure", "members": {}}"#,
    )
}

/// The same in a JSON protocol: botocore 1.43.x gives `500` / `Internal Server Error`.
#[test]
fn bodiless_json_error_is_coded_by_status() {
    let model = json_model();
    let error = unknown(response(&model, "Get", 500, &[], b""));
    assert_eq!(
        (error.code(), error.message()),
        ("500", Some("Internal Server Error"))
    );
}

/// A JSON error's message is found whatever the case of its key (a choice: botocore 1.43.x
/// reads only `message` and `Message`, and would give an empty message here).
#[test]
fn json_error_message_key_in_any_case() {
    let model = json_model();
    let body = br#"{"__type": "Throttled", "MESSAGE": "slow down"}"#;
    let error = unknown(response(&model, "Get", 400, &[], body));
    assert_eq!(
        (error.code(), error.message()),
        ("Throttled", Some("slow down"))
    );
}

/// A modeled error keeps what every error answer says: status, code, message (even when the
/// error shape has no message member) and request id, as `Unknown` does.
#[test]
fn modeled_error_carries_status_request_id_and_message() {
    let model = model(
        "rest-json",
        "",
        r#""Get": {"name": "Get", "http": {"method": "GET", "requestUri": "/"},
            "input": {"shape": "GetRequest"}, "errors": [{"shape": "Conflict"}]}"#,
        r#""GetRequest": {"type": "structure", "members": {}},
           "Conflict": {"type": "structure", "members": {"Reason": {"shape": "S"}},
              "error": {"httpStatusCode": 409}, "exception": true}"#,
    );
    let body = br#"{"message": "already there", "Reason": "dup"}"#;
    let headers = [
        ("x-amzn-errortype", "Conflict:http://internal.amazon.com/"),
        ("x-amzn-requestid", "r-9"),
    ];
    let err = response(&model, "Get", 409, &headers, body).expect_err("an error answer");
    // botocore 1.43.x: {"Error": {"Code": "Conflict", "Message": "already there"},
    // "ResponseMetadata": {"RequestId": "r-9", "HTTPStatusCode": 409}, "Reason": "dup"}.
    let ResponseError::Service {
        error: DynamicError::Modeled { value, .. },
        meta,
    } = &err
    else {
        panic!("expected the modeled error, got {err:?}");
    };
    assert_eq!(value.get("Reason"), Some(&string("dup")));
    assert_eq!(
        (meta.status, meta.code.as_str(), meta.message.as_deref()),
        (409, "Conflict", Some("already there"))
    );
    assert_eq!(
        (err.status(), err.code(), err.message(), err.request_id()),
        (409, Some("Conflict"), Some("already there"), Some("r-9"))
    );
}

/// A JSON client error without a body has no message: botocore 1.43.x gives `404` and `""`
/// (the reason phrase only for server errors and bodiless XML errors).
#[test]
fn bodiless_json_client_error_has_no_message() {
    let model = json_model();
    let error = unknown(response(&model, "Get", 404, &[], b""));
    assert_eq!((error.code(), error.message()), ("404", None));
}

/// A `code` beside `__type` is a data member of the error (Firehose's
/// InvalidKMSResourceException): botocore 1.43.x codes it by `__type`.
#[test]
fn json_error_type_wins_over_a_code_member() {
    let model = model(
        "json",
        r#", "jsonVersion": "1.1", "targetPrefix": "X""#,
        r#""Put": {"name": "Put", "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "PutRequest"}, "errors": [{"shape": "InvalidKms"}]}"#,
        r#""PutRequest": {"type": "structure", "members": {}},
           "InvalidKms": {"type": "structure", "exception": true,
              "members": {"code": {"shape": "S"}, "message": {"shape": "S"}}}"#,
    );
    let body = br#"{"__type": "InvalidKms", "code": "KMS.AccessDenied", "message": "no"}"#;
    let err = response(&model, "Put", 400, &[], body).expect_err("an error answer");
    let ResponseError::Service {
        error: DynamicError::Modeled { value, .. },
        meta,
    } = &err
    else {
        panic!("expected the modeled error, got {err:?}");
    };
    assert_eq!(meta.code, "InvalidKms");
    assert_eq!(value.get("code"), Some(&string("KMS.AccessDenied")));
}

/// importexport's `requestUri` is `/?Operation=CancelJob`: botocore 1.43.x posts the form to
/// `/`, the action in the form.
#[test]
fn query_requests_go_to_the_root_path() {
    let model = model(
        "query",
        "",
        r#""CancelJob": {"name": "CancelJob",
            "http": {"method": "POST", "requestUri": "/?Operation=CancelJob"},
            "input": {"shape": "CancelJobInput"}}"#,
        r#""CancelJobInput": {"type": "structure", "members": {"JobId": {"shape": "S"}}}"#,
    );
    let request = request(
        &model,
        "CancelJob",
        &structure(vec![("JobId", string("j"))]),
    );
    assert_eq!(
        request
            .uri()
            .path_and_query()
            .map(http::uri::PathAndQuery::as_str),
        Some("/")
    );
    assert_eq!(
        body(&request),
        "Action=CancelJob&Version=2020-01-01&JobId=j"
    );
}

/// CloudFront GetRealtimeLogConfig with no body member set: botocore 1.43.x sends no body,
/// not an empty root element with the input's namespace.
#[test]
fn rest_xml_input_without_body_members_set_sends_no_body() {
    let model = model(
        "rest-xml",
        "",
        r#""GetConfig": {"name": "GetConfig", "http": {"method": "POST", "requestUri": "/config"},
            "input": {"shape": "GetConfigRequest", "locationName": "GetConfigRequest",
                      "xmlNamespace": {"uri": "http://cloudfront.amazonaws.com/doc/2020-05-31/"}}}"#,
        r#""GetConfigRequest": {"type": "structure", "members": {"Name": {"shape": "S"}}}"#,
    );
    let request = request(&model, "GetConfig", &structure(vec![]));
    assert_eq!(body(&request), "");
    assert!(request.headers().get("content-type").is_none());
}

// botocore's grammar beyond the Smithy suites, as its older hand-written protocol tests
// (botocore 1.31, `tests/heldout.sh`) use it; the expected forms are those tests'.

/// `character` is a string to botocore.
#[test]
fn character_shapes_are_strings() {
    let model = model(
        "json",
        r#", "jsonVersion": "1.1", "targetPrefix": "X""#,
        r#""Get": {"name": "Get", "output": {"shape": "Out"}}"#,
        r#""Out": {"type": "structure", "members": {"Char": {"shape": "C"}}},
           "C": {"type": "character"}"#,
    );
    let value = response(&model, "Get", 200, &[], br#"{"Char": "a"}"#).expect("an output");
    assert_eq!(value, structure(vec![("Char", string("a"))]));
}

/// A `location` declared on the target shape binds the members that target it: named by
/// the member's `locationName`, else by the member's name; a `headers` map shape with its
/// prefix as `locationName` likewise.
#[test]
fn bindings_declared_on_the_target_shape() {
    let model = model(
        "rest-json",
        "",
        r#""Put": {"name": "Put", "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "In"}, "output": {"shape": "In"}}"#,
        r#""In": {"type": "structure", "members": {
              "ImaHeader": {"shape": "H"}, "Renamed": {"shape": "H", "locationName": "x-renamed"},
              "Meta": {"shape": "M"}}},
           "H": {"type": "string", "location": "header"},
           "M": {"type": "map", "location": "headers", "locationName": "x-foo-",
                 "key": {"shape": "S"}, "value": {"shape": "S"}}"#,
    );
    let meta = Value::Map(vec![("a".to_owned(), string("b"))]);
    let input = structure(vec![
        ("ImaHeader", string("one")),
        ("Renamed", string("two")),
        ("Meta", meta.clone()),
    ]);
    let request = request(&model, "Put", &input);
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok());
    assert_eq!(
        (header("ImaHeader"), header("x-renamed"), header("x-foo-a")),
        (Some("one"), Some("two"), Some("b"))
    );
    assert_eq!(body(&request), "", "every member is bound to the head");
    let headers = [("ImaHeader", "one"), ("x-renamed", "two"), ("x-foo-a", "b")];
    let value = response(&model, "Put", 200, &headers, b"{}").expect("an output");
    assert_eq!(value, input);
}

/// A `payload` on the operation's `input` reference (where botocore's older tests declare
/// it) makes that member the body.
#[test]
fn payload_declared_on_the_operation_reference() {
    let model = model(
        "rest-json",
        "",
        r#""Put": {"name": "Put", "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "In", "payload": "foo"}}"#,
        r#""In": {"type": "structure", "members": {"foo": {"shape": "Foo"}}},
           "Foo": {"type": "structure", "members": {"baz": {"shape": "S"}}}"#,
    );
    let input = structure(vec![("foo", structure(vec![("baz", string("bar"))]))]);
    assert_eq!(body(&request(&model, "Put", &input)), r#"{"baz":"bar"}"#);
}

/// An awsQuery output without a declared `resultWrapper`, answered without one: botocore
/// reads the members from the root element.
#[test]
fn query_output_without_its_wrapper() {
    let model = model(
        "query",
        "",
        r#""Get": {"name": "Get", "http": {"method": "POST", "requestUri": "/"},
            "output": {"shape": "Out"}}"#,
        r#""Out": {"type": "structure", "members": {"Str": {"shape": "S"}}}"#,
    );
    let body = b"<GetResponse><Str>myname</Str><RequestId>r</RequestId></GetResponse>";
    let value = response(&model, "Get", 200, &[], body).expect("an output");
    assert_eq!(value, structure(vec![("Str", string("myname"))]));
    let wrapped = b"<GetResponse><GetResult><Str>wrapped</Str></GetResult></GetResponse>";
    let value = response(&model, "Get", 200, &[], wrapped).expect("an output");
    assert_eq!(value, structure(vec![("Str", string("wrapped"))]));
}

/// An operation without an output reads nothing of a success body, whatever it holds.
#[test]
fn operation_without_output_ignores_the_body() {
    let model = model(
        "rest-json",
        "",
        r#""Ping": {"name": "Ping", "http": {"method": "GET", "requestUri": "/"}}"#,
        r#""Unused": {"type": "structure", "members": {}}"#,
    );
    let value = response(&model, "Ping", 200, &[], b"OK").expect("an output");
    assert_eq!(value, structure(vec![]));
}

/// An error code naming an error structure of the service that the operation does not list
/// is read as that structure, as botocore reads it: modeled in the dynamic mode, and kept
/// with its members by `Unknown` in the typed mode (the operation's enum has no variant).
#[test]
fn service_errors_the_operation_does_not_list() {
    #[derive(awso_core::AwsShape, Debug)]
    #[awso(error(fault = "client"))]
    struct Listed {}
    #[derive(awso_core::AwsShape, Debug)]
    #[awso(error(fault = "client"))]
    struct Other {
        #[awso(rename = "BodyMember")]
        body_member: Option<String>,
    }
    #[derive(awso_core::AwsError, Debug)]
    enum GetError {
        Listed(Listed),
        Unknown(awso_core::UnknownError),
    }
    static SERVICE_ERRORS: [&awso_core::Schema; 2] = [
        <Listed as awso_core::AwsShape>::SCHEMA,
        <Other as awso_core::AwsShape>::SCHEMA,
    ];
    let model = model(
        "json",
        r#", "jsonVersion": "1.1", "targetPrefix": "X""#,
        r#""Get": {"name": "Get", "errors": [{"shape": "Listed"}]}"#,
        r#""Listed": {"type": "structure", "exception": true, "members": {}},
           "Other": {"type": "structure", "exception": true, "members": {"BodyMember": {"shape": "S"}}}"#,
    );
    let body = br#"{"__type": "Other", "BodyMember": "mybody", "Message": "mymessage"}"#;
    let error = response(&model, "Get", 400, &[], body).expect_err("an error");
    let Some(DynamicError::Modeled {
        code,
        schema,
        value,
    }) = error.service_error()
    else {
        panic!("expected a modeled error, got {error:?}");
    };
    assert_eq!((code.as_str(), schema.name()), ("Other", "Other"));
    assert_eq!(value, &structure(vec![("BodyMember", string("mybody"))]));

    let service = awso_core::protocol::ServiceSchema::new(Protocol::AwsJson1_1, "1")
        .with_target_prefix("X")
        .with_errors(&SERVICE_ERRORS);
    let get = OperationSchema::new("Get", "POST", "/")
        .with_errors(<GetError as awso_core::AwsError>::ERRORS);
    let answer = http::Response::builder()
        .status(400)
        .body(body.to_vec())
        .expect("a valid response");
    let typed = awso_core::protocol::parse_response::<awso_core::protocol::Unit, GetError, _>(
        &service, &get, &answer,
    );
    let Err(ResponseError::Service {
        error: GetError::Unknown(unknown),
        ..
    }) = typed
    else {
        panic!("expected Unknown, got {typed:?}");
    };
    let (schema, members) = unknown.modeled().expect("the members are kept");
    assert_eq!(schema.name(), "Other");
    assert_eq!(members, &structure(vec![("BodyMember", string("mybody"))]));
    assert_eq!(unknown.message(), Some("mymessage"));
}

/// botocore's spellings in params and results: a union's unknown member as
/// `SDK_UNKNOWN_MEMBER` (awso keeps its name, with a null value), and a `jsonvalue` string
/// as the JSON it holds (awso holds the text, sent as base64 in a header).
#[test]
fn botocore_spellings_of_unknown_union_members_and_json_values() {
    use awso_core::params::{Blobs, to_value_with};
    use awso_core::schema::Member;
    let model = model(
        "rest-json",
        "",
        r#""Put": {"name": "Put", "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "In"}, "output": {"shape": "Out"}}"#,
        r#""In": {"type": "structure", "members": {
              "Attr": {"shape": "S", "jsonvalue": true, "location": "header", "locationName": "X-Amz-Foo"}}},
           "Out": {"type": "structure", "members": {"U": {"shape": "U"}}},
           "U": {"type": "structure", "union": true, "members": {"S": {"shape": "S"}}}"#,
    );
    let data = |json: &str| awso_core::json::from_str::<awso_core::Document>(json).expect("JSON");
    let root = |name: &str| Member::root(model.shape(name).expect("the shape"));
    let result = to_value_with(
        &data(r#"{"U": {"SDK_UNKNOWN_MEMBER": {"name": "Later"}}}"#),
        &root("Out"),
        Blobs::Text,
    )
    .expect("botocore's spelling reads");
    assert_eq!(
        result,
        structure(vec![("U", structure(vec![("Later", Value::Null)]))])
    );
    let answer = response(&model, "Put", 200, &[], br#"{"U": {"Later": 1}}"#).expect("an output");
    assert_eq!(answer, result);

    let params = to_value_with(
        &data(r#"{"Attr": {"Foo": "Bar"}}"#),
        &root("In"),
        Blobs::Text,
    )
    .expect("a JSON value reads");
    assert_eq!(
        params,
        structure(vec![("Attr", string(r#"{"Foo":"Bar"}"#))])
    );
    let request = request(&model, "Put", &params);
    // base64 of {"Foo":"Bar"}, as botocore's tests expect.
    assert_eq!(
        request
            .headers()
            .get("X-Amz-Foo")
            .and_then(|v| v.to_str().ok()),
        Some("eyJGb28iOiJCYXIifQ==")
    );
}

/// The automatic `Content-MD5` and `x-amzn-query-mode` headers are on by default and can be
/// turned off (botocore adds the first in a handler after its serializer).
#[test]
fn request_options_turn_off_automatic_headers() {
    let model = model(
        "json",
        r#", "jsonVersion": "1.0", "targetPrefix": "X", "awsQueryCompatible": {}"#,
        r#""Put": {"name": "Put", "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "In"}, "httpChecksumRequired": true}"#,
        r#""In": {"type": "structure", "members": {"A": {"shape": "S"}}}"#,
    );
    let input = structure(vec![("A", string("x"))]);
    let build = |options: &RequestOptions| {
        build_request(
            model.service().expect("a supported protocol"),
            operation(&model, "Put"),
            &input,
            &Endpoint::parse("https://x.example.com").expect("a valid endpoint"),
            options,
        )
        .expect("the request builds")
    };
    let has = |request: &http::Request<Vec<u8>>, name: &str| request.headers().contains_key(name);
    let default = build(&RequestOptions::default());
    assert!(has(&default, "content-md5") && has(&default, "x-amzn-query-mode"));
    let off = build(&RequestOptions {
        content_md5: false,
        query_mode_header: false,
        ..RequestOptions::default()
    });
    assert!(!has(&off, "content-md5") && !has(&off, "x-amzn-query-mode"));
    assert_eq!(off.body(), default.body());
}

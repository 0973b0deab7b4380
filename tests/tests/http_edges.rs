//! The protocol layer at the edges of HTTP, against S3-like operations and hostile
//! responses: labels that could leave their segment, one value per length header, header
//! values outside ASCII, empty bodies and flexible checksums. Each test is named after what
//! broke.

use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
use awso_core::{AwsError, AwsShape, Blob, UnknownError};

fn endpoint() -> Endpoint {
    Endpoint::parse("https://s3.us-east-1.amazonaws.com").unwrap()
}

const S3: &ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "2006-03-01");

#[derive(AwsError, Debug)]
enum NoErrors {
    Unknown(UnknownError),
}

#[derive(AwsShape, Debug, Clone, Default)]
#[awso(rename_all = "PascalCase")]
struct PutObjectInput {
    #[awso(http_label)]
    bucket: String,
    #[awso(http_label(greedy))]
    key: String,
    #[awso(http_header = "Content-Length")]
    content_length: Option<i64>,
    #[awso(http_header = "Content-MD5")]
    content_md5: Option<String>,
    #[awso(http_prefix_headers = "x-amz-meta-")]
    metadata: Option<std::collections::BTreeMap<String, String>>,
    #[awso(http_payload)]
    body: Option<Blob>,
}

#[derive(AwsShape, Debug, Clone, Default)]
#[awso(rename_all = "PascalCase")]
struct PutObjectOutput {
    #[awso(http_header = "ETag")]
    e_tag: Option<String>,
    #[awso(http_prefix_headers = "x-amz-meta-")]
    metadata: Option<std::collections::BTreeMap<String, String>>,
}

struct PutObject;

impl Operation for PutObject {
    type Input = PutObjectInput;
    type Output = PutObjectOutput;
    type Error = NoErrors;
    const SERVICE: &'static ServiceSchema = S3;
    const SCHEMA: &'static OperationSchema =
        &OperationSchema::new("PutObject", "PUT", "/{Bucket}/{Key+}")
            .with_input(PutObjectInput::SCHEMA)
            .with_output(PutObjectOutput::SCHEMA);
}

fn put(bucket: &str, key: &str) -> PutObjectInput {
    PutObjectInput {
        bucket: bucket.into(),
        key: key.into(),
        body: Some(Blob::new(b"12345678".to_vec())),
        ..PutObjectInput::default()
    }
}

fn request_error(input: &PutObjectInput) -> String {
    protocol::request::<PutObject>(input, &endpoint())
        .unwrap_err()
        .to_string()
}

fn header_values(request: &http::Request<Vec<u8>>, name: &str) -> Vec<String> {
    request
        .headers()
        .get_all(name)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

// Item 3: labels cannot escape their segment.

#[test]
fn dot_segment_labels_moved_the_request_to_another_resource() {
    for bucket in ["..", "."] {
        let message = request_error(&put(bucket, "secret.txt"));
        assert!(message.contains("`Bucket`"), "{message}");
        assert!(message.contains("`..`"), "{message}");
    }
    for key in ["../other-bucket/secret.txt", "a/./b", "a/..", ".."] {
        let message = request_error(&put("my-bucket", key));
        assert!(message.contains("`Key`"), "{key}: {message}");
    }
    let message = request_error(&put("", "k"));
    assert!(message.contains("`Bucket` is empty"), "{message}");
    // Dots inside a segment are names like any other.
    let request =
        protocol::request::<PutObject>(&put("my.bucket", "a/..b/.c/d..txt"), &endpoint()).unwrap();
    assert_eq!(request.uri().path(), "/my.bucket/a/..b/.c/d..txt");
}

// Item 2: one length header.

#[test]
fn a_bound_content_length_was_sent_next_to_the_computed_one() {
    let mut input = put("b", "k");
    input.content_length = Some(8);
    let request = protocol::request::<PutObject>(&input, &endpoint()).unwrap();
    assert_eq!(header_values(&request, "content-length"), ["8"]);

    input.content_length = Some(3);
    let message = request_error(&input);
    assert!(message.contains("ContentLength"), "{message}");
    assert!(message.contains('3') && message.contains('8'), "{message}");
}

#[derive(AwsShape, Debug, Clone, Default)]
#[awso(rename_all = "PascalCase")]
struct PutBucketTaggingInput {
    #[awso(http_label)]
    bucket: String,
    #[awso(http_header = "Content-MD5")]
    content_md5: Option<String>,
    #[awso(http_payload)]
    tagging: Option<Blob>,
}

struct PutBucketTagging;

impl Operation for PutBucketTagging {
    type Input = PutBucketTaggingInput;
    type Output = PutObjectOutput;
    type Error = NoErrors;
    const SERVICE: &'static ServiceSchema = S3;
    const SCHEMA: &'static OperationSchema =
        &OperationSchema::new("PutBucketTagging", "PUT", "/{Bucket}?tagging")
            .with_input(PutBucketTaggingInput::SCHEMA)
            .with_checksum_required();
}

#[test]
fn a_bound_content_md5_was_sent_next_to_the_computed_one() {
    let mut input = PutBucketTaggingInput {
        bucket: "b".into(),
        content_md5: None,
        tagging: Some(Blob::new(b"<Tagging/>".to_vec())),
    };
    let request = protocol::request::<PutBucketTagging>(&input, &endpoint()).unwrap();
    let computed = header_values(&request, "content-md5");
    assert_eq!(computed.len(), 1);
    input.content_md5 = Some("caller's own".into());
    let request = protocol::request::<PutBucketTagging>(&input, &endpoint()).unwrap();
    assert_eq!(header_values(&request, "content-md5"), ["caller's own"]);
}

// Item 4: header values.

#[test]
fn non_ascii_request_header_values_were_sent_raw() {
    let mut input = put("b", "k");
    input.metadata = Some([("name".to_owned(), "café".to_owned())].into());
    let message = request_error(&input);
    assert!(message.contains("x-amz-meta-name"), "{message}");
    assert!(message.contains("'é'"), "{message}");
    input.metadata = Some([("name".to_owned(), "line\nbreak".to_owned())].into());
    assert!(request_error(&input).contains("'\\n'"));
    input.metadata = Some([("name".to_owned(), "=?UTF-8?B?Y2Fmw6k=?=".to_owned())].into());
    let request = protocol::request::<PutObject>(&input, &endpoint()).unwrap();
    assert_eq!(
        header_values(&request, "x-amz-meta-name"),
        ["=?UTF-8?B?Y2Fmw6k=?="]
    );
}

fn response_with_header(name: &str, value: &[u8]) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(Vec::new());
    response.headers_mut().insert(
        http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
        http::HeaderValue::from_bytes(value).unwrap(),
    );
    response
}

#[test]
fn non_ascii_response_header_values_were_dropped() {
    let utf8 = response_with_header("x-amz-meta-name", "café".as_bytes());
    let output = protocol::response::<PutObject, _>(&utf8).unwrap();
    assert_eq!(output.metadata.unwrap()["name"], "café");
    // Not UTF-8: each byte is one ISO-8859-1 character.
    let latin1 = response_with_header("etag", b"caf\xe9");
    let output = protocol::response::<PutObject, _>(&latin1).unwrap();
    assert_eq!(output.e_tag.as_deref(), Some("café"));
}

// Item 7: empty bodies.

#[derive(AwsShape, Debug, Clone, Default)]
struct GetObjectOutput {
    #[awso(http_payload)]
    body: Option<Blob>,
}

/// An S3 GetObject-like operation named `$name` whose output is `$output`.
macro_rules! get_object {
    ($name:ident, $output:ident) => {
        struct $name;

        impl Operation for $name {
            type Input = PutObjectInput;
            type Output = $output;
            type Error = NoErrors;
            const SERVICE: &'static ServiceSchema = S3;
            const SCHEMA: &'static OperationSchema =
                &OperationSchema::new("GetObject", "GET", "/{Bucket}/{Key+}")
                    .with_input(PutObjectInput::SCHEMA)
                    .with_output($output::SCHEMA);
        }
    };
}

get_object!(GetObject, GetObjectOutput);

#[test]
fn a_zero_byte_streaming_blob_payload_decoded_as_none() {
    let model = awso_core::dynamic::Model::from_botocore(
        r#"{"metadata": {"protocol": "rest-xml", "apiVersion": "2006-03-01"},
        "operations": {"GetObject": {"name": "GetObject",
          "http": {"method": "GET", "requestUri": "/"}, "output": {"shape": "Output"}}},
        "shapes": {"Output": {"type": "structure", "payload": "Body",
            "members": {"Body": {"shape": "Body"}, "Blob": {"shape": "Plain"}}},
          "Body": {"type": "blob", "streaming": true}, "Plain": {"type": "blob"}}}"#,
    )
    .unwrap();
    let operation = model.operation("GetObject").unwrap();
    let empty = http::Response::new(Vec::new());
    let output =
        protocol::parse_response_dynamic(model.service().unwrap(), operation, &empty).unwrap();
    assert_eq!(
        output.get("Body"),
        Some(&awso_core::Value::Blob(Blob::new(Vec::new())))
    );
    // A payload that is not streamed stays absent, as the protocol tests want.
    let output = protocol::response::<GetObject, _>(&empty).unwrap();
    assert!(output.body.is_none());
}

/// S3's model marks the payload member `"streaming": true`, not the blob shape.
const S3_GET_OBJECT: &str = r#"{"metadata": {"protocol": "rest-xml", "apiVersion": "2006-03-01"},
    "operations": {"GetObject": {"name": "GetObject",
      "http": {"method": "GET", "requestUri": "/"}, "output": {"shape": "GetObjectOutput"}}},
    "shapes": {"GetObjectOutput": {"type": "structure", "payload": "Body",
        "members": {"Body": {"shape": "Body", "streaming": true}}},
      "Body": {"type": "blob"}}}"#;

#[derive(AwsShape, Debug)]
struct StreamedGetObjectOutput {
    #[awso(http_payload, streaming)]
    body: Option<Blob>,
}

get_object!(StreamedGetObject, StreamedGetObjectOutput);

#[test]
fn s3_get_object_of_an_empty_object_read_as_none() {
    let empty = http::Response::new(Vec::new());
    let empty_blob = Blob::new(Vec::new());
    // Derived: the streaming payload of a 0-byte object is an empty blob.
    let output = protocol::response::<StreamedGetObject, _>(&empty).unwrap();
    assert_eq!(output.body, Some(empty_blob.clone()));
    // Dynamic, from S3's own placement of the trait (on the member).
    let model = awso_core::dynamic::Model::from_botocore(S3_GET_OBJECT).unwrap();
    let operation = model.operation("GetObject").unwrap();
    let output =
        protocol::parse_response_dynamic(model.service().unwrap(), operation, &empty).unwrap();
    assert_eq!(
        output.get("Body"),
        Some(&awso_core::Value::Blob(empty_blob))
    );
    // Generated: the member carries the derive's `streaming` key.
    let generated =
        awso_codegen::generate(S3_GET_OBJECT, &awso_codegen::Options::default()).unwrap();
    let code: String = generated.code.split_whitespace().collect();
    assert!(
        code.contains("http_payload,streaming)]"),
        "{}",
        generated.code
    );
}

/// omics marks a blob shape `"requiresLength": true`, for uploads that must say their length.
const OMICS_UPLOAD_PART: &str = r#"{"metadata": {"protocol": "rest-json", "apiVersion": "2022-11-28"},
    "operations": {"UploadReadSetPart": {"name": "UploadReadSetPart",
      "http": {"method": "PUT", "requestUri": "/"}, "input": {"shape": "Input"}}},
    "shapes": {"Input": {"type": "structure", "payload": "Part", "required": ["Part"],
        "members": {"Part": {"shape": "PartBlob"}}},
      "PartBlob": {"type": "blob", "streaming": true, "requiresLength": true}}}"#;

#[test]
fn streaming_requires_length_was_not_recorded() {
    let model = awso_core::dynamic::Model::from_botocore(OMICS_UPLOAD_PART).unwrap();
    let input = model.operation("UploadReadSetPart").unwrap().input();
    let part = input.member_named("Part").unwrap();
    assert!(part.is_streaming() && part.requires_length());
    let generated =
        awso_codegen::generate(OMICS_UPLOAD_PART, &awso_codegen::Options::default()).unwrap();
    let code: String = generated.code.split_whitespace().collect();
    assert!(
        code.contains("http_payload,streaming(requires_length))]"),
        "{}",
        generated.code
    );
}

#[test]
fn an_empty_put_body_went_out_without_content_length() {
    let mut input = put("b", "k");
    input.body = Some(Blob::new(Vec::new()));
    let request = protocol::request::<PutObject>(&input, &endpoint()).unwrap();
    assert_eq!(header_values(&request, "content-length"), ["0"]);
    input.body = None;
    let request = protocol::request::<PutObject>(&input, &endpoint()).unwrap();
    assert_eq!(header_values(&request, "content-length"), ["0"]);
    // A GET without a body says nothing about one.
    let request = protocol::request::<GetObject>(&input, &endpoint()).unwrap();
    assert!(header_values(&request, "content-length").is_empty());
}

// Item 1: flexible checksums.

use awso_core::protocol::{ChecksumAlgorithm, HttpChecksum, verify_response_checksum};

#[derive(AwsShape, Debug, Clone, Default)]
#[awso(rename_all = "PascalCase")]
struct DeleteObjectsInput {
    #[awso(http_label)]
    bucket: String,
    #[awso(http_header = "x-amz-sdk-checksum-algorithm")]
    checksum_algorithm: Option<String>,
    #[awso(http_header = "x-amz-checksum-sha256")]
    checksum_sha256: Option<String>,
    #[awso(http_payload)]
    delete: Option<Blob>,
}

struct DeleteObjects;

impl Operation for DeleteObjects {
    type Input = DeleteObjectsInput;
    type Output = PutObjectOutput;
    type Error = NoErrors;
    const SERVICE: &'static ServiceSchema = S3;
    const SCHEMA: &'static OperationSchema =
        &OperationSchema::new("DeleteObjects", "POST", "/{Bucket}?delete")
            .with_input(DeleteObjectsInput::SCHEMA)
            .with_checksum_required()
            .with_http_checksum(
                HttpChecksum::new()
                    .with_request_required()
                    .with_request_algorithm_member("ChecksumAlgorithm"),
            );
}

fn delete_objects(algorithm: Option<&str>) -> DeleteObjectsInput {
    DeleteObjectsInput {
        bucket: "b".into(),
        checksum_algorithm: algorithm.map(str::to_owned),
        checksum_sha256: None,
        delete: Some(Blob::new(b"hello world".to_vec())),
    }
}

#[test]
fn http_checksum_operations_went_out_without_a_checksum() {
    // The user chose none: CRC32, named in the algorithm header too, and no Content-MD5.
    let request = protocol::request::<DeleteObjects>(&delete_objects(None), &endpoint()).unwrap();
    assert_eq!(
        header_values(&request, "x-amz-checksum-crc32"),
        ["DUoRhQ=="]
    );
    assert_eq!(
        header_values(&request, "x-amz-sdk-checksum-algorithm"),
        ["CRC32"]
    );
    assert!(header_values(&request, "content-md5").is_empty());
    // Each algorithm the user names, by the checksum of another implementation's result.
    let expected = [
        ("crc32c", "yZRlqg=="),
        ("CRC64NVME", "jSnVw/bqjr4="),
        ("SHA1", "Kq5sNclPz7QV2+lfQIuc6R7oRu0="),
        ("SHA256", "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="),
    ];
    for (name, checksum) in expected {
        let algorithm = ChecksumAlgorithm::from_name(name).unwrap();
        let request =
            protocol::request::<DeleteObjects>(&delete_objects(Some(name)), &endpoint()).unwrap();
        assert_eq!(
            header_values(&request, algorithm.header()),
            [checksum],
            "{name}"
        );
        assert_eq!(algorithm.checksum(b"hello world"), checksum);
    }
    let message = protocol::request::<DeleteObjects>(&delete_objects(Some("MD4")), &endpoint())
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("ChecksumAlgorithm") && message.contains("MD4"),
        "{message}"
    );
    // A checksum the caller computed is sent as given, once.
    let mut input = delete_objects(Some("SHA256"));
    input.checksum_sha256 = Some("precomputed".into());
    let request = protocol::request::<DeleteObjects>(&input, &endpoint()).unwrap();
    assert_eq!(
        header_values(&request, "x-amz-checksum-sha256"),
        ["precomputed"]
    );
}

#[test]
fn only_the_old_checksum_flag_still_sends_content_md5() {
    let input = PutBucketTaggingInput {
        bucket: "b".into(),
        content_md5: None,
        tagging: Some(Blob::new(b"hello world".to_vec())),
    };
    let request = protocol::request::<PutBucketTagging>(&input, &endpoint()).unwrap();
    assert_eq!(
        header_values(&request, "content-md5"),
        ["XrY7u+Ae7tCTyyK7j1rNww=="]
    );
    assert!(header_values(&request, "x-amz-checksum-crc32").is_empty());
}

#[derive(AwsShape, Debug, Clone, Default)]
#[awso(rename_all = "PascalCase")]
struct GetObjectInput {
    #[awso(http_label)]
    bucket: String,
    #[awso(http_header = "x-amz-checksum-mode")]
    checksum_mode: Option<String>,
}

const GET_OBJECT: &OperationSchema = &OperationSchema::new("GetObject", "GET", "/{Bucket}")
    .with_input(GetObjectInput::SCHEMA)
    .with_output(GetObjectOutput::SCHEMA)
    .with_http_checksum(
        HttpChecksum::new()
            .with_request_validation_mode_member("ChecksumMode")
            .with_response_algorithms(&[ChecksumAlgorithm::Crc32, ChecksumAlgorithm::Sha256]),
    );

fn checked(mode: Option<&str>, headers: &[(&str, &str)], body: &[u8]) -> Result<(), String> {
    let input = GetObjectInput {
        bucket: "b".into(),
        checksum_mode: mode.map(str::to_owned),
    };
    let request = protocol::build_request(
        S3,
        GET_OBJECT,
        &input,
        &endpoint(),
        &protocol::RequestOptions::default(),
    )
    .unwrap();
    assert!(header_values(&request, "x-amz-checksum-crc32").is_empty());
    let mut response = http::Response::builder();
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    let response = response.body(body.to_vec()).unwrap();
    verify_response_checksum(GET_OBJECT, request.headers(), &response).map_err(|e| e.to_string())
}

#[test]
fn response_checksums_were_never_checked() {
    let crc = [("x-amz-checksum-crc32", "DUoRhQ==")];
    assert_eq!(checked(Some("ENABLED"), &crc, b"hello world"), Ok(()));
    let message = checked(Some("ENABLED"), &crc, b"hello w0rld").unwrap_err();
    assert!(message.contains("x-amz-checksum-crc32"), "{message}");
    assert!(message.contains("DUoRhQ=="), "{message}");
    // Not asked for: not checked; no checksum of the operation's algorithms: nothing to check.
    assert_eq!(checked(None, &crc, b"hello w0rld"), Ok(()));
    let other = [("x-amz-checksum-crc32c", "AAAAAA==")];
    assert_eq!(checked(Some("ENABLED"), &other, b"x"), Ok(()));
    // A checksum of part checksums (multipart) cannot be checked against the body.
    let parts = [("x-amz-checksum-crc32", "AAAAAA==-3")];
    assert_eq!(checked(Some("ENABLED"), &parts, b"x"), Ok(()));
    // SHA256 is checked when it is the one sent.
    let sha = [(
        "x-amz-checksum-sha256",
        "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=",
    )];
    assert_eq!(checked(Some("ENABLED"), &sha, b"hello world"), Ok(()));
    assert!(checked(Some("ENABLED"), &sha, b"hello").is_err());
}

#[test]
fn botocore_http_checksum_trait_was_ignored() {
    let model = awso_core::dynamic::Model::from_botocore(
        r#"{"metadata": {"protocol": "rest-xml", "apiVersion": "2006-03-01"},
        "operations": {"GetObject": {"name": "GetObject",
          "http": {"method": "GET", "requestUri": "/{Bucket}"},
          "httpChecksum": {"requestValidationModeMember": "ChecksumMode",
            "requestAlgorithmMember": "ChecksumAlgorithm", "requestChecksumRequired": true,
            "responseAlgorithms": ["CRC64NVME", "CRC32", "CRC32C", "SHA256", "SHA1"]}}},
        "shapes": {}}"#,
    )
    .unwrap();
    let checksum = model
        .operation("GetObject")
        .unwrap()
        .http_checksum()
        .unwrap();
    assert!(checksum.request_required());
    assert_eq!(
        checksum.request_algorithm_member(),
        Some("ChecksumAlgorithm")
    );
    assert_eq!(
        checksum.request_validation_mode_member(),
        Some("ChecksumMode")
    );
    assert_eq!(checksum.response_algorithms().len(), 5);
    assert_eq!(
        checksum.response_algorithms()[0],
        ChecksumAlgorithm::Crc64Nvme
    );
}

#[test]
fn s3_model_listing_checksums_we_do_not_compute_failed_to_load() {
    // botocore 1.43's S3 GetObject lists SHA512, MD5 and XXHASH* among its response
    // algorithms: the model loads, keeping the algorithms awso can check, in model order.
    let model = awso_core::dynamic::Model::from_botocore(
        r#"{"metadata": {"protocol": "rest-xml", "apiVersion": "2006-03-01"},
        "operations": {"GetObject": {"name": "GetObject",
          "http": {"method": "GET", "requestUri": "/{Bucket}"},
          "httpChecksum": {"requestValidationModeMember": "ChecksumMode",
            "responseAlgorithms": ["CRC64NVME", "SHA512", "MD5", "CRC32", "XXHASH3"]}}},
        "shapes": {}}"#,
    )
    .unwrap();
    let checksum = model
        .operation("GetObject")
        .unwrap()
        .http_checksum()
        .unwrap();
    assert_eq!(
        checksum.response_algorithms(),
        &[ChecksumAlgorithm::Crc64Nvme, ChecksumAlgorithm::Crc32]
    );
}

// Item 6: a label the URI template does not name (the derive cannot see the template).

struct PutObjectWithoutKey;

impl Operation for PutObjectWithoutKey {
    type Input = PutObjectInput;
    type Output = PutObjectOutput;
    type Error = NoErrors;
    const SERVICE: &'static ServiceSchema = S3;
    const SCHEMA: &'static OperationSchema =
        &OperationSchema::new("PutObject", "PUT", "/{Bucket}").with_input(PutObjectInput::SCHEMA);
}

#[test]
fn a_label_the_uri_template_does_not_name_was_dropped() {
    let message = protocol::request::<PutObjectWithoutKey>(&put("b", "k"), &endpoint())
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("`Key`") && message.contains("\"/{Bucket}\""),
        "{message}"
    );
}

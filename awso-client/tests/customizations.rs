//! botocore's per-service customisations that a request needs, through the call path to a
//! server of our own on 127.0.0.1: Glacier's account id and version header, Route 53's id
//! prefixes, S3's bucket-name check and bodiless HEAD errors, API Gateway's `Accept`, and
//! `UNSIGNED-PAYLOAD` signing for `v4-unsigned-body` operations.

#[allow(dead_code)]
mod faults_support;

use awso_client::client::{CallError, Client, Config, ErrorKind, ServiceSpec};
use awso_client::credentials::Credentials;
use awso_client::retry::RetrySettings;
use awso_client::sign::{OperationAuth, ServiceAuth};
use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
use awso_core::{AwsError, AwsShape, UnknownError};
use faults_support::{Fault, FaultServer, Recorder, Seen};

/// A Glacier-like operation: the account id is the path's first label.
#[derive(AwsShape, Debug, Clone)]
struct DescribeVaultInput {
    #[awso(rename = "accountId", http_label)]
    account_id: String,
    #[awso(rename = "vaultName", http_label)]
    vault_name: String,
}

#[derive(AwsShape, Debug)]
struct Empty {}

#[derive(AwsError, Debug)]
enum NoModeledError {
    Unknown(UnknownError),
}

struct DescribeVault;

impl Operation for DescribeVault {
    type Input = DescribeVaultInput;
    type Output = Empty;
    type Error = NoModeledError;
    const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2012-06-01");
    const SCHEMA: &'static OperationSchema =
        &OperationSchema::new("DescribeVault", "GET", "/{accountId}/vaults/{vaultName}")
            .with_input(DescribeVaultInput::SCHEMA)
            .with_output(Empty::SCHEMA)
            .with_errors(NoModeledError::ERRORS);
}

/// Glacier's UploadArchive: the body with its tree hash, which the caller may leave out.
#[derive(AwsShape, Debug, Clone)]
struct UploadArchiveInput {
    #[awso(rename = "vaultName", http_label)]
    vault_name: String,
    #[awso(rename = "accountId", http_label)]
    account_id: String,
    #[awso(rename = "checksum", http_header = "x-amz-sha256-tree-hash")]
    checksum: Option<String>,
    #[awso(http_payload)]
    body: Option<awso_core::Blob>,
}

struct UploadArchive;

impl Operation for UploadArchive {
    type Input = UploadArchiveInput;
    type Output = Empty;
    type Error = NoModeledError;
    const SERVICE: &'static ServiceSchema = DescribeVault::SERVICE;
    const SCHEMA: &'static OperationSchema = &OperationSchema::new(
        "UploadArchive",
        "POST",
        "/{accountId}/vaults/{vaultName}/archives",
    )
    .with_input(UploadArchiveInput::SCHEMA)
    .with_output(Empty::SCHEMA)
    .with_errors(NoModeledError::ERRORS);
}

/// Route 53's GetHostedZone: the id as a label, which other answers give prefixed.
#[derive(AwsShape, Debug, Clone)]
struct GetHostedZoneRequest {
    #[awso(rename = "Id", http_label)]
    id: String,
}

struct GetHostedZone;

impl Operation for GetHostedZone {
    type Input = GetHostedZoneRequest;
    type Output = Empty;
    type Error = NoModeledError;
    const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "2013-04-01");
    const SCHEMA: &'static OperationSchema =
        &OperationSchema::new("GetHostedZone", "GET", "/2013-04-01/hostedzone/{Id}")
            .with_input(GetHostedZoneRequest::SCHEMA)
            .with_output(Empty::SCHEMA)
            .with_errors(NoModeledError::ERRORS);
}

/// S3's HeadObject, with the one modeled error its botocore model lists.
#[derive(AwsShape, Debug, Clone)]
struct HeadObjectRequest {
    #[awso(rename = "Bucket", http_label)]
    bucket: String,
    #[awso(rename = "Key", http_label(greedy))]
    key: String,
}

#[derive(AwsShape, Debug)]
#[awso(error(fault = "client", status = 404))]
struct NoSuchKey {}

#[derive(AwsError, Debug)]
enum HeadObjectError {
    NoSuchKey(NoSuchKey),
    Unknown(UnknownError),
}

struct HeadObject;

impl Operation for HeadObject {
    type Input = HeadObjectRequest;
    type Output = Empty;
    type Error = HeadObjectError;
    const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "2006-03-01");
    const SCHEMA: &'static OperationSchema =
        &OperationSchema::new("HeadObject", "HEAD", "/{Bucket}/{Key+}")
            .with_input(HeadObjectRequest::SCHEMA)
            .with_output(Empty::SCHEMA)
            .with_errors(HeadObjectError::ERRORS);
}

/// S3's CopyObject: metadata as `x-amz-meta-*` headers, an XML result that S3 may replace
/// with an `<Error>` document under a 200.
#[derive(AwsShape, Debug, Clone)]
struct CopyObjectRequest {
    #[awso(rename = "Bucket", http_label)]
    bucket: String,
    #[awso(rename = "Key", http_label(greedy))]
    key: String,
    #[awso(rename = "Metadata", http_prefix_headers = "x-amz-meta-")]
    metadata: Option<std::collections::BTreeMap<String, String>>,
}

#[derive(AwsShape, Debug)]
struct CopyObjectOutput {
    #[awso(rename = "CopyObjectResult", http_payload)]
    result: Option<CopyObjectResult>,
}

#[derive(AwsShape, Debug)]
struct CopyObjectResult {
    #[awso(rename = "ETag")]
    etag: Option<String>,
}

struct CopyObject;

impl Operation for CopyObject {
    type Input = CopyObjectRequest;
    type Output = CopyObjectOutput;
    type Error = NoModeledError;
    const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "2006-03-01");
    const SCHEMA: &'static OperationSchema =
        &OperationSchema::new("CopyObject", "PUT", "/{Bucket}/{Key+}")
            .with_input(CopyObjectRequest::SCHEMA)
            .with_output(CopyObjectOutput::SCHEMA)
            .with_errors(NoModeledError::ERRORS);
}

/// SQS over JSON, query-compatible: the modeled error has no code of its own, the answer
/// names the old query code in `x-amzn-query-error`.
#[derive(AwsShape, Debug, Clone)]
struct GetQueueUrlRequest {
    #[awso(rename = "QueueName")]
    queue_name: String,
}

#[derive(AwsShape, Debug)]
#[awso(error(fault = "client", status = 400))]
struct QueueDoesNotExist {
    message: Option<String>,
}

#[derive(AwsError, Debug)]
enum GetQueueUrlError {
    QueueDoesNotExist(QueueDoesNotExist),
    Unknown(UnknownError),
}

struct GetQueueUrl;

impl Operation for GetQueueUrl {
    type Input = GetQueueUrlRequest;
    type Output = Empty;
    type Error = GetQueueUrlError;
    const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
        .with_target_prefix("AmazonSQS")
        .with_query_compatible();
    const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetQueueUrl", "POST", "/")
        .with_input(GetQueueUrlRequest::SCHEMA)
        .with_output(Empty::SCHEMA)
        .with_errors(GetQueueUrlError::ERRORS);
}

fn spec(endpoint_prefix: &'static str, authtype: Option<&'static str>) -> ServiceSpec {
    let service = ServiceAuth {
        endpoint_prefix,
        ..ServiceAuth::default()
    };
    let operation = OperationAuth {
        authtype,
        ..OperationAuth::default()
    };
    ServiceSpec::from_model(&service, &operation)
}

type Outcome<O> = Result<<O as Operation>::Output, CallError<<O as Operation>::Error>>;

/// Calls `O` once against a server answering `reply`; what came back and what it saw.
fn call<O: Operation>(
    spec: &ServiceSpec,
    input: &O::Input,
    reply: Fault,
) -> (Outcome<O>, Vec<Seen>) {
    call_script::<O>(spec, input, vec![reply], RetrySettings::disabled())
}

/// Calls `O` against a server answering connection `n` with `script[n]`, under `retry`
/// (backoff recorded, not waited for).
fn call_script<O: Operation>(
    spec: &ServiceSpec,
    input: &O::Input,
    script: Vec<Fault>,
    retry: RetrySettings,
) -> (Outcome<O>, Vec<Seen>) {
    let server = FaultServer::start(script, 8);
    let config = Config::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKIDEXAMPLE", "secret"))
        .endpoint_url(server.url())
        .retry(retry)
        .sleep(Recorder::default())
        .build();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let outcome = runtime.block_on(Client::new(config).call::<O>(spec, input));
    (outcome, server.seen())
}

/// The request line's path.
fn path(seen: &Seen) -> &str {
    seen.head.split(' ').nth(1).unwrap_or_default()
}

#[test]
fn glacier_fills_the_own_account_and_sends_its_version() {
    let input = DescribeVaultInput {
        account_id: String::new(),
        vault_name: "photos".to_owned(),
    };
    let (outcome, seen) = call::<DescribeVault>(&spec("glacier", None), &input, Fault::ok());
    assert!(outcome.is_ok(), "{outcome:?}");
    assert_eq!(path(&seen[0]), "/-/vaults/photos");
    assert_eq!(seen[0].header("x-amz-glacier-version"), Some("2012-06-01"));
    // An account id the caller gives is kept.
    let input = DescribeVaultInput {
        account_id: "123456789012".to_owned(),
        ..input
    };
    let (_, seen) = call::<DescribeVault>(&spec("glacier", None), &input, Fault::ok());
    assert_eq!(path(&seen[0]), "/123456789012/vaults/photos");
}

#[test]
fn glacier_uploads_carry_their_tree_hash() {
    let mut input = UploadArchiveInput {
        vault_name: "photos".to_owned(),
        account_id: "-".to_owned(),
        checksum: None,
        body: Some(awso_core::Blob::from(b"hello glacier".to_vec())),
    };
    // For one chunk or less, the tree hash is the body's SHA-256.
    // (`hashlib.sha256(b"hello glacier").hexdigest()`).
    let sha256 = "fb847ff5db2a4fa46ba71380f37a8acd8320468f2aced210b3a586c8dc795e36";
    let (outcome, seen) = call::<UploadArchive>(&spec("glacier", None), &input, Fault::ok());
    assert!(outcome.is_ok(), "{outcome:?}");
    assert_eq!(seen[0].header("x-amz-sha256-tree-hash"), Some(sha256));
    assert_eq!(seen[0].header("x-amz-content-sha256"), Some(sha256));
    // A hash the caller gives is sent as given.
    input.checksum = Some("beef".to_owned());
    let (_, seen) = call::<UploadArchive>(&spec("glacier", None), &input, Fault::ok());
    assert_eq!(seen[0].header("x-amz-sha256-tree-hash"), Some("beef"));
}

#[test]
fn other_services_get_no_glacier_treatment() {
    let input = DescribeVaultInput {
        account_id: "acct".to_owned(),
        vault_name: "photos".to_owned(),
    };
    let (_, seen) = call::<DescribeVault>(&spec("things", None), &input, Fault::ok());
    assert_eq!(seen[0].header("x-amz-glacier-version"), None);
    assert_eq!(seen[0].header("accept"), None);
}

#[test]
fn route53_ids_are_sent_bare() {
    let ok = Fault::status(200, "<GetHostedZoneResponse/>");
    for id in [
        "/hostedzone/Z1D633PJN98FT9",
        "hostedzone/Z1D633PJN98FT9",
        "Z1D633PJN98FT9",
    ] {
        let input = GetHostedZoneRequest { id: id.to_owned() };
        let (outcome, seen) = call::<GetHostedZone>(&spec("route53", None), &input, ok.clone());
        assert!(outcome.is_ok(), "{id}: {outcome:?}");
        assert_eq!(
            path(&seen[0]),
            "/2013-04-01/hostedzone/Z1D633PJN98FT9",
            "{id}"
        );
    }
}

#[test]
fn s3_bucket_names_are_checked_before_anything_is_sent() {
    for bucket in ["a/b", "", "with space", "q?x=1"] {
        let input = HeadObjectRequest {
            bucket: bucket.to_owned(),
            key: "k".to_owned(),
        };
        let (outcome, seen) = call::<HeadObject>(&spec("s3", None), &input, Fault::ok());
        let error = outcome.unwrap_err();
        assert!(
            matches!(error.kind(), ErrorKind::Construction(_)),
            "{bucket}: {error:?}"
        );
        let text = error.to_string();
        assert!(
            text.contains("bucket name") && text.contains("Bucket"),
            "{text}"
        );
        assert!(seen.is_empty(), "{bucket}: nothing is sent");
    }
}

#[test]
fn s3_head_404_without_a_body_is_the_modeled_error() {
    let input = HeadObjectRequest {
        bucket: "my-bucket".to_owned(),
        key: "missing key".to_owned(),
    };
    let reply = Fault::status(404, "").with_header("x-amz-request-id", "R1");
    let (outcome, seen) = call::<HeadObject>(&spec("s3", None), &input, reply);
    assert_eq!(seen[0].head.split(' ').next(), Some("HEAD"));
    let error = outcome.unwrap_err();
    assert!(
        matches!(error.service_error(), Some(HeadObjectError::NoSuchKey(_))),
        "{error:?}"
    );
    // The code stays what botocore reports for a bodiless answer: the status.
    assert_eq!(
        (error.code(), error.status(), error.request_id()),
        (Some("404"), Some(404), Some("R1"))
    );
    // A status no modeled error has stays unknown.
    let (outcome, _) = call::<HeadObject>(&spec("s3", None), &input, Fault::status(403, ""));
    let error = outcome.unwrap_err();
    assert!(
        matches!(error.service_error(), Some(HeadObjectError::Unknown(_))),
        "{error:?}"
    );
    assert_eq!(error.code(), Some("403"));
}

#[test]
fn apigateway_asks_for_json() {
    let input = DescribeVaultInput {
        account_id: "a".to_owned(),
        vault_name: "b".to_owned(),
    };
    let (_, seen) = call::<DescribeVault>(&spec("apigateway", None), &input, Fault::ok());
    assert_eq!(seen[0].header("accept"), Some("application/json"));
}

#[test]
fn unsigned_body_operations_sign_unsigned_payload() {
    let input = HeadObjectRequest {
        bucket: "my-bucket".to_owned(),
        key: "k".to_owned(),
    };
    let (_, unsigned) =
        call::<HeadObject>(&spec("s3", Some("v4-unsigned-body")), &input, Fault::ok());
    assert_eq!(
        unsigned[0].header("x-amz-content-sha256"),
        Some("UNSIGNED-PAYLOAD")
    );
    let (_, signed) = call::<HeadObject>(&spec("s3", Some("v4")), &input, Fault::ok());
    let empty_sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    assert_eq!(signed[0].header("x-amz-content-sha256"), Some(empty_sha256));
    assert_ne!(
        unsigned[0].header("authorization"),
        signed[0].header("authorization")
    );
}

fn copy_input(metadata: &[(&str, &str)]) -> CopyObjectRequest {
    CopyObjectRequest {
        bucket: "my-bucket".to_owned(),
        key: "copy".to_owned(),
        metadata: Some(
            metadata
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        ),
    }
}

#[test]
fn s3_error_documents_under_200_are_errors_and_retried() {
    let error_document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code>\
                          <Message>We encountered an internal error.</Message><RequestId>R2</RequestId></Error>";
    let result = "<CopyObjectResult><ETag>\"e1\"</ETag></CopyObjectResult>";
    let s3 = spec("s3", None);
    let input = copy_input(&[]);
    let (outcome, seen) = call::<CopyObject>(&s3, &input, Fault::status(200, error_document));
    let error = outcome.unwrap_err();
    assert_eq!(
        (error.code(), error.status(), error.request_id()),
        (Some("InternalError"), Some(500), Some("R2"))
    );
    assert_eq!(seen.len(), 1);
    // Retried as the 500 it stands for, and the retry's real result is read.
    let script = vec![
        Fault::status(200, error_document),
        Fault::status(200, result),
    ];
    let (outcome, seen) = call_script::<CopyObject>(&s3, &input, script, RetrySettings::standard());
    let output = outcome.unwrap();
    assert_eq!(
        output.result.and_then(|r| r.etag).as_deref(),
        Some("\"e1\"")
    );
    assert_eq!(seen.len(), 2);
    // Another service's 200 is its output, whatever the body.
    let (outcome, _) = call::<CopyObject>(
        &spec("things", None),
        &input,
        Fault::status(200, error_document),
    );
    assert!(outcome.is_ok(), "{outcome:?}");
}

/// botocore's S3 metadata check (US-ASCII only) is awso-core's rule for every header value.
#[test]
fn s3_metadata_must_be_ascii() {
    let s3 = spec("s3", None);
    let ok = Fault::status(200, "<CopyObjectResult/>");
    let (outcome, seen) = call::<CopyObject>(&s3, &copy_input(&[("colour", "blue")]), ok.clone());
    assert!(outcome.is_ok(), "{outcome:?}");
    assert_eq!(seen[0].header("x-amz-meta-colour"), Some("blue"));
    let (outcome, seen) = call::<CopyObject>(&s3, &copy_input(&[("colour", "bleu clair é")]), ok);
    let error = outcome.unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::Construction(_)),
        "{error:?}"
    );
    let text = error.to_string();
    assert!(
        text.contains("x-amz-meta-colour") && text.contains("ASCII"),
        "{text}"
    );
    assert!(text.contains(r#"Metadata["colour"]"#), "{text}");
    assert!(seen.is_empty());
}

#[test]
fn sqs_query_compatible_errors_report_the_query_code_and_stay_typed() {
    let reply = Fault::Reply {
        status: 400,
        headers: vec![
            ("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender".to_owned()),
            ("x-amzn-requestid", "R3".to_owned()),
        ],
        body: r#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#
            .to_owned(),
    };
    let input = GetQueueUrlRequest {
        queue_name: "missing".to_owned(),
    };
    let (outcome, _) = call::<GetQueueUrl>(&spec("sqs", None), &input, reply);
    let error = outcome.unwrap_err();
    assert!(
        matches!(
            error.service_error(),
            Some(GetQueueUrlError::QueueDoesNotExist(_))
        ),
        "{error:?}"
    );
    // The code botocore reports (its error_code_override), on the call's error and its meta.
    assert_eq!(
        error.code(),
        Some("AWS.SimpleQueueService.NonExistentQueue")
    );
    assert_eq!(error.message(), Some("The specified queue does not exist."));
    assert_eq!(error.request_id(), Some("R3"));
}

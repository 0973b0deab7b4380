//! The call resolves its endpoint with every parameter and signs as the endpoint says: S3's
//! own rule set (read from the installed botocore at run time) through `Client::call`, with
//! a transport that records each request instead of sending it (nothing leaves the process),
//! and once against a server of our own on 127.0.0.1 through the endpoint override.

mod recording;
mod s3_rules;

use std::io::{Read, Write};
use std::time::Duration;

use awso_client::client::{Client, Config, EndpointSettings, ErrorKind, ServiceSpec};
use awso_client::credentials::Credentials;
use awso_client::endpoint::ResolveError;
use awso_client::endpoint::binding::{OperationEndpoint, StaticValue};
use recording::{FixedClock, Recorder};

mod s3 {
    use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    use awso_core::{AwsError, AwsShape, UnknownError};

    const SERVICE: &ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "2006-03-01");

    #[derive(AwsShape, Debug, Clone)]
    #[awso(rename_all = "PascalCase")]
    pub(crate) struct GetObjectRequest {
        #[awso(http_label)]
        pub(crate) bucket: String,
        #[awso(http_label(greedy))]
        pub(crate) key: String,
    }

    #[derive(AwsShape, Debug, Clone)]
    #[awso(rename_all = "PascalCase")]
    pub(crate) struct CreateBucketRequest {
        #[awso(http_label)]
        pub(crate) bucket: String,
    }

    #[derive(AwsShape, Debug)]
    #[awso(rename_all = "PascalCase")]
    pub(crate) struct Answer {
        #[awso(http_header = "ETag")]
        pub(crate) e_tag: Option<String>,
    }

    #[derive(AwsError, Debug)]
    pub(crate) enum S3Error {
        Unknown(UnknownError),
    }

    pub(crate) struct GetObject;

    impl Operation for GetObject {
        type Input = GetObjectRequest;
        type Output = Answer;
        type Error = S3Error;
        const SERVICE: &'static ServiceSchema = SERVICE;
        const SCHEMA: &'static OperationSchema =
            &OperationSchema::new("GetObject", "GET", "/{Bucket}/{Key+}?x-id=GetObject")
                .with_input(GetObjectRequest::SCHEMA)
                .with_output(Answer::SCHEMA)
                .with_errors(S3Error::ERRORS);
    }

    pub(crate) struct CreateBucket;

    /// GetBucketLocation: the bucket as its only member.
    pub(crate) struct GetBucketLocation;

    impl Operation for GetBucketLocation {
        type Input = CreateBucketRequest;
        type Output = Answer;
        type Error = S3Error;
        const SERVICE: &'static ServiceSchema = SERVICE;
        const SCHEMA: &'static OperationSchema =
            &OperationSchema::new("GetBucketLocation", "GET", "/{Bucket}?location")
                .with_input(CreateBucketRequest::SCHEMA)
                .with_output(Answer::SCHEMA)
                .with_errors(S3Error::ERRORS);
    }

    impl Operation for CreateBucket {
        type Input = CreateBucketRequest;
        type Output = Answer;
        type Error = S3Error;
        const SERVICE: &'static ServiceSchema = SERVICE;
        const SCHEMA: &'static OperationSchema =
            &OperationSchema::new("CreateBucket", "PUT", "/{Bucket}")
                .with_input(CreateBucketRequest::SCHEMA)
                .with_output(Answer::SCHEMA)
                .with_errors(S3Error::ERRORS);
    }
}

use s3::{CreateBucket, CreateBucketRequest, GetBucketLocation, GetObject, GetObjectRequest};

/// What the generator writes for these S3 operations (sorted by name).
static BINDINGS: [OperationEndpoint; 3] = [
    OperationEndpoint {
        static_params: &[("UseS3ExpressControlEndpoint", StaticValue::Bool(true))],
        members: &[("Bucket", "Bucket")],
        path_prefix_in_endpoint: Some("/{Bucket}"),
        ..OperationEndpoint::new("CreateBucket")
    },
    OperationEndpoint {
        members: &[("Bucket", "Bucket")],
        path_prefix_in_endpoint: Some("/{Bucket}"),
        ..OperationEndpoint::new("GetBucketLocation")
    },
    OperationEndpoint {
        members: &[("Bucket", "Bucket"), ("Key", "Key")],
        path_prefix_in_endpoint: Some("/{Bucket}"),
        ..OperationEndpoint::new("GetObject")
    },
];

/// S3's spec with its rules from the installed botocore, or `None` (skipped) outside CI.
fn s3_spec() -> Option<&'static ServiceSpec> {
    let rules = s3_rules::s3_rule_set()?;
    let spec = ServiceSpec::new("s3", recording::s3_sigv4())
        .with_rules(rules)
        .with_bindings(&BINDINGS);
    Some(Box::leak(Box::new(spec)))
}

/// Keeps each request and answers `200` with an empty body.
fn config(settings: EndpointSettings) -> awso_client::client::ConfigBuilder {
    Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKIDEXAMPLE", "secret"))
        .clock(FixedClock)
        .endpoint_settings(settings)
}

/// The one request a call of `GetObject` on `bucket` sends: its URI and `Authorization`.
async fn get_object(
    spec: &ServiceSpec,
    settings: EndpointSettings,
    bucket: &str,
) -> Result<(String, http::HeaderMap), ErrorKind<s3::S3Error>> {
    let recorder = Recorder::default();
    let client = Client::new(config(settings).http_client(recorder.clone()).build());
    let input = GetObjectRequest {
        bucket: bucket.to_owned(),
        key: "photos/a b+c.jpg".to_owned(),
    };
    client
        .call::<GetObject>(spec, &input)
        .await
        .map_err(awso_client::client::CallError::into_kind)?;
    let sent = recorder.0.lock().unwrap();
    assert_eq!(sent.len(), 1, "one attempt");
    Ok((sent[0].uri().to_string(), sent[0].headers().clone()))
}

fn scope(headers: &http::HeaderMap) -> String {
    let auth = headers["authorization"].to_str().unwrap();
    let credential = auth.split("Credential=").nth(1).unwrap();
    let credential = credential.split(',').next().unwrap();
    credential.split_once('/').unwrap().1.to_owned()
}

const KEY_PATH: &str = "/photos/a%20b%2Bc.jpg?x-id=GetObject";

#[tokio::test]
async fn virtual_hosted_style_moves_the_bucket_to_the_host() {
    let Some(spec) = s3_spec() else { return };
    let (uri, headers) = get_object(spec, EndpointSettings::default(), "my-bucket")
        .await
        .unwrap();
    assert_eq!(
        uri,
        format!("https://my-bucket.s3.us-west-2.amazonaws.com{KEY_PATH}")
    );
    assert_eq!(scope(&headers), "20150830/us-west-2/s3/aws4_request");
    assert!(headers.contains_key("x-amz-content-sha256"), "S3's signing");
}

#[tokio::test]
async fn path_style_keeps_the_bucket_in_the_path() {
    let Some(spec) = s3_spec() else { return };
    for settings in [
        EndpointSettings::default().param("ForcePathStyle", true),
        EndpointSettings::default().param("AWS::S3::ForcePathStyle", true),
    ] {
        let (uri, _) = get_object(spec, settings, "my-bucket").await.unwrap();
        assert_eq!(
            uri,
            format!("https://s3.us-west-2.amazonaws.com/my-bucket{KEY_PATH}")
        );
    }
}

/// botocore's customisation: GetBucketLocation always goes path style, so a bucket in another
/// region than the client's still answers (a virtual host there refuses the signature).
#[tokio::test]
async fn get_bucket_location_goes_path_style() {
    let Some(spec) = s3_spec() else { return };
    let recorder = Recorder::default();
    let client = Client::new(
        config(EndpointSettings::default())
            .http_client(recorder.clone())
            .build(),
    );
    let input = CreateBucketRequest {
        bucket: "my-bucket".to_owned(),
    };
    client
        .call::<GetBucketLocation>(spec, &input)
        .await
        .unwrap();
    let sent = recorder.0.lock().unwrap();
    assert_eq!(
        sent[0].uri().to_string(),
        "https://s3.us-west-2.amazonaws.com/my-bucket?location"
    );
}

#[tokio::test]
async fn a_bucket_with_dots_goes_path_style_over_https() {
    let Some(spec) = s3_spec() else { return };
    let (uri, _) = get_object(spec, EndpointSettings::default(), "my.dotted.bucket")
        .await
        .unwrap();
    assert_eq!(
        uri,
        format!("https://s3.us-west-2.amazonaws.com/my.dotted.bucket{KEY_PATH}")
    );
}

#[tokio::test]
async fn fips_and_dual_stack_come_from_the_settings() {
    let Some(spec) = s3_spec() else { return };
    let fips = EndpointSettings::default().use_fips(true);
    let (uri, _) = get_object(spec, fips, "my-bucket").await.unwrap();
    assert_eq!(
        uri,
        format!("https://my-bucket.s3-fips.us-west-2.amazonaws.com{KEY_PATH}")
    );
    let dual = EndpointSettings::default().use_dual_stack(true);
    let (uri, _) = get_object(spec, dual, "my-bucket").await.unwrap();
    assert_eq!(
        uri,
        format!("https://my-bucket.s3.dualstack.us-west-2.amazonaws.com{KEY_PATH}")
    );
}

#[tokio::test]
async fn an_access_point_arn_signs_for_its_own_region() {
    let Some(spec) = s3_spec() else { return };
    let arn = "arn:aws:s3:us-east-1:123456789012:accesspoint/reports";
    let settings = EndpointSettings::default().param("UseArnRegion", true);
    let (uri, headers) = get_object(spec, settings, arn).await.unwrap();
    assert_eq!(
        uri,
        format!("https://reports-123456789012.s3-accesspoint.us-east-1.amazonaws.com{KEY_PATH}")
    );
    assert_eq!(scope(&headers), "20150830/us-east-1/s3/aws4_request");
}

#[tokio::test]
async fn an_outposts_arn_signs_with_the_endpoints_signing_name() {
    let Some(spec) = s3_spec() else { return };
    let arn = "arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-01234567890123456/accesspoint/reports";
    let (uri, headers) = get_object(spec, EndpointSettings::default(), arn)
        .await
        .unwrap();
    assert!(
        uri.starts_with("https://reports-123456789012.op-01234567890123456."),
        "{uri}"
    );
    assert!(uri.ends_with(KEY_PATH), "{uri}");
    // The rules offer SigV4a over every region first (this test build has it), then SigV4.
    assert_eq!(scope(&headers), "20150830/s3-outposts/aws4_request");
    assert_eq!(headers["x-amz-region-set"], "*");
}

#[tokio::test]
async fn a_multi_region_access_point_signs_with_sigv4a() {
    let Some(spec) = s3_spec() else { return };
    let arn = "arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap";
    let (uri, headers) = get_object(spec, EndpointSettings::default(), arn)
        .await
        .unwrap();
    assert_eq!(
        uri,
        format!("https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com{KEY_PATH}")
    );
    assert_eq!(headers["x-amz-region-set"], "*");
    let auth = headers["authorization"].to_str().unwrap();
    assert!(auth.starts_with("AWS4-ECDSA-P256-SHA256 "), "{auth}");
}

#[tokio::test]
async fn a_rule_error_is_the_endpoint_kind_with_the_rules_message() {
    let Some(spec) = s3_spec() else { return };
    // S3's rules refuse a custom endpoint together with FIPS.
    let recorder = Recorder::default();
    let client = Client::new(
        config(EndpointSettings::default().use_fips(true))
            .endpoint_url("https://example.com")
            .http_client(recorder.clone())
            .build(),
    );
    let input = GetObjectRequest {
        bucket: "my-bucket".into(),
        key: "k".into(),
    };
    let error = client.call::<GetObject>(spec, &input).await.unwrap_err();
    assert_eq!(error.attempts(), 0);
    let ErrorKind::Endpoint(source) = error.kind() else {
        panic!("{error}")
    };
    let resolve = source
        .downcast_ref::<ResolveError>()
        .expect("a resolution error");
    assert!(resolve.is_rule_error(), "{resolve}");
    assert!(error.to_string().contains(resolve.message()), "{error}");
    assert!(recorder.0.lock().unwrap().is_empty(), "nothing sent");
}

#[tokio::test]
async fn a_bucket_only_path_keeps_its_slash() {
    let Some(spec) = s3_spec() else { return };
    let recorder = Recorder::default();
    let client = Client::new(
        config(EndpointSettings::default())
            .http_client(recorder.clone())
            .build(),
    );
    let input = CreateBucketRequest {
        bucket: "my-bucket".into(),
    };
    client.call::<CreateBucket>(spec, &input).await.unwrap();
    let path_style = Client::new(
        config(EndpointSettings::default().param("ForcePathStyle", true))
            .http_client(recorder.clone())
            .build(),
    );
    path_style.call::<CreateBucket>(spec, &input).await.unwrap();
    let sent = recorder.0.lock().unwrap();
    let uris: Vec<String> = sent.iter().map(|r| r.uri().to_string()).collect();
    assert_eq!(
        uris,
        [
            "https://my-bucket.s3.us-west-2.amazonaws.com/",
            "https://s3.us-west-2.amazonaws.com/my-bucket"
        ]
    );
}

/// Answers one request on 127.0.0.1 with `200` and returns its request line.
fn one_shot_server() -> (String, std::thread::JoinHandle<String>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut head = Vec::new();
        let mut byte = [0_u8; 1];
        // Bounded: the head of a GET without a body ends at the blank line.
        while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
            if stream.read(&mut byte).unwrap_or(0) == 0 {
                break;
            }
            head.push(byte[0]);
        }
        let _ =
            stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
        let head = String::from_utf8_lossy(&head).into_owned();
        head.lines().next().unwrap_or_default().to_owned()
    });
    (url, handle)
}

#[tokio::test]
async fn the_endpoint_override_goes_through_the_rules_to_a_local_server() {
    let Some(spec) = s3_spec() else { return };
    let (url, server) = one_shot_server();
    let client = Client::new(
        config(EndpointSettings::default())
            .endpoint_url(&url)
            .build(),
    );
    let input = GetObjectRequest {
        bucket: "my-bucket".into(),
        key: "a b".into(),
    };
    client.call::<GetObject>(spec, &input).await.unwrap();
    // An IP address cannot carry the bucket as a host name: the rules put it in the path.
    assert_eq!(
        server.join().unwrap(),
        "GET /my-bucket/a%20b?x-id=GetObject HTTP/1.1"
    );
}

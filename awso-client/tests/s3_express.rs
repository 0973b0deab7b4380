//! S3 Express One Zone through the call path: S3's own rule set (read from the installed
//! botocore; skipped outside CI without it) resolves a directory bucket to `sigv4-s3express`,
//! and a server of our own on 127.0.0.1 plays the bucket, answering `CreateSession` with
//! session credentials and every other request with `200`.

// The temporary directories of the helpers are for other tests.
#[allow(dead_code)]
mod support;

mod resign;
mod s3_rules;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awso_client::client::{Client, Config, EndpointSettings, ServiceSpec};
use awso_client::credentials::{Clock, Credentials};
use awso_client::endpoint::binding::OperationEndpoint;
use awso_client::retry::RetrySettings;
use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth, SigningParams, SigningSettings};
use awso_core::Timestamp;
use support::{Reply, Seen, TestServer, ok};

mod s3 {
    use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    use awso_core::{AwsError, AwsShape, UnknownError};

    #[derive(AwsShape, Debug, Clone)]
    #[awso(rename_all = "PascalCase")]
    pub(crate) struct GetObjectRequest {
        #[awso(http_label)]
        pub(crate) bucket: String,
        #[awso(http_label(greedy))]
        pub(crate) key: String,
    }

    #[derive(AwsShape, Debug)]
    #[awso(rename_all = "PascalCase")]
    pub(crate) struct GetObjectOutput {
        #[awso(http_header = "ETag")]
        pub(crate) e_tag: Option<String>,
    }

    #[derive(AwsError, Debug)]
    pub(crate) enum GetObjectError {
        Unknown(UnknownError),
    }

    pub(crate) struct GetObject;

    impl Operation for GetObject {
        type Input = GetObjectRequest;
        type Output = GetObjectOutput;
        type Error = GetObjectError;
        const SERVICE: &'static ServiceSchema =
            &ServiceSchema::new(Protocol::RestXml, "2006-03-01");
        const SCHEMA: &'static OperationSchema =
            &OperationSchema::new("GetObject", "GET", "/{Bucket}/{Key+}?x-id=GetObject")
                .with_input(GetObjectRequest::SCHEMA)
                .with_output(GetObjectOutput::SCHEMA)
                .with_errors(GetObjectError::ERRORS);
    }
}

use s3::{GetObject, GetObjectRequest};

const BUCKET: &str = "mybucket--usw2-az1--x-s3";
const REGION: &str = "us-west-2";
/// How long the test bucket's sessions last, as S3's do.
const SESSION_LIFETIME: Duration = Duration::from_secs(300);

static BINDINGS: [OperationEndpoint; 1] = [OperationEndpoint {
    members: &[("Bucket", "Bucket"), ("Key", "Key")],
    path_prefix_in_endpoint: Some("/{Bucket}"),
    ..OperationEndpoint::new("GetObject")
}];

/// S3's spec with its rules from the installed botocore, or `None` (skipped) outside CI.
fn s3_spec() -> Option<&'static ServiceSpec> {
    let rules = s3_rules::s3_rule_set()?;
    let s3 = ServiceAuth {
        signature_version: Some("s3v4"),
        endpoint_prefix: "s3",
        ..ServiceAuth::default()
    };
    let auth = AuthScheme::select(&s3, &OperationAuth::default()).unwrap();
    let spec = ServiceSpec::new("s3", auth)
        .with_rules(rules)
        .with_bindings(&BINDINGS);
    Some(Box::leak(Box::new(spec)))
}

/// A clock the test moves: seconds since the epoch.
#[derive(Clone)]
struct TestClock(Arc<AtomicU64>);

impl TestClock {
    fn start() -> TestClock {
        TestClock(Arc::new(AtomicU64::new(1_440_938_160)))
    }

    fn advance(&self, by: Duration) {
        self.0.fetch_add(by.as_secs(), Ordering::SeqCst);
    }
}

impl Clock for TestClock {
    fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(self.0.load(Ordering::SeqCst))
    }
}

/// The directory bucket: session `n` (from 1) is `SESSIONKEY{n}` / `session-secret-{n}` /
/// `session-token-{n}`, valid for [`SESSION_LIFETIME`] from the clock's time.
fn bucket(clock: &TestClock) -> TestServer {
    let clock = clock.clone();
    let sessions = AtomicUsize::new(0);
    TestServer::start(move |seen| {
        if !seen.path.ends_with("?session") {
            return ok(String::new());
        }
        let n = sessions.fetch_add(1, Ordering::SeqCst) + 1;
        let expiration = Timestamp::from(clock.now() + SESSION_LIFETIME);
        ok(format!(
            "<CreateSessionResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\
                 <Credentials><SessionToken>session-token-{n}</SessionToken>\
                 <SecretAccessKey>session-secret-{n}</SecretAccessKey>\
                 <AccessKeyId>SESSIONKEY{n}</AccessKeyId>\
                 <Expiration>{expiration}</Expiration></Credentials></CreateSessionResult>"
        ))
    })
}

fn client(server: &TestServer, clock: &TestClock, settings: EndpointSettings) -> Client {
    let caller = Credentials::new("AKIDCALLER", "caller-secret").with_session_token("caller-token");
    Client::new(
        Config::builder()
            .region(REGION)
            .credentials(caller)
            .endpoint_url(server.url())
            .endpoint_settings(settings)
            .clock(clock.clone())
            .retry(RetrySettings::disabled())
            .build(),
    )
}

async fn get_object(client: &Client, spec: &ServiceSpec) {
    let input = GetObjectRequest {
        bucket: BUCKET.to_owned(),
        key: "key".to_owned(),
    };
    client.call::<GetObject>(spec, &input).await.unwrap();
}

/// The `Authorization` of `seen` signed again with `credentials` for `s3express` at `time`.
fn recomputed_authorization(
    seen: &Seen,
    server: &TestServer,
    credentials: &Credentials,
    time: SystemTime,
) -> String {
    let params = SigningParams::new(REGION, "s3express", time).settings(SigningSettings::s3());
    resign::recomputed_authorization(seen, &server.url(), credentials, &params)
}

fn is_create_session(seen: &Seen) -> bool {
    seen.path == format!("/{BUCKET}?session")
}

#[tokio::test]
async fn one_session_signs_two_requests_with_its_token_header() {
    let Some(spec) = s3_spec() else { return };
    let clock = TestClock::start();
    let server = bucket(&clock);
    let client = client(&server, &clock, EndpointSettings::default());
    get_object(&client, spec).await;
    get_object(&client, spec).await;
    let seen = server.seen();
    assert_eq!(seen.len(), 3, "{seen:#?}");

    // CreateSession: plain SigV4 for `s3express` with the caller's own credentials.
    let create = &seen[0];
    assert!(is_create_session(create), "{create:?}");
    assert_eq!(create.method, "GET");
    assert_eq!(create.header("x-amz-security-token"), Some("caller-token"));
    assert_eq!(create.header("x-amz-s3session-token"), None);
    let caller = Credentials::new("AKIDCALLER", "caller-secret").with_session_token("caller-token");
    assert_eq!(
        create.header("authorization").unwrap(),
        recomputed_authorization(create, &server, &caller, clock.now())
    );

    // The data plane: the session's key pair and token, never the caller's.
    let session = Credentials::new("SESSIONKEY1", "session-secret-1");
    for data in &seen[1..] {
        assert_eq!(data.path, format!("/{BUCKET}/key?x-id=GetObject"));
        assert_eq!(
            data.header("x-amz-s3session-token"),
            Some("session-token-1")
        );
        assert_eq!(data.header("x-amz-security-token"), None);
        let authorization = data.header("authorization").unwrap();
        assert!(
            authorization.contains("Credential=SESSIONKEY1/20150830/us-west-2/s3express/"),
            "{authorization}"
        );
        assert!(
            authorization.contains("x-amz-s3session-token"),
            "signed: {authorization}"
        );
        assert_eq!(
            authorization,
            recomputed_authorization(data, &server, &session, clock.now())
        );
    }
}

#[tokio::test]
async fn a_session_about_to_expire_is_replaced() {
    let Some(spec) = s3_spec() else { return };
    let clock = TestClock::start();
    let server = bucket(&clock);
    let client = client(&server, &clock, EndpointSettings::default());
    get_object(&client, spec).await;
    // Still more than a minute left: the session is reused.
    clock.advance(Duration::from_secs(200));
    get_object(&client, spec).await;
    // Within the last minute: a new session signs.
    clock.advance(Duration::from_secs(50));
    get_object(&client, spec).await;
    let seen = server.seen();
    let creates = seen.iter().filter(|s| is_create_session(s)).count();
    assert_eq!(creates, 2, "{seen:#?}");
    let tokens: Vec<_> = seen
        .iter()
        .filter(|s| !is_create_session(s))
        .map(|s| s.header("x-amz-s3session-token").unwrap().to_owned())
        .collect();
    assert_eq!(
        tokens,
        ["session-token-1", "session-token-1", "session-token-2"]
    );
    let last = seen.last().unwrap();
    let session = Credentials::new("SESSIONKEY2", "session-secret-2");
    assert_eq!(
        last.header("authorization").unwrap(),
        recomputed_authorization(last, &server, &session, clock.now())
    );
}

#[tokio::test]
async fn a_create_session_error_is_the_calls_error_and_nothing_else_is_sent() {
    let Some(spec) = s3_spec() else { return };
    let clock = TestClock::start();
    let server = TestServer::start(|_| {
        Reply::Status(
            403,
            "<Error><Code>AccessDenied</Code><Message>no session for you</Message>\
             <RequestId>req-1</RequestId></Error>"
                .to_owned(),
        )
    });
    let client = client(&server, &clock, EndpointSettings::default());
    let input = GetObjectRequest {
        bucket: BUCKET.to_owned(),
        key: "key".to_owned(),
    };
    for _ in 0..2 {
        let error = client.call::<GetObject>(spec, &input).await.unwrap_err();
        assert_eq!(error.code(), Some("AccessDenied"), "{error}");
        assert_eq!(error.status(), Some(403));
        let s3::GetObjectError::Unknown(unknown) = error.service_error().unwrap();
        assert_eq!(unknown.message(), Some("no session for you"));
    }
    // Each call tried CreateSession (a failure is not cached) and sent nothing more.
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert!(seen.iter().all(is_create_session), "{seen:#?}");
}

#[tokio::test]
async fn disabled_session_auth_signs_with_the_callers_credentials() {
    let Some(spec) = s3_spec() else { return };
    let clock = TestClock::start();
    let server = bucket(&clock);
    let settings = EndpointSettings::default().param("DisableS3ExpressSessionAuth", true);
    let client = client(&server, &clock, settings);
    get_object(&client, spec).await;
    let seen = server.seen();
    assert_eq!(seen.len(), 1, "no CreateSession: {seen:#?}");
    let data = &seen[0];
    assert_eq!(data.header("x-amz-s3session-token"), None);
    assert_eq!(data.header("x-amz-security-token"), Some("caller-token"));
    let caller = Credentials::new("AKIDCALLER", "caller-secret").with_session_token("caller-token");
    assert_eq!(
        data.header("authorization").unwrap(),
        recomputed_authorization(data, &server, &caller, clock.now())
    );
}

/// Calls arriving while the session is being created wait for it rather than create their own.
#[tokio::test]
async fn concurrent_requests_share_one_create_session() {
    let Some(spec) = s3_spec() else { return };
    let clock = TestClock::start();
    let server = bucket(&clock);
    let client = client(&server, &clock, EndpointSettings::default());
    tokio::join!(
        get_object(&client, spec),
        get_object(&client, spec),
        get_object(&client, spec),
    );
    let seen = server.seen();
    assert_eq!(seen.len(), 4, "{seen:#?}");
    assert_eq!(seen.iter().filter(|s| is_create_session(s)).count(), 1);
}

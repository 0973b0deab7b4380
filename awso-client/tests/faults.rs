//! Fault injection: the call path against a server of our own on 127.0.0.1 that refuses,
//! resets, truncates, stalls, throttles and skews. Delays are recorded through the client's
//! sleeper, never waited for; every loop is bounded. Prints `faults: N passed, M failed`.

mod faults_streaming;
mod faults_support;

use std::panic::AssertUnwindSafe;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awso_client::client::ResponseChecksumValidation;
use awso_client::client::{
    BlockingClient, CallError, Client, Config, ErrorKind, ServiceSpec, Timeouts,
};
use awso_client::credentials::{Clock, Credentials};
use awso_client::retry::RetrySettings;
use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
use awso_client::transport::HttpErrorKind;
use awso_core::AwsError;
use awso_core::protocol::ChecksumAlgorithm;
use faults_support::operation::{
    CopyThing, CopyThingResult, CreateThing, CreateThingError, CreateThingRequest, GetThing,
    GetThingRequest,
};
use faults_support::{Fault, FaultServer, Recorder, Seen, refused_url};

/// 2015-08-30T12:36:00Z: the client's (fixed) clock.
const NOW: u64 = 1_440_938_160;

struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(NOW)
    }
}

fn spec() -> ServiceSpec {
    let service = ServiceAuth {
        endpoint_prefix: "things",
        ..ServiceAuth::default()
    };
    ServiceSpec::new(
        "things",
        AuthScheme::select(&service, &OperationAuth::default()).unwrap(),
    )
}

fn config(url: &str, sleep: &Recorder) -> awso_client::client::ConfigBuilder {
    Config::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKIDEXAMPLE", "secret"))
        .endpoint_url(url)
        .sleep(sleep.clone())
        .clock(FixedClock)
        .jitter(|| 0.5)
        .timeouts(
            Timeouts::default()
                .with_connect(Duration::from_secs(2))
                .with_attempt(Some(Duration::from_millis(500))),
        )
}

fn input() -> CreateThingRequest {
    CreateThingRequest {
        name: "thing <&> ünïcode".to_owned(),
        client_token: None,
    }
}

type Outcome = Result<faults_support::operation::CreateThingResponse, CallError<CreateThingError>>;

fn run(client: &Client) -> Outcome {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(client.call::<CreateThing>(&spec(), &input()))
}

fn call(script: Vec<Fault>) -> (Outcome, Vec<Seen>, Vec<Duration>, Client) {
    let server = FaultServer::start(script, 16);
    let sleep = Recorder::default();
    let client = Client::new(config(&server.url(), &sleep).build());
    let outcome = run(&client);
    (outcome, server.seen(), sleep.delays(), client)
}

fn secs(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// Every attempt sent the same body (idempotency token included) and signed it anew.
fn assert_resent_unchanged(seen: &[Seen]) {
    let first = &seen[0];
    let token = String::from_utf8_lossy(&first.body).into_owned();
    assert!(
        token.contains("\"ClientToken\":\""),
        "a token was filled in: {token}"
    );
    for (n, attempt) in seen.iter().enumerate() {
        assert_eq!(
            attempt.body,
            first.body,
            "attempt {} sent another body",
            n + 1
        );
        assert_eq!(attempt.header("content-type"), first.header("content-type"));
        assert_eq!(
            attempt.header("amz-sdk-invocation-id"),
            first.header("amz-sdk-invocation-id")
        );
        let expected = format!("attempt={}; max=3", n + 1);
        assert_eq!(attempt.header("amz-sdk-request"), Some(expected.as_str()));
        assert!(
            attempt
                .header("authorization")
                .unwrap()
                .starts_with("AWS4-HMAC-SHA256 ")
        );
    }
}

fn service_code(outcome: &Outcome) -> (&str, u16) {
    let error = outcome.as_ref().unwrap_err();
    match error.kind() {
        ErrorKind::Service { error, meta } => (error.code(), meta.status),
        other => panic!("not a service error: {other:?}"),
    }
}

fn success_at_once() {
    let (outcome, seen, delays, client) = call(vec![Fault::ok()]);
    assert_eq!(outcome.unwrap().id.as_deref(), Some("thing-1"));
    assert_eq!((seen.len(), delays.len()), (1, 0));
    assert_eq!(client.retry_tokens(), 500);
    assert_resent_unchanged(&seen);
}

fn server_errors_are_retried_with_backoff() {
    let (outcome, seen, delays, client) = call(vec![
        Fault::status(503, ""),
        Fault::status(500, "{}"),
        Fault::ok(),
    ]);
    assert!(outcome.is_ok(), "{outcome:?}");
    assert_eq!(seen.len(), 3);
    // Full jitter at 0.5: half of 1 s, then half of 2 s.
    assert_eq!(delays, [secs(500), secs(1000)]);
    assert_resent_unchanged(&seen);
    // Two retries took 10 tokens; success gives back the last one's 5.
    assert_eq!(client.retry_tokens(), 495);
}

fn attempts_are_bounded() {
    let (outcome, seen, delays, client) = call(vec![Fault::error(500, "InternalFailure")]);
    assert_eq!(service_code(&outcome), ("InternalFailure", 500));
    let error = outcome.unwrap_err();
    assert_eq!(error.attempts(), 3);
    assert_eq!(error.request_id(), Some("req-InternalFailure"));
    assert_eq!((seen.len(), delays.len()), (3, 2));
    assert_eq!(client.retry_tokens(), 490);
    assert_resent_unchanged(&seen);
    let text = error.to_string();
    assert!(
        text.starts_with("CreateThing failed: service error (HTTP 500"),
        "{text}"
    );
    assert!(text.ends_with("(after 3 attempts)"), "{text}");
    assert!(std::error::Error::source(&error).is_some());
}

fn throttling_codes_are_retried() {
    for code in [
        "ThrottlingException",
        "TooManyRequestsException",
        "SlowDown",
    ] {
        let (outcome, seen, delays, _) = call(vec![Fault::error(400, code), Fault::ok()]);
        assert!(outcome.is_ok(), "{code}: {outcome:?}");
        assert_eq!((seen.len(), delays.len()), (2, 1), "{code}");
    }
}

/// Errors the model marks `retryable` are retried, throttling or not, with backoff and
/// within the attempts; a modeled error without the trait is returned at once.
fn modeled_retryable_errors_are_retried() {
    for code in ["ThingBusy", "ThingQuotaHit"] {
        let (outcome, seen, delays, client) = call(vec![Fault::error(400, code), Fault::ok()]);
        assert!(outcome.is_ok(), "{code}: {outcome:?}");
        assert_eq!((seen.len(), delays.len()), (2, 1), "{code}");
        assert_eq!(delays, [secs(500)], "{code}");
        assert_eq!(
            client.retry_tokens(),
            500,
            "{code}: the success refunds the retry"
        );
        assert_resent_unchanged(&seen);
        let (outcome, seen, delays, _) = call(vec![Fault::error(400, code)]);
        let error = outcome.unwrap_err();
        assert!(
            matches!(
                error.service_error(),
                Some(CreateThingError::ThingBusy(_) | CreateThingError::ThingQuotaHit(_))
            ),
            "{code}: {error:?}"
        );
        assert_eq!((error.attempts(), seen.len(), delays.len()), (3, 3, 2));
    }
    let (outcome, seen, delays, _) = call(vec![Fault::error(400, "ThingInvalid"), Fault::ok()]);
    assert_eq!(service_code(&outcome), ("ThingInvalid", 400));
    assert!(matches!(
        outcome.unwrap_err().service_error(),
        Some(CreateThingError::ThingInvalid(_))
    ));
    assert_eq!((seen.len(), delays.len()), (1, 0));
}

fn retry_after_header_sets_the_delay() {
    let (outcome, _, delays, _) = call(vec![
        Fault::error(503, "ServiceUnavailable").with_header("x-amz-retry-after", "1234"),
        Fault::ok(),
    ]);
    assert!(outcome.is_ok());
    assert_eq!(delays, [secs(1234)]);
}

fn client_errors_are_returned_at_once() {
    for code in [
        "ValidationException",
        "AccessDeniedException",
        "ResourceNotFoundException",
    ] {
        let (outcome, seen, delays, client) = call(vec![Fault::error(400, code), Fault::ok()]);
        assert_eq!(service_code(&outcome), (code, 400));
        assert_eq!((seen.len(), delays.len()), (1, 0), "{code}");
        assert_eq!(client.retry_tokens(), 500);
    }
}

fn connection_refused_is_retried_then_reported() {
    let sleep = Recorder::default();
    let client = Client::new(config(&refused_url(), &sleep).build());
    let error = run(&client).unwrap_err();
    match error.kind() {
        ErrorKind::Transport(transport) => assert_eq!(transport.kind(), HttpErrorKind::Connect),
        other => panic!("{other:?}"),
    }
    assert_eq!(error.attempts(), 3);
    assert_eq!(sleep.delays().len(), 2);
}

fn reset_before_the_answer_is_retried() {
    let (outcome, seen, delays, _) = call(vec![Fault::Reset, Fault::ok()]);
    assert!(outcome.is_ok(), "{outcome:?}");
    assert_eq!((seen.len(), delays.len()), (2, 1));
    assert_resent_unchanged(&seen);
}

fn truncated_body_is_retried() {
    let (outcome, seen, delays, _) = call(vec![Fault::Truncated, Fault::Truncated, Fault::ok()]);
    assert!(outcome.is_ok(), "{outcome:?}");
    assert_eq!((seen.len(), delays.len()), (3, 2));
    let (outcome, ..) = call(vec![Fault::Truncated]);
    match outcome.unwrap_err().kind() {
        ErrorKind::Transport(error) => assert_eq!(error.kind(), HttpErrorKind::Io),
        other => panic!("{other:?}"),
    }
}

/// A `CopyThing` call (restXml) through `script`, as the service `service` names.
fn copy_thing(
    service: &'static str,
    script: Vec<Fault>,
) -> (
    Result<CopyThingResult, CallError<CreateThingError>>,
    usize,
    usize,
) {
    let server = FaultServer::start(script, 16);
    let sleep = Recorder::default();
    let client = Client::new(config(&server.url(), &sleep).build());
    let spec = ServiceSpec::new(service, AuthScheme::NoAuth);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let outcome = runtime.block_on(client.call::<CopyThing>(&spec, &GetThingRequest::default()));
    (outcome, server.seen().len(), sleep.delays().len())
}

const COPIED: &str = "<CopyThingResult><ETag>\"abc\"</ETag></CopyThingResult>";

/// S3 began a 200 and broke off inside the document; the HTTP framing was whole (its
/// length was the length sent), so only the parse shows it: retried, as botocore retries
/// an S3 200 that is not well-formed XML.
fn s3_success_cut_short_is_retried() {
    let cut = || Fault::status(200, &COPIED[..20]);
    let (outcome, seen, delays) = copy_thing("s3", vec![cut(), cut(), Fault::status(200, COPIED)]);
    assert_eq!(outcome.unwrap().etag.as_deref(), Some("\"abc\""));
    assert_eq!((seen, delays), (3, 2));
    // Cut every time: the parse error after the last attempt.
    let (outcome, seen, _) = copy_thing("s3", vec![cut(), cut(), cut()]);
    let error = outcome.unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::Response { status: 200, .. }),
        "{error:?}"
    );
    assert_eq!((error.attempts(), seen), (3, 3));
    // Another service's undecodable 200 is final: only S3 is known to break off so.
    let (outcome, seen, delays) = copy_thing("things", vec![cut(), Fault::status(200, COPIED)]);
    let error = outcome.unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::Response { status: 200, .. }),
        "{error:?}"
    );
    assert_eq!((error.attempts(), seen, delays), (1, 1, 0));
}

/// S3's `<Error>` in a 200 (CopyObject failing after it began) is the 500 it stands for.
fn s3_error_in_a_success_is_retried() {
    let error = Fault::status(
        200,
        "<Error><Code>InternalError</Code><Message>x</Message></Error>",
    );
    let (outcome, seen, delays) = copy_thing("s3", vec![error.clone(), Fault::status(200, COPIED)]);
    assert!(outcome.is_ok(), "{outcome:?}");
    assert_eq!((seen, delays), (2, 1));
    let (outcome, seen, _) = copy_thing("s3", vec![error.clone(), error.clone(), error]);
    let error = outcome.unwrap_err();
    assert_eq!(
        (error.code(), error.status()),
        (Some("InternalError"), Some(500))
    );
    assert_eq!((error.attempts(), seen), (3, 3));
}

/// A transport that hands over a body shorter than its `Content-Length` as if whole (hyper
/// refuses one itself: `truncated_body_is_retried`).
struct LaxTransport {
    answers: std::sync::Mutex<Vec<(&'static str, &'static str)>>,
}

impl awso_client::transport::HttpClient for LaxTransport {
    fn send(&self, _: http::Request<bytes::Bytes>) -> awso_client::transport::HttpFuture<'_> {
        let (length, body) = self.answers.lock().unwrap().remove(0);
        Box::pin(async move {
            let response = http::Response::builder()
                .header("content-length", length)
                .body(awso_client::transport::ResponseBody::from(body))
                .unwrap();
            Ok(response)
        })
    }
}

fn short_body_from_a_lax_transport_is_retried() {
    let run_with = |answers: Vec<(&'static str, &'static str)>| {
        let sleep = Recorder::default();
        let transport = LaxTransport {
            answers: std::sync::Mutex::new(answers),
        };
        let config = config("http://127.0.0.1:9", &sleep).http_client(transport);
        (run(&Client::new(config.build())), sleep.delays().len())
    };
    let whole = r#"{"Id":"thing-1"}"#;
    let (outcome, delays) = run_with(vec![("100", "{\"Id\":\"th"), ("16", whole)]);
    assert_eq!(outcome.unwrap().id.as_deref(), Some("thing-1"));
    assert_eq!(delays, 1);
    let short = ("100", "{\"Id\":\"th");
    let (outcome, _) = run_with(vec![short, short, short]);
    let error = outcome.unwrap_err();
    match error.kind() {
        ErrorKind::Transport(transport) => {
            assert_eq!(transport.kind(), HttpErrorKind::Io);
            assert!(
                transport.to_string().contains("9 of its 100 bytes"),
                "{transport}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(error.attempts(), 3);
}

fn slow_headers_time_out_and_cost_more() {
    let (outcome, seen, delays, client) = call(vec![
        Fault::SlowHeaders(Duration::from_millis(1500)),
        Fault::ok(),
    ]);
    assert!(outcome.is_ok(), "{outcome:?}");
    assert_eq!((seen.len(), delays.len()), (2, 1));
    assert_eq!(
        client.retry_tokens(),
        500,
        "the timeout's 10 tokens came back"
    );
    let (outcome, ..) = call(vec![Fault::SlowHeaders(Duration::from_millis(1500))]);
    let error = outcome.unwrap_err();
    assert!(error.is_timeout(), "{error}");
    assert!(matches!(
        error.kind(),
        ErrorKind::Timeout {
            limit: "attempt",
            ..
        }
    ));
}

fn total_timeout_bounds_the_call() {
    let server = FaultServer::start(vec![Fault::SlowHeaders(Duration::from_millis(1500))], 4);
    let sleep = Recorder::default();
    let timeouts = Timeouts::default().with_total(Some(Duration::from_millis(300)));
    let client = Client::new(config(&server.url(), &sleep).timeouts(timeouts).build());
    let error = run(&client).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::Timeout { limit: "total", .. }),
        "{error}"
    );
}

fn garbage_is_a_transport_error_not_a_panic() {
    let (outcome, seen, ..) = call(vec![Fault::Garbage]);
    assert!(matches!(
        outcome.unwrap_err().kind(),
        ErrorKind::Transport(_)
    ));
    assert_eq!(
        seen.len(),
        3,
        "a broken answer is retried like a broken connection"
    );
}

fn skewed_clock_is_corrected_from_the_date() {
    // The server's clock is 15 minutes ahead of the client's.
    let skewed = Fault::Reply {
        status: 403,
        headers: vec![
            ("x-amzn-errortype", "InvalidSignatureException".to_owned()),
            ("date", "Sun, 30 Aug 2015 12:51:00 GMT".to_owned()),
        ],
        body: r#"{"message":"Signature expired"}"#.to_owned(),
    };
    let (outcome, seen, _, _) = call(vec![skewed, Fault::ok()]);
    assert!(outcome.is_ok(), "{outcome:?}");
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].header("x-amz-date"), Some("20150830T123600Z"));
    assert_eq!(seen[1].header("x-amz-date"), Some("20150830T125100Z"));
    assert_eq!(seen[0].body, seen[1].body);
    // A signature error with agreeing clocks is not a skew: returned at once.
    let agreeing = Fault::error(403, "InvalidSignatureException")
        .with_header("date", "Sun, 30 Aug 2015 12:36:05 GMT");
    let (outcome, seen, ..) = call(vec![agreeing, Fault::ok()]);
    assert_eq!(service_code(&outcome).0, "InvalidSignatureException");
    assert_eq!(seen.len(), 1);
}

fn quota_exhaustion_stops_retries() {
    let server = FaultServer::start(vec![Fault::status(503, "")], 200);
    let sleep = Recorder::default();
    let client = Client::new(config(&server.url(), &sleep).build());
    // 500 tokens, 10 per failing call (two retries of 5): 50 calls drain it.
    for _ in 0..50 {
        assert_eq!(run(&client).unwrap_err().attempts(), 3);
    }
    assert_eq!(client.retry_tokens(), 0);
    let error = run(&client).unwrap_err();
    assert_eq!(error.attempts(), 1, "no tokens, no retry");
    assert_eq!(server.seen().len(), 151);
    assert_eq!(sleep.delays().len(), 100);
}

fn retries_can_be_disabled() {
    let server = FaultServer::start(vec![Fault::status(503, "")], 4);
    let sleep = Recorder::default();
    let config = config(&server.url(), &sleep)
        .retry(RetrySettings::disabled())
        .build();
    let error = run(&Client::new(config)).unwrap_err();
    assert_eq!((error.attempts(), server.seen().len()), (1, 1));
}

fn blocking_client_shares_the_call() {
    let server = FaultServer::start(vec![Fault::status(503, ""), Fault::ok()], 4);
    let sleep = Recorder::default();
    let client = BlockingClient::new(config(&server.url(), &sleep).build()).unwrap();
    let output = client.call::<CreateThing>(&spec(), &input()).unwrap();
    assert_eq!(output.id.as_deref(), Some("thing-1"));
    assert_eq!(server.seen().len(), 2);
    assert_eq!(sleep.delays(), [secs(500)]);
}

/// The body `Fault::ok` answers with.
const THING: &str = r#"{"Id":"thing-1"}"#;

/// `GetThing` against one scripted answer under `setting`: the outcome and what was sent.
fn get_thing(
    answer: Fault,
    setting: ResponseChecksumValidation,
    input: &GetThingRequest,
) -> (Outcome, Vec<Seen>) {
    let server = FaultServer::start(vec![answer], 4);
    let sleep = Recorder::default();
    let config = config(&server.url(), &sleep)
        .response_checksum_validation(setting)
        .build();
    let client = Client::new(config);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let outcome = runtime.block_on(client.call::<GetThing>(&spec(), input));
    (outcome, server.seen())
}

fn with_checksum(algorithm: ChecksumAlgorithm, value: &str) -> Fault {
    Fault::ok().with_header(algorithm.header(), value)
}

fn good_response_checksum_passes() {
    let crc = ChecksumAlgorithm::Crc32.checksum(THING.as_bytes());
    let (outcome, seen) = get_thing(
        with_checksum(ChecksumAlgorithm::Crc32, &crc),
        ResponseChecksumValidation::WhenSupported,
        &GetThingRequest::default(),
    );
    assert_eq!(outcome.unwrap().id.as_deref(), Some("thing-1"));
    // Supported, so asked for without the input saying so.
    assert_eq!(seen[0].header("x-amz-checksum-mode"), Some("ENABLED"));
}

fn bad_response_checksum_fails_and_is_not_retried() {
    let sent = ChecksumAlgorithm::Sha256.checksum(b"another body");
    let (outcome, seen) = get_thing(
        with_checksum(ChecksumAlgorithm::Sha256, &sent),
        ResponseChecksumValidation::WhenSupported,
        &GetThingRequest::default(),
    );
    let error = outcome.unwrap_err();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::ResponseChecksum { status: 200, .. }
        ),
        "{error:?}"
    );
    assert_eq!((error.attempts(), seen.len()), (1, 1), "not retried");
    let text = error.to_string();
    let computed = ChecksumAlgorithm::Sha256.checksum(THING.as_bytes());
    for part in [
        "GetThing failed",
        "SHA256",
        "x-amz-checksum-sha256",
        &sent,
        &computed,
    ] {
        assert!(text.contains(part), "{part:?} not in {text}");
    }
}

fn multipart_composite_checksum_is_skipped() {
    // A checksum of the parts' checksums: no body can be checked against it.
    let (outcome, _) = get_thing(
        with_checksum(ChecksumAlgorithm::Crc32, "AAAAAA==-3"),
        ResponseChecksumValidation::WhenSupported,
        &GetThingRequest::default(),
    );
    assert!(outcome.is_ok(), "{outcome:?}");
    // The same value without the part count is checked, and fails.
    let (outcome, _) = get_thing(
        with_checksum(ChecksumAlgorithm::Crc32, "AAAAAA=="),
        ResponseChecksumValidation::WhenSupported,
        &GetThingRequest::default(),
    );
    assert!(matches!(
        outcome.unwrap_err().kind(),
        ErrorKind::ResponseChecksum { .. }
    ));
}

fn unknown_checksum_algorithm_is_skipped() {
    // An algorithm the runtime does not know, and one it knows that the operation does not
    // list: neither is checked.
    for header in ["x-amz-checksum-xxhash3", ChecksumAlgorithm::Crc32c.header()] {
        let (outcome, _) = get_thing(
            Fault::ok().with_header(header, "not-the-checksum"),
            ResponseChecksumValidation::WhenSupported,
            &GetThingRequest::default(),
        );
        assert!(outcome.is_ok(), "{header}: {outcome:?}");
    }
}

fn when_required_checks_only_what_the_input_asks() {
    let bad = || with_checksum(ChecksumAlgorithm::Crc32, "AAAAAA==");
    let (outcome, seen) = get_thing(
        bad(),
        ResponseChecksumValidation::WhenRequired,
        &GetThingRequest::default(),
    );
    assert!(outcome.is_ok(), "{outcome:?}");
    assert_eq!(seen[0].header("x-amz-checksum-mode"), None);
    let enabled = GetThingRequest {
        checksum_mode: Some("ENABLED".to_owned()),
    };
    let (outcome, seen) = get_thing(bad(), ResponseChecksumValidation::WhenRequired, &enabled);
    assert!(matches!(
        outcome.unwrap_err().kind(),
        ErrorKind::ResponseChecksum { .. }
    ));
    assert_eq!(seen[0].header("x-amz-checksum-mode"), Some("ENABLED"));
}

fn error_answers_are_not_checked() {
    let (outcome, _) = get_thing(
        Fault::error(400, "ValidationException").with_header("x-amz-checksum-crc32", "AAAAAA=="),
        ResponseChecksumValidation::WhenSupported,
        &GetThingRequest::default(),
    );
    assert_eq!(service_code(&outcome), ("ValidationException", 400));
}

fn main() {
    let cases: &[(&str, fn())] = &[
        ("success_at_once", success_at_once),
        (
            "server_errors_are_retried_with_backoff",
            server_errors_are_retried_with_backoff,
        ),
        ("attempts_are_bounded", attempts_are_bounded),
        ("throttling_codes_are_retried", throttling_codes_are_retried),
        (
            "modeled_retryable_errors_are_retried",
            modeled_retryable_errors_are_retried,
        ),
        (
            "retry_after_header_sets_the_delay",
            retry_after_header_sets_the_delay,
        ),
        (
            "client_errors_are_returned_at_once",
            client_errors_are_returned_at_once,
        ),
        (
            "connection_refused_is_retried_then_reported",
            connection_refused_is_retried_then_reported,
        ),
        (
            "reset_before_the_answer_is_retried",
            reset_before_the_answer_is_retried,
        ),
        ("truncated_body_is_retried", truncated_body_is_retried),
        (
            "s3_success_cut_short_is_retried",
            s3_success_cut_short_is_retried,
        ),
        (
            "s3_error_in_a_success_is_retried",
            s3_error_in_a_success_is_retried,
        ),
        (
            "short_body_from_a_lax_transport_is_retried",
            short_body_from_a_lax_transport_is_retried,
        ),
        (
            "slow_headers_time_out_and_cost_more",
            slow_headers_time_out_and_cost_more,
        ),
        (
            "total_timeout_bounds_the_call",
            total_timeout_bounds_the_call,
        ),
        (
            "garbage_is_a_transport_error_not_a_panic",
            garbage_is_a_transport_error_not_a_panic,
        ),
        (
            "skewed_clock_is_corrected_from_the_date",
            skewed_clock_is_corrected_from_the_date,
        ),
        (
            "quota_exhaustion_stops_retries",
            quota_exhaustion_stops_retries,
        ),
        ("retries_can_be_disabled", retries_can_be_disabled),
        (
            "blocking_client_shares_the_call",
            blocking_client_shares_the_call,
        ),
        (
            "good_response_checksum_passes",
            good_response_checksum_passes,
        ),
        (
            "bad_response_checksum_fails_and_is_not_retried",
            bad_response_checksum_fails_and_is_not_retried,
        ),
        (
            "multipart_composite_checksum_is_skipped",
            multipart_composite_checksum_is_skipped,
        ),
        (
            "unknown_checksum_algorithm_is_skipped",
            unknown_checksum_algorithm_is_skipped,
        ),
        (
            "when_required_checks_only_what_the_input_asks",
            when_required_checks_only_what_the_input_asks,
        ),
        (
            "error_answers_are_not_checked",
            error_answers_are_not_checked,
        ),
    ];
    let (mut passed, mut failed) = (0, 0);
    for (name, case) in cases.iter().chain(faults_streaming::CASES) {
        match std::panic::catch_unwind(AssertUnwindSafe(case)) {
            Ok(()) => {
                passed += 1;
                println!("fault {name}: ok");
            }
            Err(_) => {
                failed += 1;
                println!("fault {name}: FAILED");
            }
        }
    }
    println!("faults: {passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}

//! The STS-backed providers (assume role, role chains, web identity) against a scripted STS on
//! 127.0.0.1: the requests they send (form body, SigV4 signature recomputed here with the
//! signer and the source credentials), the answers they read, and their errors. No test reads
//! or changes the process environment.

mod support;

mod resign;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awso_client::credentials::sts::{
    AssumeRoleParams, AssumeRoleProvider, StsClient, WebIdentityProvider,
};
use awso_client::credentials::{
    CachedProvider, Clock, Credentials, CredentialsError, DefaultChain, EnvironmentMap, ErrorKind,
    ProfileProvider, ProvideCredentials,
};
use awso_client::sign::SigningParams;
use awso_client::transport::HyperClient;
use support::{Reply, Seen, TempDir, TestServer, ok};

const BASE_KEY_ID: &str = "AKIDBASEEXAMPLE";
const BASE_SECRET: &str = "baseSECRETwJalrXUtnFEMI";
const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/admin";
const EXPIRATION: &str = "2030-01-02T03:04:05Z";
const EXPIRATION_SECS: u64 = 1_893_553_445;

/// The signing time every test pins: 2027-01-15T08:00:00Z.
#[derive(Clone, Copy)]
struct FixedClock;

const SIGNING_TIME_SECS: u64 = 1_800_000_000;

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(SIGNING_TIME_SECS)
    }
}

fn fast_client() -> HyperClient {
    HyperClient::new()
        .with_connect_timeout(Duration::from_millis(500))
        .with_read_timeout(Some(Duration::from_secs(2)))
}

/// The secret and token STS hands out for `role`: distinct per role, so a test can tell which
/// answer signed which request.
fn role_secret(role: &str) -> String {
    format!("roleSECRET-{}", role.rsplit('/').next().unwrap_or(role))
}

fn role_token(role: &str) -> String {
    format!("roleTOKEN-{}", role.rsplit('/').next().unwrap_or(role))
}

fn role_key_id(role: &str) -> String {
    format!(
        "ASIA{}",
        role.rsplit('/').next().unwrap_or(role).to_uppercase()
    )
}

fn answer(operation: &str, role: &str) -> String {
    format!(
        "<{operation}Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n\
         <{operation}Result>\n\
         <Credentials><AccessKeyId>{}</AccessKeyId><SecretAccessKey>{}</SecretAccessKey>\
         <SessionToken>{}</SessionToken><Expiration>{EXPIRATION}</Expiration></Credentials>\n\
         <AssumedRoleUser><Arn>{role}/session</Arn><AssumedRoleId>AROA:session</AssumedRoleId></AssumedRoleUser>\n\
         </{operation}Result>\n\
         <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>\n\
         </{operation}Response>",
        role_key_id(role),
        role_secret(role),
        role_token(role)
    )
}

/// An STS that answers every call for the role its form names.
fn sts_server() -> TestServer {
    TestServer::start(|seen| {
        let form = form(&seen.body);
        let action = value(&form, "Action").unwrap_or_default();
        let role = value(&form, "RoleArn").unwrap_or_default();
        ok(answer(&action, &role))
    })
}

/// Decodes an `application/x-www-form-urlencoded` body into its pairs, in order.
fn form(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'%' if index + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                index += 3;
            }
            b'+' => {
                out.push(b' ');
                index += 1;
            }
            byte => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

fn value(form: &[(String, String)], key: &str) -> Option<String> {
    form.iter()
        .find(|(name, _)| name == key)
        .map(|(_, value)| value.clone())
}

fn files_env(dir: &TempDir, config: &str) -> EnvironmentMap {
    let config = dir.write("config", config);
    EnvironmentMap::from_pairs([
        ("AWS_CONFIG_FILE", config.to_str().unwrap()),
        (
            "AWS_SHARED_CREDENTIALS_FILE",
            dir.path().join("no-credentials").to_str().unwrap(),
        ),
    ])
}

fn sts_at(server: &TestServer, env: &EnvironmentMap) -> StsClient {
    StsClient::new(env.clone(), fast_client())
        .with_endpoint(server.url())
        .with_clock(FixedClock)
}

/// The `Authorization` of `seen` signed again with `credentials` for STS in `region`.
fn recomputed_authorization(
    seen: &Seen,
    server: &TestServer,
    credentials: &Credentials,
    region: &str,
) -> String {
    let params = SigningParams::new(region, "sts", FixedClock.now());
    resign::recomputed_authorization(seen, &server.url(), credentials, &params)
}

fn assert_redacted(value: &impl std::fmt::Debug, secrets: &[&str]) {
    for printed in [format!("{value:?}"), format!("{value:#?}")] {
        for secret in secrets {
            assert!(!printed.contains(secret), "{secret} printed in {printed}");
        }
    }
}

/// What the profile provider answers for `profile`, calling the STS at `server`.
async fn from_profile(
    env: &EnvironmentMap,
    profile: &str,
    server: &TestServer,
) -> Result<Credentials, CredentialsError> {
    ProfileProvider::new(env.clone())
        .with_profile(profile)
        .with_sts(sts_at(server, env))
        .provide_credentials()
        .await
}

const ADMIN_CONFIG: &str = "\
[profile admin]
role_arn = arn:aws:iam::123456789012:role/admin
source_profile = base
role_session_name = deploy-session
external_id = partner 42/x
duration_seconds = 900
region = eu-west-1

[profile base]
aws_access_key_id = AKIDBASEEXAMPLE
aws_secret_access_key = baseSECRETwJalrXUtnFEMI
";

#[tokio::test]
async fn assume_role_sends_a_signed_query_request_and_reads_the_credentials() {
    let dir = TempDir::new("sts-assume");
    let server = sts_server();
    let env = files_env(&dir, ADMIN_CONFIG);
    let provider = ProfileProvider::new(env.clone())
        .with_profile("admin")
        .with_sts(sts_at(&server, &env));
    let credentials = provider.provide_credentials().await.unwrap();

    assert_eq!(credentials.access_key_id(), role_key_id(ROLE_ARN));
    assert_eq!(credentials.secret_access_key(), role_secret(ROLE_ARN));
    assert_eq!(
        credentials.session_token(),
        Some(role_token(ROLE_ARN).as_str())
    );
    let expiry = credentials.expiry().unwrap();
    assert_eq!(
        expiry.duration_since(UNIX_EPOCH).unwrap().as_secs(),
        EXPIRATION_SECS
    );

    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    let request = &seen[0];
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/")
    );
    assert!(
        request
            .body
            .starts_with("Action=AssumeRole&Version=2011-06-15&RoleArn="),
        "{}",
        request.body
    );
    let form = form(&request.body);
    let expected = [
        ("Action", "AssumeRole"),
        ("Version", "2011-06-15"),
        ("RoleArn", ROLE_ARN),
        ("RoleSessionName", "deploy-session"),
        ("DurationSeconds", "900"),
        ("ExternalId", "partner 42/x"),
    ];
    let mut got: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    got.sort_unstable();
    let mut want = expected.to_vec();
    want.sort_unstable();
    assert_eq!(got, want);
    assert_eq!(
        request.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );

    let authorization = request.header("authorization").unwrap();
    assert!(
        authorization.starts_with(&format!(
            "AWS4-HMAC-SHA256 Credential={BASE_KEY_ID}/20270115/eu-west-1/sts/aws4_request, "
        )),
        "{authorization}"
    );
    assert_eq!(request.header("x-amz-date"), Some("20270115T080000Z"));
    assert_eq!(request.header("x-amz-security-token"), None);
    let base = Credentials::new(BASE_KEY_ID, BASE_SECRET);
    assert_eq!(
        authorization,
        recomputed_authorization(request, &server, &base, "eu-west-1")
    );

    assert_redacted(&provider, &[BASE_SECRET]);
    assert_redacted(
        &credentials,
        &[&role_secret(ROLE_ARN), &role_token(ROLE_ARN)],
    );
}

#[tokio::test]
async fn an_sts_error_answer_names_its_code_message_role_and_profile() {
    let dir = TempDir::new("sts-denied");
    let server = TestServer::start(|_| {
        Reply::Status(
            403,
            "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\
             <Error><Type>Sender</Type><Code>AccessDenied</Code>\
             <Message>User: arn:aws:iam::123456789012:user/base is not authorized to perform: sts:AssumeRole</Message>\
             </Error><RequestId>4d1a-denied</RequestId></ErrorResponse>"
                .to_owned(),
        )
    });
    let env = files_env(&dir, ADMIN_CONFIG);
    let error = from_profile(&env, "admin", &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ProviderFailed);
    assert_eq!(error.provider(), "profile");
    let shown = error.to_string();
    assert_eq!(
        shown,
        format!(
            "profile: profile `admin` assumes role {ROLE_ARN}: sts: AssumeRole for {ROLE_ARN} failed: \
             AccessDenied: User: arn:aws:iam::123456789012:user/base is not authorized to perform: sts:AssumeRole"
        )
    );
    assert_redacted(&error, &[BASE_SECRET]);

    // An answer that is not STS's XML at all is an error too, not a panic or a hang.
    let garbage = TestServer::start(|_| ok("<nonsense"));
    let error = from_profile(&env, "admin", &garbage).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ProviderFailed);
    assert!(
        error
            .to_string()
            .contains("answer (HTTP 200) cannot be read"),
        "{error}"
    );
}

#[tokio::test]
async fn a_role_chain_signs_each_hop_with_the_previous_hops_credentials() {
    let dir = TempDir::new("sts-chain");
    let server = sts_server();
    let config = "\
[profile top]
role_arn = arn:aws:iam::222222222222:role/top
source_profile = middle

[profile middle]
role_arn = arn:aws:iam::111111111111:role/middle
source_profile = base

[profile base]
aws_access_key_id = AKIDBASEEXAMPLE
aws_secret_access_key = baseSECRETwJalrXUtnFEMI
";
    let env = files_env(&dir, config);
    let credentials = from_profile(&env, "top", &server).await.unwrap();
    let top = "arn:aws:iam::222222222222:role/top";
    let middle = "arn:aws:iam::111111111111:role/middle";
    assert_eq!(credentials.access_key_id(), role_key_id(top));

    let seen = server.seen();
    let roles: Vec<_> = seen
        .iter()
        .map(|request| value(&form(&request.body), "RoleArn").unwrap())
        .collect();
    assert_eq!(roles, [middle, top]);
    // No region anywhere: STS's default region signs.
    let base = Credentials::new(BASE_KEY_ID, BASE_SECRET);
    assert_eq!(
        seen[0].header("authorization").unwrap(),
        recomputed_authorization(&seen[0], &server, &base, "us-east-1")
    );
    let hop = Credentials::new(role_key_id(middle), role_secret(middle))
        .with_session_token(role_token(middle));
    assert_eq!(
        seen[1].header("x-amz-security-token"),
        Some(role_token(middle).as_str())
    );
    assert_eq!(
        seen[1].header("authorization").unwrap(),
        recomputed_authorization(&seen[1], &server, &hop, "us-east-1")
    );
    // No session name configured: a generated one, from the clock.
    let session = value(&form(&seen[0].body), "RoleSessionName").unwrap();
    assert_eq!(session, format!("awso-rust-{}", SIGNING_TIME_SECS * 1000));
}

#[tokio::test]
async fn web_identity_from_the_environment_is_unsigned_and_reads_the_token_file() {
    let dir = TempDir::new("sts-web-env");
    let server = sts_server();
    let token_file = dir.write("token", "eyJhbGciOiJSUzI1NiJ9.oidc-TOKEN.sig\n");
    let role = "arn:aws:iam::123456789012:role/ci";
    let env = EnvironmentMap::from_pairs([
        ("HOME", dir.path().to_str().unwrap()),
        ("AWS_WEB_IDENTITY_TOKEN_FILE", token_file.to_str().unwrap()),
        ("AWS_ROLE_ARN", role),
        ("AWS_ROLE_SESSION_NAME", "build-17"),
        ("AWS_ENDPOINT_URL_STS", server.url().as_str()),
    ]);
    let chain = DefaultChain::builder()
        .environment(env.clone())
        .http_client(fast_client())
        .without_network()
        .build();
    let credentials = chain.provide_credentials().await.unwrap();
    assert_eq!(credentials.secret_access_key(), role_secret(role));
    assert_eq!(
        credentials
            .expiry()
            .unwrap()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs(),
        EXPIRATION_SECS
    );

    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].header("authorization"), None);
    assert_eq!(seen[0].header("x-amz-date"), None);
    let form = form(&seen[0].body);
    assert_eq!(
        value(&form, "Action").as_deref(),
        Some("AssumeRoleWithWebIdentity")
    );
    assert_eq!(value(&form, "RoleArn").as_deref(), Some(role));
    assert_eq!(value(&form, "RoleSessionName").as_deref(), Some("build-17"));
    assert_eq!(
        value(&form, "WebIdentityToken").as_deref(),
        Some("eyJhbGciOiJSUzI1NiJ9.oidc-TOKEN.sig")
    );

    // AWS_ENDPOINT_URL serves when the STS-specific variable is absent.
    let general = sts_server();
    let env = env
        .with("AWS_ENDPOINT_URL_STS", "")
        .with("AWS_ENDPOINT_URL", general.url());
    let provider = WebIdentityProvider::new(role, &token_file, StsClient::new(env, fast_client()));
    provider.provide_credentials().await.unwrap();
    assert_eq!(general.seen().len(), 1);
    assert_redacted(&provider, &["oidc-TOKEN"]);

    // A token file that is gone is a configuration error naming it, and nothing is sent.
    let missing = dir.path().join("gone");
    let error = WebIdentityProvider::new(role, &missing, sts_at(&server, &EnvironmentMap::new()))
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
    assert!(
        error.message().contains(missing.to_str().unwrap()),
        "{error}"
    );
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn web_identity_in_a_profile_then_a_role_on_top() {
    let dir = TempDir::new("sts-web-profile");
    let server = sts_server();
    let token_file = dir.write("token", "profile-oidc-TOKEN");
    let config = format!(
        "[default]\nrole_arn = arn:aws:iam::123456789012:role/web\nweb_identity_token_file = {}\n\
         role_session_name = from-profile\nregion = ap-south-1\n\
         [profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = default\n",
        token_file.display()
    );
    let env = files_env(&dir, &config);
    let chain = DefaultChain::builder()
        .environment(env.clone())
        .http_client(fast_client())
        .sts_endpoint(server.url())
        .clock(FixedClock)
        .without_network()
        .build();
    let credentials = chain.provide_credentials().await.unwrap();
    let web = "arn:aws:iam::123456789012:role/web";
    assert_eq!(credentials.access_key_id(), role_key_id(web));
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].header("authorization"), None);
    let form_web = form(&seen[0].body);
    assert_eq!(
        value(&form_web, "WebIdentityToken").as_deref(),
        Some("profile-oidc-TOKEN")
    );
    assert_eq!(
        value(&form_web, "RoleSessionName").as_deref(),
        Some("from-profile")
    );

    let credentials = from_profile(&env, "ops", &server).await.unwrap();
    let ops_role = "arn:aws:iam::123456789012:role/ops";
    assert_eq!(credentials.access_key_id(), role_key_id(ops_role));
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    let signer =
        Credentials::new(role_key_id(web), role_secret(web)).with_session_token(role_token(web));
    // The selected profile `ops` sets no region: STS's default.
    assert_eq!(
        seen[2].header("authorization").unwrap(),
        recomputed_authorization(&seen[2], &server, &signer, "us-east-1")
    );
}

#[tokio::test]
async fn credential_source_environment_and_region_from_the_environment() {
    let dir = TempDir::new("sts-source");
    let server = sts_server();
    let env = files_env(
        &dir,
        "[default]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Environment\nregion = eu-west-1\n",
    )
    .with("AWS_ACCESS_KEY_ID", BASE_KEY_ID)
    .with("AWS_SECRET_ACCESS_KEY", BASE_SECRET)
    .with("AWS_REGION", "us-west-2");
    from_profile(&env, "default", &server).await.unwrap();
    let seen = server.seen();
    let authorization = seen[0].header("authorization").unwrap();
    assert!(
        authorization.contains(&format!("Credential={BASE_KEY_ID}/20270115/us-west-2/sts/")),
        "{authorization}"
    );

    // Without the variables the configured source is broken, not absent.
    let env = files_env(
        &dir,
        "[default]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Environment\n",
    );
    let error = from_profile(&env, "default", &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
    assert!(
        error
            .to_string()
            .starts_with("profile: credential_source Environment: environment: "),
        "{error}"
    );
    let env = files_env(
        &dir,
        "[default]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Laptop\n",
    );
    let error = ProfileProvider::new(env)
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn mfa_serial_and_bad_duration_are_refused_before_anything_runs() {
    let dir = TempDir::new("sts-mfa");
    let server = sts_server();
    let ran = dir.path().join("ran");
    let config = format!(
        "[profile mfa]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/me\n\
         [profile long]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\nduration_seconds = an hour\n\
         [profile base]\ncredential_process = touch {}\n",
        ran.display()
    );
    let env = files_env(&dir, &config);
    let error = from_profile(&env, "mfa", &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unsupported);
    assert!(
        error.message().contains("profile `mfa` sets mfa_serial"),
        "{error}"
    );
    let error = from_profile(&env, "long", &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
    assert!(
        error.message().contains("duration_seconds to `an hour`"),
        "{error}"
    );
    assert!(!ran.exists(), "the source's credential_process ran");
    assert!(server.seen().is_empty());
}

#[derive(Clone)]
struct ManualClock(Arc<std::sync::Mutex<SystemTime>>);

impl Clock for ManualClock {
    fn now(&self) -> SystemTime {
        *self.0.lock().unwrap()
    }
}

#[tokio::test]
async fn the_cache_keeps_assumed_credentials_until_shortly_before_they_expire() {
    let calls = Arc::new(AtomicUsize::new(0));
    let server = {
        let calls = calls.clone();
        TestServer::start(move |_| {
            calls.fetch_add(1, Ordering::SeqCst);
            ok(answer("AssumeRole", ROLE_ARN))
        })
    };
    let env = EnvironmentMap::new();
    let expiry = UNIX_EPOCH + Duration::from_secs(EXPIRATION_SECS);
    let clock = ManualClock(Arc::new(std::sync::Mutex::new(
        expiry - Duration::from_secs(3600),
    )));
    let provider = AssumeRoleProvider::new(
        Credentials::new(BASE_KEY_ID, BASE_SECRET),
        AssumeRoleParams::new(ROLE_ARN).with_session_name("cached"),
        sts_at(&server, &env),
    );
    let cached = CachedProvider::new(provider).with_clock(clock.clone());
    for _ in 0..3 {
        let credentials = cached.provide_credentials().await.unwrap();
        assert_eq!(credentials.expiry(), Some(expiry));
    }
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    *clock.0.lock().unwrap() = expiry - Duration::from_secs(60);
    cached.provide_credentials().await.unwrap();
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    assert_redacted(
        &cached,
        &[BASE_SECRET, &role_secret(ROLE_ARN), &role_token(ROLE_ARN)],
    );
}

#[test]
fn the_endpoint_is_the_setting_then_the_variables_then_the_region() {
    let env = EnvironmentMap::from_pairs([
        ("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:1"),
        ("AWS_ENDPOINT_URL", "http://127.0.0.1:2"),
    ]);
    let sts = |env: &EnvironmentMap| StsClient::new(env.clone(), fast_client());
    assert_eq!(
        sts(&env)
            .with_endpoint("http://127.0.0.1:3")
            .endpoint("us-east-1"),
        "http://127.0.0.1:3"
    );
    assert_eq!(sts(&env).endpoint("us-east-1"), "http://127.0.0.1:1");
    let env = env.with("AWS_ENDPOINT_URL_STS", " ");
    assert_eq!(sts(&env).endpoint("us-east-1"), "http://127.0.0.1:2");
    let env = EnvironmentMap::new();
    assert_eq!(
        sts(&env).endpoint("ap-southeast-2"),
        "https://sts.ap-southeast-2.amazonaws.com"
    );
    assert_eq!(
        sts(&env).endpoint("cn-north-1"),
        "https://sts.cn-north-1.amazonaws.com.cn"
    );
}

#[tokio::test]
async fn a_slow_or_broken_sts_is_a_provider_failure() {
    let env = EnvironmentMap::new();
    let source = Credentials::new(BASE_KEY_ID, BASE_SECRET);
    let params = AssumeRoleParams::new(ROLE_ARN);
    let slow = TestServer::start(|_| {
        Reply::Slow(Duration::from_secs(3), 200, answer("AssumeRole", ROLE_ARN))
    });
    let sts = StsClient::new(
        env.clone(),
        fast_client().with_read_timeout(Some(Duration::from_millis(200))),
    )
    .with_endpoint(slow.url());
    let error = sts
        .assume_role(&source, &params, "us-east-1")
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ProviderFailed);
    assert!(
        error.to_string().starts_with(&format!(
            "sts: AssumeRole for {ROLE_ARN} at {} got no answer: no complete answer",
            slow.url()
        )),
        "{error}"
    );
    let broken = TestServer::start(|_| Reply::Raw(b"SSH-2.0-OpenSSH\r\n"));
    let error = sts_at(&broken, &env)
        .assume_role(&source, &params, "us-east-1")
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ProviderFailed);
    assert_redacted(&error, &[BASE_SECRET]);

    // An answer cut off after the secret: an error, and the secret is in none of its forms.
    let cut = TestServer::start(|_| {
        ok(
            "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIACUT</AccessKeyId>\
            <SecretAccessKey>cutSECRETvalue</SecretAccessKey><SessionToken>cutTOKEN</SessionToken>",
        )
    });
    let error = sts_at(&cut, &env)
        .assume_role(&source, &params, "us-east-1")
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ProviderFailed);
    assert!(error.to_string().contains("cannot be read"), "{error}");
    assert!(!error.to_string().contains("cutSECRETvalue"), "{error}");
    assert_redacted(&error, &["cutSECRETvalue", "cutTOKEN"]);
    // A well-formed answer without credentials is an error too.
    let empty = TestServer::start(|_| {
        ok("<AssumeRoleResponse><AssumeRoleResult></AssumeRoleResult></AssumeRoleResponse>")
    });
    let error = sts_at(&empty, &env)
        .assume_role(&source, &params, "us-east-1")
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "sts: the AssumeRole answer holds no credentials"
    );
}

/// One local server playing instance metadata, the container endpoint and STS at once.
fn metadata_container_and_sts() -> TestServer {
    let document = format!(
        r#"{{"Code": "Success", "AccessKeyId": "{BASE_KEY_ID}", "SecretAccessKey": "{BASE_SECRET}", "Token": "source-TOKEN", "Expiration": "{EXPIRATION}"}}"#
    );
    TestServer::start(
        move |request| match (request.method.as_str(), request.path.as_str()) {
            ("PUT", "/latest/api/token") => ok("imds-session-token"),
            ("GET", "/latest/meta-data/iam/security-credentials/") => ok("instance-role"),
            ("GET", "/latest/meta-data/iam/security-credentials/instance-role" | "/container") => {
                ok(document.clone())
            }
            ("POST", "/") => {
                let form = form(&request.body);
                ok(answer(
                    "AssumeRole",
                    &value(&form, "RoleArn").unwrap_or_default(),
                ))
            }
            _ => Reply::Status(404, String::new()),
        },
    )
}

#[tokio::test]
async fn credential_source_instance_metadata_and_container_sign_with_what_they_serve() {
    let dir = TempDir::new("sts-network-source");
    let server = metadata_container_and_sts();
    let source = Credentials::new(BASE_KEY_ID, BASE_SECRET).with_session_token("source-TOKEN");
    for (credential_source, variable, value) in [
        (
            "Ec2InstanceMetadata",
            "AWS_EC2_METADATA_SERVICE_ENDPOINT",
            server.url(),
        ),
        (
            "EcsContainer",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            format!("{}/container", server.url()),
        ),
    ] {
        let config = format!(
            "[default]\nrole_arn = arn:aws:iam::1:role/{credential_source}\ncredential_source = {credential_source}\n"
        );
        let env = files_env(&dir, &config).with(variable, value);
        let before = server.seen().len();
        let credentials = from_profile(&env, "default", &server).await.unwrap();
        let role = format!("arn:aws:iam::1:role/{credential_source}");
        assert_eq!(credentials.access_key_id(), role_key_id(&role));
        let seen = server.seen();
        let call = seen[before..]
            .iter()
            .find(|request| request.method == "POST")
            .expect("an STS call");
        assert_eq!(call.header("x-amz-security-token"), Some("source-TOKEN"));
        assert_eq!(
            call.header("authorization").unwrap(),
            recomputed_authorization(call, &server, &source, "us-east-1"),
            "{credential_source}"
        );
    }
}

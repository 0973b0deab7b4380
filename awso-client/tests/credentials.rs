//! Every credentials provider against real files in temporary directories and a scripted
//! HTTP server on 127.0.0.1. No test reads or changes the process environment, and none
//! reaches 169.254.169.254: each points its provider at its own server or turns it off.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use awso_client::credentials::profile::{ProfileChain, ProfileSet};
use awso_client::credentials::{
    CachedProvider, Clock, ContainerProvider, CredentialProcess, Credentials, CredentialsChain,
    CredentialsError, CredentialsFuture, DefaultChain, EnvironmentMap, EnvironmentProvider,
    ErrorKind, ImdsProvider, ProfileProvider, ProvideCredentials, RegionSource, resolve_region,
};
use awso_client::transport::HyperClient;
use support::{Reply, TempDir, TestServer, ok};

const KEY_ID: &str = "ASIAEXAMPLEKEYID";
const SECRET: &str = "wJalrXUtnFEMIsecretEXAMPLE";
const TOKEN: &str = "IQoJsessionTOKENexample";

fn endpoint_document(expiration: &str) -> String {
    format!(
        r#"{{"Code": "Success", "AccessKeyId": "{KEY_ID}", "SecretAccessKey": "{SECRET}", "Token": "{TOKEN}", "Expiration": "{expiration}"}}"#
    )
}

fn fast_client() -> HyperClient {
    HyperClient::new()
        .with_connect_timeout(Duration::from_millis(500))
        .with_read_timeout(Some(Duration::from_millis(300)))
}

/// Asserts that neither Debug form of `value` shows any secret.
fn assert_redacted(value: &impl std::fmt::Debug) {
    for printed in [format!("{value:?}"), format!("{value:#?}")] {
        for secret in [SECRET, TOKEN] {
            assert!(!printed.contains(secret), "{secret} printed in {printed}");
        }
    }
}

fn temporary() -> Credentials {
    Credentials::new(KEY_ID, SECRET).with_session_token(TOKEN)
}

// ---- static and environment ----

#[tokio::test]
async fn static_credentials_answer_themselves() {
    let provider = temporary();
    assert_eq!(provider.provide_credentials().await.unwrap(), temporary());
    assert_redacted(&provider);
    assert!(format!("{provider:?}").contains(KEY_ID));
}

#[tokio::test]
async fn environment_reads_key_secret_and_token() {
    let env = EnvironmentMap::from_pairs([
        ("AWS_ACCESS_KEY_ID", KEY_ID),
        ("AWS_SECRET_ACCESS_KEY", SECRET),
        ("AWS_SESSION_TOKEN", TOKEN),
    ]);
    assert_redacted(&env);
    let provider = EnvironmentProvider::new(env.clone());
    assert_redacted(&provider);
    assert_eq!(provider.provide_credentials().await.unwrap(), temporary());

    let long_term = EnvironmentProvider::new(env.with("AWS_SESSION_TOKEN", ""));
    let credentials = long_term.provide_credentials().await.unwrap();
    assert_eq!(credentials.session_token(), None);
}

#[tokio::test]
async fn environment_absent_passes_half_set_fails() {
    let error = EnvironmentProvider::new(EnvironmentMap::new())
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotConfigured);
    let half = EnvironmentMap::from_pairs([("AWS_ACCESS_KEY_ID", KEY_ID)]);
    let error = EnvironmentProvider::new(half)
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
    assert_eq!(
        error.to_string(),
        "environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"
    );
}

// ---- profile files ----

fn files_env(dir: &TempDir, config: &str, credentials: &str) -> EnvironmentMap {
    let config = dir.write("config", config);
    let credentials = dir.write("credentials", credentials);
    EnvironmentMap::from_pairs([
        ("AWS_CONFIG_FILE", config.to_str().unwrap()),
        ("AWS_SHARED_CREDENTIALS_FILE", credentials.to_str().unwrap()),
    ])
}

const CONFIG: &str = "\
# shared config
[default]
region = us-west-2 ; inline comment
s3 =
  max_concurrent_requests = 20
  addressing_style = path

[profile dev]
region = eu-central-1
aws_access_key_id = AKIDFROMCONFIG
aws_secret_access_key = from-config

[dev]
aws_access_key_id = AKIDIGNORED
";

#[tokio::test]
async fn profile_files_merge_with_credentials_file_winning() {
    let dir = TempDir::new("merge");
    let credentials = format!(
        "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = default-secret\n\
         [dev]\naws_access_key_id = {KEY_ID}\naws_secret_access_key = {SECRET}\naws_session_token = {TOKEN}\n"
    );
    let env = files_env(&dir, CONFIG, &credentials);
    let default = ProfileProvider::new(env.clone())
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(default.access_key_id(), "AKIDDEFAULT");
    let dev = ProfileProvider::new(env.clone().with("AWS_PROFILE", "dev"))
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(dev, temporary());
    let explicit =
        ProfileProvider::new(env.clone().with("AWS_PROFILE", "nope")).with_profile("dev");
    assert_eq!(explicit.provide_credentials().await.unwrap(), temporary());

    let set = explicit.files().load().unwrap();
    assert_redacted(&set);
    let default = set.profile("default").unwrap();
    let s3 = default.property("s3").unwrap();
    assert_eq!(s3.sub_property("max_concurrent_requests"), Some("20"));
    assert_eq!(s3.sub_property("addressing_style"), Some("path"));
    assert_eq!(default.get("region"), Some("us-west-2"));
}

#[tokio::test]
async fn missing_profile_and_keyless_profile_pass_to_the_next_provider() {
    let dir = TempDir::new("missing");
    let env = files_env(&dir, "[default]\nregion = us-east-1\n", "");
    let error = ProfileProvider::new(env.clone())
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotConfigured);
    assert!(
        error
            .message()
            .contains("profile `default` has no credentials"),
        "{error}"
    );
    let error = ProfileProvider::new(env)
        .with_profile("ghost")
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotConfigured);
    assert!(error.message().contains("no profile `ghost`"), "{error}");
    assert!(
        error.message().contains(dir.path().to_str().unwrap()),
        "{error}"
    );

    let no_files =
        EnvironmentMap::from_pairs([("HOME", dir.path().join("absent").to_str().unwrap())]);
    let error = ProfileProvider::new(no_files)
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotConfigured);
}

#[tokio::test]
async fn home_directory_locates_dot_aws() {
    let dir = TempDir::new("home");
    std::fs::create_dir_all(dir.path().join(".aws")).unwrap();
    dir.write(
        ".aws/credentials",
        &format!("[default]\naws_access_key_id = {KEY_ID}\naws_secret_access_key = {SECRET}\n"),
    );
    let env = EnvironmentMap::from_pairs([("HOME", dir.path().to_str().unwrap())]);
    let credentials = ProfileProvider::new(env)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.secret_access_key(), SECRET);
}

#[tokio::test]
async fn malformed_file_is_an_error_naming_file_and_line() {
    let dir = TempDir::new("malformed");
    let env = files_env(
        &dir,
        "[default]\nregion = x\n",
        &format!("[default]\naws_secret_access_key {SECRET}\n"),
    );
    let error = ProfileProvider::new(env)
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
    let shown = error.to_string();
    let path = dir.path().join("credentials");
    assert!(
        shown.contains(&format!("{}:2: expected `name = value`", path.display())),
        "{shown}"
    );
    assert!(!shown.contains(SECRET), "{shown}");
    assert_redacted(&error);
}

#[tokio::test]
async fn sso_profiles_are_reported_as_unsupported_and_role_chains_keep_secrets_out_of_debug() {
    let dir = TempDir::new("roles");
    let config = "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\n\
                  [profile base]\ncredential_process = tool --secret x\n\
                  [profile sso]\nsso_session = corp\n";
    let env = files_env(&dir, config, "");
    let error = ProfileProvider::new(env.clone())
        .with_profile("sso")
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unsupported);
    assert_eq!(
        error.message(),
        "SSO in profile `sso` is configured but not supported yet"
    );

    let set = ProfileProvider::new(env).files().load().unwrap();
    let chain = ProfileChain::resolve(&set, "admin").unwrap();
    assert_eq!(chain.roles.len(), 1);
    let printed = format!("{chain:?}");
    assert!(!printed.contains("--secret"), "{printed}");
}

// ---- credential_process ----

#[cfg(unix)]
mod process {
    use super::*;

    fn profile_with_process(dir: &TempDir, command: &str) -> ProfileProvider {
        let config = format!("[default]\ncredential_process = {command}\n");
        ProfileProvider::new(files_env(dir, &config, ""))
    }

    #[tokio::test]
    async fn runs_the_command_and_reads_version_1_output() {
        let dir = TempDir::new("process");
        let output = dir.write(
            "out.json",
            &format!(
                r#"{{"Version": 1, "AccessKeyId": "{KEY_ID}", "SecretAccessKey": "{SECRET}", "SessionToken": "{TOKEN}", "Expiration": "2030-01-02T03:04:05Z"}}"#
            ),
        );
        let provider = profile_with_process(&dir, &format!("cat '{}'", output.display()));
        let credentials = provider.provide_credentials().await.unwrap();
        assert_eq!(credentials.session_token(), Some(TOKEN));
        let expiry = credentials.expiry().unwrap();
        let since_epoch = expiry
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        assert_eq!(since_epoch, 1_893_553_445);
    }

    #[tokio::test]
    async fn failures_name_the_program_and_never_the_output() {
        let cases = [
            (
                "echo oops >&2; exit 3",
                "`echo` exited with exit status: 3: oops",
            ),
            (
                "echo '{\"Version\": 2, \"AccessKeyId\": \"a\", \"SecretAccessKey\": \"b\"}'",
                "`echo` printed no `\"Version\": 1`",
            ),
            ("echo not-json", "the answer is not JSON"),
            (
                "echo '{\"Version\": 1, \"AccessKeyId\": \"a\"}'",
                "the answer has no `SecretAccessKey`",
            ),
            (
                "echo '{\"Version\": 1, \"AccessKeyId\": \"a\", \"SecretAccessKey\": \"b\", \"Expiration\": \"soon\"}'",
                "`Expiration` is not an RFC 3339 timestamp",
            ),
        ];
        for (command, expected) in cases {
            let error = CredentialProcess::new(command).run().await.unwrap_err();
            assert_eq!(error.kind(), ErrorKind::ProviderFailed, "{command}");
            assert_eq!(error.provider(), "credential_process");
            assert!(error.message().starts_with(expected), "{command}: {error}");
        }
        let process = CredentialProcess::new(format!("tool --token {TOKEN}"));
        assert_redacted(&process);
    }

    #[tokio::test]
    async fn a_hanging_command_is_killed_at_its_timeout() {
        let dir = TempDir::new("process-timeout");
        let started = std::time::Instant::now();
        let error = CredentialProcess::new("sleep 30")
            .with_timeout(Duration::from_millis(200))
            .run()
            .await
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::ProviderFailed);
        assert_eq!(
            error.message(),
            "`sleep` did not finish within 200ms and was killed"
        );
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );

        // A background child holding the output pipe open cannot outlast the timeout either.
        let started = std::time::Instant::now();
        let error = CredentialProcess::new("sleep 30 & echo '{}'")
            .with_timeout(Duration::from_millis(200))
            .run()
            .await
            .unwrap_err();
        assert!(error.message().ends_with("and was killed"), "{error}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );

        // What the shell started is killed with it, not left running (it used to be).
        #[cfg(target_os = "linux")]
        {
            let pid_file = dir.path().join("grandchild.pid");
            let command = format!("sleep 30 & echo $! > '{}'; wait", pid_file.display());
            let error = CredentialProcess::new(command)
                .with_timeout(Duration::from_millis(300))
                .run()
                .await
                .unwrap_err();
            assert!(error.message().ends_with("and was killed"), "{error}");
            let pid = std::fs::read_to_string(&pid_file).unwrap();
            assert!(
                gone_within(pid.trim(), Duration::from_secs(5)),
                "the background `sleep` ({}) outlived the timeout",
                pid.trim()
            );
        }

        // Through a profile and a cache: the waiting caller gets the error, not a hang.
        let provider =
            profile_with_process(&dir, "sleep 30").with_process_timeout(Duration::from_millis(200));
        let cached = CachedProvider::new(provider);
        let started = std::time::Instant::now();
        let (first, second) =
            tokio::join!(cached.provide_credentials(), cached.provide_credentials());
        assert!(first.is_err() && second.is_err());
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );

        // A command within its timeout is unaffected.
        let quick = CredentialProcess::new(
            "echo '{\"Version\": 1, \"AccessKeyId\": \"a\", \"SecretAccessKey\": \"b\"}'",
        )
        .with_timeout(Duration::from_secs(30));
        assert_eq!(quick.run().await.unwrap().access_key_id(), "a");
        assert_eq!(
            CredentialProcess::new("x").timeout(),
            awso_client::credentials::DEFAULT_PROCESS_TIMEOUT
        );
    }
}

/// Whether process `pid` is gone (or a zombie nobody reaps yet) within `limit`, polled.
#[cfg(target_os = "linux")]
fn gone_within(pid: &str, limit: Duration) -> bool {
    let stat = format!("/proc/{pid}/stat");
    let polls = limit.as_millis() / 20;
    (0..polls).any(|_| {
        let gone = match std::fs::read_to_string(&stat) {
            // The state is the field after the parenthesised command name.
            Ok(text) => text
                .rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z'),
            Err(_) => true,
        };
        if !gone {
            std::thread::sleep(Duration::from_millis(20));
        }
        gone
    })
}

// ---- region ----

#[test]
fn region_comes_from_environment_then_profile() {
    let dir = TempDir::new("region");
    let env = files_env(&dir, CONFIG, "");
    let region = resolve_region(&env, None).unwrap().unwrap();
    assert_eq!(
        (region.name(), region.source()),
        ("us-west-2", &RegionSource::Profile("default".into()))
    );
    let region = resolve_region(&env, Some("dev")).unwrap().unwrap();
    assert_eq!(region.name(), "eu-central-1");
    let region = resolve_region(&env.clone().with("AWS_DEFAULT_REGION", "ap-south-1"), None)
        .unwrap()
        .unwrap();
    assert_eq!(
        region.source(),
        &RegionSource::Environment("AWS_DEFAULT_REGION")
    );
    assert_eq!(resolve_region(&EnvironmentMap::new(), None).unwrap(), None);
}

// ---- container ----

#[tokio::test]
async fn container_relative_uri_with_token() {
    let server = TestServer::start(|_| ok(endpoint_document("2030-01-01T00:00:00Z")));
    let env = EnvironmentMap::from_pairs([
        (
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "/v2/credentials/abc",
        ),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer agent-token"),
    ]);
    let provider = ContainerProvider::new(env, fast_client()).with_relative_base(server.url());
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .session_token(),
        Some(TOKEN)
    );
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        (seen[0].method.as_str(), seen[0].path.as_str()),
        ("GET", "/v2/credentials/abc")
    );
    assert_eq!(seen[0].header("authorization"), Some("Bearer agent-token"));
}

#[tokio::test]
async fn container_full_uri_with_token_file_winning() {
    let server = TestServer::start(|_| ok(endpoint_document("2030-01-01T00:00:00Z")));
    let dir = TempDir::new("token");
    let token_file = dir.write("token", "from-file\n");
    let env = EnvironmentMap::from_pairs([
        (
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            format!("{}/creds", server.url()).as_str(),
        ),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "from-variable"),
        (
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
            token_file.to_str().unwrap(),
        ),
    ]);
    let credentials = ContainerProvider::new(env, fast_client())
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), KEY_ID);
    assert_eq!(server.seen()[0].header("authorization"), Some("from-file"));
}

fn container_at(server: &TestServer) -> ContainerProvider {
    let env = EnvironmentMap::from_pairs([(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        format!("{}/creds", server.url()).as_str(),
    )]);
    ContainerProvider::new(env, fast_client())
}

#[tokio::test]
async fn container_failing_slow_and_malformed_answers() {
    let cases: [(Reply, &str); 5] = [
        (
            Reply::Status(500, "{}".into()),
            "the endpoint answered HTTP 500",
        ),
        (
            Reply::Status(200, "<html>".into()),
            "the answer is not JSON",
        ),
        (
            Reply::Status(200, r#"{"AccessKeyId": "a"}"#.into()),
            "the answer has no `SecretAccessKey`",
        ),
        (
            Reply::Slow(
                Duration::from_secs(2),
                200,
                endpoint_document("2030-01-01T00:00:00Z"),
            ),
            "the endpoint did not answer: no complete answer within",
        ),
        (
            Reply::Raw(b"SSH-2.0-nonsense\r\n\r\n"),
            "the endpoint did not answer",
        ),
    ];
    for (reply, expected) in cases {
        let reply = Arc::new(std::sync::Mutex::new(Some(reply)));
        let server = TestServer::start(move |_| {
            reply
                .lock()
                .unwrap()
                .take()
                .unwrap_or(Reply::Status(599, String::new()))
        });
        let error = container_at(&server)
            .provide_credentials()
            .await
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::ProviderFailed, "{error}");
        assert!(
            error
                .to_string()
                .starts_with(&format!("container: {expected}")),
            "{error}"
        );
    }
}

#[tokio::test]
async fn container_refuses_plain_http_to_other_hosts_without_asking() {
    let env = EnvironmentMap::from_pairs([(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "http://192.0.2.1/creds",
    )]);
    let error = ContainerProvider::new(env, fast_client())
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
    let env = EnvironmentMap::new();
    let error = ContainerProvider::new(env, fast_client())
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotConfigured);
}

// ---- instance metadata ----

fn imds_server(credentials: impl Fn() -> Reply + Send + Sync + 'static) -> TestServer {
    TestServer::start(
        move |request| match (request.method.as_str(), request.path.as_str()) {
            ("PUT", "/latest/api/token") => ok("imds-session-token"),
            ("GET", _)
                if request.header("x-aws-ec2-metadata-token") != Some("imds-session-token") =>
            {
                Reply::Status(401, String::new())
            }
            ("GET", "/latest/meta-data/iam/security-credentials/") => ok("web-role\n"),
            ("GET", "/latest/meta-data/iam/security-credentials/web-role") => credentials(),
            _ => Reply::Status(404, String::new()),
        },
    )
}

#[tokio::test]
async fn imds_token_then_role_then_credentials() {
    let server = imds_server(|| ok(endpoint_document("2030-01-01T00:00:00Z")));
    let env =
        EnvironmentMap::from_pairs([("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url().as_str())]);
    let provider = ImdsProvider::new(env, fast_client()).with_token_ttl(Duration::from_secs(600));
    let credentials = provider.provide_credentials().await.unwrap();
    assert_eq!(
        credentials,
        temporary().with_expiry(credentials.expiry().unwrap())
    );
    let seen = server.seen();
    let steps: Vec<_> = seen
        .iter()
        .map(|r| (r.method.as_str(), r.path.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            ("PUT", "/latest/api/token"),
            ("GET", "/latest/meta-data/iam/security-credentials/"),
            ("GET", "/latest/meta-data/iam/security-credentials/web-role"),
        ]
    );
    assert_eq!(
        seen[0].header("x-aws-ec2-metadata-token-ttl-seconds"),
        Some("600")
    );
    // The token request is a bare PUT: the TTL travels in the header, nothing in the body.
    assert_eq!(seen[0].body, "");
}

#[tokio::test]
async fn imds_failing_slow_and_malformed_answers() {
    type MakeReply = fn() -> Reply;
    let cases: [(MakeReply, &str); 4] = [
        (
            || Reply::Status(500, String::new()),
            "the endpoint answered HTTP 500",
        ),
        (
            || ok(r#"{"Code": "AssumeRoleUnauthorizedAccess"}"#),
            "the endpoint answered code `AssumeRoleUnauthorizedAccess`",
        ),
        (|| ok("{\"AccessKeyId\":"), "the answer is not JSON"),
        (
            || Reply::Slow(Duration::from_secs(2), 200, String::new()),
            "the metadata service did not answer",
        ),
    ];
    for (reply, expected) in cases {
        let server = imds_server(reply);
        let error = ImdsProvider::new(EnvironmentMap::new(), fast_client())
            .with_endpoint(server.url())
            .provide_credentials()
            .await
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::ProviderFailed);
        assert!(error.message().starts_with(expected), "{error}");
    }
}

#[tokio::test]
async fn imds_token_refusal_and_missing_role() {
    let refusing = TestServer::start(|_| Reply::Status(403, String::new()));
    let error = ImdsProvider::new(EnvironmentMap::new(), fast_client())
        .with_endpoint(refusing.url())
        .provide_credentials()
        .await
        .unwrap_err();
    assert!(error.message().contains("HTTP 403"), "{error}");
    let no_role = TestServer::start(|request| match request.method.as_str() {
        "PUT" => ok("t"),
        _ => Reply::Status(404, String::new()),
    });
    let error = ImdsProvider::new(EnvironmentMap::new(), fast_client())
        .with_endpoint(no_role.url())
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotConfigured);
    assert_eq!(no_role.seen().len(), 2);
}

#[tokio::test]
async fn imds_disabled_asks_nothing() {
    let server = imds_server(|| ok(endpoint_document("2030-01-01T00:00:00Z")));
    let env = EnvironmentMap::from_pairs([
        ("AWS_EC2_METADATA_DISABLED", "TRUE"),
        ("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url().as_str()),
    ]);
    let error = ImdsProvider::new(env, fast_client())
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "instance metadata: disabled by AWS_EC2_METADATA_DISABLED"
    );
    assert!(server.seen().is_empty());
}

// ---- chains ----

#[tokio::test]
async fn default_chain_prefers_environment_over_profile() {
    let dir = TempDir::new("chain-env");
    let env = files_env(
        &dir,
        "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = p\n",
        "",
    )
    .with("AWS_ACCESS_KEY_ID", "AKIDENV")
    .with("AWS_SECRET_ACCESS_KEY", "e");
    let chain = DefaultChain::builder()
        .environment(env.clone())
        .without_network()
        .build();
    assert_eq!(
        chain.provide_credentials().await.unwrap().access_key_id(),
        "AKIDENV"
    );
    let env = files_env(
        &dir,
        "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = p\n",
        "",
    );
    let chain = DefaultChain::builder()
        .environment(env)
        .without_network()
        .build();
    assert_eq!(
        chain.provide_credentials().await.unwrap().access_key_id(),
        "AKIDPROFILE"
    );
}

#[tokio::test]
async fn default_chain_nothing_found_lists_what_was_tried() {
    let dir = TempDir::new("chain-none");
    let env = EnvironmentMap::from_pairs([
        ("HOME", dir.path().to_str().unwrap()),
        ("AWS_EC2_METADATA_DISABLED", "true"),
    ]);
    let chain = DefaultChain::builder()
        .environment(env)
        .http_client(fast_client())
        .build();
    let error = chain.provide_credentials().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotConfigured);
    let tried: Vec<_> = error
        .tried()
        .iter()
        .map(CredentialsError::provider)
        .collect();
    assert_eq!(
        tried,
        [
            "environment",
            "profile",
            "web identity",
            "container",
            "instance metadata"
        ]
    );
    let shown = error.to_string();
    assert!(
        shown.starts_with("credentials chain: no credentials found (tried: environment: "),
        "{shown}"
    );
    assert!(
        shown.contains("container: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
        "{shown}"
    );
}

#[tokio::test]
async fn default_chain_falls_through_to_container_then_imds() {
    let container = TestServer::start(|_| ok(endpoint_document("2030-01-01T00:00:00Z")));
    let env = EnvironmentMap::from_pairs([(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        format!("{}/c", container.url()).as_str(),
    )]);
    let chain = DefaultChain::builder()
        .environment(env.with("HOME", "/nonexistent-awso-home"))
        .http_client(fast_client())
        .without_imds()
        .build();
    assert_eq!(
        chain.provide_credentials().await.unwrap().access_key_id(),
        KEY_ID
    );

    let imds = imds_server(|| ok(endpoint_document("2030-01-01T00:00:00Z")));
    let chain = DefaultChain::builder()
        .environment(EnvironmentMap::new())
        .http_client(fast_client())
        .imds_endpoint(imds.url())
        .build();
    assert_eq!(
        chain
            .provide_credentials()
            .await
            .unwrap()
            .secret_access_key(),
        SECRET
    );
    assert_eq!(imds.seen().len(), 3);
}

#[tokio::test]
async fn configured_but_broken_source_stops_the_chain() {
    let env = EnvironmentMap::from_pairs([
        ("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token"),
        ("AWS_ROLE_ARN", "arn:aws:iam::1:role/r"),
    ]);
    let chain = DefaultChain::builder()
        .environment(env)
        .without_network()
        .build();
    let error = chain.provide_credentials().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
    assert_eq!(error.tried().len(), 3);
    assert!(
        error
            .to_string()
            .contains("cannot read the web identity token file /var/run/token"),
        "{error}"
    );

    let chain = CredentialsChain::new()
        .push(EnvironmentProvider::new(EnvironmentMap::from_pairs([(
            "AWS_SECRET_ACCESS_KEY",
            SECRET,
        )])))
        .push(temporary());
    let error = chain.provide_credentials().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
    assert_redacted(&error);
    let empty = CredentialsChain::new()
        .provide_credentials()
        .await
        .unwrap_err();
    assert!(empty.tried().is_empty() && empty.is_not_configured());
}

// ---- cache ----

#[derive(Clone)]
struct ManualClock(Arc<std::sync::Mutex<SystemTime>>);

impl ManualClock {
    fn at(time: SystemTime) -> Self {
        ManualClock(Arc::new(std::sync::Mutex::new(time)))
    }
    fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> SystemTime {
        *self.0.lock().unwrap()
    }
}

/// Answers call `n` with `answer(n)`, after an optional pause, counting calls.
struct Scripted {
    calls: AtomicUsize,
    pause: Duration,
    answer: fn(usize) -> Result<Credentials, CredentialsError>,
}

impl Scripted {
    fn new(answer: fn(usize) -> Result<Credentials, CredentialsError>) -> Arc<Self> {
        Arc::new(Scripted {
            calls: AtomicUsize::new(0),
            pause: Duration::ZERO,
            answer,
        })
    }
    fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }
}

impl ProvideCredentials for Scripted {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            let n = self.calls.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(self.pause).await;
            (self.answer)(n)
        })
    }
}

fn start() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000)
}

/// Call `n` expires `n + 1` hours after `start()`; calls from 2 on fail.
fn hourly_then_failing(n: usize) -> Result<Credentials, CredentialsError> {
    if n >= 2 {
        return Err(CredentialsError::failed(
            "scripted",
            format!("call {n} fails"),
        ));
    }
    let expiry = start() + Duration::from_secs(3600 * (n as u64 + 1));
    Ok(Credentials::new(format!("AKID{n}"), SECRET).with_expiry(expiry))
}

#[tokio::test]
async fn cache_refreshes_before_expiry_and_serves_old_credentials_while_refresh_fails() {
    let clock = ManualClock::at(start());
    let inner = Scripted::new(hourly_then_failing);
    let cache = CachedProvider::new(inner.clone())
        .with_clock(clock.clone())
        .with_retry_after_failure(Duration::from_secs(30));
    let key = |c: Credentials| c.access_key_id().to_owned();
    assert_eq!(key(cache.provide_credentials().await.unwrap()), "AKID0");
    clock.advance(Duration::from_secs(3600 - 301));
    assert_eq!(key(cache.provide_credentials().await.unwrap()), "AKID0");
    assert_eq!(inner.calls(), 1, "outside the 5-minute window: no refresh");
    clock.advance(Duration::from_secs(2));
    assert_eq!(key(cache.provide_credentials().await.unwrap()), "AKID1");
    assert_eq!(inner.calls(), 2, "inside the window: refreshed");

    // AKID1 expires at start + 7200 s; refreshes from now on fail. Now: start + 7001 s.
    clock.advance(Duration::from_secs(3700));
    assert_eq!(key(cache.provide_credentials().await.unwrap()), "AKID1");
    assert_eq!(inner.calls(), 3);
    clock.advance(Duration::from_secs(10));
    assert_eq!(key(cache.provide_credentials().await.unwrap()), "AKID1");
    assert_eq!(
        inner.calls(),
        3,
        "a failed refresh rests before the next try"
    );
    clock.advance(Duration::from_secs(30));
    assert_eq!(key(cache.provide_credentials().await.unwrap()), "AKID1");
    assert_eq!(inner.calls(), 4);
    clock.advance(Duration::from_secs(200));
    let error = cache.provide_credentials().await.unwrap_err();
    assert_eq!(error.to_string(), "scripted: call 4 fails");
    assert_redacted(&cache);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_callers_share_one_refresh() {
    let inner = Arc::new(Scripted {
        calls: AtomicUsize::new(0),
        pause: Duration::from_millis(100),
        answer: |n| Ok(Credentials::new(format!("AKID{n}"), SECRET)),
    });
    let cache = Arc::new(CachedProvider::new(inner.clone()));
    let callers: Vec<_> = (0..32)
        .map(|_| {
            let cache = cache.clone();
            tokio::spawn(async move { cache.provide_credentials().await.unwrap() })
        })
        .collect();
    for caller in callers {
        assert_eq!(caller.await.unwrap().access_key_id(), "AKID0");
    }
    assert_eq!(inner.calls(), 1);
}

#[tokio::test]
async fn cache_without_expiry_asks_once_and_a_first_failure_is_returned() {
    let inner = Scripted::new(|n| Ok(Credentials::new(format!("AKID{n}"), SECRET)));
    let cache = CachedProvider::new(inner.clone());
    for _ in 0..3 {
        assert_eq!(
            cache.provide_credentials().await.unwrap().access_key_id(),
            "AKID0"
        );
    }
    assert_eq!(inner.calls(), 1);
    let failing = CachedProvider::new(Scripted::new(|_| {
        Err(CredentialsError::failed("scripted", "down"))
    }));
    assert_eq!(
        failing.provide_credentials().await.unwrap_err().message(),
        "down"
    );
}

#[test]
fn profile_set_debug_redacts_every_secret() {
    let set = ProfileSet::parse(
        None,
        Some((
            std::path::Path::new("credentials"),
            &format!("[a]\naws_access_key_id = {KEY_ID}\naws_secret_access_key = {SECRET}\naws_session_token = {TOKEN}\n"),
        )),
    )
    .unwrap();
    assert_redacted(&set);
    assert_redacted(set.profile("a").unwrap());
    assert!(format!("{set:?}").contains(KEY_ID));
}

// ---- the transport ----

#[tokio::test]
async fn hyper_client_sends_host_caps_the_body_and_refuses_other_schemes() {
    use awso_client::transport::{HttpErrorKind, send_buffered};

    let server = TestServer::start(|request| match request.path.as_str() {
        "/big" => ok("x".repeat(2048)),
        _ => ok("small"),
    });
    let client = fast_client();
    let get = |path: &str| {
        http::Request::get(format!("{}{path}", server.url()))
            .body(Vec::new())
            .unwrap()
    };
    let response = send_buffered(&client, get("/small?q=1"), 1024)
        .await
        .unwrap();
    assert_eq!(response.body(), b"small");
    let seen = server.seen();
    assert_eq!(seen[0].path, "/small?q=1");
    assert_eq!(
        seen[0].header("host"),
        Some(server.url().trim_start_matches("http://"))
    );
    let error = send_buffered(&client, get("/big"), 1024).await.unwrap_err();
    assert_eq!(error.kind(), HttpErrorKind::TooLarge);

    let ftp = http::Request::get("ftp://127.0.0.1/")
        .body(Vec::new())
        .unwrap();
    assert_eq!(
        send_buffered(&client, ftp, 1024).await.unwrap_err().kind(),
        HttpErrorKind::Unsupported
    );
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let refused = http::Request::get(format!("http://{closed}/"))
        .body(Vec::new())
        .unwrap();
    assert_eq!(
        send_buffered(&client, refused, 1024)
            .await
            .unwrap_err()
            .kind(),
        HttpErrorKind::Connect
    );
}

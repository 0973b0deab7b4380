//! The call: one straight line from an operation's input to its output or one error.
//!
//! build → resolve the endpoint → (per attempt) sign → send → classify → retry or parse.
//! The request is built once, so an idempotency token filled in for the first attempt and
//! the body bytes are the same on every attempt; only the signature (and its time) changes.
//!
//! ```
//! use awso_client::client::{Client, Config, ServiceSpec};
//! use awso_client::sign::{AuthScheme, BearerToken};
//! # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
//! # use awso_core::{AwsError, AwsShape, UnknownError};
//! # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
//! # struct Thing { name: Option<String> }
//! # #[derive(AwsError, Debug)] enum GetThingError { Unknown(UnknownError) }
//! # /// `GET /thing` of a local restJson1 service.
//! # struct GetThing;
//! # impl Operation for GetThing {
//! #     type Input = Unit; type Output = Thing; type Error = GetThingError;
//! #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
//! #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetThing", "GET", "/thing").with_output(Thing::SCHEMA);
//! # }
//! # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
//! # /// A local service's stand-in: answers each request with the next canned status and
//! # /// body (the last one again when they run out) and keeps the request heads.
//! # #[derive(Clone, Default)]
//! # struct Recorder { answers: Vec<(u16, &'static str)>, sent: std::sync::Arc<std::sync::Mutex<Vec<http::request::Parts>>> }
//! # impl Recorder {
//! #     fn answering(answers: &[(u16, &'static str)]) -> Self { Recorder { answers: answers.to_vec(), ..Recorder::default() } }
//! #     fn last(&self) -> http::request::Parts { self.sent.lock().unwrap().last().unwrap().clone() }
//! #     fn count(&self) -> usize { self.sent.lock().unwrap().len() }
//! # }
//! # impl HttpClient for Recorder {
//! #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
//! #         let mut sent = self.sent.lock().unwrap();
//! #         let (status, body) = self.answers.get(sent.len()).or(self.answers.last()).copied().unwrap_or((200, r#"{"Name":"widget"}"#));
//! #         sent.push(request.into_parts().0);
//! #         let mut response = http::Response::new(ResponseBody::from(body));
//! #         *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
//! #         Box::pin(async move { Ok(response) })
//! #     }
//! # }
//! # /// Passes no time between attempts.
//! # struct NoSleep;
//! # impl awso_client::client::Sleep for NoSleep {
//! #     fn sleep(&self, _: std::time::Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> { Box::pin(std::future::ready(())) }
//! # }
//! // `GetThing` is `GET /thing` of a local service; `Recorder` its stand-in transport, which
//! // answers 503 once, then the thing.
//! static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::Bearer);
//! let service = Recorder::answering(&[(503, "{}"), (200, r#"{"Name":"widget"}"#)]);
//! let config = Config::builder()
//!     .bearer_token(BearerToken::new("t-1"))
//!     .endpoint_url("http://127.0.0.1:9")
//!     .http_client(service.clone())
//!     .sleep(NoSleep)
//!     .build();
//! let client = Client::new(config);
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let thing = client.call::<GetThing>(&SPEC, &Unit).await.unwrap();
//! assert_eq!(thing.name.as_deref(), Some("widget"));
//! # });
//! // Two attempts, each signed anew.
//! assert_eq!(service.count(), 2);
//! assert_eq!(service.last().headers["authorization"], "Bearer t-1");
//! ```

mod attempts;
mod blocking;
mod call;
mod config;
mod customize;
mod endpoint;
mod error;
mod express;
mod fluent;
mod response_checksum;
mod streaming;

use std::sync::{Arc, Mutex};

/// When request bodies get a flexible checksum: awso-core's setting, which [`Config`] carries.
///
/// ```
/// use awso_client::client::{Config, RequestChecksumCalculation};
///
/// let config = Config::builder()
///     .request_checksum_calculation(RequestChecksumCalculation::WhenRequired)
///     .build();
/// assert_eq!(config.request_checksum_calculation(), RequestChecksumCalculation::WhenRequired);
/// ```
pub use awso_core::protocol::RequestChecksumCalculation;
pub use blocking::BlockingClient;
pub use config::{Config, ConfigBuilder, DEFAULT_USER_AGENT, Jitter, Sleep, Timeouts, TokioSleep};
pub use endpoint::EndpointSettings;
pub use error::{CallError, ErrorKind};
pub use fluent::{
    BlockingCall, BlockingStreamingCall, Call, CallFuture, StreamingCall, StreamingCallFuture,
};
pub use response_checksum::ResponseChecksumValidation;

use crate::endpoint::EmbeddedRuleSet;
use crate::endpoint::binding::OperationEndpoint;
use crate::retry::RetryQuota;
use crate::sign::{AuthScheme, OperationAuth, ServiceAuth};
use crate::transport::HttpClient;

/// What a call needs to know about a service beyond the protocol: its name (for logs), how
/// it signs, its endpoint rules and what each operation's input binds to them. Generated
/// clients hold one in a `static`.
///
/// The rules travel here rather than on a trait of the operation: `Client::call` stays
/// generic over awso-core's `Operation` alone (which knows nothing of endpoints), one static
/// per service holds them, and a service without rules (tests, local servers) just has none.
///
/// ```
/// use awso_client::client::ServiceSpec;
/// use awso_client::endpoint::EmbeddedRuleSet;
/// use awso_client::sign::AuthScheme;
///
/// // What a generated module holds per service (its rules as embedded JSON).
/// static RULES: EmbeddedRuleSet = EmbeddedRuleSet::new(r#"{"version": "1.0", "parameters": {},
///     "rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://things.example"}}]}"#);
/// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::Bearer).with_rules(&RULES);
/// assert_eq!(SPEC.name(), "things");
/// assert_eq!(SPEC.auth(), &AuthScheme::Bearer);
/// ```
#[derive(Debug)]
pub struct ServiceSpec {
    name: &'static str,
    auth: AuthScheme,
    rules: Option<&'static EmbeddedRuleSet>,
    /// Sorted by operation name.
    bindings: &'static [OperationEndpoint],
}

impl ServiceSpec {
    /// A service called `name` (its endpoint prefix) signing with `auth`, without rules: its
    /// requests go to the configured endpoint URL.
    ///
    /// ```
    /// use awso_client::client::ServiceSpec;
    /// use awso_client::sign::AuthScheme;
    ///
    /// static LOCAL: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// assert_eq!(LOCAL.name(), "things");
    /// // No rules and no bindings: calls go to the configured endpoint URL.
    /// assert!(LOCAL.bindings_for("GetThing").is_none());
    /// ```
    pub const fn new(name: &'static str, auth: AuthScheme) -> Self {
        ServiceSpec {
            name,
            auth,
            rules: None,
            bindings: &[],
        }
    }

    /// The spec a generated client uses for an operation: named by the service's endpoint
    /// prefix, signing as the model's auth metadata says ([`AuthScheme::select`]).
    ///
    /// When this build supports none of the schemes the model offers (SigV4a without the
    /// `sigv4a` feature), the operation signs with SigV4 and the service's answer says why
    /// that is refused; a warning is logged once per spec.
    ///
    /// ```
    /// use awso_client::client::ServiceSpec;
    /// use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
    ///
    /// let sts = ServiceAuth { signature_version: Some("v4"), endpoint_prefix: "sts", ..ServiceAuth::default() };
    /// let unsigned = OperationAuth { authtype: Some("none"), ..OperationAuth::default() };
    /// let spec = ServiceSpec::from_model(&sts, &unsigned);
    /// assert_eq!((spec.name(), spec.auth()), ("sts", &AuthScheme::NoAuth));
    /// ```
    pub fn from_model(service: &ServiceAuth<'static>, operation: &OperationAuth<'_>) -> Self {
        let auth = AuthScheme::select(service, operation).unwrap_or_else(|error| {
            tracing::warn!(service = service.endpoint_prefix, %error, "signing with SigV4");
            AuthScheme::select(
                service,
                &OperationAuth {
                    auth: Some(&["aws.auth#sigv4"]),
                    authtype: None,
                },
            )
            .unwrap_or(AuthScheme::NoAuth)
        });
        ServiceSpec::new(service.endpoint_prefix, auth)
    }

    /// The same service, resolving endpoints with `rules` when no URL is configured.
    ///
    /// ```
    /// use awso_client::client::{Client, Config, ServiceSpec};
    /// use awso_client::endpoint::EmbeddedRuleSet;
    /// use awso_client::sign::AuthScheme;
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct Thing { name: Option<String> }
    /// # #[derive(AwsError, Debug)] enum GetThingError { Unknown(UnknownError) }
    /// # /// `GET /thing` of a local restJson1 service.
    /// # struct GetThing;
    /// # impl Operation for GetThing {
    /// #     type Input = Unit; type Output = Thing; type Error = GetThingError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetThing", "GET", "/thing").with_output(Thing::SCHEMA);
    /// # }
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # /// A local service's stand-in: answers each request with the next canned status and
    /// # /// body (the last one again when they run out) and keeps the request heads.
    /// # #[derive(Clone, Default)]
    /// # struct Recorder { answers: Vec<(u16, &'static str)>, sent: std::sync::Arc<std::sync::Mutex<Vec<http::request::Parts>>> }
    /// # impl Recorder {
    /// #     fn answering(answers: &[(u16, &'static str)]) -> Self { Recorder { answers: answers.to_vec(), ..Recorder::default() } }
    /// #     fn last(&self) -> http::request::Parts { self.sent.lock().unwrap().last().unwrap().clone() }
    /// #     fn count(&self) -> usize { self.sent.lock().unwrap().len() }
    /// # }
    /// # impl HttpClient for Recorder {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let mut sent = self.sent.lock().unwrap();
    /// #         let (status, body) = self.answers.get(sent.len()).or(self.answers.last()).copied().unwrap_or((200, r#"{"Name":"widget"}"#));
    /// #         sent.push(request.into_parts().0);
    /// #         let mut response = http::Response::new(ResponseBody::from(body));
    /// #         *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
    /// #         Box::pin(async move { Ok(response) })
    /// #     }
    /// # }
    /// static RULES: EmbeddedRuleSet = EmbeddedRuleSet::new(r#"{"version": "1.0",
    ///   "parameters": {"Region": {"type": "string", "builtIn": "AWS::Region", "required": true}},
    ///   "rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": "http://127.0.0.1:9/{Region}"}}]}"#);
    /// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth).with_rules(&RULES);
    /// let service = Recorder::default();
    /// let config = Config::builder().region("eu-west-3").http_client(service.clone()).build();
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// Client::new(config).call::<GetThing>(&SPEC, &Unit).await.unwrap();
    /// # });
    /// assert_eq!(service.last().uri, "http://127.0.0.1:9/eu-west-3/thing");
    /// ```
    #[must_use]
    pub const fn with_rules(mut self, rules: &'static EmbeddedRuleSet) -> Self {
        self.rules = Some(rules);
        self
    }

    /// The same service with its operations' endpoint bindings, sorted by operation name
    /// (as the generator writes them).
    ///
    /// ```
    /// use awso_client::client::ServiceSpec;
    /// use awso_client::endpoint::binding::OperationEndpoint;
    /// use awso_client::sign::AuthScheme;
    ///
    /// static BINDINGS: [OperationEndpoint; 2] = [
    ///     OperationEndpoint { members: &[("Bucket", "Bucket")], ..OperationEndpoint::new("GetObject") },
    ///     OperationEndpoint::new("ListBuckets"),
    /// ];
    /// static SPEC: ServiceSpec = ServiceSpec::new("s3", AuthScheme::NoAuth).with_bindings(&BINDINGS);
    /// assert_eq!(SPEC.bindings_for("GetObject").unwrap().members, [("Bucket", "Bucket")]);
    /// assert!(SPEC.bindings_for("PutObject").is_none());
    /// ```
    #[must_use]
    pub const fn with_bindings(mut self, bindings: &'static [OperationEndpoint]) -> Self {
        self.bindings = bindings;
        self
    }

    /// The endpoint bindings of `operation` (its name in the model), if it has any.
    ///
    /// ```
    /// use awso_client::client::ServiceSpec;
    /// use awso_client::endpoint::binding::{OperationEndpoint, StaticValue};
    /// use awso_client::sign::AuthScheme;
    ///
    /// const EXPRESS: StaticValue = StaticValue::Bool(true);
    /// static BINDINGS: [OperationEndpoint; 1] =
    ///     [OperationEndpoint { static_params: &[("UseS3ExpressControlEndpoint", EXPRESS)], ..OperationEndpoint::new("CreateSession") }];
    /// static SPEC: ServiceSpec = ServiceSpec::new("s3", AuthScheme::NoAuth).with_bindings(&BINDINGS);
    /// let bindings = SPEC.bindings_for("CreateSession").unwrap();
    /// assert_eq!(bindings.static_params, [("UseS3ExpressControlEndpoint", EXPRESS)]);
    /// assert!(SPEC.bindings_for("ListBuckets").is_none());
    /// ```
    pub fn bindings_for(&self, operation: &str) -> Option<&'static OperationEndpoint> {
        let bindings = self.bindings;
        match bindings.binary_search_by(|b| b.operation.cmp(operation)) {
            Ok(at) => bindings.get(at),
            // Not sorted after all (hand-written specs): a linear look still finds it.
            Err(_) => bindings.iter().find(|b| b.operation == operation),
        }
    }

    /// The service's name.
    ///
    /// ```
    /// use awso_client::client::ServiceSpec;
    /// use awso_client::sign::AuthScheme;
    /// static SPEC: ServiceSpec = ServiceSpec::new("sqs", AuthScheme::NoAuth);
    /// assert_eq!(SPEC.name(), "sqs");
    /// ```
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// How its operations sign.
    ///
    /// ```
    /// use awso_client::client::ServiceSpec;
    /// use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
    /// let sqs = ServiceAuth { signature_version: Some("v4"), endpoint_prefix: "sqs", ..ServiceAuth::default() };
    /// let spec = ServiceSpec::from_model(&sqs, &OperationAuth::default());
    /// let AuthScheme::SigV4(sigv4) = spec.auth() else { panic!("{:?}", spec.auth()) };
    /// assert_eq!(sigv4.signing_name, "sqs");
    /// ```
    pub const fn auth(&self) -> &AuthScheme {
        &self.auth
    }
}

/// A configured client: cheap to clone (one `Arc`), safe to share between tasks. Its
/// retry quota is shared by every call made through it and its clones.
///
/// ```
/// use awso_client::client::{Client, Config};
///
/// let client = Client::new(Config::builder().region("us-east-1").endpoint_url("http://127.0.0.1:9").build());
/// let copy = client.clone();
/// assert_eq!(copy.config().region(), Some("us-east-1"));
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    http: Arc<dyn HttpClient>,
    quota: Mutex<RetryQuota>,
    /// The server's clock minus ours, in seconds, learned from skew errors.
    clock_offset: std::sync::atomic::AtomicI64,
    /// S3 Express sessions, per directory bucket and caller.
    express: express::Sessions,
    /// `AWS_LAMBDA_FUNCTION_NAME` when the client was made: inside Lambda, calls carry the
    /// invocation's trace id (see `customize::add_trace_id`).
    lambda_function: Option<String>,
}

impl std::fmt::Debug for dyn HttpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HttpClient")
    }
}

impl Client {
    /// Resolves `config` into a client; without a transport in it, the default
    /// [`HyperClient`](crate::transport::HyperClient) with the config's connect timeout
    /// (without the `hyper` feature, every call then fails with a transport error saying so).
    ///
    /// ```
    /// use awso_client::client::{Client, Config};
    /// use awso_client::transport::{HttpClient, HttpError, HttpErrorKind, HttpFuture};
    /// /// A transport of a test's own: never reachable.
    /// struct Offline;
    /// impl HttpClient for Offline {
    ///     fn send(&self, _: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    ///         Box::pin(async { Err(HttpError::new(HttpErrorKind::Connect, "offline")) })
    ///     }
    /// }
    /// let client = Client::new(Config::builder().region("us-east-2").http_client(Offline).build());
    /// assert_eq!(client.config().region(), Some("us-east-2"));
    /// ```
    pub fn new(config: Config) -> Self {
        let http = config
            .http_client
            .clone()
            .unwrap_or_else(|| default_transport(&config));
        Client {
            inner: Arc::new(Inner {
                config,
                http,
                quota: Mutex::new(RetryQuota::standard()),
                clock_offset: std::sync::atomic::AtomicI64::new(0),
                express: express::Sessions::default(),
                lambda_function: std::env::var("AWS_LAMBDA_FUNCTION_NAME").ok(),
            }),
        }
    }

    /// The settings.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::client::{Client, Config, Timeouts};
    /// let timeouts = Timeouts::default().with_attempt(Some(Duration::from_secs(2)));
    /// let client = Client::new(Config::builder().timeouts(timeouts).endpoint_url("http://127.0.0.1:9").build());
    /// assert_eq!(client.config().timeouts().attempt(), Some(Duration::from_secs(2)));
    /// ```
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The retry tokens left in the client's quota.
    ///
    /// ```
    /// use awso_client::client::{Client, Config, ServiceSpec};
    /// use awso_client::retry::RetryQuota;
    /// use awso_client::sign::AuthScheme;
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct Thing { name: Option<String> }
    /// # #[derive(AwsError, Debug)] enum GetThingError { Unknown(UnknownError) }
    /// # /// `GET /thing` of a local restJson1 service.
    /// # struct GetThing;
    /// # impl Operation for GetThing {
    /// #     type Input = Unit; type Output = Thing; type Error = GetThingError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetThing", "GET", "/thing").with_output(Thing::SCHEMA);
    /// # }
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # /// A local service's stand-in: answers each request with the next canned status and
    /// # /// body (the last one again when they run out) and keeps the request heads.
    /// # #[derive(Clone, Default)]
    /// # struct Recorder { answers: Vec<(u16, &'static str)>, sent: std::sync::Arc<std::sync::Mutex<Vec<http::request::Parts>>> }
    /// # impl Recorder {
    /// #     fn answering(answers: &[(u16, &'static str)]) -> Self { Recorder { answers: answers.to_vec(), ..Recorder::default() } }
    /// #     fn last(&self) -> http::request::Parts { self.sent.lock().unwrap().last().unwrap().clone() }
    /// #     fn count(&self) -> usize { self.sent.lock().unwrap().len() }
    /// # }
    /// # impl HttpClient for Recorder {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let mut sent = self.sent.lock().unwrap();
    /// #         let (status, body) = self.answers.get(sent.len()).or(self.answers.last()).copied().unwrap_or((200, r#"{"Name":"widget"}"#));
    /// #         sent.push(request.into_parts().0);
    /// #         let mut response = http::Response::new(ResponseBody::from(body));
    /// #         *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
    /// #         Box::pin(async move { Ok(response) })
    /// #     }
    /// # }
    /// # /// Passes no time between attempts.
    /// # struct NoSleep;
    /// # impl awso_client::client::Sleep for NoSleep {
    /// #     fn sleep(&self, _: std::time::Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> { Box::pin(std::future::ready(())) }
    /// # }
    /// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// // Unavailable every time: each of the two retries takes 5 tokens, and a call
    /// // that fails in the end gives none back.
    /// let service = Recorder::answering(&[(503, "{}")]);
    /// let config = Config::builder().sleep(NoSleep).endpoint_url("http://127.0.0.1:9").http_client(service).build();
    /// let client = Client::new(config);
    /// let full = RetryQuota::standard().available();
    /// assert_eq!(client.retry_tokens(), full);
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// let error = client.call::<GetThing>(&SPEC, &Unit).await.unwrap_err();
    /// assert_eq!(error.attempts(), 3);
    /// # });
    /// assert_eq!(client.retry_tokens(), full - 10);
    /// ```
    pub fn retry_tokens(&self) -> u32 {
        self.inner.quota.lock().map_or(0, |quota| quota.available())
    }
}

#[cfg(feature = "hyper")]
fn default_transport(config: &Config) -> Arc<dyn HttpClient> {
    Arc::new(
        crate::transport::HyperClient::new()
            .with_connect_timeout(config.timeouts.connect())
            .with_read_timeout(None),
    )
}

#[cfg(not(feature = "hyper"))]
fn default_transport(_: &Config) -> Arc<dyn HttpClient> {
    struct NoTransport;
    impl HttpClient for NoTransport {
        fn send(&self, _: http::Request<bytes::Bytes>) -> crate::transport::HttpFuture<'_> {
            Box::pin(async {
                Err(crate::transport::HttpError::new(
                    crate::transport::HttpErrorKind::Unsupported,
                    "awso-client was built without the `hyper` feature: give the Config an http_client",
                ))
            })
        }
    }
    Arc::new(NoTransport)
}

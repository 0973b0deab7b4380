//! Client settings as data: a builder, `from_env`, resolved once into a [`Client`](super::Client).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use super::EndpointSettings;
use crate::credentials::profile::ProfileFiles;
use crate::credentials::{
    Clock, CredentialsError, DefaultChain, Environment, ProcessEnvironment, ProvideCredentials,
    SystemClock, resolve_region,
};
use crate::endpoint::Partitions;
use crate::retry::RetrySettings;
use crate::sign::BearerToken;
use crate::transport::HttpClient;

use super::ResponseChecksumValidation;
use awso_core::protocol::RequestChecksumCalculation;

/// Waits: the call's only way to pass time, so tests record delays instead of sleeping.
///
/// ```
/// use std::future::Future;
/// use std::pin::Pin;
/// use std::sync::{Arc, Mutex};
/// use std::time::Duration;
/// use awso_client::client::Sleep;
///
/// /// Keeps the delays asked for and returns at once: what a test of retries wants.
/// #[derive(Clone, Default)]
/// struct Recorded(Arc<Mutex<Vec<Duration>>>);
/// impl Sleep for Recorded {
///     fn sleep(&self, delay: Duration) -> Pin<Box<dyn Future<Output = ()> + Send>> {
///         self.0.lock().unwrap().push(delay);
///         Box::pin(std::future::ready(()))
///     }
/// }
/// let sleep = Recorded::default();
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// sleep.sleep(Duration::from_secs(20)).await;
/// # });
/// assert_eq!(*sleep.0.lock().unwrap(), [Duration::from_secs(20)]);
/// ```
pub trait Sleep: Send + Sync {
    /// A future that completes after `delay`.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use std::time::{Duration, Instant};
    /// use awso_client::client::{Sleep, TokioSleep};
    /// // Held the way a config holds it.
    /// let sleep: Arc<dyn Sleep> = Arc::new(TokioSleep);
    /// # tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(async {
    /// let start = Instant::now();
    /// sleep.sleep(Duration::from_millis(2)).await;
    /// assert!(start.elapsed() >= Duration::from_millis(2));
    /// # });
    /// ```
    fn sleep(&self, delay: Duration) -> Pin<Box<dyn Future<Output = ()> + Send>>;
}

/// [`Sleep`] on tokio's timer.
///
/// ```
/// use std::time::Duration;
/// use awso_client::client::{Sleep, TokioSleep};
/// # tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(async {
/// let start = std::time::Instant::now();
/// TokioSleep.sleep(Duration::from_millis(5)).await;
/// assert!(start.elapsed() >= Duration::from_millis(5));
/// # });
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct TokioSleep;

impl Sleep for TokioSleep {
    fn sleep(&self, delay: Duration) -> Pin<Box<dyn Future<Output = ()> + Send>> {
        Box::pin(tokio::time::sleep(delay))
    }
}

/// A source of numbers in `[0, 1)` for the backoff's jitter.
///
/// ```
/// use std::sync::Arc;
/// use awso_client::client::Jitter;
/// // A fixed jitter makes backoff delays reproducible.
/// let jitter: Jitter = Arc::new(|| 0.5);
/// assert_eq!(jitter(), 0.5);
/// ```
pub type Jitter = Arc<dyn Fn() -> f64 + Send + Sync>;

/// The limits of a call.
///
/// ```
/// use std::time::Duration;
/// use awso_client::client::Timeouts;
///
/// let timeouts = Timeouts::default().with_attempt(Some(Duration::from_secs(5)));
/// assert_eq!(timeouts.connect(), Duration::from_secs(3));
/// assert_eq!(timeouts.attempt(), Some(Duration::from_secs(5)));
/// assert_eq!(timeouts.total(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    connect: Duration,
    attempt: Option<Duration>,
    total: Option<Duration>,
}

impl Default for Timeouts {
    /// 3 s to connect; attempts and calls unbounded (a streamed download takes what it takes).
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(3),
            attempt: None,
            total: None,
        }
    }
}

impl Timeouts {
    /// The same limits with another connect timeout.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::client::Timeouts;
    /// let timeouts = Timeouts::default().with_connect(Duration::from_millis(500));
    /// assert_eq!(timeouts.connect(), Duration::from_millis(500));
    /// ```
    #[must_use]
    pub fn with_connect(mut self, timeout: Duration) -> Self {
        self.connect = timeout;
        self
    }

    /// The same limits with another bound on each attempt (sending and reading the answer).
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::client::Timeouts;
    /// let timeouts = Timeouts::default().with_attempt(Some(Duration::from_secs(10)));
    /// assert_eq!(timeouts.attempt(), Some(Duration::from_secs(10)));
    /// assert_eq!(timeouts.with_attempt(None).attempt(), None);
    /// ```
    #[must_use]
    pub fn with_attempt(mut self, timeout: Option<Duration>) -> Self {
        self.attempt = timeout;
        self
    }

    /// The same limits with another bound on the whole call, retries and delays included.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::client::Timeouts;
    /// let timeouts = Timeouts::default().with_total(Some(Duration::from_secs(60)));
    /// assert_eq!(timeouts.total(), Some(Duration::from_secs(60)));
    /// ```
    #[must_use]
    pub fn with_total(mut self, timeout: Option<Duration>) -> Self {
        self.total = timeout;
        self
    }

    /// The connect timeout.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::client::Timeouts;
    /// assert_eq!(Timeouts::default().connect(), Duration::from_secs(3));
    /// ```
    pub fn connect(&self) -> Duration {
        self.connect
    }

    /// The bound on each attempt.
    ///
    /// ```
    /// use awso_client::client::Timeouts;
    /// // Unbounded by default: a long download is not cut off.
    /// assert_eq!(Timeouts::default().attempt(), None);
    /// ```
    pub fn attempt(&self) -> Option<Duration> {
        self.attempt
    }

    /// The bound on the whole call.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::client::Timeouts;
    /// assert_eq!(Timeouts::default().total(), None);
    /// let bounded = Timeouts::default().with_total(Some(Duration::from_secs(30)));
    /// assert_eq!(bounded.total(), Some(Duration::from_secs(30)));
    /// ```
    pub fn total(&self) -> Option<Duration> {
        self.total
    }
}

/// Everything a [`Client`](super::Client) needs, each part settable; see [`Config::builder`]
/// and [`Config::from_env`].
///
/// ```
/// use awso_client::client::{Client, Config};
///
/// let config = Config::builder().region("ap-south-1").endpoint_url("http://127.0.0.1:4566").build();
/// // A client owns its settings; a `Config` is cheap to clone for another one.
/// let client = Client::new(config.clone());
/// assert_eq!(client.config().region(), config.region());
/// assert_eq!(config.endpoint_url(), Some("http://127.0.0.1:4566"));
/// ```
#[derive(Clone)]
pub struct Config {
    pub(crate) region: Option<String>,
    pub(crate) credentials: Option<Arc<dyn ProvideCredentials>>,
    pub(crate) bearer: Option<BearerToken>,
    pub(crate) endpoint_url: Option<String>,
    pub(crate) partitions: Arc<Partitions>,
    pub(crate) endpoint: EndpointSettings,
    pub(crate) retry: RetrySettings,
    pub(crate) timeouts: Timeouts,
    pub(crate) user_agent: String,
    pub(crate) http_client: Option<Arc<dyn HttpClient>>,
    pub(crate) sleep: Arc<dyn Sleep>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) jitter: Jitter,
    pub(crate) response_checksum_validation: ResponseChecksumValidation,
    pub(crate) request_checksum_calculation: RequestChecksumCalculation,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Credentials and tokens are never printed, only whether they are set.
        f.debug_struct("Config")
            .field("region", &self.region)
            .field("credentials", &self.credentials.is_some())
            .field("bearer", &self.bearer.is_some())
            .field("endpoint_url", &self.endpoint_url)
            .field("endpoint", &self.endpoint)
            .field("retry", &self.retry)
            .field("timeouts", &self.timeouts)
            .field("user_agent", &self.user_agent)
            .field(
                "response_checksum_validation",
                &self.response_checksum_validation,
            )
            .field(
                "request_checksum_calculation",
                &self.request_checksum_calculation,
            )
            .finish_non_exhaustive()
    }
}

/// The `User-Agent` sent when none is set.
///
/// ```
/// use awso_client::client::DEFAULT_USER_AGENT;
/// assert!(DEFAULT_USER_AGENT.starts_with("awso-rust/"));
/// ```
pub const DEFAULT_USER_AGENT: &str = concat!("awso-rust/", env!("CARGO_PKG_VERSION"));

impl Config {
    /// A builder with nothing set: no region, no credentials, standard retries.
    ///
    /// ```
    /// use awso_client::client::Config;
    /// use awso_client::credentials::Credentials;
    ///
    /// let config = Config::builder()
    ///     .region("eu-west-1")
    ///     .credentials(Credentials::new("AKIDEXAMPLE", "secret"))
    ///     .endpoint_url("http://127.0.0.1:4566")
    ///     .build();
    /// assert_eq!(config.region(), Some("eu-west-1"));
    /// assert!(!format!("{config:?}").contains("secret"));
    /// ```
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder {
            config: Config {
                region: None,
                credentials: None,
                bearer: None,
                endpoint_url: None,
                partitions: Partitions::aws(),
                endpoint: EndpointSettings::default(),
                retry: RetrySettings::standard(),
                timeouts: Timeouts::default(),
                user_agent: DEFAULT_USER_AGENT.to_owned(),
                http_client: None,
                sleep: Arc::new(TokioSleep),
                clock: Arc::new(SystemClock),
                jitter: Arc::new(system_jitter),
                response_checksum_validation: ResponseChecksumValidation::WhenSupported,
                request_checksum_calculation: RequestChecksumCalculation::WhenSupported,
            },
        }
    }

    /// A builder loaded the way the SDKs' `from_env` loads: the region from `AWS_REGION`,
    /// `AWS_DEFAULT_REGION` or the profile, credentials from the default chain (cached),
    /// the endpoint from `AWS_ENDPOINT_URL`, the checksum settings from
    /// `AWS_REQUEST_CHECKSUM_CALCULATION` / `AWS_RESPONSE_CHECKSUM_VALIDATION` or the
    /// profile's `request_checksum_calculation` / `response_checksum_validation`. Each part
    /// can still be replaced.
    ///
    /// ```
    /// use awso_client::client::Config;
    ///
    /// // Whatever the environment says, a part set afterwards wins.
    /// let config = Config::from_env()?.region("eu-north-1").endpoint_url("http://127.0.0.1:4566").build();
    /// assert_eq!(config.region(), Some("eu-north-1"));
    /// assert_eq!(config.endpoint_url(), Some("http://127.0.0.1:4566"));
    /// # Ok::<(), awso_client::credentials::CredentialsError>(())
    /// ```
    pub fn from_env() -> Result<ConfigBuilder, CredentialsError> {
        let env = ProcessEnvironment;
        let mut builder = Config::builder().credentials(crate::credentials::CachedProvider::new(
            DefaultChain::builder().build(),
        ));
        if let Some(region) = resolve_region(&env, None)? {
            builder = builder.region(region.name());
        }
        if let Ok(url) = std::env::var("AWS_ENDPOINT_URL") {
            if !url.trim().is_empty() {
                builder = builder.endpoint_url(url.trim());
            }
        }
        let flag = |name| std::env::var(name).is_ok_and(|v| v.trim().eq_ignore_ascii_case("true"));
        let mut endpoint = EndpointSettings::default();
        if flag("AWS_USE_FIPS_ENDPOINT") {
            endpoint = endpoint.use_fips(true);
        }
        if flag("AWS_USE_DUALSTACK_ENDPOINT") {
            endpoint = endpoint.use_dual_stack(true);
        }
        checksum_settings(&env, builder.endpoint_settings(endpoint))
    }

    /// The region.
    ///
    /// ```
    /// use awso_client::client::Config;
    /// assert_eq!(Config::builder().build().region(), None);
    /// assert_eq!(Config::builder().region("us-west-2").build().region(), Some("us-west-2"));
    /// ```
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The endpoint every request goes to, when set.
    ///
    /// ```
    /// use awso_client::client::Config;
    /// assert_eq!(Config::builder().build().endpoint_url(), None);
    /// let local = Config::builder().endpoint_url("http://127.0.0.1:8000").build();
    /// assert_eq!(local.endpoint_url(), Some("http://127.0.0.1:8000"));
    /// ```
    pub fn endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// FIPS, dual-stack and the other endpoint parameters.
    ///
    /// ```
    /// use awso_client::client::{Config, EndpointSettings};
    /// let config = Config::builder().endpoint_settings(EndpointSettings::default().use_fips(true)).build();
    /// assert_eq!(config.endpoint_settings(), &EndpointSettings::default().use_fips(true));
    /// ```
    pub fn endpoint_settings(&self) -> &EndpointSettings {
        &self.endpoint
    }

    /// The retry settings.
    ///
    /// ```
    /// use awso_client::client::Config;
    /// use awso_client::retry::RetrySettings;
    /// assert_eq!(Config::builder().build().retry(), RetrySettings::standard());
    /// ```
    pub fn retry(&self) -> RetrySettings {
        self.retry
    }

    /// The timeouts.
    ///
    /// ```
    /// use awso_client::client::{Config, Timeouts};
    /// assert_eq!(Config::builder().build().timeouts(), Timeouts::default());
    /// ```
    pub fn timeouts(&self) -> Timeouts {
        self.timeouts
    }

    /// When response checksums are checked.
    ///
    /// ```
    /// use awso_client::client::{Config, ResponseChecksumValidation};
    /// let config = Config::builder().build();
    /// assert_eq!(config.response_checksum_validation(), ResponseChecksumValidation::WhenSupported);
    /// ```
    pub fn response_checksum_validation(&self) -> ResponseChecksumValidation {
        self.response_checksum_validation
    }

    /// When request bodies get a checksum.
    ///
    /// ```
    /// use awso_client::client::{Config, RequestChecksumCalculation};
    ///
    /// let config = Config::builder().build();
    /// assert_eq!(config.request_checksum_calculation(), RequestChecksumCalculation::WhenSupported);
    /// ```
    pub fn request_checksum_calculation(&self) -> RequestChecksumCalculation {
        self.request_checksum_calculation
    }
}

/// Sets the parts of a [`Config`].
///
/// ```
/// use std::time::Duration;
/// use awso_client::client::{Config, Timeouts};
/// use awso_client::retry::RetrySettings;
///
/// let config = Config::builder()
///     .region("eu-central-1")
///     .retry(RetrySettings::standard().with_max_attempts(5))
///     .timeouts(Timeouts::default().with_total(Some(Duration::from_secs(30))))
///     .build();
/// assert_eq!(config.retry().max_attempts(), 5);
/// assert_eq!(config.timeouts().total(), Some(Duration::from_secs(30)));
/// ```
pub struct ConfigBuilder {
    config: Config,
}

impl ConfigBuilder {
    /// The region requests go to and are signed for.
    ///
    /// ```
    /// use awso_client::client::Config;
    /// let config = Config::builder().region("sa-east-1").build();
    /// assert_eq!(config.region(), Some("sa-east-1"));
    /// ```
    #[must_use]
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.config.region = Some(region.into());
        self
    }

    /// Where SigV4 credentials come from.
    ///
    /// ```
    /// use awso_client::client::{Client, Config, ServiceSpec};
    /// use awso_client::credentials::Credentials;
    /// use awso_client::sign::{OperationAuth, ServiceAuth};
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
    /// let things = ServiceAuth { signature_version: Some("v4"), endpoint_prefix: "things", ..ServiceAuth::default() };
    /// let spec = ServiceSpec::from_model(&things, &OperationAuth::default());
    /// let service = Recorder::default();
    /// let config = Config::builder()
    ///     .region("us-east-1")
    ///     .credentials(Credentials::new("AKIDEXAMPLE", "secret"))
    ///     .endpoint_url("http://127.0.0.1:9")
    ///     .http_client(service.clone())
    ///     .build();
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// Client::new(config).call::<GetThing>(&spec, &Unit).await.unwrap();
    /// # });
    /// let authorization = service.last().headers["authorization"].to_str().unwrap().to_owned();
    /// assert!(authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), "{authorization}");
    /// ```
    #[must_use]
    pub fn credentials(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.config.credentials = Some(Arc::new(provider));
        self
    }

    /// The token of bearer-authenticated operations.
    ///
    /// ```
    /// use awso_client::client::{Client, Config, ServiceSpec};
    /// use awso_client::sign::{AuthScheme, BearerToken};
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
    /// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::Bearer);
    /// let service = Recorder::default();
    /// let config = Config::builder()
    ///     .bearer_token(BearerToken::new("t-1"))
    ///     .endpoint_url("http://127.0.0.1:9")
    ///     .http_client(service.clone())
    ///     .build();
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// Client::new(config).call::<GetThing>(&SPEC, &Unit).await.unwrap();
    /// # });
    /// assert_eq!(service.last().headers["authorization"], "Bearer t-1");
    /// ```
    #[must_use]
    pub fn bearer_token(mut self, token: BearerToken) -> Self {
        self.config.bearer = Some(token);
        self
    }

    /// Sends every request to `url` instead of the endpoint the rules resolve.
    ///
    /// ```
    /// use awso_client::client::{Client, Config, ServiceSpec};
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
    /// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// let service = Recorder::default();
    /// let config = Config::builder().endpoint_url("http://127.0.0.1:4566").http_client(service.clone()).build();
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// Client::new(config).call::<GetThing>(&SPEC, &Unit).await.unwrap();
    /// # });
    /// assert_eq!(service.last().uri, "http://127.0.0.1:4566/thing");
    /// ```
    #[must_use]
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.config.endpoint_url = Some(url.into());
        self
    }

    /// FIPS, dual-stack, S3's path style and the other endpoint parameters.
    ///
    /// ```
    /// use awso_client::client::{Config, EndpointSettings};
    /// let config = Config::builder()
    ///     .endpoint_settings(EndpointSettings::default().use_dual_stack(true).param("ForcePathStyle", true))
    ///     .build();
    /// assert!(config.endpoint_settings().get("ForcePathStyle").is_some());
    /// ```
    #[must_use]
    pub fn endpoint_settings(mut self, settings: EndpointSettings) -> Self {
        self.config.endpoint = settings;
        self
    }

    /// The partitions (`partitions.json`) endpoint rules read.
    ///
    /// ```
    /// use awso_client::client::{Client, Config, ServiceSpec};
    /// use awso_client::endpoint::{EmbeddedRuleSet, Partitions};
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
    /// // A partition of a test's own, with a DNS suffix of its own.
    /// let partitions = Partitions::from_json(r#"{"version": "1.1", "partitions": [{"id": "local",
    ///   "regionRegex": "^local-\\d+$", "regions": {}, "outputs": {"name": "local", "dnsSuffix": "localhost"}}]}"#).unwrap();
    /// static RULES: EmbeddedRuleSet = EmbeddedRuleSet::new(r#"{"version": "1.0",
    ///   "parameters": {"Region": {"type": "string", "builtIn": "AWS::Region", "required": true}},
    ///   "rules": [{"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}],
    ///              "type": "endpoint", "endpoint": {"url": "http://things.{Region}.{p#dnsSuffix}"}}]}"#);
    /// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth).with_rules(&RULES);
    /// let service = Recorder::default();
    /// let config = Config::builder().region("local-1").partitions(partitions).http_client(service.clone()).build();
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// Client::new(config).call::<GetThing>(&SPEC, &Unit).await.unwrap();
    /// # });
    /// assert_eq!(service.last().uri, "http://things.local-1.localhost/thing");
    /// ```
    #[must_use]
    pub fn partitions(mut self, partitions: Partitions) -> Self {
        self.config.partitions = Arc::new(partitions);
        self
    }

    /// The retry settings.
    ///
    /// ```
    /// use awso_client::client::{Client, Config, ServiceSpec};
    /// use awso_client::retry::RetrySettings;
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
    /// // Unavailable every time: with at most 2 attempts, the call gives up after the second.
    /// let service = Recorder::answering(&[(503, "{}")]);
    /// let config = Config::builder()
    ///     .retry(RetrySettings::standard().with_max_attempts(2))
    ///     .endpoint_url("http://127.0.0.1:9")
    ///     .http_client(service.clone())
    ///     .sleep(NoSleep)
    ///     .build();
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// let error = Client::new(config).call::<GetThing>(&SPEC, &Unit).await.unwrap_err();
    /// assert_eq!(error.attempts(), 2);
    /// # });
    /// assert_eq!(service.count(), 2);
    /// ```
    #[must_use]
    pub fn retry(mut self, retry: RetrySettings) -> Self {
        self.config.retry = retry;
        self
    }

    /// The timeouts.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::client::{Config, Timeouts};
    /// let config = Config::builder().timeouts(Timeouts::default().with_connect(Duration::from_secs(1))).build();
    /// assert_eq!(config.timeouts().connect(), Duration::from_secs(1));
    /// ```
    #[must_use]
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.config.timeouts = timeouts;
        self
    }

    /// The `User-Agent` header.
    ///
    /// ```
    /// use awso_client::client::{Client, Config, ServiceSpec};
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
    /// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// let service = Recorder::default();
    /// let config = Config::builder()
    ///     .user_agent("inventory/2.1")
    ///     .endpoint_url("http://127.0.0.1:9")
    ///     .http_client(service.clone())
    ///     .build();
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// Client::new(config).call::<GetThing>(&SPEC, &Unit).await.unwrap();
    /// # });
    /// assert_eq!(service.last().headers["user-agent"], "inventory/2.1");
    /// ```
    #[must_use]
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.config.user_agent = agent.into();
        self
    }

    /// The transport (default: [`HyperClient`](crate::transport::HyperClient) with the
    /// connect timeout).
    ///
    /// ```
    /// use awso_client::client::{Client, Config, ServiceSpec};
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
    /// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// // `Recorder` is a transport of the example's own: it answers `{"Name":"widget"}`.
    /// let service = Recorder::default();
    /// let config = Config::builder().endpoint_url("http://127.0.0.1:9").http_client(service.clone()).build();
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// let thing = Client::new(config).call::<GetThing>(&SPEC, &Unit).await.unwrap();
    /// assert_eq!(thing.name.as_deref(), Some("widget"));
    /// # });
    /// assert_eq!(service.count(), 1);
    /// ```
    #[must_use]
    pub fn http_client(mut self, client: impl HttpClient + 'static) -> Self {
        self.config.http_client = Some(Arc::new(client));
        self
    }

    /// How delays between attempts are waited (default: tokio's timer).
    ///
    /// ```
    /// use std::future::Future;
    /// use std::pin::Pin;
    /// use std::sync::{Arc, Mutex};
    /// use std::time::Duration;
    /// use awso_client::client::{Client, Config, ServiceSpec, Sleep};
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
    /// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// /// Keeps the delays and passes no time.
    /// #[derive(Clone, Default)]
    /// struct Recorded(Arc<Mutex<Vec<Duration>>>);
    /// impl Sleep for Recorded {
    ///     fn sleep(&self, delay: Duration) -> Pin<Box<dyn Future<Output = ()> + Send>> {
    ///         self.0.lock().unwrap().push(delay);
    ///         Box::pin(std::future::ready(()))
    ///     }
    /// }
    /// let delays = Recorded::default();
    /// // Unavailable once, then the thing.
    /// let service = Recorder::answering(&[(503, "{}"), (200, "{}")]);
    /// let config = Config::builder()
    ///     .endpoint_url("http://127.0.0.1:9")
    ///     .http_client(service)
    ///     .sleep(delays.clone())
    ///     .jitter(|| 0.5)
    ///     .build();
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// Client::new(config).call::<GetThing>(&SPEC, &Unit).await.unwrap();
    /// # });
    /// // Half the 1 s base delay, for the jitter of 0.5.
    /// assert_eq!(*delays.0.lock().unwrap(), [Duration::from_millis(500)]);
    /// ```
    #[must_use]
    pub fn sleep(mut self, sleep: impl Sleep + 'static) -> Self {
        self.config.sleep = Arc::new(sleep);
        self
    }

    /// The clock requests are signed with.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime, UNIX_EPOCH};
    /// use awso_client::client::{Client, Config, ServiceSpec};
    /// use awso_client::credentials::{Clock, Credentials};
    /// use awso_client::sign::{OperationAuth, ServiceAuth};
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
    /// /// Always 2015-08-30T12:36:00Z.
    /// struct Stopped;
    /// impl Clock for Stopped {
    ///     fn now(&self) -> SystemTime { UNIX_EPOCH + Duration::from_secs(1_440_938_160) }
    /// }
    /// let things = ServiceAuth { signature_version: Some("v4"), endpoint_prefix: "things", ..ServiceAuth::default() };
    /// let spec = ServiceSpec::from_model(&things, &OperationAuth::default());
    /// let service = Recorder::default();
    /// let config = Config::builder()
    ///     .region("us-east-1")
    ///     .credentials(Credentials::new("AKIDEXAMPLE", "secret"))
    ///     .clock(Stopped)
    ///     .endpoint_url("http://127.0.0.1:9")
    ///     .http_client(service.clone())
    ///     .build();
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// Client::new(config).call::<GetThing>(&spec, &Unit).await.unwrap();
    /// # });
    /// assert_eq!(service.last().headers["x-amz-date"], "20150830T123600Z");
    /// ```
    #[must_use]
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.config.clock = Arc::new(clock);
        self
    }

    /// The source of the backoff's jitter, numbers in `[0, 1)`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::client::{Client, Config, ServiceSpec};
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
    /// # /// Keeps the delays asked for and passes no time.
    /// # #[derive(Clone, Default)]
    /// # struct Recorded(std::sync::Arc<std::sync::Mutex<Vec<std::time::Duration>>>);
    /// # impl awso_client::client::Sleep for Recorded {
    /// #     fn sleep(&self, delay: std::time::Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> {
    /// #         self.0.lock().unwrap().push(delay);
    /// #         Box::pin(std::future::ready(()))
    /// #     }
    /// # }
    /// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// // Unavailable twice, then the thing; `Recorded` keeps the delays instead of waiting.
    /// let service = Recorder::answering(&[(503, "{}"), (503, "{}"), (200, "{}")]);
    /// let delays = Recorded::default();
    /// let config = Config::builder()
    ///     .jitter(|| 0.25)
    ///     .sleep(delays.clone())
    ///     .endpoint_url("http://127.0.0.1:9")
    ///     .http_client(service)
    ///     .build();
    /// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    /// # rt.block_on(async {
    /// Client::new(config).call::<GetThing>(&SPEC, &Unit).await.unwrap();
    /// # });
    /// // A quarter of the full backoff: 1 s, then 2 s.
    /// assert_eq!(*delays.0.lock().unwrap(), [Duration::from_millis(250), Duration::from_millis(500)]);
    /// ```
    #[must_use]
    pub fn jitter(mut self, jitter: impl Fn() -> f64 + Send + Sync + 'static) -> Self {
        self.config.jitter = Arc::new(jitter);
        self
    }

    /// When the bodies of answers are checked against the checksums services send (default:
    /// [`WhenSupported`](ResponseChecksumValidation::WhenSupported)).
    ///
    /// ```
    /// use awso_client::client::{Config, ResponseChecksumValidation};
    ///
    /// let config = Config::builder()
    ///     .response_checksum_validation(ResponseChecksumValidation::WhenRequired)
    ///     .build();
    /// assert_eq!(config.response_checksum_validation(), ResponseChecksumValidation::WhenRequired);
    /// ```
    #[must_use]
    pub fn response_checksum_validation(mut self, setting: ResponseChecksumValidation) -> Self {
        self.config.response_checksum_validation = setting;
        self
    }

    /// When request bodies get a flexible checksum (default:
    /// [`WhenSupported`](RequestChecksumCalculation::WhenSupported)).
    ///
    /// ```
    /// use awso_client::client::{Config, RequestChecksumCalculation};
    ///
    /// let config = Config::builder()
    ///     .request_checksum_calculation(RequestChecksumCalculation::WhenRequired)
    ///     .build();
    /// assert_eq!(config.request_checksum_calculation(), RequestChecksumCalculation::WhenRequired);
    /// ```
    #[must_use]
    pub fn request_checksum_calculation(mut self, setting: RequestChecksumCalculation) -> Self {
        self.config.request_checksum_calculation = setting;
        self
    }

    /// The settings.
    ///
    /// ```
    /// use awso_client::client::Config;
    /// let config = Config::builder().region("ca-central-1").build();
    /// assert_eq!(config.region(), Some("ca-central-1"));
    /// ```
    pub fn build(self) -> Config {
        self.config
    }
}

/// The checksum settings of the environment, else of its profile (the profile files are read
/// only when a variable is missing). A value that names no setting is an error, as in
/// botocore, rather than a silent default.
fn checksum_settings(
    env: &dyn Environment,
    mut builder: ConfigBuilder,
) -> Result<ConfigBuilder, CredentialsError> {
    const REQUEST: (&str, &str) = (
        "AWS_REQUEST_CHECKSUM_CALCULATION",
        "request_checksum_calculation",
    );
    const RESPONSE: (&str, &str) = (
        "AWS_RESPONSE_CHECKSUM_VALIDATION",
        "response_checksum_validation",
    );
    let mut request = env.non_empty(REQUEST.0).map(|v| (REQUEST.0, v));
    let mut response = env.non_empty(RESPONSE.0).map(|v| (RESPONSE.0, v));
    if request.is_none() || response.is_none() {
        let files = ProfileFiles::from_env(env);
        let set = files.load()?;
        if let Some(profile) = set.profile(files.profile_name()) {
            let key = |key: &'static str| profile.get(key).map(|v| (key, v.to_owned()));
            request = request.or_else(|| key(REQUEST.1));
            response = response.or_else(|| key(RESPONSE.1));
        }
    }
    let invalid = |(source, value): &(&str, String)| {
        CredentialsError::invalid(
            "config",
            format!("{source} is `{value}`: expected when_supported or when_required"),
        )
    };
    if let Some(setting) = &request {
        let parsed = RequestChecksumCalculation::from_name(&setting.1);
        builder = builder.request_checksum_calculation(parsed.ok_or_else(|| invalid(setting))?);
    }
    if let Some(setting) = &response {
        let parsed = ResponseChecksumValidation::from_name(&setting.1);
        builder = builder.response_checksum_validation(parsed.ok_or_else(|| invalid(setting))?);
    }
    Ok(builder)
}

/// Jitter from the standard library's per-process random hash keys and the clock: no random
/// number crate for one number per retry.
fn system_jitter() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    hasher.write_u32(nanos);
    (hasher.finish() >> 11) as f64 / (1_u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::EnvironmentMap;

    /// An environment whose profile files are `config` (in a directory of the test's own).
    fn with_profile(name: &str, config: &str, vars: &[(&str, &str)]) -> EnvironmentMap {
        let dir = std::env::temp_dir().join(format!("awso-config-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("config");
        std::fs::write(&file, config).unwrap();
        let missing = dir.join("no-credentials");
        let mut pairs = vec![
            ("AWS_CONFIG_FILE", file.to_str().unwrap().to_owned()),
            (
                "AWS_SHARED_CREDENTIALS_FILE",
                missing.to_str().unwrap().to_owned(),
            ),
        ];
        pairs.extend(vars.iter().map(|(k, v)| (*k, (*v).to_owned())));
        EnvironmentMap::from_pairs(pairs)
    }

    fn settings(
        env: &EnvironmentMap,
    ) -> Result<(RequestChecksumCalculation, ResponseChecksumValidation), CredentialsError> {
        let config = checksum_settings(env, Config::builder())?.build();
        Ok((
            config.request_checksum_calculation(),
            config.response_checksum_validation(),
        ))
    }

    #[test]
    fn checksum_settings_default_to_when_supported() {
        let env = with_profile("default", "[default]\nregion = eu-west-1\n", &[]);
        assert_eq!(
            settings(&env).unwrap(),
            (
                RequestChecksumCalculation::WhenSupported,
                ResponseChecksumValidation::WhenSupported
            )
        );
    }

    #[test]
    fn checksum_settings_come_from_the_profile() {
        let config = "[default]\nrequest_checksum_calculation = when_required\n\
                      response_checksum_validation = WHEN_REQUIRED\n[profile other]\n";
        let env = with_profile("profile", config, &[]);
        assert_eq!(
            settings(&env).unwrap(),
            (
                RequestChecksumCalculation::WhenRequired,
                ResponseChecksumValidation::WhenRequired
            )
        );
        // Another profile's settings are its own.
        let env = with_profile("other", config, &[("AWS_PROFILE", "other")]);
        assert_eq!(
            settings(&env).unwrap().0,
            RequestChecksumCalculation::WhenSupported
        );
    }

    #[test]
    fn checksum_variables_beat_the_profile() {
        let config = "[default]\nrequest_checksum_calculation = when_required\n\
                      response_checksum_validation = when_required\n";
        let env = with_profile(
            "vars",
            config,
            &[
                ("AWS_REQUEST_CHECKSUM_CALCULATION", "when_supported"),
                ("AWS_RESPONSE_CHECKSUM_VALIDATION", " When_Supported "),
            ],
        );
        assert_eq!(
            settings(&env).unwrap(),
            (
                RequestChecksumCalculation::WhenSupported,
                ResponseChecksumValidation::WhenSupported
            )
        );
        // One variable set: the other setting still comes from the profile.
        let env = with_profile(
            "one-var",
            config,
            &[("AWS_REQUEST_CHECKSUM_CALCULATION", "when_supported")],
        );
        assert_eq!(
            settings(&env).unwrap(),
            (
                RequestChecksumCalculation::WhenSupported,
                ResponseChecksumValidation::WhenRequired
            )
        );
    }

    #[test]
    fn checksum_settings_that_name_nothing_are_errors() {
        let env = with_profile(
            "bad",
            "[default]\n",
            &[("AWS_REQUEST_CHECKSUM_CALCULATION", "always")],
        );
        let error = settings(&env).unwrap_err().to_string();
        assert!(
            error.contains("AWS_REQUEST_CHECKSUM_CALCULATION is `always`"),
            "{error}"
        );
        let env = with_profile(
            "bad-profile",
            "[default]\nresponse_checksum_validation = never\n",
            &[],
        );
        let error = settings(&env).unwrap_err().to_string();
        assert!(
            error.contains("response_checksum_validation is `never`"),
            "{error}"
        );
    }
}

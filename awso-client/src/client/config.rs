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
pub use awso_core::protocol::RequestChecksumCalculation;

/// Waits: the call's only way to pass time, so tests record delays instead of sleeping.
pub trait Sleep: Send + Sync {
    /// A future that completes after `delay`.
    fn sleep(&self, delay: Duration) -> Pin<Box<dyn Future<Output = ()> + Send>>;
}

/// [`Sleep`] on tokio's timer.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokioSleep;

impl Sleep for TokioSleep {
    fn sleep(&self, delay: Duration) -> Pin<Box<dyn Future<Output = ()> + Send>> {
        Box::pin(tokio::time::sleep(delay))
    }
}

/// A source of numbers in `[0, 1)` for the backoff's jitter.
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
    #[must_use]
    pub fn with_connect(mut self, timeout: Duration) -> Self {
        self.connect = timeout;
        self
    }

    /// The same limits with another bound on each attempt (sending and reading the answer).
    #[must_use]
    pub fn with_attempt(mut self, timeout: Option<Duration>) -> Self {
        self.attempt = timeout;
        self
    }

    /// The same limits with another bound on the whole call, retries and delays included.
    #[must_use]
    pub fn with_total(mut self, timeout: Option<Duration>) -> Self {
        self.total = timeout;
        self
    }

    /// The connect timeout.
    pub fn connect(&self) -> Duration {
        self.connect
    }

    /// The bound on each attempt.
    pub fn attempt(&self) -> Option<Duration> {
        self.attempt
    }

    /// The bound on the whole call.
    pub fn total(&self) -> Option<Duration> {
        self.total
    }
}

/// Everything a [`Client`](super::Client) needs, each part settable; see [`Config::builder`]
/// and [`Config::from_env`].
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
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The endpoint every request goes to, when set.
    pub fn endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// FIPS, dual-stack and the other endpoint parameters.
    pub fn endpoint_settings(&self) -> &EndpointSettings {
        &self.endpoint
    }

    /// The retry settings.
    pub fn retry(&self) -> RetrySettings {
        self.retry
    }

    /// The timeouts.
    pub fn timeouts(&self) -> Timeouts {
        self.timeouts
    }

    /// When response checksums are checked.
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
pub struct ConfigBuilder {
    config: Config,
}

impl ConfigBuilder {
    /// The region requests go to and are signed for.
    #[must_use]
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.config.region = Some(region.into());
        self
    }

    /// Where SigV4 credentials come from.
    #[must_use]
    pub fn credentials(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.config.credentials = Some(Arc::new(provider));
        self
    }

    /// The token of bearer-authenticated operations.
    #[must_use]
    pub fn bearer_token(mut self, token: BearerToken) -> Self {
        self.config.bearer = Some(token);
        self
    }

    /// Sends every request to `url` instead of the endpoint the rules resolve.
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
    #[must_use]
    pub fn partitions(mut self, partitions: Partitions) -> Self {
        self.config.partitions = Arc::new(partitions);
        self
    }

    /// The retry settings.
    #[must_use]
    pub fn retry(mut self, retry: RetrySettings) -> Self {
        self.config.retry = retry;
        self
    }

    /// The timeouts.
    #[must_use]
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.config.timeouts = timeouts;
        self
    }

    /// The `User-Agent` header.
    #[must_use]
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.config.user_agent = agent.into();
        self
    }

    /// The transport (default: [`HyperClient`](crate::transport::HyperClient) with the
    /// connect timeout).
    #[must_use]
    pub fn http_client(mut self, client: impl HttpClient + 'static) -> Self {
        self.config.http_client = Some(Arc::new(client));
        self
    }

    /// How delays between attempts are waited (default: tokio's timer).
    #[must_use]
    pub fn sleep(mut self, sleep: impl Sleep + 'static) -> Self {
        self.config.sleep = Arc::new(sleep);
        self
    }

    /// The clock requests are signed with.
    #[must_use]
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.config.clock = Arc::new(clock);
        self
    }

    /// The source of the backoff's jitter, numbers in `[0, 1)`.
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

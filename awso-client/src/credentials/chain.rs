//! Asking providers in turn, and the SDKs' default order.
//!
//! A provider that is not set up ([`NotConfigured`](super::ErrorKind::NotConfigured)) passes to
//! the next; any other failure stops the chain, because a source that is set up but broken
//! should be fixed, not silently replaced by another identity. Either way the error lists every
//! provider asked.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::cache::Clock;
use super::container::ContainerProvider;
use super::env::{Environment, EnvironmentProvider, ProcessEnvironment};
use super::http::HttpClient;
use super::imds::ImdsProvider;
use super::profile::ProfileProvider;
use super::provider::{CredentialsFuture, ProvideCredentials};
use super::sts::{StsClient, WebIdentityFromEnv};
use super::{Credentials, CredentialsError};
use crate::transport::default_client;

const PROVIDER: &str = "credentials chain";

/// Providers asked in order until one answers.
///
/// ```
/// use awso_client::credentials::{Credentials, CredentialsChain, EnvironmentMap, EnvironmentProvider, ProvideCredentials};
///
/// let chain = CredentialsChain::new()
///     .push(EnvironmentProvider::new(EnvironmentMap::new()))
///     .push(Credentials::new("AKIDFALLBACK", "secret"));
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// assert_eq!(chain.provide_credentials().await.unwrap().access_key_id(), "AKIDFALLBACK");
/// # });
/// ```
#[derive(Default)]
pub struct CredentialsChain {
    providers: Vec<Box<dyn ProvideCredentials>>,
}

impl CredentialsChain {
    /// An empty chain (which answers that nothing was tried).
    ///
    /// ```
    /// use awso_client::credentials::{CredentialsChain, ProvideCredentials};
    /// let chain = CredentialsChain::new();
    /// assert!(chain.is_empty());
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert!(chain.provide_credentials().await.unwrap_err().is_not_configured());
    /// # });
    /// ```
    pub fn new() -> Self {
        CredentialsChain::default()
    }

    /// The same chain asking `provider` after the others.
    ///
    /// ```
    /// use awso_client::credentials::{Credentials, CredentialsChain, ProvideCredentials};
    /// // The first provider that answers wins.
    /// let chain = CredentialsChain::new()
    ///     .push(Credentials::new("AKIDFIRST", "secret"))
    ///     .push(Credentials::new("AKIDSECOND", "secret"));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(chain.provide_credentials().await.unwrap().access_key_id(), "AKIDFIRST");
    /// # });
    /// ```
    #[must_use]
    pub fn push(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.providers.push(Box::new(provider));
        self
    }

    /// How many providers the chain asks.
    ///
    /// ```
    /// use awso_client::credentials::{Credentials, CredentialsChain};
    /// assert_eq!(CredentialsChain::new().push(Credentials::new("AKID", "secret")).len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.providers.len()
    }

    /// Whether the chain has no provider.
    ///
    /// ```
    /// use awso_client::credentials::{Credentials, CredentialsChain};
    /// assert!(CredentialsChain::new().is_empty());
    /// assert!(!CredentialsChain::new().push(Credentials::new("AKID", "secret")).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.providers.is_empty()
    }

    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let mut tried = Vec::with_capacity(self.providers.len());
        for provider in &self.providers {
            match provider.provide_credentials().await {
                Ok(credentials) => return Ok(credentials),
                Err(error) if error.is_not_configured() => tried.push(error),
                Err(error) => {
                    let kind = error.kind();
                    let message = format!("{} failed", error.provider());
                    tried.push(error);
                    return Err(CredentialsError::new(PROVIDER, kind, message).with_tried(tried));
                }
            }
        }
        Err(CredentialsError::not_configured(PROVIDER, "no credentials found").with_tried(tried))
    }
}

impl ProvideCredentials for CredentialsChain {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.credentials())
    }
}

impl fmt::Debug for CredentialsChain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CredentialsChain")
            .field("providers", &self.providers.len())
            .finish()
    }
}

/// The SDKs' default chain: environment, profile files (static keys, `credential_process`,
/// roles assumed through STS, web identity), web identity from `AWS_WEB_IDENTITY_TOKEN_FILE`
/// and `AWS_ROLE_ARN`, container endpoint, instance metadata.
///
/// ```
/// use awso_client::credentials::{DefaultChain, EnvironmentMap, ProvideCredentials};
/// // Nothing configured anywhere: the error names every provider asked.
/// let env = EnvironmentMap::from_pairs([("AWS_CONFIG_FILE", "/nonexistent/config"), ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")]);
/// let chain = DefaultChain::builder().environment(env).without_network().build();
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let error = chain.provide_credentials().await.unwrap_err();
/// assert!(error.is_not_configured());
/// assert_eq!(error.tried().len(), 3);
/// assert_eq!(error.tried()[0].provider(), "environment");
/// # });
/// ```
#[derive(Debug)]
pub struct DefaultChain;

impl DefaultChain {
    /// A builder: process environment, every provider, the `hyper` client when the feature is on.
    ///
    /// ```
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap};
    /// // Environment, profile, web identity, container, instance metadata.
    /// assert_eq!(DefaultChain::builder().environment(EnvironmentMap::new()).build().len(), 5);
    /// ```
    pub fn builder() -> DefaultChainBuilder {
        DefaultChainBuilder {
            env: Arc::new(ProcessEnvironment),
            profile: None,
            client: default_client(),
            container: true,
            imds: true,
            imds_endpoint: None,
            sts_endpoint: None,
            clock: None,
            process_timeout: None,
        }
    }
}

/// Options of the [`DefaultChain`].
///
/// ```
/// use awso_client::credentials::{DefaultChain, EnvironmentMap};
///
/// // Tests and offline tools: never reach a container agent or 169.254.169.254.
/// let chain = DefaultChain::builder()
///     .environment(EnvironmentMap::new())
///     .without_network()
///     .build();
/// assert_eq!(chain.len(), 3);
/// ```
pub struct DefaultChainBuilder {
    env: Arc<dyn Environment>,
    profile: Option<String>,
    client: Option<Arc<dyn HttpClient>>,
    container: bool,
    imds: bool,
    imds_endpoint: Option<String>,
    sts_endpoint: Option<String>,
    clock: Option<Arc<dyn Clock>>,
    process_timeout: Option<Duration>,
}

impl DefaultChainBuilder {
    /// Read variables from `env` instead of the process environment.
    ///
    /// ```
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap, ProvideCredentials};
    /// let env = EnvironmentMap::new().with("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE").with("AWS_SECRET_ACCESS_KEY", "secret");
    /// let chain = DefaultChain::builder().environment(env).without_network().build();
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(chain.provide_credentials().await.unwrap().access_key_id(), "AKIDEXAMPLE");
    /// # });
    /// ```
    #[must_use]
    pub fn environment(mut self, env: impl Environment + 'static) -> Self {
        self.env = Arc::new(env);
        self
    }

    /// Read profile `name` instead of `AWS_PROFILE`'s.
    ///
    /// ```
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap, ProvideCredentials};
    /// let dir = std::env::temp_dir().join(format!("awso-doc-chain-profile-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("credentials"), "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = secret\n").unwrap();
    /// let env = EnvironmentMap::new()
    ///     .with("AWS_SHARED_CREDENTIALS_FILE", dir.join("credentials").to_str().unwrap())
    ///     .with("AWS_CONFIG_FILE", dir.join("config").to_str().unwrap());
    /// let chain = DefaultChain::builder().environment(env).profile("dev").without_network().build();
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(chain.provide_credentials().await.unwrap().access_key_id(), "AKIDDEV");
    /// # });
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    #[must_use]
    pub fn profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    /// Ask the container and metadata endpoints through `client`.
    ///
    /// ```
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap};
    /// use awso_client::transport::{HttpClient, HttpError, HttpErrorKind, HttpFuture};
    /// use bytes::Bytes;
    /// /// A transport that is never reachable: a stand-in for a test's own.
    /// struct Offline;
    /// impl HttpClient for Offline {
    ///     fn send(&self, _: http::Request<Bytes>) -> HttpFuture<'_> {
    ///         Box::pin(async { Err(HttpError::new(HttpErrorKind::Connect, "offline")) })
    ///     }
    /// }
    /// let chain = DefaultChain::builder().environment(EnvironmentMap::new()).http_client(Offline).build();
    /// assert_eq!(chain.len(), 5);
    /// ```
    #[must_use]
    pub fn http_client(mut self, client: impl HttpClient + 'static) -> Self {
        self.client = Some(Arc::new(client));
        self
    }

    /// Ask the instance metadata service at `endpoint` whatever the environment says.
    ///
    /// ```
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap};
    /// // A local metadata emulator instead of 169.254.169.254.
    /// let chain = DefaultChain::builder()
    ///     .environment(EnvironmentMap::new())
    ///     .without_container()
    ///     .imds_endpoint("http://127.0.0.1:1338")
    ///     .build();
    /// assert_eq!(chain.len(), 4);
    /// ```
    #[must_use]
    pub fn imds_endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.imds_endpoint = Some(endpoint.into());
        self
    }

    /// Send STS calls (assume role, web identity) to `url` whatever the region and
    /// `AWS_ENDPOINT_URL_STS` say.
    ///
    /// ```
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap};
    /// let chain = DefaultChain::builder()
    ///     .environment(EnvironmentMap::new())
    ///     .sts_endpoint("http://127.0.0.1:4566")
    ///     .without_network()
    ///     .build();
    /// assert_eq!(chain.len(), 3);
    /// ```
    #[must_use]
    pub fn sts_endpoint(mut self, url: impl Into<String>) -> Self {
        self.sts_endpoint = Some(url.into());
        self
    }

    /// Read the time for STS signatures and session names from `clock`.
    ///
    /// ```
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap, SystemClock};
    /// let chain = DefaultChain::builder().environment(EnvironmentMap::new()).clock(SystemClock).without_network().build();
    /// assert_eq!(chain.len(), 3);
    /// ```
    #[must_use]
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Some(Arc::new(clock));
        self
    }

    /// Kill a `credential_process` command still running after `timeout` (default
    /// [`DEFAULT_PROCESS_TIMEOUT`](super::DEFAULT_PROCESS_TIMEOUT)).
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap};
    /// let chain = DefaultChain::builder()
    ///     .environment(EnvironmentMap::new())
    ///     .credential_process_timeout(Duration::from_secs(5))
    ///     .without_network()
    ///     .build();
    /// assert!(!chain.is_empty());
    /// ```
    #[must_use]
    pub fn credential_process_timeout(mut self, timeout: Duration) -> Self {
        self.process_timeout = Some(timeout);
        self
    }

    /// Skip the container credentials endpoint.
    ///
    /// ```
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap};
    /// let chain = DefaultChain::builder().environment(EnvironmentMap::new()).without_container().build();
    /// assert_eq!(chain.len(), 4);
    /// ```
    #[must_use]
    pub fn without_container(mut self) -> Self {
        self.container = false;
        self
    }

    /// Skip the instance metadata service.
    ///
    /// ```
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap};
    /// let chain = DefaultChain::builder().environment(EnvironmentMap::new()).without_imds().build();
    /// assert_eq!(chain.len(), 4);
    /// ```
    #[must_use]
    pub fn without_imds(mut self) -> Self {
        self.imds = false;
        self
    }

    /// Skip both network providers.
    ///
    /// ```
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap};
    /// let chain = DefaultChain::builder().environment(EnvironmentMap::new()).without_network().build();
    /// assert_eq!(chain.len(), 3);
    /// ```
    #[must_use]
    pub fn without_network(self) -> Self {
        self.without_container().without_imds()
    }

    /// The chain.
    ///
    /// ```
    /// use awso_client::credentials::{DefaultChain, EnvironmentMap, ProvideCredentials};
    /// let env = EnvironmentMap::from_pairs([("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")]);
    /// let chain = DefaultChain::builder().environment(env).without_network().build();
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// // Half a key pair is a mistake: the chain stops there instead of trying the next source.
    /// let error = chain.provide_credentials().await.unwrap_err();
    /// assert!(!error.is_not_configured());
    /// # });
    /// ```
    pub fn build(self) -> CredentialsChain {
        let env = self.env;
        let client = self.client;
        let mut sts = StsClient::from_shared(env.clone(), client.clone());
        if let Some(url) = self.sts_endpoint {
            sts = sts.with_endpoint(url);
        }
        if let Some(clock) = self.clock {
            sts = sts.with_shared_clock(clock);
        }
        let mut profile = ProfileProvider::from_shared(env.clone())
            .with_shared_http_client(client.clone())
            .with_sts(sts.clone());
        if let Some(name) = self.profile {
            profile = profile.with_profile(name);
        }
        if let Some(timeout) = self.process_timeout {
            profile = profile.with_process_timeout(timeout);
        }
        let mut chain = CredentialsChain::new()
            .push(EnvironmentProvider::from_shared(env.clone()))
            .push(profile)
            .push(WebIdentityFromEnv::new(env.clone(), sts));
        if self.container {
            chain = chain.push(network(client.as_ref(), "container", |client| {
                ContainerProvider::from_shared(env.clone(), client)
            }));
        }
        if self.imds {
            chain = chain.push(network(client.as_ref(), "instance metadata", |client| {
                let imds = ImdsProvider::from_shared(env.clone(), client);
                match &self.imds_endpoint {
                    Some(endpoint) => imds.with_endpoint(endpoint.clone()),
                    None => imds,
                }
            }));
        }
        chain
    }
}

/// The network provider, or one that says why it is absent.
fn network<P: ProvideCredentials + 'static>(
    client: Option<&Arc<dyn HttpClient>>,
    name: &'static str,
    make: impl FnOnce(Arc<dyn HttpClient>) -> P,
) -> Box<dyn ProvideCredentials> {
    match client {
        Some(client) => Box::new(make(client.clone())),
        None => Box::new(NoClient(name)),
    }
}

struct NoClient(&'static str);

impl ProvideCredentials for NoClient {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        let error = CredentialsError::not_configured(
            self.0,
            "no HTTP client (the `hyper` feature is off and none was given)",
        );
        Box::pin(async move { Err(error) })
    }
}

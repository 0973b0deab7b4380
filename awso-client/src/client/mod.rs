//! The call: one straight line from an operation's input to its output or one error.
//!
//! build → resolve the endpoint → (per attempt) sign → send → classify → retry or parse.
//! The request is built once, so an idempotency token filled in for the first attempt and
//! the body bytes are the same on every attempt; only the signature (and its time) changes.
//!
//! ```no_run
//! use awso_client::client::{Client, Config, ServiceSpec};
//! use awso_client::sign::AuthScheme;
//! # use awso_core::protocol::Operation;
//! # async fn demo<O: Operation>(input: O::Input) where O::Error: std::fmt::Debug {
//! let client = Client::new(Config::from_env().unwrap().build());
//! static SPEC: ServiceSpec = ServiceSpec::new("connectparticipant", AuthScheme::Bearer);
//! let output = client.call::<O>(&SPEC, &input).await;
//! # }
//! ```

mod blocking;
mod call;
mod config;
mod customize;
mod endpoint;
mod error;
mod response_checksum;

use std::sync::{Arc, Mutex};

pub use blocking::BlockingClient;
pub use config::{
    Config, ConfigBuilder, DEFAULT_USER_AGENT, Jitter, RequestChecksumCalculation, Sleep, Timeouts,
    TokioSleep,
};
pub use endpoint::EndpointSettings;
pub use error::{CallError, ErrorKind};
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
    pub fn bindings_for(&self, operation: &str) -> Option<&'static OperationEndpoint> {
        let bindings = self.bindings;
        match bindings.binary_search_by(|b| b.operation.cmp(operation)) {
            Ok(at) => bindings.get(at),
            // Not sorted after all (hand-written specs): a linear look still finds it.
            Err(_) => bindings.iter().find(|b| b.operation == operation),
        }
    }

    /// The service's name.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// How its operations sign.
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
/// let client = Client::new(Config::builder().region("us-east-1").build());
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
            }),
        }
    }

    /// The settings.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The retry tokens left in the client's quota.
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

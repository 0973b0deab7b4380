//! AWS credentials: the access key pair and session token a request is signed with, and the
//! providers that find them wherever users keep them.
//!
//! [`Credentials`] never prints its secrets: `Debug` shows the access key id (which AWS
//! treats as an identifier, not a secret) and a redaction marker for the rest.
//!
//! ```
//! use awso_client::credentials::Credentials;
//!
//! let credentials = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
//!     .with_session_token("session-token");
//! let printed = format!("{credentials:?}");
//! assert!(printed.contains("AKIDEXAMPLE"));
//! assert!(!printed.contains("wJalr") && !printed.contains("session-token"));
//! ```
//!
//! # Providers
//!
//! Every source implements [`ProvideCredentials`], one async method returning
//! `Result<Credentials, CredentialsError>`:
//!
//! | provider | reads |
//! | --- | --- |
//! | [`Credentials`] itself | the key pair it holds (static credentials) |
//! | [`EnvironmentProvider`] | `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` |
//! | [`ProfileProvider`] | `~/.aws/config` and `~/.aws/credentials` (static keys, `credential_process`, `role_arn` with `source_profile` or `credential_source`, `web_identity_token_file`) |
//! | [`WebIdentityProvider`](sts::WebIdentityProvider) | an OIDC token file, exchanged with `AssumeRoleWithWebIdentity` |
//! | [`AssumeRoleProvider`](sts::AssumeRoleProvider) | another provider's credentials, exchanged with `AssumeRole` |
//! | [`ContainerProvider`] | `AWS_CONTAINER_CREDENTIALS_FULL_URI` / `_RELATIVE_URI` |
//! | [`ImdsProvider`] | the EC2 instance metadata service (IMDSv2) |
//!
//! [`DefaultChain`] asks them in the SDKs' order and [`CachedProvider`] keeps the answer until
//! shortly before it expires. Every provider reads variables through an [`Environment`], so a
//! test (or an application with its own configuration) never touches the process environment.
//!
//! ```
//! use awso_client::credentials::{DefaultChain, EnvironmentMap, ProvideCredentials};
//!
//! let env = EnvironmentMap::from_pairs([
//!     ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"),
//!     ("AWS_SECRET_ACCESS_KEY", "secret"),
//! ]);
//! let chain = DefaultChain::builder().environment(env).without_network().build();
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let credentials = chain.provide_credentials().await.unwrap();
//! assert_eq!(credentials.access_key_id(), "AKIDEXAMPLE");
//! # });
//! ```

mod cache;
mod chain;
mod container;
mod document;
mod env;
mod error;
// The transport's items under the path the providers first had: kept public so code that
// named them here still builds, hidden so the docs show each item once, in `transport`.
#[doc(hidden)]
pub mod http;
mod imds;
mod process;
pub mod profile;
mod provider;
mod region;
pub mod sts;

pub use cache::{CachedProvider, Clock, SystemClock};
pub use chain::{CredentialsChain, DefaultChain, DefaultChainBuilder};
pub use container::ContainerProvider;
pub use env::{Environment, EnvironmentMap, EnvironmentProvider, ProcessEnvironment};
pub use error::{CredentialsError, ErrorKind};
pub use imds::ImdsProvider;
pub use process::{CredentialProcess, DEFAULT_PROCESS_TIMEOUT};
pub use profile::ProfileProvider;
pub use provider::{CredentialsFuture, ProvideCredentials};
pub use region::{Region, RegionSource, resolve_region};

use std::fmt;
use std::time::SystemTime;

/// What `Debug` prints in place of a secret: awso-core's marker, so a secret of the call path
/// (keys, tokens, signing keys) and a `sensitive` member of a shape print alike. Hidden: the
/// documented item is [`awso_core::redact::REDACTED`]; this path stays for code that named it.
///
/// ```
/// use awso_client::credentials::Credentials;
/// use awso_core::redact::REDACTED;
/// let printed = format!("{:?}", Credentials::new("AKIDEXAMPLE", "secret"));
/// assert!(printed.contains(REDACTED) && !printed.contains("secret\""));
/// ```
#[doc(hidden)]
pub use awso_core::redact::REDACTED;

/// An access key pair, an optional session token and an optional expiry.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::credentials::Credentials;
/// let expiry = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
/// let temporary = Credentials::new("ASIAEXAMPLE", "secret").with_session_token("token").with_expiry(expiry);
/// assert_eq!(temporary.session_token(), Some("token"));
/// assert_eq!(temporary.expiry(), Some(expiry));
/// assert_ne!(temporary, Credentials::new("ASIAEXAMPLE", "secret"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    expiry: Option<SystemTime>,
}

impl Credentials {
    /// Long-term credentials: an access key id and its secret, no token, no expiry.
    ///
    /// ```
    /// use awso_client::credentials::Credentials;
    /// let credentials = Credentials::new("AKIDEXAMPLE", String::from("secret"));
    /// assert_eq!((credentials.session_token(), credentials.expiry()), (None, None));
    /// ```
    pub fn new(access_key_id: impl Into<String>, secret_access_key: impl Into<String>) -> Self {
        Credentials {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token: None,
            expiry: None,
        }
    }

    /// The same credentials with a session token (temporary credentials).
    ///
    /// ```
    /// use awso_client::credentials::Credentials;
    /// let credentials = Credentials::new("ASIAEXAMPLE", "secret").with_session_token("token");
    /// assert_eq!(credentials.session_token(), Some("token"));
    /// ```
    #[must_use]
    pub fn with_session_token(mut self, token: impl Into<String>) -> Self {
        self.session_token = Some(token.into());
        self
    }

    /// The same credentials, valid until `expiry`.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use awso_client::credentials::Credentials;
    /// let in_an_hour = SystemTime::now() + Duration::from_secs(3600);
    /// assert_eq!(Credentials::new("ASIAEXAMPLE", "secret").with_expiry(in_an_hour).expiry(), Some(in_an_hour));
    /// ```
    #[must_use]
    pub fn with_expiry(mut self, expiry: SystemTime) -> Self {
        self.expiry = Some(expiry);
        self
    }

    /// The access key id (`AKIA...` or `ASIA...`).
    ///
    /// ```
    /// use awso_client::credentials::Credentials;
    /// assert_eq!(Credentials::new("AKIDEXAMPLE", "secret").access_key_id(), "AKIDEXAMPLE");
    /// ```
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The secret access key. Never log it.
    ///
    /// ```
    /// use awso_client::credentials::Credentials;
    /// assert_eq!(Credentials::new("AKIDEXAMPLE", "secret").secret_access_key(), "secret");
    /// ```
    pub fn secret_access_key(&self) -> &str {
        &self.secret_access_key
    }

    /// The session token of temporary credentials. Never log it.
    ///
    /// ```
    /// use awso_client::credentials::Credentials;
    /// assert_eq!(Credentials::new("AKIDEXAMPLE", "secret").session_token(), None);
    /// ```
    pub fn session_token(&self) -> Option<&str> {
        self.session_token.as_deref()
    }

    /// When these credentials stop working, if they do.
    ///
    /// ```
    /// use awso_client::credentials::Credentials;
    /// // Long-term keys do not expire.
    /// assert_eq!(Credentials::new("AKIDEXAMPLE", "secret").expiry(), None);
    /// ```
    pub fn expiry(&self) -> Option<SystemTime> {
        self.expiry
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = format_args!("{REDACTED}");
        let token = self.session_token.as_ref().map(|_| redacted);
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &redacted)
            .field("session_token", &token)
            .field("expiry", &self.expiry)
            .finish()
    }
}

//! The one error every credentials provider returns: which provider, what kind of failure, why.
//!
//! The kind decides what a chain does next: [`ErrorKind::NotConfigured`] means "this source is
//! not set up here, ask the next one"; every other kind means the source *is* set up and broken,
//! so the chain stops and reports it rather than silently falling through to another identity.

use std::error::Error as StdError;
use std::fmt;

/// Why a provider returned no credentials.
///
/// ```
/// use awso_client::credentials::{CredentialsError, ErrorKind};
/// let error = CredentialsError::unsupported("profile", "sso_session is not supported yet");
/// assert_eq!(error.kind(), ErrorKind::Unsupported);
/// assert!(!error.is_not_configured());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The source is not set up (no variable, no profile, no endpoint): try the next one.
    NotConfigured,
    /// The source is set up but wrongly (half a key pair, a malformed file, a refused URI).
    InvalidConfiguration,
    /// The source is set up in a way this crate cannot serve yet (SSO, MFA prompts, a network
    /// source without an HTTP client).
    Unsupported,
    /// The source was asked and failed (a process exited non-zero, an endpoint answered 500,
    /// a timeout, an answer that is not credentials).
    ProviderFailed,
}

/// A provider's failure: its name, a kind, a message without secrets, and for a chain every
/// provider it tried.
///
/// ```
/// use awso_client::credentials::{CredentialsError, ErrorKind};
///
/// let error = CredentialsError::not_configured("environment", "AWS_ACCESS_KEY_ID is not set");
/// assert_eq!(error.kind(), ErrorKind::NotConfigured);
/// assert_eq!(error.to_string(), "environment: AWS_ACCESS_KEY_ID is not set");
/// ```
#[derive(Debug)]
pub struct CredentialsError {
    provider: String,
    kind: ErrorKind,
    message: String,
    tried: Vec<CredentialsError>,
    source: Option<Box<dyn StdError + Send + Sync>>,
}

impl CredentialsError {
    /// An error of `kind` from `provider`.
    ///
    /// ```
    /// use awso_client::credentials::{CredentialsError, ErrorKind};
    /// let error = CredentialsError::new("container", ErrorKind::ProviderFailed, "answered 500");
    /// assert_eq!((error.provider(), error.message()), ("container", "answered 500"));
    /// ```
    pub fn new(provider: impl Into<String>, kind: ErrorKind, message: impl Into<String>) -> Self {
        CredentialsError {
            provider: provider.into(),
            kind,
            message: message.into(),
            tried: Vec::new(),
            source: None,
        }
    }

    /// `provider` is not set up here ([`ErrorKind::NotConfigured`]).
    ///
    /// ```
    /// use awso_client::credentials::{CredentialsError, ErrorKind};
    /// assert_eq!(CredentialsError::not_configured("imds", "disabled").kind(), ErrorKind::NotConfigured);
    /// ```
    pub fn not_configured(provider: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(provider, ErrorKind::NotConfigured, message)
    }

    /// `provider` is set up wrongly ([`ErrorKind::InvalidConfiguration`]).
    ///
    /// ```
    /// use awso_client::credentials::{CredentialsError, ErrorKind};
    /// let error = CredentialsError::invalid("environment", "AWS_SECRET_ACCESS_KEY is not set");
    /// assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
    /// ```
    pub fn invalid(provider: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(provider, ErrorKind::InvalidConfiguration, message)
    }

    /// `provider` is set up in a way not supported yet ([`ErrorKind::Unsupported`]).
    ///
    /// ```
    /// use awso_client::credentials::{CredentialsError, ErrorKind};
    /// assert_eq!(CredentialsError::unsupported("profile", "mfa_serial").kind(), ErrorKind::Unsupported);
    /// ```
    pub fn unsupported(provider: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(provider, ErrorKind::Unsupported, message)
    }

    /// `provider` was asked and failed ([`ErrorKind::ProviderFailed`]).
    ///
    /// ```
    /// use awso_client::credentials::{CredentialsError, ErrorKind};
    /// let error = CredentialsError::failed("process", "exited with 1");
    /// assert_eq!(error.kind(), ErrorKind::ProviderFailed);
    /// assert_eq!(error.to_string(), "process: exited with 1");
    /// ```
    pub fn failed(provider: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(provider, ErrorKind::ProviderFailed, message)
    }

    /// The same error, caused by `source`.
    ///
    /// ```
    /// use std::error::Error;
    /// use awso_client::credentials::CredentialsError;
    /// let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
    /// let error = CredentialsError::invalid("profile", "cannot read ~/.aws/config").with_source(io);
    /// assert_eq!(error.source().unwrap().to_string(), "permission denied");
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The same error, after the providers in `tried` (a chain's record).
    ///
    /// ```
    /// use awso_client::credentials::CredentialsError;
    /// let tried = vec![CredentialsError::not_configured("environment", "no AWS_ACCESS_KEY_ID")];
    /// let error = CredentialsError::not_configured("chain", "no provider answered").with_tried(tried);
    /// assert_eq!(error.tried()[0].provider(), "environment");
    /// ```
    #[must_use]
    pub fn with_tried(mut self, tried: Vec<CredentialsError>) -> Self {
        self.tried = tried;
        self
    }

    /// The provider that failed (`"environment"`, `"profile"`, `"container"`, ...).
    ///
    /// ```
    /// use awso_client::credentials::CredentialsError;
    /// assert_eq!(CredentialsError::failed("container", "timed out").provider(), "container");
    /// ```
    pub fn provider(&self) -> &str {
        &self.provider
    }

    /// What kind of failure this is.
    ///
    /// ```
    /// use awso_client::credentials::{CredentialsError, ErrorKind};
    /// assert_eq!(CredentialsError::failed("imds", "timed out").kind(), ErrorKind::ProviderFailed);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, without the provider's name.
    ///
    /// ```
    /// use awso_client::credentials::CredentialsError;
    /// assert_eq!(CredentialsError::failed("imds", "timed out").message(), "timed out");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// For a chain: every provider it asked, in order, with its answer.
    ///
    /// ```
    /// use awso_client::credentials::CredentialsError;
    /// // A single provider's error has no record of others.
    /// assert!(CredentialsError::failed("imds", "timed out").tried().is_empty());
    /// ```
    pub fn tried(&self) -> &[CredentialsError] {
        &self.tried
    }

    /// Whether the source is simply absent, so a chain may go on to the next one.
    ///
    /// ```
    /// use awso_client::credentials::CredentialsError;
    /// assert!(CredentialsError::not_configured("container", "no URI").is_not_configured());
    /// assert!(!CredentialsError::invalid("container", "bad URI").is_not_configured());
    /// ```
    pub fn is_not_configured(&self) -> bool {
        self.kind == ErrorKind::NotConfigured
    }
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.provider, self.message)?;
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        if !self.tried.is_empty() {
            f.write_str(" (tried: ")?;
            for (index, attempt) in self.tried.iter().enumerate() {
                if index > 0 {
                    f.write_str("; ")?;
                }
                write!(f, "{attempt}")?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl StdError for CredentialsError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn StdError + 'static))
    }
}

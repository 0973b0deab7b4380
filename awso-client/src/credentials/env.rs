//! Environment variables, read through a trait so tests and applications can supply their own.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::Arc;

use super::provider::{CredentialsFuture, ProvideCredentials};
use super::{Credentials, CredentialsError};

/// Where providers read variables from.
///
/// [`ProcessEnvironment`] reads the process's; [`EnvironmentMap`] (or any map) stands in for it.
///
/// ```
/// use awso_client::credentials::{Environment, EnvironmentProvider, ProvideCredentials};
/// /// Variables from the application's own configuration.
/// struct AppConfig;
/// impl Environment for AppConfig {
///     fn var(&self, name: &str) -> Option<String> {
///         match name {
///             "AWS_ACCESS_KEY_ID" => Some("AKIDAPP".into()),
///             "AWS_SECRET_ACCESS_KEY" => Some("secret".into()),
///             _ => None,
///         }
///     }
/// }
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let credentials = EnvironmentProvider::new(AppConfig).provide_credentials().await.unwrap();
/// assert_eq!(credentials.access_key_id(), "AKIDAPP");
/// # });
/// ```
pub trait Environment: Send + Sync {
    /// The value of `name`, if it is set.
    ///
    /// ```
    /// use std::collections::HashMap;
    /// use awso_client::credentials::Environment;
    /// // A plain map is an environment too.
    /// let map = HashMap::from([("AWS_REGION".to_owned(), "eu-west-1".to_owned())]);
    /// assert_eq!(map.var("AWS_REGION").as_deref(), Some("eu-west-1"));
    /// assert_eq!(map.var("AWS_PROFILE"), None);
    /// ```
    fn var(&self, name: &str) -> Option<String>;

    /// The value of `name` if it is set and not blank; AWS tools treat `VAR=` as unset.
    ///
    /// ```
    /// use awso_client::credentials::{Environment, EnvironmentMap};
    /// let env = EnvironmentMap::from_pairs([("AWS_PROFILE", "  "), ("AWS_REGION", "us-east-1")]);
    /// assert_eq!(env.non_empty("AWS_PROFILE"), None);
    /// assert_eq!(env.non_empty("AWS_REGION").as_deref(), Some("us-east-1"));
    /// ```
    fn non_empty(&self, name: &str) -> Option<String> {
        self.var(name).filter(|value| !value.trim().is_empty())
    }
}

/// The process's own environment (`std::env::var`).
///
/// ```
/// use awso_client::credentials::{Environment, ProcessEnvironment};
/// assert_eq!(ProcessEnvironment.var("PATH"), std::env::var("PATH").ok());
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct ProcessEnvironment;

impl Environment for ProcessEnvironment {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}

/// A fixed set of variables; its `Debug` prints the names only, since values hold secrets.
///
/// ```
/// use awso_client::credentials::{Environment, EnvironmentMap};
///
/// let env = EnvironmentMap::from_pairs([("AWS_SECRET_ACCESS_KEY", "secret")]);
/// assert_eq!(env.var("AWS_SECRET_ACCESS_KEY").as_deref(), Some("secret"));
/// assert!(!format!("{env:?}").contains("secret\""));
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct EnvironmentMap {
    vars: BTreeMap<String, String>,
}

impl EnvironmentMap {
    /// An empty environment.
    ///
    /// ```
    /// use awso_client::credentials::{Environment, EnvironmentMap};
    /// assert_eq!(EnvironmentMap::new().var("HOME"), None);
    /// ```
    pub fn new() -> Self {
        EnvironmentMap::default()
    }

    /// An environment holding `pairs`.
    ///
    /// ```
    /// use awso_client::credentials::{Environment, EnvironmentMap};
    /// let env = EnvironmentMap::from_pairs([("AWS_REGION", "us-west-2"), ("AWS_PROFILE", "dev")]);
    /// assert_eq!(env.var("AWS_PROFILE").as_deref(), Some("dev"));
    /// ```
    pub fn from_pairs<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let vars = pairs
            .into_iter()
            .map(|(name, value)| (name.into(), value.into()))
            .collect();
        EnvironmentMap { vars }
    }

    /// The same environment with `name` set to `value`.
    ///
    /// ```
    /// use awso_client::credentials::{Environment, EnvironmentMap};
    /// let env = EnvironmentMap::new().with("AWS_REGION", "us-west-2").with("AWS_REGION", "eu-north-1");
    /// assert_eq!(env.var("AWS_REGION").as_deref(), Some("eu-north-1"));
    /// ```
    #[must_use]
    pub fn with(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.vars.insert(name.into(), value.into());
        self
    }
}

impl Environment for EnvironmentMap {
    fn var(&self, name: &str) -> Option<String> {
        self.vars.get(name).cloned()
    }
}

impl fmt::Debug for EnvironmentMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvironmentMap")
            .field("names", &self.vars.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl<S: std::hash::BuildHasher + Send + Sync> Environment for HashMap<String, String, S> {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name).cloned()
    }
}

impl<E: Environment + ?Sized> Environment for Arc<E> {
    fn var(&self, name: &str) -> Option<String> {
        (**self).var(name)
    }
}

const PROVIDER: &str = "environment";
const ACCESS_KEY_ID: &str = "AWS_ACCESS_KEY_ID";
const SECRET_ACCESS_KEY: &str = "AWS_SECRET_ACCESS_KEY";
const SESSION_TOKEN: &str = "AWS_SESSION_TOKEN";

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
///
/// Neither key set is [`NotConfigured`](super::ErrorKind::NotConfigured); one without the
/// other is a configuration error, since the user clearly meant to use these variables.
///
/// ```
/// use awso_client::credentials::{EnvironmentMap, EnvironmentProvider, ProvideCredentials};
///
/// let env = EnvironmentMap::from_pairs([
///     ("AWS_ACCESS_KEY_ID", "ASIAEXAMPLE"),
///     ("AWS_SECRET_ACCESS_KEY", "secret"),
///     ("AWS_SESSION_TOKEN", "token"),
/// ]);
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let credentials = EnvironmentProvider::new(env).provide_credentials().await.unwrap();
/// assert_eq!(credentials.session_token(), Some("token"));
/// # });
/// ```
#[derive(Clone)]
pub struct EnvironmentProvider {
    env: Arc<dyn Environment>,
}

impl EnvironmentProvider {
    /// A provider reading `env`.
    ///
    /// ```
    /// use awso_client::credentials::{EnvironmentMap, EnvironmentProvider, ProvideCredentials};
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let error = EnvironmentProvider::new(EnvironmentMap::new()).provide_credentials().await.unwrap_err();
    /// assert!(error.is_not_configured());
    /// # });
    /// ```
    pub fn new(env: impl Environment + 'static) -> Self {
        EnvironmentProvider { env: Arc::new(env) }
    }

    /// A provider reading an environment shared with other providers.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use awso_client::credentials::{Environment, EnvironmentMap, EnvironmentProvider, ProvideCredentials};
    /// let env: Arc<dyn Environment> = Arc::new(EnvironmentMap::from_pairs([
    ///     ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"),
    ///     ("AWS_SECRET_ACCESS_KEY", "secret"),
    /// ]));
    /// let provider = EnvironmentProvider::from_shared(env.clone());
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "AKIDEXAMPLE");
    /// # });
    /// ```
    pub fn from_shared(env: Arc<dyn Environment>) -> Self {
        EnvironmentProvider { env }
    }

    fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let key_id = self.env.non_empty(ACCESS_KEY_ID);
        let secret = self.env.non_empty(SECRET_ACCESS_KEY);
        let (key_id, secret) = match (key_id, secret) {
            (Some(key_id), Some(secret)) => (key_id, secret),
            (None, None) => {
                let message = format!("{ACCESS_KEY_ID} and {SECRET_ACCESS_KEY} are not set");
                return Err(CredentialsError::not_configured(PROVIDER, message));
            }
            (Some(_), None) => return Err(half_set(ACCESS_KEY_ID, SECRET_ACCESS_KEY)),
            (None, Some(_)) => return Err(half_set(SECRET_ACCESS_KEY, ACCESS_KEY_ID)),
        };
        let credentials = Credentials::new(key_id.trim(), secret.trim());
        Ok(match self.env.non_empty(SESSION_TOKEN) {
            Some(token) => credentials.with_session_token(token.trim()),
            None => credentials,
        })
    }
}

fn half_set(set: &str, missing: &str) -> CredentialsError {
    CredentialsError::invalid(PROVIDER, format!("{set} is set but {missing} is not"))
}

impl ProvideCredentials for EnvironmentProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        let result = self.credentials();
        Box::pin(async move { result })
    }
}

impl fmt::Debug for EnvironmentProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvironmentProvider")
            .finish_non_exhaustive()
    }
}

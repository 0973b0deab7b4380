//! The profile provider: the selected profile's chain, run from its base through every role.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::super::container::ContainerProvider;
use super::super::env::{Environment, EnvironmentProvider};
use super::super::http::HttpClient;
use super::super::imds::ImdsProvider;
use super::super::process::DEFAULT_PROCESS_TIMEOUT;
use super::super::provider::{CredentialsFuture, ProvideCredentials};
use super::super::sts::{DEFAULT_STS_REGION, StsClient, WebIdentityProvider};
use super::super::{Credentials, CredentialsError, ErrorKind};
use super::resolve::{BaseCredentials, ProfileChain, RoleHop};
use super::{ProfileFiles, ProfileSet, files_for};
use crate::transport::default_client;

const PROVIDER: &str = "profile";

/// Credentials from the shared config and credentials files, in the profile that
/// `AWS_PROFILE` (or [`ProfileProvider::with_profile`]) selects: static keys,
/// `credential_process`, `web_identity_token_file`, and roles assumed through STS on top of
/// any of them or of a `credential_source` (`Environment`, `Ec2InstanceMetadata`,
/// `EcsContainer`), one `AssumeRole` per `source_profile` hop.
///
/// STS is asked in `AWS_REGION`, `AWS_DEFAULT_REGION`, the selected profile's `region`, or
/// `us-east-1`, at the endpoint [`StsClient`] resolves. Profiles with `mfa_serial` (which needs
/// a prompt for a token code) and SSO answer
/// [`Unsupported`](crate::credentials::ErrorKind::Unsupported).
///
/// ```
/// use awso_client::credentials::{EnvironmentMap, ErrorKind, ProfileProvider, ProvideCredentials};
///
/// let dir = std::env::temp_dir().join(format!("awso-doc-profile-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("credentials"), "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = s\n").unwrap();
/// let env = EnvironmentMap::from_pairs([("AWS_SHARED_CREDENTIALS_FILE", dir.join("credentials").to_str().unwrap())]);
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let credentials = ProfileProvider::new(env).provide_credentials().await.unwrap();
/// assert_eq!(credentials.access_key_id(), "AKIDEXAMPLE");
/// # });
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Clone)]
pub struct ProfileProvider {
    env: Arc<dyn Environment>,
    profile: Option<String>,
    client: Option<Arc<dyn HttpClient>>,
    sts: Option<StsClient>,
    process_timeout: Duration,
}

impl ProfileProvider {
    /// A provider locating the files through `env`.
    ///
    /// ```
    /// use awso_client::credentials::{EnvironmentMap, ProfileProvider, ProvideCredentials};
    /// // No files at all: the provider is not set up, and a chain goes on to the next one.
    /// let env = EnvironmentMap::from_pairs([
    ///     ("AWS_CONFIG_FILE", "/nonexistent/awso/config"),
    ///     ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/awso/credentials"),
    /// ]);
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert!(ProfileProvider::new(env).provide_credentials().await.unwrap_err().is_not_configured());
    /// # });
    /// ```
    pub fn new(env: impl Environment + 'static) -> Self {
        ProfileProvider::from_shared(Arc::new(env))
    }

    /// A provider reading an environment shared with other providers.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use awso_client::credentials::{Environment, EnvironmentMap, ProfileProvider, ProvideCredentials};
    /// let dir = std::env::temp_dir().join(format!("awso-doc-profile-shared-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("credentials"), "[default]\naws_access_key_id = AKIDSHARED\naws_secret_access_key = s\n").unwrap();
    /// let env: Arc<dyn Environment> = Arc::new(EnvironmentMap::from_pairs([
    ///     ("AWS_SHARED_CREDENTIALS_FILE", dir.join("credentials").to_str().unwrap()),
    ///     ("AWS_CONFIG_FILE", dir.join("config").to_str().unwrap()),
    /// ]));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let credentials = ProfileProvider::from_shared(env.clone()).provide_credentials().await.unwrap();
    /// assert_eq!(credentials.access_key_id(), "AKIDSHARED");
    /// # });
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn from_shared(env: Arc<dyn Environment>) -> Self {
        ProfileProvider {
            env,
            profile: None,
            client: default_client(),
            sts: None,
            process_timeout: DEFAULT_PROCESS_TIMEOUT,
        }
    }

    /// The same provider reading profile `name` instead of `AWS_PROFILE`'s.
    ///
    /// ```
    /// use awso_client::credentials::{EnvironmentMap, ProfileProvider};
    /// let env = EnvironmentMap::from_pairs([("AWS_PROFILE", "dev"), ("HOME", "/home/me")]);
    /// assert_eq!(ProfileProvider::new(env).with_profile("prod").files().profile_name(), "prod");
    /// ```
    #[must_use]
    pub fn with_profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    /// The same provider reaching STS, container and metadata endpoints through `client`.
    ///
    /// ```
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use bytes::Bytes;
    /// # /// A stand-in STS answering any role; it echoes the host it was sent to as the session
    /// # /// token and the session name as the secret, so the example sees where and how it asked.
    /// # struct Sts;
    /// # impl HttpClient for Sts {
    /// #     fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
    /// #         let form = String::from_utf8_lossy(request.body()).into_owned();
    /// #         let field = |name: &str| {
    /// #             let value = form.split('&').find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='));
    /// #             value.unwrap_or("").to_owned()
    /// #         };
    /// #         let operation = field("Action");
    /// #         let host = request.uri().authority().map(|a| a.to_string()).unwrap_or_default();
    /// #         let body = format!(
    /// #             "<{operation}Response><{operation}Result><Credentials><AccessKeyId>ASIAROLE</AccessKeyId>\
    /// #              <SecretAccessKey>{}</SecretAccessKey><SessionToken>{host}</SessionToken>\
    /// #              <Expiration>2030-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>\
    /// #              <Arn>arn:aws:sts::1:assumed-role/r/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId>\
    /// #              </AssumedRoleUser></{operation}Result></{operation}Response>",
    /// #             field("RoleSessionName"),
    /// #         );
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body.into_bytes()))) })
    /// #     }
    /// # }
    /// use awso_client::credentials::{EnvironmentMap, ProfileProvider, ProvideCredentials};
    /// // A role on top of static keys: the provider calls STS through the given client.
    /// let dir = std::env::temp_dir().join(format!("awso-doc-profile-http-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("config"), "[profile admin]\nrole_arn = arn:aws:iam::1:role/admin\nsource_profile = base\nrole_session_name = doc\nregion = eu-west-3\n\
    ///     [profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n").unwrap();
    /// let env = EnvironmentMap::from_pairs([
    ///     ("AWS_CONFIG_FILE", dir.join("config").to_str().unwrap()),
    ///     ("AWS_SHARED_CREDENTIALS_FILE", dir.join("credentials").to_str().unwrap()),
    /// ]);
    /// let provider = ProfileProvider::new(env).with_profile("admin").with_http_client(Sts);
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let role = provider.provide_credentials().await.unwrap();
    /// assert_eq!(role.access_key_id(), "ASIAROLE");
    /// // Asked in the profile's region, with its session name.
    /// assert_eq!((role.session_token(), role.secret_access_key()), (Some("sts.eu-west-3.amazonaws.com"), "doc"));
    /// # });
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    #[must_use]
    pub fn with_http_client(self, client: impl HttpClient + 'static) -> Self {
        self.with_shared_http_client(Some(Arc::new(client)))
    }

    pub(crate) fn with_shared_http_client(mut self, client: Option<Arc<dyn HttpClient>>) -> Self {
        self.client = client;
        self
    }

    /// The same provider calling STS through `sts` (its endpoint, clock and transport).
    ///
    /// ```
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use bytes::Bytes;
    /// # /// A stand-in STS answering any role; it echoes the host it was sent to as the session
    /// # /// token and the session name as the secret, so the example sees where and how it asked.
    /// # struct Sts;
    /// # impl HttpClient for Sts {
    /// #     fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
    /// #         let form = String::from_utf8_lossy(request.body()).into_owned();
    /// #         let field = |name: &str| {
    /// #             let value = form.split('&').find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='));
    /// #             value.unwrap_or("").to_owned()
    /// #         };
    /// #         let operation = field("Action");
    /// #         let host = request.uri().authority().map(|a| a.to_string()).unwrap_or_default();
    /// #         let body = format!(
    /// #             "<{operation}Response><{operation}Result><Credentials><AccessKeyId>ASIAROLE</AccessKeyId>\
    /// #              <SecretAccessKey>{}</SecretAccessKey><SessionToken>{host}</SessionToken>\
    /// #              <Expiration>2030-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>\
    /// #              <Arn>arn:aws:sts::1:assumed-role/r/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId>\
    /// #              </AssumedRoleUser></{operation}Result></{operation}Response>",
    /// #             field("RoleSessionName"),
    /// #         );
    /// #         Box::pin(async move { Ok(http::Response::new(ResponseBody::from(body.into_bytes()))) })
    /// #     }
    /// # }
    /// use awso_client::credentials::{EnvironmentMap, ProfileProvider, ProvideCredentials};
    /// use awso_client::credentials::sts::StsClient;
    /// let dir = std::env::temp_dir().join(format!("awso-doc-profile-sts-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("config"), "[default]\nrole_arn = arn:aws:iam::1:role/admin\nsource_profile = base\n\
    ///     [profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n").unwrap();
    /// let env = EnvironmentMap::from_pairs([
    ///     ("AWS_CONFIG_FILE", dir.join("config").to_str().unwrap()),
    ///     ("AWS_SHARED_CREDENTIALS_FILE", dir.join("credentials").to_str().unwrap()),
    /// ]);
    /// let sts = StsClient::new(EnvironmentMap::new(), Sts).with_endpoint("http://127.0.0.1:4566");
    /// let provider = ProfileProvider::new(env).with_sts(sts);
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(provider.provide_credentials().await.unwrap().session_token(), Some("127.0.0.1:4566"));
    /// # });
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    #[must_use]
    pub fn with_sts(mut self, sts: StsClient) -> Self {
        self.sts = Some(sts);
        self
    }

    /// The same provider killing a `credential_process` still running after `timeout`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use awso_client::credentials::{EnvironmentMap, ErrorKind, ProfileProvider, ProvideCredentials};
    /// let dir = std::env::temp_dir().join(format!("awso-doc-profile-process-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("config"), "[default]\ncredential_process = sleep 10\n").unwrap();
    /// let env = EnvironmentMap::from_pairs([
    ///     ("AWS_CONFIG_FILE", dir.join("config").to_str().unwrap()),
    ///     ("AWS_SHARED_CREDENTIALS_FILE", dir.join("credentials").to_str().unwrap()),
    /// ]);
    /// let provider = ProfileProvider::new(env).with_process_timeout(Duration::from_millis(100));
    /// # #[cfg(unix)]
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(provider.provide_credentials().await.unwrap_err().kind(), ErrorKind::ProviderFailed);
    /// # });
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    #[must_use]
    pub fn with_process_timeout(mut self, timeout: Duration) -> Self {
        self.process_timeout = timeout;
        self
    }

    /// The files this provider reads and the profile it selects.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::{EnvironmentMap, ProfileProvider};
    /// let env = EnvironmentMap::from_pairs([("HOME", "/home/me"), ("AWS_CONFIG_FILE", "/etc/aws/config")]);
    /// let files = ProfileProvider::new(env).files();
    /// assert_eq!(files.config_file(), Some(Path::new("/etc/aws/config")));
    /// assert_eq!(files.credentials_file(), Some(Path::new("/home/me/.aws/credentials")));
    /// ```
    pub fn files(&self) -> ProfileFiles {
        files_for(&self.env, self.profile.as_deref())
    }

    fn sts(&self) -> StsClient {
        self.sts
            .clone()
            .unwrap_or_else(|| StsClient::from_shared(self.env.clone(), self.client.clone()))
    }

    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let files = self.files();
        let set = files.load()?;
        let chain = ProfileChain::resolve(&set, files.profile_name()).map_err(|error| {
            if error.is_not_configured() {
                let message = format!("{} in {}", error.message(), files.describe());
                CredentialsError::not_configured(PROVIDER, message)
            } else {
                error
            }
        })?;
        // Refuse what cannot be served before running anything (a process, a request).
        if let Some(hop) = chain.roles.iter().find(|hop| hop.mfa_serial.is_some()) {
            return Err(CredentialsError::unsupported(
                PROVIDER,
                format!(
                    "profile `{}` sets mfa_serial: assuming {} needs an MFA token code typed in, which is not supported",
                    hop.profile, hop.role_arn
                ),
            ));
        }
        let sts = self.sts();
        let region = self.sts_region(&set, files.profile_name());
        let mut credentials = self.base(&chain.base, &sts, &region).await?;
        for hop in &chain.roles {
            credentials = sts
                .assume_role(&credentials, &hop.params(), &region)
                .await
                .map_err(|error| in_profile(error, hop))?;
        }
        Ok(credentials)
    }

    /// The environment's region, else the selected profile's, else STS's default.
    fn sts_region(&self, set: &ProfileSet, selected: &str) -> String {
        ["AWS_REGION", "AWS_DEFAULT_REGION"]
            .into_iter()
            .find_map(|variable| self.env.non_empty(variable))
            .or_else(|| {
                set.profile(selected)
                    .and_then(|profile| profile.get("region"))
                    .map(str::to_owned)
            })
            .map_or_else(
                || DEFAULT_STS_REGION.to_owned(),
                |region| region.trim().to_owned(),
            )
    }

    async fn base(
        &self,
        base: &BaseCredentials,
        sts: &StsClient,
        region: &str,
    ) -> Result<Credentials, CredentialsError> {
        match base {
            BaseCredentials::Static(credentials) => Ok(credentials.clone()),
            BaseCredentials::Process(process) => {
                process
                    .clone()
                    .with_timeout(self.process_timeout)
                    .run()
                    .await
            }
            BaseCredentials::WebIdentity {
                role_arn,
                token_file,
                session_name,
            } => {
                let provider =
                    WebIdentityProvider::new(role_arn, token_file, sts.clone()).with_region(region);
                match session_name {
                    Some(name) => provider.with_session_name(name).run().await,
                    None => provider.run().await,
                }
            }
            BaseCredentials::CredentialSource(source) => self.credential_source(source).await,
            BaseCredentials::Sso { profile } => Err(CredentialsError::unsupported(
                PROVIDER,
                format!("SSO in profile `{profile}` is configured but not supported yet"),
            )),
        }
    }

    /// `credential_source`: the environment, instance metadata or the container endpoint.
    /// That source being absent is a configuration error here, not a reason to go on.
    async fn credential_source(&self, source: &str) -> Result<Credentials, CredentialsError> {
        let env = self.env.clone();
        let provider: Box<dyn ProvideCredentials> = match (source, &self.client) {
            ("Environment", _) => Box::new(EnvironmentProvider::from_shared(env)),
            ("Ec2InstanceMetadata", Some(client)) => {
                Box::new(ImdsProvider::from_shared(env, client.clone()))
            }
            ("EcsContainer", Some(client)) => {
                Box::new(ContainerProvider::from_shared(env, client.clone()))
            }
            ("Ec2InstanceMetadata" | "EcsContainer", None) => {
                return Err(CredentialsError::unsupported(
                    PROVIDER,
                    format!(
                        "credential_source {source} needs an HTTP client (the `hyper` feature is off and none was given)"
                    ),
                ));
            }
            _ => {
                return Err(CredentialsError::invalid(
                    PROVIDER,
                    format!(
                        "credential_source `{source}` is not Environment, Ec2InstanceMetadata or EcsContainer"
                    ),
                ));
            }
        };
        provider.provide_credentials().await.map_err(|error| {
            let kind = if error.is_not_configured() {
                ErrorKind::InvalidConfiguration
            } else {
                error.kind()
            };
            CredentialsError::new(PROVIDER, kind, format!("credential_source {source}"))
                .with_source(error)
        })
    }
}

/// Names the profile whose role failed; the STS error, as the source, says why.
fn in_profile(error: CredentialsError, hop: &RoleHop) -> CredentialsError {
    let message = format!("profile `{}` assumes role {}", hop.profile, hop.role_arn);
    CredentialsError::new(PROVIDER, error.kind(), message).with_source(error)
}

impl ProvideCredentials for ProfileProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.credentials())
    }
}

impl fmt::Debug for ProfileProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProfileProvider")
            .field("profile", &self.profile)
            .field("sts", &self.sts)
            .field("process_timeout", &self.process_timeout)
            .finish_non_exhaustive()
    }
}

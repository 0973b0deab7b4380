//! `AssumeRoleWithWebIdentity`: a role's credentials for an OIDC token read from a file (EKS
//! service accounts, CI systems). The request is not signed: the token is the proof.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::model::{AssumeRoleWithWebIdentity, AssumeRoleWithWebIdentityRequest};
use super::{StsClient, credentials_of, sts_region};
use crate::credentials::env::Environment;
use crate::credentials::provider::{CredentialsFuture, ProvideCredentials};
use crate::credentials::{Credentials, CredentialsError};

const PROVIDER: &str = "web identity";
const TOKEN_FILE: &str = "AWS_WEB_IDENTITY_TOKEN_FILE";
const ROLE_ARN: &str = "AWS_ROLE_ARN";
const SESSION_NAME: &str = "AWS_ROLE_SESSION_NAME";

/// Credentials for `role_arn` in exchange for the token in `token_file`, read again on every
/// call because the tools that write it rotate it.
///
/// ```
/// use awso_client::credentials::EnvironmentMap;
/// use awso_client::transport::HyperClient;
/// use awso_client::credentials::sts::{StsClient, WebIdentityProvider};
///
/// let sts = StsClient::new(EnvironmentMap::new(), HyperClient::new());
/// let provider = WebIdentityProvider::new("arn:aws:iam::123456789012:role/ci", "/var/run/token", sts)
///     .with_session_name("build-17");
/// assert_eq!(provider.token_file().to_str(), Some("/var/run/token"));
/// ```
#[derive(Clone)]
pub struct WebIdentityProvider {
    role_arn: String,
    token_file: PathBuf,
    session_name: Option<String>,
    region: Option<String>,
    sts: StsClient,
}

impl WebIdentityProvider {
    /// Assume `role_arn` with the token in `token_file`, through `sts`.
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
    /// use awso_client::credentials::{EnvironmentMap, ProvideCredentials};
    /// use awso_client::credentials::sts::{StsClient, WebIdentityProvider};
    /// let token = std::env::temp_dir().join(format!("awso-doc-web-identity-{}", std::process::id()));
    /// std::fs::write(&token, "eyJhbGciOi.example.token\n").unwrap();
    /// let provider = WebIdentityProvider::new("arn:aws:iam::123456789012:role/ci", &token, StsClient::new(EnvironmentMap::new(), Sts));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "ASIAROLE");
    /// # });
    /// std::fs::remove_file(&token).unwrap();
    /// ```
    pub fn new(
        role_arn: impl Into<String>,
        token_file: impl Into<PathBuf>,
        sts: StsClient,
    ) -> Self {
        WebIdentityProvider {
            role_arn: role_arn.into(),
            token_file: token_file.into(),
            session_name: None,
            region: None,
            sts,
        }
    }

    /// The same provider naming its sessions `name` (else `awso-rust-<millis>`).
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
    /// use awso_client::credentials::EnvironmentMap;
    /// use awso_client::credentials::sts::{StsClient, WebIdentityProvider};
    /// let token = std::env::temp_dir().join(format!("awso-doc-web-identity-name-{}", std::process::id()));
    /// std::fs::write(&token, "token").unwrap();
    /// let provider = WebIdentityProvider::new("arn:aws:iam::1:role/ci", &token, StsClient::new(EnvironmentMap::new(), Sts))
    ///     .with_session_name("build-17");
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(provider.run().await.unwrap().secret_access_key(), "build-17");
    /// # });
    /// std::fs::remove_file(&token).unwrap();
    /// ```
    #[must_use]
    pub fn with_session_name(mut self, name: impl Into<String>) -> Self {
        self.session_name = Some(name.into());
        self
    }

    /// The same provider asking STS in `region` (else `AWS_REGION`, `AWS_DEFAULT_REGION`,
    /// `us-east-1`).
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
    /// use awso_client::credentials::EnvironmentMap;
    /// use awso_client::credentials::sts::{StsClient, WebIdentityProvider};
    /// let token = std::env::temp_dir().join(format!("awso-doc-web-identity-region-{}", std::process::id()));
    /// std::fs::write(&token, "token").unwrap();
    /// let provider = WebIdentityProvider::new("arn:aws:iam::1:role/ci", &token, StsClient::new(EnvironmentMap::new(), Sts))
    ///     .with_region("sa-east-1");
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(provider.run().await.unwrap().session_token(), Some("sts.sa-east-1.amazonaws.com"));
    /// # });
    /// std::fs::remove_file(&token).unwrap();
    /// ```
    #[must_use]
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// The file the token is read from.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::EnvironmentMap;
    /// use awso_client::transport::HyperClient;
    /// use awso_client::credentials::sts::{StsClient, WebIdentityProvider};
    /// let sts = StsClient::new(EnvironmentMap::new(), HyperClient::new());
    /// let provider = WebIdentityProvider::new("arn:aws:iam::1:role/ci", "/var/run/secrets/token", sts);
    /// assert_eq!(provider.token_file(), Path::new("/var/run/secrets/token"));
    /// ```
    pub fn token_file(&self) -> &Path {
        &self.token_file
    }

    /// Reads the token and exchanges it.
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
    /// use awso_client::credentials::{EnvironmentMap, ErrorKind};
    /// use awso_client::credentials::sts::{StsClient, WebIdentityProvider};
    /// // An empty token file is a configuration error naming the file; STS is not asked.
    /// let token = std::env::temp_dir().join(format!("awso-doc-web-identity-empty-{}", std::process::id()));
    /// std::fs::write(&token, "  \n").unwrap();
    /// let provider = WebIdentityProvider::new("arn:aws:iam::1:role/ci", &token, StsClient::new(EnvironmentMap::new(), Sts));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let error = provider.run().await.unwrap_err();
    /// assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
    /// assert!(error.message().contains("awso-doc-web-identity-empty"), "{error}");
    /// # });
    /// std::fs::remove_file(&token).unwrap();
    /// ```
    pub async fn run(&self) -> Result<Credentials, CredentialsError> {
        let token = read_token(&self.token_file)?;
        let input = AssumeRoleWithWebIdentityRequest {
            role_arn: self.role_arn.clone(),
            role_session_name: self
                .session_name
                .clone()
                .unwrap_or_else(|| self.sts.session_name()),
            web_identity_token: token,
            provider_id: None,
            policy_arns: None,
            policy: None,
            duration_seconds: None,
        };
        let region = sts_region(self.sts.environment().as_ref(), self.region.as_deref());
        let output = self
            .sts
            .call::<AssumeRoleWithWebIdentity>(&input, &self.role_arn, &region, None)
            .await?;
        credentials_of("AssumeRoleWithWebIdentity", output.credentials)
    }
}

/// The token, trimmed; an unreadable or empty file is a configuration error naming the file.
fn read_token(path: &Path) -> Result<String, CredentialsError> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        CredentialsError::invalid(
            PROVIDER,
            format!("cannot read the web identity token file {}", path.display()),
        )
        .with_source(error)
    })?;
    let token = text.trim();
    if token.is_empty() {
        return Err(CredentialsError::invalid(
            PROVIDER,
            format!("the web identity token file {} is empty", path.display()),
        ));
    }
    Ok(token.to_owned())
}

impl ProvideCredentials for WebIdentityProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.run())
    }
}

impl fmt::Debug for WebIdentityProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebIdentityProvider")
            .field("role_arn", &self.role_arn)
            .field("token_file", &self.token_file)
            .field("session_name", &self.session_name)
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

/// The default chain's web identity step: `AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN`
/// (and `AWS_ROLE_SESSION_NAME`), read when asked.
pub(crate) struct WebIdentityFromEnv {
    env: Arc<dyn Environment>,
    sts: StsClient,
}

impl WebIdentityFromEnv {
    pub(crate) fn new(env: Arc<dyn Environment>, sts: StsClient) -> Self {
        WebIdentityFromEnv { env, sts }
    }

    fn provider(&self) -> Result<WebIdentityProvider, CredentialsError> {
        let token_file = self.env.non_empty(TOKEN_FILE);
        let role = self.env.non_empty(ROLE_ARN);
        match (token_file, role) {
            (Some(token_file), Some(role)) => {
                let provider =
                    WebIdentityProvider::new(role.trim(), token_file.trim(), self.sts.clone());
                Ok(match self.env.non_empty(SESSION_NAME) {
                    Some(name) => provider.with_session_name(name.trim()),
                    None => provider,
                })
            }
            (None, None) => Err(CredentialsError::not_configured(
                PROVIDER,
                format!("{TOKEN_FILE} and {ROLE_ARN} are not set"),
            )),
            (Some(_), None) => Err(CredentialsError::invalid(
                PROVIDER,
                format!("{TOKEN_FILE} is set but {ROLE_ARN} is not"),
            )),
            // AWS_ROLE_ARN alone is set by other tools too; without a token it is not ours.
            (None, Some(_)) => Err(CredentialsError::not_configured(
                PROVIDER,
                format!("{TOKEN_FILE} is not set"),
            )),
        }
    }
}

impl ProvideCredentials for WebIdentityFromEnv {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move { self.provider()?.run().await })
    }
}

//! EC2 instance metadata (IMDSv2): a session token from `PUT /latest/api/token`, then the
//! instance profile's role name and that role's credentials, each `GET` carrying the token.
//!
//! `AWS_EC2_METADATA_DISABLED=true` turns it off; `AWS_EC2_METADATA_SERVICE_ENDPOINT` (or
//! `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6`) moves it; [`ImdsProvider::with_endpoint`]
//! overrides both. Only IMDSv2 is spoken: there is no fallback to the token-less IMDSv1.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::document;
use super::env::Environment;
use super::http::HttpClient;
use super::provider::{CredentialsFuture, ProvideCredentials};
use super::{Credentials, CredentialsError};

const PROVIDER: &str = "instance metadata";
const DISABLED: &str = "AWS_EC2_METADATA_DISABLED";
const ENDPOINT: &str = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
const ENDPOINT_MODE: &str = "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE";
const IPV4_ENDPOINT: &str = "http://169.254.169.254";
const IPV6_ENDPOINT: &str = "http://[fd00:ec2::254]";
const TOKEN_PATH: &str = "/latest/api/token";
const ROLES_PATH: &str = "/latest/meta-data/iam/security-credentials/";
const TTL_HEADER: &str = "x-aws-ec2-metadata-token-ttl-seconds";
const TOKEN_HEADER: &str = "x-aws-ec2-metadata-token";

/// Credentials of the EC2 instance profile.
///
/// ```
/// use awso_client::credentials::{EnvironmentMap, ImdsProvider, ProvideCredentials};
/// use awso_client::transport::HyperClient;
///
/// let env = EnvironmentMap::from_pairs([("AWS_EC2_METADATA_DISABLED", "true")]);
/// let provider = ImdsProvider::new(env, HyperClient::new());
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let error = provider.provide_credentials().await.unwrap_err();
/// assert!(error.is_not_configured());
/// # });
/// ```
#[derive(Clone)]
pub struct ImdsProvider {
    env: Arc<dyn Environment>,
    client: Arc<dyn HttpClient>,
    endpoint: Option<String>,
    token_ttl: Duration,
}

impl ImdsProvider {
    /// A provider reading `env` and asking through `client`.
    ///
    /// ```
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use bytes::Bytes;
    /// # /// The metadata service, canned: a token (for TTLs up to an hour), one role, its credentials.
    /// # struct Metadata;
    /// # impl HttpClient for Metadata {
    /// #     fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
    /// #         let ttl = request.headers().get("x-aws-ec2-metadata-token-ttl-seconds");
    /// #         let ttl: u64 = ttl.and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
    /// #         let (status, body) = match request.uri().path() {
    /// #             "/latest/api/token" if ttl <= 3600 => (200, "token-1"),
    /// #             "/latest/api/token" => (400, ""),
    /// #             "/latest/meta-data/iam/security-credentials/" => (200, "app-role"),
    /// #             "/latest/meta-data/iam/security-credentials/app-role" => (200, r#"{"Code":"Success","AccessKeyId":"ASIAIMDS","SecretAccessKey":"secret","Token":"session"}"#),
    /// #             _ => (404, ""),
    /// #         };
    /// #         let mut response = http::Response::new(ResponseBody::from(body));
    /// #         *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
    /// #         Box::pin(async move { Ok(response) })
    /// #     }
    /// # }
    /// use awso_client::credentials::{EnvironmentMap, ImdsProvider, ProvideCredentials};
    /// // The endpoint variable points the provider at a local stand-in for the metadata service.
    /// let env = EnvironmentMap::from_pairs([("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1338")]);
    /// let provider = ImdsProvider::new(env, Metadata).with_token_ttl(std::time::Duration::from_secs(60));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "ASIAIMDS");
    /// # });
    /// ```
    pub fn new(env: impl Environment + 'static, client: impl HttpClient + 'static) -> Self {
        ImdsProvider::from_shared(Arc::new(env), Arc::new(client))
    }

    /// A provider sharing its environment and client with others.
    ///
    /// ```
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use bytes::Bytes;
    /// # /// The metadata service, canned: a token (for TTLs up to an hour), one role, its credentials.
    /// # struct Metadata;
    /// # impl HttpClient for Metadata {
    /// #     fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
    /// #         let ttl = request.headers().get("x-aws-ec2-metadata-token-ttl-seconds");
    /// #         let ttl: u64 = ttl.and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
    /// #         let (status, body) = match request.uri().path() {
    /// #             "/latest/api/token" if ttl <= 3600 => (200, "token-1"),
    /// #             "/latest/api/token" => (400, ""),
    /// #             "/latest/meta-data/iam/security-credentials/" => (200, "app-role"),
    /// #             "/latest/meta-data/iam/security-credentials/app-role" => (200, r#"{"Code":"Success","AccessKeyId":"ASIAIMDS","SecretAccessKey":"secret","Token":"session"}"#),
    /// #             _ => (404, ""),
    /// #         };
    /// #         let mut response = http::Response::new(ResponseBody::from(body));
    /// #         *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
    /// #         Box::pin(async move { Ok(response) })
    /// #     }
    /// # }
    /// use std::sync::Arc;
    /// use awso_client::credentials::{Environment, EnvironmentMap, ErrorKind, ImdsProvider, ProvideCredentials};
    /// let env: Arc<dyn Environment> = Arc::new(EnvironmentMap::from_pairs([("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv5")]));
    /// let provider = ImdsProvider::from_shared(env, Arc::new(Metadata));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(provider.provide_credentials().await.unwrap_err().kind(), ErrorKind::InvalidConfiguration);
    /// # });
    /// ```
    pub fn from_shared(env: Arc<dyn Environment>, client: Arc<dyn HttpClient>) -> Self {
        ImdsProvider {
            env,
            client,
            endpoint: None,
            token_ttl: Duration::from_secs(21_600),
        }
    }

    /// The same provider asking `endpoint` (`http://127.0.0.1:8080`) whatever the environment says.
    ///
    /// ```
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use bytes::Bytes;
    /// # /// The metadata service, canned: a token (for TTLs up to an hour), one role, its credentials.
    /// # struct Metadata;
    /// # impl HttpClient for Metadata {
    /// #     fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
    /// #         let ttl = request.headers().get("x-aws-ec2-metadata-token-ttl-seconds");
    /// #         let ttl: u64 = ttl.and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
    /// #         let (status, body) = match request.uri().path() {
    /// #             "/latest/api/token" if ttl <= 3600 => (200, "token-1"),
    /// #             "/latest/api/token" => (400, ""),
    /// #             "/latest/meta-data/iam/security-credentials/" => (200, "app-role"),
    /// #             "/latest/meta-data/iam/security-credentials/app-role" => (200, r#"{"Code":"Success","AccessKeyId":"ASIAIMDS","SecretAccessKey":"secret","Token":"session"}"#),
    /// #             _ => (404, ""),
    /// #         };
    /// #         let mut response = http::Response::new(ResponseBody::from(body));
    /// #         *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
    /// #         Box::pin(async move { Ok(response) })
    /// #     }
    /// # }
    /// use std::time::Duration;
    /// use awso_client::credentials::{EnvironmentMap, ImdsProvider, ProvideCredentials};
    /// let provider = ImdsProvider::new(EnvironmentMap::new(), Metadata)
    ///     .with_endpoint("http://127.0.0.1:1338/")
    ///     .with_token_ttl(Duration::from_secs(300));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(provider.provide_credentials().await.unwrap().session_token(), Some("session"));
    /// # });
    /// ```
    #[must_use]
    pub fn with_endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = Some(endpoint.into());
        self
    }

    /// The same provider asking for session tokens valid for `ttl` (at most six hours).
    ///
    /// ```
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use bytes::Bytes;
    /// # /// The metadata service, canned: a token (for TTLs up to an hour), one role, its credentials.
    /// # struct Metadata;
    /// # impl HttpClient for Metadata {
    /// #     fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
    /// #         let ttl = request.headers().get("x-aws-ec2-metadata-token-ttl-seconds");
    /// #         let ttl: u64 = ttl.and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
    /// #         let (status, body) = match request.uri().path() {
    /// #             "/latest/api/token" if ttl <= 3600 => (200, "token-1"),
    /// #             "/latest/api/token" => (400, ""),
    /// #             "/latest/meta-data/iam/security-credentials/" => (200, "app-role"),
    /// #             "/latest/meta-data/iam/security-credentials/app-role" => (200, r#"{"Code":"Success","AccessKeyId":"ASIAIMDS","SecretAccessKey":"secret","Token":"session"}"#),
    /// #             _ => (404, ""),
    /// #         };
    /// #         let mut response = http::Response::new(ResponseBody::from(body));
    /// #         *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
    /// #         Box::pin(async move { Ok(response) })
    /// #     }
    /// # }
    /// use std::time::Duration;
    /// use awso_client::credentials::{EnvironmentMap, ImdsProvider, ProvideCredentials};
    /// // This stand-in refuses tokens longer than an hour; the default asks for six.
    /// let default = ImdsProvider::new(EnvironmentMap::new(), Metadata).with_endpoint("http://127.0.0.1:1338");
    /// let short = ImdsProvider::new(EnvironmentMap::new(), Metadata)
    ///     .with_endpoint("http://127.0.0.1:1338")
    ///     .with_token_ttl(Duration::from_secs(900));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert!(default.provide_credentials().await.is_err());
    /// assert!(short.provide_credentials().await.is_ok());
    /// # });
    /// ```
    #[must_use]
    pub fn with_token_ttl(mut self, ttl: Duration) -> Self {
        self.token_ttl = ttl;
        self
    }

    fn endpoint(&self) -> Result<String, CredentialsError> {
        if let Some(endpoint) = &self.endpoint {
            return Ok(endpoint.trim_end_matches('/').to_owned());
        }
        if let Some(endpoint) = self.env.non_empty(ENDPOINT) {
            return Ok(endpoint.trim().trim_end_matches('/').to_owned());
        }
        match self.env.non_empty(ENDPOINT_MODE).as_deref().map(str::trim) {
            None => Ok(IPV4_ENDPOINT.to_owned()),
            Some(mode) if mode.eq_ignore_ascii_case("ipv4") => Ok(IPV4_ENDPOINT.to_owned()),
            Some(mode) if mode.eq_ignore_ascii_case("ipv6") => Ok(IPV6_ENDPOINT.to_owned()),
            Some(_) => Err(CredentialsError::invalid(
                PROVIDER,
                format!("{ENDPOINT_MODE} must be IPv4 or IPv6"),
            )),
        }
    }

    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        if self
            .env
            .non_empty(DISABLED)
            .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"))
        {
            return Err(CredentialsError::not_configured(
                PROVIDER,
                format!("disabled by {DISABLED}"),
            ));
        }
        let endpoint = self.endpoint()?;
        let token = self.session_token(&endpoint).await?;
        let roles = self.get(&format!("{endpoint}{ROLES_PATH}"), &token).await?;
        let role = role_name(&roles)?;
        let answer = self
            .get(&format!("{endpoint}{ROLES_PATH}{role}"), &token)
            .await?;
        document::from_response(PROVIDER, &answer)
    }

    async fn session_token(&self, endpoint: &str) -> Result<String, CredentialsError> {
        let request = http::Request::put(format!("{endpoint}{TOKEN_PATH}"))
            .header(TTL_HEADER, self.token_ttl.as_secs())
            .body(Vec::new())
            .map_err(|_| invalid_endpoint(endpoint))?;
        let response = self.send(request).await?;
        match response.status().as_u16() {
            200 => {}
            403 => {
                return Err(CredentialsError::failed(
                    PROVIDER,
                    "the session token was refused (HTTP 403): metadata is turned off for this instance",
                ));
            }
            status => {
                return Err(CredentialsError::failed(
                    PROVIDER,
                    format!("the session token request answered HTTP {status}"),
                ));
            }
        }
        let token = std::str::from_utf8(response.body())
            .ok()
            .map(str::trim)
            .filter(|token| !token.is_empty() && http::HeaderValue::from_str(token).is_ok())
            .ok_or_else(|| {
                CredentialsError::failed(PROVIDER, "the session token is not a header value")
            })?;
        Ok(token.to_owned())
    }

    async fn get(
        &self,
        uri: &str,
        token: &str,
    ) -> Result<http::Response<Vec<u8>>, CredentialsError> {
        let request = http::Request::get(uri)
            .header(TOKEN_HEADER, token)
            .body(Vec::new())
            .map_err(|_| invalid_endpoint(uri))?;
        self.send(request).await
    }

    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, CredentialsError> {
        super::http::send_buffered(&*self.client, request, super::http::MAX_ANSWER)
            .await
            .map_err(|error| {
                CredentialsError::failed(PROVIDER, "the metadata service did not answer")
                    .with_source(error)
            })
    }
}

fn invalid_endpoint(uri: &str) -> CredentialsError {
    CredentialsError::invalid(PROVIDER, format!("`{uri}` is not a valid metadata URI"))
}

/// The first line of the role list; 404 means the instance has no instance profile.
fn role_name(response: &http::Response<Vec<u8>>) -> Result<String, CredentialsError> {
    match response.status().as_u16() {
        200 => {}
        404 => {
            return Err(CredentialsError::not_configured(
                PROVIDER,
                "the instance has no instance profile (role list answered HTTP 404)",
            ));
        }
        status => {
            return Err(CredentialsError::failed(
                PROVIDER,
                format!("the role list answered HTTP {status}"),
            ));
        }
    }
    let text = std::str::from_utf8(response.body())
        .map_err(|_| CredentialsError::failed(PROVIDER, "the role list is not UTF-8"))?;
    let role = text.lines().map(str::trim).find(|line| !line.is_empty());
    match role {
        Some(role)
            if role
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+=,.@_-".contains(&b)) =>
        {
            Ok(role.to_owned())
        }
        Some(_) => Err(CredentialsError::failed(
            PROVIDER,
            "the role name is not a valid IAM name",
        )),
        None => Err(CredentialsError::failed(PROVIDER, "the role list is empty")),
    }
}

impl ProvideCredentials for ImdsProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.credentials())
    }
}

impl fmt::Debug for ImdsProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImdsProvider")
            .field("endpoint", &self.endpoint)
            .field("token_ttl", &self.token_ttl)
            .finish_non_exhaustive()
    }
}

//! Container credentials (ECS tasks, EKS Pod Identity): an HTTP endpoint named by
//! `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on `169.254.170.2`) or
//! `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with the token of `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`
//! or `AWS_CONTAINER_AUTHORIZATION_TOKEN` in the `Authorization` header.
//!
//! As in the SDKs, a full URI must be `https`, or `http` to a loopback address or to one of the
//! container agents' own addresses, so a stray variable cannot send the token elsewhere.

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;

use super::document;
use super::env::Environment;
use super::http::HttpClient;
use super::provider::{CredentialsFuture, ProvideCredentials};
use super::{Credentials, CredentialsError};

const PROVIDER: &str = "container";
const RELATIVE_URI: &str = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
const FULL_URI: &str = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
const TOKEN: &str = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
const TOKEN_FILE: &str = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
/// Where ECS serves relative URIs.
const ECS_BASE: &str = "http://169.254.170.2";
/// The ECS and EKS Pod Identity agents' addresses, allowed over plain HTTP.
const AGENT_ADDRESSES: [&str; 3] = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23"];

/// Credentials from the container credentials endpoint.
///
/// ```
/// use awso_client::credentials::{ContainerProvider, EnvironmentMap, ErrorKind, ProvideCredentials};
/// use awso_client::transport::HyperClient;
///
/// let env = EnvironmentMap::from_pairs([("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://10.0.0.1/creds")]);
/// let provider = ContainerProvider::new(env, HyperClient::new());
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let error = provider.provide_credentials().await.unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
/// # });
/// ```
#[derive(Clone)]
pub struct ContainerProvider {
    env: Arc<dyn Environment>,
    client: Arc<dyn HttpClient>,
    relative_base: String,
}

impl ContainerProvider {
    /// A provider reading `env` and asking through `client`.
    ///
    /// ```
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use bytes::Bytes;
    /// # /// A container agent, canned: credentials at one URI, 404 elsewhere.
    /// # struct Agent(&'static str);
    /// # impl HttpClient for Agent {
    /// #     fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
    /// #         let mut response = http::Response::new(ResponseBody::from(r#"{"AccessKeyId":"ASIATASK","SecretAccessKey":"secret","Token":"session"}"#));
    /// #         if request.uri() != self.0 {
    /// #             *response.status_mut() = http::StatusCode::NOT_FOUND;
    /// #         }
    /// #         Box::pin(async move { Ok(response) })
    /// #     }
    /// # }
    /// use awso_client::credentials::{ContainerProvider, EnvironmentMap, ProvideCredentials};
    /// // A full URI on loopback is allowed over plain HTTP.
    /// let env = EnvironmentMap::from_pairs([("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/creds")]);
    /// let provider = ContainerProvider::new(env, Agent("http://127.0.0.1:9/creds"));
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let credentials = provider.provide_credentials().await.unwrap();
    /// assert_eq!(credentials.access_key_id(), "ASIATASK");
    /// assert_eq!(credentials.session_token(), Some("session"));
    /// # });
    /// ```
    pub fn new(env: impl Environment + 'static, client: impl HttpClient + 'static) -> Self {
        ContainerProvider::from_shared(Arc::new(env), Arc::new(client))
    }

    /// A provider sharing its environment and client with others.
    ///
    /// ```
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use bytes::Bytes;
    /// # /// A container agent, canned: credentials at one URI, 404 elsewhere.
    /// # struct Agent(&'static str);
    /// # impl HttpClient for Agent {
    /// #     fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
    /// #         let mut response = http::Response::new(ResponseBody::from(r#"{"AccessKeyId":"ASIATASK","SecretAccessKey":"secret","Token":"session"}"#));
    /// #         if request.uri() != self.0 {
    /// #             *response.status_mut() = http::StatusCode::NOT_FOUND;
    /// #         }
    /// #         Box::pin(async move { Ok(response) })
    /// #     }
    /// # }
    /// use std::sync::Arc;
    /// use awso_client::credentials::{ContainerProvider, Environment, EnvironmentMap, ProvideCredentials};
    /// // Without either URI variable the provider is simply not set up.
    /// let env: Arc<dyn Environment> = Arc::new(EnvironmentMap::new());
    /// let client: Arc<dyn HttpClient> = Arc::new(Agent("http://127.0.0.1:9/creds"));
    /// let provider = ContainerProvider::from_shared(env, client);
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert!(provider.provide_credentials().await.unwrap_err().is_not_configured());
    /// # });
    /// ```
    pub fn from_shared(env: Arc<dyn Environment>, client: Arc<dyn HttpClient>) -> Self {
        ContainerProvider {
            env,
            client,
            relative_base: ECS_BASE.to_owned(),
        }
    }

    /// The same provider resolving relative URIs against `base` instead of
    /// `http://169.254.170.2` (for tests and unusual hosts).
    ///
    /// ```
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use bytes::Bytes;
    /// # /// A container agent, canned: credentials at one URI, 404 elsewhere.
    /// # struct Agent(&'static str);
    /// # impl HttpClient for Agent {
    /// #     fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
    /// #         let mut response = http::Response::new(ResponseBody::from(r#"{"AccessKeyId":"ASIATASK","SecretAccessKey":"secret","Token":"session"}"#));
    /// #         if request.uri() != self.0 {
    /// #             *response.status_mut() = http::StatusCode::NOT_FOUND;
    /// #         }
    /// #         Box::pin(async move { Ok(response) })
    /// #     }
    /// # }
    /// use awso_client::credentials::{ContainerProvider, EnvironmentMap, ProvideCredentials};
    /// let env = EnvironmentMap::from_pairs([("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/task-1")]);
    /// let provider = ContainerProvider::new(env, Agent("http://127.0.0.1:9/v2/credentials/task-1"))
    ///     .with_relative_base("http://127.0.0.1:9");
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "ASIATASK");
    /// # });
    /// ```
    #[must_use]
    pub fn with_relative_base(mut self, base: impl Into<String>) -> Self {
        self.relative_base = base.into();
        self
    }

    fn uri(&self) -> Result<http::Uri, CredentialsError> {
        if let Some(relative) = self.env.non_empty(RELATIVE_URI) {
            let base = self.relative_base.trim_end_matches('/');
            let relative = relative.trim();
            let separator = if relative.starts_with('/') { "" } else { "/" };
            return format!("{base}{separator}{relative}").parse().map_err(|_| {
                CredentialsError::invalid(PROVIDER, format!("{RELATIVE_URI} is not a valid path"))
            });
        }
        let Some(full) = self.env.non_empty(FULL_URI) else {
            return Err(CredentialsError::not_configured(
                PROVIDER,
                format!("neither {RELATIVE_URI} nor {FULL_URI} is set"),
            ));
        };
        let uri: http::Uri = full
            .trim()
            .parse()
            .map_err(|_| CredentialsError::invalid(PROVIDER, format!("{FULL_URI} is not a URI")))?;
        check_full_uri(&uri)?;
        Ok(uri)
    }

    /// The token file's content wins over the token variable, as in the SDKs.
    fn token(&self) -> Result<Option<String>, CredentialsError> {
        let token = match self.env.non_empty(TOKEN_FILE) {
            Some(path) => {
                let text = std::fs::read_to_string(path.trim()).map_err(|error| {
                    CredentialsError::invalid(
                        PROVIDER,
                        format!("cannot read {TOKEN_FILE} `{}`", path.trim()),
                    )
                    .with_source(error)
                })?;
                Some(text.trim().to_owned())
            }
            None => self
                .env
                .non_empty(TOKEN)
                .map(|token| token.trim().to_owned()),
        };
        if token
            .as_deref()
            .is_some_and(|token| token.contains(['\r', '\n']))
        {
            return Err(CredentialsError::invalid(
                PROVIDER,
                "the authorization token holds a line break",
            ));
        }
        Ok(token)
    }

    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let uri = self.uri()?;
        let mut request = http::Request::get(uri);
        if let Some(token) = self.token()? {
            request = request.header(http::header::AUTHORIZATION, token);
        }
        let request = request.body(Vec::new()).map_err(|_| {
            CredentialsError::invalid(
                PROVIDER,
                "the authorization token is not a valid header value",
            )
        })?;
        let response = super::http::send_buffered(&*self.client, request, super::http::MAX_ANSWER)
            .await
            .map_err(|error| {
                CredentialsError::failed(PROVIDER, "the endpoint did not answer").with_source(error)
            })?;
        document::from_response(PROVIDER, &response)
    }
}

/// `https` anywhere; `http` only to loopback or the container agents.
fn check_full_uri(uri: &http::Uri) -> Result<(), CredentialsError> {
    let host = uri.host().unwrap_or("");
    match uri.scheme_str() {
        Some("https") if !host.is_empty() => Ok(()),
        Some("http") if is_allowed_http_host(host) => Ok(()),
        Some("http") => Err(CredentialsError::invalid(
            PROVIDER,
            format!(
                "{FULL_URI} uses plain http to `{host}`, which is neither loopback nor a container agent"
            ),
        )),
        _ => Err(CredentialsError::invalid(
            PROVIDER,
            format!("{FULL_URI} must be an http or https URI with a host"),
        )),
    }
}

fn is_allowed_http_host(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match bare.parse::<IpAddr>() {
        Ok(address) => {
            address.is_loopback()
                || AGENT_ADDRESSES
                    .iter()
                    .any(|agent| agent.parse::<IpAddr>().is_ok_and(|agent| agent == address))
        }
        Err(_) => false,
    }
}

impl ProvideCredentials for ContainerProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.credentials())
    }
}

impl fmt::Debug for ContainerProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ContainerProvider")
            .field("relative_base", &self.relative_base)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_loopback_and_agents() {
        for allowed in [
            "http://127.0.0.1:8080/x",
            "http://127.1.2.3/x",
            "http://localhost/x",
            "http://[::1]/x",
            "http://169.254.170.2/x",
            "http://169.254.170.23/v1/credentials",
            "http://[fd00:ec2::23]/x",
            "https://example.com/x",
        ] {
            assert!(
                check_full_uri(&allowed.parse().unwrap()).is_ok(),
                "{allowed}"
            );
        }
        for refused in [
            "http://10.0.0.1/x",
            "http://169.254.169.254/x",
            "http://localhost.example.com/x",
            "ftp://127.0.0.1/x",
            "/relative",
        ] {
            assert!(
                check_full_uri(&refused.parse().unwrap()).is_err(),
                "{refused}"
            );
        }
    }
}

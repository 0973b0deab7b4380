//! `AssumeRole`: temporary credentials for a role, paid for with other credentials.

use std::fmt;

use super::model::{AssumeRole, AssumeRoleRequest};
use super::{StsClient, credentials_of, sts_region};
use crate::credentials::provider::{CredentialsFuture, ProvideCredentials};
use crate::credentials::{Credentials, CredentialsError};

/// The role to assume and how (the `role_arn`, `role_session_name`, `external_id` and
/// `duration_seconds` of a profile).
///
/// ```
/// use awso_client::credentials::sts::AssumeRoleParams;
///
/// let params = AssumeRoleParams::new("arn:aws:iam::123456789012:role/admin")
///     .with_external_id("partner-42")
///     .with_duration_seconds(900);
/// assert_eq!(params.duration_seconds, Some(900));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssumeRoleParams {
    /// The role's ARN.
    pub role_arn: String,
    /// The session name; a generated one (`awso-rust-<millis>`) when `None`.
    pub session_name: Option<String>,
    /// The external id the role's trust policy asks for, if any.
    pub external_id: Option<String>,
    /// How long the credentials last; STS's default (one hour) when `None`.
    pub duration_seconds: Option<i32>,
}

impl AssumeRoleParams {
    /// Assume `role_arn` with STS's defaults.
    ///
    /// ```
    /// use awso_client::credentials::sts::AssumeRoleParams;
    /// let params = AssumeRoleParams::new("arn:aws:iam::123456789012:role/admin");
    /// assert_eq!(params.role_arn, "arn:aws:iam::123456789012:role/admin");
    /// assert_eq!((params.session_name, params.external_id, params.duration_seconds), (None, None, None));
    /// ```
    pub fn new(role_arn: impl Into<String>) -> Self {
        AssumeRoleParams {
            role_arn: role_arn.into(),
            session_name: None,
            external_id: None,
            duration_seconds: None,
        }
    }

    /// The same, with a session name.
    ///
    /// ```
    /// use awso_client::credentials::sts::AssumeRoleParams;
    /// let params = AssumeRoleParams::new("arn:aws:iam::1:role/r").with_session_name("nightly-report");
    /// assert_eq!(params.session_name.as_deref(), Some("nightly-report"));
    /// ```
    #[must_use]
    pub fn with_session_name(mut self, name: impl Into<String>) -> Self {
        self.session_name = Some(name.into());
        self
    }

    /// The same, with an external id.
    ///
    /// ```
    /// use awso_client::credentials::sts::AssumeRoleParams;
    /// let params = AssumeRoleParams::new("arn:aws:iam::1:role/r").with_external_id("partner-42");
    /// assert_eq!(params.external_id.as_deref(), Some("partner-42"));
    /// ```
    #[must_use]
    pub fn with_external_id(mut self, id: impl Into<String>) -> Self {
        self.external_id = Some(id.into());
        self
    }

    /// The same, lasting `seconds`.
    ///
    /// ```
    /// use awso_client::credentials::sts::AssumeRoleParams;
    /// assert_eq!(AssumeRoleParams::new("arn:aws:iam::1:role/r").with_duration_seconds(3600).duration_seconds, Some(3600));
    /// ```
    #[must_use]
    pub fn with_duration_seconds(mut self, seconds: i32) -> Self {
        self.duration_seconds = Some(seconds);
        self
    }
}

impl StsClient {
    /// Calls `AssumeRole` in `region`, signed with `source`, and returns the role's credentials
    /// with their expiry.
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
    /// use awso_client::credentials::{Credentials, EnvironmentMap};
    /// use awso_client::credentials::sts::{AssumeRoleParams, StsClient};
    /// let sts = StsClient::new(EnvironmentMap::new(), Sts);
    /// let params = AssumeRoleParams::new("arn:aws:iam::123456789012:role/admin").with_session_name("ops");
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let role = sts.assume_role(&Credentials::new("AKIDEXAMPLE", "secret"), &params, "ap-northeast-1").await.unwrap();
    /// assert_eq!(role.secret_access_key(), "ops");
    /// assert_eq!(role.session_token(), Some("sts.ap-northeast-1.amazonaws.com"));
    /// # });
    /// ```
    pub async fn assume_role(
        &self,
        source: &Credentials,
        params: &AssumeRoleParams,
        region: &str,
    ) -> Result<Credentials, CredentialsError> {
        let input = AssumeRoleRequest {
            role_arn: params.role_arn.clone(),
            role_session_name: params
                .session_name
                .clone()
                .unwrap_or_else(|| self.session_name()),
            policy_arns: None,
            policy: None,
            duration_seconds: params.duration_seconds,
            tags: None,
            transitive_tag_keys: None,
            external_id: params.external_id.clone(),
            serial_number: None,
            token_code: None,
            source_identity: None,
            provided_contexts: None,
        };
        let output = self
            .call::<AssumeRole>(&input, &params.role_arn, region, Some(source))
            .await?;
        credentials_of("AssumeRole", output.credentials)
    }
}

/// Credentials of a role, assumed with the credentials of another provider.
///
/// ```
/// use awso_client::credentials::{Credentials, EnvironmentMap};
/// use awso_client::transport::HyperClient;
/// use awso_client::credentials::sts::{AssumeRoleParams, AssumeRoleProvider, StsClient};
///
/// let sts = StsClient::new(EnvironmentMap::new(), HyperClient::new());
/// let provider = AssumeRoleProvider::new(
///     Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI"),
///     AssumeRoleParams::new("arn:aws:iam::123456789012:role/admin"),
///     sts,
/// )
/// .with_region("eu-west-1");
/// assert!(!format!("{provider:?}").contains("wJalr"));
/// ```
pub struct AssumeRoleProvider {
    source: Box<dyn ProvideCredentials>,
    params: AssumeRoleParams,
    sts: StsClient,
    region: Option<String>,
}

impl AssumeRoleProvider {
    /// Assumes the role in `params` with what `source` provides, through `sts`.
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
    /// use awso_client::credentials::{Credentials, EnvironmentMap, ProvideCredentials};
    /// use awso_client::credentials::sts::{AssumeRoleParams, AssumeRoleProvider, StsClient};
    /// let provider = AssumeRoleProvider::new(
    ///     Credentials::new("AKIDEXAMPLE", "secret"),
    ///     AssumeRoleParams::new("arn:aws:iam::123456789012:role/admin"),
    ///     StsClient::new(EnvironmentMap::new(), Sts),
    /// );
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "ASIAROLE");
    /// # });
    /// ```
    pub fn new(
        source: impl ProvideCredentials + 'static,
        params: AssumeRoleParams,
        sts: StsClient,
    ) -> Self {
        AssumeRoleProvider {
            source: Box::new(source),
            params,
            sts,
            region: None,
        }
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
    /// use awso_client::credentials::{Credentials, EnvironmentMap, ProvideCredentials};
    /// use awso_client::credentials::sts::{AssumeRoleParams, AssumeRoleProvider, StsClient};
    /// let env = EnvironmentMap::from_pairs([("AWS_REGION", "us-west-2")]);
    /// let provider = AssumeRoleProvider::new(
    ///     Credentials::new("AKIDEXAMPLE", "secret"),
    ///     AssumeRoleParams::new("arn:aws:iam::123456789012:role/admin"),
    ///     StsClient::new(env, Sts),
    /// )
    /// .with_region("eu-central-1");
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let role = provider.provide_credentials().await.unwrap();
    /// assert_eq!(role.session_token(), Some("sts.eu-central-1.amazonaws.com"));
    /// # });
    /// ```
    #[must_use]
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let source = self.source.provide_credentials().await?;
        let region = sts_region(self.sts.environment().as_ref(), self.region.as_deref());
        self.sts.assume_role(&source, &self.params, &region).await
    }
}

impl ProvideCredentials for AssumeRoleProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.credentials())
    }
}

impl fmt::Debug for AssumeRoleProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssumeRoleProvider")
            .field("params", &self.params)
            .field("sts", &self.sts)
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

//! STS (awsQuery): GetCallerIdentity, AssumeRole, and the assumed role's credentials (with
//! their session token) signing a call of their own; GetCallerIdentity again through the
//! blocking client.

use awso_client::client::{BlockingClient, Client};
use awso_client::credentials::Credentials;
use awso_samples::sts::{
    AssumeRole, AssumeRoleRequest, GetCallerIdentity, GetCallerIdentityRequest,
};
use serde_json::json;

use crate::check::{Check, ensure, ensure_eq, input};
use crate::report::Service;

const ROLE: &str = "arn:aws:iam::123456789012:role/awso-e2e-role";

pub async fn run(client: &Client, url: &str, mut s: Service<'_>) -> (u32, u32, u32) {
    let spec = crate::spec("sts", "v4");
    s.step("get caller identity", async {
        let out = client
            .call::<GetCallerIdentity>(&spec, &GetCallerIdentityRequest {})
            .await?;
        ensure_eq("Account", out.account.as_deref(), Some(crate::ACCOUNT))?;
        ensure(
            out.arn.is_some_and(|arn| arn.starts_with("arn:aws:")),
            || "no ARN".to_owned(),
        )
    })
    .await;
    let assumed = s
        .step("assume role", async {
            let input: AssumeRoleRequest = input(&json!({
                "RoleArn": ROLE,
                "RoleSessionName": "awso-e2e-session",
                "DurationSeconds": 900
            }))?;
            let out = client.call::<AssumeRole>(&spec, &input).await?;
            let user = out.assumed_role_user.ok_or("no AssumedRoleUser")?;
            ensure(
                user.arn.ends_with("role/awso-e2e-role/awso-e2e-session"),
                || format!("AssumedRoleUser.Arn {}", user.arn),
            )?;
            let credentials = out.credentials.ok_or("no Credentials")?;
            ensure(!credentials.session_token.is_empty(), || {
                "an empty SessionToken".to_owned()
            })?;
            Check::Ok(
                Credentials::new(credentials.access_key_id, credentials.secret_access_key)
                    .with_session_token(credentials.session_token),
            )
        })
        .await;
    if let Some(credentials) = assumed {
        s.step("call as the assumed role", async {
            let client = Client::new(crate::config(url, credentials).build());
            let out = client
                .call::<GetCallerIdentity>(&spec, &GetCallerIdentityRequest {})
                .await?;
            let arn = out.arn.unwrap_or_default();
            ensure(
                arn.contains("assumed-role/awso-e2e-role/awso-e2e-session"),
                || format!("the caller is {arn}"),
            )
        })
        .await;
    }
    s.finish()
}

/// GetCallerIdentity through [`BlockingClient`], from a thread with no runtime.
pub fn blocking(url: &str, mut s: Service<'_>) -> (u32, u32, u32) {
    let spec = crate::spec("sts", "v4");
    s.step_blocking("get caller identity, blocking", || {
        let client = BlockingClient::new(crate::config(url, crate::test_credentials()).build())
            .map_err(|e| e.to_string())?;
        let out = client.call::<GetCallerIdentity>(&spec, &GetCallerIdentityRequest {})?;
        ensure_eq("Account", out.account.as_deref(), Some(crate::ACCOUNT))
    });
    s.finish()
}

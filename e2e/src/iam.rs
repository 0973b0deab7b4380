//! IAM (awsQuery, a global service signed for us-east-1): users with a path and tags,
//! listed a page at a time with `Marker`, deleted.

use awso_client::client::{Client, ServiceSpec};
use awso_samples::iam::{
    CreateUser, CreateUserRequest, DeleteUser, DeleteUserRequest, GetUser, GetUserError,
    GetUserRequest, ListUsers, ListUsersRequest,
};
use serde_json::json;

use crate::check::{Check, ensure, ensure_eq, expect_error, input};
use crate::report::Service;

const USERS: [&str; 3] = ["awso-e2e-ann", "awso-e2e-bob", "awso-e2e-cy"];
const PATH: &str = "/awso/e2e/";

pub async fn run(client: &Client, mut s: Service<'_>) -> (u32, u32, u32) {
    let spec = crate::spec("iam", "v4");
    for user in USERS {
        s.step(&format!("create user {user}"), async {
            let input: CreateUserRequest = input(&json!({
                "UserName": user,
                "Path": PATH,
                "Tags": [{"Key": "team", "Value": "awso <&> ✓"}]
            }))?;
            let out = client.call::<CreateUser>(&spec, &input).await?;
            let created = out.user.ok_or("no User")?;
            ensure_eq("UserName", created.user_name.as_str(), user)?;
            ensure_eq("Path", created.path.as_str(), PATH)?;
            let arn = format!("arn:aws:iam::{}:user{PATH}{user}", crate::ACCOUNT);
            ensure_eq("Arn", created.arn, arn)
        })
        .await;
    }
    s.step("list users", async {
        let input = ListUsersRequest {
            path_prefix: Some(PATH.to_owned()),
            marker: None,
            max_items: None,
        };
        let out = client.call::<ListUsers>(&spec, &input).await?;
        let mut names: Vec<String> = out.users.into_iter().map(|u| u.user_name).collect();
        names.sort();
        ensure_eq("users listed", names, USERS.map(String::from).to_vec())
    })
    .await;
    s.step("a missing user is NoSuchEntity", async {
        let input = GetUserRequest {
            user_name: Some("awso-e2e-nobody".to_owned()),
        };
        let result = client.call::<GetUser>(&spec, &input).await;
        expect_error(result, 404, "NoSuchEntity", |e| {
            matches!(e, GetUserError::NoSuchEntityException(_))
        })
    })
    .await;
    s.step("list users a page at a time", list_pages(client, &spec))
        .await;
    for user in USERS {
        s.step(&format!("delete user {user}"), async {
            let input = DeleteUserRequest {
                user_name: user.to_owned(),
            };
            client.call::<DeleteUser>(&spec, &input).await?;
            Check::Ok(())
        })
        .await;
    }
    s.finish()
}

/// Every user under the path, one a page, following `Marker` (bounded: twice the users).
async fn list_pages(client: &Client, spec: &ServiceSpec) -> Check<()> {
    let mut marker = None;
    let mut names = Vec::new();
    let mut pages = 0;
    for _ in 0..2 * USERS.len() {
        let input = ListUsersRequest {
            path_prefix: Some(PATH.to_owned()),
            marker: marker.take(),
            max_items: Some(1),
        };
        let out = client.call::<ListUsers>(spec, &input).await?;
        pages += 1;
        ensure(out.users.len() <= 1, || {
            format!("a page of {} users", out.users.len())
        })?;
        names.extend(out.users.into_iter().map(|u| u.user_name));
        if out.is_truncated != Some(true) {
            break;
        }
        marker = Some(out.marker.ok_or("IsTruncated without a Marker")?);
    }
    names.sort();
    ensure_eq("users listed", names, USERS.map(String::from).to_vec())?;
    ensure(pages >= USERS.len(), || format!("only {pages} pages"))
}

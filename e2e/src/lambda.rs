//! Lambda (restJson1): ListFunctions (query parameters, an empty list), and GetFunction of a
//! missing function as its modeled error (restJson1's error type header or body).

use awso_client::client::Client;
use awso_samples::lambda::{
    GetFunction, GetFunctionError, GetFunctionRequest, ListFunctions, ListFunctionsRequest,
};
use serde_json::json;

use crate::check::{Check, ensure_eq, fail, input};
use crate::report::Service;

pub async fn run(client: &Client, mut s: Service<'_>) -> (u32, u32, u32) {
    let spec = crate::spec("lambda", "v4");
    s.step("list functions", async {
        let input: ListFunctionsRequest =
            input(&json!({"MaxItems": 10, "FunctionVersion": "ALL"}))?;
        let out = client.call::<ListFunctions>(&spec, &input).await?;
        ensure_eq("functions", out.functions.unwrap_or_default().len(), 0)?;
        Check::Ok(())
    })
    .await;
    s.step(
        "get a missing function is ResourceNotFoundException",
        async {
            let input: GetFunctionRequest = input(&json!({"FunctionName": "awso-e2e-missing"}))?;
            match client.call::<GetFunction>(&spec, &input).await {
                Ok(out) => fail(format!("succeeded: {out:?}")),
                Err(error) => {
                    ensure_eq("status", error.status(), Some(404))?;
                    match error.service_error() {
                        Some(GetFunctionError::ResourceNotFoundException(_)) => Ok(()),
                        other => fail(format!("not ResourceNotFoundException: {other:?}")),
                    }
                }
            }
        },
    )
    .await;
    s.finish()
}

//! Signing again what a test server saw, to check a client's signature by recomputing it.

use awso_client::credentials::Credentials;
use awso_client::sign::{SigningParams, sign_http_request};

use crate::support::Seen;

/// Signs the request the server at `url` saw again with `credentials` and `params`, over
/// exactly the headers its `Authorization` says were signed, and returns the `Authorization`
/// that gives.
pub(crate) fn recomputed_authorization(
    seen: &Seen,
    url: &str,
    credentials: &Credentials,
    params: &SigningParams<'_>,
) -> String {
    let authorization = seen.header("authorization").expect("a signed request");
    let signed_headers = authorization
        .split("SignedHeaders=")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .unwrap();
    let mut request = http::Request::builder()
        .method(seen.method.as_str())
        .uri(format!("{url}{}", seen.path));
    for name in signed_headers.split(';') {
        // The signer adds these itself.
        if !matches!(
            name,
            "x-amz-date" | "x-amz-security-token" | "x-amz-content-sha256"
        ) {
            request = request.header(name, seen.header(name).unwrap());
        }
    }
    let mut request = request.body(seen.body.clone().into_bytes()).unwrap();
    sign_http_request(&mut request, credentials, params).unwrap();
    request.headers()["authorization"]
        .to_str()
        .unwrap()
        .to_owned()
}

//! The JSON credentials document that `credential_process`, container endpoints and instance
//! metadata all answer with, in slightly different spellings.
//!
//! Errors name the provider and the field, never the document's text: it holds the secret.

use std::time::SystemTime;

use serde_json::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Credentials, CredentialsError};

/// How one source spells the session token (`SessionToken` for processes, `Token` for the
/// container and metadata endpoints).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Spelling {
    pub(crate) session_token: &'static str,
}

pub(crate) const PROCESS: Spelling = Spelling {
    session_token: "SessionToken",
};
pub(crate) const ENDPOINT: Spelling = Spelling {
    session_token: "Token",
};

/// Parses `body` as a JSON object, naming `provider` when it is not one.
pub(crate) fn parse_object(
    provider: &str,
    body: &[u8],
) -> Result<Map<String, Value>, CredentialsError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(CredentialsError::failed(
            provider,
            "the answer is JSON but not an object",
        )),
        Err(error) => {
            Err(CredentialsError::failed(provider, "the answer is not JSON").with_source(error))
        }
    }
}

/// Reads the key pair, token and expiry out of a credentials document.
pub(crate) fn credentials_from(
    provider: &str,
    object: &Map<String, Value>,
    spelling: Spelling,
) -> Result<Credentials, CredentialsError> {
    let key_id = required(provider, object, "AccessKeyId")?;
    let secret = required(provider, object, "SecretAccessKey")?;
    let mut credentials = Credentials::new(key_id, secret);
    if let Some(token) = optional(provider, object, spelling.session_token)? {
        credentials = credentials.with_session_token(token);
    }
    if let Some(expiration) = optional(provider, object, "Expiration")? {
        credentials = credentials.with_expiry(parse_expiration(provider, expiration)?);
    }
    Ok(credentials)
}

fn required<'a>(
    provider: &str,
    object: &'a Map<String, Value>,
    field: &str,
) -> Result<&'a str, CredentialsError> {
    optional(provider, object, field)?
        .ok_or_else(|| CredentialsError::failed(provider, format!("the answer has no `{field}`")))
}

/// A string field; absent, null and empty all count as absent.
pub(crate) fn optional<'a>(
    provider: &str,
    object: &'a Map<String, Value>,
    field: &str,
) -> Result<Option<&'a str>, CredentialsError> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.is_empty() => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(CredentialsError::failed(
            provider,
            format!("`{field}` in the answer is not a string"),
        )),
    }
}

/// An RFC 3339 timestamp (`2026-12-01T21:00:00Z`) as a `SystemTime`.
pub(crate) fn parse_expiration(provider: &str, text: &str) -> Result<SystemTime, CredentialsError> {
    OffsetDateTime::parse(text, &Rfc3339)
        .map(SystemTime::from)
        .map_err(|error| {
            CredentialsError::failed(provider, "`Expiration` is not an RFC 3339 timestamp")
                .with_source(error)
        })
}

/// Credentials from an endpoint's answer: a 2xx status, a JSON document, and (instance
/// metadata) `"Code": "Success"` when a code is given.
pub(crate) fn from_response(
    provider: &str,
    response: &http::Response<Vec<u8>>,
) -> Result<Credentials, CredentialsError> {
    let status = response.status();
    if !status.is_success() {
        return Err(CredentialsError::failed(
            provider,
            format!("the endpoint answered HTTP {}", status.as_u16()),
        ));
    }
    let object = parse_object(provider, response.body())?;
    match optional(provider, &object, "Code")? {
        None | Some("Success") => credentials_from(provider, &object, ENDPOINT),
        Some(code) => Err(CredentialsError::failed(
            provider,
            format!("the endpoint answered code `{code}`"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn expiration_with_offset_and_fraction_is_the_same_instant() {
        let utc = parse_expiration("t", "2026-12-01T21:00:00Z").unwrap();
        let offset = parse_expiration("t", "2026-12-01T22:00:00.500+01:00").unwrap();
        assert_eq!(
            offset.duration_since(utc).unwrap(),
            Duration::from_millis(500)
        );
        let since_epoch = utc.duration_since(SystemTime::UNIX_EPOCH).unwrap();
        // 2026-12-01 is day 20_788 of the Unix epoch.
        assert_eq!(since_epoch.as_secs(), 20_788 * 86_400 + 21 * 3600);
    }

    #[test]
    fn non_string_fields_and_missing_keys_are_named() {
        let object = parse_object("p", br#"{"AccessKeyId": 5}"#).unwrap();
        let error = credentials_from("p", &object, ENDPOINT).unwrap_err();
        assert_eq!(
            error.to_string(),
            "p: `AccessKeyId` in the answer is not a string"
        );
        let object = parse_object("p", br#"{"AccessKeyId": "A"}"#).unwrap();
        let error = credentials_from("p", &object, ENDPOINT).unwrap_err();
        assert_eq!(error.to_string(), "p: the answer has no `SecretAccessKey`");
    }

    #[test]
    fn errors_never_quote_the_document() {
        let error = parse_object("p", b"{\"SecretAccessKey\": \"hunter2\"").unwrap_err();
        assert!(!error.to_string().contains("hunter2"), "{error}");
        assert!(!format!("{error:?}").contains("hunter2"));
    }
}

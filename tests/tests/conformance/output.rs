//! Output cases: a `response` to an output or error, compared with `result` or
//! `errorCode`, `errorMessage` and `error`.

use awso_core::Document;
use awso_core::schema::Member;

use crate::compare;
use crate::runner::{Parsed, Runner};

pub(crate) fn run(runner: &dyn Runner, case: &Document) -> Result<(), String> {
    let cbor = runner.protocol() == awso_core::protocol::Protocol::RpcV2Cbor;
    let response = response(case.get("response").ok_or("no `response`")?, cbor)?;
    let parsed = runner.response(&response);
    if let Some(code) = case.get("errorCode").and_then(Document::as_str) {
        let (actual_code, message, modeled) = match parsed {
            Parsed::Error {
                code,
                message,
                modeled,
            } => (code, message, modeled),
            Parsed::Output(value) => {
                return Err(format!(
                    "expected the error {code}, got the output {value:?}"
                ));
            }
            Parsed::Decode(e) => {
                return Err(format!(
                    "expected the error {code}, got a decode error: {e}"
                ));
            }
        };
        if actual_code != code {
            return Err(format!("error code: expected {code}, got {actual_code}"));
        }
        let expected_message = case
            .get("errorMessage")
            .and_then(Document::as_str)
            .unwrap_or("");
        if message != expected_message {
            return Err(format!(
                "error message: expected {expected_message:?}, got {message:?}"
            ));
        }
        // botocore's older suites give `"error": {}` for an unknown code: no members.
        let no_members = |d: &Document| matches!(d, Document::Object(m) if m.is_empty());
        if let Some(members) = case
            .get("error")
            .filter(|m| modeled.is_some() || !no_members(m))
        {
            let Some((value, schema)) = modeled else {
                return Err(format!(
                    "expected the modeled error {code}, got an unknown one"
                ));
            };
            let expected = crate::data::to_value(members, &Member::root(schema))?;
            compare::values(&expected, &value, code)?;
        }
        return Ok(());
    }
    let value = match parsed {
        Parsed::Output(value) => value,
        Parsed::Error { code, message, .. } => {
            return Err(format!(
                "expected an output, got the error {code}: {message}"
            ));
        }
        Parsed::Decode(e) => return Err(format!("expected an output, got a decode error: {e}")),
    };
    let empty = Document::Object(indexmap::IndexMap::new());
    let result = case.get("result").unwrap_or(&empty);
    let expected = crate::data::to_value(result, &Member::root(runner.output_schema()))?;
    compare::values(&expected, &value, "output")
}

/// The response of a case; a CBOR body is given in base64.
fn response(data: &Document, cbor: bool) -> Result<http::Response<Vec<u8>>, String> {
    let status = match data.get("status_code") {
        Some(Document::Number(awso_core::types::Number::PosInt(n))) => {
            u16::try_from(*n).map_err(|e| e.to_string())?
        }
        _ => 200,
    };
    let mut builder = http::Response::builder().status(status);
    if let Some(Document::Object(headers)) = data.get("headers") {
        for (name, value) in headers {
            builder = builder.header(name.as_str(), value.as_str().unwrap_or_default());
        }
    }
    let text = data.get("body").and_then(Document::as_str).unwrap_or("");
    let body = if cbor {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .map_err(|e| format!("the response body is not base64: {e}"))?
    } else {
        text.as_bytes().to_vec()
    };
    builder.body(body).map_err(|e| e.to_string())
}

//! Output cases: a `response` to an output or error, compared with `result` or
//! `errorCode`, `errorMessage` and `error`.

use awso_core::dynamic::Model;
use awso_core::protocol::{DynamicError, ResponseError, parse_response_dynamic};
use awso_core::schema::Member;
use awso_core::{Document, Value};

use crate::compare;

pub(crate) fn run(model: &Model, case: &Document) -> Result<(), String> {
    let service = model
        .service()
        .ok_or("the group's protocol is not supported")?;
    let given = case.get("given").ok_or("no `given`")?;
    let operation = model.operation_schema(given).map_err(|e| e.to_string())?;
    let response = response(case.get("response").ok_or("no `response`")?)?;
    let parsed = parse_response_dynamic(service, &operation, &response);
    if let Some(code) = case.get("errorCode").and_then(Document::as_str) {
        let error = match parsed {
            Err(ResponseError::Service(error)) => error,
            Err(e) => return Err(format!("expected the error {code}, got {e}")),
            Ok(value) => {
                return Err(format!(
                    "expected the error {code}, got the output {value:?}"
                ));
            }
        };
        if error.code() != code {
            return Err(format!(
                "error code: expected {code}, got {} ({error:?})",
                error.code()
            ));
        }
        let message = case
            .get("errorMessage")
            .and_then(Document::as_str)
            .unwrap_or("");
        let actual_message = match &error {
            DynamicError::Modeled { value, .. } => ["message", "Message"]
                .iter()
                .find_map(|name| value.get(name).and_then(Value::as_str))
                .unwrap_or("")
                .to_owned(),
            DynamicError::Unknown(unknown) => unknown.message().unwrap_or("").to_owned(),
        };
        if actual_message != message {
            return Err(format!(
                "error message: expected {message:?}, got {actual_message:?}"
            ));
        }
        if let Some(members) = case.get("error") {
            let DynamicError::Modeled { value, schema, .. } = &error else {
                return Err(format!("expected the modeled error {code}, got {error:?}"));
            };
            let expected = crate::data::to_value(members, &Member::root(schema))?;
            compare::values(&expected, value, code)?;
        }
        return Ok(());
    }
    let value = parsed.map_err(|e| format!("expected an output, got {e}"))?;
    let empty = Document::Object(indexmap::IndexMap::new());
    let result = case.get("result").unwrap_or(&empty);
    let expected = crate::data::to_value(result, &Member::root(operation.output_schema()))?;
    compare::values(&expected, &value, "output")
}

fn response(data: &Document) -> Result<http::Response<Vec<u8>>, String> {
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
    let body = data
        .get("body")
        .and_then(Document::as_str)
        .unwrap_or("")
        .as_bytes()
        .to_vec();
    builder.body(body).map_err(|e| e.to_string())
}

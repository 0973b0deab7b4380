//! The probe: answers the driver's cases with awso's dynamic mode.
//!
//! Each stdin line is a JSON object with `op`:
//! - `load` {`service`, `model`}: builds the run-time schemas of a (botocore-merged) model,
//!   once per service name for the life of the process;
//! - `request` {`service`, `operation`, `params`}: the HTTP request awso builds, as
//!   {`method`, `target` (path and query), `headers` [[name, value]], `body` (base64)};
//! - `response` {`service`, `operation`, `status`, `headers`, `body` (base64)}: the parsed
//!   output {`output`}, service error {`error`: {`code`, `message`, `status`, `request_id`,
//!   `modeled`, `members`}}
//!   or {`decode_error`}.
//!
//! Any failure of a case (and a panic) is an answer {`failure`}, never the end of the probe.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::process::ExitCode;

use awso_core::dynamic::Model;
use awso_core::protocol::{
    DynamicError, Endpoint, RequestOptions, ResponseError, build_request, parse_response_dynamic,
};
use awso_core::schema::Member;
use awso_core::{Document, ErrorMeta};
use awso_tests::params;
use base64::Engine as _;
use indexmap::IndexMap;

type Answer = Result<Document, String>;

pub(crate) fn serve() -> ExitCode {
    let mut models: HashMap<String, Model> = HashMap::new();
    let stdin = std::io::stdin();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else {
            return ExitCode::FAILURE;
        };
        let answer =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| answer(&mut models, &line)))
                .unwrap_or_else(|panic| Err(format!("panic: {}", panic_text(&*panic))));
        let doc = answer.unwrap_or_else(|failure| object([("failure", failure.into())]));
        let text = awso_core::json::to_string(&doc).unwrap_or_else(|e| {
            format!(
                "{{\"failure\":\"cannot write the answer: {}\"}}",
                e.to_string().replace('"', "'")
            )
        });
        if writeln!(stdout, "{text}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

fn object<const N: usize>(fields: [(&str, Document); N]) -> Document {
    Document::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn field<'d>(case: &'d Document, key: &str) -> Result<&'d Document, String> {
    case.get(key)
        .ok_or_else(|| format!("the case has no `{key}`"))
}

fn text<'d>(case: &'d Document, key: &str) -> Result<&'d str, String> {
    field(case, key)?
        .as_str()
        .ok_or_else(|| format!("`{key}` is not text"))
}

fn answer(models: &mut HashMap<String, Model>, line: &str) -> Answer {
    let case: Document = awso_core::json::from_str(line).map_err(|e| e.to_string())?;
    let service = text(&case, "service")?;
    match text(&case, "op")? {
        "load" => {
            if !models.contains_key(service) {
                let model = Model::from_document(field(&case, "model")?)
                    .map_err(|e| format!("cannot load the model: {e}"))?;
                models.insert(service.to_owned(), model);
            }
            Ok(object([("loaded", Document::Boolean(true))]))
        }
        op => {
            let model = models
                .get(service)
                .ok_or_else(|| format!("service {service} is not loaded"))?;
            match op {
                "request" => request(model, &case),
                "response" => response(model, &case),
                other => Err(format!("unknown op {other}")),
            }
        }
    }
}

fn fixed_token() -> String {
    "00000000-0000-4000-8000-000000000000".to_owned()
}

fn request(model: &Model, case: &Document) -> Answer {
    let service = model
        .service()
        .ok_or("the model has no supported protocol")?;
    let name = text(case, "operation")?;
    let operation = model.operation(name).ok_or("no such operation")?;
    let input = params::to_value(field(case, "params")?, &Member::root(operation.input()))
        .map_err(|e| format!("params: {e}"))?;
    let endpoint = Endpoint::parse("https://example.com").map_err(|e| e.to_string())?;
    let options = RequestOptions {
        idempotency_token: fixed_token,
        ..RequestOptions::default()
    };
    let request = build_request(service, operation, &input, &endpoint, &options)
        .map_err(|e| format!("build_request: {e}"))?;
    let headers = request
        .headers()
        .iter()
        .map(|(name, value)| {
            Document::Array(vec![
                Document::from(name.as_str()),
                Document::from(String::from_utf8_lossy(value.as_bytes()).into_owned()),
            ])
        })
        .collect();
    let target = request.uri().path_and_query().map_or("/", |p| p.as_str());
    Ok(object([
        ("method", Document::from(request.method().as_str())),
        ("target", Document::from(target)),
        ("headers", Document::Array(headers)),
        ("body", base64_doc(request.body())),
    ]))
}

fn base64_doc(bytes: &[u8]) -> Document {
    Document::String(base64::engine::general_purpose::STANDARD.encode(bytes))
}

fn response(model: &Model, case: &Document) -> Answer {
    let service = model
        .service()
        .ok_or("the model has no supported protocol")?;
    let name = text(case, "operation")?;
    let operation = model.operation(name).ok_or("no such operation")?;
    let status = match field(case, "status")? {
        Document::Number(awso_core::types::Number::PosInt(n)) => {
            u16::try_from(*n).map_err(|e| e.to_string())?
        }
        _ => return Err("`status` is not a status".to_owned()),
    };
    let body = base64::engine::general_purpose::STANDARD
        .decode(text(case, "body")?)
        .map_err(|e| e.to_string())?;
    let mut builder = http::Response::builder().status(status);
    for pair in field(case, "headers")?.as_array().unwrap_or_default() {
        let pair = pair.as_array().unwrap_or_default();
        if let [Document::String(name), Document::String(value)] = pair {
            builder = builder.header(name.as_str(), value.as_bytes());
        }
    }
    let response = builder.body(body).map_err(|e| e.to_string())?;
    Ok(
        match parse_response_dynamic(service, operation, &response) {
            Ok(value) => object([("output", params::to_params(&value))]),
            Err(ResponseError::Decode { source, .. }) => {
                object([("decode_error", Document::from(source.to_string()))])
            }
            Err(ResponseError::Service { error, meta }) => {
                object([("error", error_doc(&error, &meta))])
            }
        },
    )
}

/// The error as the oracle compares it: code and message as every error answer carries them
/// (its [`ErrorMeta`]), and a modeled error's members.
fn error_doc(error: &DynamicError, meta: &ErrorMeta) -> Document {
    let (members, modeled) = match error {
        DynamicError::Modeled { value, .. } => (params::to_params(value), true),
        DynamicError::Unknown(_) => (Document::Object(IndexMap::new()), false),
    };
    object([
        ("code", Document::from(meta.code.as_str())),
        (
            "message",
            Document::from(meta.message.as_deref().unwrap_or("")),
        ),
        ("status", Document::from(i64::from(meta.status))),
        (
            "request_id",
            meta.request_id
                .as_deref()
                .map_or(Document::Null, Document::from),
        ),
        ("modeled", Document::Boolean(modeled)),
        ("members", members),
    ])
}

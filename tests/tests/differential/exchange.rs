//! The probe's side of the exchange with the driver (`differential/oracle.py`), shared by the
//! dynamic probe (`probe.rs`) and the static one (`e2e/src/bin/differential_static`), so the
//! two modes read cases and write answers alike and differ only in how awso is called.
//!
//! Each stdin line is a JSON case with `op` (`load`, `request`, `response`); each answer is
//! one stdout line. A failure of a case (and a panic) is an answer {`failure`}, never the end
//! of the probe.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::{Command, ExitCode};

use awso_core::protocol::{Endpoint, RequestOptions};
use awso_core::{Document, ErrorMeta};
use base64::Engine as _;

/// What the probe says about one case.
pub(crate) type Answer = Result<Document, String>;

/// Starts the driver with `probe` (this binary) as the probe and `args` after it. Without
/// python3 and botocore this is a skip, except in CI (`CI=true`), where it is a failure.
/// `AWSO_DIFFERENTIAL_ARGS` passes extra arguments to the driver (`--help`).
pub(crate) fn run_driver(script: &Path, args: &[String]) -> ExitCode {
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let has_botocore = Command::new("python3")
        .args(["-c", "import botocore"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_botocore {
        if in_ci {
            eprintln!("differential: python3 with botocore is required in CI");
            return ExitCode::FAILURE;
        }
        eprintln!("SKIPPED: differential: no python3 with botocore");
        return ExitCode::SUCCESS;
    }
    let Ok(probe) = std::env::current_exe() else {
        eprintln!("differential: cannot find this binary to start it as the probe");
        return ExitCode::FAILURE;
    };
    let extra = std::env::var("AWSO_DIFFERENTIAL_ARGS").unwrap_or_default();
    let status = Command::new("python3")
        .arg(script)
        .arg("--probe")
        .arg(&probe)
        .args(args)
        .args(extra.split_whitespace())
        .status();
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(status) => {
            eprintln!("differential: the driver failed ({status})");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("differential: cannot start python3: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Answers the driver's cases, one line each, until stdin ends.
pub(crate) fn serve(mut answer: impl FnMut(&Document) -> Answer) -> ExitCode {
    let stdin = std::io::stdin();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else {
            return ExitCode::FAILURE;
        };
        let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let case: Document = awso_core::json::from_str(&line).map_err(|e| e.to_string())?;
            answer(&case)
        }))
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

pub(crate) fn object<const N: usize>(fields: [(&str, Document); N]) -> Document {
    Document::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

pub(crate) fn field<'d>(case: &'d Document, key: &str) -> Result<&'d Document, String> {
    case.get(key)
        .ok_or_else(|| format!("the case has no `{key}`"))
}

pub(crate) fn text<'d>(case: &'d Document, key: &str) -> Result<&'d str, String> {
    field(case, key)?
        .as_str()
        .ok_or_else(|| format!("`{key}` is not text"))
}

/// Where requests go, and the idempotency token both sides fill in (botocore's is random;
/// the driver writes this one into its side).
pub(crate) fn request_setup() -> Result<(Endpoint, RequestOptions), String> {
    let endpoint = Endpoint::parse("https://example.com").map_err(|e| e.to_string())?;
    let options = RequestOptions {
        idempotency_token: fixed_token,
        ..RequestOptions::default()
    };
    Ok((endpoint, options))
}

fn fixed_token() -> String {
    "00000000-0000-4000-8000-000000000000".to_owned()
}

/// The answer to a `request` case: {`method`, `target` (path and query), `headers`
/// [[name, value]], `body` (base64)}.
pub(crate) fn request_answer(request: &http::Request<Vec<u8>>) -> Document {
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
    object([
        ("method", Document::from(request.method().as_str())),
        ("target", Document::from(target)),
        ("headers", Document::Array(headers)),
        (
            "body",
            Document::String(base64::engine::general_purpose::STANDARD.encode(request.body())),
        ),
    ])
}

/// The HTTP response of a `response` case {`status`, `headers`, `body` (base64)}.
pub(crate) fn http_response(case: &Document) -> Result<http::Response<Vec<u8>>, String> {
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
    builder.body(body).map_err(|e| e.to_string())
}

/// The answer to a decoded output: {`output`} (botocore-style params).
pub(crate) fn output_answer(params: Document) -> Document {
    object([("output", params)])
}

/// The answer to a response awso could not read: {`decode_error`}.
pub(crate) fn decode_error_answer(error: &awso_core::Error) -> Document {
    object([("decode_error", Document::from(error.to_string()))])
}

/// The answer to a service error, as the driver compares it: code, message, status and
/// request id as every error carries them (its [`ErrorMeta`]), and a modeled error's
/// members (`None` for an unknown error).
pub(crate) fn error_answer(meta: &ErrorMeta, members: Option<Document>) -> Document {
    let modeled = members.is_some();
    let error = object([
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
        (
            "members",
            members.unwrap_or_else(|| Document::Object(indexmap::IndexMap::default())),
        ),
    ]);
    object([("error", error)])
}

//! What an error response says about itself: its code, message and request id, found the
//! way each protocol defines.

use super::Protocol;
use crate::limits::DEFAULT_MAX_DEPTH;
use crate::schema::Schema;
use crate::service_error::{UnknownError, error_code, sanitize_code};
use crate::types::Document;
use crate::value::Value;
use crate::xml::lexer::{Lexer, Token};

/// What an error response says before its body is read as a modeled error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorInfo {
    /// The code that picks the modeled error: the bare shape name (JSON protocols) or error
    /// code (XML protocols); empty when the response had none.
    pub code: String,
    /// The code to report, when it differs from `code`: a query-compatible service's
    /// `x-amzn-query-error` code.
    pub reported_code: Option<String>,
    /// The message, when the body had one.
    pub message: Option<String>,
    /// The request id, from the headers or the body.
    pub request_id: Option<String>,
    /// The HTTP status.
    pub status: u16,
}

impl ErrorInfo {
    /// The index of the modeled error `errors` this code picks.
    pub fn modeled_index(&self, protocol: Protocol, errors: &[&'static Schema]) -> Option<usize> {
        if self.code.is_empty() {
            return None;
        }
        errors
            .iter()
            .position(|schema| match protocol.body_format() {
                crate::service_error::BodyFormat::Json => schema.name() == self.code,
                crate::service_error::BodyFormat::Xml => error_code(schema) == self.code,
            })
    }

    /// The unknown error that keeps all of this and the raw body.
    pub fn unknown(&self, body: &[u8]) -> UnknownError {
        UnknownError::from_response(
            self.reported_code.as_deref().unwrap_or(&self.code),
            self.message.clone(),
            Some(self.status),
            self.request_id.clone(),
            body,
        )
    }
}

fn header<'h>(headers: &'h http::HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// Finds code, message and request id in an error response. Never fails: whatever cannot
/// be found is left empty.
pub fn error_info(
    protocol: Protocol,
    query_compatible: bool,
    status: u16,
    headers: &http::HeaderMap,
    body: &[u8],
) -> ErrorInfo {
    let mut info = match protocol.body_format() {
        crate::service_error::BodyFormat::Json => json_info(headers, body),
        crate::service_error::BodyFormat::Xml => xml_info(body),
    };
    info.status = status;
    if info.request_id.is_none() {
        info.request_id = ["x-amzn-requestid", "x-amz-request-id"]
            .iter()
            .find_map(|name| header(headers, name))
            .map(str::to_owned);
    }
    if query_compatible {
        // `Code;Fault`: the code the service's awsQuery past used.
        if let Some(code) = header(headers, "x-amzn-query-error").and_then(|v| v.split(';').next())
        {
            if !code.is_empty() {
                info.reported_code = Some(code.to_owned());
            }
        }
    }
    info
}

/// JSON protocols: `X-Amzn-Errortype`, then the body's `code`, then its `__type`.
fn json_info(headers: &http::HeaderMap, body: &[u8]) -> ErrorInfo {
    let doc = crate::json::from_slice::<Document>(body).ok();
    let field = |key: &str| {
        doc.as_ref()
            .and_then(|d| d.get(key))
            .and_then(Document::as_str)
    };
    let code = header(headers, "x-amzn-errortype")
        .or_else(|| field("code"))
        .or_else(|| field("__type"))
        .unwrap_or("");
    ErrorInfo {
        code: sanitize_code(code).to_owned(),
        message: ["message", "Message", "errorMessage"]
            .iter()
            .find_map(|key| field(key))
            .map(str::to_owned),
        ..ErrorInfo::default()
    }
}

/// XML protocols: `<Code>` and `<Message>` of the `<Error>` element (in whichever envelope),
/// `<RequestId>` or `<RequestID>` anywhere.
fn xml_info(body: &[u8]) -> ErrorInfo {
    let mut info = ErrorInfo::default();
    let Some(text) = crate::utf8::try_text(body) else {
        return info;
    };
    // Best effort: what was read before any malformation still counts.
    let mut lexer = Lexer::new(text);
    let mut path: Vec<&str> = Vec::new();
    let mut current_text = String::new();
    while let Ok(token) = lexer.next_token() {
        match token {
            Token::Start(start) => {
                if path.len() >= DEFAULT_MAX_DEPTH {
                    break;
                }
                path.push(start.name);
                current_text.clear();
            }
            Token::Text(t) => current_text.push_str(&t.content()),
            Token::End => {
                let name = path.pop().unwrap_or_default();
                let in_error = path.last().is_some_and(|parent| *parent == "Error");
                let text = current_text.trim();
                match name {
                    "Code" if in_error && info.code.is_empty() => {
                        sanitize_code(text).clone_into(&mut info.code);
                    }
                    "Message" if in_error && info.message.is_none() => {
                        info.message = Some(text.to_owned());
                    }
                    "RequestId" | "RequestID" if info.request_id.is_none() => {
                        info.request_id = Some(text.to_owned());
                    }
                    _ => {}
                }
                current_text.clear();
            }
            Token::Eof => break,
        }
    }
    info
}

/// An operation error in the dynamic mode: a modeled error as a [`Value`], or an unknown one.
#[derive(Debug, Clone)]
pub enum DynamicError {
    /// A modeled error.
    Modeled {
        /// The error code.
        code: String,
        /// The error structure's schema.
        schema: &'static Schema,
        /// Its members.
        value: Value,
    },
    /// Anything else (boxed: it keeps the whole body).
    Unknown(Box<UnknownError>),
}

impl DynamicError {
    /// The error code.
    pub fn code(&self) -> &str {
        match self {
            Self::Modeled { code, .. } => code,
            Self::Unknown(unknown) => unknown.code(),
        }
    }
}

impl std::fmt::Display for DynamicError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Modeled { code, value, .. } => {
                f.write_str(code)?;
                match ["message", "Message"]
                    .iter()
                    .find_map(|name| value.get(name).and_then(Value::as_str))
                {
                    Some(message) => write!(f, ": {message}"),
                    None => Ok(()),
                }
            }
            Self::Unknown(unknown) => unknown.fmt(f),
        }
    }
}

impl std::error::Error for DynamicError {}

//! What an error response says in its HTTP head: the code, request id and query-compatible
//! code the protocols put in headers. The body is looked into, and the modeled error picked,
//! by [`ErrorParts`], the one way both the protocols and the conveniences decode errors.

use std::borrow::Cow;

use super::ServiceSchema;
use crate::error_response::{BodyFormat, ErrorBody, ErrorParts};
use crate::schema::Schema;
use crate::service_error::UnknownError;
use crate::value::Value;

fn header<'h>(headers: &'h http::HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// The headers a request id comes in, when the body has none.
const REQUEST_ID_HEADERS: [&str; 2] = ["x-amzn-requestid", "x-amz-request-id"];

/// What an error response of `service` says: the code (JSON protocols: `X-Amzn-Errortype`,
/// then the body's `__type`, then its `code`; XML protocols: the `<Error>` element's
/// `<Code>`; without any, the status as text), the request id (from the body, else the headers) and, for a query-compatible
/// service, the `x-amzn-query-error` code. Never fails: whatever cannot be found is left
/// empty.
///
/// ```
/// use awso_core::protocol::{Protocol, ServiceSchema, error_parts};
///
/// let service = ServiceSchema::new(Protocol::RestJson1, "2018-09-07");
/// let mut headers = http::HeaderMap::new();
/// headers.insert("x-amzn-requestid", "r-1".parse()?);
/// let body = br#"{"__type":"aws#Throttled","message":"slow"}"#;
/// let parts = error_parts(&service, 429, &headers, body);
/// assert_eq!(parts.code, "aws#Throttled");
/// assert_eq!(parts.request_id.as_deref(), Some("r-1"));
/// assert_eq!(parts.unknown().message(), Some("slow"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn error_parts<'a>(
    service: &ServiceSchema,
    status: u16,
    headers: &'a http::HeaderMap,
    body: &'a [u8],
) -> ErrorParts<'a> {
    let format = service.protocol().body_format();
    let found = ErrorBody::read(format, body);
    let code_header = match format {
        BodyFormat::Json => header(headers, "x-amzn-errortype"),
        BodyFormat::Xml | BodyFormat::Cbor => None,
    };
    // No code anywhere (a HEAD request's 404 has no body): the status is the code, as
    // botocore makes it.
    let code = code_header
        .map(Cow::Borrowed)
        .or(found.code.map(Cow::Owned))
        .unwrap_or_else(|| Cow::Owned(status.to_string()));
    let request_id = found.request_id.map(Cow::Owned).or_else(|| {
        REQUEST_ID_HEADERS
            .iter()
            .find_map(|name| header(headers, name))
            .map(Cow::Borrowed)
    });
    // `Code;Fault`: the code the service's awsQuery past used.
    let reported_code = header(headers, "x-amzn-query-error")
        .filter(|_| service.query_compatible())
        .and_then(|value| value.split(';').next())
        .filter(|code| !code.is_empty());
    ErrorParts {
        code,
        body,
        format,
        status: Some(status),
        request_id,
        reported_code,
        message: found.message,
    }
}

/// An operation error in the dynamic mode: a modeled error as a [`Value`], or an unknown one.
///
/// ```
/// use awso_core::protocol::{self, DynamicError, OperationSchema, Protocol, ServiceSchema};
/// use awso_core::schema::{ErrorFault, ErrorTrait, Member, Schema, SchemaRef, ShapeTraits};
///
/// static THROTTLED: Schema = Schema::structure("Throttled", &[Member::new("message", 0, SchemaRef::of::<String>())])
///     .with_traits(ShapeTraits::NONE.error(ErrorTrait { fault: ErrorFault::Client, http_status: Some(429), code: None }));
/// static ERRORS: [&Schema; 1] = [&THROTTLED];
/// const OP: OperationSchema = OperationSchema::new("Get", "POST", "/").with_errors(&ERRORS);
/// let service = ServiceSchema::new(Protocol::AwsJson1_1, "1");
/// let response = http::Response::builder().status(429).body(br#"{"__type": "Throttled", "message": "slow"}"#.to_vec()).unwrap();
/// match protocol::parse_response_dynamic(&service, &OP, &response).unwrap_err().service_error() {
///     Some(DynamicError::Modeled { code, value, .. }) => {
///         assert_eq!(code, "Throttled");
///         assert_eq!(value.get("message").and_then(awso_core::Value::as_str), Some("slow"));
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
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
    ///
    /// ```
    /// use awso_core::UnknownError;
    /// use awso_core::protocol::DynamicError;
    ///
    /// let error = DynamicError::Unknown(Box::new(UnknownError::new("Overloaded")));
    /// assert_eq!(error.code(), "Overloaded");
    /// ```
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Protocol;

    fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| {
                (
                    http::HeaderName::from_static(name),
                    http::HeaderValue::from_static(value),
                )
            })
            .collect()
    }

    #[test]
    fn json_codes_come_from_the_header_then_type_then_code() {
        let service = ServiceSchema::new(Protocol::AwsJson1_1, "v");
        let body = br#"{"__type":"T","code":"C"}"#;
        let none = headers(&[]);
        let with_header = headers(&[("x-amzn-errortype", " H:http://x ")]);
        assert_eq!(
            error_parts(&service, 400, &with_header, body).code,
            "H:http://x"
        );
        assert_eq!(error_parts(&service, 400, &none, body).code, "T");
        assert_eq!(
            error_parts(&service, 400, &none, br#"{"code":"C"}"#).code,
            "C"
        );
        let parts = error_parts(&service, 400, &none, br#"{"__type":"a#T"}"#);
        assert_eq!(parts.code, "a#T");
        assert_eq!(parts.unknown().code(), "T");
        // No code anywhere: the status is the code, as botocore makes it.
        assert_eq!(error_parts(&service, 500, &none, b"").code, "500");
    }

    #[test]
    fn xml_codes_and_request_ids_come_from_the_body_first() {
        let service = ServiceSchema::new(Protocol::RestXml, "v");
        let head = headers(&[("x-amzn-errortype", "H"), ("x-amz-request-id", "h-1")]);
        let body = b"<Error><Code>C</Code><RequestId>b-1</RequestId></Error>";
        let parts = error_parts(&service, 404, &head, body);
        assert_eq!(
            parts.code, "C",
            "XML protocols do not read X-Amzn-Errortype"
        );
        assert_eq!(parts.request_id.as_deref(), Some("b-1"));
        let parts = error_parts(&service, 404, &head, b"<Error><Code>C</Code></Error>");
        assert_eq!(parts.request_id.as_deref(), Some("h-1"));
        assert_eq!(parts.status, Some(404));
    }

    #[test]
    fn the_query_error_header_counts_only_for_query_compatible_services() {
        let head = headers(&[("x-amzn-query-error", "Old.Code;Sender")]);
        let plain = ServiceSchema::new(Protocol::AwsJson1_0, "v");
        assert_eq!(error_parts(&plain, 400, &head, b"{}").reported_code, None);
        let compatible = plain.with_query_compatible();
        let parts = error_parts(&compatible, 400, &head, br#"{"__type":"New"}"#);
        assert_eq!(parts.reported_code, Some("Old.Code"));
        assert_eq!(parts.unknown().code(), "Old.Code");
        let empty = headers(&[("x-amzn-query-error", ";Sender")]);
        assert_eq!(
            error_parts(&compatible, 400, &empty, b"{}").reported_code,
            None
        );
    }
}

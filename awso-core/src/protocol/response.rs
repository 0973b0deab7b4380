//! HTTP responses to operation outputs or errors.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use super::body::DeclineBound;
use super::errors::{DynamicError, error_parts};
use super::formats::{AnyFormat, Formats, left_out};
use super::headers::HeaderDeserializer;
use super::{OperationSchema, Protocol, ServiceSchema, Unit};
use crate::cbor::CborDeserializer;
use crate::de::ShapeDeserializer;
use crate::error::{Error, Result};
use crate::json::JsonDeserializer;
use crate::partial::read_methods;
use crate::schema::{HttpBinding, Member, Schema, ShapeKind};
use crate::service_error::{AwsError, ErrorMeta, ErrorReader, enter_error_element};
use crate::shape::{AwsStruct, StructBuilder};
use crate::value::Value;
use crate::xml::XmlDeserializer;

/// Why a response did not give the operation's output.
///
/// A service error is the operation's error value (`E`: match on its variants) and what
/// every error answer says about itself ([`ErrorMeta`]); the accessors give the status,
/// code, message and request id whichever the error is.
///
/// ```
/// use awso_core::protocol::{DynamicError, OperationSchema, Protocol, ResponseError, ServiceSchema};
/// use awso_core::schema::Schema;
///
/// static NOT_FOUND: Schema = Schema::structure("NotFound", &[]);
/// static ERRORS: [&Schema; 1] = [&NOT_FOUND];
/// let service = ServiceSchema::new(Protocol::AwsJson1_1, "2020-01-01");
/// let operation = OperationSchema::new("Get", "POST", "/").with_errors(&ERRORS);
/// let response = http::Response::builder()
///     .status(404)
///     .header("x-amzn-requestid", "r-1")
///     .body(r#"{"__type":"aws#NotFound","Message":"gone"}"#)?;
/// let err = awso_core::protocol::parse_response_dynamic(&service, &operation, &response)
///     .unwrap_err();
/// assert!(matches!(&err, ResponseError::Service { error: DynamicError::Modeled { .. }, .. }));
/// assert_eq!(err.status(), 404);
/// assert_eq!(err.code(), Some("NotFound"));
/// assert_eq!(err.message(), Some("gone"));
/// assert_eq!(err.request_id(), Some("r-1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub enum ResponseError<E> {
    /// The service answered with an error (modeled or not).
    Service {
        /// The operation's error.
        error: E,
        /// The status, code, message and request id of the answer (boxed: results stay
        /// small on the success path).
        meta: Box<ErrorMeta>,
    },
    /// The service answered with success, but the body could not be read.
    Decode {
        /// The HTTP status.
        status: u16,
        /// What went wrong.
        source: Error,
    },
}

impl<E> ResponseError<E> {
    /// The service error, when this is one.
    ///
    /// ```
    /// # use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlRequest { queue_name: String }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlResult { queue_url: Option<String> }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(error(status = 400))]
    /// # struct QueueDoesNotExist { #[awso(rename = "message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueUrlError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// # struct GetQueueUrl;
    /// # impl Operation for GetQueueUrl {
    /// #     type Input = GetQueueUrlRequest;
    /// #     type Output = GetQueueUrlResult;
    /// #     type Error = GetQueueUrlError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
    /// #         .with_target_prefix("AmazonSQS");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetQueueUrl", "POST", "/")
    /// #         .with_input(GetQueueUrlRequest::SCHEMA)
    /// #         .with_output(GetQueueUrlResult::SCHEMA)
    /// #         .with_errors(GetQueueUrlError::ERRORS);
    /// # }
    /// let response = http::Response::builder()
    ///     .status(400)
    ///     .body(br#"{"__type": "QueueDoesNotExist", "message": "no such queue"}"#.to_vec())?;
    /// let err = protocol::response::<GetQueueUrl, _>(&response).unwrap_err();
    /// let Some(GetQueueUrlError::QueueDoesNotExist(e)) = err.service_error() else { panic!("{err}") };
    /// assert_eq!(e.message.as_deref(), Some("no such queue"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn service_error(&self) -> Option<&E> {
        match self {
            Self::Service { error, .. } => Some(error),
            Self::Decode { .. } => None,
        }
    }

    /// The status, code, message and request id of a service error.
    ///
    /// ```
    /// # use awso_core::protocol::{OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::schema::Schema;
    /// # static NOT_FOUND: Schema = Schema::structure("NotFound", &[]);
    /// # static ERRORS: [&Schema; 1] = [&NOT_FOUND];
    /// # let service = ServiceSchema::new(Protocol::AwsJson1_1, "2020-01-01");
    /// # let operation = OperationSchema::new("Get", "POST", "/").with_errors(&ERRORS);
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .header("x-amzn-requestid", "r-1")
    ///     .body(r#"{"__type":"aws#NotFound","Message":"gone"}"#)?;
    /// let err = awso_core::protocol::parse_response_dynamic(&service, &operation, &response)
    ///     .unwrap_err();
    /// let meta = err.meta().expect("a service error");
    /// assert_eq!((meta.status, meta.code.as_str()), (404, "NotFound"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn meta(&self) -> Option<&ErrorMeta> {
        match self {
            Self::Service { meta, .. } => Some(meta),
            Self::Decode { .. } => None,
        }
    }

    /// The HTTP status of the answer.
    ///
    /// ```
    /// # use awso_core::protocol::{OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::schema::Schema;
    /// # static NOT_FOUND: Schema = Schema::structure("NotFound", &[]);
    /// # static ERRORS: [&Schema; 1] = [&NOT_FOUND];
    /// # let service = ServiceSchema::new(Protocol::AwsJson1_1, "2020-01-01");
    /// # let operation = OperationSchema::new("Get", "POST", "/").with_errors(&ERRORS);
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .header("x-amzn-requestid", "r-1")
    ///     .body(r#"{"__type":"aws#NotFound","Message":"gone"}"#)?;
    /// let err = awso_core::protocol::parse_response_dynamic(&service, &operation, &response)
    ///     .unwrap_err();
    /// assert_eq!(err.status(), 404);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self) -> u16 {
        match self {
            Self::Service { meta, .. } => meta.status,
            Self::Decode { status, .. } => *status,
        }
    }

    /// The error code the service sent (`None` for an answer that did not read).
    ///
    /// ```
    /// # use awso_core::protocol::{OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::schema::Schema;
    /// # static NOT_FOUND: Schema = Schema::structure("NotFound", &[]);
    /// # static ERRORS: [&Schema; 1] = [&NOT_FOUND];
    /// # let service = ServiceSchema::new(Protocol::AwsJson1_1, "2020-01-01");
    /// # let operation = OperationSchema::new("Get", "POST", "/").with_errors(&ERRORS);
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .header("x-amzn-requestid", "r-1")
    ///     .body(r#"{"__type":"aws#NotFound","Message":"gone"}"#)?;
    /// let err = awso_core::protocol::parse_response_dynamic(&service, &operation, &response)
    ///     .unwrap_err();
    /// // Without the `aws#` namespace, as every SDK reports it.
    /// assert_eq!(err.code(), Some("NotFound"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.meta().map(|meta| meta.code.as_str())
    }

    /// The message the service sent, when it sent one.
    ///
    /// ```
    /// # use awso_core::protocol::{OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::schema::Schema;
    /// # static NOT_FOUND: Schema = Schema::structure("NotFound", &[]);
    /// # static ERRORS: [&Schema; 1] = [&NOT_FOUND];
    /// # let service = ServiceSchema::new(Protocol::AwsJson1_1, "2020-01-01");
    /// # let operation = OperationSchema::new("Get", "POST", "/").with_errors(&ERRORS);
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .header("x-amzn-requestid", "r-1")
    ///     .body(r#"{"__type":"aws#NotFound","Message":"gone"}"#)?;
    /// let err = awso_core::protocol::parse_response_dynamic(&service, &operation, &response)
    ///     .unwrap_err();
    /// assert_eq!(err.message(), Some("gone"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn message(&self) -> Option<&str> {
        self.meta().and_then(|meta| meta.message.as_deref())
    }

    /// The request id of a service error, when the service gave one.
    ///
    /// ```
    /// # use awso_core::protocol::{OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::schema::Schema;
    /// # static NOT_FOUND: Schema = Schema::structure("NotFound", &[]);
    /// # static ERRORS: [&Schema; 1] = [&NOT_FOUND];
    /// # let service = ServiceSchema::new(Protocol::AwsJson1_1, "2020-01-01");
    /// # let operation = OperationSchema::new("Get", "POST", "/").with_errors(&ERRORS);
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .header("x-amzn-requestid", "r-1")
    ///     .body(r#"{"__type":"aws#NotFound","Message":"gone"}"#)?;
    /// let err = awso_core::protocol::parse_response_dynamic(&service, &operation, &response)
    ///     .unwrap_err();
    /// assert_eq!(err.request_id(), Some("r-1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.meta().and_then(|meta| meta.request_id.as_deref())
    }
}

impl<E: fmt::Display> fmt::Display for ResponseError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Service { error, .. } => write!(f, "service error: {error}"),
            Self::Decode { status, source } => {
                write!(f, "cannot read the response (HTTP {status}): {source}")
            }
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for ResponseError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Service { error, .. } => Some(error),
            Self::Decode { source, .. } => Some(source),
        }
    }
}

fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

/// Reads the response of `operation`: its output (`O`) on success, else its error (`E`),
/// which is never lost: an unknown code or an unreadable error body gives `E`'s unknown
/// variant with the status, request id and raw body.
///
/// ```
/// # use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Debug)]
/// # #[awso(rename_all = "PascalCase")]
/// # struct GetQueueUrlRequest { queue_name: String }
/// # #[derive(AwsShape, Debug)]
/// # #[awso(rename_all = "PascalCase")]
/// # struct GetQueueUrlResult { queue_url: Option<String> }
/// # #[derive(AwsShape, Debug)]
/// # #[awso(error(status = 400))]
/// # struct QueueDoesNotExist { #[awso(rename = "message")] message: Option<String> }
/// # #[derive(AwsError, Debug)]
/// # enum GetQueueUrlError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
/// # struct GetQueueUrl;
/// # impl Operation for GetQueueUrl {
/// #     type Input = GetQueueUrlRequest;
/// #     type Output = GetQueueUrlResult;
/// #     type Error = GetQueueUrlError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
/// #         .with_target_prefix("AmazonSQS");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetQueueUrl", "POST", "/")
/// #         .with_input(GetQueueUrlRequest::SCHEMA)
/// #         .with_output(GetQueueUrlResult::SCHEMA)
/// #         .with_errors(GetQueueUrlError::ERRORS);
/// # }
/// let response = http::Response::new(br#"{"QueueUrl": "https://q/jobs"}"#.to_vec());
/// let output: GetQueueUrlResult = protocol::parse_response::<_, GetQueueUrlError, _>(GetQueueUrl::SERVICE, GetQueueUrl::SCHEMA, &response)?;
/// assert_eq!(output.queue_url.as_deref(), Some("https://q/jobs"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_response<O: AwsStruct, E: AwsError, B: AsRef<[u8]>>(
    service: &ServiceSchema,
    operation: &OperationSchema,
    response: &http::Response<B>,
) -> Result<O, ResponseError<E>> {
    parse_response_with::<O, E, B, AnyFormat>(service, operation, response)
}

/// [`parse_response`] compiled with the codecs `F` allows (see [`super::formats`]):
/// [`super::response`] passes its operation's, so each output and error shape is
/// instantiated for its protocol's decoder alone.
pub(crate) fn parse_response_with<O: AwsStruct, E: AwsError, B: AsRef<[u8]>, F: Formats>(
    service: &ServiceSchema,
    operation: &OperationSchema,
    response: &http::Response<B>,
) -> Result<O, ResponseError<E>> {
    let status = response.status().as_u16();
    let body = response.body().as_ref();
    if is_success(status) {
        let reader = ResponseReader::<F>::new(
            service,
            operation,
            response.headers(),
            status,
            body,
            Place::Output,
        );
        return reader
            .read::<O>(operation.output())
            .map_err(|source| ResponseError::Decode { status, source });
    }
    Err(service_error::<E, B, F>(
        service,
        operation,
        response,
        E::ERRORS,
        |index, reader, _| E::read_modeled(index, reader),
        E::unknown,
    ))
}

/// Reads the output of a successful response whose body streams: the members bound to the
/// status and headers, with the streaming payload member left unset (its bytes are the
/// caller's to read). For an output without a streaming payload, the same as
/// [`parse_response`] of an empty body.
///
/// ```
/// use awso_core::protocol::{self, OperationSchema, Protocol, ServiceSchema};
/// use awso_core::{AwsShape, Blob};
///
/// #[derive(AwsShape, Debug)]
/// struct GetObjectOutput {
///     #[awso(http_header = "Content-Length", rename = "ContentLength")]
///     length: Option<i64>,
///     #[awso(http_payload, streaming, rename = "Body")]
///     body: Option<Blob>,
/// }
/// const GET: OperationSchema = OperationSchema::new("GetObject", "GET", "/{Key+}").with_output(GetObjectOutput::SCHEMA);
/// let s3 = ServiceSchema::new(Protocol::RestXml, "2006-03-01");
/// let head = http::Response::builder().header("content-length", "5").body(())?;
/// let output: GetObjectOutput = protocol::parse_response_head(&s3, &GET, &head)?;
/// assert_eq!(output.length, Some(5));
/// assert!(output.body.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_response_head<O: AwsStruct>(
    service: &ServiceSchema,
    operation: &OperationSchema,
    response: &http::Response<()>,
) -> Result<O> {
    parse_response_head_with::<O, AnyFormat>(service, operation, response)
}

/// [`parse_response_head`] compiled with the codecs `F` allows, as
/// [`parse_response_with`] is ([`super::response_head`] passes its operation's).
pub(crate) fn parse_response_head_with<O: AwsStruct, F: Formats>(
    service: &ServiceSchema,
    operation: &OperationSchema,
    response: &http::Response<()>,
) -> Result<O> {
    let status = response.status().as_u16();
    ResponseReader::<F>::new(
        service,
        operation,
        response.headers(),
        status,
        &[],
        Place::Head,
    )
    .read::<O>(operation.output())
}

/// The error half of both entry points: the answer's [`ErrorMeta`] and the modeled error
/// `read` gives (by its index among `errors`, with the meta), else the `unknown` one, which
/// holds the members of the service's error structure the code names, when there is one
/// (see [`ServiceSchema::with_errors`]).
fn service_error<E, B: AsRef<[u8]>, F: Formats>(
    service: &ServiceSchema,
    operation: &OperationSchema,
    response: &http::Response<B>,
    errors: &[&'static Schema],
    read: impl FnOnce(usize, ResponseReader<'_, F>, &ErrorMeta) -> Result<E>,
    unknown: impl FnOnce(crate::UnknownError) -> E,
) -> ResponseError<E> {
    let status = response.status().as_u16();
    let body = response.body().as_ref();
    let parts = error_parts(service, status, response.headers(), body);
    let reader = || {
        ResponseReader::new(
            service,
            operation,
            response.headers(),
            status,
            body,
            Place::Error,
        )
    };
    let meta = Box::new(parts.meta(status));
    let error = parts.decode(
        errors,
        |index| read(index, reader(), &meta),
        |error| {
            let service_wide = match parts.modeled_index(service.errors()) {
                Some(index) if error.decode_error().is_none() => {
                    let schema = service.errors()[index];
                    reader()
                        .read::<Value>(schema)
                        .ok()
                        .map(|value| (schema, value))
                }
                _ => None,
            };
            unknown(match service_wide {
                Some((schema, value)) => error.with_modeled(schema, value),
                None => error,
            })
        },
    );
    ResponseError::Service { error, meta }
}

/// [`parse_response`] in the dynamic mode: the output as a [`Value`] of the operation's
/// output schema, errors as [`DynamicError`]s of its error schemas.
///
/// ```
/// use awso_core::protocol::{self, DynamicError, OperationSchema, Protocol, ServiceSchema};
/// use awso_core::schema::{Member, Schema, SchemaRef};
///
/// static OUTPUT: Schema = Schema::structure("CountOutput", &[Member::new("Count", 0, SchemaRef::of::<i64>())]);
/// const COUNT: OperationSchema = OperationSchema::new("Count", "POST", "/").with_output(&OUTPUT);
/// let service = ServiceSchema::new(Protocol::AwsJson1_1, "1");
/// let ok = protocol::parse_response_dynamic(&service, &COUNT, &http::Response::new(br#"{"Count": 2}"#.to_vec())).unwrap();
/// assert_eq!(ok.get("Count"), Some(&awso_core::Value::Long(2)));
/// let failed = http::Response::builder().status(500).body(br#"{"__type": "InternalError"}"#.to_vec()).unwrap();
/// let err = protocol::parse_response_dynamic(&service, &COUNT, &failed).unwrap_err();
/// assert!(matches!(err.service_error(), Some(DynamicError::Unknown(u)) if u.code() == "InternalError"));
/// ```
pub fn parse_response_dynamic<B: AsRef<[u8]>>(
    service: &ServiceSchema,
    operation: &OperationSchema,
    response: &http::Response<B>,
) -> Result<Value, ResponseError<DynamicError>> {
    let status = response.status().as_u16();
    let body = response.body().as_ref();
    let reader = |place| {
        ResponseReader::<AnyFormat>::new(
            service,
            operation,
            response.headers(),
            status,
            body,
            place,
        )
    };
    if is_success(status) {
        return reader(Place::Output)
            .read::<Value>(operation.output())
            .map_err(|source| ResponseError::Decode { status, source });
    }
    let errors = operation.errors();
    Err(service_error::<_, _, AnyFormat>(
        service,
        operation,
        response,
        errors,
        |index, reader, meta| {
            Ok(DynamicError::Modeled {
                code: meta.code.clone(),
                schema: errors[index],
                value: reader.read::<Value>(errors[index])?,
            })
        },
        |unknown| match unknown.modeled() {
            // Without a typed enum to keep apart, the service's error is simply modeled.
            Some((schema, value)) => DynamicError::Modeled {
                code: unknown.code().to_owned(),
                schema,
                value: value.clone(),
            },
            None => DynamicError::Unknown(Box::new(unknown)),
        },
    ))
}

/// Where in the body the structure is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Output,
    Error,
    /// The output, with the body still on the wire: a streaming payload is not read.
    Head,
}

/// The text of a header value: its bytes as UTF-8 when they are, else as ISO-8859-1 (each
/// byte one character, as HTTP/1.1 parsers and botocore read them); never dropped.
pub(crate) fn header_text(value: &http::HeaderValue) -> Cow<'_, str> {
    let bytes = value.as_bytes();
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(bytes.iter().copied().map(char::from).collect()),
    }
}

/// Reads one structure from an HTTP response: header, prefix-header and status members from
/// the head, the payload member or the body members from the body.
struct ResponseReader<'r, F> {
    protocol: Protocol,
    formats: PhantomData<F>,
    operation: &'r OperationSchema,
    headers: &'r http::HeaderMap,
    status: u16,
    body: &'r [u8],
    place: Place,
}

impl<'r, F: Formats> ResponseReader<'r, F> {
    fn new(
        service: &ServiceSchema,
        operation: &'r OperationSchema,
        headers: &'r http::HeaderMap,
        status: u16,
        body: &'r [u8],
        place: Place,
    ) -> Self {
        Self {
            protocol: service.protocol(),
            formats: PhantomData,
            operation,
            headers,
            status,
            body,
            place,
        }
    }

    fn read_head<B: StructBuilder>(&self, schema: &'static Schema, builder: &mut B) -> Result<()> {
        for member in schema.members() {
            let source = match member.traits().http {
                Some(HttpBinding::Header(name)) => {
                    let values: Vec<Cow<'_, str>> =
                        self.headers.get_all(name).iter().map(header_text).collect();
                    if values.is_empty() {
                        continue;
                    }
                    HeaderDeserializer::value(&values.join(", "))
                }
                Some(HttpBinding::PrefixHeaders(prefix)) => {
                    let prefix = prefix.to_ascii_lowercase();
                    let entries: Vec<(String, String)> = self
                        .headers
                        .iter()
                        .filter_map(|(name, value)| {
                            let key = name.as_str().strip_prefix(prefix.as_str())?;
                            Some((key.to_owned(), header_text(value).into_owned()))
                        })
                        .collect(); // No matching header reads as an empty map, as botocore does.
                    HeaderDeserializer::map(entries)
                }
                Some(HttpBinding::ResponseCode) => {
                    HeaderDeserializer::value(&self.status.to_string())
                }
                _ => continue,
            };
            let mut source = source;
            builder
                .read_member(member, &mut source)
                .map_err(|e| e.in_member(member.name()))?;
        }
        Ok(())
    }

    fn read_payload<B: StructBuilder>(
        &self,
        member: &'static Member,
        builder: &mut B,
    ) -> Result<()> {
        let kind = member.target().kind();
        // An empty body is an absent payload, as the protocol tests want, except for a
        // streaming blob (S3 GetObject): a 0-byte object is still an object.
        if self.body.is_empty() && !(kind == ShapeKind::Blob && member.is_streaming()) {
            return Ok(());
        }
        if matches!(kind, ShapeKind::Blob | ShapeKind::String | ShapeKind::Enum) {
            return builder.read_member(member, &mut RawBody(self.body));
        }
        if self.body.trim_ascii().is_empty() {
            return Ok(());
        }
        if kind == ShapeKind::Document || self.protocol == Protocol::RestJson1 {
            if const { !F::JSON } {
                return Err(left_out("JSON"));
            }
            let mut de = JsonDeserializer::from_slice(self.body)?;
            builder.read_member(member, &mut de)?;
            return de.end();
        }
        if const { !F::XML } {
            return Err(left_out("XML"));
        }
        let mut de = XmlDeserializer::from_slice(self.body)?;
        builder.read_member(member, &mut de)?;
        de.end()
    }

    fn read_body<B: StructBuilder>(&self, schema: &'static Schema, builder: &mut B) -> Result<()> {
        // Whitespace bytes are data in CBOR; only an empty CBOR body is an absent one.
        let empty = if self.protocol == Protocol::RpcV2Cbor {
            self.body.is_empty()
        } else {
            self.body.trim_ascii().is_empty()
        };
        // An operation without an output reads nothing of the body, as botocore does.
        if empty || Unit::is_unit(schema) {
            return Ok(());
        }
        let root = Member::root(schema);
        match self.protocol {
            Protocol::RestJson1 | Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
                if const { !F::JSON } {
                    return Err(left_out("JSON"));
                }
                let mut de = JsonDeserializer::from_slice(self.body)?;
                body_struct(self.protocol, &mut de, &root, builder)?;
                de.end()
            }
            Protocol::RpcV2Cbor => {
                if const { !F::CBOR } {
                    return Err(left_out("CBOR"));
                }
                let mut de = CborDeserializer::new(self.body);
                de.read_struct(&root, builder)?;
                de.end()
            }
            Protocol::RestXml | Protocol::AwsQuery | Protocol::Ec2Query => {
                if const { !F::XML } {
                    return Err(left_out("XML"));
                }
                let mut de = XmlDeserializer::from_slice(self.body)?;
                match (self.place, self.protocol) {
                    (Place::Error, _) => enter_error_element(&mut de)?,
                    (Place::Output, Protocol::AwsQuery)
                        if !de.enter_child(&self.operation.result_wrapper_name())? =>
                    {
                        // A wrapper the model does not declare may be absent: botocore then
                        // reads the members from the root element itself.
                        if self.operation.result_wrapper().is_some() {
                            return Ok(());
                        }
                        de = XmlDeserializer::from_slice(self.body)?;
                    }
                    (Place::Output, Protocol::RestXml) => {
                        if let Some(member) = root_text_member(schema, de.element_name()) {
                            return builder.read_member(member, &mut de);
                        }
                    }
                    _ => {}
                }
                body_struct(self.protocol, &mut de, &root, builder)
            }
        }
    }
}

/// The member a restXml body's root element is, rather than holds: the output's only body
/// member, a scalar, when the root element bears its name instead of the output's. S3
/// GetBucketLocation answers `<LocationConstraint>us-west-2</LocationConstraint>`, and
/// botocore reads the root's text as `LocationConstraint`.
fn root_text_member(schema: &'static Schema, root: Option<&str>) -> Option<&'static Member> {
    let root = root?;
    let mut body = schema
        .members()
        .iter()
        .filter(|m| m.traits().http.is_none());
    let member = body.next()?;
    let alone = body.next().is_none();
    (alone
        && member.target().kind().is_scalar()
        && member.xml_name() == root
        && crate::xml::root_name(schema) != root)
        .then_some(member)
}

/// Reads the structure a body holds; in the REST protocols, members bound to the head are
/// declined (read from the head instead).
fn body_struct<D: ShapeDeserializer, B: StructBuilder>(
    protocol: Protocol,
    de: &mut D,
    root: &Member,
    builder: &mut B,
) -> Result<()> {
    if protocol.is_rest() {
        de.read_struct(root, &mut DeclineBound(builder))
    } else {
        de.read_struct(root, builder)
    }
}

impl<F: Formats> ErrorReader for ResponseReader<'_, F> {
    fn read<T: AwsStruct>(self, schema: &'static Schema) -> Result<T> {
        let mut builder = T::builder(schema);
        if self.protocol.is_rest() {
            self.read_head(schema, &mut builder)?;
            let payload = schema
                .members()
                .iter()
                .find(|m| m.traits().http == Some(HttpBinding::Payload));
            match payload {
                Some(member) if self.place == Place::Head && member.is_streaming() => {}
                Some(member) => self
                    .read_payload(member, &mut builder)
                    .map_err(|e| e.in_member(member.name()))?,
                None => self.read_body(schema, &mut builder)?,
            }
        } else {
            self.read_body(schema, &mut builder)?;
        }
        builder.build()
    }
}

/// The whole body as a blob or string payload.
struct RawBody<'b>(&'b [u8]);

impl RawBody<'_> {
    fn refuse() -> Error {
        Error::unsupported("a raw payload is a blob or a string")
    }
}

impl ShapeDeserializer for RawBody<'_> {
    fn read_null(&mut self) -> Result<bool> {
        Ok(false)
    }

    fn read_str<R, F>(&mut self, _: &Member, f: F) -> Result<R>
    where
        F: FnOnce(&str) -> Result<R>,
    {
        let text = crate::utf8::try_text(self.0)
            .ok_or_else(|| Error::syntax("the payload is not UTF-8"))?;
        f(text)
    }

    fn read_blob(&mut self, _: &Member) -> Result<Vec<u8>> {
        Ok(self.0.to_vec())
    }

    read_methods!(refuse(_what => Self::refuse();
        read_struct, read_list, read_map, read_boolean, read_byte, read_short, read_integer,
        read_long, read_float, read_double, read_big_integer, read_big_decimal, read_timestamp,
        read_document));
}

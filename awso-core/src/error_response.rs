//! What an error response says about itself, read one way for both entry points: the
//! conveniences ([`AwsError::from_parts`](crate::AwsError::from_parts)) and the protocols
//! ([`protocol::parse_response`](crate::protocol::parse_response), which fill the code and
//! request id from the HTTP head with [`protocol::error_parts`](crate::protocol::error_parts)).
//!
//! [`ErrorParts`] is the one description of an error response; [`ErrorParts::decode`] picks
//! the modeled error by code (the shape name for JSON bodies, the error code for XML ones,
//! namespaces and URI suffixes stripped), reads it, and keeps anything else as an
//! [`UnknownError`] with the message the body carries. Bodies are looked into the same way on
//! both paths: a JSON object's `__type` or `code` and its `message`, `Message` or
//! `errorMessage`; an XML document's `<Error>` element in whichever envelope
//! (`<ErrorResponse>`, `<Response><Errors>`, or none), read with the [`XmlDeserializer`].
//!
//! ```
//! use awso_core::ErrorParts;
//!
//! let body = b"<ErrorResponse><Error><Code>Throttling</Code><Message> slow </Message></Error>\
//!              <RequestId>r-1</RequestId></ErrorResponse>";
//! let unknown = ErrorParts::xml("Throttling", body).status(400).unknown();
//! assert_eq!(unknown.code(), "Throttling");
//! assert_eq!(unknown.message(), Some("slow"));
//! assert_eq!(unknown.status(), Some(400));
//! ```

use std::borrow::Cow;

use crate::de::ShapeDeserializer;
use crate::error::{Error, Result};
use crate::schema::{Member, Schema, SchemaRef, ShapeKind};
use crate::service_error::{UnknownError, error_code};
use crate::shape::StructBuilder;
use crate::types::Document;
use crate::xml::XmlDeserializer;

/// Reduces an error code as services send it to the bare name: drops a namespace
/// (`aws.protocoltests#Foo`) and a URI suffix (`Foo:http://internal.amazon.com/...`).
///
/// ```
/// use awso_core::service_error::sanitize_code;
///
/// assert_eq!(sanitize_code("aws.protocoltests#Foo:http://internal.amazon.com/x"), "Foo");
/// ```
pub fn sanitize_code(code: &str) -> &str {
    let code = code.rsplit_once('#').map_or(code, |(_, name)| name);
    let code = code.split_once(':').map_or(code, |(name, _)| name);
    code.trim()
}

/// The syntax of an error body.
///
/// ```
/// use awso_core::ErrorParts;
/// use awso_core::service_error::BodyFormat;
///
/// assert_eq!(ErrorParts::json("X", b"{}").format, BodyFormat::Json);
/// assert_eq!(ErrorParts::xml("X", b"<Error/>").format, BodyFormat::Xml);
/// ```
///
/// ```
/// use awso_core::ErrorParts;
/// use awso_core::service_error::BodyFormat;
///
/// assert_eq!(ErrorParts::json("X", b"{}").format, BodyFormat::Json);
/// assert_eq!(ErrorParts::xml("X", b"<Error/>").format, BodyFormat::Xml);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyFormat {
    /// A JSON object (`awsJson1_0`, `awsJson1_1`, `restJson1`).
    Json,
    /// An XML document (restXml, awsQuery, ec2Query), with or without an envelope.
    Xml,
    /// A CBOR map (rpcv2Cbor).
    Cbor,
}

/// What is known of an error response: the code (given by the caller, or found by the
/// protocol in the head or body), the body, and the HTTP details when there are some.
///
/// ```
/// use awso_core::ErrorParts;
///
/// let parts = ErrorParts::json("ns#Throttled", br#"{"message":"slow"}"#)
///     .status(429)
///     .request_id("r-1");
/// assert_eq!(parts.code, "ns#Throttled");
/// assert_eq!(parts.status, Some(429));
/// ```
#[derive(Debug, Clone)]
pub struct ErrorParts<'a> {
    /// The error code, possibly still with a namespace or URI suffix; empty when the response
    /// had none.
    pub code: Cow<'a, str>,
    /// The raw body.
    pub body: &'a [u8],
    /// How the body is written.
    pub format: BodyFormat,
    /// The HTTP status.
    pub status: Option<u16>,
    /// The request id.
    pub request_id: Option<Cow<'a, str>>,
    /// The code to report when it differs from `code`: a query-compatible service's
    /// `x-amzn-query-error` code.
    pub reported_code: Option<&'a str>,
    /// The message the body carries (`message`, `Message` or `errorMessage` in JSON, the
    /// `<Error>` element's `<Message>` in XML), when it has one.
    pub message: Option<String>,
}

/// What every error answer of a service says about itself, whichever error it is: modeled
/// or not, it has a status, a code, usually a message and a request id. A
/// [`ResponseError::Service`](crate::protocol::ResponseError::Service) carries it next to
/// the operation's error value.
///
/// ```
/// use awso_core::ErrorParts;
///
/// let body = br#"{"__type":"aws#NotFound","Message":"no such thing"}"#;
/// let meta = ErrorParts::json("aws#NotFound", body).request_id("r-1").meta(404);
/// assert_eq!(meta.status, 404);
/// assert_eq!(meta.code, "NotFound");
/// assert_eq!(meta.message.as_deref(), Some("no such thing"));
/// assert_eq!(meta.request_id.as_deref(), Some("r-1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorMeta {
    /// The HTTP status.
    pub status: u16,
    /// The code as the service sent it, without namespace or URI suffix (a query-compatible
    /// service's `x-amzn-query-error` code when it sent one; the status as text when the
    /// answer named none, as botocore makes it).
    pub code: String,
    /// The message, when the answer carried one (the status's reason phrase for an answer
    /// without a body).
    pub message: Option<String>,
    /// The request id, from the body or the headers.
    pub request_id: Option<String>,
}

impl<'a> ErrorParts<'a> {
    /// An error with a JSON body.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let err = GetQueueError::from_parts(ErrorParts::json("QueueDoesNotExist", br#"{"Message": "gone"}"#));
    /// assert!(matches!(err, GetQueueError::QueueDoesNotExist(e) if e.message.as_deref() == Some("gone")));
    /// ```
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let err = GetQueueError::from_parts(ErrorParts::json("QueueDoesNotExist", br#"{"Message": "gone"}"#));
    /// assert!(matches!(err, GetQueueError::QueueDoesNotExist(e) if e.message.as_deref() == Some("gone")));
    /// ```
    pub fn json(code: &'a str, body: &'a [u8]) -> Self {
        Self::of_body(BodyFormat::Json, code, body)
    }

    /// An error with an XML body.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// // XML errors are matched by their code, not the shape name.
    /// let body = b"<ErrorResponse><Error><Code>NoSuchQueue</Code><Message>gone</Message></Error></ErrorResponse>";
    /// let err = GetQueueError::from_parts(ErrorParts::xml("NoSuchQueue", body));
    /// assert!(matches!(err, GetQueueError::QueueDoesNotExist(_)));
    /// ```
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// // XML errors are matched by their code, not the shape name.
    /// let body = b"<ErrorResponse><Error><Code>NoSuchQueue</Code><Message>gone</Message></Error></ErrorResponse>";
    /// let err = GetQueueError::from_parts(ErrorParts::xml("NoSuchQueue", body));
    /// assert!(matches!(err, GetQueueError::QueueDoesNotExist(_)));
    /// ```
    pub fn xml(code: &'a str, body: &'a [u8]) -> Self {
        Self::of_body(BodyFormat::Xml, code, body)
    }

    /// An error with a body in `format`, its message read from it.
    fn of_body(format: BodyFormat, code: &'a str, body: &'a [u8]) -> Self {
        Self {
            code: Cow::Borrowed(code),
            body,
            format,
            status: None,
            request_id: None,
            reported_code: None,
            message: ErrorBody::read(format, body).message,
        }
    }

    /// Adds the HTTP status.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let err = GetQueueError::from_parts(ErrorParts::json("Throttled", b"{}").status(429));
    /// assert_eq!(err.as_unknown().and_then(UnknownError::status), Some(429));
    /// ```
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let err = GetQueueError::from_parts(ErrorParts::json("Throttled", b"{}").status(429));
    /// assert_eq!(err.as_unknown().and_then(UnknownError::status), Some(429));
    /// ```
    #[must_use]
    pub fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Adds the request id.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let err = GetQueueError::from_parts(ErrorParts::json("Throttled", b"{}").request_id("req-7"));
    /// assert_eq!(err.as_unknown().and_then(UnknownError::request_id), Some("req-7"));
    /// ```
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let err = GetQueueError::from_parts(ErrorParts::json("Throttled", b"{}").request_id("req-7"));
    /// assert_eq!(err.as_unknown().and_then(UnknownError::request_id), Some("req-7"));
    /// ```
    #[must_use]
    pub fn request_id(mut self, request_id: &'a str) -> Self {
        self.request_id = Some(Cow::Borrowed(request_id));
        self
    }

    /// Adds the code to report instead of the matched one (`x-amzn-query-error`).
    ///
    /// ```
    /// use awso_core::ErrorParts;
    ///
    /// // A query-compatible service reports its old awsQuery code in a header.
    /// let parts = ErrorParts::json("QueueDoesNotExist", b"{}").reported_code("AWS.SimpleQueueService.NonExistentQueue");
    /// assert_eq!(parts.unknown().code(), "AWS.SimpleQueueService.NonExistentQueue");
    /// ```
    ///
    /// ```
    /// use awso_core::ErrorParts;
    ///
    /// // A query-compatible service reports its old awsQuery code in a header.
    /// let parts = ErrorParts::json("QueueDoesNotExist", b"{}").reported_code("AWS.SimpleQueueService.NonExistentQueue");
    /// assert_eq!(parts.unknown().code(), "AWS.SimpleQueueService.NonExistentQueue");
    /// ```
    #[must_use]
    pub fn reported_code(mut self, code: &'a str) -> Self {
        self.reported_code = Some(code);
        self
    }

    /// The index among `errors` of the modeled error this code picks: JSON bodies are
    /// matched by shape name, XML ones by error code (`@awsQueryError` when set).
    ///
    /// ```
    /// use awso_core::ErrorParts;
    /// use awso_core::schema::Schema;
    ///
    /// static ERRORS: [&Schema; 1] = [&Schema::structure("NotFound", &[])];
    /// assert_eq!(ErrorParts::json("aws#NotFound", b"{}").modeled_index(&ERRORS), Some(0));
    /// assert_eq!(ErrorParts::json("Other", b"{}").modeled_index(&ERRORS), None);
    /// ```
    pub fn modeled_index(&self, errors: &[&'static Schema]) -> Option<usize> {
        let code = sanitize_code(&self.code);
        if code.is_empty() {
            return None;
        }
        errors.iter().position(|schema| match self.format {
            BodyFormat::Json | BodyFormat::Cbor => schema.name() == code,
            BodyFormat::Xml => error_code(schema) == code,
        })
    }

    /// The one way an error response is decoded: `read` the modeled error the code picks
    /// (given its index in `errors`); when there is none, or it cannot be read, `unknown`
    /// gets the [`UnknownError`] that keeps everything (with the reason, in the second case).
    ///
    /// ```
    /// use awso_core::ErrorParts;
    /// use awso_core::schema::Schema;
    ///
    /// static ERRORS: [&Schema; 1] = [&Schema::structure("NotFound", &[])];
    /// let parts = ErrorParts::json("Gone", br#"{"message":"bye"}"#);
    /// let decoded = parts.decode(&ERRORS, |index| Ok(format!("modeled {index}")), |unknown| {
    ///     format!("unknown {}: {}", unknown.code(), unknown.message().unwrap_or(""))
    /// });
    /// assert_eq!(decoded, "unknown Gone: bye");
    /// ```
    pub fn decode<T>(
        &self,
        errors: &[&'static Schema],
        read: impl FnOnce(usize) -> Result<T>,
        unknown: impl FnOnce(UnknownError) -> T,
    ) -> T {
        match self.modeled_index(errors).map(read) {
            Some(Ok(modeled)) => modeled,
            Some(Err(e)) => unknown(self.unknown().with_decode_error(&e)),
            None => unknown(self.unknown()),
        }
    }

    /// The message of an answer that says nothing itself, as botocore gives it: the status's
    /// reason phrase for a server error without a body or with an HTML page (a proxy's), and
    /// for an XML error without a body (a HEAD request's 404). A JSON client error without a
    /// body has no message.
    fn status_message(&self) -> Option<String> {
        let status = self.status?;
        let body = self.body.trim_ascii();
        let generic = status >= 500 && (body.is_empty() || body.starts_with(b"<html>"));
        let bodiless_xml = body.is_empty() && self.format == BodyFormat::Xml;
        if !generic && !bodiless_xml {
            return None;
        }
        let status = http::StatusCode::from_u16(status).ok()?;
        status.canonical_reason().map(str::to_owned)
    }

    /// The code to report: the `x-amzn-query-error` code when there is one, else the code
    /// without namespace or URI suffix.
    fn code_to_report(&self) -> &str {
        self.reported_code
            .unwrap_or_else(|| sanitize_code(&self.code))
    }

    /// The message to report: the body's, else the status's reason phrase for an error
    /// without a body.
    fn message_to_report(&self) -> Option<String> {
        self.message.clone().or_else(|| self.status_message())
    }

    /// What this error answer says about itself, whichever error it decodes to; `status` is
    /// the answer's HTTP status.
    ///
    /// ```
    /// use awso_core::ErrorParts;
    ///
    /// let body = br#"{"message":"slow down"}"#;
    /// let meta = ErrorParts::json("aws#ThrottlingException", body).request_id("r-9").meta(400);
    /// assert_eq!((meta.status, meta.code.as_str()), (400, "ThrottlingException"));
    /// assert_eq!(meta.message.as_deref(), Some("slow down"));
    /// assert_eq!(meta.request_id.as_deref(), Some("r-9"));
    /// ```
    pub fn meta(&self, status: u16) -> ErrorMeta {
        ErrorMeta {
            status,
            code: self.code_to_report().to_owned(),
            message: self.message_to_report(),
            request_id: self.request_id.as_deref().map(str::to_owned),
        }
    }

    /// The unknown error that keeps all of this, the message the body carries and the raw
    /// body.
    ///
    /// ```
    /// use awso_core::ErrorParts;
    ///
    /// let unknown = ErrorParts::json("aws#Throttled", br#"{"message": "slow"}"#).status(429).unknown();
    /// assert_eq!((unknown.code(), unknown.message(), unknown.status()), ("Throttled", Some("slow"), Some(429)));
    /// assert_eq!(unknown.body(), br#"{"message": "slow"}"#);
    /// ```
    ///
    /// ```
    /// use awso_core::ErrorParts;
    ///
    /// let unknown = ErrorParts::json("aws#Throttled", br#"{"message": "slow"}"#).status(429).unknown();
    /// assert_eq!((unknown.code(), unknown.message(), unknown.status()), ("Throttled", Some("slow"), Some(429)));
    /// assert_eq!(unknown.body(), br#"{"message": "slow"}"#);
    /// ```
    pub fn unknown(&self) -> UnknownError {
        UnknownError::from_response(
            self.code_to_report(),
            self.message_to_report(),
            self.status,
            self.request_id.as_deref().map(str::to_owned),
            self.body,
        )
    }
}

/// The message keys of JSON error bodies, in the order they are looked up.
const JSON_MESSAGE_KEYS: [&str; 3] = ["message", "Message", "errorMessage"];

/// A message under a key spelled in another case (`MESSAGE`, `ErrorMessage`): services are
/// not consistent, and a message is worth keeping whatever its key's case.
fn message_in_any_case(doc: &Document) -> Option<String> {
    let Document::Object(fields) = doc else {
        return None;
    };
    JSON_MESSAGE_KEYS.iter().find_map(|key| {
        fields
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(key))
            .and_then(|(_, value)| value.as_str())
            .map(str::to_owned)
    })
}

/// What an error body says about itself; each part is `None` when it cannot be found.
#[derive(Debug, Default)]
pub(crate) struct ErrorBody {
    /// The code (unsanitized).
    pub(crate) code: Option<String>,
    /// The message.
    pub(crate) message: Option<String>,
    /// The request id (XML bodies carry one).
    pub(crate) request_id: Option<String>,
}

impl ErrorBody {
    /// Looks into `body`. Never fails: a body that is not what `format` says, or breaks off,
    /// gives what was found before.
    pub(crate) fn read(format: BodyFormat, body: &[u8]) -> Self {
        match format {
            BodyFormat::Json => Self::read_json(body),
            BodyFormat::Xml => Self::read_xml(body),
            BodyFormat::Cbor => Self::read_cbor(body),
        }
    }

    /// A JSON object's `__type` (else `code`) and message.
    fn read_json(body: &[u8]) -> Self {
        Self::from_document(crate::json::from_slice::<Document>(body))
    }

    /// A CBOR map's `__type` (else `code`) and message, as in JSON.
    fn read_cbor(body: &[u8]) -> Self {
        Self::from_document(crate::cbor::from_slice::<Document>(body))
    }

    fn from_document(doc: Result<Document>) -> Self {
        let Ok(doc) = doc else {
            return Self::default();
        };
        let field = |key: &str| doc.get(key).and_then(Document::as_str).map(str::to_owned);
        Self {
            // `__type` first: a `code` beside it is a data member of the error (Firehose's,
            // Lightsail's), which botocore's awsJson parser leaves alone too.
            code: field("__type").or_else(|| field("code")),
            message: JSON_MESSAGE_KEYS
                .iter()
                .find_map(|key| field(key))
                .or_else(|| message_in_any_case(&doc)),
            request_id: None,
        }
    }

    /// `<Code>`, `<Message>` and `<RequestId>` of the `<Error>` element, and the envelope's
    /// request id (`<RequestId>` or ec2's `<RequestID>`).
    fn read_xml(body: &[u8]) -> Self {
        let mut found = Self::default();
        if let Ok(mut de) = XmlDeserializer::from_slice(body) {
            let root = Member::root(Envelope::of(&de).schema());
            // Best effort: what was read before a malformation still counts, so the error
            // itself is of no use here.
            let _ = de.read_struct(&root, &mut found);
        }
        found
    }
}

impl StructBuilder for ErrorBody {
    type Output = Self;

    fn read_member<D: ShapeDeserializer>(
        &mut self,
        member: &'static Member,
        de: &mut D,
    ) -> Result<()> {
        if member.target().kind() == ShapeKind::Structure {
            // The envelope's levels all feed the one set of findings.
            return de.read_struct(member, self);
        }
        let text = de.read_string(member)?;
        let slot = match member.name() {
            "Code" => &mut self.code,
            "Message" => &mut self.message,
            _ => &mut self.request_id,
        };
        // The first one found wins, as it does for a reader going through the document.
        slot.get_or_insert_with(|| text.trim().to_owned());
        Ok(())
    }

    fn build(self) -> Result<Self> {
        Ok(self)
    }
}

/// The element an XML error document opens with, which says where its `<Error>` is.
#[derive(Debug, Clone, Copy)]
enum Envelope {
    /// `<ErrorResponse><Error>..</Error><RequestId>..</RequestId></ErrorResponse>`
    /// (awsQuery, and restXml with its wrapper).
    Query,
    /// `<Response><Errors><Error>..</Error></Errors><RequestID>..</RequestID></Response>`
    /// (ec2Query).
    Ec2,
    /// The root is the error itself (restXml's bare `<Error>`).
    Bare,
}

impl Envelope {
    fn of(de: &XmlDeserializer<'_>) -> Self {
        match de.element_name() {
            Some("ErrorResponse") => Self::Query,
            Some("Response") => Self::Ec2,
            _ => Self::Bare,
        }
    }

    /// The child elements from the root down to the error.
    fn path(self) -> &'static [&'static str] {
        match self {
            Self::Query => &["Error"],
            Self::Ec2 => &["Errors", "Error"],
            Self::Bare => &[],
        }
    }

    /// The schema of what [`ErrorBody`] reads in this envelope.
    fn schema(self) -> &'static Schema {
        match self {
            Self::Query => QUERY_ENVELOPE,
            Self::Ec2 => EC2_ENVELOPE,
            Self::Bare => ERROR,
        }
    }
}

const TEXT: &Schema = &Schema::simple(ShapeKind::String, "String");

const fn text(name: &'static str, index: usize) -> Member {
    Member::new(name, index, SchemaRef::from_static(TEXT))
}

const ERROR_MEMBERS: &[Member] = &[
    text("Code", 0),
    text("Message", 1),
    text("RequestId", 2),
    text("RequestID", 3),
];
const ERROR: &Schema = &Schema::structure("Error", ERROR_MEMBERS);

const QUERY_MEMBERS: &[Member] = &[
    Member::new("Error", 0, SchemaRef::from_static(ERROR)),
    text("RequestId", 1),
];
const QUERY_ENVELOPE: &Schema = &Schema::structure("ErrorResponse", QUERY_MEMBERS);

const EC2_ERRORS_MEMBERS: &[Member] = &[Member::new("Error", 0, SchemaRef::from_static(ERROR))];
const EC2_ERRORS: &Schema = &Schema::structure("Errors", EC2_ERRORS_MEMBERS);
const EC2_MEMBERS: &[Member] = &[
    Member::new("Errors", 0, SchemaRef::from_static(EC2_ERRORS)),
    text("RequestID", 1),
];
const EC2_ENVELOPE: &Schema = &Schema::structure("Response", EC2_MEMBERS);

/// Moves from the root of an XML error document to the error structure: inside
/// `<ErrorResponse><Error>`, `<Response><Errors><Error>`, or the root itself.
///
/// ```
/// use awso_core::service_error::enter_error_element;
/// use awso_core::xml::XmlDeserializer;
///
/// let mut de = XmlDeserializer::new("<Response><Errors><Error><Code>X</Code></Error></Errors></Response>")?;
/// enter_error_element(&mut de)?;
/// assert_eq!(de.element_name(), Some("Error"));
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn enter_error_element(de: &mut XmlDeserializer<'_>) -> Result<()> {
    for name in Envelope::of(de).path() {
        if !de.enter_child(name)? {
            return Err(Error::invalid("error response", "no <Error> element"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml(body: &str) -> ErrorBody {
        ErrorBody::read(BodyFormat::Xml, body.as_bytes())
    }

    #[test]
    fn xml_bodies_give_code_message_and_request_id_in_every_envelope() {
        for body in [
            "<ErrorResponse><Error><Type>Sender</Type><Code>ns#C</Code><Message> m </Message></Error><RequestId>r</RequestId></ErrorResponse>",
            "<Response><Errors><Error><Code>ns#C</Code><Message>m</Message></Error></Errors><RequestID>r</RequestID></Response>",
            "<Error><Code>ns#C</Code><Message>m</Message><RequestId>r</RequestId><HostId>h</HostId></Error>",
        ] {
            let found = xml(body);
            assert_eq!(found.code.as_deref(), Some("ns#C"), "{body}");
            assert_eq!(found.message.as_deref(), Some("m"), "{body}");
            assert_eq!(found.request_id.as_deref(), Some("r"), "{body}");
        }
    }

    #[test]
    fn what_comes_before_a_malformation_still_counts() {
        let found = xml("<ErrorResponse><Error><Code>C</Code><Message>m</Mess");
        assert_eq!(found.code.as_deref(), Some("C"));
        assert_eq!(found.message, None);
        let found = xml("<Error><Code>C</Code><Code>D</Code><Message>m</Message></Error>");
        assert_eq!(
            found.code.as_deref(),
            Some("C"),
            "a repeated code stops the reading"
        );
        assert_eq!(found.message, None);
        for body in ["", "not xml", "<html>502</html>", "\u{feff}"] {
            let found = xml(body);
            assert!(found.code.is_none() && found.message.is_none(), "{body}");
        }
    }

    #[test]
    fn deep_xml_bodies_stop_at_the_depth_limit() {
        let depth = crate::limits::DEFAULT_MAX_DEPTH + 10;
        let body = format!(
            "<Error><Code>C</Code><Detail>{}{}</Detail><Message>m</Message></Error>",
            "<a>".repeat(depth),
            "</a>".repeat(depth)
        );
        let found = xml(&body);
        assert_eq!(found.code.as_deref(), Some("C"));
        assert_eq!(
            found.message, None,
            "reading stops at the over-deep element"
        );
    }

    #[test]
    fn json_bodies_give_type_then_code_and_the_first_message_key() {
        let found = ErrorBody::read(
            BodyFormat::Json,
            br#"{"__type":"T","code":"C","errorMessage":"e","Message":"M"}"#,
        );
        assert_eq!(found.code.as_deref(), Some("T"));
        assert_eq!(found.message.as_deref(), Some("M"));
        let found = ErrorBody::read(BodyFormat::Json, br#"{"code":"C"}"#);
        assert_eq!(found.code.as_deref(), Some("C"));
        let found = ErrorBody::read(BodyFormat::Json, br#"{"__type":"T","message":1}"#);
        assert_eq!(found.code.as_deref(), Some("T"));
        assert_eq!(found.message, None);
    }

    #[test]
    fn an_empty_code_picks_no_modeled_error() {
        static ERRORS: [&Schema; 1] = [&Schema::structure("", &[])];
        assert_eq!(ErrorParts::json("", b"").modeled_index(&ERRORS), None);
        assert_eq!(ErrorParts::xml(" ns# ", b"").modeled_index(&ERRORS), None);
    }
}

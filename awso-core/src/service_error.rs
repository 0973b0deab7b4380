//! Service errors: each operation's errors as a typed enum that never loses an unknown one.
//!
//! An error structure derives [`crate::AwsShape`] with `#[awso(error(...))]`, which
//! also gives it [`ErrorShape`], `Display` and `std::error::Error`. An operation's error enum
//! derives [`AwsError`](derive@crate::AwsError): one tuple variant per modeled error plus
//! `Unknown(UnknownError)`. Decoding picks the variant by error code; any other code, or a
//! body that cannot be read as the modeled structure, becomes `Unknown`, keeping the code,
//! the message (when one can be found), the HTTP status, the request id and the raw body.
//!
//! ```
//! use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
//!
//! #[derive(AwsShape, Debug, PartialEq)]
//! #[awso(error(fault = "client", status = 403))]
//! struct AccessDeniedException {
//!     #[awso(rename = "Message")]
//!     message: String,
//! }
//!
//! #[derive(AwsError, Debug)]
//! enum GetAttachmentError {
//!     AccessDeniedException(AccessDeniedException),
//!     Unknown(UnknownError),
//! }
//!
//! let err = GetAttachmentError::from_json("AccessDeniedException", br#"{"Message":"no"}"#);
//! assert!(matches!(&err, GetAttachmentError::AccessDeniedException(e) if e.message == "no"));
//! assert_eq!(err.to_string(), "AccessDeniedException: no");
//!
//! let err = GetAttachmentError::from_parts(
//!     ErrorParts::json("ns.example#Throttled:http://internal", br#"{"message":"slow down"}"#)
//!         .status(429),
//! );
//! let GetAttachmentError::Unknown(unknown) = &err else { panic!() };
//! assert_eq!(unknown.code(), "Throttled");
//! assert_eq!(unknown.message(), Some("slow down"));
//! assert_eq!(unknown.status(), Some(429));
//! # Ok::<(), awso_core::Error>(())
//! ```

use std::fmt;

use crate::de::ShapeDeserializer;
use crate::error::{Error, Result};
use crate::json::{JsonDeserializer, JsonSerializer};
use crate::partial::write_methods;
use crate::schema::{Member, Schema, SchemaRef};
use crate::ser::{MemberSerializer, ShapeSerializer};
use crate::shape::{AwsShape, AwsStruct, StructBuilder};
use crate::types::Document;
use crate::value::Value;
use crate::view::{MemberView, View};
use crate::xml::XmlDeserializer;

pub use crate::error_response::{
    BodyFormat, ErrorMeta, ErrorParts, enter_error_element, sanitize_code,
};

/// An error structure: a shape with `@error`.
///
/// ```
/// use awso_core::{AwsShape, ErrorShape};
///
/// #[derive(AwsShape, Debug)]
/// #[awso(error(status = 400))]
/// struct ValidationException { #[awso(rename = "Message")] message: String }
///
/// let error = ValidationException { message: "name too long".into() };
/// assert_eq!(error.message(), Some("name too long"));
/// assert_eq!(error.to_string(), "ValidationException: name too long");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an error structure",
    note = "give it #[derive(AwsShape, Debug)] and #[awso(error(...))]"
)]
pub trait ErrorShape: AwsShape + std::error::Error {
    /// The error's message member, if it has one and it is set.
    ///
    /// ```
    /// use awso_core::{AwsShape, ErrorShape};
    ///
    /// #[derive(AwsShape, Debug)]
    /// #[awso(error(status = 409))]
    /// struct Conflict { message: Option<String> }
    ///
    /// assert_eq!(Conflict { message: None }.message(), None);
    /// assert_eq!(Conflict { message: Some("busy".into()) }.message(), Some("busy"));
    /// ```
    fn message(&self) -> Option<&str>;
}

/// The code a service identifies an error shape by: its `@awsQueryError` code when it has
/// one, else its name.
///
/// ```
/// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
/// # #[derive(AwsShape, Debug, PartialEq)]
/// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
/// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
/// # #[derive(AwsError, Debug)]
/// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
/// use awso_core::service_error::error_code;
///
/// #[derive(AwsShape, Debug)]
/// #[awso(error(status = 500))]
/// struct InternalError {}
///
/// assert_eq!(error_code(QueueDoesNotExist::SCHEMA), "NoSuchQueue");
/// assert_eq!(error_code(InternalError::SCHEMA), "InternalError");
/// ```
pub fn error_code(schema: &'static Schema) -> &'static str {
    schema
        .traits()
        .error
        .and_then(|e| e.code)
        .unwrap_or(schema.name())
}

/// An error the operation does not model, or whose body could not be read: everything the
/// response said is kept.
///
/// The raw body ([`body`](Self::body)) is the service's answer as sent: besides the code and
/// message it can hold anything the service chose to echo, such as parts of the request (a
/// resource name, a policy document, a value that failed validation), so it is kept for the
/// caller to inspect but never printed: `Display` shows code, message and status, and `Debug`
/// shows the body's length only.
///
/// ```
/// use awso_core::UnknownError;
///
/// let error = UnknownError::new("Throttling").with_message("slow down");
/// assert_eq!(error.to_string(), "Throttling: slow down");
/// assert!(format!("{error:?}").contains("body: \"0 bytes\""));
/// ```
#[derive(Clone, PartialEq)]
pub struct UnknownError {
    code: String,
    message: Option<String>,
    status: Option<u16>,
    request_id: Option<String>,
    body: Vec<u8>,
    decode_error: Option<String>,
    modeled: Option<Box<ServiceModeled>>,
}

/// The members of an error structure the service models and the operation does not list.
#[derive(Clone)]
struct ServiceModeled {
    schema: &'static Schema,
    value: Value,
}

impl PartialEq for ServiceModeled {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.schema, other.schema) && self.value == other.value
    }
}

impl UnknownError {
    /// An unknown error with `code` and nothing else known.
    ///
    /// ```
    /// use awso_core::UnknownError;
    ///
    /// let error = UnknownError::new("Throttling");
    /// assert_eq!((error.code(), error.message(), error.status()), ("Throttling", None, None));
    /// ```
    pub fn new(code: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: None,
            status: None,
            request_id: None,
            body: Vec::new(),
            decode_error: None,
            modeled: None,
        }
    }

    /// Sets the message.
    ///
    /// ```
    /// use awso_core::UnknownError;
    ///
    /// let error = UnknownError::new("Throttling").with_message("rate exceeded");
    /// assert_eq!(error.message(), Some("rate exceeded"));
    /// ```
    #[must_use]
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// The error code (empty when the response had none).
    ///
    /// ```
    /// use awso_core::ErrorParts;
    ///
    /// assert_eq!(ErrorParts::json("ns.example#Throttled:http://internal", b"{}").unknown().code(), "Throttled");
    /// assert_eq!(ErrorParts::json("", b"").unknown().code(), "");
    /// ```
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message, when the body had one.
    ///
    /// ```
    /// use awso_core::ErrorParts;
    ///
    /// let body = b"<ErrorResponse><Error><Code>Busy</Code><Message>try later</Message></Error></ErrorResponse>";
    /// assert_eq!(ErrorParts::xml("Busy", body).unknown().message(), Some("try later"));
    /// ```
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The HTTP status, when known.
    ///
    /// ```
    /// use awso_core::{ErrorParts, UnknownError};
    ///
    /// assert_eq!(ErrorParts::json("Busy", b"{}").status(503).unknown().status(), Some(503));
    /// assert_eq!(UnknownError::new("Busy").status(), None);
    /// ```
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The request id, when known.
    ///
    /// ```
    /// use awso_core::ErrorParts;
    ///
    /// let unknown = ErrorParts::json("Busy", b"{}").request_id("4f6a-11").unknown();
    /// assert_eq!(unknown.request_id(), Some("4f6a-11"));
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The raw response body: see the type's documentation for what it can contain.
    ///
    /// ```
    /// use awso_core::ErrorParts;
    ///
    /// let body = br#"{"message": "bad policy", "policy": "{...}"}"#;
    /// let unknown = ErrorParts::json("MalformedPolicy", body).unknown();
    /// assert_eq!(unknown.body(), body);
    /// // Kept for the caller, never printed.
    /// assert!(!unknown.to_string().contains("policy\""));
    /// ```
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// Why the body could not be read as the modeled error of this code, when that happened.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// // The code is modeled but the body does not fit: the reason is kept.
    /// let err = GetQueueError::from_json("QueueDoesNotExist", br#"{"Message": 5}"#);
    /// let unknown = err.as_unknown().unwrap();
    /// assert!(unknown.decode_error().is_some());
    /// assert_eq!(UnknownError::new("X").decode_error(), None);
    /// ```
    pub fn decode_error(&self) -> Option<&str> {
        self.decode_error.as_deref()
    }

    pub(crate) fn from_response(
        code: &str,
        message: Option<String>,
        status: Option<u16>,
        request_id: Option<String>,
        body: &[u8],
    ) -> Self {
        Self {
            code: code.to_owned(),
            message,
            status,
            request_id,
            body: body.to_vec(),
            decode_error: None,
            modeled: None,
        }
    }

    /// The error structure the code names and its members, when the service models it but
    /// the operation does not list it (botocore reads such an answer as that structure too;
    /// see [`ServiceSchema::with_errors`](crate::protocol::ServiceSchema::with_errors)).
    ///
    /// ```
    /// use awso_core::{UnknownError, Value};
    /// use awso_core::schema::Schema;
    ///
    /// static LIMIT: Schema = Schema::structure("LimitExceeded", &[]);
    /// let unknown = UnknownError::new("LimitExceeded").with_modeled(&LIMIT, Value::Structure(Vec::new()));
    /// assert_eq!(unknown.modeled().map(|(schema, _)| schema.name()), Some("LimitExceeded"));
    /// assert!(UnknownError::new("Other").modeled().is_none());
    /// ```
    pub fn modeled(&self) -> Option<(&'static Schema, &Value)> {
        self.modeled.as_ref().map(|m| (m.schema, &m.value))
    }

    /// Records the error structure the code names and its members: see
    /// [`modeled`](Self::modeled).
    ///
    /// ```
    /// use awso_core::{UnknownError, Value};
    /// use awso_core::schema::Schema;
    ///
    /// static LIMIT: Schema = Schema::structure("LimitExceeded", &[]);
    /// let members = Value::Structure(Vec::new());
    /// let unknown = UnknownError::new("LimitExceeded").with_modeled(&LIMIT, members.clone());
    /// assert_eq!(unknown.modeled().map(|(_, value)| value), Some(&members));
    /// ```
    #[must_use]
    pub fn with_modeled(mut self, schema: &'static Schema, value: Value) -> Self {
        self.modeled = Some(Box::new(ServiceModeled { schema, value }));
        self
    }

    /// Records why the body could not be read as the modeled error of this code.
    ///
    /// ```
    /// use awso_core::{Error, UnknownError};
    ///
    /// let unknown = UnknownError::new("Busy").with_decode_error(&Error::eof("an object"));
    /// assert!(unknown.decode_error().unwrap().contains("an object"));
    /// ```
    #[must_use]
    pub fn with_decode_error(mut self, error: &Error) -> Self {
        self.decode_error = Some(error.to_string());
        self
    }
}

impl fmt::Debug for UnknownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnknownError")
            .field("code", &self.code)
            .field("message", &self.message)
            .field("status", &self.status)
            .field("request_id", &self.request_id)
            .field("body", &format_args!("\"{} bytes\"", self.body.len()))
            .field("decode_error", &self.decode_error)
            // The members may be sensitive: the structure's name only.
            .field("modeled", &self.modeled.as_ref().map(|m| m.schema.name()))
            .finish()
    }
}

impl fmt::Display for UnknownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.code.is_empty() {
            "unknown error"
        } else {
            &self.code
        })?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(status) = self.status {
            write!(f, " (HTTP {status})")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownError {}

/// An operation's error enum. See the [module documentation](self); derive it with
/// `#[derive(AwsError)]`.
///
/// ```
/// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
/// # #[derive(AwsShape, Debug, PartialEq)]
/// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
/// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
/// # #[derive(AwsError, Debug)]
/// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
/// let err = GetQueueError::from_json("QueueDoesNotExist", br#"{"Message": "gone"}"#);
/// assert_eq!((err.code(), err.message()), ("NoSuchQueue", Some("gone")));
/// let other = GetQueueError::from_json("Throttled", b"{}");
/// assert_eq!(other.as_unknown().map(UnknownError::code), Some("Throttled"));
/// ```
pub trait AwsError: Sized {
    /// The schemas of the modeled error structures, in variant order.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// assert_eq!(GetQueueError::ERRORS.len(), 1);
    /// assert_eq!(GetQueueError::ERRORS[0].name(), "QueueDoesNotExist");
    /// ```
    const ERRORS: &'static [&'static Schema];

    /// Reads modeled error number `index` with `reader` (from a body alone, or from an HTTP
    /// response's headers and body).
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// use awso_core::service_error::ErrorReader;
    ///
    /// /// Reads an error structure from a JSON body.
    /// struct Body(&'static str);
    /// impl ErrorReader for Body {
    ///     fn read<T: awso_core::AwsStruct>(self, _: &'static awso_core::Schema) -> awso_core::Result<T> {
    ///         awso_core::json::from_str(self.0)
    ///     }
    /// }
    /// let err = GetQueueError::read_modeled(0, Body(r#"{"Message": "gone"}"#))?;
    /// assert!(matches!(err, GetQueueError::QueueDoesNotExist(_)));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_modeled<R: ErrorReader>(index: usize, reader: R) -> Result<Self>;

    /// Writes the modeled error's structure; `Ok(false)` for the unknown variant.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let mut ser = awso_core::json::JsonSerializer::new();
    /// let err = GetQueueError::QueueDoesNotExist(QueueDoesNotExist { message: Some("gone".into()) });
    /// assert!(err.write_modeled(&mut ser)?);
    /// assert_eq!(ser.finish(), r#"{"Message":"gone"}"#);
    /// let mut ser = awso_core::json::JsonSerializer::new();
    /// assert!(!GetQueueError::unknown(UnknownError::new("X")).write_modeled(&mut ser)?);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn write_modeled<S: ShapeSerializer>(&self, ser: &mut S) -> Result<bool>;

    /// Wraps an unknown error.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let err = GetQueueError::unknown(UnknownError::new("Throttled"));
    /// assert!(matches!(err, GetQueueError::Unknown(_)));
    /// ```
    fn unknown(error: UnknownError) -> Self;

    /// The unknown error, when this is one.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// assert!(GetQueueError::from_json("Throttled", b"{}").as_unknown().is_some());
    /// assert!(GetQueueError::from_json("QueueDoesNotExist", b"{}").as_unknown().is_none());
    /// ```
    fn as_unknown(&self) -> Option<&UnknownError>;

    /// The schema of the modeled error this is; `None` for the unknown variant.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let err = GetQueueError::from_json("QueueDoesNotExist", b"{}");
    /// assert_eq!(err.modeled_schema().map(|s| s.name()), Some("QueueDoesNotExist"));
    /// assert!(GetQueueError::from_json("Other", b"{}").modeled_schema().is_none());
    /// ```
    fn modeled_schema(&self) -> Option<&'static Schema>;

    /// The error's message, when it has one.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// assert_eq!(GetQueueError::from_json("Throttled", br#"{"message": "slow"}"#).message(), Some("slow"));
    /// ```
    fn message(&self) -> Option<&str>;

    /// The error code.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// assert_eq!(GetQueueError::from_json("QueueDoesNotExist", b"{}").code(), "NoSuchQueue");
    /// assert_eq!(GetQueueError::from_json("aws#Throttled", b"{}").code(), "Throttled");
    /// ```
    fn code(&self) -> &str {
        match (self.modeled_schema(), self.as_unknown()) {
            (Some(schema), _) => error_code(schema),
            (None, Some(unknown)) => unknown.code(),
            (None, None) => "",
        }
    }

    /// Decodes an error with a JSON body (`error_of_json` in awso).
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let err = GetQueueError::from_json("com.amazonaws.sqs#QueueDoesNotExist", br#"{"Message": "gone"}"#);
    /// let GetQueueError::QueueDoesNotExist(error) = err else { panic!("{err:?}") };
    /// assert_eq!(error, QueueDoesNotExist { message: Some("gone".into()) });
    /// ```
    fn from_json(code: &str, body: &[u8]) -> Self {
        Self::from_parts(ErrorParts::json(code, body))
    }

    /// Decodes an error with an XML body, enveloped or not (`error_of_xml` in awso).
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let body = b"<Error><Code>NoSuchQueue</Code><Message>gone</Message></Error>";
    /// assert!(matches!(GetQueueError::from_xml("NoSuchQueue", body), GetQueueError::QueueDoesNotExist(_)));
    /// ```
    fn from_xml(code: &str, body: &[u8]) -> Self {
        Self::from_parts(ErrorParts::xml(code, body))
    }

    /// Decodes an error. JSON bodies are matched to modeled errors by shape name, XML ones by
    /// their error code (`@awsQueryError` when set); codes are sanitized first. Never fails:
    /// anything that does not decode into a modeled error is kept as the unknown variant.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let err = GetQueueError::from_parts(ErrorParts::json("Throttled", b"not json").status(429));
    /// let unknown = err.as_unknown().unwrap();
    /// assert_eq!((unknown.code(), unknown.status(), unknown.body()), ("Throttled", Some(429), &b"not json"[..]));
    /// ```
    fn from_parts(parts: ErrorParts<'_>) -> Self {
        let reader = BodyReader {
            format: parts.format,
            body: parts.body,
        };
        parts.decode(
            Self::ERRORS,
            |index| Self::read_modeled(index, reader),
            Self::unknown,
        )
    }

    /// Encodes the error as a JSON object with its code in `__type` (`error_to_json` in
    /// awso). An unknown error whose body was a JSON object gives that body back.
    ///
    /// ```
    /// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
    /// # #[derive(AwsShape, Debug, PartialEq)]
    /// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
    /// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// let err = GetQueueError::QueueDoesNotExist(QueueDoesNotExist { message: Some("gone".into()) });
    /// assert_eq!(err.to_json()?, r#"{"__type":"NoSuchQueue","Message":"gone"}"#); // its code
    /// assert_eq!(GetQueueError::from_json("X", br#"{"a":1}"#).to_json()?, r#"{"a":1}"#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn to_json(&self) -> Result<String> {
        let mut ser = JsonSerializer::new();
        let mut tagged = TypeTagged {
            json: &mut ser,
            code: self.code(),
        };
        if self.write_modeled(&mut tagged)? {
            return Ok(ser.finish());
        }
        let unknown = self.as_unknown();
        if let Some(body) = unknown.map(UnknownError::body) {
            if crate::json::from_slice::<Document>(body)
                .is_ok_and(|d| matches!(d, Document::Object(_)))
            {
                return String::from_utf8(body.to_vec()).map_err(Error::custom);
            }
        }
        let mut out = String::from("{\"__type\":");
        crate::json::write_string(&mut out, self.code());
        if let Some(message) = self.message() {
            out.push_str(",\"message\":");
            crate::json::write_string(&mut out, message);
        }
        out.push('}');
        Ok(out)
    }
}

/// The member an awsJson error body opens with: the error's code.
static TYPE_MEMBER: Member = Member::new("__type", 0, SchemaRef::of::<String>());

/// Writes a modeled error's structure as an awsJson error body: `__type` first, then its
/// members. An error is always a structure, so nothing else is taken.
struct TypeTagged<'s> {
    json: &'s mut JsonSerializer,
    code: &'s str,
}

impl ShapeSerializer for TypeTagged<'_> {
    fn write_struct<T: AwsStruct>(&mut self, member: &Member, value: &T) -> Result<()> {
        let view = View::new(value, TypeTag(self.code.to_owned()));
        self.json.write_struct(member, &view)
    }

    write_methods!(refuse(what => Error::unsupported(format!("an error is a structure, not {what}"));
        write_list, write_map, write_document, write_null, write_boolean,
        write_integer, write_long, write_float, write_double, write_big_integer,
        write_big_decimal, write_string, write_blob, write_timestamp));
}

/// The view of an error structure with its code in front.
struct TypeTag(String);

impl MemberView for TypeTag {
    fn members<T: AwsStruct, S: MemberSerializer>(
        &self,
        value: &T,
        schema: &'static Schema,
        ser: &mut S,
    ) -> Result<()> {
        ser.member(&TYPE_MEMBER, &self.0)?;
        value.serialize_members(schema, ser)
    }
}

/// Reads a modeled error structure: the counterpart of the structures in an HTTP response,
/// for codecs and protocols to hand to [`AwsError::read_modeled`].
///
/// ```
/// # use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};
/// # #[derive(AwsShape, Debug, PartialEq)]
/// # #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
/// # struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
/// # #[derive(AwsError, Debug)]
/// # enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
/// use awso_core::service_error::ErrorReader;
///
/// /// Reads error structures from the `Value` tree.
/// struct FromValue(awso_core::Value);
/// impl ErrorReader for FromValue {
///     fn read<T: awso_core::AwsStruct>(self, _: &'static awso_core::Schema) -> awso_core::Result<T> {
///         awso_core::from_value(&self.0)
///     }
/// }
/// let tree = awso_core::to_value(&QueueDoesNotExist { message: Some("gone".into()) })?;
/// assert!(matches!(GetQueueError::read_modeled(0, FromValue(tree))?, GetQueueError::QueueDoesNotExist(_)));
/// # Ok::<(), awso_core::Error>(())
/// ```
pub trait ErrorReader {
    /// Reads a `T` of `schema`.
    ///
    /// ```
    /// use awso_core::schema::{Member, Schema, SchemaRef};
    /// use awso_core::service_error::ErrorReader;
    /// use awso_core::Value;
    ///
    /// /// Reads a structure of `schema` from a JSON body.
    /// struct Json(&'static [u8]);
    /// impl ErrorReader for Json {
    ///     fn read<T: awso_core::AwsStruct>(self, schema: &'static Schema) -> awso_core::Result<T> {
    ///         awso_core::json::JsonDeserializer::from_slice(self.0)?.deserialize_at(&Member::root(schema))
    ///     }
    /// }
    /// static LIMIT: Schema = Schema::structure("LimitExceeded", &[Member::new("max", 0, SchemaRef::of::<i32>())]);
    /// let value: Value = Json(br#"{"max": 10}"#).read(&LIMIT)?;
    /// assert_eq!(value.get("max"), Some(&Value::Integer(10)));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read<T: AwsStruct>(self, schema: &'static Schema) -> Result<T>;
}

/// Reads an error structure from a body alone.
struct BodyReader<'a> {
    format: BodyFormat,
    body: &'a [u8],
}

impl ErrorReader for BodyReader<'_> {
    fn read<T: AwsStruct>(self, schema: &'static Schema) -> Result<T> {
        let mut builder = T::builder(schema);
        // A modeled error without a body (a 404 with only a header code) has no members.
        if !self.body.trim_ascii().is_empty() {
            let root = crate::schema::Member::root(schema);
            match self.format {
                BodyFormat::Json => {
                    let mut de = JsonDeserializer::from_slice(self.body)?;
                    de.read_struct(&root, &mut builder)?;
                    de.end()?;
                }
                BodyFormat::Xml => {
                    let mut de = XmlDeserializer::from_slice(self.body)?;
                    enter_error_element(&mut de)?;
                    de.read_struct(&root, &mut builder)?;
                }
                BodyFormat::Cbor => {
                    let mut de = crate::cbor::CborDeserializer::new(self.body);
                    de.read_struct(&root, &mut builder)?;
                    de.end()?;
                }
            }
        }
        builder.build()
    }
}

//! The Amazon Connect Participant Service, described with `#[derive(AwsShape)]`: the reference
//! user of awso.
//!
//! This first cut holds the GetAttachment operation's shapes and errors, annotated by hand;
//! the whole service is generated from its botocore model by `awso-codegen`.
//!
//! ```
//! use awso_connectparticipant::{GetAttachmentError, GetAttachmentResponse};
//! use awso_core::AwsError;
//!
//! let response: GetAttachmentResponse = awso_core::json::from_str(
//!     r#"{"Url":"https://example.com/file","AttachmentSizeInBytes":2048}"#,
//! )?;
//! assert_eq!(response.attachment_size_in_bytes, 2048);
//!
//! let error = GetAttachmentError::from_json("ThrottlingException", br#"{"Message":"slow down"}"#);
//! assert_eq!(error.to_string(), "ThrottlingException: slow down");
//! # Ok::<(), awso_core::Error>(())
//! ```

use awso_core::{AwsError, AwsShape, UnknownError};

/// Input of GetAttachment: which attachment, and for how long its download URL stays valid.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
pub struct GetAttachmentRequest {
    /// The attachment's id.
    pub attachment_id: String,
    /// The participant's connection token, sent in the `X-Amz-Bearer` header.
    #[awso(http_header = "X-Amz-Bearer")]
    pub connection_token: String,
    /// Seconds until the download URL expires.
    pub url_expiry_in_seconds: Option<i32>,
}

/// Output of GetAttachment: a pre-signed download URL and the attachment's size.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
pub struct GetAttachmentResponse {
    /// Where to download the attachment.
    pub url: Option<String>,
    /// When the URL stops working (an ISO 8601 text, as the service sends it).
    pub url_expiry: Option<String>,
    /// The attachment's size.
    pub attachment_size_in_bytes: i64,
}

/// The caller may not do this.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(error(fault = "client", status = 403))]
pub struct AccessDeniedException {
    /// What went wrong.
    #[awso(rename = "Message")]
    pub message: String,
}

/// The service failed.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(error(fault = "server", status = 500))]
pub struct InternalServerException {
    /// What went wrong.
    #[awso(rename = "Message")]
    pub message: String,
}

/// Too many requests.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(error(fault = "client", status = 429))]
pub struct ThrottlingException {
    /// What went wrong.
    #[awso(rename = "Message")]
    pub message: String,
}

/// The input broke a constraint.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(error(fault = "client", status = 400))]
pub struct ValidationException {
    /// Which constraint.
    #[awso(rename = "Message")]
    pub message: String,
}

/// The errors GetAttachment answers with.
#[derive(AwsError, Debug)]
pub enum GetAttachmentError {
    /// See [`AccessDeniedException`].
    AccessDeniedException(AccessDeniedException),
    /// See [`InternalServerException`].
    InternalServerException(InternalServerException),
    /// See [`ThrottlingException`].
    ThrottlingException(ThrottlingException),
    /// See [`ValidationException`].
    ValidationException(ValidationException),
    /// Any error this operation does not model.
    Unknown(UnknownError),
}

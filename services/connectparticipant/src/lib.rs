//! The Amazon Connect Participant Service, described with `#[derive(AwsShape)]`: the reference
//! user of awso.
//!
//! Every shape, operation and error of the service, generated from its botocore model by
//! `awso-codegen` into `src/model.rs` and committed. Structures, unions and enums are Rust
//! types; simple shapes are the Rust types they stand for (`String`, `i64`, ...). Each
//! operation is a unit struct implementing [`awso_core::protocol::Operation`], with an error
//! enum that keeps any error it does not model.
//!
//! ```
//! use awso_connectparticipant::{GetAttachment, GetAttachmentError, GetAttachmentRequest};
//! use awso_core::AwsError;
//! use awso_core::protocol::{self, Endpoint};
//!
//! let endpoint = Endpoint::parse("https://participant.connect.us-east-1.amazonaws.com")?;
//! let input = GetAttachmentRequest {
//!     attachment_id: "att-1".into(),
//!     connection_token: "token".into(),
//!     url_expiry_in_seconds: Some(60),
//! };
//! let request = protocol::request::<GetAttachment>(&input, &endpoint)?;
//! assert_eq!(request.uri().path(), "/participant/attachment");
//! assert_eq!(request.headers()["x-amz-bearer"], "token");
//! assert_eq!(request.body(), br#"{"AttachmentId":"att-1","UrlExpiryInSeconds":60}"#);
//!
//! let error = GetAttachmentError::from_json("ThrottlingException", br#"{"Message":"slow down"}"#);
//! assert_eq!(error.to_string(), "ThrottlingException: slow down");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Regenerate the model with
//! `cargo run -p awso-codegen -- connectparticipant --client -o services/connectparticipant/src/model.rs`;
//! a test fails when the committed file differs from what the installed botocore model gives.

#![forbid(unsafe_code)]

// The generated module is formatted by rustfmt when it is written.
mod model;

pub use model::*;

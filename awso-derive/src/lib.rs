//! Derive macros for [awso](https://docs.rs/awso-core): `#[derive(AwsShape)]` and
//! `#[derive(AwsError)]`. Use them through `awso-core`, which re-exports them and documents
//! every attribute.
//!
//! The crate follows the usual shape of derive crates: `ast` is the macro's own view of the
//! input, `attr` parses every `#[awso(...)]` key into typed slots (which keys exist, where
//! each is allowed and how it is written is one table, `attr::keys`), `check` applies the rules
//! that span several attributes, and `expand` generates code without ever reading a raw
//! attribute. Mistakes are collected in a `ctxt::Ctxt` and reported together, each at its own
//! span, and the impls are still emitted so no cascade of follow-on errors appears.
//!
//! Both derives at work, used through `awso-core`'s re-exports:
//!
//! ```
//! use awso_core::{AwsError, AwsShape, UnknownError};
//!
//! #[derive(AwsShape, Debug, PartialEq)]
//! #[awso(rename_all = "PascalCase")]
//! struct SendMessageRequest { content: String, client_token: Option<String> }
//!
//! #[derive(AwsShape, Debug)]
//! #[awso(error(status = 403))]
//! struct AccessDeniedException { message: Option<String> }
//!
//! #[derive(AwsError, Debug)]
//! enum SendMessageError { AccessDeniedException(AccessDeniedException), Unknown(UnknownError) }
//!
//! let request = SendMessageRequest { content: "hi".into(), client_token: None };
//! assert_eq!(awso_core::json::to_string(&request)?, r#"{"Content":"hi"}"#);
//! let err = SendMessageError::from_json("AccessDeniedException", br#"{"message":"no"}"#);
//! assert!(matches!(err, SendMessageError::AccessDeniedException(_)));
//! # Ok::<(), awso_core::Error>(())
//! ```

#![forbid(unsafe_code)]

mod ast;
mod attr;
mod case;
mod check;
mod check_error;
mod ctxt;
mod expand;
mod ty;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `awso_core::AwsShape` (and `AwsStruct` for structures and unions).
///
/// Every `#[awso(...)]` key, and the table of which Rust type stands for which shape, are in
/// the attributes guide: [`awso_core::attributes`](https://docs.rs/awso-core/latest/awso_core/attributes/index.html)
/// (`cargo doc -p awso-core --open`, then `attributes`).
///
/// The derive gives the type a static schema and every codec of awso-core:
///
/// ```
/// use awso_core::AwsShape;
///
/// #[derive(AwsShape, Debug, PartialEq)]
/// struct Attachment {
///     #[awso(rename = "AttachmentId")]
///     id: String,
///     #[awso(rename = "Size")]
///     size: Option<i64>,
/// }
///
/// assert_eq!(Attachment::SCHEMA.name(), "Attachment");
/// assert_eq!(Attachment::SCHEMA.members().len(), 2);
/// let attachment = Attachment { id: "a-1".into(), size: Some(3) };
/// let json = awso_core::json::to_string(&attachment)?;
/// assert_eq!(json, r#"{"AttachmentId":"a-1","Size":3}"#);
/// assert_eq!(awso_core::json::from_str::<Attachment>(&json)?, attachment);
/// let xml = awso_core::xml::to_string(&attachment)?;
/// assert_eq!(awso_core::xml::from_str::<Attachment>(&xml)?, attachment);
/// # Ok::<(), awso_core::Error>(())
/// ```
#[proc_macro_derive(AwsShape, attributes(awso))]
pub fn derive_aws_shape(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::shape(&input).into()
}

/// Derives `awso_core::AwsError` for an operation's error enum.
///
/// Each variant but the last holds one error structure (derived with `#[awso(error(...))]`);
/// the last holds `UnknownError` and catches every code the model does not list:
///
/// ```
/// use awso_core::{AwsError, AwsShape, UnknownError};
///
/// #[derive(AwsShape, Debug)]
/// #[awso(error(fault = "client", status = 404, code = "NoSuchQueue"))]
/// struct QueueDoesNotExist { #[awso(rename = "Message")] message: Option<String> }
///
/// #[derive(AwsError, Debug)]
/// enum GetQueueError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
///
/// assert_eq!(GetQueueError::ERRORS[0].name(), "QueueDoesNotExist");
/// let modeled = GetQueueError::from_json("QueueDoesNotExist", br#"{"Message":"gone"}"#);
/// assert!(matches!(modeled, GetQueueError::QueueDoesNotExist(_)));
/// assert_eq!(modeled.message(), Some("gone"));
/// let other = GetQueueError::from_json("InternalFailure", b"{}");
/// assert_eq!(other.code(), "InternalFailure");
/// assert!(other.as_unknown().is_some());
/// ```
#[proc_macro_derive(AwsError, attributes(awso))]
pub fn derive_aws_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::error_enum(&input).into()
}

//! # awso-core
//!
//! The runtime of awso: describe AWS API shapes as plain Rust types, add
//! `#[derive(AwsShape)]`, and get every wire codec AWS speaks from one static schema per type.
//!
//! ```
//! use awso_core::AwsShape;
//!
//! #[derive(AwsShape, Debug, PartialEq)]
//! #[awso(rename_all = "PascalCase")]
//! struct GetAttachmentResponse {
//!     url: Option<String>,
//!     url_expiry: Option<String>,
//!     attachment_size_in_bytes: Option<i64>,
//! }
//!
//! let response = GetAttachmentResponse {
//!     url: Some("https://example.com/a".into()),
//!     url_expiry: Some("2019-11-08T02:41:28.172Z".into()),
//!     attachment_size_in_bytes: Some(1024),
//! };
//! let json = awso_core::json::to_string(&response)?;
//! let xml = awso_core::xml::to_string(&response)?;
//! assert_eq!(awso_core::json::from_str::<GetAttachmentResponse>(&json)?, response);
//! assert_eq!(awso_core::xml::from_str::<GetAttachmentResponse>(&xml)?, response);
//! assert_eq!(
//!     awso_core::to_value(&response)?.get("AttachmentSizeInBytes"),
//!     Some(&awso_core::Value::Long(1024))
//! );
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! ## How it fits together
//!
//! - [`schema`]: the static description of a shape ([`Schema`], [`Member`], traits).
//! - [`AwsShape`] / [`AwsStruct`]: what a type implements (the derive writes it); they hand
//!   values to a [`ShapeSerializer`] and build them from a [`ShapeDeserializer`].
//! - Codecs implement those two traits, reading every wire rule from the schema: [`value`],
//!   [`json`], [`xml`], [`query`].
//! - [`build`]: builders for structures (`#[awso(builder)]`) and the error naming every
//!   required member left unset.
//! - [`redact`]: sensitive members kept out of `Debug` output (`#[awso(debug)]`).
//! - [`service_error`]: operation error enums ([`AwsError`]) that never lose an unknown error.
//!
//! The derive attributes are documented in [`attributes`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]

// Lets derived code inside this crate (tests, docs) name `::awso_core`.
#[allow(unused_extern_crates)]
extern crate self as awso_core;

pub mod attributes;
pub mod build;
pub mod cbor;
pub mod de;
pub mod dynamic;
pub mod error;
mod error_response;
mod impls;
pub mod json;
pub mod limits;
mod names;
mod number;
pub mod params;
mod partial;
pub mod protocol;
pub mod query;
pub mod redact;
mod scan;
pub mod schema;
pub mod ser;
#[cfg(feature = "serde")]
pub mod serde;
pub mod service_error;
mod shape;
mod text;
pub mod types;
mod utf8;
pub mod value;
mod view;
pub mod xml;

pub use de::ShapeDeserializer;
pub use error::{Error, Result};
pub use schema::{Member, Schema};
pub use ser::{MemberSerializer, ShapeSerializer};
pub use service_error::{AwsError, ErrorMeta, ErrorParts, ErrorShape, UnknownError};
pub use shape::{AwsEnum, AwsIntEnum, AwsShape, AwsStruct, MapKey, StructBuilder};
pub use types::{BigDecimal, BigInteger, Blob, Document, Timestamp};
pub use value::{Value, from_value, to_value};

/// The derives. Their `#[awso(...)]` keys and the table of which Rust type stands for which
/// shape are in [the attributes guide](crate::attributes).
///
/// ```
/// use awso_core::{AwsError, AwsShape, UnknownError};
///
/// #[derive(AwsShape, Debug, PartialEq)]
/// #[awso(rename_all = "PascalCase")]
/// struct Message { content: String, sent_at: Option<i64> }
///
/// #[derive(AwsShape, Debug)]
/// #[awso(error(status = 429))]
/// struct Throttled { message: Option<String> }
///
/// #[derive(AwsError, Debug)]
/// enum SendError { Throttled(Throttled), Unknown(UnknownError) }
///
/// let message = Message { content: "hi".into(), sent_at: None };
/// assert_eq!(awso_core::json::to_string(&message)?, r#"{"Content":"hi"}"#);
/// assert_eq!(awso_core::xml::from_str::<Message>("<Message><Content>hi</Content></Message>")?, message);
/// let err = SendError::from_json("Throttled", br#"{"message": "slow down"}"#);
/// assert_eq!(err.to_string(), "Throttled: slow down");
/// # Ok::<(), awso_core::Error>(())
/// ```
#[cfg(feature = "derive")]
pub use awso_derive::{AwsError, AwsShape};

/// Without the `serde` feature, the derive's serde impls expand to nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __awso_serde_impls {
    ($($impls:tt)*) => {};
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// What derived code refers to. Not public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::value::zero_or_default;
    pub use core::marker::PhantomData;
    pub use core::option::Option::{self, None, Some};
    pub use core::result::Result::{self, Err, Ok};
    pub use std::boxed::Box;
    pub use std::string::String;
    pub use std::vec::Vec;

    /// The derive's serde impls go through this: it keeps them with the `serde` feature of
    /// awso-core and drops them without it.
    pub use crate::__awso_serde_impls as serde_impls;
    #[cfg(feature = "serde")]
    pub use ::serde;

    /// `Debug` of a derived builder: which members are set, by model name, never their
    /// values.
    pub fn fmt_builder(
        f: &mut core::fmt::Formatter<'_>,
        builder: &str,
        schema: &'static crate::Schema,
        present: &[bool],
    ) -> core::fmt::Result {
        crate::build::fmt_builder(f, builder, schema, present)
    }

    /// The error for a union that did not get exactly one member.
    pub fn union_count_error(found: usize) -> crate::Error {
        crate::value::union_count_error(found)
    }

    /// The builder the derive's fallback impls name when the attributes are wrong (the code
    /// does not compile then; this only keeps follow-on errors away).
    pub struct FallbackBuilder<T>(pub core::marker::PhantomData<T>);

    impl<T> crate::StructBuilder for FallbackBuilder<T> {
        type Output = T;

        fn read_member<D: crate::ShapeDeserializer>(
            &mut self,
            member: &'static crate::Member,
            _: &mut D,
        ) -> crate::Result<()> {
            Err(member_not_in_schema(member))
        }

        fn build(self) -> crate::Result<T> {
            Err(crate::Error::unsupported("this type's derive failed"))
        }
    }

    /// The error for a member index that is not in the schema the builder was made for.
    pub fn member_not_in_schema(member: &crate::Member) -> crate::Error {
        crate::shape::member_not_in_schema(member)
    }

    /// The item type of a list: lets `member(...)` override the traits of a list's items.
    #[diagnostic::on_unimplemented(
        message = "`member(...)` describes the items of a list, and `{Self}` is not a list"
    )]
    pub trait ListShape {
        /// The item type.
        type Item: crate::AwsShape;
    }

    impl<T: crate::AwsShape> ListShape for Vec<T> {
        type Item = T;
    }

    /// The key and value types of a map: lets `key(...)` and `value(...)` override their traits.
    #[diagnostic::on_unimplemented(
        message = "`key(...)` and `value(...)` describe the entries of a map, and `{Self}` is not a map"
    )]
    pub trait MapShape {
        /// The key type.
        type Key: crate::AwsShape;
        /// The value type.
        type Value: crate::AwsShape;
    }

    impl<K: crate::MapKey + Ord, V: crate::AwsShape> MapShape for std::collections::BTreeMap<K, V> {
        type Key = K;
        type Value = V;
    }

    impl<K, V, H> MapShape for std::collections::HashMap<K, V, H>
    where
        K: crate::MapKey + Eq + std::hash::Hash,
        V: crate::AwsShape,
        H: std::hash::BuildHasher + Default,
    {
        type Key = K;
        type Value = V;
    }

    impl<K, V, H> MapShape for indexmap::IndexMap<K, V, H>
    where
        K: crate::MapKey + Eq + std::hash::Hash,
        V: crate::AwsShape,
        H: std::hash::BuildHasher + Default,
    {
        type Key = K;
        type Value = V;
    }
}

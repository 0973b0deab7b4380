//! serde support (the `serde` feature): `Serialize` and `Deserialize` for every shape,
//! through its schema.
//!
//! With the feature on, `#[derive(AwsShape)]` also implements `serde::Serialize` and
//! `serde::Deserialize` (the feature is awso-core's: a crate using the derive needs no
//! feature of its own). Each impl is one call to [`serialize`] or [`deserialize`]; those
//! two are generic over [`AwsShape`], so they also serve types that implement the trait by
//! hand, as `#[serde(with = "awso_core::serde")]` on a field of a serde-derived type.
//!
//! Values go through the schema, the same way every codec does: a value is turned into its
//! [`Value`](crate::Value) tree and handed to the serde serializer; reading, the schema says
//! what each serde value must be, builds the tree, and the type is built from it. The mapping:
//!
//! | shape | serde data |
//! |---|---|
//! | structure | a map keyed by member **model names** (`"AttachmentSizeInBytes"`, never `jsonName` or `xmlName`); absent optional members left out; on reading, unknown keys are skipped and `null` counts as absent |
//! | union | a map with one entry, the member's model name (externally tagged); an unknown member is written as `name: null` and read back as the unknown variant |
//! | list, map | a sequence, a map with string keys; a null item or value of a sparse collection is `none` |
//! | string, enum | a string; an unknown enum value is kept as its string |
//! | intEnum, byte, short, integer, long | an integer (an unknown intEnum value is kept as its number) |
//! | float, double | a number; in human-readable formats NaN and infinities are the strings `"NaN"`, `"Infinity"`, `"-Infinity"` (JSON has no such numbers) |
//! | bigInteger, bigDecimal | their decimal text, as a string (exact in every format) |
//! | blob | a base64 string in human-readable formats (JSON, YAML, TOML); bytes otherwise |
//! | timestamp | an RFC 3339 string (`"2019-11-08T02:41:28.172Z"`) in human-readable formats; a `(seconds, nanoseconds)` tuple otherwise |
//! | document | serde's own data model: null, booleans, integers kept exact, floats, strings, sequences, maps |
//!
//! Reading needs a self-describing format (JSON, CBOR, YAML, MessagePack and so on): optional
//! members, sparse collections and documents are told apart by what the input holds.
//! Nesting is limited to [`DEFAULT_MAX_DEPTH`](crate::limits::DEFAULT_MAX_DEPTH) levels.
//!
//! ```
//! use awso_core::{AwsShape, Blob, Timestamp};
//!
//! #[derive(AwsShape, Debug, PartialEq)]
//! #[awso(rename_all = "PascalCase")]
//! struct Attachment {
//!     id: String,
//!     body: Option<Blob>,
//!     uploaded: Option<Timestamp>,
//! }
//!
//! let attachment = Attachment {
//!     id: "a-1".into(),
//!     body: Some(Blob::from("hi")),
//!     uploaded: Some(Timestamp::from_millis(1_573_180_888_172)),
//! };
//! let json = serde_json::to_string(&attachment).unwrap();
//! assert_eq!(json, r#"{"Id":"a-1","Body":"aGk=","Uploaded":"2019-11-08T02:41:28.172Z"}"#);
//! assert_eq!(serde_json::from_str::<Attachment>(&json).unwrap(), attachment);
//! ```

mod de;
mod ser;

use ::serde::de::{DeserializeSeed, Deserializer};
use ::serde::ser::Serializer;

use crate::limits::Depth;
use crate::shape::AwsShape;
use crate::types::{BigDecimal, BigInteger, Blob, Document, Timestamp};

/// Writes `value` to a serde serializer, with the mapping of the [module documentation](self).
///
/// ```
/// use awso_core::Blob;
///
/// let mut out = Vec::new();
/// awso_core::serde::serialize(&Blob::from("hi"), &mut serde_json::Serializer::new(&mut out))
///     .unwrap();
/// assert_eq!(out, br#""aGk=""#);
/// ```
pub fn serialize<T: AwsShape, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let tree = crate::to_value(value).map_err(::serde::ser::Error::custom)?;
    ::serde::Serialize::serialize(&ser::Tree(&tree), serializer)
}

/// Reads a `T` from a serde deserializer, with the mapping of the
/// [module documentation](self).
///
/// ```
/// use awso_core::Timestamp;
///
/// let mut de = serde_json::Deserializer::from_str(r#""1970-01-01T00:00:01.5Z""#);
/// let t: Timestamp = awso_core::serde::deserialize(&mut de).unwrap();
/// assert_eq!(t, Timestamp::from_millis(1_500));
/// ```
pub fn deserialize<'de, T: AwsShape, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    let seed = de::Seed {
        schema: T::SCHEMA,
        depth: Depth::default(),
    };
    let tree = seed.deserialize(deserializer)?;
    crate::from_value(&tree).map_err(::serde::de::Error::custom)
}

/// serde impls for awso-core's own shape types, by the same two functions.
macro_rules! through_the_schema {
    ($($ty:ty),*) => {$(
        impl ::serde::Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serialize(self, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserialize(deserializer)
            }
        }
    )*};
}

through_the_schema!(Blob, Timestamp, Document, BigInteger, BigDecimal);

/// Expands to the derive's serde impls: awso-core has the `serde` feature.
#[doc(hidden)]
#[macro_export]
macro_rules! __awso_serde_impls {
    ($($impls:tt)*) => { $($impls)* };
}

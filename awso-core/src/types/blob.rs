//! Blobs: bytes, written as base64 in JSON, XML and query text.

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

use crate::error::{Error, Result};

/// Uninterpreted bytes (a Smithy `blob`), base64-encoded on text wires.
///
/// ```
/// use awso_core::Blob;
///
/// let blob = Blob::from("hi");
/// assert_eq!(blob.as_ref(), b"hi");
/// assert_eq!(awso_core::json::to_string(&blob)?, r#""aGk=""#);
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Blob(Vec<u8>);

impl Blob {
    /// Wraps bytes.
    ///
    /// ```
    /// use awso_core::Blob;
    ///
    /// assert_eq!(Blob::new(vec![1, 2]).as_bytes(), [1, 2]);
    /// ```
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self(bytes.into())
    }

    /// The bytes.
    ///
    /// ```
    /// assert_eq!(awso_core::Blob::from("ab").as_bytes(), b"ab");
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Unwraps the bytes.
    ///
    /// ```
    /// assert_eq!(awso_core::Blob::from("ab").into_inner(), b"ab".to_vec());
    /// ```
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }
}

impl From<&str> for Blob {
    fn from(text: &str) -> Self {
        Self(text.as_bytes().to_vec())
    }
}

impl From<Blob> for Vec<u8> {
    fn from(blob: Blob) -> Self {
        blob.0
    }
}

/// Takes the bytes without copying when the `Bytes` is the only handle to a buffer it
/// allocated as a `Vec` (what `http` bodies collected into one chunk usually are); a shared
/// or static buffer is copied once, since a `Blob` owns a `Vec<u8>`.
///
/// ```
/// use awso_core::Blob;
///
/// let blob = Blob::from(bytes::Bytes::from(vec![1, 2, 3]));
/// assert_eq!(blob.as_bytes(), [1, 2, 3]);
/// ```
impl From<bytes::Bytes> for Blob {
    fn from(bytes: bytes::Bytes) -> Self {
        Self(Vec::from(bytes))
    }
}

/// Hands the bytes over without copying: `Bytes` adopts the `Vec`'s allocation.
///
/// ```
/// use awso_core::Blob;
///
/// let bytes = bytes::Bytes::from(Blob::from("hi"));
/// assert_eq!(&bytes[..], b"hi");
/// ```
impl From<Blob> for bytes::Bytes {
    fn from(blob: Blob) -> Self {
        Self::from(blob.0)
    }
}

/// Standard alphabet, padding written, and accepted whether present or not: services differ.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

pub(crate) fn encode_base64(bytes: &[u8]) -> String {
    BASE64.encode(bytes)
}

pub(crate) fn decode_base64(text: &str) -> Result<Vec<u8>> {
    BASE64
        .decode(text.trim_ascii())
        .map_err(|e| Error::invalid("base64", e.to_string()))
}

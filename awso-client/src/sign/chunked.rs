//! Streaming uploads in `aws-chunked` encoding: each chunk signed with the previous chunk's
//! signature (the first with the request's, the "seed"), and optional trailing headers such as
//! a checksum computed while the body streamed, signed last.
//!
//! Sans-I/O like the rest: the caller feeds chunks and writes the framed bytes wherever it
//! sends the body. The request itself is signed first with [`STREAMING_PAYLOAD`] (or
//! [`STREAMING_PAYLOAD_TRAILER`]) as its payload hash, with `Content-Encoding: aws-chunked`,
//! `x-amz-decoded-content-length` and, with trailers, `x-amz-trailer` among its headers, and a
//! `Content-Length` from [`signed_encoded_length`].
//!
//! ```
//! use std::time::{Duration, UNIX_EPOCH};
//! use awso_client::credentials::Credentials;
//! use awso_client::sign::{
//!     sign, signed_encoded_length, ChunkSigner, Payload, SignableRequest, SigningParams,
//!     SigningSettings, STREAMING_PAYLOAD_TRAILER,
//! };
//!
//! let credentials = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
//! let body = vec![b'a'; 100];
//! let trailers = [("x-amz-checksum-crc32", "sOO8/Q==")];
//! let length = signed_encoded_length(body.len() as u64, 64, &trailers).to_string();
//! let request = SignableRequest::new("PUT", "/bucket/key")
//!     .header("host", b"bucket.s3.amazonaws.com")
//!     .header("content-encoding", b"aws-chunked")
//!     .header("content-length", length.as_bytes())
//!     .header("x-amz-decoded-content-length", b"100")
//!     .header("x-amz-trailer", b"x-amz-checksum-crc32")
//!     .payload(Payload::Hash(STREAMING_PAYLOAD_TRAILER));
//! let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH + Duration::from_secs(1_369_353_600))
//!     .settings(SigningSettings::s3());
//! let seed = sign(&request, &credentials, &params)?;
//!
//! let mut signer = ChunkSigner::new(&credentials, &params, &seed)?;
//! let mut wire = Vec::new();
//! for chunk in body.chunks(64) {
//!     signer.write_chunk(chunk, &mut wire);
//! }
//! signer.finish(&trailers, &mut wire);
//! assert_eq!(wire.len().to_string(), length);
//! assert!(wire.starts_with(b"40;chunk-signature="));
//! assert!(wire.ends_with(b"\r\n\r\n"));
//! # Ok::<(), awso_client::sign::SigningError>(())
//! ```

use std::fmt;

use super::date::signing_time;
use super::encode::hex;
use super::error::{SigningError, SigningErrorKind};
use super::output::SigningOutput;
use super::params::SigningParams;
#[cfg(doc)]
use super::request::{STREAMING_PAYLOAD, STREAMING_PAYLOAD_TRAILER};
use super::v4::{hmac_sha256, sha256_hex, signing_key};
use crate::credentials::{Credentials, REDACTED};

/// SHA-256 of nothing: the "previous headers" hash every chunk string to sign carries.
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/// `;chunk-signature=` plus CRLF, around the signature.
const SIGNED_CHUNK_OVERHEAD: u64 = 17 + 2;
/// A SigV4 chunk signature: an HMAC-SHA256 in hex.
const V4_SIGNATURE_LENGTH: u64 = 64;
/// A SigV4a chunk signature on the wire: the DER ECDSA signature in hex (up to 72 bytes, 144
/// digits) padded with `*` to that width, so the body's length is known before it is signed.
const V4A_SIGNATURE_LENGTH: u64 = 144;
const V4A_PADDING: char = '*';

/// The width of a chunk signature on the wire, SigV4a (`ecdsa`) or SigV4.
pub(crate) const fn chunk_signature_length(ecdsa: bool) -> u64 {
    if ecdsa {
        V4A_SIGNATURE_LENGTH
    } else {
        V4_SIGNATURE_LENGTH
    }
}

/// How the chunks are signed: chained HMACs (SigV4) or ECDSA signatures (SigV4a).
#[derive(Clone)]
enum ChunkKey {
    Hmac([u8; 32]),
    #[cfg(feature = "sigv4a")]
    Ecdsa(super::v4a::SigV4aKey),
}

impl ChunkKey {
    /// The string-to-sign's first line for a chunk and for the trailer.
    fn algorithms(&self) -> (&'static str, &'static str) {
        match self {
            ChunkKey::Hmac(_) => ("AWS4-HMAC-SHA256-PAYLOAD", "AWS4-HMAC-SHA256-TRAILER"),
            #[cfg(feature = "sigv4a")]
            ChunkKey::Ecdsa(_) => (
                "AWS4-ECDSA-P256-SHA256-PAYLOAD",
                "AWS4-ECDSA-P256-SHA256-TRAILER",
            ),
        }
    }

    /// The signature of `string_to_sign` as the wire carries it.
    fn sign(&self, string_to_sign: &str) -> String {
        match self {
            ChunkKey::Hmac(key) => hex(&hmac_sha256(key, string_to_sign.as_bytes())),
            #[cfg(feature = "sigv4a")]
            ChunkKey::Ecdsa(key) => {
                let mut signature = key.sign_hex(string_to_sign);
                let width = V4A_SIGNATURE_LENGTH as usize;
                let padding = width.saturating_sub(signature.len());
                signature.extend(std::iter::repeat_n(V4A_PADDING, padding));
                signature
            }
        }
    }
}

/// Signs the chunks of one `aws-chunked` body in order. `Debug` hides the signing key.
///
/// ```
/// # use std::time::{Duration, UNIX_EPOCH};
/// # use awso_client::credentials::Credentials;
/// use awso_client::sign::{sign, ChunkSigner, Payload, SignableRequest, SigningParams, STREAMING_PAYLOAD};
/// let credentials = Credentials::new("AKIDEXAMPLE", "secret");
/// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH + Duration::from_secs(60));
/// let request = SignableRequest::new("PUT", "/b/k").payload(Payload::Hash(STREAMING_PAYLOAD));
/// let seed = sign(&request, &credentials, &params)?;
/// let mut signer = ChunkSigner::new(&credentials, &params, &seed)?;
/// let first = signer.sign_chunk(b"abc").to_owned();
/// // Each signature chains on the one before, so the same data signs differently next time.
/// assert_ne!(signer.sign_chunk(b"abc"), first);
/// assert!(!format!("{signer:?}").contains("secret"));
/// # Ok::<(), awso_client::sign::SigningError>(())
/// ```
#[derive(Clone)]
pub struct ChunkSigner {
    key: ChunkKey,
    timestamp: String,
    scope: String,
    /// The last signature as sent (SigV4a's padded); the next string-to-sign takes it unpadded.
    previous: String,
}

impl ChunkSigner {
    /// A signer for the body of the request `seed` signed with these credentials and params.
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, ChunkSigner, SignableRequest, SigningErrorKind, SigningParams};
    /// let credentials = Credentials::new("AKIDEXAMPLE", "secret");
    /// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH + Duration::from_secs(60));
    /// // A presigned URL cannot seed a chunked body.
    /// let presigned = params.clone().presigned(Duration::from_secs(60));
    /// let seed = sign(&SignableRequest::new("PUT", "/b/k").header("host", b"s3.amazonaws.com"), &credentials, &presigned)?;
    /// let error = ChunkSigner::new(&credentials, &params, &seed).unwrap_err();
    /// assert_eq!(error.kind(), SigningErrorKind::PayloadHash);
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn new(
        credentials: &Credentials,
        params: &SigningParams<'_>,
        seed: &SigningOutput,
    ) -> Result<Self, SigningError> {
        let mut lines = seed.string_to_sign().lines();
        let algorithm = lines.next();
        if !seed.query_params().is_empty() {
            return Err(not_a_seed());
        }
        let time = signing_time(params.time())?;
        let key = match algorithm {
            Some("AWS4-HMAC-SHA256") => ChunkKey::Hmac(signing_key(
                credentials.secret_access_key(),
                time.date(),
                params,
            )),
            #[cfg(feature = "sigv4a")]
            Some("AWS4-ECDSA-P256-SHA256") => {
                ChunkKey::Ecdsa(super::v4a::signing_key_v4a(credentials)?)
            }
            _ => return Err(not_a_seed()),
        };
        let scope = lines.nth(1).unwrap_or_default().to_owned();
        Ok(ChunkSigner {
            key,
            timestamp: time.timestamp,
            scope,
            previous: seed.signature().to_owned(),
        })
    }

    /// The width of each chunk signature on the wire: 64 (SigV4), 144 (SigV4a, padded).
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, ChunkSigner, Payload, SignableRequest, SigningParams, STREAMING_PAYLOAD};
    /// let credentials = Credentials::new("AKIDEXAMPLE", "secret");
    /// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH + Duration::from_secs(60));
    /// let request = SignableRequest::new("PUT", "/b/k").payload(Payload::Hash(STREAMING_PAYLOAD));
    /// let seed = sign(&request, &credentials, &params)?;
    /// let mut signer = ChunkSigner::new(&credentials, &params, &seed)?;
    /// assert_eq!(signer.signature_length(), 64);
    /// assert_eq!(signer.sign_chunk(b"abc").len() as u64, signer.signature_length());
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn signature_length(&self) -> u64 {
        match self.key {
            ChunkKey::Hmac(_) => V4_SIGNATURE_LENGTH,
            #[cfg(feature = "sigv4a")]
            ChunkKey::Ecdsa(_) => V4A_SIGNATURE_LENGTH,
        }
    }

    /// The string-to-sign of the next chunk, chained to the last signature.
    fn chunk_string_to_sign(&self, data: &[u8]) -> String {
        format!(
            "{}\n{}\n{}\n{}\n{EMPTY_SHA256}\n{}",
            self.key.algorithms().0,
            self.timestamp,
            self.scope,
            self.previous.trim_end_matches(V4A_PADDING),
            sha256_hex(data),
        )
    }

    /// The signature of the next chunk (`data` empty: the final chunk), chained to the last.
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, ChunkSigner, Payload, SignableRequest, SigningParams, STREAMING_PAYLOAD};
    /// let credentials = Credentials::new("AKIDEXAMPLE", "secret");
    /// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH + Duration::from_secs(60));
    /// let request = SignableRequest::new("PUT", "/b/k").payload(Payload::Hash(STREAMING_PAYLOAD));
    /// let seed = sign(&request, &credentials, &params)?;
    /// let signature = ChunkSigner::new(&credentials, &params, &seed)?.sign_chunk(b"data").to_owned();
    /// assert_eq!(signature.len(), 64);
    /// assert!(signature.bytes().all(|b| b.is_ascii_hexdigit()));
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn sign_chunk(&mut self, data: &[u8]) -> &str {
        let string_to_sign = self.chunk_string_to_sign(data);
        self.previous = self.key.sign(&string_to_sign);
        &self.previous
    }

    /// Appends `data` framed as a signed chunk: `hex-size;chunk-signature=...\r\n data \r\n`.
    /// An empty `data` would end the body: use [`ChunkSigner::finish`] for that.
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, ChunkSigner, Payload, SignableRequest, SigningParams, STREAMING_PAYLOAD};
    /// let credentials = Credentials::new("AKIDEXAMPLE", "secret");
    /// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH + Duration::from_secs(60));
    /// let request = SignableRequest::new("PUT", "/b/k").payload(Payload::Hash(STREAMING_PAYLOAD));
    /// let seed = sign(&request, &credentials, &params)?;
    /// let mut wire = Vec::new();
    /// ChunkSigner::new(&credentials, &params, &seed)?.write_chunk(&[b'x'; 20], &mut wire);
    /// assert!(wire.starts_with(b"14;chunk-signature="));
    /// assert!(wire.ends_with(&[b"\r\n".as_slice(), &[b'x'; 20], b"\r\n"].concat()));
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn write_chunk(&mut self, data: &[u8], out: &mut Vec<u8>) {
        let header = format!(
            "{:x};chunk-signature={}\r\n",
            data.len(),
            self.sign_chunk(data)
        );
        out.extend_from_slice(header.as_bytes());
        out.extend_from_slice(data);
        out.extend_from_slice(b"\r\n");
    }

    /// Appends the final (empty) chunk and, if there are any, the trailing headers and their
    /// signature (`x-amz-trailer-signature`), then the closing empty line.
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign, ChunkSigner, Payload, SignableRequest, SigningParams, STREAMING_PAYLOAD};
    /// let credentials = Credentials::new("AKIDEXAMPLE", "secret");
    /// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH + Duration::from_secs(60));
    /// let request = SignableRequest::new("PUT", "/b/k").payload(Payload::Hash(STREAMING_PAYLOAD));
    /// let seed = sign(&request, &credentials, &params)?;
    /// let mut wire = Vec::new();
    /// ChunkSigner::new(&credentials, &params, &seed)?.finish(&[], &mut wire);
    /// // Without trailers: the empty final chunk and the closing line.
    /// assert!(wire.starts_with(b"0;chunk-signature="));
    /// assert_eq!(wire.len(), "0;chunk-signature=".len() + 64 + 4);
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn finish(&mut self, trailers: &[(&str, &str)], out: &mut Vec<u8>) {
        let header = format!("0;chunk-signature={}\r\n", self.sign_chunk(b""));
        out.extend_from_slice(header.as_bytes());
        if !trailers.is_empty() {
            let mut canonical = String::new();
            for (name, value) in trailers {
                let line = format!("{}:{}", name.to_ascii_lowercase(), value.trim());
                out.extend_from_slice(line.as_bytes());
                out.extend_from_slice(b"\r\n");
                canonical.push_str(&line);
                canonical.push('\n');
            }
            let string_to_sign = format!(
                "{}\n{}\n{}\n{}\n{}",
                self.key.algorithms().1,
                self.timestamp,
                self.scope,
                self.previous.trim_end_matches(V4A_PADDING),
                sha256_hex(canonical.as_bytes()),
            );
            self.previous = self.key.sign(&string_to_sign);
            out.extend_from_slice(b"x-amz-trailer-signature:");
            out.extend_from_slice(self.previous.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"\r\n");
    }
}

impl fmt::Debug for ChunkSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChunkSigner")
            .field("scope", &self.scope)
            .field("key", &format_args!("{REDACTED}"))
            .finish_non_exhaustive()
    }
}

/// Frames an unsigned `aws-chunked` body (`STREAMING-UNSIGNED-PAYLOAD-TRAILER`): chunks as
/// `hex-size\r\n data \r\n`, then `0\r\n`, the trailers and an empty line.
///
/// ```
/// use awso_client::sign::write_unsigned_chunked;
/// let mut wire = Vec::new();
/// write_unsigned_chunked(&[b"hello"], &[("x-amz-checksum-crc32", "NhCmhg==")], &mut wire);
/// assert_eq!(wire, b"5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n");
/// ```
pub fn write_unsigned_chunked(chunks: &[&[u8]], trailers: &[(&str, &str)], out: &mut Vec<u8>) {
    for chunk in chunks.iter().filter(|chunk| !chunk.is_empty()) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n");
    for (name, value) in trailers {
        out.extend_from_slice(
            format!("{}:{}\r\n", name.to_ascii_lowercase(), value.trim()).as_bytes(),
        );
    }
    out.extend_from_slice(b"\r\n");
}

/// The `Content-Length` of a signed `aws-chunked` body of `decoded_length` bytes cut into
/// chunks of `chunk_size` bytes (the last one shorter), with `trailers`.
///
/// ```
/// use awso_client::sign::signed_encoded_length;
/// // S3's documented example: 66560 bytes in 64 KiB chunks.
/// assert_eq!(signed_encoded_length(66_560, 65_536, &[]), 66_824);
/// // A trailer adds its line and the trailer signature.
/// let with_trailer = signed_encoded_length(66_560, 65_536, &[("x-amz-checksum-crc32", "AAAAAA==")]);
/// assert_eq!(with_trailer, 66_824 + 31 + 90);
/// ```
pub fn signed_encoded_length(
    decoded_length: u64,
    chunk_size: u64,
    trailers: &[(&str, &str)],
) -> u64 {
    encoded_length(decoded_length, chunk_size, trailers, V4_SIGNATURE_LENGTH)
}

/// [`signed_encoded_length`] for a body whose chunks are signed with SigV4a
/// ([`STREAMING_ECDSA_PAYLOAD`](super::STREAMING_ECDSA_PAYLOAD)): each signature takes 144
/// characters on the wire.
///
/// ```
/// use awso_client::sign::{signed_encoded_length, signed_encoded_length_v4a};
/// // Two data chunks and the final one, each signature 80 characters longer.
/// let v4 = signed_encoded_length(66_560, 65_536, &[]);
/// assert_eq!(signed_encoded_length_v4a(66_560, 65_536, &[]), v4 + 3 * 80);
/// ```
#[cfg(feature = "sigv4a")]
pub fn signed_encoded_length_v4a(
    decoded_length: u64,
    chunk_size: u64,
    trailers: &[(&str, &str)],
) -> u64 {
    encoded_length(decoded_length, chunk_size, trailers, V4A_SIGNATURE_LENGTH)
}

/// The length of the framed body when each signature is `signature` characters wide.
pub(crate) fn encoded_length(
    decoded_length: u64,
    chunk_size: u64,
    trailers: &[(&str, &str)],
    signature: u64,
) -> u64 {
    let chunk_size = chunk_size.max(1);
    let overhead = SIGNED_CHUNK_OVERHEAD + signature;
    let hex_digits = |n: u64| u64::from((64 - n.leading_zeros()).div_ceil(4).max(1));
    let full = decoded_length / chunk_size;
    let rest = decoded_length % chunk_size;
    let mut length = full * (hex_digits(chunk_size) + overhead + chunk_size + 2);
    if rest > 0 {
        length += hex_digits(rest) + overhead + rest + 2;
    }
    length += 1 + overhead; // the final chunk
    if !trailers.is_empty() {
        for (name, value) in trailers {
            length += (name.len() + 1 + value.trim().len() + 2) as u64;
        }
        length += "x-amz-trailer-signature:".len() as u64 + signature + 2;
    }
    length + 2
}

fn not_a_seed() -> SigningError {
    SigningError::new(
        SigningErrorKind::PayloadHash,
        "aws-chunked bodies need a SigV4 or SigV4a header signature as their seed",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::{Payload, STREAMING_PAYLOAD, SignableRequest, SigningSettings, sign};
    use std::time::{Duration, UNIX_EPOCH};

    /// The example of S3's documentation for chunked uploads: 64 KiB and 1 KiB of `a`.
    #[test]
    fn reproduces_the_s3_documentation_example() {
        let credentials = Credentials::new(
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        );
        let request = SignableRequest::new("PUT", "/examplebucket/chunkObject.txt")
            .header("Host", b"s3.amazonaws.com")
            .header("x-amz-storage-class", b"REDUCED_REDUNDANCY")
            .header("Content-Encoding", b"aws-chunked")
            .header("x-amz-decoded-content-length", b"66560")
            .header("Content-Length", b"66824")
            .payload(Payload::Hash(STREAMING_PAYLOAD));
        // 2013-05-24T00:00:00Z
        let params = SigningParams::new(
            "us-east-1",
            "s3",
            UNIX_EPOCH + Duration::from_secs(1_369_353_600),
        )
        .settings(SigningSettings::s3());
        let seed = sign(&request, &credentials, &params).unwrap();
        assert_eq!(
            seed.signature(),
            "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"
        );
        let mut signer = ChunkSigner::new(&credentials, &params, &seed).unwrap();
        let mut wire = Vec::new();
        signer.write_chunk(&vec![b'a'; 65_536], &mut wire);
        assert!(wire.starts_with(
            b"10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n"
        ));
        assert_eq!(
            signer.sign_chunk(&[b'a'; 1024]),
            "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497"
        );
        assert_eq!(
            signer.sign_chunk(b""),
            "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"
        );
        assert_eq!(signed_encoded_length(66_560, 65_536, &[]), 66_824);
    }

    #[test]
    fn encoded_length_matches_what_is_written() {
        let credentials = Credentials::new("AKID", "secret");
        let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH);
        let request = SignableRequest::new("PUT", "/").payload(Payload::Hash(STREAMING_PAYLOAD));
        let seed = sign(&request, &credentials, &params).unwrap();
        let trailers = [("X-Amz-Checksum-Crc32", " AAAAAA== ")];
        for (length, chunk) in [(0usize, 8usize), (1, 8), (8, 8), (9, 8), (300, 16)] {
            for with_trailers in [false, true] {
                let trailers: &[(&str, &str)] = if with_trailers { &trailers } else { &[] };
                let mut signer = ChunkSigner::new(&credentials, &params, &seed).unwrap();
                let body = vec![7u8; length];
                let mut wire = Vec::new();
                for part in body.chunks(chunk) {
                    signer.write_chunk(part, &mut wire);
                }
                signer.finish(trailers, &mut wire);
                assert_eq!(
                    wire.len() as u64,
                    signed_encoded_length(length as u64, chunk as u64, trailers)
                );
            }
        }
    }

    #[test]
    fn a_presigned_seed_is_refused() {
        let credentials = Credentials::new("AKID", "secret");
        let params =
            SigningParams::new("us-east-1", "s3", UNIX_EPOCH).presigned(Duration::from_secs(60));
        let seed = sign(&SignableRequest::new("PUT", "/"), &credentials, &params).unwrap();
        assert!(ChunkSigner::new(&credentials, &params, &seed).is_err());
    }

    /// SigV4a chunks (multi-region access points): every chunk and the trailer signed with
    /// the ECDSA key over its string-to-sign, each signature padded to 144 characters, and
    /// the body exactly as long as announced. ECDSA signatures could be randomised, so each
    /// is verified with the public key rather than compared.
    #[cfg(feature = "sigv4a")]
    #[test]
    fn sigv4a_chunks_verify_with_the_public_key_and_frame_exactly() {
        use crate::sign::{STREAMING_ECDSA_PAYLOAD_TRAILER, sign_v4a, signing_key_v4a};
        let credentials =
            Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        let params = SigningParams::new(
            "us-east-1,us-west-2",
            "s3",
            UNIX_EPOCH + Duration::from_secs(1_369_353_600),
        )
        .settings(SigningSettings::s3());
        let request = SignableRequest::new("PUT", "/key")
            .header(
                "host",
                b"mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com",
            )
            .payload(Payload::Hash(STREAMING_ECDSA_PAYLOAD_TRAILER));
        let seed = sign_v4a(&request, &credentials, &params).unwrap();
        let mut signer = ChunkSigner::new(&credentials, &params, &seed).unwrap();
        assert_eq!(signer.signature_length(), 144);
        let body: Vec<u8> = (0..300u16).map(|i| i as u8).collect();
        let trailers = [("x-amz-checksum-crc32", "AAAAAA==")];
        let mut wire = Vec::new();
        for part in body.chunks(128) {
            signer.write_chunk(part, &mut wire);
        }
        signer.finish(&trailers, &mut wire);
        assert_eq!(
            wire.len() as u64,
            signed_encoded_length_v4a(300, 128, &trailers)
        );

        let key = signing_key_v4a(&credentials).unwrap();
        let scope = "20130524/s3/aws4_request";
        let timestamp = "20130524T000000Z";
        assert!(
            seed.string_to_sign().contains(scope),
            "{}",
            seed.string_to_sign()
        );
        let mut previous = seed.signature().to_owned();
        let mut rest = wire.as_slice();
        let mut decoded = Vec::new();
        loop {
            let line_end = rest.windows(2).position(|w| w == b"\r\n").unwrap();
            let line = std::str::from_utf8(&rest[..line_end]).unwrap();
            let (size, signature) = line.split_once(";chunk-signature=").unwrap();
            let size = usize::from_str_radix(size, 16).unwrap();
            assert_eq!(signature.len(), 144, "{signature}");
            let unpadded = signature.trim_end_matches('*');
            assert!(unpadded.len() >= 140 && unpadded.bytes().all(|b| b.is_ascii_hexdigit()));
            let data = &rest[line_end + 2..line_end + 2 + size];
            let string_to_sign = format!(
                "AWS4-ECDSA-P256-SHA256-PAYLOAD\n{timestamp}\n{scope}\n{previous}\n{EMPTY_SHA256}\n{}",
                sha256_hex(data)
            );
            assert!(
                key.verify(&string_to_sign, unpadded),
                "chunk of {size} bytes"
            );
            decoded.extend_from_slice(data);
            unpadded.clone_into(&mut previous);
            if size == 0 {
                rest = &rest[line_end + 2..];
                break;
            }
            assert_eq!(&rest[line_end + 2 + size..line_end + 4 + size], b"\r\n");
            rest = &rest[line_end + 4 + size..];
        }
        assert_eq!(decoded, body);
        let text = std::str::from_utf8(rest).unwrap();
        let (trailer, signature) = text
            .strip_suffix("\r\n\r\n")
            .unwrap()
            .split_once("\r\nx-amz-trailer-signature:")
            .unwrap();
        assert_eq!(trailer, "x-amz-checksum-crc32:AAAAAA==");
        assert_eq!(signature.len(), 144);
        let string_to_sign = format!(
            "AWS4-ECDSA-P256-SHA256-TRAILER\n{timestamp}\n{scope}\n{previous}\n{}",
            sha256_hex(format!("{trailer}\n").as_bytes())
        );
        assert!(key.verify(&string_to_sign, signature.trim_end_matches('*')));
        // A tampered chunk would not verify.
        let forged = string_to_sign.replace("TRAILER", "PAYLOAD");
        assert!(!key.verify(&forged, signature.trim_end_matches('*')));
    }
}

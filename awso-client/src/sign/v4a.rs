//! SigV4a: the SigV4 canonical request, signed with ECDSA P-256 (SHA-256) by a key derived
//! from the secret access key, over a region set (`X-Amz-Region-Set`) instead of one region.
//!
//! The key is derived with the NIST SP 800-108 counter-mode KDF over HMAC-SHA256: key
//! `"AWS4A" + secret`, fixed input `1u32 · "AWS4-ECDSA-P256-SHA256" · 0 · access key id ·
//! counter · 256u32` (big-endian). A candidate above `n - 2` (the curve order) is dropped and the
//! counter (1, 2, ...) moves on; the private key is `candidate + 1`. Signing is deterministic
//! (RFC 6979), so it needs no randomness.

use std::fmt;

use p256::ecdsa::signature::{Signer, Verifier};
use p256::ecdsa::{Signature, SigningKey, VerifyingKey};

use super::encode::{hex, unhex};
use super::error::{SigningError, SigningErrorKind};
use super::output::SigningOutput;
use super::params::SigningParams;
use super::request::SignableRequest;
use super::v4::{Algorithm, hmac_sha256, sign_with};
use crate::credentials::{Credentials, REDACTED};

/// `n - 2` for P-256, big-endian: the largest candidate the key derivation accepts.
const ORDER_MINUS_TWO: [u8; 32] = [
    0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x4F,
];

/// Signs `request` with SigV4a; `params.region()` is the region set (`us-east-1,us-west-2`, `*`).
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::credentials::Credentials;
/// use awso_client::sign::{sign_v4a, signing_key_v4a, SignableRequest, SigningParams};
///
/// let credentials = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
/// let request = SignableRequest::new("GET", "/").header("host", b"example.amazonaws.com");
/// let params = SigningParams::new("*", "s3", UNIX_EPOCH + Duration::from_secs(1_440_938_160));
/// let signed = sign_v4a(&request, &credentials, &params)?;
/// assert!(signed.headers().contains(&("x-amz-region-set", "*".to_owned())));
/// let key = signing_key_v4a(&credentials)?;
/// assert!(key.verify(signed.string_to_sign(), signed.signature()));
/// # Ok::<(), awso_client::sign::SigningError>(())
/// ```
pub fn sign_v4a(
    request: &SignableRequest<'_>,
    credentials: &Credentials,
    params: &SigningParams<'_>,
) -> Result<SigningOutput, SigningError> {
    sign_with(Algorithm::V4a, request, credentials, params)
}

pub(crate) fn signature(
    credentials: &Credentials,
    string_to_sign: &str,
) -> Result<String, SigningError> {
    Ok(signing_key_v4a(credentials)?.sign_hex(string_to_sign))
}

/// The SigV4a key pair derived from a set of credentials. `Debug` never prints the private key.
///
/// ```
/// use awso_client::credentials::Credentials;
/// use awso_client::sign::signing_key_v4a;
/// let key = signing_key_v4a(&Credentials::new("AKIDEXAMPLE", "secret"))?;
/// assert!(!format!("{key:?}").contains("secret"));
/// # Ok::<(), awso_client::sign::SigningError>(())
/// ```
#[derive(Clone)]
pub struct SigV4aKey {
    key: SigningKey,
}

impl SigV4aKey {
    /// The signature of `string_to_sign` by this key: DER, hex.
    pub(crate) fn sign_hex(&self, string_to_sign: &str) -> String {
        let signature: Signature = self.key.sign(string_to_sign.as_bytes());
        hex(&der_encode(&signature))
    }

    /// The public key as SEC1 uncompressed bytes (`04 · X · Y`), what a verifier needs.
    ///
    /// ```
    /// use awso_client::credentials::Credentials;
    /// use awso_client::sign::signing_key_v4a;
    /// let public = signing_key_v4a(&Credentials::new("AKIDEXAMPLE", "secret"))?.public_key_sec1();
    /// assert_eq!((public.len(), public[0]), (65, 0x04));
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn public_key_sec1(&self) -> Vec<u8> {
        self.key
            .verifying_key()
            .to_sec1_point(false)
            .as_bytes()
            .to_vec()
    }

    /// Whether `signature_hex` (DER, hex) is a valid signature of `string_to_sign` by this key.
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use awso_client::credentials::Credentials;
    /// use awso_client::sign::{sign_v4a, signing_key_v4a, SignableRequest, SigningParams};
    /// let credentials = Credentials::new("AKIDEXAMPLE", "secret");
    /// let request = SignableRequest::new("GET", "/").header("host", b"example.com");
    /// let signed = sign_v4a(&request, &credentials, &SigningParams::new("*", "s3", UNIX_EPOCH))?;
    /// let key = signing_key_v4a(&credentials)?;
    /// assert!(key.verify(signed.string_to_sign(), signed.signature()));
    /// assert!(!key.verify("another text", signed.signature()));
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn verify(&self, string_to_sign: &str, signature_hex: &str) -> bool {
        verify_with(self.key.verifying_key(), string_to_sign, signature_hex)
    }
}

impl fmt::Debug for SigV4aKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigV4aKey")
            .field("public_key", &hex(&self.public_key_sec1()))
            .field("private_key", &format_args!("{REDACTED}"))
            .finish()
    }
}

/// Whether `signature_hex` (DER, hex) verifies for `string_to_sign` under the SEC1-encoded
/// public key `public_key_sec1`; `false` for a malformed key or signature.
///
/// ```
/// use awso_client::credentials::Credentials;
/// use awso_client::sign::{signing_key_v4a, verify_v4a};
/// let key = signing_key_v4a(&Credentials::new("AKID", "secret")).unwrap();
/// assert!(!verify_v4a(&key.public_key_sec1(), "text", "3006020101020101"));
/// assert!(!verify_v4a(b"not a key", "text", ""));
/// ```
pub fn verify_v4a(public_key_sec1: &[u8], string_to_sign: &str, signature_hex: &str) -> bool {
    VerifyingKey::from_sec1_bytes(public_key_sec1)
        .is_ok_and(|key| verify_with(&key, string_to_sign, signature_hex))
}

fn verify_with(key: &VerifyingKey, string_to_sign: &str, signature_hex: &str) -> bool {
    let Some(signature) = unhex(signature_hex).as_deref().and_then(der_decode) else {
        return false;
    };
    key.verify(string_to_sign.as_bytes(), &signature).is_ok()
}

/// Derives the SigV4a key pair of `credentials`.
///
/// ```
/// use awso_client::credentials::Credentials;
/// use awso_client::sign::signing_key_v4a;
/// // Deterministic: the same credentials give the same key; other ones another.
/// let a = signing_key_v4a(&Credentials::new("AKIDEXAMPLE", "secret"))?;
/// let b = signing_key_v4a(&Credentials::new("AKIDEXAMPLE", "secret"))?;
/// let c = signing_key_v4a(&Credentials::new("AKIDOTHER", "secret"))?;
/// assert_eq!(a.public_key_sec1(), b.public_key_sec1());
/// assert_ne!(a.public_key_sec1(), c.public_key_sec1());
/// # Ok::<(), awso_client::sign::SigningError>(())
/// ```
pub fn signing_key_v4a(credentials: &Credentials) -> Result<SigV4aKey, SigningError> {
    let mut input_key = Vec::with_capacity(credentials.secret_access_key().len() + 5);
    input_key.extend_from_slice(b"AWS4A");
    input_key.extend_from_slice(credentials.secret_access_key().as_bytes());
    let access_key_id = credentials.access_key_id().as_bytes();
    let mut fixed_input = Vec::with_capacity(access_key_id.len() + 32);
    for counter in 1..=254u8 {
        fixed_input.clear();
        fixed_input.extend_from_slice(&1u32.to_be_bytes());
        fixed_input.extend_from_slice(b"AWS4-ECDSA-P256-SHA256\0");
        fixed_input.extend_from_slice(access_key_id);
        fixed_input.push(counter);
        fixed_input.extend_from_slice(&256u32.to_be_bytes());
        let mut candidate = hmac_sha256(&input_key, &fixed_input);
        // Big-endian byte arrays of one length compare as the numbers they write.
        if candidate > ORDER_MINUS_TWO {
            continue;
        }
        add_one(&mut candidate);
        if let Ok(key) = SigningKey::from_slice(&candidate) {
            return Ok(SigV4aKey { key });
        }
    }
    Err(SigningError::new(
        SigningErrorKind::Credentials,
        "no SigV4a key derives from these credentials",
    ))
}

/// `number + 1`, big-endian; never overflows here since `number <= n - 2`.
fn add_one(number: &mut [u8; 32]) {
    for byte in number.iter_mut().rev() {
        let (sum, carry) = byte.overflowing_add(1);
        *byte = sum;
        if !carry {
            return;
        }
    }
}

/// ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }`, the form SigV4a sends.
fn der_encode(signature: &Signature) -> Vec<u8> {
    let (r, s) = signature.split_bytes();
    let mut body = Vec::with_capacity(70);
    for scalar in [r.as_slice(), s.as_slice()] {
        let start = scalar
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(scalar.len() - 1);
        let digits = &scalar[start..];
        let pad = digits[0] & 0x80 != 0;
        body.push(0x02);
        body.push((digits.len() + usize::from(pad)) as u8);
        if pad {
            body.push(0);
        }
        body.extend_from_slice(digits);
    }
    let mut out = Vec::with_capacity(body.len() + 2);
    out.push(0x30);
    out.push(body.len() as u8);
    out.extend_from_slice(&body);
    out
}

/// The signature in a DER `SEQUENCE { INTEGER r, INTEGER s }`, `None` unless well formed.
fn der_decode(der: &[u8]) -> Option<Signature> {
    let (&tag, rest) = der.split_first()?;
    let (&length, mut rest) = rest.split_first()?;
    if tag != 0x30 || usize::from(length) != rest.len() {
        return None;
    }
    let mut scalars = [0u8; 64];
    for half in scalars.chunks_exact_mut(32) {
        let (&tag, after) = rest.split_first()?;
        let (&length, after) = after.split_first()?;
        let length = usize::from(length);
        if tag != 0x02 || length == 0 || length > after.len() {
            return None;
        }
        let (integer, after) = after.split_at(length);
        let digits = if integer.len() > 1 && integer[0] == 0 {
            &integer[1..]
        } else {
            integer
        };
        if digits.len() > 32 {
            return None;
        }
        half[32 - digits.len()..].copy_from_slice(digits);
        rest = after;
    }
    if !rest.is_empty() {
        return None;
    }
    Signature::from_slice(&scalars).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_round_trips_and_refuses_garbage() {
        let key = signing_key_v4a(&Credentials::new("AKID", "secret")).unwrap();
        let signature: Signature = key.key.sign(b"message");
        let der = der_encode(&signature);
        assert_eq!(der_decode(&der), Some(signature));
        assert_eq!(der_decode(&der[..der.len() - 1]), None);
        assert_eq!(der_decode(&[]), None);
        assert_eq!(der_decode(&[0x30, 0x02, 0x02, 0x00]), None);
        for cut in 0..der.len() {
            assert_eq!(der_decode(&der[..cut]), None, "prefix of {cut} bytes");
        }
    }

    #[test]
    fn key_derivation_is_deterministic_and_debug_hides_the_private_key() {
        let credentials = Credentials::new("AKID", "secret");
        let first = signing_key_v4a(&credentials).unwrap();
        let second = signing_key_v4a(&credentials).unwrap();
        assert_eq!(first.public_key_sec1(), second.public_key_sec1());
        assert!(format!("{first:?}").contains(REDACTED));
    }

    #[test]
    fn add_one_carries() {
        let mut number = [0u8; 32];
        number[31] = 0xFF;
        number[30] = 0xFF;
        add_one(&mut number);
        assert_eq!((number[29], number[30], number[31]), (1, 0, 0));
    }
}

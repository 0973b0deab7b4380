//! Flexible checksums (`@httpChecksum`): the `x-amz-checksum-*` header of a request body,
//! and the check of a response body against the one its service sent.

use crate::error::{Error, Result};
use crate::types::encode_base64;

/// A checksum algorithm of `@httpChecksum`.
///
/// ```
/// use awso_core::protocol::ChecksumAlgorithm;
///
/// let body = b"hello world";
/// assert_eq!(ChecksumAlgorithm::Crc32.checksum(body), "DUoRhQ==");
/// assert_ne!(ChecksumAlgorithm::Crc32c.checksum(body), ChecksumAlgorithm::Crc32.checksum(body));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChecksumAlgorithm {
    /// CRC-32 (ISO-HDLC), the default.
    Crc32,
    /// CRC-32C (Castagnoli).
    Crc32c,
    /// CRC-64/NVME.
    Crc64Nvme,
    /// SHA-1.
    Sha1,
    /// SHA-256.
    Sha256,
}

/// When a request body gets a flexible checksum (the SDKs' `request_checksum_calculation`
/// setting, `AWS_REQUEST_CHECKSUM_CALCULATION`).
///
/// ```
/// use awso_core::protocol::RequestChecksumCalculation;
///
/// assert_eq!(RequestChecksumCalculation::default(), RequestChecksumCalculation::WhenSupported);
/// assert_eq!(RequestChecksumCalculation::WhenRequired.name(), "when_required");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum RequestChecksumCalculation {
    /// Whenever the operation's `@httpChecksum` supports one: CRC32 unless the input names
    /// another algorithm (the default, as in botocore from 1.36 on and the SDKs).
    #[default]
    WhenSupported,
    /// Only when the operation requires one (`requestChecksumRequired`) or the input names
    /// an algorithm.
    WhenRequired,
}

impl RequestChecksumCalculation {
    /// The setting the shared config names (`when_supported`, `when_required`; case and
    /// surrounding blanks do not matter).
    ///
    /// ```
    /// use awso_core::protocol::RequestChecksumCalculation;
    ///
    /// assert_eq!(RequestChecksumCalculation::from_name(" WHEN_REQUIRED"), Some(RequestChecksumCalculation::WhenRequired));
    /// assert_eq!(RequestChecksumCalculation::from_name("never"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::WhenSupported, Self::WhenRequired]
            .into_iter()
            .find(|v| v.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The name the shared config writes.
    ///
    /// ```
    /// use awso_core::protocol::RequestChecksumCalculation;
    ///
    /// assert_eq!(RequestChecksumCalculation::WhenSupported.name(), "when_supported");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Self::WhenSupported => "when_supported",
            Self::WhenRequired => "when_required",
        }
    }
}

/// The order in which response checksums are looked for: the cheapest to check first.
const PREFERENCE: [ChecksumAlgorithm; 5] = [
    ChecksumAlgorithm::Crc64Nvme,
    ChecksumAlgorithm::Crc32c,
    ChecksumAlgorithm::Crc32,
    ChecksumAlgorithm::Sha256,
    ChecksumAlgorithm::Sha1,
];

impl ChecksumAlgorithm {
    /// The algorithm a model or an input names (`CRC32`, `crc32c`, `CRC64NVME`, `SHA1`,
    /// `SHA256`; case does not matter).
    ///
    /// ```
    /// use awso_core::protocol::ChecksumAlgorithm;
    /// assert_eq!(ChecksumAlgorithm::from_name("crc32c"), Some(ChecksumAlgorithm::Crc32c));
    /// assert_eq!(ChecksumAlgorithm::from_name("MD5"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        PREFERENCE
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(name))
    }

    /// The name, as models write it (`CRC32`).
    ///
    /// ```
    /// use awso_core::protocol::ChecksumAlgorithm;
    ///
    /// assert_eq!(ChecksumAlgorithm::Crc64Nvme.name(), "CRC64NVME");
    /// assert_eq!(ChecksumAlgorithm::from_name(ChecksumAlgorithm::Sha256.name()), Some(ChecksumAlgorithm::Sha256));
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Self::Crc32 => "CRC32",
            Self::Crc32c => "CRC32C",
            Self::Crc64Nvme => "CRC64NVME",
            Self::Sha1 => "SHA1",
            Self::Sha256 => "SHA256",
        }
    }

    /// The header carrying the checksum (`x-amz-checksum-crc32`).
    ///
    /// ```
    /// use awso_core::protocol::ChecksumAlgorithm;
    ///
    /// assert_eq!(ChecksumAlgorithm::Sha1.header(), "x-amz-checksum-sha1");
    /// ```
    pub const fn header(self) -> &'static str {
        match self {
            Self::Crc32 => "x-amz-checksum-crc32",
            Self::Crc32c => "x-amz-checksum-crc32c",
            Self::Crc64Nvme => "x-amz-checksum-crc64nvme",
            Self::Sha1 => "x-amz-checksum-sha1",
            Self::Sha256 => "x-amz-checksum-sha256",
        }
    }

    /// The checksum of `body`, base64 as the header carries it.
    ///
    /// ```
    /// use awso_core::protocol::ChecksumAlgorithm;
    /// assert_eq!(ChecksumAlgorithm::Crc32.checksum(b"hello world"), "DUoRhQ==");
    /// ```
    pub fn checksum(self, body: &[u8]) -> String {
        use sha1::Digest as _;
        match self {
            Self::Crc32 => encode_base64(&crc32fast::hash(body).to_be_bytes()),
            Self::Crc32c => encode_base64(&crc32c::crc32c(body).to_be_bytes()),
            Self::Crc64Nvme => {
                let crc = crc::Crc::<u64>::new(&crc::CRC_64_NVME);
                encode_base64(&crc.checksum(body).to_be_bytes())
            }
            Self::Sha1 => encode_base64(&sha1::Sha1::digest(body)),
            Self::Sha256 => encode_base64(&sha2::Sha256::digest(body)),
        }
    }
}

/// What an operation's `@httpChecksum` trait says.
///
/// ```
/// use awso_core::protocol::{ChecksumAlgorithm, HttpChecksum};
/// const PUT_OBJECT: HttpChecksum = HttpChecksum::new()
///     .with_request_algorithm_member("ChecksumAlgorithm")
///     .with_request_validation_mode_member("ChecksumMode")
///     .with_response_algorithms(&[ChecksumAlgorithm::Crc32, ChecksumAlgorithm::Sha256]);
/// assert!(!PUT_OBJECT.request_required());
/// assert_eq!(PUT_OBJECT.request_algorithm_member(), Some("ChecksumAlgorithm"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HttpChecksum {
    request_required: bool,
    request_algorithm_member: Option<&'static str>,
    request_validation_mode_member: Option<&'static str>,
    response_algorithms: &'static [ChecksumAlgorithm],
}

impl HttpChecksum {
    /// A trait with nothing set.
    ///
    /// ```
    /// use awso_core::protocol::HttpChecksum;
    ///
    /// const NONE: HttpChecksum = HttpChecksum::new();
    /// assert!(!NONE.request_required() && NONE.response_algorithms().is_empty());
    /// ```
    pub const fn new() -> Self {
        Self {
            request_required: false,
            request_algorithm_member: None,
            request_validation_mode_member: None,
            response_algorithms: &[],
        }
    }

    /// Requests always carry a checksum (`requestChecksumRequired`).
    ///
    /// ```
    /// use awso_core::protocol::HttpChecksum;
    ///
    /// assert!(HttpChecksum::new().with_request_required().request_required());
    /// ```
    #[must_use]
    pub const fn with_request_required(mut self) -> Self {
        self.request_required = true;
        self
    }

    /// The input member naming the request's algorithm (`requestAlgorithmMember`).
    ///
    /// ```
    /// use awso_core::protocol::HttpChecksum;
    ///
    /// let put = HttpChecksum::new().with_request_algorithm_member("ChecksumAlgorithm");
    /// assert_eq!(put.request_algorithm_member(), Some("ChecksumAlgorithm"));
    /// ```
    #[must_use]
    pub const fn with_request_algorithm_member(mut self, member: &'static str) -> Self {
        self.request_algorithm_member = Some(member);
        self
    }

    /// The input member that turns response validation on with `ENABLED`
    /// (`requestValidationModeMember`).
    ///
    /// ```
    /// use awso_core::protocol::HttpChecksum;
    ///
    /// let get = HttpChecksum::new().with_request_validation_mode_member("ChecksumMode");
    /// assert_eq!(get.request_validation_mode_member(), Some("ChecksumMode"));
    /// ```
    #[must_use]
    pub const fn with_request_validation_mode_member(mut self, member: &'static str) -> Self {
        self.request_validation_mode_member = Some(member);
        self
    }

    /// The algorithms a response may carry (`responseAlgorithms`).
    ///
    /// ```
    /// use awso_core::protocol::{ChecksumAlgorithm, HttpChecksum};
    ///
    /// const GET: HttpChecksum = HttpChecksum::new().with_response_algorithms(&[ChecksumAlgorithm::Crc32, ChecksumAlgorithm::Sha256]);
    /// assert_eq!(GET.response_algorithms().len(), 2);
    /// ```
    #[must_use]
    pub const fn with_response_algorithms(
        mut self,
        algorithms: &'static [ChecksumAlgorithm],
    ) -> Self {
        self.response_algorithms = algorithms;
        self
    }

    /// Whether requests always carry a checksum.
    ///
    /// ```
    /// use awso_core::protocol::HttpChecksum;
    ///
    /// assert!(!HttpChecksum::new().request_required());
    /// ```
    pub const fn request_required(&self) -> bool {
        self.request_required
    }

    /// The member naming the request's algorithm.
    ///
    /// ```
    /// use awso_core::protocol::HttpChecksum;
    ///
    /// assert_eq!(HttpChecksum::new().request_algorithm_member(), None);
    /// ```
    pub const fn request_algorithm_member(&self) -> Option<&'static str> {
        self.request_algorithm_member
    }

    /// The member turning response validation on.
    ///
    /// ```
    /// use awso_core::protocol::HttpChecksum;
    ///
    /// assert_eq!(HttpChecksum::new().request_validation_mode_member(), None);
    /// ```
    pub const fn request_validation_mode_member(&self) -> Option<&'static str> {
        self.request_validation_mode_member
    }

    /// The algorithms a response may carry.
    ///
    /// ```
    /// use awso_core::protocol::{ChecksumAlgorithm, HttpChecksum};
    ///
    /// let get = HttpChecksum::new().with_response_algorithms(&[ChecksumAlgorithm::Crc32c]);
    /// assert_eq!(get.response_algorithms(), [ChecksumAlgorithm::Crc32c]);
    /// ```
    pub const fn response_algorithms(&self) -> &'static [ChecksumAlgorithm] {
        self.response_algorithms
    }
}

/// Checks `body` against the first `x-amz-checksum-*` header of `headers` among
/// `algorithms` (cheapest first). No such header, or a checksum of checksums of a multipart
/// upload (`...-3`), which no body can be checked against, passes.
///
/// ```
/// use awso_core::protocol::{ChecksumAlgorithm, verify_checksum};
/// let mut headers = http::HeaderMap::new();
/// headers.insert("x-amz-checksum-crc32", "DUoRhQ==".parse()?);
/// let all = [ChecksumAlgorithm::Crc32];
/// assert!(verify_checksum(&all, &headers, b"hello world").is_ok());
/// let err = verify_checksum(&all, &headers, b"hello there").unwrap_err();
/// assert!(err.to_string().contains("x-amz-checksum-crc32"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify_checksum(
    algorithms: &[ChecksumAlgorithm],
    headers: &http::HeaderMap,
    body: &[u8],
) -> Result<()> {
    let found = PREFERENCE
        .into_iter()
        .filter(|a| algorithms.contains(a))
        .find_map(|a| Some((a, headers.get(a.header())?)));
    let Some((algorithm, sent)) = found else {
        return Ok(());
    };
    let sent = String::from_utf8_lossy(sent.as_bytes());
    let sent = sent.trim();
    if is_composite(sent) {
        return Ok(());
    }
    let computed = algorithm.checksum(body);
    if computed == sent {
        return Ok(());
    }
    Err(Error::invalid(
        "response checksum",
        format!(
            "the body's {} is {computed}, but the `{}` header says {sent:?}: the body was \
             changed or cut on the way",
            algorithm.name(),
            algorithm.header()
        ),
    ))
}

/// Whether a checksum is of the parts of a multipart upload (`<base64>-<parts>`).
fn is_composite(checksum: &str) -> bool {
    checksum
        .rsplit_once('-')
        .is_some_and(|(_, parts)| !parts.is_empty() && parts.bytes().all(|b| b.is_ascii_digit()))
}

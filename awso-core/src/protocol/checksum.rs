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
        let mut hasher = self.hasher();
        hasher.update(body);
        hasher.finish()
    }

    /// A checksum computed piece by piece, for a body that streams: the same value as
    /// [`checksum`](Self::checksum) of the pieces joined.
    ///
    /// ```
    /// use awso_core::protocol::ChecksumAlgorithm;
    /// for algorithm in [ChecksumAlgorithm::Crc32, ChecksumAlgorithm::Crc64Nvme, ChecksumAlgorithm::Sha256] {
    ///     let mut hasher = algorithm.hasher();
    ///     hasher.update(b"hello ");
    ///     hasher.update(b"world");
    ///     assert_eq!(hasher.finish(), algorithm.checksum(b"hello world"));
    /// }
    /// ```
    pub fn hasher(self) -> ChecksumHasher {
        use sha1::Digest as _;
        let state = match self {
            Self::Crc32 => HasherState::Crc32(crc32fast::Hasher::new()),
            Self::Crc32c => HasherState::Crc32c(0),
            Self::Crc64Nvme => HasherState::Crc64Nvme(CRC64_NVME.digest()),
            Self::Sha1 => HasherState::Sha1(sha1::Sha1::new()),
            Self::Sha256 => HasherState::Sha256(sha2::Sha256::new()),
        };
        ChecksumHasher { state }
    }
}

/// CRC-64/NVME's table, built once at compile time (a digest borrows it).
static CRC64_NVME: crc::Crc<u64> = crc::Crc::<u64>::new(&crc::CRC_64_NVME);

/// A checksum of a body read piece by piece ([`ChecksumAlgorithm::hasher`]).
///
/// ```
/// use awso_core::protocol::ChecksumAlgorithm;
/// let mut hasher = ChecksumAlgorithm::Crc32c.hasher();
/// for piece in [b"hel".as_slice(), b"lo"] {
///     hasher.update(piece);
/// }
/// assert_eq!(hasher.finish(), ChecksumAlgorithm::Crc32c.checksum(b"hello"));
/// ```
pub struct ChecksumHasher {
    state: HasherState,
}

enum HasherState {
    Crc32(crc32fast::Hasher),
    Crc32c(u32),
    Crc64Nvme(crc::Digest<'static, u64>),
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
}

impl ChecksumHasher {
    /// Adds the next piece of the body.
    ///
    /// ```
    /// use awso_core::protocol::ChecksumAlgorithm;
    /// let mut hasher = ChecksumAlgorithm::Sha1.hasher();
    /// hasher.update(b"");
    /// assert_eq!(hasher.finish(), ChecksumAlgorithm::Sha1.checksum(b""));
    /// ```
    pub fn update(&mut self, piece: &[u8]) {
        use sha1::Digest as _;
        match &mut self.state {
            HasherState::Crc32(h) => h.update(piece),
            HasherState::Crc32c(crc) => *crc = crc32c::crc32c_append(*crc, piece),
            HasherState::Crc64Nvme(h) => h.update(piece),
            HasherState::Sha1(h) => h.update(piece),
            HasherState::Sha256(h) => h.update(piece),
        }
    }

    /// The checksum of everything added, base64 as the header carries it.
    ///
    /// ```
    /// use awso_core::protocol::ChecksumAlgorithm;
    /// let mut hasher = ChecksumAlgorithm::Crc32.hasher();
    /// hasher.update(b"hello world");
    /// assert_eq!(hasher.finish(), "DUoRhQ==");
    /// ```
    pub fn finish(self) -> String {
        use sha1::Digest as _;
        match self.state {
            HasherState::Crc32(h) => encode_base64(&h.finalize().to_be_bytes()),
            HasherState::Crc32c(crc) => encode_base64(&crc.to_be_bytes()),
            HasherState::Crc64Nvme(h) => encode_base64(&h.finalize().to_be_bytes()),
            HasherState::Sha1(h) => encode_base64(&h.finalize()),
            HasherState::Sha256(h) => encode_base64(&h.finalize()),
        }
    }
}

impl std::fmt::Debug for ChecksumHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self.state {
            HasherState::Crc32(_) => "CRC32",
            HasherState::Crc32c(_) => "CRC32C",
            HasherState::Crc64Nvme(_) => "CRC64NVME",
            HasherState::Sha1(_) => "SHA1",
            HasherState::Sha256(_) => "SHA256",
        };
        f.debug_struct("ChecksumHasher")
            .field("algorithm", &name)
            .finish_non_exhaustive()
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
    match ExpectedChecksum::find(algorithms, headers) {
        Some(expected) => expected.verify(&expected.algorithm().checksum(body)),
        None => Ok(()),
    }
}

/// The checksum a response's headers say its body has: the first `x-amz-checksum-*` header
/// among the algorithms allowed (cheapest first), unless it is a checksum of the parts of a
/// multipart upload (`...-3`), which no body can be checked against. For a body checked as
/// it streams, with [`ChecksumAlgorithm::hasher`].
///
/// ```
/// use awso_core::protocol::{ChecksumAlgorithm, ExpectedChecksum};
/// let mut headers = http::HeaderMap::new();
/// headers.insert("x-amz-checksum-crc32", "DUoRhQ==".parse()?);
/// let expected = ExpectedChecksum::find(&[ChecksumAlgorithm::Crc32], &headers).unwrap();
/// let mut hasher = expected.algorithm().hasher();
/// hasher.update(b"hello world");
/// assert!(expected.verify(&hasher.finish()).is_ok());
/// assert!(expected.verify("AAAAAA==").is_err());
/// // Of the parts of a multipart upload: nothing to check.
/// headers.insert("x-amz-checksum-crc32", "DUoRhQ==-3".parse()?);
/// assert!(ExpectedChecksum::find(&[ChecksumAlgorithm::Crc32], &headers).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedChecksum {
    algorithm: ChecksumAlgorithm,
    value: String,
}

impl ExpectedChecksum {
    /// The checksum `headers` carry of one of `algorithms`, if any can be checked.
    ///
    /// ```
    /// use awso_core::protocol::{ChecksumAlgorithm, ExpectedChecksum};
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("x-amz-checksum-sha256", "x".parse()?);
    /// // SHA-256 is not among the operation's algorithms here.
    /// assert!(ExpectedChecksum::find(&[ChecksumAlgorithm::Crc32], &headers).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn find(algorithms: &[ChecksumAlgorithm], headers: &http::HeaderMap) -> Option<Self> {
        let (algorithm, sent) = PREFERENCE
            .into_iter()
            .filter(|a| algorithms.contains(a))
            .find_map(|a| Some((a, headers.get(a.header())?)))?;
        let value = String::from_utf8_lossy(sent.as_bytes()).trim().to_owned();
        (!is_composite(&value)).then_some(ExpectedChecksum { algorithm, value })
    }

    /// The algorithm to compute.
    ///
    /// ```
    /// use awso_core::protocol::{ChecksumAlgorithm, ExpectedChecksum};
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("x-amz-checksum-crc32c", "yZRlqg==".parse()?);
    /// let all = [ChecksumAlgorithm::Crc32, ChecksumAlgorithm::Crc32c];
    /// assert_eq!(ExpectedChecksum::find(&all, &headers).unwrap().algorithm(), ChecksumAlgorithm::Crc32c);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn algorithm(&self) -> ChecksumAlgorithm {
        self.algorithm
    }

    /// Compares the checksum `computed` of the body with the one sent: a mismatch is an error
    /// naming the header.
    ///
    /// ```
    /// use awso_core::protocol::{ChecksumAlgorithm, ExpectedChecksum};
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("x-amz-checksum-crc32", "DUoRhQ==".parse()?);
    /// let expected = ExpectedChecksum::find(&[ChecksumAlgorithm::Crc32], &headers).unwrap();
    /// let error = expected.verify(&ChecksumAlgorithm::Crc32.checksum(b"cut")).unwrap_err();
    /// assert!(error.to_string().contains("x-amz-checksum-crc32"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify(&self, computed: &str) -> Result<()> {
        if computed == self.value {
            return Ok(());
        }
        Err(Error::invalid(
            "response checksum",
            format!(
                "the body's {} is {computed}, but the `{}` header says {:?}: the body was \
                 changed or cut on the way",
                self.algorithm.name(),
                self.algorithm.header(),
                self.value
            ),
        ))
    }
}

/// Whether a checksum is of the parts of a multipart upload (`<base64>-<parts>`).
fn is_composite(checksum: &str) -> bool {
    checksum
        .rsplit_once('-')
        .is_some_and(|(_, parts)| !parts.is_empty() && parts.bytes().all(|b| b.is_ascii_digit()))
}

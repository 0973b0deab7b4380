//! What to sign with: region, signing name, time and the service's canonicalisation rules.

use std::time::{Duration, SystemTime};

/// The longest a presigned URL may live: seven days.
///
/// ```
/// # use std::time::{Duration, UNIX_EPOCH};
/// # use awso_client::credentials::Credentials;
/// use awso_client::sign::{sign, SignableRequest, SigningParams, MAX_PRESIGNED_EXPIRY};
/// let request = SignableRequest::new("GET", "/").header("host", b"example.com");
/// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH).presigned(MAX_PRESIGNED_EXPIRY);
/// assert!(sign(&request, &Credentials::new("AKID", "secret"), &params).is_ok());
/// ```
pub const MAX_PRESIGNED_EXPIRY: Duration = Duration::from_secs(604_800);

/// Where the signature goes.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::sign::{SignatureLocation, SigningParams};
/// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH);
/// assert_eq!(params.signing_settings().location, SignatureLocation::Headers);
/// let presigned = params.presigned(Duration::from_secs(60));
/// let expected = SignatureLocation::Query { expires_in: Duration::from_secs(60) };
/// assert_eq!(presigned.signing_settings().location, expected);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureLocation {
    /// `Authorization`, `X-Amz-Date` and friends as headers.
    Headers,
    /// `X-Amz-*` query parameters: a presigned URL, valid for `expires_in` (1 s ..= 7 days).
    Query {
        /// How long the URL stays valid after the signing time.
        expires_in: Duration,
    },
}

/// The service's canonicalisation rules and where the signature goes.
///
/// The default suits every service but S3; [`SigningSettings::s3`] has S3's rules.
///
/// ```
/// use awso_client::sign::SigningSettings;
/// let s3 = SigningSettings::s3();
/// assert!(!s3.normalize_path && !s3.double_encode_path && s3.content_sha256_header);
/// assert!(SigningSettings::default().double_encode_path);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SigningSettings {
    /// Header or query (presigned) signature.
    pub location: SignatureLocation,
    /// Remove `.`, `..` and empty segments from the path before encoding (not for S3).
    pub normalize_path: bool,
    /// Percent-encode the wire path again, so its `%` escapes are data (not for S3, or when an
    /// endpoint's `authSchemes` says `disableDoubleEncoding`).
    pub double_encode_path: bool,
    /// Send and sign `x-amz-content-sha256` with the payload hash (S3, header form only).
    pub content_sha256_header: bool,
    /// Sign without the session token and add `X-Amz-Security-Token` afterwards (services such
    /// as IoT that drop the token before checking the signature).
    pub omit_session_token: bool,
}

impl SigningSettings {
    /// S3's rules: the path as sent, encoded once, and `x-amz-content-sha256`.
    ///
    /// ```
    /// use awso_client::sign::{SignatureLocation, SigningSettings};
    /// let s3 = SigningSettings::s3();
    /// assert_eq!(s3.location, SignatureLocation::Headers);
    /// assert!(s3.content_sha256_header && !s3.omit_session_token);
    /// ```
    pub const fn s3() -> Self {
        SigningSettings {
            location: SignatureLocation::Headers,
            normalize_path: false,
            double_encode_path: false,
            content_sha256_header: true,
            omit_session_token: false,
        }
    }
}

impl Default for SigningSettings {
    fn default() -> Self {
        SigningSettings {
            location: SignatureLocation::Headers,
            normalize_path: true,
            double_encode_path: true,
            content_sha256_header: false,
            omit_session_token: false,
        }
    }
}

/// Region (or SigV4a region set), signing name, time and settings of one signature.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awso_client::sign::{SigningParams, SigningSettings};
/// let params = SigningParams::new("eu-west-1", "s3", UNIX_EPOCH)
///     .settings(SigningSettings::s3())
///     .presigned(Duration::from_secs(900));
/// assert_eq!(params.region(), "eu-west-1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningParams<'a> {
    region: &'a str,
    name: &'a str,
    time: SystemTime,
    settings: SigningSettings,
}

impl<'a> SigningParams<'a> {
    /// Signing for `region` (SigV4a: a region set such as `us-east-1,us-west-2` or `*`) and the
    /// service's signing `name` at `time`, with the default settings.
    ///
    /// ```
    /// use std::time::UNIX_EPOCH;
    /// use awso_client::sign::{SigningParams, SigningSettings};
    /// let params = SigningParams::new("us-east-1,us-west-2", "s3", UNIX_EPOCH);
    /// assert_eq!(params.region(), "us-east-1,us-west-2");
    /// assert_eq!(*params.signing_settings(), SigningSettings::default());
    /// ```
    pub fn new(region: &'a str, name: &'a str, time: SystemTime) -> Self {
        SigningParams {
            region,
            name,
            time,
            settings: SigningSettings::default(),
        }
    }

    /// The same parameters with other settings.
    ///
    /// ```
    /// use std::time::UNIX_EPOCH;
    /// use awso_client::sign::{SigningParams, SigningSettings};
    /// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH).settings(SigningSettings::s3());
    /// assert!(!params.signing_settings().double_encode_path);
    /// ```
    #[must_use]
    pub fn settings(mut self, settings: SigningSettings) -> Self {
        self.settings = settings;
        self
    }

    /// The same parameters for a presigned URL valid for `expires_in`.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use awso_client::sign::{SignatureLocation, SigningParams, SigningSettings};
    /// // Presigning keeps the other settings.
    /// let params = SigningParams::new("us-east-1", "s3", UNIX_EPOCH)
    ///     .settings(SigningSettings::s3())
    ///     .presigned(Duration::from_secs(30));
    /// assert!(params.signing_settings().content_sha256_header);
    /// assert!(matches!(params.signing_settings().location, SignatureLocation::Query { .. }));
    /// ```
    #[must_use]
    pub fn presigned(mut self, expires_in: Duration) -> Self {
        self.settings.location = SignatureLocation::Query { expires_in };
        self
    }

    /// The region, or the SigV4a region set.
    ///
    /// ```
    /// use std::time::UNIX_EPOCH;
    /// use awso_client::sign::SigningParams;
    /// assert_eq!(SigningParams::new("*", "s3", UNIX_EPOCH).region(), "*");
    /// ```
    pub fn region(&self) -> &'a str {
        self.region
    }

    /// The signing name (`signingName` in the model, usually the endpoint prefix).
    ///
    /// ```
    /// use std::time::UNIX_EPOCH;
    /// use awso_client::sign::SigningParams;
    /// assert_eq!(SigningParams::new("us-east-1", "execute-api", UNIX_EPOCH).name(), "execute-api");
    /// ```
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The signing time.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use awso_client::sign::SigningParams;
    /// let at = UNIX_EPOCH + Duration::from_secs(5);
    /// assert_eq!(SigningParams::new("us-east-1", "s3", at).time(), at);
    /// ```
    pub fn time(&self) -> SystemTime {
        self.time
    }

    /// The canonicalisation rules and signature location.
    ///
    /// ```
    /// use std::time::UNIX_EPOCH;
    /// use awso_client::sign::SigningParams;
    /// assert!(SigningParams::new("us-east-1", "sts", UNIX_EPOCH).signing_settings().normalize_path);
    /// ```
    pub fn signing_settings(&self) -> &SigningSettings {
        &self.settings
    }
}

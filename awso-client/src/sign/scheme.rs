//! Which auth scheme an operation uses, from botocore's metadata, and what a resolved
//! endpoint's `authSchemes` may change about it. Pure data in, decision out.
//!
//! Precedence, as botocore applies it: the operation's `auth` list, then its `authtype`, then
//! the service's `auth` list, then the service's `signatureVersion`. From a list the first
//! scheme this build supports wins (SigV4a only with the `sigv4a` feature).
//!
//! ```
//! use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
//!
//! let sts = ServiceAuth { signature_version: Some("v4"), endpoint_prefix: "sts", ..ServiceAuth::default() };
//! let scheme = AuthScheme::select(&sts, &OperationAuth::default()).unwrap();
//! let AuthScheme::SigV4(sigv4) = &scheme else { panic!("{scheme:?}") };
//! assert_eq!(sigv4.signing_name, "sts");
//!
//! // AssumeRoleWithWebIdentity is `authtype: none`.
//! let unsigned = OperationAuth { authtype: Some("none"), ..OperationAuth::default() };
//! assert_eq!(AuthScheme::select(&sts, &unsigned).unwrap(), AuthScheme::NoAuth);
//! ```

use std::fmt;

use super::params::SigningSettings;

const SIGV4: &str = "aws.auth#sigv4";
const SIGV4A: &str = "aws.auth#sigv4a";
const BEARER: &str = "smithy.api#httpBearerAuth";
const NO_AUTH: &str = "smithy.api#noAuth";

/// The service-wide auth metadata of a botocore model (`metadata`).
///
/// ```
/// use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
/// // Newer models list scheme ids; the first one this build supports wins.
/// let service = ServiceAuth {
///     auth: &["smithy.api#httpBearerAuth", "aws.auth#sigv4"],
///     endpoint_prefix: "codecatalyst",
///     ..ServiceAuth::default()
/// };
/// assert_eq!(AuthScheme::select(&service, &OperationAuth::default()).unwrap(), AuthScheme::Bearer);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ServiceAuth<'a> {
    /// `metadata.auth`: scheme ids in order of preference (newer models).
    pub auth: &'a [&'a str],
    /// `metadata.signatureVersion`: `v4`, `s3`, `s3v4`, `v4a`, `bearer`.
    pub signature_version: Option<&'a str>,
    /// `metadata.signingName`, when it differs from the endpoint prefix.
    pub signing_name: Option<&'a str>,
    /// `metadata.endpointPrefix`: the signing name when there is no `signingName`.
    pub endpoint_prefix: &'a str,
}

/// One operation's auth traits in a botocore model.
///
/// ```
/// use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
/// let service = ServiceAuth { signature_version: Some("v4"), endpoint_prefix: "lambda", ..ServiceAuth::default() };
/// let unsigned_body = OperationAuth { authtype: Some("v4-unsigned-body"), ..OperationAuth::default() };
/// let AuthScheme::SigV4(sigv4) = AuthScheme::select(&service, &unsigned_body).unwrap() else { panic!() };
/// assert!(sigv4.unsigned_payload);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OperationAuth<'a> {
    /// The operation's `auth` list, which replaces the service's.
    pub auth: Option<&'a [&'a str]>,
    /// The operation's `authtype`: `none`, `v4`, `v4-unsigned-body`, `bearer`.
    pub authtype: Option<&'a str>,
}

/// SigV4 or SigV4a as an operation uses it; [`SigV4Auth::settings`] turns it into signing settings.
///
/// ```
/// use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
/// let service = ServiceAuth {
///     signature_version: Some("v4"),
///     signing_name: Some("execute-api"),
///     endpoint_prefix: "apigateway",
///     ..ServiceAuth::default()
/// };
/// let AuthScheme::SigV4(sigv4) = AuthScheme::select(&service, &OperationAuth::default()).unwrap() else { panic!() };
/// assert_eq!(sigv4.signing_name, "execute-api");
/// assert!(sigv4.double_encode_path && sigv4.normalize_path && !sigv4.content_sha256_header);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigV4Auth {
    /// The name in the credential scope.
    pub signing_name: String,
    /// A region that replaces the client's (an endpoint's `signingRegion`).
    pub signing_region: Option<String>,
    /// SigV4a's region set (an endpoint's `signingRegionSet`); `None`: the client's region.
    pub signing_region_set: Option<Vec<String>>,
    /// Encode the path twice (off for S3 or by `disableDoubleEncoding`).
    pub double_encode_path: bool,
    /// Normalise the path (off for S3).
    pub normalize_path: bool,
    /// Send `x-amz-content-sha256` (S3).
    pub content_sha256_header: bool,
    /// Sign `UNSIGNED-PAYLOAD` instead of the body's hash (`authtype: v4-unsigned-body`).
    pub unsigned_payload: bool,
    /// S3 Express One Zone (`sigv4-s3express`): sign with the session credentials of the
    /// directory bucket the request goes to (from its `CreateSession`), their token sent as
    /// `x-amz-s3session-token`, rather than with the caller's own credentials.
    pub s3_express_session: bool,
}

impl SigV4Auth {
    fn for_service(signing_name: &str) -> Self {
        // S3 and its relatives sign the path as sent and the payload hash header.
        let s3 = matches!(
            signing_name,
            "s3" | "s3-outposts" | "s3-object-lambda" | "s3express"
        );
        SigV4Auth {
            signing_name: signing_name.to_owned(),
            signing_region: None,
            signing_region_set: None,
            double_encode_path: !s3,
            normalize_path: !s3,
            content_sha256_header: s3,
            unsigned_payload: false,
            s3_express_session: false,
        }
    }

    /// The signing settings (header form) these rules call for.
    ///
    /// ```
    /// use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth, SigningSettings};
    /// let s3 = ServiceAuth { signature_version: Some("s3v4"), endpoint_prefix: "s3", ..ServiceAuth::default() };
    /// let AuthScheme::SigV4(sigv4) = AuthScheme::select(&s3, &OperationAuth::default()).unwrap() else { panic!() };
    /// assert_eq!(sigv4.settings(), SigningSettings::s3());
    /// ```
    pub fn settings(&self) -> SigningSettings {
        SigningSettings {
            double_encode_path: self.double_encode_path,
            normalize_path: self.normalize_path,
            content_sha256_header: self.content_sha256_header,
            ..SigningSettings::default()
        }
    }
}

/// How an operation authenticates.
///
/// ```
/// use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
/// let sso = ServiceAuth { signature_version: Some("bearer"), endpoint_prefix: "portal.sso", ..ServiceAuth::default() };
/// assert_eq!(AuthScheme::select(&sso, &OperationAuth::default()).unwrap(), AuthScheme::Bearer);
/// let v4a = ServiceAuth { signature_version: Some("v4a"), endpoint_prefix: "s3", ..ServiceAuth::default() };
/// let scheme = AuthScheme::select(&v4a, &OperationAuth::default());
/// assert!(matches!(scheme, Ok(AuthScheme::SigV4a(_))));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthScheme {
    /// SigV4 with HMAC-SHA256.
    SigV4(SigV4Auth),
    /// SigV4a with ECDSA P-256 over a region set.
    SigV4a(SigV4Auth),
    /// `Authorization: Bearer <token>`.
    Bearer,
    /// Not signed (`authtype: none`, `smithy.api#noAuth`).
    NoAuth,
}

/// No scheme the model names is supported by this build.
///
/// ```
/// use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
/// let service = ServiceAuth { endpoint_prefix: "example", ..ServiceAuth::default() };
/// let custom = OperationAuth { auth: Some(&["example#custom"][..]), ..OperationAuth::default() };
/// let error = AuthScheme::select(&service, &custom).unwrap_err();
/// assert_eq!(error.to_string(), r#"no supported auth scheme among ["example#custom"]"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsupportedAuth {
    offered: Vec<String>,
}

impl fmt::Display for UnsupportedAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no supported auth scheme among {:?}", self.offered)
    }
}

impl std::error::Error for UnsupportedAuth {}

impl AuthScheme {
    /// The scheme `operation` of `service` uses.
    ///
    /// ```
    /// use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
    /// // The operation's own list beats the service's signature version.
    /// let service = ServiceAuth { signature_version: Some("v4"), endpoint_prefix: "sts", ..ServiceAuth::default() };
    /// let no_auth = OperationAuth { auth: Some(&["smithy.api#noAuth"][..]), authtype: Some("v4") };
    /// assert_eq!(AuthScheme::select(&service, &no_auth).unwrap(), AuthScheme::NoAuth);
    /// ```
    pub fn select(
        service: &ServiceAuth<'_>,
        operation: &OperationAuth<'_>,
    ) -> Result<Self, UnsupportedAuth> {
        let name = service.signing_name.unwrap_or(service.endpoint_prefix);
        if let Some(auth) = operation.auth {
            return first_supported(auth, name);
        }
        match operation.authtype {
            Some("none") => return Ok(AuthScheme::NoAuth),
            Some("bearer") => return Ok(AuthScheme::Bearer),
            Some("v4-unsigned-body") => {
                let mut sigv4 = SigV4Auth::for_service(name);
                sigv4.unsigned_payload = true;
                return Ok(AuthScheme::SigV4(sigv4));
            }
            _ => {}
        }
        if !service.auth.is_empty() {
            return first_supported(service.auth, name);
        }
        let id = match service.signature_version {
            Some("v4" | "s3" | "s3v4") | None => SIGV4,
            Some("v4a") => SIGV4A,
            Some("bearer") => BEARER,
            Some(other) => {
                return Err(UnsupportedAuth {
                    offered: vec![other.to_owned()],
                });
            }
        };
        first_supported(&[id], name)
    }

    /// The scheme after a resolved endpoint's `authSchemes`: the first one this build supports
    /// replaces the model's SigV4 / SigV4a choice and its knobs; bearer and no-auth stay.
    ///
    /// ```
    /// use awso_client::sign::{AuthScheme, EndpointAuthOverride, OperationAuth, ServiceAuth};
    /// let s3 = ServiceAuth { signature_version: Some("s3v4"), endpoint_prefix: "s3", ..ServiceAuth::default() };
    /// let model = AuthScheme::select(&s3, &OperationAuth::default()).unwrap();
    /// let endpoint = [EndpointAuthOverride {
    ///     name: "sigv4",
    ///     signing_name: Some("s3-outposts"),
    ///     signing_region: Some("us-west-2"),
    ///     disable_double_encoding: Some(true),
    ///     ..EndpointAuthOverride::default()
    /// }];
    /// let AuthScheme::SigV4(sigv4) = model.with_endpoint(&endpoint) else { panic!() };
    /// assert_eq!(sigv4.signing_name, "s3-outposts");
    /// assert_eq!(sigv4.signing_region.as_deref(), Some("us-west-2"));
    /// assert!(!sigv4.double_encode_path);
    /// ```
    #[must_use]
    pub fn with_endpoint(self, schemes: &[EndpointAuthOverride<'_>]) -> Self {
        let model = match self {
            AuthScheme::SigV4(model) | AuthScheme::SigV4a(model) => model,
            other => return other,
        };
        for scheme in schemes {
            let (v4a, s3_express_session) = match scheme.name {
                "sigv4" => (false, false),
                "sigv4-s3express" => (false, true),
                "sigv4a" if cfg!(feature = "sigv4a") => (true, false),
                _ => continue,
            };
            let mut sigv4 = model.clone();
            sigv4.s3_express_session = s3_express_session;
            if let Some(name) = scheme.signing_name {
                name.clone_into(&mut sigv4.signing_name);
            }
            sigv4.signing_region = scheme
                .signing_region
                .map(str::to_owned)
                .or(sigv4.signing_region);
            if let Some(set) = scheme.signing_region_set {
                sigv4.signing_region_set =
                    Some(set.iter().map(|region| (*region).to_owned()).collect());
            }
            if let Some(disable) = scheme.disable_double_encoding {
                sigv4.double_encode_path = !disable;
            }
            return if v4a {
                AuthScheme::SigV4a(sigv4)
            } else {
                AuthScheme::SigV4(sigv4)
            };
        }
        AuthScheme::SigV4(model)
    }
}

/// One entry of a resolved endpoint's `authSchemes` property.
///
/// S3 directory buckets name `sigv4-s3express`: SigV4 with the bucket's session credentials.
///
/// ```
/// use awso_client::sign::{AuthScheme, EndpointAuthOverride, OperationAuth, ServiceAuth};
/// let s3 = ServiceAuth { signature_version: Some("s3v4"), endpoint_prefix: "s3", ..ServiceAuth::default() };
/// let model = AuthScheme::select(&s3, &OperationAuth::default()).unwrap();
/// let express = [EndpointAuthOverride {
///     name: "sigv4-s3express",
///     signing_name: Some("s3express"),
///     ..EndpointAuthOverride::default()
/// }];
/// let AuthScheme::SigV4(sigv4) = model.with_endpoint(&express) else { panic!() };
/// assert!(sigv4.s3_express_session && sigv4.signing_name == "s3express");
/// ```
///
/// ```
/// use awso_client::sign::{AuthScheme, EndpointAuthOverride, OperationAuth, ServiceAuth};
/// let service = ServiceAuth { signature_version: Some("v4"), endpoint_prefix: "sts", ..ServiceAuth::default() };
/// let model = AuthScheme::select(&service, &OperationAuth::default()).unwrap();
/// // A scheme this build does not know is skipped; the next one applies.
/// let schemes = [
///     EndpointAuthOverride { name: "sigv5", ..EndpointAuthOverride::default() },
///     EndpointAuthOverride { name: "sigv4", signing_region: Some("eu-west-1"), ..EndpointAuthOverride::default() },
/// ];
/// let AuthScheme::SigV4(sigv4) = model.with_endpoint(&schemes) else { panic!() };
/// assert_eq!(sigv4.signing_region.as_deref(), Some("eu-west-1"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EndpointAuthOverride<'a> {
    /// `name`: `sigv4`, `sigv4a`, `sigv4-s3express`, ...
    pub name: &'a str,
    /// `signingName`.
    pub signing_name: Option<&'a str>,
    /// `signingRegion` (SigV4).
    pub signing_region: Option<&'a str>,
    /// `signingRegionSet` (SigV4a).
    pub signing_region_set: Option<&'a [&'a str]>,
    /// `disableDoubleEncoding`.
    pub disable_double_encoding: Option<bool>,
}

fn first_supported(ids: &[&str], signing_name: &str) -> Result<AuthScheme, UnsupportedAuth> {
    for id in ids {
        match *id {
            SIGV4 => return Ok(AuthScheme::SigV4(SigV4Auth::for_service(signing_name))),
            SIGV4A if cfg!(feature = "sigv4a") => {
                return Ok(AuthScheme::SigV4a(SigV4Auth::for_service(signing_name)));
            }
            BEARER => return Ok(AuthScheme::Bearer),
            NO_AUTH => return Ok(AuthScheme::NoAuth),
            _ => {}
        }
    }
    Err(UnsupportedAuth {
        offered: ids.iter().map(|id| (*id).to_owned()).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service<'a>(auth: &'a [&'a str], version: Option<&'a str>) -> ServiceAuth<'a> {
        ServiceAuth {
            auth,
            signature_version: version,
            signing_name: None,
            endpoint_prefix: "svc",
        }
    }

    #[test]
    fn operation_auth_list_beats_authtype_and_service_auth() {
        let op = OperationAuth {
            auth: Some(&[NO_AUTH]),
            authtype: Some("v4"),
        };
        assert_eq!(
            AuthScheme::select(&service(&[SIGV4], None), &op).unwrap(),
            AuthScheme::NoAuth
        );
    }

    #[test]
    fn authtype_beats_service_auth() {
        let op = OperationAuth {
            auth: None,
            authtype: Some("bearer"),
        };
        assert_eq!(
            AuthScheme::select(&service(&[SIGV4], None), &op).unwrap(),
            AuthScheme::Bearer
        );
        let op = OperationAuth {
            auth: None,
            authtype: Some("v4-unsigned-body"),
        };
        let AuthScheme::SigV4(sigv4) = AuthScheme::select(&service(&[], Some("v4")), &op).unwrap()
        else {
            panic!("not sigv4")
        };
        assert!(sigv4.unsigned_payload);
    }

    #[test]
    fn service_auth_list_picks_first_supported() {
        let list = [SIGV4A, SIGV4];
        let scheme =
            AuthScheme::select(&service(&list, Some("v4")), &OperationAuth::default()).unwrap();
        let expected_v4a = cfg!(feature = "sigv4a");
        assert_eq!(
            matches!(scheme, AuthScheme::SigV4a(_)),
            expected_v4a,
            "{scheme:?}"
        );
        let scheme =
            AuthScheme::select(&service(&[BEARER], None), &OperationAuth::default()).unwrap();
        assert_eq!(scheme, AuthScheme::Bearer);
    }

    #[test]
    fn signature_version_and_signing_name() {
        let mut model = service(&[], Some("v4"));
        model.signing_name = Some("execute-api");
        let AuthScheme::SigV4(sigv4) =
            AuthScheme::select(&model, &OperationAuth::default()).unwrap()
        else {
            panic!("not sigv4")
        };
        assert_eq!(sigv4.signing_name, "execute-api");
        assert!(sigv4.double_encode_path && sigv4.normalize_path);
        let error =
            AuthScheme::select(&service(&[], Some("v2")), &OperationAuth::default()).unwrap_err();
        assert_eq!(error.to_string(), "no supported auth scheme among [\"v2\"]");
        let error = AuthScheme::select(&service(&["custom#auth"], None), &OperationAuth::default());
        assert!(error.is_err());
    }

    #[test]
    fn only_the_s3express_scheme_signs_with_a_session() {
        let s3 = ServiceAuth {
            signature_version: Some("s3v4"),
            endpoint_prefix: "s3",
            ..ServiceAuth::default()
        };
        let model = AuthScheme::select(&s3, &OperationAuth::default()).unwrap();
        let scheme = |name| EndpointAuthOverride {
            name,
            signing_name: Some("s3express"),
            signing_region: Some("us-west-2"),
            ..EndpointAuthOverride::default()
        };
        // The data plane: session auth, S3's path rules and payload header kept.
        let AuthScheme::SigV4(express) = model.clone().with_endpoint(&[scheme("sigv4-s3express")])
        else {
            panic!("not sigv4")
        };
        assert!(express.s3_express_session && express.content_sha256_header);
        assert_eq!(express.signing_region.as_deref(), Some("us-west-2"));
        // CreateSession and `DisableS3ExpressSessionAuth`: plain SigV4 for `s3express`.
        let AuthScheme::SigV4(plain) = model.with_endpoint(&[scheme("sigv4")]) else {
            panic!("not sigv4")
        };
        assert!(!plain.s3_express_session);
        assert_eq!(plain.signing_name, "s3express");
    }

    #[test]
    fn endpoint_schemes_skip_unknown_and_keep_bearer() {
        let model =
            AuthScheme::select(&service(&[], Some("v4")), &OperationAuth::default()).unwrap();
        let schemes = [
            EndpointAuthOverride {
                name: "sigv5",
                ..EndpointAuthOverride::default()
            },
            EndpointAuthOverride {
                name: "sigv4",
                signing_region: Some("eu-west-1"),
                ..EndpointAuthOverride::default()
            },
        ];
        let AuthScheme::SigV4(sigv4) = model.with_endpoint(&schemes) else {
            panic!("not sigv4")
        };
        assert_eq!(sigv4.signing_region.as_deref(), Some("eu-west-1"));
        assert_eq!(
            AuthScheme::Bearer.with_endpoint(&schemes),
            AuthScheme::Bearer
        );
    }

    #[cfg(feature = "sigv4a")]
    #[test]
    fn endpoint_can_switch_to_sigv4a_with_a_region_set() {
        let model =
            AuthScheme::select(&service(&[], Some("v4")), &OperationAuth::default()).unwrap();
        let set = ["*"];
        let schemes = [EndpointAuthOverride {
            name: "sigv4a",
            signing_region_set: Some(&set),
            ..EndpointAuthOverride::default()
        }];
        let AuthScheme::SigV4a(sigv4a) = model.with_endpoint(&schemes) else {
            panic!("not sigv4a")
        };
        assert_eq!(sigv4a.signing_region_set, Some(vec!["*".to_owned()]));
    }
}

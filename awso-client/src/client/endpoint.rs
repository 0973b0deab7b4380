//! Where one call goes and how it signs: the service's rules resolved with every parameter
//! (client settings, built-ins, the operation's input bindings), or the configured URL when
//! the service carries no rules.

use std::convert::Infallible;

use awso_core::protocol::Endpoint;

use super::{Config, ErrorKind, ServiceSpec};
use crate::credentials::Credentials;
use crate::endpoint::binding::{BindingError, OperationEndpoint, bind_built_ins, built_in};
use crate::endpoint::{self, Params, RuleSet, Value};
use crate::sign::{
    AuthScheme, EndpointAuthOverride, Payload, SigV4Auth, SignableRequest, SigningError,
    SigningParams,
};

/// The endpoint settings of a [`Config`]: FIPS, dual-stack, and any other built-in or client
/// context parameter by name (`ForcePathStyle`, `AWS::S3::Accelerate`, ...).
///
/// ```
/// use awso_client::client::EndpointSettings;
/// use awso_client::endpoint::Value;
///
/// let settings = EndpointSettings::default().use_fips(true).param("ForcePathStyle", true);
/// assert_eq!(settings.get("AWS::UseFIPS"), Some(&Value::from(true)));
/// assert_eq!(settings.get("ForcePathStyle"), Some(&Value::from(true)));
/// assert_eq!(settings.get("AWS::UseDualStack"), None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EndpointSettings {
    /// Built-ins (names with `::`) and client context parameters, in the order set.
    values: Vec<(String, Value)>,
}

impl EndpointSettings {
    /// Asks for FIPS endpoints (`AWS::UseFIPS`).
    ///
    /// ```
    /// use awso_client::client::EndpointSettings;
    /// use awso_client::endpoint::Value;
    /// let settings = EndpointSettings::default().use_fips(true);
    /// assert_eq!(settings.get("AWS::UseFIPS"), Some(&Value::Bool(true)));
    /// ```
    #[must_use]
    pub fn use_fips(self, on: bool) -> Self {
        self.param(built_in::USE_FIPS, on)
    }

    /// Asks for dual-stack endpoints (`AWS::UseDualStack`).
    ///
    /// ```
    /// use awso_client::client::EndpointSettings;
    /// use awso_client::endpoint::Value;
    /// let settings = EndpointSettings::default().use_dual_stack(true);
    /// assert_eq!(settings.get("AWS::UseDualStack"), Some(&Value::Bool(true)));
    /// ```
    #[must_use]
    pub fn use_dual_stack(self, on: bool) -> Self {
        self.param(built_in::USE_DUAL_STACK, on)
    }

    /// Sets a built-in (a name with `::`, such as `AWS::S3::ForcePathStyle`, bound to
    /// whichever parameter the service's rules give it) or a client context parameter (by
    /// its name in the rules, such as `ForcePathStyle`); a later value replaces an earlier.
    ///
    /// ```
    /// use awso_client::client::EndpointSettings;
    /// use awso_client::endpoint::Value;
    /// let settings = EndpointSettings::default()
    ///     .param("AWS::S3::Accelerate", true)
    ///     .param("AWS::S3::Accelerate", false);
    /// // The later value replaced the earlier.
    /// assert_eq!(settings.get("AWS::S3::Accelerate"), Some(&Value::Bool(false)));
    /// ```
    #[must_use]
    pub fn param(mut self, name: &str, value: impl Into<Value>) -> Self {
        let value = value.into();
        match self.values.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => self.values.push((name.to_owned(), value)),
        }
        self
    }

    /// The value set for `name`.
    ///
    /// ```
    /// use awso_client::client::EndpointSettings;
    /// use awso_client::endpoint::Value;
    /// let settings = EndpointSettings::default().param("Endpoint", "http://127.0.0.1:9");
    /// assert_eq!(settings.get("Endpoint"), Some(&Value::from("http://127.0.0.1:9")));
    /// assert_eq!(settings.get("Region"), None);
    /// ```
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The settings as rule parameters: built-ins through the names `rules` gives them,
    /// client context parameters as they are.
    fn bind(&self, rules: &RuleSet, params: &mut Params) {
        let (built_ins, context): (Vec<_>, Vec<_>) = self
            .values
            .iter()
            .partition(|(name, _)| name.contains("::"));
        for (name, value) in context {
            params.set(name, value.clone());
        }
        bind_built_ins(
            rules,
            built_ins
                .into_iter()
                .map(|(name, value)| (name.as_str(), value.clone())),
            params,
        );
    }
}

/// What the call needs from resolution.
#[derive(Debug)]
pub(super) struct CallEndpoint {
    pub(super) endpoint: Endpoint,
    /// The service's scheme after the endpoint's `authSchemes`.
    pub(super) auth: AuthScheme,
    /// Headers the endpoint asks for.
    pub(super) headers: Vec<(String, String)>,
    /// The part of the URI template the URL carries (S3's `/{Bucket}`).
    pub(super) path_prefix_in_endpoint: Option<&'static str>,
}

/// Resolves where a request of `operation` goes: the rules with every parameter when the
/// service has rules (the configured URL is then their `SDK::Endpoint`), else the URL.
/// `bind` sets the parameters the operation's input binds (it is the one generic step, so
/// it comes in as a closure and the rest is compiled once).
pub(super) fn resolve(
    config: &Config,
    spec: &ServiceSpec,
    operation: &str,
    bind: &dyn Fn(&OperationEndpoint, &mut Params) -> Result<(), BindingError>,
) -> Result<CallEndpoint, ErrorKind<Infallible>> {
    let endpoint_error = |error: String| ErrorKind::Endpoint(error.into());
    let Some(rules) = spec.rules else {
        let url = config.endpoint_url.as_deref().ok_or_else(|| {
            endpoint_error(format!("no endpoint URL configured for {}", spec.name()))
        })?;
        return Ok(CallEndpoint {
            endpoint: parse_url(url)?,
            auth: spec.auth().clone(),
            headers: Vec::new(),
            path_prefix_in_endpoint: None,
        });
    };
    let rules = rules
        .get()
        .map_err(|error| endpoint_error(error.to_string()))?;
    let bindings = spec.bindings_for(operation);
    let mut params = Params::new();
    let built_ins = [
        (built_in::REGION, config.region.clone().map(Value::from)),
        (
            built_in::ENDPOINT,
            config.endpoint_url.clone().map(Value::from),
        ),
    ];
    bind_built_ins(
        rules,
        built_ins
            .into_iter()
            .filter_map(|(name, value)| Some((name, value?))),
        &mut params,
    );
    config.endpoint.bind(rules, &mut params);
    if let Some(bindings) = bindings {
        bind(bindings, &mut params).map_err(|error| ErrorKind::Endpoint(Box::new(error)))?;
    }
    super::customize::endpoint_params(spec.name(), operation, &mut params);
    let resolved = rules
        .resolve(&params, &config.partitions)
        .map_err(|error| ErrorKind::Endpoint(Box::new(error)))?;
    Ok(CallEndpoint {
        endpoint: parse_url(resolved.url())?,
        auth: signing_for(spec.auth(), &resolved),
        headers: headers_of(&resolved),
        path_prefix_in_endpoint: bindings.and_then(|b| b.path_prefix_in_endpoint),
    })
}

fn parse_url<E>(url: &str) -> Result<Endpoint, ErrorKind<E>> {
    Endpoint::parse(url).map_err(|error| ErrorKind::Endpoint(Box::new(error)))
}

/// The model's scheme with the resolved endpoint's `authSchemes` applied.
fn signing_for(model: &AuthScheme, resolved: &endpoint::Endpoint) -> AuthScheme {
    let schemes: Vec<_> = resolved.auth_schemes().collect();
    let region_sets: Vec<Vec<&str>> = schemes
        .iter()
        .map(|scheme| scheme.signing_region_set().collect())
        .collect();
    let overrides: Vec<EndpointAuthOverride<'_>> = schemes
        .iter()
        .zip(&region_sets)
        .filter_map(|(scheme, set)| {
            Some(EndpointAuthOverride {
                name: scheme.name()?,
                signing_name: scheme.signing_name(),
                signing_region: scheme.signing_region(),
                signing_region_set: (!set.is_empty()).then_some(set.as_slice()),
                disable_double_encoding: scheme
                    .get("disableDoubleEncoding")
                    .and_then(Value::as_bool),
            })
        })
        .collect();
    if overrides.is_empty() {
        // No `authSchemes`: the model's choice stands as it is (SigV4a stays SigV4a).
        return model.clone();
    }
    model.clone().with_endpoint(&overrides)
}

fn headers_of(resolved: &endpoint::Endpoint) -> Vec<(String, String)> {
    resolved
        .headers()
        .iter()
        .flat_map(|(name, values)| {
            values
                .iter()
                .map(move |value| (name.clone(), value.clone()))
        })
        .collect()
}

/// Adds the headers the resolved endpoint asks for.
pub(super) fn add_headers<E>(
    headers: &mut http::HeaderMap,
    extra: &[(String, String)],
) -> Result<(), ErrorKind<E>> {
    for (name, value) in extra {
        let bad =
            |what: &str| ErrorKind::Endpoint(format!("endpoint header {name}: {what}").into());
        let name = http::HeaderName::try_from(name.as_str()).map_err(|_| bad("a bad name"))?;
        let value = http::HeaderValue::try_from(value.as_str()).map_err(|_| bad("a bad value"))?;
        headers.append(name, value);
    }
    Ok(())
}

/// Signs with SigV4, or SigV4a over the endpoint's region set: the signing name, region and
/// path encoding are the scheme's (after `authSchemes`), the region else the client's.
pub(super) fn sign_sigv4(
    request: &mut http::Request<bytes::Bytes>,
    credentials: &Credentials,
    auth: &AuthScheme,
    client_region: Option<&str>,
    time: std::time::SystemTime,
) -> Result<(), SigningError> {
    let Some((sigv4, ecdsa, scope)) = signing_scope(auth, client_region) else {
        return Ok(());
    };
    let params = SigningParams::new(&scope, &sigv4.signing_name, time).settings(sigv4.settings());
    let signed = {
        let signable = SignableRequest::from_http(request)
            .payload(payload_of(request, sigv4.unsigned_payload));
        sign_head(&signable, credentials, &params, ecdsa)?
    };
    signed.apply_to(request)
}

/// The SigV4 knobs of `auth`, whether it signs with SigV4a, and the region (SigV4) or region
/// set (SigV4a: the endpoint's, else the region) of its scope; `None` for other schemes.
fn signing_scope<'a>(
    auth: &'a AuthScheme,
    client_region: Option<&str>,
) -> Option<(&'a SigV4Auth, bool, String)> {
    let (AuthScheme::SigV4(sigv4) | AuthScheme::SigV4a(sigv4)) = auth else {
        return None;
    };
    let region = signing_region(sigv4, client_region);
    // Without the feature, SigV4a has no signer: it signs as SigV4 (see `ServiceSpec::from_model`).
    let ecdsa = cfg!(feature = "sigv4a") && matches!(auth, AuthScheme::SigV4a(_));
    let scope = match &sigv4.signing_region_set {
        Some(set) if ecdsa => set.join(","),
        _ => region.to_owned(),
    };
    Some((sigv4, ecdsa, scope))
}

/// A header signature of `signable`, SigV4a when `ecdsa`.
fn sign_head(
    signable: &SignableRequest<'_>,
    credentials: &Credentials,
    params: &SigningParams<'_>,
    ecdsa: bool,
) -> Result<crate::sign::SigningOutput, SigningError> {
    #[cfg(feature = "sigv4a")]
    if ecdsa {
        return crate::sign::sign_v4a(signable, credentials, params);
    }
    let _ = ecdsa;
    crate::sign::sign(signable, credentials, params)
}

/// The region a signature is for: the endpoint's (or auth scheme's) signing region, else the
/// client's.
fn signing_region<'a>(sigv4: &'a SigV4Auth, client_region: Option<&'a str>) -> &'a str {
    sigv4
        .signing_region
        .as_deref()
        .or(client_region)
        .unwrap_or_default()
}

/// What the signature covers of the body: its hash, or `UNSIGNED-PAYLOAD` for operations
/// with `unsignedPayload` (`authtype: v4-unsigned-body`).
fn payload_of(request: &http::Request<bytes::Bytes>, unsigned: bool) -> Payload<'_> {
    if unsigned {
        Payload::Unsigned
    } else {
        Payload::Bytes(request.body().as_ref())
    }
}

/// Signs the head of a streamed upload with SigV4 (or SigV4a over the endpoint's region set)
/// and the payload hash `payload` (the `STREAMING-*` marker of a chunked body, or
/// `UNSIGNED-PAYLOAD`); with `chunked`, returns the signer of the body's chunks, seeded with
/// this signature.
pub(super) fn sign_sigv4_streamed(
    request: &mut http::Request<bytes::Bytes>,
    credentials: &Credentials,
    auth: &AuthScheme,
    client_region: Option<&str>,
    time: std::time::SystemTime,
    (payload, chunked): (&str, bool),
) -> Result<Option<crate::sign::ChunkSigner>, SigningError> {
    let Some((sigv4, ecdsa, scope)) = signing_scope(auth, client_region) else {
        return Ok(None);
    };
    let params = SigningParams::new(&scope, &sigv4.signing_name, time).settings(sigv4.settings());
    let seed = {
        let signable = SignableRequest::from_http(request).payload(Payload::Hash(payload));
        sign_head(&signable, credentials, &params, ecdsa)?
    };
    seed.apply_to(request)?;
    if !chunked {
        return Ok(None);
    }
    crate::sign::ChunkSigner::new(credentials, &params, &seed).map(Some)
}

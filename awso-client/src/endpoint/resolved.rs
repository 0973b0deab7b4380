//! What resolution yields: the endpoint and typed views of its `authSchemes`.

use std::collections::BTreeMap;

use super::value::Value;

/// A resolved endpoint: where to send the request, how to sign it, which headers to add.
///
/// ```
/// use awso_client::endpoint::{Params, Partitions, RuleSet};
///
/// let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
///     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://example.com",
///      "headers": {"x-amz-a": ["1", "2"]}}}]}"#).unwrap();
/// let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
/// assert_eq!(endpoint.url(), "https://example.com");
/// assert_eq!(endpoint.headers()["x-amz-a"], ["1", "2"]);
/// assert!(endpoint.properties().is_empty());
/// assert_eq!(endpoint.auth_schemes().count(), 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub(crate) url: String,
    pub(crate) properties: BTreeMap<String, Value>,
    pub(crate) headers: BTreeMap<String, Vec<String>>,
}

impl Endpoint {
    /// The URL: scheme, host, optional port and path.
    ///
    /// ```
    /// use awso_client::endpoint::{Params, Partitions, RuleSet, Value};
    ///
    /// let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
    ///     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://b.s3.us-east-1.amazonaws.com",
    ///      "headers": {"x-amz-a": ["1"]}, "properties": {"backend": "S3", "authSchemes": [
    ///        {"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1", "disableDoubleEncoding": true},
    ///        {"name": "sigv4a", "signingName": "s3", "signingRegionSet": ["us-*"]}]}}}]}"#).unwrap();
    /// let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
    /// assert_eq!(endpoint.url(), "https://b.s3.us-east-1.amazonaws.com");
    /// ```
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every property the rule gave, as the rule set wrote it (templates filled).
    ///
    /// ```
    /// # use awso_client::endpoint::{Params, Partitions, RuleSet, Value};
    /// #
    /// # let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
    /// #     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://b.s3.us-east-1.amazonaws.com",
    /// #      "headers": {"x-amz-a": ["1"]}, "properties": {"backend": "S3", "authSchemes": [
    /// #        {"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1", "disableDoubleEncoding": true},
    /// #        {"name": "sigv4a", "signingName": "s3", "signingRegionSet": ["us-*"]}]}}}]}"#).unwrap();
    /// # let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
    /// // `endpoint` carries `"properties": {"backend": "S3", "authSchemes": [...]}`.
    /// assert_eq!(endpoint.properties()["backend"], Value::from("S3"));
    /// assert_eq!(endpoint.properties().keys().collect::<Vec<_>>(), ["authSchemes", "backend"]);
    /// ```
    pub fn properties(&self) -> &BTreeMap<String, Value> {
        &self.properties
    }

    /// Headers to add to the request, each with its values.
    ///
    /// ```
    /// # use awso_client::endpoint::{Params, Partitions, RuleSet, Value};
    /// #
    /// # let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
    /// #     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://b.s3.us-east-1.amazonaws.com",
    /// #      "headers": {"x-amz-a": ["1"]}, "properties": {"backend": "S3", "authSchemes": [
    /// #        {"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1", "disableDoubleEncoding": true},
    /// #        {"name": "sigv4a", "signingName": "s3", "signingRegionSet": ["us-*"]}]}}}]}"#).unwrap();
    /// # let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
    /// // `endpoint` carries `"headers": {"x-amz-a": ["1"]}`.
    /// assert_eq!(endpoint.headers()["x-amz-a"], ["1"]);
    /// ```
    pub fn headers(&self) -> &BTreeMap<String, Vec<String>> {
        &self.headers
    }

    /// The `authSchemes` property, in the rule set's order of preference.
    ///
    /// ```
    /// # use awso_client::endpoint::{Params, Partitions, RuleSet, Value};
    /// #
    /// # let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
    /// #     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://b.s3.us-east-1.amazonaws.com",
    /// #      "headers": {"x-amz-a": ["1"]}, "properties": {"backend": "S3", "authSchemes": [
    /// #        {"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1", "disableDoubleEncoding": true},
    /// #        {"name": "sigv4a", "signingName": "s3", "signingRegionSet": ["us-*"]}]}}}]}"#).unwrap();
    /// # let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
    /// // `endpoint` offers SigV4, then SigV4a.
    /// let names: Vec<_> = endpoint.auth_schemes().filter_map(|scheme| scheme.name()).collect();
    /// assert_eq!(names, ["sigv4", "sigv4a"]);
    /// ```
    pub fn auth_schemes(&self) -> impl Iterator<Item = AuthScheme<'_>> {
        let list = self
            .properties
            .get("authSchemes")
            .and_then(Value::as_array)
            .unwrap_or(&[]);
        list.iter().filter_map(|scheme| match scheme {
            Value::Object(members) => Some(AuthScheme { members }),
            _ => None,
        })
    }
}

/// One entry of `authSchemes`: how to sign requests to the endpoint.
///
/// ```
/// use awso_client::endpoint::{Params, Partitions, RuleSet};
///
/// let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
///     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://x",
///      "properties": {"authSchemes": [{"name": "sigv4a", "signingName": "s3",
///        "signingRegionSet": ["*"], "disableDoubleEncoding": true}]}}}]}"#).unwrap();
/// let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
/// let scheme = endpoint.auth_schemes().next().unwrap();
/// assert_eq!(scheme.name(), Some("sigv4a"));
/// assert_eq!(scheme.signing_name(), Some("s3"));
/// assert_eq!(scheme.signing_region(), None);
/// assert_eq!(scheme.signing_region_set().collect::<Vec<_>>(), ["*"]);
/// assert!(scheme.disable_double_encoding());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AuthScheme<'a> {
    members: &'a BTreeMap<String, Value>,
}

impl<'a> AuthScheme<'a> {
    fn text(self, key: &str) -> Option<&'a str> {
        self.members.get(key).and_then(Value::as_str)
    }

    /// `sigv4`, `sigv4a`, `sigv4-s3express`, ...
    ///
    /// ```
    /// # use awso_client::endpoint::{Params, Partitions, RuleSet, Value};
    /// #
    /// # let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
    /// #     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://b.s3.us-east-1.amazonaws.com",
    /// #      "headers": {"x-amz-a": ["1"]}, "properties": {"backend": "S3", "authSchemes": [
    /// #        {"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1", "disableDoubleEncoding": true},
    /// #        {"name": "sigv4a", "signingName": "s3", "signingRegionSet": ["us-*"]}]}}}]}"#).unwrap();
    /// # let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
    /// // `endpoint` offers `{"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1",
    /// // "disableDoubleEncoding": true}`, then SigV4a over `["us-*"]`.
    /// let mut schemes = endpoint.auth_schemes();
    /// let (sigv4, sigv4a) = (schemes.next().unwrap(), schemes.next().unwrap());
    /// assert_eq!((sigv4.name(), sigv4a.name()), (Some("sigv4"), Some("sigv4a")));
    /// ```
    pub fn name(self) -> Option<&'a str> {
        self.text("name")
    }

    /// The service name to sign with (`s3`, `s3-outposts`, ...).
    ///
    /// ```
    /// # use awso_client::endpoint::{Params, Partitions, RuleSet, Value};
    /// #
    /// # let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
    /// #     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://b.s3.us-east-1.amazonaws.com",
    /// #      "headers": {"x-amz-a": ["1"]}, "properties": {"backend": "S3", "authSchemes": [
    /// #        {"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1", "disableDoubleEncoding": true},
    /// #        {"name": "sigv4a", "signingName": "s3", "signingRegionSet": ["us-*"]}]}}}]}"#).unwrap();
    /// # let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
    /// // `endpoint` offers `{"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1",
    /// // "disableDoubleEncoding": true}`, then SigV4a over `["us-*"]`.
    /// let mut schemes = endpoint.auth_schemes();
    /// let (sigv4, sigv4a) = (schemes.next().unwrap(), schemes.next().unwrap());
    /// assert_eq!(sigv4.signing_name(), Some("s3"));
    /// ```
    pub fn signing_name(self) -> Option<&'a str> {
        self.text("signingName")
    }

    /// The region to sign for (SigV4).
    ///
    /// ```
    /// # use awso_client::endpoint::{Params, Partitions, RuleSet, Value};
    /// #
    /// # let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
    /// #     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://b.s3.us-east-1.amazonaws.com",
    /// #      "headers": {"x-amz-a": ["1"]}, "properties": {"backend": "S3", "authSchemes": [
    /// #        {"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1", "disableDoubleEncoding": true},
    /// #        {"name": "sigv4a", "signingName": "s3", "signingRegionSet": ["us-*"]}]}}}]}"#).unwrap();
    /// # let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
    /// // `endpoint` offers `{"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1",
    /// // "disableDoubleEncoding": true}`, then SigV4a over `["us-*"]`.
    /// let mut schemes = endpoint.auth_schemes();
    /// let (sigv4, sigv4a) = (schemes.next().unwrap(), schemes.next().unwrap());
    /// assert_eq!(sigv4.signing_region(), Some("us-east-1"));
    /// assert_eq!(sigv4a.signing_region(), None);
    /// ```
    pub fn signing_region(self) -> Option<&'a str> {
        self.text("signingRegion")
    }

    /// The regions to sign for (SigV4a); empty when not given.
    ///
    /// ```
    /// # use awso_client::endpoint::{Params, Partitions, RuleSet, Value};
    /// #
    /// # let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
    /// #     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://b.s3.us-east-1.amazonaws.com",
    /// #      "headers": {"x-amz-a": ["1"]}, "properties": {"backend": "S3", "authSchemes": [
    /// #        {"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1", "disableDoubleEncoding": true},
    /// #        {"name": "sigv4a", "signingName": "s3", "signingRegionSet": ["us-*"]}]}}}]}"#).unwrap();
    /// # let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
    /// // `endpoint` offers `{"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1",
    /// // "disableDoubleEncoding": true}`, then SigV4a over `["us-*"]`.
    /// let mut schemes = endpoint.auth_schemes();
    /// let (sigv4, sigv4a) = (schemes.next().unwrap(), schemes.next().unwrap());
    /// assert_eq!(sigv4a.signing_region_set().collect::<Vec<_>>(), ["us-*"]);
    /// assert_eq!(sigv4.signing_region_set().count(), 0);
    /// ```
    pub fn signing_region_set(self) -> impl Iterator<Item = &'a str> + 'a {
        let list = self
            .members
            .get("signingRegionSet")
            .and_then(Value::as_array)
            .unwrap_or(&[]);
        list.iter().filter_map(Value::as_str)
    }

    /// Whether the signer must not encode the path a second time (S3).
    ///
    /// ```
    /// # use awso_client::endpoint::{Params, Partitions, RuleSet, Value};
    /// #
    /// # let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
    /// #     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://b.s3.us-east-1.amazonaws.com",
    /// #      "headers": {"x-amz-a": ["1"]}, "properties": {"backend": "S3", "authSchemes": [
    /// #        {"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1", "disableDoubleEncoding": true},
    /// #        {"name": "sigv4a", "signingName": "s3", "signingRegionSet": ["us-*"]}]}}}]}"#).unwrap();
    /// # let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
    /// // `endpoint` offers `{"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1",
    /// // "disableDoubleEncoding": true}`, then SigV4a over `["us-*"]`.
    /// let mut schemes = endpoint.auth_schemes();
    /// let (sigv4, sigv4a) = (schemes.next().unwrap(), schemes.next().unwrap());
    /// assert!(sigv4.disable_double_encoding());
    /// // Absent means false.
    /// assert!(!sigv4a.disable_double_encoding());
    /// ```
    pub fn disable_double_encoding(self) -> bool {
        self.members
            .get("disableDoubleEncoding")
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }

    /// Any member, for schemes' other settings.
    ///
    /// ```
    /// # use awso_client::endpoint::{Params, Partitions, RuleSet, Value};
    /// #
    /// # let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {}, "rules": [
    /// #     {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://b.s3.us-east-1.amazonaws.com",
    /// #      "headers": {"x-amz-a": ["1"]}, "properties": {"backend": "S3", "authSchemes": [
    /// #        {"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1", "disableDoubleEncoding": true},
    /// #        {"name": "sigv4a", "signingName": "s3", "signingRegionSet": ["us-*"]}]}}}]}"#).unwrap();
    /// # let endpoint = rules.resolve(&Params::new(), &Partitions::empty()).unwrap();
    /// // `endpoint` offers `{"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1",
    /// // "disableDoubleEncoding": true}`, then SigV4a over `["us-*"]`.
    /// let mut schemes = endpoint.auth_schemes();
    /// let (sigv4, sigv4a) = (schemes.next().unwrap(), schemes.next().unwrap());
    /// assert_eq!(sigv4.get("signingName"), Some(&Value::from("s3")));
    /// assert_eq!(sigv4.get("signingRegionSet"), None);
    /// ```
    pub fn get(self, key: &str) -> Option<&'a Value> {
        self.members.get(key)
    }
}

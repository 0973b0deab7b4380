//! The per-service corrections botocore makes to what goes on the wire, where a request
//! fails without them (`CUSTOMIZATIONS.md` at the crate root lists botocore's whole set and
//! what became of each).
//!
//! Everything here is data keyed by the service's endpoint prefix and the operation's name,
//! applied at five points of the call's straight line: to the input before the request is
//! built ([`prepare_input`]), to the endpoint parameters ([`endpoint_params`]), to the built
//! request ([`add_headers`], [`add_trace_id`]), to an answer before it is parsed
//! ([`error_in_success`]) and to an error answer ([`typed_bodiless_error`]). Services
//! without customisations pay a string match or two.

use awso_core::protocol::{Operation, OperationSchema, ServiceSchema};
use awso_core::schema::{HttpBinding, Member, ShapeKind};
use awso_core::{
    AwsError, AwsShape, AwsStruct, Error, ErrorMeta, ErrorParts, MemberSerializer, Value,
};

use crate::endpoint::Params;

/// Glacier's "the account of the caller's credentials", which its paths take in place of an
/// account id.
const GLACIER_OWN_ACCOUNT: &str = "-";

/// Route 53 operations whose id members are sent as the bare id, while other operations
/// answer with it prefixed (`/hostedzone/Z1`, `/change/C2`, `/delegationset/N3`): the
/// members whose target is `ResourceId`, `DelegationSetId` or `ChangeId` in the model
/// (sorted by operation; the test checks it against the installed botocore model).
const ROUTE53_ID_MEMBERS: &[(&str, &str)] = &[
    ("ActivateKeySigningKey", "HostedZoneId"),
    ("AssociateVPCWithHostedZone", "HostedZoneId"),
    ("ChangeResourceRecordSets", "HostedZoneId"),
    ("CreateHostedZone", "DelegationSetId"),
    ("CreateKeySigningKey", "HostedZoneId"),
    ("CreateQueryLoggingConfig", "HostedZoneId"),
    ("CreateReusableDelegationSet", "HostedZoneId"),
    ("CreateTrafficPolicyInstance", "HostedZoneId"),
    ("CreateVPCAssociationAuthorization", "HostedZoneId"),
    ("DeactivateKeySigningKey", "HostedZoneId"),
    ("DeleteHostedZone", "Id"),
    ("DeleteKeySigningKey", "HostedZoneId"),
    ("DeleteReusableDelegationSet", "Id"),
    ("DeleteVPCAssociationAuthorization", "HostedZoneId"),
    ("DisableHostedZoneDNSSEC", "HostedZoneId"),
    ("DisassociateVPCFromHostedZone", "HostedZoneId"),
    ("EnableHostedZoneDNSSEC", "HostedZoneId"),
    ("GetChange", "Id"),
    ("GetDNSSEC", "HostedZoneId"),
    ("GetHostedZone", "Id"),
    ("GetHostedZoneLimit", "HostedZoneId"),
    ("GetReusableDelegationSet", "Id"),
    ("GetReusableDelegationSetLimit", "DelegationSetId"),
    ("ListHostedZones", "DelegationSetId"),
    ("ListHostedZonesByName", "HostedZoneId"),
    ("ListQueryLoggingConfigs", "HostedZoneId"),
    ("ListResourceRecordSets", "HostedZoneId"),
    ("ListTrafficPolicyInstances", "HostedZoneIdMarker"),
    ("ListTrafficPolicyInstancesByHostedZone", "HostedZoneId"),
    ("ListTrafficPolicyInstancesByPolicy", "HostedZoneIdMarker"),
    ("ListVPCAssociationAuthorizations", "HostedZoneId"),
    ("TestDNSAnswer", "HostedZoneId"),
    ("UpdateHostedZoneComment", "Id"),
    ("UpdateHostedZoneFeatures", "HostedZoneId"),
];

/// S3's addressing choices that botocore makes before the endpoint rules run: GetBucketLocation
/// goes path style (asked of a virtual host in another region, S3 answers with a malformed
/// authorization error, and finding the region is the point of the call); an ARN bucket
/// never goes path style (the rules refuse the combination).
pub(super) fn endpoint_params(service: &str, operation: &str, params: &mut Params) {
    if service != "s3" {
        return;
    }
    if operation == "GetBucketLocation" {
        params.set("ForcePathStyle", true);
    } else if params
        .get("Bucket")
        .and_then(crate::endpoint::Value::as_str)
        .is_some_and(|bucket| bucket.starts_with("arn:"))
    {
        params.set("ForcePathStyle", false);
    }
}

/// The input to build the request from: the caller's, or a corrected copy of it.
pub(super) enum Input<'a, I> {
    AsGiven(&'a I),
    Corrected(Value),
}

/// Checks and corrects `input` of `operation` as the service needs: S3 bucket names are
/// checked before anything is sent; Glacier's empty `accountId` becomes `-`; Route 53 ids
/// lose their `/hostedzone/`-style prefix. Only a corrected input is copied (into a
/// [`Value`], which builds the same request).
pub(super) fn prepare_input<'a, O: Operation>(
    service: &str,
    input: &'a O::Input,
) -> Result<Input<'a, O::Input>, Error> {
    let operation = O::SCHEMA.name();
    match service {
        "s3" => {
            if let Some(bucket) = string_member(input, "Bucket")? {
                check_bucket_name(&bucket).map_err(|e| e.in_member("Bucket"))?;
            }
            Ok(Input::AsGiven(input))
        }
        "glacier" => match string_member(input, "accountId")? {
            Some(id) if id.is_empty() => {
                correct(input, "accountId", |_| GLACIER_OWN_ACCOUNT.to_owned())
            }
            _ => Ok(Input::AsGiven(input)),
        },
        "route53" => {
            let Some(&(_, member)) = ROUTE53_ID_MEMBERS.iter().find(|(op, _)| *op == operation)
            else {
                return Ok(Input::AsGiven(input));
            };
            match string_member(input, member)? {
                Some(id) if id.contains('/') => correct(input, member, bare_route53_id),
                _ => Ok(Input::AsGiven(input)),
            }
        }
        _ => Ok(Input::AsGiven(input)),
    }
}

/// The last part of a Route 53 id: `Z1` of `/hostedzone/Z1`.
fn bare_route53_id(id: &str) -> String {
    id.rsplit('/').next().unwrap_or(id).to_owned()
}

/// A copy of `input` with its string member `name` rewritten by `fix`.
fn correct<'a, I: AwsStruct>(
    input: &'a I,
    name: &str,
    fix: impl Fn(&str) -> String,
) -> Result<Input<'a, I>, Error> {
    let mut value = awso_core::value::to_value(input)?;
    if let Value::Structure(members) = &mut value {
        for (member, value) in members.iter_mut() {
            if member == name {
                if let Value::String(text) = value {
                    *text = fix(text);
                }
            }
        }
    }
    Ok(Input::Corrected(value))
}

/// botocore's check of S3 bucket names before the call: letters, digits, `.`, `-`, `_`,
/// 1 to 255 of them, or an access point or Outposts ARN (which the endpoint rules check
/// further). A name with `/` or `?` would otherwise change the request's path.
fn check_bucket_name(bucket: &str) -> Result<(), Error> {
    let plain = (1..=255).contains(&bucket.len())
        && bucket
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
    if plain || bucket.starts_with("arn:") {
        return Ok(());
    }
    Err(Error::invalid(
        "bucket name",
        format!(
            "`{bucket}`: a bucket name is 1 to 255 letters, digits, `.`, `-` and `_`, or an access point ARN"
        ),
    ))
}

/// Adds the headers a service requires: Glacier's API version on every request and, on
/// uploads, the SHA-256 tree hash and linear hash of the body the caller did not give;
/// API Gateway's `Accept: application/json` (its default answer is not JSON) unless the
/// request has one.
pub(super) fn add_headers(
    service_name: &str,
    service: &ServiceSchema,
    operation: &str,
    headers: &mut http::HeaderMap,
    body: &[u8],
) {
    match service_name {
        "glacier" => {
            if let Ok(version) = http::HeaderValue::from_str(service.api_version()) {
                headers.insert("x-amz-glacier-version", version);
            }
            if GLACIER_UPLOADS.contains(&operation) {
                add_glacier_hashes(headers, body);
            }
        }
        "apigateway" if !headers.contains_key(http::header::ACCEPT) => {
            headers.insert(
                http::header::ACCEPT,
                http::HeaderValue::from_static("application/json"),
            );
        }
        _ => {}
    }
}

/// Inside AWS Lambda, the function's trace id goes on every request as `X-Amzn-Trace-Id`
/// (unless the request has one), so that a function calling itself can be detected:
/// botocore's and the SDKs' recursion detection. `function` and `trace_id` are the values of
/// `AWS_LAMBDA_FUNCTION_NAME` (read once, when the client is made: it names the process's
/// function) and `_X_AMZN_TRACE_ID` (read per call, and only inside Lambda: it changes with
/// each invocation the process serves).
pub(super) fn add_trace_id(
    headers: &mut http::HeaderMap,
    function: Option<&str>,
    trace_id: impl FnOnce() -> Option<String>,
) {
    let Some(_) = function else {
        return;
    };
    let Some(trace_id) = trace_id() else {
        return;
    };
    if headers.contains_key("x-amzn-trace-id") {
        return;
    }
    if let Ok(value) = http::HeaderValue::from_str(&encode_trace_id(&trace_id)) {
        headers.insert("x-amzn-trace-id", value);
    }
}

/// Percent-encodes what a trace id may not carry in a header: everything but letters,
/// digits and `-_.~=;:+&[]{}"',`.
fn encode_trace_id(trace_id: &str) -> String {
    use std::fmt::Write as _;
    const KEPT: &[u8] = b"-_.~=;:+&[]{}\"',";
    let mut out = String::with_capacity(trace_id.len());
    for byte in trace_id.bytes() {
        if byte.is_ascii_alphanumeric() || KEPT.contains(&byte) {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// The Glacier operations whose body must come with its tree hash.
const GLACIER_UPLOADS: &[&str] = &["UploadArchive", "UploadMultipartPart"];

/// The size of the leaves of a Glacier tree hash.
const TREE_HASH_CHUNK: usize = 1 << 20;

fn add_glacier_hashes(headers: &mut http::HeaderMap, body: &[u8]) {
    use sha2::Digest as _;
    for (name, hash) in [
        ("x-amz-content-sha256", sha2::Sha256::digest(body).to_vec()),
        ("x-amz-sha256-tree-hash", tree_hash(body).to_vec()),
    ] {
        if !headers.contains_key(name) {
            if let Ok(value) = http::HeaderValue::from_str(&crate::sign::hex(&hash)) {
                headers.insert(name, value);
            }
        }
    }
}

/// Glacier's SHA-256 tree hash: the hashes of 1 MiB chunks, combined pairwise level by
/// level (an odd one out goes up as it is) until one is left; an empty body has the hash
/// of nothing. Linear in the body: each level has half the hashes of the one below.
fn tree_hash(body: &[u8]) -> [u8; 32] {
    use sha2::Digest as _;
    let mut level: Vec<[u8; 32]> = body
        .chunks(TREE_HASH_CHUNK)
        .map(|chunk| sha2::Sha256::digest(chunk).into())
        .collect();
    if level.is_empty() {
        return sha2::Sha256::digest(b"").into();
    }
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| match pair {
                [left, right] => {
                    let mut hasher = sha2::Sha256::new();
                    hasher.update(left);
                    hasher.update(right);
                    hasher.finalize().into()
                }
                [alone] => *alone,
                _ => unreachable!("chunks(2) gives one or two"),
            })
            .collect();
    }
    level[0]
}

/// S3 may answer 200 and put an error in the body (CopyObject, UploadPartCopy,
/// CompleteMultipartUpload, when it fails after it began to answer): a body whose root
/// element is `<Error>`, for an operation whose output is not itself a blob or text, is
/// that error, and it is read as the 500 it stands for (retried as botocore retries it).
pub(super) fn error_in_success(
    service: &str,
    operation: &OperationSchema,
    response: &http::Response<bytes::Bytes>,
) -> Option<http::Response<bytes::Bytes>> {
    if !s3_success_is_xml(service, operation, response) || !root_is_error(response.body()) {
        return None;
    }
    let mut promoted = response.clone();
    *promoted.status_mut() = http::StatusCode::INTERNAL_SERVER_ERROR;
    Some(promoted)
}

/// S3 may also break off a 200 it began to send (botocore: "a partial streamed response");
/// a body that then does not read as the output is retried, as botocore retries an S3 200
/// whose body is not well-formed XML (it reads it as a 500). A body shorter than its
/// `Content-Length` is caught before parsing, for every service (the call's attempts check
/// it); this is the cut that the framing did not show.
pub(super) fn cut_short_success(
    service: &str,
    operation: &OperationSchema,
    response: &http::Response<bytes::Bytes>,
) -> bool {
    s3_success_is_xml(service, operation, response) && !response.body().is_empty()
}

/// Whether `response` is an S3 200 whose body is an XML document: the output's, or an error
/// in its place (an output whose payload is a blob or text holds any bytes at all).
fn s3_success_is_xml(
    service: &str,
    operation: &OperationSchema,
    response: &http::Response<bytes::Bytes>,
) -> bool {
    if service != "s3" || response.status() != http::StatusCode::OK {
        return false;
    }
    !operation.output().members().iter().any(|member| {
        member.traits().http == Some(HttpBinding::Payload)
            && matches!(member.target().kind(), ShapeKind::Blob | ShapeKind::String)
    })
}

/// Whether an XML document's root element is `Error` (after the XML declaration).
fn root_is_error(body: &[u8]) -> bool {
    let mut rest = body.trim_ascii_start();
    if rest.starts_with(b"<?") {
        let Some(end) = rest.windows(2).position(|w| w == b"?>") else {
            return false;
        };
        rest = rest[end + 2..].trim_ascii_start();
    }
    rest.strip_prefix(b"<Error").is_some_and(|after| {
        matches!(
            after.first(),
            Some(b'>' | b' ' | b'\t' | b'\r' | b'\n' | b'/')
        )
    })
}

/// S3 answers a HEAD request's error without a body, so without a code: the error is the
/// operation's one modeled error with that status (HeadObject's 404 is `NoSuchKey`,
/// HeadBucket's `NoSuchBucket`). The code reported stays the status, as botocore has it.
pub(super) fn typed_bodiless_error<O: Operation>(
    service: &str,
    error: O::Error,
    meta: &ErrorMeta,
    body: &[u8],
) -> O::Error {
    if service != "s3"
        || O::SCHEMA.method() != "HEAD"
        || !body.is_empty()
        || error.as_unknown().is_none()
    {
        return error;
    }
    let mut with_status = O::SCHEMA
        .errors()
        .iter()
        .filter(|schema| schema.traits().error.and_then(|e| e.http_status) == Some(meta.status));
    let (Some(only), None) = (with_status.next(), with_status.next()) else {
        return error;
    };
    let code = awso_core::service_error::error_code(only);
    let mut parts = ErrorParts::xml(code, b"").status(meta.status);
    if let Some(id) = &meta.request_id {
        parts = parts.request_id(id);
    }
    O::Error::from_parts(parts)
}

/// The value of string member `name` of `input`, when it is set.
fn string_member<I: AwsStruct>(input: &I, name: &str) -> Result<Option<String>, Error> {
    let mut picker = StringPicker { name, found: None };
    input.serialize_members(I::SCHEMA, &mut picker)?;
    Ok(picker.found)
}

struct StringPicker<'n> {
    name: &'n str,
    found: Option<String>,
}

impl MemberSerializer for StringPicker<'_> {
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> awso_core::Result<()> {
        if member.name() == self.name {
            if let Value::String(text) = awso_core::value::to_value_at(value, member)? {
                self.found = Some(text);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use sha2::Digest as _;

    use super::*;

    #[test]
    fn bucket_names_as_botocore_checks_them() {
        for good in [
            "my-bucket",
            "a",
            "my.bucket_2",
            &"b".repeat(255),
            "arn:aws:s3:us-west-2:123456789012:accesspoint/ap",
        ] {
            assert!(check_bucket_name(good).is_ok(), "{good}");
        }
        for bad in ["", "a/b", "a?b", "with space", "ünï", &"b".repeat(256)] {
            let error = check_bucket_name(bad).unwrap_err();
            assert!(error.to_string().contains("bucket name"), "{bad}: {error}");
        }
    }

    #[test]
    fn an_error_root_is_found_after_the_declaration() {
        let declared = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code></Error>";
        assert!(root_is_error(declared));
        assert!(root_is_error(b"  <Error>"));
        assert!(root_is_error(b"<Error xmlns=\"x\">"));
        assert!(!root_is_error(
            b"<CopyObjectResult><Error/></CopyObjectResult>"
        ));
        assert!(!root_is_error(b"<Errors>"));
        assert!(!root_is_error(b"<?xml never closed <Error>"));
        assert!(!root_is_error(b""));
    }

    /// botocore's `calculate_tree_hash` gives these (computed with the installed botocore).
    #[test]
    fn glacier_tree_hashes_agree_with_botocore() {
        let hex = |body: &[u8]| crate::sign::hex(&tree_hash(body));
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(hex(b""), empty);
        // Three full chunks and a bit: two levels above the leaves, an odd one out on each.
        let body = vec![b'a'; 3 * TREE_HASH_CHUNK + 5];
        assert_eq!(
            hex(&body),
            "a8fdd229455481bdaf37f3304b98dcfe89cc7231e2231faf24ca971392569616"
        );
        // One chunk or less: the tree hash is the plain hash.
        let small = b"hello glacier";
        assert_eq!(hex(small), crate::sign::hex(&sha2::Sha256::digest(small)));
    }

    #[test]
    fn the_lambda_trace_id_is_sent_encoded_when_in_lambda() {
        let trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        let mut headers = http::HeaderMap::new();
        let given = || Some(trace.to_owned());
        add_trace_id(&mut headers, Some("my-function"), given);
        assert_eq!(headers["x-amzn-trace-id"], trace);
        // Without a trace id nothing is added; outside Lambda it is not even looked for.
        let mut headers = http::HeaderMap::new();
        add_trace_id(&mut headers, Some("f"), || None);
        assert!(headers.is_empty());
        add_trace_id(&mut headers, None, || panic!("read outside Lambda"));
        assert!(headers.is_empty());
        // One the request has is kept; what a header cannot carry is percent-encoded.
        let mut headers = http::HeaderMap::new();
        headers.insert("x-amzn-trace-id", http::HeaderValue::from_static("mine"));
        add_trace_id(&mut headers, Some("f"), given);
        assert_eq!(headers["x-amzn-trace-id"], "mine");
        assert_eq!(encode_trace_id("a b\n/ü"), "a%20b%0A%2F%C3%BC");
    }

    #[test]
    fn route53_ids_lose_their_prefix() {
        assert_eq!(
            bare_route53_id("/hostedzone/Z1D633PJN98FT9"),
            "Z1D633PJN98FT9"
        );
        assert_eq!(bare_route53_id("/change/C2682N5HXP0BZ4"), "C2682N5HXP0BZ4");
        assert_eq!(bare_route53_id("Z1"), "Z1");
    }

    /// The table is the installed model's: every input member whose target is one of the
    /// three id shapes, and nothing else.
    #[test]
    fn route53_id_members_are_the_models() {
        let path = awso_codegen::find_botocore_model("route53").unwrap();
        let model: serde_json::Value =
            serde_json::from_str(&awso_codegen::read_model(&path).unwrap()).unwrap();
        let shapes = &model["shapes"];
        let mut expected = Vec::new();
        for (operation, definition) in model["operations"].as_object().unwrap() {
            let Some(input) = definition["input"]["shape"].as_str() else {
                continue;
            };
            for (member, target) in shapes[input]["members"].as_object().unwrap() {
                let target = target["shape"].as_str().unwrap();
                if ["ResourceId", "DelegationSetId", "ChangeId"].contains(&target) {
                    expected.push((operation.clone(), member.clone()));
                }
            }
        }
        expected.sort();
        let ours: Vec<(String, String)> = ROUTE53_ID_MEMBERS
            .iter()
            .map(|(op, member)| ((*op).to_owned(), (*member).to_owned()))
            .collect();
        assert_eq!(ours, expected);
    }
}

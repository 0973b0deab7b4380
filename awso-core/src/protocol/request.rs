//! Operation inputs to HTTP requests.

use super::bindings::Bindings;
use super::body::body_members;
use super::checksum::{ChecksumAlgorithm, ExpectedChecksum, RequestChecksumCalculation};
use super::formats::{AnyFormat, Formats, left_out};
use super::required::{self, Presence};
use super::{Endpoint, OperationSchema, Protocol, ServiceSchema};
use crate::cbor::CborSerializer;
use crate::error::{Error, Result};
use crate::json::JsonSerializer;
use crate::query::{QueryFlavor, QuerySerializer};
use crate::schema::{HttpBinding, Member, MemberTraits, Schema, ShapeKind};
use crate::ser::MemberSerializer;
use crate::shape::{AwsShape, AwsStruct};
use crate::view::{MemberView, View};
use crate::xml::XmlSerializer;

/// rpcv2Cbor's media type.
const CBOR: &str = "application/cbor";

/// Choices a caller can make about request building.
///
/// ```
/// use awso_core::protocol::{self, Endpoint, OperationSchema, Protocol, RequestOptions, ServiceSchema};
/// use awso_core::AwsShape;
///
/// #[derive(AwsShape)]
/// #[awso(rename_all = "PascalCase")]
/// struct StartJob { #[awso(idempotency_token)] client_token: Option<String> }
///
/// const START: OperationSchema = OperationSchema::new("StartJob", "POST", "/").with_input(StartJob::SCHEMA);
/// let service = ServiceSchema::new(Protocol::AwsJson1_1, "1");
/// // A fixed token generator makes the request reproducible (in tests, say).
/// let options = RequestOptions { idempotency_token: || "token-1".to_string(), ..RequestOptions::default() };
/// let request = protocol::build_request(&service, &START, &StartJob { client_token: None }, &Endpoint::default(), &options)?;
/// assert_eq!(request.body(), br#"{"ClientToken":"token-1"}"#);
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct RequestOptions {
    /// Makes the value of an idempotency token that the input leaves out (default: a random
    /// UUID v4).
    pub idempotency_token: fn() -> String,
    /// Bodies of operations with request compression are gzipped from this size on
    /// (default 10240 bytes, Smithy's; `usize::MAX` turns compression off).
    pub min_compression_size: usize,
    /// A leading part of the operation's URI template that the endpoint URL already carries,
    /// left out of the path: S3's `/{Bucket}` once endpoint rules have put the bucket in the
    /// host or the path (default `None`). The label's member is still checked.
    pub path_prefix_in_endpoint: Option<&'static str>,
    /// The caller sends the payload member's bytes itself, as a stream (default `false`):
    /// the payload member is left unset, and no length, checksum value, `Content-MD5` or
    /// compression is computed for the (empty) body built here. The checksum algorithm
    /// header is still set, so the caller can send that checksum as a trailer.
    pub streamed_payload: bool,
    /// When the body gets a flexible checksum (`@httpChecksum`; default: whenever the
    /// operation supports one).
    ///
    /// ```
    /// use awso_core::AwsShape;
    /// use awso_core::protocol::{self, Endpoint, HttpChecksum, OperationSchema, Protocol, RequestChecksumCalculation, RequestOptions, ServiceSchema};
    ///
    /// #[derive(AwsShape)]
    /// struct Put { #[awso(http_header = "x-amz-sdk-checksum-algorithm", rename = "ChecksumAlgorithm")] algorithm: Option<String> }
    /// const PUT: OperationSchema = OperationSchema::new("Put", "PUT", "/").with_input(Put::SCHEMA)
    ///     .with_http_checksum(HttpChecksum::new().with_request_algorithm_member("ChecksumAlgorithm"));
    /// let service = ServiceSchema::new(Protocol::RestJson1, "1");
    /// let build = |calculation| {
    ///     let options = RequestOptions { request_checksum_calculation: calculation, ..RequestOptions::default() };
    ///     protocol::build_request(&service, &PUT, &Put { algorithm: None }, &Endpoint::default(), &options)
    /// };
    /// assert!(build(RequestChecksumCalculation::WhenSupported)?.headers().contains_key("x-amz-checksum-crc32"));
    /// assert!(!build(RequestChecksumCalculation::WhenRequired)?.headers().contains_key("x-amz-checksum-crc32"));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub request_checksum_calculation: RequestChecksumCalculation,
    /// Sends the `Content-MD5` of the body that an operation with `@httpChecksumRequired`
    /// asks for, when no flexible checksum stands in (default `true`). Off for a caller that
    /// adds its own at a later stage, as botocore's handlers do after its serializer.
    pub content_md5: bool,
    /// Sends `x-amzn-query-mode: true` to a query-compatible service (default `true`).
    pub query_mode_header: bool,
}

impl Default for RequestOptions {
    fn default() -> Self {
        Self {
            idempotency_token: || uuid::Uuid::new_v4().to_string(),
            min_compression_size: 10_240,
            path_prefix_in_endpoint: None,
            streamed_payload: false,
            request_checksum_calculation: RequestChecksumCalculation::WhenSupported,
            content_md5: true,
            query_mode_header: true,
        }
    }
}

/// Builds the HTTP request for `input` to `operation` of `service` at `endpoint`.
///
/// The input is checked first: a missing required member, at any depth (possible with a
/// [`Value`](crate::Value) input), is an error naming it and its path, and a missing
/// idempotency token is filled in.
///
/// ```
/// use awso_core::protocol::{self, Endpoint, OperationSchema, Protocol, RequestOptions, ServiceSchema};
/// use awso_core::schema::{Member, MemberTraits, Schema, SchemaRef};
/// use awso_core::Value;
///
/// // The dynamic mode: a run-time schema and a Value input.
/// static INPUT: Schema = Schema::structure("DeleteQueueRequest", &[
///     Member::new("QueueUrl", 0, SchemaRef::of::<String>()).with_traits(MemberTraits::NONE.required()),
/// ]);
/// const DELETE: OperationSchema = OperationSchema::new("DeleteQueue", "POST", "/").with_input(&INPUT);
/// let sqs = ServiceSchema::new(Protocol::AwsQuery, "2012-11-05");
/// let endpoint = Endpoint::parse("https://sqs.eu-west-1.amazonaws.com")?;
/// let input = Value::Structure(vec![("QueueUrl".into(), Value::String("https://q/1".into()))]);
/// let request = protocol::build_request(&sqs, &DELETE, &input, &endpoint, &RequestOptions::default())?;
/// assert_eq!(request.body(), b"Action=DeleteQueue&Version=2012-11-05&QueueUrl=https%3A%2F%2Fq%2F1");
/// // A missing required member is refused, by name.
/// let err = protocol::build_request(&sqs, &DELETE, &Value::Structure(vec![]), &endpoint, &RequestOptions::default()).unwrap_err();
/// assert!(err.to_string().contains("QueueUrl"));
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn build_request<I: AwsStruct>(
    service: &ServiceSchema,
    operation: &OperationSchema,
    input: &I,
    endpoint: &Endpoint,
    options: &RequestOptions,
) -> Result<http::Request<Vec<u8>>> {
    build_request_with::<I, AnyFormat>(service, operation, input, endpoint, options)
}

/// [`build_request`] compiled with the codecs `F` allows (see [`super::formats`]):
/// [`super::request_with`] passes its operation's, so each input shape is instantiated for
/// its protocol's encoder alone.
pub(crate) fn build_request_with<I: AwsStruct, F: Formats>(
    service: &ServiceSchema,
    operation: &OperationSchema,
    input: &I,
    endpoint: &Endpoint,
    options: &RequestOptions,
) -> Result<http::Request<Vec<u8>>> {
    let schema = operation.input();
    let input = filled(input, schema, *options)?;
    let mut bindings = Bindings::new(service.protocol(), operation);
    match service.protocol() {
        Protocol::RpcV2Cbor => bindings.path = Some(rpc_v2_path(service, operation)?),
        // The query protocols post to `/` whatever `requestUri` says (importexport's
        // `/?Operation=CancelJob`), as botocore does: the action is in the form.
        Protocol::AwsQuery | Protocol::Ec2Query => bindings.path = Some("/".to_owned()),
        _ => {}
    }
    input.serialize_members(schema, &mut bindings)?;
    let (body, content_type) = body::<I, F>(service, operation, &input, &mut bindings)?;
    let uri = bindings.uri(endpoint, options.path_prefix_in_endpoint)?;
    let mut headers = std::mem::take(&mut bindings.headers);
    protocol_headers(service, operation, content_type, options, &mut headers);
    let body = encode_body(operation, options, body, &mut headers)?;
    let mut builder = http::Request::builder().method(operation.method()).uri(uri);
    for (i, (name, value)) in headers.iter().enumerate() {
        builder = builder.header(name.as_str(), header_value(name, value, &bindings, i)?);
    }
    builder
        .body(body)
        .map_err(|e| Error::invalid("request", e.to_string()))
}

/// Header `index`'s value, marked sensitive when a sensitive member gave it (the headers the
/// protocol adds come after the bound ones, so their indexes are past the bound ones').
fn header_value(
    name: &str,
    value: &str,
    bindings: &Bindings<'_>,
    index: usize,
) -> Result<http::HeaderValue> {
    let mut value = http::HeaderValue::from_str(value)
        .map_err(|e| Error::invalid("request", format!("header {name}: {e}")))?;
    value.set_sensitive(
        bindings
            .sensitive_headers
            .get(index)
            .copied()
            .unwrap_or(false),
    );
    Ok(value)
}

/// rpcv2Cbor's request path: `/service/{Service}/operation/{Operation}`, the service named
/// by its target prefix (botocore's `targetPrefix` is the Smithy service shape's name).
fn rpc_v2_path(service: &ServiceSchema, operation: &OperationSchema) -> Result<String> {
    let name = service.target_prefix().ok_or_else(|| {
        Error::invalid(
            "service",
            "an rpcv2Cbor service needs its name (the target prefix) for the request path",
        )
    })?;
    Ok(format!("/service/{name}/operation/{}", operation.name()))
}

/// The body and its media type: the payload member's, the REST body members, the whole
/// input as JSON, or the query form.
fn body<I: AwsStruct, F: Formats>(
    service: &ServiceSchema,
    operation: &OperationSchema,
    input: &Filled<'_, I>,
    bindings: &mut Bindings<'_>,
) -> Result<(Vec<u8>, Option<String>)> {
    let protocol = service.protocol();
    let root = Member::root(operation.input());
    Ok(match protocol {
        Protocol::RestJson1 | Protocol::RestXml => match bindings.payload.take() {
            Some(payload) => payload,
            None => rest_body::<_, F>(protocol, operation, input, &root)?,
        },
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            if const { !F::JSON } {
                return Err(left_out("JSON"));
            }
            let mut ser = JsonSerializer::new();
            ser.serialize_at(input, &root)?;
            let version = if protocol == Protocol::AwsJson1_0 {
                "1.0"
            } else {
                "1.1"
            };
            (
                ser.finish_bytes(),
                Some(format!("application/x-amz-json-{version}")),
            )
        }
        // An operation without input sends no body; an empty input sends an empty map.
        Protocol::RpcV2Cbor if super::Unit::is_unit(operation.input()) => (Vec::new(), None),
        Protocol::RpcV2Cbor => {
            if const { !F::CBOR } {
                return Err(left_out("CBOR"));
            }
            let mut ser = CborSerializer::new();
            ser.serialize_at(input, &root)?;
            (ser.finish(), Some(CBOR.to_owned()))
        }
        Protocol::AwsQuery | Protocol::Ec2Query => {
            if const { !F::QUERY } {
                return Err(left_out("query"));
            }
            let flavor = if protocol == Protocol::AwsQuery {
                QueryFlavor::AwsQuery
            } else {
                QueryFlavor::Ec2Query
            };
            let mut ser = QuerySerializer::new(flavor);
            ser.pair("Action", operation.name());
            ser.pair("Version", service.api_version());
            let mut form = FormAppender {
                out: ser.finish(),
                flavor,
            };
            form.append(input, &root)?;
            (
                form.out.into_bytes(),
                Some("application/x-www-form-urlencoded".to_owned()),
            )
        }
    })
}

/// The headers the protocol adds after the bound ones: the body's media type (unless a
/// member is bound to Content-Type), the awsJson target, the query-compatibility flag.
fn protocol_headers(
    service: &ServiceSchema,
    operation: &OperationSchema,
    content_type: Option<String>,
    options: &RequestOptions,
    headers: &mut Vec<(String, String)>,
) {
    let bound = headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("content-type"));
    if let Some(content_type) = content_type.filter(|_| !bound) {
        headers.push(("Content-Type".to_owned(), content_type));
    }
    if let (Protocol::AwsJson1_0 | Protocol::AwsJson1_1, Some(prefix)) =
        (service.protocol(), service.target_prefix())
    {
        headers.push((
            "X-Amz-Target".to_owned(),
            format!("{prefix}.{}", operation.name()),
        ));
    }
    if service.protocol() == Protocol::RpcV2Cbor {
        headers.push(("Smithy-Protocol".to_owned(), "rpc-v2-cbor".to_owned()));
        headers.push(("Accept".to_owned(), CBOR.to_owned()));
    }
    if service.query_compatible() && options.query_mode_header {
        headers.push(("x-amzn-query-mode".to_owned(), "true".to_owned()));
    }
}

/// The body as sent: its checksum when the operation requires one (of the body before
/// compression), gzipped when the operation compresses requests and the body is large
/// enough, and its length.
fn encode_body(
    operation: &OperationSchema,
    options: &RequestOptions,
    body: Vec<u8>,
    headers: &mut Vec<(String, String)>,
) -> Result<Vec<u8>> {
    if options.streamed_payload {
        // Only the algorithm is chosen here; the value needs the bytes the caller streams.
        flexible_checksum(
            operation,
            options.request_checksum_calculation,
            headers,
            None,
        )?;
        return Ok(body);
    }
    let md5 = (options.content_md5
        && operation.checksum_required()
        && find_header(headers, "content-md5").is_none())
    .then(|| {
        use md5::Digest as _;
        crate::types::encode_base64(&md5::Md5::digest(&body))
    });
    let body = if operation.gzip_requests() && body.len() >= options.min_compression_size {
        append_encoding(headers, "gzip");
        gzip(&body)?
    } else {
        body
    };
    // A flexible checksum (of the body as sent) stands in for the older Content-MD5.
    if !flexible_checksum(
        operation,
        options.request_checksum_calculation,
        headers,
        Some(&body),
    )? {
        if let Some(md5) = md5 {
            headers.push(("Content-MD5".to_owned(), md5));
        }
    }
    match find_header(headers, "content-length") {
        Some(i) if headers[i].1.trim().parse::<u64>().ok() != Some(body.len() as u64) => {
            let member = bound_member(operation, "content-length").unwrap_or("Content-Length");
            return Err(Error::invalid(
                "request",
                format!(
                    "the member `{member}` gives Content-Length {:?}, but the body has {} bytes",
                    headers[i].1,
                    body.len()
                ),
            ));
        }
        // An empty body of a method that carries one still says so: servers (S3) answer
        // 411 to a PUT without a length.
        None if !body.is_empty() || matches!(operation.method(), "PUT" | "POST" | "PATCH") => {
            headers.push(("Content-Length".to_owned(), body.len().to_string()));
        }
        Some(_) | None => {}
    }
    Ok(body)
}

/// Adds the `x-amz-checksum-*` header of `body` when the operation's `@httpChecksum` asks
/// for one: of the algorithm the input names (in its header-bound algorithm member), else
/// CRC32. A checksum header the input sets itself is sent as it is. Without a `body` (a
/// streamed payload) only the algorithm header is set. Returns whether the request carries
/// (or, streamed, will carry) a flexible checksum.
fn flexible_checksum(
    operation: &OperationSchema,
    calculation: RequestChecksumCalculation,
    headers: &mut Vec<(String, String)>,
    body: Option<&[u8]>,
) -> Result<bool> {
    let Some(trait_) = operation.http_checksum() else {
        return Ok(false);
    };
    let is_checksum_header = |name: &str| {
        ChecksumAlgorithm::from_name(name.get(15..).unwrap_or_default())
            .is_some_and(|a| a.header().eq_ignore_ascii_case(name))
    };
    if headers.iter().any(|(n, _)| is_checksum_header(n)) {
        return Ok(true);
    }
    let member = trait_
        .request_algorithm_member()
        .and_then(|name| operation.input().member_named(name));
    let bound = member.and_then(|m| match m.traits().http {
        Some(HttpBinding::Header(header)) => Some((m.name(), header)),
        _ => None,
    });
    let chosen = bound.and_then(|(_, header)| find_header(headers, header));
    let algorithm = match (chosen, bound) {
        (Some(i), Some((member, _))) => ChecksumAlgorithm::from_name(headers[i].1.trim())
            .ok_or_else(|| {
                Error::invalid(
                    "request",
                    format!(
                        "the member `{member}` names the checksum algorithm {:?}; known are \
                         CRC32, CRC32C, CRC64NVME, SHA1 and SHA256",
                        headers[i].1
                    ),
                )
            })?,
        _ if trait_.request_required()
            || (calculation == RequestChecksumCalculation::WhenSupported
                && trait_.request_algorithm_member().is_some()) =>
        {
            if let Some((_, header)) = bound {
                headers.push((
                    header.to_owned(),
                    ChecksumAlgorithm::Crc32.name().to_owned(),
                ));
            }
            ChecksumAlgorithm::Crc32
        }
        _ => return Ok(false),
    };
    if let Some(body) = body {
        headers.push((algorithm.header().to_owned(), algorithm.checksum(body)));
    }
    Ok(true)
}

/// Checks the body of `response` against its `x-amz-checksum-*` header when the request
/// asked for validation: the operation's `@httpChecksum` names a validation-mode member,
/// bound to a header that `request` sets to `ENABLED`. A response without a checksum of the
/// operation's response algorithms passes; a mismatch is an error naming the header.
///
/// ```
/// use awso_core::protocol::{ChecksumAlgorithm, HttpChecksum, OperationSchema, verify_response_checksum};
/// use awso_core::AwsShape;
///
/// #[derive(AwsShape)]
/// struct GetObjectInput {
///     #[awso(http_header = "x-amz-checksum-mode", rename = "ChecksumMode")]
///     mode: Option<String>,
/// }
/// const GET: OperationSchema = OperationSchema::new("GetObject", "GET", "/")
///     .with_input(GetObjectInput::SCHEMA)
///     .with_http_checksum(HttpChecksum::new()
///         .with_request_validation_mode_member("ChecksumMode")
///         .with_response_algorithms(&[ChecksumAlgorithm::Crc32]));
/// let request = http::Request::builder().header("x-amz-checksum-mode", "ENABLED").body(())?;
/// let response = http::Response::builder()
///     .header("x-amz-checksum-crc32", "DUoRhQ==")
///     .body(b"hello there".to_vec())?;
/// assert!(verify_response_checksum(&GET, request.headers(), &response).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify_response_checksum<B: AsRef<[u8]>>(
    operation: &OperationSchema,
    request_headers: &http::HeaderMap,
    response: &http::Response<B>,
) -> Result<()> {
    match expected_response_checksum(operation, request_headers, response.headers()) {
        Some(expected) => expected.verify(&expected.algorithm().checksum(response.body().as_ref())),
        None => Ok(()),
    }
}

/// The checksum a successful response's body must have, when the request asked for
/// validation (see [`verify_response_checksum`]): for a body checked as it streams.
///
/// ```
/// use awso_core::protocol::{ChecksumAlgorithm, HttpChecksum, OperationSchema, expected_response_checksum};
/// use awso_core::AwsShape;
///
/// #[derive(AwsShape)]
/// struct GetObjectInput {
///     #[awso(http_header = "x-amz-checksum-mode", rename = "ChecksumMode")]
///     mode: Option<String>,
/// }
/// const GET: OperationSchema = OperationSchema::new("GetObject", "GET", "/")
///     .with_input(GetObjectInput::SCHEMA)
///     .with_http_checksum(HttpChecksum::new()
///         .with_request_validation_mode_member("ChecksumMode")
///         .with_response_algorithms(&[ChecksumAlgorithm::Crc32]));
/// let mut response = http::HeaderMap::new();
/// response.insert("x-amz-checksum-crc32", "DUoRhQ==".parse()?);
/// // Not asked for: nothing to check.
/// assert!(expected_response_checksum(&GET, &http::HeaderMap::new(), &response).is_none());
/// let mut asked = http::HeaderMap::new();
/// asked.insert("x-amz-checksum-mode", "ENABLED".parse()?);
/// let expected = expected_response_checksum(&GET, &asked, &response).unwrap();
/// assert_eq!(expected.algorithm(), ChecksumAlgorithm::Crc32);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn expected_response_checksum(
    operation: &OperationSchema,
    request_headers: &http::HeaderMap,
    response_headers: &http::HeaderMap,
) -> Option<ExpectedChecksum> {
    let trait_ = operation.http_checksum()?;
    let enabled = validation_mode_header(operation)
        .and_then(|h| request_headers.get(h))
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"ENABLED"));
    if !enabled {
        return None;
    }
    ExpectedChecksum::find(trait_.response_algorithms(), response_headers)
}

/// The request header that asks for (and turns on the check of) a response checksum: the
/// one the input's validation-mode member of `@httpChecksum` is bound to (S3's
/// `x-amz-checksum-mode`). `None` when the operation has no such member.
///
/// ```
/// use awso_core::protocol::{HttpChecksum, OperationSchema, validation_mode_header};
/// use awso_core::AwsShape;
///
/// #[derive(AwsShape)]
/// struct GetObjectInput {
///     #[awso(http_header = "x-amz-checksum-mode", rename = "ChecksumMode")]
///     mode: Option<String>,
/// }
/// const GET: OperationSchema = OperationSchema::new("GetObject", "GET", "/")
///     .with_input(GetObjectInput::SCHEMA)
///     .with_http_checksum(HttpChecksum::new().with_request_validation_mode_member("ChecksumMode"));
/// assert_eq!(validation_mode_header(&GET), Some("x-amz-checksum-mode"));
/// assert_eq!(validation_mode_header(&OperationSchema::new("Put", "PUT", "/")), None);
/// ```
pub fn validation_mode_header(operation: &OperationSchema) -> Option<&'static str> {
    operation
        .http_checksum()?
        .request_validation_mode_member()
        .and_then(|name| operation.input().member_named(name))
        .and_then(|m| match m.traits().http {
            Some(HttpBinding::Header(header)) => Some(header),
            _ => None,
        })
}

/// Where the header `name` is among `headers` (names compared without case).
fn find_header(headers: &[(String, String)], name: &str) -> Option<usize> {
    headers
        .iter()
        .position(|(n, _)| n.eq_ignore_ascii_case(name))
}

/// The input member bound to the header `name`, for errors.
fn bound_member(operation: &OperationSchema, name: &str) -> Option<&'static str> {
    operation
        .input()
        .members()
        .iter()
        .find_map(|m| match m.traits().http {
            Some(HttpBinding::Header(n)) if n.eq_ignore_ascii_case(name) => Some(m.name()),
            _ => None,
        })
}

/// Adds `encoding` after whatever content encoding the input set.
fn append_encoding(headers: &mut Vec<(String, String)>, encoding: &str) {
    match headers
        .iter_mut()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-encoding"))
    {
        Some((_, value)) if !value.is_empty() => {
            value.push_str(", ");
            value.push_str(encoding);
        }
        Some((_, value)) => encoding.clone_into(value),
        None => headers.push(("Content-Encoding".to_owned(), encoding.to_owned())),
    }
}

fn gzip(body: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body)?;
    Ok(encoder.finish()?)
}

/// The body of a REST request without a payload member: the body members, or nothing when
/// the input has none.
fn rest_body<I: AwsStruct, F: Formats>(
    protocol: Protocol,
    operation: &OperationSchema,
    input: &I,
    root: &Member,
) -> Result<(Vec<u8>, Option<String>)> {
    let members = root.target().members();
    if let Some(payload) = members
        .iter()
        .find(|m| m.traits().http == Some(HttpBinding::Payload))
    {
        // An absent structure payload: restJson1 sends an empty object; anything else, nothing.
        let structure = payload.target().kind() == ShapeKind::Structure;
        return Ok(if protocol == Protocol::RestJson1 && structure {
            (b"{}".to_vec(), Some("application/json".to_owned()))
        } else {
            (Vec::new(), None)
        });
    }
    if members.iter().all(|m| m.traits().bound_in_request()) {
        return Ok((Vec::new(), None));
    }
    if protocol == Protocol::RestJson1 {
        if const { !F::JSON } {
            return Err(left_out("JSON"));
        }
        let mut ser = JsonSerializer::new();
        ser.serialize_at(&body_members(input), root)?;
        return Ok((ser.finish_bytes(), Some("application/json".to_owned())));
    }
    if const { !F::XML } {
        return Err(left_out("XML"));
    }
    let schema = root.target();
    if !any_member_set(&body_members(input), schema)? {
        // No body member set: no body, as botocore sends (not an empty root element, which
        // the input's namespace would otherwise give).
        return Ok((Vec::new(), None));
    }
    let name = schema
        .traits()
        .xml_name
        .or(operation.input_root())
        .unwrap_or(schema.name());
    let mut root = root.renamed(name);
    if let Some(namespace) = operation.input_namespace() {
        let traits = MemberTraits {
            xml_namespace: Some(namespace),
            ..*root.traits()
        };
        root = root.with_traits(traits);
    }
    let mut ser = XmlSerializer::new();
    ser.serialize_at(&body_members(input), &root)?;
    Ok((
        ser.finish().into_bytes(),
        Some("application/xml".to_owned()),
    ))
}

/// Whether `input` sets any member of `schema`.
fn any_member_set<I: AwsStruct>(input: &I, schema: &'static Schema) -> Result<bool> {
    let mut any = AnySet(false);
    input.serialize_members(schema, &mut any)?;
    Ok(any.0)
}

/// Notes whether a structure has any member set.
struct AnySet(bool);

impl MemberSerializer for AnySet {
    fn member<T: AwsShape>(&mut self, _: &'static Member, _: &T) -> Result<()> {
        self.0 = true;
        Ok(())
    }

    fn unknown_member(&mut self, _: &str) -> Result<()> {
        self.0 = true;
        Ok(())
    }
}

/// Appends the query encoding of the input after `Action` and `Version`.
struct FormAppender {
    out: String,
    flavor: QueryFlavor,
}

impl FormAppender {
    fn append<I: AwsStruct>(&mut self, input: &I, root: &Member) -> Result<()> {
        let mut ser = QuerySerializer::new(self.flavor);
        input.serialize(root, &mut ser)?;
        let members = ser.finish();
        if !members.is_empty() {
            self.out.push('&');
            self.out.push_str(&members);
        }
        Ok(())
    }
}

/// The input as sent: the caller's members, plus idempotency tokens it left out.
type Filled<'a, I> = View<'a, I, Tokens>;

/// `input` with fresh idempotency tokens for the token members it left out; an error when
/// it leaves out a required member, at any depth.
fn filled<'a, I: AwsStruct>(
    input: &'a I,
    schema: &'static Schema,
    options: RequestOptions,
) -> Result<Filled<'a, I>> {
    // Checks the required members of nested structures on the way.
    let present = Presence::of(input, schema)?;
    let mut tokens = Vec::new();
    for (member, seen) in present.members(schema) {
        if seen {
            continue;
        }
        if member.traits().idempotency_token {
            tokens.push((member, (options.idempotency_token)()));
        } else if member.traits().required {
            return Err(required::missing(member, schema));
        }
    }
    Ok(View::new(input, Tokens(tokens)))
}

/// The view of an input that adds the idempotency tokens it left out.
struct Tokens(Vec<(&'static Member, String)>);

impl MemberView for Tokens {
    fn members<T: AwsStruct, S: MemberSerializer>(
        &self,
        input: &T,
        schema: &'static Schema,
        ser: &mut S,
    ) -> Result<()> {
        input.serialize_members(schema, ser)?;
        for (member, token) in &self.0 {
            ser.member(member, token)?;
        }
        Ok(())
    }
}

//! Operation inputs to HTTP requests.

use super::bindings::Bindings;
use super::body::{BodyMembers, NoBuilder};
use super::required::{self, Presence};
use super::{Endpoint, OperationSchema, Protocol, ServiceSchema};
use crate::cbor::CborSerializer;
use crate::error::{Error, Result};
use crate::json::JsonSerializer;
use crate::query::{QueryFlavor, QuerySerializer};
use crate::schema::{HttpBinding, Member, Schema, ShapeKind};
use crate::ser::{MemberSerializer, ShapeSerializer};
use crate::shape::{AwsShape, AwsStruct};
use crate::xml::XmlSerializer;

/// rpcv2Cbor's media type.
const CBOR: &str = "application/cbor";

/// Choices a caller can make about request building.
#[derive(Debug, Clone, Copy)]
pub struct RequestOptions {
    /// Makes the value of an idempotency token that the input leaves out (default: a random
    /// UUID v4).
    pub idempotency_token: fn() -> String,
    /// Bodies of operations with request compression are gzipped from this size on
    /// (default 10240 bytes, Smithy's; `usize::MAX` turns compression off).
    pub min_compression_size: usize,
}

impl Default for RequestOptions {
    fn default() -> Self {
        Self {
            idempotency_token: || uuid::Uuid::new_v4().to_string(),
            min_compression_size: 10_240,
        }
    }
}

/// Builds the HTTP request for `input` to `operation` of `service` at `endpoint`.
///
/// The input is checked first: a missing required member, at any depth (possible with a
/// [`Value`](crate::Value) input), is an error naming it and its path, and a missing
/// idempotency token is filled in.
pub fn build_request<I: AwsStruct>(
    service: &ServiceSchema,
    operation: &OperationSchema,
    input: &I,
    endpoint: &Endpoint,
    options: &RequestOptions,
) -> Result<http::Request<Vec<u8>>> {
    let schema = operation.input();
    let input = Filled::new(input, schema, *options)?;
    let mut bindings = Bindings::new(service.protocol(), operation);
    if service.protocol() == Protocol::RpcV2Cbor {
        bindings.path = Some(rpc_v2_path(service, operation)?);
    }
    input.serialize_members(schema, &mut bindings)?;
    let (body, content_type) = body(service, operation, &input, &mut bindings)?;
    let uri = bindings.uri(endpoint)?;
    let mut headers = std::mem::take(&mut bindings.headers);
    protocol_headers(service, operation, content_type, &mut headers);
    let body = encode_body(operation, options, body, &mut headers)?;
    let mut builder = http::Request::builder().method(operation.method()).uri(uri);
    for (name, value) in &headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    builder
        .body(body)
        .map_err(|e| Error::invalid("request", e.to_string()))
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
fn body<I: AwsStruct>(
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
            None => rest_body(protocol, operation, input, &root)?,
        },
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            let mut ser = JsonSerializer::new();
            ser.serialize_at(input, &root)?;
            let version = if protocol == Protocol::AwsJson1_0 {
                "1.0"
            } else {
                "1.1"
            };
            (
                ser.finish().into_bytes(),
                Some(format!("application/x-amz-json-{version}")),
            )
        }
        // An operation without input sends no body; an empty input sends an empty map.
        Protocol::RpcV2Cbor if super::Unit::is_unit(operation.input()) => (Vec::new(), None),
        Protocol::RpcV2Cbor => {
            let mut ser = CborSerializer::new();
            ser.serialize_at(input, &root)?;
            (ser.finish(), Some(CBOR.to_owned()))
        }
        Protocol::AwsQuery | Protocol::Ec2Query => {
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
    if service.query_compatible() {
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
    if operation.checksum_required() {
        use md5::Digest as _;
        let digest = md5::Md5::digest(&body);
        headers.push((
            "Content-MD5".to_owned(),
            crate::types::encode_base64(&digest),
        ));
    }
    let body = if operation.gzip_requests() && body.len() >= options.min_compression_size {
        append_encoding(headers, "gzip");
        gzip(&body)?
    } else {
        body
    };
    if !body.is_empty() {
        headers.push(("Content-Length".to_owned(), body.len().to_string()));
    }
    Ok(body)
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
fn rest_body<I: AwsStruct>(
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
        let mut ser = JsonSerializer::new();
        ser.serialize_at(&BodyMembers::new(input), root)?;
        return Ok((
            ser.finish().into_bytes(),
            Some("application/json".to_owned()),
        ));
    }
    let schema = root.target();
    let name = schema
        .traits()
        .xml_name
        .or(operation.input_root())
        .unwrap_or(schema.name());
    let mut ser = XmlSerializer::new();
    ser.serialize_at(&BodyMembers::new(input), &root.renamed(name))?;
    Ok((
        ser.finish().into_bytes(),
        Some("application/xml".to_owned()),
    ))
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
struct Filled<'a, I> {
    input: &'a I,
    tokens: Vec<(&'static Member, String)>,
}

impl<'a, I: AwsStruct> Filled<'a, I> {
    fn new(input: &'a I, schema: &'static Schema, options: RequestOptions) -> Result<Self> {
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
        Ok(Self { input, tokens })
    }
}

impl<I: AwsStruct> AwsShape for Filled<'_, I> {
    const SCHEMA: &'static Schema = I::SCHEMA;
    const MAY_OMIT_REQUIRED: bool = I::MAY_OMIT_REQUIRED;

    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        ser.write_struct(member, self)
    }

    fn deserialize<D: crate::ShapeDeserializer>(_: &Member, _: &mut D) -> Result<Self> {
        Err(Error::unsupported("a request input is only written"))
    }

    fn zero() -> Self {
        unreachable!("a request input is only written, never built from nothing")
    }
}

impl<I: AwsStruct> AwsStruct for Filled<'_, I> {
    type Builder = NoBuilder<Self>;

    fn builder(_: &'static Schema) -> Self::Builder {
        NoBuilder(std::marker::PhantomData)
    }

    fn serialize_members<S: MemberSerializer>(
        &self,
        schema: &'static Schema,
        ser: &mut S,
    ) -> Result<()> {
        self.input.serialize_members(schema, ser)?;
        for (member, token) in &self.tokens {
            ser.member(member, token)?;
        }
        Ok(())
    }
}

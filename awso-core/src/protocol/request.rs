//! Operation inputs to HTTP requests.

use super::headers::HeaderSerializer;
use super::required::{self, Presence};
use super::uri::{expand_path, push_query};
use super::{Endpoint, OperationSchema, Protocol, ServiceSchema};
use crate::error::{Error, Result};
use crate::json::JsonSerializer;
use crate::query::{QueryFlavor, QuerySerializer};
use crate::schema::{HttpBinding, Member, Schema, ShapeKind, TimestampFormat};
use crate::ser::{MemberSerializer, ShapeSerializer, write_each_item, write_each_value};
use crate::shape::{AwsShape, AwsStruct, StructBuilder};
use crate::text::TextSerializer;
use crate::types::{Document, Timestamp};
use crate::xml::XmlSerializer;

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
    let protocol = service.protocol();
    let mut parts = Bindings::new(protocol, operation);
    input.serialize_members(schema, &mut parts)?;
    let root = Member::root(schema);
    let (body, content_type) = match protocol {
        Protocol::RestJson1 | Protocol::RestXml => match parts.payload.take() {
            Some(payload) => payload,
            None => rest_body(protocol, operation, &input, &root)?,
        },
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            let mut ser = JsonSerializer::new();
            ser.serialize_at(&input, &root)?;
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
            form.append(&input, &root)?;
            (
                form.out.into_bytes(),
                Some("application/x-www-form-urlencoded".to_owned()),
            )
        }
    };
    let uri = parts.uri(endpoint)?;
    let mut headers = std::mem::take(&mut parts.headers);
    let bound = |headers: &[(String, String)], name: &str| {
        headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
    };
    // A member bound to Content-Type says what the body is.
    if let Some(content_type) = content_type.filter(|_| !bound(&headers, "content-type")) {
        headers.push(("Content-Type".to_owned(), content_type));
    }
    if let (Protocol::AwsJson1_0 | Protocol::AwsJson1_1, Some(prefix)) =
        (protocol, service.target_prefix())
    {
        headers.push((
            "X-Amz-Target".to_owned(),
            format!("{prefix}.{}", operation.name()),
        ));
    }
    if service.query_compatible() {
        headers.push(("x-amzn-query-mode".to_owned(), "true".to_owned()));
    }
    if operation.checksum_required() {
        use md5::Digest as _;
        let digest = md5::Md5::digest(&body);
        headers.push((
            "Content-MD5".to_owned(),
            crate::types::encode_base64(&digest),
        ));
    }
    let body = if operation.gzip_requests() && body.len() >= options.min_compression_size {
        append_encoding(&mut headers, "gzip");
        gzip(&body)?
    } else {
        body
    };
    if !body.is_empty() {
        headers.push(("Content-Length".to_owned(), body.len().to_string()));
    }
    let mut builder = http::Request::builder().method(operation.method()).uri(uri);
    for (name, value) in &headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    builder
        .body(body)
        .map_err(|e| Error::invalid("request", e.to_string()))
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
        let mut ser = JsonSerializer::new().body_members_only();
        ser.serialize_at(input, root)?;
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
    let mut ser = XmlSerializer::new().body_members_only();
    ser.serialize_at(input, &root.renamed(name))?;
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

/// The builder of a shape that is never read.
struct NoBuilder<T>(std::marker::PhantomData<T>);

impl<T> StructBuilder for NoBuilder<T> {
    type Output = T;

    fn read_member<D: crate::ShapeDeserializer>(
        &mut self,
        _: &'static Member,
        _: &mut D,
    ) -> Result<()> {
        Err(Error::unsupported("a request input is only written"))
    }

    fn build(self) -> Result<T> {
        Err(Error::unsupported("a request input is only written"))
    }
}

/// Collects what members bound to the URI, query string, headers and host prefix say, and
/// the payload member's body.
struct Bindings<'o> {
    protocol: Protocol,
    operation: &'o OperationSchema,
    labels: Vec<(&'static str, String)>,
    query: Vec<(String, String)>,
    query_map: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    host_labels: Vec<(&'static str, String)>,
    payload: Option<(Vec<u8>, Option<String>)>,
}

impl<'o> Bindings<'o> {
    fn new(protocol: Protocol, operation: &'o OperationSchema) -> Self {
        Self {
            protocol,
            operation,
            labels: Vec::new(),
            query: Vec::new(),
            query_map: Vec::new(),
            headers: Vec::new(),
            host_labels: Vec::new(),
            payload: None,
        }
    }

    /// The request URI: endpoint, host prefix, path with labels, literal and bound query.
    fn uri(&self, endpoint: &Endpoint) -> Result<String> {
        let (path_template, literal_query) = self
            .operation
            .request_uri()
            .split_once('?')
            .unwrap_or((self.operation.request_uri(), ""));
        let mut uri = format!("{}://", endpoint.scheme());
        if let Some(prefix) = self.operation.host_prefix() {
            uri.push_str(&expand_host_prefix(prefix, &self.host_labels)?);
        }
        uri.push_str(endpoint.host());
        uri.push_str(endpoint.base_path());
        uri.push_str(&expand_path(path_template, &self.labels)?);
        let mut query = literal_query.to_owned();
        for (key, value) in &self.query {
            push_query(&mut query, key, value);
        }
        // Explicit query members win over the same names in a query-params map.
        for (key, value) in &self.query_map {
            if !self.query.iter().any(|(k, _)| k == key) {
                push_query(&mut query, key, value);
            }
        }
        if !query.is_empty() {
            uri.push('?');
            uri.push_str(&query);
        }
        Ok(uri)
    }

    fn payload<T: AwsShape>(&mut self, member: &Member, value: &T) -> Result<()> {
        let target = member.target();
        let media = member.traits().media_type.or(target.traits().media_type);
        let (body, content_type) = match target.kind() {
            ShapeKind::Blob | ShapeKind::String | ShapeKind::Enum => {
                let mut raw = RawBody(Vec::new());
                value.serialize(member, &mut raw)?;
                let default = if target.kind() == ShapeKind::Blob {
                    "application/octet-stream"
                } else {
                    "text/plain"
                };
                (raw.0, media.unwrap_or(default).to_owned())
            }
            ShapeKind::Document => {
                let mut ser = JsonSerializer::new();
                ser.serialize_at(value, member)?;
                (ser.finish().into_bytes(), "application/json".to_owned())
            }
            _ if self.protocol == Protocol::RestJson1 => {
                let mut ser = JsonSerializer::new();
                ser.serialize_at(value, member)?;
                (ser.finish().into_bytes(), "application/json".to_owned())
            }
            _ => {
                // A payload document is named by the member's xmlName, else after its shape.
                let name = member
                    .traits()
                    .xml_name
                    .unwrap_or_else(|| crate::xml::root_name(target));
                let root = Member::root(target).renamed(name);
                let mut ser = XmlSerializer::new();
                ser.serialize_at(value, &root)?;
                (ser.finish().into_bytes(), "application/xml".to_owned())
            }
        };
        self.payload = Some((body, Some(content_type)));
        Ok(())
    }
}

fn expand_host_prefix(prefix: &str, labels: &[(&str, String)]) -> Result<String> {
    let mut out = String::new();
    let mut rest = prefix;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map(|i| open + i).ok_or_else(|| {
            Error::invalid("host prefix", format!("unclosed label in {prefix:?}"))
        })?;
        let name = &rest[open + 1..close];
        let value = labels
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .ok_or_else(|| {
                Error::invalid("request", format!("the host label `{name}` has no value"))
            })?;
        let valid = !value.is_empty()
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
            && !value.starts_with(['-', '.']);
        if !valid {
            return Err(Error::invalid(
                "request",
                format!("the host label `{name}` is not a valid host name part: {value:?}"),
            ));
        }
        out.push_str(value);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn text_of<T: AwsShape>(
    member: &Member,
    value: &T,
    default_format: TimestampFormat,
) -> Result<String> {
    let mut out = String::new();
    value.serialize(
        member,
        &mut TextSerializer {
            out: &mut out,
            default_format,
        },
    )?;
    Ok(out)
}

impl MemberSerializer for Bindings<'_> {
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()> {
        let in_member = |e: Error| e.in_member(member.name());
        if member.traits().host_label {
            let text = text_of(member, value, TimestampFormat::DateTime).map_err(in_member)?;
            self.host_labels.push((member.name(), text));
        }
        if !self.protocol.is_rest() {
            return Ok(());
        }
        match member.traits().http {
            None | Some(HttpBinding::ResponseCode) => {}
            Some(HttpBinding::Label { name, .. }) => {
                let text = text_of(member, value, TimestampFormat::DateTime).map_err(in_member)?;
                self.labels.push((name, text));
            }
            Some(HttpBinding::Query(name)) => {
                let mut params = QueryParams {
                    name: name.to_owned(),
                    pairs: &mut self.query,
                };
                value.serialize(member, &mut params).map_err(in_member)?;
            }
            Some(HttpBinding::QueryParams) => {
                let mut params = QueryParams {
                    name: String::new(),
                    pairs: &mut self.query_map,
                };
                value.serialize(member, &mut params).map_err(in_member)?;
            }
            Some(HttpBinding::Header(name)) => {
                let mut header = HeaderSerializer::new();
                value.serialize(member, &mut header).map_err(in_member)?;
                self.headers.push((name.to_owned(), header.out));
            }
            Some(HttpBinding::PrefixHeaders(prefix)) => {
                let mut headers = PrefixHeaders {
                    prefix,
                    headers: &mut self.headers,
                };
                value.serialize(member, &mut headers).map_err(in_member)?;
            }
            Some(HttpBinding::Payload) => self.payload(member, value).map_err(in_member)?,
        }
        Ok(())
    }

    fn unknown_member(&mut self, name: &str) -> Result<()> {
        Err(Error::unsupported(format!(
            "cannot send the unknown union member `{name}`"
        )))
    }
}

/// Refuses everything: the serializers below accept only some shapes.
macro_rules! refuse {
    ($what:literal; $($method:ident($($arg:ty),*)),* $(,)?) => {
        $(
            fn $method(&mut self, _: &Member, $(_: $arg),*) -> Result<()> {
                Err(Error::unsupported(concat!("this value cannot be ", $what)))
            }
        )*
    };
}

/// Query parameters from one `@httpQuery` member (a scalar or a list) or an
/// `@httpQueryParams` map (of scalars or lists).
struct QueryParams<'a> {
    name: String,
    pairs: &'a mut Vec<(String, String)>,
}

impl QueryParams<'_> {
    fn scalar(&mut self, write: impl FnOnce(&mut TextSerializer<'_>) -> Result<()>) -> Result<()> {
        let mut text = String::new();
        write(&mut TextSerializer {
            out: &mut text,
            default_format: TimestampFormat::DateTime,
        })?;
        self.pairs.push((self.name.clone(), text));
        Ok(())
    }
}

impl ShapeSerializer for QueryParams<'_> {
    fn write_struct<T: AwsStruct>(&mut self, _: &Member, _: &T) -> Result<()> {
        Err(Error::unsupported(
            "a structure cannot be a query parameter",
        ))
    }

    fn write_list<'a, T, I>(&mut self, member: &Member, items: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>,
    {
        write_each_item(self, member, items)
    }

    fn write_map<'a, V, I>(&mut self, member: &Member, entries: I) -> Result<()>
    where
        V: AwsShape + 'a,
        I: IntoIterator<Item = (&'a str, &'a V)>,
    {
        write_each_value(self, member, entries, |ser, key| {
            key.clone_into(&mut ser.name);
        })
    }

    fn write_boolean(&mut self, m: &Member, v: bool) -> Result<()> {
        self.scalar(|t| t.write_boolean(m, v))
    }

    fn write_integer(&mut self, m: &Member, v: i32) -> Result<()> {
        self.scalar(|t| t.write_integer(m, v))
    }

    fn write_long(&mut self, m: &Member, v: i64) -> Result<()> {
        self.scalar(|t| t.write_long(m, v))
    }

    fn write_float(&mut self, m: &Member, v: f32) -> Result<()> {
        self.scalar(|t| t.write_float(m, v))
    }

    fn write_double(&mut self, m: &Member, v: f64) -> Result<()> {
        self.scalar(|t| t.write_double(m, v))
    }

    fn write_big_integer(&mut self, m: &Member, v: &str) -> Result<()> {
        self.scalar(|t| t.write_big_integer(m, v))
    }

    fn write_big_decimal(&mut self, m: &Member, v: &str) -> Result<()> {
        self.scalar(|t| t.write_big_decimal(m, v))
    }

    fn write_string(&mut self, m: &Member, v: &str) -> Result<()> {
        self.scalar(|t| t.write_string(m, v))
    }

    fn write_blob(&mut self, m: &Member, v: &[u8]) -> Result<()> {
        self.scalar(|t| t.write_blob(m, v))
    }

    fn write_timestamp(&mut self, m: &Member, v: &Timestamp) -> Result<()> {
        self.scalar(|t| t.write_timestamp(m, v))
    }

    refuse!("a query parameter"; write_document(&Document), write_null());
}

/// Headers from an `@httpPrefixHeaders` map.
struct PrefixHeaders<'a> {
    prefix: &'static str,
    headers: &'a mut Vec<(String, String)>,
}

impl ShapeSerializer for PrefixHeaders<'_> {
    fn write_map<'a, V, I>(&mut self, member: &Member, entries: I) -> Result<()>
    where
        V: AwsShape + 'a,
        I: IntoIterator<Item = (&'a str, &'a V)>,
    {
        let (_, value_member) = member.map_entry()?;
        for (key, value) in entries {
            let mut header = HeaderSerializer::new();
            value
                .serialize(value_member, &mut header)
                .map_err(|e| e.in_key(key))?;
            self.headers
                .push((format!("{}{key}", self.prefix), header.out));
        }
        Ok(())
    }

    fn write_struct<T: AwsStruct>(&mut self, _: &Member, _: &T) -> Result<()> {
        Err(Error::unsupported("prefix headers are a map"))
    }

    fn write_list<'a, T, I>(&mut self, _: &Member, _: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>,
    {
        Err(Error::unsupported("prefix headers are a map"))
    }

    refuse!("prefix headers (a map)";
        write_boolean(bool), write_integer(i32), write_long(i64), write_float(f32),
        write_double(f64), write_big_integer(&str), write_big_decimal(&str), write_string(&str),
        write_blob(&[u8]), write_timestamp(&Timestamp), write_document(&Document), write_null(),
    );
}

/// The bytes of a blob or string payload.
struct RawBody(Vec<u8>);

impl ShapeSerializer for RawBody {
    fn write_blob(&mut self, _: &Member, value: &[u8]) -> Result<()> {
        self.0.extend_from_slice(value);
        Ok(())
    }

    fn write_string(&mut self, _: &Member, value: &str) -> Result<()> {
        self.0.extend_from_slice(value.as_bytes());
        Ok(())
    }

    fn write_struct<T: AwsStruct>(&mut self, _: &Member, _: &T) -> Result<()> {
        Err(Error::unsupported("a raw payload is a blob or a string"))
    }

    fn write_list<'a, T, I>(&mut self, _: &Member, _: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>,
    {
        Err(Error::unsupported("a raw payload is a blob or a string"))
    }

    fn write_map<'a, V, I>(&mut self, _: &Member, _: I) -> Result<()>
    where
        V: AwsShape + 'a,
        I: IntoIterator<Item = (&'a str, &'a V)>,
    {
        Err(Error::unsupported("a raw payload is a blob or a string"))
    }

    refuse!("a raw payload (a blob or a string)";
        write_boolean(bool), write_integer(i32), write_long(i64), write_float(f32),
        write_double(f64), write_big_integer(&str), write_big_decimal(&str),
        write_timestamp(&Timestamp), write_document(&Document), write_null(),
    );
}

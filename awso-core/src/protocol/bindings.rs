//! The HTTP bindings of a request: what the members bound to the URI, the query string,
//! headers, the host prefix and the payload say, each written by a small serializer that
//! takes only the shapes its place can hold.

use super::headers::HeaderSerializer;
use super::uri::{Template, expand, push_query};
use super::{Endpoint, OperationSchema, Protocol};
use crate::error::{Error, Result};
use crate::json::JsonSerializer;
use crate::partial::write_methods;
use crate::schema::{HttpBinding, Member, MemberTraits, ShapeKind, TimestampFormat};
use crate::ser::{MemberSerializer, ShapeSerializer, write_each_item, write_each_value};
use crate::shape::AwsShape;
use crate::text::TextSerializer;
use crate::xml::XmlSerializer;

/// Collects what members bound to the URI, query string, headers and host prefix say, and
/// the payload member's body.
pub(super) struct Bindings<'o> {
    protocol: Protocol,
    operation: &'o OperationSchema,
    labels: Vec<(&'static str, String)>,
    query: Vec<(String, String)>,
    query_map: Vec<(String, String)>,
    pub(super) headers: Vec<(String, String)>,
    /// Whether each of `headers` came from a sensitive member (by index): the request marks
    /// those values sensitive, so `http`'s `Debug` and loggers hide them.
    pub(super) sensitive_headers: Vec<bool>,
    host_labels: Vec<(&'static str, String)>,
    pub(super) payload: Option<(Vec<u8>, Option<String>)>,
    /// The path to send to instead of the operation's URI template (rpcv2Cbor's).
    pub(super) path: Option<String>,
}

impl<'o> Bindings<'o> {
    pub(super) fn new(protocol: Protocol, operation: &'o OperationSchema) -> Self {
        Self {
            protocol,
            operation,
            labels: Vec::new(),
            query: Vec::new(),
            query_map: Vec::new(),
            headers: Vec::new(),
            sensitive_headers: Vec::new(),
            host_labels: Vec::new(),
            payload: None,
            path: None,
        }
    }

    /// The request URI: endpoint, host prefix, path with labels, literal and bound query.
    /// `in_endpoint`: a leading part of the template the endpoint already carries.
    pub(super) fn uri(&self, endpoint: &Endpoint, in_endpoint: Option<&str>) -> Result<String> {
        let template = self.path.as_deref().unwrap_or(self.operation.request_uri());
        let (path_template, literal_query) = template.split_once('?').unwrap_or((template, ""));
        if self.protocol.is_rest() {
            self.labels_in_template(path_template)?;
        }
        let moved = in_endpoint
            .and_then(|prefix| path_template.strip_prefix(prefix))
            .filter(|rest| rest.is_empty() || rest.starts_with('/'));
        let path_template = moved.unwrap_or(path_template);
        let mut uri = format!("{}://", endpoint.scheme());
        if let Some(prefix) = self.operation.host_prefix() {
            uri.push_str(&expand(prefix, Template::HostPrefix, &self.host_labels)?);
        }
        uri.push_str(endpoint.host());
        uri.push_str(endpoint.base_path());
        let path = expand(path_template, Template::Path, &self.labels)?;
        if moved.is_some() && path.is_empty() && endpoint.base_path().is_empty() {
            // All of the path moved to the host: the request still needs its `/`.
            uri.push('/');
        }
        uri.push_str(&path);
        let mut query = literal_query.to_owned();
        for (key, value) in &self.query {
            push_query(&mut query, key, value);
        }
        // Explicit query members win over the same names in a query-params map.
        let explicit: std::collections::HashSet<&str> =
            self.query.iter().map(|(k, _)| k.as_str()).collect();
        for (key, value) in &self.query_map {
            if !explicit.contains(key.as_str()) {
                push_query(&mut query, key, value);
            }
        }
        if !query.is_empty() {
            uri.push('?');
            uri.push_str(&query);
        }
        Ok(uri)
    }

    /// Refuses an input member bound to a label the path template does not name: its
    /// value would be dropped without a word.
    fn labels_in_template(&self, template: &str) -> Result<()> {
        for member in self.operation.input().members() {
            let Some(HttpBinding::Label { name, .. }) = member.traits().http else {
                continue;
            };
            let named = [format!("{{{name}}}"), format!("{{{name}+}}")];
            if !named.iter().any(|n| template.contains(n.as_str())) {
                return Err(Error::invalid(
                    "operation",
                    format!(
                        "the member `{}` of `{}` is bound to the URI label `{name}`, which the \
                         URI template {template:?} of `{}` does not name",
                        member.name(),
                        self.operation.input().name(),
                        self.operation.name()
                    ),
                ));
            }
        }
        Ok(())
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
                (ser.finish_bytes(), "application/json".to_owned())
            }
            _ if self.protocol == Protocol::RestJson1 => {
                let mut ser = JsonSerializer::new();
                ser.serialize_at(value, member)?;
                (ser.finish_bytes(), "application/json".to_owned())
            }
            _ => {
                // A payload document is named by the member's xmlName, else after its shape.
                let name = member
                    .traits()
                    .xml_name
                    .unwrap_or_else(|| crate::xml::root_name(target));
                // ... and declares the member's namespace (S3 CreateBucketConfiguration).
                let traits = MemberTraits {
                    xml_namespace: member.xml_namespace(),
                    ..MemberTraits::NONE
                };
                let root = Member::root(target).renamed(name).with_traits(traits);
                let mut ser = XmlSerializer::new();
                ser.serialize_at(value, &root)?;
                (ser.finish().into_bytes(), "application/xml".to_owned())
            }
        };
        self.payload = Some((body, Some(content_type)));
        Ok(())
    }
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
                check_header_value(name, &header.out).map_err(in_member)?;
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
        let sensitive = crate::redact::member_is_sensitive(member);
        self.sensitive_headers.resize(self.headers.len(), sensitive);
        Ok(())
    }

    fn unknown_member(&mut self, name: &str) -> Result<()> {
        Err(Error::unsupported(format!(
            "cannot send the unknown union member `{name}`"
        )))
    }
}

/// Refuses a header value with a byte outside visible ASCII, space and tab: sent raw, the
/// signer and the server would see different bytes (as botocore does for S3 metadata, the
/// caller encodes such text first, for example as RFC 2047 `=?UTF-8?B?...?=`).
fn check_header_value(name: &str, value: &str) -> Result<()> {
    match value
        .char_indices()
        .find(|&(_, c)| !(c == ' ' || c == '\t' || c.is_ascii_graphic()))
    {
        None => Ok(()),
        Some((at, c)) => Err(Error::invalid(
            "header",
            format!(
                "the value of `{name}` holds {c:?} at byte {at}: header values are visible \
                 ASCII; encode other text first (for example RFC 2047 `=?UTF-8?B?...?=`)"
            ),
        )),
    }
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

    write_methods!(refuse(what => Error::unsupported(format!("{what} cannot be a query parameter"));
        write_struct));

    write_methods!(refuse(_what => Error::unsupported("this value cannot be a query parameter");
        write_document, write_null));

    write_methods!(forward(scalar;
        write_boolean, write_integer, write_long, write_float, write_double,
        write_big_integer, write_big_decimal, write_string,
        write_blob, write_timestamp));
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
            let name = format!("{}{key}", self.prefix);
            check_header_value(&name, &header.out).map_err(|e| e.in_key(key))?;
            self.headers.push((name, header.out));
        }
        Ok(())
    }

    write_methods!(refuse(_what => Error::unsupported("prefix headers are a map");
        write_struct, write_list));

    write_methods!(refuse(_what => Error::unsupported("this value cannot be prefix headers (a map)");
        write_boolean, write_integer, write_long, write_float, write_double,
        write_big_integer, write_big_decimal, write_string,
        write_blob, write_timestamp, write_document, write_null));
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

    write_methods!(refuse(_what => Error::unsupported("a raw payload is a blob or a string");
        write_struct, write_list, write_map));

    write_methods!(refuse(_what =>
        Error::unsupported("this value cannot be a raw payload (a blob or a string)");
        write_boolean, write_integer, write_long, write_float, write_double,
        write_big_integer, write_big_decimal, write_timestamp,
        write_document, write_null));
}

//! The AWS protocols: operation inputs to HTTP requests, HTTP responses to outputs or errors.
//!
//! | protocol | request | response | error code from |
//! |---|---|---|---|
//! | `restJson1` | HTTP bindings + JSON body or payload | bindings + JSON body or payload | `X-Amzn-Errortype`, body `__type`, body `code` |
//! | `awsJson1_0` / `awsJson1_1` | `POST /`, `X-Amz-Target: Prefix.Operation`, JSON body | JSON body | the same (plus `x-amzn-query-error` for query-compatible services) |
//! | `restXml` | HTTP bindings + XML body or payload | bindings + XML body or payload | `<ErrorResponse><Error><Code>` or `<Error><Code>` |
//! | `awsQuery` | `POST`, form body `Action=..&Version=..&...` | `<OperationResponse><OperationResult>` | `<ErrorResponse><Error><Code>` |
//! | `ec2Query` | like awsQuery, ec2 member names | `<OperationResponse>` | `<Response><Errors><Error><Code>` |
//! | `rpcv2Cbor` | `POST /service/{Service}/operation/{Operation}`, `Smithy-Protocol: rpc-v2-cbor`, CBOR body | CBOR body | body `__type` (plus `x-amzn-query-error` for query-compatible services) |
//!
//! An operation is described once, by an [`OperationSchema`] (name, method, URI template,
//! input, output, errors, host prefix) and its service's [`ServiceSchema`] (protocol, API
//! version, JSON target prefix). The [`Operation`] trait ties them to Rust types:
//!
//! ```
//! use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
//! use awso_core::{AwsError, AwsShape, UnknownError};
//!
//! #[derive(AwsShape, Debug)]
//! #[awso(rename_all = "PascalCase")]
//! struct GetAttachmentRequest {
//!     attachment_id: String,
//!     #[awso(http_header = "X-Amz-Bearer")]
//!     connection_token: String,
//! }
//!
//! #[derive(AwsShape, Debug)]
//! #[awso(rename_all = "PascalCase")]
//! struct GetAttachmentResponse {
//!     url: Option<String>,
//!     attachment_size_in_bytes: i64,
//! }
//!
//! #[derive(AwsShape, Debug)]
//! #[awso(error(status = 429))]
//! struct ThrottlingException {
//!     #[awso(rename = "Message")]
//!     message: String,
//! }
//!
//! #[derive(AwsError, Debug)]
//! enum GetAttachmentError {
//!     ThrottlingException(ThrottlingException),
//!     Unknown(UnknownError),
//! }
//!
//! struct GetAttachment;
//!
//! impl Operation for GetAttachment {
//!     type Input = GetAttachmentRequest;
//!     type Output = GetAttachmentResponse;
//!     type Error = GetAttachmentError;
//!     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2018-09-07");
//!     const SCHEMA: &'static OperationSchema =
//!         &OperationSchema::new("GetAttachment", "POST", "/participant/attachment")
//!             .with_input(GetAttachmentRequest::SCHEMA)
//!             .with_output(GetAttachmentResponse::SCHEMA)
//!             .with_errors(GetAttachmentError::ERRORS);
//! }
//!
//! let endpoint = Endpoint::parse("https://participant.connect.us-east-1.amazonaws.com")?;
//! let input = GetAttachmentRequest { attachment_id: "a-1".into(), connection_token: "tok".into() };
//! let request = protocol::request::<GetAttachment>(&input, &endpoint)?;
//! assert_eq!(request.uri(), "https://participant.connect.us-east-1.amazonaws.com/participant/attachment");
//! assert_eq!(request.headers()["x-amz-bearer"], "tok");
//! assert_eq!(request.body(), br#"{"AttachmentId":"a-1"}"#);
//!
//! let response = http::Response::builder()
//!     .status(429)
//!     .header("X-Amzn-ErrorType", "ThrottlingException")
//!     .body(br#"{"Message":"slow down"}"#.to_vec())?;
//! let err = protocol::response::<GetAttachment, _>(&response).unwrap_err();
//! assert!(matches!(err.service_error(), Some(GetAttachmentError::ThrottlingException(_))));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod bindings;
mod body;
mod checksum;
mod endpoint;
mod errors;
mod headers;
mod request;
mod required;
mod response;
mod uri;

pub use body::{read_body_members, write_body_members};
pub use checksum::{ChecksumAlgorithm, HttpChecksum, verify_checksum};
pub use endpoint::Endpoint;
pub use errors::{DynamicError, error_parts};
pub use request::{RequestOptions, build_request, verify_response_checksum};
pub use response::{ResponseError, parse_response, parse_response_dynamic};

use crate::error::Result;
use crate::schema::{Member, Schema, XmlNamespace};
use crate::service_error::{AwsError, BodyFormat};
use crate::shape::{AwsShape, AwsStruct, StructBuilder};

/// The wire protocol of a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Protocol {
    /// `aws.protocols#restJson1`.
    RestJson1,
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
    /// `aws.protocols#restXml`.
    RestXml,
    /// `aws.protocols#awsQuery`.
    AwsQuery,
    /// `aws.protocols#ec2Query`.
    Ec2Query,
    /// `smithy.protocols#rpcv2Cbor`.
    RpcV2Cbor,
}

impl Protocol {
    /// The protocol a botocore model names (`rest-json`, `json` with its `jsonVersion`,
    /// `rest-xml`, `query`, `ec2`, `smithy-rpc-v2-cbor`); `None` for others.
    pub fn from_botocore(protocol: &str, json_version: Option<&str>) -> Option<Self> {
        Some(match protocol {
            "rest-json" => Self::RestJson1,
            "json" if json_version == Some("1.0") => Self::AwsJson1_0,
            "json" => Self::AwsJson1_1,
            "rest-xml" => Self::RestXml,
            "query" => Self::AwsQuery,
            "ec2" => Self::Ec2Query,
            "smithy-rpc-v2-cbor" => Self::RpcV2Cbor,
            _ => return None,
        })
    }

    /// Whether members are bound to HTTP headers, labels and query parameters.
    pub const fn is_rest(self) -> bool {
        matches!(self, Self::RestJson1 | Self::RestXml)
    }

    /// How bodies (and error bodies) are written.
    pub const fn body_format(self) -> BodyFormat {
        match self {
            Self::RestJson1 | Self::AwsJson1_0 | Self::AwsJson1_1 => BodyFormat::Json,
            Self::RestXml | Self::AwsQuery | Self::Ec2Query => BodyFormat::Xml,
            Self::RpcV2Cbor => BodyFormat::Cbor,
        }
    }
}

/// What a service's protocol needs to know about the service.
///
/// Built in constants: each `with_*` method sets one setting, and the method of the same name
/// without `with_` reads it back (as [`OperationSchema`] does).
#[derive(Debug, Clone, Copy)]
pub struct ServiceSchema {
    protocol: Protocol,
    api_version: &'static str,
    target_prefix: Option<&'static str>,
    query_compatible: bool,
}

impl ServiceSchema {
    /// A service speaking `protocol`, at `api_version` (sent as awsQuery's `Version`).
    pub const fn new(protocol: Protocol, api_version: &'static str) -> Self {
        Self {
            protocol,
            api_version,
            target_prefix: None,
            query_compatible: false,
        }
    }

    /// The awsJson target prefix (`X-Amz-Target: <prefix>.<Operation>`); for rpcv2Cbor, the
    /// service name of the request path (`/service/<prefix>/operation/<Operation>`).
    #[must_use]
    pub const fn with_target_prefix(mut self, prefix: &'static str) -> Self {
        self.target_prefix = Some(prefix);
        self
    }

    /// Marks a JSON service as compatible with its former awsQuery self
    /// (`@awsQueryCompatible`): error codes may come in `x-amzn-query-error`.
    #[must_use]
    pub const fn with_query_compatible(mut self) -> Self {
        self.query_compatible = true;
        self
    }

    /// The protocol.
    pub const fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// The API version.
    pub const fn api_version(&self) -> &'static str {
        self.api_version
    }

    /// The awsJson target prefix.
    pub const fn target_prefix(&self) -> Option<&'static str> {
        self.target_prefix
    }

    /// Whether the service is query-compatible.
    pub const fn query_compatible(&self) -> bool {
        self.query_compatible
    }
}

/// One operation: its name, HTTP binding, host prefix, and the schemas of its input, output
/// and modeled errors.
///
/// Built in constants: each `with_*` method sets one setting, and the method of the same name
/// without `with_` reads it back (`with_input` / `input`, `with_gzip_requests` /
/// `gzip_requests`).
#[derive(Debug, Clone, Copy)]
pub struct OperationSchema {
    name: &'static str,
    method: &'static str,
    request_uri: &'static str,
    response_code: Option<u16>,
    host_prefix: Option<&'static str>,
    input: &'static Schema,
    output: &'static Schema,
    errors: &'static [&'static Schema],
    result_wrapper: Option<&'static str>,
    input_root: Option<&'static str>,
    input_namespace: Option<XmlNamespace>,
    gzip_requests: bool,
    checksum_required: bool,
    http_checksum: Option<HttpChecksum>,
}

impl OperationSchema {
    /// An operation called `name`, sent as `method request_uri` (a URI template with
    /// `{Label}` and `{Greedy+}` labels and possibly a literal query string). Input and output
    /// default to the empty structure.
    pub const fn new(name: &'static str, method: &'static str, request_uri: &'static str) -> Self {
        Self {
            name,
            method,
            request_uri,
            response_code: None,
            host_prefix: None,
            input: Unit::SCHEMA,
            output: Unit::SCHEMA,
            errors: &[],
            result_wrapper: None,
            input_root: None,
            input_namespace: None,
            gzip_requests: false,
            checksum_required: false,
            http_checksum: None,
        }
    }

    /// The input structure.
    #[must_use]
    pub const fn with_input(mut self, schema: &'static Schema) -> Self {
        self.input = schema;
        self
    }

    /// The output structure.
    #[must_use]
    pub const fn with_output(mut self, schema: &'static Schema) -> Self {
        self.output = schema;
        self
    }

    /// The modeled errors.
    #[must_use]
    pub const fn with_errors(mut self, errors: &'static [&'static Schema]) -> Self {
        self.errors = errors;
        self
    }

    /// The HTTP status of a successful response.
    #[must_use]
    pub const fn with_response_code(mut self, code: u16) -> Self {
        self.response_code = Some(code);
        self
    }

    /// The endpoint host prefix (`foo.{Label}.`), filled from `@hostLabel` members.
    #[must_use]
    pub const fn with_host_prefix(mut self, prefix: &'static str) -> Self {
        self.host_prefix = Some(prefix);
        self
    }

    /// The element wrapping an awsQuery result (default: `<Operation>Result`).
    #[must_use]
    pub const fn with_result_wrapper(mut self, wrapper: &'static str) -> Self {
        self.result_wrapper = Some(wrapper);
        self
    }

    /// The root element of a restXml request body (default: the input shape's `xmlName`, else
    /// its name).
    #[must_use]
    pub const fn with_input_root(mut self, name: &'static str) -> Self {
        self.input_root = Some(name);
        self
    }

    /// The namespace declared on the root element of a restXml request body (botocore's
    /// `input.xmlNamespace`: every Route53 and CloudFront request), over the input shape's own.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    /// use awso_core::schema::XmlNamespace;
    ///
    /// let ns = XmlNamespace { uri: "https://route53.amazonaws.com/doc/2013-04-01/", prefix: None };
    /// let op = OperationSchema::new("CreateHostedZone", "POST", "/2013-04-01/hostedzone")
    ///     .with_input_namespace(ns);
    /// assert_eq!(op.input_namespace(), Some(ns));
    /// ```
    #[must_use]
    pub const fn with_input_namespace(mut self, namespace: XmlNamespace) -> Self {
        self.input_namespace = Some(namespace);
        self
    }

    /// Compresses request bodies of at least [`RequestOptions::min_compression_size`] bytes
    /// with gzip (`@requestCompression` with `gzip`).
    #[must_use]
    pub const fn with_gzip_requests(mut self) -> Self {
        self.gzip_requests = true;
        self
    }

    /// Sends a `Content-MD5` of the body (`@httpChecksumRequired`).
    #[must_use]
    pub const fn with_checksum_required(mut self) -> Self {
        self.checksum_required = true;
        self
    }

    /// Sends and checks flexible checksums (`@httpChecksum`): `x-amz-checksum-*` on
    /// requests, validation of responses when the input asks for it.
    #[must_use]
    pub const fn with_http_checksum(mut self, checksum: HttpChecksum) -> Self {
        self.http_checksum = Some(checksum);
        self
    }

    /// The operation's name.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The HTTP method.
    pub const fn method(&self) -> &'static str {
        self.method
    }

    /// The request URI template.
    pub const fn request_uri(&self) -> &'static str {
        self.request_uri
    }

    /// The input schema.
    pub const fn input(&self) -> &'static Schema {
        self.input
    }

    /// The output schema.
    pub const fn output(&self) -> &'static Schema {
        self.output
    }

    /// The modeled errors.
    pub const fn errors(&self) -> &'static [&'static Schema] {
        self.errors
    }

    /// The host prefix.
    pub const fn host_prefix(&self) -> Option<&'static str> {
        self.host_prefix
    }

    /// The successful status.
    pub const fn response_code(&self) -> Option<u16> {
        self.response_code
    }

    /// The result wrapper element, when set.
    pub const fn result_wrapper(&self) -> Option<&'static str> {
        self.result_wrapper
    }

    /// The restXml request root element, when set.
    pub const fn input_root(&self) -> Option<&'static str> {
        self.input_root
    }

    /// The restXml request root element's namespace, when set.
    pub const fn input_namespace(&self) -> Option<XmlNamespace> {
        self.input_namespace
    }

    /// Whether large request bodies are gzipped.
    pub const fn gzip_requests(&self) -> bool {
        self.gzip_requests
    }

    /// Whether requests carry a `Content-MD5`.
    pub const fn checksum_required(&self) -> bool {
        self.checksum_required
    }

    /// The `@httpChecksum` trait, when set.
    pub const fn http_checksum(&self) -> Option<&HttpChecksum> {
        self.http_checksum.as_ref()
    }

    fn result_wrapper_name(&self) -> String {
        self.result_wrapper
            .map_or_else(|| format!("{}Result", self.name), str::to_owned)
    }
}

/// An operation as Rust types: what [`request`] and [`response`] need.
pub trait Operation {
    /// The input structure.
    type Input: AwsStruct;
    /// The output structure.
    type Output: AwsStruct;
    /// The error enum.
    type Error: AwsError;
    /// The service.
    const SERVICE: &'static ServiceSchema;
    /// The operation.
    const SCHEMA: &'static OperationSchema;
}

/// Builds the HTTP request for `input` to operation `O` at `endpoint`.
pub fn request<O: Operation>(
    input: &O::Input,
    endpoint: &Endpoint,
) -> Result<http::Request<Vec<u8>>> {
    build_request(
        O::SERVICE,
        O::SCHEMA,
        input,
        endpoint,
        &RequestOptions::default(),
    )
}

/// Reads the HTTP response of operation `O`: its output, or its error (modeled or not).
pub fn response<O: Operation, B: AsRef<[u8]>>(
    response: &http::Response<B>,
) -> std::result::Result<O::Output, ResponseError<O::Error>> {
    parse_response::<O::Output, O::Error, B>(O::SERVICE, O::SCHEMA, response)
}

/// The empty structure: the input or output of operations that have none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Unit;

/// The one schema of [`Unit`]: a static, so that its address tells an operation without
/// input (rpcv2Cbor sends no body then) from one whose input is an empty structure.
static UNIT_SCHEMA: Schema = Schema::structure("Unit", &[]);

impl Unit {
    /// Whether `schema` is the schema of `Unit` (not merely another empty structure).
    ///
    /// ```
    /// use awso_core::protocol::Unit;
    /// use awso_core::{AwsShape, Schema};
    ///
    /// static EMPTY: Schema = Schema::structure("Unit", &[]);
    /// assert!(Unit::is_unit(Unit::SCHEMA));
    /// assert!(!Unit::is_unit(&EMPTY));
    /// ```
    pub fn is_unit(schema: &Schema) -> bool {
        std::ptr::eq(schema, &raw const UNIT_SCHEMA)
    }
}

impl AwsShape for Unit {
    const SCHEMA: &'static Schema = &UNIT_SCHEMA;

    fn serialize<S: crate::ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        ser.write_struct(member, self)
    }

    fn deserialize<D: crate::ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
        de.read_struct(member, &mut Unit)?;
        Ok(Unit)
    }

    fn zero() -> Self {
        Unit
    }
}

impl AwsStruct for Unit {
    type Builder = Unit;

    fn builder(_: &'static Schema) -> Unit {
        Unit
    }

    fn serialize_members<S: crate::MemberSerializer>(
        &self,
        _: &'static Schema,
        _: &mut S,
    ) -> Result<()> {
        Ok(())
    }
}

impl StructBuilder for Unit {
    type Output = Unit;

    fn read_member<D: crate::ShapeDeserializer>(
        &mut self,
        member: &'static Member,
        _: &mut D,
    ) -> Result<()> {
        Err(crate::shape::member_not_in_schema(member))
    }

    fn build(self) -> Result<Unit> {
        Ok(Unit)
    }
}

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
mod formats;
mod headers;
mod request;
mod required;
mod response;
mod uri;

pub use body::{read_body_members, write_body_members};
pub use checksum::{
    ChecksumAlgorithm, ChecksumHasher, ExpectedChecksum, HttpChecksum, RequestChecksumCalculation,
    verify_checksum,
};
pub use endpoint::Endpoint;
pub use errors::{DynamicError, error_parts};
pub use request::{
    RequestOptions, build_request, expected_response_checksum, validation_mode_header,
    verify_response_checksum,
};
pub use response::{ResponseError, parse_response, parse_response_dynamic, parse_response_head};

use crate::error::Result;
use crate::schema::{Member, Schema, XmlNamespace};
use crate::service_error::{AwsError, BodyFormat};
use crate::shape::{AwsShape, AwsStruct, StructBuilder};

/// The wire protocol of a service.
///
/// ```
/// use awso_core::protocol::{Protocol, ServiceSchema};
///
/// const SQS: ServiceSchema = ServiceSchema::new(Protocol::AwsQuery, "2012-11-05");
/// assert!(!SQS.protocol().is_rest());
/// assert_eq!(Protocol::from_botocore("query", None), Some(SQS.protocol()));
/// ```
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
    ///
    /// ```
    /// use awso_core::protocol::Protocol;
    ///
    /// assert_eq!(Protocol::from_botocore("json", Some("1.0")), Some(Protocol::AwsJson1_0));
    /// assert_eq!(Protocol::from_botocore("json", Some("1.1")), Some(Protocol::AwsJson1_1));
    /// assert_eq!(Protocol::from_botocore("rest-xml", None), Some(Protocol::RestXml));
    /// assert_eq!(Protocol::from_botocore("soap", None), None);
    /// ```
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
    ///
    /// ```
    /// use awso_core::protocol::Protocol;
    ///
    /// assert!(Protocol::RestXml.is_rest());
    /// assert!(!Protocol::AwsJson1_1.is_rest());
    /// ```
    pub const fn is_rest(self) -> bool {
        matches!(self, Self::RestJson1 | Self::RestXml)
    }

    /// How bodies (and error bodies) are written.
    ///
    /// ```
    /// use awso_core::protocol::Protocol;
    /// use awso_core::service_error::BodyFormat;
    ///
    /// assert_eq!(Protocol::Ec2Query.body_format(), BodyFormat::Xml);
    /// assert_eq!(Protocol::RpcV2Cbor.body_format(), BodyFormat::Cbor);
    /// ```
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
///
/// ```
/// use awso_core::protocol::{self, Endpoint, OperationSchema, Protocol, RequestOptions, ServiceSchema, Unit};
///
/// const DYNAMODB: ServiceSchema = ServiceSchema::new(Protocol::AwsJson1_0, "2012-08-10")
///     .with_target_prefix("DynamoDB_20120810");
/// const LIST_TABLES: OperationSchema = OperationSchema::new("ListTables", "POST", "/");
/// let request = protocol::build_request(&DYNAMODB, &LIST_TABLES, &Unit, &Endpoint::default(), &RequestOptions::default())?;
/// assert_eq!(request.headers()["x-amz-target"], "DynamoDB_20120810.ListTables");
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ServiceSchema {
    protocol: Protocol,
    api_version: &'static str,
    target_prefix: Option<&'static str>,
    query_compatible: bool,
    errors: &'static [&'static Schema],
}

impl ServiceSchema {
    /// A service speaking `protocol`, at `api_version` (sent as awsQuery's `Version`).
    ///
    /// ```
    /// use awso_core::protocol::{self, Endpoint, OperationSchema, Protocol, RequestOptions, ServiceSchema, Unit};
    ///
    /// const SQS: ServiceSchema = ServiceSchema::new(Protocol::AwsQuery, "2012-11-05");
    /// const LIST_QUEUES: OperationSchema = OperationSchema::new("ListQueues", "POST", "/");
    /// let request = protocol::build_request(&SQS, &LIST_QUEUES, &Unit, &Endpoint::default(), &RequestOptions::default())?;
    /// assert_eq!(request.body(), b"Action=ListQueues&Version=2012-11-05");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub const fn new(protocol: Protocol, api_version: &'static str) -> Self {
        Self {
            protocol,
            api_version,
            target_prefix: None,
            query_compatible: false,
            errors: &[],
        }
    }

    /// Every error structure of the service. An error response whose code names one that
    /// the operation does not list is still read as that structure, as botocore reads it:
    /// in the dynamic mode it is a [`DynamicError::Modeled`]; a typed operation's error enum
    /// has no variant for it, so it stays `Unknown`, whose
    /// [`UnknownError::modeled`](crate::UnknownError::modeled) gives
    /// the structure's members (an exhaustive match over the operation's errors keeps
    /// meaning "what this operation is documented to return").
    ///
    /// ```
    /// use awso_core::protocol::{self, DynamicError, OperationSchema, Protocol, ServiceSchema};
    /// use awso_core::schema::{ErrorFault, ErrorTrait, Member, Schema, SchemaRef, ShapeTraits};
    ///
    /// static LIMIT: Schema = Schema::structure("LimitExceeded", &[Member::new("Limit", 0, SchemaRef::of::<i32>())])
    ///     .with_traits(ShapeTraits::NONE.error(ErrorTrait { fault: ErrorFault::Client, http_status: None, code: None }));
    /// static ERRORS: [&Schema; 1] = [&LIMIT];
    /// const SERVICE: ServiceSchema = ServiceSchema::new(Protocol::AwsJson1_1, "1").with_errors(&ERRORS);
    /// const LIST: OperationSchema = OperationSchema::new("List", "POST", "/");
    /// let answer = http::Response::builder().status(400)
    ///     .body(br#"{"__type": "LimitExceeded", "Limit": 5}"#.to_vec()).unwrap();
    /// let error = protocol::parse_response_dynamic(&SERVICE, &LIST, &answer).unwrap_err();
    /// assert!(matches!(error.service_error(), Some(DynamicError::Modeled { schema, .. }) if schema.name() == "LimitExceeded"));
    /// assert_eq!(SERVICE.errors().len(), 1);
    /// ```
    #[must_use]
    pub const fn with_errors(mut self, errors: &'static [&'static Schema]) -> Self {
        self.errors = errors;
        self
    }

    /// Every error structure of the service: see [`with_errors`](Self::with_errors).
    ///
    /// ```
    /// use awso_core::protocol::{Protocol, ServiceSchema};
    ///
    /// assert!(ServiceSchema::new(Protocol::RestJson1, "1").errors().is_empty());
    /// ```
    pub const fn errors(&self) -> &'static [&'static Schema] {
        self.errors
    }

    /// The awsJson target prefix (`X-Amz-Target: <prefix>.<Operation>`); for rpcv2Cbor, the
    /// service name of the request path (`/service/<prefix>/operation/<Operation>`).
    ///
    /// ```
    /// use awso_core::protocol::{self, Endpoint, OperationSchema, Protocol, RequestOptions, ServiceSchema, Unit};
    ///
    /// const CBOR: ServiceSchema = ServiceSchema::new(Protocol::RpcV2Cbor, "2023-01-01").with_target_prefix("Weather");
    /// const GET: OperationSchema = OperationSchema::new("GetForecast", "POST", "/");
    /// let request = protocol::build_request(&CBOR, &GET, &Unit, &Endpoint::default(), &RequestOptions::default())?;
    /// assert_eq!(request.uri().path(), "/service/Weather/operation/GetForecast");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub const fn with_target_prefix(mut self, prefix: &'static str) -> Self {
        self.target_prefix = Some(prefix);
        self
    }

    /// Marks a JSON service as compatible with its former awsQuery self
    /// (`@awsQueryCompatible`): error codes may come in `x-amzn-query-error`.
    ///
    /// ```
    /// use awso_core::protocol::{Protocol, ServiceSchema};
    ///
    /// const SQS_JSON: ServiceSchema = ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
    ///     .with_target_prefix("AmazonSQS")
    ///     .with_query_compatible();
    /// assert!(SQS_JSON.query_compatible());
    /// ```
    #[must_use]
    pub const fn with_query_compatible(mut self) -> Self {
        self.query_compatible = true;
        self
    }

    /// The protocol.
    ///
    /// ```
    /// use awso_core::protocol::{Protocol, ServiceSchema};
    ///
    /// assert_eq!(ServiceSchema::new(Protocol::RestXml, "2006-03-01").protocol(), Protocol::RestXml);
    /// ```
    pub const fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// The API version.
    ///
    /// ```
    /// use awso_core::protocol::{Protocol, ServiceSchema};
    ///
    /// assert_eq!(ServiceSchema::new(Protocol::Ec2Query, "2016-11-15").api_version(), "2016-11-15");
    /// ```
    pub const fn api_version(&self) -> &'static str {
        self.api_version
    }

    /// The awsJson target prefix.
    ///
    /// ```
    /// use awso_core::protocol::{Protocol, ServiceSchema};
    ///
    /// let kinesis = ServiceSchema::new(Protocol::AwsJson1_1, "2013-12-02").with_target_prefix("Kinesis_20131202");
    /// assert_eq!(kinesis.target_prefix(), Some("Kinesis_20131202"));
    /// assert_eq!(ServiceSchema::new(Protocol::RestJson1, "1").target_prefix(), None);
    /// ```
    pub const fn target_prefix(&self) -> Option<&'static str> {
        self.target_prefix
    }

    /// Whether the service is query-compatible.
    ///
    /// ```
    /// use awso_core::protocol::{Protocol, ServiceSchema};
    ///
    /// assert!(!ServiceSchema::new(Protocol::AwsJson1_0, "1").query_compatible());
    /// ```
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
///
/// ```
/// use awso_core::protocol::OperationSchema;
///
/// const GET_OBJECT: OperationSchema = OperationSchema::new("GetObject", "GET", "/{Bucket}/{Key+}?x-id=GetObject")
///     .with_response_code(200);
/// assert_eq!((GET_OBJECT.method(), GET_OBJECT.response_code()), ("GET", Some(200)));
/// ```
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
    ///
    /// ```
    /// use awso_core::protocol::{OperationSchema, Unit};
    ///
    /// let op = OperationSchema::new("DeleteQueue", "POST", "/");
    /// assert_eq!((op.name(), op.method(), op.request_uri()), ("DeleteQueue", "POST", "/"));
    /// assert!(Unit::is_unit(op.input()) && Unit::is_unit(op.output()));
    /// ```
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
    ///
    /// ```
    /// use awso_core::protocol::{self, Endpoint, OperationSchema, Protocol, RequestOptions, ServiceSchema};
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// struct GetItem { #[awso(http_label = "Id")] id: String }
    ///
    /// const OP: OperationSchema = OperationSchema::new("GetItem", "GET", "/items/{Id}").with_input(GetItem::SCHEMA);
    /// let service = ServiceSchema::new(Protocol::RestJson1, "1");
    /// let request = protocol::build_request(&service, &OP, &GetItem { id: "a b".into() }, &Endpoint::default(), &RequestOptions::default())?;
    /// assert_eq!(request.uri().path(), "/items/a%20b");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub const fn with_input(mut self, schema: &'static Schema) -> Self {
        self.input = schema;
        self
    }

    /// The output structure.
    ///
    /// ```
    /// use awso_core::protocol::{self, OperationSchema, Protocol, ServiceSchema};
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// #[awso(rename_all = "PascalCase")]
    /// struct CountOutput { count: Option<i32> }
    ///
    /// const OP: OperationSchema = OperationSchema::new("Count", "POST", "/").with_output(CountOutput::SCHEMA);
    /// let service = ServiceSchema::new(Protocol::AwsJson1_1, "1");
    /// let response = http::Response::new(br#"{"Count": 3}"#.to_vec());
    /// let value = protocol::parse_response_dynamic(&service, &OP, &response).unwrap();
    /// assert_eq!(value.get("Count"), Some(&awso_core::Value::Integer(3)));
    /// ```
    #[must_use]
    pub const fn with_output(mut self, schema: &'static Schema) -> Self {
        self.output = schema;
        self
    }

    /// The modeled errors.
    ///
    /// ```
    /// use awso_core::protocol::{self, OperationSchema, Protocol, ServiceSchema};
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape, Debug)]
    /// #[awso(error(status = 404))]
    /// struct NotFound { message: Option<String> }
    ///
    /// const OP: OperationSchema = OperationSchema::new("Get", "POST", "/").with_errors(&[NotFound::SCHEMA]);
    /// let service = ServiceSchema::new(Protocol::AwsJson1_1, "1");
    /// let response = http::Response::builder().status(404).body(br#"{"__type": "NotFound"}"#.to_vec()).unwrap();
    /// let err = protocol::parse_response_dynamic(&service, &OP, &response).unwrap_err();
    /// assert!(matches!(err.service_error(), Some(protocol::DynamicError::Modeled { .. })));
    /// ```
    #[must_use]
    pub const fn with_errors(mut self, errors: &'static [&'static Schema]) -> Self {
        self.errors = errors;
        self
    }

    /// The HTTP status of a successful response.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    ///
    /// const CREATE: OperationSchema = OperationSchema::new("CreateThing", "PUT", "/things").with_response_code(201);
    /// assert_eq!(CREATE.response_code(), Some(201));
    /// ```
    #[must_use]
    pub const fn with_response_code(mut self, code: u16) -> Self {
        self.response_code = Some(code);
        self
    }

    /// The endpoint host prefix (`foo.{Label}.`), filled from `@hostLabel` members.
    ///
    /// ```
    /// use awso_core::protocol::{self, Endpoint, OperationSchema, Protocol, RequestOptions, ServiceSchema, Unit};
    ///
    /// const OP: OperationSchema = OperationSchema::new("PutRecord", "POST", "/").with_host_prefix("data.");
    /// let service = ServiceSchema::new(Protocol::RestJson1, "1");
    /// let endpoint = Endpoint::parse("https://example.com")?;
    /// let request = protocol::build_request(&service, &OP, &Unit, &endpoint, &RequestOptions::default())?;
    /// assert_eq!(request.uri().host(), Some("data.example.com"));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub const fn with_host_prefix(mut self, prefix: &'static str) -> Self {
        self.host_prefix = Some(prefix);
        self
    }

    /// The element wrapping an awsQuery result (default: `<Operation>Result`).
    ///
    /// ```
    /// use awso_core::protocol::{self, OperationSchema, Protocol, ServiceSchema};
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// struct Output { #[awso(rename = "QueueUrl")] queue_url: Option<String> }
    ///
    /// const OP: OperationSchema = OperationSchema::new("GetQueueUrl", "POST", "/")
    ///     .with_output(Output::SCHEMA)
    ///     .with_result_wrapper("QueueResult");
    /// let service = ServiceSchema::new(Protocol::AwsQuery, "2012-11-05");
    /// let body = "<GetQueueUrlResponse><QueueResult><QueueUrl>q</QueueUrl></QueueResult></GetQueueUrlResponse>";
    /// let value = protocol::parse_response_dynamic(&service, &OP, &http::Response::new(body)).unwrap();
    /// assert_eq!(value.get("QueueUrl").and_then(awso_core::Value::as_str), Some("q"));
    /// ```
    #[must_use]
    pub const fn with_result_wrapper(mut self, wrapper: &'static str) -> Self {
        self.result_wrapper = Some(wrapper);
        self
    }

    /// The root element of a restXml request body (default: the input shape's `xmlName`, else
    /// its name).
    ///
    /// ```
    /// use awso_core::protocol::{self, Endpoint, OperationSchema, Protocol, RequestOptions, ServiceSchema};
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// struct PutVersioning { #[awso(rename = "Status")] status: Option<String> }
    ///
    /// const OP: OperationSchema = OperationSchema::new("PutBucketVersioning", "PUT", "/?versioning")
    ///     .with_input(PutVersioning::SCHEMA)
    ///     .with_input_root("VersioningConfiguration");
    /// let service = ServiceSchema::new(Protocol::RestXml, "2006-03-01");
    /// let input = PutVersioning { status: Some("Enabled".into()) };
    /// let request = protocol::build_request(&service, &OP, &input, &Endpoint::default(), &RequestOptions::default())?;
    /// assert_eq!(request.body(), b"<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
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
    ///
    /// ```
    /// use awso_core::protocol::{self, Endpoint, OperationSchema, Protocol, RequestOptions, ServiceSchema};
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// struct PutMetricData { #[awso(rename = "Namespace")] namespace: String }
    ///
    /// const OP: OperationSchema = OperationSchema::new("PutMetricData", "POST", "/")
    ///     .with_input(PutMetricData::SCHEMA)
    ///     .with_gzip_requests();
    /// let service = ServiceSchema::new(Protocol::AwsQuery, "2010-08-01");
    /// let options = RequestOptions { min_compression_size: 0, ..RequestOptions::default() };
    /// let input = PutMetricData { namespace: "app".into() };
    /// let request = protocol::build_request(&service, &OP, &input, &Endpoint::default(), &options)?;
    /// assert_eq!(request.headers()["content-encoding"], "gzip");
    /// assert_eq!(&request.body()[..2], [0x1f, 0x8b]); // the gzip magic number
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub const fn with_gzip_requests(mut self) -> Self {
        self.gzip_requests = true;
        self
    }

    /// Sends a `Content-MD5` of the body (`@httpChecksumRequired`).
    ///
    /// ```
    /// use awso_core::protocol::{self, Endpoint, OperationSchema, Protocol, RequestOptions, ServiceSchema, Unit};
    ///
    /// const OP: OperationSchema = OperationSchema::new("DeleteObjects", "POST", "/?delete").with_checksum_required();
    /// let service = ServiceSchema::new(Protocol::RestXml, "2006-03-01");
    /// let request = protocol::build_request(&service, &OP, &Unit, &Endpoint::default(), &RequestOptions::default())?;
    /// assert!(request.headers().contains_key("content-md5"));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub const fn with_checksum_required(mut self) -> Self {
        self.checksum_required = true;
        self
    }

    /// Sends and checks flexible checksums (`@httpChecksum`): `x-amz-checksum-*` on
    /// requests, validation of responses when the input asks for it.
    ///
    /// ```
    /// use awso_core::protocol::{self, Endpoint, HttpChecksum, OperationSchema, Protocol, RequestOptions, ServiceSchema, Unit};
    ///
    /// const OP: OperationSchema = OperationSchema::new("PutThing", "PUT", "/thing")
    ///     .with_http_checksum(HttpChecksum::new().with_request_required());
    /// let service = ServiceSchema::new(Protocol::RestJson1, "1");
    /// let request = protocol::build_request(&service, &OP, &Unit, &Endpoint::default(), &RequestOptions::default())?;
    /// assert!(request.headers().contains_key("x-amz-checksum-crc32"));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub const fn with_http_checksum(mut self, checksum: HttpChecksum) -> Self {
        self.http_checksum = Some(checksum);
        self
    }

    /// The operation's name.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    ///
    /// assert_eq!(OperationSchema::new("ListQueues", "POST", "/").name(), "ListQueues");
    /// ```
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The HTTP method.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    ///
    /// assert_eq!(OperationSchema::new("HeadObject", "HEAD", "/{Bucket}/{Key+}").method(), "HEAD");
    /// ```
    pub const fn method(&self) -> &'static str {
        self.method
    }

    /// The request URI template.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    ///
    /// let op = OperationSchema::new("GetObject", "GET", "/{Bucket}/{Key+}?x-id=GetObject");
    /// assert!(op.request_uri().ends_with("?x-id=GetObject"));
    /// ```
    pub const fn request_uri(&self) -> &'static str {
        self.request_uri
    }

    /// The input schema.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// struct DeleteQueueRequest { queue_url: String }
    ///
    /// let op = OperationSchema::new("DeleteQueue", "POST", "/").with_input(DeleteQueueRequest::SCHEMA);
    /// assert_eq!(op.input().name(), "DeleteQueueRequest");
    /// ```
    pub const fn input(&self) -> &'static Schema {
        self.input
    }

    /// The output schema.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// struct ListQueuesResult { queue_urls: Option<Vec<String>> }
    ///
    /// let op = OperationSchema::new("ListQueues", "POST", "/").with_output(ListQueuesResult::SCHEMA);
    /// assert_eq!(op.output().members()[0].name(), "queue_urls");
    /// ```
    pub const fn output(&self) -> &'static Schema {
        self.output
    }

    /// The modeled errors.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape, Debug)]
    /// #[awso(error(status = 400))]
    /// struct QueueDoesNotExist { message: Option<String> }
    ///
    /// let op = OperationSchema::new("GetQueueUrl", "POST", "/").with_errors(&[QueueDoesNotExist::SCHEMA]);
    /// assert_eq!(op.errors()[0].name(), "QueueDoesNotExist");
    /// assert!(OperationSchema::new("ListQueues", "POST", "/").errors().is_empty());
    /// ```
    pub const fn errors(&self) -> &'static [&'static Schema] {
        self.errors
    }

    /// The host prefix.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    ///
    /// let op = OperationSchema::new("GetRecords", "POST", "/").with_host_prefix("{StreamARN}.data.");
    /// assert_eq!(op.host_prefix(), Some("{StreamARN}.data."));
    /// ```
    pub const fn host_prefix(&self) -> Option<&'static str> {
        self.host_prefix
    }

    /// The successful status.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    ///
    /// assert_eq!(OperationSchema::new("Delete", "DELETE", "/x").with_response_code(204).response_code(), Some(204));
    /// assert_eq!(OperationSchema::new("Get", "GET", "/x").response_code(), None);
    /// ```
    pub const fn response_code(&self) -> Option<u16> {
        self.response_code
    }

    /// The result wrapper element, when set.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    ///
    /// let op = OperationSchema::new("GetQueueUrl", "POST", "/").with_result_wrapper("GetQueueUrlResult");
    /// assert_eq!(op.result_wrapper(), Some("GetQueueUrlResult"));
    /// assert_eq!(OperationSchema::new("ListQueues", "POST", "/").result_wrapper(), None);
    /// ```
    pub const fn result_wrapper(&self) -> Option<&'static str> {
        self.result_wrapper
    }

    /// The restXml request root element, when set.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    ///
    /// let op = OperationSchema::new("PutBucketTagging", "PUT", "/?tagging").with_input_root("Tagging");
    /// assert_eq!(op.input_root(), Some("Tagging"));
    /// ```
    pub const fn input_root(&self) -> Option<&'static str> {
        self.input_root
    }

    /// The restXml request root element's namespace, when set.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    ///
    /// assert_eq!(OperationSchema::new("ListBuckets", "GET", "/").input_namespace(), None);
    /// ```
    pub const fn input_namespace(&self) -> Option<XmlNamespace> {
        self.input_namespace
    }

    /// Whether large request bodies are gzipped.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    ///
    /// assert!(OperationSchema::new("PutMetricData", "POST", "/").with_gzip_requests().gzip_requests());
    /// assert!(!OperationSchema::new("ListMetrics", "POST", "/").gzip_requests());
    /// ```
    pub const fn gzip_requests(&self) -> bool {
        self.gzip_requests
    }

    /// Whether requests carry a `Content-MD5`.
    ///
    /// ```
    /// use awso_core::protocol::OperationSchema;
    ///
    /// assert!(OperationSchema::new("DeleteObjects", "POST", "/?delete").with_checksum_required().checksum_required());
    /// ```
    pub const fn checksum_required(&self) -> bool {
        self.checksum_required
    }

    /// The `@httpChecksum` trait, when set.
    ///
    /// ```
    /// use awso_core::protocol::{HttpChecksum, OperationSchema};
    ///
    /// let op = OperationSchema::new("PutObject", "PUT", "/{Bucket}/{Key+}")
    ///     .with_http_checksum(HttpChecksum::new().with_request_algorithm_member("ChecksumAlgorithm"));
    /// assert_eq!(op.http_checksum().and_then(HttpChecksum::request_algorithm_member), Some("ChecksumAlgorithm"));
    /// ```
    pub const fn http_checksum(&self) -> Option<&HttpChecksum> {
        self.http_checksum.as_ref()
    }

    fn result_wrapper_name(&self) -> String {
        self.result_wrapper
            .map_or_else(|| format!("{}Result", self.name), str::to_owned)
    }
}

/// An operation as Rust types: what [`request`] and [`response`] need.
///
/// ```
/// use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema, Unit};
/// use awso_core::{AwsError, AwsShape, UnknownError};
///
/// #[derive(AwsShape, Debug)]
/// #[awso(rename_all = "PascalCase")]
/// struct ListQueuesResult {
///     #[awso(xml_flattened, rename = "QueueUrl")]
///     queue_urls: Option<Vec<String>>,
/// }
///
/// #[derive(AwsError, Debug)]
/// enum ListQueuesError { Unknown(UnknownError) }
///
/// struct ListQueues;
/// impl Operation for ListQueues {
///     type Input = Unit;
///     type Output = ListQueuesResult;
///     type Error = ListQueuesError;
///     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsQuery, "2012-11-05");
///     const SCHEMA: &'static OperationSchema =
///         &OperationSchema::new("ListQueues", "POST", "/").with_output(ListQueuesResult::SCHEMA);
/// }
///
/// let request = protocol::request::<ListQueues>(&Unit, &Endpoint::default())?;
/// assert_eq!(request.body(), b"Action=ListQueues&Version=2012-11-05");
/// let body = "<ListQueuesResponse><ListQueuesResult><QueueUrl>q1</QueueUrl></ListQueuesResult></ListQueuesResponse>";
/// let output = protocol::response::<ListQueues, _>(&http::Response::new(body))?;
/// assert_eq!(output.queue_urls, Some(vec!["q1".to_string()]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Operation {
    /// The input structure.
    ///
    /// ```
    /// # use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlRequest { queue_name: String }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlResult { queue_url: Option<String> }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(error(status = 400))]
    /// # struct QueueDoesNotExist { #[awso(rename = "message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueUrlError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// # struct GetQueueUrl;
    /// # impl Operation for GetQueueUrl {
    /// #     type Input = GetQueueUrlRequest;
    /// #     type Output = GetQueueUrlResult;
    /// #     type Error = GetQueueUrlError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
    /// #         .with_target_prefix("AmazonSQS");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetQueueUrl", "POST", "/")
    /// #         .with_input(GetQueueUrlRequest::SCHEMA)
    /// #         .with_output(GetQueueUrlResult::SCHEMA)
    /// #         .with_errors(GetQueueUrlError::ERRORS);
    /// # }
    /// // The input is what `protocol::request` takes.
    /// let input: <GetQueueUrl as Operation>::Input = GetQueueUrlRequest { queue_name: "jobs".into() };
    /// let request = protocol::request::<GetQueueUrl>(&input, &Endpoint::default())?;
    /// assert_eq!(request.body(), br#"{"QueueName":"jobs"}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    type Input: AwsStruct;
    /// The output structure.
    ///
    /// ```
    /// # use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlRequest { queue_name: String }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlResult { queue_url: Option<String> }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(error(status = 400))]
    /// # struct QueueDoesNotExist { #[awso(rename = "message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueUrlError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// # struct GetQueueUrl;
    /// # impl Operation for GetQueueUrl {
    /// #     type Input = GetQueueUrlRequest;
    /// #     type Output = GetQueueUrlResult;
    /// #     type Error = GetQueueUrlError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
    /// #         .with_target_prefix("AmazonSQS");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetQueueUrl", "POST", "/")
    /// #         .with_input(GetQueueUrlRequest::SCHEMA)
    /// #         .with_output(GetQueueUrlResult::SCHEMA)
    /// #         .with_errors(GetQueueUrlError::ERRORS);
    /// # }
    /// let response = http::Response::new(br#"{"QueueUrl": "https://q/jobs"}"#.to_vec());
    /// let output: <GetQueueUrl as Operation>::Output = protocol::response::<GetQueueUrl, _>(&response)?;
    /// assert_eq!(output.queue_url.as_deref(), Some("https://q/jobs"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    type Output: AwsStruct;
    /// The error enum.
    ///
    /// ```
    /// # use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlRequest { queue_name: String }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlResult { queue_url: Option<String> }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(error(status = 400))]
    /// # struct QueueDoesNotExist { #[awso(rename = "message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueUrlError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// # struct GetQueueUrl;
    /// # impl Operation for GetQueueUrl {
    /// #     type Input = GetQueueUrlRequest;
    /// #     type Output = GetQueueUrlResult;
    /// #     type Error = GetQueueUrlError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
    /// #         .with_target_prefix("AmazonSQS");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetQueueUrl", "POST", "/")
    /// #         .with_input(GetQueueUrlRequest::SCHEMA)
    /// #         .with_output(GetQueueUrlResult::SCHEMA)
    /// #         .with_errors(GetQueueUrlError::ERRORS);
    /// # }
    /// let response = http::Response::builder()
    ///     .status(400)
    ///     .body(br#"{"__type": "QueueDoesNotExist"}"#.to_vec())?;
    /// let err = protocol::response::<GetQueueUrl, _>(&response).unwrap_err();
    /// let error: Option<&<GetQueueUrl as Operation>::Error> = err.service_error();
    /// assert!(matches!(error, Some(GetQueueUrlError::QueueDoesNotExist(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    type Error: AwsError;
    /// The service.
    ///
    /// ```
    /// # use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlRequest { queue_name: String }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlResult { queue_url: Option<String> }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(error(status = 400))]
    /// # struct QueueDoesNotExist { #[awso(rename = "message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueUrlError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// # struct GetQueueUrl;
    /// # impl Operation for GetQueueUrl {
    /// #     type Input = GetQueueUrlRequest;
    /// #     type Output = GetQueueUrlResult;
    /// #     type Error = GetQueueUrlError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
    /// #         .with_target_prefix("AmazonSQS");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetQueueUrl", "POST", "/")
    /// #         .with_input(GetQueueUrlRequest::SCHEMA)
    /// #         .with_output(GetQueueUrlResult::SCHEMA)
    /// #         .with_errors(GetQueueUrlError::ERRORS);
    /// # }
    /// assert_eq!(GetQueueUrl::SERVICE.protocol(), Protocol::AwsJson1_0);
    /// let request = protocol::request::<GetQueueUrl>(&GetQueueUrlRequest { queue_name: "q".into() }, &Endpoint::default())?;
    /// assert_eq!(request.headers()["x-amz-target"], "AmazonSQS.GetQueueUrl");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    const SERVICE: &'static ServiceSchema;
    /// The operation.
    ///
    /// ```
    /// # use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlRequest { queue_name: String }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(rename_all = "PascalCase")]
    /// # struct GetQueueUrlResult { queue_url: Option<String> }
    /// # #[derive(AwsShape, Debug)]
    /// # #[awso(error(status = 400))]
    /// # struct QueueDoesNotExist { #[awso(rename = "message")] message: Option<String> }
    /// # #[derive(AwsError, Debug)]
    /// # enum GetQueueUrlError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
    /// # struct GetQueueUrl;
    /// # impl Operation for GetQueueUrl {
    /// #     type Input = GetQueueUrlRequest;
    /// #     type Output = GetQueueUrlResult;
    /// #     type Error = GetQueueUrlError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
    /// #         .with_target_prefix("AmazonSQS");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetQueueUrl", "POST", "/")
    /// #         .with_input(GetQueueUrlRequest::SCHEMA)
    /// #         .with_output(GetQueueUrlResult::SCHEMA)
    /// #         .with_errors(GetQueueUrlError::ERRORS);
    /// # }
    /// assert_eq!(GetQueueUrl::SCHEMA.name(), "GetQueueUrl");
    /// assert_eq!(GetQueueUrl::SCHEMA.errors().len(), 1);
    /// ```
    const SCHEMA: &'static OperationSchema;
}

/// What to do with an operation that is chosen by its name at run time, but then run through
/// its compiled types: the generator's `visit_operation` (option `operation_visitor`) calls
/// [`visit`](Self::visit) with the operation's type, so one generic function serves every
/// operation of a service without a hand-written table.
///
/// ```
/// # use awso_core::protocol::{Operation, OperationSchema, OperationVisitor, Protocol, ServiceSchema, Unit};
/// # use awso_core::{AwsError, UnknownError};
/// # #[derive(AwsError, Debug)]
/// # enum PurgeQueueError { Unknown(UnknownError) }
/// # struct PurgeQueue;
/// # impl Operation for PurgeQueue {
/// #     type Input = Unit;
/// #     type Output = Unit;
/// #     type Error = PurgeQueueError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsQuery, "2012-11-05");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("PurgeQueue", "POST", "/");
/// # }
/// // What the generator writes for each service (one arm per operation).
/// fn visit_operation<V: OperationVisitor>(name: &str, visitor: V) -> Option<V::Output> {
///     match name {
///         "PurgeQueue" => Some(visitor.visit::<PurgeQueue>()),
///         _ => None,
///     }
/// }
///
/// /// The HTTP method of an operation, found by name.
/// struct Method;
/// impl OperationVisitor for Method {
///     type Output = &'static str;
///     fn visit<O: Operation>(self) -> &'static str {
///         O::SCHEMA.method()
///     }
/// }
/// assert_eq!(visit_operation("PurgeQueue", Method), Some("POST"));
/// assert_eq!(visit_operation("Nothing", Method), None);
/// ```
pub trait OperationVisitor {
    /// What a visit gives back.
    ///
    /// ```
    /// # use awso_core::protocol::{Operation, OperationVisitor};
    /// /// The operation's name, owned.
    /// struct Name;
    /// impl OperationVisitor for Name {
    ///     type Output = String;
    ///     fn visit<O: Operation>(self) -> String {
    ///         O::SCHEMA.name().to_owned()
    ///     }
    /// }
    /// let _: <Name as OperationVisitor>::Output = String::new();
    /// ```
    type Output;

    /// Does the work with operation `O`.
    ///
    /// ```
    /// # use awso_core::protocol::{Operation, OperationSchema, OperationVisitor, Protocol, ServiceSchema, Unit};
    /// # use awso_core::{AwsError, UnknownError};
    /// # #[derive(AwsError, Debug)]
    /// # enum PurgeQueueError { Unknown(UnknownError) }
    /// # struct PurgeQueue;
    /// # impl Operation for PurgeQueue {
    /// #     type Input = Unit;
    /// #     type Output = Unit;
    /// #     type Error = PurgeQueueError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsQuery, "2012-11-05");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("PurgeQueue", "POST", "/");
    /// # }
    /// /// How many errors the operation models.
    /// struct ErrorCount;
    /// impl OperationVisitor for ErrorCount {
    ///     type Output = usize;
    ///     fn visit<O: Operation>(self) -> usize {
    ///         O::SCHEMA.errors().len()
    ///     }
    /// }
    /// assert_eq!(ErrorCount.visit::<PurgeQueue>(), 0);
    /// ```
    fn visit<O: Operation>(self) -> Self::Output;
}

/// Builds the HTTP request for `input` to operation `O` at `endpoint`.
///
/// ```
/// # use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Debug)]
/// # #[awso(rename_all = "PascalCase")]
/// # struct GetQueueUrlRequest { queue_name: String }
/// # #[derive(AwsShape, Debug)]
/// # #[awso(rename_all = "PascalCase")]
/// # struct GetQueueUrlResult { queue_url: Option<String> }
/// # #[derive(AwsShape, Debug)]
/// # #[awso(error(status = 400))]
/// # struct QueueDoesNotExist { #[awso(rename = "message")] message: Option<String> }
/// # #[derive(AwsError, Debug)]
/// # enum GetQueueUrlError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
/// # struct GetQueueUrl;
/// # impl Operation for GetQueueUrl {
/// #     type Input = GetQueueUrlRequest;
/// #     type Output = GetQueueUrlResult;
/// #     type Error = GetQueueUrlError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
/// #         .with_target_prefix("AmazonSQS");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetQueueUrl", "POST", "/")
/// #         .with_input(GetQueueUrlRequest::SCHEMA)
/// #         .with_output(GetQueueUrlResult::SCHEMA)
/// #         .with_errors(GetQueueUrlError::ERRORS);
/// # }
/// let endpoint = Endpoint::parse("https://sqs.us-east-1.amazonaws.com")?;
/// let request = protocol::request::<GetQueueUrl>(&GetQueueUrlRequest { queue_name: "jobs".into() }, &endpoint)?;
/// assert_eq!(request.method(), "POST");
/// assert_eq!(request.uri(), "https://sqs.us-east-1.amazonaws.com/");
/// assert_eq!(request.headers()["content-type"], "application/x-amz-json-1.0");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn request<O: Operation>(
    input: &O::Input,
    endpoint: &Endpoint,
) -> Result<http::Request<Vec<u8>>> {
    request_with::<O>(input, endpoint, &RequestOptions::default())
}

/// [`request`] with [`RequestOptions`]: the entry point of a client. The operation's
/// protocol is a constant here, so only its encoder is compiled for the input's shapes
/// ([`build_request`], which takes the service as a value, compiles every protocol's).
///
/// ```
/// # use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, RequestOptions, ServiceSchema, Unit};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// #[derive(AwsShape, Debug)]
/// #[awso(rename_all = "PascalCase")]
/// struct DeleteQueueRequest { queue_url: String }
/// #[derive(AwsError, Debug)]
/// enum DeleteQueueError { Unknown(UnknownError) }
/// struct DeleteQueue;
/// impl Operation for DeleteQueue {
///     type Input = DeleteQueueRequest;
///     type Output = Unit;
///     type Error = DeleteQueueError;
///     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsQuery, "2012-11-05");
///     const SCHEMA: &'static OperationSchema = &OperationSchema::new("DeleteQueue", "POST", "/")
///         .with_input(DeleteQueueRequest::SCHEMA);
/// }
/// let endpoint = Endpoint::parse("https://sqs.us-east-1.amazonaws.com")?;
/// let input = DeleteQueueRequest { queue_url: "https://q/jobs".into() };
/// let request = protocol::request_with::<DeleteQueue>(&input, &endpoint, &RequestOptions::default())?;
/// // awsQuery: the form encoder, the only body codec compiled in for this operation.
/// assert!(request.body().starts_with(b"Action=DeleteQueue&Version=2012-11-05&QueueUrl="));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn request_with<O: Operation>(
    input: &O::Input,
    endpoint: &Endpoint,
    options: &RequestOptions,
) -> Result<http::Request<Vec<u8>>> {
    request::build_request_with::<O::Input, formats::FormatsOf<O>>(
        O::SERVICE,
        O::SCHEMA,
        input,
        endpoint,
        options,
    )
}

/// Reads the HTTP response of operation `O`: its output, or its error (modeled or not).
///
/// ```
/// # use awso_core::protocol::{self, Endpoint, Operation, OperationSchema, Protocol, ServiceSchema};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Debug)]
/// # #[awso(rename_all = "PascalCase")]
/// # struct GetQueueUrlRequest { queue_name: String }
/// # #[derive(AwsShape, Debug)]
/// # #[awso(rename_all = "PascalCase")]
/// # struct GetQueueUrlResult { queue_url: Option<String> }
/// # #[derive(AwsShape, Debug)]
/// # #[awso(error(status = 400))]
/// # struct QueueDoesNotExist { #[awso(rename = "message")] message: Option<String> }
/// # #[derive(AwsError, Debug)]
/// # enum GetQueueUrlError { QueueDoesNotExist(QueueDoesNotExist), Unknown(UnknownError) }
/// # struct GetQueueUrl;
/// # impl Operation for GetQueueUrl {
/// #     type Input = GetQueueUrlRequest;
/// #     type Output = GetQueueUrlResult;
/// #     type Error = GetQueueUrlError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05")
/// #         .with_target_prefix("AmazonSQS");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetQueueUrl", "POST", "/")
/// #         .with_input(GetQueueUrlRequest::SCHEMA)
/// #         .with_output(GetQueueUrlResult::SCHEMA)
/// #         .with_errors(GetQueueUrlError::ERRORS);
/// # }
/// let ok = http::Response::new(br#"{"QueueUrl": "https://q/jobs"}"#.to_vec());
/// assert_eq!(protocol::response::<GetQueueUrl, _>(&ok)?.queue_url.as_deref(), Some("https://q/jobs"));
/// // An error code nobody modeled is kept, with the status and the body.
/// let odd = http::Response::builder().status(503).body(br#"{"__type": "Overloaded"}"#.to_vec())?;
/// let err = protocol::response::<GetQueueUrl, _>(&odd).unwrap_err();
/// let Some(GetQueueUrlError::Unknown(unknown)) = err.service_error() else { panic!("{err}") };
/// assert_eq!((unknown.code(), unknown.status()), ("Overloaded", Some(503)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn response<O: Operation, B: AsRef<[u8]>>(
    response: &http::Response<B>,
) -> std::result::Result<O::Output, ResponseError<O::Error>> {
    // The operation's protocol is a constant here: only its decoder is compiled in.
    response::parse_response_with::<O::Output, O::Error, B, formats::FormatsOf<O>>(
        O::SERVICE,
        O::SCHEMA,
        response,
    )
}

/// Reads the head (status and headers) of operation `O`'s successful answer whose payload
/// streams: the output's other members, the payload left unset for the caller to read.
/// [`parse_response_head`] with the operation's protocol fixed at compile time, as
/// [`response`] is.
///
/// ```
/// # use awso_core::protocol::{self, Operation, OperationSchema, Protocol, ServiceSchema, Unit};
/// # use awso_core::{AwsError, AwsShape, Blob, UnknownError};
/// # #[derive(AwsShape, Debug)]
/// # struct GetObjectOutput {
/// #     #[awso(http_header = "Content-Length", rename = "ContentLength")]
/// #     length: Option<i64>,
/// #     #[awso(http_payload, streaming, rename = "Body")]
/// #     body: Option<Blob>,
/// # }
/// # #[derive(AwsError, Debug)]
/// # enum GetObjectError { Unknown(UnknownError) }
/// # struct GetObject;
/// # impl Operation for GetObject {
/// #     type Input = Unit;
/// #     type Output = GetObjectOutput;
/// #     type Error = GetObjectError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "2006-03-01");
/// #     const SCHEMA: &'static OperationSchema =
/// #         &OperationSchema::new("GetObject", "GET", "/{Key+}").with_output(GetObjectOutput::SCHEMA);
/// # }
/// let head = http::Response::builder().header("content-length", "5").body(())?;
/// let output = protocol::response_head::<GetObject>(&head)?;
/// assert_eq!(output.length, Some(5));
/// assert!(output.body.is_none(), "the payload is the caller's to read");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn response_head<O: Operation>(response: &http::Response<()>) -> Result<O::Output> {
    response::parse_response_head_with::<O::Output, formats::FormatsOf<O>>(
        O::SERVICE,
        O::SCHEMA,
        response,
    )
}

/// The payload member of `schema` (an operation's input or output) whose bytes stream
/// (`@streaming` blob, S3's `Body`), if it has one: a call can send or read it without
/// holding it in memory.
///
/// ```
/// use awso_core::protocol::streaming_payload;
/// use awso_core::{AwsShape, Blob};
///
/// #[derive(AwsShape)]
/// struct GetObjectOutput {
///     #[awso(http_payload, streaming, rename = "Body")]
///     body: Option<Blob>,
/// }
/// #[derive(AwsShape)]
/// struct PutBucketPolicyRequest {
///     #[awso(http_payload, rename = "Policy")]
///     policy: Option<String>,
/// }
/// assert_eq!(streaming_payload(GetObjectOutput::SCHEMA).map(|m| m.name()), Some("Body"));
/// assert!(streaming_payload(PutBucketPolicyRequest::SCHEMA).is_none());
/// ```
pub fn streaming_payload(schema: &'static Schema) -> Option<&'static Member> {
    schema.members().iter().find(|m| {
        m.traits().http == Some(crate::schema::HttpBinding::Payload)
            && m.target().kind() == crate::schema::ShapeKind::Blob
            && m.is_streaming()
    })
}

/// The empty structure: the input or output of operations that have none.
///
/// ```
/// use awso_core::protocol::{self, Endpoint, OperationSchema, Protocol, RequestOptions, ServiceSchema, Unit};
///
/// // rpcv2Cbor sends no body for an operation without input.
/// const CBOR: ServiceSchema = ServiceSchema::new(Protocol::RpcV2Cbor, "1").with_target_prefix("Svc");
/// const PING: OperationSchema = OperationSchema::new("Ping", "POST", "/");
/// let request = protocol::build_request(&CBOR, &PING, &Unit, &Endpoint::default(), &RequestOptions::default())?;
/// assert!(request.body().is_empty());
/// # Ok::<(), awso_core::Error>(())
/// ```
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

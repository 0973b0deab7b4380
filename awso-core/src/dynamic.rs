//! Schemas built at run time from a botocore model: the dynamic mode.
//!
//! [`Model::from_botocore`] reads a `service-2.json` (or a protocol test group, which uses
//! the same grammar) and builds a [`Schema`] per shape, an [`OperationSchema`] per operation
//! and the [`ServiceSchema`]. With them, every codec and protocol reads and writes
//! [`Value`](crate::Value)s: botocore's way of working, in Rust.
//!
//! Schemas must be `'static` to be shared with derived code, so a model's schemas live until
//! the process ends; each distinct model document is built once per process, and loading it
//! again gives the same schemas (botocore keeps its loaded models too), so memory grows with
//! the distinct models loaded, not with the loads. (A document that fails to build is not
//! kept, and what was built of it before the failure stays; [`Model::operation_schema`]
//! builds anew on each call.)
//!
//! A required output member that a response leaves out is filled with its `@default`, else
//! the zero of its kind ([`Value::zero_for`](crate::Value::zero_for)), in the dynamic mode
//! as in the typed one (Smithy's client error correction): a dynamic user sees `0`, `""`,
//! `[]` or `{}` and cannot tell it from a service that sent that value; botocore leaves the
//! member out. The differential oracle (`tests/differential`) counts this as a known
//! difference.
//!
//! How botocore's grammar maps to schema traits:
//!
//! | botocore | schema |
//! |---|---|
//! | member `locationName` (no `location`) | `xmlName` and `jsonName` (the body name) |
//! | `location`: `header` / `headers` / `uri` / `querystring` / `statusCode` | `httpHeader` / `httpPrefixHeaders` / `httpLabel` / `httpQuery` (`httpQueryParams` for a map) / `httpResponseCode`, named by `locationName` (else the member's name) |
//! | the same keys, `jsonvalue`, `queryName`, `xmlAttribute`, `hostLabel` on the target shape | as on the member (botocore merges the member over its target) |
//! | structure `payload`, or `payload` on an operation's `input`/`output` reference | `httpPayload` on that member |
//! | `flattened` (member or list/map shape), `xmlAttribute`, `xmlNamespace` | the XML traits |
//! | `queryName`, `jsonvalue`, `idempotencyToken`, `hostLabel`, `timestampFormat` | `ec2QueryName`, `mediaType` JSON, the same traits |
//! | `error` {`code`, `httpStatusCode`, `senderFault`}, `fault` | `@error` (`code` is the awsQuery code) |
//! | string with `enum`, structure with `union` / `document` | enum, union, document |
//!
//! ```
//! use awso_core::dynamic::Model;
//!
//! let model = Model::from_botocore(r#"{
//!   "metadata": {"protocol": "rest-json", "apiVersion": "2018-09-07"},
//!   "operations": {"GetAttachment": {
//!     "name": "GetAttachment", "http": {"method": "POST", "requestUri": "/participant/attachment"},
//!     "input": {"shape": "GetAttachmentRequest"}, "output": {"shape": "GetAttachmentResponse"}}},
//!   "shapes": {
//!     "GetAttachmentRequest": {"type": "structure", "required": ["AttachmentId"], "members": {
//!       "AttachmentId": {"shape": "String"},
//!       "ConnectionToken": {"shape": "String", "location": "header", "locationName": "X-Amz-Bearer"}}},
//!     "GetAttachmentResponse": {"type": "structure", "members": {
//!       "Url": {"shape": "String"}, "AttachmentSizeInBytes": {"shape": "Long"}}},
//!     "String": {"type": "string"}, "Long": {"type": "long"}}
//! }"#)?;
//! let response = model.shape("GetAttachmentResponse").unwrap();
//! let value = awso_core::json::from_slice_dynamic(br#"{"Url":"u","AttachmentSizeInBytes":7}"#, response)?;
//! assert_eq!(value.get("AttachmentSizeInBytes"), Some(&awso_core::Value::Long(7)));
//! assert_eq!(model.operation("GetAttachment").unwrap().request_uri(), "/participant/attachment");
//! # Ok::<(), awso_core::Error>(())
//! ```

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use indexmap::IndexMap;

use crate::error::{Error, Result};
use crate::protocol::{ChecksumAlgorithm, HttpChecksum, OperationSchema, Protocol, ServiceSchema};
use crate::schema::{
    ErrorFault, ErrorTrait, HttpBinding, Member, MemberTraits, Retryable, Schema, SchemaRef,
    ShapeKind, ShapeTraits, TimestampFormat, XmlNamespace,
};
use crate::types::Document;

/// A botocore model's schemas, operations and service, built at run time.
///
/// ```
/// # const SQS: &str = r#"{
/// #   "metadata": {"protocol": "query", "apiVersion": "2012-11-05"},
/// #   "operations": {
/// #     "GetQueueUrl": {"name": "GetQueueUrl", "http": {"method": "POST", "requestUri": "/"},
/// #       "input": {"shape": "GetQueueUrlRequest"}, "output": {"shape": "GetQueueUrlResult", "resultWrapper": "GetQueueUrlResult"}},
/// #     "ListQueues": {"name": "ListQueues", "http": {"method": "POST", "requestUri": "/"}}},
/// #   "shapes": {
/// #     "GetQueueUrlRequest": {"type": "structure", "required": ["QueueName"], "members": {"QueueName": {"shape": "String"}}},
/// #     "GetQueueUrlResult": {"type": "structure", "members": {"QueueUrl": {"shape": "String"}}},
/// #     "String": {"type": "string"}}
/// # }"#;
/// use awso_core::dynamic::Model;
/// use awso_core::protocol::{self, Endpoint, RequestOptions};
/// use awso_core::Value;
///
/// let model = Model::from_botocore(SQS)?;
/// let input = Value::Structure(vec![("QueueName".into(), Value::String("jobs".into()))]);
/// let op = model.operation("GetQueueUrl").unwrap();
/// let request = protocol::build_request(model.service().unwrap(), op, &input, &Endpoint::default(), &RequestOptions::default())?;
/// assert_eq!(request.body(), b"Action=GetQueueUrl&Version=2012-11-05&QueueName=jobs");
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Model {
    service: Option<ServiceSchema>,
    shapes: IndexMap<String, &'static Schema>,
    operations: IndexMap<String, OperationSchema>,
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn object<'d>(doc: &'d Document, what: &str) -> Result<&'d IndexMap<String, Document>> {
    match doc {
        Document::Object(map) => Ok(map),
        _ => Err(Error::invalid(
            "botocore model",
            format!("{what} is not an object"),
        )),
    }
}

fn text<'d>(doc: &'d Document, key: &str) -> Option<&'d str> {
    doc.get(key).and_then(Document::as_str)
}

fn flag(doc: &Document, key: &str) -> bool {
    matches!(doc.get(key), Some(Document::Boolean(true)))
}

fn integer(doc: &Document, key: &str) -> Option<i64> {
    match doc.get(key) {
        Some(Document::Number(crate::types::Number::PosInt(n))) => i64::try_from(*n).ok(),
        Some(Document::Number(crate::types::Number::NegInt(n))) => Some(*n),
        _ => None,
    }
}

fn namespace(doc: &Document) -> Option<XmlNamespace> {
    match doc.get("xmlNamespace")? {
        Document::String(uri) => Some(XmlNamespace {
            uri: leak(uri),
            prefix: None,
        }),
        ns @ Document::Object(_) => Some(XmlNamespace {
            uri: leak(text(ns, "uri")?),
            prefix: text(ns, "prefix").map(leak),
        }),
        _ => None,
    }
}

fn timestamp_format(doc: &Document) -> Option<TimestampFormat> {
    text(doc, "timestampFormat").and_then(TimestampFormat::from_name)
}

impl Model {
    /// Reads a botocore `service-2.json` text.
    ///
    /// ```
    /// # const SQS: &str = r#"{
    /// #   "metadata": {"protocol": "query", "apiVersion": "2012-11-05"},
    /// #   "operations": {
    /// #     "GetQueueUrl": {"name": "GetQueueUrl", "http": {"method": "POST", "requestUri": "/"},
    /// #       "input": {"shape": "GetQueueUrlRequest"}, "output": {"shape": "GetQueueUrlResult", "resultWrapper": "GetQueueUrlResult"}},
    /// #     "ListQueues": {"name": "ListQueues", "http": {"method": "POST", "requestUri": "/"}}},
    /// #   "shapes": {
    /// #     "GetQueueUrlRequest": {"type": "structure", "required": ["QueueName"], "members": {"QueueName": {"shape": "String"}}},
    /// #     "GetQueueUrlResult": {"type": "structure", "members": {"QueueUrl": {"shape": "String"}}},
    /// #     "String": {"type": "string"}}
    /// # }"#;
    /// use awso_core::dynamic::Model;
    ///
    /// let model = Model::from_botocore(SQS)?;
    /// assert_eq!(model.shapes().count(), 3);
    /// assert!(Model::from_botocore(r#"{"shapes": {"A": {"type": "structure", "members": {"B": {"shape": "Missing"}}}}}"#).is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn from_botocore(json: &str) -> Result<Self> {
        let doc: Document = crate::json::from_str(json)?;
        Self::from_document(&doc)
    }

    /// Builds a model from an already parsed botocore model, or from any object holding a
    /// `shapes` map (and optionally `metadata` and `operations`).
    ///
    /// ```
    /// use awso_core::Document;
    /// use awso_core::dynamic::Model;
    ///
    /// let doc: Document = awso_core::json::from_str(r#"{"shapes": {"Names": {"type": "list", "member": {"shape": "Name"}}, "Name": {"type": "string"}}}"#)?;
    /// let model = Model::from_document(&doc)?;
    /// assert_eq!(model.shape("Names").and_then(|s| s.list_member()).map(|m| m.target().name()), Some("Name"));
    /// assert!(model.service().is_none()); // no metadata
    /// // The same document again gives the same schemas: nothing more is built or kept.
    /// let again = Model::from_document(&doc)?;
    /// assert!(std::ptr::eq(model.shape("Names").unwrap(), again.shape("Names").unwrap()));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn from_document(doc: &Document) -> Result<Self> {
        // Schemas are leaked (they must be `'static`), so each distinct document is built
        // once per process and loading it again gives the same schemas: a process that
        // loads models repeatedly holds each distinct model once.
        static LOADED: OnceLock<Mutex<HashMap<ModelKey, Model>>> = OnceLock::new();
        let key = ModelKey::of(&crate::json::to_string(doc)?);
        let loaded = LOADED.get_or_init(Mutex::default);
        let lock = || loaded.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(model) = lock().get(&key) {
            return Ok(model.clone());
        }
        let model = Self::build(doc)?;
        Ok(lock().entry(key).or_insert(model).clone())
    }

    fn build(doc: &Document) -> Result<Self> {
        let service = doc.get("metadata").and_then(service_schema);
        let shapes = match doc.get("shapes") {
            Some(shapes) => {
                let shapes = object(shapes, "shapes")?;
                match doc.get("operations") {
                    Some(operations) if declares_reference_payloads(operations) => {
                        build_shapes(&with_reference_payloads(shapes, operations)?)?
                    }
                    _ => build_shapes(shapes)?,
                }
            }
            None => IndexMap::new(),
        };
        // Every error structure of the service: a code naming one that an operation does
        // not list is still read as it, as botocore reads it.
        let service = service.map(|service| {
            let errors: Vec<&'static Schema> = shapes
                .values()
                .copied()
                .filter(|schema| schema.traits().error.is_some())
                .collect();
            service.with_errors(Box::leak(errors.into_boxed_slice()))
        });
        let mut model = Self {
            service,
            shapes,
            operations: IndexMap::new(),
        };
        if let Some(operations) = doc.get("operations") {
            for (name, op) in object(operations, "operations")? {
                let op = model.operation_schema(op).map_err(|e| e.in_key(name))?;
                model.operations.insert(name.clone(), op);
            }
        }
        Ok(model)
    }

    /// The service, when the model has a `metadata` section with a supported protocol.
    ///
    /// ```
    /// # const SQS: &str = r#"{
    /// #   "metadata": {"protocol": "query", "apiVersion": "2012-11-05"},
    /// #   "operations": {
    /// #     "GetQueueUrl": {"name": "GetQueueUrl", "http": {"method": "POST", "requestUri": "/"},
    /// #       "input": {"shape": "GetQueueUrlRequest"}, "output": {"shape": "GetQueueUrlResult", "resultWrapper": "GetQueueUrlResult"}},
    /// #     "ListQueues": {"name": "ListQueues", "http": {"method": "POST", "requestUri": "/"}}},
    /// #   "shapes": {
    /// #     "GetQueueUrlRequest": {"type": "structure", "required": ["QueueName"], "members": {"QueueName": {"shape": "String"}}},
    /// #     "GetQueueUrlResult": {"type": "structure", "members": {"QueueUrl": {"shape": "String"}}},
    /// #     "String": {"type": "string"}}
    /// # }"#;
    /// use awso_core::dynamic::Model;
    /// use awso_core::protocol::Protocol;
    ///
    /// let service = *Model::from_botocore(SQS)?.service().unwrap();
    /// assert_eq!((service.protocol(), service.api_version()), (Protocol::AwsQuery, "2012-11-05"));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn service(&self) -> Option<&ServiceSchema> {
        self.service.as_ref()
    }

    /// The schema of shape `name`.
    ///
    /// ```
    /// # const SQS: &str = r#"{
    /// #   "metadata": {"protocol": "query", "apiVersion": "2012-11-05"},
    /// #   "operations": {
    /// #     "GetQueueUrl": {"name": "GetQueueUrl", "http": {"method": "POST", "requestUri": "/"},
    /// #       "input": {"shape": "GetQueueUrlRequest"}, "output": {"shape": "GetQueueUrlResult", "resultWrapper": "GetQueueUrlResult"}},
    /// #     "ListQueues": {"name": "ListQueues", "http": {"method": "POST", "requestUri": "/"}}},
    /// #   "shapes": {
    /// #     "GetQueueUrlRequest": {"type": "structure", "required": ["QueueName"], "members": {"QueueName": {"shape": "String"}}},
    /// #     "GetQueueUrlResult": {"type": "structure", "members": {"QueueUrl": {"shape": "String"}}},
    /// #     "String": {"type": "string"}}
    /// # }"#;
    /// use awso_core::dynamic::Model;
    ///
    /// let model = Model::from_botocore(SQS)?;
    /// let request = model.shape("GetQueueUrlRequest").unwrap();
    /// assert!(request.member_named("QueueName").unwrap().traits().required);
    /// assert!(model.shape("Nope").is_none());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn shape(&self, name: &str) -> Option<&'static Schema> {
        self.shapes.get(name).copied()
    }

    /// All shapes, in model order.
    ///
    /// ```
    /// # const SQS: &str = r#"{
    /// #   "metadata": {"protocol": "query", "apiVersion": "2012-11-05"},
    /// #   "operations": {
    /// #     "GetQueueUrl": {"name": "GetQueueUrl", "http": {"method": "POST", "requestUri": "/"},
    /// #       "input": {"shape": "GetQueueUrlRequest"}, "output": {"shape": "GetQueueUrlResult", "resultWrapper": "GetQueueUrlResult"}},
    /// #     "ListQueues": {"name": "ListQueues", "http": {"method": "POST", "requestUri": "/"}}},
    /// #   "shapes": {
    /// #     "GetQueueUrlRequest": {"type": "structure", "required": ["QueueName"], "members": {"QueueName": {"shape": "String"}}},
    /// #     "GetQueueUrlResult": {"type": "structure", "members": {"QueueUrl": {"shape": "String"}}},
    /// #     "String": {"type": "string"}}
    /// # }"#;
    /// use awso_core::dynamic::Model;
    ///
    /// let model = Model::from_botocore(SQS)?;
    /// let names: Vec<&str> = model.shapes().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["GetQueueUrlRequest", "GetQueueUrlResult", "String"]);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn shapes(&self) -> impl Iterator<Item = (&str, &'static Schema)> {
        self.shapes
            .iter()
            .map(|(name, schema)| (name.as_str(), *schema))
    }

    /// The operation `name`.
    ///
    /// ```
    /// # const SQS: &str = r#"{
    /// #   "metadata": {"protocol": "query", "apiVersion": "2012-11-05"},
    /// #   "operations": {
    /// #     "GetQueueUrl": {"name": "GetQueueUrl", "http": {"method": "POST", "requestUri": "/"},
    /// #       "input": {"shape": "GetQueueUrlRequest"}, "output": {"shape": "GetQueueUrlResult", "resultWrapper": "GetQueueUrlResult"}},
    /// #     "ListQueues": {"name": "ListQueues", "http": {"method": "POST", "requestUri": "/"}}},
    /// #   "shapes": {
    /// #     "GetQueueUrlRequest": {"type": "structure", "required": ["QueueName"], "members": {"QueueName": {"shape": "String"}}},
    /// #     "GetQueueUrlResult": {"type": "structure", "members": {"QueueUrl": {"shape": "String"}}},
    /// #     "String": {"type": "string"}}
    /// # }"#;
    /// use awso_core::dynamic::Model;
    ///
    /// let model = Model::from_botocore(SQS)?;
    /// let op = model.operation("GetQueueUrl").unwrap();
    /// assert_eq!(op.result_wrapper(), Some("GetQueueUrlResult"));
    /// assert_eq!(op.output().name(), "GetQueueUrlResult");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn operation(&self, name: &str) -> Option<&OperationSchema> {
        self.operations.get(name)
    }

    /// All operations, in model order.
    ///
    /// ```
    /// # const SQS: &str = r#"{
    /// #   "metadata": {"protocol": "query", "apiVersion": "2012-11-05"},
    /// #   "operations": {
    /// #     "GetQueueUrl": {"name": "GetQueueUrl", "http": {"method": "POST", "requestUri": "/"},
    /// #       "input": {"shape": "GetQueueUrlRequest"}, "output": {"shape": "GetQueueUrlResult", "resultWrapper": "GetQueueUrlResult"}},
    /// #     "ListQueues": {"name": "ListQueues", "http": {"method": "POST", "requestUri": "/"}}},
    /// #   "shapes": {
    /// #     "GetQueueUrlRequest": {"type": "structure", "required": ["QueueName"], "members": {"QueueName": {"shape": "String"}}},
    /// #     "GetQueueUrlResult": {"type": "structure", "members": {"QueueUrl": {"shape": "String"}}},
    /// #     "String": {"type": "string"}}
    /// # }"#;
    /// use awso_core::dynamic::Model;
    ///
    /// let model = Model::from_botocore(SQS)?;
    /// let names: Vec<&str> = model.operations().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["GetQueueUrl", "ListQueues"]);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn operations(&self) -> impl Iterator<Item = (&str, &OperationSchema)> {
        self.operations.iter().map(|(name, op)| (name.as_str(), op))
    }

    /// Builds the operation an operation model (`"name"`, `"http"`, `"input"`, ...) describes,
    /// against this model's shapes. A `payload` on its `input` reference changes the shape
    /// itself, so it counts only for operations read with the model (under `operations`).
    ///
    /// ```
    /// # const SQS: &str = r#"{
    /// #   "metadata": {"protocol": "query", "apiVersion": "2012-11-05"},
    /// #   "operations": {
    /// #     "GetQueueUrl": {"name": "GetQueueUrl", "http": {"method": "POST", "requestUri": "/"},
    /// #       "input": {"shape": "GetQueueUrlRequest"}, "output": {"shape": "GetQueueUrlResult", "resultWrapper": "GetQueueUrlResult"}},
    /// #     "ListQueues": {"name": "ListQueues", "http": {"method": "POST", "requestUri": "/"}}},
    /// #   "shapes": {
    /// #     "GetQueueUrlRequest": {"type": "structure", "required": ["QueueName"], "members": {"QueueName": {"shape": "String"}}},
    /// #     "GetQueueUrlResult": {"type": "structure", "members": {"QueueUrl": {"shape": "String"}}},
    /// #     "String": {"type": "string"}}
    /// # }"#;
    /// use awso_core::Document;
    /// use awso_core::dynamic::Model;
    ///
    /// let model = Model::from_botocore(SQS)?;
    /// let given: Document = awso_core::json::from_str(
    ///     r#"{"name": "Lookup", "http": {"method": "GET", "requestUri": "/lookup"}, "input": {"shape": "GetQueueUrlRequest"}}"#,
    /// )?;
    /// let op = model.operation_schema(&given)?;
    /// assert_eq!((op.name(), op.method(), op.input().name()), ("Lookup", "GET", "GetQueueUrlRequest"));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn operation_schema(&self, op: &Document) -> Result<OperationSchema> {
        let name = text(op, "name").ok_or_else(|| Error::invalid("operation", "no name"))?;
        let http = op.get("http");
        let method = http.and_then(|h| text(h, "method")).unwrap_or("POST");
        let uri = http.and_then(|h| text(h, "requestUri")).unwrap_or("/");
        let mut schema = OperationSchema::new(leak(name), leak(method), leak(uri));
        if let Some(code) = http.and_then(|h| integer(h, "responseCode")) {
            schema = schema.with_response_code(
                u16::try_from(code).map_err(|_| Error::invalid("operation", "bad responseCode"))?,
            );
        }
        if let Some(input) = op.get("input") {
            schema = schema.with_input(self.shape_ref(input)?);
            if let Some(root) = text(input, "locationName") {
                schema = schema.with_input_root(leak(root));
            }
            if let Some(ns) = namespace(input) {
                schema = schema.with_input_namespace(ns);
            }
        }
        if let Some(output) = op.get("output") {
            schema = schema.with_output(self.shape_ref(output)?);
            if let Some(wrapper) = text(output, "resultWrapper") {
                schema = schema.with_result_wrapper(leak(wrapper));
            }
        }
        if let Some(Document::Array(errors)) = op.get("errors") {
            // Some models list an error twice; it is one error (and one enum variant).
            let mut unique: Vec<&'static Schema> = Vec::with_capacity(errors.len());
            for error in errors {
                let schema = self.shape_ref(error)?;
                if !unique.iter().any(|known| std::ptr::eq(*known, schema)) {
                    unique.push(schema);
                }
            }
            let errors = unique;
            schema = schema.with_errors(Box::leak(errors.into_boxed_slice()));
        }
        if let Some(prefix) = op.get("endpoint").and_then(|e| text(e, "hostPrefix")) {
            schema = schema.with_host_prefix(leak(prefix));
        }
        let encodings = op
            .get("requestcompression")
            .and_then(|c| c.get("encodings"));
        if encodings
            .and_then(Document::as_array)
            .is_some_and(|e| e.iter().any(|e| e.as_str() == Some("gzip")))
        {
            schema = schema.with_gzip_requests();
        }
        if flag(op, "httpChecksumRequired") {
            schema = schema.with_checksum_required();
        }
        if let Some(checksum) = op.get("httpChecksum") {
            schema = schema.with_http_checksum(http_checksum(checksum));
        }
        Ok(schema)
    }

    fn shape_ref(&self, reference: &Document) -> Result<&'static Schema> {
        let name = text(reference, "shape")
            .ok_or_else(|| Error::invalid("shape reference", "no shape name"))?;
        self.shape(name)
            .ok_or_else(|| Error::invalid("shape reference", format!("no shape `{name}`")))
    }
}

/// An operation's `httpChecksum` trait. Response algorithms this crate does not compute
/// (S3 lists SHA512, MD5 and the XXHASH family too) are left out, as botocore leaves out
/// those it lacks: a response that carries only such a checksum is not checked, and one
/// that also carries a known one is checked by that.
fn http_checksum(doc: &Document) -> HttpChecksum {
    let mut checksum = HttpChecksum::new();
    if flag(doc, "requestChecksumRequired") {
        checksum = checksum.with_request_required();
    }
    if let Some(member) = text(doc, "requestAlgorithmMember") {
        checksum = checksum.with_request_algorithm_member(leak(member));
    }
    if let Some(member) = text(doc, "requestValidationModeMember") {
        checksum = checksum.with_request_validation_mode_member(leak(member));
    }
    if let Some(names) = doc.get("responseAlgorithms").and_then(Document::as_array) {
        let algorithms: Vec<_> = names
            .iter()
            .filter_map(|name| ChecksumAlgorithm::from_name(name.as_str()?))
            .collect();
        checksum = checksum.with_response_algorithms(Box::leak(algorithms.into_boxed_slice()));
    }
    checksum
}

/// botocore's order of preference among the protocols a model lists in `metadata.protocols`.
/// The nine services that list `smithy-rpc-v2-cbor` first also list `json`, and botocore (so
/// the AWS CLI and boto3) speaks awsJson to them: that is the path proven against the real
/// services and the one the botocore oracle checks, so awso chooses the same. rpcv2Cbor is
/// chosen where a model lists nothing botocore prefers to it.
const PROTOCOL_PREFERENCE: &[&str] = &[
    "json",
    "rest-json",
    "rest-xml",
    "smithy-rpc-v2-cbor",
    "query",
    "ec2",
];

/// The protocol a client speaks to the service: as botocore chooses, the first of
/// [`PROTOCOL_PREFERENCE`] the model lists in `metadata.protocols`, else `metadata.protocol`.
fn choose_protocol(metadata: &Document) -> Option<Protocol> {
    let listed: Vec<&str> = match metadata.get("protocols") {
        Some(Document::Array(list)) => list.iter().filter_map(Document::as_str).collect(),
        _ => Vec::new(),
    };
    let name = PROTOCOL_PREFERENCE
        .iter()
        .copied()
        .find(|p| listed.contains(p))
        .or_else(|| text(metadata, "protocol"))?;
    Protocol::from_botocore(name, text(metadata, "jsonVersion"))
}

fn service_schema(metadata: &Document) -> Option<ServiceSchema> {
    let protocol = choose_protocol(metadata)?;
    let mut service =
        ServiceSchema::new(protocol, leak(text(metadata, "apiVersion").unwrap_or("")));
    if let Some(prefix) = text(metadata, "targetPrefix") {
        service = service.with_target_prefix(leak(prefix));
    }
    if metadata.get("awsQueryCompatible").is_some() {
        service = service.with_query_compatible();
    }
    Some(service)
}

/// The identity of a model document: two 64-bit hashes of its JSON text, salted apart (the
/// text itself would keep a second copy of every model loaded).
#[derive(PartialEq, Eq, Hash)]
struct ModelKey(u64, u64);

impl ModelKey {
    fn of(text: &str) -> Self {
        use std::hash::{DefaultHasher, Hash as _, Hasher as _};
        let hash = |salt: u8| {
            let mut hasher = DefaultHasher::new();
            salt.hash(&mut hasher);
            text.hash(&mut hasher);
            hasher.finish()
        };
        Self(hash(0), hash(1))
    }
}

/// Whether an operation declares a `payload` on its `input` or `output` reference (service
/// models declare payloads on shapes: their shapes are then not copied).
fn declares_reference_payloads(operations: &Document) -> bool {
    let Document::Object(operations) = operations else {
        return false;
    };
    operations.values().any(|op| {
        ["input", "output"]
            .iter()
            .any(|key| op.get(key).is_some_and(|r| r.get("payload").is_some()))
    })
}

/// The shapes with the `payload` an operation's `input` or `output` reference declares
/// folded into the structure it names. botocore merges a reference's keys over the shape it
/// names; `payload` is the one that changes a structure, and its older protocol tests
/// declare it on the operation. Two operations naming different payloads for one shape are
/// a contradiction, reported as an error.
fn with_reference_payloads(
    shapes: &IndexMap<String, Document>,
    operations: &Document,
) -> Result<IndexMap<String, Document>> {
    let mut shapes = shapes.clone();
    for (op_name, op) in object(operations, "operations")? {
        for reference in ["input", "output"].iter().filter_map(|key| op.get(key)) {
            let (Some(name), Some(payload)) = (text(reference, "shape"), reference.get("payload"))
            else {
                continue;
            };
            let Some(Document::Object(shape)) = shapes.get_mut(name) else {
                continue; // a missing shape is reported where the operation is read
            };
            match shape.get("payload") {
                Some(declared) if declared != payload => {
                    return Err(Error::invalid(
                        "botocore model",
                        format!("operation `{op_name}` gives shape `{name}` another payload"),
                    ));
                }
                _ => {
                    shape.insert("payload".to_owned(), payload.clone());
                }
            }
        }
    }
    Ok(shapes)
}

/// Builds every shape: each gets a cell first, so members can refer to any shape (and
/// recursive shapes to themselves) before it is built.
fn build_shapes(shapes: &IndexMap<String, Document>) -> Result<IndexMap<String, &'static Schema>> {
    // One block for every cell: one allocation rather than one per shape, and the cell of a
    // shape no member refers to stays reachable while any cell is: no orphaned leak.
    let block: &'static [OnceLock<&'static Schema>] =
        Box::leak((0..shapes.len()).map(|_| OnceLock::new()).collect());
    let cells: HashMap<&str, &'static OnceLock<&'static Schema>> =
        shapes.keys().map(String::as_str).zip(block).collect();
    let mut built = IndexMap::with_capacity(shapes.len());
    for (name, shape) in shapes {
        let schema = build_shape(name, shape, shapes, &cells).map_err(|e| e.in_key(name))?;
        let schema: &'static Schema = Box::leak(Box::new(schema));
        let _ = cells[name.as_str()].set(schema);
        built.insert(name.clone(), schema);
    }
    Ok(built)
}

struct Context<'a> {
    shapes: &'a IndexMap<String, Document>,
    cells: &'a HashMap<&'a str, &'static OnceLock<&'static Schema>>,
}

fn build_shape(
    name: &str,
    shape: &Document,
    shapes: &IndexMap<String, Document>,
    cells: &HashMap<&str, &'static OnceLock<&'static Schema>>,
) -> Result<Schema> {
    let cx = Context { shapes, cells };
    let kind = text(shape, "type").ok_or_else(|| Error::invalid("shape", "no type"))?;
    let name = leak(name);
    let schema = match kind {
        "structure" if flag(shape, "document") => Schema::simple(ShapeKind::Document, name),
        "structure" => {
            let members = cx.members(shape)?;
            if flag(shape, "union") {
                Schema::union(name, members)
            } else {
                Schema::structure(name, members)
            }
        }
        "list" => {
            let member = shape
                .get("member")
                .ok_or_else(|| Error::invalid("list", "no member"))?;
            Schema::list(
                name,
                Box::leak(Box::new(cx.member("member", 0, member, None)?)),
            )
        }
        "map" => {
            let key = shape
                .get("key")
                .ok_or_else(|| Error::invalid("map", "no key"))?;
            let value = shape
                .get("value")
                .ok_or_else(|| Error::invalid("map", "no value"))?;
            let entries = [
                cx.member("key", 0, key, None)?,
                cx.member("value", 1, value, None)?,
            ];
            Schema::map(name, Box::leak(Box::new(entries)))
        }
        "string" if shape.get("enum").is_some() => Schema::simple(ShapeKind::Enum, name),
        other => Schema::simple(simple_kind(other)?, name),
    };
    Ok(schema.with_traits(shape_traits(shape)))
}

fn simple_kind(kind: &str) -> Result<ShapeKind> {
    Ok(match kind {
        // botocore reads `character` as a string.
        "string" | "character" => ShapeKind::String,
        "boolean" => ShapeKind::Boolean,
        "byte" => ShapeKind::Byte,
        "short" => ShapeKind::Short,
        "integer" => ShapeKind::Integer,
        "long" => ShapeKind::Long,
        "float" => ShapeKind::Float,
        "double" => ShapeKind::Double,
        "bigInteger" | "biginteger" => ShapeKind::BigInteger,
        "bigDecimal" | "bigdecimal" => ShapeKind::BigDecimal,
        "blob" => ShapeKind::Blob,
        "timestamp" => ShapeKind::Timestamp,
        "document" => ShapeKind::Document,
        other => return Err(Error::invalid("shape", format!("unknown type `{other}`"))),
    })
}

fn shape_traits(shape: &Document) -> ShapeTraits {
    let mut traits = ShapeTraits::NONE;
    traits.xml_name = text(shape, "locationName").map(leak);
    traits.xml_namespace = namespace(shape);
    traits.timestamp_format = timestamp_format(shape);
    traits.sparse = flag(shape, "sparse");
    traits.sensitive = flag(shape, "sensitive");
    traits.streaming = flag(shape, "streaming");
    traits.requires_length = flag(shape, "requiresLength");
    if let Some(Document::Array(values)) = shape.get("enum") {
        let values: Vec<&'static str> = values
            .iter()
            .filter_map(Document::as_str)
            .map(leak)
            .collect();
        traits.enum_values = Box::leak(values.into_boxed_slice());
    }
    if flag(shape, "exception") || shape.get("error").is_some() {
        let error = shape.get("error");
        let server = flag(shape, "fault")
            || error
                .is_some_and(|e| matches!(e.get("senderFault"), Some(Document::Boolean(false))));
        traits.error = Some(ErrorTrait {
            fault: if server {
                ErrorFault::Server
            } else {
                ErrorFault::Client
            },
            http_status: error
                .and_then(|e| integer(e, "httpStatusCode"))
                .and_then(|s| u16::try_from(s).ok()),
            code: error.and_then(|e| text(e, "code")).map(leak),
        });
    }
    if let Some(retryable) = shape.get("retryable") {
        traits.retryable = Some(Retryable::from_throttling(flag(retryable, "throttling")));
    }
    traits
}

/// The name botocore gives a member without a `locationName` of its own that holds a list
/// shape declared flattened whose item has a `locationName`: the item's name (SimpleDB's
/// `Items` travel as `Item.1.ItemName` in queries and as `<Item>` elements in responses).
/// Flattening declared on the member, or a member name of its own, keep the member's name,
/// as the Smithy protocol suites expect.
fn flattened_item_name<'d>(reference: &Document, target: Option<&'d Document>) -> Option<&'d str> {
    let target = target.filter(|t| text(t, "type") == Some("list") && flag(t, "flattened"))?;
    if text(reference, "locationName").is_some() {
        return None;
    }
    target.get("member").and_then(|m| text(m, "locationName"))
}

/// A `locationName` declared on a list shape (ElastiCache's
/// `PendingLogDeliveryConfigurationList`) names the members that target it and have none
/// of their own, as in botocore.
fn list_shape_name(target: Option<&Document>) -> Option<&str> {
    target
        .filter(|t| text(t, "type") == Some("list"))
        .and_then(|t| text(t, "locationName"))
}

/// A member's serialization traits as botocore reads them: the member reference's own,
/// else the target shape's (botocore merges the reference over the shape, so a `location`,
/// `jsonvalue` or `queryName` declared on a shape binds every member that targets it).
struct Binding<'d> {
    reference: &'d Document,
    target: Option<&'d Document>,
}

impl<'d> Binding<'d> {
    fn text(&self, key: &str) -> Option<&'d str> {
        text(self.reference, key).or_else(|| self.target.and_then(|t| text(t, key)))
    }

    fn flag(&self, key: &str) -> bool {
        match self.reference.get(key) {
            Some(value) => matches!(value, Document::Boolean(true)),
            None => self.target.is_some_and(|t| flag(t, key)),
        }
    }

    fn location(&self) -> Option<&'d str> {
        self.text("location")
    }

    /// The target's `locationName` when the target also declares the `location` it names
    /// (a header shape with its header's name, a prefix-header map with its prefix). A
    /// `locationName` alone on a structure shape is the shape's XML element name, which a
    /// member's own name overrides (Smithy's `xmlName` on a shape).
    fn target_location_name(&self) -> Option<&'d str> {
        let target = self.target?;
        if text(self.reference, "location").is_some() || text(target, "location").is_none() {
            return None;
        }
        text(target, "locationName")
    }
}

impl Context<'_> {
    fn target<'r>(&self, reference: &'r Document) -> Result<(&'r str, SchemaRef)> {
        let name = text(reference, "shape").ok_or_else(|| Error::invalid("member", "no shape"))?;
        let cell = self
            .cells
            .get(name)
            .ok_or_else(|| Error::invalid("member", format!("no shape `{name}`")))?;
        Ok((name, SchemaRef::from_cell(cell)))
    }

    fn members(&self, shape: &Document) -> Result<&'static [Member]> {
        let Some(members) = shape.get("members") else {
            return Ok(&[]);
        };
        let required: Vec<&str> = match shape.get("required") {
            Some(Document::Array(names)) => names.iter().filter_map(Document::as_str).collect(),
            _ => Vec::new(),
        };
        let payload = text(shape, "payload");
        let mut built = Vec::new();
        for (index, (name, reference)) in object(members, "members")?.iter().enumerate() {
            let mut member = self
                .member(name, index, reference, Some(payload == Some(name.as_str())))
                .map_err(|e| e.in_key(name))?;
            if required.contains(&name.as_str()) {
                let traits = member.traits_copy().required();
                member = member.with_traits(traits);
            }
            built.push(member);
        }
        Ok(Box::leak(built.into_boxed_slice()))
    }

    /// A member from its reference; `payload` is `Some` for structure members (whether this
    /// is the payload), `None` for list and map members.
    fn member(
        &self,
        name: &str,
        index: usize,
        reference: &Document,
        payload: Option<bool>,
    ) -> Result<Member> {
        let (target_name, target) = self.target(reference)?;
        let target_doc = self.shapes.get(target_name);
        let mut traits = MemberTraits::NONE;
        let binding = Binding {
            reference,
            target: target_doc,
        };
        let location = binding.location();
        let location_name = flattened_item_name(reference, target_doc)
            .or_else(|| text(reference, "locationName"))
            .or_else(|| binding.target_location_name())
            .or_else(|| list_shape_name(target_doc))
            .map(leak);
        traits.http = match (location, location_name) {
            (Some("header"), header) => {
                Some(HttpBinding::Header(header.unwrap_or_else(|| leak(name))))
            }
            (Some("headers"), prefix) => Some(HttpBinding::PrefixHeaders(prefix.unwrap_or(""))),
            (Some("uri"), label) => Some(HttpBinding::Label {
                name: label.unwrap_or_else(|| leak(name)),
                greedy: false,
            }),
            (Some("querystring"), _) if target_doc.and_then(|t| text(t, "type")) == Some("map") => {
                Some(HttpBinding::QueryParams)
            }
            (Some("querystring"), query) => {
                Some(HttpBinding::Query(query.unwrap_or_else(|| leak(name))))
            }
            (Some("statusCode"), _) => Some(HttpBinding::ResponseCode),
            _ if payload == Some(true) => Some(HttpBinding::Payload),
            _ => None,
        };
        // botocore often repeats the member name as its locationName: that is no rename.
        let location_name = location_name.filter(|l| *l != name);
        if traits.http.is_none() || payload == Some(true) {
            traits.xml_name = location_name;
            if payload.is_some() {
                traits.json_name = location_name;
            }
        }
        traits.xml_attribute = binding.flag("xmlAttribute");
        traits.xml_flattened =
            flag(reference, "flattened") || target_doc.is_some_and(|t| flag(t, "flattened"));
        traits.xml_namespace = namespace(reference);
        traits.ec2_query_name = binding.text("queryName").map(leak);
        traits.timestamp_format = timestamp_format(reference);
        traits.host_label = binding.flag("hostLabel");
        traits.idempotency_token = flag(reference, "idempotencyToken");
        traits.sensitive = flag(reference, "sensitive");
        // S3 marks its streamed payloads on the member, other services on the blob shape.
        traits.streaming = flag(reference, "streaming");
        traits.requires_length = flag(reference, "requiresLength");
        if binding.flag("jsonvalue") {
            traits.media_type = Some("application/json");
        }
        Ok(Member::new(leak(name), index, target).with_traits(traits))
    }
}

//! The fuzz crate's own service: a small botocore-style model (for the dynamic mode) and the
//! same shapes written with the derive (for the typed mode), so that every protocol target can
//! run one response through both and compare.
//!
//! Three operations share the shapes: `GetThing` reads body members next to header, prefix
//! header and status-code members; `GetItem` reads a structure payload; `GetData` a blob
//! payload. Each has two modeled errors: `NotFound` (code and name agree) and
//! `ThrottledException` (awsQuery code `Throttling`, a header-bound member).

use std::sync::OnceLock;

use awso_core::dynamic::Model;
use awso_core::protocol::{OperationSchema, Protocol, ServiceSchema};
use awso_core::{AwsError, AwsShape, Blob, Timestamp, UnknownError};
use indexmap::IndexMap;

/// The shapes and operations, with `@@METADATA@@` standing for the protocol's metadata.
const MODEL_TEMPLATE: &str = r#"{
  "metadata": @@METADATA@@,
  "operations": {
    "GetThing": {
      "name": "GetThing",
      "http": {"method": "POST", "requestUri": "/things/{Id}/{Key+}?mode=fuzz", "responseCode": 200},
      "input": {"shape": "ThingInput"},
      "output": {"shape": "ThingOutput"},
      "errors": [{"shape": "NotFound"}, {"shape": "ThrottledException"}],
      "endpoint": {"hostPrefix": "{Id}."},
      "requestcompression": {"encodings": ["gzip"]},
      "httpChecksumRequired": true
    },
    "GetItem": {
      "name": "GetItem",
      "http": {"method": "GET", "requestUri": "/items/{Id}"},
      "input": {"shape": "ThingInput"},
      "output": {"shape": "ItemOutput"},
      "errors": [{"shape": "NotFound"}, {"shape": "ThrottledException"}]
    },
    "GetData": {
      "name": "GetData",
      "http": {"method": "GET", "requestUri": "/data/{Id}"},
      "input": {"shape": "ThingInput"},
      "output": {"shape": "DataOutput"},
      "errors": [{"shape": "NotFound"}, {"shape": "ThrottledException"}]
    }
  },
  "shapes": {
    "ThingInput": {"type": "structure", "required": ["Id", "Key"], "members": {
      "Id": {"shape": "String", "location": "uri", "locationName": "Id", "hostLabel": true},
      "Key": {"shape": "String", "location": "uri", "locationName": "Key"},
      "Limit": {"shape": "Integer", "location": "querystring", "locationName": "limit"},
      "Since": {"shape": "Timestamp", "location": "querystring", "locationName": "since"},
      "Extra": {"shape": "StringMap", "location": "querystring"},
      "Token": {"shape": "String", "location": "header", "locationName": "X-Token"},
      "Tags": {"shape": "StringList", "location": "header", "locationName": "X-Tags"},
      "Meta": {"shape": "StringMap", "location": "headers", "locationName": "X-Meta-"},
      "ClientToken": {"shape": "String", "idempotencyToken": true},
      "Items": {"shape": "ItemList"},
      "Attrs": {"shape": "StringMap"},
      "Choice": {"shape": "Choice"},
      "Data": {"shape": "Blob"},
      "Ratio": {"shape": "Double"},
      "Stamp": {"shape": "Timestamp", "timestampFormat": "iso8601"},
      "Role": {"shape": "Role"},
      "Dry": {"shape": "Boolean", "queryName": "DryRun"}
    }},
    "ThingOutput": {"type": "structure", "members": {
      "RequestId": {"shape": "String", "location": "header", "locationName": "x-amz-request-id"},
      "Count": {"shape": "Integer", "location": "header", "locationName": "X-Count"},
      "When": {"shape": "Timestamp", "location": "header", "locationName": "X-When"},
      "Flags": {"shape": "StringList", "location": "header", "locationName": "X-Flags"},
      "Meta": {"shape": "StringMap", "location": "headers", "locationName": "X-Meta-"},
      "Status": {"shape": "Integer", "location": "statusCode"},
      "Items": {"shape": "ItemList"},
      "Attrs": {"shape": "StringMap"},
      "Choice": {"shape": "Choice"},
      "Flat": {"shape": "LongList", "flattened": true},
      "Stamp": {"shape": "Timestamp"},
      "Data": {"shape": "Blob"},
      "Ratio": {"shape": "Double"},
      "Role": {"shape": "Role"},
      "Big": {"shape": "BigNumber"}
    }},
    "ItemOutput": {"type": "structure", "payload": "Item", "members": {
      "RequestId": {"shape": "String", "location": "header", "locationName": "x-amz-request-id"},
      "Count": {"shape": "Integer", "location": "header", "locationName": "X-Count"},
      "Item": {"shape": "Item"}
    }},
    "DataOutput": {"type": "structure", "payload": "Data", "members": {
      "Flags": {"shape": "StringList", "location": "header", "locationName": "X-Flags"},
      "Data": {"shape": "Blob"}
    }},
    "Item": {"type": "structure", "members": {
      "Id": {"shape": "String", "xmlAttribute": true, "locationName": "id"},
      "Name": {"shape": "String"},
      "Values": {"shape": "IntegerList"},
      "Children": {"shape": "ItemList"},
      "Choice": {"shape": "Choice"},
      "Small": {"shape": "Short"}
    }},
    "Choice": {"type": "structure", "union": true, "members": {
      "Text": {"shape": "String"},
      "Number": {"shape": "Long"},
      "Nested": {"shape": "Item"},
      "Bytes": {"shape": "Blob"}
    }},
    "NotFound": {"type": "structure", "exception": true,
      "error": {"code": "NotFound", "httpStatusCode": 404, "senderFault": true},
      "members": {
        "Message": {"shape": "String"},
        "Resource": {"shape": "String"}
      }},
    "ThrottledException": {"type": "structure", "exception": true,
      "error": {"code": "Throttling", "httpStatusCode": 429, "senderFault": true},
      "members": {
        "message": {"shape": "String"},
        "RetryAfter": {"shape": "Integer", "location": "header", "locationName": "Retry-After"}
      }},
    "ItemList": {"type": "list", "member": {"shape": "Item"}},
    "StringList": {"type": "list", "member": {"shape": "String"}},
    "IntegerList": {"type": "list", "member": {"shape": "Integer"}},
    "LongList": {"type": "list", "member": {"shape": "Long"}},
    "StringMap": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "String"}},
    "Role": {"type": "string", "enum": ["READER", "WRITER"]},
    "String": {"type": "string"},
    "Boolean": {"type": "boolean"},
    "Short": {"type": "short"},
    "Integer": {"type": "integer"},
    "Long": {"type": "long"},
    "Double": {"type": "double"},
    "BigNumber": {"type": "bigInteger"},
    "Blob": {"type": "blob"},
    "Timestamp": {"type": "timestamp"}
  }
}"#;

/// The operations of the model, in the order [`Service::operations`] and
/// [`typed_operations`] give them.
pub const OPERATIONS: [&str; 3] = ["GetThing", "GetItem", "GetData"];

/// One protocol's view of the fuzz service: the dynamic model and the typed service schema.
#[derive(Debug)]
pub struct Service {
    /// The model read by [`Model::from_botocore`].
    pub model: Model,
    /// The typed mode's service schema (the same protocol and flags).
    pub typed: &'static ServiceSchema,
}

impl Service {
    /// The dynamic service schema.
    pub fn dynamic(&self) -> &ServiceSchema {
        self.model
            .service()
            .expect("the fuzz model names a supported protocol")
    }

    /// The dynamic operations, in [`OPERATIONS`] order.
    pub fn operations(&self) -> [&OperationSchema; 3] {
        OPERATIONS.map(|name| {
            self.model
                .operation(name)
                .expect("the fuzz model has every operation")
        })
    }
}

/// The services a protocol's targets run through: awsJson has a plain 1.1 service and a
/// query-compatible 1.0 one (the only kind that reads `x-amzn-query-error`).
pub fn services(protocol: Protocol) -> &'static [Service] {
    static CELLS: [OnceLock<Vec<Service>>; 6] = [const { OnceLock::new() }; 6];
    let (index, variants): (usize, &[(&str, &'static ServiceSchema)]) = match protocol {
        Protocol::RestJson1 => (0, &[(REST_JSON_META, &REST_JSON)]),
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => (
            1,
            &[(JSON_1_1_META, &JSON_1_1), (JSON_1_0_QC_META, &JSON_1_0_QC)],
        ),
        Protocol::RestXml => (2, &[(REST_XML_META, &REST_XML)]),
        Protocol::AwsQuery => (3, &[(QUERY_META, &QUERY)]),
        Protocol::Ec2Query => (4, &[(EC2_META, &EC2)]),
        Protocol::RpcV2Cbor => (5, &[(CBOR_META, &CBOR), (CBOR_QC_META, &CBOR_QC)]),
    };
    CELLS[index].get_or_init(|| {
        variants
            .iter()
            .map(|(metadata, typed)| Service {
                model: Model::from_botocore(&MODEL_TEMPLATE.replace("@@METADATA@@", metadata))
                    .expect("the fuzz model is a valid botocore model"),
                typed,
            })
            .collect()
    })
}

/// Every service of every protocol, for the request target.
pub fn all_services() -> impl Iterator<Item = &'static Service> {
    [
        Protocol::RestJson1,
        Protocol::AwsJson1_1,
        Protocol::RestXml,
        Protocol::AwsQuery,
        Protocol::Ec2Query,
    ]
    .into_iter()
    .flat_map(services)
}

const API_VERSION: &str = "2024-01-01";

const REST_JSON_META: &str = r#"{"protocol": "rest-json", "apiVersion": "2024-01-01"}"#;
const JSON_1_1_META: &str = r#"{"protocol": "json", "jsonVersion": "1.1",
  "apiVersion": "2024-01-01", "targetPrefix": "FuzzService"}"#;
const JSON_1_0_QC_META: &str = r#"{"protocol": "json", "jsonVersion": "1.0",
  "apiVersion": "2024-01-01", "targetPrefix": "FuzzService", "awsQueryCompatible": {}}"#;
const REST_XML_META: &str = r#"{"protocol": "rest-xml", "apiVersion": "2024-01-01"}"#;
const QUERY_META: &str = r#"{"protocol": "query", "apiVersion": "2024-01-01"}"#;
const EC2_META: &str = r#"{"protocol": "ec2", "apiVersion": "2024-01-01"}"#;
const CBOR_META: &str = r#"{"protocol": "smithy-rpc-v2-cbor", "apiVersion": "2024-01-01",
  "targetPrefix": "FuzzService"}"#;
const CBOR_QC_META: &str = r#"{"protocol": "smithy-rpc-v2-cbor", "apiVersion": "2024-01-01",
  "targetPrefix": "FuzzService", "awsQueryCompatible": {}}"#;

static REST_JSON: ServiceSchema = ServiceSchema::new(Protocol::RestJson1, API_VERSION);
static JSON_1_1: ServiceSchema =
    ServiceSchema::new(Protocol::AwsJson1_1, API_VERSION).with_target_prefix("FuzzService");
static JSON_1_0_QC: ServiceSchema = ServiceSchema::new(Protocol::AwsJson1_0, API_VERSION)
    .with_target_prefix("FuzzService")
    .with_query_compatible();
static REST_XML: ServiceSchema = ServiceSchema::new(Protocol::RestXml, API_VERSION);
static QUERY: ServiceSchema = ServiceSchema::new(Protocol::AwsQuery, API_VERSION);
static EC2: ServiceSchema = ServiceSchema::new(Protocol::Ec2Query, API_VERSION);
static CBOR: ServiceSchema =
    ServiceSchema::new(Protocol::RpcV2Cbor, API_VERSION).with_target_prefix("FuzzService");
static CBOR_QC: ServiceSchema = ServiceSchema::new(Protocol::RpcV2Cbor, API_VERSION)
    .with_target_prefix("FuzzService")
    .with_query_compatible();

/// `Role`.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Role {
    /// `READER`.
    Reader,
    /// `WRITER`.
    Writer,
    /// Anything else.
    Unknown(String),
}

/// `Choice`.
#[derive(AwsShape, Debug, Clone, PartialEq)]
pub enum Choice {
    /// `Text`.
    Text(String),
    /// `Number`.
    Number(i64),
    /// `Nested`.
    Nested(Box<Item>),
    /// `Bytes`.
    Bytes(Blob),
    /// A member this client does not know.
    Unknown(String),
}

/// `Item`.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
pub struct Item {
    /// `Id`, an XML attribute named `id`.
    #[awso(xml_attribute, xml_name = "id", json_name = "id")]
    pub id: Option<String>,
    /// `Name`.
    pub name: Option<String>,
    /// `Values`.
    pub values: Option<Vec<i32>>,
    /// `Children`.
    pub children: Option<Vec<Item>>,
    /// `Choice`.
    pub choice: Option<Choice>,
    /// `Small`.
    pub small: Option<i16>,
}

/// `ThingInput`.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
pub struct ThingInput {
    /// `Id`: a URI label and the host label.
    #[awso(http_label, host_label)]
    pub id: String,
    /// `Key`: a greedy URI label.
    #[awso(http_label)]
    pub key: String,
    /// `Limit`.
    #[awso(http_query = "limit")]
    pub limit: Option<i32>,
    /// `Since`.
    #[awso(http_query = "since")]
    pub since: Option<Timestamp>,
    /// `Extra`.
    #[awso(http_query_params)]
    pub extra: Option<IndexMap<String, String>>,
    /// `Token`.
    #[awso(http_header = "X-Token")]
    pub token: Option<String>,
    /// `Tags`.
    #[awso(http_header = "X-Tags")]
    pub tags: Option<Vec<String>>,
    /// `Meta`.
    #[awso(http_prefix_headers = "X-Meta-")]
    pub meta: Option<IndexMap<String, String>>,
    /// `ClientToken`.
    #[awso(idempotency_token)]
    pub client_token: Option<String>,
    /// `Items`.
    pub items: Option<Vec<Item>>,
    /// `Attrs`.
    pub attrs: Option<IndexMap<String, String>>,
    /// `Choice`.
    pub choice: Option<Choice>,
    /// `Data`.
    pub data: Option<Blob>,
    /// `Ratio`.
    pub ratio: Option<f64>,
    /// `Stamp`.
    #[awso(timestamp_format = "date-time")]
    pub stamp: Option<Timestamp>,
    /// `Role`.
    pub role: Option<Role>,
    /// `Dry`.
    #[awso(ec2_query_name = "DryRun")]
    pub dry: Option<bool>,
}

/// `ThingOutput`.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
pub struct ThingOutput {
    /// `RequestId`.
    #[awso(http_header = "x-amz-request-id")]
    pub request_id: Option<String>,
    /// `Count`.
    #[awso(http_header = "X-Count")]
    pub count: Option<i32>,
    /// `When`.
    #[awso(http_header = "X-When")]
    pub when: Option<Timestamp>,
    /// `Flags`.
    #[awso(http_header = "X-Flags")]
    pub flags: Option<Vec<String>>,
    /// `Meta`.
    #[awso(http_prefix_headers = "X-Meta-")]
    pub meta: Option<IndexMap<String, String>>,
    /// `Status`.
    #[awso(http_response_code)]
    pub status: Option<i32>,
    /// `Items`.
    pub items: Option<Vec<Item>>,
    /// `Attrs`.
    pub attrs: Option<IndexMap<String, String>>,
    /// `Choice`.
    pub choice: Option<Choice>,
    /// `Flat`.
    #[awso(xml_flattened)]
    pub flat: Option<Vec<i64>>,
    /// `Stamp`.
    pub stamp: Option<Timestamp>,
    /// `Data`.
    pub data: Option<Blob>,
    /// `Ratio`.
    pub ratio: Option<f64>,
    /// `Role`.
    pub role: Option<Role>,
    /// `Big`.
    pub big: Option<awso_core::BigInteger>,
}

/// `ItemOutput`.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
pub struct ItemOutput {
    /// `RequestId`.
    #[awso(http_header = "x-amz-request-id")]
    pub request_id: Option<String>,
    /// `Count`.
    #[awso(http_header = "X-Count")]
    pub count: Option<i32>,
    /// `Item`: the payload.
    #[awso(http_payload)]
    pub item: Option<Item>,
}

/// `DataOutput`.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase")]
pub struct DataOutput {
    /// `Flags`.
    #[awso(http_header = "X-Flags")]
    pub flags: Option<Vec<String>>,
    /// `Data`: the payload.
    #[awso(http_payload)]
    pub data: Option<Blob>,
}

/// `NotFound`.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(rename_all = "PascalCase", error(fault = "client", status = 404))]
pub struct NotFound {
    /// `Message`.
    pub message: Option<String>,
    /// `Resource`.
    pub resource: Option<String>,
}

/// `ThrottledException`.
#[derive(AwsShape, Debug, Clone, PartialEq)]
#[awso(error(fault = "client", status = 429, code = "Throttling"))]
pub struct ThrottledException {
    /// `message`.
    pub message: Option<String>,
    /// `RetryAfter`.
    #[awso(rename = "RetryAfter", http_header = "Retry-After")]
    pub retry_after: Option<i32>,
}

/// The errors of every operation.
#[derive(AwsError, Debug)]
pub enum ThingError {
    /// `NotFound`.
    NotFound(NotFound),
    /// `ThrottledException`.
    ThrottledException(ThrottledException),
    /// Anything else.
    Unknown(UnknownError),
}

/// The typed operations, in [`OPERATIONS`] order.
pub fn typed_operations() -> [&'static OperationSchema; 3] {
    static GET_THING: OperationSchema =
        OperationSchema::new("GetThing", "POST", "/things/{Id}/{Key+}?mode=fuzz")
            .with_response_code(200)
            .with_input(ThingInput::SCHEMA)
            .with_output(ThingOutput::SCHEMA)
            .with_errors(ThingError::ERRORS)
            .with_host_prefix("{Id}.")
            .with_gzip_requests()
            .with_checksum_required();
    static GET_ITEM: OperationSchema = OperationSchema::new("GetItem", "GET", "/items/{Id}")
        .with_input(ThingInput::SCHEMA)
        .with_output(ItemOutput::SCHEMA)
        .with_errors(ThingError::ERRORS);
    static GET_DATA: OperationSchema = OperationSchema::new("GetData", "GET", "/data/{Id}")
        .with_input(ThingInput::SCHEMA)
        .with_output(DataOutput::SCHEMA)
        .with_errors(ThingError::ERRORS);
    [&GET_THING, &GET_ITEM, &GET_DATA]
}

//! # `#[awso(...)]` attributes of `#[derive(AwsShape)]` and `#[derive(AwsError)]`
//!
//! Every key, where it goes, and an example of its effect. Mistakes (unknown or repeated
//! keys, traits that conflict, types that cannot be shapes) are compile errors at the
//! attribute, all reported in one compile.
//!
//! ## What a type becomes
//!
//! | Rust | shape |
//! |---|---|
//! | `struct` with named fields | structure: `Option<T>` fields are optional members, plain `T` fields required |
//! | `enum` of unit variants plus `Unknown(String)` | string enum (unknown values are kept) |
//! | `enum` of one-field tuple variants plus `Unknown(String)` | union (an unknown member's name is kept) |
//! | `#[awso(int_enum)] enum` plus `Unknown(i32)` | intEnum |
//! | `#[derive(AwsError)] enum` of `Name(ErrorStruct)` plus `Unknown(UnknownError)` | an operation's errors |
//!
//! Field types are any [`AwsShape`](crate::AwsShape#implementors): `bool`, `i8` to `i64`,
//! `f32`, `f64`, `String`, [`Blob`](crate::Blob), [`Timestamp`](crate::Timestamp),
//! [`Document`](crate::Document), [`BigInteger`](crate::BigInteger),
//! [`BigDecimal`](crate::BigDecimal), `Vec<T>` (`Vec<Option<T>>` when sparse), `BTreeMap`,
//! `HashMap` or `IndexMap` from a string or string enum, other derived types, and `Box<T>`
//! for recursion.
//!
//! ## Which Rust type stands for which shape
//!
//! | shape | required member | optional member |
//! |---|---|---|
//! | boolean | `bool` | `Option<bool>` |
//! | byte, short, integer, long | `i8`, `i16`, `i32`, `i64` | `Option<i8>` ... `Option<i64>` |
//! | float, double | `f32`, `f64` | `Option<f32>`, `Option<f64>` |
//! | bigInteger, bigDecimal | [`BigInteger`](crate::BigInteger), [`BigDecimal`](crate::BigDecimal) | `Option<BigInteger>`, `Option<BigDecimal>` |
//! | string | `String` | `Option<String>` |
//! | enum, intEnum | a derived `enum` with `Unknown(String)` / `Unknown(i32)` | `Option<ThatEnum>` |
//! | blob | [`Blob`](crate::Blob) (converts from `Vec<u8>`, `&[u8]`, `bytes::Bytes`) | `Option<Blob>` |
//! | timestamp | [`Timestamp`](crate::Timestamp) (converts from `SystemTime` and `time::OffsetDateTime`) | `Option<Timestamp>` |
//! | document | [`Document`](crate::Document) | `Option<Document>` |
//! | list | `Vec<T>` | `Option<Vec<T>>` |
//! | sparse list | `Vec<Option<T>>` | `Option<Vec<Option<T>>>` |
//! | map | `BTreeMap<String, T>`, `HashMap<String, T>`, [`IndexMap<String, T>`](crate::types::IndexMap) (keys may be a string enum) | `Option<BTreeMap<String, T>>` ... |
//! | sparse map | `BTreeMap<String, Option<T>>` | `Option<BTreeMap<String, Option<T>>>` |
//! | structure, union | a derived `struct` / `enum` | `Option<ThatType>` |
//! | a member that refers back to its own structure | `Box<T>` | `Option<Box<T>>` |
//! | any shape, decided at run time | [`Value`](crate::Value) | `Option<Value>` |
//!
//! Not shapes, and what to write instead: `HashSet`/`BTreeSet`/`VecDeque` → `Vec<T>`;
//! `SystemTime`, `time` or `chrono` date types → `Timestamp` (`Timestamp::from` converts);
//! `Rc`/`Arc` → `Box`; `Vec<u8>` for bytes → `Blob` (a `Vec<u8>` is a list of bytes, not a
//! blob); `u32`/`u64` → `i32`/`i64` (AWS integers are signed).
//!
//! ```
//! use std::collections::BTreeMap;
//! use awso_core::{AwsShape, Blob, Timestamp};
//!
//! #[derive(AwsShape, Debug, PartialEq)]
//! #[awso(rename_all = "PascalCase")]
//! struct Upload {
//!     key: String,
//!     body: Option<Blob>,
//!     tags: Option<Vec<String>>,
//!     metadata: Option<BTreeMap<String, String>>,
//!     expires: Option<Timestamp>,
//! }
//!
//! let upload = Upload {
//!     key: "a.txt".into(),
//!     body: Some(Blob::from(bytes::Bytes::from_static(b"hi"))),
//!     tags: Some(vec!["x".into()]),
//!     metadata: None,
//!     expires: Some(Timestamp::from(std::time::UNIX_EPOCH)),
//! };
//! let json = awso_core::json::to_string(&upload)?;
//! assert_eq!(json, r#"{"Key":"a.txt","Body":"aGk=","Tags":["x"],"Expires":0}"#);
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! Two things the macro decides from how a type is *spelled*: a field is optional when its
//! type is written `Option<...>` (a type alias of `Option` is not recognised, and makes a
//! required member), and an error structure's message is the `String` or `Option<String>`
//! field named `message` (any case of the member name).
//!
//! The derive writes no `Default`: a structure whose members are all optional takes the
//! standard `#[derive(Default)]` (the code generator adds it to exactly those), so
//! `..Default::default()` never stands in for a required member. `Debug` comes from
//! `#[awso(debug)]` below when members may be sensitive.
//! ```
//! #[derive(awso_core::AwsShape, Default)]
//! struct ListParts { max_parts: Option<i32>, marker: Option<String> }
//! let first_page = ListParts { max_parts: Some(10), ..Default::default() };
//! assert_eq!(first_page.marker, None);
//! ```
//!
//! Checks that need a member type's kind (an `xml_attribute` must be a scalar,
//! `xml_flattened` a list or map) run when constants are evaluated: at once for plain types,
//! and for a generic type only when it is used with concrete parameters in a full build
//! (`cargo check` does not evaluate them).
//!
//! ## On the type
//!
//! `name = "..."` — the shape name (default: the type's name), used as the XML root element
//! and matched against error codes:
//! ```
//! #[derive(awso_core::AwsShape)]
//! #[awso(name = "GetAttachmentResponse")]
//! struct Response {}
//! assert_eq!(awso_core::xml::to_string(&Response {})?, "<GetAttachmentResponse></GetAttachmentResponse>");
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `rename_all = "..."` — derives member names (or enum values) from field (or variant)
//! names: `PascalCase`, `camelCase`, `snake_case`, `SCREAMING_SNAKE_CASE`, `kebab-case`,
//! `lowercase`, `UPPERCASE`:
//! ```
//! #[derive(awso_core::AwsShape)]
//! #[awso(rename_all = "PascalCase")]
//! struct Item { display_name: Option<String> }
//! #[derive(awso_core::AwsShape, Debug, PartialEq)]
//! #[awso(rename_all = "SCREAMING_SNAKE_CASE")]
//! enum ChatItemType { ConnectionAck, Unknown(String) }
//!
//! assert_eq!(awso_core::json::to_string(&Item { display_name: Some("Ana".into()) })?, r#"{"DisplayName":"Ana"}"#);
//! assert_eq!(awso_core::json::to_string(&ChatItemType::ConnectionAck)?, r#""CONNECTION_ACK""#);
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `xml_name = "..."` — the element name when the shape is a document root:
//! ```
//! #[derive(awso_core::AwsShape)]
//! #[awso(xml_name = "Root")]
//! struct Doc {}
//! assert_eq!(awso_core::xml::to_string(&Doc {})?, "<Root></Root>");
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `xml_namespace(uri = "...", prefix = "...")` — an `xmlns` declaration (prefix optional):
//! ```
//! #[derive(awso_core::AwsShape)]
//! #[awso(xml_namespace(uri = "http://example.com/doc/2006-03-01/"))]
//! struct Doc {}
//! assert_eq!(awso_core::xml::to_string(&Doc {})?, r#"<Doc xmlns="http://example.com/doc/2006-03-01/"></Doc>"#);
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `error(fault = "client" | "server", status = N, code = "...")` — an error structure
//! (`code`: the awsQuery code when it differs from the name). It also gets
//! [`ErrorShape`](crate::ErrorShape), `Display` and `std::error::Error` (it needs `Debug`):
//! ```
//! #[derive(awso_core::AwsShape, Debug)]
//! #[awso(error(fault = "client", status = 400, code = "Throttling"))]
//! struct ThrottlingException { #[awso(rename = "Message")] message: Option<String> }
//! let e = ThrottlingException { message: Some("slow".into()) };
//! assert_eq!(e.to_string(), "Throttling: slow");
//! ```
//!
//! Inside `error(...)`, `retryable` or `retryable(throttling)` marks an error worth another
//! attempt (Smithy's `@retryable`), which retry policies read from the schema:
//! ```
//! use awso_core::AwsShape;
//! use awso_core::schema::Retryable;
//! #[derive(AwsShape, Debug)]
//! #[awso(error(fault = "client", status = 429, retryable(throttling)))]
//! struct TooBusy { #[awso(rename = "Message")] message: Option<String> }
//! assert_eq!(TooBusy::SCHEMA.traits().retryable, Some(Retryable::Throttling));
//! ```
//!
//! `sensitive` — marks values that must not be logged (carried in the schema):
//! ```
//! use awso_core::AwsShape;
//! #[derive(AwsShape)]
//! #[awso(sensitive)]
//! struct Token { value: String }
//! assert!(Token::SCHEMA.traits().sensitive);
//! ```
//!
//! `debug` — writes `Debug` (do not derive it as well): like the standard derive, except
//! that sensitive members (by their own `sensitive`, their target shape's, or their items')
//! and sensitive types print as `<redacted>`, at any depth. See [`redact`](crate::redact).
//! ```
//! use awso_core::AwsShape;
//! #[derive(AwsShape)]
//! #[awso(debug)]
//! struct Login { user: String, #[awso(sensitive)] password: String }
//! let login = Login { user: "ana".into(), password: "hunter2".into() };
//! assert_eq!(format!("{login:?}"), r#"Login { user: "ana", password: <redacted> }"#);
//! ```
//!
//! `builder` — construction helpers, which the code generator asks for on every shape. A
//! structure `Foo` gets `Foo::builder()` and a public `FooBuilder` (`builder = "Name"`
//! names it otherwise): a setter per member taking `impl Into<T>` (a member named `build`,
//! `send` or `with_sender` has `build_value`, ...), `set_x(Option<T>)` for optional members,
//! and `build()`, whose [`MissingMembers`](crate::build::MissingMembers) names every unset
//! required member (with no required member, `build()` cannot fail and returns the structure
//! itself). The builder's last type parameter is a [sender](crate::build::Sender), `()` by
//! default: `with_sender(s)` carries one, and `send()` then builds and hands the value to it
//! (a generated client's fluent calls). A
//! union gets a constructor per member (`Value::s("x")`, snake case, taking `impl Into<T>`)
//! and `From<T>` for each member type no other member has; a string enum `From<&str>`,
//! `From<String>` and `FromStr`, an intEnum `From<i32>` (unknown values kept, never an
//! error). Opt-in because it adds public names to your module. See [`build`](crate::build).
//! ```
//! use awso_core::AwsShape;
//! #[derive(AwsShape, Debug, PartialEq)]
//! #[awso(builder)]
//! enum Value { S(String), N(String), L(Vec<Value>), Unknown(String) }
//! #[derive(AwsShape, Debug)]
//! #[awso(builder)]
//! struct Item { key: String, value: Option<Value> }
//! let item = Item::builder().key("id").value(Value::s("1")).build()?;
//! assert_eq!(item.value, Some(Value::S("1".into())));
//! assert_eq!(Value::from(vec![Value::n("2")]), Value::L(vec![Value::N("2".into())]));
//! # Ok::<(), awso_core::build::MissingMembers>(())
//! ```
//!
//! `union` — says the enum is a union (tuple variants already imply it; with the key, a unit
//! variant is an error instead of turning the enum into a string enum):
//! ```
//! use awso_core::{AwsShape, schema::ShapeKind};
//! #[derive(AwsShape)]
//! #[awso(union)]
//! enum Only { Text(String), Unknown(String) }
//! assert_eq!(Only::SCHEMA.kind(), ShapeKind::Union);
//! ```
//!
//! `int_enum` — the enum is an intEnum; give values with `value = N` or discriminants:
//! ```
//! #[derive(awso_core::AwsShape, Debug, PartialEq)]
//! #[awso(int_enum)]
//! enum Priority { #[awso(value = 1)] Low, #[awso(value = 9)] High, Unknown(i32) }
//! assert_eq!(awso_core::json::to_string(&Priority::High)?, "9");
//! assert_eq!(awso_core::json::from_str::<Priority>("4")?, Priority::Unknown(4));
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `crate = "..."` — where awso-core is, when it is re-exported under another path:
//! ```
//! mod reexport { pub use awso_core as runtime; }
//! #[derive(awso_core::AwsShape)]
//! #[awso(crate = "reexport::runtime")]
//! struct Doc { id: Option<String> }
//! assert_eq!(reexport::runtime::json::to_string(&Doc { id: Some("x".into()) })?, r#"{"id":"x"}"#);
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! ## On a field (or a union variant)
//!
//! `rename = "..."` — the member name:
//! ```
//! #[derive(awso_core::AwsShape)]
//! struct Input { #[awso(rename = "Type")] r#type: Option<String> }
//! assert_eq!(awso_core::json::to_string(&Input { r#type: Some("x".into()) })?, r#"{"Type":"x"}"#);
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `json_name = "..."` — the key in restJson1 bodies (awsJson protocols ignore it):
//! ```
//! #[derive(awso_core::AwsShape)]
//! struct Input { #[awso(json_name = "member_name")] member: Option<i32> }
//! assert_eq!(awso_core::json::to_string(&Input { member: Some(1) })?, r#"{"member_name":1}"#);
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `xml_name = "..."` — the element or attribute name in XML and the key in awsQuery:
//! ```
//! #[derive(awso_core::AwsShape)]
//! struct Input { #[awso(xml_name = "Renamed")] member: Option<i32> }
//! assert_eq!(awso_core::xml::to_string(&Input { member: Some(1) })?, "<Input><Renamed>1</Renamed></Input>");
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `xml_attribute` — written as an attribute of the enclosing element (scalars only):
//! ```
//! #[derive(awso_core::AwsShape)]
//! struct Grant { #[awso(xml_attribute, xml_name = "xsi:type")] kind: Option<String> }
//! assert_eq!(awso_core::xml::to_string(&Grant { kind: Some("User".into()) })?, r#"<Grant xsi:type="User"></Grant>"#);
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `xml_flattened` — list items (map entries) repeat in the enclosing element, named after
//! the member:
//! ```
//! #[derive(awso_core::AwsShape)]
//! struct Bucket { #[awso(xml_flattened, rename = "Tag")] tags: Vec<String> }
//! assert_eq!(awso_core::xml::to_string(&Bucket { tags: vec!["a".into(), "b".into()] })?, "<Bucket><Tag>a</Tag><Tag>b</Tag></Bucket>");
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `xml_namespace(uri = "...", prefix = "...")` — an `xmlns` declaration on the member's
//! element:
//! ```
//! #[derive(awso_core::AwsShape)]
//! struct Doc { #[awso(xml_namespace(uri = "http://baz.com", prefix = "baz"))] foo: Option<String> }
//! assert_eq!(awso_core::xml::to_string(&Doc { foo: Some("F".into()) })?, r#"<Doc><foo xmlns:baz="http://baz.com">F</foo></Doc>"#);
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `ec2_query_name = "..."` — the key in ec2Query (default: the capitalized `xml_name` or name):
//! ```
//! use awso_core::query::{self, QueryFlavor};
//! #[derive(awso_core::AwsShape)]
//! struct Input { #[awso(ec2_query_name = "DryRun")] dry_run: Option<bool> }
//! assert_eq!(query::to_string(&Input { dry_run: Some(true) }, QueryFlavor::Ec2Query)?, "DryRun=true");
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `timestamp_format = "date-time" | "epoch-seconds" | "http-date"` — overrides the format's
//! default (JSON: epoch seconds; XML and query: date-time; headers: http-date):
//! ```
//! use awso_core::Timestamp;
//! #[derive(awso_core::AwsShape)]
//! struct Input { #[awso(timestamp_format = "http-date")] at: Option<Timestamp> }
//! let input = Input { at: Some(Timestamp::from_secs(0)) };
//! assert_eq!(awso_core::json::to_string(&input)?, r#"{"at":"Thu, 01 Jan 1970 00:00:00 GMT"}"#);
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! HTTP bindings, used by the REST protocols (one per member): `http_header = "X-Name"`,
//! `http_prefix_headers = "X-Meta-"`, `http_label` (or `http_label = "Name"`,
//! `http_label(greedy, name = "Key")`), `http_query = "name"`, `http_query_params`,
//! `http_payload`, `http_response_code`; and `host_label` for endpoint host prefixes. Bound
//! members stay out of bodies written through
//! [`protocol::write_body_members`](crate::protocol::write_body_members):
//! ```
//! use awso_core::{AwsShape, schema::HttpBinding};
//! #[derive(AwsShape)]
//! #[awso(rename_all = "PascalCase")]
//! struct GetAttachmentRequest {
//!     attachment_id: String,
//!     #[awso(http_header = "X-Amz-Bearer")]
//!     connection_token: String,
//! }
//! let token = &GetAttachmentRequest::SCHEMA.members()[1];
//! assert_eq!(token.traits().http, Some(HttpBinding::Header("X-Amz-Bearer")));
//! let input = GetAttachmentRequest { attachment_id: "a".into(), connection_token: "t".into() };
//! let mut body = awso_core::json::JsonSerializer::new();
//! let root = awso_core::Member::root(GetAttachmentRequest::SCHEMA);
//! awso_core::protocol::write_body_members(&mut body, &input, &root)?;
//! assert_eq!(body.finish(), r#"{"AttachmentId":"a"}"#);
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `required` — marks a member required (plain, non-`Option` fields already are):
//! ```
//! use awso_core::AwsShape;
//! #[derive(AwsShape)]
//! struct Input { #[awso(required)] id: String }
//! assert!(Input::SCHEMA.members()[0].traits().required);
//! ```
//!
//! `idempotency_token` — filled with a fresh UUID by the protocols when absent:
//! ```
//! use awso_core::AwsShape;
//! #[derive(AwsShape)]
//! struct Input { #[awso(idempotency_token)] client_token: Option<String> }
//! assert!(Input::SCHEMA.members()[0].traits().idempotency_token);
//! ```
//!
//! `sensitive` (also inside `member(...)`, `key(...)`, `value(...)`, for the items of a list
//! or map) — the member's values must not be logged:
//! ```
//! use awso_core::AwsShape;
//! #[derive(AwsShape)]
//! struct Input { #[awso(sensitive)] password: Option<String> }
//! assert!(Input::SCHEMA.members()[0].traits().sensitive);
//! ```
//!
//! `default = <literal>` or `default(empty_list)` / `default(empty_map)` — the value a
//! required member takes when a response omits it (otherwise the type's zero):
//! ```
//! #[derive(awso_core::AwsShape)]
//! struct Output { #[awso(default = 10)] max_results: i32, flag: bool }
//! let output: Output = awso_core::json::from_str("{}")?;
//! assert_eq!((output.max_results, output.flag), (10, false));
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! `media_type = "..."` — the media type of a string or blob (`application/json` makes a
//! header value base64 JSON in the REST protocols):
//! ```
//! use awso_core::AwsShape;
//! #[derive(AwsShape)]
//! struct Input { #[awso(media_type = "application/json", http_header = "X-Json")] json: Option<String> }
//! assert_eq!(Input::SCHEMA.members()[0].traits().media_type, Some("application/json"));
//! ```
//!
//! `streaming` or `streaming(requires_length)` on the `http_payload` member of type `Blob`
//! (`@streaming`; botocore's `"streaming": true` on the member or on its blob shape) — the
//! body is a stream of bytes, so a 0-byte body is an empty blob, not an absent member (S3
//! GetObject of an empty object). `requires_length` (`@requiresLength`) records that an
//! upload must state its length up front. Written anywhere else, or on another type, it is a
//! compile error:
//! ```
//! use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
//! use awso_core::{AwsError, AwsShape, Blob, UnknownError};
//!
//! #[derive(AwsShape)]
//! struct GetObjectOutput { #[awso(http_payload, streaming)] body: Option<Blob> }
//! #[derive(AwsError, Debug)]
//! enum GetObjectError { Unknown(UnknownError) }
//! struct GetObject;
//! impl Operation for GetObject {
//!     type Input = Unit;
//!     type Output = GetObjectOutput;
//!     type Error = GetObjectError;
//!     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "2006-03-01");
//!     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetObject", "GET", "/")
//!         .with_output(GetObjectOutput::SCHEMA);
//! }
//! let empty_object = http::Response::new(Vec::new());
//! let output = awso_core::protocol::response::<GetObject, _>(&empty_object)?;
//! assert_eq!(output.body, Some(Blob::new(Vec::new())));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `member(...)`, `key(...)`, `value(...)` — traits of a list's items or a map's keys and
//! values (`xml_name`, `xml_namespace`, `timestamp_format`, `media_type`, and nested
//! `member`/`key`/`value` for collections of collections):
//! ```
//! use std::collections::BTreeMap;
//! #[derive(awso_core::AwsShape)]
//! struct Doc {
//!     #[awso(member(xml_name = "Item"))]
//!     items: Vec<String>,
//!     #[awso(key(xml_name = "K"), value(xml_name = "V"))]
//!     map: BTreeMap<String, String>,
//! }
//! let doc = Doc { items: vec!["a".into()], map: BTreeMap::from([("k".into(), "v".into())]) };
//! assert_eq!(
//!     awso_core::xml::to_string(&doc)?,
//!     "<Doc><items><Item>a</Item></items><map><entry><K>k</K><V>v</V></entry></map></Doc>"
//! );
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! ## On an enum variant
//!
//! `rename = "..."` — the wire value (string enums) or member name (unions); `unknown` —
//! this variant keeps unknown values (default: the variant named `Unknown`); `value = N` —
//! an intEnum value:
//! ```
//! #[derive(awso_core::AwsShape, Debug, PartialEq)]
//! enum Role {
//!     #[awso(rename = "AGENT")]
//!     Agent,
//!     #[awso(unknown)]
//!     Other(String),
//! }
//! assert_eq!(awso_core::json::from_str::<Role>(r#""AGENT""#)?, Role::Agent);
//! assert_eq!(awso_core::json::from_str::<Role>(r#""BOT""#)?, Role::Other("BOT".into()));
//! # Ok::<(), awso_core::Error>(())
//! ```
//!
//! ## `#[derive(AwsError)]`
//!
//! One tuple variant per modeled error structure and one `Unknown(UnknownError)` (or a
//! variant marked `#[awso(unknown)]`); `crate = "..."` as above. See
//! [`service_error`](crate::service_error) for an example.

//! Smithy traits as plain data, with `const` builders so schemas stay constants.

/// A wire format for timestamps (Smithy's `@timestampFormat`).
///
/// ```
/// use awso_core::schema::{Member, MemberTraits, Schema, SchemaRef, TimestampFormat};
/// use awso_core::{Timestamp, Value};
///
/// const EXPIRY: Member = Member::new("Expiry", 0, SchemaRef::of::<Timestamp>())
///     .with_traits(MemberTraits::NONE.timestamp_format(TimestampFormat::EpochSeconds));
/// static SCHEMA: Schema = Schema::structure("Token", &[EXPIRY]);
/// let expiry = Timestamp::from_secs(1_573_180_888);
/// let json = awso_core::json::to_string_dynamic(
///     &Value::Structure(vec![("Expiry".into(), Value::Timestamp(expiry))]),
///     &SCHEMA,
/// )?;
/// assert_eq!(json, r#"{"Expiry":1573180888}"#);
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimestampFormat {
    /// RFC 3339 date-time: `2019-11-08T02:41:28.172Z`.
    DateTime,
    /// Seconds since the Unix epoch, with an optional fraction: `1573180888.172`.
    EpochSeconds,
    /// RFC 7231 IMF-fixdate: `Fri, 08 Nov 2019 02:41:28 GMT`.
    HttpDate,
}

impl TimestampFormat {
    /// The name the models use: `date-time`, `epoch-seconds`, `http-date`.
    ///
    /// ```
    /// use awso_core::schema::TimestampFormat;
    ///
    /// assert_eq!(TimestampFormat::HttpDate.as_str(), "http-date");
    /// assert_eq!(TimestampFormat::from_name(TimestampFormat::DateTime.as_str()), Some(TimestampFormat::DateTime));
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::DateTime => "date-time",
            Self::EpochSeconds => "epoch-seconds",
            Self::HttpDate => "http-date",
        }
    }

    /// Parses a model name (`iso8601` and `rfc822`, botocore's older spellings, included).
    ///
    /// ```
    /// use awso_core::schema::TimestampFormat;
    ///
    /// assert_eq!(TimestampFormat::from_name("rfc822"), Some(TimestampFormat::HttpDate));
    /// assert_eq!(TimestampFormat::from_name("unixTimestamp"), Some(TimestampFormat::EpochSeconds));
    /// assert_eq!(TimestampFormat::from_name("julian"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "date-time" | "iso8601" => Some(Self::DateTime),
            "epoch-seconds" | "unixTimestamp" => Some(Self::EpochSeconds),
            "http-date" | "rfc822" => Some(Self::HttpDate),
            _ => None,
        }
    }
}

/// An XML namespace declared on an element (Smithy's `@xmlNamespace`).
///
/// ```
/// use awso_core::schema::{ShapeTraits, XmlNamespace};
///
/// const TRAITS: ShapeTraits = ShapeTraits::NONE.xml_namespace("https://sqs.amazonaws.com/doc/2012-11-05/", None);
/// assert_eq!(
///     TRAITS.xml_namespace,
///     Some(XmlNamespace { uri: "https://sqs.amazonaws.com/doc/2012-11-05/", prefix: None })
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct XmlNamespace {
    /// The namespace URI.
    pub uri: &'static str,
    /// The prefix, when the declaration is `xmlns:prefix="uri"`.
    pub prefix: Option<&'static str>,
}

/// Where a member of an operation's input or output travels in an HTTP message.
///
/// ```
/// use awso_core::schema::{HttpBinding, MemberTraits};
///
/// const BUCKET: MemberTraits = MemberTraits::NONE.http(HttpBinding::Label { name: "Bucket", greedy: false });
/// const RANGE: MemberTraits = MemberTraits::NONE.http(HttpBinding::Header("Range"));
/// assert!(BUCKET.bound_in_request() && !BUCKET.bound_in_response());
/// assert!(RANGE.bound_in_request() && RANGE.bound_in_response());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HttpBinding {
    /// A header with this name (`@httpHeader`).
    Header(&'static str),
    /// Every header starting with this prefix, as a map (`@httpPrefixHeaders`).
    PrefixHeaders(&'static str),
    /// A `{label}` of the request URI (`@httpLabel`); `greedy` labels (`{Key+}`) may hold `/`.
    Label {
        /// The label's name in the URI template.
        name: &'static str,
        /// Whether the label is greedy.
        greedy: bool,
    },
    /// A query-string parameter with this name (`@httpQuery`).
    Query(&'static str),
    /// All remaining query-string parameters, as a map (`@httpQueryParams`).
    QueryParams,
    /// The whole HTTP body (`@httpPayload`).
    Payload,
    /// The HTTP status code of a response (`@httpResponseCode`).
    ResponseCode,
}

/// Who is at fault for a modeled error.
///
/// ```
/// use awso_core::schema::{ErrorFault, ErrorTrait, ShapeTraits};
///
/// const THROTTLED: ShapeTraits = ShapeTraits::NONE.error(ErrorTrait {
///     fault: ErrorFault::Client,
///     http_status: Some(429),
///     code: None,
/// });
/// assert_eq!(THROTTLED.error.map(|e| e.fault), Some(ErrorFault::Client));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorFault {
    /// The caller (HTTP 4xx, query `Sender`).
    Client,
    /// The service (HTTP 5xx, query `Receiver`).
    Server,
}

/// Marks a structure as an error (Smithy's `@error`, `@httpError`, `@awsQueryError`).
///
/// ```
/// use awso_core::schema::{ErrorFault, ErrorTrait, Schema, ShapeTraits};
///
/// static QUEUE_MISSING: Schema = Schema::structure("QueueDoesNotExist", &[]).with_traits(
///     ShapeTraits::NONE.error(ErrorTrait {
///         fault: ErrorFault::Client,
///         http_status: Some(400),
///         code: Some("AWS.SimpleQueueService.NonExistentQueue"),
///     }),
/// );
/// assert_eq!(QUEUE_MISSING.traits().error.and_then(|e| e.http_status), Some(400));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ErrorTrait {
    /// Client or server fault.
    pub fault: ErrorFault,
    /// The HTTP status the service answers with.
    pub http_status: Option<u16>,
    /// The error code awsQuery (and query-compatible JSON) services send when it differs from
    /// the shape name.
    pub code: Option<&'static str>,
}

/// Why a modeled error may succeed when tried again (Smithy's `@retryable`): a retry
/// policy retries such an error whatever its status or code says.
///
/// ```
/// use awso_core::AwsShape;
/// use awso_core::schema::Retryable;
///
/// #[derive(AwsShape, Debug)]
/// #[awso(error(fault = "server", status = 503, retryable))]
/// struct Busy {}
/// assert_eq!(Busy::SCHEMA.traits().retryable, Some(Retryable::Transient));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retryable {
    /// A passing failure (`@retryable`, `"retryable": {"throttling": false}`).
    Transient,
    /// The service asks the caller to slow down (`@retryable(throttling: true)`).
    Throttling,
}

impl Retryable {
    /// The kind the model's `throttling` flag names.
    ///
    /// ```
    /// use awso_core::schema::Retryable;
    ///
    /// assert_eq!(Retryable::from_throttling(true), Retryable::Throttling);
    /// assert_eq!(Retryable::from_throttling(false), Retryable::Transient);
    /// ```
    pub const fn from_throttling(throttling: bool) -> Self {
        if throttling {
            Retryable::Throttling
        } else {
            Retryable::Transient
        }
    }
}

/// A member's default value (Smithy's `@default`), used when a response omits the member.
///
/// ```
/// use awso_core::schema::{DefaultValue, MemberTraits};
///
/// const LIMIT: MemberTraits = MemberTraits::NONE.default(DefaultValue::Integer(100));
/// assert_eq!(LIMIT.default, Some(DefaultValue::Integer(100)));
/// assert_ne!(LIMIT.default, Some(DefaultValue::Float(100.0)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DefaultValue {
    /// A boolean.
    Boolean(bool),
    /// Any integer kind.
    Integer(i64),
    /// A float or double.
    Float(f64),
    /// A string, enum or base64 blob; for timestamps an RFC 3339 text.
    String(&'static str),
    /// An empty list.
    EmptyList,
    /// An empty map.
    EmptyMap,
}

/// Traits on a shape itself.
///
/// ```
/// use awso_core::AwsShape;
///
/// #[derive(AwsShape)]
/// #[awso(sensitive)]
/// struct Password {
///     value: String,
/// }
///
/// assert!(Password::SCHEMA.traits().sensitive);
/// assert!(!String::SCHEMA.traits().sensitive);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct ShapeTraits {
    /// `@xmlName`: the element name when the shape is a document root.
    pub xml_name: Option<&'static str>,
    /// `@xmlNamespace` on the shape.
    pub xml_namespace: Option<XmlNamespace>,
    /// `@timestampFormat` on a timestamp shape.
    pub timestamp_format: Option<TimestampFormat>,
    /// `@error`: the shape is an error structure.
    pub error: Option<ErrorTrait>,
    /// `@retryable` on an error structure: another attempt may succeed.
    pub retryable: Option<Retryable>,
    /// `@sparse`: list items or map values may be null.
    pub sparse: bool,
    /// `@sensitive`: values must not be logged.
    pub sensitive: bool,
    /// `@mediaType`: the media type of a string or blob (`application/json` makes a header
    /// value base64-encoded JSON).
    pub media_type: Option<&'static str>,
    /// `@streaming` on a blob: the body is streamed rather than buffered.
    pub streaming: bool,
    /// `@requiresLength` on a streaming blob: an upload of it must say its length up front
    /// (recorded for streaming uploads; buffered bodies always know their length).
    pub requires_length: bool,
    /// The named values of an enum (their wire values).
    pub enum_values: &'static [&'static str],
    /// The named values of an intEnum.
    pub int_enum_values: &'static [i32],
}

impl ShapeTraits {
    /// No traits at all.
    ///
    /// ```
    /// use awso_core::schema::ShapeTraits;
    ///
    /// assert_eq!(ShapeTraits::NONE.xml_name, None);
    /// assert!(!ShapeTraits::NONE.sparse && ShapeTraits::NONE.enum_values.is_empty());
    /// ```
    pub const NONE: Self = Self {
        xml_name: None,
        xml_namespace: None,
        timestamp_format: None,
        error: None,
        retryable: None,
        sparse: false,
        sensitive: false,
        media_type: None,
        streaming: false,
        requires_length: false,
        enum_values: &[],
        int_enum_values: &[],
    };

    /// Adds `@xmlName`.
    ///
    /// ```
    /// use awso_core::schema::{Schema, ShapeTraits};
    ///
    /// static RESPONSE: Schema = Schema::structure("ListBucketsOutput", &[])
    ///     .with_traits(ShapeTraits::NONE.xml_name("ListAllMyBucketsResult"));
    /// assert_eq!(awso_core::xml::root_name(&RESPONSE), "ListAllMyBucketsResult");
    /// ```
    #[must_use]
    pub const fn xml_name(mut self, name: &'static str) -> Self {
        self.xml_name = Some(name);
        self
    }

    /// Adds `@xmlNamespace`.
    ///
    /// ```
    /// use awso_core::schema::ShapeTraits;
    ///
    /// const TRAITS: ShapeTraits = ShapeTraits::NONE.xml_namespace("urn:example", Some("ex"));
    /// assert_eq!(TRAITS.xml_namespace.and_then(|ns| ns.prefix), Some("ex"));
    /// ```
    #[must_use]
    pub const fn xml_namespace(mut self, uri: &'static str, prefix: Option<&'static str>) -> Self {
        self.xml_namespace = Some(XmlNamespace { uri, prefix });
        self
    }

    /// Adds `@timestampFormat`.
    ///
    /// ```
    /// use awso_core::schema::{ShapeTraits, TimestampFormat};
    ///
    /// const TRAITS: ShapeTraits = ShapeTraits::NONE.timestamp_format(TimestampFormat::HttpDate);
    /// assert_eq!(TRAITS.timestamp_format, Some(TimestampFormat::HttpDate));
    /// ```
    #[must_use]
    pub const fn timestamp_format(mut self, format: TimestampFormat) -> Self {
        self.timestamp_format = Some(format);
        self
    }

    /// Adds `@error`.
    ///
    /// ```
    /// use awso_core::schema::{ErrorFault, ErrorTrait, ShapeTraits};
    ///
    /// const TRAITS: ShapeTraits = ShapeTraits::NONE.error(ErrorTrait { fault: ErrorFault::Server, http_status: Some(503), code: None });
    /// assert_eq!(TRAITS.error.and_then(|e| e.http_status), Some(503));
    /// ```
    #[must_use]
    pub const fn error(mut self, error: ErrorTrait) -> Self {
        self.error = Some(error);
        self
    }

    /// Adds `@retryable` (botocore's `"retryable": {"throttling": ...}` on an error shape).
    ///
    /// ```
    /// use awso_core::schema::{Retryable, ShapeTraits};
    ///
    /// const SLOW_DOWN: ShapeTraits = ShapeTraits::NONE.retryable(Retryable::Throttling);
    /// assert_eq!(SLOW_DOWN.retryable, Some(Retryable::Throttling));
    /// assert_eq!(ShapeTraits::NONE.retryable, None);
    /// ```
    #[must_use]
    pub const fn retryable(mut self, retryable: Retryable) -> Self {
        self.retryable = Some(retryable);
        self
    }

    /// Adds `@sparse`.
    ///
    /// ```
    /// use awso_core::schema::{Member, Schema, SchemaRef, ShapeTraits};
    ///
    /// static ITEM: Member = Member::new("member", 0, SchemaRef::of::<String>());
    /// static NAMES: Schema = Schema::list("SparseNames", &ITEM).with_traits(ShapeTraits::NONE.sparse());
    /// assert!(NAMES.is_sparse());
    /// ```
    #[must_use]
    pub const fn sparse(mut self) -> Self {
        self.sparse = true;
        self
    }

    /// Adds `@sensitive`.
    ///
    /// ```
    /// use awso_core::schema::ShapeTraits;
    ///
    /// assert!(ShapeTraits::NONE.sensitive().sensitive);
    /// ```
    #[must_use]
    pub const fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// Adds `@mediaType`.
    ///
    /// ```
    /// use awso_core::schema::ShapeTraits;
    ///
    /// const POLICY: ShapeTraits = ShapeTraits::NONE.media_type("application/json");
    /// assert_eq!(POLICY.media_type, Some("application/json"));
    /// ```
    #[must_use]
    pub const fn media_type(mut self, media_type: &'static str) -> Self {
        self.media_type = Some(media_type);
        self
    }

    /// Adds `@streaming`.
    ///
    /// ```
    /// use awso_core::schema::ShapeTraits;
    ///
    /// assert!(ShapeTraits::NONE.streaming().streaming);
    /// assert!(!ShapeTraits::NONE.streaming);
    /// ```
    #[must_use]
    pub const fn streaming(mut self) -> Self {
        self.streaming = true;
        self
    }

    /// Adds `@requiresLength`: a streaming blob whose length must be known before it is sent.
    ///
    /// ```
    /// use awso_core::schema::ShapeTraits;
    ///
    /// let traits = ShapeTraits::NONE.streaming().requires_length();
    /// assert!(traits.streaming && traits.requires_length);
    /// assert!(!ShapeTraits::NONE.requires_length);
    /// ```
    #[must_use]
    pub const fn requires_length(mut self) -> Self {
        self.requires_length = true;
        self
    }

    /// Lists an enum's named values.
    ///
    /// ```
    /// use awso_core::schema::{Schema, ShapeKind, ShapeTraits};
    ///
    /// static STATUS: Schema = Schema::simple(ShapeKind::Enum, "Status")
    ///     .with_traits(ShapeTraits::NONE.enum_values(&["ACTIVE", "DELETED"]));
    /// assert_eq!(STATUS.traits().enum_values, ["ACTIVE", "DELETED"]);
    /// ```
    #[must_use]
    pub const fn enum_values(mut self, values: &'static [&'static str]) -> Self {
        self.enum_values = values;
        self
    }

    /// Lists an intEnum's named values.
    ///
    /// ```
    /// use awso_core::schema::{Schema, ShapeKind, ShapeTraits};
    ///
    /// static LEVEL: Schema = Schema::simple(ShapeKind::IntEnum, "Level")
    ///     .with_traits(ShapeTraits::NONE.int_enum_values(&[1, 2, 3]));
    /// assert_eq!(LEVEL.traits().int_enum_values, [1, 2, 3]);
    /// ```
    #[must_use]
    pub const fn int_enum_values(mut self, values: &'static [i32]) -> Self {
        self.int_enum_values = values;
        self
    }
}

/// Traits on a member.
///
/// ```
/// use awso_core::AwsShape;
///
/// #[derive(AwsShape)]
/// struct Upload {
///     #[awso(rename = "Key")]
///     key: String,
///     #[awso(rename = "Tag")]
///     tag: Option<String>,
/// }
///
/// assert!(Upload::SCHEMA.members()[0].traits().required);
/// assert!(!Upload::SCHEMA.members()[1].traits().required);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct MemberTraits {
    /// `@jsonName`: the key in restJson1 bodies.
    pub json_name: Option<&'static str>,
    /// `@xmlName`: the element or attribute name in XML, the key segment in awsQuery.
    pub xml_name: Option<&'static str>,
    /// `@xmlAttribute`: written as an attribute of the enclosing element.
    pub xml_attribute: bool,
    /// `@xmlFlattened`: list items or map entries repeat directly in the enclosing element.
    pub xml_flattened: bool,
    /// `@xmlNamespace` on the member.
    pub xml_namespace: Option<XmlNamespace>,
    /// `@ec2QueryName`: the key segment in ec2Query.
    pub ec2_query_name: Option<&'static str>,
    /// `@timestampFormat` on the member.
    pub timestamp_format: Option<TimestampFormat>,
    /// The HTTP binding, if any.
    pub http: Option<HttpBinding>,
    /// `@hostLabel`: substituted into the endpoint's host prefix.
    pub host_label: bool,
    /// `@required`.
    pub required: bool,
    /// `@idempotencyToken`: filled with a fresh UUID when absent.
    pub idempotency_token: bool,
    /// `@sensitive` on the member.
    pub sensitive: bool,
    /// `@default`.
    pub default: Option<DefaultValue>,
    /// `@mediaType` applied through the member (botocore's `jsonvalue` on a header member).
    pub media_type: Option<&'static str>,
    /// `@streaming` applied through the member: botocore marks S3's payload members so, and
    /// a derived blob member can say it no other way (every `Blob` shares one schema).
    pub streaming: bool,
    /// `@requiresLength` applied through the member.
    pub requires_length: bool,
}

impl MemberTraits {
    /// No traits at all.
    ///
    /// ```
    /// use awso_core::schema::MemberTraits;
    ///
    /// assert_eq!(MemberTraits::NONE.http, None);
    /// assert!(!MemberTraits::NONE.required && MemberTraits::NONE.json_name.is_none());
    /// ```
    pub const NONE: Self = Self {
        json_name: None,
        xml_name: None,
        xml_attribute: false,
        xml_flattened: false,
        xml_namespace: None,
        ec2_query_name: None,
        timestamp_format: None,
        http: None,
        host_label: false,
        required: false,
        idempotency_token: false,
        sensitive: false,
        default: None,
        media_type: None,
        streaming: false,
        requires_length: false,
    };

    /// Adds `@jsonName`.
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, SchemaRef};
    ///
    /// const ID: Member = Member::new("Id", 0, SchemaRef::of::<String>())
    ///     .with_traits(MemberTraits::NONE.json_name("id"));
    /// assert_eq!(ID.json_name(), "id");
    /// ```
    #[must_use]
    pub const fn json_name(mut self, name: &'static str) -> Self {
        self.json_name = Some(name);
        self
    }

    /// Adds `@xmlName`.
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, SchemaRef};
    ///
    /// const TAGS: Member = Member::new("Tags", 0, SchemaRef::of::<String>())
    ///     .with_traits(MemberTraits::NONE.xml_name("TagSet"));
    /// assert_eq!(TAGS.xml_name(), "TagSet");
    /// ```
    #[must_use]
    pub const fn xml_name(mut self, name: &'static str) -> Self {
        self.xml_name = Some(name);
        self
    }

    /// Adds `@xmlAttribute`.
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, Schema, SchemaRef};
    /// use awso_core::Value;
    ///
    /// static GRANTEE: Schema = Schema::structure("Grantee", &[
    ///     Member::new("type", 0, SchemaRef::of::<String>()).with_traits(MemberTraits::NONE.xml_attribute()),
    ///     Member::new("ID", 1, SchemaRef::of::<String>()),
    /// ]);
    /// let value = Value::Structure(vec![("type".into(), Value::String("User".into())), ("ID".into(), Value::String("42".into()))]);
    /// assert_eq!(awso_core::xml::to_string_dynamic(&value, &GRANTEE)?, r#"<Grantee type="User"><ID>42</ID></Grantee>"#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub const fn xml_attribute(mut self) -> Self {
        self.xml_attribute = true;
        self
    }

    /// Adds `@xmlFlattened`.
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, Schema, SchemaRef};
    /// use awso_core::Value;
    ///
    /// static ITEMS: Schema = Schema::structure("Items", &[
    ///     Member::new("Item", 0, SchemaRef::of::<Vec<String>>()).with_traits(MemberTraits::NONE.xml_flattened()),
    /// ]);
    /// let value = Value::Structure(vec![("Item".into(), Value::List(vec![Value::String("a".into()), Value::String("b".into())]))]);
    /// assert_eq!(awso_core::xml::to_string_dynamic(&value, &ITEMS)?, "<Items><Item>a</Item><Item>b</Item></Items>");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub const fn xml_flattened(mut self) -> Self {
        self.xml_flattened = true;
        self
    }

    /// Adds `@xmlNamespace`.
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, SchemaRef, XmlNamespace};
    ///
    /// const ACL: Member = Member::new("Acl", 0, SchemaRef::of::<String>())
    ///     .with_traits(MemberTraits::NONE.xml_namespace("urn:acl", Some("a")));
    /// assert_eq!(ACL.xml_namespace(), Some(XmlNamespace { uri: "urn:acl", prefix: Some("a") }));
    /// ```
    #[must_use]
    pub const fn xml_namespace(mut self, uri: &'static str, prefix: Option<&'static str>) -> Self {
        self.xml_namespace = Some(XmlNamespace { uri, prefix });
        self
    }

    /// Adds `@ec2QueryName`.
    ///
    /// ```
    /// use awso_core::schema::MemberTraits;
    ///
    /// const TRAITS: MemberTraits = MemberTraits::NONE.ec2_query_name("InstanceId");
    /// assert_eq!(TRAITS.ec2_query_name, Some("InstanceId"));
    /// ```
    #[must_use]
    pub const fn ec2_query_name(mut self, name: &'static str) -> Self {
        self.ec2_query_name = Some(name);
        self
    }

    /// Adds `@timestampFormat`.
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, SchemaRef, TimestampFormat};
    ///
    /// const SINCE: Member = Member::new("IfModifiedSince", 0, SchemaRef::of::<awso_core::Timestamp>())
    ///     .with_traits(MemberTraits::NONE.timestamp_format(TimestampFormat::HttpDate));
    /// assert_eq!(SINCE.timestamp_format(), Some(TimestampFormat::HttpDate));
    /// ```
    #[must_use]
    pub const fn timestamp_format(mut self, format: TimestampFormat) -> Self {
        self.timestamp_format = Some(format);
        self
    }

    /// Binds the member to part of an HTTP message.
    ///
    /// ```
    /// use awso_core::schema::{HttpBinding, MemberTraits};
    ///
    /// const MAX_KEYS: MemberTraits = MemberTraits::NONE.http(HttpBinding::Query("max-keys"));
    /// assert_eq!(MAX_KEYS.http, Some(HttpBinding::Query("max-keys")));
    /// ```
    #[must_use]
    pub const fn http(mut self, binding: HttpBinding) -> Self {
        self.http = Some(binding);
        self
    }

    /// Adds `@hostLabel`.
    ///
    /// ```
    /// use awso_core::schema::MemberTraits;
    ///
    /// assert!(MemberTraits::NONE.host_label().host_label);
    /// ```
    #[must_use]
    pub const fn host_label(mut self) -> Self {
        self.host_label = true;
        self
    }

    /// Adds `@required`.
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, Schema, SchemaRef};
    /// use awso_core::Value;
    ///
    /// static QUEUE: Schema = Schema::structure("GetQueueUrlRequest", &[
    ///     Member::new("QueueName", 0, SchemaRef::of::<String>()).with_traits(MemberTraits::NONE.required()),
    /// ]);
    /// // A required member that a response leaves out reads as its zero value.
    /// let read = awso_core::value::from_value_dynamic(&Value::Structure(vec![]), &QUEUE)?;
    /// assert_eq!(read.get("QueueName"), Some(&Value::String(String::new())));
    /// assert!(QUEUE.members()[0].traits().required);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    #[must_use]
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Adds `@idempotencyToken`.
    ///
    /// ```
    /// use awso_core::schema::MemberTraits;
    ///
    /// assert!(MemberTraits::NONE.idempotency_token().idempotency_token);
    /// ```
    #[must_use]
    pub const fn idempotency_token(mut self) -> Self {
        self.idempotency_token = true;
        self
    }

    /// Adds `@sensitive`.
    ///
    /// ```
    /// use awso_core::schema::MemberTraits;
    ///
    /// const TOKEN: MemberTraits = MemberTraits::NONE.sensitive();
    /// assert!(TOKEN.sensitive && !MemberTraits::NONE.sensitive);
    /// ```
    #[must_use]
    pub const fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// Adds `@default`.
    ///
    /// ```
    /// use awso_core::schema::{DefaultValue, MemberTraits};
    ///
    /// const ENABLED: MemberTraits = MemberTraits::NONE.default(DefaultValue::Boolean(true));
    /// assert_eq!(ENABLED.default, Some(DefaultValue::Boolean(true)));
    /// ```
    #[must_use]
    pub const fn default(mut self, value: DefaultValue) -> Self {
        self.default = Some(value);
        self
    }

    /// Adds `@mediaType`.
    ///
    /// ```
    /// use awso_core::schema::MemberTraits;
    ///
    /// const CONTEXT: MemberTraits = MemberTraits::NONE.media_type("application/json");
    /// assert_eq!(CONTEXT.media_type, Some("application/json"));
    /// ```
    #[must_use]
    pub const fn media_type(mut self, media_type: &'static str) -> Self {
        self.media_type = Some(media_type);
        self
    }

    /// Adds `@streaming` (on the member; see [`Member::is_streaming`](crate::Member::is_streaming)).
    ///
    /// ```
    /// use awso_core::schema::MemberTraits;
    ///
    /// // S3's GetObjectOutput.Body is streaming by its member, not its shape.
    /// const BODY: MemberTraits = MemberTraits::NONE.streaming();
    /// assert!(BODY.streaming && !MemberTraits::NONE.streaming);
    /// ```
    #[must_use]
    pub const fn streaming(mut self) -> Self {
        self.streaming = true;
        self
    }

    /// Adds `@requiresLength` (on the member).
    ///
    /// ```
    /// use awso_core::schema::MemberTraits;
    ///
    /// const PART: MemberTraits = MemberTraits::NONE.streaming().requires_length();
    /// assert!(PART.requires_length && !MemberTraits::NONE.requires_length);
    /// ```
    #[must_use]
    pub const fn requires_length(mut self) -> Self {
        self.requires_length = true;
        self
    }

    /// Whether a request carries the member outside its body document: in a header, the
    /// URI, the query string, or as the body itself (the payload).
    ///
    /// ```
    /// use awso_core::schema::{HttpBinding, MemberTraits};
    ///
    /// assert!(MemberTraits::NONE.http(HttpBinding::Payload).bound_in_request());
    /// assert!(!MemberTraits::NONE.http(HttpBinding::ResponseCode).bound_in_request());
    /// assert!(!MemberTraits::NONE.bound_in_request());
    /// ```
    pub const fn bound_in_request(&self) -> bool {
        matches!(
            self.http,
            Some(
                HttpBinding::Header(_)
                    | HttpBinding::PrefixHeaders(_)
                    | HttpBinding::Label { .. }
                    | HttpBinding::Query(_)
                    | HttpBinding::QueryParams
                    | HttpBinding::Payload
            )
        )
    }

    /// Whether a response carries the member outside its body document: in a header, the
    /// status code, or as the body itself. (Label and query bindings mean nothing in a
    /// response: such members travel in the body.)
    ///
    /// ```
    /// use awso_core::schema::{HttpBinding, MemberTraits};
    ///
    /// assert!(MemberTraits::NONE.http(HttpBinding::ResponseCode).bound_in_response());
    /// assert!(!MemberTraits::NONE.http(HttpBinding::Query("max-keys")).bound_in_response());
    /// ```
    pub const fn bound_in_response(&self) -> bool {
        matches!(
            self.http,
            Some(
                HttpBinding::Header(_)
                    | HttpBinding::PrefixHeaders(_)
                    | HttpBinding::ResponseCode
                    | HttpBinding::Payload
            )
        )
    }
}

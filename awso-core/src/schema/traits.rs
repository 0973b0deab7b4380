//! Smithy traits as plain data, with `const` builders so schemas stay constants.

/// A wire format for timestamps (Smithy's `@timestampFormat`).
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
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::DateTime => "date-time",
            Self::EpochSeconds => "epoch-seconds",
            Self::HttpDate => "http-date",
        }
    }

    /// Parses a model name (`iso8601` and `rfc822`, botocore's older spellings, included).
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct XmlNamespace {
    /// The namespace URI.
    pub uri: &'static str,
    /// The prefix, when the declaration is `xmlns:prefix="uri"`.
    pub prefix: Option<&'static str>,
}

/// Where a member of an operation's input or output travels in an HTTP message.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorFault {
    /// The caller (HTTP 4xx, query `Sender`).
    Client,
    /// The service (HTTP 5xx, query `Receiver`).
    Server,
}

/// Marks a structure as an error (Smithy's `@error`, `@httpError`, `@awsQueryError`).
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

/// A member's default value (Smithy's `@default`), used when a response omits the member.
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
    pub const NONE: Self = Self {
        xml_name: None,
        xml_namespace: None,
        timestamp_format: None,
        error: None,
        sparse: false,
        sensitive: false,
        media_type: None,
        streaming: false,
        requires_length: false,
        enum_values: &[],
        int_enum_values: &[],
    };

    /// Adds `@xmlName`.
    #[must_use]
    pub const fn xml_name(mut self, name: &'static str) -> Self {
        self.xml_name = Some(name);
        self
    }

    /// Adds `@xmlNamespace`.
    #[must_use]
    pub const fn xml_namespace(mut self, uri: &'static str, prefix: Option<&'static str>) -> Self {
        self.xml_namespace = Some(XmlNamespace { uri, prefix });
        self
    }

    /// Adds `@timestampFormat`.
    #[must_use]
    pub const fn timestamp_format(mut self, format: TimestampFormat) -> Self {
        self.timestamp_format = Some(format);
        self
    }

    /// Adds `@error`.
    #[must_use]
    pub const fn error(mut self, error: ErrorTrait) -> Self {
        self.error = Some(error);
        self
    }

    /// Adds `@sparse`.
    #[must_use]
    pub const fn sparse(mut self) -> Self {
        self.sparse = true;
        self
    }

    /// Adds `@sensitive`.
    #[must_use]
    pub const fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// Adds `@mediaType`.
    #[must_use]
    pub const fn media_type(mut self, media_type: &'static str) -> Self {
        self.media_type = Some(media_type);
        self
    }

    /// Adds `@streaming`.
    #[must_use]
    pub const fn streaming(mut self) -> Self {
        self.streaming = true;
        self
    }

    /// Adds `@requiresLength`.
    #[must_use]
    pub const fn requires_length(mut self) -> Self {
        self.requires_length = true;
        self
    }

    /// Lists an enum's named values.
    #[must_use]
    pub const fn enum_values(mut self, values: &'static [&'static str]) -> Self {
        self.enum_values = values;
        self
    }

    /// Lists an intEnum's named values.
    #[must_use]
    pub const fn int_enum_values(mut self, values: &'static [i32]) -> Self {
        self.int_enum_values = values;
        self
    }
}

/// Traits on a member.
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
    #[must_use]
    pub const fn json_name(mut self, name: &'static str) -> Self {
        self.json_name = Some(name);
        self
    }

    /// Adds `@xmlName`.
    #[must_use]
    pub const fn xml_name(mut self, name: &'static str) -> Self {
        self.xml_name = Some(name);
        self
    }

    /// Adds `@xmlAttribute`.
    #[must_use]
    pub const fn xml_attribute(mut self) -> Self {
        self.xml_attribute = true;
        self
    }

    /// Adds `@xmlFlattened`.
    #[must_use]
    pub const fn xml_flattened(mut self) -> Self {
        self.xml_flattened = true;
        self
    }

    /// Adds `@xmlNamespace`.
    #[must_use]
    pub const fn xml_namespace(mut self, uri: &'static str, prefix: Option<&'static str>) -> Self {
        self.xml_namespace = Some(XmlNamespace { uri, prefix });
        self
    }

    /// Adds `@ec2QueryName`.
    #[must_use]
    pub const fn ec2_query_name(mut self, name: &'static str) -> Self {
        self.ec2_query_name = Some(name);
        self
    }

    /// Adds `@timestampFormat`.
    #[must_use]
    pub const fn timestamp_format(mut self, format: TimestampFormat) -> Self {
        self.timestamp_format = Some(format);
        self
    }

    /// Binds the member to part of an HTTP message.
    #[must_use]
    pub const fn http(mut self, binding: HttpBinding) -> Self {
        self.http = Some(binding);
        self
    }

    /// Adds `@hostLabel`.
    #[must_use]
    pub const fn host_label(mut self) -> Self {
        self.host_label = true;
        self
    }

    /// Adds `@required`.
    #[must_use]
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Adds `@idempotencyToken`.
    #[must_use]
    pub const fn idempotency_token(mut self) -> Self {
        self.idempotency_token = true;
        self
    }

    /// Adds `@sensitive`.
    #[must_use]
    pub const fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// Adds `@default`.
    #[must_use]
    pub const fn default(mut self, value: DefaultValue) -> Self {
        self.default = Some(value);
        self
    }

    /// Adds `@mediaType`.
    #[must_use]
    pub const fn media_type(mut self, media_type: &'static str) -> Self {
        self.media_type = Some(media_type);
        self
    }

    /// Adds `@streaming` (on the member; see [`Member::is_streaming`](crate::Member::is_streaming)).
    #[must_use]
    pub const fn streaming(mut self) -> Self {
        self.streaming = true;
        self
    }

    /// Adds `@requiresLength` (on the member).
    #[must_use]
    pub const fn requires_length(mut self) -> Self {
        self.requires_length = true;
        self
    }

    /// Whether a request carries the member outside its body document: in a header, the
    /// URI, the query string, or as the body itself (the payload).
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

//! Schemas: the static description of a shape that every codec reads its wire rules from.
//!
//! A [`Schema`] names a shape, says what kind it is ([`ShapeKind`]), carries its shape-level
//! traits ([`ShapeTraits`]) and, for aggregates, its [`Member`]s. A member has a name, an index
//! (its position among its siblings), a target schema and member-level traits
//! ([`MemberTraits`]). Lists have exactly one member (named `member`), maps exactly two (`key`
//! and `value`); the constructors enforce that so codecs can rely on it.
//!
//! `#[derive(AwsShape)]` writes these for you. By hand, a schema is a `const`:
//!
//! ```
//! use awso_core::schema::{Member, Schema, SchemaRef};
//!
//! const ATTACHMENT: &Schema = &Schema::structure(
//!     "GetAttachmentResponse",
//!     &[
//!         Member::new("Url", 0, SchemaRef::of::<String>()),
//!         Member::new("UrlExpiry", 1, SchemaRef::of::<String>()),
//!         Member::new("AttachmentSizeInBytes", 2, SchemaRef::of::<i64>()),
//!     ],
//! );
//! assert_eq!(ATTACHMENT.member_named("UrlExpiry").unwrap().index(), 1);
//! assert_eq!(ATTACHMENT.members()[2].target().kind(), awso_core::schema::ShapeKind::Long);
//! ```
//!
//! Targets are [`SchemaRef`]s rather than plain references so that recursive shapes (a
//! structure that contains a list of itself) and generic types can be described in constants.

mod traits;

use std::sync::OnceLock;

pub use traits::{
    DefaultValue, ErrorFault, ErrorTrait, HttpBinding, MemberTraits, Retryable, ShapeTraits,
    TimestampFormat, XmlNamespace,
};

use crate::AwsShape;
use crate::error::{Error, Result};

/// What kind of shape a schema describes: Smithy's shape types.
///
/// ```
/// use awso_core::AwsShape;
/// use awso_core::schema::ShapeKind;
///
/// assert_eq!(i64::SCHEMA.kind(), ShapeKind::Long);
/// assert_eq!(<Vec<String>>::SCHEMA.kind(), ShapeKind::List);
/// assert_eq!(awso_core::Blob::SCHEMA.kind(), ShapeKind::Blob);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ShapeKind {
    /// A structure: named, optional or required members.
    Structure,
    /// A tagged union: exactly one member is set.
    Union,
    /// An ordered list of one member shape.
    List,
    /// A map from string keys to one value shape.
    Map,
    /// A UTF-8 string.
    String,
    /// A string restricted to named values (unknown values are kept).
    Enum,
    /// A 32-bit integer restricted to named values (unknown values are kept).
    IntEnum,
    /// `true` or `false`.
    Boolean,
    /// An 8-bit signed integer.
    Byte,
    /// A 16-bit signed integer.
    Short,
    /// A 32-bit signed integer.
    Integer,
    /// A 64-bit signed integer.
    Long,
    /// A 32-bit IEEE 754 float.
    Float,
    /// A 64-bit IEEE 754 float.
    Double,
    /// An arbitrary-precision integer, kept as its decimal text.
    BigInteger,
    /// An arbitrary-precision decimal, kept as its text.
    BigDecimal,
    /// Uninterpreted bytes.
    Blob,
    /// An instant in time.
    Timestamp,
    /// Untyped JSON-like data.
    Document,
}

impl ShapeKind {
    /// The Smithy name of the kind, as used in error messages (`"structure"`, `"long"`, ...).
    ///
    /// ```
    /// use awso_core::schema::ShapeKind;
    ///
    /// assert_eq!(ShapeKind::IntEnum.as_str(), "intEnum");
    /// assert_eq!(ShapeKind::BigDecimal.as_str(), "bigDecimal");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Structure => "structure",
            Self::Union => "union",
            Self::List => "list",
            Self::Map => "map",
            Self::String => "string",
            Self::Enum => "enum",
            Self::IntEnum => "intEnum",
            Self::Boolean => "boolean",
            Self::Byte => "byte",
            Self::Short => "short",
            Self::Integer => "integer",
            Self::Long => "long",
            Self::Float => "float",
            Self::Double => "double",
            Self::BigInteger => "bigInteger",
            Self::BigDecimal => "bigDecimal",
            Self::Blob => "blob",
            Self::Timestamp => "timestamp",
            Self::Document => "document",
        }
    }

    /// Whether values of this kind are written as a single text or number (no children).
    ///
    /// ```
    /// use awso_core::schema::ShapeKind;
    ///
    /// assert!(ShapeKind::Timestamp.is_scalar());
    /// assert!(!ShapeKind::Document.is_scalar() && !ShapeKind::List.is_scalar());
    /// ```
    pub const fn is_scalar(self) -> bool {
        !matches!(
            self,
            Self::Structure | Self::Union | Self::List | Self::Map | Self::Document
        )
    }

    /// Lists and maps: the kinds XML can flatten.
    ///
    /// ```
    /// use awso_core::schema::ShapeKind;
    ///
    /// assert!(ShapeKind::Map.is_collection());
    /// assert!(!ShapeKind::Structure.is_collection());
    /// ```
    pub const fn is_collection(self) -> bool {
        matches!(self, Self::List | Self::Map)
    }

    /// Structures and unions: the kinds with named members.
    ///
    /// ```
    /// use awso_core::schema::ShapeKind;
    ///
    /// assert!(ShapeKind::Union.is_aggregate());
    /// assert!(!ShapeKind::Map.is_aggregate());
    /// ```
    pub const fn is_aggregate(self) -> bool {
        matches!(self, Self::Structure | Self::Union)
    }
}

/// The static description of one shape. See the [module documentation](self).
///
/// ```
/// use awso_core::AwsShape;
/// use awso_core::schema::ShapeKind;
///
/// #[derive(AwsShape)]
/// #[awso(rename_all = "PascalCase")]
/// struct Attendee {
///     attendee_id: Option<String>,
///     join_token: Option<String>,
/// }
///
/// assert_eq!(Attendee::SCHEMA.name(), "Attendee");
/// assert_eq!(Attendee::SCHEMA.kind(), ShapeKind::Structure);
/// assert_eq!(Attendee::SCHEMA.members()[1].name(), "JoinToken");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Schema {
    kind: ShapeKind,
    name: &'static str,
    traits: ShapeTraits,
    members: &'static [Member],
}

impl Schema {
    /// A shape without members (a simple shape: string, long, timestamp, ...).
    ///
    /// # Panics
    ///
    /// In const evaluation, when `kind` is an aggregate, list or map: those need members and
    /// have their own constructors.
    ///
    /// ```
    /// use awso_core::schema::{Schema, ShapeKind};
    ///
    /// static QUEUE_URL: Schema = Schema::simple(ShapeKind::String, "QueueUrl");
    /// assert_eq!(QUEUE_URL.kind(), ShapeKind::String);
    /// assert!(QUEUE_URL.members().is_empty());
    /// ```
    pub const fn simple(kind: ShapeKind, name: &'static str) -> Self {
        assert!(
            !matches!(
                kind,
                ShapeKind::Structure | ShapeKind::Union | ShapeKind::List | ShapeKind::Map
            ),
            "structures, unions, lists and maps are built with their own constructors"
        );
        Self {
            kind,
            name,
            traits: ShapeTraits::NONE,
            members: &[],
        }
    }

    /// A structure with `members`, whose indices must be their positions.
    ///
    /// ```
    /// use awso_core::schema::{Member, Schema, SchemaRef};
    /// use awso_core::Value;
    ///
    /// static TAG: Schema = Schema::structure("Tag", &[
    ///     Member::new("Key", 0, SchemaRef::of::<String>()),
    ///     Member::new("Value", 1, SchemaRef::of::<String>()),
    /// ]);
    /// let tag = Value::Structure(vec![("Key".into(), Value::String("env".into()))]);
    /// assert_eq!(awso_core::json::to_string_dynamic(&tag, &TAG)?, r#"{"Key":"env"}"#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub const fn structure(name: &'static str, members: &'static [Member]) -> Self {
        check_indices(members);
        Self {
            kind: ShapeKind::Structure,
            name,
            traits: ShapeTraits::NONE,
            members,
        }
    }

    /// A union with `members`, whose indices must be their positions.
    ///
    /// ```
    /// use awso_core::schema::{Member, Schema, SchemaRef, ShapeKind};
    /// use awso_core::Value;
    ///
    /// static ATTRIBUTE: Schema = Schema::union("AttributeValue", &[
    ///     Member::new("S", 0, SchemaRef::of::<String>()),
    ///     Member::new("N", 1, SchemaRef::of::<String>()),
    /// ]);
    /// assert_eq!(ATTRIBUTE.kind(), ShapeKind::Union);
    /// let two = Value::Structure(vec![
    ///     ("S".into(), Value::String("a".into())),
    ///     ("N".into(), Value::String("1".into())),
    /// ]);
    /// assert!(awso_core::value::from_value_dynamic(&two, &ATTRIBUTE).is_err());
    /// ```
    pub const fn union(name: &'static str, members: &'static [Member]) -> Self {
        check_indices(members);
        Self {
            kind: ShapeKind::Union,
            name,
            traits: ShapeTraits::NONE,
            members,
        }
    }

    /// A list whose items are described by `member` (conventionally named `member`).
    ///
    /// ```
    /// use awso_core::schema::{Member, Schema, SchemaRef};
    ///
    /// static ITEM: Member = Member::new("member", 0, SchemaRef::of::<i64>());
    /// static SIZES: Schema = Schema::list("Sizes", &ITEM);
    /// assert_eq!(SIZES.list_member().map(|m| m.target().name()), Some("Long"));
    /// ```
    pub const fn list(name: &'static str, member: &'static Member) -> Self {
        Self {
            kind: ShapeKind::List,
            name,
            traits: ShapeTraits::NONE,
            members: std::slice::from_ref(member),
        }
    }

    /// A map; `entries` holds the key member then the value member.
    ///
    /// ```
    /// use awso_core::schema::{Member, Schema, SchemaRef};
    ///
    /// static ENTRIES: [Member; 2] = [
    ///     Member::new("key", 0, SchemaRef::of::<String>()),
    ///     Member::new("value", 1, SchemaRef::of::<i32>()),
    /// ];
    /// static COUNTS: Schema = Schema::map("Counts", &ENTRIES);
    /// let (key, value) = COUNTS.map_members().unwrap();
    /// assert_eq!((key.name(), value.target().name()), ("key", "Integer"));
    /// ```
    pub const fn map(name: &'static str, entries: &'static [Member; 2]) -> Self {
        Self {
            kind: ShapeKind::Map,
            name,
            traits: ShapeTraits::NONE,
            members: entries,
        }
    }

    /// The same shape with `traits`.
    ///
    /// ```
    /// use awso_core::schema::{Schema, ShapeKind, ShapeTraits};
    ///
    /// static SECRET: Schema = Schema::simple(ShapeKind::String, "SecretString")
    ///     .with_traits(ShapeTraits::NONE.sensitive());
    /// assert!(SECRET.traits().sensitive);
    /// ```
    #[must_use]
    pub const fn with_traits(mut self, traits: ShapeTraits) -> Self {
        self.traits = traits;
        self
    }

    /// The same list or map with other members: how a structure member overrides the traits of
    /// the items of the list it holds (an XML item name, say). The kind must stay the same and
    /// the member count must match.
    ///
    /// # Panics
    ///
    /// In const evaluation, when `self` is not a list or map or the member count differs.
    ///
    /// Derive support, hidden from the documentation.
    #[must_use]
    #[doc(hidden)]
    pub const fn with_members(&self, members: &'static [Member]) -> Self {
        assert!(
            matches!(self.kind, ShapeKind::List | ShapeKind::Map),
            "only the members of lists and maps can be overridden"
        );
        assert!(
            members.len() == self.members.len(),
            "an override must keep the member count"
        );
        Self { members, ..*self }
    }

    /// [`with_members`](Self::with_members) on a schema reference: usable where constants
    /// are promoted, which a dereference is not (derived code overrides list items with it).
    ///
    /// Derive support, hidden from the documentation.
    #[doc(hidden)]
    pub const fn overridden(base: &'static Schema, members: &'static [Member]) -> Self {
        base.with_members(members)
    }

    /// A copy of member `index` of `schema`, for building overrides in constants.
    ///
    /// # Panics
    ///
    /// In const evaluation, when there is no such member.
    ///
    /// Derive support, hidden from the documentation.
    #[doc(hidden)]
    pub const fn member_at(schema: &'static Schema, index: usize) -> Member {
        schema.members[index]
    }

    /// The kind of shape.
    ///
    /// ```
    /// use awso_core::AwsShape;
    /// use awso_core::schema::ShapeKind;
    ///
    /// assert_eq!(awso_core::Timestamp::SCHEMA.kind(), ShapeKind::Timestamp);
    /// ```
    pub const fn kind(&self) -> ShapeKind {
        self.kind
    }

    /// The shape's name in its model (`"GetAttachmentResponse"`, `"String"`).
    ///
    /// ```
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// #[awso(name = "GetAttachmentResponse")]
    /// struct Response {}
    ///
    /// assert_eq!(Response::SCHEMA.name(), "GetAttachmentResponse");
    /// ```
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// Shape-level traits.
    ///
    /// ```
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// #[awso(xml_name = "Root")]
    /// struct Document {}
    ///
    /// assert_eq!(Document::SCHEMA.traits().xml_name, Some("Root"));
    /// ```
    pub const fn traits(&self) -> &ShapeTraits {
        &self.traits
    }

    /// The members: structure and union members in model order, a list's item member, or a
    /// map's key and value members.
    ///
    /// ```
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// #[awso(rename_all = "camelCase")]
    /// struct Receipt { message_id: String, read_at: Option<i64> }
    ///
    /// let names: Vec<_> = Receipt::SCHEMA.members().iter().map(|m| m.name()).collect();
    /// assert_eq!(names, ["messageId", "readAt"]);
    /// ```
    pub const fn members(&self) -> &'static [Member] {
        self.members
    }

    /// The member called `name` (its model name, not a wire name).
    ///
    /// ```
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// #[awso(rename_all = "PascalCase")]
    /// struct Receipt { message_id: String, read_at: Option<i64> }
    ///
    /// assert_eq!(Receipt::SCHEMA.member_named("ReadAt").map(|m| m.index()), Some(1));
    /// assert!(Receipt::SCHEMA.member_named("read_at").is_none());
    /// ```
    pub fn member_named(&self, name: &str) -> Option<&'static Member> {
        self.members.iter().find(|m| m.name == name)
    }

    /// A list's item member; `None` unless this is a list.
    ///
    /// ```
    /// use awso_core::AwsShape;
    ///
    /// assert_eq!(<Vec<bool>>::SCHEMA.list_member().map(|m| m.target().name()), Some("Boolean"));
    /// assert!(String::SCHEMA.list_member().is_none());
    /// ```
    pub fn list_member(&self) -> Option<&'static Member> {
        match self.kind {
            ShapeKind::List => self.members.first(),
            _ => None,
        }
    }

    /// A map's key and value members; `None` unless this is a map.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use awso_core::AwsShape;
    ///
    /// let (_, value) = <BTreeMap<String, i64>>::SCHEMA.map_members().unwrap();
    /// assert_eq!(value.target().name(), "Long");
    /// assert!(<Vec<i64>>::SCHEMA.map_members().is_none());
    /// ```
    pub fn map_members(&self) -> Option<(&'static Member, &'static Member)> {
        match (self.kind, self.members) {
            (ShapeKind::Map, [key, value]) => Some((key, value)),
            _ => None,
        }
    }

    /// Whether list items or map values may be null (a Smithy `@sparse` collection).
    ///
    /// ```
    /// use awso_core::AwsShape;
    ///
    /// assert!(<Vec<Option<String>>>::SCHEMA.is_sparse());
    /// assert!(!<Vec<String>>::SCHEMA.is_sparse());
    /// ```
    pub const fn is_sparse(&self) -> bool {
        self.traits.sparse
    }
}

const fn check_indices(members: &[Member]) {
    let mut i = 0;
    while i < members.len() {
        assert!(
            members[i].index == i,
            "member indices must be their positions in the members slice"
        );
        i += 1;
    }
}

/// One member of a structure, union, list or map.
///
/// ```
/// use awso_core::AwsShape;
///
/// #[derive(AwsShape)]
/// struct Item {
///     #[awso(rename = "Id", json_name = "id")]
///     id: String,
/// }
///
/// let member = &Item::SCHEMA.members()[0];
/// assert_eq!((member.name(), member.json_name(), member.index()), ("Id", "id", 0));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Member {
    name: &'static str,
    index: usize,
    target: SchemaRef,
    traits: MemberTraits,
    /// Whether [`xml_name`](Self::xml_name) is a plain XML name (see `names::plain_name`).
    plain_xml_name: bool,
}

impl Member {
    /// A member called `name` at position `index`, targeting `target`.
    ///
    /// ```
    /// use awso_core::schema::{Member, SchemaRef};
    ///
    /// let member = Member::new("Count", 2, SchemaRef::of::<i32>());
    /// assert_eq!((member.name(), member.index(), member.target().name()), ("Count", 2, "Integer"));
    /// ```
    pub const fn new(name: &'static str, index: usize, target: SchemaRef) -> Self {
        Self {
            name,
            index,
            target,
            traits: MemberTraits::NONE,
            plain_xml_name: crate::names::plain_name(name),
        }
    }

    /// The member that stands for a whole document: a value that no structure holds.
    /// Codecs use it at the top level; its name is the shape's own name.
    ///
    /// ```
    /// use awso_core::schema::Member;
    /// use awso_core::{AwsShape, Value};
    ///
    /// let root = Member::root(<Vec<String>>::SCHEMA);
    /// let value = awso_core::value::to_value_at(&vec!["a".to_string()], &root)?;
    /// assert_eq!(value, Value::List(vec![Value::String("a".into())]));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub const fn root(schema: &'static Schema) -> Self {
        Self::new(schema.name, 0, SchemaRef::from_static(schema))
    }

    /// The same member with `traits`.
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, SchemaRef};
    ///
    /// const NAME: Member = Member::new("Name", 0, SchemaRef::of::<String>())
    ///     .with_traits(MemberTraits::NONE.xml_name("name").required());
    /// assert_eq!(NAME.xml_name(), "name");
    /// assert!(NAME.traits().required);
    /// ```
    #[must_use]
    pub const fn with_traits(mut self, traits: MemberTraits) -> Self {
        self.traits = traits;
        self.plain_xml_name = crate::names::plain_name(self.xml_name());
        self
    }

    /// The same member under another name, keeping target and traits. XML's flattened lists
    /// use it: each item is written under the name of the structure member holding the list.
    ///
    /// ```
    /// use awso_core::schema::{Member, SchemaRef};
    ///
    /// let member = Member::new("member", 0, SchemaRef::of::<String>()).renamed("Item");
    /// assert_eq!((member.name(), member.xml_name()), ("Item", "Item"));
    /// ```
    #[must_use]
    pub const fn renamed(mut self, name: &'static str) -> Self {
        self.name = name;
        self.plain_xml_name = crate::names::plain_name(self.xml_name());
        self
    }

    /// The member's name in the model (`"AttachmentSizeInBytes"`).
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, SchemaRef};
    ///
    /// let member = Member::new("Tags", 0, SchemaRef::of::<String>())
    ///     .with_traits(MemberTraits::NONE.xml_name("TagSet"));
    /// assert_eq!(member.name(), "Tags");
    /// ```
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The member's position among its siblings.
    ///
    /// ```
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// struct Pair { left: i32, right: i32 }
    ///
    /// assert_eq!(Pair::SCHEMA.member_named("right").unwrap().index(), 1);
    /// ```
    pub const fn index(&self) -> usize {
        self.index
    }

    /// The schema of the member's value.
    ///
    /// ```
    /// use awso_core::AwsShape;
    /// use awso_core::schema::ShapeKind;
    ///
    /// #[derive(AwsShape)]
    /// struct Upload { body: Option<awso_core::Blob> }
    ///
    /// assert_eq!(Upload::SCHEMA.members()[0].target().kind(), ShapeKind::Blob);
    /// ```
    pub fn target(&self) -> &'static Schema {
        self.target.get()
    }

    /// The target as a reference that can be stored in another schema.
    ///
    /// ```
    /// use awso_core::schema::{Member, SchemaRef};
    ///
    /// let member = Member::new("Size", 0, SchemaRef::of::<i64>());
    /// let copy = Member::new("MaxSize", 1, member.target_ref());
    /// assert_eq!(copy.target().name(), "Long");
    /// ```
    pub const fn target_ref(&self) -> SchemaRef {
        self.target
    }

    /// Member-level traits.
    ///
    /// ```
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// struct Login { user: String, #[awso(sensitive)] password: String }
    ///
    /// assert!(Login::SCHEMA.members()[1].traits().sensitive);
    /// assert!(!Login::SCHEMA.members()[0].traits().sensitive);
    /// ```
    pub const fn traits(&self) -> &MemberTraits {
        &self.traits
    }

    /// A copy of the member-level traits, for building overrides in constants.
    ///
    /// Derive support, hidden from the documentation.
    #[doc(hidden)]
    pub const fn traits_copy(self) -> MemberTraits {
        self.traits
    }

    /// The timestamp format this member's value is written in, if the model says: the member's
    /// own trait wins over the target shape's.
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, Schema, SchemaRef, ShapeKind, ShapeTraits, TimestampFormat};
    ///
    /// static EPOCH: Schema = Schema::simple(ShapeKind::Timestamp, "EpochTime")
    ///     .with_traits(ShapeTraits::NONE.timestamp_format(TimestampFormat::EpochSeconds));
    /// let plain = Member::new("At", 0, SchemaRef::from_static(&EPOCH));
    /// let own = plain.with_traits(MemberTraits::NONE.timestamp_format(TimestampFormat::HttpDate));
    /// assert_eq!(plain.timestamp_format(), Some(TimestampFormat::EpochSeconds));
    /// assert_eq!(own.timestamp_format(), Some(TimestampFormat::HttpDate));
    /// ```
    pub fn timestamp_format(&self) -> Option<TimestampFormat> {
        self.traits
            .timestamp_format
            .or_else(|| self.target().traits().timestamp_format)
    }

    /// Whether this member's value is a stream (`@streaming`, on the member or on its
    /// target shape): a 0-byte payload is then an empty blob, not an absent one.
    ///
    /// ```
    /// use awso_core::{AwsShape, Blob};
    ///
    /// #[derive(AwsShape)]
    /// struct GetObjectOutput {
    ///     #[awso(http_payload, streaming)]
    ///     body: Option<Blob>,
    /// }
    /// assert!(GetObjectOutput::SCHEMA.members()[0].is_streaming());
    /// ```
    pub fn is_streaming(&self) -> bool {
        self.traits.streaming || self.target().traits().streaming
    }

    /// Whether an upload of this streaming member must say its length up front
    /// (`@requiresLength`, on the member or on its target shape).
    ///
    /// ```
    /// use awso_core::{AwsShape, Blob};
    ///
    /// #[derive(AwsShape)]
    /// struct UploadReadSetPartInput {
    ///     #[awso(http_payload, streaming(requires_length))]
    ///     part: Blob,
    /// }
    /// assert!(UploadReadSetPartInput::SCHEMA.members()[0].requires_length());
    /// ```
    pub fn requires_length(&self) -> bool {
        self.traits.requires_length || self.target().traits().requires_length
    }

    /// The item member of the list this member holds, or an error naming the mismatch (a
    /// list-typed Rust value at a member whose schema is not a list).
    ///
    /// ```
    /// use awso_core::schema::{Member, SchemaRef};
    ///
    /// let names = Member::new("Names", 0, SchemaRef::of::<Vec<String>>());
    /// assert_eq!(names.list_item()?.target().name(), "String");
    /// assert!(Member::new("Name", 0, SchemaRef::of::<String>()).list_item().is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn list_item(&self) -> Result<&'static Member> {
        self.target()
            .list_member()
            .ok_or_else(|| self.mismatch("a list"))
    }

    /// The key and value members of the map this member holds, or an error naming the
    /// mismatch.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use awso_core::schema::{Member, SchemaRef};
    ///
    /// let tags = Member::new("Tags", 0, SchemaRef::of::<BTreeMap<String, String>>());
    /// let (key, value) = tags.map_entry()?;
    /// assert_eq!((key.name(), value.name()), ("key", "value"));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn map_entry(&self) -> Result<(&'static Member, &'static Member)> {
        self.target()
            .map_members()
            .ok_or_else(|| self.mismatch("a map"))
    }

    /// The error for a value of the wrong kind at this member.
    ///
    /// ```
    /// use awso_core::schema::{Member, SchemaRef};
    ///
    /// let err = Member::new("Name", 0, SchemaRef::of::<String>()).mismatch("a list");
    /// assert_eq!(err.to_string(), "a list cannot be written as `String`, a string shape");
    /// ```
    pub fn mismatch(&self, value: &'static str) -> Error {
        let target = self.target();
        Error::unsupported(format!(
            "{value} cannot be written as `{}`, a {} shape",
            target.name(),
            target.kind().as_str()
        ))
    }

    /// The XML namespace of this member's element: the member's own, else the target's.
    ///
    /// ```
    /// use awso_core::schema::{Member, MemberTraits, SchemaRef};
    ///
    /// let plain = Member::new("Acl", 0, SchemaRef::of::<String>());
    /// assert_eq!(plain.xml_namespace(), None);
    /// let own = plain.with_traits(MemberTraits::NONE.xml_namespace("urn:acl", None));
    /// assert_eq!(own.xml_namespace().map(|ns| ns.uri), Some("urn:acl"));
    /// ```
    pub fn xml_namespace(&self) -> Option<XmlNamespace> {
        self.traits
            .xml_namespace
            .or_else(|| self.target().traits().xml_namespace)
    }

    /// The element or attribute name used in XML and awsQuery: `xmlName`, else the name.
    ///
    /// ```
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// #[awso(rename_all = "PascalCase")]
    /// struct Bucket { #[awso(xml_name = "BucketName")] name: String, region: Option<String> }
    ///
    /// assert_eq!(Bucket::SCHEMA.members()[0].xml_name(), "BucketName");
    /// assert_eq!(Bucket::SCHEMA.members()[1].xml_name(), "Region");
    /// ```
    pub const fn xml_name(&self) -> &'static str {
        match self.traits.xml_name {
            Some(name) => name,
            None => self.name,
        }
    }

    /// Whether the XML name is ASCII letters, digits, `_`, `-` and `.` only, starting with a
    /// letter or `_`: then a reader matches its start tag by comparing bytes. Worked out
    /// once, when the member is built.
    pub(crate) const fn has_plain_xml_name(&self) -> bool {
        self.plain_xml_name
    }

    /// The key used in JSON bodies that honour `jsonName`: the `jsonName`, else the name.
    ///
    /// ```
    /// use awso_core::AwsShape;
    ///
    /// #[derive(AwsShape)]
    /// #[awso(rename_all = "PascalCase")]
    /// struct Item { #[awso(json_name = "id")] item_id: String, size: Option<i64> }
    ///
    /// assert_eq!(Item::SCHEMA.members()[0].json_name(), "id");
    /// assert_eq!(Item::SCHEMA.members()[1].json_name(), "Size");
    /// ```
    pub const fn json_name(&self) -> &'static str {
        match self.traits.json_name {
            Some(name) => name,
            None => self.name,
        }
    }
}

/// A reference to a member's target schema.
///
/// Three forms exist: a plain static reference, a function returning one (what derived code
/// uses: it breaks the cycle of recursive shapes and works for generic types), and a cell
/// filled after construction (what run-time schemas use for recursion).
///
/// ```
/// use awso_core::schema::{Member, Schema, SchemaRef, ShapeKind};
///
/// static ID: Schema = Schema::simple(ShapeKind::String, "Id");
/// let by_type = Member::new("Name", 0, SchemaRef::of::<String>());
/// let by_schema = Member::new("Id", 1, SchemaRef::from_static(&ID));
/// assert_eq!((by_type.target().name(), by_schema.target().name()), ("String", "Id"));
/// ```
#[derive(Clone, Copy)]
pub struct SchemaRef(Target);

#[derive(Clone, Copy)]
enum Target {
    Static(&'static Schema),
    Lazy(fn() -> &'static Schema),
    Cell(&'static OnceLock<&'static Schema>),
}

impl SchemaRef {
    /// The schema of `T`.
    ///
    /// ```
    /// use awso_core::schema::SchemaRef;
    ///
    /// assert_eq!(SchemaRef::of::<Vec<i32>>().get().name(), "List");
    /// ```
    pub const fn of<T: AwsShape>() -> Self {
        Self(Target::Lazy(schema_of::<T>))
    }

    /// A schema known now.
    ///
    /// ```
    /// use awso_core::schema::{Schema, SchemaRef, ShapeKind};
    ///
    /// static ARN: Schema = Schema::simple(ShapeKind::String, "Arn");
    /// assert!(std::ptr::eq(SchemaRef::from_static(&ARN).get(), &ARN));
    /// ```
    pub const fn from_static(schema: &'static Schema) -> Self {
        Self(Target::Static(schema))
    }

    /// A schema filled in later: run-time schemas for recursive shapes use it. Until the cell
    /// is set, [`get`](Self::get) answers a placeholder document schema named `<unresolved>`.
    ///
    /// ```
    /// use std::sync::OnceLock;
    /// use awso_core::schema::{Member, Schema, SchemaRef};
    ///
    /// // A tree node whose children are nodes: the member is built before the schema exists.
    /// static NODE: OnceLock<&'static Schema> = OnceLock::new();
    /// let children: &'static Member = Box::leak(Box::new(Member::new("member", 0, SchemaRef::from_cell(&NODE))));
    /// let list: &'static Schema = Box::leak(Box::new(Schema::list("Nodes", children)));
    /// let members = Box::leak(Box::new([Member::new("Children", 0, SchemaRef::from_static(list))]));
    /// let node: &'static Schema = Box::leak(Box::new(Schema::structure("Node", members)));
    /// NODE.set(node).unwrap();
    /// assert_eq!(node.members()[0].list_item()?.target().name(), "Node");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub const fn from_cell(cell: &'static OnceLock<&'static Schema>) -> Self {
        Self(Target::Cell(cell))
    }

    /// The referenced schema.
    ///
    /// ```
    /// use awso_core::schema::SchemaRef;
    ///
    /// assert_eq!(SchemaRef::of::<awso_core::Document>().get().name(), "Document");
    /// ```
    pub fn get(self) -> &'static Schema {
        match self.0 {
            Target::Static(schema) => schema,
            Target::Lazy(get) => get(),
            Target::Cell(cell) => cell.get().copied().unwrap_or(&UNRESOLVED),
        }
    }
}

impl std::fmt::Debug for SchemaRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Printing the target itself would loop forever on recursive shapes.
        f.debug_tuple("SchemaRef").field(&self.get().name).finish()
    }
}

static UNRESOLVED: Schema = Schema::simple(ShapeKind::Document, "<unresolved>");

fn schema_of<T: AwsShape>() -> &'static Schema {
    T::SCHEMA
}

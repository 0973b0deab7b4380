//! The traits a Rust type implements to be an AWS shape.

use crate::de::ShapeDeserializer;
use crate::error::Result;
use crate::schema::{Member, Schema};
use crate::ser::{MemberSerializer, ShapeSerializer};

/// A Rust type that is an AWS shape.
///
/// [`AwsShape`] is the one every shape implements: its [`Schema`], and two small generic
/// functions that hand the value to any [`ShapeSerializer`] and build it from any
/// [`ShapeDeserializer`]. Structures and unions also implement [`AwsStruct`], which exposes
/// their members one by one: codecs (and the HTTP bindings, which split one structure over
/// headers, URI and body) decide which members to write where, and fill one
/// [`StructBuilder`] from several sources.
///
/// `#[derive(AwsShape)]` implements both. A hand-written implementation is short; here is a
/// string newtype that keeps an ARN:
///
/// ```
/// use awso_core::schema::{Member, Schema, ShapeKind};
/// use awso_core::{AwsShape, Result, ShapeDeserializer, ShapeSerializer};
///
/// #[derive(Debug, PartialEq)]
/// struct Arn(String);
///
/// impl AwsShape for Arn {
///     const SCHEMA: &'static Schema = &Schema::simple(ShapeKind::String, "Arn");
///
///     fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
///         ser.write_string(member, &self.0)
///     }
///
///     fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
///         de.read_string(member).map(Arn)
///     }
///
///     fn zero() -> Self {
///         Arn(String::new())
///     }
/// }
///
/// let arn = Arn("arn:aws:connect:us-east-1:1:instance/x".into());
/// let json = awso_core::json::to_string(&arn)?;
/// assert_eq!(json, r#""arn:aws:connect:us-east-1:1:instance/x""#);
/// assert_eq!(awso_core::json::from_str::<Arn>(&json)?, arn);
/// # Ok::<(), awso_core::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an AWS shape",
    label = "not an AWS shape: see the notes for the type to use",
    note = "a list is `Vec<T>` (not `HashSet`, `BTreeSet` or `VecDeque`: lists keep order and duplicates); a map is `BTreeMap<String, T>`, `HashMap` or `IndexMap`",
    note = "a timestamp is `awso_core::Timestamp` (not `SystemTime`, `time` or `chrono` types: `Timestamp::from` converts them); bytes are `awso_core::Blob`",
    note = "a recursive member is `Option<Box<T>>` (not `Rc` or `Arc`); an optional member is `Option<T>`",
    note = "your own type: derive it with #[derive(AwsShape)], or implement AwsShape by hand; the table of types is in `awso_core::attributes`"
)]
pub trait AwsShape: Sized {
    /// The shape's schema.
    ///
    /// ```
    /// use awso_core::AwsShape;
    /// use awso_core::schema::ShapeKind;
    ///
    /// #[derive(AwsShape)]
    /// #[awso(rename_all = "PascalCase")]
    /// struct Participant { display_name: Option<String> }
    ///
    /// assert_eq!(Participant::SCHEMA.kind(), ShapeKind::Structure);
    /// assert_eq!(Participant::SCHEMA.members()[0].name(), "DisplayName");
    /// assert_eq!(<Option<Participant>>::SCHEMA.name(), "Participant");
    /// ```
    const SCHEMA: &'static Schema;

    /// `true` only for `Option<T>`: the items of a sparse list and the values of a sparse map.
    ///
    /// ```
    /// use awso_core::AwsShape;
    ///
    /// assert!(<Option<String>>::NULLABLE);
    /// assert!(!String::NULLABLE);
    /// ```
    const NULLABLE: bool = false;

    /// `true` when a value can leave out a required member of a structure nested in it: a
    /// run-time [`Value`](crate::Value), and collections of such values. Request building
    /// walks those inputs to refuse what the service would. A derived structure holds its
    /// required members as plain fields and keeps the default, `false`.
    ///
    /// ```
    /// use awso_core::{AwsShape, Value};
    ///
    /// assert!(Value::MAY_OMIT_REQUIRED);
    /// assert!(<Vec<Value>>::MAY_OMIT_REQUIRED);
    /// assert!(!String::MAY_OMIT_REQUIRED);
    /// ```
    const MAY_OMIT_REQUIRED: bool = false;

    /// Hands the value to `ser`. `member` is the place the value is written at (a structure
    /// member, a list's item member, or [`Member::root`] for a whole document); its target
    /// is `Self::SCHEMA` or an override of it.
    ///
    /// ```
    /// use awso_core::json::JsonSerializer;
    /// use awso_core::{AwsShape, schema::Member};
    ///
    /// let mut ser = JsonSerializer::new();
    /// vec!["a".to_string(), "b".to_string()].serialize(&Member::root(<Vec<String>>::SCHEMA), &mut ser)?;
    /// assert_eq!(ser.finish(), r#"["a","b"]"#);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()>;

    /// Reads a value from `de`, which stands at the value of `member`.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, schema::Member};
    ///
    /// let mut de = JsonDeserializer::new("[true, false]");
    /// let flags = <Vec<bool>>::deserialize(&Member::root(<Vec<bool>>::SCHEMA), &mut de)?;
    /// assert_eq!(flags, [true, false]);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self>;

    /// Reads a value into a member slot. Collections extend what the slot already holds: that
    /// is how XML's flattened lists and maps arrive, one element at a time, possibly
    /// interleaved with other members. Other shapes replace the slot.
    ///
    /// ```
    /// use awso_core::json::JsonDeserializer;
    /// use awso_core::{AwsShape, schema::Member};
    ///
    /// // A list extends the slot (XML's flattened lists arrive one item at a time)...
    /// let list = Member::root(<Vec<i32>>::SCHEMA);
    /// let mut slot = Some(vec![1]);
    /// <Vec<i32>>::deserialize_into(&mut slot, &list, &mut JsonDeserializer::new("[2, 3]"))?;
    /// assert_eq!(slot, Some(vec![1, 2, 3]));
    /// // ...other shapes replace it.
    /// let mut count = Some(1);
    /// i32::deserialize_into(&mut count, &Member::root(i32::SCHEMA), &mut JsonDeserializer::new("5"))?;
    /// assert_eq!(count, Some(5));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn deserialize_into<D: ShapeDeserializer>(
        slot: &mut Option<Self>,
        member: &Member,
        de: &mut D,
    ) -> Result<()> {
        *slot = Some(Self::deserialize(member, de)?);
        Ok(())
    }

    /// The value a required member takes when a response omits it (Smithy's client error
    /// correction): zero, false, empty, the epoch, or a structure of such values.
    ///
    /// ```
    /// use awso_core::{AwsShape, Timestamp};
    ///
    /// #[derive(AwsShape, Debug, PartialEq)]
    /// struct Usage { count: i64, unit: String, since: Timestamp }
    ///
    /// assert_eq!(Usage::zero(), Usage { count: 0, unit: String::new(), since: Timestamp::from_secs(0) });
    /// // A response that leaves a required member out gets its zero value.
    /// assert_eq!(awso_core::json::from_str::<Usage>(r#"{"count": 3}"#)?.count, 3);
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn zero() -> Self;
}

/// A structure or union: a shape with named members that codecs visit one at a time.
///
/// ```
/// use awso_core::{AwsShape, AwsStruct, StructBuilder, Value};
///
/// #[derive(AwsShape, Debug, PartialEq)]
/// struct Point { x: i32, y: i32 }
///
/// // Fill a builder from two sources, then finish it.
/// let mut builder = Point::builder(Point::SCHEMA);
/// let x = &Point::SCHEMA.members()[0];
/// let y = &Point::SCHEMA.members()[1];
/// builder.read_member(x, &mut awso_core::json::JsonDeserializer::new("1"))?;
/// builder.read_member(y, &mut awso_core::value::ValueDeserializer::new(&Value::Integer(2)))?;
/// assert_eq!(builder.build()?, Point { x: 1, y: 2 });
/// # Ok::<(), awso_core::Error>(())
/// ```
pub trait AwsStruct: AwsShape {
    /// Collects members while a structure is being read.
    ///
    /// ```
    /// use awso_core::{AwsShape, AwsStruct, StructBuilder};
    ///
    /// #[derive(AwsShape, Debug, PartialEq)]
    /// struct Flag { on: Option<bool> }
    ///
    /// let builder: <Flag as AwsStruct>::Builder = Flag::builder(Flag::SCHEMA);
    /// assert_eq!(builder.build()?, Flag { on: None });
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    type Builder: StructBuilder<Output = Self>;

    /// A builder for a value of `schema` (derived types ignore it: their schema is fixed;
    /// run-time values such as [`Value`](crate::Value) need it).
    ///
    /// ```
    /// use awso_core::schema::{Member, Schema, SchemaRef};
    /// use awso_core::{AwsStruct, StructBuilder, Value};
    ///
    /// // A run-time value needs the schema it is built for.
    /// static TAG: Schema = Schema::structure("Tag", &[Member::new("Key", 0, SchemaRef::of::<String>())]);
    /// let mut builder = Value::builder(&TAG);
    /// builder.read_member(&TAG.members()[0], &mut awso_core::json::JsonDeserializer::new(r#""env""#))?;
    /// assert_eq!(builder.build()?.get("Key").and_then(Value::as_str), Some("env"));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn builder(schema: &'static Schema) -> Self::Builder;

    /// Hands each present member to `ser`, in schema order.
    ///
    /// ```
    /// use awso_core::{AwsShape, AwsStruct, MemberSerializer, Result, schema::Member};
    ///
    /// struct Count(usize);
    /// impl MemberSerializer for Count {
    ///     fn member<T: AwsShape>(&mut self, _: &'static Member, _: &T) -> Result<()> {
    ///         self.0 += 1;
    ///         Ok(())
    ///     }
    /// }
    ///
    /// #[derive(AwsShape)]
    /// struct Filter { name: Option<String>, values: Option<Vec<String>> }
    ///
    /// let mut count = Count(0);
    /// Filter { name: Some("tag".into()), values: None }.serialize_members(Filter::SCHEMA, &mut count)?;
    /// assert_eq!(count.0, 1); // absent members are not handed over
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn serialize_members<S: MemberSerializer>(
        &self,
        schema: &'static Schema,
        ser: &mut S,
    ) -> Result<()>;
}

/// Collects the members of a structure or union as a codec finds them.
///
/// ```
/// use awso_core::{AwsShape, AwsStruct, StructBuilder};
/// use awso_core::json::JsonDeserializer;
///
/// #[derive(AwsShape, Debug, PartialEq)]
/// #[awso(rename_all = "PascalCase")]
/// struct Range { start: i64, end: Option<i64> }
///
/// let mut builder = Range::builder(Range::SCHEMA);
/// let start = Range::SCHEMA.member_named("Start").unwrap();
/// builder.read_member(start, &mut JsonDeserializer::new("10"))?;
/// assert_eq!(builder.build()?, Range { start: 10, end: None });
/// # Ok::<(), awso_core::Error>(())
/// ```
pub trait StructBuilder {
    /// The finished value.
    ///
    /// ```
    /// use awso_core::{AwsShape, AwsStruct, StructBuilder};
    ///
    /// #[derive(AwsShape, Debug, PartialEq)]
    /// struct Empty {}
    ///
    /// let built: <<Empty as AwsStruct>::Builder as StructBuilder>::Output = Empty::builder(Empty::SCHEMA).build()?;
    /// assert_eq!(built, Empty {});
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    type Output;

    /// Reads the value of `member` from `de`, which stands at it.
    ///
    /// ```
    /// use awso_core::{AwsShape, AwsStruct, StructBuilder};
    /// use awso_core::json::JsonDeserializer;
    ///
    /// #[derive(AwsShape, Debug, PartialEq)]
    /// struct Limits { max: Option<i32> }
    ///
    /// let mut builder = Limits::builder(Limits::SCHEMA);
    /// let max = &Limits::SCHEMA.members()[0];
    /// let err = builder.read_member(max, &mut JsonDeserializer::new("\"ten\"")).unwrap_err();
    /// assert_eq!(err.category(), awso_core::error::Category::Data);
    /// builder.read_member(max, &mut JsonDeserializer::new("10"))?;
    /// assert_eq!(builder.build()?, Limits { max: Some(10) });
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn read_member<D: ShapeDeserializer>(
        &mut self,
        member: &'static Member,
        de: &mut D,
    ) -> Result<()>;

    /// Whether the codec hands `member` to this builder. A declined member is read as an
    /// unknown one: its value is skipped. Builders accept every member; the protocol layer
    /// wraps one to keep members bound to the HTTP head out of a body.
    ///
    /// ```
    /// use awso_core::{AwsShape, AwsStruct, StructBuilder};
    ///
    /// #[derive(AwsShape)]
    /// struct Page { token: Option<String> }
    ///
    /// let builder = Page::builder(Page::SCHEMA);
    /// assert!(builder.accepts(&Page::SCHEMA.members()[0]));
    /// ```
    #[inline]
    fn accepts(&self, member: &Member) -> bool {
        let _ = member;
        true
    }

    /// Told about a member the schema does not know; the codec skips its value. Structures
    /// ignore it (forward compatibility); unions keep the name as their unknown variant.
    ///
    /// ```
    /// use awso_core::{AwsShape, AwsStruct, StructBuilder};
    ///
    /// #[derive(AwsShape, Debug, PartialEq)]
    /// enum Shape { Circle(f64), Unknown(String) }
    ///
    /// // A union keeps the name of a member it does not know.
    /// let mut builder = Shape::builder(Shape::SCHEMA);
    /// builder.unknown_member("Hexagon")?;
    /// assert_eq!(builder.build()?, Shape::Unknown("Hexagon".into()));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn unknown_member(&mut self, name: &str) -> Result<()> {
        let _ = name;
        Ok(())
    }

    /// Finishes the value. Required members that never arrived take their default or zero
    /// value; a union fails unless exactly one member arrived.
    ///
    /// ```
    /// use awso_core::{AwsShape, AwsStruct, StructBuilder};
    ///
    /// #[derive(AwsShape, Debug)]
    /// enum Shape { Circle(f64), Square(f64), Unknown(String) }
    ///
    /// // A union with no member set does not build.
    /// assert!(Shape::builder(Shape::SCHEMA).build().is_err());
    /// ```
    fn build(self) -> Result<Self::Output>;
}

/// The error of a builder handed a member that is not in the schema it was made for.
pub(crate) fn member_not_in_schema(member: &Member) -> crate::Error {
    crate::Error::custom(format!("member `{}` is not in this schema", member.name()))
}

/// A shape that can key a map: strings and string enums.
///
/// ```
/// use std::collections::BTreeMap;
/// use awso_core::AwsShape;
///
/// #[derive(AwsShape, Debug, PartialEq, Eq, PartialOrd, Ord)]
/// #[awso(rename_all = "SCREAMING_SNAKE_CASE")]
/// enum Attribute { VisibilityTimeout, DelaySeconds, Unknown(String) }
///
/// let attributes: BTreeMap<Attribute, String> =
///     awso_core::json::from_str(r#"{"DELAY_SECONDS": "5", "POLICY": "{}"}"#)?;
/// assert_eq!(attributes[&Attribute::DelaySeconds], "5");
/// assert!(attributes.contains_key(&Attribute::Unknown("POLICY".into())));
/// # Ok::<(), awso_core::Error>(())
/// ```
pub trait MapKey: AwsShape {
    /// The key's text.
    ///
    /// ```
    /// use awso_core::MapKey;
    ///
    /// #[derive(awso_core::AwsShape, Debug, PartialEq)]
    /// enum Color { Red, Unknown(String) }
    ///
    /// assert_eq!(Color::Red.as_key(), "Red");
    /// assert_eq!("plain".to_string().as_key(), "plain");
    /// ```
    fn as_key(&self) -> &str;

    /// Builds a key from its text.
    ///
    /// ```
    /// use awso_core::MapKey;
    ///
    /// #[derive(awso_core::AwsShape, Debug, PartialEq)]
    /// enum Color { Red, Unknown(String) }
    ///
    /// assert_eq!(Color::from_key("Red")?, Color::Red);
    /// assert_eq!(Color::from_key("Teal")?, Color::Unknown("Teal".into()));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    fn from_key(key: &str) -> Result<Self>;
}

/// A string enum: named values plus an unknown variant that keeps anything else.
/// `#[derive(AwsShape)]` implements it for enums of unit variants.
///
/// ```
/// use awso_core::AwsEnum;
///
/// #[derive(awso_core::AwsShape, Debug, PartialEq)]
/// #[awso(rename_all = "SCREAMING_SNAKE_CASE")]
/// enum ChatItemType { Message, ConnectionAck, Unknown(String) }
///
/// assert_eq!(ChatItemType::ConnectionAck.as_str(), "CONNECTION_ACK");
/// assert_eq!(ChatItemType::from_wire("TYPING"), ChatItemType::Unknown("TYPING".into()));
/// ```
pub trait AwsEnum: AwsShape {
    /// The named values, as written on the wire.
    ///
    /// ```
    /// use awso_core::AwsEnum;
    ///
    /// #[derive(awso_core::AwsShape)]
    /// #[awso(rename_all = "lowercase")]
    /// enum Tier { Free, Pro, Unknown(String) }
    ///
    /// assert_eq!(Tier::VALUES, ["free", "pro"]);
    /// ```
    const VALUES: &'static [&'static str];

    /// The wire value.
    ///
    /// ```
    /// use awso_core::AwsEnum;
    ///
    /// #[derive(awso_core::AwsShape)]
    /// enum Tier { Free, Unknown(String) }
    ///
    /// assert_eq!(Tier::Free.as_str(), "Free");
    /// assert_eq!(Tier::Unknown("Gold".into()).as_str(), "Gold");
    /// ```
    fn as_str(&self) -> &str;

    /// The variant for a wire value: a named one, or the unknown variant keeping `value`.
    ///
    /// ```
    /// use awso_core::AwsEnum;
    ///
    /// #[derive(awso_core::AwsShape, Debug, PartialEq)]
    /// enum Tier { Free, Unknown(String) }
    ///
    /// assert_eq!(Tier::from_wire("Free"), Tier::Free);
    /// assert_eq!(Tier::from_wire("free"), Tier::Unknown("free".into()));
    /// ```
    fn from_wire(value: &str) -> Self;
}

/// An intEnum: named values plus an unknown variant that keeps anything else.
///
/// ```
/// use awso_core::AwsIntEnum;
///
/// #[derive(awso_core::AwsShape, Debug, PartialEq)]
/// #[awso(int_enum)]
/// enum Priority { #[awso(value = 1)] Low, #[awso(value = 9)] High, Unknown(i32) }
///
/// assert_eq!(Priority::High.value(), 9);
/// assert_eq!(Priority::from_value(4), Priority::Unknown(4));
/// ```
pub trait AwsIntEnum: AwsShape {
    /// The named values.
    ///
    /// ```
    /// use awso_core::AwsIntEnum;
    ///
    /// #[derive(awso_core::AwsShape)]
    /// #[awso(int_enum)]
    /// enum Priority { #[awso(value = 1)] Low, #[awso(value = 9)] High, Unknown(i32) }
    ///
    /// assert_eq!(Priority::VALUES, [1, 9]);
    /// ```
    const VALUES: &'static [i32];

    /// The wire value.
    ///
    /// ```
    /// use awso_core::AwsIntEnum;
    ///
    /// #[derive(awso_core::AwsShape)]
    /// #[awso(int_enum)]
    /// enum Priority { #[awso(value = 1)] Low, Unknown(i32) }
    ///
    /// assert_eq!(Priority::Low.value(), 1);
    /// assert_eq!(Priority::Unknown(7).value(), 7);
    /// ```
    fn value(&self) -> i32;

    /// The variant for a wire value: a named one, or the unknown variant keeping `value`.
    ///
    /// ```
    /// use awso_core::AwsIntEnum;
    ///
    /// #[derive(awso_core::AwsShape, Debug, PartialEq)]
    /// #[awso(int_enum)]
    /// enum Priority { #[awso(value = 1)] Low, Unknown(i32) }
    ///
    /// assert_eq!(Priority::from_value(1), Priority::Low);
    /// assert_eq!(Priority::from_value(2), Priority::Unknown(2));
    /// ```
    fn from_value(value: i32) -> Self;
}

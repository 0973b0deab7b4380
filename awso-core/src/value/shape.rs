//! `Value` as a shape of any schema: the dynamic mode.

use super::{Name, Value};
use crate::de::ShapeDeserializer;
use crate::error::{Error, Result};
use crate::schema::{DefaultValue, Member, Schema, ShapeKind};
use crate::ser::{MemberSerializer, ShapeSerializer};
use crate::shape::{AwsShape, AwsStruct, StructBuilder};
use crate::types::{BigDecimal, BigInteger, Blob, Document, Timestamp};

/// Deeper than this, the zero value of a (necessarily malformed) required-recursive schema
/// stops recursing.
const ZERO_DEPTH: usize = 32;

impl AwsShape for Value {
    /// A placeholder: a `Value` takes its schema from the member it is read or written at.
    const SCHEMA: &'static Schema = &Schema::simple(ShapeKind::Document, "Value");
    const MAY_OMIT_REQUIRED: bool = true;

    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        use ShapeKind as K;
        let narrow = |n: i32, what| Error::out_of_range(what, n.to_string());
        match (member.target().kind(), self) {
            (_, Value::Null) => ser.write_null(member),
            (K::Structure | K::Union, Value::Structure(_)) => ser.write_struct(member, self),
            (K::List, Value::List(items)) => ser.write_list(member, items),
            (K::Map, Value::Map(entries)) => {
                // A typed map cannot hold a key twice; a `Value` can, and no reader would
                // accept what it wrote, so refuse before anything reaches the wire.
                check_unique_keys(entries)?;
                ser.write_map(member, entries.iter().map(|(k, v)| (k.as_str(), v)))
            }
            (K::String | K::Enum, Value::String(s) | Value::Enum(s)) => ser.write_string(member, s),
            (K::Boolean, Value::Boolean(b)) => ser.write_boolean(member, *b),
            (K::Byte, Value::Integer(n)) => {
                ser.write_byte(member, i8::try_from(*n).map_err(|_| narrow(*n, "a byte"))?)
            }
            (K::Short, Value::Integer(n)) => ser.write_short(
                member,
                i16::try_from(*n).map_err(|_| narrow(*n, "a short"))?,
            ),
            (K::Integer | K::IntEnum, Value::Integer(n)) => ser.write_integer(member, *n),
            (K::Long, Value::Integer(n)) => ser.write_long(member, i64::from(*n)),
            (K::Long, Value::Long(n)) => ser.write_long(member, *n),
            (K::Float, Value::Float(x)) => ser.write_float(member, *x),
            (K::Double, Value::Double(x)) => ser.write_double(member, *x),
            (K::Double, Value::Float(x)) => ser.write_double(member, f64::from(*x)),
            (K::BigInteger, Value::BigInteger(n)) => ser.write_big_integer(member, n.as_str()),
            (K::BigDecimal, Value::BigDecimal(n)) => ser.write_big_decimal(member, n.as_str()),
            (K::Blob, Value::Blob(b)) => ser.write_blob(member, b.as_bytes()),
            (K::Timestamp, Value::Timestamp(t)) => ser.write_timestamp(member, t),
            (K::Document, Value::Document(d)) => ser.write_document(member, d),
            (_, value) => Err(member.mismatch(value.describe())),
        }
    }

    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
        let mut slot = None;
        Self::deserialize_into(&mut slot, member, de)?;
        Ok(slot.unwrap_or(Value::Null))
    }

    fn deserialize_into<D: ShapeDeserializer>(
        slot: &mut Option<Self>,
        member: &Member,
        de: &mut D,
    ) -> Result<()> {
        use ShapeKind as K;
        let schema = member.target();
        let value = match schema.kind() {
            K::Structure | K::Union => {
                let mut builder = Value::builder(schema);
                de.read_struct(member, &mut builder)?;
                builder.build()?
            }
            // Lists and maps extend what the slot holds: XML's flattened collections arrive
            // one element at a time.
            K::List => {
                let mut items = match slot.take() {
                    Some(Value::List(items)) => items,
                    _ => Vec::new(),
                };
                read_items(member, de, &mut items)?;
                Value::List(items)
            }
            K::Map => {
                let mut entries = match slot.take() {
                    Some(Value::Map(entries)) => entries,
                    _ => Vec::new(),
                };
                read_entries(member, de, &mut entries)?;
                Value::Map(entries)
            }
            K::String => Value::String(de.read_string(member)?),
            K::Enum => Value::Enum(de.read_string(member)?),
            K::Boolean => Value::Boolean(de.read_boolean(member)?),
            K::Byte => Value::Integer(i32::from(de.read_byte(member)?)),
            K::Short => Value::Integer(i32::from(de.read_short(member)?)),
            K::Integer | K::IntEnum => Value::Integer(de.read_integer(member)?),
            K::Long => Value::Long(de.read_long(member)?),
            K::Float => Value::Float(de.read_float(member)?),
            K::Double => Value::Double(de.read_double(member)?),
            K::BigInteger => Value::BigInteger(de.read_big_integer(member)?.parse()?),
            K::BigDecimal => Value::BigDecimal(de.read_big_decimal(member)?.parse()?),
            K::Blob => Value::Blob(Blob::from(de.read_blob(member)?)),
            K::Timestamp => Value::Timestamp(de.read_timestamp(member)?),
            K::Document => Value::Document(de.read_document(member)?),
        };
        *slot = Some(value);
        Ok(())
    }

    fn zero() -> Self {
        Value::Null
    }
}

fn read_items<D: ShapeDeserializer>(
    member: &Member,
    de: &mut D,
    items: &mut Vec<Value>,
) -> Result<()> {
    let item = member.list_item()?;
    let sparse = member.target().is_sparse();
    de.read_list(member, |de| {
        if de.read_null()? {
            if sparse {
                items.push(Value::Null);
            }
            return Ok(());
        }
        items.push(Value::deserialize(item, de)?);
        Ok(())
    })
}

fn read_entries<D: ShapeDeserializer>(
    member: &Member,
    de: &mut D,
    entries: &mut Vec<(String, Value)>,
) -> Result<()> {
    let (_, value_member) = member.map_entry()?;
    let sparse = member.target().is_sparse();
    // Every key read, kept or (a null in a dense map) dropped: a repeated key is an error
    // whatever its value, found in constant time per key.
    let mut seen: std::collections::HashSet<String> =
        entries.iter().map(|(k, _)| k.clone()).collect();
    de.read_map(member, |de, key| {
        if !seen.insert(key.to_owned()) {
            return Err(Error::invalid("map", "the key appears twice"));
        }
        let value = if de.read_null()? {
            if !sparse {
                return Ok(());
            }
            Value::Null
        } else {
            Value::deserialize(value_member, de)?
        };
        entries.push((key.to_owned(), value));
        Ok(())
    })
}

impl AwsStruct for Value {
    type Builder = StructValueBuilder;

    fn builder(schema: &'static Schema) -> StructValueBuilder {
        StructValueBuilder {
            schema,
            slots: vec![None; schema.members().len()],
            unknown: None,
        }
    }

    fn serialize_members<S: MemberSerializer>(
        &self,
        schema: &'static Schema,
        ser: &mut S,
    ) -> Result<()> {
        let Value::Structure(fields) = self else {
            return Err(Error::expected("a structure", self.describe()));
        };
        // What is written must read back: no member twice, and a union with exactly one.
        let mut written = vec![false; schema.members().len()];
        let mut set = 0;
        for (name, value) in fields {
            match schema.members().iter().position(|m| m.name() == name) {
                Some(_) if *value == Value::Null => {}
                Some(i) => {
                    let member = &schema.members()[i];
                    if std::mem::replace(&mut written[i], true) {
                        return Err(Error::duplicate_member(member.name()));
                    }
                    set += 1;
                    ser.member(member, value)?;
                }
                None if schema.kind() == ShapeKind::Union && *value == Value::Null => {
                    set += 1;
                    ser.unknown_member(name)?;
                }
                None => {
                    return Err(Error::unsupported(format!(
                        "`{}` has no member `{name}`",
                        schema.name()
                    )));
                }
            }
        }
        if schema.kind() == ShapeKind::Union && set != 1 {
            return Err(union_count_error(set));
        }
        Ok(())
    }
}

/// Fails on the first key of `entries` seen before.
fn check_unique_keys(entries: &[(String, Value)]) -> Result<()> {
    let twice = || Err(Error::invalid("map", "the key appears twice"));
    // Pairwise comparison beats hashing for the handful of keys most maps hold.
    if entries.len() <= 16 {
        for (i, (key, _)) in entries.iter().enumerate() {
            if entries[..i].iter().any(|(seen, _)| seen == key) {
                return twice();
            }
        }
    } else {
        let mut seen = std::collections::HashSet::with_capacity(entries.len());
        if !entries.iter().all(|(key, _)| seen.insert(key.as_str())) {
            return twice();
        }
    }
    Ok(())
}

/// Collects the members of a [`Value::Structure`] for a run-time schema.
///
/// ```
/// use awso_core::schema::{Member, Schema, SchemaRef};
/// use awso_core::value::{StructValueBuilder, ValueDeserializer};
/// use awso_core::{AwsStruct, StructBuilder, Value};
///
/// static QUEUE: Schema = Schema::structure("Queue", &[Member::new("Url", 0, SchemaRef::of::<String>())]);
/// let mut builder: StructValueBuilder = Value::builder(&QUEUE);
/// let url = Value::String("https://sqs/1/q".into());
/// builder.read_member(&QUEUE.members()[0], &mut ValueDeserializer::new(&url))?;
/// assert_eq!(builder.build()?, Value::Structure(vec![("Url".into(), url)]));
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug)]
pub struct StructValueBuilder {
    schema: &'static Schema,
    slots: Vec<Option<Value>>,
    unknown: Option<String>,
}

impl StructBuilder for StructValueBuilder {
    type Output = Value;

    fn read_member<D: ShapeDeserializer>(
        &mut self,
        member: &'static Member,
        de: &mut D,
    ) -> Result<()> {
        let slot = self.slots.get_mut(member.index()).ok_or_else(|| {
            Error::custom(format!("member `{}` is not in this schema", member.name()))
        })?;
        Value::deserialize_into(slot, member, de)
    }

    fn unknown_member(&mut self, name: &str) -> Result<()> {
        if self.schema.kind() == ShapeKind::Union && self.unknown.is_none() {
            self.unknown = Some(name.to_owned());
        }
        Ok(())
    }

    fn build(self) -> Result<Value> {
        let members = self.schema.members();
        let mut fields: Vec<(Name, Value)> = Vec::with_capacity(members.len());
        for (member, slot) in members.iter().zip(self.slots) {
            match slot {
                Some(value) => fields.push((Name::Borrowed(member.name()), value)),
                None if member.traits().required && self.schema.kind() == ShapeKind::Structure => {
                    fields.push((Name::Borrowed(member.name()), Value::zero_for(member)));
                }
                None => {}
            }
        }
        if self.schema.kind() == ShapeKind::Union {
            match (fields.len(), self.unknown) {
                (1, _) => {}
                (0, Some(name)) => fields.push((Name::Owned(name), Value::Null)),
                (n, _) => return Err(union_count_error(n)),
            }
        }
        Ok(Value::Structure(fields))
    }
}

/// The error for a union that did not get exactly one member.
pub(crate) fn union_count_error(found: usize) -> Error {
    Error::invalid(
        "union",
        format!("exactly one member must be set, found {found}"),
    )
}

impl Value {
    /// The value a required `member` takes when a response omits it: its `@default`, else
    /// the zero of its kind (Smithy's client error correction).
    ///
    /// ```
    /// use awso_core::schema::{DefaultValue, Member, MemberTraits, SchemaRef};
    /// use awso_core::Value;
    ///
    /// let plain = Member::new("Count", 0, SchemaRef::of::<i32>());
    /// assert_eq!(Value::zero_for(&plain), Value::Integer(0));
    /// let defaulted = plain.with_traits(MemberTraits::NONE.default(DefaultValue::Integer(10)));
    /// assert_eq!(Value::zero_for(&defaulted), Value::Integer(10));
    /// ```
    pub fn zero_for(member: &Member) -> Value {
        zero(member, 0)
    }
}

fn zero(member: &Member, depth: usize) -> Value {
    use ShapeKind as K;
    let schema = member.target();
    if let Some(default) = member.traits().default {
        if let Some(value) = from_default(default, schema.kind()) {
            return value;
        }
    }
    match schema.kind() {
        K::Structure if depth < ZERO_DEPTH => Value::Structure(
            schema
                .members()
                .iter()
                .filter(|m| m.traits().required)
                .map(|m| (Name::Borrowed(m.name()), zero(m, depth + 1)))
                .collect(),
        ),
        K::Structure => Value::Structure(Vec::new()),
        K::Union => Value::Structure(vec![(Name::Borrowed(""), Value::Null)]),
        K::List => Value::List(Vec::new()),
        K::Map => Value::Map(Vec::new()),
        K::String => Value::String(String::new()),
        K::Enum => Value::Enum(String::new()),
        K::Boolean => Value::Boolean(false),
        K::Byte | K::Short | K::Integer | K::IntEnum => Value::Integer(0),
        K::Long => Value::Long(0),
        K::Float => Value::Float(0.0),
        K::Double => Value::Double(0.0),
        K::BigInteger => Value::BigInteger(BigInteger::default()),
        K::BigDecimal => Value::BigDecimal(BigDecimal::default()),
        K::Blob => Value::Blob(Blob::default()),
        K::Timestamp => Value::Timestamp(Timestamp::UNIX_EPOCH),
        K::Document => Value::Document(Document::Null),
    }
}

/// A `@default` as the `Value` of a shape of `kind`; `None` when they do not fit.
fn from_default(default: DefaultValue, kind: ShapeKind) -> Option<Value> {
    use ShapeKind as K;
    Some(match (kind, default) {
        (K::Boolean, DefaultValue::Boolean(b)) => Value::Boolean(b),
        (K::Byte | K::Short | K::Integer | K::IntEnum, DefaultValue::Integer(n)) => {
            Value::Integer(i32::try_from(n).ok()?)
        }
        (K::Long, DefaultValue::Integer(n)) => Value::Long(n),
        (K::Float, DefaultValue::Float(x)) => Value::Float(x as f32),
        (K::Float, DefaultValue::Integer(n)) => Value::Float(n as f32),
        (K::Double, DefaultValue::Float(x)) => Value::Double(x),
        (K::Double, DefaultValue::Integer(n)) => Value::Double(n as f64),
        (K::String, DefaultValue::String(s)) => Value::String(s.to_owned()),
        (K::Enum, DefaultValue::String(s)) => Value::Enum(s.to_owned()),
        (K::Blob, DefaultValue::String(s)) => {
            Value::Blob(Blob::from(crate::types::decode_base64(s).ok()?))
        }
        (K::Timestamp, DefaultValue::String(s)) => {
            Value::Timestamp(Timestamp::parse(s, crate::schema::TimestampFormat::DateTime).ok()?)
        }
        (K::Timestamp, DefaultValue::Integer(n)) => Value::Timestamp(Timestamp::from_secs(n)),
        (K::List, DefaultValue::EmptyList) => Value::List(Vec::new()),
        (K::Map, DefaultValue::EmptyMap) => Value::Map(Vec::new()),
        _ => return None,
    })
}

/// The zero value of a required member of a derived structure: the member's `@default` when
/// it has one that fits `T`, else `T::zero()`.
///
/// ```
/// use awso_core::schema::{DefaultValue, Member, MemberTraits, SchemaRef};
/// use awso_core::value::zero_or_default;
///
/// let limit = Member::new("Limit", 0, SchemaRef::of::<i32>())
///     .with_traits(MemberTraits::NONE.default(DefaultValue::Integer(100)));
/// assert_eq!(zero_or_default::<i32>(&limit), 100);
/// assert_eq!(zero_or_default::<String>(&Member::new("Name", 0, SchemaRef::of::<String>())), "");
/// ```
pub fn zero_or_default<T: AwsShape>(member: &Member) -> T {
    member
        .traits()
        .default
        .and_then(|d| from_default(d, member.target().kind()))
        .and_then(|v| super::from_value_at(&v, member).ok())
        .unwrap_or_else(T::zero)
}

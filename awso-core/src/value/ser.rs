//! Writing shapes into a `Value`.

use super::{Name, Value};
use crate::error::Result;
use crate::limits::{DEFAULT_MAX_DEPTH, Depth};
use crate::schema::{Member, ShapeKind};
use crate::ser::{MemberSerializer, ShapeSerializer};
use crate::shape::{AwsShape, AwsStruct};
use crate::types::{BigDecimal, BigInteger, Blob, Document, Timestamp};

/// A [`ShapeSerializer`] that builds a [`Value`]: what [`to_value`](super::to_value) uses.
///
/// ```
/// use awso_core::value::ValueSerializer;
/// use awso_core::{AwsShape, Value, schema::Member};
///
/// let mut ser = ValueSerializer::new();
/// Some(5_i64).serialize(&Member::root(i64::SCHEMA), &mut ser)?;
/// assert_eq!(ser.finish(), Value::Long(5));
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug)]
pub struct ValueSerializer {
    out: Value,
    depth: Depth,
}

impl Default for ValueSerializer {
    fn default() -> Self {
        Self::new()
    }
}

impl ValueSerializer {
    /// A serializer with the default nesting limit.
    ///
    /// ```
    /// use awso_core::value::ValueSerializer;
    /// use awso_core::{AwsShape, Value, schema::Member};
    ///
    /// let mut ser = ValueSerializer::new();
    /// "hi".to_string().serialize(&Member::root(String::SCHEMA), &mut ser)?;
    /// assert_eq!(ser.finish(), Value::String("hi".into()));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn new() -> Self {
        Self {
            out: Value::Null,
            depth: Depth::new(DEFAULT_MAX_DEPTH),
        }
    }

    /// Refuses values nested deeper than `max_depth` (default 128).
    ///
    /// ```
    /// use awso_core::value::ValueSerializer;
    /// use awso_core::{AwsShape, schema::Member};
    ///
    /// let nested = vec![vec![vec![1_i32]]];
    /// let mut ser = ValueSerializer::new().max_depth(2);
    /// let err = nested.serialize(&Member::root(<Vec<Vec<Vec<i32>>>>::SCHEMA), &mut ser).unwrap_err();
    /// assert_eq!(err.category(), awso_core::error::Category::Limit);
    /// ```
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.depth.set_max(max_depth);
        self
    }

    /// The value written.
    ///
    /// ```
    /// use awso_core::value::ValueSerializer;
    /// use awso_core::{AwsShape, Value, schema::Member};
    ///
    /// let mut ser = ValueSerializer::new();
    /// vec![1_i32, 2].serialize(&Member::root(<Vec<i32>>::SCHEMA), &mut ser)?;
    /// assert_eq!(ser.finish(), Value::List(vec![Value::Integer(1), Value::Integer(2)]));
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn finish(self) -> Value {
        self.out
    }

    /// A serializer for a child of a structure, list or map, at `depth` (one level below the
    /// container: containers count, as in every other codec).
    fn child(depth: Depth) -> Self {
        Self {
            out: Value::Null,
            depth,
        }
    }

    #[allow(clippy::unnecessary_wraps, reason = "every write method ends with it")]
    fn set(&mut self, value: Value) -> Result<()> {
        self.out = value;
        Ok(())
    }
}

struct Members {
    depth: Depth,
    fields: Vec<(Name, Value)>,
}

impl MemberSerializer for Members {
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()> {
        let mut child = ValueSerializer::child(self.depth);
        value
            .serialize(member, &mut child)
            .map_err(|e| e.in_member(member.name()))?;
        self.fields.push((Name::Borrowed(member.name()), child.out));
        Ok(())
    }

    fn unknown_member(&mut self, name: &str) -> Result<()> {
        self.fields
            .push((Name::Owned(name.to_owned()), Value::Null));
        Ok(())
    }
}

impl ShapeSerializer for ValueSerializer {
    fn write_struct<T: AwsStruct>(&mut self, member: &Member, value: &T) -> Result<()> {
        let mut members = Members {
            depth: self.depth.deeper()?,
            fields: Vec::with_capacity(member.target().members().len()),
        };
        value.serialize_members(member.target(), &mut members)?;
        let fields = members.fields;
        self.set(Value::Structure(fields))
    }

    fn write_list<'a, T, I>(&mut self, member: &Member, items: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>,
    {
        let item_member = member.list_item()?;
        let depth = self.depth.deeper()?;
        let items = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let mut child = Self::child(depth);
                item.serialize(item_member, &mut child)
                    .map_err(|e| e.in_item(i))?;
                Ok(child.out)
            })
            .collect::<Result<_>>()?;
        self.set(Value::List(items))
    }

    fn write_map<'a, V, I>(&mut self, member: &Member, entries: I) -> Result<()>
    where
        V: AwsShape + 'a,
        I: IntoIterator<Item = (&'a str, &'a V)>,
    {
        let (_, value_member) = member.map_entry()?;
        let depth = self.depth.deeper()?;
        let entries = entries
            .into_iter()
            .map(|(key, value)| {
                let mut child = Self::child(depth);
                value
                    .serialize(value_member, &mut child)
                    .map_err(|e| e.in_key(key))?;
                Ok((key.to_owned(), child.out))
            })
            .collect::<Result<_>>()?;
        self.set(Value::Map(entries))
    }

    fn write_boolean(&mut self, _: &Member, value: bool) -> Result<()> {
        self.set(Value::Boolean(value))
    }

    fn write_integer(&mut self, _: &Member, value: i32) -> Result<()> {
        self.set(Value::Integer(value))
    }

    fn write_long(&mut self, _: &Member, value: i64) -> Result<()> {
        self.set(Value::Long(value))
    }

    fn write_float(&mut self, _: &Member, value: f32) -> Result<()> {
        self.set(Value::Float(value))
    }

    fn write_double(&mut self, _: &Member, value: f64) -> Result<()> {
        self.set(Value::Double(value))
    }

    fn write_big_integer(&mut self, _: &Member, value: &str) -> Result<()> {
        self.set(Value::BigInteger(value.parse::<BigInteger>()?))
    }

    fn write_big_decimal(&mut self, _: &Member, value: &str) -> Result<()> {
        self.set(Value::BigDecimal(value.parse::<BigDecimal>()?))
    }

    fn write_string(&mut self, member: &Member, value: &str) -> Result<()> {
        let value = value.to_owned();
        self.set(if member.target().kind() == ShapeKind::Enum {
            Value::Enum(value)
        } else {
            Value::String(value)
        })
    }

    fn write_blob(&mut self, _: &Member, value: &[u8]) -> Result<()> {
        self.set(Value::Blob(Blob::from(value)))
    }

    fn write_timestamp(&mut self, _: &Member, value: &Timestamp) -> Result<()> {
        self.set(Value::Timestamp(*value))
    }

    fn write_document(&mut self, _: &Member, value: &Document) -> Result<()> {
        self.set(Value::Document(value.clone()))
    }

    fn write_null(&mut self, _: &Member) -> Result<()> {
        self.set(Value::Null)
    }
}

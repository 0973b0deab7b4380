//! Reading shapes out of a `Value`.

use super::Value;
use crate::de::ShapeDeserializer;
use crate::error::{Error, Result};
use crate::limits::{DEFAULT_MAX_DEPTH, Depth};
use crate::schema::Member;
use crate::shape::StructBuilder;
use crate::types::{Document, Timestamp};

/// A [`ShapeDeserializer`] over a [`Value`]: what [`from_value`](super::from_value) uses.
///
/// Numbers convert where no information is lost (an `Integer` reads as a long; a `Long` reads
/// as an integer when it fits); strings and enum values read as each other.
///
/// ```
/// use awso_core::value::ValueDeserializer;
/// use awso_core::{AwsShape, Value, schema::Member};
///
/// let tree = Value::List(vec![Value::String("a".into())]);
/// let items = <Vec<String>>::deserialize(&Member::root(<Vec<String>>::SCHEMA), &mut ValueDeserializer::new(&tree))?;
/// assert_eq!(items, ["a"]);
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug)]
pub struct ValueDeserializer<'v> {
    value: &'v Value,
    depth: Depth,
}

impl<'v> ValueDeserializer<'v> {
    /// A deserializer over `value` with the default nesting limit.
    ///
    /// ```
    /// use awso_core::value::ValueDeserializer;
    /// use awso_core::{AwsShape, Value, schema::Member};
    ///
    /// let tree = Value::Long(1 << 40);
    /// assert_eq!(i64::deserialize(&Member::root(i64::SCHEMA), &mut ValueDeserializer::new(&tree))?, 1 << 40);
    /// assert!(i32::deserialize(&Member::root(i32::SCHEMA), &mut ValueDeserializer::new(&tree)).is_err());
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn new(value: &'v Value) -> Self {
        Self {
            value,
            depth: Depth::new(DEFAULT_MAX_DEPTH),
        }
    }

    /// Refuses values nested deeper than `max_depth` (default 128).
    ///
    /// ```
    /// use awso_core::value::ValueDeserializer;
    /// use awso_core::{AwsShape, Value, schema::Member};
    ///
    /// let tree = Value::List(vec![Value::List(vec![Value::List(vec![])])]);
    /// let mut de = ValueDeserializer::new(&tree).max_depth(2);
    /// let err = <Vec<Vec<Vec<i32>>>>::deserialize(&Member::root(<Vec<Vec<Vec<i32>>>>::SCHEMA), &mut de).unwrap_err();
    /// assert_eq!(err.category(), awso_core::error::Category::Limit);
    /// ```
    #[must_use]
    pub fn max_depth(mut self, max_depth: usize) -> Self {
        self.depth.set_max(max_depth);
        self
    }

    /// A deserializer over a child of a structure, list or map, at `depth` (one level below
    /// the container: containers count, as in every other codec).
    fn child(value: &'v Value, depth: Depth) -> Self {
        Self { value, depth }
    }

    fn expected(&self, what: &'static str) -> Error {
        Error::expected(what, self.value.describe())
    }

    fn integer(&self, what: &'static str) -> Result<i64> {
        match *self.value {
            Value::Integer(n) => Ok(i64::from(n)),
            Value::Long(n) => Ok(n),
            _ => Err(self.expected(what)),
        }
    }

    fn narrow<T: TryFrom<i64>>(&self, what: &'static str) -> Result<T> {
        let n = self.integer(what)?;
        T::try_from(n).map_err(|_| Error::out_of_range(what, n.to_string()))
    }
}

impl ShapeDeserializer for ValueDeserializer<'_> {
    fn read_struct<B: StructBuilder>(&mut self, member: &Member, builder: &mut B) -> Result<()> {
        let Value::Structure(fields) = self.value else {
            return Err(self.expected("a structure"));
        };
        let depth = self.depth.deeper()?;
        let schema = member.target();
        for (name, value) in fields {
            match schema.member_named(name) {
                // A null member is an absent one, as in JSON.
                Some(_) if *value == Value::Null => {}
                Some(m) => {
                    let mut child = Self::child(value, depth);
                    builder
                        .read_member(m, &mut child)
                        .map_err(|e| e.in_member(m.name()))?;
                }
                None => builder.unknown_member(name)?,
            }
        }
        Ok(())
    }

    fn read_list<F>(&mut self, _: &Member, mut on_item: F) -> Result<()>
    where
        F: FnMut(&mut Self) -> Result<()>,
    {
        let Value::List(items) = self.value else {
            return Err(self.expected("a list"));
        };
        let depth = self.depth.deeper()?;
        for (i, item) in items.iter().enumerate() {
            let mut child = Self::child(item, depth);
            on_item(&mut child).map_err(|e| e.in_item(i))?;
        }
        Ok(())
    }

    fn read_map<F>(&mut self, _: &Member, mut on_entry: F) -> Result<()>
    where
        F: FnMut(&mut Self, &str) -> Result<()>,
    {
        let Value::Map(entries) = self.value else {
            return Err(self.expected("a map"));
        };
        let depth = self.depth.deeper()?;
        for (key, value) in entries {
            let mut child = Self::child(value, depth);
            on_entry(&mut child, key).map_err(|e| e.in_key(key))?;
        }
        Ok(())
    }

    fn read_null(&mut self) -> Result<bool> {
        Ok(*self.value == Value::Null)
    }

    fn read_boolean(&mut self, _: &Member) -> Result<bool> {
        match *self.value {
            Value::Boolean(b) => Ok(b),
            _ => Err(self.expected("a boolean")),
        }
    }

    fn read_byte(&mut self, _: &Member) -> Result<i8> {
        self.narrow("a byte")
    }

    fn read_short(&mut self, _: &Member) -> Result<i16> {
        self.narrow("a short")
    }

    fn read_integer(&mut self, _: &Member) -> Result<i32> {
        self.narrow("an integer")
    }

    fn read_long(&mut self, _: &Member) -> Result<i64> {
        self.integer("a long")
    }

    fn read_float(&mut self, _: &Member) -> Result<f32> {
        match *self.value {
            Value::Float(x) => Ok(x),
            _ => Err(self.expected("a float")),
        }
    }

    fn read_double(&mut self, _: &Member) -> Result<f64> {
        match *self.value {
            Value::Double(x) => Ok(x),
            Value::Float(x) => Ok(f64::from(x)),
            _ => Err(self.expected("a double")),
        }
    }

    fn read_big_integer(&mut self, _: &Member) -> Result<String> {
        match self.value {
            Value::BigInteger(n) => Ok(n.as_str().to_owned()),
            Value::Integer(_) | Value::Long(_) => Ok(self.integer("a big integer")?.to_string()),
            _ => Err(self.expected("a big integer")),
        }
    }

    fn read_big_decimal(&mut self, _: &Member) -> Result<String> {
        match self.value {
            Value::BigDecimal(n) => Ok(n.as_str().to_owned()),
            Value::BigInteger(n) => Ok(n.as_str().to_owned()),
            _ => Err(self.expected("a big decimal")),
        }
    }

    fn read_str<R, F>(&mut self, _: &Member, f: F) -> Result<R>
    where
        F: FnOnce(&str) -> Result<R>,
    {
        match self.value {
            Value::String(s) | Value::Enum(s) => f(s),
            _ => Err(self.expected("a string")),
        }
    }

    fn read_blob(&mut self, _: &Member) -> Result<Vec<u8>> {
        match self.value {
            Value::Blob(b) => Ok(b.as_bytes().to_vec()),
            _ => Err(self.expected("a blob")),
        }
    }

    fn read_timestamp(&mut self, _: &Member) -> Result<Timestamp> {
        match self.value {
            Value::Timestamp(t) => Ok(*t),
            _ => Err(self.expected("a timestamp")),
        }
    }

    fn read_document(&mut self, _: &Member) -> Result<Document> {
        match self.value {
            Value::Document(d) => Ok(d.clone()),
            _ => Err(self.expected("a document")),
        }
    }
}

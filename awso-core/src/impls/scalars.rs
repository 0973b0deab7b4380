use crate::de::ShapeDeserializer;
use crate::error::Result;
use crate::schema::{Member, Schema, ShapeKind};
use crate::ser::ShapeSerializer;
use crate::shape::{AwsShape, MapKey};
use crate::types::{BigDecimal, BigInteger, Blob, Document, Timestamp};

/// Implements `AwsShape` for a type that one serializer and one deserializer call handle.
macro_rules! simple_shape {
    ($ty:ty, $kind:ident, $name:literal, $write:ident, $read:ident, $zero:expr) => {
        impl AwsShape for $ty {
            const SCHEMA: &'static Schema = &Schema::simple(ShapeKind::$kind, $name);

            fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
                ser.$write(member, *self)
            }

            fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
                de.$read(member)
            }

            fn zero() -> Self {
                $zero
            }
        }
    };
}

simple_shape!(bool, Boolean, "Boolean", write_boolean, read_boolean, false);
simple_shape!(i8, Byte, "Byte", write_byte, read_byte, 0);
simple_shape!(i16, Short, "Short", write_short, read_short, 0);
simple_shape!(i32, Integer, "Integer", write_integer, read_integer, 0);
simple_shape!(i64, Long, "Long", write_long, read_long, 0);
simple_shape!(f32, Float, "Float", write_float, read_float, 0.0);
simple_shape!(f64, Double, "Double", write_double, read_double, 0.0);

impl AwsShape for String {
    const SCHEMA: &'static Schema = &Schema::simple(ShapeKind::String, "String");

    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        ser.write_string(member, self)
    }

    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
        de.read_string(member)
    }

    fn zero() -> Self {
        Self::new()
    }
}

impl MapKey for String {
    fn as_key(&self) -> &str {
        self
    }

    fn from_key(key: &str) -> Result<Self> {
        Ok(key.to_owned())
    }
}

impl AwsShape for Blob {
    const SCHEMA: &'static Schema = &Schema::simple(ShapeKind::Blob, "Blob");

    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        ser.write_blob(member, self.as_bytes())
    }

    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
        de.read_blob(member).map(Blob::from)
    }

    fn zero() -> Self {
        Self::default()
    }
}

impl AwsShape for Timestamp {
    const SCHEMA: &'static Schema = &Schema::simple(ShapeKind::Timestamp, "Timestamp");

    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        ser.write_timestamp(member, self)
    }

    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
        de.read_timestamp(member)
    }

    fn zero() -> Self {
        Self::UNIX_EPOCH
    }
}

impl AwsShape for Document {
    const SCHEMA: &'static Schema = &Schema::simple(ShapeKind::Document, "Document");

    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        ser.write_document(member, self)
    }

    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
        de.read_document(member)
    }

    fn zero() -> Self {
        Self::Null
    }
}

impl AwsShape for BigInteger {
    const SCHEMA: &'static Schema = &Schema::simple(ShapeKind::BigInteger, "BigInteger");

    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        ser.write_big_integer(member, self.as_str())
    }

    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
        de.read_big_integer(member)?.parse()
    }

    fn zero() -> Self {
        Self::default()
    }
}

impl AwsShape for BigDecimal {
    const SCHEMA: &'static Schema = &Schema::simple(ShapeKind::BigDecimal, "BigDecimal");

    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        ser.write_big_decimal(member, self.as_str())
    }

    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
        de.read_big_decimal(member)?.parse()
    }

    fn zero() -> Self {
        Self::default()
    }
}

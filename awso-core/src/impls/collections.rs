use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use indexmap::IndexMap;

use crate::de::ShapeDeserializer;
use crate::error::{Error, Result};
use crate::schema::{Member, Schema, SchemaRef, ShapeTraits};
use crate::ser::ShapeSerializer;
use crate::shape::{AwsShape, MapKey};

impl<T: AwsShape> AwsShape for Option<T> {
    const SCHEMA: &'static Schema = T::SCHEMA;
    const NULLABLE: bool = true;
    const MAY_OMIT_REQUIRED: bool = T::MAY_OMIT_REQUIRED;

    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        match self {
            Some(value) => value.serialize(member, ser),
            None => ser.write_null(member),
        }
    }

    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
        if de.read_null()? {
            Ok(None)
        } else {
            T::deserialize(member, de).map(Some)
        }
    }

    fn zero() -> Self {
        None
    }
}

impl<T: AwsShape> AwsShape for Box<T> {
    const SCHEMA: &'static Schema = T::SCHEMA;
    const NULLABLE: bool = T::NULLABLE;
    const MAY_OMIT_REQUIRED: bool = T::MAY_OMIT_REQUIRED;

    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        (**self).serialize(member, ser)
    }

    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
        T::deserialize(member, de).map(Box::new)
    }

    fn zero() -> Self {
        Box::new(T::zero())
    }
}

/// Shape traits of a collection whose items (or values) are `T`: sparse when `T` is nullable.
const fn collection_traits<T: AwsShape>() -> ShapeTraits {
    if T::NULLABLE {
        ShapeTraits::NONE.sparse()
    } else {
        ShapeTraits::NONE
    }
}

impl<T: AwsShape> AwsShape for Vec<T> {
    const SCHEMA: &'static Schema =
        &Schema::list("List", &Member::new("member", 0, SchemaRef::of::<T>()))
            .with_traits(collection_traits::<T>());
    const MAY_OMIT_REQUIRED: bool = T::MAY_OMIT_REQUIRED;

    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        ser.write_list(member, self)
    }

    fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
        let mut slot = None;
        Self::deserialize_into(&mut slot, member, de)?;
        Ok(slot.unwrap_or_default())
    }

    fn deserialize_into<D: ShapeDeserializer>(
        slot: &mut Option<Self>,
        member: &Member,
        de: &mut D,
    ) -> Result<()> {
        let item = member.list_item()?;
        let items = slot.get_or_insert_with(Vec::new);
        de.read_list(member, |de| {
            // Dense lists drop nulls, as Smithy clients do; sparse lists keep them as `None`.
            if !T::NULLABLE && de.read_null()? {
                return Ok(());
            }
            items.push(T::deserialize(item, de)?);
            Ok(())
        })
    }

    fn zero() -> Self {
        Vec::new()
    }
}

/// What a map type needs beyond `AwsShape`: insertion that tells a repeated key.
trait MapLike<K, V>: Default {
    fn contains(&self, key: &K) -> bool;
    /// Inserts the entry; `false` if `key` was there already (one lookup, not two: the
    /// hashing was a tenth of a DynamoDB item decode).
    fn insert_new(&mut self, key: K, value: V) -> bool;
}

fn read_map_into<M, K, V, D>(slot: &mut Option<M>, member: &Member, de: &mut D) -> Result<()>
where
    M: MapLike<K, V>,
    K: MapKey,
    V: AwsShape,
    D: ShapeDeserializer,
{
    let (_, value_member) = member.map_entry()?;
    let map = slot.get_or_insert_with(M::default);
    // Keys whose null value a dense map dropped: a repeated key is an error whatever its value.
    // Made on the first null only: most maps have none, and a set's hasher costs a
    // thread-local read to make.
    let mut dropped: Option<std::collections::HashSet<String>> = None;
    de.read_map(member, |de, key| {
        let twice = || Error::invalid("map", "the key appears twice");
        if dropped.as_ref().is_some_and(|set| set.contains(key)) {
            return Err(twice());
        }
        let text = key;
        let key = K::from_key(text)?;
        // A dense map drops null values, as Smithy clients do.
        if !V::NULLABLE && de.read_null()? {
            if map.contains(&key) {
                return Err(twice());
            }
            dropped.get_or_insert_default().insert(text.to_owned());
            return Ok(());
        }
        let value = V::deserialize(value_member, de)?;
        // The error ends the read, so the entry a repeated key replaced does not matter.
        if !map.insert_new(key, value) {
            return Err(twice());
        }
        Ok(())
    })
}

/// Implements `AwsShape` for a map type with `K: MapKey` keys.
macro_rules! map_shape {
    ($map:ident < K, V $(, $hasher:ident)? >, $($key_bound:path),+) => {
        impl<K, V $(, $hasher)?> MapLike<K, V> for $map<K, V $(, $hasher)?>
        where
            K: $($key_bound +)+,
            $($hasher: BuildHasher + Default,)?
        {
            fn contains(&self, key: &K) -> bool {
                self.contains_key(key)
            }

            fn insert_new(&mut self, key: K, value: V) -> bool {
                self.insert(key, value).is_none()
            }
        }

        impl<K, V $(, $hasher)?> AwsShape for $map<K, V $(, $hasher)?>
        where
            K: MapKey + $($key_bound +)+,
            V: AwsShape,
            $($hasher: BuildHasher + Default,)?
        {
            const SCHEMA: &'static Schema = &Schema::map(
                "Map",
                &[
                    Member::new("key", 0, SchemaRef::of::<K>()),
                    Member::new("value", 1, SchemaRef::of::<V>()),
                ],
            )
            .with_traits(collection_traits::<V>());
            const MAY_OMIT_REQUIRED: bool = V::MAY_OMIT_REQUIRED;

            fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
                ser.write_map(member, self.iter().map(|(k, v)| (k.as_key(), v)))
            }

            fn deserialize<D: ShapeDeserializer>(member: &Member, de: &mut D) -> Result<Self> {
                let mut slot = None;
                Self::deserialize_into(&mut slot, member, de)?;
                Ok(slot.unwrap_or_default())
            }

            fn deserialize_into<D: ShapeDeserializer>(
                slot: &mut Option<Self>,
                member: &Member,
                de: &mut D,
            ) -> Result<()> {
                read_map_into(slot, member, de)
            }

            fn zero() -> Self {
                Self::default()
            }
        }
    };
}

map_shape!(BTreeMap<K, V>, Ord);
map_shape!(HashMap<K, V, H>, Eq, Hash);
map_shape!(IndexMap<K, V, H>, Eq, Hash);

//! Which members a request input holds, with the required ones checked at every depth.
//!
//! A derived input cannot leave out a required member below the top level (those members
//! are plain fields), but a [`Value`](crate::Value) input can, and a service answers such a
//! request with a validation error that no longer says which member was missing. So the
//! members that may lack one ([`AwsShape::MAY_OMIT_REQUIRED`]) are walked before anything is
//! written: a nested structure without one of its required members is an error naming the
//! member and its path. Derived members are not walked. The top level is left to the
//! caller, which fills in idempotency tokens first.

use crate::de::Seen;
use crate::error::{Error, Result};
use crate::limits::DEFAULT_MAX_DEPTH;
use crate::schema::{Member, Schema, ShapeKind};
use crate::ser::{MemberSerializer, ShapeSerializer, write_each_item, write_each_value};
use crate::shape::{AwsShape, AwsStruct};
use crate::types::{Document, Timestamp};

/// The members of one structure that the input holds, by index; members' own values are
/// checked on the way.
pub(super) struct Presence {
    seen: Seen,
    depth: usize,
}

impl Presence {
    /// Walks the members of `value`, a structure of `schema`, at the top level.
    pub(super) fn of<T: AwsStruct>(value: &T, schema: &'static Schema) -> Result<Self> {
        Self::at_depth(value, schema, 0)
    }

    fn at_depth<T: AwsStruct>(value: &T, schema: &'static Schema, depth: usize) -> Result<Self> {
        let mut presence = Presence {
            seen: Seen::default(),
            depth,
        };
        value.serialize_members(schema, &mut presence)?;
        Ok(presence)
    }

    /// The members of the schema, each with whether the input holds it.
    pub(super) fn members(
        &self,
        schema: &'static Schema,
    ) -> impl Iterator<Item = (&'static Member, bool)> + '_ {
        schema
            .members()
            .iter()
            .map(|m| (m, self.seen.contains(m.index())))
    }
}

impl MemberSerializer for Presence {
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()> {
        self.seen.mark(member.index());
        if !T::MAY_OMIT_REQUIRED {
            // A derived value holds its nested required members: nothing to walk.
            return Ok(());
        }
        value
            .serialize(member, &mut Walk { depth: self.depth })
            .map_err(|e| e.in_member(member.name()))
    }

    fn unknown_member(&mut self, _: &str) -> Result<()> {
        Ok(())
    }
}

/// The error for a required `member` of `schema` that the input leaves out.
pub(super) fn missing(member: &Member, schema: &Schema) -> Error {
    Error::invalid(
        "request",
        format!(
            "the required member `{}` of `{}` is missing",
            member.name(),
            schema.name()
        ),
    )
}

/// Goes through a member's value looking for structures, checking each one's required
/// members; scalars need nothing.
struct Walk {
    depth: usize,
}

impl ShapeSerializer for Walk {
    fn write_struct<T: AwsStruct>(&mut self, member: &Member, value: &T) -> Result<()> {
        let depth = self.depth + 1;
        if depth > DEFAULT_MAX_DEPTH {
            return Err(Error::depth_limit(DEFAULT_MAX_DEPTH));
        }
        let schema = member.target();
        let presence = Presence::at_depth(value, schema, depth)?;
        if schema.kind() == ShapeKind::Structure {
            if let Some((absent, _)) = presence
                .members(schema)
                .find(|(m, seen)| !seen && m.traits().required)
            {
                return Err(missing(absent, schema));
            }
        }
        Ok(())
    }

    fn write_list<'a, T, I>(&mut self, member: &Member, items: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>,
    {
        write_each_item(self, member, items)
    }

    fn write_map<'a, V, I>(&mut self, member: &Member, entries: I) -> Result<()>
    where
        V: AwsShape + 'a,
        I: IntoIterator<Item = (&'a str, &'a V)>,
    {
        write_each_value(self, member, entries, |_, _| {})
    }

    fn write_boolean(&mut self, _: &Member, _: bool) -> Result<()> {
        Ok(())
    }

    fn write_integer(&mut self, _: &Member, _: i32) -> Result<()> {
        Ok(())
    }

    fn write_long(&mut self, _: &Member, _: i64) -> Result<()> {
        Ok(())
    }

    fn write_float(&mut self, _: &Member, _: f32) -> Result<()> {
        Ok(())
    }

    fn write_double(&mut self, _: &Member, _: f64) -> Result<()> {
        Ok(())
    }

    fn write_big_integer(&mut self, _: &Member, _: &str) -> Result<()> {
        Ok(())
    }

    fn write_big_decimal(&mut self, _: &Member, _: &str) -> Result<()> {
        Ok(())
    }

    fn write_string(&mut self, _: &Member, _: &str) -> Result<()> {
        Ok(())
    }

    fn write_blob(&mut self, _: &Member, _: &[u8]) -> Result<()> {
        Ok(())
    }

    fn write_timestamp(&mut self, _: &Member, _: &Timestamp) -> Result<()> {
        Ok(())
    }

    fn write_document(&mut self, _: &Member, _: &Document) -> Result<()> {
        Ok(())
    }

    fn write_null(&mut self, _: &Member) -> Result<()> {
        Ok(())
    }
}

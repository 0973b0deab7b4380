//! Write-only views of a structure: the same value with members left out or added, as one
//! place on the wire sees it (a request body without its HTTP-bound members, an error body
//! with its type tag). A view is only written, never read, and stays inside the crate so that
//! it never shows up among the shapes a compiler error suggests.

use crate::de::ShapeDeserializer;
use crate::error::{Error, Result};
use crate::schema::{Member, Schema};
use crate::ser::{MemberSerializer, ShapeSerializer};
use crate::shape::{AwsShape, AwsStruct, StructBuilder};

/// Decides which members of a structure a [`View`] hands on, and may add its own.
pub(crate) trait MemberView {
    /// Hands `value`'s members, as this view sees them, to `ser`.
    fn members<T: AwsStruct, S: MemberSerializer>(
        &self,
        value: &T,
        schema: &'static Schema,
        ser: &mut S,
    ) -> Result<()>;
}

/// The structure `value` written as `view` sees it.
#[derive(Debug)]
pub(crate) struct View<'a, T, V> {
    value: &'a T,
    view: V,
}

impl<'a, T: AwsStruct, V: MemberView> View<'a, T, V> {
    pub(crate) fn new(value: &'a T, view: V) -> Self {
        Self { value, view }
    }
}

impl<T: AwsStruct, V: MemberView> AwsShape for View<'_, T, V> {
    const SCHEMA: &'static Schema = T::SCHEMA;
    const MAY_OMIT_REQUIRED: bool = T::MAY_OMIT_REQUIRED;

    #[inline]
    fn serialize<S: ShapeSerializer>(&self, member: &Member, ser: &mut S) -> Result<()> {
        ser.write_struct(member, self)
    }

    fn deserialize<D: ShapeDeserializer>(_: &Member, _: &mut D) -> Result<Self> {
        Err(write_only())
    }

    fn zero() -> Self {
        unreachable!("a view is only written, never built from nothing")
    }
}

impl<T: AwsStruct, V: MemberView> AwsStruct for View<'_, T, V> {
    type Builder = NoBuilder<Self>;

    fn builder(_: &'static Schema) -> Self::Builder {
        NoBuilder(std::marker::PhantomData)
    }

    #[inline]
    fn serialize_members<S: MemberSerializer>(
        &self,
        schema: &'static Schema,
        ser: &mut S,
    ) -> Result<()> {
        self.view.members(self.value, schema, ser)
    }
}

fn write_only() -> Error {
    Error::unsupported("a request input or one of its views is only written, never read")
}

/// The builder of a shape that is only written (a request input and its views): it refuses
/// every member.
#[derive(Debug)]
pub(crate) struct NoBuilder<T>(pub(crate) std::marker::PhantomData<T>);

impl<T> StructBuilder for NoBuilder<T> {
    type Output = T;

    fn read_member<D: ShapeDeserializer>(&mut self, _: &'static Member, _: &mut D) -> Result<()> {
        Err(write_only())
    }

    fn build(self) -> Result<T> {
        Err(write_only())
    }
}

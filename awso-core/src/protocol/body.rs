//! Which members of a structure travel in an HTTP body.
//!
//! The REST protocols carry some members of an input or output outside the body document
//! (headers, URI labels, query parameters, the status code, the payload). The codecs know
//! nothing of that: this module decides, with an adaptor over the input when a body is
//! written ([`write_body_members`]) and a builder that declines bound members when one is
//! read ([`read_body_members`]). Only the top-level structure is filtered; nested
//! structures have no HTTP bindings.
//!
//! The adaptor and the builder stay inside the crate, so that they never show up among the
//! shapes a compiler error suggests.
//!
//! ```
//! use awso_core::{AwsShape, Member};
//! use awso_core::json::{JsonDeserializer, JsonSerializer};
//! use awso_core::protocol::{read_body_members, write_body_members};
//!
//! #[derive(AwsShape, Debug, PartialEq)]
//! #[awso(rename_all = "PascalCase")]
//! struct GetAttachmentRequest {
//!     attachment_id: String,
//!     #[awso(http_header = "X-Amz-Bearer")]
//!     connection_token: String,
//! }
//!
//! let input = GetAttachmentRequest { attachment_id: "a".into(), connection_token: "t".into() };
//! let root = Member::root(GetAttachmentRequest::SCHEMA);
//! let mut ser = JsonSerializer::new();
//! write_body_members(&mut ser, &input, &root)?;
//! assert_eq!(ser.finish(), r#"{"AttachmentId":"a"}"#);
//!
//! // A bound member found in a body is skipped like an unknown one.
//! let mut de = JsonDeserializer::new(r#"{"AttachmentId":"a","ConnectionToken":"x"}"#);
//! let read: GetAttachmentRequest = read_body_members(&mut de, &root)?;
//! assert_eq!(read.connection_token, "");
//! # Ok::<(), awso_core::Error>(())
//! ```

use crate::de::ShapeDeserializer;
use crate::error::Result;
use crate::schema::{Member, Schema};
use crate::ser::{MemberSerializer, ShapeSerializer};
use crate::shape::{AwsShape, AwsStruct, StructBuilder};
use crate::view::{MemberView, View};

/// A request input seen as its body document: the members a request carries outside the
/// body are left out.
pub(crate) fn body_members<T: AwsStruct>(input: &T) -> View<'_, T, SkipBound> {
    View::new(input, SkipBound)
}

/// The view of a request body: members bound to the HTTP head stay out.
#[derive(Debug)]
pub(crate) struct SkipBound;

impl MemberView for SkipBound {
    #[inline]
    fn members<T: AwsStruct, S: MemberSerializer>(
        &self,
        value: &T,
        schema: &'static Schema,
        ser: &mut S,
    ) -> Result<()> {
        value.serialize_members(schema, &mut BodyOnly(ser))
    }
}

/// Passes on the members a request carries in its body.
struct BodyOnly<'s, S>(&'s mut S);

impl<S: MemberSerializer> MemberSerializer for BodyOnly<'_, S> {
    #[inline]
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> Result<()> {
        if member.traits().bound_in_request() {
            return Ok(());
        }
        self.0.member(member, value)
    }

    fn unknown_member(&mut self, name: &str) -> Result<()> {
        self.0.unknown_member(name)
    }
}

/// Writes the structure `input` at `member` as a body document: without the members a
/// request carries outside its body
/// ([`MemberTraits::bound_in_request`](crate::schema::MemberTraits::bound_in_request)).
///
/// ```
/// use awso_core::{AwsShape, Member};
/// use awso_core::protocol::write_body_members;
/// use awso_core::xml::XmlSerializer;
///
/// #[derive(AwsShape)]
/// struct PutThing {
///     #[awso(http_label)]
///     id: String,
///     #[awso(http_query = "v")]
///     version: Option<i32>,
///     note: Option<String>,
/// }
///
/// let input = PutThing { id: "a".into(), version: Some(2), note: Some("hi".into()) };
/// let mut ser = XmlSerializer::new();
/// write_body_members(&mut ser, &input, &Member::root(PutThing::SCHEMA))?;
/// assert_eq!(ser.finish(), "<PutThing><note>hi</note></PutThing>");
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn write_body_members<T: AwsStruct, S: ShapeSerializer>(
    ser: &mut S,
    input: &T,
    member: &Member,
) -> Result<()> {
    body_members(input).serialize(member, ser)
}

/// Reads the structure at `member` from a body document, skipping (like unknown members)
/// the members a response carries outside its body
/// ([`MemberTraits::bound_in_response`](crate::schema::MemberTraits::bound_in_response)):
/// they come from the head, and a body that repeats them does not override it.
///
/// ```
/// use awso_core::{AwsShape, Member};
/// use awso_core::protocol::read_body_members;
/// use awso_core::xml::XmlDeserializer;
///
/// #[derive(AwsShape, Debug)]
/// struct GetThingOutput {
///     #[awso(http_header = "ETag")]
///     etag: Option<String>,
///     note: Option<String>,
/// }
///
/// let mut de = XmlDeserializer::new("<GetThingOutput><etag>x</etag><note>hi</note></GetThingOutput>")?;
/// let out: GetThingOutput = read_body_members(&mut de, &Member::root(GetThingOutput::SCHEMA))?;
/// assert_eq!((out.etag, out.note.as_deref()), (None, Some("hi")));
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn read_body_members<T: AwsStruct, D: ShapeDeserializer>(
    de: &mut D,
    member: &Member,
) -> Result<T> {
    let mut builder = T::builder(member.target());
    de.read_struct(member, &mut DeclineBound(&mut builder))?;
    builder.build()
}

/// Hands on the members a response carries in its body and declines the others.
pub(crate) struct DeclineBound<'b, B>(pub(crate) &'b mut B);

impl<B: StructBuilder> StructBuilder for DeclineBound<'_, B> {
    type Output = ();

    #[inline]
    fn accepts(&self, member: &Member) -> bool {
        !member.traits().bound_in_response() && self.0.accepts(member)
    }

    #[inline]
    fn read_member<D: ShapeDeserializer>(
        &mut self,
        member: &'static Member,
        de: &mut D,
    ) -> Result<()> {
        self.0.read_member(member, de)
    }

    fn unknown_member(&mut self, name: &str) -> Result<()> {
        self.0.unknown_member(name)
    }

    /// The wrapped builder is finished by its owner.
    fn build(self) -> Result<()> {
        Ok(())
    }
}

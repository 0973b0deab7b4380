//! Building structures with a builder: the check behind every derived `build()`.
//!
//! `#[derive(AwsShape)]` with `#[awso(builder)]` writes, for a structure `Foo`, a `FooBuilder`
//! with one setter per member and a `build()` that refuses to finish while a required member
//! is unset. Which members are required is read from the schema at run time
//! ([`check_required`]), so the code written per type is the setters and one call; the error,
//! [`MissingMembers`], names every unset required member at once, by its model name.
//!
//! ```
//! use awso_core::AwsShape;
//!
//! #[derive(AwsShape, Debug, PartialEq)]
//! #[awso(builder, rename_all = "PascalCase")]
//! struct PutObjectRequest {
//!     bucket: String,
//!     key: String,
//!     content_type: Option<String>,
//! }
//!
//! let request = PutObjectRequest::builder()
//!     .bucket("photos")
//!     .key("2024/cat.jpg")
//!     .content_type("image/jpeg")
//!     .build()?;
//! assert_eq!(request.content_type.as_deref(), Some("image/jpeg"));
//!
//! let err = PutObjectRequest::builder().content_type("image/jpeg").build().unwrap_err();
//! assert_eq!(err.members(), ["Bucket", "Key"]);
//! assert_eq!(
//!     err.to_string(),
//!     "cannot build `PutObjectRequest`: the required members `Bucket` and `Key` are not set"
//! );
//! # Ok::<(), awso_core::build::MissingMembers>(())
//! ```
//!
//! A structure without required members builds infallibly: its `build()` returns the value.
//!
//! ```
//! #[derive(awso_core::AwsShape, Debug, PartialEq)]
//! #[awso(builder)]
//! struct Filter {
//!     prefix: Option<String>,
//!     limit: Option<i32>,
//! }
//!
//! let filter: Filter = Filter::builder().prefix("logs/").build();
//! assert_eq!(filter.limit, None);
//! ```
//!
//! A required member with a model default (`#[awso(default = ...)]`) takes the default when
//! unset and is not reported; an idempotency token is filled in when the request is sent.

use std::fmt;

use crate::schema::{Member, Schema};

/// The required members a builder was finished without: every one, in schema order.
///
/// ```
/// use awso_core::build::MissingMembers;
/// use awso_core::{AwsShape, Error};
///
/// #[derive(AwsShape, Debug)]
/// #[awso(builder)]
/// struct Tag {
///     #[awso(rename = "Key")]
///     key: String,
///     #[awso(rename = "Value")]
///     value: String,
/// }
///
/// let err: MissingMembers = Tag::builder().value("blue").build().unwrap_err();
/// assert_eq!((err.shape(), err.members()), ("Tag", &["Key"][..]));
/// // It converts into the codec error, to be returned with `?` next to decoding.
/// let err = Error::from(err);
/// assert_eq!(err.category(), awso_core::error::Category::Data);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingMembers {
    shape: &'static str,
    members: Vec<&'static str>,
}

impl MissingMembers {
    /// The model name of the structure that could not be built.
    ///
    /// ```
    /// #[derive(awso_core::AwsShape, Debug)]
    /// #[awso(builder, name = "Tag")]
    /// struct ResourceTag {
    ///     key: String,
    /// }
    ///
    /// assert_eq!(ResourceTag::builder().build().unwrap_err().shape(), "Tag");
    /// ```
    pub fn shape(&self) -> &'static str {
        self.shape
    }

    /// The model names of the unset required members, in schema order.
    ///
    /// ```
    /// #[derive(awso_core::AwsShape, Debug)]
    /// #[awso(builder, rename_all = "PascalCase")]
    /// struct Range {
    ///     start: i64,
    ///     end: i64,
    /// }
    ///
    /// assert_eq!(Range::builder().build().unwrap_err().members(), ["Start", "End"]);
    /// assert!(Range::builder().start(0).end(9).build().is_ok());
    /// ```
    pub fn members(&self) -> &[&'static str] {
        &self.members
    }
}

impl fmt::Display for MissingMembers {
    /// `cannot build `Shape`: the required member(s) `A`, `B` and `C` are not set`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot build `{}`: the required ", self.shape)?;
        let Some((last, init)) = self.members.split_last() else {
            return f.write_str("members are not set");
        };
        if init.is_empty() {
            return write!(f, "member `{last}` is not set");
        }
        f.write_str("members ")?;
        for (i, member) in init.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            write!(f, "{sep}`{member}`")?;
        }
        write!(f, " and `{last}` are not set")
    }
}

impl std::error::Error for MissingMembers {}

// The message says it all ("cannot build `S`: the required member `A` is not set"); an
// `invalid` error would prefix "invalid built value:" to it.
impl From<MissingMembers> for crate::Error {
    fn from(missing: MissingMembers) -> Self {
        crate::Error::custom(missing)
    }
}

/// What a builder can carry to be finished by: a client's call, in a generated client's
/// fluent methods (`client.put_item().table_name("t").send()`).
///
/// Every derived builder has a last type parameter, the sender, which is `()` for a plain
/// builder (`Foo::builder()`); `with_sender(sender)` gives the same builder carrying one.
/// When it is a `Sender<Foo>`, the builder gains `send()`: it
/// builds the value (or names the missing members, as `build()` does) and hands the result to
/// the sender, whose [`Output`](Sender::Output) is what `send()` returns. The setters are the
/// builder's own, so a fluent call costs no second set of them.
///
/// ```
/// use awso_core::AwsShape;
/// use awso_core::build::{MissingMembers, Sender};
///
/// #[derive(AwsShape, Debug)]
/// #[awso(builder, rename_all = "PascalCase")]
/// struct SendMessageRequest {
///     queue_url: String,
///     message_body: String,
/// }
///
/// /// Sends by writing the message body into a log instead of a queue.
/// struct Log<'a>(&'a mut Vec<String>);
///
/// impl Sender<SendMessageRequest> for Log<'_> {
///     type Output = Result<usize, MissingMembers>;
///     fn send(self, input: Result<SendMessageRequest, MissingMembers>) -> Self::Output {
///         self.0.push(input?.message_body);
///         Ok(self.0.len())
///     }
/// }
///
/// let mut log = Vec::new();
/// let sent = SendMessageRequest::builder()
///     .with_sender(Log(&mut log))
///     .queue_url("q")
///     .message_body("hello")
///     .send();
/// assert_eq!(sent, Ok(1));
/// let refused = SendMessageRequest::builder().with_sender(Log(&mut log)).send();
/// assert_eq!(refused.unwrap_err().members(), ["QueueUrl", "MessageBody"]);
/// assert_eq!(log, ["hello"]);
/// ```
pub trait Sender<T> {
    /// What `send()` returns: for a client, the call's future or (blocking) its result.
    ///
    /// ```
    /// use awso_core::build::{MissingMembers, Sender};
    ///
    /// /// Answers how many members a value has, or none when it could not be built.
    /// struct Count;
    /// impl Sender<Vec<u8>> for Count {
    ///     type Output = Option<usize>;
    ///     fn send(self, value: Result<Vec<u8>, MissingMembers>) -> Option<usize> {
    ///         value.ok().map(|v| v.len())
    ///     }
    /// }
    /// let answer: <Count as Sender<Vec<u8>>>::Output = Count.send(Ok(vec![1, 2]));
    /// assert_eq!(answer, Some(2));
    /// ```
    type Output;

    /// Finishes a call with the built value, or with the required members that were unset.
    ///
    /// ```
    /// use awso_core::build::{MissingMembers, Sender};
    ///
    /// /// Passes the value through: what a test of a builder's `send()` needs.
    /// struct Echo;
    /// impl Sender<String> for Echo {
    ///     type Output = Result<String, MissingMembers>;
    ///     fn send(self, value: Result<String, MissingMembers>) -> Self::Output {
    ///         value
    ///     }
    /// }
    /// assert_eq!(Echo.send(Ok("built".to_owned())).unwrap(), "built");
    /// ```
    fn send(self, value: Result<T, MissingMembers>) -> Self::Output;
}

/// Whether a builder may be finished without `member`: it is optional, has a default, or is
/// an idempotency token (filled in when the request is sent).
fn may_be_unset(member: &Member) -> bool {
    let traits = member.traits();
    !traits.required || traits.default.is_some() || traits.idempotency_token
}

/// Checks that a builder of a structure of `schema` holds every required member;
/// `present[i]` says whether member `i` was set. The error names every one that was not.
///
/// ```
/// use awso_core::AwsShape;
/// use awso_core::build::check_required;
///
/// #[derive(AwsShape)]
/// struct Tag {
///     #[awso(rename = "Key")]
///     key: String,
///     #[awso(rename = "Value")]
///     value: Option<String>,
/// }
///
/// assert!(check_required(Tag::SCHEMA, &[true, false]).is_ok());
/// assert_eq!(check_required(Tag::SCHEMA, &[false, true]).unwrap_err().members(), ["Key"]);
/// ```
///
/// # Errors
///
/// [`MissingMembers`] when a required member without a default is not present.
pub fn check_required(schema: &'static Schema, present: &[bool]) -> Result<(), MissingMembers> {
    let members: Vec<&'static str> = schema
        .members()
        .iter()
        .filter(|m| !may_be_unset(m) && !present.get(m.index()).copied().unwrap_or(false))
        .map(Member::name)
        .collect();
    if members.is_empty() {
        Ok(())
    } else {
        Err(MissingMembers {
            shape: schema.name(),
            members,
        })
    }
}

/// `Debug` of a builder: `TagBuilder { set: ["Key"] }`. Values are left out, so a sensitive
/// member cannot leak, and no member type needs `Debug`.
pub(crate) fn fmt_builder(
    f: &mut fmt::Formatter<'_>,
    builder: &str,
    schema: &'static Schema,
    present: &[bool],
) -> fmt::Result {
    f.debug_struct(builder)
        .field("set", &SetMembers { schema, present })
        .finish()
}

/// The names of the members a builder holds, as a list.
struct SetMembers<'a> {
    schema: &'static Schema,
    present: &'a [bool],
}

impl fmt::Debug for SetMembers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let set = self
            .schema
            .members()
            .iter()
            .filter(|m| self.present.get(m.index()).copied().unwrap_or(false));
        f.debug_list().entries(set.map(Member::name)).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::MissingMembers;

    fn missing(members: &[&'static str]) -> String {
        MissingMembers {
            shape: "S",
            members: members.to_vec(),
        }
        .to_string()
    }

    #[test]
    fn display_lists_every_member() {
        assert_eq!(
            missing(&["A"]),
            "cannot build `S`: the required member `A` is not set"
        );
        assert_eq!(
            missing(&["A", "B", "C"]),
            "cannot build `S`: the required members `A`, `B` and `C` are not set"
        );
        assert_eq!(
            missing(&[]),
            "cannot build `S`: the required members are not set"
        );
    }

    #[test]
    fn as_a_codec_error_the_message_is_not_prefixed() {
        let err = crate::Error::from(MissingMembers {
            shape: "S",
            members: vec!["A"],
        });
        assert_eq!(
            err.to_string(),
            "cannot build `S`: the required member `A` is not set"
        );
        assert_eq!(err.category(), crate::error::Category::Data);
    }
}

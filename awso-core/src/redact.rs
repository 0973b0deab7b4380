//! Secrets kept out of `Debug` output.
//!
//! A member or shape marked `sensitive` (Smithy's `@sensitive`, botocore's `"sensitive": true`
//! on a shape) is printed as [`REDACTED`]. `#[awso(debug)]` on a derived type writes a `Debug`
//! impl that asks this module, through the type's static schema, which members to hide:
//!
//! - a member is hidden when it, or the shape it targets, is sensitive, or when it is a list or
//!   map whose items (at any depth of collections) are;
//! - a structure, union or enum that is itself sensitive prints as `Name(<redacted>)`;
//! - a member whose target is a structure or union prints through that type's own `Debug`, so
//!   a sensitive value inside a list of structures, a map value or a union member is hidden
//!   wherever it is nested.
//!
//! An optional member shows whether it is set: `Some(<redacted>)` or `None`.
//!
//! ```
//! use awso_core::AwsShape;
//!
//! #[derive(AwsShape, Clone)]
//! #[awso(debug)]
//! struct Login {
//!     user: String,
//!     #[awso(sensitive)]
//!     password: Option<String>,
//!     #[awso(member(sensitive))]
//!     recovery_codes: Vec<String>,
//! }
//!
//! let login = Login {
//!     user: "ana".into(),
//!     password: Some("hunter2".into()),
//!     recovery_codes: vec!["1234-5678".into()],
//! };
//! let printed = format!("{login:?} {login:#?}");
//! assert!(!printed.contains("hunter2") && !printed.contains("1234"));
//! assert_eq!(
//!     format!("{login:?}"),
//!     r#"Login { user: "ana", password: Some(<redacted>), recovery_codes: <redacted> }"#
//! );
//! ```

use std::fmt;

use crate::schema::{Member, Schema, ShapeKind};

/// What a hidden value prints as.
///
/// ```
/// use awso_core::redact::REDACTED;
///
/// #[derive(awso_core::AwsShape)]
/// #[awso(debug)]
/// struct Credentials { access_key_id: String, #[awso(sensitive)] secret_access_key: String }
///
/// let credentials = Credentials { access_key_id: "AKID".into(), secret_access_key: "wJalr".into() };
/// let printed = format!("{credentials:?}");
/// assert!(printed.contains(REDACTED) && !printed.contains("wJalr"));
/// ```
pub const REDACTED: &str = "<redacted>";

/// How many collections deep a member's items are looked at; schemas of Rust types are
/// finite, this only bounds a run-time schema that is not.
const COLLECTION_DEPTH: usize = 32;

/// Whether values of `member` are printed as [`REDACTED`]: the member or its target is
/// sensitive, or it is a collection whose items are.
///
/// ```
/// use awso_core::AwsShape;
/// use awso_core::redact::member_is_sensitive;
///
/// #[derive(AwsShape)]
/// struct Input {
///     name: String,
///     #[awso(sensitive)]
///     token: String,
/// }
///
/// let members = Input::SCHEMA.members();
/// assert!(!member_is_sensitive(&members[0]));
/// assert!(member_is_sensitive(&members[1]));
/// ```
pub fn member_is_sensitive(member: &Member) -> bool {
    hides(member, 0)
}

fn hides(member: &Member, depth: usize) -> bool {
    let target = member.target();
    // Items that are structures or unions print through their own `Debug`, which hides
    // what it must; the collection around them stays readable.
    let prints_itself =
        depth > 0 && matches!(target.kind(), ShapeKind::Structure | ShapeKind::Union);
    member.traits().sensitive
        || (target.traits().sensitive && !prints_itself)
        || (target.kind().is_collection()
            && depth < COLLECTION_DEPTH
            && target.members().iter().any(|m| hides(m, depth + 1)))
}

/// Whether a whole shape is printed as `Name(<redacted>)`.
///
/// ```
/// use awso_core::AwsShape;
/// use awso_core::redact::shape_is_sensitive;
///
/// #[derive(AwsShape)]
/// #[awso(sensitive)]
/// struct Secret {
///     value: String,
/// }
///
/// assert!(shape_is_sensitive(Secret::SCHEMA));
/// ```
pub fn shape_is_sensitive(schema: &Schema) -> bool {
    schema.traits().sensitive
}

/// Writes a sensitive shape: its type name and the marker.
///
/// ```
/// use awso_core::redact::write_redacted;
///
/// struct Key;
/// impl std::fmt::Debug for Key {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         write_redacted(f, "Key")
///     }
/// }
/// assert_eq!(format!("{Key:?}"), "Key(<redacted>)");
/// ```
///
/// # Errors
///
/// When the formatter fails.
pub fn write_redacted(f: &mut fmt::Formatter<'_>, type_name: &str) -> fmt::Result {
    f.debug_tuple(type_name).field(&Marker).finish()
}

/// The marker, printed as it is (no quotes) in plain and pretty output.
struct Marker;

impl fmt::Debug for Marker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// A member's value as `Debug` prints it: the value itself, or [`REDACTED`] when the member
/// is sensitive. Hand-written `Debug` impls use it the way the derive does.
///
/// ```
/// use awso_core::AwsShape;
/// use awso_core::redact::MemberValue;
///
/// #[derive(AwsShape)]
/// struct Pair {
///     id: String,
///     #[awso(sensitive)]
///     secret: String,
/// }
///
/// impl std::fmt::Debug for Pair {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         let members = Self::SCHEMA.members();
///         f.debug_struct("Pair")
///             .field("id", &MemberValue::new(&members[0], &self.id))
///             .field("secret", &MemberValue::new(&members[1], &self.secret))
///             .finish()
///     }
/// }
///
/// let pair = Pair { id: "a".into(), secret: "s3cr3t".into() };
/// assert_eq!(format!("{pair:?}"), r#"Pair { id: "a", secret: <redacted> }"#);
/// ```
pub struct MemberValue<'a, T: ?Sized> {
    member: &'a Member,
    value: &'a T,
}

impl<'a, T: ?Sized> MemberValue<'a, T> {
    /// `value` of `member`.
    ///
    /// ```
    /// use awso_core::redact::MemberValue;
    /// use awso_core::schema::{Member, MemberTraits, SchemaRef};
    ///
    /// let token = Member::new("Token", 0, SchemaRef::of::<String>()).with_traits(MemberTraits::NONE.sensitive());
    /// let name = Member::new("Name", 1, SchemaRef::of::<String>());
    /// assert_eq!(format!("{:?}", MemberValue::new(&token, "abc")), "<redacted>");
    /// assert_eq!(format!("{:?}", MemberValue::new(&name, "abc")), "\"abc\"");
    /// ```
    pub const fn new(member: &'a Member, value: &'a T) -> Self {
        Self { member, value }
    }
}

impl<T: fmt::Debug + ?Sized> fmt::Debug for MemberValue<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if member_is_sensitive(self.member) {
            Marker.fmt(f)
        } else {
            self.value.fmt(f)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::AwsShape;
    use crate::types::IndexMap;

    #[derive(AwsShape, Clone)]
    #[awso(crate = "crate", debug, sensitive)]
    struct Key {
        id: String,
    }

    #[derive(AwsShape, Clone)]
    #[awso(crate = "crate", debug)]
    enum Choice {
        Key(Key),
        Plain(String),
        #[awso(sensitive)]
        Secret(String),
        #[awso(unknown)]
        Unknown(String),
    }

    #[derive(AwsShape, Clone)]
    #[awso(crate = "crate", debug)]
    struct Holder {
        keys: Vec<Key>,
        by_name: Option<IndexMap<String, Key>>,
        #[awso(value(sensitive))]
        passwords: IndexMap<String, String>,
        #[awso(member(member(sensitive)))]
        nested: Vec<Vec<String>>,
        choices: Vec<Choice>,
        note: Option<String>,
    }

    fn holder() -> Holder {
        let key = Key {
            id: "AKIDSECRET".into(),
        };
        Holder {
            keys: vec![key.clone()],
            by_name: Some([("k".to_owned(), key.clone())].into_iter().collect()),
            passwords: [("p".to_owned(), "PWSECRET".to_owned())]
                .into_iter()
                .collect(),
            nested: vec![vec!["NESTEDSECRET".into()]],
            choices: vec![
                Choice::Key(key),
                Choice::Secret("UNIONSECRET".into()),
                Choice::Plain("visible".into()),
            ],
            note: None,
        }
    }

    #[test]
    fn secrets_are_hidden_at_every_depth_in_plain_and_pretty_output() {
        let holder = holder();
        for printed in [format!("{holder:?}"), format!("{holder:#?}")] {
            for secret in ["AKIDSECRET", "PWSECRET", "NESTEDSECRET", "UNIONSECRET"] {
                assert!(!printed.contains(secret), "{secret} in {printed}");
            }
            assert!(printed.contains("visible"), "{printed}");
            assert!(printed.contains("Key(<redacted>)") || printed.contains("Key(\n"));
        }
    }

    #[test]
    fn plain_output_reads_like_a_derived_debug() {
        assert_eq!(
            format!("{:?}", holder()),
            "Holder { keys: [Key(<redacted>)], by_name: Some({\"k\": Key(<redacted>)}), \
             passwords: <redacted>, nested: <redacted>, choices: [Key(<redacted>), \
             Secret(<redacted>), Plain(\"visible\")], note: None }"
        );
        assert_eq!(
            format!("{:?}", Choice::Unknown("NewMember".into())),
            "Unknown(\"NewMember\")"
        );
    }

    #[test]
    fn an_unknown_error_keeps_its_body_but_prints_only_its_length() {
        let body = br#"{"__type":"Odd","message":"no","echo":"SECRETINPUT"}"#;
        let error =
            crate::UnknownError::from_response("Odd", Some("no".into()), Some(400), None, body);
        assert_eq!(error.body(), body);
        for printed in [
            error.to_string(),
            format!("{error:?}"),
            format!("{error:#?}"),
        ] {
            assert!(!printed.contains("SECRETINPUT"), "{printed}");
            assert!(printed.contains("Odd"), "{printed}");
        }
        assert!(format!("{error:?}").contains(&format!("{} bytes", body.len())));
    }
}

//! Which members the generated code marks `sensitive`.
//!
//! botocore marks sensitivity on the member or, more often, on the string shape it targets
//! (`"sensitive": true`). A sensitive scalar target becomes the member's own `sensitive`
//! attribute (a Rust `String` has no schema to carry it); a sensitive structure, union or
//! enum carries it on its own type. A few members hold secrets the models leave unmarked:
//! STS's `Credentials.SessionToken` (shape `tokenType`) is a bearer secret as much as the
//! secret access key beside it, and Connect Participant's `ParticipantToken` and
//! `ConnectionToken` authorize whoever holds them, so members with the names in
//! [`UNMARKED_SECRETS`] are marked too, and so is any member bound to a header that carries
//! a credential (`Authorization`, `X-Amz-Bearer`, `X-Amz-Security-Token`). Marking more than the model does only hides a value from `Debug` and marks a
//! header sensitive; it changes nothing on the wire.

use awso_core::schema::{HttpBinding, Member};

/// Member names whose values are secrets whatever the model says.
const UNMARKED_SECRETS: &[&str] = &[
    "ConnectionToken",
    "ParticipantToken",
    "SecretAccessKey",
    "SessionToken",
];

/// Headers whose values are credentials.
const CREDENTIAL_HEADERS: &[&str] = &["authorization", "x-amz-bearer", "x-amz-security-token"];

/// Whether `member` gets `#[awso(sensitive)]`.
pub(crate) fn is_secret(member: &Member) -> bool {
    let target = member.target();
    member.traits().sensitive
        || (target.traits().sensitive && target.kind().is_scalar())
        || (target.kind().is_scalar() && UNMARKED_SECRETS.contains(&member.name()))
        || matches!(member.traits().http, Some(HttpBinding::Header(name))
            if CREDENTIAL_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name)))
}

#[cfg(test)]
mod tests {
    use awso_core::dynamic::Model;

    use super::is_secret;

    #[test]
    fn sensitive_targets_and_unmarked_session_tokens_are_secrets() {
        let model = Model::from_botocore(
            r#"{"metadata": {"protocol": "json"}, "operations": {}, "shapes": {
                "Creds": {"type": "structure", "members": {
                    "Id": {"shape": "Plain"},
                    "Key": {"shape": "Secret"},
                    "SessionToken": {"shape": "Plain"},
                    "Marked": {"shape": "Plain", "sensitive": true},
                    "Bearer": {"shape": "Plain", "location": "header", "locationName": "X-Amz-Bearer"}
                }},
                "Plain": {"type": "string"},
                "Secret": {"type": "string", "sensitive": true}
            }}"#,
        )
        .expect("a model");
        let creds = model.shape("Creds").expect("the structure");
        let secret: Vec<bool> = creds.members().iter().map(is_secret).collect();
        assert_eq!(secret, [false, true, true, true, true]);
    }
}

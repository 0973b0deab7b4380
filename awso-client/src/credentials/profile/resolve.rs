//! From a selected profile to where its credentials come from: static keys,
//! `credential_process`, or a chain of roles to assume on top of a base.
//!
//! The rules follow the SDKs: in the selected profile `role_arn` wins over static keys; in a
//! profile reached through `source_profile` static keys win (so a profile may name itself as
//! its source); `web_identity_token_file` with `role_arn` is a base of its own;
//! `credential_source` names a base outside the files. Every profile is visited at most once,
//! so a `source_profile` loop is an error, not a hang.

use super::super::process::CredentialProcess;
use super::super::sts::AssumeRoleParams;
use super::super::{Credentials, CredentialsError};
use super::{Profile, ProfileSet};

const PROVIDER: &str = "profile";

/// Where the innermost credentials of a profile chain come from.
///
/// ```
/// use std::path::Path;
/// use awso_client::credentials::profile::{BaseCredentials, ProfileChain, ProfileSet};
/// let text = "[profile ci]\nrole_arn = arn:aws:iam::1:role/ci\nweb_identity_token_file = /var/run/token\n\
///             [profile ec2]\nrole_arn = arn:aws:iam::1:role/app\ncredential_source = Ec2InstanceMetadata\n\
///             [profile tool]\ncredential_process = my-tool --json\n";
/// let set = ProfileSet::parse_config(Path::new("config"), text).unwrap();
/// let ci = ProfileChain::resolve(&set, "ci").unwrap();
/// assert!(matches!(&ci.base, BaseCredentials::WebIdentity { token_file, .. } if token_file == "/var/run/token"));
/// let ec2 = ProfileChain::resolve(&set, "ec2").unwrap();
/// assert!(matches!(&ec2.base, BaseCredentials::CredentialSource(source) if source == "Ec2InstanceMetadata"));
/// assert!(matches!(ProfileChain::resolve(&set, "tool").unwrap().base, BaseCredentials::Process(_)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BaseCredentials {
    /// `aws_access_key_id` / `aws_secret_access_key` (/ `aws_session_token`) in the profile.
    Static(Credentials),
    /// `credential_process` in the profile.
    Process(CredentialProcess),
    /// `role_arn` with `web_identity_token_file` (`AssumeRoleWithWebIdentity`).
    WebIdentity {
        /// The role to assume.
        role_arn: String,
        /// The file holding the OIDC token.
        token_file: String,
        /// `role_session_name`, if set.
        session_name: Option<String>,
    },
    /// `credential_source` (`Environment`, `Ec2InstanceMetadata`, `EcsContainer`).
    CredentialSource(String),
    /// `sso_session` or `sso_start_url`: IAM Identity Center.
    Sso {
        /// The profile that configures it.
        profile: String,
    },
}

/// One `role_arn` to assume, with the profile that asks for it.
///
/// ```
/// use std::path::Path;
/// use awso_client::credentials::profile::{ProfileChain, ProfileSet};
/// let text = "[profile admin]\nrole_arn = arn:aws:iam::1:role/admin\nsource_profile = base\nexternal_id = x-1\nduration_seconds = 900\n\
///             [profile base]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n";
/// let set = ProfileSet::parse_config(Path::new("config"), text).unwrap();
/// let hop = &ProfileChain::resolve(&set, "admin").unwrap().roles[0];
/// assert_eq!(hop.profile, "admin");
/// assert_eq!((hop.external_id.as_deref(), hop.duration_seconds), (Some("x-1"), Some(900)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleHop {
    /// The profile holding `role_arn`.
    pub profile: String,
    /// The role to assume.
    pub role_arn: String,
    /// `external_id`, if set.
    pub external_id: Option<String>,
    /// `role_session_name`, if set.
    pub session_name: Option<String>,
    /// `mfa_serial`, if set.
    pub mfa_serial: Option<String>,
    /// `duration_seconds`, if set.
    pub duration_seconds: Option<i32>,
}

impl RoleHop {
    /// What to ask STS for.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::profile::{ProfileChain, ProfileSet};
    /// let text = "[profile admin]\nrole_arn = arn:aws:iam::1:role/admin\nsource_profile = base\nrole_session_name = me\n\
    ///             [profile base]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n";
    /// let set = ProfileSet::parse_config(Path::new("config"), text).unwrap();
    /// let params = ProfileChain::resolve(&set, "admin").unwrap().roles[0].params();
    /// assert_eq!(params.role_arn, "arn:aws:iam::1:role/admin");
    /// assert_eq!(params.session_name.as_deref(), Some("me"));
    /// ```
    pub fn params(&self) -> AssumeRoleParams {
        AssumeRoleParams {
            role_arn: self.role_arn.clone(),
            session_name: self.session_name.clone(),
            external_id: self.external_id.clone(),
            duration_seconds: self.duration_seconds,
        }
    }
}

/// A resolved profile: the base, then the roles to assume on it in order (the selected
/// profile's role last).
///
/// ```
/// use awso_client::credentials::profile::{BaseCredentials, ProfileChain, ProfileSet};
/// use std::path::Path;
///
/// let set = ProfileSet::parse_config(
///     Path::new("config"),
///     "[profile admin]\nrole_arn = arn:aws:iam::1:role/admin\nsource_profile = base\n\
///      [profile base]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n",
/// )
/// .unwrap();
/// let chain = ProfileChain::resolve(&set, "admin").unwrap();
/// assert!(matches!(chain.base, BaseCredentials::Static(_)));
/// assert_eq!(chain.roles[0].role_arn, "arn:aws:iam::1:role/admin");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileChain {
    /// Where the first credentials come from.
    pub base: BaseCredentials,
    /// Roles to assume on top of the base, innermost first.
    pub roles: Vec<RoleHop>,
}

impl ProfileChain {
    /// Follows `source_profile` from the profile called `selected`.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::profile::{ProfileChain, ProfileSet};
    /// // A `source_profile` loop is an error, not a hang.
    /// let text = "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n\
    ///             [profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n";
    /// let set = ProfileSet::parse_config(Path::new("config"), text).unwrap();
    /// assert!(ProfileChain::resolve(&set, "a").is_err());
    /// // So is a profile that does not exist.
    /// assert!(ProfileChain::resolve(&set, "c").unwrap_err().is_not_configured());
    /// ```
    pub fn resolve(set: &ProfileSet, selected: &str) -> Result<ProfileChain, CredentialsError> {
        let mut visited: Vec<&str> = Vec::new();
        let mut roles = Vec::new();
        let mut name = selected;
        let base = loop {
            if visited.contains(&name) {
                let path = visited.join(" -> ");
                return Err(CredentialsError::invalid(
                    PROVIDER,
                    format!("source_profile loop: {path} -> {name}"),
                ));
            }
            let profile = set.profile(name).ok_or_else(|| missing(&visited, name))?;
            visited.push(profile.name());
            let is_source = visited.len() > 1;
            if is_source && has_static_keys(profile) {
                break static_keys(profile)?;
            }
            let Some(role_arn) = profile.get("role_arn") else {
                break base_of(profile, is_source)?;
            };
            if let Some(token_file) = profile.get("web_identity_token_file") {
                break BaseCredentials::WebIdentity {
                    role_arn: role_arn.to_owned(),
                    token_file: token_file.to_owned(),
                    session_name: profile.get("role_session_name").map(str::to_owned),
                };
            }
            roles.push(role_hop(profile, role_arn)?);
            match (
                profile.get("source_profile"),
                profile.get("credential_source"),
            ) {
                (Some(_), Some(_)) => {
                    return Err(CredentialsError::invalid(
                        PROVIDER,
                        format!("profile `{name}` sets both source_profile and credential_source"),
                    ));
                }
                (Some(source), None) if source == name && has_static_keys(profile) => {
                    break static_keys(profile)?;
                }
                (Some(source), None) => name = source,
                (None, Some(source)) => break BaseCredentials::CredentialSource(source.to_owned()),
                (None, None) => {
                    return Err(CredentialsError::invalid(
                        PROVIDER,
                        format!(
                            "profile `{name}` sets role_arn without source_profile or credential_source"
                        ),
                    ));
                }
            }
        };
        roles.reverse();
        Ok(ProfileChain { base, roles })
    }
}

fn missing(visited: &[&str], name: &str) -> CredentialsError {
    match visited.last() {
        None => CredentialsError::not_configured(PROVIDER, format!("no profile `{name}`")),
        Some(from) => CredentialsError::invalid(
            PROVIDER,
            format!("profile `{from}` names source_profile `{name}`, which does not exist"),
        ),
    }
}

fn role_hop(profile: &Profile, role_arn: &str) -> Result<RoleHop, CredentialsError> {
    let owned = |key| profile.get(key).map(str::to_owned);
    let duration_seconds = match profile.get("duration_seconds") {
        None => None,
        Some(text) => Some(text.trim().parse::<i32>().ok().filter(|seconds| *seconds > 0).ok_or_else(
            || {
                CredentialsError::invalid(
                    PROVIDER,
                    format!(
                        "profile `{}` sets duration_seconds to `{text}`, which is not a positive number of seconds",
                        profile.name()
                    ),
                )
            },
        )?),
    };
    Ok(RoleHop {
        profile: profile.name().to_owned(),
        role_arn: role_arn.to_owned(),
        external_id: owned("external_id"),
        session_name: owned("role_session_name"),
        mfa_serial: owned("mfa_serial"),
        duration_seconds,
    })
}

fn has_static_keys(profile: &Profile) -> bool {
    profile.get("aws_access_key_id").is_some() || profile.get("aws_secret_access_key").is_some()
}

fn static_keys(profile: &Profile) -> Result<BaseCredentials, CredentialsError> {
    let name = profile.name();
    let key_id = profile.get("aws_access_key_id");
    let secret = profile.get("aws_secret_access_key");
    let (Some(key_id), Some(secret)) = (key_id, secret) else {
        let (set, unset) = if key_id.is_some() {
            ("aws_access_key_id", "aws_secret_access_key")
        } else {
            ("aws_secret_access_key", "aws_access_key_id")
        };
        return Err(CredentialsError::invalid(
            PROVIDER,
            format!("profile `{name}` sets {set} but not {unset}"),
        ));
    };
    let credentials = Credentials::new(key_id, secret);
    Ok(BaseCredentials::Static(
        match profile.get("aws_session_token") {
            Some(token) => credentials.with_session_token(token),
            None => credentials,
        },
    ))
}

fn base_of(profile: &Profile, is_source: bool) -> Result<BaseCredentials, CredentialsError> {
    if has_static_keys(profile) {
        return static_keys(profile);
    }
    if let Some(command) = profile.get("credential_process") {
        return Ok(BaseCredentials::Process(CredentialProcess::new(command)));
    }
    if profile.get("sso_session").is_some() || profile.get("sso_start_url").is_some() {
        return Ok(BaseCredentials::Sso {
            profile: profile.name().to_owned(),
        });
    }
    let name = profile.name();
    if is_source {
        Err(CredentialsError::invalid(
            PROVIDER,
            format!("source profile `{name}` has no credentials"),
        ))
    } else {
        // A profile that only sets a region is common; credentials come from elsewhere then.
        Err(CredentialsError::not_configured(
            PROVIDER,
            format!("profile `{name}` has no credentials"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::ErrorKind;
    use std::path::Path;

    fn resolve(config: &str, selected: &str) -> Result<ProfileChain, CredentialsError> {
        let set = ProfileSet::parse_config(Path::new("config"), config).unwrap();
        ProfileChain::resolve(&set, selected)
    }

    #[test]
    fn role_chain_is_listed_innermost_first() {
        let chain = resolve(
            "[profile a]\nrole_arn = ra\nsource_profile = b\nexternal_id = x\n\
             [profile b]\nrole_arn = rb\nsource_profile = c\n\
             [profile c]\ncredential_process = tool --flag\n",
            "a",
        )
        .unwrap();
        let arns: Vec<_> = chain
            .roles
            .iter()
            .map(|hop| hop.role_arn.as_str())
            .collect();
        assert_eq!(arns, ["rb", "ra"]);
        assert_eq!(chain.roles[1].external_id.as_deref(), Some("x"));
        assert_eq!(
            chain.base,
            BaseCredentials::Process(CredentialProcess::new("tool --flag"))
        );
    }

    #[test]
    fn source_profile_with_keys_wins_over_its_role_and_may_name_itself() {
        let keys = "aws_access_key_id = K\naws_secret_access_key = S\n";
        let chain = resolve(
            &format!("[profile a]\nrole_arn = ra\nsource_profile = b\n[profile b]\nrole_arn = rb\nsource_profile = a\n{keys}"),
            "a",
        )
        .unwrap();
        assert_eq!(chain.roles.len(), 1);
        let chain = resolve(
            &format!("[profile a]\nrole_arn = ra\nsource_profile = a\n{keys}"),
            "a",
        )
        .unwrap();
        assert_eq!(
            chain.base,
            BaseCredentials::Static(Credentials::new("K", "S"))
        );
    }

    #[test]
    fn loops_and_dangling_sources_are_configuration_errors() {
        let error = resolve(
            "[profile a]\nrole_arn = r\nsource_profile = b\n[profile b]\nrole_arn = r\nsource_profile = a\n",
            "a",
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "profile: source_profile loop: a -> b -> a"
        );
        let error = resolve("[profile a]\nrole_arn = r\nsource_profile = nope\n", "a").unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidConfiguration);
        assert!(
            error.message().contains("`nope`, which does not exist"),
            "{error}"
        );
        let error = resolve("[profile a]\nrole_arn = r\n", "a").unwrap_err();
        assert!(
            error.message().contains("without source_profile"),
            "{error}"
        );
        let error = resolve("[default]\nregion = x\n", "default").unwrap_err();
        assert_eq!(error.kind(), ErrorKind::NotConfigured);
    }

    #[test]
    fn web_identity_credential_source_and_sso_are_bases() {
        let chain = resolve(
            "[default]\nrole_arn = r\nweb_identity_token_file = /t\n",
            "default",
        )
        .unwrap();
        assert!(chain.roles.is_empty());
        assert!(
            matches!(chain.base, BaseCredentials::WebIdentity { ref token_file, .. } if token_file == "/t")
        );
        let chain = resolve(
            "[default]\nrole_arn = r\ncredential_source = Environment\n",
            "default",
        )
        .unwrap();
        assert_eq!(
            chain.base,
            BaseCredentials::CredentialSource("Environment".into())
        );
        let chain = resolve("[default]\nsso_session = s\n", "default").unwrap();
        assert_eq!(
            chain.base,
            BaseCredentials::Sso {
                profile: "default".into()
            }
        );
        let error = resolve("[default]\naws_access_key_id = K\n", "default").unwrap_err();
        assert_eq!(
            error.to_string(),
            "profile: profile `default` sets aws_access_key_id but not aws_secret_access_key"
        );
    }
}

//! The region: `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the selected profile's `region`.

use std::fmt;

use super::CredentialsError;
use super::env::Environment;
use super::profile::ProfileFiles;

/// Where a region was found.
///
/// ```
/// use awso_client::credentials::{EnvironmentMap, RegionSource, resolve_region};
/// let env = EnvironmentMap::from_pairs([("AWS_DEFAULT_REGION", "eu-west-1")]);
/// let region = resolve_region(&env, None).unwrap().unwrap();
/// assert_eq!(region.source(), &RegionSource::Environment("AWS_DEFAULT_REGION"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RegionSource {
    /// An environment variable (`AWS_REGION` or `AWS_DEFAULT_REGION`).
    Environment(&'static str),
    /// The `region` property of a profile.
    Profile(String),
}

/// A region name and where it came from.
///
/// ```
/// use awso_client::credentials::{EnvironmentMap, RegionSource, resolve_region};
/// let dir = std::env::temp_dir().join(format!("awso-doc-region-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("config"), "[profile dev]\nregion = ap-south-1\n").unwrap();
/// let env = EnvironmentMap::from_pairs([
///     ("AWS_CONFIG_FILE", dir.join("config").to_str().unwrap()),
///     ("AWS_SHARED_CREDENTIALS_FILE", dir.join("credentials").to_str().unwrap()),
/// ]);
/// let region = resolve_region(&env, Some("dev")).unwrap().unwrap();
/// assert_eq!(region.to_string(), "ap-south-1");
/// assert_eq!(region.source(), &RegionSource::Profile("dev".into()));
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    name: String,
    source: RegionSource,
}

impl Region {
    /// The region's name (`us-east-1`).
    ///
    /// ```
    /// use awso_client::credentials::{EnvironmentMap, resolve_region};
    /// let env = EnvironmentMap::from_pairs([("AWS_REGION", " us-east-2 ")]);
    /// assert_eq!(resolve_region(&env, None).unwrap().unwrap().name(), "us-east-2");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Where it was found.
    ///
    /// ```
    /// use awso_client::credentials::{EnvironmentMap, RegionSource, resolve_region};
    /// let env = EnvironmentMap::from_pairs([("AWS_REGION", "us-east-2")]);
    /// assert_eq!(resolve_region(&env, None).unwrap().unwrap().source(), &RegionSource::Environment("AWS_REGION"));
    /// ```
    pub fn source(&self) -> &RegionSource {
        &self.source
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// The region the environment and the profile files select, if any; `profile` overrides
/// `AWS_PROFILE`. A malformed profile file is an error, a missing one is not.
///
/// ```
/// use awso_client::credentials::{EnvironmentMap, RegionSource, resolve_region};
///
/// let env = EnvironmentMap::from_pairs([("AWS_DEFAULT_REGION", "eu-west-1"), ("AWS_REGION", "us-east-2")]);
/// let region = resolve_region(&env, None).unwrap().unwrap();
/// assert_eq!(region.name(), "us-east-2");
/// assert_eq!(region.source(), &RegionSource::Environment("AWS_REGION"));
/// ```
pub fn resolve_region(
    env: &dyn Environment,
    profile: Option<&str>,
) -> Result<Option<Region>, CredentialsError> {
    for variable in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
        if let Some(name) = env.non_empty(variable) {
            return Ok(Some(Region {
                name: name.trim().to_owned(),
                source: RegionSource::Environment(variable),
            }));
        }
    }
    let mut files = ProfileFiles::from_env(env);
    if let Some(profile) = profile {
        files = files.with_profile(profile);
    }
    let set = files.load()?;
    Ok(set
        .profile(files.profile_name())
        .and_then(|profile| profile.get("region"))
        .map(|name| Region {
            name: name.to_owned(),
            source: RegionSource::Profile(files.profile_name().to_owned()),
        }))
}

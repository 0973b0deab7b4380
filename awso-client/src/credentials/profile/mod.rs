//! Shared config and credentials files: `~/.aws/config` and `~/.aws/credentials`.
//!
//! The two files name profiles differently: the config file says `[profile x]` (and `[default]`
//! or `[profile default]`), the credentials file says `[x]`. Both are merged into one
//! [`ProfileSet`]; where both set a property, the credentials file wins. Other config sections
//! (`[sso-session x]`, `[services x]`) are not profiles and are left out.
//!
//! ```
//! use awso_client::credentials::profile::ProfileSet;
//! use std::path::Path;
//!
//! let set = ProfileSet::parse(
//!     Some((Path::new("config"), "[profile dev]\nregion = eu-west-1\n")),
//!     Some((Path::new("credentials"), "[dev]\naws_access_key_id = AKIDEXAMPLE\n")),
//! )
//! .unwrap();
//! let dev = set.profile("dev").unwrap();
//! assert_eq!(dev.get("region"), Some("eu-west-1"));
//! assert_eq!(dev.get("aws_access_key_id"), Some("AKIDEXAMPLE"));
//! ```

mod parser;
mod provider;
mod resolve;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use parser::{ParseError, Property};
pub use provider::ProfileProvider;
pub use resolve::{BaseCredentials, ProfileChain, RoleHop};

use super::env::Environment;
use super::error::CredentialsError;

/// One profile: its name and its properties from both files.
///
/// ```
/// use awso_client::credentials::profile::ProfileSet;
/// let set = ProfileSet::parse_config(std::path::Path::new("config"), "[default]\nregion = us-east-1\noutput = json\n").unwrap();
/// let profile = set.profile("default").unwrap();
/// assert_eq!(profile.name(), "default");
/// assert_eq!(profile.properties().count(), 2);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Profile {
    name: String,
    properties: BTreeMap<String, Property>,
}

impl Profile {
    /// The profile's name (`default`, `dev`).
    ///
    /// ```
    /// use awso_client::credentials::profile::ProfileSet;
    /// // `[profile default]` and `[default]` both name the default profile in a config file.
    /// let set = ProfileSet::parse_config(std::path::Path::new("config"), "[profile default]\nregion = us-east-1\n").unwrap();
    /// assert_eq!(set.profile("default").unwrap().name(), "default");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value of `property`, if set and not empty.
    ///
    /// ```
    /// use awso_client::credentials::profile::ProfileSet;
    /// let set = ProfileSet::parse_config(std::path::Path::new("config"), "[default]\nregion = us-east-1\noutput =\n").unwrap();
    /// let profile = set.profile("default").unwrap();
    /// assert_eq!(profile.get("region"), Some("us-east-1"));
    /// assert_eq!(profile.get("output"), None); // set, but empty
    /// assert_eq!(profile.get("missing"), None);
    /// ```
    pub fn get(&self, property: &str) -> Option<&str> {
        self.properties
            .get(property)
            .map(Property::value)
            .filter(|value| !value.is_empty())
    }

    /// The whole property (with sub-properties and its line), if set.
    ///
    /// ```
    /// use awso_client::credentials::profile::ProfileSet;
    /// let set = ProfileSet::parse_config(std::path::Path::new("config"), "[default]\ns3 =\n  addressing_style = path\n").unwrap();
    /// let s3 = set.profile("default").unwrap().property("s3").unwrap();
    /// assert_eq!(s3.sub_property("addressing_style"), Some("path"));
    /// assert_eq!(s3.line(), 2);
    /// ```
    pub fn property(&self, property: &str) -> Option<&Property> {
        self.properties.get(property)
    }

    /// Every property, by name.
    ///
    /// ```
    /// use awso_client::credentials::profile::ProfileSet;
    /// let set = ProfileSet::parse_config(std::path::Path::new("config"), "[default]\nregion = us-east-1\noutput = json\n").unwrap();
    /// let mut names: Vec<&str> = set.profile("default").unwrap().properties().map(|p| p.name()).collect();
    /// names.sort_unstable();
    /// assert_eq!(names, ["output", "region"]);
    /// ```
    pub fn properties(&self) -> impl Iterator<Item = &Property> {
        self.properties.values()
    }
}

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Profile")
            .field("name", &self.name)
            .field("properties", &self.properties.values().collect::<Vec<_>>())
            .finish()
    }
}

/// Every profile of the config and credentials files, merged.
///
/// ```
/// use std::path::Path;
/// use awso_client::credentials::profile::ProfileSet;
/// // Where both files set a property, the credentials file wins.
/// let set = ProfileSet::parse(
///     Some((Path::new("config"), "[default]\naws_access_key_id = AKIDCONFIG\n")),
///     Some((Path::new("credentials"), "[default]\naws_access_key_id = AKIDCREDENTIALS\n")),
/// )
/// .unwrap();
/// assert_eq!(set.profile("default").unwrap().get("aws_access_key_id"), Some("AKIDCREDENTIALS"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileSet {
    profiles: BTreeMap<String, Profile>,
}

impl ProfileSet {
    /// Parses a config file's text and a credentials file's text (each with its path, for
    /// errors); either may be absent.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::profile::ProfileSet;
    /// let set = ProfileSet::parse(None, Some((Path::new("credentials"), "[ci]\naws_access_key_id = AKIDCI\n"))).unwrap();
    /// assert_eq!(set.names().collect::<Vec<_>>(), ["ci"]);
    /// let error = ProfileSet::parse(None, Some((Path::new("credentials"), "[ci\n"))).unwrap_err();
    /// assert_eq!((error.file(), error.line()), (Path::new("credentials"), 1));
    /// ```
    pub fn parse(
        config: Option<(&Path, &str)>,
        credentials: Option<(&Path, &str)>,
    ) -> Result<ProfileSet, ParseError> {
        let mut set = ProfileSet::default();
        if let Some((path, text)) = config {
            set.merge(&parser::parse(path, text)?, config_profile_name);
        }
        if let Some((path, text)) = credentials {
            set.merge(&parser::parse(path, text)?, credentials_profile_name);
        }
        Ok(set)
    }

    /// Parses a config file alone.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::profile::ProfileSet;
    /// // Sections that are not profiles are left out.
    /// let set = ProfileSet::parse_config(Path::new("config"), "[sso-session corp]\nsso_region = us-east-1\n[profile dev]\nregion = eu-west-1\n").unwrap();
    /// assert_eq!(set.names().collect::<Vec<_>>(), ["dev"]);
    /// ```
    pub fn parse_config(path: &Path, text: &str) -> Result<ProfileSet, ParseError> {
        ProfileSet::parse(Some((path, text)), None)
    }

    /// The profile called `name`, if either file has it.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::profile::ProfileSet;
    /// // In a config file a profile other than the default needs the `profile` prefix.
    /// let set = ProfileSet::parse_config(Path::new("config"), "[dev]\nregion = eu-west-1\n").unwrap();
    /// assert!(set.profile("dev").is_none());
    /// ```
    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.get(name)
    }

    /// The names of every profile, sorted.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::profile::ProfileSet;
    /// let set = ProfileSet::parse_config(Path::new("config"), "[profile b]\n[profile a]\n[default]\n").unwrap();
    /// assert_eq!(set.names().collect::<Vec<_>>(), ["a", "b", "default"]);
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.profiles.keys().map(String::as_str)
    }

    fn merge(&mut self, sections: &[parser::RawSection], name_of: fn(&str) -> Option<&str>) {
        // `[profile default]` beats `[default]` in a config file, wherever each is written.
        let mut ordered: Vec<_> = sections.iter().collect();
        ordered.sort_by_key(|section| section.header.starts_with("profile"));
        for section in ordered {
            let Some(name) = name_of(&section.header) else {
                continue;
            };
            let profile = self
                .profiles
                .entry(name.to_owned())
                .or_insert_with(|| Profile {
                    name: name.to_owned(),
                    properties: BTreeMap::new(),
                });
            for property in &section.properties {
                profile
                    .properties
                    .insert(property.name().to_owned(), property.clone());
            }
        }
    }
}

/// `[default]`, `[profile default]`, `[profile x]` name profiles in a config file.
fn config_profile_name(header: &str) -> Option<&str> {
    if header == "default" {
        return Some(header);
    }
    let rest = header.strip_prefix("profile")?;
    let name = rest.trim_start();
    (rest.len() > name.len() && !name.is_empty()).then_some(name)
}

/// In a credentials file every section is a profile, named as written.
#[allow(clippy::unnecessary_wraps)] // one signature with `config_profile_name`
fn credentials_profile_name(header: &str) -> Option<&str> {
    Some(header)
}

/// Where the two files are and which profile is selected, from `AWS_CONFIG_FILE`,
/// `AWS_SHARED_CREDENTIALS_FILE`, `AWS_PROFILE` and the home directory.
///
/// ```
/// use awso_client::credentials::EnvironmentMap;
/// use awso_client::credentials::profile::ProfileFiles;
/// use std::path::Path;
///
/// let env = EnvironmentMap::from_pairs([("HOME", "/home/me"), ("AWS_PROFILE", "dev")]);
/// let files = ProfileFiles::from_env(&env);
/// assert_eq!(files.config_file(), Some(Path::new("/home/me/.aws/config")));
/// assert_eq!(files.profile_name(), "dev");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileFiles {
    config: Option<PathBuf>,
    credentials: Option<PathBuf>,
    profile: String,
}

impl ProfileFiles {
    /// The files and profile the environment names.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::EnvironmentMap;
    /// use awso_client::credentials::profile::ProfileFiles;
    /// let env = EnvironmentMap::from_pairs([("HOME", "/home/me"), ("AWS_SHARED_CREDENTIALS_FILE", "~/keys/aws")]);
    /// let files = ProfileFiles::from_env(&env);
    /// assert_eq!(files.credentials_file(), Some(Path::new("/home/me/keys/aws")));
    /// assert_eq!(files.profile_name(), "default");
    /// ```
    pub fn from_env(env: &dyn Environment) -> ProfileFiles {
        let home = home_dir(env);
        let locate = |variable: &str, default: &str| match env.non_empty(variable) {
            Some(path) => Some(expand_home(&path, home.as_deref())),
            None => home.as_ref().map(|home| home.join(".aws").join(default)),
        };
        ProfileFiles {
            config: locate("AWS_CONFIG_FILE", "config"),
            credentials: locate("AWS_SHARED_CREDENTIALS_FILE", "credentials"),
            profile: env
                .non_empty("AWS_PROFILE")
                .unwrap_or_else(|| "default".to_owned()),
        }
    }

    /// The same files with profile `name` selected instead.
    ///
    /// ```
    /// use awso_client::credentials::EnvironmentMap;
    /// use awso_client::credentials::profile::ProfileFiles;
    /// let env = EnvironmentMap::from_pairs([("HOME", "/home/me"), ("AWS_PROFILE", "dev")]);
    /// assert_eq!(ProfileFiles::from_env(&env).with_profile("prod").profile_name(), "prod");
    /// ```
    #[must_use]
    pub fn with_profile(mut self, name: impl Into<String>) -> ProfileFiles {
        self.profile = name.into();
        self
    }

    /// The config file's path, if a home directory or `AWS_CONFIG_FILE` gives one.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::EnvironmentMap;
    /// use awso_client::credentials::profile::ProfileFiles;
    /// let env = EnvironmentMap::from_pairs([("HOME", "/home/me"), ("AWS_CONFIG_FILE", "/etc/aws/config")]);
    /// assert_eq!(ProfileFiles::from_env(&env).config_file(), Some(Path::new("/etc/aws/config")));
    /// ```
    pub fn config_file(&self) -> Option<&Path> {
        self.config.as_deref()
    }

    /// The credentials file's path.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::EnvironmentMap;
    /// use awso_client::credentials::profile::ProfileFiles;
    /// let env = EnvironmentMap::from_pairs([("HOME", "/home/me")]);
    /// assert_eq!(ProfileFiles::from_env(&env).credentials_file(), Some(Path::new("/home/me/.aws/credentials")));
    /// ```
    pub fn credentials_file(&self) -> Option<&Path> {
        self.credentials.as_deref()
    }

    /// The selected profile (`AWS_PROFILE`, else `default`).
    ///
    /// ```
    /// use awso_client::credentials::EnvironmentMap;
    /// use awso_client::credentials::profile::ProfileFiles;
    /// assert_eq!(ProfileFiles::from_env(&EnvironmentMap::new()).profile_name(), "default");
    /// ```
    pub fn profile_name(&self) -> &str {
        &self.profile
    }

    /// Reads and parses both files; a missing file counts as empty.
    ///
    /// ```
    /// use awso_client::credentials::EnvironmentMap;
    /// use awso_client::credentials::profile::ProfileFiles;
    /// let dir = std::env::temp_dir().join(format!("awso-doc-profile-files-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("config"), "[profile dev]\nregion = eu-west-1\n").unwrap();
    /// // The credentials file does not exist: it counts as empty.
    /// let env = EnvironmentMap::from_pairs([
    ///     ("AWS_CONFIG_FILE", dir.join("config").to_str().unwrap()),
    ///     ("AWS_SHARED_CREDENTIALS_FILE", dir.join("credentials").to_str().unwrap()),
    /// ]);
    /// let set = ProfileFiles::from_env(&env).load().unwrap();
    /// assert_eq!(set.profile("dev").unwrap().get("region"), Some("eu-west-1"));
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn load(&self) -> Result<ProfileSet, CredentialsError> {
        let config = read_optional(self.config.as_deref())?;
        let credentials = read_optional(self.credentials.as_deref())?;
        ProfileSet::parse(
            pair(self.config.as_deref(), config.as_deref()),
            pair(self.credentials.as_deref(), credentials.as_deref()),
        )
        .map_err(|error| {
            CredentialsError::invalid("profile", "malformed profile file").with_source(error)
        })
    }

    /// The paths looked at, for messages.
    pub(crate) fn describe(&self) -> String {
        let shown: Vec<String> = [&self.config, &self.credentials]
            .into_iter()
            .flatten()
            .map(|path| path.display().to_string())
            .collect();
        if shown.is_empty() {
            "no files (no home directory)".to_owned()
        } else {
            shown.join(" and ")
        }
    }
}

fn pair<'a>(path: Option<&'a Path>, text: Option<&'a str>) -> Option<(&'a Path, &'a str)> {
    path.zip(text)
}

fn read_optional(path: Option<&Path>) -> Result<Option<String>, CredentialsError> {
    let Some(path) = path else { return Ok(None) };
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(CredentialsError::invalid(
            "profile",
            format!("cannot read {}", path.display()),
        )
        .with_source(error)),
    }
}

fn home_dir(env: &dyn Environment) -> Option<PathBuf> {
    if let Some(home) = env
        .non_empty("HOME")
        .or_else(|| env.non_empty("USERPROFILE"))
    {
        return Some(PathBuf::from(home));
    }
    let drive = env.non_empty("HOMEDRIVE")?;
    let path = env.non_empty("HOMEPATH")?;
    Some(PathBuf::from(format!("{drive}{path}")))
}

/// `~/x` and `~` name the home directory, as the SDKs read these variables.
fn expand_home(path: &str, home: Option<&Path>) -> PathBuf {
    let rest = path
        .strip_prefix("~/")
        .or_else(|| path.strip_prefix("~\\"))
        .or((path == "~").then_some(""));
    match (rest, home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

/// The selected profile's files and the provider's shared environment, for the profile
/// provider and the region resolver.
pub(crate) fn files_for(env: &Arc<dyn Environment>, profile: Option<&str>) -> ProfileFiles {
    let files = ProfileFiles::from_env(env.as_ref());
    match profile {
        Some(name) => files.with_profile(name),
        None => files,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::EnvironmentMap;

    #[test]
    fn config_needs_the_profile_prefix_and_credentials_must_not() {
        let set = ProfileSet::parse(
            Some((
                Path::new("c"),
                "[x]\nk = ignored\n[profile  y]\nk = config\n[profile]\nk = 1\n[sso-session s]\nk = 2\n",
            )),
            Some((Path::new("k"), "[y]\nk = credentials\n[z]\nk = 3\n")),
        )
        .unwrap();
        assert_eq!(set.names().collect::<Vec<_>>(), ["y", "z"]);
        assert_eq!(set.profile("y").unwrap().get("k"), Some("credentials"));
    }

    #[test]
    fn profile_default_beats_default_in_config() {
        let set = ProfileSet::parse_config(
            Path::new("c"),
            "[profile default]\nregion = a\n[default]\nregion = b\noutput = json\n",
        )
        .unwrap();
        let default = set.profile("default").unwrap();
        assert_eq!(default.get("region"), Some("a"));
        assert_eq!(default.get("output"), Some("json"));
    }

    #[test]
    fn variables_and_tilde_locate_the_files() {
        let env = EnvironmentMap::from_pairs([
            ("USERPROFILE", "/u"),
            ("AWS_CONFIG_FILE", "~/cfg"),
            ("AWS_SHARED_CREDENTIALS_FILE", "/abs/creds"),
            ("AWS_PROFILE", " "),
        ]);
        let files = ProfileFiles::from_env(&env);
        assert_eq!(files.config_file(), Some(Path::new("/u/cfg")));
        assert_eq!(files.credentials_file(), Some(Path::new("/abs/creds")));
        assert_eq!(files.profile_name(), "default");
        let none = ProfileFiles::from_env(&EnvironmentMap::new());
        assert_eq!(none.config_file(), None);
        assert_eq!(none.describe(), "no files (no home directory)");
    }
}

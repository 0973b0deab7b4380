//! The INI dialect of `~/.aws/config` and `~/.aws/credentials`, line by line in one pass.
//!
//! - `[name]` opens a section; text after `]` may only be a comment.
//! - `name = value` sets a property; ` #` or ` ;` (after whitespace) starts a comment in a value.
//! - Lines whose first non-blank character is `#` or `;` are comments.
//! - An indented line continues the property above it: a property with an empty value takes
//!   indented `name = value` lines as sub-properties (`s3 =` / `  max_concurrent_requests = 10`);
//!   otherwise the line is appended to the value after a newline.
//!
//! Errors give the line number and what was expected, never the line itself: it may hold a key.

use std::fmt;
use std::path::{Path, PathBuf};

/// A section as written in a file: its header text and its properties in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawSection {
    pub(crate) header: String,
    pub(crate) properties: Vec<Property>,
}

/// One `name = value` line, with its sub-properties and where it was written.
///
/// ```
/// use awso_client::credentials::profile::ProfileSet;
/// // An indented line continues the value above it.
/// let text = "[default]\nca_bundle = /etc/a.pem\n  /etc/b.pem\n";
/// let set = ProfileSet::parse_config(std::path::Path::new("config"), text).unwrap();
/// let property = set.profile("default").unwrap().property("ca_bundle").unwrap();
/// assert_eq!(property.value(), "/etc/a.pem\n/etc/b.pem");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Property {
    name: String,
    value: String,
    sub_properties: Vec<(String, String)>,
    line: usize,
}

impl Property {
    /// The property's name as written (`aws_access_key_id`).
    ///
    /// ```
    /// use awso_client::credentials::profile::ProfileSet;
    /// let set = ProfileSet::parse_config(std::path::Path::new("config"), "[default]\nregion = us-east-1\n").unwrap();
    /// assert_eq!(set.profile("default").unwrap().property("region").unwrap().name(), "region");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value, continuation lines joined with `\n`; empty for a property with sub-properties.
    ///
    /// ```
    /// use awso_client::credentials::profile::ProfileSet;
    /// // A comment after whitespace is not part of the value.
    /// let set = ProfileSet::parse_config(std::path::Path::new("config"), "[default]\nregion = us-east-1 # home\n").unwrap();
    /// assert_eq!(set.profile("default").unwrap().property("region").unwrap().value(), "us-east-1");
    /// ```
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The indented `name = value` lines under a property with an empty value (`s3 =`).
    ///
    /// ```
    /// use awso_client::credentials::profile::ProfileSet;
    /// let text = "[default]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = path\n";
    /// let set = ProfileSet::parse_config(std::path::Path::new("config"), text).unwrap();
    /// let s3 = set.profile("default").unwrap().property("s3").unwrap();
    /// assert_eq!(s3.value(), "");
    /// assert_eq!(s3.sub_properties().len(), 2);
    /// assert_eq!(s3.sub_properties()[0], ("max_concurrent_requests".to_owned(), "10".to_owned()));
    /// ```
    pub fn sub_properties(&self) -> &[(String, String)] {
        &self.sub_properties
    }

    /// The sub-property `name`, if set.
    ///
    /// ```
    /// use awso_client::credentials::profile::ProfileSet;
    /// let text = "[default]\ns3 =\n  addressing_style = virtual\n";
    /// let set = ProfileSet::parse_config(std::path::Path::new("config"), text).unwrap();
    /// let s3 = set.profile("default").unwrap().property("s3").unwrap();
    /// assert_eq!(s3.sub_property("addressing_style"), Some("virtual"));
    /// assert_eq!(s3.sub_property("use_dualstack_endpoint"), None);
    /// ```
    pub fn sub_property(&self, name: &str) -> Option<&str> {
        self.sub_properties
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The 1-based line the property starts on.
    ///
    /// ```
    /// use awso_client::credentials::profile::ProfileSet;
    /// let text = "# comment\n[default]\n\nregion = us-east-1\n";
    /// let set = ProfileSet::parse_config(std::path::Path::new("config"), text).unwrap();
    /// assert_eq!(set.profile("default").unwrap().property("region").unwrap().line(), 4);
    /// ```
    pub fn line(&self) -> usize {
        self.line
    }

    pub(crate) fn is_secret(&self) -> bool {
        is_secret_name(&self.name)
    }
}

/// Names whose values must never be printed: keys, tokens, and the command of
/// `credential_process` (whose arguments may carry a password).
pub(crate) fn is_secret_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name == "credential_process"
        || ((name.contains("secret") || name.contains("token")) && !name.ends_with("_file"))
}

impl fmt::Debug for Property {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = format_args!("{}", super::super::REDACTED);
        let mut out = f.debug_struct("Property");
        out.field("name", &self.name);
        if self.is_secret() {
            out.field("value", &redacted);
        } else {
            out.field("value", &self.value);
        }
        let subs: Vec<(&str, &dyn fmt::Debug)> = self
            .sub_properties
            .iter()
            .map(|(key, value)| {
                let shown: &dyn fmt::Debug = if is_secret_name(key) {
                    &redacted
                } else {
                    value
                };
                (key.as_str(), shown)
            })
            .collect();
        out.field("sub_properties", &subs)
            .field("line", &self.line)
            .finish()
    }
}

/// A malformed line in a profile file: which file, which line, what was expected.
///
/// ```
/// use awso_client::credentials::profile::ProfileSet;
/// use std::path::Path;
///
/// let error = ProfileSet::parse_config(Path::new("config"), "[default]\nregion\n").unwrap_err();
/// assert_eq!(error.line(), 2);
/// assert_eq!(error.to_string(), "config:2: expected `name = value`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    file: PathBuf,
    line: usize,
    message: &'static str,
}

impl ParseError {
    /// The file that holds the bad line.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::profile::ProfileSet;
    /// let error = ProfileSet::parse(None, Some((Path::new("/home/me/.aws/credentials"), "key = value\n"))).unwrap_err();
    /// assert_eq!(error.file(), Path::new("/home/me/.aws/credentials"));
    /// ```
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The 1-based line number.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::profile::ProfileSet;
    /// let error = ProfileSet::parse_config(Path::new("config"), "[default]\nregion = us-east-1\n[broken\n").unwrap_err();
    /// assert_eq!(error.line(), 3);
    /// ```
    pub fn line(&self) -> usize {
        self.line
    }

    /// What was expected there.
    ///
    /// ```
    /// use std::path::Path;
    /// use awso_client::credentials::profile::ProfileSet;
    /// // The message says what was expected, never the line (it may hold a key).
    /// let error = ProfileSet::parse_config(Path::new("config"), "[default]\naws_secret_access_key\n").unwrap_err();
    /// assert!(!error.message().contains("aws_secret_access_key"));
    /// assert!(!error.message().is_empty());
    /// ```
    pub fn message(&self) -> &str {
        self.message
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses the text of one file into its sections, in order.
pub(crate) fn parse(file: &Path, text: &str) -> Result<Vec<RawSection>, ParseError> {
    let mut sections: Vec<RawSection> = Vec::new();
    for (index, raw_line) in text.split('\n').enumerate() {
        let line_number = index + 1;
        let error = |message| ParseError {
            file: file.to_path_buf(),
            line: line_number,
            message,
        };
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            let property = sections
                .last_mut()
                .and_then(|section| section.properties.last_mut())
                .ok_or_else(|| error("indented line without a property above it to continue"))?;
            continue_property(property, trimmed).map_err(error)?;
        } else if trimmed.starts_with('[') {
            let header = parse_header(trimmed).map_err(error)?;
            sections.push(RawSection {
                header,
                properties: Vec::new(),
            });
        } else {
            let section = sections
                .last_mut()
                .ok_or_else(|| error("property before any `[section]` header"))?;
            let (name, value) = split_property(trimmed).map_err(error)?;
            section.properties.push(Property {
                name: name.to_owned(),
                value: strip_inline_comment(value).to_owned(),
                sub_properties: Vec::new(),
                line: line_number,
            });
        }
    }
    Ok(sections)
}

fn parse_header(line: &str) -> Result<String, &'static str> {
    let inner = &line[1..];
    let close = inner.find(']').ok_or("section header has no closing `]`")?;
    let rest = inner[close + 1..].trim_start();
    if !(rest.is_empty() || rest.starts_with('#') || rest.starts_with(';')) {
        return Err("unexpected text after the section header");
    }
    let name = inner[..close].trim();
    if name.is_empty() {
        return Err("section header has no name");
    }
    Ok(name.to_owned())
}

fn split_property(line: &str) -> Result<(&str, &str), &'static str> {
    let (name, value) = line.split_once('=').ok_or("expected `name = value`")?;
    let name = name.trim();
    if name.is_empty() {
        return Err("property has no name before `=`");
    }
    Ok((name, value.trim()))
}

/// A value up to the first `#` or `;` that follows whitespace.
fn strip_inline_comment(value: &str) -> &str {
    let bytes = value.as_bytes();
    let cut = (1..bytes.len())
        .find(|&i| matches!(bytes[i], b'#' | b';') && bytes[i - 1].is_ascii_whitespace());
    match cut {
        Some(i) => value[..i].trim_end(),
        None => value,
    }
}

fn continue_property(property: &mut Property, line: &str) -> Result<(), &'static str> {
    if property.value.is_empty() {
        let (name, value) =
            split_property(line).map_err(|_| "expected an indented `name = value` sub-property")?;
        property
            .sub_properties
            .push((name.to_owned(), strip_inline_comment(value).to_owned()));
    } else {
        property.value.push('\n');
        property.value.push_str(line);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Vec<RawSection> {
        parse(Path::new("f"), text).unwrap()
    }

    fn parse_err(text: &str) -> (usize, &'static str) {
        let error = parse(Path::new("f"), text).unwrap_err();
        (error.line, error.message)
    }

    #[test]
    fn sections_properties_and_comments() {
        let sections = parse_ok(
            "# top\n[default] ; note\nregion = us-west-2 # inline\nkey=a#b\n\n; c\n[profile x]\r\nk = v\r\n",
        );
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].header, "default");
        let values: Vec<_> = sections[0]
            .properties
            .iter()
            .map(|p| (p.name.as_str(), p.value.as_str(), p.line))
            .collect();
        assert_eq!(values, [("region", "us-west-2", 3), ("key", "a#b", 4)]);
        assert_eq!(sections[1].header, "profile x");
        assert_eq!(sections[1].properties[0].value, "v");
    }

    #[test]
    fn sub_properties_and_continuations() {
        let sections = parse_ok(
            "[p]\ns3 =\n  max_concurrent_requests = 10\n\tregion = eu-west-1\nlong = a\n  b\n",
        );
        let s3 = &sections[0].properties[0];
        assert_eq!(s3.value, "");
        assert_eq!(s3.sub_property("max_concurrent_requests"), Some("10"));
        assert_eq!(s3.sub_property("region"), Some("eu-west-1"));
        assert_eq!(sections[0].properties[1].value, "a\nb");
    }

    #[test]
    fn every_malformed_line_names_its_line() {
        assert_eq!(
            parse_err("k = v\n"),
            (1, "property before any `[section]` header")
        );
        assert_eq!(
            parse_err("[a]\n[b\n"),
            (2, "section header has no closing `]`")
        );
        assert_eq!(
            parse_err("[a] x\n"),
            (1, "unexpected text after the section header")
        );
        assert_eq!(parse_err("\n[ ]\n"), (2, "section header has no name"));
        assert_eq!(parse_err("[a]\nnovalue\n"), (2, "expected `name = value`"));
        assert_eq!(
            parse_err("[a]\n= v\n"),
            (2, "property has no name before `=`")
        );
        assert_eq!(
            parse_err("[a]\n  indented = 1\n"),
            (2, "indented line without a property above it to continue")
        );
        assert_eq!(
            parse_err("[a]\ns3 =\n  nokey\n"),
            (3, "expected an indented `name = value` sub-property")
        );
    }

    #[test]
    fn every_prefix_of_a_valid_file_parses_or_fails_cleanly() {
        let text = "[default]\nregion = us-east-1\ns3 =\n  a = b\n[profile x] # c\nk = v\n";
        for end in 0..=text.len() {
            // A cut can only break the last line: a header or a property name cut short.
            if let Err(error) = parse(Path::new("f"), &text[..end]) {
                assert_eq!(error.line, text[..end].split('\n').count(), "prefix {end}");
                assert!(
                    matches!(
                        error.message,
                        "section header has no closing `]`"
                            | "expected `name = value`"
                            | "expected an indented `name = value` sub-property"
                    ),
                    "prefix {end}: {}",
                    error.message
                );
            }
        }
    }

    #[test]
    fn debug_redacts_secret_values() {
        let sections = parse_ok(
            "[a]\naws_secret_access_key = SECRETVALUE\naws_session_token = TOKENVALUE\ncredential_process = tool --password PW\nsub =\n  sso_token = SUBSECRET\nregion = us-east-1\n",
        );
        for printed in [
            format!("{:?}", sections[0].properties),
            format!("{:#?}", sections[0].properties),
        ] {
            for secret in ["SECRETVALUE", "TOKENVALUE", "PW", "SUBSECRET"] {
                assert!(!printed.contains(secret), "{secret} in {printed}");
            }
            assert!(printed.contains("us-east-1"));
        }
    }
}

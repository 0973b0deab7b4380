//! Request URIs: label expansion, percent-encoding, and query strings.

use crate::error::{Error, Result};

/// Appends `text` percent-encoded for a URI path segment or query component: RFC 3986
/// unreserved characters stay; for greedy labels, `/` stays too.
pub(crate) fn encode(out: &mut String, text: &str, keep_slash: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'_' | b'.' | b'~')
            || (keep_slash && b == b'/')
        {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
}

/// What a template is: it names the labels in errors and says how a value goes in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Template {
    /// A URI path: `{Label}` and greedy `{Label+}` placeholders, values percent-encoded
    /// (greedy ones keep their `/`), an empty value refused.
    Path,
    /// An endpoint host prefix: `{Label}` placeholders, each value a valid host name part
    /// written as it is.
    HostPrefix,
}

impl Template {
    fn describe(self) -> (&'static str, &'static str) {
        match self {
            Self::Path => ("URI template", "URI label"),
            Self::HostPrefix => ("host prefix", "host label"),
        }
    }

    /// Writes the value of the label `name` (greedy: written as `{name+}`).
    fn write(self, out: &mut String, name: &str, greedy: bool, value: &str) -> Result<()> {
        let (_, label) = self.describe();
        let invalid = |why: String| Err(Error::invalid("request", why));
        match self {
            Self::Path if value.is_empty() => invalid(format!("the {label} `{name}` is empty")),
            // A dot segment would move the request to another resource once any client or
            // proxy normalises the path (`/bucket/../other`).
            Self::Path if has_dot_segment(value, greedy) => invalid(format!(
                "the {label} `{name}` is or holds the path segment `.` or `..`: {value:?}"
            )),
            Self::Path => {
                encode(out, value, greedy);
                Ok(())
            }
            Self::HostPrefix if !is_host_part(value) => invalid(format!(
                "the {label} `{name}` is not a valid host name part: {value:?}"
            )),
            Self::HostPrefix => {
                out.push_str(value);
                Ok(())
            }
        }
    }
}

/// Whether `value` is `.` or `..`, or (for a greedy label, whose `/` are kept) has such a
/// segment.
fn has_dot_segment(value: &str, greedy: bool) -> bool {
    let dots = |segment: &str| matches!(segment, "." | "..");
    if greedy {
        value.split('/').any(dots)
    } else {
        dots(value)
    }
}

/// Letters, digits, `-` and `.`, not empty and not starting with `-` or `.`.
fn is_host_part(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !value.starts_with(['-', '.'])
}

/// Expands the placeholders of `template` with `labels` (name, text) pairs, by the rules of
/// `kind`.
pub(crate) fn expand(template: &str, kind: Template, labels: &[(&str, String)]) -> Result<String> {
    let (what, label) = kind.describe();
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..]
            .find('}')
            .map(|i| open + i)
            .ok_or_else(|| Error::invalid(what, format!("unclosed label in {template:?}")))?;
        let placeholder = &rest[open + 1..close];
        let (name, greedy) = match placeholder.strip_suffix('+') {
            Some(name) if kind == Template::Path => (name, true),
            _ => (placeholder, false),
        };
        let value = labels
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .ok_or_else(|| {
                Error::invalid("request", format!("the {label} `{name}` has no value"))
            })?;
        kind.write(&mut out, name, greedy, value)?;
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Appends `key=value` pairs to a query string being built.
pub(crate) fn push_query(out: &mut String, key: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    encode(out, key, false);
    out.push('=');
    encode(out, value, false);
}

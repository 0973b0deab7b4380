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

/// Expands the `{Label}` and `{Label+}` placeholders of a path template with `labels` (name,
/// text) pairs.
pub(crate) fn expand_path(template: &str, labels: &[(&str, String)]) -> Result<String> {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map(|i| open + i).ok_or_else(|| {
            Error::invalid("URI template", format!("unclosed label in {template:?}"))
        })?;
        let label = &rest[open + 1..close];
        let (name, greedy) = match label.strip_suffix('+') {
            Some(name) => (name, true),
            None => (label, false),
        };
        let value = labels
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .ok_or_else(|| {
                Error::invalid("request", format!("the URI label `{name}` has no value"))
            })?;
        if value.is_empty() {
            return Err(Error::invalid(
                "request",
                format!("the URI label `{name}` is empty"),
            ));
        }
        encode(&mut out, value, greedy);
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

//! The rules language's standard library: pure functions over strings.
//!
//! Each returns `None` where the language says the result is unset (an input it refuses),
//! which makes the calling condition false.

use std::ops::Range;

/// `substring(input, start, stop, reverse)`: ASCII only; `reverse` counts from the end.
/// Gives the byte range of the piece, so a borrowed input stays borrowed.
pub(crate) fn substring(input: &str, start: i64, stop: i64, reverse: bool) -> Option<Range<usize>> {
    if !input.is_ascii() {
        return None;
    }
    let len = input.len() as i64;
    if start < 0 || start >= stop || stop > len {
        return None;
    }
    let (from, to) = if reverse {
        (len - stop, len - start)
    } else {
        (start, stop)
    };
    Some(from as usize..to as usize)
}

/// `uriEncode`: percent-encodes every byte but RFC 3986's unreserved characters, which is
/// the query codec's encoding exactly.
pub(crate) fn uri_encode(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    awso_core::query::percent_encode(&mut out, input);
    out
}

/// `isValidHostLabel`: an RFC 1123 label (1-63 letters, digits, hyphens, starting with a
/// letter or digit); with `allow_sub_domains`, dot-separated labels.
pub(crate) fn is_valid_host_label(input: &str, allow_sub_domains: bool) -> bool {
    if allow_sub_domains {
        input.split('.').all(is_host_label)
    } else {
        is_host_label(input)
    }
}

fn is_host_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    (1..=63).contains(&bytes.len())
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
}

/// What `parseURL` yields.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Url<'a> {
    pub(crate) scheme: &'a str,
    pub(crate) authority: &'a str,
    pub(crate) path: &'a str,
    pub(crate) normalized_path: String,
    pub(crate) is_ip: bool,
}

/// `parseURL`: an `http`/`https` URL without query or fragment.
pub(crate) fn parse_url(input: &str) -> Option<Url<'_>> {
    let (scheme, rest) = input.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    if rest.contains(['?', '#']) {
        return None;
    }
    let (authority, path) = match rest.find('/') {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    if authority.is_empty() || authority.contains(['@', ' ']) {
        return None;
    }
    let mut normalized_path = String::with_capacity(path.len() + 2);
    if !path.starts_with('/') {
        normalized_path.push('/');
    }
    normalized_path.push_str(path);
    if !normalized_path.ends_with('/') {
        normalized_path.push('/');
    }
    Some(Url {
        scheme,
        authority,
        path,
        normalized_path,
        is_ip: is_ip_authority(authority),
    })
}

/// Whether the host of `authority` (port stripped) is an IPv4 or a bracketed IPv6 address.
fn is_ip_authority(authority: &str) -> bool {
    if authority.starts_with('[') {
        let Some(close) = authority.find(']') else {
            return false;
        };
        return authority[1..close].parse::<std::net::Ipv6Addr>().is_ok();
    }
    let host = authority
        .rsplit_once(':')
        .map_or(authority, |(host, _)| host);
    host.parse::<std::net::Ipv4Addr>().is_ok()
}

/// `split(input, delimiter, limit)`: `limit` 0 means no limit, 1 no split.
pub(crate) fn split<'a>(input: &'a str, delimiter: &str, limit: i64) -> Option<Vec<&'a str>> {
    if delimiter.is_empty() || limit < 0 {
        return None;
    }
    Some(if limit == 0 {
        input.split(delimiter).collect()
    } else {
        input.splitn(limit as usize, delimiter).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_counts_from_either_end_and_refuses_non_ascii() {
        let piece =
            |start, stop, reverse| substring("abcdef", start, stop, reverse).map(|r| &"abcdef"[r]);
        assert_eq!(piece(0, 4, false), Some("abcd"));
        assert_eq!(piece(0, 4, true), Some("cdef"));
        assert_eq!(piece(1, 6, true), Some("abcde"));
        assert_eq!(substring("abcdef", 2, 2, false), None);
        assert_eq!(substring("abc", 0, 4, false), None);
        assert_eq!(substring("ab\u{e9}cd", 0, 2, false), None);
    }

    #[test]
    fn uri_encode_keeps_unreserved_only() {
        assert_eq!(uri_encode("a b/c~_.-%"), "a%20b%2Fc~_.-%25");
        assert_eq!(uri_encode("\u{e9}"), "%C3%A9");
    }

    #[test]
    fn host_labels() {
        assert!(is_valid_host_label("us-east-1", false));
        assert!(!is_valid_host_label("a.b", false));
        assert!(is_valid_host_label("a.b", true));
        assert!(!is_valid_host_label("a..b", true));
        assert!(!is_valid_host_label("-a", false));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
    }

    #[test]
    fn urls() {
        let url = parse_url("https://example.com:8443/a/b").unwrap();
        assert_eq!(
            (url.scheme, url.authority, url.path),
            ("https", "example.com:8443", "/a/b")
        );
        assert_eq!(url.normalized_path, "/a/b/");
        assert!(!url.is_ip);
        assert!(parse_url("http://127.0.0.1:80").unwrap().is_ip);
        assert!(parse_url("http://[::1]:80/").unwrap().is_ip);
        assert_eq!(parse_url("http://h").unwrap().normalized_path, "/");
        assert!(parse_url("ftp://h").is_none());
        assert!(parse_url("https://h/?q=1").is_none());
    }

    #[test]
    fn split_limits() {
        assert_eq!(split("a--b--c", "--", 0), Some(vec!["a", "b", "c"]));
        assert_eq!(split("a--b--c", "--", 2), Some(vec!["a", "b--c"]));
        assert_eq!(split("abc", "", 0), None);
    }
}

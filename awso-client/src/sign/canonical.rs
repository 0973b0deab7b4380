//! The canonical request: the one text both sides hash, built from the request's wire form.
//!
//! ```text
//! METHOD \n canonical path \n canonical query \n (name:value \n)* \n signed;names \n payload hash
//! ```
//!
//! - path: dot segments and empty segments removed (unless S3), then percent-encoded: twice for
//!   most services (the wire path's `%` is data), once for S3 (escapes decoded, then encoded);
//! - query: every `name=value` pair decoded and encoded strictly, a missing `=` read as an empty
//!   value, sorted by name and then value;
//! - headers: names lower-cased, values trimmed with inner runs of whitespace folded to one
//!   space, repeated names joined with `,` in order, sorted by name.

use super::encode::{Escapes, encode, encode_into};
use super::error::{SigningError, SigningErrorKind};
use super::request::SignableRequest;

/// Headers that intermediaries add, drop or rewrite: signing them would break the signature.
const UNSIGNED_HEADERS: &[&str] = &[
    "authorization",
    "connection",
    "expect",
    "transfer-encoding",
    "upgrade",
    "user-agent",
    "x-amzn-trace-id",
];

/// The headers part of the canonical request and the `SignedHeaders` list.
pub(crate) struct CanonicalHeaders {
    pub(crate) lines: String,
    pub(crate) signed: String,
}

/// Canonical headers from the request's own headers plus the ones the signer adds (already
/// lower-case, replacing any the request carries under the same name).
pub(crate) fn canonical_headers(
    request: &SignableRequest<'_>,
    added: &[(&str, &str)],
) -> Result<CanonicalHeaders, SigningError> {
    let mut headers: Vec<(String, String)> =
        Vec::with_capacity(request.headers().len() + added.len());
    for &(name, value) in request.headers() {
        let name = lower_case_name(name)?;
        if UNSIGNED_HEADERS.contains(&name.as_str())
            || added.iter().any(|(added, _)| *added == name)
        {
            continue;
        }
        let value = folded_value(&name, value)?;
        headers.push((name, value));
    }
    headers.extend(
        added
            .iter()
            .map(|&(name, value)| (name.to_owned(), value.to_owned())),
    );
    // A stable sort keeps repeated names in the order they were sent.
    headers.sort_by(|a, b| a.0.cmp(&b.0));
    let mut lines = String::new();
    let mut signed = String::new();
    let mut previous: Option<&str> = None;
    for (name, value) in &headers {
        if previous == Some(name.as_str()) {
            lines.pop(); // the newline: the value continues the line
            lines.push(',');
        } else {
            if previous.is_some() {
                signed.push(';');
            }
            signed.push_str(name);
            lines.push_str(name);
            lines.push(':');
        }
        lines.push_str(value);
        lines.push('\n');
        previous = Some(name);
    }
    Ok(CanonicalHeaders { lines, signed })
}

fn lower_case_name(name: &str) -> Result<String, SigningError> {
    let valid = !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && b != b':');
    if !valid {
        return Err(SigningError::new(
            SigningErrorKind::Header,
            format!("header name {name:?} is empty or has a character outside visible ASCII"),
        ));
    }
    Ok(name.to_ascii_lowercase())
}

/// The value trimmed, with each run of spaces, tabs and line breaks (obsolete line folding)
/// written as one space. Values must be UTF-8 (non-ASCII text is signed as its UTF-8 bytes) and
/// hold no other control characters.
fn folded_value(name: &str, value: &[u8]) -> Result<String, SigningError> {
    let refuse = |why: &str| {
        SigningError::new(
            SigningErrorKind::Header,
            format!("value of header {name:?} {why}"),
        )
    };
    let text = std::str::from_utf8(value).map_err(|_| refuse("is not UTF-8"))?;
    let mut out = String::with_capacity(text.len());
    for word in text
        .split([' ', '\t', '\r', '\n'])
        .filter(|word| !word.is_empty())
    {
        if word.chars().any(char::is_control) {
            return Err(refuse("has a control character"));
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Ok(out)
}

/// The canonical path: normalised unless `normalize` is off (S3), then encoded.
pub(crate) fn canonical_path(path: &str, normalize: bool, double_encode: bool) -> String {
    let normalized;
    let path = if normalize {
        normalized = normalized_path(path);
        normalized.as_str()
    } else if path.is_empty() {
        "/"
    } else {
        path
    };
    let escapes = if double_encode {
        Escapes::Encode
    } else {
        Escapes::Decode
    };
    let mut out = String::with_capacity(path.len() + 8);
    encode_into(&mut out, path.as_bytes(), escapes, true);
    out
}

/// RFC 3986 dot-segment removal that also drops empty segments (`//`), as SigV4 does; a path
/// that names a directory (trailing `/`, `.` or `..`) keeps its trailing slash.
fn normalized_path(path: &str) -> String {
    let names_directory = path.ends_with('/')
        || path
            .rsplit('/')
            .next()
            .is_some_and(|last| last == "." || last == "..");
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            name => segments.push(name),
        }
    }
    let mut out = String::with_capacity(path.len());
    for segment in &segments {
        out.push('/');
        out.push_str(segment);
    }
    if out.is_empty() || names_directory {
        out.push('/');
    }
    out
}

/// The canonical query from the wire query and the parameters the signer adds (raw values).
pub(crate) fn canonical_query(query: &str, added: &[(&str, &str)]) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let mut canonical_name = String::with_capacity(name.len());
        encode_into(&mut canonical_name, name.as_bytes(), Escapes::Decode, false);
        let mut canonical_value = String::with_capacity(value.len());
        encode_into(
            &mut canonical_value,
            value.as_bytes(),
            Escapes::Decode,
            false,
        );
        pairs.push((canonical_name, canonical_value));
    }
    pairs.extend(
        added
            .iter()
            .map(|&(name, value)| (encode(name), encode(value))),
    );
    pairs.sort_unstable();
    let mut out = String::with_capacity(query.len() + 64);
    for (index, (name, value)) in pairs.iter().enumerate() {
        if index > 0 {
            out.push('&');
        }
        out.push_str(name);
        out.push('=');
        out.push_str(value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_removes_dots_and_empty_segments() {
        let cases = [
            ("", "/"),
            ("/", "/"),
            ("//", "/"),
            ("/./", "/"),
            ("/example/..", "/"),
            ("/a/b/..", "/a/"),
            ("/a/b/.", "/a/b/"),
            ("//example//", "/example/"),
            ("/./example", "/example"),
            ("/../../x", "/x"),
        ];
        for (path, expected) in cases {
            assert_eq!(normalized_path(path), expected, "{path:?}");
        }
    }

    #[test]
    fn s3_paths_keep_double_slashes_and_dots() {
        assert_eq!(
            canonical_path("/bucket//key/./x", false, false),
            "/bucket//key/./x"
        );
        assert_eq!(canonical_path("", false, false), "/");
        assert_eq!(canonical_path("/a%2Fb c", false, false), "/a%2Fb%20c");
    }

    #[test]
    fn double_encoding_encodes_the_wire_escapes_again() {
        assert_eq!(canonical_path("/a%20b", true, true), "/a%2520b");
    }

    #[test]
    fn plus_and_escaped_plus_are_the_same_literal_plus() {
        assert_eq!(canonical_query("a=b+c", &[]), "a=b%2Bc");
        assert_eq!(canonical_query("a=b%2Bc", &[]), "a=b%2Bc");
        assert_eq!(canonical_query("a=b%20c", &[]), "a=b%20c");
    }

    #[test]
    fn query_pairs_sort_by_name_then_value_and_empty_parts_are_kept() {
        assert_eq!(
            canonical_query("b=2&a=2&a=1&&c&=x", &[]),
            "=x&a=1&a=2&b=2&c="
        );
        assert_eq!(
            canonical_query("", &[("X-Amz-Expires", "60")]),
            "X-Amz-Expires=60"
        );
    }

    #[test]
    fn header_values_are_trimmed_folded_and_joined() {
        let request = SignableRequest::new("GET", "/")
            .header("My-Header", b"  a   b \t c ")
            .header("my-header", b"second")
            .header("B", b"x\n   y")
            .header("User-Agent", b"ignored")
            .header("X-Amz-Date", b"replaced");
        let headers = canonical_headers(&request, &[("x-amz-date", "20150830T123600Z")]).unwrap();
        assert_eq!(
            headers.lines,
            "b:x y\nmy-header:a b c,second\nx-amz-date:20150830T123600Z\n"
        );
        assert_eq!(headers.signed, "b;my-header;x-amz-date");
    }

    #[test]
    fn non_ascii_header_values_are_signed_as_utf8_and_other_bytes_refused() {
        let request = SignableRequest::new("GET", "/").header("x-name", "café".as_bytes());
        assert_eq!(
            canonical_headers(&request, &[]).unwrap().lines,
            "x-name:café\n"
        );
        let invalid = SignableRequest::new("GET", "/").header("x-name", b"caf\xe9");
        let error = canonical_headers(&invalid, &[]).err().unwrap();
        assert_eq!(error.to_string(), "value of header \"x-name\" is not UTF-8");
        let control = SignableRequest::new("GET", "/").header("x-name", b"a\x00b");
        assert_eq!(
            canonical_headers(&control, &[]).err().unwrap().kind(),
            SigningErrorKind::Header
        );
        let bad_name = SignableRequest::new("GET", "/").header("bad name", b"x");
        assert!(canonical_headers(&bad_name, &[]).is_err());
    }
}

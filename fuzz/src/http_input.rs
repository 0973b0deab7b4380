//! The input of the protocol targets: a tiny HTTP response, written the way HTTP/1 writes one
//! so that seeds stay readable and any response body can become a seed.
//!
//! ```text
//! 404                          <- status line: decimal digits (anything else reads as 500)
//! X-Amzn-Errortype: NotFound   <- at most 8 headers, `Name: value`, names from a small set
//! x-amz-request-id: r-1
//!                              <- an empty line
//! {"Message":"gone"}           <- the body: every remaining byte
//! ```
//!
//! Header lines whose name is not in [`HEADER_NAMES`] (case-insensitively) and does not start
//! with `x-meta-`, or whose value HTTP forbids, are dropped: the targets fuzz the protocol
//! layer, not the `http` crate.

/// The header names the protocol layer reads: error codes, request ids, the content type,
/// and the headers the fuzz model binds (prefix headers `x-meta-*` are accepted too).
pub const HEADER_NAMES: &[&str] = &[
    "x-amzn-errortype",
    "x-amzn-query-error",
    "x-amz-request-id",
    "x-amzn-requestid",
    "content-type",
    "x-count",
    "x-when",
    "x-flags",
    "retry-after",
];

const MAX_HEADERS: usize = 8;

/// Reads `data` as a response; never fails.
pub fn response(data: &[u8]) -> http::Response<Vec<u8>> {
    let (status_line, mut rest) = split_line(data);
    let mut builder = http::Response::builder().status(status(status_line));
    let mut headers = 0;
    while !rest.is_empty() {
        let (line, after) = split_line(rest);
        rest = after;
        if line.is_empty() {
            break;
        }
        if headers < MAX_HEADERS {
            if let Some((name, value)) = header(line) {
                builder = builder.header(name, value);
                headers += 1;
            }
        }
    }
    builder
        .body(rest.to_vec())
        .unwrap_or_else(|_| http::Response::new(rest.to_vec()))
}

/// The bytes before the first `\n` (without a trailing `\r`), and those after it.
fn split_line(data: &[u8]) -> (&[u8], &[u8]) {
    let (line, rest) = match data.iter().position(|&b| b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    (line.strip_suffix(b"\r").unwrap_or(line), rest)
}

fn status(line: &[u8]) -> http::StatusCode {
    std::str::from_utf8(line)
        .ok()
        .and_then(|s| s.trim().parse::<u16>().ok())
        .and_then(|n| http::StatusCode::from_u16(n).ok())
        .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

fn header(line: &[u8]) -> Option<(http::HeaderName, http::HeaderValue)> {
    let at = line.iter().position(|&b| b == b':')?;
    let name = std::str::from_utf8(&line[..at]).ok()?.trim();
    let lower = name.to_ascii_lowercase();
    if !HEADER_NAMES.contains(&lower.as_str()) && !lower.starts_with("x-meta-") {
        return None;
    }
    let name = http::HeaderName::from_bytes(lower.as_bytes()).ok()?;
    let value = http::HeaderValue::from_bytes(line[at + 1..].trim_ascii()).ok()?;
    Some((name, value))
}

#[cfg(test)]
mod tests {
    use super::response;

    #[test]
    fn reads_status_headers_and_body() {
        let r = response(b"404\r\nX-Amzn-Errortype: NotFound\nX-Other: no\nx-meta-A: 1\n\n{}\n");
        assert_eq!(r.status(), 404);
        assert_eq!(r.headers()["x-amzn-errortype"], "NotFound");
        assert_eq!(r.headers()["x-meta-a"], "1");
        assert!(r.headers().get("x-other").is_none());
        assert_eq!(r.body(), b"{}\n");
    }

    #[test]
    fn anything_is_a_response() {
        let r = response(b"teapot");
        assert_eq!(r.status(), 500);
        assert!(r.body().is_empty());
    }
}

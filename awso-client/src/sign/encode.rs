//! RFC 3986 percent-encoding as SigV4 defines it, and lower-case hex.
//!
//! SigV4 leaves only the unreserved characters (`A-Z a-z 0-9 - . _ ~`) as they are and writes every
//! other byte as `%XX` with upper-case hex digits. The canonical request is built from the
//! request's wire form, so escapes already present are either kept as text (double encoding:
//! `%` itself is encoded) or decoded first and encoded again (single encoding), which makes `%2b`,
//! `%2B` and `+` canonicalise the same way.

const UPPER_HEX: &[u8; 16] = b"0123456789ABCDEF";
const LOWER_HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether RFC 3986 lets `byte` appear unencoded in a canonical component.
fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

fn push_escaped(out: &mut String, byte: u8) {
    out.push('%');
    out.push(char::from(UPPER_HEX[usize::from(byte >> 4)]));
    out.push(char::from(UPPER_HEX[usize::from(byte & 0xF)]));
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// How a wire component becomes its canonical form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Escapes {
    /// `%` is data: every escape on the wire is encoded again (`%20` becomes `%2520`).
    Encode,
    /// `%XX` is an escape: decode it, then encode the byte strictly.
    Decode,
}

/// Appends the canonical encoding of `input` to `out`.
///
/// With `keep_slash`, a literal `/` stays as the path separator; an escaped slash (`%2F`) is
/// still written escaped, so a key containing a slash keeps its meaning.
pub(crate) fn encode_into(out: &mut String, input: &[u8], escapes: Escapes, keep_slash: bool) {
    let mut index = 0;
    while index < input.len() {
        let byte = input[index];
        if escapes == Escapes::Decode && byte == b'%' {
            let high = input.get(index + 1).copied().and_then(hex_value);
            let low = input.get(index + 2).copied().and_then(hex_value);
            if let (Some(high), Some(low)) = (high, low) {
                push_component_byte(out, (high << 4) | low, false);
                index += 3;
                continue;
            }
        }
        push_component_byte(out, byte, keep_slash);
        index += 1;
    }
}

fn push_component_byte(out: &mut String, byte: u8, keep_slash: bool) {
    if is_unreserved(byte) || (keep_slash && byte == b'/') {
        out.push(char::from(byte));
    } else {
        push_escaped(out, byte);
    }
}

/// The strict encoding of `input` (nothing decoded, `/` encoded): for values the signer adds.
pub(crate) fn encode(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    encode_into(&mut out, input.as_bytes(), Escapes::Encode, false);
    out
}

/// Lower-case hex of `bytes`, the form SigV4 writes hashes and signatures in.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(LOWER_HEX[usize::from(byte >> 4)]));
        out.push(char::from(LOWER_HEX[usize::from(byte & 0xF)]));
    }
    out
}

/// Bytes from hex text, `None` unless every pair is a hex digit pair.
#[cfg_attr(not(feature = "sigv4a"), allow(dead_code))]
pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 2 != 0 {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|pair| Some((hex_value(pair[0])? << 4) | hex_value(pair[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(input: &str, escapes: Escapes, keep_slash: bool) -> String {
        let mut out = String::new();
        encode_into(&mut out, input.as_bytes(), escapes, keep_slash);
        out
    }

    #[test]
    fn unreserved_characters_stay_and_the_rest_is_escaped_upper_case() {
        assert_eq!(encode("aZ09-._~"), "aZ09-._~");
        assert_eq!(encode("a b/c+d=ሴ"), "a%20b%2Fc%2Bd%3D%E1%88%B4");
    }

    #[test]
    fn double_encoding_escapes_the_percent_sign() {
        assert_eq!(canonical("/a%20b/", Escapes::Encode, true), "/a%2520b/");
    }

    #[test]
    fn single_encoding_decodes_first_and_keeps_escaped_slashes() {
        assert_eq!(
            canonical("/a%20b/c%2fd", Escapes::Decode, true),
            "/a%20b/c%2Fd"
        );
        assert_eq!(canonical("a+b", Escapes::Decode, false), "a%2Bb");
        assert_eq!(canonical("a%2bb", Escapes::Decode, false), "a%2Bb");
        assert_eq!(canonical("%41%zz%", Escapes::Decode, false), "A%25zz%25");
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(hex(&[0x00, 0xab, 0xff]), "00abff");
        assert_eq!(unhex("00abFF"), Some(vec![0x00, 0xab, 0xff]));
        assert_eq!(unhex("0"), None);
        assert_eq!(unhex("zz"), None);
    }
}

//! The character classes of XML names, below both the schema (which works out once per
//! member whether its XML name is plain) and the XML lexer (which checks every name it
//! reads): one table, so the two cannot disagree.

/// [`NAME_BYTES`] flags: may start a name, may continue one, is the prefix separator.
pub(crate) const STARTS_NAME: u8 = 1;
pub(crate) const IN_NAME: u8 = 2;
pub(crate) const COLON: u8 = 4;

/// The name flags of each ASCII byte; bytes from 0x80 are decoded and looked up by range.
pub(crate) static NAME_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'A'..=b'Z' | b'a'..=b'z' | b'_' => STARTS_NAME | IN_NAME,
            b':' => STARTS_NAME | IN_NAME | COLON,
            b'0'..=b'9' | b'-' | b'.' => IN_NAME,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// Whether `name` is an XML name of ASCII characters without a prefix: letters, digits, `_`,
/// `-` and `.`, starting with a letter or `_` (the classes of [`NAME_BYTES`], colon aside).
/// Schemas work this out once per member (it is a `const fn`), so that a reader expecting
/// such a name can match a start tag by comparing bytes alone.
pub(crate) const fn plain_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    let mut wanted = STARTS_NAME;
    let mut i = 0;
    while i < bytes.len() {
        let flags = NAME_BYTES[bytes[i] as usize];
        if flags & wanted == 0 || flags & COLON != 0 {
            return false;
        }
        wanted = IN_NAME;
        i += 1;
    }
    !bytes.is_empty()
}

#[cfg(test)]
mod tests {
    use super::plain_name;

    #[test]
    fn plain_names_are_ascii_names_without_a_prefix() {
        for name in ["Id", "a", "_x", "member", "a-b.c_1", "Z9"] {
            assert!(plain_name(name), "{name}");
        }
        for name in [
            "", "1a", "-a", ".a", "p:Id", ":a", "a b", "Ünï", "a\u{e9}", "a>",
        ] {
            assert!(!plain_name(name), "{name}");
        }
    }
}

//! Finding the next byte that needs attention in a run of text, eight bytes at a time.
//!
//! SWAR ("SIMD within a register"): a string's text is mostly plain, and one pass that flags
//! a small set of delimiters and every control byte replaces a search per delimiter plus a
//! second pass for control characters. The JSON reader looks for `"` and `\`, the XML reader
//! for `<`, `&` and the bytes that need a closer look, the XML writer for what it escapes.
//! `benches/` measures the readers and writers against serde_json and quick-xml.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// High bit set in each byte of `word` that is zero. Bytes after the first zero byte may be
/// flagged spuriously (a borrow runs into them); bytes before it never are, which is all a
/// search for the first one needs.
const fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGH
}

/// High bit set in each byte of `word` that is one of `needles` or below 0x20 (bytes after
/// the first such byte may be flagged spuriously, as in [`zero_bytes`]).
#[inline]
pub(crate) fn flagged<const N: usize>(word: u64, needles: [u8; N]) -> u64 {
    // Below 0x20: subtracting 0x20 borrows, and the high bit was clear.
    let mut found = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    for needle in needles {
        found |= zero_bytes(word ^ (ONES * u64::from(needle)));
    }
    found
}

/// The offset of the first byte of `bytes` that is one of `needles` or below 0x20.
#[inline]
pub(crate) fn first_of<const N: usize>(bytes: &[u8], needles: [u8; N]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    for (n, chunk) in chunks.by_ref().enumerate() {
        let word = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        let found = flagged(word, needles);
        if found != 0 {
            return Some(n * 8 + (found.trailing_zeros() / 8) as usize);
        }
    }
    let rest = chunks.remainder();
    rest.iter()
        .position(|b| *b < 0x20 || needles.contains(b))
        .map(|i| bytes.len() - rest.len() + i)
}

#[cfg(test)]
mod tests {
    use super::first_of;

    fn special(bytes: &[u8]) -> Option<usize> {
        first_of(bytes, [b'"', b'\\'])
    }

    /// Against the obvious byte loop, at every position and length.
    #[test]
    fn agrees_with_a_byte_loop() {
        let naive = |bytes: &[u8]| {
            bytes
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        };
        let specials = [b'"', b'\\', 0x00, 0x1f, 0x0a];
        let plain = [b'a', 0x20, 0x7f, 0x80, 0xff, 0x21, 0x5b, 0x5d];
        for len in 0..40 {
            for at in 0..=len {
                for &s in &specials {
                    for &p in &plain {
                        let mut bytes = vec![p; len];
                        if at < len {
                            bytes[at] = s;
                        }
                        // A second special later must not hide the first.
                        if at + 3 < len {
                            bytes[at + 3] = b'"';
                        }
                        assert_eq!(special(&bytes), naive(&bytes), "{bytes:?}");
                    }
                }
            }
        }
    }
}

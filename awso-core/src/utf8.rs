//! Checking that input bytes are UTF-8, once, before a reader slices text out of them.
//!
//! Every body is checked whole before it is read, so this pass runs over every byte a
//! response carries. simdutf8's validator does it with SIMD (chosen at run time); std's
//! validator runs only when the input is invalid, to say where. `benches/` measures the
//! JSON and XML decoders, this pass included, against serde_json, quick-xml and the SDK.

use crate::error::{Error, Position, Result};

/// `bytes` as text, or an error at the offset of the first byte that is not UTF-8.
pub(crate) fn text(bytes: &[u8]) -> Result<&str> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        // The fast validator says only that the input is invalid; std's says where.
        Err(_) => std::str::from_utf8(bytes).map_err(|e| {
            Error::syntax("invalid UTF-8").at(Position::locate(bytes, e.valid_up_to()))
        }),
    }
}

/// `bytes` as text if it is UTF-8.
pub(crate) fn try_text(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::{text, try_text};

    #[test]
    fn valid_text_is_returned_whole() {
        let input = "plain, accented é, CJK 字, emoji 😀".as_bytes();
        assert_eq!(text(input).unwrap().as_bytes(), input);
        assert_eq!(try_text(input).map(str::as_bytes), Some(input));
    }

    #[test]
    fn invalid_text_is_located_at_its_first_bad_byte() {
        // A long valid run first, so the SIMD path sees the error past its first block.
        let mut input = "ab\ncd".repeat(40).into_bytes();
        input.extend_from_slice(&[0xE2, 0x28, 0xA1]);
        let err = text(&input).unwrap_err().to_string();
        assert!(err.contains("invalid UTF-8"), "{err}");
        assert!(err.contains("at line 41 column 3 (byte 200)"), "{err}");
        assert_eq!(try_text(&input), None);
    }
}

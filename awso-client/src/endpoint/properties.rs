//! Property tests of the functions and the parser: no input panics, and results round-trip.

use proptest::prelude::*;

use super::aws::{is_virtual_hostable_s3_bucket, parse_arn};
use super::functions::{is_valid_host_label, parse_url, substring, uri_encode};
use super::{Params, Partitions, RuleSet};

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

proptest! {
    #[test]
    fn uri_encode_round_trips(text in any::<String>()) {
        let encoded = uri_encode(&text);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)));
        prop_assert_eq!(percent_decode(&encoded), Some(text.into_bytes()));
    }

    #[test]
    fn substring_is_in_bounds(text in "[ -~]{0,20}|\\PC{0,8}", start in -2i64..24, stop in -2i64..24, rev: bool) {
        if let Some(range) = substring(&text, start, stop, rev) {
            prop_assert!(text.is_ascii());
            prop_assert_eq!(range.len() as i64, stop - start);
            prop_assert!(range.end <= text.len());
        }
    }

    #[test]
    fn arns_rejoin_to_their_input(text in "(arn:)?[a-z0-9:/-]{0,40}") {
        if let Some(arn) = parse_arn(&text) {
            let head = format!("arn:{}:{}:{}:{}:", arn.partition, arn.service, arn.region, arn.account_id);
            prop_assert!(text.starts_with(&head));
            let resource = &text[head.len()..];
            let pieces: Vec<&str> = resource.split([':', '/']).collect();
            prop_assert_eq!(pieces, arn.resource_id);
        }
    }

    #[test]
    fn host_checks_never_panic(text in "\\PC{0,70}|[a-z0-9.-]{0,70}", sub: bool) {
        let label = is_valid_host_label(&text, sub);
        let bucket = is_virtual_hostable_s3_bucket(&text, sub);
        // A virtual-hostable bucket is always a valid host label (with the same dot rule).
        prop_assert!(!bucket || label);
        if let Some(url) = parse_url(&text) {
            prop_assert!(url.normalized_path.starts_with('/') && url.normalized_path.ends_with('/'));
        }
    }

    #[test]
    fn templates_parse_or_fail_cleanly(text in "[a-z{}#\\[\\]0-9.R]{0,16}") {
        let json = serde_json::json!({"version": "1.0", "parameters": {"R": {"type": "string"}},
            "rules": [{"type": "error", "conditions": [], "error": text}]});
        if let Ok(rules) = RuleSet::from_json(&json.to_string()) {
            let result = rules.resolve(&Params::new().with("R", "r"), &Partitions::empty());
            prop_assert!(result.is_err());
        }
    }
}

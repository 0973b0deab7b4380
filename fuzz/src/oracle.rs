//! serde_json as the oracle of JSON syntax: a document awso reads, serde_json must read as
//! the same data, and the other way round.
//!
//! Two documented differences are left out: nesting near the limit (awso allows 128
//! levels, serde_json 127), and numbers are compared by value (serde_json keeps `-0` as a
//! float, awso as the integer 0; both read `1E+2` as 100). serde_json parses floats with
//! `float_roundtrip`, exactly, as awso does.

use awso_core::Document;
use awso_core::types::Number;

/// Panics unless awso's `Document` reading and serde_json agree on `data`.
pub fn json_agrees_with_serde_json(data: &[u8]) {
    if nesting(data) >= 127 {
        return;
    }
    let ours = awso_core::json::from_slice::<Document>(data);
    let theirs = serde_json::from_slice::<serde_json::Value>(data);
    match (&ours, &theirs) {
        (Ok(ours), Ok(theirs)) => assert!(
            same(ours, theirs),
            "awso and serde_json read different data:\n  awso:       {ours:?}\n  serde_json: {theirs:?}"
        ),
        (Err(_), Err(_)) => {}
        _ => panic!(
            "awso and serde_json disagree on whether this is JSON:\n  awso:       {:?}\n  serde_json: {:?}",
            ours.as_ref().map_err(ToString::to_string),
            theirs.as_ref().map_err(ToString::to_string),
        ),
    }
}

fn same(ours: &Document, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (ours, theirs) {
        (Document::Null, J::Null) => true,
        (Document::Boolean(a), J::Bool(b)) => a == b,
        (Document::String(a), J::String(b)) => a == b,
        (Document::Number(a), J::Number(b)) => same_number(*a, b),
        (Document::Array(a), J::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Document::Object(a), J::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, v)| b.get(k).is_some_and(|theirs| same(v, theirs)))
        }
        _ => false,
    }
}

#[allow(clippy::float_cmp)] // Exactly the same number is the point.
fn same_number(ours: Number, theirs: &serde_json::Number) -> bool {
    match (ours, theirs.as_u64(), theirs.as_i64()) {
        (Number::PosInt(a), Some(b), _) => a == b,
        (Number::NegInt(a), _, Some(b)) => a == b,
        (ours, _, _) => {
            let ours = match ours {
                Number::PosInt(n) => n as f64,
                Number::NegInt(n) => n as f64,
                Number::Float(x) => x,
            };
            theirs.as_f64().is_some_and(|theirs| ours == theirs)
        }
    }
}

/// The deepest nesting of arrays and objects in `data`, outside strings.
fn nesting(data: &[u8]) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0, false, false);
    for &b in data {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

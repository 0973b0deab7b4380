//! Equality for round trips and for comparing the typed and dynamic modes.
//!
//! Values are compared through their `Debug` text: unlike `==`, it treats a NaN as equal to
//! itself and tells `-0.0` from `0.0`, which is what "nothing is lost" means for floats.

use std::fmt::Debug;

use awso_core::Value;

/// `Debug` text of `value`, for comparisons.
pub fn text<T: Debug>(value: &T) -> String {
    format!("{value:?}")
}

/// Panics unless `a` and `b` have the same `Debug` text.
pub fn assert_same<T: Debug>(what: &str, a: &T, b: &T) {
    let (a, b) = (text(a), text(b));
    assert!(
        a == b,
        "{what}: values differ\n  first:  {a}\n  second: {b}"
    );
}

/// `value` with every map's entries sorted by key: typed maps (`BTreeMap`) are sorted, run-time
/// ones keep wire order, and the two modes must agree up to that.
pub fn sorted_maps(value: &Value) -> Value {
    match value {
        Value::List(items) => Value::List(items.iter().map(sorted_maps).collect()),
        Value::Map(entries) => {
            let mut entries: Vec<(String, Value)> = entries
                .iter()
                .map(|(k, v)| (k.clone(), sorted_maps(v)))
                .collect();
            entries.sort_by(|(a, _), (b, _)| a.cmp(b));
            Value::Map(entries)
        }
        Value::Structure(members) => Value::Structure(
            members
                .iter()
                .map(|(name, v)| (name.clone(), sorted_maps(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Panics unless the typed mode's value (as a `Value`) and the dynamic mode's agree.
pub fn assert_modes_agree(what: &str, typed: &Value, dynamic: &Value) {
    assert_same(what, &sorted_maps(typed), &sorted_maps(dynamic));
}

//! The botocore model of one protocol test case: its group's `metadata` and `shapes`, with
//! the case's own `given` as the model's one operation. Each case of a group may bring its
//! own operation model (botocore's older suites vary `given` within a group), so both modes
//! of the conformance harness read a case through this: the build script (static mode)
//! includes this file, the harness (dynamic mode) calls it through the library.
//!
//! ```
//! let group: awso_core::Document = awso_core::json::from_str(r#"{
//!   "metadata": {"protocol": "rest-json"},
//!   "shapes": {"In": {"type": "structure", "members": {}}},
//!   "cases": [{"given": {"name": "Put", "input": {"shape": "In"}}}]}"#).unwrap();
//! let case = &group.get("cases").unwrap().as_array().unwrap()[0];
//! let (model, name) = awso_tests::case_model::case_model(&group, case).unwrap();
//! assert_eq!(name, "Put");
//! assert!(model.get("operations").and_then(|o| o.get("Put")).is_some());
//! ```

use awso_core::Document;
use indexmap::IndexMap;

/// The model of `case` of `group` (`metadata`, `shapes`, and `operations` holding the
/// case's `given` under its name), and that operation's name; an error says what the case
/// lacks.
///
/// # Errors
///
/// When the case has no `given` with a `name`.
pub fn case_model(group: &Document, case: &Document) -> Result<(Document, String), String> {
    let given = case.get("given").ok_or("the case has no `given`")?;
    let name = given
        .get("name")
        .and_then(Document::as_str)
        .ok_or("the case's `given` has no `name`")?
        .to_owned();
    let mut model = IndexMap::new();
    for key in ["metadata", "shapes"] {
        if let Some(part) = group.get(key) {
            model.insert(key.to_owned(), part.clone());
        }
    }
    let mut operations = IndexMap::new();
    operations.insert(name.clone(), given.clone());
    model.insert("operations".to_owned(), Document::Object(operations));
    Ok((Document::Object(model), name))
}

//! S3's endpoint rule set, read from the installed botocore at run time: tests that need it
//! are skipped outside CI when botocore is missing, and fail in CI.

use awso_client::endpoint::EmbeddedRuleSet;

/// S3's rules, or `None` (the caller skips) outside CI without botocore.
pub(crate) fn s3_rule_set() -> Option<&'static EmbeddedRuleSet> {
    let rules = awso_codegen::botocore_data_dir()
        .map_err(|e| e.to_string())
        .and_then(|dir| {
            let path = dir.join("s3/2006-03-01/endpoint-rule-set-1.json.gz");
            awso_codegen::read_model(&path).map_err(|e| format!("{}: {e}", path.display()))
        });
    let rules = match rules {
        Ok(rules) => rules,
        Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("skipped: no botocore S3 rule set ({e})");
            return None;
        }
        Err(e) => panic!("the S3 rule set is needed in CI: {e}"),
    };
    Some(Box::leak(Box::new(EmbeddedRuleSet::new(rules.leak()))))
}

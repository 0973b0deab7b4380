//! Models come as botocore's loader gives them: `service-2.sdk-extras.json` merged in.

use std::path::Path;

use awso_codegen::{Options, find_botocore_model, generate, read_model};

/// A scratch directory of this test's own.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("awso-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn extras_merge_objects_by_member_and_replace_the_rest() {
    let dir = scratch("extras-merge");
    std::fs::write(
        dir.join("service-2.json"),
        r#"{"metadata": {"serviceId": "A", "protocol": "json"},
            "shapes": {"L": {"type": "list", "member": {"shape": "S"}, "min": 1}}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("service-2.sdk-extras.json"),
        r#"{"version": 1.0, "merge": {"metadata": {"serviceId": "B"},
            "shapes": {"L": {"min": [2]}, "S": {"type": "string"}}}}"#,
    )
    .unwrap();
    let merged = read_model(&dir.join("service-2.json")).unwrap();
    // Only a file named as a service model gets its extras.
    std::fs::copy(dir.join("service-2.json"), dir.join("other.json")).unwrap();
    let other = read_model(&dir.join("other.json")).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        merged,
        r#"{"metadata":{"serviceId":"B","protocol":"json"},"shapes":{"L":{"type":"list","member":{"shape":"S"},"min":[2]},"S":{"type":"string"}}}"#
    );
    assert!(other.contains(r#""serviceId": "A""#), "{other}");
}

/// S3's `Expires` is a string in the model file and a timestamp in the extras: generated
/// code read it as text where botocore (and the dynamic mode, given botocore's model) parses
/// a time — the static differential mode's one difference.
#[test]
fn issue_12_s3_expires_is_a_timestamp_as_botocore_loads_it() {
    let path = match find_botocore_model("s3") {
        Ok(path) => path,
        Err(e) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("botocore is required in CI: {e}")
        }
        Err(e) => {
            eprintln!("SKIPPED: no botocore s3 model: {e}");
            return;
        }
    };
    assert!(Path::new(&path.with_file_name("service-2.sdk-extras.json")).is_file());
    let code = generate(&read_model(&path).unwrap(), &Options::default())
        .unwrap()
        .code;
    assert!(
        code.contains("pub expires: ::std::option::Option<::awso_core::Timestamp>"),
        "{}",
        code.lines()
            .filter(|l| l.contains("pub expires"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(!code.contains("pub expires: ::std::option::Option<::std::string::String>"));
}

//! The `partitions.json` awso-client carries is the installed botocore's: this fails when
//! either changed without the other (refresh with the minified copy of botocore's
//! `data/partitions.json`). Without botocore the check is skipped, except in CI.

use awso_client::endpoint::{BOTOCORE_PARTITIONS, Partitions};

#[test]
fn the_carried_partitions_are_botocores() {
    let installed = match awso_codegen::botocore_data_dir()
        .map_err(|e| e.to_string())
        .and_then(|dir| {
            std::fs::read_to_string(dir.join("partitions.json")).map_err(|e| e.to_string())
        }) {
        Ok(text) => text,
        Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("skipped: no installed botocore partitions.json ({e})");
            return;
        }
        Err(e) => panic!("botocore's partitions.json is needed in CI: {e}"),
    };
    let installed: serde_json::Value = serde_json::from_str(&installed).unwrap();
    let carried: serde_json::Value = serde_json::from_str(BOTOCORE_PARTITIONS).unwrap();
    assert_eq!(
        carried, installed,
        "awso-client/src/endpoint/partitions.json is stale: write botocore's, minified"
    );
    assert!(!BOTOCORE_PARTITIONS.contains('\n'), "kept minified");
    Partitions::from_json(BOTOCORE_PARTITIONS).expect("the carried partitions parse");
}

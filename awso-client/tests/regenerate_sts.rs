//! The committed `src/credentials/sts/model.rs` is what awso-codegen makes of the installed
//! botocore STS model: this fails when either changed without the other. Without botocore the
//! check is skipped (with a message), except in CI where botocore is always installed.

const COMMAND: &str = "awso-codegen sts -o awso-client/src/credentials/sts/model.rs";

#[test]
fn the_committed_sts_model_is_what_the_generator_writes() {
    let path = match awso_codegen::find_botocore_model("sts") {
        Ok(path) => path,
        Err(e) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("botocore is required in CI: {e}")
        }
        Err(e) => {
            eprintln!("SKIPPED: cannot regenerate the STS model: {e}");
            return;
        }
    };
    let text = awso_codegen::read_model(&path).unwrap();
    let options = awso_codegen::Options {
        rustfmt: true,
        regenerate_with: Some(COMMAND.to_owned()),
        ..awso_codegen::Options::default()
    };
    let generated = awso_codegen::generate(&text, &options).unwrap();
    let committed = include_str!("../src/credentials/sts/model.rs");
    let arguments = COMMAND.trim_start_matches("awso-codegen ");
    assert!(
        generated.code == committed,
        "src/credentials/sts/model.rs is stale: regenerate it from the workspace root with \
         `cargo run -p awso-codegen -- {arguments}` (from {})",
        path.display()
    );
}

//! The committed `src/model.rs` is what awso-codegen makes of the installed botocore model:
//! this fails when either changed without the other. Without botocore the check is skipped
//! (with a message), except in CI where botocore is always installed.

const COMMAND: &str = "awso-codegen connectparticipant -o services/connectparticipant/src/model.rs";

#[test]
fn the_committed_model_is_what_the_generator_writes() {
    let path = match awso_codegen::find_botocore_model("connectparticipant") {
        Ok(path) => path,
        Err(e) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("botocore is required in CI: {e}")
        }
        Err(e) => {
            eprintln!("SKIPPED: cannot regenerate the connectparticipant model: {e}");
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
    let committed = include_str!("../src/model.rs");
    assert!(
        generated.code == committed,
        "src/model.rs is stale: regenerate it with `cargo run -p {COMMAND}` (from {})",
        path.display()
    );
}

//! The committed `src/credentials/sts/model.rs` is what awso-codegen makes of the installed
//! botocore STS model: this fails when either changed without the other. Without botocore the
//! check is skipped (with a message), except in CI where botocore is always installed.

#[test]
fn the_committed_sts_model_is_what_the_generator_writes() {
    awso_codegen::assert_committed_is_fresh(
        "sts",
        "awso-codegen sts -o awso-client/src/credentials/sts/model.rs",
        include_str!("../src/credentials/sts/model.rs"),
    );
}

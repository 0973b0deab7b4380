//! The committed `services/connectparticipant/src/model.rs` is what awso-codegen makes of the
//! installed botocore model: this fails when either changed without the other. It lives here,
//! not in that crate, so that building the crate's demo does not compile the generator. Without
//! botocore the check is skipped (with a message), except in CI where botocore is installed.

#[test]
fn the_committed_model_is_what_the_generator_writes() {
    awso_codegen::assert_committed_is_fresh(
        "connectparticipant",
        "awso-codegen connectparticipant --client -o services/connectparticipant/src/model.rs",
        include_str!("../../services/connectparticipant/src/model.rs"),
    );
}

use awso_core::AwsShape;

// Three unrelated mistakes: each is reported at its own span, in one compile, and nothing
// else follows (no "trait not implemented" for `Object` in `main`).
#[derive(AwsShape)]
#[awso(rename_all = "Pascal")]
struct Object {
    #[awso(requird)]
    key: String,
    size: u64,
}

fn main() {
    let _ = awso_core::json::to_string(&Object {
        key: String::new(),
        size: 0,
    });
}

use awso_core::AwsShape;

// `#[awso(debug)]` writes the `Debug` impl: deriving `Debug` as well is two impls, and the
// error points at both.
#[derive(AwsShape, Debug)]
#[awso(debug)]
struct Credentials {
    #[awso(sensitive)]
    secret: String,
}

fn main() {}

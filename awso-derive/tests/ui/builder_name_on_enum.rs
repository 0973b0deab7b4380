use awso_core::AwsShape;

// A string enum (or union) gets constructors and conversions, not a builder type, so there is
// no builder to name.
#[derive(AwsShape)]
#[awso(builder = "ColorBuilder")]
enum Color {
    Red,
    Unknown(String),
}

fn main() {}

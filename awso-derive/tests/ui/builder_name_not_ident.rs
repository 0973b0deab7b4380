use awso_core::AwsShape;

// The builder's name becomes a type: it must be a Rust identifier.
#[derive(AwsShape)]
#[awso(builder = "Tag-Builder")]
struct Tag {
    key: String,
}

fn main() {}

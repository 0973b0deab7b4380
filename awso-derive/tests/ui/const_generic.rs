use awso_core::AwsShape;

#[derive(AwsShape)]
struct Digest<const N: usize> {
    algorithm: String,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
#[awso(crate = "my crate")]
struct Bucket {
    name: String,
}

fn main() {}

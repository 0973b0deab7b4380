use awso_core::AwsShape;

#[derive(AwsShape)]
#[awso(union)]
struct Bucket {
    name: String,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
#[awso(name = "Bucket")]
#[awso(name = "S3Bucket")]
struct Bucket {
    name: String,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
struct Bucket {
    #[awso(rename = "Name", rename = "BucketName")]
    name: String,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
struct Bucket {
    #[awso(renamed = "BucketName")]
    name: String,
}

fn main() {}

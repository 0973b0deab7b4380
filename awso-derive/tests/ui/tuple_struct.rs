use awso_core::AwsShape;

#[derive(AwsShape)]
struct BucketName(String);

fn main() {}

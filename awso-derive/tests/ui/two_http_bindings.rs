use awso_core::AwsShape;

#[derive(AwsShape)]
struct GetObjectInput {
    #[awso(http_header = "x-amz-bucket", http_query = "bucket")]
    bucket: String,
}

fn main() {}

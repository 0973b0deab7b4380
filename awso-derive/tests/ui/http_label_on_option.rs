use awso_core::AwsShape;

#[derive(AwsShape)]
struct GetObjectInput {
    #[awso(http_label = "Bucket")]
    bucket: Option<String>,
}

fn main() {}

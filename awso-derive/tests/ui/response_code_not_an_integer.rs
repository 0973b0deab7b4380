use awso_core::AwsShape;

#[derive(AwsShape)]
struct PutObjectOutput {
    #[awso(http_response_code)]
    status: Option<String>,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
struct PutObjectInput {
    #[awso(http_header = "X-Amz-Meta\nInjected: yes")]
    meta: Option<String>,
    #[awso(http_prefix_headers = "x-amz-meta ")]
    metadata: Option<std::collections::HashMap<String, String>>,
}

fn main() {}

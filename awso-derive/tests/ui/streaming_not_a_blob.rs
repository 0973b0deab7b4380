use awso_core::AwsShape;

#[derive(AwsShape)]
struct GetObjectOutput {
    #[awso(http_payload, streaming)]
    body: Option<String>,
}

fn main() {}

use awso_core::{AwsShape, Blob};

#[derive(AwsShape)]
struct PutObjectInput {
    #[awso(http_payload)]
    body: Option<Blob>,
    #[awso(http_payload)]
    other_body: Option<Blob>,
}

fn main() {}

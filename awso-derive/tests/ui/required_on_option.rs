use awso_core::AwsShape;

#[derive(AwsShape)]
struct GetObjectInput {
    #[awso(required)]
    bucket: Option<String>,
}

fn main() {}

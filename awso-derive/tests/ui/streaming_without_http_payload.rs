use awso_core::{AwsShape, Blob};

#[derive(AwsShape)]
struct GetObjectOutput {
    #[awso(streaming)]
    body: Option<Blob>,
}

fn main() {}

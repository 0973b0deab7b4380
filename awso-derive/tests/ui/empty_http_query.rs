use awso_core::AwsShape;

#[derive(AwsShape)]
struct ListObjectsInput {
    #[awso(http_query = "")]
    prefix: Option<String>,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
struct Bucket {
    #[awso(member(rename = "Tag"))]
    tags: Vec<String>,
}

fn main() {}

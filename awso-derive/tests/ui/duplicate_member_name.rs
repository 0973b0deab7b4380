use awso_core::AwsShape;

#[derive(AwsShape)]
struct Object {
    #[awso(rename = "Key")]
    key: String,
    #[awso(rename = "Key")]
    object_key: String,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
struct Bucket {
    #[awso(xml_namespace(uri = "urn:a", uri = "urn:b"))]
    name: String,
}

fn main() {}

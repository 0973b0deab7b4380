use awso_core::AwsShape;

#[derive(AwsShape)]
#[awso(xml_namespace(prefix = "s3"))]
struct Bucket {
    name: String,
}

fn main() {}

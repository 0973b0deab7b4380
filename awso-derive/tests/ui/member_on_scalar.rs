use awso_core::AwsShape;

#[derive(AwsShape)]
struct Bucket {
    #[awso(member(xml_name = "Name"))]
    name: String,
}

fn main() {}

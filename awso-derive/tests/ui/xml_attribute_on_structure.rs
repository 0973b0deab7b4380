use awso_core::AwsShape;

#[derive(AwsShape)]
struct Owner {
    id: String,
}

#[derive(AwsShape)]
struct Bucket {
    #[awso(xml_attribute)]
    owner: Owner,
}

fn main() {}

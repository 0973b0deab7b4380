use awso_core::AwsShape;

#[derive(AwsShape)]
struct Bucket {
    #[awso(xml_attribute, xml_flattened)]
    tags: Vec<String>,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
struct Bucket {
    #[awso(xml_flattened)]
    name: String,
}

fn main() {}

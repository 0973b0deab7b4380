use std::collections::BTreeMap;

use awso_core::AwsShape;

#[derive(AwsShape)]
struct Bucket {
    #[awso(member(xml_name = "Tag"))]
    tags: BTreeMap<String, String>,
}

fn main() {}

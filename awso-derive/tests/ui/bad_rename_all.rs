use awso_core::AwsShape;

#[derive(AwsShape)]
#[awso(rename_all = "pascal_case")]
struct Object {
    last_modified: String,
}

fn main() {}

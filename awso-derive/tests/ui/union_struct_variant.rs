use awso_core::AwsShape;

#[derive(AwsShape)]
enum Filter {
    Prefix(String),
    Tag { key: String, value: String },
    Unknown(String),
}

fn main() {}

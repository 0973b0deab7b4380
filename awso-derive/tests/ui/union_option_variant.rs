use awso_core::AwsShape;

#[derive(AwsShape)]
enum Filter {
    Prefix(Option<String>),
    Unknown(String),
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
enum Filter {
    Prefix(String),
    Age(std::time::Duration),
    Unknown(String),
}

fn main() {}

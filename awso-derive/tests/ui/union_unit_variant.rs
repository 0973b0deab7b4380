use awso_core::AwsShape;

#[derive(AwsShape)]
enum Filter {
    Prefix(String),
    Everything,
    Unknown(String),
}

fn main() {}

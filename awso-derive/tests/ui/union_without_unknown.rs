use awso_core::AwsShape;

#[derive(AwsShape)]
enum Filter {
    Prefix(String),
    Size(i64),
}

fn main() {}

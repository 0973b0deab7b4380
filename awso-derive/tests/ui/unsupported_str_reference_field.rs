use awso_core::AwsShape;

#[derive(AwsShape)]
struct Object {
    key: &'static str,
}

fn main() {}

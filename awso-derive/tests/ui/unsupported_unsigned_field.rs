use awso_core::AwsShape;

#[derive(AwsShape)]
struct Object {
    size: u32,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
struct Object {
    range: (i64, i64),
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
union Bits {
    int: i32,
    float: f32,
}

fn main() {}

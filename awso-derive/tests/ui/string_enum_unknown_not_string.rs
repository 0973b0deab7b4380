use awso_core::AwsShape;

#[derive(AwsShape)]
enum StorageClass {
    Standard,
    Unknown(i32),
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
enum StorageClass {
    Standard,
    Glacier,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
#[repr(i32)]
enum StorageClass {
    Standard = 1,
    Glacier,
    Unknown(String),
}

fn main() {}

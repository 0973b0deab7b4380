use awso_core::AwsShape;

#[derive(AwsShape)]
enum StorageClass {
    Standard,
    Unknown(String),
    #[awso(unknown)]
    Other(String),
}

fn main() {}

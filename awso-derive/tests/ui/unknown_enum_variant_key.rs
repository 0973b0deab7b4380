use awso_core::AwsShape;

#[derive(AwsShape)]
enum StorageClass {
    #[awso(xml_name = "STANDARD")]
    Standard,
    Unknown(String),
}

fn main() {}

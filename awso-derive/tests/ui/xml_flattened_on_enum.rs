use awso_core::AwsShape;

#[derive(AwsShape)]
enum StorageClass {
    Standard,
    Glacier,
    Unknown(String),
}

#[derive(AwsShape)]
struct Object {
    #[awso(xml_flattened)]
    storage_class: StorageClass,
}

fn main() {}

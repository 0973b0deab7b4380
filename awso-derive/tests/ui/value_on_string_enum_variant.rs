use awso_core::AwsShape;

// `value = N` gives an intEnum variant its number; on a string enum it would be ignored.
#[derive(AwsShape)]
enum StorageClass {
    #[awso(value = 1)]
    Standard,
    Unknown(String),
}

fn main() {}

use awso_core::{AwsError, AwsShape, UnknownError};

#[derive(AwsShape, Debug)]
struct Bucket {
    name: Option<String>,
}

#[derive(AwsError, Debug)]
enum GetObjectError {
    NoSuchBucket(Bucket),
    Unknown(UnknownError),
}

fn main() {}

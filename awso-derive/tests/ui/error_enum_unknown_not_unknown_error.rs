use awso_core::{AwsError, AwsShape};

#[derive(AwsShape, Debug)]
#[awso(error(fault = "client", status = 404))]
struct NoSuchBucket {
    message: Option<String>,
}

#[derive(AwsError, Debug)]
enum GetObjectError {
    NoSuchBucket(NoSuchBucket),
    Unknown(String),
}

fn main() {}

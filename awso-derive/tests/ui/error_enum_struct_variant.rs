use awso_core::{AwsError, AwsShape, UnknownError};

#[derive(AwsShape, Debug)]
#[awso(error(fault = "client", status = 404))]
struct NoSuchBucket {
    message: Option<String>,
}

#[derive(AwsError, Debug)]
enum GetObjectError {
    NoSuchBucket { error: NoSuchBucket },
    Unknown(UnknownError),
}

fn main() {}

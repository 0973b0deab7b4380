use awso_core::{AwsError, UnknownError};

#[derive(AwsError, Debug)]
#[awso(name = "GetObjectErrors")]
enum GetObjectError {
    Unknown(UnknownError),
}

fn main() {}

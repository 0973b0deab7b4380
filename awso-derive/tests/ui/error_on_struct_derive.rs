use awso_core::AwsError;

#[derive(AwsError)]
struct GetObjectError {
    message: Option<String>,
}

fn main() {}

use awso_core::{AwsShape, Timestamp};

#[derive(AwsShape)]
struct Object {
    #[awso(timestamp_format = "iso8601")]
    last_modified: Timestamp,
}

fn main() {}

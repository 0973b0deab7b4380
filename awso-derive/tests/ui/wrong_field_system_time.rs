use std::time::SystemTime;

use awso_core::AwsShape;

#[derive(AwsShape)]
struct Event {
    at: SystemTime,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
struct Lifecycle {
    prefix: String,
    expires_after: std::time::Duration,
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
#[awso(error(fault = "server"))]
enum Reason {
    Throttled,
    Unknown(String),
}

fn main() {}

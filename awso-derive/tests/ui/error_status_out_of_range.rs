use awso_core::AwsShape;

#[derive(AwsShape, Debug)]
#[awso(error(fault = "client", status = 99))]
struct NoSuchBucket {
    message: Option<String>,
}

fn main() {}

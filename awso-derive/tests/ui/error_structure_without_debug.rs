use awso_core::AwsShape;

#[derive(AwsShape)]
#[awso(error(fault = "client", status = 404))]
struct NoSuchBucket {
    message: Option<String>,
}

fn main() {}

use awso_core::AwsShape;

// A key repeated inside error(...) is reported at the repeat, as a repeated attribute is,
// instead of the last one silently winning.
#[derive(AwsShape, Debug)]
#[awso(error(status = 404, fault = "client", status = 500))]
struct NoSuchBucket {
    message: Option<String>,
}

fn main() {}

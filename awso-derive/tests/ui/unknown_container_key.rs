use awso_core::AwsShape;

#[derive(AwsShape)]
#[awso(namespace = "http://s3.amazonaws.com/doc/2006-03-01/")]
struct Bucket {
    name: String,
}

fn main() {}

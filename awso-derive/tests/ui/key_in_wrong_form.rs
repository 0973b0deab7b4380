use awso_core::AwsShape;

// A flag given a value, and a key that needs one written bare: each is reported at its key
// with the way it is written, and the keys after it are still read.
#[derive(AwsShape)]
struct Bucket {
    #[awso(required = true, rename)]
    name: String,
    #[awso(member = "Item")]
    tags: Vec<String>,
}

fn main() {}

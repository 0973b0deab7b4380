use awso_core::AwsShape;

// `debug` is a flag of the type, not of a member, and takes no value; each mistake is
// reported at its key.
#[derive(AwsShape)]
#[awso(debug = true)]
struct Login {
    #[awso(debug)]
    user: String,
    #[awso(member(debug))]
    codes: Vec<String>,
}

fn main() {}

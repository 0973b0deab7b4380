use awso_core::AwsShape;

#[derive(AwsShape)]
#[awso(int_enum)]
enum Priority {
    #[awso(value = "1")]
    Low,
    Unknown(i32),
}

fn main() {}

use awso_core::AwsShape;

#[derive(AwsShape)]
#[awso(int_enum)]
enum Priority {
    #[awso(value = 1)]
    Low,
    #[awso(value = 1)]
    High,
    Unknown(i32),
}

fn main() {}

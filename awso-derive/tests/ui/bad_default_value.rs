use awso_core::AwsShape;

#[derive(AwsShape)]
struct Bucket {
    #[awso(default = [1, 2])]
    sizes: Vec<i32>,
}

fn main() {}

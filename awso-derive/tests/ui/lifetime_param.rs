use awso_core::AwsShape;

#[derive(AwsShape)]
struct Object<'a> {
    key: String,
    marker: std::marker::PhantomData<&'a ()>,
}

fn main() {}

use std::rc::Rc;

use awso_core::AwsShape;

#[derive(AwsShape)]
struct Node {
    value: Option<String>,
    next: Option<Rc<Node>>,
}

fn main() {}

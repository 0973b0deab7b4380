use std::collections::HashSet;

use awso_core::AwsShape;

#[derive(AwsShape)]
struct Tagged {
    tags: Option<HashSet<String>>,
}

fn main() {}

//! What both programs share, included by `#[path]` into each (`awso/` and `sdk/` stay one
//! crate each, so neither build compiles anything the other does not).

/// The error of a step that is not a call (a builder missing a required member).
pub type Failure = Box<dyn std::error::Error>;

pub const BUCKET: &str = "user-build";
pub const KEY: &str = "greeting.txt";
pub const TABLE: &str = "orders";
pub const STREAM: &str = "events";

/// Prints how one call ended; a service error is a result like any other here.
pub fn report<T, E: std::fmt::Display>(operation: &str, result: Result<T, E>) -> Option<T> {
    match result {
        Ok(output) => {
            println!("{operation}: ok");
            Some(output)
        }
        Err(e) => {
            println!("{operation}: error: {e}");
            None
        }
    }
}

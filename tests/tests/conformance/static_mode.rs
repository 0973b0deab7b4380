//! The static mode: the types awso-codegen generated from every group at build time
//! (`tests/build.rs`), registered by file and group index.

use crate::runner::{Runner, Typed};

/// One group's generated operation.
pub(crate) struct Group {
    pub(crate) file: &'static str,
    pub(crate) index: usize,
    #[allow(dead_code)]
    pub(crate) operation: &'static str,
    pub(crate) runner: fn() -> Box<dyn Runner>,
}

include!(concat!(env!("OUT_DIR"), "/static_groups.rs"));

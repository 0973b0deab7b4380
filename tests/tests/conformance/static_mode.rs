//! The static mode: the types awso-codegen generated from every group at build time
//! (`tests/build.rs`), registered by file and group index.

use crate::runner::{Runner, Typed};

/// The generated operation of the cases of one group that share an operation model; or,
/// when the generator refused the model, why (those cases fail with it).
pub(crate) struct Group {
    pub(crate) file: &'static str,
    pub(crate) index: usize,
    pub(crate) cases: &'static [usize],
    pub(crate) runner: Result<fn() -> Box<dyn Runner>, &'static str>,
}

include!(concat!(env!("OUT_DIR"), "/static_groups.rs"));

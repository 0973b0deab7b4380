//! # awso-client
//!
//! The call path of awso: everything between an `http::Request` built by
//! `awso-core`'s protocols and the network. Each part is usable on its own, so a user who
//! brings their own transport still gets AWS's rules:
//!
//! - signing requests (SigV4 in the `Authorization` header or as a presigned URL);
//! - credentials from wherever users keep them;
//! - endpoint resolution from botocore's endpoint rule sets.
//!
//! Every part is sans-I/O where it can be: time, randomness and files come in as arguments.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod credentials;
pub mod endpoint;

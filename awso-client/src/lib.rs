//! # awso-client
//!
//! The call path of awso: everything between an `http::Request` built by
//! `awso-core`'s protocols and the network. Each part is usable on its own, so a user who
//! brings their own transport still gets AWS's rules:
//!
//! - signing requests ([`sign`]: SigV4 in the `Authorization` header or as a presigned URL,
//!   SigV4a behind the `sigv4a` feature, bearer tokens, the scheme an operation uses);
//! - credentials from wherever users keep them (environment, profile files, `credential_process`,
//!   roles assumed through STS, web identity tokens, container endpoints, IMDSv2), chained in
//!   the SDKs' order and cached until shortly before expiry;
//! - endpoint resolution from botocore's endpoint rule sets;
//! - the call itself ([`client`]): build, resolve, sign, send, classify, retry or parse, with
//!   standard-mode [`retry`] rules, timeouts, one error type per call and a blocking twin;
//! - [`paginate`] and [`waiter`]: the runtime of generated paginators and waiters;
//! - the I/O boundary ([`transport`]): one async trait, with hyper + rustls as the default.
//!
//! Every part is sans-I/O where it can be: time, randomness and files come in as arguments.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod client;
pub mod credentials;
pub mod endpoint;
pub mod paginate;
pub mod retry;
pub mod sign;
pub mod transport;
pub mod waiter;

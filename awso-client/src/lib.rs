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
//!
//! The parts fit together without any I/O: credentials from a provider, a request signed with
//! them at a fixed time, and the retry decision for the answer a service might give.
//!
//! ```
//! use std::time::{Duration, UNIX_EPOCH};
//! use awso_client::credentials::{DefaultChain, EnvironmentMap, ProvideCredentials};
//! use awso_client::retry::{Decision, Failure, RetryQuota, RetrySettings, decide};
//! use awso_client::sign::{sign_http_request, SigningParams};
//!
//! let env = EnvironmentMap::from_pairs([("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", "secret")]);
//! let chain = DefaultChain::builder().environment(env).without_network().build();
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let credentials = chain.provide_credentials().await.unwrap();
//! let mut request = http::Request::post("https://sqs.eu-west-1.amazonaws.com/")
//!     .body(b"Action=ListQueues&Version=2012-11-05".to_vec())
//!     .unwrap();
//! let params = SigningParams::new("eu-west-1", "sqs", UNIX_EPOCH + Duration::from_secs(1_440_938_160));
//! sign_http_request(&mut request, &credentials, &params).unwrap();
//! let authorization = request.headers()["authorization"].to_str().unwrap();
//! assert!(authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/sqs/aws4_request"));
//!
//! // Had SQS answered 503, the first retry would wait half the base delay for the random 0.5.
//! let unavailable = Failure::Service { status: 503, code: "ServiceUnavailable", modeled: None };
//! let decision = decide(&RetrySettings::standard(), &mut RetryQuota::standard(), 1, &unavailable, 0.5, None);
//! assert_eq!(decision, Decision::Retry { delay: Duration::from_millis(500), cost: 5 });
//! # });
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod client;
pub mod credentials;
pub mod endpoint;
pub mod paginate;
pub mod retry;
pub mod sign;
pub mod stream;
pub mod transport;
pub mod waiter;

//! Benchmarks of awso's codecs on a GetTranscript response of the Connect Participant
//! service, against serde_json, quick-xml's serde support and the official AWS SDK.
//!
//! - [`payload`]: the deterministic document (JSON and XML) at any number of items;
//! - [`mirror`]: the same shapes as serde types, and the reference data;
//! - [`sdk`]: the SDK's own response deserializers, taken from their runtime plugin configs
//!   (GetTranscript; with the feature `sdk-s3`, also S3 `ListObjectsV2`);
//! - [`ops`]: the measured operations, shared by `benches/transcript.rs`, the `report`
//!   binary (allocations, peak heap, ratio tables), the `paired` binary (the bar's ratios,
//!   measured in interleaved pairs) and the `profile` binary (callgrind);
//! - [`more`]: payloads of other services (a DynamoDB `Query` response, an S3
//!   `ListObjectsV2` listing, an EC2 `DescribeInstances` response);
//! - [`call`]: a whole call through awso's generated client and the SDK's `send()`, both
//!   on canned in-memory transports (the `call` binary pairs them; feature `call`);
//! - [`alloc`]: the counting global allocator;
//! - [`convert`]: every decoder's output as reference data, to check that they agree.
//!
//! See `BENCHMARKS.md` at the repository root for the results and how to reproduce them.

#![deny(unsafe_code)]

pub mod alloc;
#[cfg(feature = "call")]
pub mod call;
pub mod convert;
pub mod mirror;
pub mod more;
pub mod ops;
pub mod payload;
pub mod sdk;

//! Payloads beyond GetTranscript, so that no ratio rests on one document's shape.
//!
//! - [`dynamodb`]: a DynamoDB `Query` response, nested attribute-value maps (JSON);
//! - [`s3`]: an S3 `ListObjectsV2` response, a flattened list of objects (XML).

pub mod dynamodb;
pub mod s3;

//! Payloads beyond GetTranscript, so that no ratio rests on one document's shape.
//!
//! - [`dynamodb`]: a DynamoDB `Query` response, nested attribute-value maps (JSON);
//! - [`s3`]: an S3 `ListObjectsV2` response, a flattened list of objects (XML);
//! - [`ec2`]: an EC2 `DescribeInstances` response, lists of structures nested six deep (XML).

pub mod dynamodb;
pub mod ec2;
pub mod s3;

//! Payloads beyond GetTranscript, so that no ratio rests on one document's shape.
//!
//! - [`dynamodb`]: a DynamoDB `Query` response, nested attribute-value maps (JSON).

pub mod dynamodb;

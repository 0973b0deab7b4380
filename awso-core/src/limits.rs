//! Limits that keep hostile input from exhausting the stack.
//!
//! Every recursive path of every codec (structures, unions, lists, maps, documents, skipped
//! unknown values, and the serializers) counts nesting and stops with a
//! [`Category::Limit`](crate::error::Category::Limit) error past the limit. Each codec's
//! reader and writer takes another limit through its `max_depth` method.

/// The default nesting limit: 128 levels, as `serde_json`'s.
pub const DEFAULT_MAX_DEPTH: usize = 128;

//! `AwsShape` for std types and the types of [`crate::types`].
//!
//! | Rust type | shape |
//! |---|---|
//! | `bool`, `i8`, `i16`, `i32`, `i64`, `f32`, `f64` | boolean, byte, short, integer, long, float, double |
//! | `String` | string |
//! | [`Blob`](crate::Blob), [`Timestamp`](crate::Timestamp), [`Document`](crate::Document) | blob, timestamp, document |
//! | [`BigInteger`](crate::BigInteger), [`BigDecimal`](crate::BigDecimal) | bigInteger, bigDecimal |
//! | `Vec<T>` / `Vec<Option<T>>` | list / sparse list |
//! | `BTreeMap`, `HashMap`, `IndexMap` of `K: MapKey` to `V` / `Option<V>` | map / sparse map |
//! | `Box<T>` | the shape of `T` (for recursive structures) |
//! | `Option<T>` | the shape of `T`, nullable (items of sparse collections) |

mod collections;
mod scalars;

//! Rust types for the AWS shapes that have no std counterpart: [`Blob`], [`Timestamp`],
//! [`Document`], [`BigInteger`] and [`BigDecimal`].

mod big;
mod blob;
mod document;
mod timestamp;

pub(crate) use big::is_decimal;
pub use big::{BigDecimal, BigInteger};
pub use blob::Blob;
pub(crate) use blob::{decode_base64, encode_base64};
pub use document::{Document, Number};
pub use timestamp::Timestamp;

//! Derive macros for [awso](https://docs.rs/awso-core): `#[derive(AwsShape)]` and
//! `#[derive(AwsError)]`. Use them through `awso-core`, which re-exports them and documents
//! every attribute.
//!
//! The crate follows the usual shape of derive crates: `ast` is the macro's own view of the
//! input, `attr` parses every `#[awso(...)]` key into typed slots (which keys exist, where
//! each is allowed and how it is written is one table, `attr::keys`), `check` applies the rules
//! that span several attributes, and `expand` generates code without ever reading a raw
//! attribute. Mistakes are collected in a `ctxt::Ctxt` and reported together, each at its own
//! span, and the impls are still emitted so no cascade of follow-on errors appears.

#![forbid(unsafe_code)]

mod ast;
mod attr;
mod case;
mod check;
mod check_error;
mod ctxt;
mod expand;
mod ty;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `awso_core::AwsShape` (and `AwsStruct` for structures and unions).
///
/// Every `#[awso(...)]` key, and the table of which Rust type stands for which shape, are in
/// the attributes guide: [`awso_core::attributes`](https://docs.rs/awso-core/latest/awso_core/attributes/index.html)
/// (`cargo doc -p awso-core --open`, then `attributes`).
#[proc_macro_derive(AwsShape, attributes(awso))]
pub fn derive_aws_shape(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::shape(&input).into()
}

/// Derives `awso_core::AwsError` for an operation's error enum.
#[proc_macro_derive(AwsError, attributes(awso))]
pub fn derive_aws_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::error_enum(&input).into()
}

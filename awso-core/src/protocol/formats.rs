//! Which body codecs a generic entry point compiles in.
//!
//! Every shape's `serialize` and `deserialize` are generic over the codec, so a function that
//! reaches the JSON, XML, CBOR and query codecs behind a `match` on the protocol compiles each
//! shape of the operation once per codec, although the service speaks one protocol. When the
//! protocol is a constant of the operation ([`Operation::SERVICE`]), the entry points pass
//! [`FormatsOf<O>`], whose flags are constants: rustc leaves the code under a false constant
//! `if` out of the build, and the shapes get instantiated for their protocol's codec alone.
//! Entry points that get the protocol at run time (the `ServiceSchema` as a value, the
//! dynamic mode) pass [`AnyFormat`] and keep every codec.

use std::marker::PhantomData;

use super::{Operation, Protocol};
use crate::error::Error;

/// The codecs an entry point may reach; a flag left false compiles its codec out.
pub(crate) trait Formats {
    /// JSON bodies (restJson1, awsJson1_0, awsJson1_1).
    const JSON: bool;
    /// XML bodies (restXml, and the responses of awsQuery and ec2Query).
    const XML: bool;
    /// CBOR bodies (rpcv2Cbor).
    const CBOR: bool;
    /// Query-form request bodies (awsQuery, ec2Query).
    const QUERY: bool;
}

/// Every codec: the protocol is known only at run time.
pub(crate) struct AnyFormat;

impl Formats for AnyFormat {
    const JSON: bool = true;
    const XML: bool = true;
    const CBOR: bool = true;
    const QUERY: bool = true;
}

/// The codecs of operation `O`'s protocol, and no other.
pub(crate) struct FormatsOf<O>(PhantomData<O>);

impl<O: Operation> Formats for FormatsOf<O> {
    const JSON: bool = matches!(
        O::SERVICE.protocol(),
        Protocol::RestJson1 | Protocol::AwsJson1_0 | Protocol::AwsJson1_1
    );
    const XML: bool = matches!(
        O::SERVICE.protocol(),
        Protocol::RestXml | Protocol::AwsQuery | Protocol::Ec2Query
    );
    const CBOR: bool = matches!(O::SERVICE.protocol(), Protocol::RpcV2Cbor);
    const QUERY: bool = matches!(
        O::SERVICE.protocol(),
        Protocol::AwsQuery | Protocol::Ec2Query
    );
}

/// The error of a body in a codec the entry point left out. Unreachable while the flags
/// follow the protocol that chooses the codec; an error rather than a panic all the same.
pub(crate) fn left_out(codec: &str) -> Error {
    Error::unsupported(format!(
        "a {codec} body, which this operation's protocol does not use"
    ))
}

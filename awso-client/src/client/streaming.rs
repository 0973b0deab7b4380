//! The streamed calls: answers whose payload is read as it arrives, uploads sent as they are
//! read. The straight line is [`call`](super::call)'s; this file decides how an upload goes
//! on the wire and sets the headers that say so.

use awso_core::protocol::{self, ChecksumAlgorithm, Operation, OperationSchema};
use awso_core::schema::HttpBinding;

use super::{CallError, Client, ServiceSpec};
use crate::sign::{AuthScheme, STREAMING_PAYLOAD, STREAMING_PAYLOAD_TRAILER, UNSIGNED_PAYLOAD};
use crate::stream::{Streamed, UploadBody};

impl Client {
    /// Calls operation `O` and hands its streaming payload over unread (S3 GetObject's
    /// object): the output holds the members of the status and headers, the body is read
    /// from [`Streamed::body`] as it arrives.
    ///
    /// Retries and the attempt timeout cover the call until the answer's head arrives; the
    /// body is read afterwards, as slowly as the caller likes (the total timeout does not
    /// bound it; the attempt timeout bounds each wait for the next chunk), and a broken
    /// connection, a silent server or a checksum mismatch shows as an error of the stream
    /// (see [`ByteStream`](crate::stream::ByteStream)).
    /// An error answer is read whole and returned as the call's error, as [`call`](Self::call)
    /// does. For an operation without a streaming payload the output is read whole and the
    /// body is empty.
    ///
    /// ```
    /// # use awso_client::client::{BlockingClient, Client, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, Blob, UnknownError};
    /// # #[derive(AwsShape, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # pub struct BlobRequest { #[awso(http_label)] key: String, #[awso(http_payload, streaming)] data: Option<Blob> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # pub struct BlobOutput { #[awso(http_header = "x-size")] size: Option<i64>, #[awso(http_payload, streaming)] data: Option<Blob> }
    /// # #[derive(AwsError, Debug)] pub enum BlobError { Unknown(UnknownError) }
    /// # struct GetBlob;
    /// # impl Operation for GetBlob {
    /// #     type Input = BlobRequest; type Output = BlobOutput; type Error = BlobError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetBlob", "GET", "/{Key}")
    /// #         .with_input(BlobRequest::SCHEMA).with_output(BlobOutput::SCHEMA).with_errors(BlobError::ERRORS);
    /// # }
    /// # struct PutBlob;
    /// # impl Operation for PutBlob {
    /// #     type Input = BlobRequest; type Output = BlobOutput; type Error = BlobError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("PutBlob", "PUT", "/{Key}")
    /// #         .with_input(BlobRequest::SCHEMA).with_output(BlobOutput::SCHEMA).with_errors(BlobError::ERRORS);
    /// # }
    /// # /// A local blob store, canned: answers every request with its body's size and "the bytes".
    /// # struct Store;
    /// # impl HttpClient for Store {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let size = request.body().len().to_string();
    /// #         Box::pin(async move {
    /// #             Ok(http::Response::builder().header("x-size", size).body(ResponseBody::from("the bytes")).unwrap())
    /// #         })
    /// #     }
    /// # }
    /// # static STORE: ServiceSpec = ServiceSpec::new("store", AuthScheme::NoAuth);
    /// # let config = || Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Store).build();
    /// let client = Client::new(config());
    /// let input = BlobRequest { key: "k".into(), ..BlobRequest::default() };
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let answer = client.call_streaming::<GetBlob>(&STORE, &input).await.unwrap();
    /// assert_eq!(answer.output.size, Some(0));
    /// assert!(answer.output.data.is_none(), "the payload is the body, not a member");
    /// assert_eq!(answer.body.collect(1024).await.unwrap(), "the bytes");
    /// # });
    /// ```
    pub async fn call_streaming<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
    ) -> Result<Streamed<O::Output>, CallError<O::Error>> {
        let stream_answer = protocol::streaming_payload(O::SCHEMA.output()).is_some();
        let answer = self.run::<O>(spec, input, None, stream_answer).await?;
        Ok(answer.into_streamed())
    }

    /// Calls operation `O` with `body` as its streaming payload (S3 PutObject, UploadPart):
    /// sent as it is read, never whole in memory; the input's payload member must be unset.
    ///
    /// On the wire (see [`stream`](crate::stream)): for S3, signed `aws-chunked` chunks with
    /// the operation's flexible checksum (the algorithm the input names, else CRC32) as a
    /// signed trailer, unless the input carries a checksum value itself; for an operation
    /// signed without its payload (`v4-unsigned-body`) or not signed, the bytes as they are
    /// with `Content-Length`. Another SigV4 service cannot take a stream and the call fails
    /// before sending. A body that cannot be opened again is not retried once read.
    ///
    /// ```
    /// # use awso_client::client::{BlockingClient, Client, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, Blob, UnknownError};
    /// # #[derive(AwsShape, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # pub struct BlobRequest { #[awso(http_label)] key: String, #[awso(http_payload, streaming)] data: Option<Blob> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # pub struct BlobOutput { #[awso(http_header = "x-size")] size: Option<i64>, #[awso(http_payload, streaming)] data: Option<Blob> }
    /// # #[derive(AwsError, Debug)] pub enum BlobError { Unknown(UnknownError) }
    /// # struct GetBlob;
    /// # impl Operation for GetBlob {
    /// #     type Input = BlobRequest; type Output = BlobOutput; type Error = BlobError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetBlob", "GET", "/{Key}")
    /// #         .with_input(BlobRequest::SCHEMA).with_output(BlobOutput::SCHEMA).with_errors(BlobError::ERRORS);
    /// # }
    /// # struct PutBlob;
    /// # impl Operation for PutBlob {
    /// #     type Input = BlobRequest; type Output = BlobOutput; type Error = BlobError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("PutBlob", "PUT", "/{Key}")
    /// #         .with_input(BlobRequest::SCHEMA).with_output(BlobOutput::SCHEMA).with_errors(BlobError::ERRORS);
    /// # }
    /// # /// A local blob store, canned: answers every request with its body's size and "the bytes".
    /// # struct Store;
    /// # impl HttpClient for Store {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let size = request.body().len().to_string();
    /// #         Box::pin(async move {
    /// #             Ok(http::Response::builder().header("x-size", size).body(ResponseBody::from("the bytes")).unwrap())
    /// #         })
    /// #     }
    /// # }
    /// # static STORE: ServiceSpec = ServiceSpec::new("store", AuthScheme::NoAuth);
    /// # let config = || Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Store).build();
    /// use awso_client::stream::UploadBody;
    ///
    /// let client = Client::new(config());
    /// let input = BlobRequest { key: "k".into(), ..BlobRequest::default() };
    /// let body = UploadBody::from_reader(11, std::io::Cursor::new(b"hello world".to_vec()));
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let output = client.call_upload::<PutBlob>(&STORE, &input, body).await.unwrap();
    /// assert_eq!(output.size, Some(11), "the store saw all eleven bytes");
    /// # });
    /// ```
    pub async fn call_upload<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
        body: UploadBody,
    ) -> Result<O::Output, CallError<O::Error>> {
        let answer = self.run::<O>(spec, input, Some(&body), false).await?;
        Ok(answer.into_output())
    }
}

/// How a streamed upload goes on the wire; fixed before the first attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UploadWire {
    /// S3's signed `aws-chunked` body, with the checksum of `trailer` after it.
    Chunked { trailer: Option<ChecksumAlgorithm> },
    /// The bytes as they are; `unsigned` marks SigV4 `UNSIGNED-PAYLOAD`.
    Plain { unsigned: bool },
}

impl UploadWire {
    /// The payload hash to sign and whether the chunks are signed; `None`: the scheme signs
    /// as it always does (bearer, no auth).
    pub(super) fn payload(self) -> Option<(&'static str, bool)> {
        match self {
            UploadWire::Chunked { trailer: Some(_) } => Some((STREAMING_PAYLOAD_TRAILER, true)),
            UploadWire::Chunked { trailer: None } => Some((STREAMING_PAYLOAD, true)),
            UploadWire::Plain { unsigned: true } => Some((UNSIGNED_PAYLOAD, false)),
            UploadWire::Plain { unsigned: false } => None,
        }
    }
}

/// A streamed upload of one call: its body and how it is sent.
#[derive(Clone, Copy, Debug)]
pub(super) struct Upload<'b> {
    pub(super) body: &'b UploadBody,
    pub(super) wire: UploadWire,
}

/// Checks that `schema`'s operation takes a stream and `built` (the request's body without
/// its payload) left room for one, picks the wire form for `auth` and sets the headers
/// announcing it.
pub(super) fn prepare<'b>(
    schema: &OperationSchema,
    body: &'b UploadBody,
    auth: &AuthScheme,
    built: &[u8],
    headers: &mut http::HeaderMap,
) -> Result<Upload<'b>, awso_core::Error> {
    let refuse = |why: String| awso_core::Error::invalid("request", why);
    let operation = schema.name();
    let Some(member) = protocol::streaming_payload(schema.input()) else {
        return Err(refuse(format!("{operation} takes no streaming payload")));
    };
    if !built.is_empty() {
        return Err(refuse(format!(
            "the input's `{}` is set and a streamed body is given: leave the member unset",
            member.name()
        )));
    }
    let wire = match auth {
        AuthScheme::SigV4(sigv4) if sigv4.content_sha256_header => UploadWire::Chunked {
            trailer: trailer_algorithm(schema, headers),
        },
        AuthScheme::SigV4(sigv4) if sigv4.unsigned_payload => UploadWire::Plain { unsigned: true },
        AuthScheme::NoAuth | AuthScheme::Bearer => UploadWire::Plain { unsigned: false },
        _ => {
            return Err(refuse(format!(
                "{operation} signs its payload's hash and its service takes no aws-chunked \
                 body: give the bytes in the input's `{}` instead of a stream",
                member.name()
            )));
        }
    };
    announce(body.length(), wire, headers);
    Ok(Upload { body, wire })
}

/// The lengths and encodings of the body `wire` sends, replacing any the input set.
fn announce(length: u64, wire: UploadWire, headers: &mut http::HeaderMap) {
    use http::header::{CONTENT_ENCODING, CONTENT_LENGTH};
    let number = |n: u64| http::HeaderValue::from(n);
    let UploadWire::Chunked { trailer } = wire else {
        headers.insert(CONTENT_LENGTH, number(length));
        return;
    };
    headers.insert(
        CONTENT_LENGTH,
        number(crate::stream::encoded_length(length, trailer)),
    );
    headers.insert("x-amz-decoded-content-length", number(length));
    // aws-chunked comes first: S3 strips it and keeps the rest (a gzip the user applied).
    let encoding = match headers.get(CONTENT_ENCODING).and_then(|v| v.to_str().ok()) {
        Some(other) if !other.trim().is_empty() => format!("aws-chunked,{}", other.trim()),
        _ => "aws-chunked".to_owned(),
    };
    if let Ok(value) = http::HeaderValue::from_str(&encoding) {
        headers.insert(CONTENT_ENCODING, value);
    }
    if let Some(algorithm) = trailer {
        headers.insert(
            "x-amz-trailer",
            http::HeaderValue::from_static(algorithm.header()),
        );
    }
}

/// The checksum to send after the body: the algorithm the request's algorithm header names
/// (the input's, or the one the request builder chose), CRC32 for a required checksum
/// without one; none when the input gave a checksum value of its own in a header.
fn trailer_algorithm(
    operation: &protocol::OperationSchema,
    headers: &http::HeaderMap,
) -> Option<ChecksumAlgorithm> {
    let checksum = operation.http_checksum()?;
    let given = headers.keys().any(|name| {
        let name = name.as_str();
        name.strip_prefix("x-amz-checksum-")
            .and_then(ChecksumAlgorithm::from_name)
            .is_some_and(|a| a.header() == name)
    });
    if given {
        return None;
    }
    let named = checksum
        .request_algorithm_member()
        .and_then(|name| operation.input().member_named(name))
        .and_then(|member| match member.traits().http {
            Some(HttpBinding::Header(header)) => headers.get(header),
            _ => None,
        })
        .and_then(|value| value.to_str().ok())
        .and_then(ChecksumAlgorithm::from_name);
    // The request builder names the algorithm whenever it would checksum a buffered body
    // (its request-checksum rules live there); only a required checksum without an
    // algorithm member has no header to say it.
    match named {
        Some(algorithm) => Some(algorithm),
        None if checksum.request_required() => Some(ChecksumAlgorithm::Crc32),
        None => None,
    }
}

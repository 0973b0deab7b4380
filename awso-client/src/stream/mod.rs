//! Streaming bodies: an operation's `@streaming` payload sent or read without holding it in
//! memory (S3 PutObject and UploadPart up, GetObject down).
//!
//! | direction | how | on the wire |
//! |---|---|---|
//! | download | [`Client::call_streaming`](crate::client::Client::call_streaming) → [`Streamed`] `{ output, body: ByteStream }` | the head parsed into the output, the body read chunk by chunk; its checksum checked at the end |
//! | download, blocking | [`BlockingClient::call_streaming`](crate::client::BlockingClient::call_streaming) → `body: BlockingByteStream` | the same, read through `std::io::Read` |
//! | upload | [`Client::call_upload`](crate::client::Client::call_upload) with an [`UploadBody`] of known length | S3 (SigV4, or SigV4a with the `sigv4a` feature: ECDSA chunk signatures padded to 144 characters): signed `aws-chunked` chunks of 64 KiB with the checksum as a signed trailer; unsigned services: the bytes as they are; other SigV4 services: read whole, signed buffered |
//!
//! Why signed chunks rather than `UNSIGNED-PAYLOAD`: one encoding that is safe over plain
//! HTTP as well as TLS (local S3-compatible servers, moto), that S3 accepts for every
//! operation with a streaming payload, and that carries the flexible checksum as a trailer
//! computed while the bytes stream (a header checksum would need the body read twice). The
//! cost is a SHA-256 of the data, as a buffered signed body pays too.
//!
//! A SigV4 (or SigV4a) operation outside S3 that signs its payload's hash (Glacier
//! UploadArchive, Lambda Invoke) takes no `aws-chunked` body: its upload is read into memory
//! once, exactly its declared length and at most 1 GiB (larger fails before anything is
//! read), and signed and sent as a buffered body, so every attempt re-sends it even when the
//! source was one-shot. An operation signed without its payload (`v4-unsigned-body`: EBS
//! PutSnapshotBlock, Lex PostContent) or not signed streams the bytes as they are.
//!
//! Retries: a download is retried only until its head arrives (the body is the caller's
//! from then on); an upload is retried when its body can be opened again
//! ([`UploadBody::can_reopen`]) or was not read at all.
//!
//! ```
//! # use awso_client::client::{BlockingClient, Client, Config, ServiceSpec};
//! # use awso_client::sign::AuthScheme;
//! # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
//! # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
//! # use awso_core::{AwsError, AwsShape, Blob, UnknownError};
//! # #[derive(AwsShape, Debug, Default)] #[awso(rename_all = "PascalCase")]
//! # pub struct BlobRequest { #[awso(http_label)] key: String, #[awso(http_payload, streaming)] data: Option<Blob> }
//! # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
//! # pub struct BlobOutput { #[awso(http_header = "x-size")] size: Option<i64>, #[awso(http_payload, streaming)] data: Option<Blob> }
//! # #[derive(AwsError, Debug)] pub enum BlobError { Unknown(UnknownError) }
//! # struct GetBlob;
//! # impl Operation for GetBlob {
//! #     type Input = BlobRequest; type Output = BlobOutput; type Error = BlobError;
//! #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "1");
//! #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetBlob", "GET", "/{Key}")
//! #         .with_input(BlobRequest::SCHEMA).with_output(BlobOutput::SCHEMA).with_errors(BlobError::ERRORS);
//! # }
//! # struct PutBlob;
//! # impl Operation for PutBlob {
//! #     type Input = BlobRequest; type Output = BlobOutput; type Error = BlobError;
//! #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "1");
//! #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("PutBlob", "PUT", "/{Key}")
//! #         .with_input(BlobRequest::SCHEMA).with_output(BlobOutput::SCHEMA).with_errors(BlobError::ERRORS);
//! # }
//! # /// A local blob store, canned: answers every request with its body's size and "the bytes".
//! # struct Store;
//! # impl HttpClient for Store {
//! #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
//! #         let size = request.body().len().to_string();
//! #         Box::pin(async move {
//! #             Ok(http::Response::builder().header("x-size", size).body(ResponseBody::from("the bytes")).unwrap())
//! #         })
//! #     }
//! # }
//! # static STORE: ServiceSpec = ServiceSpec::new("store", AuthScheme::NoAuth);
//! # let config = || Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Store).build();
//! use awso_client::stream::UploadBody;
//!
//! let client = Client::new(config());
//! let input = BlobRequest { key: "notes.txt".into(), ..BlobRequest::default() };
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let body = UploadBody::from_reader(5, &b"notes"[..]);
//! let stored = client.call_upload::<PutBlob>(&STORE, &input, body).await.unwrap();
//! assert_eq!(stored.size, Some(5));
//! let mut answer = client.call_streaming::<GetBlob>(&STORE, &input).await.unwrap();
//! let mut read = Vec::new();
//! while let Some(chunk) = answer.body.next().await {
//!     read.extend_from_slice(&chunk.unwrap());
//! }
//! assert_eq!(read, b"the bytes");
//! # });
//! ```

mod download;
mod framing;
mod upload;

pub use download::{BlockingByteStream, ByteStream, StreamError, StreamErrorKind};
pub use upload::UploadBody;

pub(crate) use framing::{encoded_length, plain, signed_chunks};

/// The output of a call whose answer streams: the members read from the status and headers
/// (the streaming payload member left unset) and the body still to read.
///
/// ```
/// use awso_client::stream::{ByteStream, Streamed};
/// use awso_client::transport::ResponseBody;
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let answer = Streamed { output: "the head", body: ByteStream::from(ResponseBody::from("the body")) };
/// assert_eq!(answer.output, "the head");
/// assert_eq!(answer.body.collect(64).await.unwrap(), "the body");
/// # });
/// ```
#[derive(Debug)]
pub struct Streamed<T, B = ByteStream> {
    /// The output, without its streaming payload.
    pub output: T,
    /// The payload, to read.
    pub body: B,
}

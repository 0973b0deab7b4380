//! The streamed calls: answers whose payload is read as it arrives, uploads sent as they are
//! read. The straight line is [`call`](super::call)'s; this file decides how an upload goes
//! on the wire and sets the headers that say so.

use awso_core::protocol::{self, ChecksumAlgorithm, Operation, OperationSchema};
use awso_core::schema::HttpBinding;

use bytes::Bytes;

use super::{CallError, Client, ErrorKind, ServiceSpec};
use crate::sign::{
    AuthScheme, STREAMING_ECDSA_PAYLOAD, STREAMING_ECDSA_PAYLOAD_TRAILER, STREAMING_PAYLOAD,
    STREAMING_PAYLOAD_TRAILER, UNSIGNED_PAYLOAD,
};
use crate::stream::{Streamed, UploadBody};
use crate::transport::{HttpError, HttpErrorKind};

/// The largest streamed upload read into memory for a service that signs its payload's hash
/// (Glacier UploadArchive, Lambda Invoke): larger ones fail before anything is read or sent.
pub(super) const MAX_BUFFERED_UPLOAD: u64 = 1 << 30;

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
    /// with `Content-Length`. Another SigV4 operation signs its payload's hash: the body is
    /// read into memory first (its declared length, at most 1 GiB, else the call fails
    /// before sending) and sent as a buffered request. A streamed body that cannot be opened
    /// again is not retried once read.
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
    /// S3's signed `aws-chunked` body, with the checksum of `trailer` after it; its chunks
    /// signed with SigV4a when `ecdsa` (multi-region access points).
    Chunked {
        trailer: Option<ChecksumAlgorithm>,
        ecdsa: bool,
    },
    /// The bytes as they are; `unsigned` marks SigV4 `UNSIGNED-PAYLOAD`.
    Plain { unsigned: bool },
    /// Read whole into memory before the first attempt and signed as a buffered request:
    /// a SigV4 (or SigV4a) operation that signs its payload's hash outside S3.
    Buffered,
}

impl UploadWire {
    /// The payload hash to sign and whether the chunks are signed; `None`: the scheme signs
    /// as it always does (bearer, no auth).
    pub(super) fn payload(self) -> Option<(&'static str, bool)> {
        match self {
            UploadWire::Chunked { trailer, ecdsa } => {
                let hash = match (trailer.is_some(), ecdsa) {
                    (true, false) => STREAMING_PAYLOAD_TRAILER,
                    (false, false) => STREAMING_PAYLOAD,
                    (true, true) => STREAMING_ECDSA_PAYLOAD_TRAILER,
                    (false, true) => STREAMING_ECDSA_PAYLOAD,
                };
                Some((hash, true))
            }
            UploadWire::Plain { unsigned: true } => Some((UNSIGNED_PAYLOAD, false)),
            UploadWire::Plain { unsigned: false } | UploadWire::Buffered => None,
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
            ecdsa: false,
        },
        // Without the `sigv4a` feature SigV4a signs as SigV4 (see `ServiceSpec::from_model`),
        // which has no chunk signer for it: such an upload is read whole.
        AuthScheme::SigV4a(sigv4) if sigv4.content_sha256_header && cfg!(feature = "sigv4a") => {
            UploadWire::Chunked {
                trailer: trailer_algorithm(schema, headers),
                ecdsa: true,
            }
        }
        AuthScheme::SigV4(sigv4) if sigv4.unsigned_payload => UploadWire::Plain { unsigned: true },
        AuthScheme::NoAuth | AuthScheme::Bearer => UploadWire::Plain { unsigned: false },
        AuthScheme::SigV4(_) | AuthScheme::SigV4a(_) => UploadWire::Buffered,
    };
    announce(body.length(), wire, headers);
    Ok(Upload { body, wire })
}

/// The request's body and the upload still to stream: a [`UploadWire::Buffered`] upload is
/// read here, whole (at most [`MAX_BUFFERED_UPLOAD`] bytes), and becomes the body, so every
/// attempt re-sends it and the signature covers its hash; any other goes on as it is.
pub(super) async fn into_body(
    upload: Option<Upload<'_>>,
    built: Vec<u8>,
) -> Result<(Bytes, Option<Upload<'_>>), ErrorKind<std::convert::Infallible>> {
    let Some(Upload {
        body,
        wire: UploadWire::Buffered,
    }) = upload
    else {
        return Ok((Bytes::from(built), upload));
    };
    let whole = body
        .read_whole(MAX_BUFFERED_UPLOAD)
        .await
        .map_err(|error| {
            let kind = match error.kind() {
                std::io::ErrorKind::InvalidInput => HttpErrorKind::TooLarge,
                _ => HttpErrorKind::Io,
            };
            ErrorKind::Transport(
                HttpError::new(kind, "reading the upload's body into memory").with_source(error),
            )
        })?;
    Ok((whole, None))
}

/// The lengths and encodings of the body `wire` sends, replacing any the input set.
fn announce(length: u64, wire: UploadWire, headers: &mut http::HeaderMap) {
    use http::header::{CONTENT_ENCODING, CONTENT_LENGTH};
    let number = |n: u64| http::HeaderValue::from(n);
    let UploadWire::Chunked { trailer, ecdsa } = wire else {
        headers.insert(CONTENT_LENGTH, number(length));
        return;
    };
    let signature = crate::sign::chunk_signature_length(ecdsa);
    headers.insert(
        CONTENT_LENGTH,
        number(crate::stream::encoded_length(length, trailer, signature)),
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

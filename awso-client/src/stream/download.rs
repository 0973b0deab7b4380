//! A streamed download: the body of an answer, read chunk by chunk, its checksum checked at
//! the end.

use std::fmt;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use awso_core::protocol::{ChecksumHasher, ExpectedChecksum};
use bytes::{Bytes, BytesMut};
use futures_core::Stream;
use http_body::Body;

use crate::transport::{HttpError, HttpErrorKind, ResponseBody};

/// The body of a streamed answer (S3 GetObject's object), read as it arrives: memory stays
/// at a chunk however large the object.
///
/// When the call asked for a response checksum and the answer carries one, the chunks are
/// checksummed as they are read and the last read fails with a [`StreamErrorKind::Checksum`]
/// error if the body does not match: data already handed out is not taken back, so a caller
/// writing a file should treat the file as bad until the stream ends cleanly. A connection
/// broken mid-body, or silent for longer than the client's attempt timeout between two
/// chunks, is a [`StreamErrorKind::Transport`] error. Neither is retried: the call returned
/// when the head arrived.
///
/// ```
/// use awso_client::stream::ByteStream;
/// use awso_client::transport::ResponseBody;
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let mut body = ByteStream::from(ResponseBody::from("an object"));
/// let mut read = Vec::new();
/// while let Some(chunk) = body.next().await {
///     read.extend_from_slice(&chunk.unwrap());
/// }
/// assert_eq!(read, b"an object");
/// # });
/// ```
pub struct ByteStream {
    body: ResponseBody,
    check: Option<(ExpectedChecksum, ChecksumHasher)>,
    idle: Option<Idle>,
    finished: bool,
}

/// The longest wait for the next chunk: armed when a read has to wait, disarmed by data, so
/// a caller that reads late is not timed out for its own delay.
struct Idle {
    limit: Duration,
    timer: Option<Pin<Box<tokio::time::Sleep>>>,
    armed: bool,
}

impl Idle {
    /// Whether the wait that just began, or goes on, has lasted `limit`.
    fn expired(&mut self, cx: &mut Context<'_>) -> bool {
        let deadline = tokio::time::Instant::now() + self.limit;
        if !self.armed {
            self.armed = true;
            match &mut self.timer {
                Some(timer) => timer.as_mut().reset(deadline),
                None => self.timer = Some(Box::pin(tokio::time::sleep_until(deadline))),
            }
        }
        self.timer
            .as_mut()
            .is_some_and(|timer| timer.as_mut().poll(cx).is_ready())
    }
}

impl ByteStream {
    /// The body of an answer, checked against `expected` at its end when given; a wait of
    /// more than `idle` for the next chunk fails the stream.
    pub(crate) fn new(
        body: ResponseBody,
        expected: Option<ExpectedChecksum>,
        idle: Option<Duration>,
    ) -> Self {
        let check = expected.map(|expected| {
            let hasher = expected.algorithm().hasher();
            (expected, hasher)
        });
        ByteStream {
            body,
            check,
            idle: idle.map(|limit| Idle {
                limit,
                timer: None,
                armed: false,
            }),
            finished: false,
        }
    }

    /// The next chunk; `None` at the end (after the checksum, if any, matched).
    ///
    /// ```
    /// use awso_client::stream::ByteStream;
    /// use awso_client::transport::ResponseBody;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let mut body = ByteStream::from(ResponseBody::from("x"));
    /// assert_eq!(body.next().await.unwrap().unwrap(), "x");
    /// assert!(body.next().await.is_none());
    /// # });
    /// ```
    pub async fn next(&mut self) -> Option<Result<Bytes, StreamError>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// Reads the rest of the body into memory, failing past `max` bytes.
    ///
    /// ```
    /// use awso_client::stream::{ByteStream, StreamErrorKind};
    /// use awso_client::transport::ResponseBody;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(ByteStream::from(ResponseBody::from("abc")).collect(3).await.unwrap(), "abc");
    /// let error = ByteStream::from(ResponseBody::from("abcd")).collect(3).await.unwrap_err();
    /// assert_eq!(error.kind(), StreamErrorKind::TooLarge);
    /// # });
    /// ```
    pub async fn collect(mut self, max: usize) -> Result<Bytes, StreamError> {
        let mut out = BytesMut::new();
        while let Some(chunk) = self.next().await {
            let chunk = chunk?;
            if out.len() + chunk.len() > max {
                return Err(StreamError {
                    kind: StreamErrorKind::TooLarge,
                    message: format!("the body is larger than {max} bytes"),
                    source: None,
                });
            }
            out.extend_from_slice(&chunk);
        }
        Ok(out.freeze())
    }

    /// Whether the body's end is checked against a checksum the service sent.
    ///
    /// ```
    /// use awso_client::stream::ByteStream;
    /// use awso_client::transport::ResponseBody;
    /// assert!(!ByteStream::from(ResponseBody::empty()).is_checksummed());
    /// ```
    pub fn is_checksummed(&self) -> bool {
        self.check.is_some()
    }

    /// The body's length when the answer said it (its `Content-Length`).
    ///
    /// ```
    /// use awso_client::stream::ByteStream;
    /// use awso_client::transport::ResponseBody;
    /// assert_eq!(ByteStream::from(ResponseBody::from("four")).length(), Some(4));
    /// ```
    pub fn length(&self) -> Option<u64> {
        self.body.size_hint().exact()
    }

    /// The end of the body: the checksum's verdict.
    fn finish(&mut self) -> Option<Result<Bytes, StreamError>> {
        self.finished = true;
        let (expected, hasher) = self.check.take()?;
        let verdict = expected.verify(&hasher.finish());
        verdict.err().map(|source| {
            Err(StreamError {
                kind: StreamErrorKind::Checksum,
                message: "the streamed body does not match its checksum".to_owned(),
                source: Some(Box::new(source)),
            })
        })
    }
}

impl From<ResponseBody> for ByteStream {
    /// A stream over `body` that checks no checksum.
    fn from(body: ResponseBody) -> Self {
        ByteStream::new(body, None, None)
    }
}

impl Stream for ByteStream {
    type Item = Result<Bytes, StreamError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.finished {
            return Poll::Ready(None);
        }
        // Bounded by the frames ready now: trailers and empty frames are skipped.
        loop {
            match Pin::new(&mut this.body).poll_frame(cx) {
                Poll::Pending => {
                    let Some(idle) = &mut this.idle else {
                        return Poll::Pending;
                    };
                    if !idle.expired(cx) {
                        return Poll::Pending;
                    }
                    this.finished = true;
                    let limit = idle.limit;
                    let error = HttpError::new(
                        HttpErrorKind::ReadTimeout,
                        format!("no data of the streamed body for {limit:?}"),
                    );
                    return Poll::Ready(Some(Err(StreamError::transport(error))));
                }
                Poll::Ready(None) => return Poll::Ready(this.finish()),
                Poll::Ready(Some(Err(error))) => {
                    this.finished = true;
                    return Poll::Ready(Some(Err(StreamError::transport(error))));
                }
                Poll::Ready(Some(Ok(frame))) => {
                    let Ok(data) = frame.into_data() else {
                        continue;
                    };
                    if data.is_empty() {
                        continue;
                    }
                    if let Some((_, hasher)) = &mut this.check {
                        hasher.update(&data);
                    }
                    if let Some(idle) = &mut this.idle {
                        idle.armed = false;
                    }
                    return Poll::Ready(Some(Ok(data)));
                }
            }
        }
    }
}

impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ByteStream")
            .field("length", &self.length())
            .field("checksummed", &self.is_checksummed())
            .finish_non_exhaustive()
    }
}

/// A streamed body read with [`std::io::Read`], for the blocking client: each read drives
/// the client's runtime until the next chunk arrives.
///
/// A failed read is an [`io::Error`] whose inner error is the [`StreamError`]: a checksum
/// mismatch is `InvalidData`, a broken connection keeps the transport's kind.
///
/// ```no_run
/// # fn demo(mut body: awso_client::stream::BlockingByteStream) -> std::io::Result<()> {
/// let mut file = std::fs::File::create("object.bin")?;
/// std::io::copy(&mut body, &mut file)?;
/// # Ok(()) }
/// ```
pub struct BlockingByteStream {
    stream: ByteStream,
    runtime: Arc<tokio::runtime::Runtime>,
    pending: Bytes,
}

impl BlockingByteStream {
    pub(crate) fn new(stream: ByteStream, runtime: Arc<tokio::runtime::Runtime>) -> Self {
        BlockingByteStream {
            stream,
            runtime,
            pending: Bytes::new(),
        }
    }

    /// The async stream underneath (what is left of it).
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
    /// let client = BlockingClient::new(config()).unwrap();
    /// let input = BlobRequest { key: "k".into(), ..BlobRequest::default() };
    /// let answer = client.call_streaming::<GetBlob>(&STORE, &input).unwrap();
    /// // The async stream, for a caller that has a runtime after all.
    /// let stream = answer.body.into_inner();
    /// # let bytes = tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(stream.collect(64)).unwrap();
    /// # assert_eq!(bytes, "the bytes");
    /// ```
    pub fn into_inner(self) -> ByteStream {
        self.stream
    }

    /// Whether the body's end is checked against a checksum (see [`ByteStream`]).
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
    /// let client = BlockingClient::new(config()).unwrap();
    /// let input = BlobRequest { key: "k".into(), ..BlobRequest::default() };
    /// let answer = client.call_streaming::<GetBlob>(&STORE, &input).unwrap();
    /// // The store sends no checksum header, so there is nothing to check at the end.
    /// assert!(!answer.body.is_checksummed());
    /// ```
    pub fn is_checksummed(&self) -> bool {
        self.stream.is_checksummed()
    }
}

impl io::Read for BlockingByteStream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        // Empty chunks never come out of the stream, so one pull gives data or the end.
        if self.pending.is_empty() {
            match self.runtime.block_on(self.stream.next()) {
                None => return Ok(0),
                Some(Ok(chunk)) => self.pending = chunk,
                Some(Err(error)) => return Err(error.into()),
            }
        }
        let n = buf.len().min(self.pending.len());
        buf[..n].copy_from_slice(&self.pending.split_to(n));
        Ok(n)
    }
}

impl fmt::Debug for BlockingByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BlockingByteStream")
            .field("stream", &self.stream)
            .field("buffered", &self.pending.len())
            .finish_non_exhaustive()
    }
}

/// What went wrong reading a streamed body.
///
/// ```
/// use awso_client::stream::StreamErrorKind;
/// assert_ne!(StreamErrorKind::Checksum, StreamErrorKind::Transport);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StreamErrorKind {
    /// The connection broke or timed out mid-body, or the body was cut short.
    Transport,
    /// The whole body was read and does not match the checksum the service sent.
    Checksum,
    /// The body was larger than the caller's limit ([`ByteStream::collect`]).
    TooLarge,
}

/// A failure reading a streamed body: its kind, a message and the cause.
///
/// ```
/// use awso_client::stream::{ByteStream, StreamErrorKind};
/// use awso_client::transport::ResponseBody;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let error = ByteStream::from(ResponseBody::from("ab")).collect(1).await.unwrap_err();
/// assert_eq!(error.kind(), StreamErrorKind::TooLarge);
/// assert!(error.to_string().contains("1 bytes"));
/// # });
/// ```
#[derive(Debug)]
pub struct StreamError {
    kind: StreamErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl StreamError {
    fn transport(error: HttpError) -> Self {
        StreamError {
            kind: StreamErrorKind::Transport,
            message: format!("reading the streamed body failed: {error}"),
            source: Some(Box::new(error)),
        }
    }

    /// What went wrong.
    ///
    /// ```
    /// use awso_client::stream::{ByteStream, StreamErrorKind};
    /// use awso_client::transport::ResponseBody;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let error = ByteStream::from(ResponseBody::from("ab")).collect(0).await.unwrap_err();
    /// assert_eq!(error.kind(), StreamErrorKind::TooLarge);
    /// # });
    /// ```
    pub fn kind(&self) -> StreamErrorKind {
        self.kind
    }
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for StreamError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<StreamError> for io::Error {
    fn from(error: StreamError) -> Self {
        let kind = match error.kind {
            StreamErrorKind::Checksum => io::ErrorKind::InvalidData,
            StreamErrorKind::TooLarge => io::ErrorKind::OutOfMemory,
            StreamErrorKind::Transport => match error
                .source
                .as_deref()
                .and_then(|e| e.downcast_ref::<HttpError>())
                .map(HttpError::kind)
            {
                Some(HttpErrorKind::ReadTimeout) => io::ErrorKind::TimedOut,
                _ => io::ErrorKind::ConnectionAborted,
            },
        };
        io::Error::new(kind, error)
    }
}

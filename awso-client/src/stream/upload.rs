//! The source of a streamed upload: bytes of a known length, read as they are sent.

use std::fmt;
use std::io::{self, Read};
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_core::Stream;

/// How much a reader-backed source reads at a time.
const READ_SIZE: usize = 64 * 1024;

/// The pieces of an upload, as the call reads them.
pub(crate) type Pieces = Pin<Box<dyn Stream<Item = io::Result<Bytes>> + Send>>;

type Factory = dyn Fn() -> io::Result<Pieces> + Send + Sync;

/// The body of a streamed upload (S3 PutObject, UploadPart): `length` bytes from a stream, a
/// reader or a file, sent as they are read, never held whole in memory.
///
/// The length is sent as the `Content-Length` (S3 needs it up front); a source that then
/// yields more or fewer bytes fails the call. A body that can be opened again (a file, a
/// factory) is retried like any request; a one-shot body (a stream, a reader) is retried only
/// if the failed attempt read none of it, else the call returns the failure.
///
/// ```
/// use awso_client::stream::UploadBody;
/// use bytes::Bytes;
///
/// let once = UploadBody::from_reader(5, std::io::Cursor::new(b"hello".to_vec()));
/// assert_eq!((once.length(), once.can_reopen()), (5, false));
/// // A factory opens the same bytes for every attempt.
/// let again = UploadBody::from_factory(5, || Ok(std::io::Cursor::new(b"hello".to_vec())));
/// assert!(again.can_reopen());
/// ```
#[derive(Clone)]
pub struct UploadBody {
    length: u64,
    source: Source,
}

#[derive(Clone)]
enum Source {
    /// Taken by the first attempt that reads from it.
    Once(Arc<Mutex<Option<Pieces>>>),
    Reopen(Arc<Factory>),
}

impl UploadBody {
    /// `length` bytes from `stream`, read once.
    ///
    /// ```
    /// use awso_client::stream::UploadBody;
    /// use bytes::Bytes;
    /// // Any `Stream` of `io::Result<Bytes>`: here a ready-made one of two pieces.
    /// struct Two(Vec<Bytes>);
    /// impl futures_core::Stream for Two {
    ///     type Item = std::io::Result<Bytes>;
    ///     fn poll_next(mut self: std::pin::Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<Option<Self::Item>> {
    ///         std::task::Poll::Ready(self.0.pop().map(Ok))
    ///     }
    /// }
    /// let body = UploadBody::from_stream(6, Two(vec![Bytes::from("def"), Bytes::from("abc")]));
    /// assert_eq!(body.length(), 6);
    /// ```
    pub fn from_stream<S>(length: u64, stream: S) -> Self
    where
        S: Stream<Item = io::Result<Bytes>> + Send + 'static,
    {
        UploadBody {
            length,
            source: Source::Once(Arc::new(Mutex::new(Some(Box::pin(stream))))),
        }
    }

    /// `length` bytes from `reader`, read once, 64 KiB at a time. The reads happen on the
    /// task that sends the request, blocking it while they last: right for the blocking
    /// client and for local files; give a slow reader to [`from_stream`](Self::from_stream)
    /// as an async stream instead.
    ///
    /// ```
    /// use awso_client::stream::UploadBody;
    /// let body = UploadBody::from_reader(3, &b"abc"[..]);
    /// assert!(!body.can_reopen());
    /// ```
    pub fn from_reader<R: Read + Send + 'static>(length: u64, reader: R) -> Self {
        Self::from_stream(length, ReaderStream::new(reader))
    }

    /// `length` bytes from the reader `open` makes; called again for each attempt, so the
    /// upload can be retried.
    ///
    /// ```
    /// use awso_client::stream::UploadBody;
    /// let body = UploadBody::from_factory(3, || Ok(&b"abc"[..]));
    /// assert!(body.can_reopen());
    /// ```
    pub fn from_factory<R, F>(length: u64, open: F) -> Self
    where
        R: Read + Send + 'static,
        F: Fn() -> io::Result<R> + Send + Sync + 'static,
    {
        let factory = move || -> io::Result<Pieces> { Ok(Box::pin(ReaderStream::new(open()?))) };
        UploadBody {
            length,
            source: Source::Reopen(Arc::new(factory)),
        }
    }

    /// The file at `path`, its length taken now; opened anew for each attempt (a file that
    /// changes length meanwhile fails the call). Reads block the sending task, as with
    /// [`from_reader`](Self::from_reader).
    ///
    /// ```
    /// use awso_client::stream::UploadBody;
    /// let path = std::env::temp_dir().join(format!("awso-upload-doc-{}", std::process::id()));
    /// std::fs::write(&path, b"on disk")?;
    /// let body = UploadBody::from_path(&path)?;
    /// assert_eq!((body.length(), body.can_reopen()), (7, true));
    /// std::fs::remove_file(&path)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_path(path: impl Into<PathBuf>) -> io::Result<Self> {
        let path = path.into();
        let length = std::fs::metadata(&path)?.len();
        Ok(Self::from_factory(length, move || {
            std::fs::File::open(&path)
        }))
    }

    /// The number of bytes the upload sends.
    ///
    /// ```
    /// use awso_client::stream::UploadBody;
    /// assert_eq!(UploadBody::from_reader(0, std::io::empty()).length(), 0);
    /// ```
    pub fn length(&self) -> u64 {
        self.length
    }

    /// Whether another attempt can read the body from its start.
    ///
    /// ```
    /// use awso_client::stream::UploadBody;
    /// assert!(!UploadBody::from_reader(0, std::io::empty()).can_reopen());
    /// ```
    pub fn can_reopen(&self) -> bool {
        matches!(self.source, Source::Reopen(_))
    }

    /// Whether an attempt can still send the body: re-openable, or one-shot and unread.
    pub(crate) fn available(&self) -> bool {
        match &self.source {
            Source::Reopen(_) => true,
            Source::Once(slot) => slot.lock().is_ok_and(|slot| slot.is_some()),
        }
    }

    /// The pieces for one attempt, exactly `length` bytes long or failing. A one-shot source
    /// is taken only when the attempt first reads, so an attempt that never sent its body
    /// (the connection was refused) leaves it for the next.
    pub(crate) fn open(&self) -> Pieces {
        Box::pin(Exact {
            opening: Some(self.source.clone()),
            pieces: None,
            remaining: self.length,
            length: self.length,
        })
    }

    /// The whole body in memory, for a service that signs its payload's hash and takes no
    /// `aws-chunked` body: exactly [`length`](Self::length) bytes (a source giving more or
    /// fewer fails), refused before anything is read when that is over `limit`.
    pub(crate) async fn read_whole(&self, limit: u64) -> io::Result<Bytes> {
        if self.length > limit {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "the upload's body is {} bytes; a service that signs its payload's hash \
                     takes a stream read into memory of at most {limit}",
                    self.length
                ),
            ));
        }
        let mut pieces = self.open();
        // The declared length is checked against `limit`, so it fits in memory.
        let mut whole = Vec::with_capacity(usize::try_from(self.length).unwrap_or(0));
        while let Some(piece) = std::future::poll_fn(|cx| pieces.as_mut().poll_next(cx)).await {
            whole.extend_from_slice(&piece?);
        }
        Ok(Bytes::from(whole))
    }
}

impl fmt::Debug for UploadBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UploadBody")
            .field("length", &self.length)
            .field("can_reopen", &self.can_reopen())
            .finish_non_exhaustive()
    }
}

/// The source's pieces, checked against the announced length.
struct Exact {
    opening: Option<Source>,
    pieces: Option<Pieces>,
    remaining: u64,
    length: u64,
}

impl Exact {
    fn pieces(&mut self) -> io::Result<&mut Pieces> {
        if let Some(source) = self.opening.take() {
            let pieces = match source {
                Source::Reopen(open) => open()?,
                Source::Once(slot) => slot
                    .lock()
                    .ok()
                    .and_then(|mut slot| slot.take())
                    .ok_or_else(|| {
                        io::Error::other("the upload's one-shot body was already read")
                    })?,
            };
            self.pieces = Some(pieces);
        }
        self.pieces
            .as_mut()
            .ok_or_else(|| io::Error::other("the upload's body failed to open"))
    }
}

impl Stream for Exact {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        let length = this.length;
        let polled = match this.pieces() {
            Ok(pieces) => pieces.as_mut().poll_next(cx),
            Err(error) => return Poll::Ready(Some(Err(error))),
        };
        match polled {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Some(Ok(piece))) => {
                let size = piece.len() as u64;
                if size > this.remaining {
                    return Poll::Ready(Some(Err(wrong_length(length, "more"))));
                }
                this.remaining -= size;
                Poll::Ready(Some(Ok(piece)))
            }
            Poll::Ready(Some(Err(error))) => Poll::Ready(Some(Err(error))),
            Poll::Ready(None) if this.remaining > 0 => {
                this.remaining = 0;
                Poll::Ready(Some(Err(wrong_length(length, "fewer"))))
            }
            Poll::Ready(None) => Poll::Ready(None),
        }
    }
}

fn wrong_length(length: u64, which: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("the upload's body gave {which} bytes than its announced length of {length}"),
    )
}

/// A reader as a stream of pieces of up to [`READ_SIZE`] bytes.
struct ReaderStream {
    reader: Option<Box<dyn Read + Send>>,
}

impl ReaderStream {
    fn new(reader: impl Read + Send + 'static) -> Self {
        ReaderStream {
            reader: Some(Box::new(reader)),
        }
    }
}

impl Stream for ReaderStream {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let Some(reader) = self.reader.as_mut() else {
            return Poll::Ready(None);
        };
        let mut buffer = vec![0; READ_SIZE];
        // Bounded: `Interrupted` is retried by `read` callers by convention, at most a few times here.
        let mut read = reader.read(&mut buffer);
        for _ in 0..8 {
            match &read {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => read = reader.read(&mut buffer),
                _ => break,
            }
        }
        match read {
            Ok(0) => {
                self.reader = None;
                Poll::Ready(None)
            }
            Ok(n) => {
                buffer.truncate(n);
                Poll::Ready(Some(Ok(Bytes::from(buffer))))
            }
            Err(error) => {
                self.reader = None;
                Poll::Ready(Some(Err(error)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(mut pieces: Pieces) -> io::Result<Vec<u8>> {
        let waker = std::task::Waker::noop();
        let mut cx = Context::from_waker(waker);
        let mut out = Vec::new();
        // The sources here never pend; bounded by the number of pieces a test gives.
        for _ in 0..1000 {
            match pieces.as_mut().poll_next(&mut cx) {
                Poll::Ready(Some(piece)) => out.extend_from_slice(&piece?),
                Poll::Ready(None) => return Ok(out),
                Poll::Pending => return Err(io::Error::other("pending")),
            }
        }
        Err(io::Error::other("too many pieces"))
    }

    #[test]
    fn a_reader_is_read_in_pieces_to_its_end() {
        let data: Vec<u8> = (0..200_000u32).map(|i| i as u8).collect();
        let body = UploadBody::from_reader(data.len() as u64, io::Cursor::new(data.clone()));
        assert_eq!(drain(body.open()).unwrap(), data);
    }

    #[tokio::test]
    async fn read_whole_is_bounded_by_the_declared_length_and_the_limit() {
        let body = UploadBody::from_reader(5, &b"hello"[..]);
        assert_eq!(body.read_whole(5).await.unwrap(), "hello");
        // A second read of a one-shot body finds it taken.
        assert!(body.read_whole(5).await.is_err());
        let long = UploadBody::from_reader(2, &b"abc"[..]);
        let error = long.read_whole(10).await.unwrap_err();
        assert!(error.to_string().contains("more"), "{error}");
        let over = UploadBody::from_factory(6, || Ok(io::Cursor::new(b"abcdef".to_vec())));
        let error = over.read_whole(5).await.unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
        assert!(error.to_string().contains("at most 5"), "{error}");
        // Nothing was opened: a re-openable body reads whole under a larger limit.
        assert_eq!(over.read_whole(6).await.unwrap(), "abcdef");
    }

    #[test]
    fn a_wrong_length_is_an_error_either_way() {
        let short = UploadBody::from_reader(10, &b"abc"[..]);
        let error = drain(short.open()).unwrap_err();
        assert!(error.to_string().contains("fewer"), "{error}");
        let long = UploadBody::from_reader(2, &b"abc"[..]);
        let error = drain(long.open()).unwrap_err();
        assert!(error.to_string().contains("more"), "{error}");
    }

    #[test]
    fn a_one_shot_body_is_taken_by_the_first_read_only() {
        let body = UploadBody::from_reader(3, &b"abc"[..]);
        let unread = body.open();
        drop(unread);
        assert!(
            body.available(),
            "an attempt that never read leaves the body"
        );
        assert_eq!(drain(body.open()).unwrap(), b"abc");
        assert!(!body.available());
        assert!(drain(body.open()).is_err());
    }

    #[test]
    fn a_factory_opens_the_same_bytes_each_time() {
        let body = UploadBody::from_factory(3, || Ok(&b"abc"[..]));
        for _ in 0..3 {
            assert_eq!(drain(body.open()).unwrap(), b"abc");
        }
        assert!(body.available());
    }
}

//! Request bodies: bytes in memory, or a stream of known length sent as it is read.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use http_body::{Body, Frame, SizeHint};
use http_body_util::BodyExt;
use http_body_util::combinators::UnsyncBoxBody;

use super::HttpError;

/// The body of a request: [`Bytes`] (cloned for free on every retry), or a stream of a
/// length known up front (a streamed upload, read once, as it is sent).
///
/// ```
/// use awso_client::transport::RequestBody;
/// use bytes::Bytes;
///
/// let buffered = RequestBody::from("abc");
/// assert_eq!(buffered.as_bytes(), Some(&Bytes::from_static(b"abc")));
/// assert_eq!(buffered.length(), 3);
/// let streamed = RequestBody::from_body(3, http_body_util::Full::new(Bytes::from_static(b"xyz")));
/// assert!(streamed.as_bytes().is_none());
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// assert_eq!(streamed.collect().await.unwrap(), "xyz");
/// # });
/// ```
pub struct RequestBody {
    inner: Inner,
}

enum Inner {
    /// `None` once the frame was polled.
    Buffered(Option<Bytes>),
    Streamed {
        length: u64,
        body: UnsyncBoxBody<Bytes, HttpError>,
    },
}

impl RequestBody {
    /// A body with nothing in it.
    ///
    /// ```
    /// use awso_client::transport::RequestBody;
    /// assert_eq!(RequestBody::empty().length(), 0);
    /// ```
    pub fn empty() -> Self {
        Self::from(Bytes::new())
    }

    /// A body of exactly `length` bytes that `body` yields as it is read. The transport sends
    /// `length` as the `Content-Length`; a body that then yields another number of bytes is
    /// the body's error to report (the call's streamed uploads do).
    ///
    /// ```
    /// use awso_client::transport::RequestBody;
    /// use bytes::Bytes;
    /// let body = RequestBody::from_body(4, http_body_util::Full::new(Bytes::from_static(b"data")));
    /// assert_eq!(body.length(), 4);
    /// ```
    pub fn from_body<B>(length: u64, body: B) -> Self
    where
        B: Body<Data = Bytes> + Send + 'static,
        B::Error: Into<HttpError>,
    {
        RequestBody {
            inner: Inner::Streamed {
                length,
                body: body.map_err(Into::into).boxed_unsync(),
            },
        }
    }

    /// The bytes, when the body is in memory (`None` for a stream).
    ///
    /// ```
    /// use awso_client::transport::RequestBody;
    /// assert_eq!(RequestBody::from(vec![1, 2]).as_bytes().map(|b| b.len()), Some(2));
    /// ```
    pub fn as_bytes(&self) -> Option<&Bytes> {
        match &self.inner {
            Inner::Buffered(bytes) => bytes.as_ref(),
            Inner::Streamed { .. } => None,
        }
    }

    /// The number of bytes the body has (a stream's announced length).
    ///
    /// ```
    /// use awso_client::transport::RequestBody;
    /// assert_eq!(RequestBody::from("four").length(), 4);
    /// ```
    pub fn length(&self) -> u64 {
        match &self.inner {
            Inner::Buffered(bytes) => bytes.as_ref().map_or(0, |b| b.len() as u64),
            Inner::Streamed { length, .. } => *length,
        }
    }

    /// Reads the whole body into memory: what a transport that cannot stream does with a
    /// streamed body ([`HttpClient::send_body`](super::HttpClient::send_body)'s default).
    ///
    /// ```
    /// use awso_client::transport::RequestBody;
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(RequestBody::from("all of it").collect().await.unwrap(), "all of it");
    /// # });
    /// ```
    pub async fn collect(self) -> Result<Bytes, HttpError> {
        match self.inner {
            Inner::Buffered(bytes) => Ok(bytes.unwrap_or_default()),
            Inner::Streamed { length, mut body } => {
                // The announced length sizes the buffer, but never beyond a modest start:
                // a wrong length must not allocate on its own say-so.
                let capacity = usize::try_from(length).unwrap_or(usize::MAX).min(1 << 20);
                let mut out = BytesMut::with_capacity(capacity);
                while let Some(frame) = body.frame().await {
                    if let Ok(data) = frame?.into_data() {
                        out.extend_from_slice(&data);
                    }
                }
                Ok(out.freeze())
            }
        }
    }
}

impl From<Bytes> for RequestBody {
    fn from(bytes: Bytes) -> Self {
        RequestBody {
            inner: Inner::Buffered(Some(bytes)),
        }
    }
}

impl From<Vec<u8>> for RequestBody {
    fn from(bytes: Vec<u8>) -> Self {
        Self::from(Bytes::from(bytes))
    }
}

impl From<&'static str> for RequestBody {
    fn from(text: &'static str) -> Self {
        Self::from(Bytes::from_static(text.as_bytes()))
    }
}

impl Body for RequestBody {
    type Data = Bytes;
    type Error = HttpError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, HttpError>>> {
        match &mut self.inner {
            Inner::Buffered(bytes) => Poll::Ready(
                bytes
                    .take()
                    .filter(|b| !b.is_empty())
                    .map(|b| Ok(Frame::data(b))),
            ),
            Inner::Streamed { body, .. } => Pin::new(body).poll_frame(cx),
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.inner {
            Inner::Buffered(bytes) => bytes.as_ref().is_none_or(Bytes::is_empty),
            Inner::Streamed { length, body } => *length == 0 && body.is_end_stream(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.length())
    }
}

impl fmt::Debug for RequestBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.inner {
            Inner::Buffered(_) => "buffered",
            Inner::Streamed { .. } => "streamed",
        };
        f.debug_struct("RequestBody")
            .field("kind", &kind)
            .field("length", &self.length())
            .finish()
    }
}

//! Response bodies: a stream of chunks, read as they come or collected with a cap.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use http_body::{Body, Frame, SizeHint};
use http_body_util::BodyExt;
use http_body_util::combinators::UnsyncBoxBody;

use super::{HttpError, HttpErrorKind};

/// A response body not yet read: in memory already, or still arriving from the connection.
///
/// It implements [`http_body::Body`], so any body adapter works on it; [`chunk`](Self::chunk)
/// reads it piece by piece and [`collect`](Self::collect) reads it whole, up to a limit.
///
/// ```
/// use awso_client::transport::ResponseBody;
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let mut body = ResponseBody::from("streamed");
/// let mut read = Vec::new();
/// while let Some(chunk) = body.chunk().await {
///     read.extend_from_slice(&chunk.unwrap());
/// }
/// assert_eq!(read, b"streamed");
/// # });
/// ```
pub struct ResponseBody {
    inner: UnsyncBoxBody<Bytes, HttpError>,
}

impl ResponseBody {
    /// A body with nothing in it.
    ///
    /// ```
    /// use awso_client::transport::ResponseBody;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// assert_eq!(ResponseBody::empty().collect(0).await.unwrap(), "");
    /// # });
    /// ```
    pub fn empty() -> Self {
        Self::from(Bytes::new())
    }

    /// Wraps any body whose errors convert to [`HttpError`] (a transport's own body type).
    ///
    /// ```
    /// use awso_client::transport::ResponseBody;
    /// use bytes::Bytes;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let body = ResponseBody::from_body(http_body_util::Full::new(Bytes::from_static(b"full")));
    /// assert_eq!(body.collect(16).await.unwrap(), "full");
    /// # });
    /// ```
    pub fn from_body<B>(body: B) -> Self
    where
        B: Body<Data = Bytes> + Send + 'static,
        B::Error: Into<HttpError>,
    {
        ResponseBody {
            inner: body.map_err(Into::into).boxed_unsync(),
        }
    }

    /// The next piece of data, `None` at the end; trailers are skipped.
    ///
    /// ```
    /// use awso_client::transport::ResponseBody;
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let mut body = ResponseBody::from(vec![1, 2, 3]);
    /// assert_eq!(body.chunk().await.unwrap().unwrap(), vec![1, 2, 3]);
    /// assert!(body.chunk().await.is_none());
    /// # });
    /// ```
    pub async fn chunk(&mut self) -> Option<Result<Bytes, HttpError>> {
        loop {
            match self.inner.frame().await? {
                Ok(frame) => match frame.into_data() {
                    Ok(data) if data.is_empty() => {}
                    Ok(data) => return Some(Ok(data)),
                    Err(_trailers) => {}
                },
                Err(error) => return Some(Err(error)),
            }
        }
    }

    /// Reads the whole body, failing with [`HttpErrorKind::TooLarge`] past `max` bytes.
    ///
    /// ```
    /// use awso_client::transport::{HttpErrorKind, ResponseBody};
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(ResponseBody::from("abc").collect(3).await.unwrap(), "abc");
    /// let error = ResponseBody::from("abcd").collect(3).await.unwrap_err();
    /// assert_eq!(error.kind(), HttpErrorKind::TooLarge);
    /// # });
    /// ```
    pub async fn collect(mut self, max: usize) -> Result<Bytes, HttpError> {
        let mut out = BytesMut::new();
        while let Some(chunk) = self.chunk().await {
            let chunk = chunk?;
            if out.len() + chunk.len() > max {
                return Err(HttpError::new(
                    HttpErrorKind::TooLarge,
                    format!("answer larger than {max} bytes"),
                ));
            }
            out.extend_from_slice(&chunk);
        }
        Ok(out.freeze())
    }
}

impl From<Bytes> for ResponseBody {
    fn from(bytes: Bytes) -> Self {
        Self::from_body(http_body_util::Full::new(bytes))
    }
}

impl From<Vec<u8>> for ResponseBody {
    fn from(bytes: Vec<u8>) -> Self {
        Self::from(Bytes::from(bytes))
    }
}

impl From<&'static str> for ResponseBody {
    fn from(text: &'static str) -> Self {
        Self::from(Bytes::from_static(text.as_bytes()))
    }
}

impl From<std::convert::Infallible> for HttpError {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

impl Body for ResponseBody {
    type Data = Bytes;
    type Error = HttpError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, HttpError>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

impl fmt::Debug for ResponseBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseBody")
            .field("size_hint", &self.inner.size_hint())
            .finish_non_exhaustive()
    }
}

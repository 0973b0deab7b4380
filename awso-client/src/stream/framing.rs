//! A streamed upload as it goes on the wire: the bytes as they are, or S3's signed
//! `aws-chunked` encoding with the checksum as a trailer.

use std::pin::Pin;
use std::task::{Context, Poll};

use awso_core::protocol::{ChecksumAlgorithm, ChecksumHasher};
use bytes::{Bytes, BytesMut};
use http_body::{Body, Frame};

use super::upload::Pieces;
use crate::sign::ChunkSigner;
use crate::transport::{HttpError, HttpErrorKind, RequestBody};

/// The size of every signed chunk but the last: S3's minimum is 8 KiB; 64 KiB keeps the
/// per-chunk signature cost (one HMAC and a hex header) small next to the data's SHA-256.
pub(crate) const CHUNK_SIZE: usize = 64 * 1024;

/// The `Content-Length` of `length` bytes in signed chunks, with the trailer of `algorithm`,
/// each signature `signature` characters wide (64 for SigV4, 144 for SigV4a).
pub(crate) fn encoded_length(
    length: u64,
    trailer: Option<ChecksumAlgorithm>,
    signature: u64,
) -> u64 {
    // Every checksum of an algorithm has the same length: the empty body's stands in.
    let placeholder = trailer.map(|a| (a.header(), a.checksum(b"")));
    let trailers: Vec<(&str, &str)> = placeholder
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    crate::sign::encoded_length(length, CHUNK_SIZE as u64, &trailers, signature)
}

/// The bytes as they are: for an upload that is not signed by its payload.
pub(crate) fn plain(length: u64, pieces: Pieces) -> RequestBody {
    RequestBody::from_body(length, Plain(pieces))
}

/// The bytes in signed chunks of [`CHUNK_SIZE`], then the final chunk with the checksum of
/// `trailer`'s algorithm as a signed trailer. `length` must be the decoded length the
/// request's headers announce.
pub(crate) fn signed_chunks(
    length: u64,
    pieces: Pieces,
    signer: ChunkSigner,
    trailer: Option<ChecksumAlgorithm>,
) -> RequestBody {
    let signature = signer.signature_length();
    let body = SignedChunks {
        pieces,
        signer,
        buffer: BytesMut::new(),
        trailer: trailer.map(|a| (a, a.hasher())),
        source_done: false,
        finished: false,
    };
    RequestBody::from_body(encoded_length(length, trailer, signature), body)
}

fn source_error(error: std::io::Error) -> HttpError {
    HttpError::new(
        HttpErrorKind::Io,
        format!("reading the upload's body failed: {error}"),
    )
    .with_source(error)
}

struct Plain(Pieces);

impl Body for Plain {
    type Data = Bytes;
    type Error = HttpError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, HttpError>>> {
        match self.0.as_mut().poll_next(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Ready(Some(Ok(piece))) => Poll::Ready(Some(Ok(Frame::data(piece)))),
            Poll::Ready(Some(Err(error))) => Poll::Ready(Some(Err(source_error(error)))),
        }
    }
}

struct SignedChunks {
    pieces: Pieces,
    signer: ChunkSigner,
    /// What the source gave beyond the last full chunk: less than a chunk plus one piece.
    buffer: BytesMut,
    trailer: Option<(ChecksumAlgorithm, ChecksumHasher)>,
    source_done: bool,
    finished: bool,
}

impl SignedChunks {
    fn chunk(&mut self, data: &[u8]) -> Frame<Bytes> {
        let mut out = Vec::with_capacity(data.len() + 100);
        self.signer.write_chunk(data, &mut out);
        Frame::data(Bytes::from(out))
    }

    fn last(&mut self) -> Frame<Bytes> {
        self.finished = true;
        let checksum = self
            .trailer
            .take()
            .map(|(algorithm, hasher)| (algorithm.header(), hasher.finish()));
        let trailers: Vec<(&str, &str)> = checksum
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        let mut out = Vec::with_capacity(256);
        self.signer.finish(&trailers, &mut out);
        Frame::data(Bytes::from(out))
    }
}

impl Body for SignedChunks {
    type Data = Bytes;
    type Error = HttpError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, HttpError>>> {
        let this = &mut *self;
        // Each turn either returns or takes one piece from the source, which ends.
        loop {
            if this.finished {
                return Poll::Ready(None);
            }
            if this.buffer.len() >= CHUNK_SIZE {
                let data = this.buffer.split_to(CHUNK_SIZE);
                return Poll::Ready(Some(Ok(this.chunk(&data))));
            }
            if this.source_done {
                if this.buffer.is_empty() {
                    return Poll::Ready(Some(Ok(this.last())));
                }
                let data = this.buffer.split();
                return Poll::Ready(Some(Ok(this.chunk(&data))));
            }
            match this.pieces.as_mut().poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => this.source_done = true,
                Poll::Ready(Some(Ok(piece))) => {
                    if let Some((_, hasher)) = &mut this.trailer {
                        hasher.update(&piece);
                    }
                    this.buffer.extend_from_slice(&piece);
                }
                Poll::Ready(Some(Err(error))) => {
                    this.finished = true;
                    return Poll::Ready(Some(Err(source_error(error))));
                }
            }
        }
    }
}

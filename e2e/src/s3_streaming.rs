//! S3's streamed upload and download: a multi-MiB object put through PutObject from a
//! reader that makes its bytes as they are read (the upload never holds the object), read
//! back through GetObject as a stream, the MD5 of both sides compared, and the CRC32 that
//! went up as an aws-chunked trailer checked by the download at its end.

use awso_client::client::Client;
use awso_client::stream::UploadBody;
use awso_samples::s3::{
    DeleteObject, DeleteObjectRequest, GetObject, GetObjectRequest, PutObject, PutObjectRequest,
};
use md5::Digest as _;
use serde_json::json;

use crate::check::{Check, ensure, ensure_eq, input, md5_hex};

/// 8 MiB and a bit: many 64 KiB chunks and a short last one.
const SIZE: usize = 8 * 1024 * 1024 + 13;

const KEY: &str = "streamed/object.bin";

/// Byte `i` of the object: a pattern in which a dropped, repeated or reordered chunk shows.
fn byte(i: usize) -> u8 {
    (i.wrapping_mul(7) ^ (i >> 13)) as u8
}

/// The object as a reader, made as it is read.
struct Pattern {
    at: usize,
}

impl std::io::Read for Pattern {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(SIZE - self.at);
        for (k, slot) in buf[..n].iter_mut().enumerate() {
            *slot = byte(self.at + k);
        }
        self.at += n;
        Ok(n)
    }
}

/// The object itself, made apart from the upload's reader, to check against.
fn source() -> Vec<u8> {
    (0..SIZE).map(byte).collect()
}

pub async fn round_trip(client: &Client, bucket: &str) -> Check<()> {
    let spec = crate::spec("s3", "s3v4");
    let put: PutObjectRequest = input(&json!({"Bucket": bucket, "Key": KEY}))?;
    let body = UploadBody::from_reader(SIZE as u64, Pattern { at: 0 });
    let out = client.call_upload::<PutObject>(&spec, &put, body).await?;
    let source = source();
    ensure_eq(
        "PutObject ETag",
        out.e_tag.as_deref(),
        Some(format!("\"{}\"", md5_hex(&source)).as_str()),
    )?;
    let get: GetObjectRequest = input(&json!({"Bucket": bucket, "Key": KEY}))?;
    let answer = client.call_streaming::<GetObject>(&spec, &get).await?;
    ensure_eq(
        "Content-Length",
        answer.output.content_length,
        Some(SIZE as i64),
    )?;
    ensure(answer.output.body.is_none(), || {
        "the payload was read into the output".to_owned()
    })?;
    // moto keeps the checksum the upload's trailer carried and sends it back.
    ensure(answer.body.is_checksummed(), || {
        "GetObject sent no checksum of the streamed upload's trailer".to_owned()
    })?;
    let mut body = answer.body;
    let (mut read, mut chunks, mut md5_read) = (0, 0, md5::Md5::new());
    // Bounded by the object: every chunk carries at least one byte.
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| format!("reading the stream: {e}"))?;
        read += chunk.len();
        chunks += 1;
        md5_read.update(&chunk);
    }
    ensure_eq("bytes read", read, SIZE)?;
    ensure(chunks > 1, || "the object came in one piece".to_owned())?;
    ensure_eq(
        "MD5 of the stream",
        md5_read.finalize().to_vec(),
        md5::Md5::digest(&source).to_vec(),
    )?;
    let delete: DeleteObjectRequest = input(&json!({"Bucket": bucket, "Key": KEY}))?;
    client.call::<DeleteObject>(&spec, &delete).await?;
    Ok(())
}

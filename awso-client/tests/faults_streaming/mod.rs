//! Streamed bodies against the fault server: downloads read chunk by chunk in bounded memory,
//! broken and mis-checksummed downloads failing as streams, uploads whose bytes on the wire
//! decode to the source, and one-shot uploads not sent twice.

mod heap;

use std::io::Read as _;
use std::time::Duration;

use awso_client::stream::{ByteStream, StreamErrorKind, Streamed, UploadBody};
use bytes::Bytes;

use super::{Fault, FaultServer, Recorder, Seen, config, refused_url};
use crate::faults_support::object_byte;
use crate::faults_support::operation::{
    CreateThingError, GetBlob, GetBlobOutput, GetThingRequest, PutBlob, PutBlobRequest,
};
use awso_client::client::{
    BlockingClient, CallError, Client, Config, ErrorKind, ServiceSpec, Timeouts,
};
use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
use awso_core::protocol::ChecksumAlgorithm;

/// The cases of this module, for the harness in `faults.rs`.
pub(crate) const CASES: &[(&str, fn())] = &[
    (
        "streamed_download_reads_in_bounded_memory",
        streamed_download_reads_in_bounded_memory,
    ),
    (
        "reset_mid_body_is_a_stream_error_not_a_retry",
        reset_mid_body_is_a_stream_error_not_a_retry,
    ),
    (
        "stalled_body_times_out_between_chunks",
        stalled_body_times_out_between_chunks,
    ),
    (
        "streamed_checksum_is_checked_at_the_end",
        streamed_checksum_is_checked_at_the_end,
    ),
    (
        "blocking_download_reads_through_io_read",
        blocking_download_reads_through_io_read,
    ),
    (
        "streamed_upload_bytes_on_the_wire_decode_to_the_source",
        streamed_upload_bytes_on_the_wire_decode_to_the_source,
    ),
    (
        "read_one_shot_upload_is_not_retried",
        read_one_shot_upload_is_not_retried,
    ),
    (
        "reopenable_upload_is_retried_unchanged",
        reopenable_upload_is_retried_unchanged,
    ),
    (
        "unread_one_shot_upload_is_retried",
        unread_one_shot_upload_is_retried,
    ),
    (
        "upload_of_the_wrong_length_fails",
        upload_of_the_wrong_length_fails,
    ),
    (
        "unsigned_upload_sends_the_bytes_as_they_are",
        unsigned_upload_sends_the_bytes_as_they_are,
    ),
    (
        "sigv4_service_without_chunks_signs_the_stream_read_whole",
        sigv4_service_without_chunks_signs_the_stream_read_whole,
    ),
    (
        "stream_too_large_to_read_whole_fails_before_sending",
        stream_too_large_to_read_whole_fails_before_sending,
    ),
    (
        "sigv4a_upload_chunks_verify_with_the_public_key",
        sigv4a_upload_chunks_verify_with_the_public_key,
    ),
];

/// A service signing as S3 does (`x-amz-content-sha256`, aws-chunked uploads).
fn s3_spec() -> ServiceSpec {
    let service = ServiceAuth {
        signature_version: Some("s3v4"),
        endpoint_prefix: "s3",
        ..ServiceAuth::default()
    };
    ServiceSpec::new(
        "s3",
        AuthScheme::select(&service, &OperationAuth::default()).unwrap(),
    )
}

/// The fault tests' settings with room to spare in the attempt timeout, which also bounds the
/// wait for each chunk of a streamed body: a loaded machine must not fail a large transfer.
fn roomy(url: &str) -> Config {
    let timeouts = Timeouts::default()
        .with_connect(Duration::from_secs(2))
        .with_attempt(Some(Duration::from_secs(60)));
    config(url, &Recorder::default()).timeouts(timeouts).build()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

async fn get_blob(client: &Client) -> Streamed<GetBlobOutput> {
    client
        .call_streaming::<GetBlob>(&super::spec(), &GetThingRequest::default())
        .await
        .unwrap()
}

fn object(size: usize) -> Vec<u8> {
    (0..size).map(object_byte).collect()
}

fn object_fault(size: usize, sent: usize, checksum: Option<String>) -> Fault {
    let mut headers = vec![("x-thing-tag", "blue".to_owned())];
    if let Some(checksum) = checksum {
        headers.push(("x-amz-checksum-crc32", checksum));
    }
    Fault::Object {
        size,
        sent,
        stall: Duration::ZERO,
        headers,
    }
}

/// Reads `body` to its end, keeping only a CRC-32 of it; the most live heap above the start
/// while doing so; the bytes read.
async fn drain(mut body: ByteStream) -> (Result<String, StreamErrorKind>, usize, usize) {
    let mut hasher = ChecksumAlgorithm::Crc32.hasher();
    let mut read = 0;
    let watch = heap::Watch::start();
    // Bounded: the server sends a finite object, and each chunk is at least one byte.
    while let Some(chunk) = body.next().await {
        match chunk {
            Ok(chunk) => {
                read += chunk.len();
                hasher.update(&chunk);
            }
            Err(error) => return (Err(error.kind()), watch.peak(), read),
        }
    }
    (Ok(hasher.finish()), watch.peak(), read)
}

fn streamed_download_reads_in_bounded_memory() {
    const SIZE: usize = 48 << 20;
    let server = FaultServer::start(vec![object_fault(SIZE, SIZE, None)], 4);
    let client = Client::new(roomy(&server.url()));
    let (answer, peak, read) = runtime().block_on(async {
        let answer = get_blob(&client).await;
        assert_eq!(answer.output.content_length, Some(SIZE as i64));
        assert_eq!(answer.output.tag.as_deref(), Some("blue"));
        assert!(answer.output.body.is_none(), "the payload is the stream's");
        assert_eq!(answer.body.length(), Some(SIZE as u64));
        drain(answer.body).await
    });
    assert_eq!(read, SIZE);
    assert_eq!(
        answer.unwrap(),
        ChecksumAlgorithm::Crc32.checksum(&object(SIZE))
    );
    // A chunk or two and the connection's buffers, never the object: under 1/16 of it.
    assert!(peak < SIZE / 16, "{peak} bytes live while streaming {SIZE}");
    // The watch does see an object held whole: the same body collected.
    let held = runtime().block_on(async {
        let answer = get_blob(&client).await;
        let watch = heap::Watch::start();
        let whole = answer.body.collect(SIZE).await.unwrap();
        assert_eq!(whole.len(), SIZE);
        watch.peak()
    });
    assert!(held >= SIZE, "collecting showed only {held} bytes");
}

fn reset_mid_body_is_a_stream_error_not_a_retry() {
    const SIZE: usize = 4 << 20;
    let server = FaultServer::start(vec![object_fault(SIZE, SIZE / 4, None)], 4);
    let client = Client::new(roomy(&server.url()));
    let (result, _, read) = runtime().block_on(async {
        let answer = get_blob(&client).await;
        drain(answer.body).await
    });
    assert_eq!(result, Err(StreamErrorKind::Transport));
    assert!(read <= SIZE / 4, "read {read}");
    assert_eq!(server.seen().len(), 1, "the body is the caller's: no retry");
}

fn stalled_body_times_out_between_chunks() {
    const SIZE: usize = 1 << 20;
    // Silent for longer than the client's 500 ms attempt timeout, then gone.
    let stalled = Fault::Object {
        size: SIZE,
        sent: SIZE / 2,
        stall: Duration::from_secs(3),
        headers: Vec::new(),
    };
    let server = FaultServer::start(vec![stalled], 4);
    let client = Client::new(config(&server.url(), &Recorder::default()).build());
    let (error, read) = runtime().block_on(async {
        let mut body = get_blob(&client).await.body;
        let mut read = 0;
        // Bounded: the server sends half the object, then nothing.
        loop {
            match body.next().await {
                Some(Ok(chunk)) => read += chunk.len(),
                Some(Err(error)) => return (error, read),
                None => panic!("the stalled body ended cleanly"),
            }
        }
    });
    assert_eq!(read, SIZE / 2);
    assert_eq!(error.kind(), StreamErrorKind::Transport);
    assert!(error.to_string().contains("no data"), "{error}");
    assert_eq!(
        std::io::Error::from(error).kind(),
        std::io::ErrorKind::TimedOut
    );
}

fn streamed_checksum_is_checked_at_the_end() {
    const SIZE: usize = 300_000;
    let good = ChecksumAlgorithm::Crc32.checksum(&object(SIZE));
    for (checksum, expected) in [
        (good.clone(), Ok(good.clone())),
        ("AAAAAA==".to_owned(), Err(StreamErrorKind::Checksum)),
    ] {
        let server = FaultServer::start(vec![object_fault(SIZE, SIZE, Some(checksum))], 4);
        let client = Client::new(roomy(&server.url()));
        let (result, _, read) = runtime().block_on(async {
            let answer = get_blob(&client).await;
            assert!(answer.body.is_checksummed());
            drain(answer.body).await
        });
        assert_eq!(result, expected);
        // The whole body came out before the verdict.
        assert_eq!(read, SIZE);
        assert_eq!(
            server.seen()[0].header("x-amz-checksum-mode"),
            Some("ENABLED")
        );
    }
}

fn blocking_download_reads_through_io_read() {
    const SIZE: usize = 1 << 20;
    let checksum = ChecksumAlgorithm::Crc32.checksum(&object(SIZE));
    let server = FaultServer::start(vec![object_fault(SIZE, SIZE, Some(checksum))], 4);
    let client = BlockingClient::new(roomy(&server.url())).unwrap();
    let answer = client
        .call_streaming::<GetBlob>(&super::spec(), &GetThingRequest::default())
        .unwrap();
    let mut body = answer.body;
    let mut read = Vec::new();
    // Small reads, to cross chunk boundaries.
    let mut buffer = [0_u8; 1000];
    for _ in 0..=SIZE {
        let n = body.read(&mut buffer).unwrap();
        if n == 0 {
            break;
        }
        read.extend_from_slice(&buffer[..n]);
    }
    assert_eq!(read, object(SIZE));
}

/// The body of an `aws-chunked` request: its data, its chunk signatures, its trailers.
struct Chunked {
    data: Vec<u8>,
    signatures: Vec<String>,
    trailers: Vec<(String, String)>,
}

fn decode_chunked(mut wire: &[u8]) -> Chunked {
    let line = |wire: &mut &[u8]| -> String {
        let end = wire.windows(2).position(|w| w == b"\r\n").expect("a CRLF");
        let text = String::from_utf8(wire[..end].to_vec()).unwrap();
        *wire = &wire[end + 2..];
        text
    };
    let mut out = Chunked {
        data: Vec::new(),
        signatures: Vec::new(),
        trailers: Vec::new(),
    };
    // Bounded by the body: each turn consumes a chunk's header.
    while !wire.is_empty() {
        let header = line(&mut wire);
        let (size, signature) = header
            .split_once(";chunk-signature=")
            .expect("a signed chunk");
        out.signatures.push(signature.to_owned());
        let size = usize::from_str_radix(size, 16).unwrap();
        if size == 0 {
            break;
        }
        out.data.extend_from_slice(&wire[..size]);
        wire = &wire[size..];
        assert_eq!(line(&mut wire), "", "data ends with CRLF");
    }
    loop {
        let trailer = line(&mut wire);
        if trailer.is_empty() {
            break;
        }
        let (name, value) = trailer.split_once(':').unwrap();
        out.trailers.push((name.to_owned(), value.to_owned()));
    }
    assert!(wire.is_empty(), "nothing after the closing line");
    out
}

fn upload(url: &str, body: UploadBody) -> Result<(), CallError<CreateThingError>> {
    let client = Client::new(roomy(url));
    runtime()
        .block_on(client.call_upload::<PutBlob>(&s3_spec(), &PutBlobRequest::default(), body))
        .map(|_| ())
}

fn assert_chunked_upload_of(seen: &Seen, source: &[u8]) {
    assert_eq!(seen.header("content-encoding"), Some("aws-chunked"));
    assert_eq!(
        seen.header("x-amz-content-sha256"),
        Some("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER")
    );
    let decoded_length = source.len().to_string();
    assert_eq!(
        seen.header("x-amz-decoded-content-length"),
        Some(decoded_length.as_str())
    );
    assert_eq!(seen.header("x-amz-trailer"), Some("x-amz-checksum-crc32"));
    assert_eq!(seen.header("x-amz-sdk-checksum-algorithm"), Some("CRC32"));
    let length = seen.body.len().to_string();
    assert_eq!(seen.header("content-length"), Some(length.as_str()));
    let chunked = decode_chunked(&seen.body);
    assert!(
        chunked.data == source,
        "the decoded body differs from the source"
    );
    // 64 KiB chunks, the final empty one, and the trailer's signature.
    assert_eq!(
        chunked.signatures.len(),
        source.len().div_ceil(64 * 1024) + 1
    );
    assert!(chunked.signatures.iter().all(|s| s.len() == 64));
    let distinct: std::collections::BTreeSet<_> = chunked.signatures.iter().collect();
    assert_eq!(
        distinct.len(),
        chunked.signatures.len(),
        "each signature chains on the last"
    );
    let crc = ChecksumAlgorithm::Crc32.checksum(source);
    assert_eq!(
        chunked.trailers[0],
        ("x-amz-checksum-crc32".to_owned(), crc)
    );
    assert_eq!(chunked.trailers[1].0, "x-amz-trailer-signature");
}

fn streamed_upload_bytes_on_the_wire_decode_to_the_source() {
    let source = object(1_000_003);
    let server = FaultServer::start(vec![Fault::ok()], 4);
    let reader = std::io::Cursor::new(source.clone());
    upload(
        &server.url(),
        UploadBody::from_reader(source.len() as u64, reader),
    )
    .unwrap();
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_chunked_upload_of(&seen[0], &source);
}

fn read_one_shot_upload_is_not_retried() {
    let source = object(100_000);
    let server = FaultServer::start(vec![Fault::status(503, ""), Fault::ok()], 4);
    let reader = std::io::Cursor::new(source.clone());
    let error = upload(
        &server.url(),
        UploadBody::from_reader(source.len() as u64, reader),
    )
    .unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::Service { meta, .. } if meta.status == 503),
        "{error:?}"
    );
    assert_eq!(
        server.seen().len(),
        1,
        "a one-shot body read once is not sent again"
    );
}

fn reopenable_upload_is_retried_unchanged() {
    let source = object(100_000);
    let server = FaultServer::start(vec![Fault::status(503, ""), Fault::ok()], 4);
    let copy = Bytes::from(source.clone());
    let body = UploadBody::from_factory(source.len() as u64, move || {
        Ok(std::io::Cursor::new(copy.clone()))
    });
    upload(&server.url(), body).unwrap();
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    for attempt in &seen {
        assert_chunked_upload_of(attempt, &source);
    }
}

fn unread_one_shot_upload_is_retried() {
    let body = UploadBody::from_reader(3, &b"abc"[..]);
    let client = Client::new(roomy(&refused_url()));
    let error = runtime()
        .block_on(client.call_upload::<PutBlob>(&s3_spec(), &PutBlobRequest::default(), body))
        .unwrap_err();
    // Refused before a byte was read: every attempt could still send the body.
    assert_eq!(error.attempts(), 3, "{error}");
    assert!(matches!(error.kind(), ErrorKind::Transport(_)), "{error}");
}

fn upload_of_the_wrong_length_fails() {
    let server = FaultServer::start(vec![Fault::ok()], 4);
    let error = upload(&server.url(), UploadBody::from_reader(10, &b"abc"[..])).unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Transport(_)), "{error:?}");
    let set = PutBlobRequest {
        body: Some(awso_core::Blob::new(b"abc".to_vec())),
        ..PutBlobRequest::default()
    };
    let client = Client::new(roomy(&server.url()));
    let error = runtime()
        .block_on(client.call_upload::<PutBlob>(
            &s3_spec(),
            &set,
            UploadBody::from_reader(3, &b"abc"[..]),
        ))
        .unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::Construction(_)),
        "{error}"
    );
    assert_eq!(error.attempts(), 0);
}

fn unsigned_upload_sends_the_bytes_as_they_are() {
    let source = object(200_001);
    let server = FaultServer::start(vec![Fault::ok()], 4);
    let client = Client::new(roomy(&server.url()));
    let spec = ServiceSpec::new("things", AuthScheme::NoAuth);
    let body = UploadBody::from_reader(source.len() as u64, std::io::Cursor::new(source.clone()));
    runtime()
        .block_on(client.call_upload::<PutBlob>(&spec, &PutBlobRequest::default(), body))
        .unwrap();
    let seen = &server.seen()[0];
    assert!(
        seen.body == source,
        "the body on the wire differs from the source"
    );
    let length = source.len().to_string();
    assert_eq!(seen.header("content-length"), Some(length.as_str()));
    assert_eq!(seen.header("content-encoding"), None);
    assert_eq!(seen.header("authorization"), None);
}

/// Glacier UploadArchive, Lambda Invoke: a SigV4 service that signs its payload's hash and
/// takes no aws-chunked body gets the stream read whole and signed as a buffered request, so
/// even a one-shot body is retried.
fn sigv4_service_without_chunks_signs_the_stream_read_whole() {
    let source = object(70_001);
    let server = FaultServer::start(vec![Fault::status(503, ""), Fault::ok()], 4);
    let client = Client::new(roomy(&server.url()));
    let body = UploadBody::from_reader(source.len() as u64, std::io::Cursor::new(source.clone()));
    runtime()
        .block_on(client.call_upload::<PutBlob>(&super::spec(), &PutBlobRequest::default(), body))
        .unwrap();
    let seen = server.seen();
    assert_eq!(
        seen.len(),
        2,
        "the one-shot body was read once and sent twice"
    );
    let length = source.len().to_string();
    for attempt in &seen {
        assert!(
            attempt.body == source,
            "the body on the wire differs from the source"
        );
        assert_eq!(attempt.header("content-length"), Some(length.as_str()));
        assert_eq!(attempt.header("content-encoding"), None);
        let authorization = attempt.header("authorization").expect("signed");
        assert_eq!(
            authorization,
            recomputed_authorization(attempt, &server.url())
        );
    }
}

/// The `Authorization` SigV4 gives the request `seen` (as `faults.rs`'s client signs:
/// `things` in us-east-1 at its fixed clock), over the headers its own names and its body.
fn recomputed_authorization(seen: &Seen, url: &str) -> String {
    use awso_client::credentials::{Clock as _, Credentials};
    use awso_client::sign::{SigningParams, sign_http_request};
    let authorization = seen.header("authorization").unwrap();
    let signed_headers = authorization
        .split("SignedHeaders=")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .unwrap();
    let mut line = seen.head.lines().next().unwrap().split(' ');
    let (method, target) = (line.next().unwrap(), line.next().unwrap());
    let mut request = http::Request::builder()
        .method(method)
        .uri(format!("{url}{target}"));
    for name in signed_headers
        .split(';')
        .filter(|name| *name != "x-amz-date")
    {
        request = request.header(name, seen.header(name).unwrap());
    }
    let mut request = request.body(seen.body.clone()).unwrap();
    let params = SigningParams::new("us-east-1", "things", super::FixedClock.now());
    let credentials = Credentials::new("AKIDEXAMPLE", "secret");
    sign_http_request(&mut request, &credentials, &params).unwrap();
    request.headers()["authorization"]
        .to_str()
        .unwrap()
        .to_owned()
}

fn stream_too_large_to_read_whole_fails_before_sending() {
    let server = FaultServer::start(vec![Fault::ok()], 4);
    let client = Client::new(roomy(&server.url()));
    // Over the 1 GiB a payload-hashing service's stream may take in memory; never opened.
    let body = UploadBody::from_factory(3 << 30, || -> std::io::Result<std::io::Empty> {
        panic!("a body over the limit is not opened")
    });
    let error = runtime()
        .block_on(client.call_upload::<PutBlob>(&super::spec(), &PutBlobRequest::default(), body))
        .unwrap_err();
    let ErrorKind::Transport(transport) = error.kind() else {
        panic!("{error:?}")
    };
    assert_eq!(
        transport.kind(),
        awso_client::transport::HttpErrorKind::TooLarge
    );
    assert_eq!(error.attempts(), 0);
    assert!(server.seen().is_empty());
}

/// S3 with SigV4a (multi-region access points): the upload goes as aws-chunked with ECDSA
/// chunk signatures, each verified with the credentials' public key over its string-to-sign
/// (chained from the request's own signature), the trailer's too.
fn sigv4a_upload_chunks_verify_with_the_public_key() {
    use awso_client::credentials::Credentials;
    use awso_client::sign::signing_key_v4a;
    use sha2::{Digest as _, Sha256};
    let source = object(150_000);
    let server = FaultServer::start(vec![Fault::ok()], 4);
    let client = Client::new(roomy(&server.url()));
    let service = ServiceAuth {
        signature_version: Some("v4a"),
        endpoint_prefix: "s3",
        ..ServiceAuth::default()
    };
    let spec = ServiceSpec::new(
        "s3",
        AuthScheme::select(&service, &OperationAuth::default()).unwrap(),
    );
    let body = UploadBody::from_reader(source.len() as u64, std::io::Cursor::new(source.clone()));
    runtime()
        .block_on(client.call_upload::<PutBlob>(&spec, &PutBlobRequest::default(), body))
        .unwrap();
    let seen = &server.seen()[0];
    assert_eq!(
        seen.header("x-amz-content-sha256"),
        Some("STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER")
    );
    assert_eq!(seen.header("x-amz-region-set"), Some("us-east-1"));
    let length = seen.body.len().to_string();
    assert_eq!(seen.header("content-length"), Some(length.as_str()));
    let authorization = seen.header("authorization").unwrap();
    assert!(
        authorization.starts_with("AWS4-ECDSA-P256-SHA256 "),
        "{authorization}"
    );
    let scope = authorization
        .split("Credential=AKIDEXAMPLE/")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .unwrap();
    let mut previous = authorization.split("Signature=").nth(1).unwrap().to_owned();
    let timestamp = seen.header("x-amz-date").unwrap();
    let key = signing_key_v4a(&Credentials::new("AKIDEXAMPLE", "secret")).unwrap();
    let hex = |data: &[u8]| -> String {
        Sha256::digest(data)
            .iter()
            .fold(String::new(), |mut out, b| {
                use std::fmt::Write as _;
                let _ = write!(out, "{b:02x}");
                out
            })
    };
    let chunked = decode_chunked(&seen.body);
    assert!(
        chunked.data == source,
        "the decoded body differs from the source"
    );
    let chunks: Vec<&[u8]> = source.chunks(64 * 1024).chain([&[][..]]).collect();
    assert_eq!(chunked.signatures.len(), chunks.len());
    for (data, signature) in chunks.iter().zip(&chunked.signatures) {
        assert_eq!(signature.len(), 144, "padded: {signature}");
        let signature = signature.trim_end_matches('*');
        let string_to_sign = format!(
            "AWS4-ECDSA-P256-SHA256-PAYLOAD\n{timestamp}\n{scope}\n{previous}\n{}\n{}",
            hex(b""),
            hex(data)
        );
        assert!(
            key.verify(&string_to_sign, signature),
            "a chunk of {} bytes",
            data.len()
        );
        signature.clone_into(&mut previous);
    }
    let (name, value) = &chunked.trailers[0];
    let (signature_name, signature) = &chunked.trailers[1];
    assert_eq!(signature_name, "x-amz-trailer-signature");
    let string_to_sign = format!(
        "AWS4-ECDSA-P256-SHA256-TRAILER\n{timestamp}\n{scope}\n{previous}\n{}",
        hex(format!("{name}:{value}\n").as_bytes())
    );
    assert!(key.verify(&string_to_sign, signature.trim_end_matches('*')));
}

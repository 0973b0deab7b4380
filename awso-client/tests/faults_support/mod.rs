//! A scripted HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose, and the test
//! operation the fault tests call through it.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the server does with one connection's request.
#[derive(Clone, Debug)]
pub(crate) enum Fault {
    /// A complete answer.
    Reply {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: String,
    },
    /// Reads the request, then closes the connection without a word.
    Reset,
    /// Announces `Content-Length: 100`, sends 10 bytes of it, closes.
    Truncated,
    /// Waits this long before answering 200 (longer than the client's attempt timeout).
    SlowHeaders(Duration),
    /// Answers with bytes that are not HTTP.
    Garbage,
    /// Answers 200 with an object of `size` bytes of [`object_byte`] (and `headers`), of which
    /// only the first `sent` are sent, then waits `stall` before the connection closes.
    Object {
        size: usize,
        sent: usize,
        stall: Duration,
        headers: Vec<(&'static str, String)>,
    },
}

/// Byte `i` of the objects [`Fault::Object`] serves: a pattern no two nearby chunks share.
pub(crate) fn object_byte(i: usize) -> u8 {
    (i.wrapping_mul(31) ^ (i >> 11)) as u8
}

impl Fault {
    pub(crate) fn status(status: u16, body: &str) -> Fault {
        Fault::Reply {
            status,
            headers: Vec::new(),
            body: body.to_owned(),
        }
    }

    pub(crate) fn error(status: u16, code: &str) -> Fault {
        Fault::Reply {
            status,
            headers: vec![
                ("x-amzn-errortype", code.to_owned()),
                ("x-amzn-requestid", format!("req-{code}")),
            ],
            body: format!(r#"{{"message":"injected {code}"}}"#),
        }
    }

    pub(crate) fn ok() -> Fault {
        Fault::status(200, r#"{"Id":"thing-1"}"#)
    }

    #[must_use]
    pub(crate) fn with_header(mut self, name: &'static str, value: &str) -> Fault {
        if let Fault::Reply { headers, .. } = &mut self {
            headers.push((name, value.to_owned()));
        }
        self
    }
}

/// A sleeper that records the delays asked for and returns at once.
#[derive(Clone, Default)]
pub(crate) struct Recorder(Arc<Mutex<Vec<Duration>>>);

impl awso_client::client::Sleep for Recorder {
    fn sleep(&self, delay: Duration) -> std::pin::Pin<Box<dyn Future<Output = ()> + Send>> {
        self.0.lock().unwrap().push(delay);
        Box::pin(async {})
    }
}

impl Recorder {
    pub(crate) fn delays(&self) -> Vec<Duration> {
        self.0.lock().unwrap().clone()
    }
}

/// One request as received.
#[derive(Clone, Debug)]
pub(crate) struct Seen {
    pub head: String,
    pub body: Vec<u8>,
}

impl Seen {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// The server: answers connection `n` with `script[n]` (the last entry once past the end),
/// for at most `max_connections` connections.
pub(crate) struct FaultServer {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl FaultServer {
    pub(crate) fn start(script: Vec<Fault>, max_connections: usize) -> FaultServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen2, stop2) = (seen.clone(), stop.clone());
        // One thread per connection, so a stalled answer does not hold up the next attempt.
        let thread = std::thread::spawn(move || {
            let mut workers = Vec::new();
            for n in 0..max_connections {
                let Ok((stream, _)) = listener.accept() else {
                    break;
                };
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let fault = script[n.min(script.len() - 1)].clone();
                let seen = seen2.clone();
                workers.push(std::thread::spawn(move || serve(stream, &fault, &seen)));
            }
            for worker in workers {
                let _ = worker.join();
            }
        });
        FaultServer {
            addr,
            seen,
            stop,
            thread: Some(thread),
        }
    }

    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub(crate) fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// An address nothing listens on.
pub(crate) fn refused_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}")
}

fn read_request(stream: &mut TcpStream) -> Option<Seen> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut data = Vec::new();
    let mut buf = [0_u8; 4096];
    let head_end = loop {
        if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        if data.len() > 1 << 20 {
            return None;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let mut seen = Seen {
        head,
        body: Vec::new(),
    };
    let length: usize = seen
        .header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = data[head_end..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&buf[..n]);
    }
    seen.body = body;
    Some(seen)
}

fn serve(mut stream: TcpStream, fault: &Fault, seen: &Mutex<Vec<Seen>>) {
    let Some(request) = read_request(&mut stream) else {
        return;
    };
    seen.lock().unwrap().push(request);
    let answer = match fault {
        Fault::Reply {
            status,
            headers,
            body,
        } => {
            let mut out = format!(
                "HTTP/1.1 {status} X\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
                body.len()
            );
            for (name, value) in headers {
                out.push_str(name);
                out.push_str(": ");
                out.push_str(value);
                out.push_str("\r\n");
            }
            out.push_str("\r\n");
            out.push_str(body);
            out.into_bytes()
        }
        Fault::Reset => return,
        Fault::Truncated => b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"Id\":\"th".to_vec(),
        Fault::SlowHeaders(delay) => {
            std::thread::sleep(*delay);
            b"HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 2\r\n\r\n{}".to_vec()
        }
        Fault::Garbage => b"\x00\x01 this is not HTTP\r\n\r\n".to_vec(),
        Fault::Object {
            size,
            sent,
            stall,
            headers,
        } => {
            send_object(&mut stream, *size, *sent, headers);
            std::thread::sleep(*stall);
            return;
        }
    };
    let _ = stream.write_all(&answer);
    let _ = stream.flush();
}

/// Writes an object's head and its first `sent` bytes, a 64 KiB piece at a time, so the
/// server never holds the object whole.
fn send_object(
    stream: &mut TcpStream,
    size: usize,
    sent: usize,
    headers: &[(&'static str, String)],
) {
    let mut head = format!("HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: {size}\r\n");
    for (name, value) in headers {
        head.extend([name, ": ", value.as_str(), "\r\n"]);
    }
    head.push_str("\r\n");
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let mut piece = vec![0_u8; 64 * 1024];
    let mut at = 0;
    while at < sent.min(size) {
        let n = piece.len().min(sent.min(size) - at);
        for (k, byte) in piece[..n].iter_mut().enumerate() {
            *byte = object_byte(at + k);
        }
        if stream.write_all(&piece[..n]).is_err() {
            return;
        }
        at += n;
    }
    let _ = stream.flush();
}

pub(crate) mod operation {
    use awso_core::protocol::{
        ChecksumAlgorithm, HttpChecksum, Operation, OperationSchema, Protocol, ServiceSchema,
    };
    use awso_core::{AwsError, AwsShape, Blob, UnknownError};

    #[derive(AwsShape, Debug, Clone)]
    #[awso(rename_all = "PascalCase")]
    pub(crate) struct CreateThingRequest {
        pub(crate) name: String,
        #[awso(idempotency_token)]
        pub(crate) client_token: Option<String>,
    }

    #[derive(AwsShape, Debug)]
    #[awso(rename_all = "PascalCase")]
    pub(crate) struct CreateThingResponse {
        pub(crate) id: Option<String>,
    }

    /// A 400 the model marks `retryable`: retried although its status and code alone
    /// would not be.
    #[derive(AwsShape, Debug)]
    #[awso(error(fault = "client", status = 400, retryable))]
    pub(crate) struct ThingBusy {
        pub(crate) message: Option<String>,
    }

    /// A 400 the model marks `retryable(throttling)`.
    #[derive(AwsShape, Debug)]
    #[awso(error(fault = "client", status = 400, retryable(throttling)))]
    pub(crate) struct ThingQuotaHit {
        pub(crate) message: Option<String>,
    }

    /// A modeled 400 without `retryable`: final.
    #[derive(AwsShape, Debug)]
    #[awso(error(fault = "client", status = 400))]
    pub(crate) struct ThingInvalid {
        pub(crate) message: Option<String>,
    }

    #[derive(AwsError, Debug)]
    pub(crate) enum CreateThingError {
        ThingBusy(ThingBusy),
        ThingQuotaHit(ThingQuotaHit),
        ThingInvalid(ThingInvalid),
        Unknown(UnknownError),
    }

    pub(crate) struct CreateThing;

    /// An operation whose answers carry checksums, as S3 GetObject's do.
    #[derive(AwsShape, Debug, Clone, Default)]
    #[awso(rename_all = "PascalCase")]
    pub(crate) struct GetThingRequest {
        #[awso(http_header = "x-amz-checksum-mode")]
        pub(crate) checksum_mode: Option<String>,
    }

    pub(crate) struct GetThing;

    impl Operation for GetThing {
        type Input = GetThingRequest;
        type Output = CreateThingResponse;
        type Error = CreateThingError;
        const SERVICE: &'static ServiceSchema = CreateThing::SERVICE;
        const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetThing", "GET", "/thing")
            .with_input(GetThingRequest::SCHEMA)
            .with_output(CreateThingResponse::SCHEMA)
            .with_errors(CreateThingError::ERRORS)
            .with_http_checksum(
                HttpChecksum::new()
                    .with_request_validation_mode_member("ChecksumMode")
                    .with_response_algorithms(&[
                        ChecksumAlgorithm::Crc32,
                        ChecksumAlgorithm::Sha256,
                    ]),
            );
    }

    /// A download whose payload streams, as S3 GetObject's does.
    #[derive(AwsShape, Debug)]
    pub(crate) struct GetBlobOutput {
        #[awso(http_header = "Content-Length", rename = "ContentLength")]
        pub(crate) content_length: Option<i64>,
        #[awso(http_header = "x-thing-tag", rename = "Tag")]
        pub(crate) tag: Option<String>,
        #[awso(http_payload, streaming, rename = "Body")]
        pub(crate) body: Option<Blob>,
    }

    pub(crate) struct GetBlob;

    impl Operation for GetBlob {
        type Input = GetThingRequest;
        type Output = GetBlobOutput;
        type Error = CreateThingError;
        const SERVICE: &'static ServiceSchema = CreateThing::SERVICE;
        const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetBlob", "GET", "/blob")
            .with_input(GetThingRequest::SCHEMA)
            .with_output(GetBlobOutput::SCHEMA)
            .with_errors(CreateThingError::ERRORS)
            .with_http_checksum(
                HttpChecksum::new()
                    .with_request_validation_mode_member("ChecksumMode")
                    .with_response_algorithms(&[ChecksumAlgorithm::Crc32]),
            );
    }

    /// An upload whose payload streams, with a flexible checksum, as S3 PutObject's.
    #[derive(AwsShape, Debug, Clone, Default)]
    pub(crate) struct PutBlobRequest {
        #[awso(
            http_header = "x-amz-sdk-checksum-algorithm",
            rename = "ChecksumAlgorithm"
        )]
        pub(crate) checksum_algorithm: Option<String>,
        #[awso(http_payload, streaming(requires_length), rename = "Body")]
        pub(crate) body: Option<Blob>,
    }

    pub(crate) struct PutBlob;

    impl Operation for PutBlob {
        type Input = PutBlobRequest;
        type Output = CreateThingResponse;
        type Error = CreateThingError;
        const SERVICE: &'static ServiceSchema = CreateThing::SERVICE;
        const SCHEMA: &'static OperationSchema = &OperationSchema::new("PutBlob", "PUT", "/blob")
            .with_input(PutBlobRequest::SCHEMA)
            .with_output(CreateThingResponse::SCHEMA)
            .with_errors(CreateThingError::ERRORS)
            .with_http_checksum(
                HttpChecksum::new().with_request_algorithm_member("ChecksumAlgorithm"),
            );
    }

    /// S3's kind of operation: restXml, its output an XML document (CopyObject's).
    #[derive(AwsShape, Debug)]
    #[awso(rename_all = "PascalCase")]
    pub(crate) struct CopyThingResult {
        #[awso(rename = "ETag")]
        pub(crate) etag: Option<String>,
    }

    pub(crate) struct CopyThing;

    impl Operation for CopyThing {
        type Input = GetThingRequest;
        type Output = CopyThingResult;
        type Error = CreateThingError;
        const SERVICE: &'static ServiceSchema =
            &ServiceSchema::new(Protocol::RestXml, "2006-03-01");
        const SCHEMA: &'static OperationSchema =
            &OperationSchema::new("CopyThing", "PUT", "/thing")
                .with_input(GetThingRequest::SCHEMA)
                .with_output(CopyThingResult::SCHEMA)
                .with_errors(CreateThingError::ERRORS);
    }

    impl Operation for CreateThing {
        type Input = CreateThingRequest;
        type Output = CreateThingResponse;
        type Error = CreateThingError;
        const SERVICE: &'static ServiceSchema =
            &ServiceSchema::new(Protocol::RestJson1, "2020-01-01");
        const SCHEMA: &'static OperationSchema =
            &OperationSchema::new("CreateThing", "POST", "/things")
                .with_input(CreateThingRequest::SCHEMA)
                .with_output(CreateThingResponse::SCHEMA)
                .with_errors(CreateThingError::ERRORS);
    }
}

//! The demo's server and transport, both in this process: a thread answering one HTTP/1.1
//! request on 127.0.0.1, and a small `HttpClient` over `std::net::TcpStream` that speaks to
//! it. The demo brings its own transport so that it builds in seconds: awso-client's default
//! one (hyper, rustls) is behind this crate's `hyper` / `rustls` features.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use awso_client::transport::{HttpClient, HttpError, HttpErrorKind, HttpFuture, ResponseBody};
use bytes::Bytes;

/// The most a head or body may be, on either side: the demo's exchanges are a few kB.
const LIMIT: usize = 1 << 20;
/// How long a read may wait: a silent peer ends the exchange instead of hanging the demo.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// What the server received.
pub(crate) struct Request {
    pub method: String,
    pub path: String,
    headers: Vec<(String, String)>,
}

impl Request {
    /// The value of header `name` (lowercase).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A server on 127.0.0.1 that answers one request with `200` and a JSON body.
pub(crate) struct Server {
    url: String,
    seen: mpsc::Receiver<Request>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub(crate) fn start(answer: &'static str) -> std::io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let url = format!("http://{}", listener.local_addr()?);
        let (tell, seen) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            if let Ok(request) = serve(stream, answer) {
                let _ = tell.send(request);
            }
        });
        Ok(Server {
            url,
            seen,
            thread: Some(thread),
        })
    }

    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// The request the server answered.
    pub(crate) fn request(mut self) -> Result<Request, Box<dyn std::error::Error>> {
        if let Some(thread) = self.thread.take() {
            thread.join().map_err(|_| "the server thread panicked")?;
        }
        Ok(self.seen.try_recv()?)
    }
}

fn serve(stream: TcpStream, answer: &str) -> std::io::Result<Request> {
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    let mut reader = BufReader::new(stream);
    let (start, headers) = read_head(&mut reader)?;
    let mut parts = start.split(' ');
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let length = content_length(&headers)?;
    std::io::copy(&mut (&mut reader).take(length as u64), &mut std::io::sink())?;
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-amzn-requestid: demo-1\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        answer.len()
    );
    let mut stream = reader.into_inner();
    stream.write_all(head.as_bytes())?;
    stream.write_all(answer.as_bytes())?;
    Ok(Request {
        method,
        path,
        headers,
    })
}

/// The start line and the headers (names lowercased), bounded by [`LIMIT`].
fn read_head(reader: &mut impl BufRead) -> std::io::Result<(String, Vec<(String, String)>)> {
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let mut line = String::new();
        let n = reader.by_ref().take(LIMIT as u64).read_line(&mut line)?;
        total += n;
        if n == 0 || total > LIMIT {
            return Err(std::io::Error::other("incomplete or oversized head"));
        }
        let line = line.trim_end().to_owned();
        if line.is_empty() {
            break;
        }
        lines.push(line);
    }
    let start = if lines.is_empty() {
        String::new()
    } else {
        lines.remove(0)
    };
    let headers = lines
        .iter()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_lowercase(), value.trim().to_owned()))
        .collect();
    Ok((start, headers))
}

fn content_length(headers: &[(String, String)]) -> std::io::Result<usize> {
    let length = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .map_or(Ok(0), |(_, value)| value.parse::<usize>())
        .map_err(std::io::Error::other)?;
    if length > LIMIT {
        return Err(std::io::Error::other("oversized body"));
    }
    Ok(length)
}

/// HTTP/1.1 over a fresh `TcpStream` per request, plain text, `connection: close`.
pub(crate) struct Transport;

impl HttpClient for Transport {
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
        // A blocking exchange inside the future: the demo's client has one call at a time.
        Box::pin(async move {
            exchange(&request).map_err(|e| HttpError::new(HttpErrorKind::Connect, e.to_string()))
        })
    }
}

fn exchange(request: &http::Request<Bytes>) -> std::io::Result<http::Response<ResponseBody>> {
    let uri = request.uri();
    let authority = uri
        .authority()
        .ok_or_else(|| std::io::Error::other("the request has no host"))?;
    let mut stream = TcpStream::connect(authority.as_str())?;
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    let target = uri.path_and_query().map_or("/", |p| p.as_str());
    let mut head = format!(
        "{} {target} HTTP/1.1\r\nhost: {authority}\r\n",
        request.method()
    );
    for (name, value) in request.headers() {
        let value = value.to_str().map_err(std::io::Error::other)?;
        let _ = write!(head, "{name}: {value}\r\n");
    }
    let _ = write!(
        head,
        "content-length: {}\r\nconnection: close\r\n\r\n",
        request.body().len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(request.body())?;
    let mut reader = BufReader::new(stream);
    let (start, headers) = read_head(&mut reader)?;
    let status: u16 = start
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {start:?}")))?;
    let mut body = vec![0; content_length(&headers)?];
    reader.read_exact(&mut body)?;
    let mut response = http::Response::builder().status(status);
    for (name, value) in &headers {
        response = response.header(name, value);
    }
    response
        .body(ResponseBody::from(body))
        .map_err(std::io::Error::other)
}

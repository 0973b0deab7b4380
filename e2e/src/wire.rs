//! What went on the wire: a transport that sends through the default one and keeps the
//! head and body of the last request, so a step can check what the server cannot (moto
//! does not verify DeleteObjects' checksum, for one).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use awso_client::transport::{HttpClient, HttpFuture, HyperClient, RequestBody};
use bytes::Bytes;

/// The last request sent: its headers and body.
#[derive(Clone, Debug)]
pub struct Sent {
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

impl Sent {
    /// The header's value, when present and text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// Sends through [`HyperClient`]; keeps a copy of the last request (bodies are `Bytes`, so
/// the copy shares the buffer).
#[derive(Clone)]
pub struct Recording {
    inner: Arc<HyperClient>,
    last: Arc<Mutex<Option<Sent>>>,
}

impl Recording {
    pub fn new(connect_timeout: Duration) -> Self {
        Recording {
            inner: Arc::new(
                HyperClient::new()
                    .with_connect_timeout(connect_timeout)
                    .with_read_timeout(None),
            ),
            last: Arc::default(),
        }
    }

    fn record(&self, headers: &http::HeaderMap, body: Bytes) {
        let sent = Sent {
            headers: headers.clone(),
            body,
        };
        if let Ok(mut last) = self.last.lock() {
            *last = Some(sent);
        }
    }

    /// The last request sent, if any.
    pub fn last(&self) -> Option<Sent> {
        self.last.lock().ok().and_then(|last| last.clone())
    }
}

impl HttpClient for Recording {
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
        self.record(request.headers(), request.body().clone());
        self.inner.send(request)
    }

    /// Streams as the default transport does; a streamed body is recorded by its head only.
    fn send_body(&self, request: http::Request<RequestBody>) -> HttpFuture<'_> {
        let body = request.body().as_bytes().cloned().unwrap_or_default();
        self.record(request.headers(), body);
        self.inner.send_body(request)
    }
}

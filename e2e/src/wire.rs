//! What went on the wire: a transport that sends through the default one and keeps the
//! head and body of the last request, so a step can check what the server cannot (moto
//! does not verify DeleteObjects' checksum, for one).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use awso_client::transport::{HttpClient, HttpFuture, HyperClient};
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

    /// The last request sent, if any.
    pub fn last(&self) -> Option<Sent> {
        self.last.lock().ok().and_then(|last| last.clone())
    }
}

impl HttpClient for Recording {
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
        let sent = Sent {
            headers: request.headers().clone(),
            body: request.body().clone(),
        };
        if let Ok(mut last) = self.last.lock() {
            *last = Some(sent);
        }
        self.inner.send(request)
    }
}

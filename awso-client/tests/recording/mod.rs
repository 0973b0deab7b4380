//! A transport that keeps each request and answers `200` with an empty body (nothing leaves
//! the process), and the fixed clock requests are signed with.

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awso_client::credentials::Clock;
use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
use bytes::Bytes;

/// Keeps each request and answers `200` with an empty body.
#[derive(Clone, Default)]
pub(crate) struct Recorder(pub(crate) Arc<Mutex<Vec<http::Request<Bytes>>>>);

impl HttpClient for Recorder {
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
        self.0.lock().unwrap().push(request);
        Box::pin(async { Ok(http::Response::new(ResponseBody::empty())) })
    }
}

/// 2015-08-30T12:36:00Z, the signing suite's time: credential scopes start `20150830/`.
pub(crate) struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(1_440_938_160)
    }
}

/// S3's SigV4 as its model selects it (`s3v4`: no double encoding, the payload hash header).
pub(crate) fn s3_sigv4() -> AuthScheme {
    let service = ServiceAuth {
        signature_version: Some("s3v4"),
        endpoint_prefix: "s3",
        ..ServiceAuth::default()
    };
    AuthScheme::select(&service, &OperationAuth::default()).unwrap()
}

//! The attempts of one call, written once for every operation: the headers every attempt
//! carries, signing, sending, the attempt timeout, retry decisions and their sleeps.
//!
//! The operation's own ends (building its request, parsing its answer into its output or
//! error) are generic and live in [`call`](super::call); what passes between the two is the
//! built request, the answer as bytes and headers, and the retry rules' view of a failure.
//! So each operation a user calls compiles only those ends, not the loop: an error of the
//! loop's own (transport, timeout, signing) is an `ErrorKind<Infallible>` until the generic
//! end widens it to the operation's.

use std::convert::Infallible;
use std::sync::atomic::Ordering;
use std::time::Duration;

use awso_core::AwsError;
use awso_core::protocol::{OperationSchema, ServiceSchema};
use bytes::Bytes;
use tracing::Instrument;

use super::endpoint::{self, CallEndpoint};
use super::streaming::{self, Upload, UploadWire};
use super::{Client, ErrorKind, customize, express, response_checksum};
use crate::retry::{self, Decision, Failure, skew};
use crate::sign::{AuthScheme, ChunkSigner, sign_bearer};
use crate::stream::{self, UploadBody};
use crate::transport::{HttpError, HttpErrorKind, RequestBody, ResponseBody};

/// The most a buffered answer may be; streamed bodies have no such cap.
const MAX_BUFFERED_ANSWER: usize = 1 << 30;

/// An error of the attempts themselves, with the number of attempts made.
pub(super) struct Stopped {
    pub(super) attempts: u32,
    halt: Halt,
}

impl Stopped {
    /// The error as one of the operation whose error is `E`.
    pub(super) fn into_kind<E: AwsError>(self) -> ErrorKind<E> {
        match self.halt {
            Halt::Kind(kind) => kind.widen(),
            Halt::SessionRefused(answer) => express::refusal(&answer),
        }
    }
}

/// Why the attempts ended with no answer for the operation's end to read.
pub(super) enum Halt {
    /// A stage of the client's own failed: transport, timeout, credentials, signing.
    Kind(ErrorKind<Infallible>),
    /// S3 Express's `CreateSession` answered with an error: the operation's end decodes it
    /// as one of its own errors (see [`express::refusal`]).
    SessionRefused(Box<http::Response<Bytes>>),
}

impl From<ErrorKind<Infallible>> for Halt {
    fn from(kind: ErrorKind<Infallible>) -> Self {
        Halt::Kind(kind)
    }
}

/// What came back from the transport: the whole answer, or a successful head whose body the
/// caller streams.
pub(super) enum Received {
    Whole(http::Response<Bytes>),
    Head(http::Response<ResponseBody>),
}

/// An operation's request as its codec built it, and where it goes.
pub(super) struct Built {
    pub(super) request: http::Request<Vec<u8>>,
    pub(super) target: CallEndpoint,
}

/// One call's request, ready to be sent as often as the retry rules allow.
pub(super) struct Attempts<'c> {
    client: &'c Client,
    auth: AuthScheme,
    parts: http::request::Parts,
    body: Bytes,
    upload: Option<Upload<'c>>,
    streaming: bool,
    invocation: String,
    attempt: u32,
    last_cost: Option<u32>,
    span: tracing::Span,
}

/// How one exchange ended short of an answer.
enum Broken {
    /// Worth another attempt, as the retry rules see it.
    Retryable(ErrorKind<Infallible>, Failure<'static>),
    /// The end of the call (no credentials, a signing error, a refused S3 Express session).
    Final(Halt),
}

impl<'c> Attempts<'c> {
    /// The attempts of `built` (the request of `operation` of the service `service_name`
    /// names): with the headers of the endpoint, of the service's customisations and of
    /// checksums added, and with `upload` as its streamed payload.
    pub(super) async fn new(
        client: &'c Client,
        (service_name, service): (&str, &ServiceSchema),
        operation: &OperationSchema,
        built: Built,
        upload: Option<&'c UploadBody>,
        streaming: bool,
    ) -> Result<Self, ErrorKind<Infallible>> {
        let Built { request, target } = built;
        let (mut parts, body) = request.into_parts();
        let headers = &mut parts.headers;
        endpoint::add_headers(headers, &target.headers)?;
        customize::add_headers(service_name, service, operation.name(), headers, &body);
        customize::add_trace_id(headers, client.inner.lambda_function.as_deref(), || {
            std::env::var("_X_AMZN_TRACE_ID").ok()
        });
        let config = &client.inner.config;
        response_checksum::ask_for_checksum(
            operation,
            config.response_checksum_validation,
            headers,
        );
        let upload = match upload {
            Some(upload) => Some(
                streaming::prepare(operation, upload, &target.auth, &body, headers)
                    .map_err(ErrorKind::Construction)?,
            ),
            None => None,
        };
        // An upload a payload-hashing service takes is read whole here and sent buffered.
        let (body, upload) = streaming::into_body(upload, body).await?;
        Ok(Attempts {
            client,
            auth: target.auth,
            parts,
            body,
            upload,
            streaming,
            invocation: format!("{:016x}", (config.jitter)().to_bits()),
            attempt: 0,
            last_cost: None,
            span: tracing::Span::none(),
        })
    }

    /// The number of the attempt under way (from 1).
    pub(super) fn attempt(&self) -> u32 {
        self.attempt
    }

    /// The span of the attempt under way: the answer is read in it.
    pub(super) fn span(&self) -> &tracing::Span {
        &self.span
    }

    /// The headers every attempt sends (what a response checksum is asked with).
    pub(super) fn request_headers(&self) -> &http::HeaderMap {
        &self.parts.headers
    }

    /// The next answer: attempts until one comes back, retrying transport failures and
    /// attempt timeouts as the retry rules allow.
    pub(super) async fn answer(&mut self) -> Result<Received, Stopped> {
        loop {
            self.attempt += 1;
            let attempt = self.attempt;
            self.span = tracing::debug_span!(
                "awso.attempt",
                attempt,
                status = tracing::field::Empty,
                request_id = tracing::field::Empty
            );
            let exchange = self.exchange().instrument(self.span.clone()).await;
            let stop = |halt| Stopped {
                attempts: attempt,
                halt,
            };
            match exchange {
                Ok(received) => return Ok(received),
                Err(Broken::Final(halt)) => {
                    self.finish();
                    return Err(stop(halt));
                }
                Err(Broken::Retryable(kind, failure)) => {
                    if !self.retry(&failure, None).await {
                        return Err(stop(Halt::Kind(kind)));
                    }
                }
            }
        }
    }

    /// The call ended without another attempt: the quota gets back what the last retry
    /// cost (or its reward for a success without one).
    pub(super) fn finish(&self) {
        if let Ok(mut quota) = self.client.inner.quota.lock() {
            quota.release(self.last_cost);
        }
    }

    /// Whether the attempt that failed as `failure` says is tried again, after the backoff
    /// the retry rules give (which sleeps here); `retry_after` is the service's own hint.
    pub(super) async fn retry(
        &mut self,
        failure: &Failure<'_>,
        retry_after: Option<Duration>,
    ) -> bool {
        let attempt = self.attempt;
        if self.upload.is_some_and(|upload| !upload.body.available()) {
            tracing::debug!(
                attempt,
                "not retrying: the streamed body was read and cannot be opened again"
            );
            return false;
        }
        let config = &self.client.inner.config;
        let decision = match self.client.inner.quota.lock() {
            Ok(mut quota) => retry::decide(
                &config.retry,
                &mut quota,
                attempt,
                failure,
                (config.jitter)(),
                retry_after,
            ),
            Err(_) => Decision::GiveUp(retry::GiveUp::NotRetryable),
        };
        match decision {
            Decision::Retry { delay, cost } => {
                tracing::debug!(attempt, ?delay, "retrying");
                self.last_cost = Some(cost);
                config.sleep.sleep(delay).await;
                true
            }
            Decision::GiveUp(why) => {
                tracing::debug!(attempt, %why, "not retrying");
                false
            }
        }
    }

    /// One attempt: sign, send, receive the head and (unless it streams) the whole body,
    /// within the attempt timeout.
    async fn exchange(&self) -> Result<Received, Broken> {
        let client = self.client;
        let mut request = http::Request::from_parts(self.parts.clone(), self.body.clone());
        client.add_call_headers(&mut request, &self.invocation, self.attempt);
        let payload = self.upload.and_then(|upload| upload.wire.payload());
        let signer = client
            .sign(&self.auth, &mut request, payload)
            .await
            .map_err(Broken::Final)?;
        let request = match self.upload {
            Some(upload) => {
                let (parts, _) = request.into_parts();
                http::Request::from_parts(parts, upload_body(upload, signer))
            }
            None => request.map(RequestBody::from),
        };
        let head_request = request.method() == http::Method::HEAD;
        let streaming = self.streaming;
        let exchange = async {
            let response = client.inner.http.send_body(request).await?;
            if streaming && response.status().is_success() {
                return Ok(Received::Head(response));
            }
            let (parts, body) = response.into_parts();
            let body = body.collect(MAX_BUFFERED_ANSWER).await?;
            let response = http::Response::from_parts(parts, body);
            check_length(&response, head_request)?;
            Ok::<_, HttpError>(Received::Whole(response))
        };
        let limit = client.inner.config.timeouts.attempt();
        let response = match limit {
            None => exchange.await,
            Some(limit) => tokio::time::timeout(limit, exchange).await.map_err(|_| {
                let kind = ErrorKind::Timeout {
                    limit: "attempt",
                    after: limit,
                };
                Broken::Retryable(kind, Failure::AttemptTimeout)
            })?,
        };
        response.map_err(|error| {
            let failure = Failure::Transport(error.kind());
            Broken::Retryable(ErrorKind::Transport(error), failure)
        })
    }
}

// The client's own steps of every attempt, beside the loop that runs them: compiled once.
impl Client {
    pub(super) fn add_call_headers(
        &self,
        request: &mut http::Request<Bytes>,
        invocation: &str,
        attempt: u32,
    ) {
        let headers = request.headers_mut();
        if let Ok(agent) = http::HeaderValue::from_str(&self.inner.config.user_agent) {
            headers.insert(http::header::USER_AGENT, agent);
        }
        if let Ok(id) = http::HeaderValue::from_str(invocation) {
            headers.insert("amz-sdk-invocation-id", id);
        }
        let max = self.inner.config.retry.max_attempts();
        if let Ok(value) = http::HeaderValue::from_str(&format!("attempt={attempt}; max={max}")) {
            headers.insert("amz-sdk-request", value);
        }
    }

    /// Signs `request` as `auth` says; with a streamed upload's `payload` (its payload hash,
    /// and whether its chunks are signed), returns the signer of the chunks.
    pub(super) async fn sign(
        &self,
        auth: &AuthScheme,
        request: &mut http::Request<Bytes>,
        payload: Option<(&str, bool)>,
    ) -> Result<Option<ChunkSigner>, Halt> {
        let config = &self.inner.config;
        match auth {
            AuthScheme::NoAuth => Ok(None),
            AuthScheme::Bearer => {
                let Some(token) = &config.bearer else {
                    return Err(Halt::Kind(ErrorKind::Credentials(
                        crate::credentials::CredentialsError::not_configured(
                            "bearer",
                            "the operation needs a bearer token and the client has none",
                        ),
                    )));
                };
                sign_bearer(request, token)
                    .map(|()| None)
                    .map_err(|error| Halt::Kind(ErrorKind::Signing(error)))
            }
            AuthScheme::SigV4(_) | AuthScheme::SigV4a(_) => {
                let Some(provider) = &config.credentials else {
                    return Err(Halt::Kind(ErrorKind::Credentials(
                        crate::credentials::CredentialsError::not_configured(
                            "client",
                            "the client has no credentials provider",
                        ),
                    )));
                };
                let credentials = provider
                    .provide_credentials()
                    .await
                    .map_err(|error| Halt::Kind(ErrorKind::Credentials(error)))?;
                let offset = self.inner.clock_offset.load(Ordering::Relaxed);
                let time = skew::corrected(config.clock.now(), offset);
                // S3 Express: a directory bucket's session signs instead.
                let credentials =
                    super::express::credentials_for(self, auth, request, credentials, time).await?;
                let region = config.region.as_deref();
                match payload {
                    None => endpoint::sign_sigv4(request, &credentials, auth, region, time)
                        .map(|()| None),
                    Some(payload) => endpoint::sign_sigv4_streamed(
                        request,
                        &credentials,
                        auth,
                        region,
                        time,
                        payload,
                    ),
                }
                .map_err(|error| Halt::Kind(ErrorKind::Signing(error)))
            }
        }
    }
}

/// An answer whose body is shorter than its `Content-Length` was cut off on the way (a
/// transport that does not check the framing itself hands it over as if whole): an I/O
/// failure, retried as one. A HEAD answer's length is that of the body it did not send, and
/// an encoded body's may have been decoded by the transport, so neither is checked.
fn check_length(response: &http::Response<Bytes>, head_request: bool) -> Result<(), HttpError> {
    let status = response.status();
    let headers = response.headers();
    if head_request
        || status == http::StatusCode::NO_CONTENT
        || status == http::StatusCode::NOT_MODIFIED
        || headers.contains_key(http::header::CONTENT_ENCODING)
    {
        return Ok(());
    }
    let announced = headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u64>().ok());
    let received = response.body().len() as u64;
    match announced {
        Some(length) if received < length => Err(HttpError::new(
            HttpErrorKind::Io,
            format!("the answer was cut short: {received} of its {length} bytes arrived"),
        )),
        _ => Ok(()),
    }
}

/// The body of one attempt of a streamed upload, as its wire form says.
fn upload_body(upload: Upload<'_>, signer: Option<ChunkSigner>) -> RequestBody {
    let length = upload.body.length();
    let pieces = upload.body.open();
    match (upload.wire, signer) {
        (UploadWire::Chunked { trailer, .. }, Some(signer)) => {
            stream::signed_chunks(length, pieces, signer, trailer)
        }
        _ => stream::plain(length, pieces),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, length: Option<&str>, body: &'static str) -> http::Response<Bytes> {
        let mut response = http::Response::builder().status(status);
        if let Some(length) = length {
            response = response.header("content-length", length);
        }
        response.body(Bytes::from_static(body.as_bytes())).unwrap()
    }

    #[test]
    fn a_body_shorter_than_its_length_is_an_io_failure() {
        let error = check_length(&answer(200, Some("100"), "<Result>"), false).unwrap_err();
        assert_eq!(error.kind(), HttpErrorKind::Io);
        assert!(error.to_string().contains("8 of its 100 bytes"), "{error}");
        // Whole, longer, unannounced or unparsable lengths pass: only a shortfall is a cut.
        for (length, body) in [
            (Some("2"), "{}"),
            (Some("1"), "{}"),
            (None, "{}"),
            (Some("x"), ""),
        ] {
            assert!(
                check_length(&answer(200, length, body), false).is_ok(),
                "{length:?}"
            );
        }
        // An error answer cut short is as broken as a success.
        assert!(check_length(&answer(500, Some("9"), "<Err"), false).is_err());
    }

    #[test]
    fn bodiless_answers_keep_their_length() {
        assert!(
            check_length(&answer(200, Some("5"), ""), true).is_ok(),
            "HEAD"
        );
        assert!(check_length(&answer(304, Some("5"), ""), false).is_ok());
        assert!(check_length(&answer(204, Some("5"), ""), false).is_ok());
        let mut gzipped = answer(200, Some("50"), "{}");
        gzipped
            .headers_mut()
            .insert("content-encoding", http::HeaderValue::from_static("gzip"));
        assert!(check_length(&gzipped, false).is_ok());
    }
}

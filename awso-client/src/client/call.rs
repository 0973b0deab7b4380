//! The call's straight line, generic over awso-core's `Operation`.

use std::sync::atomic::Ordering;
use std::time::Duration;

use awso_core::AwsError;
use awso_core::protocol::{self, Operation, RequestOptions};
use bytes::Bytes;
use tracing::Instrument;

use super::customize::{self, Input};
use super::streaming::{self, Upload, UploadWire};
use super::{CallError, Client, ErrorKind, ServiceSpec, endpoint, response_checksum};
use crate::retry::{self, Decision, Failure, skew};
use crate::sign::{AuthScheme, ChunkSigner, sign_bearer};
use crate::stream::{self, ByteStream, Streamed, UploadBody};
use crate::transport::{HttpError, RequestBody, ResponseBody};

/// The most a buffered answer may be; streamed bodies have no such cap.
const MAX_BUFFERED_ANSWER: usize = 1 << 30;

/// How one attempt ended, before the retry rules look at it.
enum Attempt<T, E> {
    Done(Result<T, ErrorKind<E>>),
    Failed {
        kind: ErrorKind<E>,
        retry_after: Option<Duration>,
        skew_corrected: bool,
    },
}

impl<T, E> Attempt<T, E> {
    /// The same outcome, a success's value changed by `f`.
    fn map<U>(self, f: impl FnOnce(T) -> U) -> Attempt<U, E> {
        match self {
            Attempt::Done(result) => Attempt::Done(result.map(f)),
            Attempt::Failed {
                kind,
                retry_after,
                skew_corrected,
            } => Attempt::Failed {
                kind,
                retry_after,
                skew_corrected,
            },
        }
    }
}

/// A successful answer, with its HTTP status (a waiter's `status` acceptor matches it): read
/// whole, or its head read and its body still streaming.
pub(super) enum Answer<T> {
    Whole(T, u16),
    Streamed(T, ByteStream, u16),
}

impl<T> Answer<T> {
    pub(super) fn into_output(self) -> T {
        match self {
            Answer::Whole(output, _) | Answer::Streamed(output, ..) => output,
        }
    }

    fn status(&self) -> u16 {
        match self {
            Answer::Whole(_, status) | Answer::Streamed(.., status) => *status,
        }
    }

    pub(super) fn into_streamed(self) -> Streamed<T> {
        match self {
            Answer::Whole(output, _) => Streamed {
                output,
                body: ByteStream::from(ResponseBody::empty()),
            },
            Answer::Streamed(output, body, _) => Streamed { output, body },
        }
    }
}

/// What came back from the transport: the whole answer, or a successful head whose body the
/// caller streams.
enum Received {
    Whole(http::Response<Bytes>),
    Head(http::Response<ResponseBody>),
}

impl Client {
    /// Calls operation `O` of the service `spec` describes with `input`: one attempt, or more
    /// under the retry settings, within the configured timeouts.
    ///
    /// ```
    /// use awso_client::client::{Client, Config, ServiceSpec};
    /// use awso_client::sign::AuthScheme;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct Thing { name: Option<String> }
    /// # #[derive(AwsError, Debug)] enum GetThingError { Unknown(UnknownError) }
    /// # struct GetThing;
    /// # impl Operation for GetThing {
    /// #     type Input = Unit; type Output = Thing; type Error = GetThingError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetThing", "GET", "/thing").with_output(Thing::SCHEMA);
    /// # }
    /// # /// The service, canned: every request gets the same thing.
    /// # struct Canned;
    /// # impl HttpClient for Canned {
    /// #     fn send(&self, _: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         Box::pin(async { Ok(http::Response::new(ResponseBody::from(r#"{"Name":"widget"}"#))) })
    /// #     }
    /// # }
    ///
    /// // `GetThing` is an operation of a local service (restJson1, `GET /thing`), `Canned`
    /// // its stand-in transport.
    /// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// let config = Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Canned).build();
    /// let client = Client::new(config);
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let thing = client.call::<GetThing>(&SPEC, &Unit).await.unwrap();
    /// assert_eq!(thing.name.as_deref(), Some("widget"));
    /// # });
    /// ```
    pub async fn call<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
    ) -> Result<O::Output, CallError<O::Error>> {
        let answer = self.run::<O>(spec, input, None, false).await?;
        Ok(answer.into_output())
    }

    /// [`Client::call`] with the HTTP status of the successful answer beside its output: what
    /// a waiter's `status` acceptor matches on a success.
    pub(crate) async fn call_with_status<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
    ) -> Result<(O::Output, u16), CallError<O::Error>> {
        let answer = self.run::<O>(spec, input, None, false).await?;
        let status = answer.status();
        Ok((answer.into_output(), status))
    }

    /// The call of every entry point, within the total timeout: with `upload` as the
    /// streaming payload, and with a successful answer's body left `streaming` or read whole.
    pub(super) async fn run<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
        upload: Option<&UploadBody>,
        streaming: bool,
    ) -> Result<Answer<O::Output>, CallError<O::Error>> {
        let operation = O::SCHEMA.name();
        let span = tracing::info_span!("awso.call", service = spec.name(), operation);
        let call = self.call_inner::<O>(spec, input, upload, streaming);
        match self.inner.config.timeouts.total() {
            None => call.instrument(span).await,
            Some(limit) => tokio::time::timeout(limit, call.instrument(span))
                .await
                .unwrap_or_else(|_| {
                    let kind = ErrorKind::Timeout {
                        limit: "total",
                        after: limit,
                    };
                    Err(CallError::new(operation, 0, kind))
                }),
        }
    }

    async fn call_inner<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
        upload: Option<&UploadBody>,
        streaming: bool,
    ) -> Result<Answer<O::Output>, CallError<O::Error>> {
        let operation = O::SCHEMA.name();
        let fail = |attempts, kind| CallError::new(operation, attempts, kind);
        let construction = |error| fail(0, ErrorKind::Construction(error));
        let prepared = customize::prepare_input::<O>(spec.name(), input).map_err(construction)?;
        let target = endpoint::resolve::<O, _>(&self.inner.config, spec, input)
            .map_err(|kind| fail(0, kind))?;
        let options = RequestOptions {
            path_prefix_in_endpoint: target.path_prefix_in_endpoint,
            streamed_payload: upload.is_some(),
            request_checksum_calculation: self.inner.config.request_checksum_calculation,
            ..RequestOptions::default()
        };
        let endpoint = &target.endpoint;
        // The input as given goes through the operation's own codec (compiled for its
        // protocol alone); a corrected one is a `Value`, written by any.
        let request = match &prepared {
            Input::AsGiven(input) => protocol::request_with::<O>(input, endpoint, &options),
            Input::Corrected(value) => {
                protocol::build_request(O::SERVICE, O::SCHEMA, value, endpoint, &options)
            }
        }
        .map_err(construction)?;
        let (mut parts, body) = request.into_parts();
        endpoint::add_headers(&mut parts.headers, &target.headers).map_err(|kind| fail(0, kind))?;
        customize::add_headers(
            spec.name(),
            O::SERVICE,
            operation,
            &mut parts.headers,
            &body,
        );
        let env = |name| std::env::var(name).ok();
        let (function, trace_id) = (env("AWS_LAMBDA_FUNCTION_NAME"), env("_X_AMZN_TRACE_ID"));
        customize::add_trace_id(&mut parts.headers, function.as_deref(), trace_id.as_deref());
        let validation = self.inner.config.response_checksum_validation;
        response_checksum::ask_for_checksum(O::SCHEMA, validation, &mut parts.headers);
        let upload = match upload {
            Some(upload) => Some(
                streaming::prepare::<O>(upload, &target.auth, &body, &mut parts.headers)
                    .map_err(|kind| fail(0, kind))?,
            ),
            None => None,
        };
        // An upload a payload-hashing service takes is read whole here and sent buffered.
        let (body, upload) = streaming::into_body(upload, body)
            .await
            .map_err(|kind| fail(0, kind))?;
        let settings = self.inner.config.retry;
        let mut last_cost = None;
        let invocation = format!("{:016x}", (self.inner.config.jitter)().to_bits());
        for attempt in 1..=settings.max_attempts() {
            let mut request = http::Request::from_parts(parts.clone(), body.clone());
            self.add_call_headers(&mut request, &invocation, attempt);
            let span = tracing::debug_span!(
                "awso.attempt",
                attempt,
                status = tracing::field::Empty,
                request_id = tracing::field::Empty
            );
            let outcome = self
                .attempt::<O>(
                    spec.name(),
                    &target.auth,
                    request,
                    &parts.headers,
                    upload,
                    streaming,
                )
                .instrument(span)
                .await;
            let (kind, retry_after, skew_corrected) = match outcome {
                Attempt::Done(result) => {
                    if let Ok(mut quota) = self.inner.quota.lock() {
                        quota.release(last_cost);
                    }
                    return result.map_err(|kind| fail(attempt, kind));
                }
                Attempt::Failed {
                    kind,
                    retry_after,
                    skew_corrected,
                } => (kind, retry_after, skew_corrected),
            };
            if upload.is_some_and(|upload| !upload.body.available()) {
                tracing::debug!(
                    attempt,
                    "not retrying: the streamed body was read and cannot be opened again"
                );
                return Err(fail(attempt, kind));
            }
            let failure = failure_of(&kind, skew_corrected);
            let decision = match self.inner.quota.lock() {
                Ok(mut quota) => retry::decide(
                    &settings,
                    &mut quota,
                    attempt,
                    &failure,
                    (self.inner.config.jitter)(),
                    retry_after,
                ),
                Err(_) => Decision::GiveUp(retry::GiveUp::NotRetryable),
            };
            match decision {
                Decision::Retry { delay, cost } => {
                    tracing::debug!(attempt, ?delay, "retrying");
                    last_cost = Some(cost);
                    self.inner.config.sleep.sleep(delay).await;
                }
                Decision::GiveUp(why) => {
                    tracing::debug!(attempt, %why, "not retrying");
                    return Err(fail(attempt, kind));
                }
            }
        }
        // `decide` gives up at the last attempt, so the loop always returns; this is the
        // answer should the settings ever allow zero attempts.
        Err(fail(
            0,
            ErrorKind::Endpoint("the retry settings allow no attempt".into()),
        ))
    }

    fn add_call_headers(&self, request: &mut http::Request<Bytes>, invocation: &str, attempt: u32) {
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

    async fn attempt<O: Operation>(
        &self,
        service: &str,
        auth: &AuthScheme,
        mut request: http::Request<Bytes>,
        request_headers: &http::HeaderMap,
        upload: Option<Upload<'_>>,
        streaming: bool,
    ) -> Attempt<Answer<O::Output>, O::Error> {
        let payload = upload.and_then(|upload| upload.wire.payload());
        let signer = match self.sign(auth, &mut request, payload).await {
            Ok(signer) => signer,
            Err(kind) => return Attempt::Done(Err(kind)),
        };
        let request = match upload {
            Some(upload) => {
                let (parts, _) = request.into_parts();
                http::Request::from_parts(parts, upload_body(upload, signer))
            }
            None => request.map(RequestBody::from),
        };
        let exchange = async {
            let response = self.inner.http.send_body(request).await?;
            if streaming && response.status().is_success() {
                return Ok(Received::Head(response));
            }
            let (parts, body) = response.into_parts();
            let body = body.collect(MAX_BUFFERED_ANSWER).await?;
            Ok::<_, HttpError>(Received::Whole(http::Response::from_parts(parts, body)))
        };
        let response = match self.inner.config.timeouts.attempt() {
            None => exchange.await,
            Some(limit) => match tokio::time::timeout(limit, exchange).await {
                Ok(response) => response,
                Err(_) => {
                    let kind = ErrorKind::Timeout {
                        limit: "attempt",
                        after: limit,
                    };
                    return failed(kind);
                }
            },
        };
        match response {
            Ok(Received::Whole(response)) => {
                let status = response.status().as_u16();
                self.read::<O>(service, &response, request_headers)
                    .map(|output| Answer::Whole(output, status))
            }
            Ok(Received::Head(response)) => {
                let idle = self.inner.config.timeouts.attempt();
                Attempt::Done(read_head::<O>(response, request_headers, idle))
            }
            Err(error) => failed(ErrorKind::Transport(error)),
        }
    }

    /// Signs `request` as `auth` says; with a streamed upload's `payload` (its payload hash,
    /// and whether its chunks are signed), returns the signer of the chunks.
    async fn sign<E: AwsError>(
        &self,
        auth: &AuthScheme,
        request: &mut http::Request<Bytes>,
        payload: Option<(&str, bool)>,
    ) -> Result<Option<ChunkSigner>, ErrorKind<E>> {
        let config = &self.inner.config;
        match auth {
            AuthScheme::NoAuth => Ok(None),
            AuthScheme::Bearer => {
                let Some(token) = &config.bearer else {
                    return Err(ErrorKind::Credentials(
                        crate::credentials::CredentialsError::not_configured(
                            "bearer",
                            "the operation needs a bearer token and the client has none",
                        ),
                    ));
                };
                sign_bearer(request, token)
                    .map(|()| None)
                    .map_err(ErrorKind::Signing)
            }
            AuthScheme::SigV4(_) | AuthScheme::SigV4a(_) => {
                let Some(provider) = &config.credentials else {
                    return Err(ErrorKind::Credentials(
                        crate::credentials::CredentialsError::not_configured(
                            "client",
                            "the client has no credentials provider",
                        ),
                    ));
                };
                let credentials = provider
                    .provide_credentials()
                    .await
                    .map_err(ErrorKind::Credentials)?;
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
                .map_err(ErrorKind::Signing)
            }
        }
    }

    /// The output, or the service's error with what the retry rules need from the answer.
    /// A body that fails its checksum is not parsed.
    fn read<O: Operation>(
        &self,
        service: &str,
        response: &http::Response<Bytes>,
        request_headers: &http::HeaderMap,
    ) -> Attempt<O::Output, O::Error> {
        let status = response.status().as_u16();
        let span = tracing::Span::current();
        span.record("status", status);
        if let Err(kind) = response_checksum::check(O::SCHEMA, request_headers, response) {
            return Attempt::Done(Err(kind));
        }
        let promoted = customize::error_in_success::<O>(service, response);
        let response = promoted.as_ref().unwrap_or(response);
        match protocol::response::<O, _>(response) {
            Ok(output) => Attempt::Done(Ok(output)),
            Err(protocol::ResponseError::Decode { status, source }) => {
                Attempt::Done(Err(ErrorKind::Response { status, source }))
            }
            Err(protocol::ResponseError::Service { error, meta }) => {
                if let Some(id) = &meta.request_id {
                    span.record("request_id", id.as_str());
                }
                let skew_corrected = self.learn_skew(&meta.code, response.headers());
                let error =
                    customize::typed_bodiless_error::<O>(service, error, &meta, response.body());
                Attempt::Failed {
                    retry_after: retry::retry_after(response.headers()),
                    kind: ErrorKind::Service { error, meta: *meta },
                    skew_corrected,
                }
            }
        }
    }

    /// Records the server's clock from a skew error; whether the offset changed (so a new
    /// signature can succeed where the last failed).
    fn learn_skew(&self, code: &str, headers: &http::HeaderMap) -> bool {
        let date = headers
            .get(http::header::DATE)
            .and_then(|v| v.to_str().ok());
        let Some(offset) = skew::offset_from_error(code, date, self.inner.config.clock.now())
        else {
            return false;
        };
        let previous = self.inner.clock_offset.swap(offset, Ordering::Relaxed);
        tracing::debug!(offset, "clock skew corrected");
        previous.abs_diff(offset) >= skew::TOLERANCE.as_secs()
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

/// The output of a successful answer whose body streams: the head parsed, the body wrapped
/// with the checksum to check at its end (when the request asked for one).
fn read_head<O: Operation>(
    response: http::Response<ResponseBody>,
    request_headers: &http::HeaderMap,
    idle: Option<Duration>,
) -> Result<Answer<O::Output>, ErrorKind<O::Error>> {
    let status = response.status().as_u16();
    tracing::Span::current().record("status", status);
    let (parts, body) = response.into_parts();
    let head = http::Response::from_parts(parts, ());
    let output = protocol::parse_response_head::<O::Output>(O::SERVICE, O::SCHEMA, &head)
        .map_err(|source| ErrorKind::Response { status, source })?;
    let expected = protocol::expected_response_checksum(O::SCHEMA, request_headers, head.headers());
    Ok(Answer::Streamed(
        output,
        ByteStream::new(body, expected, idle),
        status,
    ))
}

fn failed<T, E>(kind: ErrorKind<E>) -> Attempt<T, E> {
    Attempt::Failed {
        kind,
        retry_after: None,
        skew_corrected: false,
    }
}

/// The failure as the retry rules see it.
fn failure_of<E: AwsError>(kind: &ErrorKind<E>, skew_corrected: bool) -> Failure<'_> {
    if skew_corrected {
        return Failure::ClockSkewCorrected;
    }
    match kind {
        ErrorKind::Service { error, meta } => Failure::Service {
            status: meta.status,
            code: &meta.code,
            modeled: error
                .modeled_schema()
                .and_then(|schema| schema.traits().retryable),
        },
        ErrorKind::Transport(error) => Failure::Transport(error.kind()),
        ErrorKind::Timeout { .. } => Failure::AttemptTimeout,
        // Nothing else reaches the retry rules; giving up on it is right.
        _ => Failure::Transport(crate::transport::HttpErrorKind::Unsupported),
    }
}

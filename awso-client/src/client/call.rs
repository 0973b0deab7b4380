//! The call's straight line, generic over awso-core's `Operation`.

use std::sync::atomic::Ordering;
use std::time::Duration;

use awso_core::AwsError;
use awso_core::protocol::{self, Operation, RequestOptions};
use bytes::Bytes;
use tracing::Instrument;

use super::{CallError, Client, ErrorKind, ServiceSpec, endpoint, response_checksum};
use crate::retry::{self, Decision, Failure, skew};
use crate::sign::{AuthScheme, sign_bearer};
use crate::transport::HttpError;

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

impl Client {
    /// Calls operation `O` of the service `spec` describes with `input`: one attempt, or more
    /// under the retry settings, within the configured timeouts.
    pub async fn call<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
    ) -> Result<O::Output, CallError<O::Error>> {
        let operation = O::SCHEMA.name();
        let span = tracing::info_span!("awso.call", service = spec.name(), operation);
        let call = self.call_inner::<O>(spec, input);
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
    ) -> Result<O::Output, CallError<O::Error>> {
        let operation = O::SCHEMA.name();
        let fail = |attempts, kind| CallError::new(operation, attempts, kind);
        let target = endpoint::resolve::<O, _>(&self.inner.config, spec, input)
            .map_err(|kind| fail(0, kind))?;
        let options = RequestOptions {
            path_prefix_in_endpoint: target.path_prefix_in_endpoint,
            ..RequestOptions::default()
        };
        let request = protocol::request_with::<O>(input, &target.endpoint, &options)
            .map_err(|error| fail(0, ErrorKind::Construction(error)))?;
        let (mut parts, body) = request.into_parts();
        endpoint::add_headers(&mut parts.headers, &target.headers).map_err(|kind| fail(0, kind))?;
        let validation = self.inner.config.response_checksum_validation;
        response_checksum::ask_for_checksum(O::SCHEMA, validation, &mut parts.headers);
        let body = Bytes::from(body);
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
                .attempt::<O>(&target.auth, request, &parts.headers)
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
        auth: &AuthScheme,
        mut request: http::Request<Bytes>,
        request_headers: &http::HeaderMap,
    ) -> Attempt<O::Output, O::Error> {
        if let Err(kind) = self.sign(auth, &mut request).await {
            return Attempt::Done(Err(kind));
        }
        let exchange = async {
            let response = self.inner.http.send(request).await?;
            let (parts, body) = response.into_parts();
            let body = body.collect(MAX_BUFFERED_ANSWER).await?;
            Ok::<_, HttpError>(http::Response::from_parts(parts, body))
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
            Ok(response) => self.read::<O>(&response, request_headers),
            Err(error) => failed(ErrorKind::Transport(error)),
        }
    }

    async fn sign<E>(
        &self,
        auth: &AuthScheme,
        request: &mut http::Request<Bytes>,
    ) -> Result<(), ErrorKind<E>> {
        let config = &self.inner.config;
        match auth {
            AuthScheme::NoAuth => Ok(()),
            AuthScheme::Bearer => {
                let Some(token) = &config.bearer else {
                    return Err(ErrorKind::Credentials(
                        crate::credentials::CredentialsError::not_configured(
                            "bearer",
                            "the operation needs a bearer token and the client has none",
                        ),
                    ));
                };
                sign_bearer(request, token).map_err(ErrorKind::Signing)
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
                endpoint::sign_sigv4(request, &credentials, auth, config.region.as_deref(), time)
                    .map_err(ErrorKind::Signing)
            }
        }
    }

    /// The output, or the service's error with what the retry rules need from the answer.
    /// A body that fails its checksum is not parsed.
    fn read<O: Operation>(
        &self,
        response: &http::Response<Bytes>,
        request_headers: &http::HeaderMap,
    ) -> Attempt<O::Output, O::Error> {
        let status = response.status().as_u16();
        let span = tracing::Span::current();
        span.record("status", status);
        if let Err(kind) = response_checksum::check(O::SCHEMA, request_headers, response) {
            return Attempt::Done(Err(kind));
        }
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
        ErrorKind::Service { meta, .. } => Failure::Service {
            status: meta.status,
            code: &meta.code,
            modeled: None,
        },
        ErrorKind::Transport(error) => Failure::Transport(error.kind()),
        ErrorKind::Timeout { .. } => Failure::AttemptTimeout,
        // Nothing else reaches the retry rules; giving up on it is right.
        _ => Failure::Transport(crate::transport::HttpErrorKind::Unsupported),
    }
}

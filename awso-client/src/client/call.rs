//! The operation's ends of a call, generic over awso-core's `Operation`: its request built
//! from the input, its answers parsed into its output or error, and the entry point that
//! runs the attempts between them ([`attempts`](super::attempts), compiled once for all).

use std::sync::atomic::Ordering;
use std::time::Duration;

use awso_core::AwsError;
use awso_core::protocol::{self, Operation, RequestOptions};
use tracing::Instrument;

use super::attempts::{Attempts, Built, Received};
use super::customize::{self, Input};
use super::{CallError, Client, ErrorKind, ServiceSpec, endpoint, response_checksum};
use crate::endpoint::Params;
use crate::endpoint::binding::OperationEndpoint;
use crate::retry::{self, Failure, skew};
use crate::stream::{ByteStream, Streamed, UploadBody};
use crate::transport::{HttpErrorKind, ResponseBody};

/// How the operation's end read one answer, before the retry rules look at it.
enum Read<T, E> {
    Done(Result<T, ErrorKind<E>>),
    Failed {
        kind: ErrorKind<E>,
        retry_after: Option<Duration>,
        /// How the retry rules see the failure, when not as its kind says (a corrected
        /// clock, an answer cut short).
        retry_as: Option<Failure<'static>>,
    },
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

    /// The operation's ends of the call: its request built, its answers parsed; the
    /// attempts between them are [`Attempts`]', compiled once for every operation.
    async fn call_inner<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
        upload: Option<&UploadBody>,
        streaming: bool,
    ) -> Result<Answer<O::Output>, CallError<O::Error>> {
        let operation = O::SCHEMA.name();
        let fail = |attempts, kind| CallError::new(operation, attempts, kind);
        let built = self
            .request::<O>(spec, input, upload.is_some())
            .map_err(|kind| fail(0, kind))?;
        let service = (spec.name(), O::SERVICE);
        let mut attempts = Attempts::new(self, service, O::SCHEMA, built, upload, streaming)
            .await
            .map_err(|kind| fail(0, kind.widen()))?;
        loop {
            let received = attempts
                .answer()
                .await
                .map_err(|stopped| fail(stopped.attempts, stopped.into_kind()))?;
            let headers = attempts.request_headers();
            let read = attempts
                .span()
                .in_scope(|| self.read::<O>(spec.name(), received, headers));
            match read {
                Read::Done(result) => {
                    attempts.finish();
                    return result.map_err(|kind| fail(attempts.attempt(), kind));
                }
                Read::Failed {
                    kind,
                    retry_after,
                    retry_as,
                } => {
                    let failure = retry_as.unwrap_or_else(|| failure_of(&kind));
                    if !attempts.retry(&failure, retry_after).await {
                        return Err(fail(attempts.attempt(), kind));
                    }
                }
            }
        }
    }

    /// The request of operation `O` for `input` (with room left for a streamed payload when
    /// `streamed_payload`), and where it goes.
    fn request<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
        streamed_payload: bool,
    ) -> Result<Built, ErrorKind<O::Error>> {
        let prepared =
            customize::prepare_input::<O>(spec.name(), input).map_err(ErrorKind::Construction)?;
        // The caller's input binds the endpoint parameters, as given.
        let bind =
            |bindings: &OperationEndpoint, params: &mut Params| bindings.apply(input, params);
        let target = endpoint::resolve(&self.inner.config, spec, O::SCHEMA.name(), &bind)
            .map_err(ErrorKind::widen)?;
        let options = RequestOptions {
            path_prefix_in_endpoint: target.path_prefix_in_endpoint,
            streamed_payload,
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
        .map_err(ErrorKind::Construction)?;
        Ok(Built { request, target })
    }

    /// The output of `received`, or the service's error with what the retry rules need from
    /// the answer. A body that fails its checksum is not parsed.
    fn read<O: Operation>(
        &self,
        service: &str,
        received: Received,
        request_headers: &http::HeaderMap,
    ) -> Read<Answer<O::Output>, O::Error> {
        let response = match received {
            Received::Whole(response) => response,
            Received::Head(response) => {
                let idle = self.inner.config.timeouts.attempt();
                return Read::Done(read_head::<O>(response, request_headers, idle));
            }
        };
        let status = response.status().as_u16();
        let span = tracing::Span::current();
        span.record("status", status);
        if let Err(kind) = response_checksum::check(O::SCHEMA, request_headers, &response) {
            return Read::Done(Err(kind));
        }
        let promoted = customize::error_in_success(service, O::SCHEMA, &response);
        let response = promoted.as_ref().unwrap_or(&response);
        match protocol::response::<O, _>(response) {
            Ok(output) => Read::Done(Ok(Answer::Whole(output, status))),
            Err(protocol::ResponseError::Decode { status, source }) => {
                let kind = ErrorKind::Response { status, source };
                if customize::cut_short_success(service, O::SCHEMA, response) {
                    // Retried as a transport failure: the answer broke off on the way.
                    let retry_as = Some(Failure::Transport(HttpErrorKind::Io));
                    return Read::Failed {
                        kind,
                        retry_after: None,
                        retry_as,
                    };
                }
                Read::Done(Err(kind))
            }
            Err(protocol::ResponseError::Service { error, meta }) => {
                if let Some(id) = &meta.request_id {
                    span.record("request_id", id.as_str());
                }
                let skew_corrected = self.learn_skew(&meta.code, response.headers());
                let error =
                    customize::typed_bodiless_error::<O>(service, error, &meta, response.body());
                Read::Failed {
                    retry_after: retry::retry_after(response.headers()),
                    kind: ErrorKind::Service { error, meta: *meta },
                    retry_as: skew_corrected.then_some(Failure::ClockSkewCorrected),
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
    let output = protocol::response_head::<O>(&head)
        .map_err(|source| ErrorKind::Response { status, source })?;
    let expected = protocol::expected_response_checksum(O::SCHEMA, request_headers, head.headers());
    Ok(Answer::Streamed(
        output,
        ByteStream::new(body, expected, idle),
        status,
    ))
}

/// The failure as the retry rules see it.
fn failure_of<E: AwsError>(kind: &ErrorKind<E>) -> Failure<'_> {
    match kind {
        ErrorKind::Service { error, meta } => Failure::Service {
            status: meta.status,
            code: &meta.code,
            modeled: error
                .modeled_schema()
                .and_then(|schema| schema.traits().retryable),
        },
        // Nothing else reaches the retry rules from here (the attempts classify their own
        // failures); giving up on it is right.
        _ => Failure::Transport(crate::transport::HttpErrorKind::Unsupported),
    }
}

//! Fluent calls: `client.put_item().table_name("t").send().await`.
//!
//! A generated client's `put_item()` returns the input's own builder carrying a [`Call`]
//! (or, on the blocking client, a [`BlockingCall`]) as its sender (see
//! `awso_core::build::Sender`): the setters are the builder's, and `send()` builds the input
//! and calls [`Client::call`] with it. A required member left unset fails the call with
//! [`ErrorKind::Construction`] before anything is sent. An operation without input returns
//! the `Call` itself, whose `send()` needs nothing more.
//!
//! ```
//! use awso_client::client::{Call, Client, Config, ErrorKind, ServiceSpec};
//! use awso_client::sign::AuthScheme;
//! # use awso_core::{AwsError, AwsShape, UnknownError, protocol::*};
//! # #[derive(AwsShape, Debug)] #[awso(builder, rename_all = "PascalCase")]
//! # pub struct GetQueueUrlRequest { queue_name: String }
//! # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
//! # pub struct GetQueueUrlResult { queue_url: Option<String> }
//! # #[derive(AwsError, Debug)] pub enum GetQueueUrlError { Unknown(UnknownError) }
//! # struct GetQueueUrl;
//! # impl Operation for GetQueueUrl {
//! #     type Input = GetQueueUrlRequest; type Output = GetQueueUrlResult; type Error = GetQueueUrlError;
//! #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "2012-11-05");
//! #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetQueueUrl", "POST", "/")
//! #         .with_input(GetQueueUrlRequest::SCHEMA).with_output(GetQueueUrlResult::SCHEMA)
//! #         .with_errors(GetQueueUrlError::ERRORS);
//! # }
//! static SQS: ServiceSpec = ServiceSpec::new("sqs", AuthScheme::NoAuth);
//! let client = Client::new(Config::builder().region("us-east-1").endpoint_url("http://127.0.0.1:9").build());
//! // What a generated `client.get_queue_url()` returns: the input's builder with a sender.
//! let call = GetQueueUrlRequest::builder().with_sender(Call::<GetQueueUrl>::new(&client, &SQS));
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! // `QueueName` is required and unset: the call fails before a request is made.
//! let error = call.send().await.unwrap_err();
//! assert!(matches!(error.kind(), ErrorKind::Construction(_)));
//! assert_eq!(error.attempts(), 0);
//! assert!(error.to_string().contains("`QueueName` is not set"), "{error}");
//! # });
//! ```

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

use awso_core::build::{MissingMembers, Sender};
use awso_core::protocol::{Operation, Unit};

use super::{BlockingClient, CallError, Client, ErrorKind, ServiceSpec};
use crate::stream::{BlockingByteStream, Streamed};

/// The future of a fluent call's `send()`: the output or the call's error. It owns a clone
/// of the client, so it may be spawned.
///
/// ```no_run
/// use awso_client::client::CallFuture;
/// # struct Ping;
/// # #[derive(awso_core::AwsError, Debug)] pub enum PingError { Unknown(awso_core::UnknownError) }
/// # impl awso_core::protocol::Operation for Ping {
/// #     type Input = awso_core::protocol::Unit; type Output = awso_core::protocol::Unit; type Error = PingError;
/// #     const SERVICE: &'static awso_core::protocol::ServiceSchema =
/// #         &awso_core::protocol::ServiceSchema::new(awso_core::protocol::Protocol::RestJson1, "1");
/// #     const SCHEMA: &'static awso_core::protocol::OperationSchema =
/// #         &awso_core::protocol::OperationSchema::new("Ping", "GET", "/ping");
/// # }
/// // `Send` and `'static`: a task of its own.
/// fn in_the_background(call: CallFuture<Ping>) {
///     tokio::spawn(call);
/// }
/// ```
pub type CallFuture<O> = Pin<
    Box<
        dyn Future<Output = Result<<O as Operation>::Output, CallError<<O as Operation>::Error>>>
            + Send,
    >,
>;

/// The sender of a fluent call of operation `O` on the async client.
///
/// ```
/// use awso_client::client::{Call, Client, Config, ServiceSpec};
/// use awso_client::sign::AuthScheme;
/// # use awso_core::protocol::Unit;
/// # struct Ping;
/// # #[derive(awso_core::AwsError, Debug)] pub enum PingError { Unknown(awso_core::UnknownError) }
/// # impl awso_core::protocol::Operation for Ping {
/// #     type Input = Unit; type Output = Unit; type Error = PingError;
/// #     const SERVICE: &'static awso_core::protocol::ServiceSchema =
/// #         &awso_core::protocol::ServiceSchema::new(awso_core::protocol::Protocol::RestJson1, "1");
/// #     const SCHEMA: &'static awso_core::protocol::OperationSchema =
/// #         &awso_core::protocol::OperationSchema::new("Ping", "GET", "/ping");
/// # }
/// static SPEC: ServiceSpec = ServiceSpec::new("widgets", AuthScheme::NoAuth);
/// let client = Client::new(Config::builder().region("us-east-1").endpoint_url("http://127.0.0.1:9").build());
/// let call = Call::<Ping>::new(&client, &SPEC);
/// assert_eq!(format!("{call:?}"), "Call { operation: \"Ping\", service: \"widgets\", .. }");
/// ```
pub struct Call<O> {
    client: Client,
    spec: &'static ServiceSpec,
    operation: PhantomData<fn() -> O>,
}

impl<O: Operation> Call<O> {
    /// A call of `O` of the service `spec` describes, through a clone of `client`.
    ///
    /// ```
    /// use awso_client::client::{Call, Client, Config, ServiceSpec};
    /// use awso_client::sign::AuthScheme;
    /// # struct Ping;
    /// # #[derive(awso_core::AwsError, Debug)] pub enum PingError { Unknown(awso_core::UnknownError) }
    /// # impl awso_core::protocol::Operation for Ping {
    /// #     type Input = awso_core::protocol::Unit; type Output = awso_core::protocol::Unit; type Error = PingError;
    /// #     const SERVICE: &'static awso_core::protocol::ServiceSchema =
    /// #         &awso_core::protocol::ServiceSchema::new(awso_core::protocol::Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static awso_core::protocol::OperationSchema =
    /// #         &awso_core::protocol::OperationSchema::new("Ping", "GET", "/ping");
    /// # }
    /// static SPEC: ServiceSpec = ServiceSpec::new("widgets", AuthScheme::NoAuth);
    /// let client = Client::new(Config::builder().build());
    /// let _call = Call::<Ping>::new(&client, &SPEC);
    /// ```
    pub fn new(client: &Client, spec: &'static ServiceSpec) -> Self {
        Call {
            client: client.clone(),
            spec,
            operation: PhantomData,
        }
    }
}

impl<O: Operation<Input = Unit>> Call<O>
where
    O::Output: Send + 'static,
    O::Error: Send + 'static,
{
    /// Sends the call of an operation without input.
    ///
    /// ```no_run
    /// # use awso_client::client::{Call, Client, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # struct Ping;
    /// # #[derive(awso_core::AwsError, Debug)] pub enum PingError { Unknown(awso_core::UnknownError) }
    /// # impl awso_core::protocol::Operation for Ping {
    /// #     type Input = awso_core::protocol::Unit; type Output = awso_core::protocol::Unit; type Error = PingError;
    /// #     const SERVICE: &'static awso_core::protocol::ServiceSchema =
    /// #         &awso_core::protocol::ServiceSchema::new(awso_core::protocol::Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static awso_core::protocol::OperationSchema =
    /// #         &awso_core::protocol::OperationSchema::new("Ping", "GET", "/ping");
    /// # }
    /// # static SPEC: ServiceSpec = ServiceSpec::new("widgets", AuthScheme::NoAuth);
    /// # async fn run(client: &Client) {
    /// let pong = Call::<Ping>::new(client, &SPEC).send().await;
    /// # }
    /// ```
    pub fn send(self) -> CallFuture<O> {
        Sender::send(self, Ok(Unit))
    }
}

impl<O: Operation> Sender<O::Input> for Call<O>
where
    O::Input: Send + Sync + 'static,
    O::Output: Send + 'static,
    O::Error: Send + 'static,
{
    type Output = CallFuture<O>;

    fn send(self, input: Result<O::Input, MissingMembers>) -> CallFuture<O> {
        Box::pin(async move {
            let input = input.map_err(construction::<O>)?;
            self.client.call::<O>(self.spec, &input).await
        })
    }
}

/// The sender of a fluent call of operation `O` on the blocking client: `send()` returns
/// the result.
///
/// ```
/// use awso_client::client::{BlockingCall, BlockingClient, Config, ServiceSpec};
/// use awso_client::sign::AuthScheme;
/// # struct Ping;
/// # #[derive(awso_core::AwsError, Debug)] pub enum PingError { Unknown(awso_core::UnknownError) }
/// # impl awso_core::protocol::Operation for Ping {
/// #     type Input = awso_core::protocol::Unit; type Output = awso_core::protocol::Unit; type Error = PingError;
/// #     const SERVICE: &'static awso_core::protocol::ServiceSchema =
/// #         &awso_core::protocol::ServiceSchema::new(awso_core::protocol::Protocol::RestJson1, "1");
/// #     const SCHEMA: &'static awso_core::protocol::OperationSchema =
/// #         &awso_core::protocol::OperationSchema::new("Ping", "GET", "/ping");
/// # }
/// static SPEC: ServiceSpec = ServiceSpec::new("widgets", AuthScheme::NoAuth);
/// let client = BlockingClient::new(Config::builder().build())?;
/// let call = BlockingCall::<Ping>::new(&client, &SPEC);
/// assert_eq!(format!("{call:?}"), "BlockingCall { operation: \"Ping\", service: \"widgets\", .. }");
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct BlockingCall<O> {
    client: BlockingClient,
    spec: &'static ServiceSpec,
    operation: PhantomData<fn() -> O>,
}

impl<O: Operation> BlockingCall<O> {
    /// A call of `O` of the service `spec` describes, through a clone of `client`.
    ///
    /// ```
    /// # use awso_client::client::{BlockingCall, BlockingClient, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # struct Ping;
    /// # #[derive(awso_core::AwsError, Debug)] pub enum PingError { Unknown(awso_core::UnknownError) }
    /// # impl awso_core::protocol::Operation for Ping {
    /// #     type Input = awso_core::protocol::Unit; type Output = awso_core::protocol::Unit; type Error = PingError;
    /// #     const SERVICE: &'static awso_core::protocol::ServiceSchema =
    /// #         &awso_core::protocol::ServiceSchema::new(awso_core::protocol::Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static awso_core::protocol::OperationSchema =
    /// #         &awso_core::protocol::OperationSchema::new("Ping", "GET", "/ping");
    /// # }
    /// static SPEC: ServiceSpec = ServiceSpec::new("widgets", AuthScheme::NoAuth);
    /// let client = BlockingClient::new(Config::builder().build())?;
    /// let _call = BlockingCall::<Ping>::new(&client, &SPEC);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(client: &BlockingClient, spec: &'static ServiceSpec) -> Self {
        BlockingCall {
            client: client.clone(),
            spec,
            operation: PhantomData,
        }
    }
}

impl<O: Operation<Input = Unit>> BlockingCall<O> {
    /// Sends the call of an operation without input, blocking until it is done.
    ///
    /// ```no_run
    /// # use awso_client::client::{BlockingCall, BlockingClient, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # struct Ping;
    /// # #[derive(awso_core::AwsError, Debug)] pub enum PingError { Unknown(awso_core::UnknownError) }
    /// # impl awso_core::protocol::Operation for Ping {
    /// #     type Input = awso_core::protocol::Unit; type Output = awso_core::protocol::Unit; type Error = PingError;
    /// #     const SERVICE: &'static awso_core::protocol::ServiceSchema =
    /// #         &awso_core::protocol::ServiceSchema::new(awso_core::protocol::Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static awso_core::protocol::OperationSchema =
    /// #         &awso_core::protocol::OperationSchema::new("Ping", "GET", "/ping");
    /// # }
    /// # static SPEC: ServiceSpec = ServiceSpec::new("widgets", AuthScheme::NoAuth);
    /// # fn run(client: &BlockingClient) {
    /// let pong = BlockingCall::<Ping>::new(client, &SPEC).send();
    /// # }
    /// ```
    pub fn send(self) -> Result<O::Output, CallError<O::Error>> {
        Sender::send(self, Ok(Unit))
    }
}

impl<O: Operation> Sender<O::Input> for BlockingCall<O> {
    type Output = Result<O::Output, CallError<O::Error>>;

    fn send(self, input: Result<O::Input, MissingMembers>) -> Self::Output {
        let input = input.map_err(construction::<O>)?;
        self.client.call::<O>(self.spec, &input)
    }
}

/// The call's error for an input that could not be built.
fn construction<O: Operation>(missing: MissingMembers) -> CallError<O::Error> {
    CallError::new(O::SCHEMA.name(), 0, ErrorKind::Construction(missing.into()))
}

impl<O: Operation> fmt::Debug for Call<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The client is left out: its own `Debug` says nothing about the call.
        f.debug_struct("Call")
            .field("operation", &O::SCHEMA.name())
            .field("service", &self.spec.name())
            .finish_non_exhaustive()
    }
}

impl<O: Operation> fmt::Debug for BlockingCall<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The client is left out: its own `Debug` says nothing about the call.
        f.debug_struct("BlockingCall")
            .field("operation", &O::SCHEMA.name())
            .field("service", &self.spec.name())
            .finish_non_exhaustive()
    }
}

/// The future of a fluent call whose output payload streams (S3 GetObject): the output and
/// its unread body.
///
/// ```
/// use awso_client::client::StreamingCallFuture;
/// # use awso_core::{AwsError, AwsShape, UnknownError, protocol::*};
/// # #[derive(AwsShape, Debug)] pub struct Blob { #[awso(http_payload, streaming)] data: Option<awso_core::Blob> }
/// # #[derive(AwsError, Debug)] pub enum GetError { Unknown(UnknownError) }
/// # struct Get;
/// # impl Operation for Get {
/// #     type Input = Unit; type Output = Blob; type Error = GetError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "1");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("Get", "GET", "/")
/// #         .with_output(Blob::SCHEMA).with_errors(GetError::ERRORS);
/// # }
/// // `Send + 'static`: a download can run on a spawned task.
/// fn in_the_background(call: StreamingCallFuture<Get>) {
///     let _ = tokio::spawn(call);
/// }
/// # let _ = in_the_background;
/// ```
pub type StreamingCallFuture<O> = Pin<
    Box<
        dyn Future<
                Output = Result<
                    Streamed<<O as Operation>::Output>,
                    CallError<<O as Operation>::Error>,
                >,
            > + Send,
    >,
>;

/// A fluent call whose output payload streams: what a generated async client's `get_object()`
/// carries as the sender of the input's builder; `send()` answers a [`Streamed`] output.
///
/// ```
/// use awso_client::client::{Client, Config, ErrorKind, ServiceSpec, StreamingCall};
/// use awso_client::sign::AuthScheme;
/// # use awso_core::{AwsError, AwsShape, UnknownError, protocol::*};
/// # #[derive(AwsShape, Debug)] #[awso(builder, rename_all = "PascalCase")]
/// # pub struct GetRequest { #[awso(http_label)] key: String }
/// # #[derive(AwsShape, Debug)] pub struct GetOutput { #[awso(http_payload, streaming)] data: Option<awso_core::Blob> }
/// # #[derive(AwsError, Debug)] pub enum GetError { Unknown(UnknownError) }
/// # struct Get;
/// # impl Operation for Get {
/// #     type Input = GetRequest; type Output = GetOutput; type Error = GetError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "1");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("Get", "GET", "/{Key}")
/// #         .with_input(GetRequest::SCHEMA).with_output(GetOutput::SCHEMA).with_errors(GetError::ERRORS);
/// # }
/// static STORE: ServiceSpec = ServiceSpec::new("store", AuthScheme::NoAuth);
/// let client = Client::new(Config::builder().region("us-east-1").endpoint_url("http://127.0.0.1:9").build());
/// let call = GetRequest::builder().with_sender(StreamingCall::<Get>::new(&client, &STORE));
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// // `Key` is required and unset: nothing is sent.
/// let error = call.send().await.unwrap_err();
/// assert!(matches!(error.kind(), ErrorKind::Construction(_)));
/// # });
/// ```
pub struct StreamingCall<O>(Call<O>);

impl<O: Operation> StreamingCall<O> {
    /// The call of `O` on `client`, as `spec` describes the service.
    ///
    /// ```
    /// # use awso_client::client::{Client, Config, ServiceSpec, StreamingCall};
    /// # use awso_client::sign::AuthScheme;
    /// # use awso_core::protocol::Unit;
    /// # static SPEC: ServiceSpec = ServiceSpec::new("s3", AuthScheme::NoAuth);
    /// # #[derive(awso_core::AwsError, Debug)] pub enum E { Unknown(awso_core::UnknownError) }
    /// # struct Get;
    /// # impl awso_core::protocol::Operation for Get {
    /// #     type Input = Unit; type Output = Unit; type Error = E;
    /// #     const SERVICE: &'static awso_core::protocol::ServiceSchema = &awso_core::protocol::ServiceSchema::new(awso_core::protocol::Protocol::RestXml, "1");
    /// #     const SCHEMA: &'static awso_core::protocol::OperationSchema = &awso_core::protocol::OperationSchema::new("Get", "GET", "/");
    /// # }
    /// let client = Client::new(Config::builder().region("us-east-1").endpoint_url("http://127.0.0.1:9").build());
    /// let call = StreamingCall::<Get>::new(&client, &SPEC);
    /// assert!(format!("{call:?}").contains("Get"));
    /// ```
    pub fn new(client: &Client, spec: &'static ServiceSpec) -> Self {
        StreamingCall(Call::new(client, spec))
    }
}

impl<O: Operation> Sender<O::Input> for StreamingCall<O>
where
    O::Input: Send + Sync + 'static,
    O::Output: Send + 'static,
    O::Error: Send + 'static,
{
    type Output = StreamingCallFuture<O>;

    fn send(self, input: Result<O::Input, MissingMembers>) -> StreamingCallFuture<O> {
        let Call { client, spec, .. } = self.0;
        Box::pin(async move {
            let input = input.map_err(construction::<O>)?;
            client.call_streaming::<O>(spec, &input).await
        })
    }
}

/// [`StreamingCall`] of the blocking client: `send()` answers the output with its body as a
/// [`BlockingByteStream`] (an `std::io::Read`).
///
/// ```
/// use awso_client::client::{BlockingClient, BlockingStreamingCall, Config, ServiceSpec};
/// use awso_client::sign::AuthScheme;
/// # use awso_core::protocol::Unit;
/// # #[derive(awso_core::AwsError, Debug)] pub enum E { Unknown(awso_core::UnknownError) }
/// # struct Get;
/// # impl awso_core::protocol::Operation for Get {
/// #     type Input = Unit; type Output = Unit; type Error = E;
/// #     const SERVICE: &'static awso_core::protocol::ServiceSchema = &awso_core::protocol::ServiceSchema::new(awso_core::protocol::Protocol::RestXml, "1");
/// #     const SCHEMA: &'static awso_core::protocol::OperationSchema = &awso_core::protocol::OperationSchema::new("Get", "GET", "/");
/// # }
/// static STORE: ServiceSpec = ServiceSpec::new("store", AuthScheme::NoAuth);
/// let client = BlockingClient::new(Config::builder().region("us-east-1").endpoint_url("http://127.0.0.1:9").build()).unwrap();
/// let call = BlockingStreamingCall::<Get>::new(&client, &STORE);
/// assert!(format!("{call:?}").contains("Get"));
/// ```
pub struct BlockingStreamingCall<O>(BlockingCall<O>);

impl<O: Operation> BlockingStreamingCall<O> {
    /// The call of `O` on `client`, as `spec` describes the service.
    ///
    /// ```
    /// # use awso_client::client::{BlockingClient, BlockingStreamingCall, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # use awso_core::protocol::Unit;
    /// # static SPEC: ServiceSpec = ServiceSpec::new("s3", AuthScheme::NoAuth);
    /// # #[derive(awso_core::AwsError, Debug)] pub enum E { Unknown(awso_core::UnknownError) }
    /// # struct Get;
    /// # impl awso_core::protocol::Operation for Get {
    /// #     type Input = Unit; type Output = Unit; type Error = E;
    /// #     const SERVICE: &'static awso_core::protocol::ServiceSchema = &awso_core::protocol::ServiceSchema::new(awso_core::protocol::Protocol::RestXml, "1");
    /// #     const SCHEMA: &'static awso_core::protocol::OperationSchema = &awso_core::protocol::OperationSchema::new("Get", "GET", "/");
    /// # }
    /// let client = BlockingClient::new(Config::builder().region("us-east-1").endpoint_url("http://127.0.0.1:9").build()).unwrap();
    /// let _call = BlockingStreamingCall::<Get>::new(&client, &SPEC);
    /// ```
    pub fn new(client: &BlockingClient, spec: &'static ServiceSpec) -> Self {
        BlockingStreamingCall(BlockingCall::new(client, spec))
    }
}

impl<O: Operation> Sender<O::Input> for BlockingStreamingCall<O> {
    type Output = Result<Streamed<O::Output, BlockingByteStream>, CallError<O::Error>>;

    fn send(self, input: Result<O::Input, MissingMembers>) -> Self::Output {
        let input = input.map_err(construction::<O>)?;
        self.0.client.call_streaming::<O>(self.0.spec, &input)
    }
}

impl<O: Operation> fmt::Debug for StreamingCall<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("StreamingCall").field(&self.0).finish()
    }
}

impl<O: Operation> fmt::Debug for BlockingStreamingCall<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("BlockingStreamingCall")
            .field(&self.0)
            .finish()
    }
}

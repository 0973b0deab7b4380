//! The blocking client: the same call, driven by a runtime the handle owns.

use std::sync::Arc;

use awso_core::protocol::Operation;

use super::{CallError, Client, Config, ServiceSpec};
use crate::stream::{BlockingByteStream, Streamed, UploadBody};

/// A client whose calls block the calling thread; its caller needs no async runtime.
///
/// It runs [`Client::call`] — the same code, retries and timeouts — on a single-threaded
/// tokio runtime of its own. Do not use it from inside an async task (tokio refuses to block
/// a runtime's thread); use [`Client`] there.
///
/// ```
/// use awso_client::client::{BlockingClient, Config};
///
/// let client = BlockingClient::new(Config::builder().region("eu-west-1").endpoint_url("http://127.0.0.1:9").build())?;
/// assert_eq!(client.client().config().region(), Some("eu-west-1"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct BlockingClient {
    client: Client,
    runtime: Arc<tokio::runtime::Runtime>,
}

impl BlockingClient {
    /// A blocking client of `config`; fails only if the runtime cannot start.
    ///
    /// ```
    /// use awso_client::client::{BlockingClient, Config};
    /// let client = BlockingClient::new(Config::builder().endpoint_url("http://127.0.0.1:9").build())?;
    /// assert_eq!(client.client().config().endpoint_url(), Some("http://127.0.0.1:9"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(config: Config) -> std::io::Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        // The default transport is created inside the runtime it will spawn connections on.
        let client = {
            let _entered = runtime.enter();
            Client::new(config)
        };
        Ok(BlockingClient {
            client,
            runtime: Arc::new(runtime),
        })
    }

    /// The async client underneath.
    ///
    /// ```
    /// use awso_client::client::{BlockingClient, Config};
    /// let blocking = BlockingClient::new(Config::builder().region("eu-south-1").endpoint_url("http://127.0.0.1:9").build())?;
    /// // The async client underneath shares the settings (and the retry quota).
    /// let client = blocking.client().clone();
    /// assert_eq!(client.config().region(), Some("eu-south-1"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Runs `future` to completion on the client's runtime: the blocking paginators and
    /// waiters drive the async ones with it.
    pub(crate) fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// Calls operation `O`, blocking until it is done; see [`Client::call`].
    ///
    /// ```
    /// use awso_client::client::{BlockingClient, Config, ServiceSpec};
    /// use awso_client::sign::AuthScheme;
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
    /// # use awso_core::{AwsError, AwsShape, UnknownError};
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # struct Thing { name: Option<String> }
    /// # #[derive(AwsError, Debug)] enum GetThingError { Unknown(UnknownError) }
    /// # /// `GET /thing` of a local restJson1 service.
    /// # struct GetThing;
    /// # impl Operation for GetThing {
    /// #     type Input = Unit; type Output = Thing; type Error = GetThingError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetThing", "GET", "/thing").with_output(Thing::SCHEMA);
    /// # }
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # /// A local service's stand-in: answers each request with the next canned status and
    /// # /// body (the last one again when they run out) and keeps the request heads.
    /// # #[derive(Clone, Default)]
    /// # struct Recorder { answers: Vec<(u16, &'static str)>, sent: std::sync::Arc<std::sync::Mutex<Vec<http::request::Parts>>> }
    /// # impl Recorder {
    /// #     fn answering(answers: &[(u16, &'static str)]) -> Self { Recorder { answers: answers.to_vec(), ..Recorder::default() } }
    /// #     fn last(&self) -> http::request::Parts { self.sent.lock().unwrap().last().unwrap().clone() }
    /// #     fn count(&self) -> usize { self.sent.lock().unwrap().len() }
    /// # }
    /// # impl HttpClient for Recorder {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let mut sent = self.sent.lock().unwrap();
    /// #         let (status, body) = self.answers.get(sent.len()).or(self.answers.last()).copied().unwrap_or((200, r#"{"Name":"widget"}"#));
    /// #         sent.push(request.into_parts().0);
    /// #         let mut response = http::Response::new(ResponseBody::from(body));
    /// #         *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
    /// #         Box::pin(async move { Ok(response) })
    /// #     }
    /// # }
    /// static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);
    /// let config = Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Recorder::default()).build();
    /// let client = BlockingClient::new(config)?;
    /// // No runtime of the caller's: the call blocks until the answer is parsed.
    /// let thing = client.call::<GetThing>(&SPEC, &Unit).unwrap();
    /// assert_eq!(thing.name.as_deref(), Some("widget"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn call<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
    ) -> Result<O::Output, CallError<O::Error>> {
        self.runtime.block_on(self.client.call::<O>(spec, input))
    }

    /// Calls operation `O` and hands its streaming payload over unread, as a
    /// [`std::io::Read`]er; see [`Client::call_streaming`]. Each read runs the client's
    /// runtime until the next chunk is in.
    ///
    /// ```
    /// # use awso_client::client::{BlockingClient, Client, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, Blob, UnknownError};
    /// # #[derive(AwsShape, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # pub struct BlobRequest { #[awso(http_label)] key: String, #[awso(http_payload, streaming)] data: Option<Blob> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # pub struct BlobOutput { #[awso(http_header = "x-size")] size: Option<i64>, #[awso(http_payload, streaming)] data: Option<Blob> }
    /// # #[derive(AwsError, Debug)] pub enum BlobError { Unknown(UnknownError) }
    /// # struct GetBlob;
    /// # impl Operation for GetBlob {
    /// #     type Input = BlobRequest; type Output = BlobOutput; type Error = BlobError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetBlob", "GET", "/{Key}")
    /// #         .with_input(BlobRequest::SCHEMA).with_output(BlobOutput::SCHEMA).with_errors(BlobError::ERRORS);
    /// # }
    /// # struct PutBlob;
    /// # impl Operation for PutBlob {
    /// #     type Input = BlobRequest; type Output = BlobOutput; type Error = BlobError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("PutBlob", "PUT", "/{Key}")
    /// #         .with_input(BlobRequest::SCHEMA).with_output(BlobOutput::SCHEMA).with_errors(BlobError::ERRORS);
    /// # }
    /// # /// A local blob store, canned: answers every request with its body's size and "the bytes".
    /// # struct Store;
    /// # impl HttpClient for Store {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let size = request.body().len().to_string();
    /// #         Box::pin(async move {
    /// #             Ok(http::Response::builder().header("x-size", size).body(ResponseBody::from("the bytes")).unwrap())
    /// #         })
    /// #     }
    /// # }
    /// # static STORE: ServiceSpec = ServiceSpec::new("store", AuthScheme::NoAuth);
    /// # let config = || Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Store).build();
    /// use std::io::Read as _;
    ///
    /// let client = BlockingClient::new(config()).unwrap();
    /// let input = BlobRequest { key: "k".into(), ..BlobRequest::default() };
    /// let mut answer = client.call_streaming::<GetBlob>(&STORE, &input).unwrap();
    /// let mut text = String::new();
    /// answer.body.read_to_string(&mut text).unwrap();
    /// assert_eq!(text, "the bytes");
    /// ```
    pub fn call_streaming<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
    ) -> Result<Streamed<O::Output, BlockingByteStream>, CallError<O::Error>> {
        let answer = self
            .runtime
            .block_on(self.client.call_streaming::<O>(spec, input))?;
        Ok(Streamed {
            output: answer.output,
            body: BlockingByteStream::new(answer.body, Arc::clone(&self.runtime)),
        })
    }

    /// Calls operation `O` with `body` as its streaming payload, sent as it is read (a
    /// reader or a file: [`UploadBody::from_reader`], [`UploadBody::from_path`]); see
    /// [`Client::call_upload`].
    ///
    /// ```
    /// # use awso_client::client::{BlockingClient, Client, Config, ServiceSpec};
    /// # use awso_client::sign::AuthScheme;
    /// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
    /// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
    /// # use awso_core::{AwsError, AwsShape, Blob, UnknownError};
    /// # #[derive(AwsShape, Debug, Default)] #[awso(rename_all = "PascalCase")]
    /// # pub struct BlobRequest { #[awso(http_label)] key: String, #[awso(http_payload, streaming)] data: Option<Blob> }
    /// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
    /// # pub struct BlobOutput { #[awso(http_header = "x-size")] size: Option<i64>, #[awso(http_payload, streaming)] data: Option<Blob> }
    /// # #[derive(AwsError, Debug)] pub enum BlobError { Unknown(UnknownError) }
    /// # struct GetBlob;
    /// # impl Operation for GetBlob {
    /// #     type Input = BlobRequest; type Output = BlobOutput; type Error = BlobError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("GetBlob", "GET", "/{Key}")
    /// #         .with_input(BlobRequest::SCHEMA).with_output(BlobOutput::SCHEMA).with_errors(BlobError::ERRORS);
    /// # }
    /// # struct PutBlob;
    /// # impl Operation for PutBlob {
    /// #     type Input = BlobRequest; type Output = BlobOutput; type Error = BlobError;
    /// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "1");
    /// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("PutBlob", "PUT", "/{Key}")
    /// #         .with_input(BlobRequest::SCHEMA).with_output(BlobOutput::SCHEMA).with_errors(BlobError::ERRORS);
    /// # }
    /// # /// A local blob store, canned: answers every request with its body's size and "the bytes".
    /// # struct Store;
    /// # impl HttpClient for Store {
    /// #     fn send(&self, request: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
    /// #         let size = request.body().len().to_string();
    /// #         Box::pin(async move {
    /// #             Ok(http::Response::builder().header("x-size", size).body(ResponseBody::from("the bytes")).unwrap())
    /// #         })
    /// #     }
    /// # }
    /// # static STORE: ServiceSpec = ServiceSpec::new("store", AuthScheme::NoAuth);
    /// # let config = || Config::builder().endpoint_url("http://127.0.0.1:9").http_client(Store).build();
    /// use awso_client::stream::UploadBody;
    ///
    /// let client = BlockingClient::new(config()).unwrap();
    /// let input = BlobRequest { key: "k".into(), ..BlobRequest::default() };
    /// let body = UploadBody::from_reader(3, &b"abc"[..]);
    /// let output = client.call_upload::<PutBlob>(&STORE, &input, body).unwrap();
    /// assert_eq!(output.size, Some(3));
    /// ```
    pub fn call_upload<O: Operation>(
        &self,
        spec: &ServiceSpec,
        input: &O::Input,
        body: UploadBody,
    ) -> Result<O::Output, CallError<O::Error>> {
        self.runtime
            .block_on(self.client.call_upload::<O>(spec, input, body))
    }
}

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
/// let client = BlockingClient::new(Config::builder().region("eu-west-1").build())?;
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
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Runs `future` to completion on the client's runtime: the blocking paginators and
    /// waiters drive the async ones with it.
    pub(crate) fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// Calls operation `O`, blocking until it is done; see [`Client::call`].
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

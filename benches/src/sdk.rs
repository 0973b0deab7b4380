//! The official SDK's response deserializer for GetTranscript, called the way its
//! orchestrator calls it.
//!
//! `aws-sdk-connectparticipant` keeps its deserializer private, but registers it in the
//! operation's runtime plugin config: `GetTranscript::new().config()` holds a
//! `SharedResponseDeserializer`. We take it from there and call
//! `deserialize_nonstreaming_with_config` on a loaded `HttpResponse`, which is the exact step
//! the orchestrator runs after the body is read (status check, request id, JSON parse into
//! `GetTranscriptOutput`), without retries, signing, endpoint resolution or an HTTP client.
//!
//! [`SdkResponseParser::for_operation`] does the same for any SDK operation: with the
//! feature `sdk-s3`, aws-sdk-s3's `ListObjectsV2` (its XML deserializer is registered the
//! same way).

use aws_sdk_connectparticipant::operation::get_transcript::{GetTranscript, GetTranscriptOutput};
use aws_smithy_runtime_api::client::interceptors::context::OutputOrError;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::runtime_plugin::RuntimePlugin;
use aws_smithy_runtime_api::client::ser_de::{DeserializeResponse, SharedResponseDeserializer};
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::ConfigBag;

/// A canned HTTP response and the SDK's deserializer for it.
#[derive(Debug)]
pub struct SdkResponseParser {
    config: ConfigBag,
    response: HttpResponse,
}

impl SdkResponseParser {
    /// The parser of a GetTranscript `response` (its body loaded in memory).
    pub fn new(response: http::Response<Vec<u8>>) -> Self {
        Self::for_operation(&GetTranscript::new(), response)
    }

    /// The parser of `response` to the SDK operation `operation` (its runtime plugin, which
    /// registers the operation's response deserializer).
    pub fn for_operation(
        operation: &impl RuntimePlugin,
        response: http::Response<Vec<u8>>,
    ) -> Self {
        let layer = operation
            .config()
            .expect("an SDK operation registers a config layer");
        let mut config = ConfigBag::base();
        config.push_shared_layer(layer);
        let response =
            HttpResponse::try_from(response.map(SdkBody::from)).expect("a valid HTTP response");
        Self { config, response }
    }

    /// Runs the deserializer: the type-erased output or error, as the orchestrator gets it
    /// (looking the deserializer up in the config bag, as the orchestrator does).
    pub fn parse(&self) -> OutputOrError {
        self.config
            .load::<SharedResponseDeserializer>()
            .expect("GetTranscript registers its response deserializer")
            .deserialize_nonstreaming_with_config(&self.response, &self.config)
    }

    /// Runs the deserializer and downcasts its output to GetTranscript's.
    pub fn output(&self) -> GetTranscriptOutput {
        self.output_as()
    }

    /// Runs the deserializer and downcasts its output to `T`, the operation's output type.
    pub fn output_as<T: std::fmt::Debug + Send + Sync + 'static>(&self) -> T {
        match self.parse() {
            Ok(output) => output
                .downcast::<T>()
                .unwrap_or_else(|_| panic!("the output is not a {}", std::any::type_name::<T>())),
            Err(e) => panic!("the SDK could not parse the response: {e:?}"),
        }
    }
}

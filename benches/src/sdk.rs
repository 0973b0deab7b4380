//! The official SDK's response deserializer for GetTranscript, called the way its
//! orchestrator calls it.
//!
//! `aws-sdk-connectparticipant` keeps its deserializer private, but registers it in the
//! operation's runtime plugin config: `GetTranscript::new().config()` holds a
//! `SharedResponseDeserializer`. We take it from there and call
//! `deserialize_nonstreaming_with_config` on a loaded `HttpResponse`, which is the exact step
//! the orchestrator runs after the body is read (status check, request id, JSON parse into
//! `GetTranscriptOutput`), without retries, signing, endpoint resolution or an HTTP client.

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
    /// The parser of `response` (its body loaded in memory).
    pub fn new(response: http::Response<Vec<u8>>) -> Self {
        let layer = GetTranscript::new()
            .config()
            .expect("GetTranscript registers a config layer");
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

    /// Runs the deserializer and downcasts its output.
    pub fn output(&self) -> GetTranscriptOutput {
        match self.parse() {
            Ok(output) => output
                .downcast::<GetTranscriptOutput>()
                .expect("the output of GetTranscript"),
            Err(e) => panic!("the SDK could not parse the response: {e:?}"),
        }
    }
}

//! The awso demo, on the Amazon Connect Participant Service: a GetTranscript exchange (the
//! request built from a typed input, a canned response parsed into the typed output, shown
//! as a `Value` tree, JSON and XML and read back), GetAttachment errors decoded — one the
//! operation models, one it does not — and then one call through the generated client to a
//! server this demo starts on 127.0.0.1 (no network, no AWS credentials: the participant's
//! token travels in `X-Amz-Bearer`, nothing is signed).

mod loopback;

use awso_connectparticipant::{
    BlockingClient, GetAttachment, GetAttachmentError, GetTranscript, GetTranscriptRequest,
    GetTranscriptResponse, ScanDirection, SortKey, StartPosition,
};
use awso_core::protocol::{self, Endpoint, ResponseError};
use awso_core::{AwsError, json, xml};

/// A GetTranscript response body as the service sends it (our own sample data).
const TRANSCRIPT: &str = include_str!("../../fixtures/get_transcript.json");

type Failure = Box<dyn std::error::Error>;

fn main() -> Result<(), Failure> {
    let endpoint = Endpoint::parse("https://participant.connect.us-west-2.amazonaws.com")?;
    transcript(&endpoint)?;
    errors()?;
    client_call()?;
    Ok(())
}

/// GetTranscript through the blocking client, fluent: the input's builder, then `send()`.
fn client_call() -> Result<(), Failure> {
    let server = loopback::Server::start(TRANSCRIPT)?;
    let config = awso_client::client::Config::builder()
        .region("us-west-2")
        .endpoint_url(server.url())
        .http_client(loopback::Transport)
        .build();
    let client = BlockingClient::from_config(config)?;
    let output = client
        .get_transcript()
        .contact_id("6ba0e8c1-2f3d-4c52-9f3a-0e4d2b1c7a10")
        .max_results(5)
        .connection_token("QVFJREFIZ2NvbnRhY3QtdG9rZW4tZXhhbXBsZQ==")
        .send()?;
    let request = server.request()?;
    println!(
        "== Through the client: {} {} (bearer token sent: {}, signed: {})",
        request.method,
        request.path,
        request.header("x-amz-bearer").is_some(),
        request.header("authorization").is_some(),
    );
    println!(
        "{} items, the first message: {:?}",
        output.transcript.as_deref().unwrap_or_default().len(),
        output
            .transcript
            .iter()
            .flatten()
            .find_map(|item| item.content.as_deref()),
    );
    // A required member left unset fails before anything is sent.
    let missing = client.get_transcript().max_results(5).send().unwrap_err();
    println!("without the token: {missing}");
    Ok(())
}

fn transcript(endpoint: &Endpoint) -> Result<(), Failure> {
    // The builder refuses to finish without the required `ConnectionToken`.
    let input = GetTranscriptRequest::builder()
        .contact_id("6ba0e8c1-2f3d-4c52-9f3a-0e4d2b1c7a10")
        .max_results(5)
        .scan_direction(ScanDirection::Backward)
        .sort_order(SortKey::Ascending)
        .start_position(StartPosition::builder().most_recent(5).build())
        .connection_token("QVFJREFIZ2NvbnRhY3QtdG9rZW4tZXhhbXBsZQ==")
        .build()?;
    let request = protocol::request::<GetTranscript>(&input, endpoint)?;
    println!(
        "== GetTranscript request\n{} {}",
        request.method(),
        request.uri()
    );
    for (name, value) in request.headers() {
        println!("{name}: {}", value.to_str()?);
    }
    println!("\n{}\n", String::from_utf8_lossy(request.body()));

    let response = http::Response::builder()
        .status(200)
        .header("Content-Type", "application/json")
        .header("x-amzn-RequestId", "9d1f2a44-7c1e-4a55-b1d0-3f5e6a7b8c9d")
        .body(TRANSCRIPT.as_bytes().to_vec())?;
    let output = protocol::response::<GetTranscript, _>(&response)?;
    let items = output.transcript.as_deref().unwrap_or_default();
    println!(
        "== GetTranscript response: {} items, next token {:?}\n",
        items.len(),
        output.next_token
    );

    let value = awso_core::to_value(&output)?;
    println!("== Value tree\n{value}\n");
    let json_text = json::to_string(&output)?;
    println!("== JSON\n{json_text}\n");
    let xml_text = xml::to_string(&output)?;
    println!("== XML\n{xml_text}\n");

    let from_json: GetTranscriptResponse = json::from_str(&json_text)?;
    let from_xml: GetTranscriptResponse = xml::from_str(&xml_text)?;
    let from_value: GetTranscriptResponse = awso_core::from_value(&value)?;
    println!(
        "== decoded back: JSON {}, XML {}, Value {}\n",
        verdict(from_json == output),
        verdict(from_xml == output),
        verdict(from_value == output),
    );
    Ok(())
}

fn errors() -> Result<(), Failure> {
    let throttled = http::Response::builder()
        .status(429)
        .header(
            "X-Amzn-ErrorType",
            "ThrottlingException:http://internal.amazon.com/coral/",
        )
        .header("x-amzn-RequestId", "0c3e7b52-1f2a-4d6c-9e8b-7a6f5e4d3c2b")
        .body(br#"{"Message":"Rate exceeded for this participant"}"#.to_vec())?;
    match protocol::response::<GetAttachment, _>(&throttled) {
        Err(ResponseError::Service { error, .. }) => {
            println!("== GetAttachment error (modeled)\n{error:?}\n{error}\n");
            println!("as JSON: {}\n", error.to_json()?);
        }
        other => println!("unexpected: {other:?}"),
    }

    let conflict = http::Response::builder()
        .status(409)
        .header("x-amzn-RequestId", "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716")
        .body(br#"{"__type":"com.amazonaws.connectparticipant#ConflictException","Message":"Attachment upload already completed"}"#.to_vec())?;
    match protocol::response::<GetAttachment, _>(&conflict) {
        Err(ResponseError::Service {
            error: GetAttachmentError::Unknown(unknown),
            ..
        }) => {
            println!("== GetAttachment error (not modeled by GetAttachment)\n{unknown}");
            println!(
                "kept: code {:?}, message {:?}, status {:?}, request id {:?}, {} body bytes",
                unknown.code(),
                unknown.message(),
                unknown.status(),
                unknown.request_id(),
                unknown.body().len()
            );
        }
        other => println!("unexpected: {other:?}"),
    }
    Ok(())
}

fn verdict(equal: bool) -> &'static str {
    if equal { "equal" } else { "DIFFERENT" }
}

//! The service's secrets never reach `Debug` output: tokens in responses (at any depth), in
//! requests, and the `X-Amz-Bearer` header built from them.

use awso_connectparticipant::*;
use awso_core::protocol::{self, Endpoint, Operation, RequestOptions, build_request};

const SECRET: &str = "c2VjcmV0LWNvbm5lY3Rpb24tdG9rZW4";

/// `value` printed both ways.
fn printed(value: &impl std::fmt::Debug) -> [String; 2] {
    [format!("{value:?}"), format!("{value:#?}")]
}

fn assert_hidden(value: &impl std::fmt::Debug, secret: &str) {
    for text in printed(value) {
        assert!(!text.contains(secret), "{secret} printed in {text}");
        assert!(text.contains(awso_core::redact::REDACTED), "{text}");
    }
}

#[test]
fn a_parsed_connection_prints_no_token() {
    let body = include_str!("../fixtures/create_participant_connection.json");
    let output = protocol::response::<CreateParticipantConnection, _>(
        &http::Response::builder()
            .status(200)
            .body(body.as_bytes().to_vec())
            .unwrap(),
    )
    .unwrap();
    let token = output
        .connection_credentials
        .as_ref()
        .and_then(|c| c.connection_token.clone())
        .expect("the fixture has a connection token");
    assert_hidden(&output, &token);
    // What is not secret still prints.
    let [plain, _] = printed(&output);
    assert!(plain.contains("wss://"), "{plain}");
}

#[test]
fn an_attendee_join_token_is_hidden_inside_the_webrtc_connection() {
    let output = CreateParticipantConnectionResponse {
        web_rtc_connection: Some(WebRTCConnection {
            attendee: Some(Attendee {
                attendee_id: Some("attendee-1".into()),
                join_token: Some(SECRET.into()),
            }),
            meeting: None,
        }),
        ..Default::default()
    };
    assert_hidden(&output, SECRET);
    assert!(format!("{output:?}").contains("attendee-1"));
}

#[test]
fn view_content_and_actions_are_hidden() {
    let view = DescribeViewResponse {
        view: Some(View {
            name: Some("SECRET-NAME".into()),
            content: Some(ViewContent {
                input_schema: Some("SECRET-SCHEMA".into()),
                template: Some("SECRET-TEMPLATE".into()),
                actions: Some(vec!["SECRET-ACTION".into()]),
            }),
            ..Default::default()
        }),
    };
    for secret in [
        "SECRET-NAME",
        "SECRET-SCHEMA",
        "SECRET-TEMPLATE",
        "SECRET-ACTION",
    ] {
        assert_hidden(&view, secret);
    }
}

#[test]
fn request_tokens_are_hidden_and_their_header_is_sensitive() {
    let input = CreateParticipantConnectionRequest {
        r#type: Some(vec![ConnectionType::Websocket]),
        participant_token: SECRET.into(),
        connect_participant: None,
    };
    assert_hidden(&input, SECRET);
    let endpoint = Endpoint::parse("https://participant.connect.us-west-2.amazonaws.com").unwrap();
    let request = build_request(
        CreateParticipantConnection::SERVICE,
        CreateParticipantConnection::SCHEMA,
        &input,
        &endpoint,
        &RequestOptions::default(),
    )
    .unwrap();
    let bearer = &request.headers()["x-amz-bearer"];
    assert_eq!(bearer, SECRET, "the value is sent as it is");
    assert!(bearer.is_sensitive());
    assert!(!request.headers()["content-type"].is_sensitive());
    assert!(!format!("{request:?}").contains(SECRET));
}

//! Every operation of the service: the exact HTTP request each input becomes, responses
//! parsed from realistic bodies, and every modeled error plus an unknown one through the
//! restJson1 error rules.

use awso_connectparticipant::*;
use awso_core::protocol::{
    self, Endpoint, Operation, RequestOptions, ResponseError, build_request,
};
use awso_core::{AwsError, AwsShape, Value, json};

const TOKEN: &str = "QVFJREFIZ2NvbnRhY3QtdG9rZW4tZXhhbXBsZQ==";

fn endpoint() -> Endpoint {
    Endpoint::parse("https://participant.connect.us-west-2.amazonaws.com").unwrap()
}

/// Builds `input`'s request with a fixed idempotency token.
fn request<O: Operation>(input: &O::Input) -> http::Request<Vec<u8>> {
    let options = RequestOptions {
        idempotency_token: || "11111111-2222-4333-8444-555555555555".to_owned(),
        ..RequestOptions::default()
    };
    build_request(O::SERVICE, O::SCHEMA, input, &endpoint(), &options).unwrap()
}

/// Checks method, path and query, the bearer header, content headers and the exact body.
fn assert_request(request: &http::Request<Vec<u8>>, method: &str, path: &str, body: &str) {
    assert_eq!(request.method(), method);
    assert_eq!(request.uri().path_and_query().unwrap().as_str(), path);
    assert_eq!(
        request.uri().host(),
        Some("participant.connect.us-west-2.amazonaws.com")
    );
    assert_eq!(request.headers()["x-amz-bearer"], TOKEN);
    assert_eq!(std::str::from_utf8(request.body()).unwrap(), body);
    if body.is_empty() {
        assert!(request.headers().get("content-type").is_none());
        assert!(request.headers().get("content-length").is_none());
    } else {
        assert_eq!(request.headers()["content-type"], "application/json");
        assert_eq!(request.headers()["content-length"], body.len().to_string());
    }
}

#[test]
fn every_operation_builds_the_request_the_service_expects() {
    let r = request::<CancelParticipantAuthentication>(&CancelParticipantAuthenticationRequest {
        session_id: "sess-7".into(),
        connection_token: TOKEN.into(),
    });
    assert_request(
        &r,
        "POST",
        "/participant/cancel-authentication",
        r#"{"SessionId":"sess-7"}"#,
    );

    let r = request::<CompleteAttachmentUpload>(&CompleteAttachmentUploadRequest {
        attachment_ids: vec!["att-1".into(), "att-2".into()],
        client_token: None,
        connection_token: TOKEN.into(),
    });
    assert_request(
        &r,
        "POST",
        "/participant/complete-attachment-upload",
        r#"{"AttachmentIds":["att-1","att-2"],"ClientToken":"11111111-2222-4333-8444-555555555555"}"#,
    );

    let r = request::<CreateParticipantConnection>(&CreateParticipantConnectionRequest {
        r#type: Some(vec![
            ConnectionType::Websocket,
            ConnectionType::ConnectionCredentials,
        ]),
        participant_token: TOKEN.into(),
        connect_participant: Some(true),
    });
    assert_request(
        &r,
        "POST",
        "/participant/connection",
        r#"{"Type":["WEBSOCKET","CONNECTION_CREDENTIALS"],"ConnectParticipant":true}"#,
    );

    // The view token is a URI label: percent-encoded, and out of the (empty) body.
    let r = request::<DescribeView>(&DescribeViewRequest {
        view_token: "vt/9+a b".into(),
        connection_token: TOKEN.into(),
    });
    assert_request(&r, "GET", "/participant/views/vt%2F9%2Ba%20b", "");

    let r = request::<DisconnectParticipant>(&DisconnectParticipantRequest {
        client_token: Some("given-token".into()),
        connection_token: TOKEN.into(),
    });
    assert_request(
        &r,
        "POST",
        "/participant/disconnect",
        r#"{"ClientToken":"given-token"}"#,
    );

    let r = request::<GetAttachment>(&GetAttachmentRequest {
        attachment_id: "att-5c2e9d71".into(),
        connection_token: TOKEN.into(),
        url_expiry_in_seconds: Some(300),
    });
    assert_request(
        &r,
        "POST",
        "/participant/attachment",
        r#"{"AttachmentId":"att-5c2e9d71","UrlExpiryInSeconds":300}"#,
    );

    let r = request::<GetAuthenticationUrl>(&GetAuthenticationUrlRequest {
        session_id: "sess-7".into(),
        redirect_uri: "https://example.com/back?x=1".into(),
        connection_token: TOKEN.into(),
    });
    assert_request(
        &r,
        "POST",
        "/participant/authentication-url",
        r#"{"SessionId":"sess-7","RedirectUri":"https://example.com/back?x=1"}"#,
    );

    let r = request::<GetTranscript>(&GetTranscriptRequest {
        contact_id: Some("c-1".into()),
        max_results: Some(15),
        next_token: Some("eyJ9".into()),
        scan_direction: Some(ScanDirection::Forward),
        sort_order: Some(SortKey::Descending),
        start_position: Some(StartPosition {
            id: Some("item-1".into()),
            absolute_time: None,
            most_recent: None,
        }),
        connection_token: TOKEN.into(),
    });
    assert_request(
        &r,
        "POST",
        "/participant/transcript",
        r#"{"ContactId":"c-1","MaxResults":15,"NextToken":"eyJ9","ScanDirection":"FORWARD","SortOrder":"DESCENDING","StartPosition":{"Id":"item-1"}}"#,
    );

    let r = request::<SendEvent>(&SendEventRequest {
        content_type: "application/vnd.amazonaws.connect.event.typing".into(),
        content: None,
        client_token: None,
        connection_token: TOKEN.into(),
    });
    assert_request(
        &r,
        "POST",
        "/participant/event",
        r#"{"ContentType":"application/vnd.amazonaws.connect.event.typing","ClientToken":"11111111-2222-4333-8444-555555555555"}"#,
    );

    let r = request::<SendMessage>(&SendMessageRequest {
        content_type: "text/plain".into(),
        content: "Thanks! \"Quoted\" \\ tab\t 日本".into(),
        client_token: Some("msg-1".into()),
        connection_token: TOKEN.into(),
    });
    assert_request(
        &r,
        "POST",
        "/participant/message",
        r#"{"ContentType":"text/plain","Content":"Thanks! \"Quoted\" \\ tab\t 日本","ClientToken":"msg-1"}"#,
    );

    let r = request::<StartAttachmentUpload>(&StartAttachmentUploadRequest {
        content_type: "application/pdf".into(),
        attachment_size_in_bytes: 184_320,
        attachment_name: "receipt-4417.pdf".into(),
        client_token: None,
        connection_token: TOKEN.into(),
    });
    assert_request(
        &r,
        "POST",
        "/participant/start-attachment-upload",
        r#"{"ContentType":"application/pdf","AttachmentSizeInBytes":184320,"AttachmentName":"receipt-4417.pdf","ClientToken":"11111111-2222-4333-8444-555555555555"}"#,
    );
}

fn ok(body: &str) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .header("Content-Type", "application/json")
        .body(body.as_bytes().to_vec())
        .unwrap()
}

#[test]
fn a_transcript_with_messages_events_attachments_and_receipts() {
    let output = protocol::response::<GetTranscript, _>(&ok(include_str!(
        "../fixtures/get_transcript.json"
    )))
    .unwrap();
    let items = output.transcript.unwrap();
    assert_eq!(items.len(), 5);
    assert_eq!(items[0].r#type, Some(ChatItemType::Event));
    assert_eq!(items[0].participant_role, Some(ParticipantRole::Customer));
    assert!(
        items[1]
            .content
            .as_deref()
            .unwrap()
            .contains("cracked screen 😞 — can")
    );
    let receipt = &items[1]
        .message_metadata
        .as_ref()
        .unwrap()
        .receipts
        .as_ref()
        .unwrap()[0];
    assert_eq!(
        receipt.read_timestamp.as_deref(),
        Some("2026-11-28T19:58:14.002Z")
    );
    let attachment = &items[2].attachments.as_ref().unwrap()[0];
    assert_eq!(attachment.status, Some(ArtifactStatus::Approved));
    assert_eq!(
        attachment.attachment_name.as_deref(),
        Some("receipt-4417.pdf")
    );
    assert_eq!(
        items[3]
            .message_metadata
            .as_ref()
            .unwrap()
            .message_processing_status,
        Some(MessageProcessingStatus::Processing)
    );
    assert_eq!(
        items[3].related_contact_id.as_deref(),
        Some("0a1b2c3d-9999-4eee-8fff-000000000003")
    );
    assert_eq!(items[4].r#type, Some(ChatItemType::MessageRead));
    assert_eq!(output.next_token.as_deref(), Some("eyJvZmZzZXQiOjV9"));
}

#[test]
fn a_connection_with_websocket_and_credentials() {
    let output = protocol::response::<CreateParticipantConnection, _>(&ok(include_str!(
        "../fixtures/create_participant_connection.json"
    )))
    .unwrap();
    let websocket = output.websocket.unwrap();
    assert!(websocket.url.unwrap().starts_with("wss://"));
    assert_eq!(
        websocket.connection_expiry.as_deref(),
        Some("2026-11-29T19:58:00.000Z")
    );
    assert_eq!(
        output
            .connection_credentials
            .unwrap()
            .connection_token
            .as_deref(),
        Some(TOKEN)
    );
    assert!(output.web_rtc_connection.is_none());
}

#[test]
fn a_view_with_its_content_and_an_upload_with_signed_headers() {
    let output =
        protocol::response::<DescribeView, _>(&ok(include_str!("../fixtures/describe_view.json")))
            .unwrap();
    let view = output.view.unwrap();
    assert_eq!(view.version, Some(3));
    let content = view.content.unwrap();
    assert_eq!(content.actions.unwrap(), ["Submit", "Cancel"]);
    assert!(content.template.unwrap().contains("\"Title\":\"Address\""));

    let output = protocol::response::<StartAttachmentUpload, _>(&ok(include_str!(
        "../fixtures/start_attachment_upload.json"
    )))
    .unwrap();
    let headers = output.upload_metadata.unwrap().headers_to_include.unwrap();
    // The map keeps the service's order.
    let keys: Vec<&str> = headers.keys().map(String::as_str).collect();
    assert_eq!(keys, ["x-amz-meta-contact_id", "Content-Type"]);
}

#[test]
fn outputs_of_the_remaining_operations() {
    let output = protocol::response::<GetAttachment, _>(&ok(r#"{"Url":"https://s3/x","UrlExpiry":"2026-11-28T20:15:00.000Z","AttachmentSizeInBytes":184320}"#)).unwrap();
    assert_eq!(output.attachment_size_in_bytes, 184_320);
    let output = protocol::response::<GetAuthenticationUrl, _>(&ok(
        r#"{"AuthenticationUrl":"https://auth/x"}"#,
    ))
    .unwrap();
    assert_eq!(output.authentication_url.as_deref(), Some("https://auth/x"));
    let output = protocol::response::<SendMessage, _>(&ok(r#"{"Id":"m-1","AbsoluteTime":"2026-11-28T20:00:00.000Z","MessageMetadata":{"MessageProcessingStatus":"FAILED"}}"#)).unwrap();
    assert_eq!(
        output.message_metadata.unwrap().message_processing_status,
        Some(MessageProcessingStatus::Failed)
    );
    let output = protocol::response::<SendEvent, _>(&ok(
        r#"{"Id":"e-1","AbsoluteTime":"2026-11-28T20:00:01.000Z"}"#,
    ))
    .unwrap();
    assert_eq!(output.id.as_deref(), Some("e-1"));
    for body in ["{}", ""] {
        protocol::response::<DisconnectParticipant, _>(&ok(body)).unwrap();
        protocol::response::<CompleteAttachmentUpload, _>(&ok(body)).unwrap();
        protocol::response::<CancelParticipantAuthentication, _>(&ok(body)).unwrap();
    }
}

fn error_response(status: u16, header: Option<&str>, body: &str) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder()
        .status(status)
        .header("x-amzn-RequestId", "req-42");
    if let Some(code) = header {
        builder = builder.header("X-Amzn-ErrorType", code);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

/// Each modeled error of StartAttachmentUpload, found by header, `__type` and `code`, with
/// namespaces and URI suffixes.
#[test]
fn every_modeled_error_through_every_code_source() {
    let errors = [
        ("AccessDeniedException", 403),
        ("InternalServerException", 500),
        ("ThrottlingException", 429),
        ("ValidationException", 400),
        ("ServiceQuotaExceededException", 402),
    ];
    for (code, status) in errors {
        let message = format!("{code} happened");
        let cases = [
            error_response(
                status,
                Some(&format!(
                    "{code}:http://internal.amazon.com/coral/com.amazon.coral.validate/"
                )),
                &format!(r#"{{"Message":"{message}"}}"#),
            ),
            error_response(
                status,
                None,
                &format!(
                    r#"{{"__type":"com.amazonaws.connectparticipant#{code}","Message":"{message}"}}"#
                ),
            ),
            error_response(
                status,
                None,
                &format!(r#"{{"code":"aws.connect#{code}:http://x/","Message":"{message}"}}"#),
            ),
        ];
        for response in cases {
            let err = protocol::response::<StartAttachmentUpload, _>(&response).unwrap_err();
            // Every error, modeled or not, carries the answer's status and request id.
            assert_eq!((err.status(), err.request_id()), (status, Some("req-42")));
            assert_eq!(
                (err.code(), err.message()),
                (Some(code), Some(message.as_str()))
            );
            let ResponseError::Service { error, .. } = err else {
                panic!("{err:?}")
            };
            assert_eq!(error.code(), code);
            assert_eq!(error.message(), Some(message.as_str()));
            assert!(error.as_unknown().is_none(), "{code}: {error:?}");
        }
    }
    // ConflictException is modeled for CompleteAttachmentUpload and SendEvent only.
    let response = error_response(
        409,
        Some("ConflictException"),
        r#"{"Message":"done already"}"#,
    );
    let err = protocol::response::<SendEvent, _>(&response).unwrap_err();
    assert!(
        matches!(err.service_error(), Some(SendEventError::ConflictException(e)) if e.message == "done already")
    );
    let err = protocol::response::<GetTranscript, _>(&response).unwrap_err();
    let unknown = err.service_error().and_then(AwsError::as_unknown).unwrap();
    assert_eq!(
        (unknown.code(), unknown.status(), unknown.request_id()),
        ("ConflictException", Some(409), Some("req-42"))
    );

    // ResourceNotFoundException (DescribeView only) carries extra members.
    let response = error_response(
        404,
        None,
        r#"{"__type":"ResourceNotFoundException","Message":"no view","ResourceId":"view-1","ResourceType":"CONTACT_FLOW"}"#,
    );
    let err = protocol::response::<DescribeView, _>(&response).unwrap_err();
    let Some(DescribeViewError::ResourceNotFoundException(e)) = err.service_error() else {
        panic!("{err:?}")
    };
    assert_eq!(e.resource_type, Some(ResourceType::ContactFlow));
}

#[test]
fn an_unknown_error_keeps_everything() {
    let body = r#"{"__type":"com.amazonaws.connectparticipant#FutureException","message":"new"}"#;
    let err = protocol::response::<SendMessage, _>(&error_response(418, None, body)).unwrap_err();
    let unknown = err.service_error().and_then(AwsError::as_unknown).unwrap();
    assert_eq!(unknown.code(), "FutureException");
    assert_eq!(unknown.message(), Some("new"));
    assert_eq!(unknown.status(), Some(418));
    assert_eq!(unknown.request_id(), Some("req-42"));
    assert_eq!(unknown.body(), body.as_bytes());
}

/// awso (OCaml) writes the header-bound connection token into the JSON body, and its
/// `of_json` then cannot read that output back. Here the token travels only in the header,
/// and the request reads back as the same input.
#[test]
fn the_header_bound_token_never_enters_the_body_and_the_request_reads_back() {
    let input = SendMessageRequest {
        content_type: "text/plain".into(),
        content: "hello".into(),
        client_token: Some("c-1".into()),
        connection_token: TOKEN.into(),
    };
    let request = request::<SendMessage>(&input);
    let body = std::str::from_utf8(request.body()).unwrap();
    assert!(
        !body.contains("ConnectionToken") && !body.contains(TOKEN),
        "{body}"
    );
    assert_eq!(request.headers()["x-amz-bearer"], TOKEN);

    // Read it back as the service would: the body without bound members, plus the header.
    let mut de = json::JsonDeserializer::from_slice(request.body()).unwrap();
    let root = awso_core::Member::root(SendMessageRequest::SCHEMA);
    let mut read: SendMessageRequest =
        awso_core::protocol::read_body_members(&mut de, &root).unwrap();
    assert_eq!(
        read.connection_token, "",
        "the body does not carry the token"
    );
    read.connection_token = request.headers()["x-amz-bearer"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(read, input);

    // The Value tree keeps it as a member like any other (a Value is protocol-independent).
    let value = awso_core::to_value(&input).unwrap();
    assert_eq!(
        value.get("ConnectionToken").and_then(Value::as_str),
        Some(TOKEN)
    );
    assert_eq!(
        awso_core::from_value::<SendMessageRequest>(&value).unwrap(),
        input
    );
}

//! GetTranscript through awso-client's call path, against a server this test starts on
//! 127.0.0.1: the connection token travels in `X-Amz-Bearer`, the operation is not signed —
//! by hand through `BlockingClient::call`, and through the crate's generated client, fluent.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

use awso_client::client::{BlockingClient, Config, ServiceSpec};
use awso_client::sign::AuthScheme;
use awso_connectparticipant::{GetTranscript, GetTranscriptRequest};

/// The participant service's operations carry their token themselves (`authtype: none`).
static SPEC: ServiceSpec = ServiceSpec::new("participant.connect", AuthScheme::NoAuth);

/// Answers one request with a transcript and returns the request's head and body.
fn serve_once(listener: TcpListener) -> std::thread::JoinHandle<(String, Vec<u8>)> {
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut data = Vec::new();
        let mut buf = [0_u8; 4096];
        // Head, then the announced body; bounded by the read timeout and the sizes.
        let head_end = loop {
            if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
                break at + 4;
            }
            let n = stream.read(&mut buf).unwrap();
            assert!(n > 0 && data.len() < 65_536, "request head incomplete");
            data.extend_from_slice(&buf[..n]);
        };
        let head = String::from_utf8_lossy(&data[..head_end]).to_lowercase();
        let length: usize = head
            .lines()
            .find_map(|line| line.strip_prefix("content-length:"))
            .map_or(0, |v| v.trim().parse().unwrap());
        while data.len() < head_end + length {
            let n = stream.read(&mut buf).unwrap();
            assert!(n > 0, "request body incomplete");
            data.extend_from_slice(&buf[..n]);
        }
        let body = r#"{"InitialContactId":"c-1","Transcript":[{"Id":"m-1","Content":"hello <&> ünïcode","ContentType":"text/plain"}]}"#.as_bytes();
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        stream.write_all(answer.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        (head, data[head_end..].to_vec())
    })
}

#[test]
fn get_transcript_through_the_blocking_client() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = serve_once(listener);
    let client = BlockingClient::new(
        Config::builder()
            .region("us-east-1")
            .endpoint_url(url)
            .build(),
    )
    .unwrap();
    let input = GetTranscriptRequest {
        contact_id: Some("c-1".to_owned()),
        max_results: Some(10),
        next_token: None,
        scan_direction: None,
        sort_order: None,
        start_position: None,
        connection_token: "connection-token".to_owned(),
    };
    let output = client.call::<GetTranscript>(&SPEC, &input).unwrap();
    assert_eq!(output.initial_contact_id.as_deref(), Some("c-1"));
    let transcript = output.transcript.unwrap();
    assert_eq!(transcript[0].content.as_deref(), Some("hello <&> ünïcode"));

    assert_unsigned_transcript_request(server);
}

#[test]
fn get_transcript_through_the_generated_client_needs_no_credentials() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = serve_once(listener);
    // No credentials provider at all: the generated spec of this service does not sign.
    let config = Config::builder()
        .region("us-east-1")
        .endpoint_url(url)
        .build();
    let client = awso_connectparticipant::BlockingClient::from_config(config).unwrap();
    let output = client
        .get_transcript()
        .contact_id("c-1")
        .max_results(10)
        .connection_token("connection-token")
        .send()
        .unwrap();
    assert_eq!(output.initial_contact_id.as_deref(), Some("c-1"));
    assert_unsigned_transcript_request(server);
}

/// The request the server saw: GetTranscript's path and body, the token as the bearer
/// header, no signature.
fn assert_unsigned_transcript_request(server: std::thread::JoinHandle<(String, Vec<u8>)>) {
    let (head, body) = server.join().unwrap();
    assert!(
        head.starts_with("post /participant/transcript http/1.1\r\n"),
        "{head}"
    );
    assert!(
        head.contains("\r\nx-amz-bearer: connection-token\r\n"),
        "{head}"
    );
    assert!(!head.contains("\r\nauthorization:"), "not signed: {head}");
    assert_eq!(body, br#"{"ContactId":"c-1","MaxResults":10}"#);
}

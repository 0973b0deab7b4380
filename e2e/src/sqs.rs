//! SQS (awsJson1_0, query-compatible) through the generated `sqs::Client`: a queue,
//! messages whose bodies and attributes carry unicode and XML-special characters, receive
//! (bodies, attributes and MD5s checked), delete, and a missing queue: a typed error, with
//! the wire code on the call.

use awso_core::Blob;
use awso_core::types::IndexMap;
use awso_samples::sqs::{
    Client, GetQueueUrlError, MessageAttributeValue, ReceiveMessageRequest, SendMessageRequest,
};

use crate::check::{Check, ensure, ensure_eq, expect_error, md5_hex};
use crate::report::Service;

/// Bodies that break a codec that forgets to escape or to count bytes instead of chars.
const BODIES: [&str; 3] = [
    "plain ascii",
    "ünïcödé ✓ 日本語 😀",
    "<tag attr=\"x\">&amp; 'quotes' & <![CDATA[ ]]></tag>",
];

pub async fn run(client: &awso_client::client::Client, mut s: Service<'_>) -> (u32, u32, u32) {
    let client = &Client::new(client.clone());
    let queue = s
        .step("create queue", async {
            let out = client
                .create_queue()
                .queue_name("awso-e2e-queue")
                .send()
                .await?;
            let url = out.queue_url.ok_or("no QueueUrl")?;
            ensure(url.ends_with("/awso-e2e-queue"), || {
                format!("queue URL {url}")
            })?;
            Check::Ok(url)
        })
        .await;
    let Some(queue) = queue else {
        return s.finish();
    };
    for (n, body) in BODIES.iter().enumerate() {
        s.step(&format!("send message {n}"), send(client, &queue, body))
            .await;
    }
    let received = s
        .step("receive messages", receive_all(client, &queue))
        .await;
    if let Some(handles) = received {
        s.step("delete messages", async {
            for handle in handles {
                client
                    .delete_message()
                    .queue_url(queue.as_str())
                    .receipt_handle(handle)
                    .send()
                    .await?;
            }
            Check::Ok(())
        })
        .await;
    }
    s.step("a missing queue is QueueDoesNotExist", async {
        let result = client
            .get_queue_url()
            .queue_name("awso-e2e-no-such-queue")
            .send()
            .await;
        // moto sends `x-amzn-query-error: AWS.SimpleQueueService.NonExistentQueue;Sender`.
        // The call reports that wire code, as botocore's `Error.Code` and the SDK's error
        // metadata do; the typed value is the modeled error it names (botocore's
        // `QueryErrorCode`, which picks its exception class), whose own code is its shape's.
        let call_code = result
            .as_ref()
            .err()
            .and_then(|e| e.code().map(str::to_owned));
        expect_error(result, 400, "QueueDoesNotExist", |e| {
            matches!(e, GetQueueUrlError::QueueDoesNotExist(_))
        })?;
        ensure_eq(
            "the call's code",
            call_code.as_deref(),
            Some("AWS.SimpleQueueService.NonExistentQueue"),
        )
    })
    .await;
    s.step("delete queue", async {
        client
            .delete_queue()
            .queue_url(queue.as_str())
            .send()
            .await?;
        Check::Ok(())
    })
    .await;
    s.finish()
}

fn attributes(body: &str) -> IndexMap<String, MessageAttributeValue> {
    let text = MessageAttributeValue {
        string_value: Some(format!("attr of {body}")),
        binary_value: None,
        string_list_values: None,
        binary_list_values: None,
        data_type: "String".to_owned(),
    };
    let number = MessageAttributeValue {
        string_value: Some("-12.5".to_owned()),
        data_type: "Number".to_owned(),
        ..text.clone()
    };
    let binary = MessageAttributeValue {
        string_value: None,
        binary_value: Some(Blob::new(vec![0, 1, 2, 0xfe, 0xff])),
        data_type: "Binary".to_owned(),
        ..text.clone()
    };
    IndexMap::from_iter([
        ("Text".to_owned(), text),
        ("Number".to_owned(), number),
        ("Bytes".to_owned(), binary),
    ])
}

async fn send(client: &Client, queue: &str, body: &str) -> Check<()> {
    let input = SendMessageRequest {
        queue_url: queue.to_owned(),
        message_body: body.to_owned(),
        delay_seconds: None,
        message_attributes: Some(attributes(body)),
        message_system_attributes: None,
        message_deduplication_id: None,
        message_group_id: None,
    };
    let out = client.send_message_with(&input).await?;
    ensure(out.message_id.is_some(), || "no MessageId".to_owned())?;
    ensure_eq(
        "MD5OfMessageBody",
        out.md5_of_message_body.as_deref(),
        Some(md5_hex(body.as_bytes()).as_str()),
    )
}

/// Receives until every body sent came back (bounded: ten receives), checking each message's
/// body, attributes and MD5; the receipt handles, to delete them.
async fn receive_all(client: &Client, queue: &str) -> Check<Vec<String>> {
    let input = ReceiveMessageRequest {
        queue_url: queue.to_owned(),
        attribute_names: None,
        message_system_attribute_names: None,
        message_attribute_names: Some(vec!["All".to_owned()]),
        max_number_of_messages: Some(10),
        visibility_timeout: None,
        wait_time_seconds: Some(0),
        receive_request_attempt_id: None,
    };
    let mut handles = Vec::new();
    let mut seen = Vec::new();
    for _ in 0..10 {
        let out = client.receive_message_with(&input).await?;
        for message in out.messages.unwrap_or_default() {
            let body = message.body.clone().ok_or("a message without a body")?;
            ensure(BODIES.contains(&body.as_str()), || {
                format!("unexpected body {body:?}")
            })?;
            ensure_eq(
                "MD5OfBody",
                message.md5_of_body.as_deref(),
                Some(md5_hex(body.as_bytes()).as_str()),
            )?;
            let got = message.message_attributes.unwrap_or_default();
            ensure_eq("message attributes", Some(&got), Some(&attributes(&body)))?;
            handles.push(message.receipt_handle.ok_or("no ReceiptHandle")?);
            seen.push(body);
        }
        if seen.len() >= BODIES.len() {
            break;
        }
    }
    seen.sort();
    let mut want: Vec<String> = BODIES.iter().map(|b| (*b).to_owned()).collect();
    want.sort();
    ensure_eq("bodies received", Some(&seen), Some(&want))?;
    Check::Ok(handles)
}

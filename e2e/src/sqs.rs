//! SQS (awsJson1_0): a queue, messages whose bodies and attributes carry unicode and
//! XML-special characters, receive (bodies, attributes and MD5s checked), delete.

use awso_client::client::Client;
use awso_core::Blob;
use awso_core::types::IndexMap;
use awso_samples::sqs::{
    CreateQueue, CreateQueueRequest, DeleteMessage, DeleteMessageRequest, DeleteQueue,
    DeleteQueueRequest, GetQueueUrl, GetQueueUrlError, GetQueueUrlRequest, MessageAttributeValue,
    ReceiveMessage, ReceiveMessageRequest, SendMessage, SendMessageRequest,
};

use crate::check::{Check, ensure, ensure_eq, expect_error, md5_hex};
use crate::report::Service;

/// Bodies that break a codec that forgets to escape or to count bytes instead of chars.
const BODIES: [&str; 3] = [
    "plain ascii",
    "ünïcödé ✓ 日本語 😀",
    "<tag attr=\"x\">&amp; 'quotes' & <![CDATA[ ]]></tag>",
];

pub async fn run(client: &Client, mut s: Service<'_>) -> (u32, u32, u32) {
    let spec = crate::spec("sqs", "v4");
    let create = CreateQueueRequest {
        queue_name: "awso-e2e-queue".to_owned(),
        attributes: None,
        tags: None,
    };
    let queue = s
        .step("create queue", async {
            let out = client.call::<CreateQueue>(&spec, &create).await?;
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
        s.step(
            &format!("send message {n}"),
            send(client, &spec, &queue, body),
        )
        .await;
    }
    let received = s
        .step("receive messages", receive_all(client, &spec, &queue))
        .await;
    if let Some(handles) = received {
        s.step("delete messages", async {
            for handle in handles {
                let input = DeleteMessageRequest {
                    queue_url: queue.clone(),
                    receipt_handle: handle,
                };
                client.call::<DeleteMessage>(&spec, &input).await?;
            }
            Check::Ok(())
        })
        .await;
    }
    s.step("a missing queue is QueueDoesNotExist", async {
        let input = GetQueueUrlRequest {
            queue_name: "awso-e2e-no-such-queue".to_owned(),
            queue_owner_aws_account_id: None,
        };
        let result = client.call::<GetQueueUrl>(&spec, &input).await;
        // moto sends `x-amzn-query-error: AWS.SimpleQueueService.NonExistentQueue;Sender`,
        // which picks the modeled error; its code is the shape's (botocore reports the
        // header's code instead).
        expect_error(result, 400, "QueueDoesNotExist", |e| {
            matches!(e, GetQueueUrlError::QueueDoesNotExist(_))
        })
    })
    .await;
    s.step("delete queue", async {
        let input = DeleteQueueRequest {
            queue_url: queue.clone(),
        };
        client.call::<DeleteQueue>(&spec, &input).await?;
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

async fn send(
    client: &Client,
    spec: &awso_client::client::ServiceSpec,
    queue: &str,
    body: &str,
) -> Check<()> {
    let input = SendMessageRequest {
        queue_url: queue.to_owned(),
        message_body: body.to_owned(),
        delay_seconds: None,
        message_attributes: Some(attributes(body)),
        message_system_attributes: None,
        message_deduplication_id: None,
        message_group_id: None,
    };
    let out = client.call::<SendMessage>(spec, &input).await?;
    ensure(out.message_id.is_some(), || "no MessageId".to_owned())?;
    ensure_eq(
        "MD5OfMessageBody",
        out.md5_of_message_body.as_deref(),
        Some(md5_hex(body.as_bytes()).as_str()),
    )
}

/// Receives until every body sent came back (bounded: ten receives), checking each message's
/// body, attributes and MD5; the receipt handles, to delete them.
async fn receive_all(
    client: &Client,
    spec: &awso_client::client::ServiceSpec,
    queue: &str,
) -> Check<Vec<String>> {
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
        let out = client.call::<ReceiveMessage>(spec, &input).await?;
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

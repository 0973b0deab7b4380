//! SNS (awsQuery): a topic with attributes, found in ListTopics, a publish with unicode,
//! XML-special characters and message attributes, the topic deleted.

use awso_client::client::Client;
use awso_samples::sns::{
    CreateTopic, CreateTopicInput, DeleteTopic, DeleteTopicInput, ListTopics, ListTopicsInput,
    Publish, PublishError, PublishInput,
};
use serde_json::json;

use crate::check::{Check, ensure, expect_error, input};
use crate::report::Service;

pub async fn run(client: &Client, mut s: Service<'_>) -> (u32, u32, u32) {
    let spec = crate::spec("sns", "v4");
    let topic = s
        .step("create topic", async {
            let input: CreateTopicInput = input(&json!({
                "Name": "awso-e2e-topic",
                "Attributes": {"DisplayName": "awso e2e <&> ✓"}
            }))?;
            let out = client.call::<CreateTopic>(&spec, &input).await?;
            let arn = out.topic_arn.ok_or("no TopicArn")?;
            ensure(arn.ends_with(":awso-e2e-topic"), || {
                format!("TopicArn {arn}")
            })?;
            Check::Ok(arn)
        })
        .await;
    let Some(topic) = topic else {
        return s.finish();
    };
    s.step("list topics", async {
        let out = client
            .call::<ListTopics>(&spec, &ListTopicsInput { next_token: None })
            .await?;
        let arns: Vec<String> = out
            .topics
            .unwrap_or_default()
            .into_iter()
            .filter_map(|t| t.topic_arn)
            .collect();
        ensure(arns.contains(&topic), || format!("{topic} not in {arns:?}"))
    })
    .await;
    s.step("publish", async {
        let input: PublishInput = input(&json!({
            "TopicArn": topic,
            "Subject": "awso e2e",
            "Message": "ünïcode ✓ <tag> & \"quotes\" 😀",
            "MessageAttributes": {
                "kind": {"DataType": "String", "StringValue": "a <value> & more"},
                "count": {"DataType": "Number", "StringValue": "3"}
            }
        }))?;
        let out = client.call::<Publish>(&spec, &input).await?;
        ensure(out.message_id.is_some_and(|id| !id.is_empty()), || {
            "no MessageId".to_owned()
        })
    })
    .await;
    s.step("publish to a missing topic is NotFound", async {
        let missing = format!(
            "arn:aws:sns:{}:{}:awso-e2e-no-such-topic",
            crate::REGION,
            crate::ACCOUNT
        );
        let input: PublishInput = input(&json!({"TopicArn": missing, "Message": "lost"}))?;
        let result = client.call::<Publish>(&spec, &input).await;
        expect_error(result, 404, "NotFound", |e| {
            matches!(e, PublishError::NotFoundException(_))
        })
    })
    .await;
    s.step("delete topic", async {
        let input = DeleteTopicInput {
            topic_arn: topic.clone(),
        };
        client.call::<DeleteTopic>(&spec, &input).await?;
        Check::Ok(())
    })
    .await;
    s.finish()
}

//! The user-build crate on the official SDK: the same 40 operations over 8 services as
//! `../awso/src/main.rs`, one after the other, against the endpoint in `AWS_ENDPOINT_URL`
//! (a local moto server, say). `run.sh` builds it; running it is optional.

use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType,
};
use aws_sdk_ec2::types::{Filter, InstanceType};
use aws_sdk_kinesis::types::ShardIteratorType;
use aws_sdk_sqs::types::QueueAttributeName;

#[path = "../../common.rs"]
mod common;
use common::{BUCKET, Failure, KEY, STREAM, TABLE, report};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Failure> {
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .load()
        .await;
    s3(&aws_sdk_s3::Client::new(&config)).await;
    dynamodb(&aws_sdk_dynamodb::Client::new(&config)).await?;
    sqs(&aws_sdk_sqs::Client::new(&config)).await;
    sts(&aws_sdk_sts::Client::new(&config)).await;
    sns(&aws_sdk_sns::Client::new(&config)).await;
    lambda(&aws_sdk_lambda::Client::new(&config)).await;
    kinesis(&aws_sdk_kinesis::Client::new(&config)).await;
    ec2(&aws_sdk_ec2::Client::new(&config)).await;
    Ok(())
}

async fn s3(client: &aws_sdk_s3::Client) {
    report(
        "s3 CreateBucket",
        client.create_bucket().bucket(BUCKET).send().await,
    );
    let body = aws_sdk_s3::primitives::ByteStream::from_static(b"hello");
    let put = client.put_object().bucket(BUCKET).key(KEY).body(body);
    report("s3 PutObject", put.send().await);
    if let Some(object) = report(
        "s3 GetObject",
        client.get_object().bucket(BUCKET).key(KEY).send().await,
    ) {
        report(
            "s3 GetObject body",
            object.body.collect().await.map(|b| b.into_bytes().len()),
        );
    }
    report(
        "s3 HeadObject",
        client.head_object().bucket(BUCKET).key(KEY).send().await,
    );
    report(
        "s3 ListObjectsV2",
        client.list_objects_v2().bucket(BUCKET).send().await,
    );
    report(
        "s3 DeleteObject",
        client.delete_object().bucket(BUCKET).key(KEY).send().await,
    );
}

async fn dynamodb(client: &aws_sdk_dynamodb::Client) -> Result<(), Failure> {
    let key = || AttributeValue::S("order-1".into());
    let create = client
        .create_table()
        .table_name(TABLE)
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("pk")
                .attribute_type(ScalarAttributeType::S)
                .build()?,
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("pk")
                .key_type(KeyType::Hash)
                .build()?,
        )
        .billing_mode(BillingMode::PayPerRequest);
    report("dynamodb CreateTable", create.send().await);
    let put = client
        .put_item()
        .table_name(TABLE)
        .item("pk", key())
        .item("total", AttributeValue::N("12.50".into()));
    report("dynamodb PutItem", put.send().await);
    report(
        "dynamodb GetItem",
        client
            .get_item()
            .table_name(TABLE)
            .key("pk", key())
            .send()
            .await,
    );
    let query = client
        .query()
        .table_name(TABLE)
        .key_condition_expression("pk = :pk")
        .expression_attribute_values(":pk", key());
    report("dynamodb Query", query.send().await);
    report(
        "dynamodb Scan",
        client.scan().table_name(TABLE).send().await,
    );
    report(
        "dynamodb DeleteItem",
        client
            .delete_item()
            .table_name(TABLE)
            .key("pk", key())
            .send()
            .await,
    );
    Ok(())
}

async fn sqs(client: &aws_sdk_sqs::Client) {
    let created = report(
        "sqs CreateQueue",
        client.create_queue().queue_name("jobs").send().await,
    );
    let url = created.and_then(|c| c.queue_url).unwrap_or_default();
    let send = client
        .send_message()
        .queue_url(&url)
        .message_body("déjà <vu> & \"quoted\"");
    report("sqs SendMessage", send.send().await);
    let receive = client
        .receive_message()
        .queue_url(&url)
        .max_number_of_messages(1);
    let handle = report("sqs ReceiveMessage", receive.send().await)
        .and_then(|r| r.messages?.into_iter().next()?.receipt_handle)
        .unwrap_or_default();
    let delete = client
        .delete_message()
        .queue_url(&url)
        .receipt_handle(handle);
    report("sqs DeleteMessage", delete.send().await);
    let attributes = client
        .get_queue_attributes()
        .queue_url(&url)
        .attribute_names(QueueAttributeName::All);
    report("sqs GetQueueAttributes", attributes.send().await);
}

async fn sts(client: &aws_sdk_sts::Client) {
    report(
        "sts GetCallerIdentity",
        client.get_caller_identity().send().await,
    );
    let assume = client
        .assume_role()
        .role_arn("arn:aws:iam::123456789012:role/reader")
        .role_session_name("user-build");
    report("sts AssumeRole", assume.send().await);
}

async fn sns(client: &aws_sdk_sns::Client) {
    let created = report(
        "sns CreateTopic",
        client.create_topic().name("alerts").send().await,
    );
    let arn = created.and_then(|c| c.topic_arn).unwrap_or_default();
    report(
        "sns Publish",
        client
            .publish()
            .topic_arn(&arn)
            .message("disk full")
            .send()
            .await,
    );
    let subscribe = client
        .subscribe()
        .topic_arn(&arn)
        .protocol("sqs")
        .endpoint("arn:aws:sqs:us-east-1:123456789012:jobs");
    report("sns Subscribe", subscribe.send().await);
    report("sns ListTopics", client.list_topics().send().await);
}

async fn lambda(client: &aws_sdk_lambda::Client) {
    report("lambda ListFunctions", client.list_functions().send().await);
    report(
        "lambda GetFunction",
        client.get_function().function_name("resize").send().await,
    );
    let payload = aws_sdk_lambda::primitives::Blob::new(br#"{"width":64}"#.to_vec());
    report(
        "lambda Invoke",
        client
            .invoke()
            .function_name("resize")
            .payload(payload)
            .send()
            .await,
    );
    report(
        "lambda DeleteFunction",
        client
            .delete_function()
            .function_name("resize")
            .send()
            .await,
    );
}

async fn kinesis(client: &aws_sdk_kinesis::Client) {
    report(
        "kinesis CreateStream",
        client
            .create_stream()
            .stream_name(STREAM)
            .shard_count(1)
            .send()
            .await,
    );
    let data = aws_sdk_kinesis::primitives::Blob::new(b"event-1".to_vec());
    let put = client
        .put_record()
        .stream_name(STREAM)
        .data(data)
        .partition_key("k");
    report("kinesis PutRecord", put.send().await);
    let iterator = client
        .get_shard_iterator()
        .stream_name(STREAM)
        .shard_id("shardId-000000000000")
        .shard_iterator_type(ShardIteratorType::TrimHorizon);
    let iterator = report("kinesis GetShardIterator", iterator.send().await)
        .and_then(|i| i.shard_iterator)
        .unwrap_or_default();
    report(
        "kinesis GetRecords",
        client.get_records().shard_iterator(iterator).send().await,
    );
    report("kinesis ListStreams", client.list_streams().send().await);
    report(
        "kinesis DescribeStream",
        client.describe_stream().stream_name(STREAM).send().await,
    );
}

async fn ec2(client: &aws_sdk_ec2::Client) {
    let vpc = report(
        "ec2 CreateVpc",
        client.create_vpc().cidr_block("10.0.0.0/16").send().await,
    );
    let vpc_id = vpc.and_then(|v| v.vpc?.vpc_id).unwrap_or_default();
    let cidr = Filter::builder().name("cidr").values("10.0.0.0/16").build();
    report(
        "ec2 DescribeVpcs",
        client.describe_vpcs().filters(cidr).send().await,
    );
    let subnet = client
        .create_subnet()
        .vpc_id(&vpc_id)
        .cidr_block("10.0.1.0/24");
    report("ec2 CreateSubnet", subnet.send().await);
    report(
        "ec2 DescribeSubnets",
        client.describe_subnets().send().await,
    );
    let run = client
        .run_instances()
        .image_id("ami-12345678")
        .instance_type(InstanceType::T2Micro)
        .min_count(1)
        .max_count(1);
    let instance = report("ec2 RunInstances", run.send().await)
        .and_then(|r| r.instances?.into_iter().next()?.instance_id)
        .unwrap_or_default();
    report(
        "ec2 DescribeInstances",
        client.describe_instances().send().await,
    );
    report(
        "ec2 TerminateInstances",
        client
            .terminate_instances()
            .instance_ids(instance)
            .send()
            .await,
    );
}

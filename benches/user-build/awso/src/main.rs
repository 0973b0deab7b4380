//! The user-build crate on awso: the same 40 operations over 8 services as
//! `../sdk/src/main.rs`, one after the other, against the endpoint in `AWS_ENDPOINT_URL`
//! (a local moto server, say). The service modules are what `awso-codegen <service> --client`
//! writes (`run.sh gen` puts them in `src/generated/`); `run.sh` builds this crate; running
//! it is optional.

// Generated code: whole services, of which this program calls a few operations.
#[path = "generated/dynamodb.rs"]
#[allow(warnings, clippy::all, clippy::pedantic)]
mod dynamodb;
#[path = "generated/ec2.rs"]
#[allow(warnings, clippy::all, clippy::pedantic)]
mod ec2;
#[path = "generated/kinesis.rs"]
#[allow(warnings, clippy::all, clippy::pedantic)]
mod kinesis;
#[path = "generated/lambda.rs"]
#[allow(warnings, clippy::all, clippy::pedantic)]
mod lambda;
#[path = "generated/s3.rs"]
#[allow(warnings, clippy::all, clippy::pedantic)]
mod s3;
#[path = "generated/sns.rs"]
#[allow(warnings, clippy::all, clippy::pedantic)]
mod sns;
#[path = "generated/sqs.rs"]
#[allow(warnings, clippy::all, clippy::pedantic)]
mod sqs;
#[path = "generated/sts.rs"]
#[allow(warnings, clippy::all, clippy::pedantic)]
mod sts;

use awso_client::client::{Client, Config};

#[path = "../../common.rs"]
mod common;
use common::{BUCKET, Failure, KEY, STREAM, TABLE, report};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Failure> {
    let client = Client::new(Config::from_env()?.build());
    s3(&s3::Client::new(client.clone())).await?;
    dynamodb(&dynamodb::Client::new(client.clone())).await?;
    sqs(&sqs::Client::new(client.clone())).await?;
    sts(&sts::Client::new(client.clone())).await?;
    sns(&sns::Client::new(client.clone())).await?;
    lambda(&lambda::Client::new(client.clone())).await?;
    kinesis(&kinesis::Client::new(client.clone())).await?;
    ec2(&ec2::Client::new(client)).await?;
    Ok(())
}

async fn s3(client: &s3::Client) -> Result<(), Failure> {
    let bucket = s3::CreateBucketRequest::builder().bucket(BUCKET).build()?;
    report("s3 CreateBucket", client.create_bucket_with(&bucket).await);
    let put = s3::PutObjectRequest::builder()
        .bucket(BUCKET)
        .key(KEY)
        .body("hello")
        .build()?;
    report("s3 PutObject", client.put_object_with(&put).await);
    let get = s3::GetObjectRequest::builder()
        .bucket(BUCKET)
        .key(KEY)
        .build()?;
    if let Some(object) = report("s3 GetObject", client.get_object_with(&get).await) {
        let length = object.body.map_or(0, |b| b.as_ref().len());
        report("s3 GetObject body", Ok::<_, Failure>(length));
    }
    let head = s3::HeadObjectRequest::builder()
        .bucket(BUCKET)
        .key(KEY)
        .build()?;
    report("s3 HeadObject", client.head_object_with(&head).await);
    let list = s3::ListObjectsV2Request::builder().bucket(BUCKET).build()?;
    report("s3 ListObjectsV2", client.list_objects_v2_with(&list).await);
    let delete = s3::DeleteObjectRequest::builder()
        .bucket(BUCKET)
        .key(KEY)
        .build()?;
    report("s3 DeleteObject", client.delete_object_with(&delete).await);
    Ok(())
}

async fn dynamodb(client: &dynamodb::Client) -> Result<(), Failure> {
    use dynamodb::{AttributeValue, BillingMode, KeyType, ScalarAttributeType};
    let key = || {
        [(
            "pk".to_owned(),
            AttributeValue::builder().s("order-1").build(),
        )]
    };
    let create = dynamodb::CreateTableInput::builder()
        .table_name(TABLE)
        .attribute_definitions(vec![
            dynamodb::AttributeDefinition::builder()
                .attribute_name("pk")
                .attribute_type(ScalarAttributeType::S)
                .build()?,
        ])
        .key_schema(vec![
            dynamodb::KeySchemaElement::builder()
                .attribute_name("pk")
                .key_type(KeyType::Hash)
                .build()?,
        ])
        .billing_mode(BillingMode::PayPerRequest)
        .build()?;
    report("dynamodb CreateTable", client.create_table_with(&create).await);
    let mut item: Vec<_> = key().into();
    item.push((
        "total".to_owned(),
        AttributeValue::builder().n("12.50").build(),
    ));
    let put = dynamodb::PutItemInput::builder()
        .table_name(TABLE)
        .item(
            item.into_iter()
                .collect::<awso_core::types::IndexMap<_, _>>(),
        )
        .build()?;
    report("dynamodb PutItem", client.put_item_with(&put).await);
    let get = dynamodb::GetItemInput::builder()
        .table_name(TABLE)
        .key(
            key()
                .into_iter()
                .collect::<awso_core::types::IndexMap<_, _>>(),
        )
        .build()?;
    report("dynamodb GetItem", client.get_item_with(&get).await);
    let values = [(
        ":pk".to_owned(),
        AttributeValue::builder().s("order-1").build(),
    )];
    let query = dynamodb::QueryInput::builder()
        .table_name(TABLE)
        .key_condition_expression("pk = :pk")
        .expression_attribute_values(
            values
                .into_iter()
                .collect::<awso_core::types::IndexMap<_, _>>(),
        )
        .build()?;
    report("dynamodb Query", client.query_with(&query).await);
    let scan = dynamodb::ScanInput::builder().table_name(TABLE).build()?;
    report("dynamodb Scan", client.scan_with(&scan).await);
    let delete = dynamodb::DeleteItemInput::builder()
        .table_name(TABLE)
        .key(
            key()
                .into_iter()
                .collect::<awso_core::types::IndexMap<_, _>>(),
        )
        .build()?;
    report("dynamodb DeleteItem", client.delete_item_with(&delete).await);
    Ok(())
}

async fn sqs(client: &sqs::Client) -> Result<(), Failure> {
    let create = sqs::CreateQueueRequest::builder()
        .queue_name("jobs")
        .build()?;
    let created = report("sqs CreateQueue", client.create_queue_with(&create).await);
    let url = created.and_then(|c| c.queue_url).unwrap_or_default();
    let send = sqs::SendMessageRequest::builder()
        .queue_url(url.as_str())
        .message_body("déjà <vu> & \"quoted\"")
        .build()?;
    report("sqs SendMessage", client.send_message_with(&send).await);
    let receive = sqs::ReceiveMessageRequest::builder()
        .queue_url(url.as_str())
        .max_number_of_messages(1)
        .build()?;
    let handle = report("sqs ReceiveMessage", client.receive_message_with(&receive).await)
        .and_then(|r| r.messages?.into_iter().next()?.receipt_handle)
        .unwrap_or_default();
    let delete = sqs::DeleteMessageRequest::builder()
        .queue_url(url.as_str())
        .receipt_handle(handle)
        .build()?;
    report("sqs DeleteMessage", client.delete_message_with(&delete).await);
    let attributes = sqs::GetQueueAttributesRequest::builder()
        .queue_url(url.as_str())
        .attribute_names(vec![sqs::QueueAttributeName::All])
        .build()?;
    report(
        "sqs GetQueueAttributes",
        client.get_queue_attributes_with(&attributes).await,
    );
    Ok(())
}

async fn sts(client: &sts::Client) -> Result<(), Failure> {
    let identity = sts::GetCallerIdentityRequest::builder().build();
    report(
        "sts GetCallerIdentity",
        client.get_caller_identity_with(&identity).await,
    );
    let assume = sts::AssumeRoleRequest::builder()
        .role_arn("arn:aws:iam::123456789012:role/reader")
        .role_session_name("user-build")
        .build()?;
    report("sts AssumeRole", client.assume_role_with(&assume).await);
    Ok(())
}

async fn sns(client: &sns::Client) -> Result<(), Failure> {
    let create = sns::CreateTopicInput::builder().name("alerts").build()?;
    let created = report("sns CreateTopic", client.create_topic_with(&create).await);
    let arn = created.and_then(|c| c.topic_arn).unwrap_or_default();
    let publish = sns::PublishInput::builder()
        .topic_arn(arn.as_str())
        .message("disk full")
        .build()?;
    report("sns Publish", client.publish_with(&publish).await);
    let subscribe = sns::SubscribeInput::builder()
        .topic_arn(arn.as_str())
        .protocol("sqs")
        .endpoint("arn:aws:sqs:us-east-1:123456789012:jobs")
        .build()?;
    report("sns Subscribe", client.subscribe_with(&subscribe).await);
    let list = sns::ListTopicsInput::builder().build();
    report("sns ListTopics", client.list_topics_with(&list).await);
    Ok(())
}

async fn lambda(client: &lambda::Client) -> Result<(), Failure> {
    let list = lambda::ListFunctionsRequest::builder().build();
    report("lambda ListFunctions", client.list_functions_with(&list).await);
    let get = lambda::GetFunctionRequest::builder()
        .function_name("resize")
        .build()?;
    report("lambda GetFunction", client.get_function_with(&get).await);
    let invoke = lambda::InvocationRequest::builder()
        .function_name("resize")
        .payload(br#"{"width":64}"#.to_vec())
        .build()?;
    report("lambda Invoke", client.invoke_with(&invoke).await);
    let delete = lambda::DeleteFunctionRequest::builder()
        .function_name("resize")
        .build()?;
    report(
        "lambda DeleteFunction",
        client.delete_function_with(&delete).await,
    );
    Ok(())
}

async fn kinesis(client: &kinesis::Client) -> Result<(), Failure> {
    let create = kinesis::CreateStreamInput::builder()
        .stream_name(STREAM)
        .shard_count(1)
        .build()?;
    report("kinesis CreateStream", client.create_stream_with(&create).await);
    let put = kinesis::PutRecordInput::builder()
        .stream_name(STREAM)
        .data(b"event-1".to_vec())
        .partition_key("k")
        .build()?;
    report("kinesis PutRecord", client.put_record_with(&put).await);
    let iterator = kinesis::GetShardIteratorInput::builder()
        .stream_name(STREAM)
        .shard_id("shardId-000000000000")
        .shard_iterator_type(kinesis::ShardIteratorType::TrimHorizon)
        .build()?;
    let iterator = report(
        "kinesis GetShardIterator",
        client.get_shard_iterator_with(&iterator).await,
    )
    .and_then(|i| i.shard_iterator)
    .unwrap_or_default();
    let records = kinesis::GetRecordsInput::builder()
        .shard_iterator(iterator)
        .build()?;
    report("kinesis GetRecords", client.get_records_with(&records).await);
    let list = kinesis::ListStreamsInput::builder().build();
    report("kinesis ListStreams", client.list_streams_with(&list).await);
    let describe = kinesis::DescribeStreamInput::builder()
        .stream_name(STREAM)
        .build();
    report(
        "kinesis DescribeStream",
        client.describe_stream_with(&describe).await,
    );
    Ok(())
}

async fn ec2(client: &ec2::Client) -> Result<(), Failure> {
    let create = ec2::CreateVpcRequest::builder()
        .cidr_block("10.0.0.0/16")
        .build();
    let vpc = report("ec2 CreateVpc", client.create_vpc_with(&create).await);
    let vpc_id = vpc.and_then(|v| v.vpc?.vpc_id).unwrap_or_default();
    let cidr = ec2::Filter::builder()
        .name("cidr")
        .values(vec!["10.0.0.0/16".to_owned()])
        .build();
    let describe = ec2::DescribeVpcsRequest::builder()
        .filters(vec![cidr])
        .build();
    report("ec2 DescribeVpcs", client.describe_vpcs_with(&describe).await);
    let subnet = ec2::CreateSubnetRequest::builder()
        .vpc_id(vpc_id)
        .cidr_block("10.0.1.0/24")
        .build()?;
    report("ec2 CreateSubnet", client.create_subnet_with(&subnet).await);
    let subnets = ec2::DescribeSubnetsRequest::builder().build();
    report(
        "ec2 DescribeSubnets",
        client.describe_subnets_with(&subnets).await,
    );
    let run = ec2::RunInstancesRequest::builder()
        .image_id("ami-12345678")
        .instance_type(ec2::InstanceType::from("t2.micro"))
        .min_count(1)
        .max_count(1)
        .build()?;
    let instance = report("ec2 RunInstances", client.run_instances_with(&run).await)
        .and_then(|r| r.instances?.into_iter().next()?.instance_id)
        .unwrap_or_default();
    let instances = ec2::DescribeInstancesRequest::builder().build();
    report(
        "ec2 DescribeInstances",
        client.describe_instances_with(&instances).await,
    );
    let terminate = ec2::TerminateInstancesRequest::builder()
        .instance_ids(vec![instance])
        .build()?;
    report(
        "ec2 TerminateInstances",
        client.terminate_instances_with(&terminate).await,
    );
    Ok(())
}

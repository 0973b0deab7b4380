//! DynamoDB (awsJson1_0): a table (waited for by a bounded poll until the waiters land),
//! an item of every attribute type read back equal, a query with expression values, a scan
//! paginated by hand with `LastEvaluatedKey`.

use std::time::Duration;

use awso_client::client::{Client, ServiceSpec};
use awso_core::types::IndexMap;
use awso_samples::dynamodb::{
    AttributeValue, CreateTable, CreateTableInput, DeleteTable, DeleteTableInput, DescribeTable,
    DescribeTableInput, GetItem, GetItemInput, PutItem, PutItemError, PutItemInput, Query,
    QueryInput, Scan, ScanInput, TableStatus,
};
use serde_json::json;

use crate::check::{Check, ensure, ensure_eq, expect_error, input};
use crate::report::Service;

const TABLE: &str = "awso-e2e-table";
/// Items in the partition; the scan reads them `PAGE` at a time.
const ITEMS: usize = 23;
const PAGE: i32 = 5;

type Item = IndexMap<String, AttributeValue>;

pub async fn run(client: &Client, mut s: Service<'_>) -> (u32, u32, u32) {
    let spec = crate::spec("dynamodb", "v4");
    let created = s.step("create table", create_table(client, &spec)).await;
    if created.is_none() {
        return s.finish();
    }
    if s.step("wait for table-exists", wait_active(client, &spec))
        .await
        .is_none()
    {
        return s.finish();
    }
    s.step("put and get every attribute type", async {
        let item = every_type();
        put(client, &spec, item.clone()).await?;
        let get = GetItemInput {
            key: item_key(0),
            consistent_read: Some(true),
            ..input(&json!({"TableName": TABLE, "Key": {}}))?
        };
        let got = client.call::<GetItem>(&spec, &get).await?.item;
        ensure_eq(
            "item read back",
            got.map(normalised),
            Some(normalised(item)),
        )
    })
    .await;
    s.step("put more items", async {
        for n in 1..ITEMS {
            let mut item = item_key(n);
            item.insert("text".to_owned(), string(&format!("item {n} ✓ <&>")));
            put(client, &spec, item).await?;
        }
        Check::Ok(())
    })
    .await;
    s.step(
        "a failed condition is ConditionalCheckFailedException",
        async {
            let put = PutItemInput {
                item: item_key(0),
                condition_expression: Some("attribute_not_exists(pk)".to_owned()),
                ..input(&json!({"TableName": TABLE, "Item": {}}))?
            };
            let result = client.call::<PutItem>(&spec, &put).await;
            expect_error(result, 400, "ConditionalCheckFailedException", |e| {
                matches!(e, PutItemError::ConditionalCheckFailedException(_))
            })
        },
    )
    .await;
    s.step("query with expression values", query(client, &spec))
        .await;
    s.step("scan paginated by hand", scan_pages(client, &spec))
        .await;
    s.step("delete table", async {
        let input = DeleteTableInput {
            table_name: TABLE.to_owned(),
        };
        client.call::<DeleteTable>(&spec, &input).await?;
        Check::Ok(())
    })
    .await;
    s.finish()
}

async fn create_table(client: &Client, spec: &ServiceSpec) -> Check<()> {
    let input: CreateTableInput = input(&json!({
        "TableName": TABLE,
        "AttributeDefinitions": [
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "N"}
        ],
        "KeySchema": [
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"}
        ],
        "BillingMode": "PAY_PER_REQUEST"
    }))?;
    let out = client.call::<CreateTable>(spec, &input).await?;
    let name = out.table_description.and_then(|t| t.table_name);
    ensure_eq("TableName", name.as_deref(), Some(TABLE))
}

/// The table-exists waiter's rule (`Table.TableStatus == ACTIVE`), polled at most 40 times.
async fn wait_active(client: &Client, spec: &ServiceSpec) -> Check<u32> {
    let input = DescribeTableInput {
        table_name: TABLE.to_owned(),
    };
    for attempt in 1..=40 {
        let out = client.call::<DescribeTable>(spec, &input).await?;
        if out.table.and_then(|t| t.table_status) == Some(TableStatus::Active) {
            return Ok(attempt);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Err("the table did not become ACTIVE in 40 polls".into())
}

fn string(text: &str) -> AttributeValue {
    AttributeValue {
        s: Some(text.to_owned()),
        ..AttributeValue::default()
    }
}

fn number(text: &str) -> AttributeValue {
    AttributeValue {
        n: Some(text.to_owned()),
        ..AttributeValue::default()
    }
}

fn item_key(n: usize) -> Item {
    IndexMap::from_iter([
        ("pk".to_owned(), string("partition ✓")),
        ("sk".to_owned(), number(&n.to_string())),
    ])
}

/// Item 0: every attribute type DynamoDB has, nested ones included.
fn every_type() -> Item {
    let mut item = item_key(0);
    let blob = |bytes: &[u8]| awso_core::Blob::new(bytes.to_vec());
    let values = [
        ("S", string("ünïcode <&> \"quoted\" \u{1F600}")),
        ("N", number("-12.5")),
        (
            "B",
            AttributeValue {
                b: Some(blob(&[0, 1, 0xfe, 0xff])),
                ..AttributeValue::default()
            },
        ),
        (
            "SS",
            AttributeValue {
                ss: Some(vec!["a".into(), "ß".into()]),
                ..AttributeValue::default()
            },
        ),
        (
            "NS",
            AttributeValue {
                ns: Some(vec!["1".into(), "2.5".into()]),
                ..AttributeValue::default()
            },
        ),
        (
            "BS",
            AttributeValue {
                bs: Some(vec![blob(b"x"), blob(&[0])]),
                ..AttributeValue::default()
            },
        ),
        (
            "BOOL",
            AttributeValue {
                bool: Some(true),
                ..AttributeValue::default()
            },
        ),
        (
            "NULL",
            AttributeValue {
                null: Some(true),
                ..AttributeValue::default()
            },
        ),
        (
            "L",
            AttributeValue {
                l: Some(vec![string("in a list"), number("7")]),
                ..AttributeValue::default()
            },
        ),
        (
            "M",
            AttributeValue {
                m: Some(IndexMap::from_iter([("inner".to_owned(), number("0.001"))])),
                ..AttributeValue::default()
            },
        ),
    ];
    for (name, value) in values {
        item.insert(format!("attr_{name}"), value);
    }
    item
}

/// Sets come back in any order, and maps in any member order: both sorted for comparing.
fn normalised(item: Item) -> Vec<(String, String)> {
    let mut members: Vec<(String, String)> = item
        .into_iter()
        .map(|(name, mut value)| {
            if let Some(set) = value.ss.as_mut().or(value.ns.as_mut()) {
                set.sort();
            }
            if let Some(set) = value.bs.as_mut() {
                set.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
            }
            (name, format!("{value:?}"))
        })
        .collect();
    members.sort();
    members
}

async fn put(client: &Client, spec: &ServiceSpec, item: Item) -> Check<()> {
    let put = input::<PutItemInput>(&json!({"TableName": TABLE, "Item": {}}))?;
    client
        .call::<PutItem>(spec, &PutItemInput { item, ..put })
        .await?;
    Ok(())
}

async fn query(client: &Client, spec: &ServiceSpec) -> Check<()> {
    let input: QueryInput = input(&json!({
        "TableName": TABLE,
        "KeyConditionExpression": "pk = :pk AND sk BETWEEN :lo AND :hi",
        "FilterExpression": "attribute_exists(#t)",
        "ExpressionAttributeNames": {"#t": "text"},
        "ExpressionAttributeValues": {
            ":pk": {"S": "partition ✓"}, ":lo": {"N": "3"}, ":hi": {"N": "8"}
        },
        "ScanIndexForward": false
    }))?;
    let out = client.call::<Query>(spec, &input).await?;
    let keys: Vec<String> = out
        .items
        .unwrap_or_default()
        .iter()
        .filter_map(|item| item.get("sk").and_then(|v| v.n.clone()))
        .collect();
    ensure_eq(
        "sort keys, descending",
        keys,
        ["8", "7", "6", "5", "4", "3"].map(String::from).to_vec(),
    )
}

/// Every item, `PAGE` at a time, following `LastEvaluatedKey` (bounded: twice the pages
/// needed).
async fn scan_pages(client: &Client, spec: &ServiceSpec) -> Check<()> {
    let first: ScanInput = input(&json!({"TableName": TABLE, "Limit": PAGE}))?;
    let mut start = None;
    let mut seen = Vec::new();
    let mut pages = 0;
    for _ in 0..2 * ITEMS.div_ceil(PAGE as usize) + 2 {
        let page = ScanInput {
            exclusive_start_key: start.take(),
            ..first.clone()
        };
        let out = client.call::<Scan>(spec, &page).await?;
        pages += 1;
        let items = out.items.unwrap_or_default();
        ensure(items.len() <= PAGE as usize, || {
            format!("a page of {} items", items.len())
        })?;
        seen.extend(
            items
                .iter()
                .filter_map(|i| i.get("sk").and_then(|v| v.n.clone())),
        );
        start = out.last_evaluated_key;
        if start.is_none() {
            break;
        }
    }
    ensure(start.is_none(), || {
        format!("still a LastEvaluatedKey after {pages} pages")
    })?;
    let mut numbers: Vec<usize> = seen.iter().filter_map(|n| n.parse().ok()).collect();
    numbers.sort_unstable();
    ensure_eq("items scanned", numbers, (0..ITEMS).collect())?;
    ensure(pages >= ITEMS.div_ceil(PAGE as usize), || {
        format!("only {pages} pages")
    })
}

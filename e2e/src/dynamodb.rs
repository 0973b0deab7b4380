//! DynamoDB (awsJson1_0) through the generated `dynamodb::Client`: a table created with a
//! fluent call and waited for by its `TableExists` waiter, an item of every attribute type
//! read back equal, a query with expression values, the Scan paginator as pages and as items
//! (each item seen once), and GetItem plus a page walk on the `BlockingClient` from a thread
//! with no runtime.

use std::time::Duration;

use awso_core::types::IndexMap;
use awso_samples::dynamodb::{
    AttributeDefinition, AttributeValue, BillingMode, BlockingClient, Client, KeySchemaElement,
    KeyType, PutItemError, ScalarAttributeType, ScanInput,
};

use crate::check::{Check, ensure, ensure_eq, expect_error};
use crate::report::Service;

const TABLE: &str = "awso-e2e-table";
/// Items in the partition; the scan reads them `PAGE` at a time.
const ITEMS: usize = 23;
const PAGE: i32 = 5;
/// The `TableExists` waiter polls every 20 s; moto makes a table ACTIVE at once, so one
/// attempt should do, and a minute is room for two more.
const WAIT_LIMIT: Duration = Duration::from_secs(60);

type Item = IndexMap<String, AttributeValue>;

pub async fn run(
    client: &awso_client::client::Client,
    url: &str,
    mut s: Service<'_>,
) -> (u32, u32, u32) {
    let client = Client::new(client.clone());
    if s.step("create table", create_table(&client))
        .await
        .is_none()
    {
        return s.finish();
    }
    if s.step("the table-exists waiter", wait_active(&client))
        .await
        .is_none()
    {
        return s.finish();
    }
    s.step("put and get every attribute type", async {
        let item = every_type();
        put(&client, item.clone()).await?;
        let got = client
            .get_item()
            .table_name(TABLE)
            .key(item_key(0))
            .consistent_read(true)
            .send()
            .await?
            .item;
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
            put(&client, item).await?;
        }
        Check::Ok(())
    })
    .await;
    s.step(
        "a failed condition is ConditionalCheckFailedException",
        async {
            let result = client
                .put_item()
                .table_name(TABLE)
                .item(item_key(0))
                .condition_expression("attribute_not_exists(pk)")
                .send()
                .await;
            expect_error(result, 400, "ConditionalCheckFailedException", |e| {
                matches!(e, PutItemError::ConditionalCheckFailedException(_))
            })
        },
    )
    .await;
    s.step("query with expression values", query(&client)).await;
    s.step("the scan paginator, page by page", scan_pages(&client))
        .await;
    s.step("the scan paginator, item by item", scan_items(&client))
        .await;
    let url = url.to_owned();
    s.step_blocking("get item and scan pages, blocking", || {
        // A thread of its own: the blocking client runs its own runtime, which cannot start
        // inside the scenarios' one.
        std::thread::spawn(move || blocking(&url))
            .join()
            .unwrap_or_else(|_| Err("the blocking thread panicked".into()))
    });
    s.step("delete table", async {
        client.delete_table().table_name(TABLE).send().await?;
        Check::Ok(())
    })
    .await;
    s.finish()
}

async fn create_table(client: &Client) -> Check<()> {
    let attribute = |name: &str, kind| AttributeDefinition {
        attribute_name: name.to_owned(),
        attribute_type: kind,
    };
    let key = |name: &str, kind| KeySchemaElement {
        attribute_name: name.to_owned(),
        key_type: kind,
    };
    let out = client
        .create_table()
        .table_name(TABLE)
        .attribute_definitions(vec![
            attribute("pk", ScalarAttributeType::S),
            attribute("sk", ScalarAttributeType::N),
        ])
        .key_schema(vec![key("pk", KeyType::Hash), key("sk", KeyType::Range)])
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await?;
    let name = out.table_description.and_then(|t| t.table_name);
    ensure_eq("TableName", name.as_deref(), Some(TABLE))
}

/// The generated `TableExists` waiter (success when `Table.TableStatus` is ACTIVE); the
/// answer it ended on must say so.
async fn wait_active(client: &Client) -> Check<u32> {
    let input = awso_samples::dynamodb::DescribeTableInput {
        table_name: TABLE.to_owned(),
    };
    let waited = client
        .wait_until_table_exists(&input, WAIT_LIMIT)
        .await
        .map_err(|e| format!("the waiter: {e}"))?;
    let table = waited.answer?.table.ok_or("no Table in the answer")?;
    ensure_eq(
        "TableStatus",
        table.table_status,
        Some(awso_samples::dynamodb::TableStatus::Active),
    )?;
    Ok(waited.attempts)
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

async fn put(client: &Client, item: Item) -> Check<()> {
    client
        .put_item()
        .table_name(TABLE)
        .item(item)
        .send()
        .await?;
    Ok(())
}

async fn query(client: &Client) -> Check<()> {
    let values = IndexMap::from_iter([
        (":pk".to_owned(), string("partition ✓")),
        (":lo".to_owned(), number("3")),
        (":hi".to_owned(), number("8")),
    ]);
    let out = client
        .query()
        .table_name(TABLE)
        .key_condition_expression("pk = :pk AND sk BETWEEN :lo AND :hi")
        .filter_expression("attribute_exists(#t)")
        .expression_attribute_names(IndexMap::from_iter([("#t".to_owned(), "text".to_owned())]))
        .expression_attribute_values(values)
        .scan_index_forward(false)
        .send()
        .await?;
    ensure_eq(
        "sort keys, descending",
        sort_keys(&out.items.unwrap_or_default()),
        ["8", "7", "6", "5", "4", "3"].map(String::from).to_vec(),
    )
}

fn scan_input() -> Check<ScanInput> {
    let input = ScanInput::builder().table_name(TABLE).limit(PAGE).build();
    input.map_err(|missing| format!("scan input: {missing}").into())
}

fn sort_keys(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .filter_map(|item| item.get("sk").and_then(|v| v.n.clone()))
        .collect()
}

/// Every item of the table, once: the sort keys seen, as numbers, are 0..ITEMS exactly.
fn each_item_once(seen: &[String]) -> Check<()> {
    let mut numbers: Vec<usize> = seen.iter().filter_map(|n| n.parse().ok()).collect();
    ensure_eq("sort keys that are numbers", numbers.len(), seen.len())?;
    numbers.sort_unstable();
    ensure_eq("items scanned", numbers, (0..ITEMS).collect())
}

/// The pages the paginator gives: each at most `PAGE` items, as many pages as the table
/// needs (the last one short, so no empty page after it), every item once.
async fn scan_pages(client: &Client) -> Check<()> {
    let mut pages = client.scan_paginator(scan_input()?);
    let mut seen = Vec::new();
    while let Some(page) = pages.next_page().await {
        let items = page?.items.unwrap_or_default();
        ensure(items.len() <= PAGE as usize, || {
            format!("a page of {} items", items.len())
        })?;
        seen.extend(sort_keys(&items));
    }
    ensure_eq(
        "pages",
        pages.pages() as usize,
        ITEMS.div_ceil(PAGE as usize),
    )?;
    each_item_once(&seen)
}

/// The paginator's items, across the page boundaries.
async fn scan_items(client: &Client) -> Check<()> {
    let mut items = client.scan_paginator(scan_input()?).items();
    let mut seen = Vec::new();
    while let Some(item) = items.next_item().await {
        seen.extend(sort_keys(&[item?]));
    }
    each_item_once(&seen)
}

/// GetItem and a walk of the scan's pages on the blocking client: the item the async client
/// wrote, and every item once.
fn blocking(url: &str) -> Check<()> {
    let config = crate::config(url, crate::test_credentials()).build();
    let client = BlockingClient::from_config(config).map_err(|e| e.to_string())?;
    let got = client
        .get_item()
        .table_name(TABLE)
        .key(item_key(7))
        .consistent_read(true)
        .send()?
        .item
        .ok_or("no item 7")?;
    ensure_eq(
        "item 7's text",
        got.get("text").and_then(|v| v.s.as_deref()),
        Some("item 7 ✓ <&>"),
    )?;
    let mut seen = Vec::new();
    let mut pages = 0;
    for page in client.scan_paginator(scan_input()?) {
        pages += 1;
        seen.extend(sort_keys(&page?.items.unwrap_or_default()));
    }
    ensure_eq("blocking pages", pages, ITEMS.div_ceil(PAGE as usize))?;
    each_item_once(&seen)
}

//! S3 (restXml, path-style through the endpoint override): a bucket; keys with spaces, `+`,
//! unicode and `/`; metadata headers; get with body and headers; head of a missing key as a
//! typed error; DeleteObjects (its required checksum); a larger object up and down; a
//! streamed one (`s3_streaming`). Through the generated `s3::Client` (its endpoint rules
//! make a 127.0.0.1 endpoint path-style): the ListObjectsV2 paginator two keys a page, as
//! pages and as items; the BucketExists, ObjectExists and ObjectNotExists waiters (status
//! acceptors); GetObject's body streamed from a fluent call.

use awso_client::client::{Client, ServiceSpec};
use awso_core::Blob;
use awso_core::types::IndexMap;
use awso_samples::s3::{
    CreateBucket, CreateBucketRequest, Delete, DeleteBucket, DeleteBucketRequest, DeleteObjects,
    DeleteObjectsRequest, GetObject, GetObjectError, GetObjectRequest, HeadBucketRequest,
    HeadObject, HeadObjectError, HeadObjectRequest, ListObjectsV2Request as ListRequest,
    ObjectIdentifier, PutObject, PutObjectRequest,
};
use base64::Engine as _;
use serde_json::json;

use crate::check::{Check, ensure, ensure_eq, expect_error, fail, input, md5_hex};
use crate::report::Service;
use crate::wire::Recording;

const BUCKET: &str = "awso-e2e-bucket";

/// Keys a path encoder gets wrong: a space, `+` (a space in form encoding), unicode,
/// separators, characters SigV4 encodes and S3 does not normalise.
const KEYS: [&str; 5] = [
    "plain.txt",
    "with space and+plus.txt",
    "dir/sub dir/ünïcode 日本.txt",
    "dir/a=b&c;d,e(f)'g'~!*.txt",
    "trailing/",
];

/// The larger object: 5 MiB and a bit, in one PutObject (a buffered body until the streamed
/// one lands).
const LARGE: usize = 5 * 1024 * 1024 + 17;

pub async fn run(client: &Client, wire: &Recording, mut s: Service<'_>) -> (u32, u32, u32) {
    let spec = crate::spec("s3", "s3v4");
    let created = s
        .step("create bucket", async {
            let input: CreateBucketRequest = input(&json!({"Bucket": BUCKET}))?;
            client.call::<CreateBucket>(&spec, &input).await?;
            Check::Ok(())
        })
        .await;
    if created.is_none() {
        return s.finish();
    }
    for key in KEYS {
        s.step(
            &format!("put and get {key:?}"),
            put_and_get(client, &spec, key),
        )
        .await;
    }
    let s3 = awso_samples::s3::Client::new(client.clone());
    s.step(
        "the list-v2 paginator, two keys a page",
        list_all(&s3, KEYS.len()),
    )
    .await;
    s.step("the list-v2 paginator, key by key", list_items(&s3))
        .await;
    s.step(
        "the bucket-exists, object-exists and object-not-exists waiters",
        waiters(&s3),
    )
    .await;
    s.step("get object streamed by a fluent call", get_streamed(&s3))
        .await;
    s.step(
        "head of a missing key is a typed NoSuchKey",
        head_missing(client, &spec),
    )
    .await;
    s.step("get of a missing key is NoSuchKey", async {
        let get: GetObjectRequest = input(&json!({"Bucket": BUCKET, "Key": "no such key"}))?;
        let result = client.call::<GetObject>(&spec, &get).await;
        expect_error(result, 404, "NoSuchKey", |e| {
            matches!(e, GetObjectError::NoSuchKey(_))
        })
    })
    .await;
    s.step("larger object up and down", large(client, &spec))
        .await;
    s.step(
        "streamed upload and download",
        crate::s3_streaming::round_trip(client, BUCKET),
    )
    .await;
    s.step(
        "delete-objects with its checksum",
        delete_all(client, wire, &spec),
    )
    .await;
    s.step("list after delete is empty", list_all(&s3, 0)).await;
    s.step("delete bucket", async {
        let input: DeleteBucketRequest = input(&json!({"Bucket": BUCKET}))?;
        client.call::<DeleteBucket>(&spec, &input).await?;
        Check::Ok(())
    })
    .await;
    s.finish()
}

fn metadata(key: &str) -> IndexMap<String, String> {
    IndexMap::from_iter([
        ("color".to_owned(), "blue".to_owned()),
        ("length-of-key".to_owned(), key.len().to_string()),
    ])
}

fn body_of(key: &str) -> String {
    format!("the body of {key} ✓ <&>\n")
}

async fn put_and_get(client: &Client, spec: &ServiceSpec, key: &str) -> Check<()> {
    let body = body_of(key);
    let put = PutObjectRequest {
        body: Some(Blob::new(body.clone().into_bytes())),
        metadata: Some(metadata(key)),
        ..input(&json!({
            "Bucket": BUCKET,
            "Key": key,
            "ContentType": "text/plain; charset=utf-8",
            "CacheControl": "no-cache"
        }))?
    };
    let etag = md5_hex(body.as_bytes());
    let out = client.call::<PutObject>(spec, &put).await?;
    ensure_eq(
        "PutObject ETag",
        out.e_tag.as_deref(),
        Some(format!("\"{etag}\"").as_str()),
    )?;
    let get: GetObjectRequest = input(&json!({"Bucket": BUCKET, "Key": key}))?;
    let got = client.call::<GetObject>(spec, &get).await?;
    let got_body = got.body.map(Blob::into_inner).unwrap_or_default();
    ensure_eq(
        "body",
        String::from_utf8_lossy(&got_body).as_ref(),
        body.as_str(),
    )?;
    ensure_eq(
        "Content-Length",
        got.content_length,
        Some(body.len() as i64),
    )?;
    ensure_eq(
        "Content-Type",
        got.content_type.as_deref(),
        Some("text/plain; charset=utf-8"),
    )?;
    ensure_eq(
        "Cache-Control",
        got.cache_control.as_deref(),
        Some("no-cache"),
    )?;
    ensure_eq("metadata", got.metadata, Some(metadata(key)))?;
    ensure_eq("GetObject ETag", got.e_tag, out.e_tag)?;
    ensure(got.last_modified.is_some(), || {
        "no Last-Modified".to_owned()
    })
}

fn list_request() -> Check<ListRequest> {
    let request = ListRequest::builder().bucket(BUCKET).max_keys(2).build();
    request.map_err(|missing| format!("list request: {missing}").into())
}

/// The first `expected` keys, sorted: what a listing gives.
fn keys_listed(expected: usize) -> Vec<String> {
    let mut want: Vec<String> = KEYS
        .iter()
        .take(expected)
        .map(|k| (*k).to_owned())
        .collect();
    want.sort();
    want
}

/// Every key through the paginator, two a page: as many pages as that needs (one for an
/// empty bucket), each key once and in order.
async fn list_all(s3: &awso_samples::s3::Client, expected: usize) -> Check<()> {
    let mut pages = s3.list_objects_v2_paginator(list_request()?);
    let mut keys = Vec::new();
    while let Some(page) = pages.next_page().await {
        let contents = page?.contents.unwrap_or_default();
        ensure(contents.len() <= 2, || {
            format!("a page of {} keys", contents.len())
        })?;
        keys.extend(contents.into_iter().filter_map(|object| object.key));
    }
    ensure_eq("keys listed, in order", &keys, &keys_listed(expected))?;
    ensure_eq("pages", pages.pages() as usize, expected.div_ceil(2).max(1))
}

/// The paginator's items: every object across the pages, each once.
async fn list_items(s3: &awso_samples::s3::Client) -> Check<()> {
    let mut items = s3.list_objects_v2_paginator(list_request()?).items();
    let mut keys = Vec::new();
    while let Some(object) = items.next_item().await {
        keys.push(object?.key.ok_or("an object without a key")?);
    }
    ensure_eq("keys listed, in order", keys, keys_listed(KEYS.len()))
}

/// S3's waiters match on status alone: 200 (a success's status, as answered) for the bucket
/// and an object with a unicode, spaced key, 404 for a missing key (the answer the success
/// is, an error).
async fn waiters(s3: &awso_samples::s3::Client) -> Check<()> {
    let limit = std::time::Duration::from_secs(30);
    let bucket = HeadBucketRequest::builder().bucket(BUCKET).build();
    let bucket = bucket.map_err(|missing| format!("head bucket: {missing}"))?;
    let waited = s3.wait_until_bucket_exists(&bucket, limit).await;
    let waited = waited.map_err(|e| format!("bucket exists: {e}"))?;
    ensure_eq("bucket-exists attempts", waited.attempts, 1)?;
    let head = |key: &str| {
        HeadObjectRequest::builder()
            .bucket(BUCKET)
            .key(key)
            .build()
            .map_err(|missing| format!("head object: {missing}"))
    };
    let waited = s3.wait_until_object_exists(&head(KEYS[2])?, limit).await;
    let waited = waited.map_err(|e| format!("object exists: {e}"))?;
    let length = waited.answer?.content_length;
    ensure_eq(
        "object-exists Content-Length",
        length,
        Some(body_of(KEYS[2]).len() as i64),
    )?;
    let waited = s3
        .wait_until_object_not_exists(&head("no such key")?, limit)
        .await;
    let waited = waited.map_err(|e| format!("object not exists: {e}"))?;
    match waited.answer {
        Err(error) => ensure_eq("object-not-exists status", error.status(), Some(404)),
        Ok(out) => fail(format!("the missing key was found: {out:?}")),
    }
}

/// GetObject from the client's fluent call: the output's body is a stream, read to its end.
async fn get_streamed(s3: &awso_samples::s3::Client) -> Check<()> {
    let key = KEYS[1];
    let answer = s3.get_object().bucket(BUCKET).key(key).send().await?;
    ensure(answer.output.body.is_none(), || {
        "the payload was read into the output".to_owned()
    })?;
    let mut body = answer.body;
    let mut read = Vec::new();
    // Bounded by the object: every chunk carries at least one byte.
    while let Some(chunk) = body.next().await {
        read.extend_from_slice(&chunk.map_err(|e| format!("reading the stream: {e}"))?);
    }
    ensure_eq(
        "body",
        String::from_utf8_lossy(&read).as_ref(),
        body_of(key).as_str(),
    )
}

/// A HEAD answer has no body, so nothing names the error but the status: the call gives the
/// operation's one modeled error with that status (`NoSuchKey`, as the SDKs special-case it),
/// and reports the code `404`, as botocore does (awso-client's CUSTOMIZATIONS.md).
async fn head_missing(client: &Client, spec: &ServiceSpec) -> Check<()> {
    let head: HeadObjectRequest = input(&json!({"Bucket": BUCKET, "Key": "no such key"}))?;
    match client.call::<HeadObject>(spec, &head).await {
        Ok(out) => fail(format!("HeadObject of a missing key succeeded: {out:?}")),
        Err(error) => {
            ensure_eq("status", error.status(), Some(404))?;
            ensure(error.request_id().is_some(), || "no request id".to_owned())?;
            ensure_eq("code", error.code(), Some("404"))?;
            ensure_eq("message", error.message(), Some("Not Found"))?;
            match error.service_error() {
                Some(HeadObjectError::NoSuchKey(_)) => Ok(()),
                other => fail(format!("not the typed NoSuchKey: {other:?}")),
            }
        }
    }
}

async fn large(client: &Client, spec: &ServiceSpec) -> Check<()> {
    const KEY: &str = "large/object.bin";
    // Bytes that are not all alike, so a dropped or repeated chunk shows in the MD5.
    let body: Vec<u8> = (0..LARGE).map(|n| (n % 251) as u8).collect();
    let put = PutObjectRequest {
        body: Some(Blob::new(body.clone())),
        ..input(&json!({"Bucket": BUCKET, "Key": KEY}))?
    };
    client.call::<PutObject>(spec, &put).await?;
    let get: GetObjectRequest = input(&json!({"Bucket": BUCKET, "Key": KEY}))?;
    let got = client.call::<GetObject>(spec, &get).await?;
    let got_body = got.body.map(Blob::into_inner).unwrap_or_default();
    ensure_eq("size", got_body.len(), LARGE)?;
    ensure_eq("MD5 of the body", md5_hex(&got_body), md5_hex(&body))
}

/// DeleteObjects requires a checksum of its body: the runtime adds it (the model's
/// `httpChecksum`); moto does not check it, so the request sent is checked here.
async fn delete_all(client: &Client, wire: &Recording, spec: &ServiceSpec) -> Check<()> {
    let mut keys: Vec<&str> = KEYS.to_vec();
    keys.push("large/object.bin");
    let objects = keys.iter().map(|key| ObjectIdentifier {
        key: (*key).to_owned(),
        version_id: None,
        e_tag: None,
        last_modified_time: None,
        size: None,
    });
    let delete = DeleteObjectsRequest {
        delete: Delete {
            objects: objects.collect(),
            quiet: Some(false),
        },
        ..input(&json!({"Bucket": BUCKET, "Delete": {"Object": []}}))?
    };
    let out = client.call::<DeleteObjects>(spec, &delete).await?;
    let sent = wire.last().ok_or("no request recorded")?;
    let crc =
        base64::engine::general_purpose::STANDARD.encode(crc32fast::hash(&sent.body).to_be_bytes());
    ensure_eq(
        "x-amz-checksum-crc32",
        sent.header("x-amz-checksum-crc32"),
        Some(crc.as_str()),
    )?;
    ensure_eq(
        "x-amz-sdk-checksum-algorithm",
        sent.header("x-amz-sdk-checksum-algorithm"),
        Some("CRC32"),
    )?;
    let errors = out.errors.unwrap_or_default();
    ensure(errors.is_empty(), || format!("errors: {errors:?}"))?;
    let mut deleted: Vec<String> = out
        .deleted
        .unwrap_or_default()
        .into_iter()
        .filter_map(|d| d.key)
        .collect();
    deleted.sort();
    let mut want: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
    want.sort();
    ensure_eq("keys deleted", deleted, want)
}

//! An S3 `ListObjectsV2` response (restXml): a bucket listing of `keys` objects, the flat,
//! wide XML shape of S3 (a flattened `<Contents>` list, short elements, `&quot;`-escaped
//! ETags, keys with `&amp;`).
//!
//! Each object has a key under one of a few prefixes, a last-modified time, an ETag (a
//! multipart one on some), a size, a storage class and the owner (as with `fetch-owner`);
//! some carry a checksum algorithm and type, archived ones a restore status. A few common
//! prefixes follow the objects, as S3 writes them for a `/` delimiter. The document is
//! written here from the reference data (not by a codec under test), members in the order
//! S3 sends them. The mirror types are what a hand-written quick-xml client declares.

use std::fmt::Write as _;

use awso_core::AwsEnum as _;
use serde::Deserialize;

use crate::payload::{SplitMix64, timestamp, xml_text};

/// `ListObjectsV2Output`, the members this payload carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListObjectsV2Output {
    /// `Name`.
    pub name: String,
    /// `Prefix`.
    pub prefix: String,
    /// `ContinuationToken`.
    pub continuation_token: String,
    /// `NextContinuationToken`.
    pub next_continuation_token: String,
    /// `KeyCount`.
    pub key_count: i32,
    /// `MaxKeys`.
    pub max_keys: i32,
    /// `Delimiter`.
    pub delimiter: String,
    /// `IsTruncated`.
    pub is_truncated: bool,
    /// `Contents`, flattened: one `<Contents>` element per object.
    #[serde(default)]
    pub contents: Vec<Object>,
    /// `CommonPrefixes`, flattened.
    #[serde(default)]
    pub common_prefixes: Vec<CommonPrefix>,
}

/// `Object`, the members this payload carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Object {
    /// `Key`.
    pub key: String,
    /// `LastModified`, as its text (`2019-11-08T02:41:28.000Z`).
    pub last_modified: String,
    /// `ETag`, with its quotes.
    #[serde(rename = "ETag")]
    pub e_tag: String,
    /// `ChecksumAlgorithm`, flattened (0 or 1 here).
    #[serde(default)]
    pub checksum_algorithm: Vec<String>,
    /// `ChecksumType`.
    pub checksum_type: Option<String>,
    /// `Size`.
    pub size: i64,
    /// `StorageClass`.
    pub storage_class: String,
    /// `Owner`.
    pub owner: Option<Owner>,
    /// `RestoreStatus`.
    pub restore_status: Option<RestoreStatus>,
}

/// `Owner`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Owner {
    /// `DisplayName`.
    #[serde(rename = "DisplayName")]
    pub display_name: Option<String>,
    /// `ID`.
    #[serde(rename = "ID")]
    pub id: String,
}

/// `RestoreStatus`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RestoreStatus {
    /// `IsRestoreInProgress`.
    pub is_restore_in_progress: bool,
    /// `RestoreExpiryDate`, as its text.
    pub restore_expiry_date: Option<String>,
}

/// `CommonPrefix`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CommonPrefix {
    /// `Prefix`.
    pub prefix: String,
}

/// The data and its XML body.
#[derive(Debug, Clone)]
pub struct ListPayload {
    /// The reference data.
    pub output: ListObjectsV2Output,
    /// The XML body as text (both decoders take `&str`).
    pub xml: String,
}

const PREFIXES: &[&str] = &[
    "photos/2019/11/",
    "logs/app/",
    "backups/db & cache/",
    "reports/Q4/",
];
const NAMES: &[&str] = &[
    "IMG_",
    "app.log.",
    "dump-",
    "summary <final> ",
    "café-menü-",
];
const EXTENSIONS: &[&str] = &[".jpg", ".gz", ".tar", ".pdf", ""];
const CLASSES: &[&str] = &["STANDARD", "STANDARD_IA", "INTELLIGENT_TIERING", "GLACIER"];

impl ListPayload {
    /// A listing of `keys` objects.
    pub fn generate(keys: usize) -> Self {
        let mut rng = SplitMix64::new(crate::payload::SEED ^ 0x53_33);
        let owner = Owner {
            display_name: Some("ops+photos".to_owned()),
            id: format!("{:016x}{:016x}", rng.next_u64(), rng.next_u64()),
        };
        let mut secs = 1_573_180_888;
        let contents: Vec<Object> = (0..keys)
            .map(|i| {
                secs += rng.range(1, 7200);
                object(&mut rng, i, secs, &owner)
            })
            .collect();
        let output = ListObjectsV2Output {
            name: "example-bucket".to_owned(),
            prefix: String::new(),
            continuation_token: token(&mut rng),
            next_continuation_token: token(&mut rng),
            key_count: (keys + PREFIXES.len()) as i32,
            max_keys: 1000,
            delimiter: "/".to_owned(),
            is_truncated: true,
            contents,
            common_prefixes: PREFIXES
                .iter()
                .map(|prefix| CommonPrefix {
                    prefix: format!("archive/{prefix}"),
                })
                .collect(),
        };
        let xml = write_output(&output);
        Self { output, xml }
    }
}

fn token(rng: &mut SplitMix64) -> String {
    format!(
        "1{:x}{:x}/{:x}+Zz==",
        rng.next_u64(),
        rng.next_u64(),
        rng.next_u64()
    )
}

fn object(rng: &mut SplitMix64, i: usize, secs: u64, owner: &Owner) -> Object {
    let key = format!(
        "{}{}{i:05}{}",
        rng.pick(PREFIXES),
        rng.pick(NAMES),
        rng.pick(EXTENSIONS)
    );
    let multipart = rng.chance(15);
    let e_tag = if multipart {
        format!(
            "\"{:016x}{:016x}-{}\"",
            rng.next_u64(),
            rng.next_u64(),
            rng.range(2, 40)
        )
    } else {
        format!("\"{:016x}{:016x}\"", rng.next_u64(), rng.next_u64())
    };
    let checksum = rng.chance(30);
    let storage_class = (*rng.pick(CLASSES)).to_owned();
    let restore_status = (storage_class == "GLACIER" && rng.chance(50)).then(|| RestoreStatus {
        is_restore_in_progress: rng.chance(50),
        restore_expiry_date: Some(timestamp((secs + 86_400 * 7) * 1000)),
    });
    Object {
        key,
        last_modified: timestamp(secs * 1000),
        e_tag,
        checksum_algorithm: if checksum {
            vec![(*rng.pick(&["CRC32", "CRC64NVME", "SHA256"])).to_owned()]
        } else {
            Vec::new()
        },
        checksum_type: checksum.then(|| {
            if multipart {
                "COMPOSITE"
            } else {
                "FULL_OBJECT"
            }
            .to_owned()
        }),
        size: rng.range(0, 5_000_000_000) as i64,
        storage_class,
        owner: Some(owner.clone()),
        restore_status,
    }
}

/// Text with `&`, `<`, `>` and `"` escaped, as S3 writes ETags and keys.
fn escaped(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, "<{name}>");
    for c in value.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    let _ = write!(out, "</{name}>");
}

fn write_output(output: &ListObjectsV2Output) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">",
    );
    xml_text(&mut out, "Name", Some(&output.name));
    xml_text(&mut out, "Prefix", Some(&output.prefix));
    xml_text(
        &mut out,
        "ContinuationToken",
        Some(&output.continuation_token),
    );
    xml_text(
        &mut out,
        "NextContinuationToken",
        Some(&output.next_continuation_token),
    );
    let _ = write!(
        out,
        "<KeyCount>{}</KeyCount><MaxKeys>{}</MaxKeys>",
        output.key_count, output.max_keys
    );
    xml_text(&mut out, "Delimiter", Some(&output.delimiter));
    let _ = write!(out, "<IsTruncated>{}</IsTruncated>", output.is_truncated);
    for object in &output.contents {
        out.push_str("<Contents>");
        escaped(&mut out, "Key", &object.key);
        xml_text(&mut out, "LastModified", Some(&object.last_modified));
        escaped(&mut out, "ETag", &object.e_tag);
        for algorithm in &object.checksum_algorithm {
            xml_text(&mut out, "ChecksumAlgorithm", Some(algorithm));
        }
        xml_text(&mut out, "ChecksumType", object.checksum_type.as_deref());
        let _ = write!(out, "<Size>{}</Size>", object.size);
        xml_text(&mut out, "StorageClass", Some(&object.storage_class));
        if let Some(owner) = &object.owner {
            out.push_str("<Owner>");
            xml_text(&mut out, "DisplayName", owner.display_name.as_deref());
            xml_text(&mut out, "ID", Some(&owner.id));
            out.push_str("</Owner>");
        }
        if let Some(status) = &object.restore_status {
            let _ = write!(
                out,
                "<RestoreStatus><IsRestoreInProgress>{}</IsRestoreInProgress>",
                status.is_restore_in_progress
            );
            xml_text(
                &mut out,
                "RestoreExpiryDate",
                status.restore_expiry_date.as_deref(),
            );
            out.push_str("</RestoreStatus>");
        }
        out.push_str("</Contents>");
    }
    for prefix in &output.common_prefixes {
        out.push_str("<CommonPrefixes>");
        escaped(&mut out, "Prefix", &prefix.prefix);
        out.push_str("</CommonPrefixes>");
    }
    out.push_str("</ListBucketResult>");
    out
}

/// A timestamp as the payloads write it (milliseconds, `Z`).
pub(crate) fn time_text(at: &awso_core::Timestamp) -> String {
    instant_text(at.secs(), at.subsec_nanos())
}

/// An instant given as seconds and nanoseconds, as the payloads write it (any decoder's
/// timestamp type has these two parts).
pub(crate) fn instant_text(secs: i64, subsec_nanos: u32) -> String {
    timestamp(secs as u64 * 1000 + u64::from(subsec_nanos / 1_000_000))
}

/// awso's generated `ListObjectsV2Output` (the samples crate's S3 module) as the mirror
/// type, to check that both decoders read the same data.
pub fn from_awso(output: &awso_samples::s3::ListObjectsV2Output) -> ListObjectsV2Output {
    let text =
        |value: &Option<String>, what: &str| value.clone().unwrap_or_else(|| panic!("{what}"));
    ListObjectsV2Output {
        name: text(&output.name, "Name"),
        prefix: text(&output.prefix, "Prefix"),
        continuation_token: text(&output.continuation_token, "ContinuationToken"),
        next_continuation_token: text(&output.next_continuation_token, "NextContinuationToken"),
        key_count: output.key_count.expect("KeyCount"),
        max_keys: output.max_keys.expect("MaxKeys"),
        delimiter: text(&output.delimiter, "Delimiter"),
        is_truncated: output.is_truncated.expect("IsTruncated"),
        contents: output
            .contents
            .iter()
            .flatten()
            .map(|object| Object {
                key: text(&object.key, "Key"),
                last_modified: time_text(object.last_modified.as_ref().expect("LastModified")),
                e_tag: text(&object.e_tag, "ETag"),
                checksum_algorithm: object
                    .checksum_algorithm
                    .iter()
                    .flatten()
                    .map(|algorithm| algorithm.as_str().to_owned())
                    .collect(),
                checksum_type: object.checksum_type.as_ref().map(|t| t.as_str().to_owned()),
                size: object.size.expect("Size"),
                storage_class: object
                    .storage_class
                    .as_ref()
                    .expect("StorageClass")
                    .as_str()
                    .to_owned(),
                owner: object.owner.as_ref().map(|owner| Owner {
                    display_name: owner.display_name.clone(),
                    id: text(&owner.id, "ID"),
                }),
                restore_status: object.restore_status.as_ref().map(|status| RestoreStatus {
                    is_restore_in_progress: status
                        .is_restore_in_progress
                        .expect("IsRestoreInProgress"),
                    restore_expiry_date: status.restore_expiry_date.as_ref().map(time_text),
                }),
            })
            .collect(),
        common_prefixes: output
            .common_prefixes
            .iter()
            .flatten()
            .map(|prefix| CommonPrefix {
                prefix: text(&prefix.prefix, "Prefix"),
            })
            .collect(),
    }
}

/// aws-sdk-s3's `ListObjectsV2Output` as the mirror type (feature `sdk-s3`), to check that
/// the SDK row reads the same data.
#[cfg(feature = "sdk-s3")]
pub fn from_sdk(
    output: &aws_sdk_s3::operation::list_objects_v2::ListObjectsV2Output,
) -> ListObjectsV2Output {
    let text =
        |value: Option<&str>, what: &str| value.unwrap_or_else(|| panic!("{what}")).to_owned();
    let time = |at: &aws_smithy_types::DateTime| instant_text(at.secs(), at.subsec_nanos());
    ListObjectsV2Output {
        name: text(output.name(), "Name"),
        prefix: text(output.prefix(), "Prefix"),
        continuation_token: text(output.continuation_token(), "ContinuationToken"),
        next_continuation_token: text(output.next_continuation_token(), "NextContinuationToken"),
        key_count: output.key_count().expect("KeyCount"),
        max_keys: output.max_keys().expect("MaxKeys"),
        delimiter: text(output.delimiter(), "Delimiter"),
        is_truncated: output.is_truncated().expect("IsTruncated"),
        contents: output
            .contents()
            .iter()
            .map(|object| Object {
                key: text(object.key(), "Key"),
                last_modified: time(object.last_modified().expect("LastModified")),
                e_tag: text(object.e_tag(), "ETag"),
                checksum_algorithm: object
                    .checksum_algorithm()
                    .iter()
                    .map(|algorithm| algorithm.as_str().to_owned())
                    .collect(),
                checksum_type: object.checksum_type().map(|t| t.as_str().to_owned()),
                size: object.size().expect("Size"),
                storage_class: text(
                    object.storage_class().map(|class| class.as_str()),
                    "StorageClass",
                ),
                owner: object.owner().map(|owner| Owner {
                    display_name: owner.display_name().map(str::to_owned),
                    id: text(owner.id(), "ID"),
                }),
                restore_status: object.restore_status().map(|status| RestoreStatus {
                    is_restore_in_progress: status
                        .is_restore_in_progress()
                        .expect("IsRestoreInProgress"),
                    restore_expiry_date: status.restore_expiry_date().map(time),
                }),
            })
            .collect(),
        common_prefixes: output
            .common_prefixes()
            .iter()
            .map(|prefix| CommonPrefix {
                prefix: text(prefix.prefix(), "Prefix"),
            })
            .collect(),
    }
}

//! The AWS functions of the rules language other than `aws.partition`: ARNs and S3 bucket names.

/// What `aws.parseArn` yields.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Arn<'a> {
    pub(crate) partition: &'a str,
    pub(crate) service: &'a str,
    pub(crate) region: &'a str,
    pub(crate) account_id: &'a str,
    /// The resource, split on `:` and `/`.
    pub(crate) resource_id: Vec<&'a str>,
}

/// `aws.parseArn`: `arn:partition:service:region:account:resource`, the first three non-empty.
pub(crate) fn parse_arn(input: &str) -> Option<Arn<'_>> {
    let mut parts = input.splitn(6, ':');
    if parts.next()? != "arn" {
        return None;
    }
    let partition = parts.next()?;
    let service = parts.next()?;
    let region = parts.next()?;
    let account_id = parts.next()?;
    let resource = parts.next()?;
    if partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    let resource_id = resource.split([':', '/']).collect();
    Some(Arn {
        partition,
        service,
        region,
        account_id,
        resource_id,
    })
}

/// `aws.isVirtualHostableS3Bucket`: whether `bucket` can be the first label(s) of a host name.
///
/// A bucket name of 3-63 lowercase letters, digits, hyphens (and with `allow_sub_domains`
/// dots), starting and ending with a letter or digit, that does not look like an IPv4 address.
pub(crate) fn is_virtual_hostable_s3_bucket(bucket: &str, allow_sub_domains: bool) -> bool {
    let bytes = bucket.as_bytes();
    let edge = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let inner = |b: u8| edge(b) || b == b'-' || (allow_sub_domains && b == b'.');
    let shape = (3..=63).contains(&bytes.len())
        && edge(bytes[0])
        && edge(bytes[bytes.len() - 1])
        && bytes.iter().copied().all(inner);
    if !shape || bucket.parse::<std::net::Ipv4Addr>().is_ok() {
        return false;
    }
    // Every dot-separated label must itself be a host label (no `..`, `.-`, `-.`).
    !allow_sub_domains
        || bucket.split('.').all(|label| {
            !label.is_empty()
                && edge(label.as_bytes()[0])
                && edge(label.as_bytes()[label.len() - 1])
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns() {
        let arn = parse_arn("arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap").unwrap();
        assert_eq!(
            (arn.partition, arn.service, arn.region),
            ("aws", "s3", "us-west-2")
        );
        assert_eq!(arn.account_id, "123456789012");
        assert_eq!(arn.resource_id, ["accesspoint", "my-ap"]);
        let arn = parse_arn("arn:aws:s3:::bucket:a:b").unwrap();
        assert_eq!(arn.resource_id, ["bucket", "a", "b"]);
        assert!(parse_arn("arn:aws:s3:us-west-2:123").is_none());
        assert!(parse_arn("arn::s3:r:a:res").is_none());
        assert!(parse_arn("nar:aws:s3:r:a:res").is_none());
    }

    #[test]
    fn buckets() {
        assert!(is_virtual_hostable_s3_bucket("my-bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("my.bucket", false));
        assert!(is_virtual_hostable_s3_bucket("my.bucket", true));
        assert!(!is_virtual_hostable_s3_bucket("my..bucket", true));
        assert!(!is_virtual_hostable_s3_bucket("My-Bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("ab", false));
        assert!(!is_virtual_hostable_s3_bucket("192.168.0.1", true));
        assert!(!is_virtual_hostable_s3_bucket("bucket-", false));
    }
}

//! A benchmark over data that does not decode measures nothing: every decoder must read the
//! generated documents into the reference data, member by member, at every benchmarked size.

use awso_benches::convert::{from_awso, from_sdk};
use awso_benches::mirror::{self, GetTranscriptResponse};
use awso_benches::ops::{Fixture, Op};
use awso_benches::payload::{Payload, SIZES};
use awso_connectparticipant::GetTranscript;

/// Compares the parts of two documents one by one (items, instances) before the whole, so
/// that a failure names the first part that differs.
fn assert_same_parts<P, D>(decoder: &str, parts: (&[P], &[P]), documents: (&D, &D))
where
    P: PartialEq + std::fmt::Debug,
    D: PartialEq + std::fmt::Debug,
{
    let (got, want) = parts;
    assert_eq!(got.len(), want.len(), "{decoder}: part count");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "{decoder}: part {i}");
    }
    assert_eq!(documents.0, documents.1, "{decoder}: top-level members");
}

fn assert_same(decoder: &str, got: &GetTranscriptResponse, want: &GetTranscriptResponse) {
    fn items(r: &GetTranscriptResponse) -> &[mirror::Item] {
        r.transcript.as_deref().unwrap_or_default()
    }
    assert_same_parts(decoder, (items(got), items(want)), (got, want));
}

#[test]
fn every_json_decoder_reads_the_reference_data() {
    for size in SIZES {
        let fx = Fixture::new(size);
        let want = fx.mirror();
        assert_eq!(want.transcript.as_ref().unwrap().len(), size);

        let awso: awso_connectparticipant::GetTranscriptResponse =
            awso_core::json::from_slice(&fx.payload.json).unwrap();
        assert_same("awso json", &from_awso(&awso), want);

        let serde: GetTranscriptResponse = serde_json::from_slice(&fx.payload.json).unwrap();
        assert_same("serde_json", &serde, want);

        let serde: GetTranscriptResponse = serde_json::from_str(&fx.json_text).unwrap();
        assert_same("serde_json from_str", &serde, want);

        let sonic: GetTranscriptResponse = sonic_rs::from_slice(&fx.payload.json).unwrap();
        assert_same("sonic-rs", &sonic, want);

        let protocol = awso_core::protocol::response::<GetTranscript, _>(&fx.http).unwrap();
        assert_same("awso protocol", &from_awso(&protocol), want);

        assert_same("sdk", &from_sdk(&fx.sdk.output()), want);
    }
}

#[test]
fn every_xml_decoder_reads_the_reference_data() {
    for size in SIZES {
        let fx = Fixture::new(size);
        let want = fx.mirror();

        let awso: awso_connectparticipant::GetTranscriptResponse =
            awso_core::xml::from_str(&fx.xml_text).unwrap();
        assert_same("awso xml", &from_awso(&awso), want);

        let quick: mirror::xml::GetTranscriptResponse =
            quick_xml::de::from_str(&fx.xml_text).unwrap();
        assert_same("quick-xml", &quick.into(), want);
    }
}

#[test]
fn every_encoder_writes_what_the_other_decoders_read() {
    let fx = Fixture::new(100);
    let want = fx.mirror();

    let awso_json = awso_core::json::to_vec(&fx.awso).unwrap();
    let read: GetTranscriptResponse = serde_json::from_slice(&awso_json).unwrap();
    assert_same("awso json -> serde_json", &read, want);

    let serde_json_out = serde_json::to_vec(want).unwrap();
    let read: awso_connectparticipant::GetTranscriptResponse =
        awso_core::json::from_slice(&serde_json_out).unwrap();
    assert_same("serde_json -> awso json", &from_awso(&read), want);

    let awso_xml = awso_core::xml::to_string(&fx.awso).unwrap();
    let read: mirror::xml::GetTranscriptResponse = quick_xml::de::from_str(&awso_xml).unwrap();
    assert_same("awso xml -> quick-xml", &read.into(), want);

    let quick_out = quick_xml::se::to_string(&fx.mirror_xml).unwrap();
    let read: awso_connectparticipant::GetTranscriptResponse =
        awso_core::xml::from_str(&quick_out).unwrap();
    assert_same("quick-xml -> awso xml", &from_awso(&read), want);

    let value = awso_core::to_value(&fx.awso).unwrap();
    let back: awso_connectparticipant::GetTranscriptResponse =
        awso_core::from_value(&value).unwrap();
    assert_same("awso value", &from_awso(&back), want);
}

#[test]
fn the_payload_has_the_promised_mix() {
    let payload = Payload::generate(1000);
    let items = payload.response.transcript.as_ref().unwrap();
    let messages: Vec<_> = items
        .iter()
        .filter(|i| i.item_type.as_deref() == Some("MESSAGE"))
        .collect();
    assert!(
        messages.len() > 600 && messages.len() < 800,
        "{}",
        messages.len()
    );
    for kind in [
        "EVENT",
        "ATTACHMENT",
        "CONNECTION_ACK",
        "MESSAGE_DELIVERED",
        "MESSAGE_READ",
    ] {
        assert!(
            items.iter().any(|i| i.item_type.as_deref() == Some(kind)),
            "{kind}"
        );
    }
    for m in &messages {
        let chars = m.content.as_ref().unwrap().chars().count();
        assert!((20..=300).contains(&chars), "{chars}");
    }
    let rich = payload.rich_contents as f64 / messages.len() as f64;
    assert!((0.3..0.5).contains(&rich), "{rich}");
    let json = String::from_utf8(payload.json).unwrap();
    for needle in [
        r"\ud83d", r"\u000a", r"\u0026", r"\n", r#"\""#, r"\\", r"\t", "<b>", "😀",
    ] {
        assert!(json.contains(needle), "{needle}");
    }
    assert!(json.contains(r#""AbsoluteTime":"2019-11-08T02:41:"#));
    assert!(json.contains(r#""Attachments":[]"#));
    assert!(json.contains(r#""Receipts":[{"DeliveredTimestamp""#));
}

#[test]
fn every_operation_runs() {
    let fx = Fixture::new(10);
    for op in Op::ALL.into_iter().chain(Op::CBOR) {
        op.run(&fx);
        assert_eq!(Op::from_id(&op.id()), Some(op));
    }
}

#[test]
fn every_cbor_decoder_reads_the_reference_data() {
    for size in SIZES {
        let fx = Fixture::new(size);
        let want = fx.mirror();
        let awso: awso_connectparticipant::GetTranscriptResponse =
            awso_core::cbor::from_slice(&fx.cbor).unwrap();
        assert_same("awso cbor", &from_awso(&awso), want);
        let ciborium: GetTranscriptResponse =
            ciborium::de::from_reader(fx.cbor.as_slice()).unwrap();
        assert_same("ciborium", &ciborium, want);
        let minicbor: GetTranscriptResponse = minicbor_serde::from_slice(&fx.cbor).unwrap();
        assert_same("minicbor-serde", &minicbor, want);
    }
}

#[test]
fn every_json_encoder_writes_what_serde_json_reads_back() {
    let fx = Fixture::new(100);
    for (encoder, body) in [
        ("awso", awso_core::json::to_vec(&fx.awso).unwrap()),
        ("sonic-rs", sonic_rs::to_vec(fx.mirror()).unwrap()),
    ] {
        let back: GetTranscriptResponse = serde_json::from_slice(&body).unwrap();
        assert_same(encoder, &back, fx.mirror());
    }
}

#[test]
fn every_dynamodb_decoder_reads_the_reference_data() {
    use awso_benches::more::dynamodb::{self, QueryPayload};
    for size in SIZES {
        let payload = QueryPayload::generate(size);
        let want = &payload.output;
        assert_eq!(want.items.len(), size);
        let awso: awso_samples::dynamodb::QueryOutput =
            awso_core::json::from_slice(&payload.json).unwrap();
        assert_eq!(&dynamodb::from_awso(&awso), want, "awso");
        let serde: dynamodb::QueryOutput = serde_json::from_slice(&payload.json).unwrap();
        assert_eq!(&serde, want, "serde_json");
        let sonic: dynamodb::QueryOutput = sonic_rs::from_slice(&payload.json).unwrap();
        assert_eq!(&sonic, want, "sonic-rs");
    }
    let json = String::from_utf8(QueryPayload::generate(50).json).unwrap();
    for needle in [
        r#""M":{"city""#,
        r#""L":[{"M""#,
        r#""NULL":true"#,
        r#""SS":["#,
        r"\n",
    ] {
        assert!(json.contains(needle), "{needle}");
    }
}

#[test]
fn every_s3_list_decoder_reads_the_reference_data() {
    use awso_benches::more::s3::{self, ListPayload};
    for size in SIZES {
        let payload = ListPayload::generate(size);
        let want = &payload.output;
        assert_eq!(want.contents.len(), size);
        let awso: awso_samples::s3::ListObjectsV2Output =
            awso_core::xml::from_str(&payload.xml).unwrap();
        assert_eq!(&s3::from_awso(&awso), want, "awso");
        let quick: s3::ListObjectsV2Output = quick_xml::de::from_str(&payload.xml).unwrap();
        assert_eq!(&quick, want, "quick-xml");
        assert!(awso_benches::ops::quick_xml_events(&payload.xml) > size);
    }
    let xml = ListPayload::generate(200).xml;
    for needle in [
        "<ETag>&quot;",
        "&amp; cache/",
        "&lt;final&gt;",
        "<ChecksumAlgorithm>",
        "<RestoreStatus><IsRestoreInProgress>",
        "</Contents><CommonPrefixes>",
    ] {
        assert!(xml.contains(needle), "{needle}");
    }
}

fn assert_same_instances(
    decoder: &str,
    got: &awso_benches::more::ec2::DescribeInstancesResponse,
    want: &awso_benches::more::ec2::DescribeInstancesResponse,
) {
    let instances = |r: &awso_benches::more::ec2::DescribeInstancesResponse| {
        r.reservations
            .item
            .iter()
            .flat_map(|reservation| reservation.instances.item.clone())
            .collect::<Vec<_>>()
    };
    let parts = (instances(got), instances(want));
    assert_same_parts(decoder, (&parts.0, &parts.1), (got, want));
}

#[test]
fn every_ec2_decoder_reads_the_reference_data() {
    use awso_benches::more::ec2::{self, InstancesPayload};
    for size in SIZES {
        let fx = Fixture::new(size);
        let want = &fx.ec2.output;
        let instances: usize = want
            .reservations
            .item
            .iter()
            .map(|r| r.instances.item.len())
            .sum();
        assert_eq!(instances, size);
        let awso: awso_samples::ec2::DescribeInstancesResult =
            awso_core::xml::from_str(&fx.ec2.xml).unwrap();
        assert_same_instances("awso", &ec2::from_awso(&awso), want);
        let protocol =
            awso_core::protocol::response::<awso_samples::ec2::DescribeInstances, _>(&fx.ec2_http)
                .unwrap();
        assert_same_instances("awso protocol", &ec2::from_awso(&protocol), want);
        let quick: ec2::DescribeInstancesResponse = quick_xml::de::from_str(&fx.ec2.xml).unwrap();
        assert_same_instances("quick-xml", &quick, want);
        assert!(awso_benches::ops::quick_xml_events(&fx.ec2.xml) > size);
    }
    // The shapes the payload is meant to exercise are there.
    let xml = InstancesPayload::generate(200).xml;
    for needle in [
        "<reservationSet><item><reservationId>",
        "<groupSet/><instancesSet><item>",
        "<instanceState><code>80</code><name>stopped</name></instanceState>",
        "<stateReason><code>",
        "<productCodes/>",
        "db &amp; cache",
        "web &lt;public&gt;",
        "<privateIpAddressesSet><item>",
        "<primary>true</primary><association><publicIp>",
        "<ipv6AddressesSet/>",
        "<key>aws:autoscaling:groupName</key>",
        "</networkInterfaceSet><ebsOptimized>",
        "</reservationSet><nextToken>",
    ] {
        assert!(xml.contains(needle), "{needle}");
    }
}

#[test]
fn the_s3_protocol_response_reads_the_reference_data() {
    use awso_benches::more::s3;
    for size in SIZES {
        let fx = Fixture::new(size);
        let protocol =
            awso_core::protocol::response::<awso_samples::s3::ListObjectsV2, _>(&fx.s3_http)
                .unwrap();
        assert_eq!(s3::from_awso(&protocol), fx.s3.output, "awso protocol");
    }
}

#[cfg(feature = "sdk-s3")]
#[test]
fn the_sdk_s3_deserializer_reads_the_reference_data() {
    use awso_benches::more::s3;
    for size in SIZES {
        let fx = Fixture::new(size);
        let listing: aws_sdk_s3::operation::list_objects_v2::ListObjectsV2Output =
            fx.sdk_s3.output_as();
        assert_eq!(s3::from_sdk(&listing), fx.s3.output, "aws-sdk-s3");
    }
}

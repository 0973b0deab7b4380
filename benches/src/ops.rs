//! The measured operations, shared by the criterion benches, the allocation report and the
//! profiling binary, so all three run exactly the same code.

use std::hint::black_box;

use awso_connectparticipant::{GetTranscript, GetTranscriptResponse};

use crate::mirror;
use crate::more::dynamodb::{self, QueryPayload};
use crate::more::ec2::{self, InstancesPayload};
use crate::more::s3::{self, ListPayload};
use crate::payload::Payload;
use crate::sdk::SdkResponseParser;

/// Everything the operations read, built once per transcript size.
#[derive(Debug)]
pub struct Fixture {
    /// The generated document.
    pub payload: Payload,
    /// The XML body as text (both XML decoders take `&str`).
    pub xml_text: String,
    /// The JSON body as text, for serde_json's `from_str` (which skips the UTF-8 check).
    pub json_text: String,
    /// A DynamoDB `Query` response with as many orders as the transcript has items.
    pub dynamodb: QueryPayload,
    /// An S3 `ListObjectsV2` response listing as many objects as the transcript has items.
    pub s3: ListPayload,
    /// An EC2 `DescribeInstances` response of as many instances as the transcript has items.
    pub ec2: InstancesPayload,
    /// The S3 listing in a restXml HTTP response.
    pub s3_http: http::Response<Vec<u8>>,
    /// The EC2 response in an ec2Query HTTP response.
    pub ec2_http: http::Response<Vec<u8>>,
    /// aws-sdk-s3's `ListObjectsV2` deserializer on `s3_http` (feature `sdk-s3`).
    #[cfg(feature = "sdk-s3")]
    pub sdk_s3: SdkResponseParser,
    /// awso's CBOR encoding of the data (indefinite-length maps and arrays, text keys).
    pub cbor: Vec<u8>,
    /// The data as awso's generated type.
    pub awso: GetTranscriptResponse,
    /// The data as quick-xml's mirror type.
    pub mirror_xml: mirror::xml::GetTranscriptResponse,
    /// The JSON body in a restJson1 HTTP response.
    pub http: http::Response<Vec<u8>>,
    /// The same response, for the SDK.
    pub sdk: SdkResponseParser,
}

impl Fixture {
    /// The fixture with `items` transcript items.
    pub fn new(items: usize) -> Self {
        let payload = Payload::generate(items);
        let xml_text = String::from_utf8(payload.xml.clone()).expect("UTF-8 XML");
        let json_text = String::from_utf8(payload.json.clone()).expect("UTF-8 JSON");
        let awso = awso_core::json::from_slice(&payload.json).expect("awso reads the payload");
        let cbor = awso_core::cbor::to_vec(&awso).expect("awso writes the payload as CBOR");
        let mirror_xml = mirror::xml::GetTranscriptResponse::from(&payload.response);
        let http = http_response(&payload.json);
        let sdk = SdkResponseParser::new(http_response(&payload.json));
        let s3 = ListPayload::generate(items);
        let ec2 = InstancesPayload::generate(items);
        let s3_http = xml_response(&s3.xml, ("x-amz-request-id", "4442587FB7D0A2F9"));
        let ec2_http = xml_response(&ec2.xml, ("x-amzn-requestid", "8f7724cf-example"));
        Self {
            #[cfg(feature = "sdk-s3")]
            sdk_s3: SdkResponseParser::for_operation(
                &aws_sdk_s3::operation::list_objects_v2::ListObjectsV2::new(),
                s3_http.clone(),
            ),
            s3,
            ec2,
            s3_http,
            ec2_http,
            payload,
            xml_text,
            json_text,
            cbor,
            dynamodb: QueryPayload::generate(items),
            awso,
            mirror_xml,
            http,
            sdk,
        }
    }

    /// The reference data.
    pub fn mirror(&self) -> &mirror::GetTranscriptResponse {
        &self.payload.response
    }

    /// The number of transcript items.
    pub fn items(&self) -> usize {
        self.payload.items()
    }
}

/// A 200 response as the service sends it.
pub fn http_response(body: &[u8]) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .header("Content-Type", "application/json")
        .header("Content-Length", body.len())
        .header("x-amzn-RequestId", "2b1e8a3c-6f0d-4f4e-9a57-3c1f8d0b9e21")
        .header("Date", "Fri, 08 Nov 2019 03:12:44 GMT")
        .body(body.to_vec())
        .expect("a valid response")
}

/// A 200 response with an XML body, as S3 and EC2 send it (`request_id`: the service's
/// request id header and its value).
pub fn xml_response(body: &str, request_id: (&str, &str)) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .header("Content-Type", "application/xml")
        .header("Content-Length", body.len())
        .header(request_id.0, request_id.1)
        .header("Date", "Fri, 08 Nov 2019 03:12:44 GMT")
        .body(body.as_bytes().to_vec())
        .expect("a valid response")
}

/// One measured operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `awso_core::json::from_slice::<GetTranscriptResponse>`.
    AwsoJsonDecode,
    /// `serde_json::from_slice` into the mirror types.
    SerdeJsonDecode,
    /// `serde_json::from_str` into the mirror types (no UTF-8 check: the `&str` is valid).
    SerdeJsonFromStr,
    /// `sonic_rs::from_slice` into the mirror types (SIMD; validates UTF-8 like awso).
    SonicDecode,
    /// `memchr` over the body visiting every `"`: not a decoder, the floor the issue names
    /// (any decoder has to find every string's ends).
    QuoteFloor,
    /// `awso_core::json::to_vec`.
    AwsoJsonEncode,
    /// `serde_json::to_vec` of the mirror types.
    SerdeJsonEncode,
    /// `sonic_rs::to_vec` of the mirror types.
    SonicEncode,
    /// `awso_core::xml::from_str::<GetTranscriptResponse>`.
    AwsoXmlDecode,
    /// `quick_xml::de::from_str` into the XML mirror types.
    QuickXmlDecode,
    /// quick-xml's bare `Reader` over the document: every event read, text unescaped, no
    /// data built. Not a decoder: the floor for any decoder built on that reader, which
    /// awso's own tokenizer must beat to earn its place.
    QuickXmlReader,
    /// `awso_core::xml::to_string`.
    AwsoXmlEncode,
    /// `quick_xml::se::to_string` of the XML mirror types.
    QuickXmlEncode,
    /// `awso_core::to_value`.
    AwsoToValue,
    /// `serde_json::to_value` of the mirror types.
    SerdeJsonToValue,
    /// `awso_core::protocol::response::<GetTranscript, _>` on the HTTP response.
    AwsoResponse,
    /// The SDK's response deserializer on the same response.
    SdkResponse,
    /// `awso_core::json::from_slice` of the DynamoDB `Query` response into the generated
    /// `QueryOutput`.
    AwsoDynamoDbDecode,
    /// `serde_json::from_slice` of the DynamoDB response into its mirror types.
    SerdeJsonDynamoDbDecode,
    /// `sonic_rs::from_slice` of the DynamoDB response into its mirror types.
    SonicDynamoDbDecode,
    /// `awso_core::xml::from_str` of the S3 `ListObjectsV2` response into the generated
    /// `ListObjectsV2Output`.
    AwsoS3ListDecode,
    /// `quick_xml::de::from_str` of the S3 response into its mirror types.
    QuickXmlS3ListDecode,
    /// quick-xml's bare `Reader` over the S3 response (the floor, as for the transcript).
    QuickXmlReaderS3List,
    /// `awso_core::protocol::response::<ListObjectsV2, _>` on the S3 HTTP response (what
    /// the SDK row does: status, headers and body).
    AwsoS3ListResponse,
    /// aws-sdk-s3's `ListObjectsV2` response deserializer on the S3 response (feature
    /// `sdk-s3`).
    #[cfg(feature = "sdk-s3")]
    SdkS3ListDecode,
    /// `awso_core::xml::from_str` of the EC2 `DescribeInstances` response into the generated
    /// `DescribeInstancesResult`.
    AwsoEc2Decode,
    /// `quick_xml::de::from_str` of the EC2 response into its mirror types.
    QuickXmlEc2Decode,
    /// quick-xml's bare `Reader` over the EC2 response (the floor).
    QuickXmlReaderEc2,
    /// `awso_core::protocol::response::<DescribeInstances, _>` on the EC2 HTTP response.
    AwsoEc2Response,
    /// `awso_core::cbor::from_slice::<GetTranscriptResponse>`.
    AwsoCborDecode,
    /// `ciborium::de::from_reader` into the mirror types.
    CiboriumDecode,
    /// `minicbor_serde::from_slice` into the mirror types.
    MinicborDecode,
    /// `awso_core::cbor::to_vec`.
    AwsoCborEncode,
    /// `ciborium::ser::into_writer` of the mirror types into a `Vec`.
    CiboriumEncode,
    /// `minicbor_serde::to_vec` of the mirror types.
    MinicborEncode,
}

impl Op {
    /// Every operation of the transcript bench, in report order.
    pub const ALL: [Op; 28] = [
        Op::AwsoJsonDecode,
        Op::SerdeJsonDecode,
        Op::SerdeJsonFromStr,
        Op::SonicDecode,
        Op::QuoteFloor,
        Op::AwsoJsonEncode,
        Op::SerdeJsonEncode,
        Op::SonicEncode,
        Op::AwsoXmlDecode,
        Op::QuickXmlDecode,
        Op::QuickXmlReader,
        Op::AwsoXmlEncode,
        Op::QuickXmlEncode,
        Op::AwsoToValue,
        Op::SerdeJsonToValue,
        Op::AwsoResponse,
        Op::SdkResponse,
        Op::AwsoDynamoDbDecode,
        Op::SerdeJsonDynamoDbDecode,
        Op::SonicDynamoDbDecode,
        Op::AwsoS3ListDecode,
        Op::QuickXmlS3ListDecode,
        Op::QuickXmlReaderS3List,
        Op::AwsoS3ListResponse,
        Op::AwsoEc2Decode,
        Op::QuickXmlEc2Decode,
        Op::QuickXmlReaderEc2,
        Op::AwsoEc2Response,
    ];

    /// The SDK's XML deserializer rows whose features are on (`sdk-s3`).
    pub const SDK_XML: &[Op] = &[
        #[cfg(feature = "sdk-s3")]
        Op::SdkS3ListDecode,
    ];

    /// [`ALL`](Self::ALL), then the [`SDK_XML`](Self::SDK_XML) rows built in.
    pub fn measured() -> impl Iterator<Item = Op> {
        Op::ALL.into_iter().chain(Op::SDK_XML.iter().copied())
    }

    /// The operations of the CBOR bench (`benches/cbor.rs`), in report order.
    pub const CBOR: [Op; 6] = [
        Op::AwsoCborDecode,
        Op::CiboriumDecode,
        Op::MinicborDecode,
        Op::AwsoCborEncode,
        Op::CiboriumEncode,
        Op::MinicborEncode,
    ];

    /// The criterion group: what is done.
    pub fn group(self) -> &'static str {
        match self {
            Op::AwsoJsonDecode
            | Op::SerdeJsonDecode
            | Op::SerdeJsonFromStr
            | Op::SonicDecode
            | Op::QuoteFloor => "json_decode",
            Op::AwsoJsonEncode | Op::SerdeJsonEncode | Op::SonicEncode => "json_encode",
            Op::AwsoXmlDecode | Op::QuickXmlDecode | Op::QuickXmlReader => "xml_decode",
            Op::AwsoXmlEncode | Op::QuickXmlEncode => "xml_encode",
            Op::AwsoToValue | Op::SerdeJsonToValue => "to_value",
            Op::AwsoResponse | Op::SdkResponse => "response",
            Op::AwsoDynamoDbDecode | Op::SerdeJsonDynamoDbDecode | Op::SonicDynamoDbDecode => {
                "dynamodb_query_decode"
            }
            Op::AwsoS3ListDecode
            | Op::QuickXmlS3ListDecode
            | Op::QuickXmlReaderS3List
            | Op::AwsoS3ListResponse => "s3_list_decode",
            #[cfg(feature = "sdk-s3")]
            Op::SdkS3ListDecode => "s3_list_decode",
            Op::AwsoEc2Decode
            | Op::QuickXmlEc2Decode
            | Op::QuickXmlReaderEc2
            | Op::AwsoEc2Response => "ec2_instances_decode",
            Op::AwsoCborDecode | Op::CiboriumDecode | Op::MinicborDecode => "cbor_decode",
            Op::AwsoCborEncode | Op::CiboriumEncode | Op::MinicborEncode => "cbor_encode",
        }
    }

    /// The criterion function name: who does it.
    pub fn implementation(self) -> &'static str {
        match self {
            Op::AwsoJsonDecode
            | Op::AwsoJsonEncode
            | Op::AwsoXmlDecode
            | Op::AwsoXmlEncode
            | Op::AwsoToValue
            | Op::AwsoCborDecode
            | Op::AwsoCborEncode
            | Op::AwsoDynamoDbDecode
            | Op::AwsoS3ListDecode
            | Op::AwsoEc2Decode => "awso",
            Op::AwsoResponse | Op::AwsoS3ListResponse | Op::AwsoEc2Response => "awso_protocol",
            Op::SerdeJsonDecode
            | Op::SerdeJsonEncode
            | Op::SerdeJsonToValue
            | Op::SerdeJsonDynamoDbDecode => "serde_json",
            Op::QuickXmlDecode
            | Op::QuickXmlEncode
            | Op::QuickXmlS3ListDecode
            | Op::QuickXmlEc2Decode => "quick_xml",
            Op::QuickXmlReader | Op::QuickXmlReaderS3List | Op::QuickXmlReaderEc2 => {
                "quick_xml_reader"
            }
            Op::SdkResponse => "sdk",
            #[cfg(feature = "sdk-s3")]
            Op::SdkS3ListDecode => "sdk",
            Op::SerdeJsonFromStr => "serde_json_from_str",
            Op::SonicDecode | Op::SonicEncode | Op::SonicDynamoDbDecode => "sonic_rs",
            Op::QuoteFloor => "memchr_quotes",
            Op::CiboriumDecode | Op::CiboriumEncode => "ciborium",
            Op::MinicborDecode | Op::MinicborEncode => "minicbor_serde",
        }
    }

    /// `group/implementation`, the name the profiling binary takes.
    pub fn id(self) -> String {
        format!("{}/{}", self.group(), self.implementation())
    }

    /// The operation named `group/implementation`.
    pub fn from_id(id: &str) -> Option<Op> {
        Op::measured().chain(Op::CBOR).find(|op| op.id() == id)
    }

    /// The wire document the operation reads or writes, for throughput (`None` for `to_value`).
    pub fn document_len(self, fixture: &Fixture) -> Option<usize> {
        match self.group() {
            "xml_decode" | "xml_encode" => Some(fixture.payload.xml.len()),
            "to_value" => None,
            "cbor_decode" | "cbor_encode" => Some(fixture.cbor.len()),
            "dynamodb_query_decode" => Some(fixture.dynamodb.json.len()),
            "s3_list_decode" => Some(fixture.s3.xml.len()),
            "ec2_instances_decode" => Some(fixture.ec2.xml.len()),
            _ => Some(fixture.payload.json.len()),
        }
    }

    /// Runs the operation once; the result is built, handed to `black_box` and dropped.
    /// Never inlined, so a profiler can collect inside it alone.
    #[inline(never)]
    pub fn run(self, fx: &Fixture) {
        match self.group() {
            "json_decode" | "json_encode" => self.run_json(fx),
            "cbor_decode" | "cbor_encode" => self.run_cbor(fx),
            "dynamodb_query_decode" => self.run_dynamodb(fx),
            "s3_list_decode" => self.run_s3(fx),
            "ec2_instances_decode" => self.run_ec2(fx),
            _ => self.run_other(fx),
        }
    }

    fn run_json(self, fx: &Fixture) {
        match self {
            Op::AwsoJsonDecode => {
                let r: GetTranscriptResponse =
                    awso_core::json::from_slice(black_box(&fx.payload.json)).unwrap();
                black_box(r);
            }
            Op::SerdeJsonDecode => {
                let r: mirror::GetTranscriptResponse =
                    serde_json::from_slice(black_box(&fx.payload.json)).unwrap();
                black_box(r);
            }
            Op::AwsoJsonEncode => {
                black_box(awso_core::json::to_vec(black_box(&fx.awso)).unwrap());
            }
            Op::SerdeJsonFromStr => {
                let r: mirror::GetTranscriptResponse =
                    serde_json::from_str(black_box(&fx.json_text)).unwrap();
                black_box(r);
            }
            Op::SonicDecode => {
                let r: mirror::GetTranscriptResponse =
                    sonic_rs::from_slice(black_box(&fx.payload.json)).unwrap();
                black_box(r);
            }
            Op::QuoteFloor => {
                black_box(memchr::memchr_iter(b'"', black_box(&fx.payload.json)).count());
            }
            Op::SerdeJsonEncode => {
                black_box(serde_json::to_vec(black_box(fx.mirror())).unwrap());
            }
            Op::SonicEncode => {
                black_box(sonic_rs::to_vec(black_box(fx.mirror())).unwrap());
            }
            _ => unreachable!("{self:?} is not a JSON operation"),
        }
    }

    fn run_cbor(self, fx: &Fixture) {
        match self {
            Op::AwsoCborDecode => {
                let r: GetTranscriptResponse =
                    awso_core::cbor::from_slice(black_box(&fx.cbor)).unwrap();
                black_box(r);
            }
            Op::CiboriumDecode => {
                let r: mirror::GetTranscriptResponse =
                    ciborium::de::from_reader(black_box(fx.cbor.as_slice())).unwrap();
                black_box(r);
            }
            Op::MinicborDecode => {
                let r: mirror::GetTranscriptResponse =
                    minicbor_serde::from_slice(black_box(&fx.cbor)).unwrap();
                black_box(r);
            }
            Op::AwsoCborEncode => {
                black_box(awso_core::cbor::to_vec(black_box(&fx.awso)).unwrap());
            }
            Op::CiboriumEncode => {
                let mut out = Vec::new();
                ciborium::ser::into_writer(black_box(fx.mirror()), &mut out).unwrap();
                black_box(out);
            }
            Op::MinicborEncode => {
                black_box(minicbor_serde::to_vec(black_box(fx.mirror())).unwrap());
            }
            _ => unreachable!("{self:?} is not a CBOR operation"),
        }
    }

    fn run_dynamodb(self, fx: &Fixture) {
        let body = black_box(fx.dynamodb.json.as_slice());
        match self {
            Op::AwsoDynamoDbDecode => {
                let r: awso_samples::dynamodb::QueryOutput =
                    awso_core::json::from_slice(body).unwrap();
                black_box(r);
            }
            Op::SerdeJsonDynamoDbDecode => {
                let r: dynamodb::QueryOutput = serde_json::from_slice(body).unwrap();
                black_box(r);
            }
            Op::SonicDynamoDbDecode => {
                let r: dynamodb::QueryOutput = sonic_rs::from_slice(body).unwrap();
                black_box(r);
            }
            _ => unreachable!("{self:?} is not a DynamoDB operation"),
        }
    }

    fn run_s3(self, fx: &Fixture) {
        let body = black_box(fx.s3.xml.as_str());
        match self {
            Op::AwsoS3ListDecode => {
                let r: awso_samples::s3::ListObjectsV2Output =
                    awso_core::xml::from_str(body).unwrap();
                black_box(r);
            }
            Op::QuickXmlS3ListDecode => {
                let r: s3::ListObjectsV2Output = quick_xml::de::from_str(body).unwrap();
                black_box(r);
            }
            Op::QuickXmlReaderS3List => {
                black_box(quick_xml_events(body));
            }
            Op::AwsoS3ListResponse => {
                let r = awso_core::protocol::response::<awso_samples::s3::ListObjectsV2, _>(
                    black_box(&fx.s3_http),
                )
                .unwrap();
                black_box(r);
            }
            #[cfg(feature = "sdk-s3")]
            Op::SdkS3ListDecode => {
                black_box(fx.sdk_s3.parse().unwrap());
            }
            _ => unreachable!("{self:?} is not an S3 operation"),
        }
    }

    fn run_ec2(self, fx: &Fixture) {
        let body = black_box(fx.ec2.xml.as_str());
        match self {
            Op::AwsoEc2Decode => {
                let r: awso_samples::ec2::DescribeInstancesResult =
                    awso_core::xml::from_str(body).unwrap();
                black_box(r);
            }
            Op::QuickXmlEc2Decode => {
                let r: ec2::DescribeInstancesResponse = quick_xml::de::from_str(body).unwrap();
                black_box(r);
            }
            Op::QuickXmlReaderEc2 => {
                black_box(quick_xml_events(body));
            }
            Op::AwsoEc2Response => {
                let r = awso_core::protocol::response::<awso_samples::ec2::DescribeInstances, _>(
                    black_box(&fx.ec2_http),
                )
                .unwrap();
                black_box(r);
            }
            _ => unreachable!("{self:?} is not an EC2 operation"),
        }
    }

    fn run_other(self, fx: &Fixture) {
        match self {
            Op::AwsoXmlDecode => {
                let r: GetTranscriptResponse =
                    awso_core::xml::from_str(black_box(&fx.xml_text)).unwrap();
                black_box(r);
            }
            Op::QuickXmlDecode => {
                let r: mirror::xml::GetTranscriptResponse =
                    quick_xml::de::from_str(black_box(&fx.xml_text)).unwrap();
                black_box(r);
            }
            Op::QuickXmlReader => {
                black_box(quick_xml_events(black_box(&fx.xml_text)));
            }
            Op::AwsoXmlEncode => {
                black_box(awso_core::xml::to_string(black_box(&fx.awso)).unwrap());
            }
            Op::QuickXmlEncode => {
                black_box(quick_xml::se::to_string(black_box(&fx.mirror_xml)).unwrap());
            }
            Op::AwsoToValue => {
                black_box(awso_core::to_value(black_box(&fx.awso)).unwrap());
            }
            Op::SerdeJsonToValue => {
                black_box(serde_json::to_value(black_box(fx.mirror())).unwrap());
            }
            Op::AwsoResponse => {
                let r =
                    awso_core::protocol::response::<GetTranscript, _>(black_box(&fx.http)).unwrap();
                black_box(r);
            }
            Op::SdkResponse => {
                black_box(fx.sdk.parse().unwrap());
            }
            _ => unreachable!("{self:?} has its own group"),
        }
    }
}

/// Reads every event of `xml` with quick-xml's reader, end tags checked and text unescaped
/// as a decoder would need it; returns a count so that nothing is optimised away.
pub fn quick_xml_events(xml: &str) -> usize {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut seen = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => return seen,
            Event::Text(text) => seen += text.xml10_content().len(),
            Event::GeneralRef(reference) => {
                seen += usize::from(reference.resolve_char_ref().ok().flatten().is_some());
            }
            _ => seen += 1,
        }
    }
}

//! The measured operations, shared by the criterion benches, the allocation report and the
//! profiling binary, so all three run exactly the same code.

use std::hint::black_box;

use awso_connectparticipant::{GetTranscript, GetTranscriptResponse};

use crate::mirror;
use crate::payload::Payload;
use crate::sdk::SdkResponseParser;

/// Everything the operations read, built once per transcript size.
#[derive(Debug)]
pub struct Fixture {
    /// The generated document.
    pub payload: Payload,
    /// The XML body as text (both XML decoders take `&str`).
    pub xml_text: String,
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
        let awso = awso_core::json::from_slice(&payload.json).expect("awso reads the payload");
        let mirror_xml = mirror::xml::GetTranscriptResponse::from(&payload.response);
        let http = http_response(&payload.json);
        let sdk = SdkResponseParser::new(http_response(&payload.json));
        Self {
            payload,
            xml_text,
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

/// One measured operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `awso_core::json::from_slice::<GetTranscriptResponse>`.
    AwsoJsonDecode,
    /// `serde_json::from_slice` into the mirror types.
    SerdeJsonDecode,
    /// `awso_core::json::to_vec`.
    AwsoJsonEncode,
    /// `serde_json::to_vec` of the mirror types.
    SerdeJsonEncode,
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
}

impl Op {
    /// Every operation, in report order.
    pub const ALL: [Op; 13] = [
        Op::AwsoJsonDecode,
        Op::SerdeJsonDecode,
        Op::AwsoJsonEncode,
        Op::SerdeJsonEncode,
        Op::AwsoXmlDecode,
        Op::QuickXmlDecode,
        Op::QuickXmlReader,
        Op::AwsoXmlEncode,
        Op::QuickXmlEncode,
        Op::AwsoToValue,
        Op::SerdeJsonToValue,
        Op::AwsoResponse,
        Op::SdkResponse,
    ];

    /// The criterion group: what is done.
    pub fn group(self) -> &'static str {
        match self {
            Op::AwsoJsonDecode | Op::SerdeJsonDecode => "json_decode",
            Op::AwsoJsonEncode | Op::SerdeJsonEncode => "json_encode",
            Op::AwsoXmlDecode | Op::QuickXmlDecode | Op::QuickXmlReader => "xml_decode",
            Op::AwsoXmlEncode | Op::QuickXmlEncode => "xml_encode",
            Op::AwsoToValue | Op::SerdeJsonToValue => "to_value",
            Op::AwsoResponse | Op::SdkResponse => "response",
        }
    }

    /// The criterion function name: who does it.
    pub fn implementation(self) -> &'static str {
        match self {
            Op::AwsoJsonDecode
            | Op::AwsoJsonEncode
            | Op::AwsoXmlDecode
            | Op::AwsoXmlEncode
            | Op::AwsoToValue => "awso",
            Op::AwsoResponse => "awso_protocol",
            Op::SerdeJsonDecode | Op::SerdeJsonEncode | Op::SerdeJsonToValue => "serde_json",
            Op::QuickXmlDecode | Op::QuickXmlEncode => "quick_xml",
            Op::QuickXmlReader => "quick_xml_reader",
            Op::SdkResponse => "sdk",
        }
    }

    /// `group/implementation`, the name the profiling binary takes.
    pub fn id(self) -> String {
        format!("{}/{}", self.group(), self.implementation())
    }

    /// The operation named `group/implementation`.
    pub fn from_id(id: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|op| op.id() == id)
    }

    /// The wire document the operation reads or writes, for throughput (`None` for `to_value`).
    pub fn document_len(self, fixture: &Fixture) -> Option<usize> {
        match self.group() {
            "xml_decode" | "xml_encode" => Some(fixture.payload.xml.len()),
            "to_value" => None,
            _ => Some(fixture.payload.json.len()),
        }
    }

    /// Runs the operation once; the result is built, handed to `black_box` and dropped.
    /// Never inlined, so a profiler can collect inside it alone.
    #[inline(never)]
    pub fn run(self, fx: &Fixture) {
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
            Op::SerdeJsonEncode => {
                black_box(serde_json::to_vec(black_box(fx.mirror())).unwrap());
            }
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

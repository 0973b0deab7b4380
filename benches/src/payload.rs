//! The benchmark document: a GetTranscriptResponse as the Connect Participant service sends it.
//!
//! [`Payload::generate`] builds `n` transcript items from a fixed seed, so every run (and every
//! machine) measures the same bytes. The data mimics a customer chat:
//!
//! - items 1-2 s to 30 s apart from `2019-11-08T02:41:28.172Z`, `AbsoluteTime` with milliseconds;
//! - `Type` mostly `MESSAGE`, some `EVENT`, `ATTACHMENT`, `CONNECTION_ACK`,
//!   `MESSAGE_DELIVERED`, `MESSAGE_READ`;
//! - message `Content` of 20-300 characters; about 40% of them carry `\n`, `"`, `\`, `\t`,
//!   `&`, `<b>`, accented letters, emoji or CJK, and half of those are written with `\u`
//!   escapes in the JSON (surrogate pairs for emoji), the other half with short escapes and
//!   raw UTF-8;
//! - `Attachments` is an empty list except on `ATTACHMENT` items, `MessageMetadata` (with 0-2
//!   `Receipts`) on messages and attachments, and each item has `ContactId` or
//!   `RelatedContactId`.
//!
//! The JSON is compact, members in model order, absent members left out; the XML is
//! `<GetTranscriptResponse>` with `<member>`-wrapped lists. Both are written here, by hand,
//! rather than by any of the codecs under test.

use std::fmt::Write as _;

use crate::mirror::{AttachmentItem, GetTranscriptResponse, Item, MessageMetadata, Receipt};

/// The seed every payload is generated from.
pub const SEED: u64 = 0x00C0_FFEE_2018_0907;

/// The transcript sizes the benchmarks run at.
pub const SIZES: [usize; 3] = [10, 100, 1000];

/// One generated document: the data and its two wire forms.
#[derive(Debug, Clone)]
pub struct Payload {
    /// The data, as the reference every decoder must reproduce.
    pub response: GetTranscriptResponse,
    /// The JSON body.
    pub json: Vec<u8>,
    /// The XML body.
    pub xml: Vec<u8>,
    /// How many `Content` values carry special characters (for the report).
    pub rich_contents: usize,
}

impl Payload {
    /// The document with `items` transcript items.
    pub fn generate(items: usize) -> Self {
        let mut generator = Generator::new(SEED);
        let mut transcript = Vec::with_capacity(items);
        let mut unicode_escapes = Vec::with_capacity(items);
        let mut rich_contents = 0;
        for _ in 0..items {
            let (item, rich) = generator.item();
            if rich {
                rich_contents += 1;
            }
            // Every second rich content is written with `\u` escapes.
            unicode_escapes.push(rich && rich_contents % 2 == 0);
            transcript.push(item);
        }
        let response = GetTranscriptResponse {
            initial_contact_id: Some(generator.contact_id.clone()),
            transcript: Some(transcript),
            next_token: Some(generator.token()),
        };
        let json = write_json(&response, &unicode_escapes).into_bytes();
        let xml = write_xml(&response).into_bytes();
        Self {
            response,
            json,
            xml,
            rich_contents,
        }
    }

    /// The number of transcript items.
    pub fn items(&self) -> usize {
        self.response.transcript.as_ref().map_or(0, Vec::len)
    }
}

/// SplitMix64: small, fast and fully determined by its seed.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator starting at `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next_u64() % (high - low + 1)
    }

    /// `true` with probability `percent`%.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }
}

struct Participant {
    id: String,
    name: &'static str,
    role: &'static str,
}

const WORDS: &[&str] = &[
    "order",
    "package",
    "arrived",
    "today",
    "thanks",
    "please",
    "could",
    "you",
    "check",
    "the",
    "status",
    "refund",
    "account",
    "number",
    "delivery",
    "address",
    "changed",
    "yesterday",
    "screen",
    "cracked",
    "replacement",
    "label",
    "email",
    "confirm",
    "tracking",
    "hello",
    "sorry",
    "about",
    "that",
    "issue",
    "we",
    "will",
    "send",
    "a",
    "new",
    "unit",
    "shortly",
    "is",
    "there",
    "anything",
    "else",
    "I",
    "can",
    "help",
    "with",
    "invoice",
    "payment",
    "card",
    "declined",
    "again",
    "minutes",
    "hours",
    "warranty",
    "covers",
    "it",
    "great",
];

// Each is inserted between words in rich contents.
const SPECIALS: &[&str] = &[
    "\n",
    "\n\n",
    "\t",
    "\"quoted\"",
    "C:\\Users\\maya",
    "&",
    "<b>bold</b>",
    "café",
    "naïve",
    "Zoë",
    "señor",
    "😀",
    "🙏",
    "📦",
    "日本語",
    "注文番号",
    "谢谢",
    "ñandú",
    "—",
];

const CONTENT_TYPES: &[&str] = &["text/plain", "text/plain", "text/markdown"];
const EVENT_TYPES: &[&str] = &[
    "application/vnd.amazonaws.connect.event.participant.joined",
    "application/vnd.amazonaws.connect.event.participant.left",
    "application/vnd.amazonaws.connect.event.typing",
    "application/vnd.amazonaws.connect.event.transfer.succeeded",
];

struct Generator {
    rng: SplitMix64,
    millis: u64,
    contact_id: String,
    related_contact_id: String,
    participants: Vec<Participant>,
    attachments: u64,
}

impl Generator {
    fn new(seed: u64) -> Self {
        let mut rng = SplitMix64::new(seed);
        let contact_id = uuid(&mut rng);
        let related_contact_id = uuid(&mut rng);
        let participants = [
            ("Maya", "CUSTOMER"),
            ("Jonas (Support)", "AGENT"),
            ("Zoë Müller", "AGENT"),
            ("Order Bot", "CUSTOM_BOT"),
            ("SYSTEM_MESSAGE", "SYSTEM"),
        ]
        .into_iter()
        .map(|(name, role)| Participant {
            id: uuid(&mut rng),
            name,
            role,
        })
        .collect();
        Self {
            rng,
            // 2019-11-08T02:41:28.172Z
            millis: 1_573_180_888_172,
            contact_id,
            related_contact_id,
            participants,
            attachments: 0,
        }
    }

    fn token(&mut self) -> String {
        format!("{:016x}{:016x}", self.rng.next_u64(), self.rng.next_u64())
    }

    /// The next item, and whether its content has special characters.
    fn item(&mut self) -> (Item, bool) {
        self.millis += self.rng.range(200, 30_000);
        let roll = self.rng.range(0, 99);
        let kind = match roll {
            0..=71 => "MESSAGE",
            72..=81 => "EVENT",
            82..=85 => "ATTACHMENT",
            86..=87 => "CONNECTION_ACK",
            88..=93 => "MESSAGE_DELIVERED",
            _ => "MESSAGE_READ",
        };
        let participant = match kind {
            "EVENT" => self.rng.range(0, 4),
            "ATTACHMENT" => 0,
            _ => self.rng.range(0, 3),
        } as usize;
        let id = uuid(&mut self.rng);
        let mut rich = false;
        let (content, content_type) = match kind {
            "MESSAGE" => {
                let (text, is_rich) = self.content();
                rich = is_rich;
                (Some(text), (*self.rng.pick(CONTENT_TYPES)).to_owned())
            }
            "EVENT" => (None, (*self.rng.pick(EVENT_TYPES)).to_owned()),
            "ATTACHMENT" => (None, "application/pdf".to_owned()),
            "CONNECTION_ACK" => (
                None,
                "application/vnd.amazonaws.connect.event.connection.acknowledged".to_owned(),
            ),
            _ => (
                Some(format!("{{\"messageId\":\"{}\"}}", uuid(&mut self.rng))),
                format!(
                    "application/vnd.amazonaws.connect.event.message.{}",
                    if kind == "MESSAGE_READ" {
                        "read"
                    } else {
                        "delivered"
                    }
                ),
            ),
        };
        let has_metadata = matches!(kind, "MESSAGE" | "ATTACHMENT");
        let related = self.rng.chance(10);
        let p = &self.participants[participant];
        let item = Item {
            absolute_time: Some(timestamp(self.millis)),
            content,
            content_type: Some(content_type),
            id: Some(id.clone()),
            item_type: Some(kind.to_owned()),
            participant_id: Some(p.id.clone()),
            display_name: Some(p.name.to_owned()),
            participant_role: Some(p.role.to_owned()),
            attachments: Some(if kind == "ATTACHMENT" {
                vec![self.attachment()]
            } else {
                Vec::new()
            }),
            message_metadata: has_metadata.then(|| self.metadata(id, participant)),
            related_contact_id: related.then(|| self.related_contact_id.clone()),
            contact_id: (!related).then(|| self.contact_id.clone()),
        };
        (item, rich)
    }

    /// A message of 20-300 characters, and whether it has special characters (40%).
    fn content(&mut self) -> (String, bool) {
        let target = self.rng.range(20, 300) as usize;
        let rich = self.rng.chance(40);
        let mut text = String::new();
        let mut chars = 0;
        let mut pieces = 0;
        while chars < target {
            // A rich content always has a special second piece, and more at random.
            let piece = if pieces > 0 && rich && (pieces == 1 || self.rng.chance(15)) {
                *self.rng.pick(SPECIALS)
            } else {
                *self.rng.pick(WORDS)
            };
            if chars > 0 {
                text.push(' ');
            }
            text.push_str(piece);
            pieces += 1;
            chars = text.chars().count();
        }
        let mut text: String = text.chars().take(target).collect();
        // quick-xml's serde reader trims text: keep whitespace away from the ends.
        while text.ends_with(char::is_whitespace) {
            text.pop();
        }
        while text.chars().count() < target {
            text.push('.');
        }
        let rich = rich
            && text
                .chars()
                .any(|c| !(c.is_ascii_alphanumeric() || c == ' ' || c == '.'));
        (text, rich)
    }

    fn attachment(&mut self) -> AttachmentItem {
        self.attachments += 1;
        AttachmentItem {
            content_type: Some("application/pdf".to_owned()),
            attachment_id: Some(format!("att-{:08x}", self.rng.next_u64() as u32)),
            attachment_name: Some(format!("receipt-{}.pdf", 4400 + self.attachments)),
            status: Some("APPROVED".to_owned()),
        }
    }

    fn metadata(&mut self, message_id: String, sender: usize) -> MessageMetadata {
        let count = self.rng.range(0, 2);
        let receipts = (0..count)
            .map(|_| {
                let delivered = self.millis + self.rng.range(100, 1_000);
                let read = self
                    .rng
                    .chance(70)
                    .then(|| timestamp(delivered + self.rng.range(500, 20_000)));
                let recipient = (sender + 1 + self.rng.range(0, 2) as usize) % 4;
                Receipt {
                    delivered_timestamp: Some(timestamp(delivered)),
                    read_timestamp: read,
                    recipient_participant_id: Some(self.participants[recipient].id.clone()),
                }
            })
            .collect();
        MessageMetadata {
            message_id: Some(message_id),
            receipts: Some(receipts),
            message_processing_status: self.rng.chance(10).then(|| "PROCESSING".to_owned()),
        }
    }
}

pub(crate) fn uuid(rng: &mut SplitMix64) -> String {
    let a = rng.next_u64();
    let b = rng.next_u64();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:x}{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        8 + (b >> 62),
        (b >> 48) & 0xfff,
        b & 0xffff_ffff_ffff
    )
}

/// `millis` since the epoch as `2019-11-08T02:41:28.172Z`.
pub(crate) fn timestamp(millis: u64) -> String {
    let secs = millis / 1000;
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        millis % 1000
    )
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn write_json(response: &GetTranscriptResponse, unicode_escapes: &[bool]) -> String {
    let mut out = String::from("{");
    let mut obj = JsonObject::new(&mut out);
    obj.string("InitialContactId", response.initial_contact_id.as_deref());
    if let Some(items) = &response.transcript {
        obj.key("Transcript");
        obj.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                obj.out.push(',');
            }
            json_item(obj.out, item, unicode_escapes[i]);
        }
        obj.out.push(']');
    }
    obj.string("NextToken", response.next_token.as_deref());
    out.push('}');
    out
}

fn json_item(out: &mut String, item: &Item, unicode: bool) {
    out.push('{');
    let mut obj = JsonObject::new(out);
    obj.string("AbsoluteTime", item.absolute_time.as_deref());
    if let Some(content) = &item.content {
        obj.key("Content");
        json_string(obj.out, content, unicode);
    }
    obj.string("ContentType", item.content_type.as_deref());
    obj.string("Id", item.id.as_deref());
    obj.string("Type", item.item_type.as_deref());
    obj.string("ParticipantId", item.participant_id.as_deref());
    obj.string("DisplayName", item.display_name.as_deref());
    obj.string("ParticipantRole", item.participant_role.as_deref());
    if let Some(attachments) = &item.attachments {
        obj.key("Attachments");
        obj.list(attachments, |out, a| {
            out.push('{');
            let mut obj = JsonObject::new(out);
            obj.string("ContentType", a.content_type.as_deref());
            obj.string("AttachmentId", a.attachment_id.as_deref());
            obj.string("AttachmentName", a.attachment_name.as_deref());
            obj.string("Status", a.status.as_deref());
            out.push('}');
        });
    }
    if let Some(metadata) = &item.message_metadata {
        obj.key("MessageMetadata");
        obj.out.push('{');
        let mut meta = JsonObject::new(obj.out);
        meta.string("MessageId", metadata.message_id.as_deref());
        if let Some(receipts) = &metadata.receipts {
            meta.key("Receipts");
            meta.list(receipts, |out, r| {
                out.push('{');
                let mut obj = JsonObject::new(out);
                obj.string("DeliveredTimestamp", r.delivered_timestamp.as_deref());
                obj.string("ReadTimestamp", r.read_timestamp.as_deref());
                obj.string(
                    "RecipientParticipantId",
                    r.recipient_participant_id.as_deref(),
                );
                out.push('}');
            });
        }
        meta.string(
            "MessageProcessingStatus",
            metadata.message_processing_status.as_deref(),
        );
        obj.out.push('}');
    }
    obj.string("RelatedContactId", item.related_contact_id.as_deref());
    obj.string("ContactId", item.contact_id.as_deref());
    out.push('}');
}

/// Writes the members of one JSON object, commas included.
struct JsonObject<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> JsonObject<'a> {
    fn new(out: &'a mut String) -> Self {
        Self { out, first: true }
    }

    fn key(&mut self, name: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        let _ = write!(self.out, "\"{name}\":");
    }

    fn string(&mut self, name: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.key(name);
            json_string(self.out, value, false);
        }
    }

    fn list<T>(&mut self, items: &[T], mut write: impl FnMut(&mut String, &T)) {
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            write(self.out, item);
        }
        self.out.push(']');
    }
}

/// A JSON string; with `unicode`, everything but printable ASCII letters, digits and
/// punctuation other than `"`, `\`, `&`, `<`, `>` is written as `\uXXXX`.
pub(crate) fn json_string(out: &mut String, text: &str, unicode: bool) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' | '<' | '>' | '\n' | '\t' if unicode => unicode_escape(out, c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c < ' ' => unicode_escape(out, c),
            c if unicode && !c.is_ascii() => unicode_escape(out, c),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn unicode_escape(out: &mut String, c: char) {
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        let _ = write!(out, "\\u{unit:04x}");
    }
}

fn write_xml(response: &GetTranscriptResponse) -> String {
    let mut out = String::from("<GetTranscriptResponse>");
    xml_text(
        &mut out,
        "InitialContactId",
        response.initial_contact_id.as_deref(),
    );
    if let Some(items) = &response.transcript {
        xml_list(&mut out, "Transcript", items, xml_item);
    }
    xml_text(&mut out, "NextToken", response.next_token.as_deref());
    out.push_str("</GetTranscriptResponse>");
    out
}

fn xml_item(out: &mut String, item: &Item) {
    xml_text(out, "AbsoluteTime", item.absolute_time.as_deref());
    xml_text(out, "Content", item.content.as_deref());
    xml_text(out, "ContentType", item.content_type.as_deref());
    xml_text(out, "Id", item.id.as_deref());
    xml_text(out, "Type", item.item_type.as_deref());
    xml_text(out, "ParticipantId", item.participant_id.as_deref());
    xml_text(out, "DisplayName", item.display_name.as_deref());
    xml_text(out, "ParticipantRole", item.participant_role.as_deref());
    if let Some(attachments) = &item.attachments {
        xml_list(out, "Attachments", attachments, |out, a| {
            xml_text(out, "ContentType", a.content_type.as_deref());
            xml_text(out, "AttachmentId", a.attachment_id.as_deref());
            xml_text(out, "AttachmentName", a.attachment_name.as_deref());
            xml_text(out, "Status", a.status.as_deref());
        });
    }
    if let Some(metadata) = &item.message_metadata {
        out.push_str("<MessageMetadata>");
        xml_text(out, "MessageId", metadata.message_id.as_deref());
        if let Some(receipts) = &metadata.receipts {
            xml_list(out, "Receipts", receipts, |out, r| {
                xml_text(out, "DeliveredTimestamp", r.delivered_timestamp.as_deref());
                xml_text(out, "ReadTimestamp", r.read_timestamp.as_deref());
                xml_text(
                    out,
                    "RecipientParticipantId",
                    r.recipient_participant_id.as_deref(),
                );
            });
        }
        xml_text(
            out,
            "MessageProcessingStatus",
            metadata.message_processing_status.as_deref(),
        );
        out.push_str("</MessageMetadata>");
    }
    xml_text(out, "RelatedContactId", item.related_contact_id.as_deref());
    xml_text(out, "ContactId", item.contact_id.as_deref());
}

fn xml_list<T>(out: &mut String, name: &str, items: &[T], write: impl Fn(&mut String, &T)) {
    let _ = write!(out, "<{name}>");
    for item in items {
        out.push_str("<member>");
        write(out, item);
        out.push_str("</member>");
    }
    let _ = write!(out, "</{name}>");
}

pub(crate) fn xml_text(out: &mut String, name: &str, value: Option<&str>) {
    let Some(value) = value else { return };
    let _ = write!(out, "<{name}>");
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    let _ = write!(out, "</{name}>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_iso_8601_with_milliseconds() {
        assert_eq!(timestamp(1_573_180_888_172), "2019-11-08T02:41:28.172Z");
        assert_eq!(timestamp(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(Payload::generate(50).json, Payload::generate(50).json);
    }

    #[test]
    fn emoji_are_escaped_as_surrogate_pairs() {
        let mut out = String::new();
        json_string(&mut out, "a😀\n&", true);
        assert_eq!(out, r#""a\ud83d\ude00\u000a\u0026""#);
        out.clear();
        json_string(&mut out, "a😀\n\"", false);
        assert_eq!(out, "\"a😀\\n\\\"\"");
    }
}

//! Timestamps against the cases in `tests/data/timestamps.json`: every case goes through
//! [`Timestamp::parse`] / [`Timestamp::format`] and through the codecs (a JSON number or string
//! member, XML element text), and every format case round-trips.
//!
//! The data file has four sections: `parse` (text to seconds and nanoseconds), `format`
//! (seconds and nanoseconds to text), `unformattable` (instants outside years 0000 to 9999,
//! which have no date text) and `invalid` (text every reader must refuse).

use awso_core::schema::TimestampFormat;
use awso_core::{Timestamp, json, xml};
use awso_tests::Scalars;
use serde_json::Value as Json;

/// The parsed data file.
fn data() -> Json {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/timestamps.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing {path}: {e}"))
}

/// The cases of one section.
fn section(name: &str) -> Vec<Json> {
    data()[name]
        .as_array()
        .unwrap_or_else(|| panic!("the data file has no `{name}` array"))
        .clone()
}

fn format_of(case: &Json) -> TimestampFormat {
    let name = case["format"].as_str().expect("`format` is a string");
    TimestampFormat::from_name(name).unwrap_or_else(|| panic!("unknown format {name:?}"))
}

fn text_of(case: &Json) -> &str {
    case["text"].as_str().expect("`text` is a string")
}

fn instant_of(case: &Json) -> Timestamp {
    let secs = case["secs"].as_i64().expect("`secs` is an i64");
    let nanos = case["nanos"].as_u64().expect("`nanos` is a u64");
    Timestamp::from_secs_and_nanos(secs, u32::try_from(nanos).expect("nanos fit u32"))
        .unwrap_or_else(|| panic!("nanos {nanos} out of range in {case}"))
}

/// The `Scalars` member that carries timestamps in `format`, and its wire name.
fn member_name(format: TimestampFormat) -> &'static str {
    match format {
        TimestampFormat::DateTime => "DateTime",
        TimestampFormat::EpochSeconds => "EpochSeconds",
        TimestampFormat::HttpDate => "HttpDate",
    }
}

fn member_value(scalars: &Scalars, format: TimestampFormat) -> Option<Timestamp> {
    match format {
        TimestampFormat::DateTime => scalars.date_time,
        TimestampFormat::EpochSeconds => scalars.epoch_seconds,
        TimestampFormat::HttpDate => scalars.http_date,
    }
}

fn with_member(format: TimestampFormat, value: Timestamp) -> Scalars {
    let mut scalars = Scalars::default();
    match format {
        TimestampFormat::DateTime => scalars.date_time = Some(value),
        TimestampFormat::EpochSeconds => scalars.epoch_seconds = Some(value),
        TimestampFormat::HttpDate => scalars.http_date = Some(value),
    }
    scalars
}

/// A JSON body with `text` at the member for `format`: a number for epoch seconds (the text
/// is the number token), a string otherwise.
fn json_body(format: TimestampFormat, text: &str) -> String {
    let value = if format == TimestampFormat::EpochSeconds {
        text.to_owned()
    } else {
        serde_json::to_string(text).expect("a string serializes")
    };
    format!("{{\"{}\":{value}}}", member_name(format))
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn xml_body(format: TimestampFormat, text: &str) -> String {
    let name = member_name(format);
    format!("<Scalars><{name}>{}</{name}></Scalars>", xml_escape(text))
}

/// Fails with every collected failure, and how many of how many cases they were.
fn check(what: &str, total: usize, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} of {total} {what} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Each section holds enough cases that an emptied or truncated file cannot pass unnoticed.
#[test]
fn data_file_has_every_section_and_format() {
    let counts = |name: &str, format: &str| {
        section(name)
            .iter()
            .filter(|c| c["format"].as_str() == Some(format))
            .count()
    };
    for format in ["date-time", "epoch-seconds", "http-date"] {
        assert!(counts("parse", format) >= 15, "parse cases for {format}");
        assert!(counts("format", format) >= 14, "format cases for {format}");
        assert!(
            counts("invalid", format) >= 20,
            "invalid cases for {format}"
        );
    }
    for format in ["date-time", "http-date"] {
        assert!(
            counts("unformattable", format) >= 4,
            "unformattable cases for {format}"
        );
    }
    assert!(
        section("invalid")
            .iter()
            .any(|c| text_of(c).len() >= 10_000 && format_of(c) == TimestampFormat::EpochSeconds),
        "a 10,000-digit epoch-seconds case"
    );
}

#[test]
fn parse_cases_parse_to_their_instant() {
    let cases = section("parse");
    let mut failures = Vec::new();
    for case in &cases {
        let (format, text, expected) = (format_of(case), text_of(case), instant_of(case));
        match Timestamp::parse(text, format) {
            Ok(t) if t == expected => {}
            Ok(t) => failures.push(format!(
                "{format:?} {text:?}: got ({}, {}), expected ({}, {})",
                t.secs(),
                t.subsec_nanos(),
                expected.secs(),
                expected.subsec_nanos()
            )),
            Err(e) => failures.push(format!("{format:?} {text:?}: {e}")),
        }
    }
    check("parse cases", cases.len(), &failures);
}

/// Epoch seconds decode from a JSON number, the date formats from a JSON string, at a member
/// with that `timestamp_format`; epoch seconds also at a member without one (JSON's default).
#[test]
fn parse_cases_decode_from_json() {
    let cases = section("parse");
    let mut failures = Vec::new();
    for case in &cases {
        let (format, text, expected) = (format_of(case), text_of(case), instant_of(case));
        let body = json_body(format, text);
        match json::from_str::<Scalars>(&body) {
            Ok(s) if member_value(&s, format) == Some(expected) => {}
            Ok(s) => failures.push(format!("{body}: decoded {s:?}")),
            Err(e) => failures.push(format!("{body}: {e}")),
        }
        if format == TimestampFormat::EpochSeconds {
            let body = format!("{{\"Timestamp\":{text}}}");
            match json::from_str::<Scalars>(&body) {
                Ok(s) if s.timestamp == Some(expected) => {}
                Ok(s) => failures.push(format!("{body}: decoded {s:?}")),
                Err(e) => failures.push(format!("{body}: {e}")),
            }
        }
    }
    check("parse cases through JSON", cases.len(), &failures);
}

/// Every format decodes from XML element text; date-time also at a member without a format
/// (XML's default).
#[test]
fn parse_cases_decode_from_xml() {
    let cases = section("parse");
    let mut failures = Vec::new();
    for case in &cases {
        let (format, text, expected) = (format_of(case), text_of(case), instant_of(case));
        let body = xml_body(format, text);
        match xml::from_str::<Scalars>(&body) {
            Ok(s) if member_value(&s, format) == Some(expected) => {}
            Ok(s) => failures.push(format!("{body}: decoded {s:?}")),
            Err(e) => failures.push(format!("{body}: {e}")),
        }
        if format == TimestampFormat::DateTime {
            let body = format!(
                "<Scalars><Timestamp>{}</Timestamp></Scalars>",
                xml_escape(text)
            );
            match xml::from_str::<Scalars>(&body) {
                Ok(s) if s.timestamp == Some(expected) => {}
                Ok(s) => failures.push(format!("{body}: decoded {s:?}")),
                Err(e) => failures.push(format!("{body}: {e}")),
            }
        }
    }
    check("parse cases through XML", cases.len(), &failures);
}

/// `format` writes the expected text, and parsing it gives the same instant back.
#[test]
fn format_cases_format_and_round_trip() {
    let cases = section("format");
    let mut failures = Vec::new();
    for case in &cases {
        let (format, expected, t) = (format_of(case), text_of(case), instant_of(case));
        match t.format(format) {
            Ok(text) if text == expected => {}
            Ok(text) => failures.push(format!(
                "{t:?} as {format:?}: {text:?}, expected {expected:?}"
            )),
            Err(e) => failures.push(format!("{t:?} as {format:?}: {e}")),
        }
        match Timestamp::parse(expected, format) {
            Ok(back) if back == t => {}
            Ok(back) => failures.push(format!("{expected:?} parsed back as {back:?}, not {t:?}")),
            Err(e) => failures.push(format!("{expected:?} does not parse back: {e}")),
        }
    }
    check("format cases", cases.len(), &failures);
}

/// Through the codecs: the encoded body holds exactly the expected text, and decodes back to
/// the same instant.
#[test]
fn format_cases_encode_and_round_trip_through_json_and_xml() {
    let cases = section("format");
    let mut failures = Vec::new();
    for case in &cases {
        let (format, text, t) = (format_of(case), text_of(case), instant_of(case));
        let value = with_member(format, t);

        let expected_json = json_body(format, text);
        match json::to_string(&value) {
            Ok(body) if body == expected_json => match json::from_str::<Scalars>(&body) {
                Ok(back) if back == value => {}
                Ok(back) => failures.push(format!("JSON {body} decoded as {back:?}")),
                Err(e) => failures.push(format!("JSON {body} does not decode: {e}")),
            },
            Ok(body) => failures.push(format!("JSON of {t:?}: {body}, expected {expected_json}")),
            Err(e) => failures.push(format!("JSON of {t:?} as {format:?}: {e}")),
        }

        let expected_xml = xml_body(format, text);
        match xml::to_string(&value) {
            Ok(body) if body == expected_xml => match xml::from_str::<Scalars>(&body) {
                Ok(back) if back == value => {}
                Ok(back) => failures.push(format!("XML {body} decoded as {back:?}")),
                Err(e) => failures.push(format!("XML {body} does not decode: {e}")),
            },
            Ok(body) => failures.push(format!("XML of {t:?}: {body}, expected {expected_xml}")),
            Err(e) => failures.push(format!("XML of {t:?} as {format:?}: {e}")),
        }
    }
    check("format cases through JSON and XML", cases.len(), &failures);
}

/// Instants outside years 0000 to 9999 have no date text: formatting them is an error, in
/// `format` and in both serializers, never a wrong date.
#[test]
fn unformattable_instants_are_errors() {
    let cases = section("unformattable");
    let mut failures = Vec::new();
    for case in &cases {
        let (format, t) = (format_of(case), instant_of(case));
        if let Ok(text) = t.format(format) {
            failures.push(format!("{t:?} formatted as {format:?}: {text:?}"));
        }
        let value = with_member(format, t);
        if let Ok(body) = json::to_string(&value) {
            failures.push(format!("{t:?} encoded to JSON: {body}"));
        }
        if let Ok(body) = xml::to_string(&value) {
            failures.push(format!("{t:?} encoded to XML: {body}"));
        }
        // The instant itself is fine: epoch seconds can always carry it.
        match t.format(TimestampFormat::EpochSeconds) {
            Ok(text) if Timestamp::parse(&text, TimestampFormat::EpochSeconds).ok() == Some(t) => {}
            other => failures.push(format!("{t:?} as epoch seconds: {other:?}")),
        }
    }
    check("unformattable cases", cases.len(), &failures);
}

#[test]
fn invalid_cases_are_refused_by_parse() {
    let cases = section("invalid");
    let mut failures = Vec::new();
    for case in &cases {
        let (format, text) = (format_of(case), text_of(case));
        match Timestamp::parse(text, format) {
            Ok(t) => failures.push(format!("{format:?} {text:?} parsed as {t:?}")),
            // The message names the format (long inputs are not checked for their echo).
            Err(e) if e.to_string().contains(format.as_str()) => {}
            Err(e) => failures.push(format!("{format:?} {text:?}: message {e} lacks the format")),
        }
    }
    check("invalid cases", cases.len(), &failures);
}

/// Through the codecs, invalid text is an error naming the member, with a position. JSON and
/// XML allow whitespace around a number or element text, so a case that is only invalid for
/// its surrounding whitespace must read there as its trimmed text does.
#[test]
fn invalid_cases_are_refused_by_json_and_xml() {
    let cases = section("invalid");
    let mut failures = Vec::new();
    for case in &cases {
        let (format, text) = (format_of(case), text_of(case));
        let trimmed = text.trim_ascii();
        let short: String = text.chars().take(60).collect();

        let json_text = json_body(format, text);
        let json_result = json::from_str::<Scalars>(&json_text);
        let whitespace_tolerated = format == TimestampFormat::EpochSeconds && trimmed != text;
        if whitespace_tolerated {
            let expected = Timestamp::parse(trimmed, format).ok();
            let got = json_result.ok().and_then(|s| s.epoch_seconds);
            if got != expected {
                failures.push(format!(
                    "JSON number {short:?}: {got:?}, expected {expected:?}"
                ));
            }
        } else {
            match json_result {
                Ok(s) => failures.push(format!("JSON {short:?} decoded as {s:?}")),
                Err(e) if e.position().is_some() => {}
                Err(e) => failures.push(format!("JSON {short:?}: no position in {e}")),
            }
        }

        let xml_text = xml_body(format, text);
        let xml_result = xml::from_str::<Scalars>(&xml_text);
        if trimmed == text {
            match xml_result {
                Ok(s) => failures.push(format!("XML {short:?} decoded as {s:?}")),
                Err(e) if e.path() == member_name(format) && e.position().is_some() => {}
                Err(e) => failures.push(format!("XML {short:?}: wrong path or no position in {e}")),
            }
        } else {
            let expected = Timestamp::parse(trimmed, format).ok();
            let got = xml_result.ok().and_then(|s| member_value(&s, format));
            if got != expected {
                failures.push(format!(
                    "XML text {short:?}: {got:?}, expected {expected:?}"
                ));
            }
        }
    }
    check("invalid cases through JSON and XML", cases.len(), &failures);
}

/// Where the JSON decoder reads a date string, the error names the member and the format.
#[test]
fn invalid_date_strings_in_json_name_the_member() {
    let cases = section("invalid");
    let mut failures = Vec::new();
    let dates: Vec<&Json> = cases
        .iter()
        .filter(|c| format_of(c) != TimestampFormat::EpochSeconds)
        .collect();
    for case in &dates {
        let (format, text) = (format_of(case), text_of(case));
        match json::from_str::<Scalars>(&json_body(format, text)) {
            Ok(s) => failures.push(format!("{text:?} decoded as {s:?}")),
            Err(e)
                if e.path() == member_name(format) && e.to_string().contains(format.as_str()) => {}
            Err(e) => failures.push(format!("{text:?}: path {:?}, message {e}", e.path())),
        }
    }
    check("invalid date strings through JSON", dates.len(), &failures);
}

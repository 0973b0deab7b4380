//! The awso demo: a GetAttachment response of the Amazon Connect Participant Service taken
//! through the `Value` tree, JSON and XML and back, then two errors decoded — one the
//! operation models, one it does not.

use awso_connectparticipant::{GetAttachmentError, GetAttachmentResponse};
use awso_core::{AwsError, ErrorParts, json, xml};

/// A response body as the service sends it.
const RESPONSE: &str = r#"{"Url":"https://connect-attachments.s3.amazonaws.com/9f2c/report.pdf?X-Amz-Signature=e1f0","UrlExpiry":"2026-11-28T20:15:00.000Z","AttachmentSizeInBytes":184320}"#;

/// An error body for a code the operation models.
const THROTTLED: &[u8] = br#"{"Message":"Rate exceeded for this participant"}"#;

/// An XML error in the awsQuery envelope, for a code the operation does not model.
const NOT_FOUND: &[u8] = b"<ErrorResponse><Error><Type>Sender</Type><Code>ResourceNotFoundException</Code><Message>No attachment 9f2c</Message></Error><RequestId>4b1e-77aa</RequestId></ErrorResponse>";

fn main() -> Result<(), awso_core::Error> {
    let response: GetAttachmentResponse = json::from_str(RESPONSE)?;
    println!("== decoded from JSON\n{response:#?}\n");

    let value = awso_core::to_value(&response)?;
    println!("== Value tree\n{value}\n");

    let json_text = json::to_string(&response)?;
    println!("== JSON\n{json_text}\n");
    let xml_text = xml::to_string(&response)?;
    println!("== XML\n{xml_text}\n");

    let from_json: GetAttachmentResponse = json::from_str(&json_text)?;
    let from_xml: GetAttachmentResponse = xml::from_str(&xml_text)?;
    let from_value: GetAttachmentResponse = awso_core::from_value(&value)?;
    println!(
        "== decoded back: JSON {}, XML {}, Value {}\n",
        verdict(from_json == response),
        verdict(from_xml == response),
        verdict(from_value == response),
    );

    let modeled = GetAttachmentError::from_parts(
        ErrorParts::json("ThrottlingException", THROTTLED).status(429),
    );
    println!("== JSON error, code ThrottlingException\n{modeled:?}\n{modeled}\n");

    let unknown = GetAttachmentError::from_parts(
        ErrorParts::xml("ResourceNotFoundException", NOT_FOUND).status(404),
    );
    println!(
        "== XML error, code ResourceNotFoundException (not modeled by GetAttachment)\n{unknown}"
    );
    if let Some(kept) = unknown.as_unknown() {
        println!(
            "kept: code {:?}, message {:?}, status {:?}, {} body bytes",
            kept.code(),
            kept.message(),
            kept.status(),
            kept.body().len()
        );
    }
    println!("as JSON: {}", unknown.to_json()?);
    Ok(())
}

fn verdict(equal: bool) -> &'static str {
    if equal { "equal" } else { "DIFFERENT" }
}

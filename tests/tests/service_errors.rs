//! Operation error enums: modeled codes decode into their variant from JSON and XML bodies,
//! everything else into `Unknown` with code, message, status, request id and raw body, and
//! errors encode back to JSON.

use awso_core::{AwsError, AwsShape, ErrorParts, UnknownError};

#[derive(AwsShape, Debug, PartialEq)]
#[awso(error(fault = "client", status = 403))]
struct AccessDeniedException {
    #[awso(rename = "Message")]
    message: String,
}

#[derive(AwsShape, Debug, PartialEq)]
#[awso(error(fault = "server", status = 500))]
struct InternalServerException {
    #[awso(rename = "Message")]
    message: Option<String>,
}

/// An error whose query code differs from its name (`@awsQueryError`), with a header member.
#[derive(AwsShape, Debug, PartialEq)]
#[awso(error(fault = "client", status = 400, code = "Throttling"))]
struct ThrottlingException {
    #[awso(rename = "message")]
    message: Option<String>,
    #[awso(rename = "RetryAfterSeconds")]
    retry_after_seconds: Option<i32>,
}

#[derive(AwsError, Debug)]
enum GetAttachmentError {
    AccessDeniedException(AccessDeniedException),
    InternalServerException(InternalServerException),
    ThrottlingException(ThrottlingException),
    Unknown(UnknownError),
}

#[test]
fn json_bodies_decode_into_modeled_variants() {
    let err = GetAttachmentError::from_json("AccessDeniedException", br#"{"Message":"denied"}"#);
    let GetAttachmentError::AccessDeniedException(inner) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(inner.message, "denied");
    assert_eq!(err.code(), "AccessDeniedException");
    assert_eq!(err.message(), Some("denied"));
    assert_eq!(err.to_string(), "AccessDeniedException: denied");
    assert!(std::error::Error::source(&err).is_some());

    // Codes arrive with namespaces and URI suffixes.
    for code in [
        "aws.protocoltests.restjson#InternalServerException",
        "InternalServerException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        "aws.protocoltests.restjson#InternalServerException:http://internal.amazon.com/",
    ] {
        let err = GetAttachmentError::from_json(code, br#"{"Message":"boom","__type":"x"}"#);
        assert!(
            matches!(&err, GetAttachmentError::InternalServerException(e) if e.message.as_deref() == Some("boom")),
            "{code}: {err:?}"
        );
    }
}

#[test]
fn an_empty_body_still_gives_the_modeled_variant() {
    let err = GetAttachmentError::from_parts(
        ErrorParts::json("InternalServerException", b"").status(500),
    );
    assert!(matches!(
        err,
        GetAttachmentError::InternalServerException(InternalServerException { message: None })
    ));
    // A required message that did not arrive takes its zero value.
    let err = GetAttachmentError::from_json("AccessDeniedException", b"  {}  ");
    assert!(
        matches!(err, GetAttachmentError::AccessDeniedException(ref e) if e.message.is_empty())
    );
}

#[test]
fn unknown_codes_keep_everything() {
    let body = br#"{"__type":"com.amazon#ResourceNotFoundException","message":"gone"}"#;
    let err = GetAttachmentError::from_parts(
        ErrorParts::json("com.amazon#ResourceNotFoundException", body)
            .status(404)
            .request_id("req-1"),
    );
    let unknown = err.as_unknown().expect("unknown");
    assert_eq!(unknown.code(), "ResourceNotFoundException");
    assert_eq!(unknown.message(), Some("gone"));
    assert_eq!(unknown.status(), Some(404));
    assert_eq!(unknown.request_id(), Some("req-1"));
    assert_eq!(unknown.body(), body);
    assert_eq!(unknown.decode_error(), None);
    assert_eq!(
        err.to_string(),
        "ResourceNotFoundException: gone (HTTP 404)"
    );
    assert_eq!(err.code(), "ResourceNotFoundException");

    for (body, message) in [
        (&br#"{"Message":"upper"}"#[..], Some("upper")),
        (br#"{"errorMessage":"lambda style"}"#, Some("lambda style")),
        (br#"{"message":7}"#, None),
        (b"<html>502 Bad Gateway</html>", None),
        (b"", None),
    ] {
        let err = GetAttachmentError::from_json("Nope", body);
        assert_eq!(err.message(), message, "{}", String::from_utf8_lossy(body));
        assert_eq!(err.as_unknown().map(UnknownError::body), Some(body));
    }
}

#[test]
fn a_modeled_code_with_an_unreadable_body_is_kept_as_unknown() {
    let body = br#"{"Message": 12}"#;
    let err =
        GetAttachmentError::from_parts(ErrorParts::json("AccessDeniedException", body).status(403));
    let unknown = err
        .as_unknown()
        .expect("an unreadable body cannot build the modeled error");
    assert_eq!(unknown.code(), "AccessDeniedException");
    assert_eq!(unknown.status(), Some(403));
    assert_eq!(unknown.body(), body);
    let why = unknown.decode_error().expect("the decode error is kept");
    assert!(why.contains("Message"), "{why}");
}

#[test]
fn xml_bodies_in_every_envelope() {
    let envelopes = [
        // awsQuery
        "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><message>slow</message><RetryAfterSeconds>3</RetryAfterSeconds></Error><RequestId>r</RequestId></ErrorResponse>",
        // ec2Query
        "<Response><Errors><Error><Code>Throttling</Code><message>slow</message><RetryAfterSeconds>3</RetryAfterSeconds></Error></Errors><RequestID>r</RequestID></Response>",
        // restXml without a wrapper
        "<Error><Code>Throttling</Code><message>slow</message><RetryAfterSeconds>3</RetryAfterSeconds></Error>",
    ];
    for body in envelopes {
        let err = GetAttachmentError::from_xml("Throttling", body.as_bytes());
        let GetAttachmentError::ThrottlingException(inner) = &err else {
            panic!("{body}: {err:?}")
        };
        assert_eq!(inner.message.as_deref(), Some("slow"));
        assert_eq!(inner.retry_after_seconds, Some(3));
        assert_eq!(err.code(), "Throttling");
    }
}

#[test]
fn xml_matches_by_the_modeled_error_code_not_the_shape_name() {
    let body = b"<ErrorResponse><Error><Code>ThrottlingException</Code><message>m</message></Error></ErrorResponse>";
    let err = GetAttachmentError::from_xml("ThrottlingException", body);
    let unknown = err
        .as_unknown()
        .expect("the shape name is not the query code");
    assert_eq!(unknown.code(), "ThrottlingException");
    assert_eq!(
        unknown.message(),
        None,
        "the message member is lower-case `message` here"
    );

    let body = b"<ErrorResponse><Error><Code>Unseen</Code><Message>hello</Message></Error></ErrorResponse>";
    let err = GetAttachmentError::from_xml("Unseen", body);
    assert_eq!(err.message(), Some("hello"));
}

#[test]
fn errors_encode_back_to_json() {
    let err = GetAttachmentError::from_json("AccessDeniedException", br#"{"Message":"no"}"#);
    assert_eq!(
        err.to_json().unwrap(),
        r#"{"__type":"AccessDeniedException","Message":"no"}"#
    );

    let err =
        GetAttachmentError::InternalServerException(InternalServerException { message: None });
    assert_eq!(
        err.to_json().unwrap(),
        r#"{"__type":"InternalServerException"}"#
    );

    let err = GetAttachmentError::ThrottlingException(ThrottlingException {
        message: Some("m".into()),
        retry_after_seconds: Some(1),
    });
    let json = err.to_json().unwrap();
    assert_eq!(
        json,
        r#"{"__type":"Throttling","message":"m","RetryAfterSeconds":1}"#
    );

    // An unknown error with a JSON body gives the body back; otherwise code and message.
    let body = br#"{"__type":"Other","message":"x","extra":[1]}"#;
    let err = GetAttachmentError::from_json("Other", body);
    assert_eq!(err.to_json().unwrap().as_bytes(), body);
    let err = GetAttachmentError::from_xml("Other", b"<Error><Message>x</Message></Error>");
    assert_eq!(
        err.to_json().unwrap(),
        r#"{"__type":"Other","message":"x"}"#
    );

    // What to_json writes decodes back into the same variant.
    let again = GetAttachmentError::from_json("Throttling", json.as_bytes());
    assert!(
        again.as_unknown().is_some(),
        "JSON matches by shape name, not query code"
    );
    let again = GetAttachmentError::from_json("ThrottlingException", json.as_bytes());
    assert!(
        matches!(again, GetAttachmentError::ThrottlingException(ref e) if e.retry_after_seconds == Some(1))
    );
}

#[test]
fn error_schemas_carry_the_error_trait() {
    let schemas = GetAttachmentError::ERRORS;
    assert_eq!(schemas.len(), 3);
    let throttling = schemas[2].traits().error.expect("error trait");
    assert_eq!(throttling.code, Some("Throttling"));
    assert_eq!(throttling.http_status, Some(400));
    assert_eq!(
        schemas[1].traits().error.map(|e| e.fault),
        Some(awso_core::schema::ErrorFault::Server)
    );
}

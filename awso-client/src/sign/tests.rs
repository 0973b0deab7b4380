//! Edge cases beyond the official suite, through the public entry points.

use std::time::{Duration, UNIX_EPOCH};

use super::*;

fn credentials() -> Credentials {
    Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
}

/// 2015-08-30T12:36:00Z, the suite's time.
fn params() -> SigningParams<'static> {
    SigningParams::new(
        "us-east-1",
        "service",
        UNIX_EPOCH + Duration::from_secs(1_440_938_160),
    )
}

fn vanilla() -> SignableRequest<'static> {
    SignableRequest::new("GET", "/").header("host", b"example.amazonaws.com")
}

#[test]
fn presigned_expiry_must_be_whole_seconds_in_one_second_to_seven_days() {
    for seconds in [1, 60, 604_800] {
        let params = params().presigned(Duration::from_secs(seconds));
        let signed = sign(&vanilla(), &credentials(), &params).unwrap();
        let expires = signed
            .query_params()
            .iter()
            .find(|(name, _)| *name == "X-Amz-Expires")
            .unwrap();
        assert_eq!(expires.1, seconds.to_string());
    }
    for expiry in [
        Duration::ZERO,
        Duration::from_millis(500),
        Duration::from_millis(1500),
        Duration::from_secs(604_801),
    ] {
        let error = sign(&vanilla(), &credentials(), &params().presigned(expiry)).unwrap_err();
        assert_eq!(error.kind(), SigningErrorKind::Expiry, "{expiry:?}");
    }
}

#[test]
fn omitted_session_token_is_sent_but_not_signed() {
    let credentials = credentials().with_session_token("token/with+chars=");
    let settings = SigningSettings {
        omit_session_token: true,
        ..SigningSettings::default()
    };
    let signed = sign(&vanilla(), &credentials, &params().settings(settings)).unwrap();
    assert!(!signed.canonical_request().contains("x-amz-security-token"));
    assert_eq!(
        signed.headers()[0],
        ("x-amz-security-token", "token/with+chars=".to_owned())
    );
    // Signed without the token, the signature is the one of the same request without one.
    let plain = sign(&vanilla(), &self::credentials(), &params()).unwrap();
    assert_eq!(signed.signature(), plain.signature());

    let presigned = sign(
        &vanilla(),
        &credentials,
        &params()
            .settings(settings)
            .presigned(Duration::from_secs(60)),
    )
    .unwrap();
    let names: Vec<&str> = presigned
        .query_params()
        .iter()
        .map(|(name, _)| *name)
        .collect();
    assert_eq!(
        names[names.len() - 2..],
        ["X-Amz-Security-Token", "X-Amz-Signature"]
    );
    assert_eq!(
        presigned.query_params()[names.len() - 2].1,
        "token%2Fwith%2Bchars%3D"
    );
    assert!(!presigned.canonical_request().contains("Security-Token"));
}

#[test]
fn empty_path_signs_as_root_in_every_mode() {
    let root = sign(&vanilla(), &credentials(), &params()).unwrap();
    for settings in [SigningSettings::default(), SigningSettings::s3()] {
        let request = SignableRequest::new("GET", "").header("host", b"example.amazonaws.com");
        let signed = sign(&request, &credentials(), &params().settings(settings)).unwrap();
        assert!(signed.canonical_request().starts_with("GET\n/\n"));
        if settings == SigningSettings::default() {
            assert_eq!(signed.signature(), root.signature());
        }
    }
}

#[test]
fn s3_keeps_double_slashes_and_sends_the_payload_hash() {
    let request = SignableRequest::new("PUT", "/bucket//a/../key")
        .header("host", b"s3.amazonaws.com")
        .payload(Payload::Bytes(b"data"));
    let sign_s3 = |request: &SignableRequest<'_>| {
        sign(
            request,
            &credentials(),
            &params().settings(SigningSettings::s3()),
        )
        .unwrap()
    };
    let signed = sign_s3(&request);
    assert!(
        signed
            .canonical_request()
            .starts_with("PUT\n/bucket//a/../key\n")
    );
    let hash = Payload::Bytes(b"data").hash().unwrap();
    assert!(
        signed
            .headers()
            .contains(&("x-amz-content-sha256", hash.clone()))
    );
    assert!(
        signed
            .canonical_request()
            .ends_with(&format!("x-amz-content-sha256;x-amz-date\n{hash}"))
    );
    let unsigned = sign_s3(&request.clone().payload(Payload::Unsigned));
    assert!(
        unsigned
            .headers()
            .contains(&("x-amz-content-sha256", UNSIGNED_PAYLOAD.to_owned()))
    );
    assert!(unsigned.canonical_request().ends_with("\nUNSIGNED-PAYLOAD"));
}

#[test]
fn plus_and_escaped_plus_sign_the_same() {
    let plus = SignableRequest::new("GET", "/?q=a+b").header("host", b"example.amazonaws.com");
    let escaped = SignableRequest::new("GET", "/?q=a%2Bb").header("host", b"example.amazonaws.com");
    let space = SignableRequest::new("GET", "/?q=a%20b").header("host", b"example.amazonaws.com");
    let sign_one =
        |request: &SignableRequest<'_>| sign(request, &credentials(), &params()).unwrap();
    assert_eq!(sign_one(&plus).signature(), sign_one(&escaped).signature());
    assert_ne!(sign_one(&plus).signature(), sign_one(&space).signature());
}

#[test]
fn http_request_host_comes_from_the_authority_with_its_port() {
    let mut request = http::Request::get("http://user@127.0.0.1:8080/a%20b?x=1")
        .body(Vec::new())
        .unwrap();
    let signable = SignableRequest::from_http(&request);
    assert_eq!(signable.headers(), &[("host", &b"127.0.0.1:8080"[..])]);
    let signed = sign_http_request(&mut request, &credentials(), &params()).unwrap();
    assert!(
        signed
            .canonical_request()
            .starts_with("GET\n/a%2520b\nx=1\nhost:127.0.0.1:8080\n")
    );
    assert!(request.headers().contains_key("authorization"));
    assert_eq!(request.headers()["x-amz-date"], "20150830T123600Z");
}

#[test]
fn resigning_replaces_the_previous_signature_headers() {
    let mut request = http::Request::get("https://example.amazonaws.com/")
        .body(Vec::new())
        .unwrap();
    sign_http_request(&mut request, &credentials(), &params()).unwrap();
    let first = request.headers()["authorization"].clone();
    let later = SigningParams::new(
        "us-east-1",
        "service",
        UNIX_EPOCH + Duration::from_secs(1_440_938_161),
    );
    sign_http_request(&mut request, &credentials(), &later).unwrap();
    assert_eq!(request.headers().get_all("authorization").iter().count(), 1);
    assert_ne!(request.headers()["authorization"], first);
    assert!(
        !request.headers()["authorization"]
            .to_str()
            .unwrap()
            .contains("authorization;")
    );
}

#[test]
fn presigned_uri_keeps_scheme_authority_and_query() {
    let uri: http::Uri = "https://example.amazonaws.com:8443/p?a=1".parse().unwrap();
    let request = http::Request::get(uri.clone()).body(()).unwrap();
    let signed = sign(
        &SignableRequest::from_http(&request),
        &credentials(),
        &params().presigned(Duration::from_secs(60)),
    )
    .unwrap();
    let presigned = signed.presigned_uri(&uri).unwrap().to_string();
    assert!(presigned.starts_with("https://example.amazonaws.com:8443/p?a=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&"));
    assert!(
        signed
            .canonical_request()
            .contains("\nhost:example.amazonaws.com:8443\n")
    );
}

#[test]
fn bad_times_and_hashes_are_errors_not_panics() {
    let before_1970 =
        SigningParams::new("us-east-1", "service", UNIX_EPOCH - Duration::from_secs(1));
    assert_eq!(
        sign(&vanilla(), &credentials(), &before_1970)
            .unwrap_err()
            .kind(),
        SigningErrorKind::Time
    );
    let request = vanilla().payload(Payload::Hash("ABCDEF"));
    assert_eq!(
        sign(&request, &credentials(), &params())
            .unwrap_err()
            .kind(),
        SigningErrorKind::PayloadHash
    );
}

#[test]
fn debug_output_has_no_secrets() {
    let credentials = credentials().with_session_token("the-session-token");
    let request = vanilla().header("x-amz-security-token", b"the-session-token");
    let signed = sign(&request, &credentials, &params()).unwrap();
    for printed in [format!("{signed:?}"), format!("{request:?}")] {
        assert!(!printed.contains("the-session-token"), "{printed}");
        assert!(!printed.contains(signed.signature()), "{printed}");
    }
}

//! Nanoseconds per SigV4 signature of one request: awso-client's signer against aws-sigv4,
//! back to back in the same run. Both sign the same STS `GetCallerIdentity` POST (form body,
//! session token, header form) from its parts to the headers to add; before measuring, the
//! two signatures are checked to be equal, so both do the same work.

use std::hint::black_box;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_credential_types::Credentials as SdkCredentials;
use aws_sigv4::http_request::{
    SignableBody, SignableRequest as SdkRequest, SigningSettings as SdkSettings,
};
use aws_sigv4::sign::v4::SigningParams as SdkParams;
use aws_smithy_runtime_api::client::identity::Identity;
use awso_client::credentials::Credentials;
use awso_client::sign::{Payload, SignableRequest, SigningParams, sign};
use criterion::{Criterion, criterion_group, criterion_main};

const ACCESS_KEY: &str = "AKIDEXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN: &str = "IQoJb3JpZ2luX2VjEPT//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6EXAMPLE";
const HOST: &str = "sts.us-east-1.amazonaws.com";
/// 2015-08-30T12:36:00Z, in seconds since the epoch (the official suite's signing time).
const SIGNING_TIME: u64 = 1_440_938_160;
const BODY: &[u8] = b"Action=GetCallerIdentity&Version=2011-06-15";
const HEADERS: [(&str, &str); 3] = [
    ("host", HOST),
    (
        "content-type",
        "application/x-www-form-urlencoded; charset=utf-8",
    ),
    ("content-length", "43"),
];

fn time() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(SIGNING_TIME)
}

fn sign_awso(credentials: &Credentials, params: &SigningParams<'_>) -> String {
    let mut request = SignableRequest::new("POST", "/").payload(Payload::Bytes(BODY));
    for (name, value) in HEADERS {
        request = request.header(name, value.as_bytes());
    }
    let signed = sign(&request, credentials, params).expect("awso signs");
    signed.signature().to_owned()
}

fn sign_sdk(params: &aws_sigv4::http_request::SigningParams<'_>) -> String {
    let request = SdkRequest::new(
        "POST",
        format!("https://{HOST}/"),
        HEADERS.into_iter(),
        SignableBody::Bytes(BODY),
    )
    .expect("aws-sigv4 reads the request");
    let (_, signature) = aws_sigv4::http_request::sign(request, params)
        .expect("aws-sigv4 signs")
        .into_parts();
    signature
}

fn signing(c: &mut Criterion) {
    let credentials = Credentials::new(ACCESS_KEY, SECRET_KEY).with_session_token(TOKEN);
    let params = SigningParams::new("us-east-1", "sts", time());
    let identity: Identity = SdkCredentials::new(
        ACCESS_KEY,
        SECRET_KEY,
        Some(TOKEN.to_owned()),
        None,
        "bench",
    )
    .into();
    let sdk_params: aws_sigv4::http_request::SigningParams<'_> = SdkParams::builder()
        .identity(&identity)
        .region("us-east-1")
        .name("sts")
        .time(time())
        .settings(SdkSettings::default())
        .build()
        .expect("aws-sigv4 params")
        .into();
    assert_eq!(
        sign_awso(&credentials, &params),
        sign_sdk(&sdk_params),
        "both sign the same request alike"
    );

    let mut group = c.benchmark_group("sigv4_sign");
    group.bench_function("awso", |b| {
        b.iter(|| sign_awso(black_box(&credentials), black_box(&params)));
    });
    group.bench_function("aws-sigv4", |b| b.iter(|| sign_sdk(black_box(&sdk_params))));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = signing
}
criterion_main!(benches);

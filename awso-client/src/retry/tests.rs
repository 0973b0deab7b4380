use std::time::Duration;

use super::*;
use crate::transport::HttpErrorKind;

fn service(status: u16, code: &str) -> Failure<'_> {
    Failure::Service {
        status,
        code,
        modeled: None,
    }
}

#[test]
fn throttling_codes_and_429_are_throttling() {
    for code in classify::THROTTLING_CODES {
        assert_eq!(
            classify(&service(400, code)),
            Some(RetryKind::Throttling),
            "{code}"
        );
    }
    assert_eq!(classify(&service(429, "")), Some(RetryKind::Throttling));
}

#[test]
fn transient_statuses_and_codes_are_transient() {
    for status in [500, 502, 503, 504] {
        assert_eq!(classify(&service(status, "")), Some(RetryKind::Transient));
    }
    assert_eq!(
        classify(&service(400, "RequestTimeout")),
        Some(RetryKind::Transient)
    );
    assert_eq!(classify(&service(501, "")), None);
    assert_eq!(classify(&service(400, "ValidationException")), None);
    assert_eq!(classify(&service(404, "NoSuchKey")), None);
}

#[test]
fn modeled_retryable_errors_are_retried() {
    let modeled = |modeled| Failure::Service {
        status: 400,
        code: "CustomBusy",
        modeled: Some(modeled),
    };
    assert_eq!(
        classify(&modeled(awso_core::schema::Retryable::Transient)),
        Some(RetryKind::Transient)
    );
    assert_eq!(
        classify(&modeled(awso_core::schema::Retryable::Throttling)),
        Some(RetryKind::Throttling)
    );
}

#[test]
fn transport_failures_by_kind() {
    let transport = |kind| classify(&Failure::Transport(kind));
    assert_eq!(
        transport(HttpErrorKind::Connect),
        Some(RetryKind::Transient)
    );
    assert_eq!(transport(HttpErrorKind::Io), Some(RetryKind::Transient));
    assert_eq!(
        transport(HttpErrorKind::ConnectTimeout),
        Some(RetryKind::Timeout)
    );
    assert_eq!(
        transport(HttpErrorKind::ReadTimeout),
        Some(RetryKind::Timeout)
    );
    assert_eq!(transport(HttpErrorKind::TooLarge), None);
    assert_eq!(transport(HttpErrorKind::Unsupported), None);
    assert_eq!(classify(&Failure::AttemptTimeout), Some(RetryKind::Timeout));
}

#[test]
fn backoff_doubles_from_the_base_and_stops_at_the_maximum() {
    let settings = RetrySettings::standard();
    let delays: Vec<Duration> = (1..=7)
        .map(|retry| backoff(&settings, retry, 1.0))
        .collect();
    let seconds: Vec<u64> = delays.iter().map(Duration::as_secs).collect();
    assert_eq!(seconds, [1, 2, 4, 8, 16, 20, 20]);
    assert_eq!(backoff(&settings, 1, 0.0), Duration::ZERO);
    assert_eq!(backoff(&settings, 2, 0.25), Duration::from_millis(500));
    assert_eq!(backoff(&settings, u32::MAX, 0.5), Duration::from_secs(20));
    // Out-of-range randomness is clamped, never a panic.
    assert_eq!(backoff(&settings, 1, f64::NAN), Duration::ZERO);
    assert_eq!(backoff(&settings, 1, 7.0), Duration::from_secs(1));
}

#[test]
fn quota_costs_and_refunds() {
    let mut quota = RetryQuota::standard();
    assert_eq!(quota.try_acquire(RetryKind::Transient), Some(5));
    assert_eq!(quota.try_acquire(RetryKind::Throttling), Some(5));
    assert_eq!(quota.try_acquire(RetryKind::Timeout), Some(10));
    assert_eq!(quota.available(), 480);
    quota.release(Some(10));
    assert_eq!(quota.available(), 490);
    quota.release(None);
    assert_eq!(quota.available(), 491);
    for _ in 0..20 {
        quota.release(None);
    }
    assert_eq!(quota.available(), 500, "never above the capacity");
}

#[test]
fn an_empty_quota_stops_retries_and_takes_nothing() {
    let mut quota = RetryQuota::with_capacity(12);
    let settings = RetrySettings::standard().with_max_attempts(10);
    let failure = service(503, "");
    let mut retries = 0;
    for attempt in 1..=10 {
        match decide(&settings, &mut quota, attempt, &failure, 0.0, None) {
            Decision::Retry { cost, .. } => {
                assert_eq!(cost, 5);
                retries += 1;
            }
            Decision::GiveUp(why) => {
                assert_eq!(why, GiveUp::QuotaExhausted);
                break;
            }
        }
    }
    assert_eq!(retries, 2);
    assert_eq!(quota.available(), 2);
}

#[test]
fn attempts_are_bounded_and_unretryable_failures_give_up_at_once() {
    let settings = RetrySettings::standard();
    let mut quota = RetryQuota::standard();
    let failure = service(500, "InternalError");
    assert!(matches!(
        decide(&settings, &mut quota, 2, &failure, 0.0, None),
        Decision::Retry { .. }
    ));
    assert_eq!(
        decide(&settings, &mut quota, 3, &failure, 0.0, None),
        Decision::GiveUp(GiveUp::AttemptsExhausted)
    );
    let denied = service(403, "AccessDenied");
    assert_eq!(
        decide(&settings, &mut quota, 1, &denied, 0.0, None),
        Decision::GiveUp(GiveUp::NotRetryable)
    );
    assert_eq!(quota.available(), 495, "only the one retry cost tokens");
    assert_eq!(RetrySettings::disabled().max_attempts(), 1);
    assert_eq!(
        RetrySettings::standard()
            .with_max_attempts(0)
            .max_attempts(),
        1
    );
}

#[test]
fn retry_after_replaces_the_backoff_up_to_the_maximum() {
    let settings = RetrySettings::standard();
    let mut quota = RetryQuota::standard();
    let failure = service(503, "");
    let decision = decide(
        &settings,
        &mut quota,
        1,
        &failure,
        0.9,
        Some(Duration::from_millis(1234)),
    );
    assert_eq!(
        decision,
        Decision::Retry {
            delay: Duration::from_millis(1234),
            cost: 5
        }
    );
    let decision = decide(
        &settings,
        &mut quota,
        1,
        &failure,
        0.9,
        Some(Duration::from_secs(600)),
    );
    assert_eq!(
        decision,
        Decision::Retry {
            delay: Duration::from_secs(20),
            cost: 5
        }
    );

    let mut headers = http::HeaderMap::new();
    assert_eq!(retry_after(&headers), None);
    headers.insert("x-amz-retry-after", "soon".parse().unwrap());
    assert_eq!(retry_after(&headers), None);
    headers.insert("x-amz-retry-after", " 250 ".parse().unwrap());
    assert_eq!(retry_after(&headers), Some(Duration::from_millis(250)));
}

#[test]
fn clock_skew_offsets_from_the_date_header() {
    use std::time::UNIX_EPOCH;
    let local = UNIX_EPOCH + Duration::from_secs(1_440_938_160); // 2015-08-30T12:36:00Z
    let early = "Sun, 30 Aug 2015 12:21:00 GMT";
    assert_eq!(
        skew::offset_from_error("RequestTimeTooSkewed", Some(early), local),
        Some(-900)
    );
    assert_eq!(
        skew::offset_from_error("SignatureDoesNotMatch", Some(early), local),
        Some(-900)
    );
    // Close clocks, no date, an unreadable date, another code: nothing to correct.
    let close = "Sun, 30 Aug 2015 12:36:30 GMT";
    assert_eq!(
        skew::offset_from_error("RequestTimeTooSkewed", Some(close), local),
        None
    );
    assert_eq!(
        skew::offset_from_error("RequestTimeTooSkewed", None, local),
        None
    );
    assert_eq!(
        skew::offset_from_error("RequestTimeTooSkewed", Some("yesterday"), local),
        None
    );
    assert_eq!(
        skew::offset_from_error("ThrottlingException", Some(early), local),
        None
    );
    assert_eq!(
        skew::corrected(local, -900),
        local - Duration::from_secs(900)
    );
    assert_eq!(
        classify(&Failure::ClockSkewCorrected),
        Some(RetryKind::ClockSkew)
    );
}

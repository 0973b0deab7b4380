//! S3 Express One Zone sessions: a directory bucket (`--x-s3`, or an access point's
//! `--xa-s3`) takes data-plane requests signed with short-lived credentials from its own
//! `CreateSession`, not with the caller's.
//!
//! S3's endpoint rules say so by naming the `sigv4-s3express` auth scheme, which
//! [`AuthScheme::with_endpoint`] turns into SigV4 for `s3express` with
//! [`SigV4Auth::s3_express_session`] set. Before such a request is signed, this module finds
//! the bucket's session in a small cache or creates it: `GET ?session` on the bucket's own
//! endpoint (the one the request goes to), signed with plain SigV4 and the caller's
//! credentials. The request is then signed with the session's key pair and carries the
//! session token in `x-amz-s3session-token` (never `x-amz-security-token`). `CreateSession`
//! itself, and operations whose rules set `DisableS3ExpressSessionAuth`, resolve to plain
//! `sigv4` and never come here.
//!
//! Sessions last about five minutes; one is reused until [`REFRESH_BEFORE`] its expiry, one
//! refresh at a time per bucket (callers arriving meanwhile wait and share it), and at most
//! [`MAX_SESSIONS`] are kept. A failed `CreateSession` is not cached: its answer comes back
//! as the call's error (the service's code and message, decoded into the operation's error
//! type as any error answer is), and the next request tries again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use awso_core::protocol::{
    self, Endpoint, OperationSchema, Protocol, RequestOptions, ResponseError, ServiceSchema,
};
use awso_core::{AwsError, AwsShape, Timestamp};
use bytes::Bytes;

use super::attempts::Halt;
use super::{Client, ErrorKind, endpoint};
use crate::credentials::{Credentials, CredentialsError};
use crate::sign::{AuthScheme, SigV4Auth};
use crate::transport::RequestBody;

/// The header that carries an S3 Express session's token.
pub(super) const SESSION_TOKEN_HEADER: &str = "x-amz-s3session-token";
/// How long before its expiry a session is replaced, so none expires in flight.
pub(super) const REFRESH_BEFORE: Duration = Duration::from_secs(60);
/// The most sessions kept; past it the least recently used is dropped.
pub(super) const MAX_SESSIONS: usize = 64;
/// The most a `CreateSession` answer may be (a few hundred bytes in practice).
const MAX_ANSWER: usize = 64 * 1024;

const S3: &ServiceSchema = &ServiceSchema::new(Protocol::RestXml, "2006-03-01");

/// `CreateSession`'s input: the bucket, which the endpoint already carries.
#[derive(AwsShape)]
#[awso(rename_all = "PascalCase")]
struct CreateSessionRequest {
    #[awso(http_label)]
    bucket: String,
}

/// `CreateSession`'s answer (`CreateSessionResult`): the members signing needs.
#[derive(AwsShape)]
#[awso(debug, rename_all = "PascalCase")]
struct CreateSessionOutput {
    credentials: SessionCredentials,
}

#[derive(AwsShape)]
#[awso(debug, rename_all = "PascalCase")]
struct SessionCredentials {
    access_key_id: String,
    #[awso(sensitive)]
    secret_access_key: String,
    #[awso(sensitive)]
    session_token: String,
    expiration: Timestamp,
}

const CREATE_SESSION: &OperationSchema =
    &OperationSchema::new("CreateSession", "GET", "/{Bucket}?session")
        .with_input(CreateSessionRequest::SCHEMA)
        .with_output(CreateSessionOutput::SCHEMA);

/// Where a directory bucket's session is created: its endpoint (which, path style, ends
/// with the bucket) and its name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct BucketEndpoint {
    url: String,
    bucket: String,
}

fn is_directory_bucket(name: &str) -> bool {
    name.len() > "--x-s3".len() && (name.ends_with("--x-s3") || name.ends_with("--xa-s3"))
}

/// The directory bucket `uri` is for: the host's first label (virtual-hosted, as S3's rules
/// build it) or the path's first segment (path style: an IP or `localhost` endpoint).
fn bucket_endpoint(uri: &http::Uri) -> Option<BucketEndpoint> {
    let scheme = uri.scheme_str()?;
    let authority = uri.authority()?.as_str();
    let host = uri.host()?;
    if let Some(label) = host.split('.').next().filter(|l| is_directory_bucket(l)) {
        return Some(BucketEndpoint {
            url: format!("{scheme}://{authority}"),
            bucket: label.to_owned(),
        });
    }
    let segment = uri.path().trim_start_matches('/').split('/').next()?;
    is_directory_bucket(segment).then(|| BucketEndpoint {
        url: format!("{scheme}://{authority}/{segment}"),
        bucket: segment.to_owned(),
    })
}

/// One bucket's session for one caller, behind the lock its refresh holds.
type Slot = Arc<tokio::sync::Mutex<Option<Credentials>>>;

/// The session cache of a client.
#[derive(Default)]
pub(super) struct Sessions {
    slots: Mutex<SessionSlots>,
}

#[derive(Default)]
struct SessionSlots {
    /// Each slot with the tick it was last used at.
    by_key: HashMap<(String, String), (Slot, u64)>,
    tick: u64,
}

impl std::fmt::Debug for Sessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let count = self.slots.lock().map_or(0, |slots| slots.by_key.len());
        f.debug_struct("Sessions").field("buckets", &count).finish()
    }
}

impl Sessions {
    /// The slot of `key`, made if new; the least recently used goes when the cache is full.
    fn slot(&self, key: (String, String)) -> Slot {
        let mut slots = self
            .slots
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        slots.tick += 1;
        let tick = slots.tick;
        if let Some((slot, used)) = slots.by_key.get_mut(&key) {
            *used = tick;
            return slot.clone();
        }
        if slots.by_key.len() >= MAX_SESSIONS {
            let oldest = slots
                .by_key
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(key, _)| key.clone());
            if let Some(oldest) = oldest {
                slots.by_key.remove(&oldest);
            }
        }
        let slot = Slot::default();
        slots.by_key.insert(key, (slot.clone(), tick));
        slot
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.slots.lock().map_or(0, |slots| slots.by_key.len())
    }
}

/// The credentials that sign `request` under `auth`: `caller`'s own, or with S3 Express
/// session auth the bucket's session key pair, its token then set in
/// `x-amz-s3session-token`.
pub(super) async fn credentials_for(
    client: &Client,
    auth: &AuthScheme,
    request: &mut http::Request<Bytes>,
    caller: Credentials,
    time: SystemTime,
) -> Result<Credentials, Halt> {
    let AuthScheme::SigV4(sigv4) = auth else {
        return Ok(caller);
    };
    if !sigv4.s3_express_session {
        return Ok(caller);
    }
    let target = bucket_endpoint(request.uri()).ok_or_else(|| {
        ErrorKind::Endpoint(
            format!(
                "S3 Express session auth for {}, which names no directory bucket \
                 (`--x-s3`) in its host or path",
                request.uri()
            )
            .into(),
        )
    })?;
    let session = session(client, sigv4, &target, caller, time).await?;
    let token = session.session_token().unwrap_or_default();
    let value = http::HeaderValue::from_str(token).map_err(|_| {
        ErrorKind::Credentials(CredentialsError::invalid(
            "s3express",
            "the session token of CreateSession is not a header value",
        ))
    })?;
    request.headers_mut().insert(SESSION_TOKEN_HEADER, value);
    request.headers_mut().remove("x-amz-security-token");
    Ok(Credentials::new(
        session.access_key_id(),
        session.secret_access_key(),
    ))
}

/// The bucket's session from the cache, or a new one if there is none or it is about to
/// expire at `time`.
async fn session(
    client: &Client,
    sigv4: &SigV4Auth,
    target: &BucketEndpoint,
    caller: Credentials,
    time: SystemTime,
) -> Result<Credentials, Halt> {
    let key = (target.url.clone(), caller.access_key_id().to_owned());
    let slot = client.inner.express.slot(key);
    let mut cached = slot.lock().await;
    if let Some(session) = cached.as_ref().filter(|s| fresh(s, time)) {
        return Ok(session.clone());
    }
    let created = create_session(client, sigv4, target, &caller, time).await?;
    tracing::debug!(bucket = target.bucket, "S3 Express session created");
    *cached = Some(created.clone());
    Ok(created)
}

fn fresh(session: &Credentials, time: SystemTime) -> bool {
    session
        .expiry()
        .is_some_and(|expiry| time + REFRESH_BEFORE < expiry)
}

/// Calls `CreateSession` on the bucket's endpoint, signed with plain SigV4 and `caller`.
async fn create_session(
    client: &Client,
    sigv4: &SigV4Auth,
    target: &BucketEndpoint,
    caller: &Credentials,
    time: SystemTime,
) -> Result<Credentials, Halt> {
    let mut request = session_request(target).map_err(ErrorKind::Construction)?;
    let config = &client.inner.config;
    if let Ok(agent) = http::HeaderValue::from_str(&config.user_agent) {
        request
            .headers_mut()
            .insert(http::header::USER_AGENT, agent);
    }
    let plain = AuthScheme::SigV4(SigV4Auth {
        s3_express_session: false,
        ..sigv4.clone()
    });
    endpoint::sign_sigv4(&mut request, caller, &plain, config.region.as_deref(), time)
        .map_err(ErrorKind::Signing)?;
    let response = client
        .inner
        .http
        .send_body(request.map(RequestBody::from))
        .await
        .map_err(ErrorKind::Transport)?;
    let (parts, body) = response.into_parts();
    let body = body
        .collect(MAX_ANSWER)
        .await
        .map_err(ErrorKind::Transport)?;
    session_of(http::Response::from_parts(parts, body))
}

/// The `CreateSession` request for `target`.
fn session_request(target: &BucketEndpoint) -> Result<http::Request<Bytes>, awso_core::Error> {
    let endpoint = Endpoint::parse(&target.url)?;
    let options = RequestOptions {
        path_prefix_in_endpoint: Some("/{Bucket}"),
        ..RequestOptions::default()
    };
    let input = CreateSessionRequest {
        bucket: target.bucket.clone(),
    };
    let request = protocol::build_request(S3, CREATE_SESSION, &input, &endpoint, &options)?;
    Ok(request.map(Bytes::from))
}

/// The session credentials of a successful `CreateSession` answer; an error answer is handed
/// back whole, for the operation's end to decode as its own error ([`refusal`]): the attempts
/// that reach here are compiled once for every operation, so they know no operation's errors.
fn session_of(response: http::Response<Bytes>) -> Result<Credentials, Halt> {
    if !response.status().is_success() {
        return Err(Halt::SessionRefused(Box::new(response)));
    }
    let status = response.status().as_u16();
    let output = match protocol::parse_response::<CreateSessionOutput, CreateSessionError, _>(
        S3,
        CREATE_SESSION,
        &response,
    ) {
        Ok(output) => output,
        Err(ResponseError::Service { .. }) => return Err(Halt::SessionRefused(Box::new(response))),
        Err(ResponseError::Decode { status, source }) => {
            return Err(Halt::Kind(ErrorKind::Response { status, source }));
        }
    };
    let session = output.credentials;
    let expiry = SystemTime::try_from(session.expiration)
        .map_err(|source| Halt::Kind(ErrorKind::Response { status, source }))?;
    Ok(
        Credentials::new(session.access_key_id, session.secret_access_key)
            .with_session_token(session.session_token)
            .with_expiry(expiry),
    )
}

/// A refused `CreateSession`'s answer as the error of the operation that needed the session
/// (its code and message, as any error answer of that operation is decoded).
pub(super) fn refusal<E: AwsError>(response: &http::Response<Bytes>) -> ErrorKind<E> {
    let status = response.status().as_u16();
    match protocol::parse_response::<CreateSessionOutput, E, _>(S3, CREATE_SESSION, response) {
        Err(ResponseError::Service { error, meta }) => ErrorKind::Service { error, meta: *meta },
        Err(ResponseError::Decode { status, source }) => ErrorKind::Response { status, source },
        Ok(_) => ErrorKind::Response {
            status,
            source: awso_core::Error::custom("CreateSession's error answer read as a success"),
        },
    }
}

/// What a successful `CreateSession` answer is read with (its errors are the calling
/// operation's, through [`refusal`]).
#[derive(AwsError, Debug)]
enum CreateSessionError {
    Unknown(awso_core::UnknownError),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(text: &str) -> http::Uri {
        text.parse().unwrap()
    }

    #[test]
    fn the_bucket_comes_from_the_host_or_the_path() {
        let hosted = bucket_endpoint(&uri(
            "https://b--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com/key?x-id=GetObject",
        ))
        .unwrap();
        assert_eq!(
            hosted.url,
            "https://b--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com"
        );
        assert_eq!(hosted.bucket, "b--usw2-az1--x-s3");
        let path = bucket_endpoint(&uri("http://127.0.0.1:9/ap--usw2-az1--xa-s3/a/b")).unwrap();
        assert_eq!(path.url, "http://127.0.0.1:9/ap--usw2-az1--xa-s3");
        assert_eq!(path.bucket, "ap--usw2-az1--xa-s3");
        for general in [
            "https://bucket.s3.amazonaws.com/k",
            "http://127.0.0.1:9/bucket/k",
        ] {
            assert_eq!(bucket_endpoint(&uri(general)), None, "{general}");
        }
        // The suffix alone is no bucket name.
        assert_eq!(bucket_endpoint(&uri("http://127.0.0.1:9/--x-s3/k")), None);
    }

    #[test]
    fn the_session_request_is_get_session_on_the_bucket() {
        for (url, bucket, expected) in [
            (
                "https://b--az1--x-s3.example.com",
                "b--az1--x-s3",
                "https://b--az1--x-s3.example.com/?session",
            ),
            (
                "http://127.0.0.1:9/b--az1--x-s3",
                "b--az1--x-s3",
                "http://127.0.0.1:9/b--az1--x-s3?session",
            ),
        ] {
            let target = BucketEndpoint {
                url: url.to_owned(),
                bucket: bucket.to_owned(),
            };
            let request = session_request(&target).unwrap();
            assert_eq!(request.method(), "GET");
            assert_eq!(request.uri().to_string(), expected);
        }
    }

    #[test]
    fn the_cache_is_bounded_and_drops_the_least_recently_used() {
        let sessions = Sessions::default();
        let key = |n: usize| (format!("http://b{n}--x-s3"), "AKID".to_owned());
        let first = sessions.slot(key(0));
        for n in 1..MAX_SESSIONS {
            sessions.slot(key(n));
        }
        // Using the first again makes key 1 the least recently used.
        assert!(Arc::ptr_eq(&first, &sessions.slot(key(0))));
        sessions.slot(key(MAX_SESSIONS));
        assert_eq!(sessions.len(), MAX_SESSIONS);
        let kept = |n| sessions.slots.lock().unwrap().by_key.contains_key(&key(n));
        assert!(kept(0) && !kept(1) && kept(2) && kept(MAX_SESSIONS));
    }

    #[test]
    fn a_session_is_fresh_until_the_refresh_window() {
        let expiry = SystemTime::UNIX_EPOCH + Duration::from_secs(300);
        let session = Credentials::new("a", "b").with_expiry(expiry);
        assert!(fresh(
            &session,
            expiry - REFRESH_BEFORE - Duration::from_secs(1)
        ));
        assert!(!fresh(&session, expiry - REFRESH_BEFORE));
        assert!(!fresh(&Credentials::new("a", "b"), SystemTime::UNIX_EPOCH));
    }
}

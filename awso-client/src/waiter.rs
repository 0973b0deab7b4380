//! Waiters: an operation called until its answer reaches a state, as botocore's
//! `waiters-2.json` describes.
//!
//! A [`WaiterSpec`] (generated as a `static` per waiter) lists acceptors; after each attempt
//! the first acceptor that matches decides: success ends the wait with the answer, failure
//! ends it with [`WaitError::Failure`], retry waits `delay` and calls again. An error no
//! acceptor matches ends the wait at once, as the SDKs do; an answer none matches is retried.
//! The loop is bounded by the model's `maxAttempts` and by the caller's total limit.
//!
//! Acceptors: `path`, `pathAll`, `pathAny` (a [path expression](awso_core::value::path) on the
//! output, compared with the expected value), `error` (the service's error code, or `true`
//! / `false` for any error / none) and `status` (the HTTP status of the answer, an error's or
//! a success's: a 201 or 204 is matched as the service sent it).
//!
//! Time passes only through the config's [`Sleep`](crate::client::Sleep) and its clock, so
//! tests record the delays instead of waiting.
//!
//! ```
//! use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec};
//!
//! static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
//!     Acceptor::new(State::Success, Matcher::Path("Table.TableStatus", Expected::Text("ACTIVE"))),
//!     Acceptor::new(State::Retry, Matcher::ErrorCode("ResourceNotFoundException")),
//! ]);
//! assert_eq!(TABLE_EXISTS.max_attempts(), 25);
//! assert!(TABLE_EXISTS.check().is_ok());
//! ```

use std::fmt;
use std::time::Duration;

use awso_core::protocol::Operation;
use awso_core::value::path::{self, Expression, PathError};
use awso_core::{AwsError, Document};

use crate::client::{BlockingClient, CallError, Client, ServiceSpec};

/// What an acceptor decides.
///
/// ```
/// # use awso_client::client::{Client, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct Table { table_status: Option<String>, ready: Option<bool> }
/// # #[derive(AwsError, Debug)] enum DescribeTableError { Unknown(UnknownError) }
/// # /// `GET /table` of a local restJson1 service.
/// # struct DescribeTable;
/// # impl Operation for DescribeTable {
/// #     type Input = Unit; type Output = Table; type Error = DescribeTableError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("DescribeTable", "GET", "/table").with_output(Table::SCHEMA);
/// # }
/// # /// The service, canned: the answers in turn (the last again when they run out).
/// # struct Answers(&'static [(u16, &'static str)], std::sync::atomic::AtomicUsize);
/// # impl HttpClient for Answers {
/// #     fn send(&self, _: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let at = self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed).min(self.0.len() - 1);
/// #         let mut response = http::Response::new(ResponseBody::from(self.0[at].1));
/// #         *response.status_mut() = http::StatusCode::from_u16(self.0[at].0).unwrap();
/// #         Box::pin(async move { Ok(response) })
/// #     }
/// # }
/// # /// Passes no time between attempts.
/// # struct NoSleep;
/// # impl awso_client::client::Sleep for NoSleep {
/// #     fn sleep(&self, _: std::time::Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> { Box::pin(std::future::ready(())) }
/// # }
/// # static SPEC: ServiceSpec = ServiceSpec::new("tables", AuthScheme::NoAuth);
/// # /// A client of the canned service (no retries, so each answer is one attempt).
/// # fn client(answers: &'static [(u16, &'static str)]) -> Client {
/// #     let config = Config::builder().endpoint_url("http://127.0.0.1:9").sleep(NoSleep)
/// #         .retry(awso_client::retry::RetrySettings::disabled())
/// #         .http_client(Answers(answers, Default::default())).build();
/// #     Client::new(config)
/// # }
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// use std::time::Duration;
/// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec, wait};
///
/// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
///     Acceptor::new(State::Retry, Matcher::Status(404)),
/// ]);
///
/// // Creating, then failed: the failure acceptor ends the wait on the second attempt.
/// static ANSWERS: [(u16, &str); 2] = [(200, r#"{"TableStatus":"CREATING"}"#), (200, r#"{"TableStatus":"FAILED"}"#)];
/// # rt.block_on(async {
/// let ended = wait::<DescribeTable>(&client(&ANSWERS), &SPEC, &TABLE_EXISTS, &Unit, Duration::from_secs(600)).await;
/// assert!(matches!(ended, Err(awso_client::waiter::WaitError::Failure { attempts: 2, .. })));
/// # });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// The wait is over: the resource is in the state waited for.
    Success,
    /// The wait is over: the resource will never get there.
    Failure,
    /// Not yet: call again after the delay.
    Retry,
}

/// A value a path acceptor expects.
///
/// ```
/// # use awso_client::client::{Client, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct Table { table_status: Option<String>, ready: Option<bool> }
/// # #[derive(AwsError, Debug)] enum DescribeTableError { Unknown(UnknownError) }
/// # /// `GET /table` of a local restJson1 service.
/// # struct DescribeTable;
/// # impl Operation for DescribeTable {
/// #     type Input = Unit; type Output = Table; type Error = DescribeTableError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("DescribeTable", "GET", "/table").with_output(Table::SCHEMA);
/// # }
/// # /// The service, canned: the answers in turn (the last again when they run out).
/// # struct Answers(&'static [(u16, &'static str)], std::sync::atomic::AtomicUsize);
/// # impl HttpClient for Answers {
/// #     fn send(&self, _: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let at = self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed).min(self.0.len() - 1);
/// #         let mut response = http::Response::new(ResponseBody::from(self.0[at].1));
/// #         *response.status_mut() = http::StatusCode::from_u16(self.0[at].0).unwrap();
/// #         Box::pin(async move { Ok(response) })
/// #     }
/// # }
/// # /// Passes no time between attempts.
/// # struct NoSleep;
/// # impl awso_client::client::Sleep for NoSleep {
/// #     fn sleep(&self, _: std::time::Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> { Box::pin(std::future::ready(())) }
/// # }
/// # static SPEC: ServiceSpec = ServiceSpec::new("tables", AuthScheme::NoAuth);
/// # /// A client of the canned service (no retries, so each answer is one attempt).
/// # fn client(answers: &'static [(u16, &'static str)]) -> Client {
/// #     let config = Config::builder().endpoint_url("http://127.0.0.1:9").sleep(NoSleep)
/// #         .retry(awso_client::retry::RetrySettings::disabled())
/// #         .http_client(Answers(answers, Default::default())).build();
/// #     Client::new(config)
/// # }
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// use std::time::Duration;
/// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec, wait};
///
/// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
///     Acceptor::new(State::Retry, Matcher::Status(404)),
/// ]);
///
/// // A boolean member: `{"Ready": true}` matches `Expected::Bool(true)`, `false` does not.
/// static READY: WaiterSpec = WaiterSpec::new("Ready", 5, 10, &[
///     Acceptor::new(State::Success, Matcher::Path("Ready", Expected::Bool(true))),
/// ]);
/// static ANSWERS: [(u16, &str); 2] = [(200, r#"{"Ready":false}"#), (200, r#"{"Ready":true}"#)];
/// # rt.block_on(async {
/// let waited = wait::<DescribeTable>(&client(&ANSWERS), &SPEC, &READY, &Unit, Duration::from_secs(60)).await.unwrap();
/// assert_eq!(waited.attempts, 2);
/// # });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A string (or enum value).
    Text(&'static str),
    /// A boolean.
    Bool(bool),
}

impl Expected {
    fn document(self) -> Document {
        match self {
            Expected::Text(text) => Document::String(text.to_owned()),
            Expected::Bool(value) => Document::Boolean(value),
        }
    }
}

/// When an acceptor matches.
///
/// ```
/// # use awso_client::client::{Client, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct Table { table_status: Option<String>, ready: Option<bool> }
/// # #[derive(AwsError, Debug)] enum DescribeTableError { Unknown(UnknownError) }
/// # /// `GET /table` of a local restJson1 service.
/// # struct DescribeTable;
/// # impl Operation for DescribeTable {
/// #     type Input = Unit; type Output = Table; type Error = DescribeTableError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("DescribeTable", "GET", "/table").with_output(Table::SCHEMA);
/// # }
/// # /// The service, canned: the answers in turn (the last again when they run out).
/// # struct Answers(&'static [(u16, &'static str)], std::sync::atomic::AtomicUsize);
/// # impl HttpClient for Answers {
/// #     fn send(&self, _: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let at = self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed).min(self.0.len() - 1);
/// #         let mut response = http::Response::new(ResponseBody::from(self.0[at].1));
/// #         *response.status_mut() = http::StatusCode::from_u16(self.0[at].0).unwrap();
/// #         Box::pin(async move { Ok(response) })
/// #     }
/// # }
/// # /// Passes no time between attempts.
/// # struct NoSleep;
/// # impl awso_client::client::Sleep for NoSleep {
/// #     fn sleep(&self, _: std::time::Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> { Box::pin(std::future::ready(())) }
/// # }
/// # static SPEC: ServiceSpec = ServiceSpec::new("tables", AuthScheme::NoAuth);
/// # /// A client of the canned service (no retries, so each answer is one attempt).
/// # fn client(answers: &'static [(u16, &'static str)]) -> Client {
/// #     let config = Config::builder().endpoint_url("http://127.0.0.1:9").sleep(NoSleep)
/// #         .retry(awso_client::retry::RetrySettings::disabled())
/// #         .http_client(Answers(answers, Default::default())).build();
/// #     Client::new(config)
/// # }
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// use std::time::Duration;
/// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec, wait};
///
/// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
///     Acceptor::new(State::Retry, Matcher::Status(404)),
/// ]);
///
/// // Still there (an answer no acceptor matches is retried), then gone.
/// static DELETED: WaiterSpec = WaiterSpec::new("TableNotExists", 20, 25, &[
///     Acceptor::new(State::Success, Matcher::ErrorCode("ResourceNotFoundException")),
/// ]);
/// static ANSWERS: [(u16, &str); 2] = [(200, r#"{"TableStatus":"ACTIVE"}"#), (400, r#"{"__type":"ResourceNotFoundException"}"#)];
/// # rt.block_on(async {
/// let waited = wait::<DescribeTable>(&client(&ANSWERS), &SPEC, &DELETED, &Unit, Duration::from_secs(600)).await.unwrap();
/// // The success is the error: the table is gone.
/// assert_eq!((waited.attempts, waited.answer.unwrap_err().code()), (2, Some("ResourceNotFoundException")));
/// # });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matcher {
    /// The expression's result on the output equals the expected value.
    Path(&'static str, Expected),
    /// The expression gives a non-empty list whose every element equals the expected value.
    PathAll(&'static str, Expected),
    /// The expression gives a list with an element equal to the expected value.
    PathAny(&'static str, Expected),
    /// The service answered with this error code.
    ErrorCode(&'static str),
    /// `true`: the call failed (any error); `false`: it succeeded.
    AnyError(bool),
    /// The answer had this HTTP status.
    Status(u16),
}

impl Matcher {
    fn expression(&self) -> Option<&'static str> {
        match self {
            Matcher::Path(text, _) | Matcher::PathAll(text, _) | Matcher::PathAny(text, _) => {
                Some(text)
            }
            _ => None,
        }
    }
}

/// One acceptor: a matcher and the state it leads to.
///
/// ```
/// use awso_client::waiter::{Acceptor, Expected, Matcher, State};
/// let running = Acceptor::new(State::Success, Matcher::PathAll("Reservations[].Instances[].State.Name", Expected::Text("running")));
/// assert_ne!(running, Acceptor::new(State::Failure, Matcher::ErrorCode("InvalidInstanceID.NotFound")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Acceptor {
    state: State,
    matcher: Matcher,
}

impl Acceptor {
    /// An acceptor leading to `state` when `matcher` matches.
    ///
    /// ```
    /// use awso_client::waiter::{Acceptor, Matcher, State, WaiterSpec};
    /// // Acceptors are constants: a generated waiter is one `static`.
    /// const GONE: Acceptor = Acceptor::new(State::Success, Matcher::Status(404));
    /// static BUCKET_NOT_EXISTS: WaiterSpec = WaiterSpec::new("BucketNotExists", 5, 20, &[GONE]);
    /// assert!(BUCKET_NOT_EXISTS.check().is_ok());
    /// ```
    pub const fn new(state: State, matcher: Matcher) -> Self {
        Acceptor { state, matcher }
    }
}

/// A waiter: the operation's acceptors, the delay between attempts and their number.
///
/// ```
/// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec};
/// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
///     Acceptor::new(State::Retry, Matcher::Status(404)),
/// ]);
/// assert_eq!(TABLE_EXISTS.name(), "TableExists");
/// assert_eq!(TABLE_EXISTS.delay().as_secs() * u64::from(TABLE_EXISTS.max_attempts()), 500);
/// ```
#[derive(Debug)]
pub struct WaiterSpec {
    name: &'static str,
    delay: u32,
    max_attempts: u32,
    acceptors: &'static [Acceptor],
}

impl WaiterSpec {
    /// The waiter `name`: `delay` seconds between at most `max_attempts` attempts.
    ///
    /// ```
    /// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec};
    /// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
    ///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
    ///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
    ///     Acceptor::new(State::Retry, Matcher::Status(404)),
    /// ]);
    /// // 20 s between at most 25 attempts.
    /// assert_eq!(TABLE_EXISTS.max_attempts(), 25);
    /// ```
    pub const fn new(
        name: &'static str,
        delay: u32,
        max_attempts: u32,
        acceptors: &'static [Acceptor],
    ) -> Self {
        WaiterSpec {
            name,
            delay,
            max_attempts,
            acceptors,
        }
    }

    /// The waiter's name.
    ///
    /// ```
    /// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec};
    /// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
    ///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
    ///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
    ///     Acceptor::new(State::Retry, Matcher::Status(404)),
    /// ]);
    /// assert_eq!(TABLE_EXISTS.name(), "TableExists");
    /// ```
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The delay between attempts.
    ///
    /// ```
    /// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec};
    /// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
    ///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
    ///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
    ///     Acceptor::new(State::Retry, Matcher::Status(404)),
    /// ]);
    /// assert_eq!(TABLE_EXISTS.delay(), std::time::Duration::from_secs(20));
    /// ```
    pub const fn delay(&self) -> Duration {
        Duration::from_secs(self.delay as u64)
    }

    /// The most attempts.
    ///
    /// ```
    /// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec};
    /// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
    ///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
    ///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
    ///     Acceptor::new(State::Retry, Matcher::Status(404)),
    /// ]);
    /// assert_eq!(TABLE_EXISTS.max_attempts(), 25);
    /// ```
    pub const fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Parses every path expression: an error names the first the subset refuses.
    ///
    /// ```
    /// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec};
    /// static BROKEN: WaiterSpec = WaiterSpec::new("Broken", 5, 10, &[
    ///     Acceptor::new(State::Success, Matcher::Path("Table.[", Expected::Text("ACTIVE"))),
    /// ]);
    /// assert!(BROKEN.check().is_err());
    /// ```
    pub fn check(&self) -> Result<(), PathError> {
        self.parsed().map(drop)
    }

    fn parsed(&self) -> Result<Vec<Option<Expression>>, PathError> {
        self.acceptors
            .iter()
            .map(|acceptor| {
                acceptor
                    .matcher
                    .expression()
                    .map(Expression::parse)
                    .transpose()
            })
            .collect()
    }
}

/// A wait that ended in success: the answer the success acceptor matched.
///
/// ```
/// # use awso_client::client::{Client, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct Table { table_status: Option<String>, ready: Option<bool> }
/// # #[derive(AwsError, Debug)] enum DescribeTableError { Unknown(UnknownError) }
/// # /// `GET /table` of a local restJson1 service.
/// # struct DescribeTable;
/// # impl Operation for DescribeTable {
/// #     type Input = Unit; type Output = Table; type Error = DescribeTableError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("DescribeTable", "GET", "/table").with_output(Table::SCHEMA);
/// # }
/// # /// The service, canned: the answers in turn (the last again when they run out).
/// # struct Answers(&'static [(u16, &'static str)], std::sync::atomic::AtomicUsize);
/// # impl HttpClient for Answers {
/// #     fn send(&self, _: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let at = self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed).min(self.0.len() - 1);
/// #         let mut response = http::Response::new(ResponseBody::from(self.0[at].1));
/// #         *response.status_mut() = http::StatusCode::from_u16(self.0[at].0).unwrap();
/// #         Box::pin(async move { Ok(response) })
/// #     }
/// # }
/// # /// Passes no time between attempts.
/// # struct NoSleep;
/// # impl awso_client::client::Sleep for NoSleep {
/// #     fn sleep(&self, _: std::time::Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> { Box::pin(std::future::ready(())) }
/// # }
/// # static SPEC: ServiceSpec = ServiceSpec::new("tables", AuthScheme::NoAuth);
/// # /// A client of the canned service (no retries, so each answer is one attempt).
/// # fn client(answers: &'static [(u16, &'static str)]) -> Client {
/// #     let config = Config::builder().endpoint_url("http://127.0.0.1:9").sleep(NoSleep)
/// #         .retry(awso_client::retry::RetrySettings::disabled())
/// #         .http_client(Answers(answers, Default::default())).build();
/// #     Client::new(config)
/// # }
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// use std::time::Duration;
/// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec, wait};
///
/// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
///     Acceptor::new(State::Retry, Matcher::Status(404)),
/// ]);
///
/// static ANSWERS: [(u16, &str); 3] = [(404, "{}"), (200, r#"{"TableStatus":"CREATING"}"#), (200, r#"{"TableStatus":"ACTIVE"}"#)];
/// # rt.block_on(async {
/// let waited = wait::<DescribeTable>(&client(&ANSWERS), &SPEC, &TABLE_EXISTS, &Unit, Duration::from_secs(600)).await.unwrap();
/// assert_eq!(waited.attempts, 3);
/// assert_eq!(waited.answer.unwrap().table_status.as_deref(), Some("ACTIVE"));
/// # });
/// ```
#[derive(Debug)]
pub struct Waited<T, E> {
    /// How many calls were made.
    pub attempts: u32,
    /// The last call's answer: an output, or the error a success acceptor expects (a
    /// deleted resource's not-found error).
    pub answer: Result<T, CallError<E>>,
}

/// Why a wait ended without success.
///
/// ```
/// # use awso_client::client::{Client, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct Table { table_status: Option<String>, ready: Option<bool> }
/// # #[derive(AwsError, Debug)] enum DescribeTableError { Unknown(UnknownError) }
/// # /// `GET /table` of a local restJson1 service.
/// # struct DescribeTable;
/// # impl Operation for DescribeTable {
/// #     type Input = Unit; type Output = Table; type Error = DescribeTableError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("DescribeTable", "GET", "/table").with_output(Table::SCHEMA);
/// # }
/// # /// The service, canned: the answers in turn (the last again when they run out).
/// # struct Answers(&'static [(u16, &'static str)], std::sync::atomic::AtomicUsize);
/// # impl HttpClient for Answers {
/// #     fn send(&self, _: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let at = self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed).min(self.0.len() - 1);
/// #         let mut response = http::Response::new(ResponseBody::from(self.0[at].1));
/// #         *response.status_mut() = http::StatusCode::from_u16(self.0[at].0).unwrap();
/// #         Box::pin(async move { Ok(response) })
/// #     }
/// # }
/// # /// Passes no time between attempts.
/// # struct NoSleep;
/// # impl awso_client::client::Sleep for NoSleep {
/// #     fn sleep(&self, _: std::time::Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> { Box::pin(std::future::ready(())) }
/// # }
/// # static SPEC: ServiceSpec = ServiceSpec::new("tables", AuthScheme::NoAuth);
/// # /// A client of the canned service (no retries, so each answer is one attempt).
/// # fn client(answers: &'static [(u16, &'static str)]) -> Client {
/// #     let config = Config::builder().endpoint_url("http://127.0.0.1:9").sleep(NoSleep)
/// #         .retry(awso_client::retry::RetrySettings::disabled())
/// #         .http_client(Answers(answers, Default::default())).build();
/// #     Client::new(config)
/// # }
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// use std::time::Duration;
/// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaitError, WaiterSpec, wait};
///
/// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
///     Acceptor::new(State::Retry, Matcher::Status(404)),
/// ]);
///
/// // Creating for ever: a sixth 20 s delay would pass the 100 s limit.
/// static ANSWERS: [(u16, &str); 1] = [(200, r#"{"TableStatus":"CREATING"}"#)];
/// # rt.block_on(async {
/// let error = wait::<DescribeTable>(&client(&ANSWERS), &SPEC, &TABLE_EXISTS, &Unit, Duration::from_secs(100)).await.unwrap_err();
/// assert!(matches!(error, WaitError::Timeout { attempts: 6, .. }));
/// assert_eq!(error.to_string(), "waiter TableExists: timed out: the limit of 100s passed after 6 attempts");
/// # });
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum WaitError<E> {
    /// A failure acceptor matched: the resource will not reach the state.
    Failure {
        /// The waiter.
        waiter: &'static str,
        /// The attempt that matched.
        attempts: u32,
        /// The error that matched, if the acceptor was on an error.
        error: Option<CallError<E>>,
    },
    /// The call failed with an error no acceptor expects.
    Call(CallError<E>),
    /// `maxAttempts` calls were made and none reached a final state.
    MaxAttempts {
        /// The waiter.
        waiter: &'static str,
        /// The attempts made.
        attempts: u32,
    },
    /// Waiting once more would pass the caller's total limit.
    Timeout {
        /// The waiter.
        waiter: &'static str,
        /// The limit.
        limit: Duration,
        /// The attempts made.
        attempts: u32,
    },
    /// The waiter's definition has an expression the evaluator does not support.
    Expression {
        /// The waiter.
        waiter: &'static str,
        /// What is wrong with it.
        error: PathError,
    },
}

impl<E: fmt::Display> fmt::Display for WaitError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::Failure {
                waiter, attempts, ..
            } => write!(
                f,
                "waiter {waiter}: a failure state was reached on attempt {attempts}"
            ),
            WaitError::Call(error) => write!(f, "waiter: an unexpected error: {error}"),
            WaitError::MaxAttempts { waiter, attempts } => write!(
                f,
                "waiter {waiter}: no final state after {attempts} attempts"
            ),
            WaitError::Timeout {
                waiter,
                limit,
                attempts,
            } => write!(
                f,
                "waiter {waiter}: timed out: the limit of {limit:?} passed after {attempts} attempts"
            ),
            WaitError::Expression { waiter, error } => {
                write!(f, "waiter {waiter}: unsupported expression: {error}")
            }
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for WaitError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WaitError::Failure {
                error: Some(error), ..
            }
            | WaitError::Call(error) => Some(error),
            WaitError::Expression { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// The state the first matching acceptor gives `answer`, if any.
fn decide<O: Operation>(
    acceptors: &[Acceptor],
    expressions: &[Option<Expression>],
    answer: &Result<(O::Output, u16), CallError<O::Error>>,
) -> Option<State> {
    // The output as the expressions see it, made once per attempt and only if needed.
    let mut document: Option<Document> = None;
    for (acceptor, expression) in acceptors.iter().zip(expressions) {
        let matched = match (&acceptor.matcher, answer) {
            (Matcher::AnyError(error), _) => *error == answer.is_err(),
            (Matcher::ErrorCode(code), Err(error)) => {
                error.service_error().map(AwsError::code) == Some(*code)
            }
            (Matcher::Status(status), Err(error)) => error.status() == Some(*status),
            (Matcher::Status(status), Ok((_, answered))) => answered == status,
            (matcher, Ok((output, _))) => {
                let (Some(expression), Some(expected)) = (expression, expected_of(matcher)) else {
                    continue;
                };
                let doc = document.get_or_insert_with(|| {
                    awso_core::to_value(output).map_or(Document::Null, |v| path::to_document(&v))
                });
                matches(matcher, &expression.search(doc), &expected.document())
            }
            _ => false,
        };
        if matched {
            return Some(acceptor.state);
        }
    }
    None
}

fn expected_of(matcher: &Matcher) -> Option<Expected> {
    match matcher {
        Matcher::Path(_, expected)
        | Matcher::PathAll(_, expected)
        | Matcher::PathAny(_, expected) => Some(*expected),
        _ => None,
    }
}

fn matches(matcher: &Matcher, result: &Document, expected: &Document) -> bool {
    match (matcher, result) {
        (Matcher::Path(..), _) => path::same(result, expected),
        (Matcher::PathAll(..), Document::Array(items)) => {
            !items.is_empty() && items.iter().all(|item| path::same(item, expected))
        }
        (Matcher::PathAny(..), Document::Array(items)) => {
            items.iter().any(|item| path::same(item, expected))
        }
        _ => false,
    }
}

/// What a wait on operation `O` ends with.
///
/// ```
/// # use awso_client::client::{Client, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct Table { table_status: Option<String>, ready: Option<bool> }
/// # #[derive(AwsError, Debug)] enum DescribeTableError { Unknown(UnknownError) }
/// # /// `GET /table` of a local restJson1 service.
/// # struct DescribeTable;
/// # impl Operation for DescribeTable {
/// #     type Input = Unit; type Output = Table; type Error = DescribeTableError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("DescribeTable", "GET", "/table").with_output(Table::SCHEMA);
/// # }
/// # /// The service, canned: the answers in turn (the last again when they run out).
/// # struct Answers(&'static [(u16, &'static str)], std::sync::atomic::AtomicUsize);
/// # impl HttpClient for Answers {
/// #     fn send(&self, _: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let at = self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed).min(self.0.len() - 1);
/// #         let mut response = http::Response::new(ResponseBody::from(self.0[at].1));
/// #         *response.status_mut() = http::StatusCode::from_u16(self.0[at].0).unwrap();
/// #         Box::pin(async move { Ok(response) })
/// #     }
/// # }
/// # /// Passes no time between attempts.
/// # struct NoSleep;
/// # impl awso_client::client::Sleep for NoSleep {
/// #     fn sleep(&self, _: std::time::Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> { Box::pin(std::future::ready(())) }
/// # }
/// # static SPEC: ServiceSpec = ServiceSpec::new("tables", AuthScheme::NoAuth);
/// # /// A client of the canned service (no retries, so each answer is one attempt).
/// # fn client(answers: &'static [(u16, &'static str)]) -> Client {
/// #     let config = Config::builder().endpoint_url("http://127.0.0.1:9").sleep(NoSleep)
/// #         .retry(awso_client::retry::RetrySettings::disabled())
/// #         .http_client(Answers(answers, Default::default())).build();
/// #     Client::new(config)
/// # }
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// use std::time::Duration;
/// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaitResult, WaiterSpec, wait};
///
/// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
///     Acceptor::new(State::Retry, Matcher::Status(404)),
/// ]);
///
/// static ANSWERS: [(u16, &str); 1] = [(200, r#"{"TableStatus":"ACTIVE"}"#)];
/// # rt.block_on(async {
/// let result: WaitResult<DescribeTable> = wait::<DescribeTable>(&client(&ANSWERS), &SPEC, &TABLE_EXISTS, &Unit, Duration::from_secs(60)).await;
/// assert_eq!(result.unwrap().attempts, 1);
/// # });
/// ```
pub type WaitResult<O> = Result<
    Waited<<O as Operation>::Output, <O as Operation>::Error>,
    WaitError<<O as Operation>::Error>,
>;

/// Calls `O` with `input` until `waiter` reaches a final state, at most its `maxAttempts`
/// times and within `limit` in total.
///
/// ```
/// # use awso_client::client::{Client, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct Table { table_status: Option<String>, ready: Option<bool> }
/// # #[derive(AwsError, Debug)] enum DescribeTableError { Unknown(UnknownError) }
/// # /// `GET /table` of a local restJson1 service.
/// # struct DescribeTable;
/// # impl Operation for DescribeTable {
/// #     type Input = Unit; type Output = Table; type Error = DescribeTableError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("DescribeTable", "GET", "/table").with_output(Table::SCHEMA);
/// # }
/// # /// The service, canned: the answers in turn (the last again when they run out).
/// # struct Answers(&'static [(u16, &'static str)], std::sync::atomic::AtomicUsize);
/// # impl HttpClient for Answers {
/// #     fn send(&self, _: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let at = self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed).min(self.0.len() - 1);
/// #         let mut response = http::Response::new(ResponseBody::from(self.0[at].1));
/// #         *response.status_mut() = http::StatusCode::from_u16(self.0[at].0).unwrap();
/// #         Box::pin(async move { Ok(response) })
/// #     }
/// # }
/// # /// Passes no time between attempts.
/// # struct NoSleep;
/// # impl awso_client::client::Sleep for NoSleep {
/// #     fn sleep(&self, _: std::time::Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> { Box::pin(std::future::ready(())) }
/// # }
/// # static SPEC: ServiceSpec = ServiceSpec::new("tables", AuthScheme::NoAuth);
/// # /// A client of the canned service (no retries, so each answer is one attempt).
/// # fn client(answers: &'static [(u16, &'static str)]) -> Client {
/// #     let config = Config::builder().endpoint_url("http://127.0.0.1:9").sleep(NoSleep)
/// #         .retry(awso_client::retry::RetrySettings::disabled())
/// #         .http_client(Answers(answers, Default::default())).build();
/// #     Client::new(config)
/// # }
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// use std::time::Duration;
/// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec, wait};
///
/// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
///     Acceptor::new(State::Retry, Matcher::Status(404)),
/// ]);
/// // The table is not there, then creating, then active (`client` answers so, canned).
/// static ANSWERS: [(u16, &str); 3] = [(404, "{}"), (200, r#"{"TableStatus":"CREATING"}"#), (200, r#"{"TableStatus":"ACTIVE"}"#)];
/// let client = client(&ANSWERS);
/// # rt.block_on(async {
/// let waited = wait::<DescribeTable>(&client, &SPEC, &TABLE_EXISTS, &Unit, Duration::from_secs(600)).await.unwrap();
/// assert_eq!(waited.attempts, 3);
/// # });
/// ```
pub async fn wait<O: Operation>(
    client: &Client,
    spec: &ServiceSpec,
    waiter: &WaiterSpec,
    input: &O::Input,
    limit: Duration,
) -> WaitResult<O> {
    let expressions = waiter.parsed().map_err(|error| WaitError::Expression {
        waiter: waiter.name,
        error,
    })?;
    let config = client.config();
    let started = config.clock.now();
    let mut slept = Duration::ZERO;
    for attempt in 1..=waiter.max_attempts.max(1) {
        let answer = client.call_with_status::<O>(spec, input).await;
        let state = decide::<O>(waiter.acceptors, &expressions, &answer);
        let answer = answer.map(|(output, _status)| output);
        match (state, answer) {
            (Some(State::Success), answer) => {
                return Ok(Waited {
                    attempts: attempt,
                    answer,
                });
            }
            (Some(State::Failure), answer) => {
                return Err(WaitError::Failure {
                    waiter: waiter.name,
                    attempts: attempt,
                    error: answer.err(),
                });
            }
            (None, Err(error)) => return Err(WaitError::Call(error)),
            (Some(State::Retry) | None, _) => {}
        }
        if attempt == waiter.max_attempts {
            break;
        }
        // Elapsed is what the clock says, or what was slept if that is more (a test's
        // recorded sleep does not move the clock).
        let elapsed = config
            .clock
            .now()
            .duration_since(started)
            .unwrap_or_default()
            .max(slept);
        if elapsed + waiter.delay() > limit {
            return Err(WaitError::Timeout {
                waiter: waiter.name,
                limit,
                attempts: attempt,
            });
        }
        tracing::debug!(waiter = waiter.name, attempt, delay = ?waiter.delay(), "waiting");
        config.sleep.sleep(waiter.delay()).await;
        slept += waiter.delay();
    }
    Err(WaitError::MaxAttempts {
        waiter: waiter.name,
        attempts: waiter.max_attempts,
    })
}

/// [`wait`] on the blocking client.
///
/// ```
/// # use awso_client::client::{Client, Config, ServiceSpec};
/// # use awso_client::sign::AuthScheme;
/// # use awso_client::transport::{HttpClient, HttpFuture, ResponseBody};
/// # use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema, Unit};
/// # use awso_core::{AwsError, AwsShape, UnknownError};
/// # #[derive(AwsShape, Debug)] #[awso(rename_all = "PascalCase")]
/// # struct Table { table_status: Option<String>, ready: Option<bool> }
/// # #[derive(AwsError, Debug)] enum DescribeTableError { Unknown(UnknownError) }
/// # /// `GET /table` of a local restJson1 service.
/// # struct DescribeTable;
/// # impl Operation for DescribeTable {
/// #     type Input = Unit; type Output = Table; type Error = DescribeTableError;
/// #     const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
/// #     const SCHEMA: &'static OperationSchema = &OperationSchema::new("DescribeTable", "GET", "/table").with_output(Table::SCHEMA);
/// # }
/// # /// The service, canned: the answers in turn (the last again when they run out).
/// # struct Answers(&'static [(u16, &'static str)], std::sync::atomic::AtomicUsize);
/// # impl HttpClient for Answers {
/// #     fn send(&self, _: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
/// #         let at = self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed).min(self.0.len() - 1);
/// #         let mut response = http::Response::new(ResponseBody::from(self.0[at].1));
/// #         *response.status_mut() = http::StatusCode::from_u16(self.0[at].0).unwrap();
/// #         Box::pin(async move { Ok(response) })
/// #     }
/// # }
/// # /// Passes no time between attempts.
/// # struct NoSleep;
/// # impl awso_client::client::Sleep for NoSleep {
/// #     fn sleep(&self, _: std::time::Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> { Box::pin(std::future::ready(())) }
/// # }
/// # static SPEC: ServiceSpec = ServiceSpec::new("tables", AuthScheme::NoAuth);
/// # /// A client of the canned service (no retries, so each answer is one attempt).
/// # fn client(answers: &'static [(u16, &'static str)]) -> Client {
/// #     let config = Config::builder().endpoint_url("http://127.0.0.1:9").sleep(NoSleep)
/// #         .retry(awso_client::retry::RetrySettings::disabled())
/// #         .http_client(Answers(answers, Default::default())).build();
/// #     Client::new(config)
/// # }
/// # let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
/// use std::time::Duration;
/// use awso_client::client::BlockingClient;
/// use awso_client::waiter::{Acceptor, Expected, Matcher, State, WaiterSpec, wait_blocking};
///
/// static TABLE_EXISTS: WaiterSpec = WaiterSpec::new("TableExists", 20, 25, &[
///     Acceptor::new(State::Success, Matcher::Path("TableStatus", Expected::Text("ACTIVE"))),
///     Acceptor::new(State::Failure, Matcher::Path("TableStatus", Expected::Text("FAILED"))),
///     Acceptor::new(State::Retry, Matcher::Status(404)),
/// ]);
/// static ANSWERS: [(u16, &str); 2] = [(200, r#"{"TableStatus":"CREATING"}"#), (200, r#"{"TableStatus":"ACTIVE"}"#)];
/// // The canned client's settings, run by a blocking client.
/// let blocking = BlockingClient::new(client(&ANSWERS).config().clone()).unwrap();
/// let waited = wait_blocking::<DescribeTable>(&blocking, &SPEC, &TABLE_EXISTS, &Unit, Duration::from_secs(600)).unwrap();
/// assert_eq!(waited.attempts, 2);
/// ```
pub fn wait_blocking<O: Operation>(
    client: &BlockingClient,
    spec: &ServiceSpec,
    waiter: &WaiterSpec,
    input: &O::Input,
    limit: Duration,
) -> WaitResult<O> {
    client.block_on(wait::<O>(client.client(), spec, waiter, input, limit))
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use awso_core::protocol::{OperationSchema, Protocol, ServiceSchema, Unit};
    use awso_core::{AwsShape, UnknownError};

    use super::*;
    use crate::client::{Config, Sleep};
    use crate::retry::RetrySettings;
    use crate::sign::AuthScheme;
    use crate::transport::{HttpClient, HttpFuture, ResponseBody};

    #[derive(AwsShape, Debug)]
    #[awso(rename_all = "PascalCase")]
    struct Created {
        id: Option<String>,
    }

    #[derive(AwsError, Debug)]
    enum CreateError {
        Unknown(UnknownError),
    }

    /// `PUT /thing` of a restJson1 service whose model names no response code, so only the
    /// answer itself can say it was a 201 or a 204.
    struct CreateThing;

    impl Operation for CreateThing {
        type Input = Unit;
        type Output = Created;
        type Error = CreateError;
        const SERVICE: &'static ServiceSchema =
            &ServiceSchema::new(Protocol::RestJson1, "2026-01-01");
        const SCHEMA: &'static OperationSchema =
            &OperationSchema::new("CreateThing", "PUT", "/thing").with_output(Created::SCHEMA);
    }

    /// Answers each request with the next of `answers` (the last again when they run out),
    /// counting the requests.
    struct Answers(&'static [(u16, &'static str)], AtomicUsize);

    impl HttpClient for Answers {
        fn send(&self, _: http::Request<bytes::Bytes>) -> HttpFuture<'_> {
            let at = self.1.fetch_add(1, Ordering::Relaxed).min(self.0.len() - 1);
            let (status, body) = self.0[at];
            let mut response = http::Response::new(ResponseBody::from(body));
            *response.status_mut() = http::StatusCode::from_u16(status).expect("a valid status");
            Box::pin(async move { Ok(response) })
        }
    }

    struct NoSleep;

    impl Sleep for NoSleep {
        fn sleep(
            &self,
            _: Duration,
        ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> {
            Box::pin(std::future::ready(()))
        }
    }

    static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);

    fn wait_on(
        answers: &'static [(u16, &'static str)],
        waiter: &WaiterSpec,
    ) -> WaitResult<CreateThing> {
        let config = Config::builder()
            .endpoint_url("http://127.0.0.1:9")
            .sleep(NoSleep)
            .retry(RetrySettings::disabled())
            .http_client(Answers(answers, AtomicUsize::new(0)))
            .build();
        let client = Client::new(config);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(wait::<CreateThing>(
            &client,
            &SPEC,
            waiter,
            &Unit,
            Duration::from_secs(600),
        ))
    }

    static CREATED: WaiterSpec = WaiterSpec::new(
        "Created",
        1,
        5,
        &[Acceptor::new(State::Success, Matcher::Status(201))],
    );

    static EMPTIED: WaiterSpec = WaiterSpec::new(
        "Emptied",
        1,
        5,
        &[
            Acceptor::new(State::Success, Matcher::Status(204)),
            Acceptor::new(State::Retry, Matcher::Status(200)),
        ],
    );

    #[test]
    fn a_status_acceptor_matches_a_201_success_as_answered() {
        static ANSWERS: [(u16, &str); 2] = [(200, r#"{"Id":"a"}"#), (201, r#"{"Id":"b"}"#)];
        let waited = wait_on(&ANSWERS, &CREATED).expect("the 201 ends the wait");
        assert_eq!(waited.attempts, 2);
        assert_eq!(waited.answer.expect("a success").id.as_deref(), Some("b"));
    }

    #[test]
    fn a_status_acceptor_matches_a_204_success_and_a_200_is_retried() {
        static ANSWERS: [(u16, &str); 3] = [(200, "{}"), (200, "{}"), (204, "")];
        let waited = wait_on(&ANSWERS, &EMPTIED).expect("the 204 ends the wait");
        assert_eq!(waited.attempts, 3);
        assert!(waited.answer.is_ok());
    }

    #[test]
    fn a_200_success_never_matches_a_201_acceptor() {
        static ANSWERS: [(u16, &str); 1] = [(200, "{}")];
        let ended = wait_on(&ANSWERS, &CREATED);
        assert!(
            matches!(ended, Err(WaitError::MaxAttempts { attempts: 5, .. })),
            "{ended:?}"
        );
    }
}

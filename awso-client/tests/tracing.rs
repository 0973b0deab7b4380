//! What the call path tells `tracing`: a span per call and per attempt with the fields an
//! operator needs (service, operation, attempt, status, request id), an event per retry, and
//! never a body or a secret. A subscriber of the test's own records everything emitted.

// Shared with the fault tests, which use all of it; this test needs two replies.
#[allow(dead_code)]
mod faults_support;

use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use awso_client::client::{Client, Config, ServiceSpec, Sleep};
use awso_client::credentials::Credentials;
use awso_client::sign::{AuthScheme, OperationAuth, ServiceAuth};
use faults_support::operation::{CreateThing, CreateThingRequest};
use faults_support::{Fault, FaultServer};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY-never-logged";
const INPUT_NAME: &str = "body text that must not be logged";

/// Every span (name and fields, later records included) and event, as text lines.
#[derive(Clone, Default)]
struct Recording {
    next_id: Arc<AtomicU64>,
    names: Arc<Mutex<HashMap<u64, &'static Metadata<'static>>>>,
    /// The entered spans, innermost last: `Span::current()` asks for it (one thread runs all).
    entered: Arc<Mutex<Vec<u64>>>,
    lines: Arc<Mutex<Vec<String>>>,
}

/// Writes `name=value` pairs of a span's or event's fields.
struct Fields(Vec<String>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0.push(format!("{}={value:?}", field.name()));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push(format!("{}={value}", field.name()));
    }
}

impl Recording {
    fn push(&self, line: String) {
        self.lines.lock().unwrap().push(line);
    }

    fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }
}

impl Subscriber for Recording {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed) + 1;
        let name = span.metadata().name();
        self.names.lock().unwrap().insert(id, span.metadata());
        let mut fields = Fields(Vec::new());
        span.record(&mut fields);
        self.push(format!("span {name} {}", fields.0.join(" ")));
        Id::from_u64(id)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        let names = self.names.lock().unwrap();
        let name = names.get(&span.into_u64()).map(|metadata| metadata.name());
        let mut fields = Fields(Vec::new());
        values.record(&mut fields);
        self.push(format!(
            "record {} {}",
            name.unwrap_or("?"),
            fields.0.join(" ")
        ));
        drop(names);
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields(Vec::new());
        event.record(&mut fields);
        self.push(format!("event {}", fields.0.join(" ")));
    }

    fn enter(&self, span: &Id) {
        self.entered.lock().unwrap().push(span.into_u64());
    }

    fn exit(&self, span: &Id) {
        let mut entered = self.entered.lock().unwrap();
        if let Some(at) = entered.iter().rposition(|id| *id == span.into_u64()) {
            entered.remove(at);
        }
    }

    fn current_span(&self) -> tracing_core::span::Current {
        let entered = self.entered.lock().unwrap();
        let names = self.names.lock().unwrap();
        match entered.last() {
            Some(id) => tracing_core::span::Current::new(Id::from_u64(*id), names[id]),
            None => tracing_core::span::Current::none(),
        }
    }
}

/// No waiting between attempts: the delay is the retry policy's business, tested elsewhere.
struct NoSleep;

impl Sleep for NoSleep {
    fn sleep(&self, _: Duration) -> std::pin::Pin<Box<dyn Future<Output = ()> + Send>> {
        Box::pin(async {})
    }
}

#[test]
fn calls_and_attempts_are_spans_with_status_and_request_id_and_no_secrets() {
    let server = FaultServer::start(
        vec![Fault::error(503, "ServiceUnavailable"), Fault::ok()],
        4,
    );
    let config = Config::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKIDEXAMPLE", SECRET_KEY).with_session_token("token-xyz"))
        .endpoint_url(server.url())
        .sleep(NoSleep)
        .jitter(|| 0.5)
        .build();
    let client = Client::new(config);
    let service = ServiceAuth {
        endpoint_prefix: "things",
        ..ServiceAuth::default()
    };
    let spec = ServiceSpec::new(
        "things",
        AuthScheme::select(&service, &OperationAuth::default()).unwrap(),
    );
    let input = CreateThingRequest {
        name: INPUT_NAME.to_owned(),
        client_token: None,
    };
    let recording = Recording::default();
    let output = tracing::subscriber::with_default(recording.clone(), || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(client.call::<CreateThing>(&spec, &input))
    })
    .unwrap();
    assert_eq!(output.id.as_deref(), Some("thing-1"));

    let lines = recording.lines();
    let has = |wanted: &str| lines.iter().any(|line| line == wanted);
    assert!(
        has("span awso.call service=things operation=CreateThing"),
        "{lines:#?}"
    );
    assert!(has("span awso.attempt attempt=1"), "{lines:#?}");
    assert!(has("span awso.attempt attempt=2"), "{lines:#?}");
    assert!(has("record awso.attempt status=503"), "{lines:#?}");
    assert!(has("record awso.attempt status=200"), "{lines:#?}");
    assert!(
        has("record awso.attempt request_id=req-ServiceUnavailable"),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|line| line.starts_with("event ")
            && line.contains("retrying")
            && line.contains("attempt=1")),
        "{lines:#?}"
    );
    for line in &lines {
        for leaked in [SECRET_KEY, "token-xyz", INPUT_NAME, "thing-1", "Signature="] {
            assert!(!line.contains(leaked), "`{leaked}` in a trace line: {line}");
        }
    }
}

//! The official SigV4 / SigV4a signing suite, every case in both forms (`header-*`, `query-*`).
//!
//! The suite is read at run time from `AWSO_SIGNING_TESTS` (default `../shared/signing-tests`
//! beside the workspace root), never copied here. SigV4: canonical request, string to sign,
//! signature and signed request compared exactly. SigV4a (ECDSA, not deterministic): canonical
//! request and string to sign exactly, the derived public key against `public-key.json`, the
//! suite's signatures verified against that key over our string to sign, our own signature
//! verified too, and the signed request compared with the signatures left out.
//!
//! Skips are listed, with their reason, in `signing-skips.json` beside this file; a listed case
//! that has expected files after all is a failure (the skip is stale).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awso_client::credentials::Credentials;
use awso_client::sign::{
    Payload, SignableRequest, SigningOutput, SigningParams, SigningSettings, sign, sign_v4a,
    signing_key_v4a, verify_v4a,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Suite {
    V4,
    V4a,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Header,
    Query,
}

impl Form {
    fn prefix(self) -> &'static str {
        match self {
            Form::Header => "header",
            Form::Query => "query",
        }
    }
}

/// `context.json`.
struct Context {
    credentials: Credentials,
    region: String,
    service: String,
    time: SystemTime,
    expires_in: Duration,
    normalize: bool,
    sign_body: bool,
    omit_session_token: bool,
}

/// `request.txt`: the request line, header lines as written (folded lines included) and body.
struct RawRequest {
    method: String,
    target: String,
    header_lines: Vec<String>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn suite_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("AWSO_SIGNING_TESTS") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/signing-tests")
}

fn main() -> ExitCode {
    let dir = suite_dir();
    if !dir.join("v4").is_dir() {
        if std::env::var("CI").as_deref() == Ok("true") {
            eprintln!(
                "signing suite not found at {} (set AWSO_SIGNING_TESTS)",
                dir.display()
            );
            return ExitCode::FAILURE;
        }
        println!("signing suite not found at {}: nothing run", dir.display());
        return ExitCode::SUCCESS;
    }
    let skips = match load_skips() {
        Ok(skips) => skips,
        Err(error) => {
            eprintln!("signing-skips.json: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut total = Tally::default();
    for (name, suite) in [("v4", Suite::V4), ("v4a", Suite::V4a)] {
        let tally = run_suite(&dir.join(name), name, suite, &skips);
        println!(
            "signing {name}: {} passed, {} failed, {} skipped (forms passed: header {}, query {})",
            tally.passed, tally.failed, tally.skipped, tally.header_passed, tally.query_passed
        );
        total.add(&tally);
    }
    println!(
        "signing total: {} passed, {} failed, {} skipped",
        total.passed, total.failed, total.skipped
    );
    if total.failed == 0 && total.passed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    skipped: usize,
    header_passed: usize,
    query_passed: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }
}

fn load_skips() -> Result<BTreeMap<String, String>, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/signing-skips.json");
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

fn run_suite(dir: &Path, name: &str, suite: Suite, skips: &BTreeMap<String, String>) -> Tally {
    let mut tally = Tally::default();
    let mut cases: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect(),
        Err(error) => {
            println!("FAIL {name}: cannot read {}: {error}", dir.display());
            tally.failed += 1;
            return tally;
        }
    };
    cases.sort();
    for case in cases {
        let id = format!(
            "{name}/{}",
            case.file_name().unwrap_or_default().to_string_lossy()
        );
        let skipped = skips.contains_key(&id);
        let outcome = run_case(&case, suite, skipped);
        if skipped && outcome.differences.is_empty() {
            tally.skipped += 1;
            continue;
        }
        tally.header_passed += usize::from(outcome.header_ok && !skipped);
        tally.query_passed += usize::from(outcome.query_ok && !skipped);
        if outcome.differences.is_empty() {
            tally.passed += 1;
        } else {
            tally.failed += 1;
            let forms = format!(
                "header {}, query {}",
                verdict(outcome.header_ok),
                verdict(outcome.query_ok)
            );
            println!("FAIL {id} ({forms}): {}", outcome.differences.join("; "));
        }
    }
    tally
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "failed" }
}

/// What one case showed: whether each form passed, and every difference found.
struct Outcome {
    header_ok: bool,
    query_ok: bool,
    differences: Vec<String>,
}

impl Outcome {
    fn broken(difference: String) -> Self {
        Outcome {
            header_ok: false,
            query_ok: false,
            differences: vec![difference],
        }
    }
}

/// Both forms of one case.
fn run_case(dir: &Path, suite: Suite, skipped: bool) -> Outcome {
    let context = match read_context(dir) {
        Ok(context) => context,
        Err(error) => return Outcome::broken(error),
    };
    let request = match read_request(dir) {
        Ok(request) => request,
        Err(error) => return Outcome::broken(error),
    };
    let has_expected = dir.join("header-canonical-request.txt").is_file();
    if skipped && has_expected {
        return Outcome::broken(
            "listed in signing-skips.json but has expected files: the skip is stale".into(),
        );
    }
    if !skipped && !has_expected {
        return Outcome::broken("no expected files and not listed in signing-skips.json".into());
    }
    let mut differences = Vec::new();
    if suite == Suite::V4a && has_expected {
        check_public_key(dir, &context, &mut differences);
    }
    for form in [Form::Header, Form::Query] {
        let signed = match sign_case(&request, &context, suite, form) {
            Ok(signed) => signed,
            Err(error) => {
                differences.push(format!("{}: signing failed: {error}", form.prefix()));
                continue;
            }
        };
        if suite == Suite::V4a {
            let verified = signing_key_v4a(&context.credentials)
                .is_ok_and(|key| key.verify(signed.string_to_sign(), signed.signature()));
            if !verified {
                differences.push(format!("{}: our signature does not verify", form.prefix()));
            }
        }
        if has_expected {
            compare_form(dir, suite, form, &request, &signed, &mut differences);
        }
    }
    let form_ok = |prefix: &str| {
        !differences
            .iter()
            .any(|d| d.starts_with(prefix) || d.starts_with("public"))
    };
    Outcome {
        header_ok: form_ok("header"),
        query_ok: form_ok("query"),
        differences,
    }
}

fn sign_case(
    request: &RawRequest,
    context: &Context,
    suite: Suite,
    form: Form,
) -> Result<SigningOutput, String> {
    let mut signable = SignableRequest::new(&request.method, &request.target)
        .payload(Payload::Bytes(&request.body));
    for (name, value) in &request.headers {
        signable = signable.header(name, value.as_bytes());
    }
    let mut settings = SigningSettings::default();
    settings.normalize_path = context.normalize;
    settings.content_sha256_header = context.sign_body;
    settings.omit_session_token = context.omit_session_token;
    let mut params =
        SigningParams::new(&context.region, &context.service, context.time).settings(settings);
    if form == Form::Query {
        params = params.presigned(context.expires_in);
    }
    let signed = match suite {
        Suite::V4 => sign(&signable, &context.credentials, &params),
        Suite::V4a => sign_v4a(&signable, &context.credentials, &params),
    };
    signed.map_err(|e| e.to_string())
}

fn compare_form(
    dir: &Path,
    suite: Suite,
    form: Form,
    request: &RawRequest,
    signed: &SigningOutput,
    differences: &mut Vec<String>,
) {
    let prefix = form.prefix();
    let expected = |file: &str| std::fs::read_to_string(dir.join(format!("{prefix}-{file}")));
    let mut compare = |what: &str, ours: &str, theirs: std::io::Result<String>| match theirs {
        Ok(theirs) if theirs == ours => {}
        Ok(theirs) => differences.push(format!(
            "{prefix}: {what} differs: expected {theirs:?}, got {ours:?}"
        )),
        Err(error) => differences.push(format!("{prefix}: {what}: {error}")),
    };
    compare(
        "canonical request",
        signed.canonical_request(),
        expected("canonical-request.txt"),
    );
    compare(
        "string to sign",
        signed.string_to_sign(),
        expected("string-to-sign.txt"),
    );
    let rendered = render_signed(request, signed);
    match suite {
        Suite::V4 => {
            compare("signature", signed.signature(), expected("signature.txt"));
            compare(
                "signed request",
                &comparable(&rendered, false),
                expected("signed-request.txt").map(|t| comparable(&t, false)),
            );
        }
        Suite::V4a => {
            let key = read_public_key(dir);
            let verifies = |signature: &str| {
                key.as_ref()
                    .is_ok_and(|key| verify_v4a(key, signed.string_to_sign(), signature))
            };
            match expected("signature.txt") {
                Ok(theirs) if verifies(theirs.trim()) => {}
                Ok(_) => differences.push(format!(
                    "{prefix}: the suite's signature does not verify over our string to sign"
                )),
                Err(error) => differences.push(format!("{prefix}: signature.txt: {error}")),
            }
            match expected("signed-request.txt") {
                Ok(theirs) => {
                    if !signature_in(&theirs).is_some_and(verifies) {
                        differences.push(format!(
                            "{prefix}: the suite's signed-request signature does not verify"
                        ));
                    }
                    if comparable(&theirs, true) != comparable(&rendered, true) {
                        differences.push(format!("{prefix}: signed request differs: expected {theirs:?}, got {rendered:?}"));
                    }
                }
                Err(error) => differences.push(format!("{prefix}: signed-request.txt: {error}")),
            }
        }
    }
}

/// The suite's signed-request text for our signed request: the request line (with the
/// presigned query appended), the original header lines, the added headers, a blank line, the body.
fn render_signed(request: &RawRequest, signed: &SigningOutput) -> String {
    let mut target = request.target.clone();
    for (index, (name, value)) in signed.query_params().iter().enumerate() {
        let first = index == 0;
        target.push(if first && !target.contains('?') {
            '?'
        } else {
            '&'
        });
        target.push_str(name);
        target.push('=');
        target.push_str(value);
    }
    let mut text = format!("{} {target} HTTP/1.1\n", request.method);
    for line in &request.header_lines {
        text.push_str(line);
        text.push('\n');
    }
    for (name, value) in signed.headers() {
        text.push_str(name);
        text.push(':');
        text.push_str(value);
        text.push('\n');
    }
    text.push('\n');
    text.push_str(&String::from_utf8_lossy(&request.body));
    text
}

/// A signed-request text with header names lower-cased (HTTP names are case-insensitive) and,
/// for SigV4a, the signature values blanked (ECDSA signatures differ on every run).
fn comparable(text: &str, blank_signature: bool) -> String {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let mut out = String::new();
    if let Some(request_line) = lines.next() {
        out.push_str(&if blank_signature {
            blank(request_line, "X-Amz-Signature=", '&')
        } else {
            request_line.to_owned()
        });
        out.push('\n');
    }
    for line in lines {
        let line = match line.split_once(':') {
            Some((name, value)) if !line.starts_with([' ', '\t']) => {
                format!("{}:{value}", name.to_ascii_lowercase())
            }
            _ => line.to_owned(),
        };
        out.push_str(&if blank_signature {
            blank(&line, "Signature=", ' ')
        } else {
            line
        });
        out.push('\n');
    }
    out.push('\n');
    out.push_str(body);
    out
}

/// `line` with the value after `marker` (up to `end`, a space or the end) replaced by `<sig>`.
fn blank(line: &str, marker: &str, end: char) -> String {
    let Some(start) = line.find(marker).map(|at| at + marker.len()) else {
        return line.to_owned();
    };
    let stop = line[start..]
        .find([end, ' '])
        .map_or(line.len(), |at| start + at);
    format!("{}<sig>{}", &line[..start], &line[stop..])
}

fn signature_in(text: &str) -> Option<&str> {
    let start = text.find("Signature=")? + "Signature=".len();
    let rest = &text[start..];
    Some(
        &rest[..rest
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len())],
    )
}

fn check_public_key(dir: &Path, context: &Context, differences: &mut Vec<String>) {
    let key = match signing_key_v4a(&context.credentials) {
        Ok(key) => key,
        Err(error) => return differences.push(format!("public key: {error}")),
    };
    match read_public_key(dir) {
        Ok(theirs) if theirs == key.public_key_sec1() => {}
        Ok(_) => differences.push("public key: derived key differs from public-key.json".into()),
        Err(error) => differences.push(format!("public key: {error}")),
    }
}

/// `public-key.json` as SEC1 uncompressed bytes.
fn read_public_key(dir: &Path) -> Result<Vec<u8>, String> {
    let text = std::fs::read_to_string(dir.join("public-key.json")).map_err(|e| e.to_string())?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let mut key = vec![0x04];
    for coordinate in ["X", "Y"] {
        let hex = json[coordinate]
            .as_str()
            .ok_or(format!("public-key.json has no {coordinate}"))?;
        let bytes = (0..hex.len())
            .step_by(2)
            .map(|i| {
                hex.get(i..i + 2)
                    .and_then(|pair| u8::from_str_radix(pair, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()
            .ok_or(format!("public-key.json {coordinate} is not hex"))?;
        key.extend(std::iter::repeat_n(0, 32usize.saturating_sub(bytes.len())));
        key.extend(bytes);
    }
    Ok(key)
}

fn read_context(dir: &Path) -> Result<Context, String> {
    let text = std::fs::read_to_string(dir.join("context.json"))
        .map_err(|e| format!("context.json: {e}"))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("context.json: {e}"))?;
    let text_of = |key: &str| {
        json[key]
            .as_str()
            .map(str::to_owned)
            .ok_or(format!("context.json: no {key}"))
    };
    let flag = |key: &str| json[key].as_bool().unwrap_or(false);
    let credentials_json = &json["credentials"];
    let credential = |key: &str| {
        credentials_json[key]
            .as_str()
            .ok_or(format!("context.json: no credentials.{key}"))
    };
    let mut credentials = Credentials::new(
        credential("access_key_id")?,
        credential("secret_access_key")?,
    );
    if let Some(token) = credentials_json["token"].as_str() {
        credentials = credentials.with_session_token(token);
    }
    let timestamp = text_of("timestamp")?;
    let parsed =
        time::OffsetDateTime::parse(&timestamp, &time::format_description::well_known::Rfc3339)
            .map_err(|e| format!("context.json: timestamp {timestamp:?}: {e}"))?;
    let seconds = u64::try_from(parsed.unix_timestamp()).map_err(|e| e.to_string())?;
    Ok(Context {
        credentials,
        region: text_of("region")?,
        service: text_of("service")?,
        time: UNIX_EPOCH + Duration::from_secs(seconds),
        expires_in: Duration::from_secs(json["expiration_in_seconds"].as_u64().unwrap_or(0)),
        normalize: json["normalize"].as_bool().unwrap_or(true),
        sign_body: flag("sign_body"),
        omit_session_token: flag("omit_session_token"),
    })
}

fn read_request(dir: &Path) -> Result<RawRequest, String> {
    let bytes = std::fs::read(dir.join("request.txt")).map_err(|e| format!("request.txt: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("request.txt: {e}"))?;
    let (head, body) = text
        .split_once("\n\n")
        .unwrap_or((text.trim_end_matches('\n'), ""));
    let mut lines = head.lines();
    let request_line = lines.next().ok_or("request.txt is empty")?;
    let (method, rest) = request_line
        .split_once(' ')
        .ok_or("request line has no target")?;
    let target = rest
        .strip_suffix(" HTTP/1.1")
        .ok_or("request line does not end in HTTP/1.1")?;
    let mut request = RawRequest {
        method: method.to_owned(),
        target: target.to_owned(),
        header_lines: Vec::new(),
        headers: Vec::new(),
        body: body.as_bytes().to_vec(),
    };
    for line in lines {
        request.header_lines.push(line.to_owned());
        if line.starts_with([' ', '\t']) {
            // Obsolete line folding: the line continues the previous header's value.
            let (_, value) = request
                .headers
                .last_mut()
                .ok_or("folded line before any header")?;
            value.push('\n');
            value.push_str(line);
        } else {
            let (name, value) = line
                .split_once(':')
                .ok_or(format!("header line {line:?} has no colon"))?;
            request.headers.push((name.to_owned(), value.to_owned()));
        }
    }
    Ok(request)
}

//! Input cases: `params` to an HTTP request, compared with `serialized`.

use awso_core::Document;
use awso_core::protocol::{Endpoint, Protocol, RequestOptions};
use awso_core::schema::{HttpBinding, Member, ShapeKind};

use crate::compare;
use crate::runner::Runner;

/// The token the suites expect when an idempotency token is filled in.
fn fixed_token() -> String {
    "00000000-0000-4000-8000-000000000000".to_owned()
}

pub(crate) fn run(runner: &dyn Runner, group: &Document, case: &Document) -> Result<(), String> {
    let empty = Document::Object(indexmap::IndexMap::new());
    let params = case.get("params").unwrap_or(&empty);
    let input_schema = runner.input_schema();
    let input = crate::data::to_value(params, &Member::root(input_schema))?;
    let endpoint = group
        .get("clientEndpoint")
        .and_then(Document::as_str)
        .unwrap_or("https://example.com");
    let endpoint = Endpoint::parse(endpoint).map_err(|e| e.to_string())?;
    let options = RequestOptions {
        idempotency_token: fixed_token,
        ..RequestOptions::default()
    };
    let request = runner
        .request(&input, &endpoint, &options)
        .map_err(|e| format!("cannot build the request: {e}"))?;
    let expected = case.get("serialized").ok_or("no `serialized`")?;
    let field = |key: &str| expected.get(key).and_then(Document::as_str);

    if let Some(method) = field("method") {
        if request.method().as_str() != method {
            return Err(format!(
                "method: expected {method}, got {}",
                request.method()
            ));
        }
    }
    if let Some(uri) = field("uri") {
        let actual = request.uri().path_and_query().map_or("/", |p| p.as_str());
        compare_uris(uri, actual)?;
    }
    if let Some(host) = field("host") {
        let authority = request.uri().authority().map_or("", |a| a.as_str());
        let actual = if host.contains('/') {
            format!("{authority}{}", endpoint.base_path())
        } else {
            authority.to_owned()
        };
        if actual != host {
            return Err(format!("host: expected {host}, got {actual}"));
        }
    }
    compare_headers(expected, request.headers(), request.body().len())?;
    if let Some(body) = field("body") {
        let actual = request.body();
        let content_type = request
            .headers()
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if is_raw_payload(input_schema)
            || !(content_type.contains("json") || content_type.contains("xml"))
                && runner.protocol().is_rest()
        {
            compare::raw_bodies(body, actual)?;
        } else {
            match runner.protocol() {
                Protocol::RestJson1 | Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
                    compare::json_bodies(body, actual)?;
                }
                Protocol::RestXml => compare::xml_bodies(body, actual)?,
                Protocol::AwsQuery | Protocol::Ec2Query => compare::raw_bodies(body, actual)?,
                Protocol::RpcV2Cbor => compare::cbor_bodies(body, actual)?,
            }
        }
    }
    Ok(())
}

/// Whether the input's payload member is a blob or string sent as is.
fn is_raw_payload(schema: &awso_core::Schema) -> bool {
    schema.members().iter().any(|m| {
        m.traits().http == Some(HttpBinding::Payload)
            && matches!(
                m.target().kind(),
                ShapeKind::Blob | ShapeKind::String | ShapeKind::Enum
            )
    })
}

/// Paths must be equal; query parameters equal as multisets per name (order kept within a
/// name, free across names).
fn compare_uris(expected: &str, actual: &str) -> Result<(), String> {
    let split = |uri: &str| -> (String, Vec<(String, String)>) {
        let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
        let mut params: Vec<(String, String)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_owned(), v.to_owned())
            })
            .collect();
        params.sort_by(|a, b| a.0.cmp(&b.0));
        (path.to_owned(), params)
    };
    let (e_path, e_query) = split(expected);
    let (a_path, a_query) = split(actual);
    if e_path != a_path || e_query != a_query {
        return Err(format!("uri: expected {expected}, got {actual}"));
    }
    Ok(())
}

/// Content types compared as HTTP does: the media type without regard to case or spaces,
/// and the parameters both sides give agreeing (names and `charset` values without regard
/// to case). A parameter only one side gives is accepted: botocore sends
/// `application/x-www-form-urlencoded; charset=utf-8` where the Smithy suites expect none,
/// and both are valid.
fn same_media(got: &str, want: &str) -> bool {
    let split = |text: &str| -> (String, Vec<(String, String)>) {
        let mut parts = text.split(';');
        let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let parameters = parts
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| {
                (
                    k.trim().to_ascii_lowercase(),
                    v.trim().trim_matches('"').to_owned(),
                )
            })
            .collect();
        (media, parameters)
    };
    let ((got_media, got_parameters), (want_media, want_parameters)) = (split(got), split(want));
    got_media == want_media
        && want_parameters.iter().all(|(name, value)| {
            got_parameters
                .iter()
                .find(|(n, _)| n == name)
                .is_none_or(|(_, v)| {
                    v == value || (name == "charset" && v.eq_ignore_ascii_case(value))
                })
        })
}

/// Whether two values of a list-valued header hold the same items: a list header is
/// comma-separated with optional spaces (RFC 9110, section 5.6.1); botocore joins items with
/// `,`, the Smithy suites with `, `. A value that is one item is compared whole above.
fn same_list(got: &str, want: &str) -> bool {
    got.split(',')
        .map(str::trim)
        .eq(want.split(',').map(str::trim))
}

/// Whether a header a case forbids is present only as HTTP framing: botocore's suites check
/// its serializer, which leaves `Content-Length` to its HTTP layer, while awso's protocol
/// layer builds the whole request and states the length of the body it wrote. Any other
/// value (or any other header) is a failure.
fn is_framing(name: &str, got: &str, body_length: usize) -> bool {
    name.eq_ignore_ascii_case("content-length") && got == body_length.to_string()
}

fn compare_headers(
    expected: &Document,
    actual: &http::HeaderMap,
    body_length: usize,
) -> Result<(), String> {
    let value = |name: &str| -> Option<String> {
        let values: Vec<&str> = actual
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    };
    if let Some(Document::Object(headers)) = expected.get("headers") {
        for (name, want) in headers {
            let want = want.as_str().unwrap_or_default();
            match value(name) {
                Some(got) if got == want => {}
                Some(got)
                    if name.eq_ignore_ascii_case("content-type") && same_media(&got, want) => {}
                Some(got) if same_list(&got, want) => {}
                got => return Err(format!("header {name}: expected {want:?}, got {got:?}")),
            }
        }
    }
    for name in expected
        .get("forbidHeaders")
        .and_then(Document::as_array)
        .unwrap_or_default()
    {
        let name = name.as_str().unwrap_or_default();
        if let Some(got) = value(name).filter(|got| !is_framing(name, got, body_length)) {
            return Err(format!("header {name} must be absent, got {got:?}"));
        }
    }
    for name in expected
        .get("requireHeaders")
        .and_then(Document::as_array)
        .unwrap_or_default()
    {
        let name = name.as_str().unwrap_or_default();
        if value(name).is_none() {
            return Err(format!("header {name} must be present"));
        }
    }
    Ok(())
}

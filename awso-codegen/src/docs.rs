//! Doc comments: by default our own short descriptions, made from the schema (committed code
//! carries no text from the model); with `--docs model`, the model's documentation as text.

use awso_core::Document;
use awso_core::schema::{HttpBinding, Member};

/// Where doc comments come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocSource {
    /// Descriptions made from the schema: the wire name, whether required, the binding.
    #[default]
    Generated,
    /// The model's documentation, turned from HTML into plain text.
    Model,
}

/// The model's documentation of an item, as plain text.
pub(crate) fn model_text(doc: Option<&Document>) -> Option<String> {
    let html = doc?.get("documentation")?.as_str()?;
    let text = html_to_text(html);
    (!text.is_empty()).then_some(text)
}

/// Strips tags, keeps paragraph breaks, decodes the common entities.
fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = &rest[open..];
            break;
        };
        let tag = rest[open + 1..open + close]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        if tag.starts_with('p') && (tag.len() == 1 || tag.as_bytes()[1] == b' ')
            || tag.starts_with("li")
        {
            out.push_str("\n\n");
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Our description of a structure member.
pub(crate) fn member(member: &Member, required: bool) -> String {
    let mut text = format!("`{}`", member.name());
    if required {
        text.push_str(", required");
    }
    let binding = match member.traits().http {
        Some(HttpBinding::Header(name)) => format!("; sent in the `{name}` header"),
        Some(HttpBinding::PrefixHeaders(prefix)) => {
            format!("; the headers starting with `{prefix}`")
        }
        Some(HttpBinding::Label { name, .. }) => format!("; the `{{{name}}}` label of the URI"),
        Some(HttpBinding::Query(name)) => format!("; the `{name}` query parameter"),
        Some(HttpBinding::QueryParams) => "; the remaining query parameters".to_owned(),
        Some(HttpBinding::Payload) => "; the whole body".to_owned(),
        Some(HttpBinding::ResponseCode) => "; the HTTP status code".to_owned(),
        None => String::new(),
    };
    text.push_str(&binding);
    if member.traits().idempotency_token {
        text.push_str("; filled with a fresh token when left out");
    }
    if member.traits().host_label {
        text.push_str("; part of the endpoint's host name");
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn html_becomes_paragraphs() {
        assert_eq!(
            html_to_text("<p>One <code>two</code> &amp; three.</p> <p>Four &lt;5&gt;.</p>"),
            "One two & three.\n\nFour <5>."
        );
        assert_eq!(html_to_text("plain"), "plain");
        assert_eq!(html_to_text("<ul><li>a</li><li>b</li></ul>"), "a\n\nb");
    }
}

//! The service's endpoint rule set and each operation's endpoint bindings, for code that
//! calls the service through awso-client.
//!
//! The rule set goes in as minified JSON text that awso-client parses once on first use
//! (a string constant costs the compiler next to nothing, where the same rules as Rust data
//! literals cost seconds per crate); the bindings (`contextParam`, `staticContextParams`,
//! `operationContextParams`) as static data, so the runtime needs no model.

use awso_core::Document;
use proc_macro2::TokenStream;
use quote::quote;

use crate::Error;

/// The awso-client items: `ENDPOINT_RULES` and `ENDPOINT_BINDINGS`.
pub(crate) fn items(doc: &Document, rules_json: &str) -> Result<TokenStream, Error> {
    let rules: Document = awso_core::json::from_str(rules_json).map_err(Error::Model)?;
    if rules.get("parameters").is_none() || rules.get("rules").is_none() {
        return Err(Error::Model(awso_core::Error::invalid(
            "endpoint rule set",
            "no `parameters` or `rules`: not an endpoint-rule-set-1.json",
        )));
    }
    let minified = awso_core::json::to_string(&rules).map_err(Error::Model)?;
    let bindings = operation_bindings(doc)?;
    let count = proc_macro2::Literal::usize_unsuffixed(bindings.len());
    Ok(quote! {
        /// The service's endpoint rules (botocore's `endpoint-rule-set-1.json`, minified),
        /// parsed on first use.
        pub static ENDPOINT_RULES: ::awso_client::endpoint::EmbeddedRuleSet =
            ::awso_client::endpoint::EmbeddedRuleSet::new(#minified);

        /// What each operation's input gives the endpoint rules, sorted by operation name.
        pub static ENDPOINT_BINDINGS: [::awso_client::endpoint::binding::OperationEndpoint; #count] =
            [#(#bindings),*];
    })
}

fn object(doc: Option<&Document>) -> impl Iterator<Item = (&String, &Document)> {
    let map = match doc {
        Some(Document::Object(map)) => Some(map),
        _ => None,
    };
    map.into_iter().flatten()
}

fn invalid(what: String) -> Error {
    Error::Model(awso_core::Error::invalid("endpoint bindings", what))
}

/// One `OperationEndpoint` per operation, sorted by name (the runtime searches them).
fn operation_bindings(doc: &Document) -> Result<Vec<TokenStream>, Error> {
    let s3 = doc
        .get("metadata")
        .and_then(|m| m.get("endpointPrefix"))
        .and_then(Document::as_str)
        == Some("s3");
    let mut operations: Vec<(&String, &Document)> = object(doc.get("operations")).collect();
    operations.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::with_capacity(operations.len());
    for (name, op) in operations {
        let statics = static_params(name, op)?;
        let paths = context_paths(name, op)?;
        let members = context_members(doc, op);
        let uri = op
            .get("http")
            .and_then(|h| h.get("requestUri"))
            .and_then(Document::as_str)
            .unwrap_or("/");
        let prefix = if s3 && bucket_leads(uri) {
            quote!(Some("/{Bucket}"))
        } else {
            quote!(None)
        };
        out.push(quote! {
            ::awso_client::endpoint::binding::OperationEndpoint {
                operation: #name,
                static_params: &[#(#statics),*],
                members: &[#(#members),*],
                paths: &[#(#paths),*],
                path_prefix_in_endpoint: #prefix,
            }
        });
    }
    Ok(out)
}

/// `staticContextParams`: (parameter, value) pairs.
fn static_params(name: &str, op: &Document) -> Result<Vec<TokenStream>, Error> {
    object(op.get("staticContextParams"))
        .map(|(param, def)| {
            let value = match def.get("value") {
                Some(Document::Boolean(b)) => {
                    quote!(::awso_client::endpoint::binding::StaticValue::Bool(#b))
                }
                Some(Document::String(s)) => {
                    quote!(::awso_client::endpoint::binding::StaticValue::String(#s))
                }
                _ => {
                    let what = format!("{name}.staticContextParams.{param}: not a bool or string");
                    return Err(invalid(what));
                }
            };
            Ok(quote!((#param, #value)))
        })
        .collect()
}

/// `operationContextParams`: (parameter, path) pairs.
fn context_paths(name: &str, op: &Document) -> Result<Vec<TokenStream>, Error> {
    object(op.get("operationContextParams"))
        .map(|(param, def)| {
            let path = def.get("path").and_then(Document::as_str).ok_or_else(|| {
                invalid(format!("{name}.operationContextParams.{param}: no path"))
            })?;
            Ok(quote!((#param, #path)))
        })
        .collect()
}

/// `contextParam` on the input's members: (member, parameter) pairs.
fn context_members(doc: &Document, op: &Document) -> Vec<TokenStream> {
    let input = op
        .get("input")
        .and_then(|i| i.get("shape"))
        .and_then(Document::as_str);
    let members = input.and_then(|shape| doc.get("shapes")?.get(shape)?.get("members"));
    object(members)
        .filter_map(|(member, def)| {
            let param = def.get("contextParam")?.get("name")?.as_str()?;
            Some(quote!((#member, #param)))
        })
        .collect()
}

/// Whether the URI template starts with the bucket label, which S3's rules put in the URL
/// (host or path) themselves, as botocore's `remove_bucket_from_url_paths_from_model` knows.
fn bucket_leads(uri: &str) -> bool {
    uri.strip_prefix("/{Bucket}")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?']))
}

#[cfg(test)]
mod tests {
    use super::bucket_leads;

    #[test]
    fn the_bucket_leads_only_as_a_whole_segment() {
        assert!(bucket_leads("/{Bucket}"));
        assert!(bucket_leads("/{Bucket}/{Key+}?x-id=GetObject"));
        assert!(bucket_leads("/{Bucket}?uploads"));
        assert!(!bucket_leads("/{BucketName}"));
        assert!(!bucket_leads("/v20180820/bucket/{Bucket}"));
    }
}

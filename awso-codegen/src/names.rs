//! Rust names for model names: `snake_case` fields, `CamelCase` types and variants, keywords
//! and clashes handled.

use std::collections::HashSet;

/// Words Rust reserves: usable as raw identifiers (`r#type`), except the few below.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Splits a model name into words: on `_`, `-`, `.`, spaces and other punctuation, and at
/// case changes (`AttachmentSizeInBytes`, `URLExpiry` -> `url`, `expiry`).
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
    {
        let chars: Vec<char> = part.chars().collect();
        let mut start = 0;
        for i in 1..chars.len() {
            let (prev, cur) = (chars[i - 1], chars[i]);
            let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            let boundary = (prev.is_ascii_lowercase() && cur.is_ascii_uppercase())
                || (prev.is_ascii_uppercase() && cur.is_ascii_uppercase() && next_lower)
                || (prev.is_ascii_digit()
                    && cur.is_ascii_alphabetic()
                    && !chars[start].is_ascii_digit());
            if boundary {
                words.push(chars[start..i].iter().collect::<String>());
                start = i;
            }
        }
        words.push(chars[start..].iter().collect::<String>());
    }
    words
}

/// `AttachmentSizeInBytes` -> `attachment_size_in_bytes`.
pub(crate) fn snake_case(name: &str) -> String {
    let snake = words(name)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    if snake.is_empty() || snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n_{snake}")
    } else {
        snake
    }
}

/// `CONNECTION_ACK` -> `ConnectionAck`, `application/json` -> `ApplicationJson`.
pub(crate) fn camel_case(name: &str) -> String {
    let camel: String = words(name)
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            let rest: String = if w.chars().all(|c| !c.is_ascii_lowercase()) {
                chars.map(|c| c.to_ascii_lowercase()).collect()
            } else {
                chars.collect()
            };
            first.into_iter().collect::<String>() + &rest
        })
        .collect();
    if camel.is_empty() || camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{camel}")
    } else {
        camel
    }
}

/// A usable identifier: keywords become raw identifiers (`r#type`), or take a trailing `_`
/// where Rust allows no raw form.
pub(crate) fn ident(name: &str) -> syn::Ident {
    if NOT_RAW.contains(&name) {
        return quote::format_ident!("{name}_");
    }
    if KEYWORDS.contains(&name) {
        return syn::Ident::new_raw(name, proc_macro2::Span::call_site());
    }
    quote::format_ident!("{name}")
}

/// Hands out names, adding a numeric suffix to any already taken.
#[derive(Default)]
pub(crate) struct Namer {
    taken: HashSet<String>,
}

impl Namer {
    /// A namer with `reserved` names already taken.
    pub(crate) fn with_reserved(reserved: &[&str]) -> Self {
        Self {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// `wanted`, or `wanted2`, `wanted3`, ... when taken.
    pub(crate) fn claim(&mut self, wanted: &str) -> String {
        let mut name = wanted.to_owned();
        let mut n = 2;
        while !self.taken.insert(name.clone()) {
            name = format!("{wanted}{n}");
            n += 1;
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::{camel_case, ident, snake_case};

    #[test]
    fn snake_case_follows_words() {
        let cases = [
            ("AttachmentSizeInBytes", "attachment_size_in_bytes"),
            ("URLExpiry", "url_expiry"),
            ("ViewToken", "view_token"),
            ("dBInstanceIdentifier", "d_b_instance_identifier"),
            ("SSEKMSKeyId", "ssekms_key_id"),
            ("Ipv6CidrBlock", "ipv6_cidr_block"),
            ("x-amz-meta", "x_amz_meta"),
            ("type", "type"),
            ("2fa", "n_2fa"),
        ];
        for (name, want) in cases {
            assert_eq!(snake_case(name), want, "{name}");
        }
    }

    #[test]
    fn camel_case_follows_words() {
        let cases = [
            ("CONNECTION_ACK", "ConnectionAck"),
            ("application/json", "ApplicationJson"),
            ("t2.micro", "T2Micro"),
            ("MESSAGE", "Message"),
            ("AWS.SimpleQueueService", "AwsSimpleQueueService"),
            ("1year", "V1year"),
            ("", "V"),
        ];
        for (name, want) in cases {
            assert_eq!(camel_case(name), want, "{name}");
        }
    }

    #[test]
    fn keywords_become_raw_or_suffixed() {
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(ident("Self").to_string(), "Self_");
        assert_eq!(ident("name").to_string(), "name");
    }
}

//! `rename_all` conventions: from Rust's `snake_case` fields and `PascalCase` variants to the
//! model's names.

/// A naming convention `rename_all` accepts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum RenameRule {
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    Lower,
    Upper,
}

pub(crate) const RULE_NAMES: &str = "\"PascalCase\", \"camelCase\", \"snake_case\", \"SCREAMING_SNAKE_CASE\", \"kebab-case\", \"lowercase\", \"UPPERCASE\"";

impl RenameRule {
    pub(crate) fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "PascalCase" => Self::Pascal,
            "camelCase" => Self::Camel,
            "snake_case" => Self::Snake,
            "SCREAMING_SNAKE_CASE" => Self::ScreamingSnake,
            "kebab-case" => Self::Kebab,
            "lowercase" => Self::Lower,
            "UPPERCASE" => Self::Upper,
            _ => return None,
        })
    }

    /// Renames a `snake_case` field.
    pub(crate) fn apply_to_field(self, field: &str) -> String {
        let words: Vec<&str> = field.split('_').filter(|w| !w.is_empty()).collect();
        self.join(&words)
    }

    /// Renames a `PascalCase` variant.
    pub(crate) fn apply_to_variant(self, variant: &str) -> String {
        let mut words = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = variant.char_indices().collect();
        for (i, &(at, c)) in chars.iter().enumerate() {
            if i > 0 && c.is_uppercase() {
                words.push(&variant[start..at]);
                start = at;
            }
        }
        words.push(&variant[start..]);
        let lowered: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let refs: Vec<&str> = lowered.iter().map(String::as_str).collect();
        self.join(&refs)
    }

    fn join(self, words: &[&str]) -> String {
        let capitalize = |w: &str| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        };
        match self {
            Self::Pascal => words.iter().map(|w| capitalize(w)).collect(),
            Self::Camel => words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == 0 {
                        w.to_lowercase()
                    } else {
                        capitalize(w)
                    }
                })
                .collect(),
            Self::Snake => words.join("_").to_lowercase(),
            Self::ScreamingSnake => words.join("_").to_uppercase(),
            Self::Kebab => words.join("-").to_lowercase(),
            Self::Lower => words.concat().to_lowercase(),
            Self::Upper => words.concat().to_uppercase(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RenameRule;

    #[test]
    fn fields() {
        let cases = [
            (
                RenameRule::Pascal,
                "attachment_size_in_bytes",
                "AttachmentSizeInBytes",
            ),
            (
                RenameRule::Camel,
                "attachment_size_in_bytes",
                "attachmentSizeInBytes",
            ),
            (RenameRule::ScreamingSnake, "url_expiry", "URL_EXPIRY"),
            (RenameRule::Kebab, "url_expiry", "url-expiry"),
            (RenameRule::Lower, "url_expiry", "urlexpiry"),
            (RenameRule::Upper, "url", "URL"),
            (RenameRule::Snake, "url_expiry", "url_expiry"),
        ];
        for (rule, field, want) in cases {
            assert_eq!(rule.apply_to_field(field), want, "{rule:?}");
        }
    }

    #[test]
    fn variants() {
        let cases = [
            (
                RenameRule::ScreamingSnake,
                "ConnectionAck",
                "CONNECTION_ACK",
            ),
            (RenameRule::Snake, "ConnectionAck", "connection_ack"),
            (RenameRule::Camel, "ConnectionAck", "connectionAck"),
            (RenameRule::Kebab, "ConnectionAck", "connection-ack"),
            (RenameRule::Pascal, "Agent", "Agent"),
            (RenameRule::Upper, "Agent", "AGENT"),
        ];
        for (rule, variant, want) in cases {
            assert_eq!(rule.apply_to_variant(variant), want, "{rule:?}");
        }
    }
}

//! The one table of `#[awso(...)]` keys: where each may be written and what follows it. The
//! parsers, the "expected one of" lists and the placement errors all read it, so a key is
//! declared here and nowhere else.

use syn::meta::ParseNestedMeta;

use crate::ctxt::Ctxt;

/// Where an attribute is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Place {
    /// A structure deriving `AwsShape`.
    Struct,
    /// An enum deriving `AwsShape`: a string enum, an intEnum or a union.
    Enum,
    /// An enum deriving `AwsError`.
    ErrorEnum,
    /// A structure field.
    Field,
    /// A union variant.
    UnionVariant,
    /// A string enum variant.
    StringEnumVariant,
    /// An intEnum variant.
    IntEnumVariant,
    /// Inside `member(...)`, `key(...)` or `value(...)`.
    Nested,
    /// A variant of an `AwsError` enum.
    ErrorVariant,
}

impl Place {
    /// Every place, in the order the placement errors name them.
    pub(super) const ALL: [Self; 9] = [
        Self::Struct,
        Self::Enum,
        Self::ErrorEnum,
        Self::Field,
        Self::UnionVariant,
        Self::StringEnumVariant,
        Self::IntEnumVariant,
        Self::Nested,
        Self::ErrorVariant,
    ];

    const fn bit(self) -> u16 {
        1 << self as u16
    }

    /// The place in a list of places: "keys that apply to ...".
    fn plural(self) -> &'static str {
        match self {
            Self::Struct => "structures",
            Self::Enum => "enums",
            Self::ErrorEnum => "AwsError enums",
            Self::Field => "structure fields",
            Self::UnionVariant => "union variants",
            Self::StringEnumVariant => "string enum variants",
            Self::IntEnumVariant => "intEnum variants",
            Self::Nested => "member(...) / key(...) / value(...)",
            Self::ErrorVariant => "AwsError variants",
        }
    }

    /// The place as the end of a sentence: "unknown key ...".
    fn here(self) -> &'static str {
        match self {
            Self::Struct => "on a structure",
            Self::Enum => "on an enum",
            Self::ErrorEnum => "on an AwsError enum",
            Self::Field => "on a structure field",
            Self::UnionVariant => "on a union variant",
            Self::StringEnumVariant => "on a string enum variant",
            Self::IntEnumVariant => "on an intEnum variant",
            Self::Nested => "inside member(...), key(...) or value(...)",
            Self::ErrorVariant => "on an AwsError variant",
        }
    }
}

/// A set of places.
#[derive(Clone, Copy)]
pub(super) struct Places(u16);

impl Places {
    const fn of(places: &[Place]) -> Self {
        let mut bits = 0;
        let mut i = 0;
        while i < places.len() {
            bits |= places[i].bit();
            i += 1;
        }
        Self(bits)
    }

    pub(super) fn contains(self, place: Place) -> bool {
        self.0 & place.bit() != 0
    }

    fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}

/// What may follow a key: nothing (a flag), `= value`, `(...)`, or several of these.
#[derive(Clone, Copy)]
pub(crate) struct Form {
    pub(super) flag: bool,
    /// What stands after `=`, as the usage shows it.
    pub(super) value: Option<&'static str>,
    /// What stands inside the parentheses, as the usage shows it.
    pub(super) list: Option<&'static str>,
}

impl Form {
    pub(crate) const FLAG: Self = Self {
        flag: true,
        value: None,
        list: None,
    };
    pub(crate) const STR: Self = Self::value("\"...\"");

    pub(crate) const fn value(shown: &'static str) -> Self {
        Self {
            flag: false,
            value: Some(shown),
            list: None,
        }
    }

    const fn list(shown: &'static str) -> Self {
        Self {
            flag: false,
            value: None,
            list: Some(shown),
        }
    }

    const fn or_flag(self) -> Self {
        Self { flag: true, ..self }
    }

    pub(crate) const fn or_list(self, shown: &'static str) -> Self {
        Self {
            list: Some(shown),
            ..self
        }
    }

    /// How `key` is written in this form: "`key`, `key = ...` or `key(...)`".
    pub(crate) fn usage(self, key: &str) -> String {
        let mut ways = Vec::new();
        if self.flag {
            ways.push(format!("`{key}`"));
        }
        if let Some(value) = self.value {
            ways.push(format!("`{key} = {value}`"));
        }
        if let Some(list) = self.list {
            ways.push(format!("`{key}({list})`"));
        }
        one_of(&ways)
    }

    /// Whether the tokens after `meta`'s key are in this form; reports them at the key and
    /// skips them when not.
    pub(crate) fn check(self, cx: &Ctxt, meta: &ParseNestedMeta<'_>, key: &str) -> bool {
        let fits = if meta.input.peek(syn::Token![=]) {
            self.value.is_some()
        } else if meta.input.peek(syn::token::Paren) {
            self.list.is_some()
        } else {
            self.flag
        };
        if !fits {
            let message = if self.value.is_none() && self.list.is_none() {
                format!("awso attribute `{key}` takes no value")
            } else {
                format!("awso attribute `{key}` is written {}", self.usage(key))
            };
            cx.error_spanned_by(&meta.path, message);
            skip_value(meta);
        }
        fits
    }
}

/// `a`, `a or b`, `a, b or c`.
pub(crate) fn one_of(items: &[String]) -> String {
    joined(items, "or")
}

/// `a`, `a {conjunction} b`, `a, b {conjunction} c`.
fn joined(items: &[String], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

/// One row of the table.
pub(crate) struct Row {
    pub(crate) name: &'static str,
    pub(super) places: Places,
    pub(super) form: Form,
}

const fn row(name: &'static str, places: &[Place], form: Form) -> Row {
    Row {
        name,
        places: Places::of(places),
        form,
    }
}

use Place::{
    Enum, ErrorEnum, ErrorVariant, Field, IntEnumVariant, Nested, StringEnumVariant, Struct,
    UnionVariant,
};

/// Where member traits apply: any member of an aggregate, and the items inside
/// `member(...)`, `key(...)` and `value(...)`.
const ITEM: &[Place] = &[Field, UnionVariant, Nested];
const NESTED: Form = Form::list("...");

/// Every key, in the order the "expected one of" lists show them. A key written in two
/// rows (`value`) means different things at different places.
pub(super) const KEYS: &[Row] = &[
    row("name", &[Struct, Enum], Form::STR),
    row("rename_all", &[Struct, Enum], Form::STR),
    row(
        "rename",
        &[Field, UnionVariant, StringEnumVariant, IntEnumVariant],
        Form::STR,
    ),
    row("json_name", &[Field, UnionVariant], Form::STR),
    row(
        "xml_name",
        &[Struct, Enum, Field, UnionVariant, Nested],
        Form::STR,
    ),
    row("xml_attribute", &[Field], Form::FLAG),
    row("xml_flattened", &[Field, UnionVariant], Form::FLAG),
    row(
        "xml_namespace",
        &[Struct, Enum, Field, UnionVariant, Nested],
        Form::list("uri = \"...\", prefix = \"...\""),
    ),
    row("ec2_query_name", &[Field, UnionVariant], Form::STR),
    row("timestamp_format", ITEM, Form::STR),
    row("http_header", &[Field], Form::STR),
    row("http_prefix_headers", &[Field], Form::STR),
    row(
        "http_label",
        &[Field],
        Form::STR.or_flag().or_list("greedy, name = \"...\""),
    ),
    row("http_query", &[Field], Form::STR),
    row("http_query_params", &[Field], Form::FLAG),
    row("http_payload", &[Field], Form::FLAG),
    row("http_response_code", &[Field], Form::FLAG),
    row("host_label", &[Field], Form::FLAG),
    row("required", &[Field], Form::FLAG),
    row("idempotency_token", &[Field], Form::FLAG),
    row(
        "sensitive",
        &[Struct, Enum, Field, UnionVariant, Nested],
        Form::FLAG,
    ),
    row("debug", &[Struct, Enum], Form::FLAG),
    row("builder", &[Struct, Enum], Form::STR.or_flag()),
    row(
        "default",
        &[Field],
        Form::value("<literal>").or_list("empty_list | empty_map"),
    ),
    row("media_type", ITEM, Form::STR),
    row("streaming", &[Field], Form::FLAG.or_list("requires_length")),
    row("member", ITEM, NESTED),
    row("key", ITEM, NESTED),
    row("value", ITEM, NESTED),
    row("value", &[IntEnumVariant], Form::value("<i32>")),
    row(
        "unknown",
        &[
            UnionVariant,
            StringEnumVariant,
            IntEnumVariant,
            ErrorVariant,
        ],
        Form::FLAG,
    ),
    row(
        "error",
        &[Struct],
        Form::FLAG.or_list("fault = \"...\", status = N, code = \"...\", retryable"),
    ),
    row("union", &[Enum], Form::FLAG),
    row("int_enum", &[Enum], Form::FLAG),
    row("crate", &[Struct, Enum, ErrorEnum], Form::STR),
];

/// The row for the key `meta` starts with at `place`, with its value in the row's form.
/// Anything else is reported (an unknown key with the keys allowed here, a key written at
/// the wrong place with the places it applies to, a value in the wrong form) and skipped.
pub(crate) fn lookup(cx: &Ctxt, meta: &ParseNestedMeta<'_>, place: Place) -> Option<&'static Row> {
    let Some(key) = meta.path.get_ident().map(ToString::to_string) else {
        cx.error_spanned_by(&meta.path, "expected an awso attribute name");
        skip_value(meta);
        return None;
    };
    let named = || KEYS.iter().filter(|r| r.name == key);
    let found = named().find(|r| r.places.contains(place));
    let Some(row) = found else {
        let message = match named().map(|r| r.places).reduce(Places::union) {
            Some(places) => format!(
                "awso attribute `{key}` is not allowed {} (it applies to {}); expected one of: {}",
                place.here(),
                joined(&plurals(places), "and"),
                allowed_at(place),
            ),
            None => format!(
                "unknown awso attribute `{key}` {}; expected one of: {}",
                place.here(),
                allowed_at(place),
            ),
        };
        cx.error_spanned_by(&meta.path, message);
        skip_value(meta);
        return None;
    };
    row.form.check(cx, meta, row.name).then_some(row)
}

fn plurals(places: Places) -> Vec<String> {
    Place::ALL
        .into_iter()
        .filter(|p| places.contains(*p))
        .map(|p| p.plural().to_owned())
        .collect()
}

/// The keys allowed at `place`, comma-separated, each once.
fn allowed_at(place: Place) -> String {
    let mut out = String::new();
    for (i, row) in KEYS.iter().enumerate() {
        let repeated = KEYS[..i].iter().any(|r| r.name == row.name);
        if row.places.contains(place) && !repeated {
            if !out.is_empty() {
                out.push_str(", ");
            }
            out.push_str(row.name);
        }
    }
    out
}

/// Consumes `= value` or `(...)` after a key that was refused, so parsing goes on.
pub(crate) fn skip_value(meta: &ParseNestedMeta<'_>) {
    if meta.input.peek(syn::Token![=]) {
        let _ = meta
            .value()
            .and_then(syn::parse::ParseBuffer::parse::<syn::Expr>);
    } else if meta.input.peek(syn::token::Paren) {
        let _ = meta.parse_nested_meta(|m| {
            skip_value(&m);
            Ok(())
        });
    }
}

/// One key inside a parenthesised value, such as `status` in `error(status = 404)`.
pub(crate) struct SubKey {
    pub(crate) name: &'static str,
    pub(crate) form: Form,
}

/// Reads the keys inside `meta(...)`: each must be one of `keys`, in its form, and written
/// once (the first is kept); `read` takes the value of each accepted key. Mistakes are
/// reported at their key.
pub(crate) fn parse_sub_keys(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    keys: &[SubKey],
    mut read: impl FnMut(&'static str, &ParseNestedMeta<'_>),
) {
    let outer = meta
        .path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut seen: Vec<&'static str> = Vec::new();
    let result = meta.parse_nested_meta(|inner| {
        let Some(sub) = keys.iter().find(|k| inner.path.is_ident(k.name)) else {
            let usages: Vec<String> = keys.iter().map(|k| k.form.usage(k.name)).collect();
            cx.error_spanned_by(
                &inner.path,
                format!("expected {} in {outer}(...)", one_of(&usages)),
            );
            skip_value(&inner);
            return Ok(());
        };
        if !sub.form.check(cx, &inner, sub.name) {
            return Ok(());
        }
        if seen.contains(&sub.name) {
            cx.error_spanned_by(
                &inner.path,
                format!("duplicate `{}` in {outer}(...)", sub.name),
            );
            skip_value(&inner);
            return Ok(());
        }
        seen.push(sub.name);
        read(sub.name, &inner);
        Ok(())
    });
    if let Err(e) = result {
        cx.syn_error(e);
    }
}

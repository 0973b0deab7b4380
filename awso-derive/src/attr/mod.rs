//! Every `#[awso(...)]` key, parsed into typed slots. Generation reads these, never raw
//! attributes. Which keys exist, where each is allowed and how it is written is the table in
//! [`keys`]; this module only stores what the accepted keys say.

mod keys;
mod values;

use proc_macro2::Span;
use syn::Attribute;
use syn::meta::ParseNestedMeta;

use crate::case::RenameRule;
use crate::ctxt::Ctxt;

pub(crate) use keys::Place;
pub(crate) use values::int_from_expr;

/// One attribute value and where it was written; setting it twice is an error.
pub(crate) struct Slot<T> {
    value: Option<(Span, T)>,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Self { value: None }
    }
}

impl<T> Slot<T> {
    /// Records the value of `key`, written at `span`.
    fn set(&mut self, cx: &Ctxt, key: &str, span: Span, value: T) {
        if self.value.is_some() {
            cx.error_at(span, format!("duplicate awso attribute `{key}`"));
        } else {
            self.value = Some((span, value));
        }
    }

    /// Records a value that parsed; one that did not has been reported already.
    fn set_parsed(&mut self, cx: &Ctxt, key: &str, span: Span, value: Option<T>) {
        if let Some(value) = value {
            self.set(cx, key, span, value);
        }
    }

    pub(crate) fn get(&self) -> Option<&T> {
        self.value.as_ref().map(|(_, v)| v)
    }

    pub(crate) fn span(&self) -> Option<Span> {
        self.value.as_ref().map(|(s, _)| *s)
    }

    pub(crate) fn is_set(&self) -> bool {
        self.value.is_some()
    }
}

/// `xml_namespace(uri = "...", prefix = "...")`.
#[derive(Clone)]
pub(crate) struct Namespace {
    pub(crate) uri: String,
    pub(crate) prefix: Option<String>,
}

/// A timestamp format, by its model name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimestampFormat {
    DateTime,
    EpochSeconds,
    HttpDate,
}

/// One HTTP binding.
#[derive(Clone)]
pub(crate) enum HttpBinding {
    Header(String),
    PrefixHeaders(String),
    Label { name: Option<String>, greedy: bool },
    Query(String),
    QueryParams,
    Payload,
    ResponseCode,
}

/// A `default = ...` value.
#[derive(Clone)]
pub(crate) enum DefaultValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    EmptyList,
    EmptyMap,
}

/// `error(fault = "...", status = N, code = "...", retryable)`.
pub(crate) struct ErrorAttr {
    pub(crate) server: bool,
    pub(crate) status: Option<u16>,
    pub(crate) code: Option<String>,
    /// `Some(throttling)` when written `retryable` (`false`) or `retryable(throttling)`.
    pub(crate) retryable: Option<bool>,
}

/// `streaming` on a payload blob: `@streaming`, with `@requiresLength` when written
/// `streaming(requires_length)`.
pub(crate) struct Streaming {
    pub(crate) requires_length: bool,
}

/// Traits a member (or a list item, map key or value inside `member(...)`, `key(...)`,
/// `value(...)`) can carry.
#[derive(Default)]
pub(crate) struct MemberAttrs {
    pub(crate) rename: Slot<String>,
    pub(crate) json_name: Slot<String>,
    pub(crate) xml_name: Slot<String>,
    pub(crate) xml_attribute: Slot<()>,
    pub(crate) xml_flattened: Slot<()>,
    pub(crate) xml_namespace: Slot<Namespace>,
    pub(crate) ec2_query_name: Slot<String>,
    pub(crate) timestamp_format: Slot<TimestampFormat>,
    pub(crate) http: Slot<HttpBinding>,
    pub(crate) host_label: Slot<()>,
    pub(crate) required: Slot<()>,
    pub(crate) idempotency_token: Slot<()>,
    pub(crate) sensitive: Slot<()>,
    pub(crate) default: Slot<DefaultValue>,
    pub(crate) media_type: Slot<String>,
    pub(crate) streaming: Slot<Streaming>,
    pub(crate) item: Slot<Box<MemberAttrs>>,
    pub(crate) key: Slot<Box<MemberAttrs>>,
    pub(crate) value: Slot<Box<MemberAttrs>>,
    /// Marks the unknown variant of an enum or union.
    pub(crate) unknown: Slot<()>,
    /// An intEnum variant's value.
    pub(crate) int_value: Slot<i32>,
}

/// Calls `each` for every key of every `#[awso(...)]` in `attrs`, reporting syntax errors.
fn for_each_key(cx: &Ctxt, attrs: &[Attribute], mut each: impl FnMut(&ParseNestedMeta<'_>)) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("awso")) {
        let result = attr.parse_nested_meta(|meta| {
            each(&meta);
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
}

/// The span of the key `meta` starts with.
fn key_span(meta: &ParseNestedMeta<'_>) -> Span {
    meta.path
        .get_ident()
        .map_or_else(Span::call_site, syn::Ident::span)
}

/// Reports a key the table allows at a place whose parser has no slot for it: a mistake in
/// this crate, not the user's, but reported rather than dropped.
fn no_slot(cx: &Ctxt, span: Span, key: &str) {
    cx.error_at(
        span,
        format!("awso-derive accepted `{key}` here but has no slot for it; please report this"),
    );
}

impl MemberAttrs {
    /// Parses all `#[awso(...)]` attributes of a field or variant.
    pub(crate) fn parse(cx: &Ctxt, attrs: &[Attribute], place: Place) -> Self {
        let mut out = Self::default();
        for_each_key(cx, attrs, |meta| out.parse_key(cx, meta, place));
        out
    }

    fn nested(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Box<Self> {
        let mut out = Self::default();
        let result = meta.parse_nested_meta(|meta| {
            out.parse_key(cx, &meta, Place::Nested);
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
        Box::new(out)
    }

    fn parse_key(&mut self, cx: &Ctxt, meta: &ParseNestedMeta<'_>, place: Place) {
        let Some(row) = keys::lookup(cx, meta, place) else {
            return;
        };
        let (key, span) = (row.name, key_span(meta));
        let flag = |slot: &mut Slot<()>| slot.set(cx, key, span, ());
        let name = |slot: &mut Slot<String>| slot.set_parsed(cx, key, span, values::name(cx, meta));
        match key {
            "rename" => name(&mut self.rename),
            "json_name" => name(&mut self.json_name),
            "xml_name" => name(&mut self.xml_name),
            "ec2_query_name" => name(&mut self.ec2_query_name),
            "media_type" => name(&mut self.media_type),
            "streaming" => self
                .streaming
                .set(cx, key, span, values::streaming(cx, meta)),
            "xml_attribute" => flag(&mut self.xml_attribute),
            "xml_flattened" => flag(&mut self.xml_flattened),
            "host_label" => flag(&mut self.host_label),
            "required" => flag(&mut self.required),
            "idempotency_token" => flag(&mut self.idempotency_token),
            "sensitive" => flag(&mut self.sensitive),
            "unknown" => flag(&mut self.unknown),
            "xml_namespace" => {
                self.xml_namespace
                    .set_parsed(cx, key, span, values::namespace(cx, meta));
            }
            "timestamp_format" => {
                self.timestamp_format
                    .set_parsed(cx, key, span, values::timestamp_format(cx, meta));
            }
            "default" => self
                .default
                .set_parsed(cx, key, span, values::default(cx, meta)),
            "member" => self.item.set(cx, key, span, Self::nested(cx, meta)),
            "key" => self.key.set(cx, key, span, Self::nested(cx, meta)),
            "value" if place == Place::IntEnumVariant => {
                // A bad value is reported by `int`; recording 0 keeps the variant from
                // also being reported as having no value.
                let n = values::int(cx, meta).unwrap_or(0);
                self.int_value.set(cx, key, span, n);
            }
            "value" => self.value.set(cx, key, span, Self::nested(cx, meta)),
            _ if key.starts_with("http_") => {
                if let Some(binding) = values::http(cx, meta, key) {
                    if self.http.is_set() {
                        cx.error_at(span, "a member has at most one HTTP binding");
                    } else {
                        self.http.set(cx, key, span, binding);
                    }
                }
            }
            _ => no_slot(cx, span, key),
        }
    }
}

/// Attributes on the type itself.
#[derive(Default)]
pub(crate) struct ContainerAttrs {
    pub(crate) name: Slot<String>,
    pub(crate) rename_all: Slot<RenameRule>,
    pub(crate) xml_name: Slot<String>,
    pub(crate) xml_namespace: Slot<Namespace>,
    pub(crate) error: Slot<ErrorAttr>,
    pub(crate) sensitive: Slot<()>,
    /// `debug`: write a `Debug` impl that prints sensitive members as a redaction marker.
    pub(crate) debug: Slot<()>,
    /// `builder`: construction helpers (a builder type for a structure, constructors and
    /// conversions for an enum or union); `builder = "Name"` names a structure's builder.
    pub(crate) builder: Slot<Option<String>>,
    pub(crate) union: Slot<()>,
    pub(crate) int_enum: Slot<()>,
    pub(crate) krate: Slot<syn::Path>,
}

impl ContainerAttrs {
    /// Parses the attributes of a type at `place`: a structure, an enum or an error enum.
    pub(crate) fn parse(cx: &Ctxt, attrs: &[Attribute], place: Place) -> Self {
        let mut out = Self::default();
        for_each_key(cx, attrs, |meta| out.parse_key(cx, meta, place));
        out
    }

    fn parse_key(&mut self, cx: &Ctxt, meta: &ParseNestedMeta<'_>, place: Place) {
        let Some(row) = keys::lookup(cx, meta, place) else {
            return;
        };
        let (key, span) = (row.name, key_span(meta));
        match key {
            "name" => self.name.set_parsed(cx, key, span, values::name(cx, meta)),
            "xml_name" => self
                .xml_name
                .set_parsed(cx, key, span, values::name(cx, meta)),
            "rename_all" => {
                self.rename_all
                    .set_parsed(cx, key, span, values::rename_rule(cx, meta));
            }
            "xml_namespace" => {
                self.xml_namespace
                    .set_parsed(cx, key, span, values::namespace(cx, meta));
            }
            "error" => self.error.set(cx, key, span, values::error(cx, meta)),
            "sensitive" => self.sensitive.set(cx, key, span, ()),
            "debug" => self.debug.set(cx, key, span, ()),
            "builder" if meta.input.peek(syn::Token![=]) => {
                let name = values::name(cx, meta).map(Some);
                self.builder.set_parsed(cx, key, span, name);
            }
            "builder" => self.builder.set(cx, key, span, None),
            "union" => self.union.set(cx, key, span, ()),
            "int_enum" => self.int_enum.set(cx, key, span, ()),
            "crate" => self
                .krate
                .set_parsed(cx, key, span, values::crate_path(cx, meta)),
            _ => no_slot(cx, span, key),
        }
    }
}

#[cfg(test)]
mod tests {
    use syn::parse::Parser;

    use super::keys::{KEYS, Place};
    use super::{ContainerAttrs, MemberAttrs};
    use crate::ctxt::Ctxt;

    /// A valid value for `key` after `=`.
    fn value_example(key: &str, place: Place) -> &'static str {
        match key {
            "rename_all" => "\"PascalCase\"",
            "timestamp_format" => "\"date-time\"",
            "crate" => "\"::awso_core\"",
            "default" => "1",
            "value" if place == Place::IntEnumVariant => "1",
            _ => "\"Name\"",
        }
    }

    /// Valid contents for `key(...)`.
    fn list_example(key: &str) -> &'static str {
        match key {
            "xml_namespace" => "uri = \"urn:x\", prefix = \"x\"",
            "http_label" => "greedy, name = \"Key\"",
            "default" => "empty_list",
            "error" => "fault = \"server\", status = 503, code = \"Busy\", retryable(throttling)",
            "streaming" => "requires_length",
            _ => "xml_name = \"Item\"",
        }
    }

    /// Parses `#[awso(written)]` at `place` and returns the errors it reports.
    fn errors_at(place: Place, written: &str) -> Option<String> {
        let text = format!("#[awso({written})]");
        let attrs = syn::Attribute::parse_outer
            .parse_str(&text)
            .expect("an attribute");
        let cx = Ctxt::default();
        match place {
            Place::Struct | Place::Enum | Place::ErrorEnum => {
                let _ = ContainerAttrs::parse(&cx, &attrs, place);
            }
            _ => {
                let _ = MemberAttrs::parse(&cx, &attrs, place);
            }
        }
        cx.into_compile_errors().map(|e| e.to_string())
    }

    /// Every form of every key the table allows at a place is read there without a
    /// complaint: the table and the parsers agree.
    #[test]
    fn every_allowed_key_parses_in_every_form() {
        let mut checked = 0;
        for row in KEYS {
            let key = row.name;
            for place in Place::ALL.into_iter().filter(|p| row.places.contains(*p)) {
                let mut written = Vec::new();
                if row.form.flag {
                    written.push(key.to_owned());
                }
                if row.form.value.is_some() {
                    written.push(format!("{key} = {}", value_example(key, place)));
                }
                if row.form.list.is_some() {
                    written.push(format!("{key}({})", list_example(key)));
                }
                for text in written {
                    assert_eq!(errors_at(place, &text), None, "`{text}` at {place:?}");
                    checked += 1;
                }
            }
        }
        assert!(
            checked > KEYS.len(),
            "every row was tried, some in several forms"
        );
    }

    /// A key outside its places, or in a form the table does not list, is refused.
    #[test]
    fn misplaced_and_misformed_keys_are_refused() {
        for (place, text, expected) in [
            (Place::Struct, "union", "not allowed on a structure"),
            (
                Place::StringEnumVariant,
                "value = 1",
                "not allowed on a string enum",
            ),
            (Place::Field, "required = true", "`required` takes no value"),
            (Place::Field, "rename", "is written `rename = \\\"...\\\"`"),
            (
                Place::Nested,
                "renamed = \"x\"",
                "unknown awso attribute `renamed`",
            ),
            (
                Place::Struct,
                "error(retryable(fast))",
                "expected `throttling` in retryable(...)",
            ),
            (
                Place::Struct,
                "error(retryable = true)",
                "`retryable` is written `retryable` or `retryable(throttling)`",
            ),
        ] {
            let errors = errors_at(place, text).unwrap_or_default();
            assert!(errors.contains(expected), "`{text}` at {place:?}: {errors}");
        }
    }
}

//! HTTP header values: scalars as text (timestamps as http-date by default, JSON media types
//! as base64), lists as comma-separated items (quoted when an item holds a comma or quote),
//! prefix-header maps as one header per entry.

use crate::de::ShapeDeserializer;
use crate::error::{Error, Result};
use crate::partial::{read_methods, write_methods};
use crate::schema::{Member, TimestampFormat};
use crate::ser::ShapeSerializer;
use crate::shape::AwsShape;
use crate::text::{TextDeserializer, TextSerializer};
use crate::types::{decode_base64, encode_base64};

/// Whether values at `member` are JSON text carried as base64 (`@mediaType` JSON, botocore's
/// `jsonvalue`).
fn is_json_media(member: &Member) -> bool {
    let media = member
        .traits()
        .media_type
        .or(member.target().traits().media_type);
    media.is_some_and(|m| m == "application/json" || m.ends_with("+json"))
}

/// Writes one header value.
pub(crate) struct HeaderSerializer {
    pub(crate) out: String,
    in_list: bool,
}

impl HeaderSerializer {
    pub(crate) fn new() -> Self {
        Self {
            out: String::new(),
            in_list: false,
        }
    }

    fn text(&mut self, write: impl FnOnce(&mut TextSerializer<'_>) -> Result<()>) -> Result<()> {
        write(&mut TextSerializer {
            out: &mut self.out,
            default_format: TimestampFormat::HttpDate,
        })
    }

    fn refuse(what: &str) -> Error {
        Error::unsupported(format!("{what} cannot be an HTTP header value"))
    }
}

impl ShapeSerializer for HeaderSerializer {
    fn write_list<'a, T, I>(&mut self, member: &Member, items: I) -> Result<()>
    where
        T: AwsShape + 'a,
        I: IntoIterator<Item = &'a T>,
    {
        if self.in_list {
            return Err(Self::refuse("a list of lists"));
        }
        let item = member.list_item()?;
        self.in_list = true;
        for (i, value) in items.into_iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            value.serialize(item, self).map_err(|e| e.in_item(i))?;
        }
        self.in_list = false;
        Ok(())
    }

    fn write_string(&mut self, member: &Member, value: &str) -> Result<()> {
        if is_json_media(member) {
            self.out.push_str(&encode_base64(value.as_bytes()));
        } else if self.in_list && value.contains([',', '"']) {
            self.out.push('"');
            for c in value.chars() {
                if matches!(c, '"' | '\\') {
                    self.out.push('\\');
                }
                self.out.push(c);
            }
            self.out.push('"');
        } else {
            self.out.push_str(value);
        }
        Ok(())
    }

    write_methods!(refuse(what => Self::refuse(what);
        write_struct, write_map, write_document, write_null));

    write_methods!(forward(text;
        write_boolean, write_integer, write_long, write_float, write_double,
        write_big_integer, write_big_decimal, write_blob,
        write_timestamp));
}

/// Splits a list header into its items: commas separate items, double quotes protect
/// commas and escaped quotes inside an item. http-date timestamps (which contain a comma)
/// are split after their `GMT`.
fn split_list(text: &str, http_dates: bool) -> Result<Vec<String>> {
    if http_dates {
        let pieces: Vec<&str> = text.split(',').map(str::trim).collect();
        if pieces.len() % 2 != 0 {
            return Err(Error::invalid(
                "header list",
                format!("{text:?} is not a list of http-dates"),
            ));
        }
        return Ok(pieces
            .chunks(2)
            .map(|pair| format!("{}, {}", pair[0], pair[1]))
            .collect());
    }
    let mut items = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(char::is_ascii_whitespace).is_some() {}
        let mut item = String::new();
        if chars.next_if_eq(&'"').is_some() {
            loop {
                match chars.next() {
                    Some('\\') => item.extend(chars.next()),
                    Some('"') => break,
                    Some(c) => item.push(c),
                    None => {
                        return Err(Error::invalid(
                            "header list",
                            format!("unclosed quote in {text:?}"),
                        ));
                    }
                }
            }
            while chars.next_if(char::is_ascii_whitespace).is_some() {}
            if chars.peek().is_some_and(|&c| c != ',') {
                return Err(Error::invalid(
                    "header list",
                    format!("text after a quoted item in {text:?}"),
                ));
            }
        } else {
            while let Some(c) = chars.next_if(|&c| c != ',') {
                item.push(c);
            }
            item.truncate(item.trim_end().len());
        }
        items.push(item);
        if chars.next().is_none() {
            return Ok(items);
        }
    }
}

/// Reads one header value, or (for prefix headers) a map of them.
pub(crate) struct HeaderDeserializer {
    text: String,
    entries: Vec<(String, String)>,
}

impl HeaderDeserializer {
    pub(crate) fn value(text: &str) -> Self {
        Self {
            text: text.trim().to_owned(),
            entries: Vec::new(),
        }
    }

    pub(crate) fn map(entries: Vec<(String, String)>) -> Self {
        Self {
            text: String::new(),
            entries,
        }
    }

    fn text<R>(
        &self,
        member: &Member,
        read: impl FnOnce(&mut TextDeserializer<'_>, &Member) -> Result<R>,
    ) -> Result<R> {
        read(
            &mut TextDeserializer {
                text: &self.text,
                default_format: TimestampFormat::HttpDate,
            },
            member,
        )
    }
}

impl ShapeDeserializer for HeaderDeserializer {
    fn read_list<F>(&mut self, member: &Member, mut on_item: F) -> Result<()>
    where
        F: FnMut(&mut Self) -> Result<()>,
    {
        let item = member.list_item()?;
        let http_dates = item.target().kind() == crate::schema::ShapeKind::Timestamp
            && item.timestamp_format().unwrap_or(TimestampFormat::HttpDate)
                == TimestampFormat::HttpDate;
        if self.text.is_empty() {
            return Ok(());
        }
        for (i, text) in split_list(&self.text, http_dates)?.into_iter().enumerate() {
            on_item(&mut Self {
                text,
                entries: Vec::new(),
            })
            .map_err(|e| e.in_item(i))?;
        }
        Ok(())
    }

    fn read_map<F>(&mut self, _: &Member, mut on_entry: F) -> Result<()>
    where
        F: FnMut(&mut Self, &str) -> Result<()>,
    {
        for (key, text) in std::mem::take(&mut self.entries) {
            on_entry(&mut Self::value(&text), &key).map_err(|e| e.in_key(&key))?;
        }
        Ok(())
    }

    fn read_null(&mut self) -> Result<bool> {
        Ok(false)
    }

    fn read_str<R, F>(&mut self, member: &Member, f: F) -> Result<R>
    where
        F: FnOnce(&str) -> Result<R>,
    {
        if is_json_media(member) {
            let bytes = decode_base64(&self.text)?;
            let text = String::from_utf8(bytes)
                .map_err(|_| Error::invalid("JSON header", "the decoded value is not UTF-8"))?;
            return f(&text);
        }
        f(&self.text)
    }

    read_methods!(refuse(what =>
        Error::unsupported(format!("{what} cannot be read from an HTTP header"));
        read_struct, read_document));

    read_methods!(forward(text;
        read_boolean, read_byte, read_short, read_integer, read_long, read_float, read_double,
        read_big_integer, read_big_decimal, read_blob, read_timestamp));
}

#[cfg(test)]
mod tests {
    use super::split_list;

    #[test]
    fn lists_split_on_commas_outside_quotes() {
        let items = split_list(r#""b,c", "\"def\"", a"#, false).unwrap();
        assert_eq!(items, ["b,c", "\"def\"", "a"]);
        assert_eq!(split_list("a, b,c", false).unwrap(), ["a", "b", "c"]);
        assert!(split_list(r#""open"#, false).is_err());
    }

    #[test]
    fn http_dates_split_after_gmt() {
        let items = split_list(
            "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT",
            true,
        )
        .unwrap();
        assert_eq!(items, ["Mon, 16 Dec 2019 23:48:18 GMT"; 2]);
        assert!(split_list("Mon, 16 Dec 2019 23:48:18 GMT, x", true).is_err());
    }
}

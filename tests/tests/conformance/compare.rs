//! Comparing what we produced with what a case expects: values, and bodies per protocol
//! (JSON as parsed values, XML after canonicalising, form bodies as text).

use awso_core::{Document, Value};
use quick_xml_events::XmlTree;

/// Compares two values, naming the first difference by its path.
pub(crate) fn values(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    let differ = || Err(format!("{path}: expected {expected:?}, got {actual:?}"));
    match (expected, actual) {
        (Value::Structure(e), Value::Structure(a)) => {
            for (name, ev) in e {
                let Some((_, av)) = a.iter().find(|(n, _)| n == name) else {
                    return Err(format!("{path}.{name}: expected {ev:?}, got nothing"));
                };
                values(ev, av, &format!("{path}.{name}"))?;
            }
            if let Some((name, av)) = a.iter().find(|(n, _)| !e.iter().any(|(en, _)| en == n)) {
                return Err(format!("{path}.{name}: expected nothing, got {av:?}"));
            }
            Ok(())
        }
        (Value::List(e), Value::List(a)) => {
            if e.len() != a.len() {
                return Err(format!(
                    "{path}: expected {} items {e:?}, got {} {a:?}",
                    e.len(),
                    a.len()
                ));
            }
            e.iter()
                .zip(a)
                .enumerate()
                .try_for_each(|(i, (ev, av))| values(ev, av, &format!("{path}[{i}]")))
        }
        (Value::Map(e), Value::Map(a)) => {
            if e.len() != a.len() {
                return differ();
            }
            for (key, ev) in e {
                let Some((_, av)) = a.iter().find(|(k, _)| k == key) else {
                    return Err(format!("{path}[{key:?}]: expected {ev:?}, got nothing"));
                };
                values(ev, av, &format!("{path}[{key:?}]"))?;
            }
            Ok(())
        }
        (Value::Float(e), Value::Float(a)) if e.is_nan() && a.is_nan() => Ok(()),
        (Value::Double(e), Value::Double(a)) if e.is_nan() && a.is_nan() => Ok(()),
        (Value::Timestamp(e), Value::Timestamp(a)) => {
            // The suites give epoch seconds as doubles: compare to the microsecond.
            let micros = |t: &awso_core::Timestamp| (t.secs(), t.subsec_nanos() / 1000);
            if micros(e) == micros(a) {
                Ok(())
            } else {
                differ()
            }
        }
        (Value::String(e) | Value::Enum(e), Value::String(a) | Value::Enum(a)) if e == a => Ok(()),
        _ if expected == actual => Ok(()),
        _ => differ(),
    }
}

/// Compares JSON bodies as parsed values; an expected empty body must be empty.
pub(crate) fn json_bodies(expected: &str, actual: &[u8]) -> Result<(), String> {
    let actual_text = String::from_utf8_lossy(actual);
    if expected.trim().is_empty() || actual_text.trim().is_empty() {
        if expected.trim() == actual_text.trim() {
            return Ok(());
        }
        return Err(format!("body: expected {expected:?}, got {actual_text:?}"));
    }
    let e: Document = awso_core::json::from_str(expected)
        .map_err(|e| format!("expected body is not JSON: {e}"))?;
    let a: Document = awso_core::json::from_slice(actual)
        .map_err(|e| format!("our body is not JSON: {e}: {actual_text}"))?;
    if e == a {
        Ok(())
    } else {
        Err(format!(
            "JSON body:\n  expected {expected}\n  got      {actual_text}"
        ))
    }
}

/// Compares XML bodies after canonicalising (whitespace-only text dropped, attributes
/// sorted).
pub(crate) fn xml_bodies(expected: &str, actual: &[u8]) -> Result<(), String> {
    let actual_text = String::from_utf8_lossy(actual);
    if expected.trim().is_empty() || actual_text.trim().is_empty() {
        if expected.trim() == actual_text.trim() {
            return Ok(());
        }
        return Err(format!("body: expected {expected:?}, got {actual_text:?}"));
    }
    let e = XmlTree::parse(expected).map_err(|e| format!("expected body is not XML: {e}"))?;
    let a = XmlTree::parse(&actual_text)
        .map_err(|e| format!("our body is not XML: {e}: {actual_text}"))?;
    if e == a {
        Ok(())
    } else {
        Err(format!(
            "XML body:\n  expected {expected}\n  got      {actual_text}"
        ))
    }
}

/// Compares raw bodies (form bodies, blob and string payloads) exactly.
pub(crate) fn raw_bodies(expected: &str, actual: &[u8]) -> Result<(), String> {
    if expected.as_bytes() == actual {
        Ok(())
    } else {
        Err(format!(
            "body:\n  expected {expected:?}\n  got      {:?}",
            String::from_utf8_lossy(actual)
        ))
    }
}

/// A canonical XML tree, built with quick-xml's reader.
mod quick_xml_events {
    use quick_xml::Reader;
    use quick_xml::events::Event;

    #[derive(Debug, PartialEq, Eq)]
    pub(crate) struct XmlTree {
        name: String,
        attributes: Vec<(String, String)>,
        children: Vec<XmlTree>,
        text: String,
    }

    impl XmlTree {
        pub(crate) fn parse(text: &str) -> Result<Self, String> {
            let mut reader = Reader::from_str(text);
            reader.config_mut().expand_empty_elements = true;
            let mut stack: Vec<XmlTree> = Vec::new();
            loop {
                match reader.read_event().map_err(|e| e.to_string())? {
                    Event::Start(start) => {
                        let mut attributes: Vec<(String, String)> = start
                            .attributes()
                            .map(|a| {
                                let a = a.map_err(|e| e.to_string())?;
                                let value = a
                                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                    .map_err(|e| e.to_string())?;
                                Ok((a.key.0.to_owned(), value.into_owned()))
                            })
                            .collect::<Result<_, String>>()?;
                        attributes.sort();
                        stack.push(XmlTree {
                            name: start.name().0.to_owned(),
                            attributes,
                            children: Vec::new(),
                            text: String::new(),
                        });
                    }
                    Event::Text(t) => {
                        if let Some(top) = stack.last_mut() {
                            top.text.push_str(&t.xml10_content());
                        }
                    }
                    Event::GeneralRef(r) => {
                        let c = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                            Some(c) => c.to_string(),
                            None => quick_xml::escape::resolve_predefined_entity(&r)
                                .ok_or("unknown entity")?
                                .to_owned(),
                        };
                        if let Some(top) = stack.last_mut() {
                            top.text.push_str(&c);
                        }
                    }
                    Event::CData(c) => {
                        if let Some(top) = stack.last_mut() {
                            top.text.push_str(&c.xml10_content());
                        }
                    }
                    Event::End(_) => {
                        let mut done = stack.pop().ok_or("unbalanced end tag")?;
                        if done.text.trim().is_empty() && !done.children.is_empty() {
                            done.text.clear();
                        }
                        if done.text.trim().is_empty() && done.children.is_empty() {
                            done.text.clear();
                        }
                        match stack.last_mut() {
                            Some(parent) => parent.children.push(done),
                            None => return Ok(done),
                        }
                    }
                    Event::Eof => return Err("no root element".to_owned()),
                    _ => {}
                }
            }
        }
    }
}

/// Compares CBOR bodies as data: the expected body is base64 (as the suites give it); both
/// are decoded into a neutral tree (lengths definite or not, strings chunked or not, floats
/// by value whatever their width, map entries in any order) by a decoder of the harness's
/// own, so the codec under test is not its own judge.
pub(crate) fn cbor_bodies(expected_base64: &str, actual: &[u8]) -> Result<(), String> {
    use base64::Engine as _;
    let expected = base64::engine::general_purpose::STANDARD
        .decode(expected_base64.trim())
        .map_err(|e| format!("expected body is not base64: {e}"))?;
    if expected.is_empty() || actual.is_empty() {
        if expected.is_empty() && actual.is_empty() {
            return Ok(());
        }
        return Err(format!(
            "body: expected {} bytes, got {} bytes",
            expected.len(),
            actual.len()
        ));
    }
    let e = cbor_tree::Item::parse(&expected).map_err(|e| format!("expected body: {e}"))?;
    let a = cbor_tree::Item::parse(actual).map_err(|e| format!("our body is not CBOR: {e}"))?;
    if e == a {
        Ok(())
    } else {
        Err(format!("CBOR body:\n  expected {e:?}\n  got      {a:?}"))
    }
}

/// A neutral CBOR tree.
mod cbor_tree {
    #[derive(Debug)]
    pub(crate) enum Item {
        Int(i128),
        Bytes(Vec<u8>),
        Text(String),
        Array(Vec<Item>),
        /// Entries sorted by key, so order does not count.
        Map(Vec<(Item, Item)>),
        Tag(u64, Box<Item>),
        Simple(u8),
        Float(f64),
    }

    impl PartialEq for Item {
        fn eq(&self, other: &Self) -> bool {
            match (self, other) {
                (Item::Int(a), Item::Int(b)) => a == b,
                (Item::Bytes(a), Item::Bytes(b)) => a == b,
                (Item::Text(a), Item::Text(b)) => a == b,
                (Item::Array(a), Item::Array(b)) => a == b,
                (Item::Map(a), Item::Map(b)) => a == b,
                (Item::Tag(t, a), Item::Tag(u, b)) => t == u && a == b,
                (Item::Simple(a), Item::Simple(b)) => a == b,
                (Item::Float(a), Item::Float(b)) => a == b || a.is_nan() && b.is_nan(),
                _ => false,
            }
        }
    }

    struct Cursor<'a>(&'a [u8], usize);

    impl Cursor<'_> {
        fn byte(&mut self) -> Result<u8, String> {
            let b = *self.0.get(self.1).ok_or("truncated")?;
            self.1 += 1;
            Ok(b)
        }

        fn take(&mut self, n: u64) -> Result<&[u8], String> {
            let n = usize::try_from(n).map_err(|e| e.to_string())?;
            let end = self.1.checked_add(n).filter(|&e| e <= self.0.len());
            let end = end.ok_or("truncated")?;
            let out = &self.0[self.1..end];
            self.1 = end;
            Ok(out)
        }

        /// Major type, additional information, argument (`None` when indefinite).
        fn head(&mut self) -> Result<(u8, u8, Option<u64>), String> {
            let b = self.byte()?;
            let (major, info) = (b >> 5, b & 0x1f);
            let width = match info {
                0..=23 => return Ok((major, info, Some(u64::from(info)))),
                24 => 1,
                25 => 2,
                26 => 4,
                27 => 8,
                31 => return Ok((major, info, None)),
                _ => return Err(format!("bad head 0x{b:02x}")),
            };
            let bytes = self.take(width)?;
            let arg = bytes.iter().fold(0u64, |a, &b| (a << 8) | u64::from(b));
            Ok((major, info, Some(arg)))
        }

        fn string(&mut self, major: u8, arg: Option<u64>) -> Result<Vec<u8>, String> {
            if let Some(n) = arg {
                return Ok(self.take(n)?.to_vec());
            }
            let mut out = Vec::new();
            loop {
                if self.0.get(self.1) == Some(&0xff) {
                    self.1 += 1;
                    return Ok(out);
                }
                let (m, _, n) = self.head()?;
                if m != major || n.is_none() {
                    return Err("bad string chunk".to_owned());
                }
                out.extend_from_slice(self.take(n.unwrap_or_default())?);
            }
        }

        fn items(&mut self, arg: Option<u64>, depth: usize) -> Result<Vec<Item>, String> {
            let mut items = Vec::new();
            match arg {
                Some(n) => {
                    for _ in 0..n {
                        items.push(self.item(depth + 1)?);
                    }
                }
                None => {
                    while self.0.get(self.1) != Some(&0xff) {
                        items.push(self.item(depth + 1)?);
                    }
                    self.1 += 1;
                }
            }
            Ok(items)
        }

        fn item(&mut self, depth: usize) -> Result<Item, String> {
            if depth > 64 {
                return Err("too deep".to_owned());
            }
            let (major, info, arg) = self.head()?;
            let value = || arg.ok_or("indefinite".to_owned());
            Ok(match major {
                0 => Item::Int(i128::from(value()?)),
                1 => Item::Int(-1 - i128::from(value()?)),
                2 => Item::Bytes(self.string(2, arg)?),
                3 => {
                    Item::Text(String::from_utf8(self.string(3, arg)?).map_err(|e| e.to_string())?)
                }
                4 => Item::Array(self.items(arg, depth)?),
                5 => {
                    let flat = self.items(arg.map(|n| n * 2), depth)?;
                    if flat.len() % 2 != 0 {
                        return Err("odd map".to_owned());
                    }
                    let mut entries = Vec::new();
                    let mut it = flat.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        entries.push((k, v));
                    }
                    entries.sort_by_key(|(k, _)| format!("{k:?}"));
                    Item::Map(entries)
                }
                6 => Item::Tag(value()?, Box::new(self.item(depth + 1)?)),
                _ => match (info, arg) {
                    (25, Some(bits)) => Item::Float(f64::from(half(bits as u16))),
                    (26, Some(bits)) => Item::Float(f64::from(f32::from_bits(bits as u32))),
                    (27, Some(bits)) => Item::Float(f64::from_bits(bits)),
                    (_, Some(v)) => Item::Simple(v as u8),
                    (_, None) => return Err("unexpected break".to_owned()),
                },
            })
        }
    }

    fn half(bits: u16) -> f32 {
        let sign = if bits >> 15 == 1 { -1.0 } else { 1.0 };
        let exp = i32::from((bits >> 10) & 0x1f);
        let frac = f32::from(bits & 0x3ff);
        match exp {
            0 => sign * frac / 1024.0 * 2f32.powi(-14),
            31 if frac == 0.0 => sign * f32::INFINITY,
            31 => f32::NAN,
            _ => sign * (1.0 + frac / 1024.0) * 2f32.powi(exp - 15),
        }
    }

    impl Item {
        pub(crate) fn parse(bytes: &[u8]) -> Result<Self, String> {
            let mut cursor = Cursor(bytes, 0);
            let item = cursor.item(0)?;
            if cursor.1 != bytes.len() {
                return Err("trailing bytes".to_owned());
            }
            Ok(item)
        }
    }
}

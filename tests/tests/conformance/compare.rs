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

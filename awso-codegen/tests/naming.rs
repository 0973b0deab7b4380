//! What the generator makes of awkward models: keywords, clashing names, names that are not
//! Rust identifiers, recursion, list and map item traits, and the two doc sources.

use awso_codegen::{DocSource, Options, generate};

const MODEL: &str = r#"{
  "metadata": {"protocol": "rest-xml", "apiVersion": "2020-01-01", "serviceId": "Awkward"},
  "operations": {
    "Node": {"name": "Node", "http": {"method": "PUT", "requestUri": "/{Key+}"},
      "input": {"shape": "Node"}, "output": {"shape": "Node"}, "errors": [{"shape": "Unknown"}],
      "documentation": "<p>Puts a <b>node</b>.</p>"}
  },
  "shapes": {
    "Node": {"type": "structure", "required": ["Key"], "members": {
      "Key": {"shape": "String", "location": "uri", "locationName": "Key"},
      "type": {"shape": "String"},
      "match": {"shape": "String"},
      "self": {"shape": "String"},
      "FooBar": {"shape": "String"},
      "foo_bar": {"shape": "String"},
      "Next": {"shape": "Node"},
      "Pair": {"shape": "pair.shape"},
      "Items": {"shape": "ItemList", "locationName": "Item", "flattened": true},
      "When": {"shape": "HttpTime"},
      "Tags": {"shape": "TagMap"}
    }, "documentation": "<p>A node of a <code>tree</code> &amp; more.</p>"},
    "pair.shape": {"type": "structure", "members": {"Back": {"shape": "Node"}}},
    "ItemList": {"type": "list", "member": {"shape": "HttpTime", "locationName": "entry"}},
    "TagMap": {"type": "map", "key": {"shape": "String", "locationName": "K"}, "value": {"shape": "String", "locationName": "V"}},
    "HttpTime": {"type": "timestamp", "timestampFormat": "rfc822"},
    "Unknown": {"type": "structure", "members": {"Message": {"shape": "String"}}, "exception": true, "error": {"httpStatusCode": 404}},
    "String": {"type": "string"}
  }
}"#;

fn code(docs: DocSource) -> String {
    let options = Options {
        docs,
        ..Options::default()
    };
    let generated = generate(MODEL, &options).unwrap();
    syn::parse_file(&generated.code).expect("the output parses");
    generated.code
}

#[test]
fn keywords_and_clashes_get_usable_names() {
    let code = code(DocSource::Generated);
    assert!(code.contains("pub r#type:"), "{code}");
    assert!(code.contains("pub r#match:"));
    assert!(code.contains("pub self_:"));
    assert!(code.contains("pub foo_bar:") && code.contains("pub foo_bar2:"));
    assert!(code.contains(r#"rename = "foo_bar""#) || code.contains(r#"rename = "FooBar""#));
    // A shape name that is no identifier becomes one, keeping its model name.
    assert!(code.contains("pub struct PairShape"));
    assert!(code.contains(r#"name = "pair.shape""#));
    // The operation and error enum do not clash with the shape called like the operation,
    // and the error called `Unknown` does not clash with the unknown variant.
    assert!(code.contains("pub struct Node2;"), "{code}");
    assert!(code.contains("pub enum NodeError"));
    assert!(code.contains("UnknownError(::awso_core::UnknownError)"));
}

#[test]
fn cycles_of_structures_are_boxed_and_lists_are_not() {
    let code = code(DocSource::Generated);
    assert!(
        code.contains("pub next: ::std::option::Option<::std::boxed::Box<Node>>"),
        "{code}"
    );
    assert!(code.contains("pub back: ::std::option::Option<::std::boxed::Box<Node>>"));
    assert!(code.contains("pub pair: ::std::option::Option<::std::boxed::Box<PairShape>>"));
}

#[test]
fn item_traits_and_shape_formats_reach_the_fields() {
    let code = code(DocSource::Generated);
    assert!(
        code.contains(r#"member(xml_name = "entry", timestamp_format = "http-date")"#),
        "{code}"
    );
    assert!(code.contains(r#"key(xml_name = "K"), value(xml_name = "V")"#));
    assert!(code.contains("xml_flattened"));
    assert!(code.contains(r#"timestamp_format = "http-date""#));
    assert!(
        code.contains("pub key: ::std::string::String"),
        "required members are plain"
    );
}

#[test]
fn docs_are_ours_unless_the_model_is_asked_for() {
    let ours = code(DocSource::Generated);
    assert!(!ours.contains("tree"), "no model text by default");
    assert!(ours.contains("/// The `Node` operation: `PUT /{Key+}`."));
    let model = code(DocSource::Model);
    assert!(model.contains("/// A node of a tree & more."), "{model}");
    assert!(model.contains("/// Puts a node."));
}

/// botocore's `"retryable"` on an error shape reaches the derive, throttling or not, so the
/// retry rules can read it from the schema.
#[test]
fn retryable_errors_keep_their_trait() {
    let model = r#"{
      "metadata": {"protocol": "rest-json", "apiVersion": "2020-01-01", "serviceId": "Busy"},
      "operations": {"Go": {"name": "Go", "http": {"method": "POST", "requestUri": "/"},
        "errors": [{"shape": "Slow"}, {"shape": "Later"}, {"shape": "Never"}]}},
      "shapes": {
        "Slow": {"type": "structure", "members": {}, "exception": true,
          "error": {"httpStatusCode": 429}, "retryable": {"throttling": true}},
        "Later": {"type": "structure", "members": {}, "exception": true,
          "error": {"httpStatusCode": 500}, "fault": true, "retryable": {"throttling": false}},
        "Never": {"type": "structure", "members": {}, "exception": true,
          "error": {"httpStatusCode": 400}}
      }
    }"#;
    let code = generate(model, &Options::default()).unwrap().code;
    // The attribute line just above each structure.
    let attribute = |name: &str| {
        let at = code.find(&format!("\npub struct {name}")).unwrap();
        code[..at].rsplit('\n').next().unwrap().to_owned()
    };
    assert!(
        attribute("Slow").ends_with("retryable(throttling)))]"),
        "{code}"
    );
    assert!(attribute("Later").ends_with(", retryable))]"), "{code}");
    assert!(!attribute("Never").contains("retryable"), "{code}");
}

#[test]
fn the_operation_visitor_maps_model_names_to_the_operation_types() {
    let options = Options {
        operation_visitor: true,
        ..Options::default()
    };
    let with = generate(MODEL, &options).unwrap().code;
    let file = syn::parse_file(&with).expect("the output parses");
    let visit = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Fn(f) if f.sig.ident == "visit_operation" => Some(f),
            _ => None,
        })
        .expect("visit_operation is generated");
    let body = quote::quote!(#visit).to_string().replace(' ', "");
    // The model name leads to the operation's type, which is renamed here (the structure
    // `Node` holds the name), and any other name to `None`.
    assert!(
        body.contains(r#""Node"=>::core::option::Option::Some(visitor.visit::<Node2>())"#),
        "{body}"
    );
    assert!(body.contains("_=>::core::option::Option::None"), "{body}");
    // Off by default: the default output is unchanged.
    let without = generate(MODEL, &Options::default()).unwrap().code;
    assert!(!without.contains("visit_operation"));
}

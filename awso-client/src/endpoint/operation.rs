//! An operation's endpoint bindings as static data, applied to a typed input.
//!
//! The generator writes one [`OperationEndpoint`] per operation (from the model's
//! `contextParam`, `staticContextParams` and `operationContextParams`), so the runtime needs
//! no model: it reads the bound members out of the typed input through its schema, and only
//! those (a large payload blob that binds nothing is never looked at).

use std::collections::BTreeMap;

use awso_core::schema::Member;
use awso_core::{AwsShape, AwsStruct, MemberSerializer};

use super::binding::{BindingError, InputPath, binding_error};
use super::params::Params;
use super::value::Value;

/// The value a `staticContextParams` entry gives its parameter.
///
/// ```
/// use awso_client::endpoint::Value;
/// use awso_client::endpoint::binding::StaticValue;
/// assert_eq!(Value::from(StaticValue::Bool(true)), Value::Bool(true));
/// assert_eq!(Value::from(StaticValue::String("data")), Value::from("data"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaticValue {
    /// A boolean parameter's value.
    Bool(bool),
    /// A string parameter's value.
    String(&'static str),
}

impl From<StaticValue> for Value {
    fn from(value: StaticValue) -> Self {
        match value {
            StaticValue::Bool(b) => Value::Bool(b),
            StaticValue::String(s) => Value::from(s),
        }
    }
}

/// What one operation's input gives the endpoint rules, as generated code holds it.
///
/// Precedence, highest first: static parameters, then member and path bindings, over the
/// client's settings (applied before).
///
/// ```
/// use awso_client::endpoint::binding::{OperationEndpoint, StaticValue};
/// use awso_client::endpoint::{Params, Value};
/// use awso_core::AwsShape;
///
/// #[derive(AwsShape)]
/// #[awso(rename_all = "PascalCase")]
/// struct GetObjectRequest {
///     bucket: String,
///     key: String,
///     body: Option<awso_core::Blob>,
/// }
///
/// static GET_OBJECT: OperationEndpoint = OperationEndpoint {
///     static_params: &[("UseS3ExpressControlEndpoint", StaticValue::Bool(false))],
///     members: &[("Bucket", "Bucket"), ("Key", "Key")],
///     ..OperationEndpoint::new("GetObject")
/// };
/// let input = GetObjectRequest { bucket: "b".into(), key: "k".into(), body: None };
/// let mut params = Params::new();
/// GET_OBJECT.apply(&input, &mut params).unwrap();
/// assert_eq!(params.get("Bucket"), Some(&Value::from("b")));
/// assert_eq!(params.get("Key"), Some(&Value::from("k")));
/// assert_eq!(params.get("UseS3ExpressControlEndpoint"), Some(&Value::from(false)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationEndpoint {
    /// The operation's name in the model.
    pub operation: &'static str,
    /// `staticContextParams`: parameter, value.
    pub static_params: &'static [(&'static str, StaticValue)],
    /// `contextParam` on input members: member name (in the model), parameter.
    pub members: &'static [(&'static str, &'static str)],
    /// `operationContextParams`: parameter, path into the input (the JMESPath subset the
    /// models use: `a.b`, `a[*].b`, `[a, b]`, `[]`, `keys(a)`).
    pub paths: &'static [(&'static str, &'static str)],
    /// A leading part of the URI template that the resolved URL carries instead of the path
    /// (S3's `/{Bucket}`: its rules put the bucket in the host or the URL's path).
    pub path_prefix_in_endpoint: Option<&'static str>,
}

impl OperationEndpoint {
    /// An operation that binds nothing; fill in the rest with struct update syntax.
    ///
    /// ```
    /// use awso_client::endpoint::binding::OperationEndpoint;
    /// static LIST_BUCKETS: OperationEndpoint = OperationEndpoint::new("ListBuckets");
    /// assert_eq!(LIST_BUCKETS.operation, "ListBuckets");
    /// assert!(LIST_BUCKETS.members.is_empty() && LIST_BUCKETS.static_params.is_empty());
    /// ```
    pub const fn new(operation: &'static str) -> Self {
        OperationEndpoint {
            operation,
            static_params: &[],
            members: &[],
            paths: &[],
            path_prefix_in_endpoint: None,
        }
    }

    /// Sets the parameters `input` binds, over what `params` holds.
    ///
    /// ```
    /// # use awso_client::endpoint::binding::OperationEndpoint;
    /// # use awso_client::endpoint::Params;
    /// static BAD: OperationEndpoint = OperationEndpoint {
    ///     paths: &[("Names", "Items[")],
    ///     ..OperationEndpoint::new("ListThings")
    /// };
    /// let err = BAD.apply(&awso_core::protocol::Unit, &mut Params::new()).unwrap_err();
    /// assert!(err.to_string().contains("ListThings.operationContextParams.Names"), "{err}");
    /// ```
    pub fn apply<I: AwsStruct>(&self, input: &I, params: &mut Params) -> Result<(), BindingError> {
        let paths = self.parsed_paths()?;
        let mut wanted: Vec<&str> = self.members.iter().map(|(member, _)| *member).collect();
        wanted.extend(paths.iter().flat_map(|(_, path)| path.roots()));
        if !wanted.is_empty() {
            let picked = pick_members(input, &wanted).map_err(|error| {
                binding_error(format!("{}: reading the input: {error}", self.operation))
            })?;
            for (member, param) in self.members {
                if let Some(value) = picked.get(member) {
                    params.set(param, value.clone());
                }
            }
            for (param, path) in &paths {
                if let Some(value) = path.eval(&picked) {
                    params.set(param, value);
                }
            }
        }
        for (name, value) in self.static_params {
            params.set(name, *value);
        }
        Ok(())
    }

    fn parsed_paths(&self) -> Result<Vec<(&'static str, InputPath)>, BindingError> {
        self.paths
            .iter()
            .map(|(param, text)| {
                InputPath::parse(text)
                    .map(|path| (*param, path))
                    .ok_or_else(|| {
                        binding_error(format!(
                            "{}.operationContextParams.{param}: bad path `{text}`",
                            self.operation
                        ))
                    })
            })
            .collect()
    }
}

/// The members of `input` named in `wanted`, as an object of rule values.
fn pick_members<I: AwsStruct>(input: &I, wanted: &[&str]) -> awso_core::Result<Value> {
    let mut picker = Picker {
        wanted,
        picked: BTreeMap::new(),
    };
    input.serialize_members(I::SCHEMA, &mut picker)?;
    Ok(Value::Object(picker.picked))
}

struct Picker<'w> {
    wanted: &'w [&'w str],
    picked: BTreeMap<String, Value>,
}

impl MemberSerializer for Picker<'_> {
    fn member<T: AwsShape>(&mut self, member: &'static Member, value: &T) -> awso_core::Result<()> {
        if self.wanted.contains(&member.name()) {
            let value = awso_core::value::to_value_at(value, member)?;
            if let Some(value) = rule_value(value) {
                self.picked.insert(member.name().to_owned(), value);
            }
        }
        Ok(())
    }
}

/// What the rules language can hold of a shape's value: strings, booleans, whole numbers,
/// lists, maps and structures of them; anything else binds nothing.
fn rule_value(value: awso_core::Value) -> Option<Value> {
    use awso_core::Value as Shape;
    Some(match value {
        Shape::Boolean(b) => Value::Bool(b),
        Shape::Integer(i) => Value::Int(i.into()),
        Shape::Long(i) => Value::Int(i),
        Shape::String(s) | Shape::Enum(s) => Value::String(s),
        Shape::List(items) => Value::Array(items.into_iter().filter_map(rule_value).collect()),
        Shape::Map(entries) => Value::Object(
            entries
                .into_iter()
                .filter_map(|(key, value)| Some((key, rule_value(value)?)))
                .collect(),
        ),
        Shape::Structure(members) => Value::Object(
            members
                .into_iter()
                .filter_map(|(name, value)| Some((name.into_owned(), rule_value(value)?)))
                .collect(),
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use awso_core::AwsShape;

    #[derive(AwsShape)]
    #[awso(rename_all = "PascalCase")]
    struct Get {
        table_name: Option<String>,
    }

    #[derive(AwsShape)]
    #[awso(rename_all = "PascalCase")]
    struct Item {
        get: Option<Get>,
    }

    #[derive(AwsShape)]
    #[awso(rename_all = "PascalCase")]
    struct TransactGet {
        transact_items: Vec<Item>,
        request_items: std::collections::BTreeMap<String, i32>,
        payload: Option<awso_core::Blob>,
    }

    #[test]
    fn paths_read_typed_inputs() {
        static BINDINGS: OperationEndpoint = OperationEndpoint {
            paths: &[
                ("ResourceArnList", "TransactItems[*].Get.TableName"),
                ("Keys", "keys(RequestItems)"),
            ],
            ..OperationEndpoint::new("TransactGetItems")
        };
        let table = |name: &str| Item {
            get: Some(Get {
                table_name: Some(name.to_owned()),
            }),
        };
        let input = TransactGet {
            transact_items: vec![table("a"), Item { get: None }, table("b")],
            request_items: [("t1".to_owned(), 1), ("t2".to_owned(), 2)].into(),
            payload: Some(awso_core::Blob::from(vec![0_u8; 16])),
        };
        let mut params = Params::new();
        BINDINGS.apply(&input, &mut params).unwrap();
        let list = |items: &[&str]| Value::Array(items.iter().map(|s| Value::from(*s)).collect());
        assert_eq!(params.get("ResourceArnList"), Some(&list(&["a", "b"])));
        assert_eq!(params.get("Keys"), Some(&list(&["t1", "t2"])));
    }

    #[test]
    fn absent_members_bind_nothing() {
        static BINDINGS: OperationEndpoint = OperationEndpoint {
            members: &[("TableName", "ResourceArn")],
            ..OperationEndpoint::new("GetItem")
        };
        let mut params = Params::new().with("ResourceArn", "from the client");
        BINDINGS
            .apply(&Get { table_name: None }, &mut params)
            .unwrap();
        assert_eq!(
            params.get("ResourceArn"),
            Some(&Value::from("from the client"))
        );
    }
}

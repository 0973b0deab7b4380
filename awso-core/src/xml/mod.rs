//! XML, as `restXml` bodies and `awsQuery` / `ec2Query` responses carry it.
//!
//! | shape | XML |
//! |---|---|
//! | structure | an element; members are child elements named by `xmlName` (else the member name), `@xmlAttribute` members are attributes |
//! | union | the same, with exactly one member |
//! | list | `<Name><member>..</member>..</Name>` (the item name is the list member's `xmlName`); `@xmlFlattened`: `<Name>..</Name><Name>..</Name>` |
//! | map | `<Name><entry><key>..</key><value>..</value></entry>..</Name>` (`key`/`value` renamed by `xmlName`); flattened: `<Name><key>..</key><value>..</value></Name>` per entry |
//! | scalars | text: `true`/`false`, decimal numbers, `NaN`/`Infinity`/`-Infinity`, base64 blobs, `date-time` timestamps by default |
//! | document | not supported (Smithy forbids documents in XML protocols) |
//!
//! An empty flattened list or map has no XML form: nothing is written, and it reads back as
//! absent. Every other value reads back as written.
//!
//! `@xmlNamespace` adds an `xmlns` (or `xmlns:prefix`) declaration to the element. Text is
//! escaped so that it reads back exactly (`\r` as `&#xD;`; in attributes also `\n` and `\t`);
//! a character XML 1.0 cannot carry is an error rather than a silent change.
//!
//! ```
//! #[derive(awso_core::AwsShape, Debug, PartialEq)]
//! #[awso(rename_all = "PascalCase")]
//! struct Item {
//!     #[awso(xml_attribute, rename = "id")]
//!     id: String,
//!     #[awso(xml_flattened, rename = "Tag")]
//!     tags: Vec<String>,
//! }
//!
//! let item = Item { id: "7".into(), tags: vec!["a".into(), "b&c".into()] };
//! let xml = awso_core::xml::to_string(&item)?;
//! assert_eq!(xml, r#"<Item id="7"><Tag>a</Tag><Tag>b&amp;c</Tag></Item>"#);
//! assert_eq!(awso_core::xml::from_str::<Item>(&xml)?, item);
//! # Ok::<(), awso_core::Error>(())
//! ```

mod de;
pub(crate) mod lexer;
mod ser;

use std::io;

pub use de::XmlDeserializer;
pub use ser::XmlSerializer;

use crate::error::Result;
use crate::schema::{Member, Schema};
use crate::shape::AwsShape;
use crate::value::Value;

/// The element name a document of `schema` gets by default: its `xmlName`, else its name.
///
/// ```
/// use awso_core::AwsShape;
///
/// #[derive(AwsShape)]
/// #[awso(xml_name = "ListAllMyBucketsResult")]
/// struct ListBucketsOutput {}
/// #[derive(AwsShape)]
/// struct Owner {}
///
/// assert_eq!(awso_core::xml::root_name(ListBucketsOutput::SCHEMA), "ListAllMyBucketsResult");
/// assert_eq!(awso_core::xml::root_name(Owner::SCHEMA), "Owner");
/// ```
pub fn root_name(schema: &Schema) -> &'static str {
    schema.traits().xml_name.unwrap_or(schema.name())
}

/// Writes `value` as an XML document whose root element is named after its shape.
///
/// ```
/// #[derive(awso_core::AwsShape)]
/// #[awso(rename_all = "PascalCase")]
/// struct Owner { id: String, display_name: Option<String> }
///
/// let owner = Owner { id: "42".into(), display_name: Some("Ana & Bo".into()) };
/// assert_eq!(
///     awso_core::xml::to_string(&owner)?,
///     "<Owner><Id>42</Id><DisplayName>Ana &amp; Bo</DisplayName></Owner>"
/// );
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_string<T: AwsShape>(value: &T) -> Result<String> {
    to_string_with_root(value, root_name(T::SCHEMA))
}

/// Writes `value` as an XML document whose root element is `root`.
///
/// ```
/// #[derive(awso_core::AwsShape)]
/// struct Tagging { tag: Option<String> }
///
/// let xml = awso_core::xml::to_string_with_root(&Tagging { tag: Some("a".into()) }, "Tagging2")?;
/// assert_eq!(xml, "<Tagging2><tag>a</tag></Tagging2>");
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_string_with_root<T: AwsShape>(value: &T, root: &'static str) -> Result<String> {
    let mut ser = XmlSerializer::new();
    ser.serialize_root(value, root)?;
    Ok(ser.finish())
}

/// Writes `value` as XML to `writer`.
///
/// ```
/// let mut out = Vec::new();
/// awso_core::xml::to_writer(&mut out, &vec![true])?;
/// assert_eq!(String::from_utf8(out).unwrap(), "<List><member>true</member></List>");
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_writer<W: io::Write, T: AwsShape>(mut writer: W, value: &T) -> Result<()> {
    writer.write_all(to_string(value)?.as_bytes())?;
    Ok(())
}

/// Reads a `T` from an XML document (the root element's name is not checked).
///
/// ```
/// #[derive(awso_core::AwsShape, Debug, PartialEq)]
/// #[awso(rename_all = "PascalCase")]
/// struct Owner { id: String, display_name: Option<String> }
///
/// let owner: Owner = awso_core::xml::from_str("<AnyName><DisplayName>Ana</DisplayName><Id>42</Id></AnyName>")?;
/// assert_eq!(owner, Owner { id: "42".into(), display_name: Some("Ana".into()) });
/// assert!(awso_core::xml::from_str::<Owner>("<Owner><Id>42</Owner>").is_err());
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_str<T: AwsShape>(text: &str) -> Result<T> {
    let mut de = XmlDeserializer::new(text)?;
    let value = de.deserialize()?;
    de.end()?;
    Ok(value)
}

/// Reads a `T` from XML bytes (which must be UTF-8).
///
/// ```
/// let sizes: Vec<i32> = awso_core::xml::from_slice(b"<Sizes><member>4</member><member>8</member></Sizes>")?;
/// assert_eq!(sizes, [4, 8]);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_slice<T: AwsShape>(bytes: &[u8]) -> Result<T> {
    let mut de = XmlDeserializer::from_slice(bytes)?;
    let value = de.deserialize()?;
    de.end()?;
    Ok(value)
}

/// Reads a `T` from all of `reader`.
///
/// ```
/// let body: &[u8] = b"<Flag>true</Flag>";
/// assert!(awso_core::xml::from_reader::<_, bool>(body)?);
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_reader<R: io::Read, T: AwsShape>(mut reader: R) -> Result<T> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    from_slice(&bytes)
}

/// Reads a [`Value`] of the run-time `schema` from XML bytes: the dynamic mode.
///
/// ```
/// use awso_core::schema::{Member, MemberTraits, Schema, SchemaRef};
/// use awso_core::Value;
///
/// static GRANT: Schema = Schema::structure("Grant", &[
///     Member::new("Id", 0, SchemaRef::of::<String>()).with_traits(MemberTraits::NONE.xml_attribute()),
/// ]);
/// let value = awso_core::xml::from_slice_dynamic(br#"<Grant Id="g-1"/>"#, &GRANT)?;
/// assert_eq!(value.get("Id").and_then(Value::as_str), Some("g-1"));
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn from_slice_dynamic(bytes: &[u8], schema: &'static Schema) -> Result<Value> {
    let mut de = XmlDeserializer::from_slice(bytes)?;
    let value = de.deserialize_at(&Member::root(schema))?;
    de.end()?;
    Ok(value)
}

/// Writes a [`Value`] of the run-time `schema` as an XML document: the dynamic mode.
///
/// ```
/// use awso_core::schema::{Member, Schema, SchemaRef, ShapeTraits};
/// use awso_core::Value;
///
/// static OUTPUT: Schema = Schema::structure("GetBucketOutput", &[Member::new("Region", 0, SchemaRef::of::<String>())])
///     .with_traits(ShapeTraits::NONE.xml_name("Bucket"));
/// let value = Value::Structure(vec![("Region".into(), Value::String("eu-west-1".into()))]);
/// assert_eq!(awso_core::xml::to_string_dynamic(&value, &OUTPUT)?, "<Bucket><Region>eu-west-1</Region></Bucket>");
/// # Ok::<(), awso_core::Error>(())
/// ```
pub fn to_string_dynamic(value: &Value, schema: &'static Schema) -> Result<String> {
    let mut ser = XmlSerializer::new();
    ser.serialize_at(value, &Member::root(schema).renamed(root_name(schema)))?;
    Ok(ser.finish())
}

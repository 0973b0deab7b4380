//! The macro's own view of the input: a structure of members, a union of variants, a string
//! enum or an intEnum, with every attribute parsed and every name resolved.

use syn::{Data as SynData, DeriveInput, Fields, Ident, Type};

use crate::attr::{ContainerAttrs, MemberAttrs, Place};
use crate::ctxt::Ctxt;
use crate::ty;

/// A type deriving `AwsShape`.
pub(crate) struct Container<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) vis: &'a syn::Visibility,
    pub(crate) generics: &'a syn::Generics,
    pub(crate) attrs: ContainerAttrs,
    pub(crate) data: Data<'a>,
    /// The shape name: `#[awso(name = ...)]` or the type's name.
    pub(crate) name: String,
}

/// The four kinds of shape a type can derive.
pub(crate) enum Data<'a> {
    Struct(Vec<Field<'a>>),
    Union(Vec<Variant<'a>>),
    Enum(Vec<Variant<'a>>),
    IntEnum(Vec<Variant<'a>>),
}

/// A structure member.
pub(crate) struct Field<'a> {
    pub(crate) ident: &'a Ident,
    /// The member's type without `Option`.
    pub(crate) shape_ty: &'a Type,
    pub(crate) optional: bool,
    pub(crate) attrs: MemberAttrs,
    /// The member's model name.
    pub(crate) name: String,
}

/// A variant of a union, string enum or intEnum.
pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    /// The one field's type, for tuple variants.
    pub(crate) ty: Option<&'a Type>,
    pub(crate) fields: &'a Fields,
    pub(crate) attrs: MemberAttrs,
    /// The member name (unions) or wire value (string enums).
    pub(crate) name: String,
    /// An intEnum variant's value.
    pub(crate) int_value: Option<i32>,
    pub(crate) unknown: bool,
    pub(crate) discriminant: Option<&'a syn::Expr>,
}

/// The variants of an operation's error enum.
pub(crate) struct ErrorEnum<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a syn::Generics,
    pub(crate) krate: syn::Path,
    pub(crate) modeled: Vec<(&'a Ident, &'a Type)>,
    pub(crate) unknown: Option<(&'a Ident, &'a Type)>,
}

/// The path of the runtime crate: `#[awso(crate = "...")]` or `::awso_core`.
pub(crate) fn crate_path(attrs: &ContainerAttrs) -> syn::Path {
    attrs
        .krate
        .get()
        .cloned()
        .unwrap_or_else(|| syn::parse_quote!(::awso_core))
}

/// A field or variant identifier without its `r#` prefix.
pub(crate) fn unraw(ident: &Ident) -> String {
    let text = ident.to_string();
    text.strip_prefix("r#").map(str::to_owned).unwrap_or(text)
}

impl<'a> Container<'a> {
    pub(crate) fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let place = match &input.data {
            SynData::Enum(_) => Place::Enum,
            SynData::Struct(_) | SynData::Union(_) => Place::Struct,
        };
        let attrs = ContainerAttrs::parse(cx, &input.attrs, place);
        let name = attrs
            .name
            .get()
            .cloned()
            .unwrap_or_else(|| unraw(&input.ident));
        let data = match &input.data {
            SynData::Struct(data) => match &data.fields {
                Fields::Named(named) => Data::Struct(
                    named
                        .named
                        .iter()
                        .map(|f| Field::from_ast(cx, f, &attrs))
                        .collect(),
                ),
                _ => {
                    cx.error_spanned_by(
                        &input.ident,
                        "AwsShape structures need named fields (one per member); implement AwsShape by hand for a newtype",
                    );
                    return None;
                }
            },
            SynData::Enum(data) => {
                let place = if attrs.int_enum.is_set() {
                    Place::IntEnumVariant
                } else {
                    variant_place(&attrs, data)
                };
                let variants: Vec<Variant<'a>> = data
                    .variants
                    .iter()
                    .map(|v| Variant::from_ast(cx, v, &attrs, place))
                    .collect();
                match place {
                    Place::IntEnumVariant => Data::IntEnum(variants),
                    Place::UnionVariant => Data::Union(variants),
                    _ => Data::Enum(variants),
                }
            }
            SynData::Union(_) => {
                cx.error_spanned_by(&input.ident, "Rust unions cannot derive AwsShape: use an enum with one tuple variant per member");
                return None;
            }
        };
        Some(Self {
            ident: &input.ident,
            vis: &input.vis,
            generics: &input.generics,
            attrs,
            data,
            name,
        })
    }
}

/// Whether an enum's variants are union members or enum values: `#[awso(union)]`, or any
/// known variant holding data.
fn variant_place(attrs: &ContainerAttrs, data: &syn::DataEnum) -> Place {
    let holds_data = |v: &syn::Variant| !matches!(v.fields, Fields::Unit);
    let is_unknown = |v: &syn::Variant| v.ident == "Unknown" || marked_unknown(v);
    if attrs.union.is_set()
        || data
            .variants
            .iter()
            .any(|v| !is_unknown(v) && holds_data(v))
    {
        Place::UnionVariant
    } else {
        Place::StringEnumVariant
    }
}

/// Whether a variant carries `#[awso(unknown)]`. Looked at before the attributes are parsed
/// for real (which reports their errors), so this scan reports nothing.
fn marked_unknown(variant: &syn::Variant) -> bool {
    use syn::punctuated::Punctuated;
    variant
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("awso"))
        .any(|a| {
            a.parse_args_with(Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
                .is_ok_and(|metas| metas.iter().any(|m| m.path().is_ident("unknown")))
        })
}

impl<'a> Field<'a> {
    fn from_ast(cx: &Ctxt, field: &'a syn::Field, container: &ContainerAttrs) -> Self {
        let attrs = MemberAttrs::parse(cx, &field.attrs, Place::Field);
        let ident = field.ident.as_ref().expect("named fields have identifiers");
        let base = unraw(ident);
        let name = attrs.rename.get().cloned().unwrap_or_else(|| {
            container
                .rename_all
                .get()
                .map_or(base.clone(), |rule| rule.apply_to_field(&base))
        });
        let inner = ty::option_inner(&field.ty);
        Self {
            ident,

            shape_ty: inner.unwrap_or(&field.ty),
            optional: inner.is_some(),
            attrs,
            name,
        }
    }
}

impl<'a> Variant<'a> {
    fn from_ast(
        cx: &Ctxt,
        variant: &'a syn::Variant,
        container: &ContainerAttrs,
        place: Place,
    ) -> Self {
        let attrs = MemberAttrs::parse(cx, &variant.attrs, place);
        let base = unraw(&variant.ident);
        let name = attrs.rename.get().cloned().unwrap_or_else(|| {
            container
                .rename_all
                .get()
                .map_or(base.clone(), |rule| rule.apply_to_variant(&base))
        });
        let ty = match &variant.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => Some(&fields.unnamed[0].ty),
            _ => None,
        };
        let unknown = attrs.unknown.is_set() || (variant.ident == "Unknown" && ty.is_some());
        let discriminant = variant.discriminant.as_ref().map(|(_, e)| e);
        let int_value = attrs
            .int_value
            .get()
            .copied()
            .or_else(|| discriminant.and_then(crate::attr::int_from_expr));
        Self {
            ident: &variant.ident,
            ty,
            fields: &variant.fields,
            attrs,
            name,
            int_value,
            unknown,
            discriminant,
        }
    }
}

impl<'a> ErrorEnum<'a> {
    pub(crate) fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let attrs = ContainerAttrs::parse(cx, &input.attrs, Place::ErrorEnum);
        let SynData::Enum(data) = &input.data else {
            cx.error_spanned_by(&input.ident, "AwsError derives on an enum: one tuple variant per modeled error and `Unknown(UnknownError)`");
            return None;
        };
        let mut modeled = Vec::new();
        let mut unknown = None;
        for variant in &data.variants {
            let vattrs = MemberAttrs::parse(cx, &variant.attrs, Place::ErrorVariant);
            let ty = match &variant.fields {
                Fields::Unnamed(fields) if fields.unnamed.len() == 1 => &fields.unnamed[0].ty,
                _ => {
                    cx.error_spanned_by(
                        &variant.ident,
                        "error variants hold one error structure: write `Name(ErrorStruct)`",
                    );
                    continue;
                }
            };
            let is_unknown = vattrs.unknown.is_set() || variant.ident == "Unknown";
            if is_unknown {
                if unknown.is_some() {
                    cx.error_spanned_by(&variant.ident, "an error enum has one unknown variant");
                }
                crate::check_error::unknown_holds_unknown_error(cx, ty);
                unknown = Some((&variant.ident, ty));
            } else {
                modeled.push((&variant.ident, ty));
            }
        }
        if unknown.is_none() {
            cx.error_spanned_by(
                &input.ident,
                "an error enum needs an `Unknown(UnknownError)` variant: errors the operation does not model must not be lost",
            );
        }
        Some(Self {
            ident: &input.ident,
            generics: &input.generics,
            krate: crate_path(&attrs),
            modeled,
            unknown,
        })
    }
}

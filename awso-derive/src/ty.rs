//! What the macro can tell from a field's type by its syntax alone.

use syn::{GenericArgument, PathArguments, Type};

/// The last path segment of `ty` and its angle-bracketed type arguments.
fn last_segment(ty: &Type) -> Option<(&syn::Ident, Vec<&Type>)> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let segment = path.path.segments.last()?;
    let args = match &segment.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|a| match a {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Some((&segment.ident, args))
}

/// `T` when `ty` is `Option<T>` (by name: `Option`, `std::option::Option`, ...).
pub(crate) fn option_inner(ty: &Type) -> Option<&Type> {
    match last_segment(ty) {
        Some((ident, args)) if ident == "Option" && args.len() == 1 => Some(args[0]),
        _ => None,
    }
}

/// Whether `ty` is spelled `String`.
pub(crate) fn is_string(ty: &Type) -> bool {
    is_named(ty, "String")
}

/// Whether `ty`'s last path segment is `name`, without type arguments
/// (`i32`, `::core::primitive::i32`).
pub(crate) fn is_named(ty: &Type, name: &str) -> bool {
    matches!(last_segment(ty), Some((ident, args)) if ident == name && args.is_empty())
}

/// Whether `ty` is spelled as an integer type wide enough for an HTTP status (`i16`, `i32`,
/// `i64`).
pub(crate) fn is_integer(ty: &Type) -> bool {
    ["i16", "i32", "i64"].iter().any(|name| is_named(ty, name))
}

/// Whether `ty` is spelled like a type that is certainly a scalar (not a list or map).
pub(crate) fn is_known_scalar(ty: &Type) -> bool {
    const SCALARS: &[&str] = &[
        "String",
        "bool",
        "i8",
        "i16",
        "i32",
        "i64",
        "f32",
        "f64",
        "Blob",
        "Timestamp",
        "BigInteger",
        "BigDecimal",
    ];
    matches!(last_segment(ty), Some((ident, args)) if args.is_empty() && SCALARS.iter().any(|s| ident == s))
}

/// Why `ty` cannot be a member type, when that is clear from its spelling.
pub(crate) fn unsupported(ty: &Type) -> Option<&'static str> {
    match ty {
        Type::Reference(_) => Some(
            "references are not supported: AWS shapes own their data (use `String`, `Vec<T>`, ...)",
        ),
        Type::Tuple(t) if t.elems.is_empty() => Some("`()` is not an AWS shape"),
        Type::Tuple(_) => Some("tuples are not AWS shapes: use a structure"),
        Type::Array(_) | Type::Slice(_) => Some("arrays are not AWS shapes: use `Vec<T>`"),
        Type::Ptr(_)
        | Type::BareFn(_)
        | Type::TraitObject(_)
        | Type::ImplTrait(_)
        | Type::Never(_) => Some("this type cannot be an AWS shape"),
        _ => {
            let (ident, _) = last_segment(ty)?;
            let name = ident.to_string();
            match name.as_str() {
                "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => {
                    Some("AWS has no unsigned integers: use i8, i16, i32 or i64")
                }
                "i128" | "isize" => Some("use i64 for a long, or BigInteger for larger integers"),
                "char" => Some("AWS has no character type: use `String`"),
                "str" => Some("use `String`: AWS shapes own their data"),
                _ => None,
            }
        }
    }
}

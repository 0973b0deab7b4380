//! Rules of `#[derive(AwsError)]` that look at types.

use crate::ctxt::Ctxt;

/// The unknown variant holds `UnknownError`, which keeps what an unmodeled error response
/// carried. The derive cannot resolve types, so this refuses the types that are surely
/// wrong (text, numbers, the usual containers, references, tuples) and lets others through
/// (an alias of `UnknownError` is fine): a wrong type gets one error here rather than a
/// cascade from the generated code.
pub(crate) fn unknown_holds_unknown_error(cx: &Ctxt, ty: &syn::Type) {
    const SURELY_WRONG: &[&str] = &[
        "String", "str", "Cow", "Box", "Option", "Vec", "Value", "bool", "i8", "i16", "i32", "i64",
        "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64",
    ];
    let wrong = match ty {
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|last| SURELY_WRONG.iter().any(|name| last.ident == name)),
        syn::Type::Reference(_) | syn::Type::Tuple(_) | syn::Type::Slice(_) => true,
        _ => false,
    };
    if wrong {
        cx.error_spanned_by(
            ty,
            "the unknown variant holds `awso_core::UnknownError` (the error code, message, HTTP \
             status, request id and raw body of an error the operation does not model): write \
             `Unknown(UnknownError)`",
        );
    }
}

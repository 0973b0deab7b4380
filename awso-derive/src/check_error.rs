//! Rules of `#[derive(AwsError)]` that look at types.

use crate::ctxt::Ctxt;

/// The unknown variant holds `UnknownError`, which keeps what an unmodeled error response
/// carried. Checked by name (the derive cannot resolve types), so that a wrong type gets
/// one error here rather than a cascade from the generated code.
pub(crate) fn unknown_holds_unknown_error(cx: &Ctxt, ty: &syn::Type) {
    let named_unknown_error = match ty {
        syn::Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "UnknownError" && last.arguments.is_none()),
        _ => false,
    };
    if !named_unknown_error {
        cx.error_spanned_by(
            ty,
            "the unknown variant holds `awso_core::UnknownError` (the error code, message, HTTP \
             status, request id and raw body of an error the operation does not model): write \
             `Unknown(UnknownError)`",
        );
    }
}

//! What a step returns: its value, or why it failed, as one line of text.

use std::fmt::{Debug, Display};

use awso_client::client::CallError;

/// Why a step failed.
pub struct Failure(String);

impl Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<E: Display> From<CallError<E>> for Failure {
    fn from(error: CallError<E>) -> Self {
        Failure(error.to_string())
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        Failure(message.to_owned())
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure(message)
    }
}

/// A step's outcome.
pub type Check<T> = Result<T, Failure>;

/// Fails with `message()` unless `condition` holds.
pub fn ensure(condition: bool, message: impl FnOnce() -> String) -> Check<()> {
    if condition {
        Ok(())
    } else {
        Err(Failure(message()))
    }
}

/// Fails, naming `what` and both sides, unless `got == want`. By value, so a step can pass
/// what it just computed without naming it first.
#[allow(clippy::needless_pass_by_value)]
pub fn ensure_eq<T: PartialEq + Debug>(what: &str, got: T, want: T) -> Check<()> {
    ensure(got == want, || {
        format!("{what}: got {got:?}, want {want:?}")
    })
}

/// The lowercase hex MD5 of `bytes`, as SQS and S3 ETags give it.
pub fn md5_hex(bytes: &[u8]) -> String {
    use md5::Digest;
    let digest = md5::Md5::digest(bytes);
    digest
        .iter()
        .fold(String::with_capacity(32), |mut hex, byte| {
            use std::fmt::Write as _;
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// An operation's input from JSON (member names as the model spells them): inputs of many
/// optional members read better this way until the builders land. The decoder skips unknown
/// members (forward compatibility), so the input is encoded back and compared: a misspelt
/// member fails here instead of going missing from the request.
pub fn input<T: awso_core::AwsShape>(json: &serde_json::Value) -> Check<T> {
    let fail = |e: &dyn Display| Failure(format!("input: {e}"));
    let value: T = awso_core::json::from_str(&json.to_string()).map_err(|e| fail(&e))?;
    let back = awso_core::json::to_string(&value).map_err(|e| fail(&e))?;
    let back: serde_json::Value = serde_json::from_str(&back).map_err(|e| fail(&e))?;
    ensure_eq("input encoded back", &back, json)?;
    Ok(value)
}

/// A failed step, saying why.
pub fn fail<T>(message: String) -> Check<T> {
    Err(Failure(message))
}

/// The call failed with the service's answer `status` and the operation's error that
/// `modeled` accepts (a typed variant, not the unknown one), whose code is `code`.
pub fn expect_error<T: Debug, E: awso_core::AwsError + Debug + Display>(
    result: Result<T, CallError<E>>,
    status: u16,
    code: &str,
    modeled: impl FnOnce(&E) -> bool,
) -> Check<()> {
    let error = match result {
        Ok(out) => return fail(format!("succeeded: {out:?}")),
        Err(error) => error,
    };
    ensure_eq("status", error.status(), Some(status))?;
    let Some(service) = error.service_error() else {
        return fail(format!("not a service error: {error}"));
    };
    ensure_eq("code", service.code(), code)?;
    ensure(modeled(service), || {
        format!("not the modeled error: {service:?}")
    })
}

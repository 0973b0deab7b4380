//! Bearer tokens (Smithy `httpBearerAuth`): `Authorization: Bearer <token>`, nothing else signed.

use std::fmt;

use http::header::{AUTHORIZATION, HeaderValue};

use super::error::{SigningError, SigningErrorKind};
use crate::credentials::REDACTED;

/// A bearer token (SSO, CodeCatalyst, ...). `Debug` never prints it.
///
/// ```
/// use awso_client::sign::BearerToken;
/// let token = BearerToken::new("secret-token");
/// assert_eq!(token.token(), "secret-token");
/// assert!(!format!("{token:?}").contains("secret-token"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct BearerToken {
    token: String,
}

impl BearerToken {
    /// Wraps `token`.
    ///
    /// ```
    /// use awso_client::sign::{BearerToken, sign_bearer};
    /// let mut request = http::Request::get("https://codecatalyst.global.api.aws/").body(()).unwrap();
    /// sign_bearer(&mut request, &BearerToken::new(String::from("t-1")))?;
    /// assert_eq!(request.headers()["authorization"], "Bearer t-1");
    /// # Ok::<(), awso_client::sign::SigningError>(())
    /// ```
    pub fn new(token: impl Into<String>) -> Self {
        BearerToken {
            token: token.into(),
        }
    }

    /// The token. Never log it.
    ///
    /// ```
    /// use awso_client::sign::BearerToken;
    /// assert_eq!(BearerToken::new("t-1").token(), "t-1");
    /// ```
    pub fn token(&self) -> &str {
        &self.token
    }
}

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("BearerToken")
            .field(&format_args!("{REDACTED}"))
            .finish()
    }
}

/// Sets `Authorization: Bearer <token>` on `request`, replacing any `Authorization` it had.
///
/// ```
/// use awso_client::sign::{sign_bearer, BearerToken};
/// let mut request = http::Request::get("https://example.com/").body(()).unwrap();
/// sign_bearer(&mut request, &BearerToken::new("abc"))?;
/// assert_eq!(request.headers()["authorization"], "Bearer abc");
/// assert!(sign_bearer(&mut request, &BearerToken::new("a\nb")).is_err());
/// # Ok::<(), awso_client::sign::SigningError>(())
/// ```
pub fn sign_bearer<B>(
    request: &mut http::Request<B>,
    token: &BearerToken,
) -> Result<(), SigningError> {
    let mut value = HeaderValue::try_from(format!("Bearer {}", token.token)).map_err(|_| {
        SigningError::new(
            SigningErrorKind::Credentials,
            "bearer token is not a valid header value",
        )
    })?;
    value.set_sensitive(true);
    request.headers_mut().insert(AUTHORIZATION, value);
    Ok(())
}

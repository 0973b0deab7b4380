//! The provider trait: one async method, object-safe through a boxed future.
//!
//! A boxed future rather than an `async fn` in the trait keeps `dyn ProvideCredentials` usable
//! (chains hold providers of different types) without a macro crate; one allocation per call is
//! nothing next to a file read or an HTTP round trip, and the cache answers most calls anyway.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use super::{Credentials, CredentialsError};

/// The future a provider returns.
///
/// ```
/// use awso_client::credentials::{CredentialsError, CredentialsFuture};
/// let future: CredentialsFuture<'static> = Box::pin(async { Err(CredentialsError::failed("test", "no")) });
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// assert_eq!(future.await.unwrap_err().message(), "no");
/// # });
/// ```
pub type CredentialsFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// A source of credentials.
///
/// [`Credentials`] is itself a provider: static credentials that never change.
///
/// ```
/// use awso_client::credentials::{Credentials, ProvideCredentials};
///
/// let provider: Box<dyn ProvideCredentials> = Box::new(Credentials::new("AKIDEXAMPLE", "secret"));
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let credentials = provider.provide_credentials().await.unwrap();
/// assert_eq!(credentials.secret_access_key(), "secret");
/// # });
/// ```
pub trait ProvideCredentials: Send + Sync {
    /// Find credentials, or say why there are none.
    ///
    /// ```
    /// use awso_client::credentials::{Credentials, CredentialsError, CredentialsFuture, ProvideCredentials};
    /// /// Credentials from a vault of the application's own.
    /// struct Vault { unlocked: bool }
    /// impl ProvideCredentials for Vault {
    ///     fn provide_credentials(&self) -> CredentialsFuture<'_> {
    ///         Box::pin(async move {
    ///             if self.unlocked {
    ///                 Ok(Credentials::new("AKIDVAULT", "secret"))
    ///             } else {
    ///                 Err(CredentialsError::not_configured("vault", "the vault is locked"))
    ///             }
    ///         })
    ///     }
    /// }
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// assert_eq!(Vault { unlocked: true }.provide_credentials().await.unwrap().access_key_id(), "AKIDVAULT");
    /// assert!(Vault { unlocked: false }.provide_credentials().await.unwrap_err().is_not_configured());
    /// # });
    /// ```
    fn provide_credentials(&self) -> CredentialsFuture<'_>;
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        let credentials = self.clone();
        Box::pin(async move { Ok(credentials) })
    }
}

impl<P: ProvideCredentials + ?Sized> ProvideCredentials for Arc<P> {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        (**self).provide_credentials()
    }
}

impl<P: ProvideCredentials + ?Sized> ProvideCredentials for Box<P> {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        (**self).provide_credentials()
    }
}

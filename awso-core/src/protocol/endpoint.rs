//! Where requests go: scheme, host and an optional base path.

use crate::error::{Error, Result};

/// A service endpoint: `https://example.com`, possibly with a base path
/// (`https://example.com/custom`) that request paths are appended to.
///
/// ```
/// use awso_core::protocol::Endpoint;
///
/// let endpoint = Endpoint::parse("https://example.com/custom/")?;
/// assert_eq!((endpoint.scheme(), endpoint.host(), endpoint.base_path()), ("https", "example.com", "/custom"));
/// # Ok::<(), awso_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    scheme: String,
    host: String,
    base_path: String,
}

impl Endpoint {
    /// Reads `scheme://host[:port][/path]`.
    ///
    /// ```
    /// use awso_core::protocol::Endpoint;
    ///
    /// let local = Endpoint::parse("http://127.0.0.1:4566")?;
    /// assert_eq!(local.host(), "127.0.0.1:4566");
    /// assert!(Endpoint::parse("sqs.amazonaws.com").is_err()); // no scheme
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn parse(url: &str) -> Result<Self> {
        let invalid = |why: &str| Error::invalid("endpoint", format!("{why} in {url:?}"));
        let (scheme, rest) = url.split_once("://").ok_or_else(|| invalid("no scheme"))?;
        if scheme.is_empty()
            || !scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
        {
            return Err(invalid("a bad scheme"));
        }
        let (host, path) = rest.find('/').map_or((rest, ""), |at| rest.split_at(at));
        if host.is_empty()
            || host
                .bytes()
                .any(|b| b.is_ascii_whitespace() || b == b'?' || b == b'#')
        {
            return Err(invalid("a bad host"));
        }
        Ok(Self {
            scheme: scheme.to_owned(),
            host: host.to_owned(),
            base_path: path.trim_end_matches('/').to_owned(),
        })
    }

    /// The scheme (`https`).
    ///
    /// ```
    /// use awso_core::protocol::Endpoint;
    ///
    /// assert_eq!(Endpoint::parse("http://localhost:9000")?.scheme(), "http");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// The host, with its port if any.
    ///
    /// ```
    /// use awso_core::protocol::Endpoint;
    ///
    /// assert_eq!(Endpoint::parse("https://s3.eu-west-1.amazonaws.com/")?.host(), "s3.eu-west-1.amazonaws.com");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The base path, without a trailing slash (empty for none).
    ///
    /// ```
    /// use awso_core::protocol::Endpoint;
    ///
    /// assert_eq!(Endpoint::parse("https://gw.example.com/prod/")?.base_path(), "/prod");
    /// assert_eq!(Endpoint::parse("https://gw.example.com")?.base_path(), "");
    /// # Ok::<(), awso_core::Error>(())
    /// ```
    pub fn base_path(&self) -> &str {
        &self.base_path
    }
}

impl Default for Endpoint {
    /// `https://localhost`, for building requests whose destination is decided later.
    fn default() -> Self {
        Self {
            scheme: "https".to_owned(),
            host: "localhost".to_owned(),
            base_path: String::new(),
        }
    }
}

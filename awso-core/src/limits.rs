//! Limits that keep hostile input from exhausting the stack.
//!
//! Every recursive path of every codec (structures, unions, lists, maps, documents, skipped
//! unknown values, and the serializers) counts nesting and stops with a
//! [`Category::Limit`](crate::error::Category::Limit) error past the limit. Each codec's
//! reader and writer takes another limit through its `max_depth` method.
//!
//! ```
//! use awso_core::json::JsonDeserializer;
//!
//! // Tighter than the default for input from an untrusted source.
//! let mut de = JsonDeserializer::new(r#"{"a": {"b": {"c": 1}}}"#).max_depth(2);
//! let err = de.deserialize::<awso_core::Document>().unwrap_err();
//! assert_eq!(err.category(), awso_core::error::Category::Limit);
//! assert_eq!(err.path(), r#"["a"]["b"]"#);
//! ```

/// The default nesting limit: 128 levels, as `serde_json`'s.
///
/// ```
/// use awso_core::limits::DEFAULT_MAX_DEPTH;
///
/// let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
/// assert!(awso_core::json::from_str::<awso_core::Document>(&deep(DEFAULT_MAX_DEPTH)).is_ok());
/// let err = awso_core::json::from_str::<awso_core::Document>(&deep(DEFAULT_MAX_DEPTH + 1)).unwrap_err();
/// assert_eq!(err.category(), awso_core::error::Category::Limit);
/// ```
pub const DEFAULT_MAX_DEPTH: usize = 128;

use crate::error::{Error, Result};

/// Nesting counted against a limit: the one depth guard every codec shares.
///
/// Recursive codecs go one level down through [`Nesting::nested`], which leaves the level
/// again however the inner call ends; the `Value` codecs, which give each child a reader or
/// writer of its own, take [`deeper`](Self::deeper); skipping, which counts nesting without
/// recursing, asks [`check_within`](Self::check_within).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Depth {
    current: usize,
    max: usize,
}

impl Default for Depth {
    fn default() -> Self {
        Self::new(DEFAULT_MAX_DEPTH)
    }
}

impl Depth {
    /// The top level, with room for `max` levels.
    pub(crate) const fn new(max: usize) -> Self {
        Self { current: 0, max }
    }

    /// Sets the limit (a codec's `max_depth` option).
    pub(crate) fn set_max(&mut self, max: usize) {
        self.max = max;
    }

    /// The error past the limit.
    #[cold]
    fn exceeded(&self) -> Error {
        Error::depth_limit(self.max)
    }

    /// The depth one level down, or the limit error.
    #[inline]
    pub(crate) fn deeper(self) -> Result<Self> {
        if self.current >= self.max {
            return Err(self.exceeded());
        }
        Ok(Self {
            current: self.current + 1,
            max: self.max,
        })
    }

    /// Fails unless `extra` more levels below this one fit in the limit.
    #[inline]
    pub(crate) fn check_within(&self, extra: usize) -> Result<()> {
        if self.current + extra > self.max {
            return Err(self.exceeded());
        }
        Ok(())
    }
}

/// A codec that counts its nesting in a [`Depth`].
pub(crate) trait Nesting: Sized {
    /// The codec's depth.
    fn depth(&mut self) -> &mut Depth;

    /// Where a limit error points: readers add their position.
    fn locate_limit(&self, err: Error) -> Error {
        err
    }

    /// Runs `inner` one level down, and comes back up however it ends.
    #[inline]
    fn nested<R>(&mut self, inner: impl FnOnce(&mut Self) -> Result<R>) -> Result<R> {
        let outer = *self.depth();
        match outer.deeper() {
            Ok(depth) => *self.depth() = depth,
            Err(e) => return Err(self.locate_limit(e)),
        }
        let result = inner(self);
        *self.depth() = outer;
        result
    }
}

#[cfg(test)]
mod tests {
    use super::{Depth, Nesting};
    use crate::error::{Category, Result};

    struct Tree(Depth);

    impl Nesting for Tree {
        fn depth(&mut self) -> &mut Depth {
            &mut self.0
        }
    }

    fn descend(tree: &mut Tree, levels: usize) -> Result<()> {
        if levels == 0 {
            return Ok(());
        }
        tree.nested(|t| descend(t, levels - 1))
    }

    #[test]
    fn nesting_stops_exactly_past_the_limit_and_unwinds_on_error() {
        let mut tree = Tree(Depth::new(3));
        assert!(descend(&mut tree, 3).is_ok());
        let err = descend(&mut tree, 4).unwrap_err();
        assert_eq!(err.category(), Category::Limit);
        // The failed descent left every level it entered.
        assert!(descend(&mut tree, 3).is_ok());
    }

    #[test]
    fn deeper_and_check_within_agree_with_nested() {
        let top = Depth::new(2);
        let one = top.deeper().unwrap();
        let two = one.deeper().unwrap();
        assert!(two.deeper().is_err());
        assert!(top.check_within(2).is_ok());
        assert!(top.check_within(3).is_err());
        assert!(two.check_within(0).is_ok());
    }
}

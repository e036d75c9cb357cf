//! `pattern` has ECMAScript semantics (with the `u` flag), which only a JavaScript
//! engine implements exactly. The core asks this trait; the binding answers with
//! `RegExp`, and native tests may answer with another engine.

use alloc::boxed::Box;

/// A compiled `pattern`, tested against a whole string (unanchored, like `RegExp.test`).
pub trait Pattern {
    fn is_match(&self, text: &str) -> bool;
}

/// Compiles `pattern` sources. `None` means the source is not a valid pattern, which
/// makes the schema `invalid_config`.
pub trait PatternMatcher {
    fn compile(&self, source: &str) -> Option<Box<dyn Pattern>>;
}

/// For schemas known to have no `pattern` (and tests): refuses every pattern.
pub struct NoPatterns;

impl PatternMatcher for NoPatterns {
    fn compile(&self, _source: &str) -> Option<Box<dyn Pattern>> {
        None
    }
}

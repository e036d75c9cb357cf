//! `pattern` natively: the `regex` crate stands in for the browser's `RegExp` (with the
//! `u` flag) in the tests that run the validator outside the wasm. It reads the patterns
//! those tests use as ECMAScript does; Rust's `\d`, `\w`, `\s` and `.` are wider (Unicode)
//! and it has no lookaround or backreferences, so the tests keep to patterns without them.
//! Included with `#[path]` by tests/schema_suite.rs, tests/schema_corpus.rs and the core's
//! own schema tests (src/core/schema/tests.rs); the including module has `Pattern` and
//! `PatternMatcher` in scope.

use super::{Pattern, PatternMatcher};

pub struct Re;
struct RePattern(regex::Regex);

impl Pattern for RePattern {
    fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }
}

impl PatternMatcher for Re {
    fn compile(&self, source: &str) -> Option<Box<dyn Pattern>> {
        // `\a` is a control escape in Rust's syntax, not in ECMAScript's.
        if source.contains("\\a") {
            return None;
        }
        regex::Regex::new(source)
            .ok()
            .map(|r| Box::new(RePattern(r)) as Box<dyn Pattern>)
    }
}

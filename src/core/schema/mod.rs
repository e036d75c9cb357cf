//! Tool parameter validation: a JSON Schema subset (draft 2020-12 semantics), compiled
//! once and checked per call.
//!
//! Supported: `type` (one or a list), `properties`, `required`, `additionalProperties`
//! (boolean), `enum`, `const`, `minimum`, `maximum`, `exclusiveMinimum`,
//! `exclusiveMaximum`, `multipleOf`, `minLength`, `maxLength` (code points), `pattern`
//! (ECMAScript, `u` flag, through [`PatternMatcher`]), `format` (`uri`, `email`,
//! `date-time`, `uuid`, asserted), `items`, `minItems`, `maxItems`, `uniqueItems`, and
//! the annotations `title`, `description`, `default`, `examples`, `$schema`, `$id`,
//! `$comment`, `deprecated`, `readOnly`, `writeOnly`. Anything else, a `$ref` or an
//! unknown format is refused at compile time ([`SchemaError`]).
//!
//! - `value`: the value tree ([`Value`]) with JSON equality.
//! - `compile`: schema → [`Schema`], refusing what is not supported.
//! - `validate`: value → `Ok` or the first [`Failure`] with its JSON pointer.
//! - `json`: the JSON text the facade hands over → [`Value`].
//! - `format`, `number`, `pattern`, `pointer`: the rules those two rely on.

use alloc::vec::Vec;

pub mod compile;
pub mod format;
pub mod json;
pub mod number;
pub mod pattern;
pub mod pointer;
pub mod validate;
pub mod value;

// Native only: the tests use `regex` and `serde_json`, which never enter the wasm.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use compile::SchemaError;
pub use format::Format;
pub use pattern::{NoPatterns, Pattern, PatternMatcher};
pub use validate::Failure;
pub use value::Value;

/// Deepest nesting of containers the JSON reader accepts (params and schemas).
pub const MAX_VALUE_DEPTH: usize = 128;

/// A compiled schema, ready to validate values.
pub struct Schema {
    root: compile::Node,
}

impl Schema {
    /// Compiles `schema` (an object or a boolean). `pattern`s are compiled by `matcher`.
    pub fn compile(schema: &Value, matcher: &dyn PatternMatcher) -> Result<Schema, SchemaError> {
        let root = compile::Compiler::new(matcher).node(schema, &mut Vec::new())?;
        Ok(Schema { root })
    }

    /// `Ok` when `value` is valid, else the first failure found.
    pub fn validate(&self, value: &Value) -> Result<(), Failure> {
        validate::node(&self.root, value, &mut Vec::new())
    }
}

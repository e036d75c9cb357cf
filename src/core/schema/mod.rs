//! Tool parameter validation: JSON Schema draft 2020-12, compiled once and checked per
//! call.
//!
//! Every keyword of the core, applicator, unevaluated and validation vocabularies:
//! `$ref`, `$defs`, `$anchor`, `$id` (base URI resolution), `$dynamicRef` /
//! `$dynamicAnchor`, `allOf`, `anyOf`, `oneOf`, `not`, `if` / `then` / `else`,
//! `prefixItems`, `items`, `contains`, `minContains`, `maxContains`, `properties`,
//! `patternProperties`, `additionalProperties`, `propertyNames`, `dependentRequired`,
//! `dependentSchemas`, `unevaluatedProperties`, `unevaluatedItems`, `type`, `enum`,
//! `const`, the numeric bounds and `multipleOf`, `minLength` / `maxLength` (code points),
//! `pattern` (ECMAScript, `u` flag, through [`PatternMatcher`]), `minItems`, `maxItems`,
//! `uniqueItems`, `required`, `minProperties`, `maxProperties`, and `format` asserted for
//! the names in [`format::NAMES`]. An unknown format, the annotations and a keyword no
//! vocabulary defines are ignored (refused with [`CompileOptions::strict`]). A `$ref` to
//! another document resolves only against [`CompileOptions::remotes`].
//!
//! - `value`: the value tree ([`Value`]) with JSON equality.
//! - `refs`: the dereference pass (URIs of every subschema, base URI resolution).
//! - `compile`: schema → a flat arena of nodes, every reference an index.
//! - `validate`: value → `Ok` or the [`Failure`] to report, with its JSON pointer.
//! - `json`: the JSON text the facade hands over → [`Value`].
//! - `format`, `number`, `pattern`, `pointer`: the rules those rely on.

use alloc::borrow::Cow;

pub mod compile;
pub mod format;
pub mod json;
pub mod number;
pub mod pattern;
pub mod pointer;
pub mod refs;
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
pub const MAX_VALUE_DEPTH: usize = 256;

/// How to compile a schema.
pub struct CompileOptions<'a> {
    /// Other documents a `$ref` may name, by URI (the app's `schemas` option). Nothing
    /// else is ever fetched.
    pub remotes: &'a [(Cow<'a, str>, Value<'a>)],
    /// Refuse a keyword no vocabulary of draft 2020-12 defines (a typo such as
    /// `minLenght`) instead of ignoring it.
    pub strict: bool,
}

/// A compiled schema, ready to validate values.
pub struct Schema {
    p: compile::Compiled,
    /// For `format: "regex"`, checked when validating.
    matcher: &'static dyn PatternMatcher,
}

impl Schema {
    /// Compiles `schema` (an object or a boolean) with no other documents, ignoring
    /// unknown keywords. `pattern`s are compiled by `matcher`.
    pub fn compile(
        schema: &Value,
        matcher: &'static dyn PatternMatcher,
    ) -> Result<Schema, SchemaError> {
        let opts = CompileOptions {
            remotes: &[],
            strict: false,
        };
        Schema::compile_with(schema, &opts, matcher)
    }

    /// Compiles `schema` with `opts`.
    pub fn compile_with(
        schema: &Value,
        opts: &CompileOptions,
        matcher: &'static dyn PatternMatcher,
    ) -> Result<Schema, SchemaError> {
        let p = compile::Compiler::compile(schema, opts.remotes, opts.strict, matcher)
            .map_err(|e| *e)?;
        Ok(Schema { p, matcher })
    }
}

//! `ClientTools`' exports: synchronous calls over compiled schemas, one per registered
//! tool in a slab. The registry, timeouts, events and the result check live in
//! `pkg-template/src/tools.js`.
//!
//! Schemas and params cross once, as the facade's `JSON.stringify` text in the I/O
//! buffer ([`super::io`]), and are read by `core::schema::json` (own properties only, so
//! `__proto__` and `constructor` are plain data). An export answers a number: a handle,
//! 0 for valid params, or a negative number with the error in the buffer. Number text
//! the core cannot convert exactly in one step goes to the engine's `parseFloat`, so
//! every number is the double JavaScript holds; `pattern` runs on the engine's `RegExp`.

use super::io::{fail, with_text};
use crate::core::schema::json::{self, ParseError};
use crate::core::schema::pointer::{pieces, split_at};
use crate::core::schema::{CompileOptions, Pattern, PatternMatcher, Schema, SchemaError, Value};
use crate::core::text::cat;
use crate::core::tools::{invalid_params, invalid_schema, params_not_json, unknown_tool};
use crate::core::GlueError;
use alloc::borrow::ToOwned;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::UnsafeCell;
use wasm_bindgen::prelude::*;

struct Slab(UnsafeCell<Vec<Option<(String, Schema)>>>);
// One thread (wasm32 without shared memory); no export re-enters another (a `RegExp`
// test calls out to the engine, never back into the module).
unsafe impl Sync for Slab {}
static SCHEMAS: Slab = Slab(UnsafeCell::new(Vec::new()));

#[allow(clippy::mut_from_ref)]
fn schemas() -> &'static mut Vec<Option<(String, Schema)>> {
    // SAFETY: see `Slab`.
    unsafe { &mut *SCHEMAS.0.get() }
}

fn read(text: &str) -> Result<Value<'_>, ParseError> {
    json::parse(text, &parse_float)
}

fn not_json(tool: &str, e: ParseError) -> GlueError {
    let e = SchemaError {
        pointer: e.pointer,
        reason: cat(&["not JSON data (", e.reason, ")"]),
    };
    invalid_schema(tool, &e)
}

/// Compiles a tool's parameters schema. The buffer holds `schema \0 schemas \0 name`
/// (`len` bytes): the schema as JSON text (which never holds a raw NUL), the JSON text of
/// the `schemas` option (`{ [uri]: schema }`, empty when there is none), then the tool's
/// name. `strict` refuses keywords no vocabulary defines. Answers the schema's handle,
/// or a negative number with `invalid_config` in the buffer.
#[wasm_bindgen]
pub fn tools_compile(len: usize, strict: bool) -> f64 {
    let (tool, compiled) = with_text(len, |text| {
        let (schema, rest) = split_at(text, 0, false).unwrap_or((text, ""));
        let (remotes, tool) = split_at(rest, 0, false).unwrap_or(("", rest));
        let remotes = match remotes {
            "" => Ok(Vec::new()),
            text => match read(text) {
                Ok(Value::Object(documents)) => Ok(documents),
                Ok(_) => Err(GlueError::invalid_config(
                    "ClientTools: schemas must be an object of JSON Schemas by URI",
                )),
                Err(e) => Err(not_json(tool, e)),
            },
        };
        let compiled = remotes.and_then(|remotes| {
            let opts = CompileOptions {
                remotes: &remotes,
                strict,
            };
            read(schema).map_err(|e| not_json(tool, e)).and_then(|v| {
                Schema::compile_with(&v, &opts, &JsPatterns).map_err(|e| invalid_schema(tool, &e))
            })
        });
        (tool.to_owned(), compiled)
    });
    match compiled {
        Err(e) => f64::from(fail(&e)),
        Ok(schema) => {
            let all = schemas();
            let entry = Some((tool, schema));
            match all.iter_mut().position(|s| s.is_none()) {
                Some(slot) => {
                    if let Some(s) = all.get_mut(slot) {
                        *s = entry;
                    }
                    slot as f64
                }
                None => {
                    all.push(entry);
                    (all.len() - 1) as f64
                }
            }
        }
    }
}

/// Releases a compiled schema. Freeing a handle twice does nothing.
#[wasm_bindgen]
pub fn tools_free(handle: u32) {
    if let Some(slot) = schemas().get_mut(handle as usize) {
        *slot = None;
    }
}

/// Checks params (their JSON text, `len` bytes in the buffer) against the schema
/// `handle`: 0 when valid, else a negative number with `invalid_params` in the buffer.
#[wasm_bindgen]
pub fn tools_validate(handle: u32, len: usize) -> i32 {
    // The value borrows its strings from the input buffer, read in place.
    with_text(len, |text| {
        // Parsed first (parseFloat may be called), then the slab is read.
        let value = read(text);
        let Some(Some((tool, schema))) = schemas().get(handle as usize) else {
            return fail(&GlueError::aborted("the tool's schema was released"));
        };
        let err = match &value {
            Err(e) => params_not_json(tool, &e.pointer, e.reason),
            Ok(v) => match schema.validate(v) {
                Ok(()) => return 0,
                Err(f) => invalid_params(tool, &f),
            },
        };
        fail(&err)
    })
}

/// Writes the `unknown_tool` error for a name into the buffer, which holds the name and
/// then each registered name, separated by NUL (the facade writes a NUL inside a name as
/// U+FFFD, which is how a message shows any control character); returns the negative
/// length as every error does.
#[wasm_bindgen]
pub fn tools_unknown(len: usize) -> i32 {
    let err = with_text(len, |text| {
        let mut names = pieces(text, 0);
        let name = names.next().unwrap_or_default();
        // Pushed one by one: `collect` brings a specialised builder of its own.
        let mut registered = Vec::new();
        for n in names {
            registered.push(n);
        }
        unknown_tool(name, &registered)
    });
    fail(&err)
}

#[wasm_bindgen]
extern "C" {
    /// The engine's `parseFloat`: the double JavaScript reads from number text.
    #[wasm_bindgen(js_name = parseFloat)]
    fn parse_float(text: &str) -> f64;

    /// The engine's own `RegExp`, bound with `catch` on construction: an invalid
    /// pattern's SyntaxError is a value here, not an exception through wasm frames.
    #[wasm_bindgen(js_name = RegExp)]
    type EngineRegExp;
    #[wasm_bindgen(constructor, catch, js_class = "RegExp")]
    fn new(source: &str, flags: &str) -> Result<EngineRegExp, JsValue>;
    #[wasm_bindgen(method)]
    fn test(this: &EngineRegExp, text: &str) -> bool;
}

/// `pattern` through `RegExp` with the `u` flag (no `g`/`y`, so `test` keeps no state).
struct JsPatterns;
struct JsPattern(EngineRegExp);

impl Pattern for JsPattern {
    fn is_match(&self, text: &str) -> bool {
        self.0.test(text)
    }
}

impl PatternMatcher for JsPatterns {
    fn compile(&self, source: &str) -> Option<Box<dyn Pattern>> {
        let re = EngineRegExp::new(source, "u").ok()?;
        Some(Box::new(JsPattern(re)))
    }
}

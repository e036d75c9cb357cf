//! Client tools: compiling a parameters schema into a handle the facade owns, checking
//! params, and the unknown-tool error. The registry, timeouts, events and the result
//! check live in `pkg-template/src/tools.js`.
//!
//! Schemas and params cross the boundary once, as the facade's `JSON.stringify` text,
//! and are read by `core::schema::json` (own properties only, so `__proto__` and
//! `constructor` are plain data). Number text the core cannot convert exactly in one
//! step goes to the engine's `parseFloat`, so every number is the double JavaScript holds.

use super::error::to_js;
use crate::core::schema::json::{self, ParseError};
use crate::core::schema::{Pattern, PatternMatcher, Schema, SchemaError, Value};
use crate::core::tools::{invalid_params, invalid_schema, params_not_json, unknown_tool};
use crate::core::GlueError;
use js_sys::Array;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Compiled schemas, addressed by the handles the facade keeps per registered tool (a
/// slot index; a plain number keeps wasm-bindgen's class glue out of the package). The
/// facade frees a handle on `unregister` and `dispose`.
struct Slots(Vec<Option<(String, Schema)>>);

thread_local! {
    static SCHEMAS: RefCell<Slots> = const { RefCell::new(Slots(Vec::new())) };
}

fn read(text: &str) -> Result<Value, ParseError> {
    json::parse(text, &js_sys::parse_float)
}

/// Compiles `schema` (the facade's `JSON.stringify` of it) for the tool `tool` and
/// returns its handle; throws `invalid_config` when the schema is not in the supported
/// subset.
#[wasm_bindgen(js_name = compileToolSchema)]
pub fn compile_tool_schema(tool: &str, schema: &str) -> Result<u32, JsValue> {
    let value = read(schema).map_err(|e| {
        let e = SchemaError {
            pointer: e.pointer,
            reason: ["not JSON data (", e.reason, ")"].concat(),
        };
        JsValue::from(invalid_schema(tool, &e))
    })?;
    // Compiled before the slots are borrowed: nothing here calls back into the module.
    let schema = Schema::compile(&value, &JsPatterns).map_err(|e| invalid_schema(tool, &e))?;
    let entry = Some((tool.to_owned(), schema));
    Ok(SCHEMAS.with(|s| {
        let slots = &mut s.borrow_mut().0;
        match slots.iter().position(Option::is_none) {
            Some(i) => {
                slots[i] = entry;
                i as u32
            }
            None => {
                slots.push(entry);
                (slots.len() - 1) as u32
            }
        }
    }))
}

/// Releases a compiled schema. Freeing a handle twice does nothing.
#[wasm_bindgen(js_name = freeToolSchema)]
pub fn free_tool_schema(handle: u32) {
    SCHEMAS.with(|s| {
        if let Some(slot) = s.borrow_mut().0.get_mut(handle as usize) {
            *slot = None;
        }
    });
}

/// `undefined` when `params` (the facade's `JSON.stringify` of them) is valid for the
/// schema `handle`, else the `invalid_params` error to report.
#[wasm_bindgen(js_name = validateToolParams, unchecked_return_type = "Error | undefined")]
pub fn validate_tool_params(handle: u32, params: &str) -> JsValue {
    // Parsed first (parseFloat may be called), then the slots are borrowed.
    let value = read(params);
    let err = SCHEMAS.with(|s| {
        let slots = s.borrow();
        let Some(Some((tool, schema))) = slots.0.get(handle as usize) else {
            return Some(GlueError::aborted("the tool's schema was released"));
        };
        match &value {
            Err(e) => Some(params_not_json(tool, &e.pointer, e.reason)),
            Ok(v) => schema.validate(v).err().map(|f| invalid_params(tool, &f)),
        }
    });
    match err {
        None => JsValue::UNDEFINED,
        Some(e) => to_js(&e, None),
    }
}

/// The `unknown_tool` error for `name`, listing `registered` and the nearest.
#[wasm_bindgen(js_name = unknownToolError, unchecked_return_type = "Error")]
pub fn unknown_tool_error(
    name: &str,
    #[wasm_bindgen(unchecked_param_type = "string[]")] registered: Array,
) -> JsValue {
    let names: Vec<String> = registered.iter().filter_map(|v| v.as_string()).collect();
    to_js(&unknown_tool(name, &names), None)
}

#[wasm_bindgen]
extern "C" {
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

//! Client tools: compiling a parameters schema into a handle the facade owns, checking
//! params and results, and the unknown-tool error. The registry, timeouts and events
//! live in `pkg-template/src/tools.js`.
//!
//! JavaScript values become `core::schema::Value`s by walking own enumerable
//! properties with `Object.keys` and `Reflect.get`, so `__proto__` and `constructor`
//! are plain data, and cycles, functions, BigInts, symbols and class instances are
//! reported instead of followed.

use super::error::to_js;
use crate::core::schema::pointer::{to_pointer, Step};
use crate::core::schema::{Pattern, PatternMatcher, Schema, SchemaError, Value, MAX_VALUE_DEPTH};
use crate::core::tools::{
    invalid_params, invalid_result, invalid_schema, params_not_json, unknown_tool, ResultProblem,
};
use crate::core::GlueError;
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Compiled schemas, addressed by the handles the facade keeps per registered tool (a
/// slot index; a plain number keeps wasm-bindgen's class glue out of the package). The
/// facade frees a handle on `unregister` and `dispose`.
struct Slots(Vec<Option<(String, Schema)>>);

thread_local! {
    static SCHEMAS: RefCell<Slots> = const { RefCell::new(Slots(Vec::new())) };
}

/// Compiles `schema` for the tool `tool` and returns its handle; throws `invalid_config`
/// when the schema is not in the supported subset.
#[wasm_bindgen(js_name = compileToolSchema)]
pub fn compile_tool_schema(
    tool: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] schema: JsValue,
) -> Result<u32, JsValue> {
    let value = to_value(&schema).map_err(|(path, problem)| {
        let e = SchemaError {
            pointer: path,
            reason: ["not JSON data (", problem.describe(), ")"].concat(),
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

/// `undefined` when `params` is valid for the schema `handle`, else the
/// `invalid_params` error to report.
#[wasm_bindgen(js_name = validateToolParams, unchecked_return_type = "Error | undefined")]
pub fn validate_tool_params(
    handle: u32,
    #[wasm_bindgen(unchecked_param_type = "unknown")] params: JsValue,
) -> JsValue {
    // Read from JavaScript first (getters may run), then borrow the slots.
    let value = to_value(&params);
    let err = SCHEMAS.with(|s| {
        let slots = s.borrow();
        let Some(Some((tool, schema))) = slots.0.get(handle as usize) else {
            return Some(GlueError::aborted("the tool's schema was released"));
        };
        match &value {
            Err((pointer, problem)) => Some(params_not_json(tool, pointer, *problem)),
            Ok(v) => schema.validate(v).err().map(|f| invalid_params(tool, &f)),
        }
    });
    match err {
        None => JsValue::UNDEFINED,
        Some(e) => to_js(&e, None),
    }
}

/// `undefined` when `result` is a plain JSON-compatible object, else the
/// `invalid_result` error to report.
#[wasm_bindgen(js_name = checkToolResult, unchecked_return_type = "Error | undefined")]
pub fn check_tool_result(
    tool: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] result: JsValue,
) -> JsValue {
    let problem = if result.is_object() && !Array::is_array(&result) && !result.is_function() {
        to_value(&result).err()
    } else {
        Some((String::new(), ResultProblem::NotAnObject(kind(&result))))
    };
    match problem {
        None => JsValue::UNDEFINED,
        Some((pointer, problem)) => to_js(&invalid_result(tool, &pointer, problem), None),
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

fn kind(v: &JsValue) -> &'static str {
    if v.is_string() {
        "string"
    } else if v.as_f64().is_some() {
        "number"
    } else if v.as_bool().is_some() {
        "boolean"
    } else if v.is_null() {
        "null"
    } else if v.is_undefined() {
        "undefined"
    } else if v.is_bigint() {
        "BigInt"
    } else if v.is_symbol() {
        "symbol"
    } else if v.is_function() {
        "function"
    } else {
        "array"
    }
}

/// A path segment while walking: an owned key (it comes from JavaScript) or an index.
enum Seg {
    Key(String),
    Index(usize),
}

struct Walk {
    path: Vec<Seg>,
    ancestors: Vec<JsValue>,
}

type Problem = (String, ResultProblem);

/// Converts plain JSON data; anything else is reported with the pointer where it is.
fn to_value(v: &JsValue) -> Result<Value, Problem> {
    let mut w = Walk {
        path: Vec::new(),
        ancestors: Vec::new(),
    };
    w.value(v)
}

impl Walk {
    fn fail(&self, p: ResultProblem) -> Problem {
        let steps: Vec<Step<'_>> = self
            .path
            .iter()
            .map(|s| match s {
                Seg::Key(k) => Step::Key(k),
                Seg::Index(i) => Step::Index(*i),
            })
            .collect();
        (to_pointer(&steps), p)
    }

    fn value(&mut self, v: &JsValue) -> Result<Value, Problem> {
        if let Some(s) = v.as_string() {
            return Ok(Value::String(s));
        }
        if let Some(n) = v.as_f64() {
            return if n.is_finite() {
                Ok(Value::Number(n))
            } else {
                Err(self.fail(ResultProblem::NonFinite))
            };
        }
        if let Some(b) = v.as_bool() {
            return Ok(Value::Bool(b));
        }
        if v.is_null() {
            return Ok(Value::Null);
        }
        if v.is_function() {
            return Err(self.fail(ResultProblem::Function));
        }
        if v.is_bigint() {
            return Err(self.fail(ResultProblem::BigInt));
        }
        if v.is_symbol() {
            return Err(self.fail(ResultProblem::Symbol));
        }
        if !v.is_object() {
            return Err(self.fail(ResultProblem::Undefined));
        }
        if self.ancestors.iter().any(|a| a == v) {
            return Err(self.fail(ResultProblem::Cycle));
        }
        if self.ancestors.len() >= MAX_VALUE_DEPTH {
            return Err(self.fail(ResultProblem::TooDeep));
        }
        self.ancestors.push(v.clone());
        let out = if Array::is_array(v) {
            self.array(v.unchecked_ref())
        } else if is_plain(v) {
            self.object(v)
        } else {
            Err(self.fail(ResultProblem::NonPlain))
        };
        self.ancestors.pop();
        out
    }

    fn array(&mut self, a: &Array) -> Result<Value, Problem> {
        let mut items = Vec::with_capacity(a.length() as usize);
        for (i, item) in a.iter().enumerate() {
            self.path.push(Seg::Index(i));
            items.push(self.value(&item)?);
            self.path.pop();
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self, o: &JsValue) -> Result<Value, Problem> {
        let obj: &Object = o.unchecked_ref();
        let keys = Object::keys(obj);
        let mut props = Vec::with_capacity(keys.length() as usize);
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            // A getter that throws, or a proxy: not plain data.
            let item = Reflect::get(obj, &key).map_err(|_| self.fail(ResultProblem::NonPlain))?;
            if item.is_undefined() {
                // JSON leaves out a property whose value is undefined.
                continue;
            }
            self.path.push(Seg::Key(name));
            let value = self.value(&item)?;
            if let Some(Seg::Key(name)) = self.path.pop() {
                props.push((name, value));
            }
        }
        Ok(Value::Object(props))
    }
}

/// A plain object: its prototype is `null` or an `Object.prototype` (of any realm).
fn is_plain(v: &JsValue) -> bool {
    let proto = Object::get_prototype_of(v);
    proto.is_null() || Object::get_prototype_of(&proto).is_null()
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

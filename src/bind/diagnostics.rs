//! `explainError(error)` and `checkOptions(options, origin)`: the JavaScript values are
//! read into the core's types here (defensively: a getter or a Proxy that throws is
//! read as absent), and the core's answers are built back into plain objects.

use crate::core::diagnostics::explain::{self, Facts};
use crate::core::diagnostics::options::{self, Diagnostic, Kind, Value};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // `Object.keys` and `Array.isArray` throw for a revoked Proxy; these imports turn that
    // into a `Result` instead of unwinding through the module.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn own_keys(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = getOwnPropertyDescriptor, catch)]
    fn own_property(target: &JsValue, key: &str) -> Result<JsValue, JsValue>;
}

/// How deep and how many values `checkOptions` reads; options are small, so anything
/// past this is reported as not checked rather than walked.
const MAX_DEPTH: usize = 32;
const MAX_VALUES: usize = 5_000;

/// `{ code, title, hint }` for any thrown value: the first of the error and its causes
/// that the table knows, else `unknown`.
#[wasm_bindgen(
    js_name = explainError,
    unchecked_return_type = "{ code: string; title: string; hint: string }"
)]
pub fn explain_error(#[wasm_bindgen(unchecked_param_type = "unknown")] error: JsValue) -> Object {
    let mut current = error;
    let mut answer = explain::unknown();
    for _ in 0..4 {
        let (facts, cause) = read_facts(&current);
        if let Some(a) = facts.as_ref().and_then(explain::explain) {
            answer = a;
            break;
        }
        match cause {
            Some(c) => current = c,
            None => break,
        }
    }
    let out = Object::new();
    set(&out, "code", &answer.row.code.into());
    set(&out, "title", &answer.row.title.into());
    set(&out, "hint", &answer.hint().into());
    out
}

/// The diagnostics for `options` on a page at `origin` (a string, or anything else for
/// none).
#[wasm_bindgen(js_name = checkOptions, unchecked_return_type = "object[]")]
pub fn check_options(
    #[wasm_bindgen(unchecked_param_type = "unknown")] options: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] origin: JsValue,
) -> Array {
    let tree = Reader::new().read(&options, 0);
    let origin = origin.as_string();
    options::check(&tree, origin.as_deref())
        .iter()
        .map(|d| JsValue::from(diagnostic(d)))
        .collect()
}

fn diagnostic(d: &Diagnostic) -> Object {
    let o = Object::new();
    set(&o, "severity", &d.severity.as_str().into());
    set(&o, "code", &d.code.into());
    set(&o, "path", &d.path.as_str().into());
    set(&o, "message", &d.message.as_str().into());
    if let Some(hint) = d.hint {
        set(&o, "hint", &hint.into());
    }
    if let Some(s) = &d.suggestion {
        set(&o, "suggestion", &s.as_str().into());
    }
    o
}

/// The facts about a thrown value, and what to look at next: its `cause`, or the error
/// inside ChatKit's `onError` detail (`{ error }`). A thrown string is its own message.
fn read_facts(v: &JsValue) -> (Option<Facts>, Option<JsValue>) {
    if let Some(message) = v.as_string() {
        let facts = Facts {
            message,
            ..Facts::default()
        };
        return (Some(facts), None);
    }
    let name = string(v, "name");
    let message = string(v, "message");
    if name.is_none() && message.is_none() {
        return (None, get(v, "error"));
    }
    let status = get(v, "status")
        .or_else(|| get(v, "statusCode"))
        .and_then(|s| s.as_f64())
        .filter(|s| s.fract() == 0.0 && (100.0..=599.0).contains(s))
        .map(|s| s as u16);
    let facts = Facts {
        name: name.unwrap_or_default(),
        message: message.unwrap_or_default(),
        code: string(v, "code"),
        hint: string(v, "hint"),
        status,
    };
    (Some(facts), get(v, "cause"))
}

/// Reads options the way `useChatKit` does: own enumerable string keys; plain objects
/// are those whose prototype is `Object.prototype` or `null`.
struct Reader {
    object_prototype: Option<JsValue>,
    ancestors: Vec<JsValue>,
    budget: usize,
}

impl Reader {
    fn new() -> Reader {
        Reader {
            object_prototype: Reflect::get_prototype_of(&Object::new())
                .ok()
                .map(Into::into),
            ancestors: Vec::new(),
            budget: MAX_VALUES,
        }
    }

    fn read(&mut self, v: &JsValue, depth: usize) -> Value {
        if let Some(s) = v.as_string() {
            return Value::Str(s);
        }
        if v.is_function() {
            return Value::Function;
        }
        if !v.is_object() {
            return Value::Other;
        }
        if self.ancestors.iter().any(|a| Object::is(a, v)) {
            return Value::Cycle;
        }
        if depth >= MAX_DEPTH || self.budget == 0 {
            return Value::Unread;
        }
        self.budget -= 1;
        if is_array(v).unwrap_or(false) {
            return self.within(v, |r| {
                let len = get(v, "length").and_then(|l| l.as_f64()).unwrap_or(0.0);
                let len = len.clamp(0.0, MAX_VALUES as f64) as u32;
                Value::Array(
                    (0..len)
                        .map(|i| match Reflect::get_u32(v, i) {
                            Ok(item) => r.read(&item, depth + 1),
                            Err(_) => Value::Other,
                        })
                        .collect(),
                )
            });
        }
        let proto = match Reflect::get_prototype_of(v) {
            Ok(p) => JsValue::from(p),
            Err(_) => return Value::Unread,
        };
        let plain = proto.is_null()
            || self
                .object_prototype
                .as_ref()
                .is_some_and(|op| Object::is(op, &proto));
        if !plain {
            return Value::NonPlain(kind(v, &proto));
        }
        let Ok(names) = own_keys(v) else {
            return Value::Unread;
        };
        self.within(v, |r| {
            Value::Object(
                names
                    .iter()
                    .filter_map(|k| k.as_string())
                    .map(|k| {
                        let item = match Reflect::get(v, &JsValue::from_str(&k)) {
                            Ok(item) => r.read(&item, depth + 1),
                            Err(_) => Value::Other,
                        };
                        (k, item)
                    })
                    .collect(),
            )
        })
    }

    fn within(&mut self, v: &JsValue, f: impl FnOnce(&mut Reader) -> Value) -> Value {
        self.ancestors.push(v.clone());
        let out = f(self);
        self.ancestors.pop();
        out
    }
}

/// What a non-plain object is: its constructor's name, and whether wasm-bindgen made it
/// (its instances carry an own `__wbg_ptr`).
fn kind(v: &JsValue, proto: &JsValue) -> Kind {
    let class = get(proto, "constructor")
        .and_then(|c| get(&c, "name"))
        .and_then(|n| n.as_string())
        .filter(|n| !n.is_empty());
    let wasm_bindgen = own_property(v, "__wbg_ptr")
        .map(|d| !d.is_undefined())
        .unwrap_or(false);
    Kind {
        class,
        wasm_bindgen,
    }
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    if !target.is_object() && !target.is_function() {
        return None;
    }
    Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined())
}

fn string(target: &JsValue, key: &str) -> Option<String> {
    get(target, key).and_then(|v| v.as_string())
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Defining a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

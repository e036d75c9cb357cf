//! Reading an options object given from JavaScript: unknown keys and wrong types are
//! `invalid_config` naming the option (`ClientSecretSource: authToken must be a
//! function`). Ranges are the core's.

use crate::core::text::cat;
use crate::core::GlueError;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

pub struct Options<'a> {
    obj: &'a JsValue,
    what: &'static str,
}

impl<'a> Options<'a> {
    /// `obj` must be an object (or undefined, read as `{}`) whose own keys are all in
    /// `allowed`.
    pub fn new(obj: &'a JsValue, what: &'static str, allowed: &[&str]) -> Result<Self, GlueError> {
        let o = Options { obj, what };
        if obj.is_undefined() {
            return Ok(o);
        }
        if !obj.is_object() || js_sys::Array::is_array(obj) {
            return Err(o.error("options", "an object"));
        }
        for key in Object::keys(obj.unchecked_ref::<Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !allowed.contains(&key.as_str()) {
                return Err(GlueError::invalid_config(cat(&[
                    what,
                    ": unknown option ",
                    &key,
                ])));
            }
        }
        Ok(o)
    }

    pub fn get(&self, key: &str) -> JsValue {
        if self.obj.is_undefined() {
            return JsValue::UNDEFINED;
        }
        Reflect::get(self.obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    pub fn error(&self, key: &str, kind: &str) -> GlueError {
        GlueError::invalid_config(cat(&[self.what, ": ", key, " must be ", kind]))
    }

    /// A string, or `None` when undefined.
    pub fn string(&self, key: &str) -> Result<Option<String>, GlueError> {
        let v = self.get(key);
        if v.is_undefined() {
            return Ok(None);
        }
        v.as_string()
            .map(Some)
            .ok_or_else(|| self.error(key, "a string"))
    }

    /// A function, or `None` when undefined.
    pub fn function(&self, key: &str) -> Result<Option<Function>, GlueError> {
        let v = self.get(key);
        if v.is_undefined() {
            return Ok(None);
        }
        v.dyn_into()
            .map(Some)
            .map_err(|_| self.error(key, "a function"))
    }

    /// A number, or `None` when undefined; any other value is `NaN`, which every range
    /// of the core refuses.
    pub fn number(&self, key: &str) -> Option<f64> {
        let v = self.get(key);
        (!v.is_undefined()).then(|| v.as_f64().unwrap_or(f64::NAN))
    }

    /// A boolean; undefined is false.
    pub fn boolean(&self, key: &str) -> Result<bool, GlueError> {
        let v = self.get(key);
        if v.is_undefined() {
            return Ok(false);
        }
        v.as_bool().ok_or_else(|| self.error(key, "a boolean"))
    }
}

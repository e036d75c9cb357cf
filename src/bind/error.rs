//! A [`GlueError`] becomes a JavaScript `Error` named `ChatKitGlueError`.

use crate::core::GlueError;
use js_sys::{Error, Object, Reflect};
use wasm_bindgen::JsValue;

/// Builds the JavaScript error, with `cause` when there is one (a caller's abort
/// reason, a handler's own error).
pub fn to_js(err: &GlueError, cause: Option<&JsValue>) -> JsValue {
    let js = Error::new(&err.message);
    js.set_name("ChatKitGlueError");
    let obj: &Object = js.as_ref();
    set(obj, "code", &JsValue::from_str(err.code.as_str()));
    set(obj, "retryable", &JsValue::from_bool(err.retryable));
    if let Some(status) = err.status {
        set(obj, "status", &JsValue::from(status));
    }
    if let Some(hint) = &err.hint {
        set(obj, "hint", &JsValue::from_str(hint));
    }
    if let Some(cause) = cause {
        set(obj, "cause", cause);
    }
    js.into()
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Setting a data property on a fresh Error cannot fail; if an engine ever refuses,
    // the error is still thrown without that field rather than replaced by another.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

impl From<GlueError> for JsValue {
    fn from(err: GlueError) -> JsValue {
        to_js(&err, None)
    }
}

//! Every promise the module returns goes through [`spawn`], so the module holds a single
//! copy of the future-to-promise machinery instead of one per async export.

use js_sys::Promise;
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::future_to_promise;

/// A boxed task: one concrete future type for every async export.
pub type Task = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

/// Runs `task` on the module's executor and returns its promise.
pub fn spawn(task: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    let task: Task = Box::pin(task);
    future_to_promise(task)
}

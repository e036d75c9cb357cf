//! Facts about the build that the package's tests and the facade read.

use crate::core::ErrorCode;
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// Every error code, in the order of the public error table. The packaging tests compare
/// it with the `GlueErrorCode` union of the published `.d.ts`.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "string[]")]
pub fn error_codes() -> Array {
    ErrorCode::ALL
        .iter()
        .map(|c| JsValue::from_str(c.as_str()))
        .collect()
}

/// The crate version this module was built from.
#[wasm_bindgen(js_name = buildVersion)]
pub fn build_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Traps the module on purpose, at once or inside a task of its executor: the package's
/// tests use it to check that a trap fails pending and later calls with `internal`
/// instead of hanging. Not part of the public facade.
#[wasm_bindgen(js_name = __trapForTests)]
pub fn trap_for_tests(in_task: bool) -> js_sys::Promise {
    if !in_task {
        core::arch::wasm32::unreachable()
    }
    super::task::spawn(async { core::arch::wasm32::unreachable() })
}

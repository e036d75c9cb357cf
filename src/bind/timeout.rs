//! `withTimeout(work, ms, { signal? })`.

use super::error::to_js;
use super::listener::AbortFuture;
use super::task::spawn;
use crate::core::race::{first, Either};
use crate::core::timeout::{aborted_by_caller, deadline_ms, timed_out};
use crate::core::GlueError;
use gloo_timers::future::TimeoutFuture;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

const WHAT: &str = "withTimeout";

/// Runs `work` (a promise, or a function given an `AbortSignal` that returns one) with
/// a deadline. On timeout the promise rejects with `timeout` and the signal handed to
/// `work` is aborted; when the caller's signal fires it rejects with `aborted`. The
/// work's own result or rejection passes through unchanged. Timers and listeners are
/// released as soon as it settles.
#[wasm_bindgen(js_name = withTimeout, unchecked_return_type = "Promise<unknown>")]
pub fn with_timeout(
    #[wasm_bindgen(unchecked_param_type = "unknown")] work: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] ms: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] options: JsValue,
) -> Promise {
    spawn(run(work, ms, options))
}

async fn run(work: JsValue, ms: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let ms = ms.as_f64().ok_or_else(|| {
        GlueError::invalid_config("withTimeout: ms must be a number of milliseconds")
    })?;
    let ms = deadline_ms(ms)?;
    let caller = caller_signal(&options)?;
    if let Some(signal) = &caller {
        if signal.aborted() {
            return Err(to_js(&aborted_by_caller(WHAT), Some(&signal.reason())));
        }
    }

    let controller = AbortController::new()?;
    let promise = start(&work, &controller.signal())?;

    let deadline = TimeoutFuture::new(ms);
    let outcome = match &caller {
        Some(signal) => {
            match first(
                JsFuture::from(promise),
                first(deadline, AbortFuture::new(signal)),
            )
            .await
            {
                Either::Left(result) => return result,
                Either::Right(Either::Left(())) => Deadline::Passed,
                Either::Right(Either::Right(())) => Deadline::Aborted(signal.reason()),
            }
        }
        None => match first(JsFuture::from(promise), deadline).await {
            Either::Left(result) => return result,
            Either::Right(()) => Deadline::Passed,
        },
    };

    let err = match outcome {
        Deadline::Passed => to_js(&timed_out(WHAT, ms), None),
        Deadline::Aborted(reason) => to_js(&aborted_by_caller(WHAT), Some(&reason)),
    };
    controller.abort_with_reason(&err);
    Err(err)
}

enum Deadline {
    Passed,
    Aborted(JsValue),
}

/// The caller's `signal`, if the options carry one.
fn caller_signal(options: &JsValue) -> Result<Option<AbortSignal>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    if !options.is_object() {
        return Err(GlueError::invalid_config("withTimeout: options must be an object").into());
    }
    let signal = Reflect::get(options, &JsValue::from_str("signal"))?;
    if signal.is_undefined() || signal.is_null() {
        return Ok(None);
    }
    signal.dyn_into::<AbortSignal>().map(Some).map_err(|_| {
        GlueError::invalid_config("withTimeout: options.signal must be an AbortSignal").into()
    })
}

/// Starts the work. A function is called with the signal; what it returns (or throws)
/// becomes the promise to wait on, so a synchronous throw passes through as the
/// rejection. A promise or other thenable is waited on as it is.
fn start(work: &JsValue, signal: &AbortSignal) -> Result<Promise, JsValue> {
    if let Some(f) = work.dyn_ref::<Function>() {
        let value = f.call1(&JsValue::UNDEFINED, signal)?;
        return Ok(Promise::resolve(&value));
    }
    if is_thenable(work) {
        return Ok(Promise::resolve(work));
    }
    Err(GlueError::invalid_config(
        "withTimeout: work must be a promise or a function (signal) => promise",
    )
    .into())
}

fn is_thenable(value: &JsValue) -> bool {
    value.is_object()
        && Reflect::get(value, &JsValue::from_str("then"))
            .map(|then| then.is_function())
            .unwrap_or(false)
}

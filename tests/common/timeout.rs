//! `withTimeout` through the binding layer's export.

use chatkit_glue::bind::timeout::with_timeout;
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

#[wasm_bindgen(inline_js = r#"
export function never() { return new Promise(() => {}); }
export function later(ms, value) { return new Promise((r) => setTimeout(() => r(value), ms)); }
export function rejectLater(ms, reason) { return new Promise((_, j) => setTimeout(() => j(reason), ms)); }
export function recordSignal(box) {
  return (signal) => { box.signal = signal; box.calls = (box.calls || 0) + 1; return new Promise(() => {}); };
}
export function throwing(error) { return () => { throw error; }; }
export function countListeners(signal) {
  const counts = { added: 0, removed: 0 };
  const add = signal.addEventListener.bind(signal), remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = (...a) => { counts.added++; return add(...a); };
  signal.removeEventListener = (...a) => { counts.removed++; return remove(...a); };
  return counts;
}
export function countClearTimeout() {
  const counts = { cleared: 0 };
  const original = globalThis.clearTimeout;
  globalThis.clearTimeout = (id) => { counts.cleared++; return original(id); };
  counts.restore = () => { globalThis.clearTimeout = original; };
  return counts;
}
"#)]
extern "C" {
    fn never() -> Promise;
    fn later(ms: u32, value: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = rejectLater)]
    fn reject_later(ms: u32, reason: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = recordSignal)]
    fn record_signal(record: &Object) -> JsValue;
    fn throwing(error: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = countListeners)]
    fn count_listeners(signal: &AbortSignal) -> Object;
    #[wasm_bindgen(js_name = countClearTimeout)]
    fn count_clear_timeout() -> Object;
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap()
}

fn num(obj: &JsValue, key: &str) -> f64 {
    get(obj, key).as_f64().unwrap_or(0.0)
}

fn signal_options(signal: &AbortSignal) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"signal".into(), signal).unwrap();
    o.into()
}

async fn settle(p: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(p).await
}

fn assert_glue_error(err: &JsValue, code: &str, retryable: bool) {
    let e: &js_sys::Error = err.dyn_ref().expect("an Error object");
    assert_eq!(String::from(e.name()), "ChatKitGlueError");
    assert_eq!(get(err, "code").as_string().as_deref(), Some(code));
    assert_eq!(get(err, "retryable").as_bool(), Some(retryable));
}

pub async fn resolves_with_the_works_value() {
    let v = settle(with_timeout(
        later(5, &"done".into()).into(),
        1000.into(),
        JsValue::UNDEFINED,
    ))
    .await;
    assert_eq!(v.unwrap().as_string().as_deref(), Some("done"));
}

pub async fn the_works_rejection_passes_through_unchanged() {
    let reason = js_sys::Error::new("user failure");
    let err = settle(with_timeout(
        reject_later(5, &reason).into(),
        1000.into(),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert!(Object::is(&err, &reason), "the same object, not a wrapper");

    let thrown = js_sys::Error::new("sync throw");
    let err = settle(with_timeout(
        throwing(&thrown),
        1000.into(),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert!(Object::is(&err, &thrown));
}

pub async fn times_out_and_aborts_the_works_signal() {
    let record = Object::new();
    let err = settle(with_timeout(
        record_signal(&record),
        20.into(),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_glue_error(&err, "timeout", true);
    let message = js_sys::Error::from(err.clone()).message();
    assert_eq!(String::from(message), "withTimeout timed out after 20 ms");
    assert_eq!(num(&record, "calls"), 1.0);
    let signal: AbortSignal = get(&record, "signal")
        .dyn_into()
        .expect("work got an AbortSignal");
    assert!(signal.aborted());
    assert!(
        Object::is(&signal.reason(), &err),
        "the signal's reason is the timeout error"
    );
}

pub async fn the_callers_signal_gives_aborted() {
    let controller = AbortController::new().unwrap();
    let record = Object::new();
    let p = with_timeout(
        record_signal(&record),
        5000.into(),
        signal_options(&controller.signal()),
    );
    let reason = JsValue::from_str("user left");
    JsFuture::from(later(5, &JsValue::UNDEFINED)).await.unwrap();
    controller.abort_with_reason(&reason);
    let err = settle(p).await.unwrap_err();
    assert_glue_error(&err, "aborted", false);
    assert_eq!(get(&err, "cause").as_string().as_deref(), Some("user left"));
    let signal: AbortSignal = get(&record, "signal").dyn_into().unwrap();
    assert!(signal.aborted(), "the work's signal is aborted too");
}

pub async fn an_already_aborted_signal_never_starts_the_work() {
    let controller = AbortController::new().unwrap();
    controller.abort();
    let record = Object::new();
    let err = settle(with_timeout(
        record_signal(&record),
        1000.into(),
        signal_options(&controller.signal()),
    ))
    .await
    .unwrap_err();
    assert_glue_error(&err, "aborted", false);
    assert_eq!(num(&record, "calls"), 0.0);
}

pub async fn bad_input_is_invalid_config() {
    let cases: Vec<(JsValue, JsValue, JsValue)> = vec![
        (
            never().into(),
            JsValue::from_f64(f64::NAN),
            JsValue::UNDEFINED,
        ),
        (never().into(), JsValue::from_f64(-1.0), JsValue::UNDEFINED),
        (
            never().into(),
            JsValue::from_f64(f64::INFINITY),
            JsValue::UNDEFINED,
        ),
        (never().into(), JsValue::from_str("100"), JsValue::UNDEFINED),
        (JsValue::UNDEFINED, 100.into(), JsValue::UNDEFINED),
        (JsValue::from_f64(42.0), 100.into(), JsValue::UNDEFINED),
        (never().into(), 100.into(), JsValue::from_str("fast")),
        (never().into(), 100.into(), {
            let o = Object::new();
            Reflect::set(&o, &"signal".into(), &"not a signal".into()).unwrap();
            o.into()
        }),
    ];
    for (work, ms, options) in cases {
        let err = settle(with_timeout(work, ms, options)).await.unwrap_err();
        assert_glue_error(&err, "invalid_config", false);
    }
}

pub async fn settling_releases_the_timer_and_the_listener() {
    let controller = AbortController::new().unwrap();
    let listeners = count_listeners(&controller.signal());
    let timers = count_clear_timeout();
    let v = settle(with_timeout(
        later(1, &1.into()).into(),
        60_000.into(),
        signal_options(&controller.signal()),
    ))
    .await
    .unwrap();
    let cleared = num(&timers, "cleared");
    let restore: js_sys::Function = get(&timers, "restore").dyn_into().unwrap();
    restore.call0(&JsValue::UNDEFINED).unwrap();
    assert_eq!(v.as_f64(), Some(1.0));
    assert_eq!(num(&listeners, "added"), 1.0);
    assert_eq!(
        num(&listeners, "removed"),
        1.0,
        "the abort listener is removed on settle"
    );
    assert!(cleared >= 1.0, "the deadline timer is cleared on settle");
}

/// 10k calls, each creating a controller, a timer and a listener, leave the wasm heap
/// where it was.
pub async fn ten_thousand_calls_leave_the_heap_at_its_baseline() {
    use super::alloc::live_bytes;
    let controller = AbortController::new().unwrap();
    let run_batch = || async {
        let batch: Vec<Promise> = (0..100)
            .map(|i| {
                with_timeout(
                    Promise::resolve(&JsValue::from(i)).into(),
                    1000.into(),
                    signal_options(&controller.signal()),
                )
            })
            .collect();
        let all = js_sys::Promise::all(&batch.into_iter().collect::<js_sys::Array>());
        JsFuture::from(all).await.unwrap();
    };
    run_batch().await; // warm-up: executor queues reach their working size
    let baseline = live_bytes();
    for _ in 0..100 {
        run_batch().await;
    }
    assert_eq!(
        live_bytes(),
        baseline,
        "wasm heap bytes after 10k withTimeout calls"
    );
}

//! `ChatKitAnalytics`' exports: synchronous calls over [`Engine`], one per instance in a
//! slab. Numbers in and out; text through the I/O buffer ([`super::io`]): an event's
//! data crosses once, as the text of the facade's `JSON.stringify`, and the core redacts
//! it at every depth. A call that queues answers `pending error + 2 * due + 8 *
//! emitted` (see `report`): the emitted events (with `beforeSend`) are lines of JSON in
//! the buffer, and a pending error is read with [`analytics_error`]. No `JsValue`, no
//! class, no js-sys.

use super::io::{fail, field, input, output};
use crate::core::analytics::engine::{redact_message, Data, Engine, Take, METRICS_LEN};
use crate::core::record::Field;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::UnsafeCell;
use wasm_bindgen::prelude::*;

struct Slab(UnsafeCell<Vec<Option<Engine>>>);
// One thread (wasm32 without shared memory); no export re-enters another.
unsafe impl Sync for Slab {}
static ENGINES: Slab = Slab(UnsafeCell::new(Vec::new()));

#[allow(clippy::mut_from_ref)]
fn engines() -> &'static mut Vec<Option<Engine>> {
    // SAFETY: see `Slab`.
    unsafe { &mut *ENGINES.0.get() }
}

fn with<T>(handle: u32, f: impl FnOnce(&mut Engine) -> T) -> Option<T> {
    engines().get_mut(handle as usize)?.as_mut().map(f)
}

/// What a call that queues answers: `pending error + 2 * due + 8 * emitted`, with the
/// emitted events (one JSON text a line) in the buffer when there are any. `due`: 0
/// nothing to send, 1 send now, 2 later (ask [`analytics_due`] how long).
fn report(handle: u32, mono: f64, out: &[String]) -> f64 {
    if !out.is_empty() {
        output(&out.join("\n"));
    }
    let (pending, due) = with(handle, |e| {
        let due = match e.due(mono) {
            None => 0.0,
            Some(ms) if ms <= 0.0 => 1.0,
            Some(_) => 2.0,
        };
        (e.has_error(), due)
    })
    .unwrap_or((false, 0.0));
    f64::from(u8::from(pending)) + 2.0 * due + 8.0 * out.len() as f64
}

/// `kind` 0 no data, 1 JSON text, 2 `JSON.stringify` threw.
fn data(kind: u32, json: &str) -> Data<'_> {
    match kind {
        1 => Data::Json(json),
        2 => Data::Unencodable,
        _ => Data::None,
    }
}

/// An analytics engine from the options (a plain value of `len` bytes in the buffer):
/// `2 * handle + sending`, or a negative number with `invalid_config` in the buffer.
/// `ready_from`: the monotonic time time-to-ready counts from.
#[wasm_bindgen]
pub fn analytics_new(len: usize, ready_from: f64) -> f64 {
    let options = field(len).unwrap_or(Field::Other);
    match Engine::new(options, ready_from) {
        Ok(engine) => {
            let sending = engine.sending();
            let all = engines();
            let slot = all.iter().position(Option::is_none).unwrap_or(all.len());
            if slot == all.len() {
                all.push(None);
            }
            all[slot] = Some(engine);
            2.0 * slot as f64 + f64::from(u8::from(sending))
        }
        Err(e) => f64::from(fail(&e)),
    }
}

/// Releases an engine.
#[wasm_bindgen]
pub fn analytics_free(handle: u32) {
    if let Some(slot) = engines().get_mut(handle as usize) {
        *slot = None;
    }
}

/// `sendTimeoutMs`, as checked.
#[wasm_bindgen]
pub fn analytics_send_timeout(handle: u32) -> f64 {
    with(handle, |e| e.send_timeout_ms()).unwrap_or(f64::NAN)
}

/// `handlers()` was first called at `mono`: time-to-ready counts from there.
#[wasm_bindgen]
pub fn analytics_mark(handle: u32, mono: f64) {
    with(handle, |e| e.mark(mono));
}

/// One event: the buffer's `len` bytes are `json \x1f type` (JSON text never holds a raw
/// U+001F, the type may); `data` says what the JSON part is (see [`data`]). `at` epoch
/// ms, `mono` monotonic ms, `duration` NaN when the event brought none.
#[wasm_bindgen]
pub fn analytics_observe(
    handle: u32,
    len: usize,
    data_kind: u32,
    at: f64,
    mono: f64,
    duration: f64,
) -> f64 {
    let text = input(len).unwrap_or_default();
    let (json, kind) = text.split_once('\x1f').unwrap_or(("", &text));
    let duration = (!duration.is_nan()).then_some(duration);
    let mut out = Vec::new();
    with(handle, |e| {
        e.observe(kind, at, mono, data(data_kind, json), duration, &mut out)
    });
    report(handle, mono, &out)
}

/// The object is being disposed: a running response is abandoned (answered as
/// [`analytics_observe`] answers).
#[wasm_bindgen]
pub fn analytics_dispose(handle: u32, at: f64, mono: f64) -> f64 {
    let mut out = Vec::new();
    with(handle, |e| e.dispose(at, mono, &mut out));
    report(handle, mono, &out)
}

/// An event `beforeSend` returned, as the plain value `{ type, id, at, sessionId,
/// threadId, durationMs, data?, unencodable? }` (`data`: its data's JSON text).
#[wasm_bindgen]
pub fn analytics_encode(handle: u32, len: usize, mono: f64) -> f64 {
    let event = field(len).unwrap_or(Field::Other);
    let json = event.get("data").and_then(Field::as_str);
    let data = match (json, event.get("unencodable")) {
        (_, Some(Field::Bool(true))) => Data::Unencodable,
        (Some(json), _) => Data::Json(json),
        _ => Data::None,
    };
    with(handle, |e| e.encode(&event, data, mono));
    report(handle, mono, &[])
}

/// `beforeSend` threw: the event is counted lost.
#[wasm_bindgen]
pub fn analytics_lose(handle: u32) {
    with(handle, Engine::lose);
}

/// The next batch: its id (0 when there is none) with its body in the buffer. `mode`:
/// 0 the scheduler's, 1 `flush()`, 2 the first of a page-hide round, 3 the next.
#[wasm_bindgen]
pub fn analytics_take(handle: u32, mode: u32, epoch: f64, mono: f64) -> f64 {
    let how = match mode {
        0 => Take::Normal,
        1 => Take::Flush,
        2 => Take::HideFirst,
        _ => Take::HideNext,
    };
    match with(handle, |e| e.take(how, epoch, mono)).flatten() {
        Some(batch) => {
            output(&batch.body);
            f64::from(batch.id)
        }
        None => 0.0,
    }
}

/// A send's outcome: `status` an HTTP status (200 for a sink that resolved), 0 a failure,
/// -1 not sent; the buffer's `len` bytes are `retryAfter \x1f date` (the response's
/// headers, empty when absent). Answered as [`analytics_observe`] answers.
#[wasm_bindgen]
pub fn analytics_settle(
    handle: u32,
    id: u32,
    status: i32,
    mono: f64,
    epoch: f64,
    random: f64,
    len: usize,
) -> f64 {
    let text = input(len).unwrap_or_default();
    let (retry_after, date) = text.split_once('\x1f').unwrap_or((&text, ""));
    with(handle, |e| {
        e.settle(id, status, mono, retry_after, date, epoch, random)
    });
    report(handle, mono, &[])
}

/// Milliseconds until the scheduler should send: -1 nothing to do, 0 now.
#[wasm_bindgen]
pub fn analytics_due(handle: u32, mono: f64) -> f64 {
    with(handle, |e| e.due(mono)).flatten().unwrap_or(-1.0)
}

/// The problem to report to `onError` (once): a negative number with the error in the
/// buffer, or 0.
#[wasm_bindgen]
pub fn analytics_error(handle: u32) -> i32 {
    match with(handle, Engine::take_error).flatten() {
        Some(e) => fail(&e),
        None => 0,
    }
}

struct Numbers(UnsafeCell<[f64; METRICS_LEN]>);
// One thread; see `Slab`.
unsafe impl Sync for Numbers {}
static METRICS: Numbers = Numbers(UnsafeCell::new([0.0; METRICS_LEN]));

/// `metrics()`: the address of [`METRICS_LEN`] `f64`s (NaN for null), in the order of
/// [`Engine::metrics`], valid until the next call.
#[wasm_bindgen]
pub fn analytics_metrics(handle: u32) -> *const f64 {
    let m = with(handle, |e| e.metrics()).unwrap_or([0.0; METRICS_LEN]);
    // SAFETY: one thread, and the facade reads the numbers before its next call.
    let slot = unsafe { &mut *METRICS.0.get() };
    *slot = m;
    slot.as_ptr()
}

/// The buffer's `len` bytes of text with token-shaped substrings replaced (error
/// messages before they reach `onError`). Returns the answer's length.
#[wasm_bindgen]
pub fn analytics_redact(len: usize) -> u32 {
    let text = input(len).unwrap_or_default();
    output(&redact_message(&text))
}

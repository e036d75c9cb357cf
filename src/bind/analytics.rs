//! `ChatKitAnalytics`' exports: synchronous calls over [`Engine`], one per instance in a
//! slab. Numbers in and out; text through the I/O buffer ([`super::io`]): an event's
//! data crosses once, as the text of the facade's `JSON.stringify`, and the core redacts
//! it at every depth. Events cross in runs ([`analytics_observe`]): the facade stages
//! the events of one task (their numbers in one array, their text in one string) and
//! hands them over together, so a burst costs one `encodeInto` and one call per run,
//! not per event. A call that queues answers `pending error + 2 * due + 8 *
//! emitted` (see `report`): the emitted events (with `beforeSend`) are lines of JSON in
//! the buffer, and a pending error is read with [`analytics_error`]. No `JsValue`, no
//! class, no js-sys.

use super::io::{fail, field, input, output, with_bytes};
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
        // (`join`'s generic copy weighs a kilobyte in the module.)
        let mut lines = String::new();
        for (i, line) in out.iter().enumerate() {
            if i > 0 {
                lines.push('\n');
            }
            lines.push_str(line);
        }
        output(&lines);
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

/// The numbers of one event in a run: data kind (see [`data`]), the type's length in
/// UTF-16 code units, `at` epoch ms, `mono` monotonic ms (NaN: the run's time, for types
/// other than [`crate::core::analytics::TIMED`]), duration (NaN for none); `f64`s,
/// little-endian.
pub const EVENT_NUMBERS: usize = 5;

/// `s` split after its first `units` UTF-16 code units (what a JavaScript string's
/// `length` counts; `encodeInto` writes a lone surrogate as U+FFFD, one unit too): a
/// character is one unit, two when it takes four bytes in UTF-8.
fn split_units(s: &str, units: usize) -> (&str, &str) {
    let mut left = units;
    let mut end = 0;
    for &b in s.as_bytes() {
        // Every byte but a continuation byte starts a character.
        if b & 0xC0 != 0x80 {
            if left == 0 {
                break;
            }
            left = left.saturating_sub(1 + usize::from(b >= 0xF0));
        }
        end += 1;
    }
    (
        s.get(..end).unwrap_or_default(),
        s.get(end..).unwrap_or_default(),
    )
}

/// A run of `count` events, in the order they happened. The buffer's `len` bytes hold
/// their numbers first ([`EVENT_NUMBERS`] each), then each one's `json \x1f type`, one
/// after the other (JSON text never holds a raw U+001F; the type may, so its length is
/// among the numbers). `mono`: now, for the answer's `due` and for the events without a
/// monotonic time. Answered as [`report`] says, with every event emitted and every error
/// raised by the whole run.
#[wasm_bindgen]
pub fn analytics_observe(handle: u32, len: usize, count: usize, mono: f64) -> f64 {
    let mut out = Vec::new();
    with_bytes(len, |bytes| {
        let split = (count * EVENT_NUMBERS * 8).min(bytes.len());
        let (numbers, text) = bytes.split_at(split);
        let mut rest = crate::core::text::utf8(text).unwrap_or_default();
        for n in numbers.chunks_exact(EVENT_NUMBERS * 8) {
            let mut v = [0.0; EVENT_NUMBERS];
            for (x, b) in v.iter_mut().zip(n.chunks_exact(8)) {
                *x = f64::from_le_bytes(b.try_into().unwrap_or_default());
            }
            let [kind, units, at, when, duration] = v;
            let sep = rest.bytes().position(|b| b == 0x1f).unwrap_or(rest.len());
            let json = rest.get(..sep).unwrap_or_default();
            let (type_, tail) =
                split_units(rest.get(sep + 1..).unwrap_or_default(), units as usize);
            rest = tail;
            let when = if when.is_nan() { mono } else { when };
            let duration = Some(duration).filter(|d| !d.is_nan());
            with(handle, |e| {
                e.observe(type_, at, when, data(kind as u32, json), duration, &mut out)
            });
        }
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

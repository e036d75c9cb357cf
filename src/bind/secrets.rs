//! `ClientSecretSource`'s exports: synchronous calls over [`Source`], one per instance
//! in a slab. Each answers the next thing to do as one number, `kind + 8 * arg`, with
//! any text in the I/O buffer (see `NEXT_*`); a negative number is an error there.
//! The facade performs the step (asks `authToken`, POSTs, sleeps) and reports back.

use super::io::{fail, field, input, output};
use crate::core::float;
use crate::core::record::Field;
use crate::core::secrets::event::SecretEvent;
use crate::core::secrets::operation::TokenResult;
use crate::core::secrets::source::{read_body, Next, Source};
use crate::core::secrets::Endpoint;
use crate::core::text::push_u64;
use crate::core::{ErrorCode, GlueError};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::UnsafeCell;
use wasm_bindgen::prelude::*;

/// Resolve with the secret in the buffer.
const NEXT_SECRET: f64 = 0.0;
/// Call `authToken()`; arg: the deadline in ms.
const NEXT_TOKEN: f64 = 1.0;
/// POST to `/start`; arg: the deadline; buffer: `token \x1f replacing`.
const NEXT_SEND_START: f64 = 2.0;
/// POST to `/refresh`; as above.
const NEXT_SEND_REFRESH: f64 = 3.0;
/// Sleep; arg: ms.
const NEXT_WAIT: f64 = 4.0;

struct Slab(UnsafeCell<Vec<Option<Source>>>);
// One thread (wasm32 without shared memory); no export re-enters another.
unsafe impl Sync for Slab {}
static SOURCES: Slab = Slab(UnsafeCell::new(Vec::new()));

#[allow(clippy::mut_from_ref)]
fn sources() -> &'static mut Vec<Option<Source>> {
    // SAFETY: see `Slab`.
    unsafe { &mut *SOURCES.0.get() }
}

fn with<T>(handle: u32, f: impl FnOnce(&mut Source) -> T) -> Option<T> {
    sources().get_mut(handle as usize)?.as_mut().map(f)
}

fn gone() -> GlueError {
    GlueError::aborted("getClientSecret was aborted: the ClientSecretSource was disposed")
}

/// A source from the options (a plain value of `len` bytes in the buffer): its handle,
/// or a negative number with `invalid_config` in the buffer.
#[wasm_bindgen]
pub fn secrets_new(len: usize, in_browser: bool, seed: f64) -> f64 {
    let options = field(len).unwrap_or(Field::Other);
    match Source::new(options, in_browser, seed) {
        Ok(source) => {
            let all = sources();
            let slot = all.iter().position(Option::is_none).unwrap_or(all.len());
            if slot == all.len() {
                all.push(None);
            }
            all[slot] = Some(source);
            slot as f64
        }
        Err(e) => f64::from(fail(&e)),
    }
}

/// Releases a source.
#[wasm_bindgen]
pub fn secrets_free(handle: u32) {
    if let Some(slot) = sources().get_mut(handle as usize) {
        *slot = None;
    }
}

/// `getClientSecret(current)` with nothing in flight; `current` is the buffer's `len`
/// bytes, or null when `len` is negative.
#[wasm_bindgen]
pub fn secrets_get(handle: u32, now: f64, len: i32) -> f64 {
    let current = usize::try_from(len).ok().and_then(input);
    answer(with(handle, |s| s.get(now, current.as_deref())))
}

/// `authToken()`'s outcome: 0 a string (the buffer's `len` bytes; negative `len`: null
/// or undefined), 1 it threw, 2 not a string, 3 timed out.
#[wasm_bindgen]
pub fn secrets_token(handle: u32, now: f64, kind: u32, len: i32) -> f64 {
    let result = match kind {
        0 => TokenResult::Token(
            usize::try_from(len)
                .ok()
                .and_then(input)
                .filter(|t| !t.is_empty()),
        ),
        1 => TokenResult::Threw,
        2 => TokenResult::NotAString,
        _ => TokenResult::TimedOut,
    };
    answer(with(handle, |s| s.token(now, result)))
}

/// An answer to a POST: `status`, and in the buffer the plain value `{ date?,
/// retryAfter?, json? }` (the headers, and the body as `JSON.parse` read it), or with
/// `text` instead of `json` when the body is not JSON.
#[wasm_bindgen]
pub fn secrets_reply(handle: u32, now: f64, status: u16, len: usize) -> f64 {
    let answer_value = field(len).unwrap_or(Field::Other);
    let text = |key| answer_value.get(key).and_then(Field::as_str);
    let body = read_body(answer_value.get("json"), text("text").unwrap_or(""));
    let (date, retry_after) = (text("date"), text("retryAfter"));
    answer(with(handle, |s| {
        s.reply(now, status, date, retry_after, body)
    }))
}

/// The POST's fetch rejected.
#[wasm_bindgen]
pub fn secrets_network_error(handle: u32, now: f64) -> f64 {
    answer(with(handle, |s| s.network_error(now)))
}

/// The current step's deadline passed.
#[wasm_bindgen]
pub fn secrets_timed_out(handle: u32, now: f64) -> f64 {
    answer(with(handle, |s| s.timed_out(now)))
}

/// A wait is over.
#[wasm_bindgen]
pub fn secrets_resume(handle: u32, now: f64) -> f64 {
    answer(with(handle, |s| s.resume(now)))
}

/// `clear()`: returns a negative number with the operation's `aborted` error in the
/// buffer when one was in flight, else 0.
#[wasm_bindgen]
pub fn secrets_clear(handle: u32, now: f64) -> f64 {
    match with(handle, |s| s.clear(now)).flatten() {
        Some(e) => f64::from(fail(&e)),
        None => 0.0,
    }
}

/// The cached secret's expiry (epoch ms), or NaN.
#[wasm_bindgen]
pub fn secrets_expires_at(handle: u32) -> f64 {
    with(handle, |s| s.expires_at())
        .flatten()
        .unwrap_or(f64::NAN)
}

/// The events since the last call, one per line:
/// `op \x1f phase \x1f attempt \x1f durationMs \x1f status \x1f code` (absent: empty).
/// Returns the text's length.
#[wasm_bindgen]
pub fn secrets_events(handle: u32) -> u32 {
    let events = with(handle, Source::take_events).unwrap_or_default();
    let mut text = String::new();
    for e in &events {
        line(&mut text, e);
    }
    output(&text)
}

fn line(out: &mut String, e: &SecretEvent) {
    out.push_str(e.op.as_str());
    out.push('\x1f');
    out.push_str(e.phase.as_str());
    out.push('\x1f');
    push_u64(out, u64::from(e.attempt));
    out.push('\x1f');
    if let Some(d) = e.duration_ms {
        // Whole milliseconds, never negative.
        push_u64(out, float::round(d.max(0.0)) as u64);
    }
    out.push('\x1f');
    if let Some(s) = e.status {
        push_u64(out, u64::from(s));
    }
    out.push('\x1f');
    if let Some(c) = e.code {
        out.push_str(c.as_str());
    }
    out.push('\n');
}

fn answer(next: Option<Next>) -> f64 {
    let next = next.unwrap_or_else(|| Next::Fail(gone()));
    let step = |kind: f64, arg: u32| kind + 8.0 * f64::from(arg);
    match next {
        Next::Secret(secret) => {
            output(&secret);
            NEXT_SECRET
        }
        Next::Token { timeout_ms } => step(NEXT_TOKEN, timeout_ms),
        Next::Send {
            endpoint,
            timeout_ms,
            token,
            replacing,
        } => {
            let mut text = token.unwrap_or_default();
            text.push('\x1f');
            text.push_str(replacing.as_deref().unwrap_or(""));
            output(&text);
            let kind = match endpoint {
                Endpoint::Start => NEXT_SEND_START,
                Endpoint::Refresh => NEXT_SEND_REFRESH,
            };
            step(kind, timeout_ms)
        }
        Next::Wait { ms } => step(NEXT_WAIT, ms),
        Next::Fail(e) => {
            debug_assert!(e.code != ErrorCode::LoadFailed);
            f64::from(fail(&e))
        }
    }
}

//! `createAuthFetch`'s exports: synchronous calls over the core's [`Client`], one per
//! `createAuthFetch` in a slab, and one slot per request in flight. The facade
//! (`pkg-template/src/auth-fetch.js`) owns fetch, the `Request`, timers, signals and the
//! body stream, and asks these at each point. Text crosses in the I/O buffer; a negative
//! answer means an error is there.

use super::io::{fail, field, input, output};
use crate::core::auth_fetch::body::{kind_of_tag, BodyKind};
use crate::core::auth_fetch::client::{AfterStatus, Client, Credential};
use crate::core::auth_fetch::origin::Origin;
use crate::core::auth_fetch::refresh::Sent;
use crate::core::record::Field;
use crate::core::text::push_u64;
use crate::core::GlueError;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::UnsafeCell;
use wasm_bindgen::prelude::*;

const SEP: char = '\x1f';

struct Request {
    client: u32,
    origin: Option<Origin>,
    sent: Option<Sent<String>>,
}

struct State {
    clients: Vec<Option<Client>>,
    requests: Vec<Option<Request>>,
}

struct Cell(UnsafeCell<State>);
// One thread (wasm32 without shared memory); no export re-enters another.
unsafe impl Sync for Cell {}
static STATE: Cell = Cell(UnsafeCell::new(State {
    clients: Vec::new(),
    requests: Vec::new(),
}));

fn state() -> &'static mut State {
    // SAFETY: see `Cell`.
    unsafe { &mut *STATE.0.get() }
}

fn insert<T>(all: &mut Vec<Option<T>>, value: T) -> u32 {
    let slot = all.iter().position(Option::is_none).unwrap_or(all.len());
    if slot == all.len() {
        all.push(None);
    }
    if let Some(s) = all.get_mut(slot) {
        *s = Some(value);
    }
    slot as u32
}

fn client(handle: u32) -> Option<&'static mut Client> {
    state().clients.get_mut(handle as usize)?.as_mut()
}

fn request(id: u32) -> Option<&'static mut Request> {
    state().requests.get_mut(id as usize)?.as_mut()
}

/// A string part of a value, or "" for anything else.
fn text(part: &Field) -> &str {
    part.as_str().unwrap_or_default()
}

fn gone() -> GlueError {
    GlueError::new(
        crate::core::ErrorCode::Internal,
        "authFetch: no such request",
    )
}

/// A client from the plain value `[options, pageOrigin, href...]` (`len` bytes in the
/// buffer, see `core::record`): its handle, or a negative number with `invalid_config`
/// in the buffer.
#[wasm_bindgen]
pub fn auth_fetch_new(len: usize) -> f64 {
    let mut parts = match field(len) {
        Some(Field::Array(parts)) => parts,
        _ => Vec::new(),
    };
    let options = if parts.is_empty() {
        Field::Other
    } else {
        parts.remove(0)
    };
    let page = parts.first().map(text).filter(|p| !p.is_empty());
    let normalised: Vec<&str> = parts.iter().skip(1).map(text).collect();
    match Client::new(options, &normalised, page) {
        Ok(c) => f64::from(insert(&mut state().clients, c)),
        Err(e) => f64::from(fail(&e)),
    }
}

#[wasm_bindgen]
pub fn auth_fetch_free(handle: u32) {
    if let Some(slot) = state().clients.get_mut(handle as usize) {
        *slot = None;
    }
}

/// The headers deadline, ms; `+ 2^31 *` idle is too wide, so the idle one has its own.
#[wasm_bindgen]
pub fn auth_fetch_headers_ms(handle: u32) -> u32 {
    client(handle).map_or(0, |c| c.headers_ms())
}

#[wasm_bindgen]
pub fn auth_fetch_idle_ms(handle: u32) -> u32 {
    client(handle).map_or(0, |c| c.idle_ms())
}

/// A request to the URL in the buffer (`href` from the platform's parser): its id
/// times 2, plus 1 when the token goes with it.
#[wasm_bindgen]
pub fn auth_fetch_begin(handle: u32, len: usize, has_authorization: bool) -> f64 {
    let href = input(len).unwrap_or_default();
    let Some(c) = client(handle) else {
        return f64::from(fail(&gone()));
    };
    let (origin, ours) = c.begin(&href, has_authorization);
    let id = insert(
        &mut state().requests,
        Request {
            client: handle,
            origin,
            sent: None,
        },
    );
    f64::from(id) * 2.0 + if ours { 1.0 } else { 0.0 }
}

#[wasm_bindgen]
pub fn auth_fetch_end(id: u32) {
    if let Some(slot) = state().requests.get_mut(id as usize) {
        *slot = None;
    }
}

/// `kind`: 0 no token, 1 text (`len` bytes in the buffer), 2 not a string, 3 threw.
fn credential(kind: u32, text: &str) -> Credential<'_> {
    match kind {
        0 => Credential::None,
        1 => Credential::Text(text),
        2 => Credential::NotAString,
        _ => Credential::Threw,
    }
}

/// The `token()` answer: 0 to send without a token, the Authorization value's length
/// (in the buffer), or an error.
#[wasm_bindgen]
pub fn auth_fetch_token(id: u32, kind: u32, len: usize) -> i32 {
    let text = input(len).unwrap_or_default();
    let Some(r) = request(id) else {
        return fail(&gone());
    };
    let Some(c) = client(r.client) else {
        return fail(&gone());
    };
    match c.token(credential(kind, &text)) {
        Ok(None) => 0,
        Ok(Some((sent, header))) => {
            r.sent = Some(sent);
            output(&header) as i32
        }
        Err(e) => fail(&e),
    }
}

/// The response's status: 0 deliver; `1 + 8 * flight` join; `2 + 8 * flight` call
/// `refreshToken()`, `3 + 8 * flight` call `token()`, then `auth_fetch_refreshed`;
/// 4 replay with the token in the buffer (ask `auth_fetch_replay`).
#[wasm_bindgen]
pub fn auth_fetch_status(id: u32, status: u16) -> f64 {
    let Some(r) = request(id) else { return 0.0 };
    let (Some(sent), Some(c)) = (&r.sent, client(r.client)) else {
        return 0.0;
    };
    match c.status(sent, status, r.origin.as_ref()) {
        AfterStatus::Deliver => 0.0,
        AfterStatus::Join(f) => 1.0 + 8.0 * f64::from(f),
        AfterStatus::Refresh {
            id,
            use_refresh_token,
        } => (if use_refresh_token { 2.0 } else { 3.0 }) + 8.0 * f64::from(id),
        AfterStatus::Replay(token) => {
            output(&token);
            4.0
        }
    }
}

/// A refresh ended (`rejected \x1f answer` in the buffer, `kind` as for the token):
/// 0 (no new token: the 401 stands), the new token's length in the buffer, or
/// `unauthorized`. It belongs to the client, not to the request that started it, so a
/// request abandoned meanwhile never leaves the refresh in flight.
#[wasm_bindgen]
pub fn auth_fetch_refreshed(handle: u32, kind: u32, len: usize) -> i32 {
    let text = input(len).unwrap_or_default();
    let (rejected, answer) = text.split_once(SEP).unwrap_or((&text, ""));
    let Some(c) = client(handle) else {
        return fail(&gone());
    };
    match c.refreshed(rejected, credential(kind, answer)) {
        Ok(None) => 0,
        Ok(Some(t)) => output(&t) as i32,
        Err(e) => fail(&e),
    }
}

/// The token this request was sent with (in the buffer): its length, 0 when none.
#[wasm_bindgen]
pub fn auth_fetch_sent(id: u32) -> u32 {
    match request(id).and_then(|r| r.sent.as_ref()) {
        Some(s) => output(&s.token),
        None => 0,
    }
}

/// Whether to replay with the token in the buffer (`token \x1f tag`): `body` is 0 none,
/// 1 text, 2 a `Request` input's body, 3 an object whose `Symbol.toStringTag` follows
/// the token. 0: hand back the 401; else the Authorization value's length.
#[wasm_bindgen]
pub fn auth_fetch_replay(id: u32, body: u32, len: usize) -> i32 {
    let text = input(len).unwrap_or_default();
    let (token, tag) = text.split_once(SEP).unwrap_or((&text, ""));
    let kind = match body {
        0 => BodyKind::Empty,
        1 => BodyKind::Text,
        2 => BodyKind::RequestBody,
        _ => kind_of_tag(tag),
    };
    let Some(r) = request(id) else { return 0 };
    let Some(c) = client(r.client) else { return 0 };
    match c.replay(kind, token, r.origin.as_ref()) {
        Some(header) => output(&header) as i32,
        None => 0,
    }
}

/// A failure of this request as an error in the buffer (always negative): 0 `network`,
/// 1 the headers deadline, 2 the idle deadline (with the status), 3 no fetch to call.
#[wasm_bindgen]
pub fn auth_fetch_failed(id: u32, kind: u32, status: u16) -> i32 {
    if kind == 3 {
        return fail(&crate::core::auth_fetch::policy::no_fetch());
    }
    let Some(r) = request(id) else {
        return fail(&gone());
    };
    let Some(c) = client(r.client) else {
        return fail(&gone());
    };
    fail(&match kind {
        0 => c.network(),
        1 => c.headers_timeout(r.origin.as_ref()),
        _ => c.idle_timeout(status, r.origin.as_ref()),
    })
}

/// The next `FetchEvent` as `phase \x1f origin \x1f status`: its length, 0 when none.
#[wasm_bindgen]
pub fn auth_fetch_event(handle: u32) -> u32 {
    let Some(e) = client(handle).and_then(Client::take_event) else {
        return 0;
    };
    let mut s = String::with_capacity(48);
    s.push_str(e.phase.as_str());
    s.push(SEP);
    s.push_str(&e.origin);
    s.push(SEP);
    if let Some(status) = e.status {
        push_u64(&mut s, u64::from(status));
    }
    output(&s)
}

//! `ClientSecretSource`'s engine: the internal `SecretSource` class the facade drives.
//! It carries out the core's steps (ask `authToken`, POST, sleep) and keeps one
//! operation in flight. Every step is a single race of one promise against a deadline
//! and the source's abort signal, so the async state machine stays small in the `.wasm`.

use super::error::to_js;
use super::listener::AbortFuture;
use super::options::Options;
use crate::bind::task::spawn;
use crate::core::race::{first, Either};
use crate::core::secrets::backoff::retry_after_ms;
use crate::core::secrets::classify::{looks_like_html, ErrorBody};
use crate::core::secrets::event::SecretEvent;
use crate::core::secrets::expiry::Num;
use crate::core::secrets::guard::{Guard, Plan};
use crate::core::secrets::operation::{Body, Fields, Operation, Reply, Step, TokenResult};
use crate::core::secrets::policy::{Policy, PolicyOptions};
use crate::core::secrets::{is_absolute_url, Endpoint};
use crate::core::GlueError;
use gloo_timers::future::TimeoutFuture;
use js_sys::{Array, Function, Object, Promise, Reflect, JSON};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

struct Config {
    start_url: String,
    refresh_url: String,
    /// Lower-case names.
    headers: Object,
    credentials: &'static str,
    auth_token: Option<Function>,
    on_event: Option<Function>,
    /// The facade's `(url, init) => fetch(url, init)` answering
    /// `[status, date, retryAfter, text]`.
    post: Function,
}

struct Inner {
    config: Config,
    guard: RefCell<Guard>,
    /// The operation in flight and its promise, shared by every caller meanwhile.
    inflight: RefCell<Option<(u32, Promise)>>,
    next_id: Cell<u32>,
    /// Bumped by `clear()`: an operation started before never fills the cache.
    generation: Cell<u32>,
    /// Aborted (and replaced) by `clear()`; every step races its signal.
    controller: RefCell<AbortController>,
    disposed: Cell<bool>,
}

/// Internal: one `ClientSecretSource`'s cache, guard and in-flight operation.
#[wasm_bindgen(js_name = SecretSource)]
pub struct SecretSource {
    inner: Rc<Inner>,
}

#[wasm_bindgen(js_class = SecretSource)]
impl SecretSource {
    /// The options as the app gave them (`ClientSecretSourceOptions`), checked here:
    /// unknown keys, wrong types and out-of-range numbers are `invalid_config`. `post`
    /// is the facade's fetch wrapper.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "unknown")] options: JsValue,
        #[wasm_bindgen(
            unchecked_param_type = "(url: string, init: RequestInit) => Promise<[number, string | null, string | null, string]>"
        )]
        post: Function,
    ) -> Result<SecretSource, JsValue> {
        let (policy, config) = config(&options, post)?;
        Ok(SecretSource {
            inner: Rc::new(Inner {
                config,
                guard: RefCell::new(Guard::new(policy)),
                inflight: RefCell::new(None),
                next_id: Cell::new(0),
                generation: Cell::new(0),
                controller: RefCell::new(AbortController::new()?),
                disposed: Cell::new(false),
            }),
        })
    }

    /// `getClientSecret(current)`: the cached secret, the operation in flight, or a
    /// new one.
    #[wasm_bindgen(unchecked_return_type = "Promise<string>")]
    pub fn get(&self, current: Option<String>) -> Promise {
        let inner = &self.inner;
        if inner.disposed.get() {
            return Promise::reject(
                &GlueError::aborted(
                    "getClientSecret was aborted: the ClientSecretSource was disposed",
                )
                .into(),
            );
        }
        if let Some((_, p)) = &*inner.inflight.borrow() {
            return p.clone();
        }
        let plan = inner.guard.borrow().plan(now(), current.as_deref());
        match plan {
            Plan::Cached(secret) => Promise::resolve(&JsValue::from(secret)),
            Plan::Fetch {
                endpoint,
                replacing,
                wait_ms,
            } => {
                let id = inner.next_id.get().wrapping_add(1);
                inner.next_id.set(id);
                let promise = spawn(run(Rc::clone(inner), id, endpoint, replacing, wait_ms));
                *inner.inflight.borrow_mut() = Some((id, promise.clone()));
                promise
            }
        }
    }

    /// Aborts the operation in flight and forgets the secret and the guard's history.
    pub fn clear(&self) {
        let inner = &self.inner;
        inner.generation.set(inner.generation.get().wrapping_add(1));
        inner.inflight.borrow_mut().take();
        inner.guard.borrow_mut().clear();
        if let Ok(fresh) = AbortController::new() {
            inner.controller.replace(fresh).abort();
        } else {
            inner.controller.borrow().abort();
        }
    }

    /// The cached secret's expiry, epoch ms.
    #[wasm_bindgen(js_name = expiresAt)]
    pub fn expires_at(&self) -> Option<f64> {
        self.inner.guard.borrow().expires_at_ms()
    }

    /// `clear()`, and every later call rejects with `aborted`.
    pub fn dispose(&self) {
        self.clear();
        self.inner.disposed.set(true);
    }
}

const KEYS: [&str; 11] = [
    "startUrl",
    "refreshUrl",
    "authToken",
    "headers",
    "credentials",
    "timeoutMs",
    "retries",
    "totalTimeoutMs",
    "refreshMarginMs",
    "minRefreshIntervalMs",
    "onEvent",
];

fn config(options: &JsValue, post: Function) -> Result<(Policy, Config), GlueError> {
    let o = Options::new(options, "ClientSecretSource", &KEYS)?;
    let policy = Policy::new(&PolicyOptions {
        timeout_ms: o.number("timeoutMs"),
        retries: o.number("retries"),
        total_timeout_ms: o.number("totalTimeoutMs"),
        refresh_margin_ms: o.number("refreshMarginMs"),
        min_refresh_interval_ms: o.number("minRefreshIntervalMs"),
    })?;
    let start_url = url(&o, "startUrl", "/api/chatkit/start")?;
    let refresh_url = url(&o, "refreshUrl", "/api/chatkit/refresh")?;
    let in_browser = !get(&js_sys::global(), "location").is_undefined();
    let absolute = is_absolute_url(&start_url) && is_absolute_url(&refresh_url);
    if !in_browser && !absolute {
        return Err(GlueError::invalid_config(
            "ClientSecretSource: startUrl and refreshUrl must be absolute URLs outside a browser",
        ));
    }
    let credentials = match o.string("credentials")?.as_deref() {
        None | Some("same-origin") => "same-origin",
        Some("omit") => "omit",
        Some("include") => "include",
        Some(_) => return Err(o.error("credentials", "\"omit\", \"same-origin\" or \"include\"")),
    };
    Ok((
        policy,
        Config {
            start_url,
            refresh_url,
            headers: headers(&o.get("headers"))
                .ok_or_else(|| o.error("headers", "a record of strings"))?,
            credentials,
            auth_token: o.function("authToken")?,
            on_event: o.function("onEvent")?,
            post,
        },
    ))
}

fn url(o: &Options, key: &str, default: &str) -> Result<String, GlueError> {
    match o.string(key)? {
        None => Ok(default.to_owned()),
        Some(s) if !s.is_empty() => Ok(s),
        Some(_) => Err(o.error(key, "a non-empty string")),
    }
}

/// The `headers` option with lower-case names (so the library's own `content-type`
/// and `authorization` replace the app's instead of being sent twice); `None` when it
/// is not a record of strings.
fn headers(record: &JsValue) -> Option<Object> {
    let out = Object::new();
    if record.is_undefined() {
        return Some(out);
    }
    if !record.is_object() || Array::is_array(record) {
        return None;
    }
    for pair in Object::entries(record.unchecked_ref()).iter() {
        let k = Reflect::get_u32(&pair, 0).ok()?.as_string()?;
        let v = Reflect::get_u32(&pair, 1).ok()?;
        v.as_string()?;
        set(&out, &k.to_ascii_lowercase(), &v);
    }
    Some(out)
}

async fn run(
    inner: Rc<Inner>,
    id: u32,
    endpoint: Endpoint,
    replacing: Option<String>,
    wait_ms: u32,
) -> Result<JsValue, JsValue> {
    let generation = inner.generation.get();
    let signal = inner.controller.borrow().signal();
    let (policy, interval) = {
        let g = inner.guard.borrow();
        (g.policy(), g.interval_ms())
    };
    let mut op = Operation::new(
        policy,
        js_sys::Math::random as fn() -> f64,
        endpoint,
        replacing,
        inner.config.auth_token.is_some(),
        interval,
        now(),
    );
    let mut step = op.begin(now(), wait_ms);
    let mut cause = None;
    let result = loop {
        inner.emit(op.take_events());
        // One promise (or none: a sleep) per step, raced against its deadline and the
        // source's abort signal.
        let mut attempt = None;
        let (work, ms) = match &step {
            Step::AskToken { timeout_ms } => match inner.call_token() {
                Ok(p) => (Some(p), *timeout_ms),
                Err(thrown) => {
                    cause = Some(thrown);
                    step = op.token_result(now(), TokenResult::Threw);
                    continue;
                }
            },
            Step::Send {
                endpoint,
                timeout_ms,
                new_request,
            } => {
                if *new_request {
                    inner.guard.borrow_mut().requested(now());
                }
                let controller = AbortOnDrop(AbortController::new()?);
                let sent = inner.post(
                    *endpoint,
                    op.token(),
                    op.replacing(),
                    &controller.0.signal(),
                );
                attempt = Some(controller);
                match sent {
                    Some(p) => (Some(p), *timeout_ms),
                    None => {
                        step = op.network_error(now());
                        continue;
                    }
                }
            }
            Step::Wait { ms } => (None, *ms),
            Step::Done(_) => break std::mem::replace(&mut step, Step::Wait { ms: 0 }),
        };
        let raced = race(work, ms, &signal).await;
        drop(attempt);
        let t = now();
        step = match (&step, raced) {
            (_, Raced::Aborted) => break Step::Done(Err(op.aborted(t))),
            (Step::Wait { .. }, _) => op.resume(t),
            (Step::AskToken { .. }, Raced::TimedOut) => op.token_result(t, TokenResult::TimedOut),
            (Step::AskToken { .. }, Raced::Done(Ok(v))) => op.token_result(t, token(&v)),
            (Step::AskToken { .. }, Raced::Done(Err(thrown))) => {
                cause = Some(thrown);
                op.token_result(t, TokenResult::Threw)
            }
            (_, Raced::TimedOut) => op.attempt_timed_out(t),
            (_, Raced::Done(Ok(v))) => op.reply(t, reply(&v, t)),
            (_, Raced::Done(Err(_))) => op.network_error(t),
        };
    };
    inner.emit(op.take_events());
    if matches!(&*inner.inflight.borrow(), Some((i, _)) if *i == id) {
        inner.inflight.borrow_mut().take();
    }
    match result {
        Step::Done(Ok(issued)) if inner.generation.get() == generation => {
            inner.guard.borrow_mut().accept(&issued);
            Ok(JsValue::from(issued.secret))
        }
        Step::Done(Err(e)) => {
            inner.guard.borrow_mut().failed(e.code);
            Err(to_js(&e, cause.as_ref()))
        }
        // Issued after clear(): never cached, never returned.
        _ => Err(GlueError::aborted(
            "getClientSecret was aborted: clear() or dispose() was called",
        )
        .into()),
    }
}

enum Raced {
    Done(Result<JsValue, JsValue>),
    TimedOut,
    Aborted,
}

/// `work` (or nothing: a sleep) against a deadline of `ms` and the abort signal.
async fn race(work: Option<JsFuture>, ms: u32, signal: &AbortSignal) -> Raced {
    let work = async {
        match work {
            Some(w) => w.await,
            None => std::future::pending().await,
        }
    };
    match first(
        first(work, TimeoutFuture::new(ms)),
        AbortFuture::new(signal),
    )
    .await
    {
        Either::Left(Either::Left(v)) => Raced::Done(v),
        Either::Left(Either::Right(())) => Raced::TimedOut,
        Either::Right(()) => Raced::Aborted,
    }
}

/// Aborts one attempt's fetch when the attempt ends (timeout, `clear()`, or done).
struct AbortOnDrop(AbortController);
impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl Inner {
    /// `authToken()`, as a promise; its synchronous throw is the `Err`.
    fn call_token(&self) -> Result<JsFuture, JsValue> {
        let value = match &self.config.auth_token {
            Some(f) => f.call0(&JsValue::UNDEFINED)?,
            None => JsValue::NULL,
        };
        Ok(JsFuture::from(Promise::resolve(&value)))
    }

    /// One POST through the facade's fetch wrapper; `None` when it threw.
    fn post(
        &self,
        endpoint: Endpoint,
        token: Option<&str>,
        replacing: Option<&str>,
        signal: &AbortSignal,
    ) -> Option<JsFuture> {
        let c = &self.config;
        let body = Object::new();
        let url = match (endpoint, replacing) {
            (Endpoint::Refresh, Some(current)) => {
                set(&body, "currentClientSecret", &JsValue::from_str(current));
                &c.refresh_url
            }
            (Endpoint::Refresh, None) => &c.refresh_url,
            (Endpoint::Start, _) => &c.start_url,
        };
        let headers = Object::assign(&Object::new(), &c.headers);
        if get(&headers, "content-type").is_undefined() {
            set(
                &headers,
                "content-type",
                &JsValue::from_str("application/json"),
            );
        }
        if let Some(token) = token {
            set(
                &headers,
                "authorization",
                &JsValue::from(String::from("Bearer ") + token),
            );
        }
        let init = Object::new();
        set(&init, "method", &JsValue::from_str("POST"));
        set(&init, "headers", &headers);
        set(&init, "body", &JSON::stringify(&body).ok()?.into());
        set(&init, "signal", signal);
        set(&init, "credentials", &JsValue::from_str(c.credentials));
        let p = c
            .post
            .call2(&JsValue::UNDEFINED, &JsValue::from_str(url), &init)
            .ok()?;
        Some(JsFuture::from(Promise::resolve(&p)))
    }

    /// Reports events to `onEvent` (the facade's wrapper keeps its errors away from
    /// the operation).
    fn emit(&self, events: Vec<SecretEvent>) {
        let Some(f) = &self.config.on_event else {
            return;
        };
        for e in events {
            let o = Object::new();
            set(&o, "kind", &JsValue::from_str("secret"));
            set(&o, "op", &JsValue::from_str(e.op.as_str()));
            set(&o, "phase", &JsValue::from_str(e.phase.as_str()));
            set(&o, "attempt", &JsValue::from(e.attempt));
            if let Some(d) = e.duration_ms {
                set(&o, "durationMs", &JsValue::from(d));
            }
            if let Some(s) = e.status {
                set(&o, "status", &JsValue::from(s));
            }
            if let Some(c) = e.code {
                set(&o, "code", &JsValue::from_str(c.as_str()));
            }
            let _ = f.call1(&JsValue::UNDEFINED, &o);
        }
    }
}

/// What `authToken()` resolved to.
fn token(v: &JsValue) -> TokenResult {
    if v.is_null() || v.is_undefined() {
        TokenResult::Token(None)
    } else if let Some(s) = v.as_string() {
        TokenResult::Token(Some(s).filter(|s| !s.is_empty()))
    } else {
        TokenResult::NotAString
    }
}

/// `[status, date, retryAfter, text]` from the facade's fetch wrapper.
fn reply(v: &JsValue, now: f64) -> Reply {
    let at = |i| Reflect::get_u32(v, i).unwrap_or(JsValue::UNDEFINED);
    let server_date_ms = at(1).as_string().and_then(|d| parse_date(&d));
    let retry_after = at(2)
        .as_string()
        .and_then(|r| retry_after_ms(&r, server_date_ms, now, parse_date));
    Reply {
        status: at(0).as_f64().unwrap_or(0.0) as u16,
        server_date_ms,
        retry_after_ms: retry_after,
        body: body(&at(3).as_string().unwrap_or_default()),
    }
}

fn body(text: &str) -> Body {
    let Ok(v) = JSON::parse(text) else {
        return Body::NotJson {
            html: looks_like_html(text),
        };
    };
    if !v.is_object() || Array::is_array(&v) {
        return Body::Json(Fields::default());
    }
    let error = get(&v, "error");
    Body::Json(Fields {
        client_secret: get(&v, "client_secret")
            .as_string()
            .filter(|s| !s.is_empty()),
        expires_after: Some(num(&get(&v, "expires_after"))),
        expires_at: Some(num(&get(&v, "expires_at"))),
        error: error.is_object().then(|| ErrorBody {
            code: get(&error, "code").as_string(),
            hint: get(&error, "hint").as_string(),
            retryable: get(&error, "retryable").as_bool(),
        }),
    })
}

fn num(v: &JsValue) -> Num {
    if v.is_null() || v.is_undefined() {
        Num::Absent
    } else {
        v.as_f64().map_or(Num::NotNumber, Num::Value)
    }
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn parse_date(s: &str) -> Option<f64> {
    let t = js_sys::Date::parse(s);
    (!t.is_nan()).then_some(t)
}

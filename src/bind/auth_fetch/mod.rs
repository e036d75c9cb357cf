//! `createAuthFetch`: the binding. `AuthFetch` is internal; the facade
//! (`pkg-template/src/auth-fetch.js`) wraps its `fetch` in a plain function.
//!
//! One call: build the `Request` the platform would (every header form, a `Request`
//! input, relative URLs), add `Authorization: Bearer <token>` only for an allowed origin
//! and only when the caller set none, send it with an `AbortController` that follows the
//! caller's signal, race the headers against their deadline, handle a 401 (single-flight
//! refresh, one replay of a replayable body), then pass the body through with the idle
//! deadline.

mod body;
mod js;

use crate::bind::error::to_js;
use crate::bind::listener::{AbortFuture, EventListener};
use crate::bind::task::spawn;
use crate::core::auth_fetch::origin::{AllowList, Origin};
use crate::core::auth_fetch::policy::{
    self, allowed_origins_required, authorization, bad_option, callback_not_a_token,
    callback_threw, check_token, headers_timed_out, network, no_fetch, unknown_option, Callback,
    FetchPhase, Opt, OPTION_KEYS,
};
use crate::core::auth_fetch::refresh::{After401, RefreshGate, Sent};
use crate::core::race::{first, Either};
use crate::core::GlueError;
use gloo_timers::future::TimeoutFuture;
use js::{ignore, Request, Response, Url};
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

pub use body::BodyPipe;

/// The state one `createAuthFetch` shares between its calls.
struct Inner {
    token: Function,
    refresh_token: Option<Function>,
    allow: AllowList,
    headers_ms: u32,
    idle_ms: u32,
    fetch: Option<Function>,
    on_event: Option<Function>,
    gate: RefCell<RefreshGate<String, Promise>>,
}

/// The fetch wrapper behind `createAuthFetch`.
#[wasm_bindgen(js_name = AuthFetch)]
pub struct AuthFetch {
    inner: Rc<Inner>,
}

#[wasm_bindgen(js_class = AuthFetch)]
impl AuthFetch {
    /// Checks the options; bad ones are `invalid_config`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "unknown")] options: JsValue,
    ) -> Result<AuthFetch, JsValue> {
        Ok(AuthFetch {
            inner: Rc::new(parse_options(&options).map_err(JsValue::from)?),
        })
    }

    /// `fetch(input, init)` with the token added where allowed.
    #[wasm_bindgen(unchecked_return_type = "Promise<Response>")]
    pub fn fetch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RequestInfo | URL")] input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RequestInit | undefined")] init: JsValue,
    ) -> Promise {
        spawn(run(Rc::clone(&self.inner), input, init))
    }
}

/// A property, or undefined when reading it throws (a getter that throws reads as absent).
fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn function(value: JsValue, opt: Opt) -> Result<Option<Function>, GlueError> {
    if value.is_undefined() {
        return Ok(None);
    }
    value
        .dyn_into::<Function>()
        .map(Some)
        .map_err(|_| bad_option(opt))
}

fn number(value: JsValue) -> Option<f64> {
    if value.is_undefined() {
        None
    } else {
        Some(value.as_f64().unwrap_or(f64::NAN))
    }
}

fn parse_options(options: &JsValue) -> Result<Inner, GlueError> {
    if !options.is_object() || Array::is_array(options) {
        return Err(bad_option(Opt::Options));
    }
    for key in Object::keys(options.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_KEYS.contains(&key.as_str()) {
            return Err(unknown_option(&key));
        }
    }
    let token =
        function(get(options, "token"), Opt::Token)?.ok_or_else(|| bad_option(Opt::Token))?;
    let refresh_token = function(get(options, "refreshToken"), Opt::RefreshToken)?;
    let fetch = function(get(options, "fetch"), Opt::Fetch)?;
    let on_event = function(get(options, "onEvent"), Opt::OnEvent)?;
    let headers_ms = policy::deadline(
        Opt::HeadersTimeout,
        number(get(options, "headersTimeoutMs")),
    )?;
    let idle_ms = policy::deadline(Opt::IdleTimeout, number(get(options, "idleTimeoutMs")))?;
    let allow = allow_list(get(options, "allowedOrigins"))?;
    Ok(Inner {
        token,
        refresh_token,
        allow,
        headers_ms,
        idle_ms,
        fetch,
        on_event,
        gate: RefCell::new(RefreshGate::default()),
    })
}

/// The allowlist: the given origins, each normalised by the platform's URL parser (the
/// one request URLs go through), or the page's origin. Where there is no page origin
/// (Node), the option is required. (The facade builds this on the first call, never
/// at creation, so a server prerender that creates the function is not affected.)
fn allow_list(given: JsValue) -> Result<AllowList, GlueError> {
    if given.is_undefined() {
        let location = get(&js_sys::global(), "location");
        let origin = if location.is_object() {
            get(&location, "origin").as_string()
        } else {
            None
        };
        return match origin.map(|o| Origin::of_entry(&o)) {
            Some(Ok(o)) => AllowList::new(vec![o]),
            _ => Err(allowed_origins_required()),
        };
    }
    let entries = given
        .dyn_into::<Array>()
        .map_err(|_| bad_option(Opt::AllowedOrigins))?;
    let mut origins = Vec::with_capacity(entries.length() as usize);
    for entry in entries.iter() {
        let entry = entry
            .as_string()
            .ok_or_else(|| bad_option(Opt::AllowedOrigins))?;
        // An entry the URL parser refuses gets the same error as one with a path.
        let href = Url::new(&entry).map(|u| u.href()).unwrap_or_default();
        origins.push(Origin::of_entry(&href)?);
    }
    AllowList::new(origins)
}

/// Reports one `FetchEvent`. The facade's `onEvent` takes `(phase, origin, status)`
/// and builds the event object the app sees, and keeps a throwing observer from
/// reaching here.
#[derive(Clone)]
struct Events {
    on_event: Option<Function>,
    origin: Option<Origin>,
}

impl Events {
    fn emit(&self, phase: FetchPhase, status: Option<u16>) {
        let Some(f) = &self.on_event else { return };
        let origin = self
            .origin
            .as_ref()
            .map_or_else(|| "null".to_owned(), Origin::serialize);
        let status = status.map_or(JsValue::UNDEFINED, JsValue::from);
        let _ = f.call3(
            &JsValue::UNDEFINED,
            &phase.as_str().into(),
            &origin.into(),
            &status,
        );
    }
}

/// One call of the wrapped fetch.
struct Call {
    inner: Rc<Inner>,
    input: JsValue,
    init: JsValue,
    fetch: Function,
    /// Signals the request; follows the caller's signal, and the library's deadlines
    /// abort it with their `timeout` error.
    controller: AbortController,
    events: Events,
}

async fn run(inner: Rc<Inner>, input: JsValue, init: JsValue) -> Result<JsValue, JsValue> {
    let fetch = match &inner.fetch {
        Some(f) => f.clone(),
        None => get(&js_sys::global(), "fetch")
            .dyn_into::<Function>()
            .map_err(|_| JsValue::from(no_fetch()))?,
    };
    // What fetch itself would throw for bad arguments (a TypeError) passes through.
    let request = Request::new(&input, &init)?;
    let signal = request.signal();
    if signal.aborted() {
        return Err(signal.reason());
    }
    let controller = AbortController::new()?;
    let follow = follow(&signal, &controller);
    let origin = Origin::of_url(&request.url());
    let ours = origin.as_ref().is_some_and(|o| inner.allow.allows(o))
        && !request.headers().has("authorization");
    let headers_ms = inner.headers_ms;
    let call = Call {
        events: Events {
            on_event: inner.on_event.clone(),
            origin,
        },
        inner,
        input,
        init,
        fetch,
        controller,
    };
    let outcome = first(
        call.until_headers(request, ours),
        first(TimeoutFuture::new(headers_ms), AbortFuture::new(&signal)),
    )
    .await;
    match outcome {
        Either::Left(Ok(response)) => Ok(body::pass_through(
            response,
            call.controller,
            follow,
            call.inner.idle_ms,
            call.events,
        )),
        Either::Left(Err(e)) => Err(e),
        Either::Right(Either::Left(())) => {
            let err = to_js(&headers_timed_out(headers_ms), None);
            call.controller.abort_with_reason(&err);
            call.events.emit(FetchPhase::Timeout, None);
            Err(err)
        }
        // The listener has already aborted the request with the same reason.
        Either::Right(Either::Right(())) => Err(signal.reason()),
    }
}

/// Forwards the caller's abort (with its reason) to the request's controller.
fn follow(signal: &AbortSignal, controller: &AbortController) -> EventListener {
    let (signal_in, controller_in) = (signal.clone(), controller.clone());
    EventListener::new(signal, "abort", move || {
        controller_in.abort_with_reason(&signal_in.reason());
    })
}

impl Call {
    /// Everything until the final response's headers.
    async fn until_headers(&self, request: Request, ours: bool) -> Result<JsValue, JsValue> {
        if !ours {
            return self.send(&request).await;
        }
        let sent = match credential(&self.inner.token, Callback::Token).await? {
            Some(token) => {
                let sent = self.inner.gate.borrow().outgoing(token);
                set_authorization(&request, &sent.token)?;
                Some(sent)
            }
            None => None,
        };
        let response = self.send(&request).await?;
        let Some(sent) = sent else {
            return Ok(response);
        };
        match response.dyn_ref::<Response>() {
            Some(r) if r.status() == 401 => {}
            _ => return Ok(response),
        }
        let Some(fresh) = self.after_401(&sent).await? else {
            return Ok(response);
        };
        if !body::kind(&self.input, &self.init).replayable() {
            return Ok(response);
        }
        if let Some(b) = response.dyn_ref::<Response>().map(Response::response_body) {
            if let Some(stream) = b.dyn_ref::<js::ReadableStream>() {
                ignore(stream.cancel_stream(&JsValue::UNDEFINED));
            }
        }
        let again = Request::new(&self.input, &self.init)?;
        set_authorization(&again, &fresh)?;
        self.events.emit(FetchPhase::Replay, Some(401));
        self.send(&again).await
    }

    /// The token to replay with after a 401, if any.
    async fn after_401(&self, sent: &Sent<String>) -> Result<Option<String>, JsValue> {
        let decision = self.inner.gate.borrow().on_unauthorized(sent);
        let flight = match decision {
            After401::Replay(token) => return Ok(Some(token)),
            After401::GiveUp => return Ok(None),
            After401::Join(flight) => flight,
            After401::Start => {
                self.events.emit(FetchPhase::TokenRefresh, Some(401));
                let flight = start_refresh(Rc::clone(&self.inner), sent.token.clone());
                self.inner.gate.borrow_mut().started(flight.clone());
                flight
            }
        };
        // The flight resolves to the new token, null, or the unauthorized error.
        let outcome = JsFuture::from(flight).await?;
        if let Some(token) = outcome.as_string() {
            Ok(Some(token))
        } else if outcome.is_null() {
            Ok(None)
        } else {
            Err(outcome)
        }
    }

    async fn send(&self, request: &Request) -> Result<JsValue, JsValue> {
        let init = Object::new();
        Reflect::set(&init, &"signal".into(), &self.controller.signal())?;
        let this = if self.inner.fetch.is_some() {
            JsValue::UNDEFINED
        } else {
            js_sys::global().into()
        };
        let sent = match self.fetch.call2(&this, request, &init) {
            Ok(p) => JsFuture::from(Promise::resolve(&p)).await,
            Err(e) => Err(e),
        };
        sent.map_err(|e| {
            let signal = self.controller.signal();
            if signal.aborted() {
                signal.reason()
            } else {
                to_js(&network(), Some(&e))
            }
        })
    }
}

fn set_authorization(request: &Request, token: &str) -> Result<(), JsValue> {
    // The token was checked, so the platform accepts it; if it ever refused, its error
    // (which quotes the value) is replaced by one that does not.
    request
        .headers()
        .set("authorization", &authorization(token))
        .map_err(|_| to_js(&callback_not_a_token(Callback::Token), None))
}

/// Starts the refresh of `rejected` as its own task, so it completes (and the gate
/// learns its outcome) even when the request that started it is abandoned. Its promise
/// never rejects: it resolves to the new token, null, or the `unauthorized` error.
fn start_refresh(inner: Rc<Inner>, rejected: String) -> Promise {
    spawn(async move {
        let (f, cb) = match &inner.refresh_token {
            Some(f) => (f.clone(), Callback::RefreshToken),
            None => (inner.token.clone(), Callback::Token),
        };
        let outcome = credential(&f, cb).await;
        let mut gate = inner.gate.borrow_mut();
        Ok(match outcome {
            Ok(token) => match gate.finished(&rejected, token) {
                Some(t) => JsValue::from_str(&t),
                None => JsValue::NULL,
            },
            Err(e) => {
                gate.failed();
                e
            }
        })
    })
}

/// Calls a credential callback: a checked non-empty token, `None` for null, undefined
/// or "", and `unauthorized` (with the callback's error as cause) when it throws,
/// rejects or returns anything else.
async fn credential(f: &Function, cb: Callback) -> Result<Option<String>, JsValue> {
    let value = f
        .call0(&JsValue::UNDEFINED)
        .map_err(|e| to_js(&callback_threw(cb), Some(&e)))?;
    let value = if value.is_string() || value.is_null() || value.is_undefined() {
        value
    } else {
        JsFuture::from(Promise::resolve(&value))
            .await
            .map_err(|e| to_js(&callback_threw(cb), Some(&e)))?
    };
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    let token = value
        .as_string()
        .ok_or_else(|| to_js(&callback_not_a_token(cb), None))?;
    if token.is_empty() {
        return Ok(None);
    }
    check_token(cb, &token)?;
    Ok(Some(token))
}

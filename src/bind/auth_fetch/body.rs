//! Request bodies (what can be replayed) and response bodies (passed through chunk by
//! chunk with an idle deadline).

use super::js::{ignore, ReadableStream, Reader, Request, Response, StreamController};
use super::{spawn, Events};
use crate::bind::error::to_js;
use crate::bind::listener::EventListener;
use crate::core::auth_fetch::body::{kind_of_tag, BodyKind};
use crate::core::auth_fetch::policy::{idle_timed_out, FetchPhase};
use crate::core::race::{first, Either};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Object, Promise, Reflect, Symbol};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

/// What the body of `fetch(input, init)` is made from.
pub fn kind(input: &JsValue, init: &JsValue) -> BodyKind {
    let body = if init.is_object() {
        Reflect::get(init, &JsValue::from_str("body")).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    if body.is_undefined() {
        return match input.dyn_ref::<Request>() {
            Some(r) if !r.body().is_null() => BodyKind::RequestBody,
            _ => BodyKind::Empty,
        };
    }
    if body.is_null() {
        BodyKind::Empty
    } else if body.is_string() || body.as_f64().is_some() || body.as_bool().is_some() {
        BodyKind::Text
    } else {
        Reflect::get(&body, &Symbol::to_string_tag())
            .ok()
            .and_then(|t| t.as_string())
            .map_or(BodyKind::Other, |t| kind_of_tag(&t))
    }
}

/// A response body being passed through. Dropping it (the body ended, failed, timed
/// out or was cancelled) removes the listener that forwards the caller's abort.
struct Pipe {
    body: ReadableStream,
    reader: Option<Reader>,
    controller: AbortController,
    _follow: EventListener,
    idle_ms: u32,
    status: u16,
    events: Events,
}

/// The underlying source of the `ReadableStream` that replaces a response's body: each
/// `pull` reads one chunk from the original body and enqueues it as it is, racing the
/// idle deadline. Nothing is buffered beyond the chunk in hand (high-water mark 0).
/// The stream owns this object, so it lives exactly as long as the stream.
#[wasm_bindgen]
pub struct BodyPipe {
    state: Rc<RefCell<Option<Pipe>>>,
}

#[wasm_bindgen]
impl BodyPipe {
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn pull(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReadableStreamDefaultController")]
        controller: JsValue,
    ) -> Promise {
        let state = Rc::clone(&self.state);
        spawn(async move {
            let controller: StreamController = controller.unchecked_into();
            let (reader, ms) = {
                let mut s = state.borrow_mut();
                let Some(pipe) = s.as_mut() else {
                    return Ok(JsValue::UNDEFINED);
                };
                let reader = match &pipe.reader {
                    Some(r) => r.clone(),
                    None => {
                        let r = pipe.body.get_reader()?;
                        pipe.reader = Some(r.clone());
                        r
                    }
                };
                (reader, pipe.idle_ms)
            };
            match first(JsFuture::from(reader.read()), TimeoutFuture::new(ms)).await {
                Either::Left(Ok(chunk)) => {
                    if Reflect::get(&chunk, &JsValue::from_str("done"))?.is_truthy() {
                        state.borrow_mut().take();
                        let _ = controller.close();
                    } else {
                        let _ =
                            controller.enqueue(&Reflect::get(&chunk, &JsValue::from_str("value"))?);
                    }
                }
                // The original body failed: the caller's abort reason or the platform's
                // own error passes through unchanged, as with a plain fetch.
                Either::Left(Err(e)) => {
                    state.borrow_mut().take();
                    let _ = controller.error(&e);
                }
                Either::Right(()) => {
                    let Some(pipe) = state.borrow_mut().take() else {
                        return Ok(JsValue::UNDEFINED);
                    };
                    let err = to_js(&idle_timed_out(ms, pipe.status), None);
                    let _ = controller.error(&err);
                    pipe.controller.abort_with_reason(&err);
                    ignore(reader.cancel(&err));
                    pipe.events.emit(FetchPhase::Timeout, Some(pipe.status));
                }
            }
            Ok(JsValue::UNDEFINED)
        })
    }

    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn cancel(&self, reason: JsValue) -> Promise {
        match self.state.borrow_mut().take() {
            Some(Pipe {
                reader: Some(r), ..
            }) => r.cancel(&reason),
            Some(pipe) => pipe.body.cancel_stream(&reason),
            None => Promise::resolve(&JsValue::UNDEFINED),
        }
    }
}

/// Statuses whose response never has a body (the `Response` constructor refuses one).
fn null_body(status: u16) -> bool {
    matches!(status, 101 | 103 | 204 | 205 | 304)
}

/// The response to hand back: the same one when it has no body (or one this cannot
/// wrap); otherwise a copy whose body is the original streamed through a [`BodyPipe`],
/// with `url`, `redirected` and `type` kept.
pub fn pass_through(
    response: JsValue,
    controller: AbortController,
    follow: EventListener,
    idle_ms: u32,
    events: Events,
) -> JsValue {
    let Some(r) = response.dyn_ref::<Response>() else {
        return response;
    };
    let status = r.status();
    let body = r.response_body();
    if !(200..=599).contains(&status) || null_body(status) {
        return response;
    }
    if !body.is_object() {
        return response;
    }
    let body: ReadableStream = body.unchecked_into();
    match wrap(r, body, controller, follow, idle_ms, status, events) {
        Ok(wrapped) => wrapped,
        Err(_) => response,
    }
}

fn wrap(
    r: &Response,
    body: ReadableStream,
    controller: AbortController,
    follow: EventListener,
    idle_ms: u32,
    status: u16,
    events: Events,
) -> Result<JsValue, JsValue> {
    let pipe = BodyPipe {
        state: Rc::new(RefCell::new(Some(Pipe {
            body,
            reader: None,
            controller,
            _follow: follow,
            idle_ms,
            status,
            events,
        }))),
    };
    let strategy = Object::new();
    Reflect::set(&strategy, &"highWaterMark".into(), &JsValue::from(0))?;
    let stream = ReadableStream::new(&pipe.into(), &strategy)?;
    let init = Object::new();
    Reflect::set(&init, &"status".into(), &JsValue::from(status))?;
    for key in ["statusText", "headers"] {
        let key = JsValue::from_str(key);
        Reflect::set(&init, &key, &Reflect::get(r, &key)?)?;
    }
    let out = Response::new(&stream, &init)?;
    // What only fetch can set, shadowed with the original's values.
    for key in ["url", "redirected", "type"] {
        let key = JsValue::from_str(key);
        let desc = Object::new();
        Reflect::set(&desc, &"value".into(), &Reflect::get(r, &key)?)?;
        Object::define_property(out.unchecked_ref::<Object>(), &key, &desc);
    }
    Ok(out.into())
}

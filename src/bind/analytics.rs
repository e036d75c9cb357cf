//! `ChatKitAnalytics`' engine, internal to the package: the facade
//! (`pkg-template/src/analytics.js`) hands it observations with their timestamps and
//! carries out the sends it asks for (fetch, `sendBeacon`, the sink, timers).
//!
//! Event data crosses once, as the text of the facade's `JSON.stringify` (so `toJSON` is
//! honoured and the encoded length is the exact byte count of the wire form); the core
//! redacts that text at every depth ([`redact_json`]). No callback per key.

use crate::core::analytics::encode::{push_u64, Envelope};
use crate::core::analytics::json::redact_json;
use crate::core::analytics::queue::{
    retry_after_ms, Mode, Outcome, Pushed, Queue, QueueConfig, Settled, MAX_ATTEMPTS,
};
use crate::core::analytics::redact::{normalize_key, redact_text};
use crate::core::analytics::sketch::Quantiles;
use crate::core::analytics::{sampling, Tracker, ABANDONED};
use crate::core::{ErrorCode, GlueError};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::error::to_js;

#[wasm_bindgen(js_name = AnalyticsCore)]
pub struct AnalyticsCore {
    tracker: Tracker,
    queue: Queue,
    session: String,
    /// Sampled in, with a sink or an endpoint to send to.
    send: bool,
    /// No `beforeSend`: encoded events go straight to the queue.
    direct: bool,
    /// The caller's `redactKeys`, normalised.
    keys: Vec<Vec<u8>>,
    error: Option<GlueError>,
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    if !obj.is_object() {
        return None;
    }
    get(obj, key).as_string()
}

fn get_num(obj: &JsValue, key: &str, default: f64) -> f64 {
    get(obj, key).as_f64().unwrap_or(default)
}

fn count_message(before: &str, n: u64, after: &str) -> String {
    let mut m = String::from(before);
    push_u64(&mut m, n);
    m.push_str(after);
    m
}

fn quantiles(q: Option<Quantiles>) -> JsValue {
    let Some(q) = q else { return JsValue::NULL };
    let o = Object::new();
    for (k, v) in [
        ("p50", q.p50),
        ("p90", q.p90),
        ("p99", q.p99),
        ("max", q.max),
    ] {
        let _ = Reflect::set(&o, &k.into(), &v.into());
    }
    o.into()
}

#[wasm_bindgen(js_class = AnalyticsCore)]
impl AnalyticsCore {
    /// `options`: `{ batchSize, maxQueue, maxBatchBytes, flushIntervalMs, sampleRate,
    /// sessionId, redactKeys, send, direct, readyFrom }`, already checked by the facade.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "object")] options: JsValue) -> AnalyticsCore {
        let d = QueueConfig::default();
        let cfg = QueueConfig {
            batch_size: get_num(&options, "batchSize", d.batch_size as f64) as usize,
            max_queue: get_num(&options, "maxQueue", d.max_queue as f64) as usize,
            max_batch_bytes: get_num(&options, "maxBatchBytes", d.max_batch_bytes as f64) as usize,
            flush_interval_ms: get_num(&options, "flushIntervalMs", d.flush_interval_ms),
        };
        let session = get_str(&options, "sessionId").unwrap_or_default();
        let keys: Vec<Vec<u8>> = Array::from(&get(&options, "redactKeys"))
            .iter()
            .filter_map(|k| k.as_string())
            .map(|k| normalize_key(&k))
            .collect();
        AnalyticsCore {
            tracker: Tracker::new(get_num(&options, "readyFrom", 0.0)),
            queue: Queue::new(cfg),
            send: get(&options, "send").is_truthy()
                && sampling::sampled(&session, get_num(&options, "sampleRate", 1.0)),
            direct: !get(&options, "direct").is_falsy(),
            session,
            keys,
            error: None,
        }
    }

    /// Whether this session's events are sent (sampled in, with a destination).
    #[wasm_bindgen(getter)]
    pub fn sending(&self) -> bool {
        self.send
    }

    /// Observes one event: pairs it, counts it, and encodes it (with a
    /// `response.abandoned` before it when it abandoned a response). Without
    /// `beforeSend` the encoded events are queued and nothing is returned; with it, they
    /// are returned (JSON strings) for the facade to pass through `beforeSend` and `push`.
    /// `data`: the event data's JSON text (`None` without data or when the engine does
    /// not send); `unencodable`: `JSON.stringify` threw on it. `thread_id` and `phase`:
    /// the data's fields of those names, when strings.
    #[wasm_bindgen(unchecked_return_type = "string[] | undefined")]
    #[allow(clippy::too_many_arguments)]
    pub fn observe(
        &mut self,
        kind: &str,
        at: f64,
        mono: f64,
        data: Option<String>,
        unencodable: bool,
        thread_id: Option<String>,
        phase: Option<String>,
        duration: Option<f64>,
    ) -> JsValue {
        let detail = match kind {
            "thread.change" | "thread.load.start" | "thread.load.end" => thread_id,
            "tool.call" => phase,
            _ => None,
        };
        let o = self
            .tracker
            .observe(kind, mono, detail.as_deref(), duration);
        let data = if unencodable { Err(()) } else { Ok(data) };
        self.emit_all(kind, at, mono, data, o)
    }

    /// The object is being disposed: emits `response.abandoned` for a running response.
    #[wasm_bindgen(unchecked_return_type = "string[] | undefined")]
    pub fn dispose(&mut self, at: f64, mono: f64) -> JsValue {
        let o = self.tracker.dispose(mono);
        if o.abandoned.is_none() {
            return JsValue::UNDEFINED;
        }
        self.emit_all("", at, mono, Ok(None), o)
    }

    fn emit_all(
        &mut self,
        kind: &str,
        at: f64,
        mono: f64,
        data: Result<Option<String>, ()>,
        o: crate::core::analytics::Observed,
    ) -> JsValue {
        if !self.send {
            return JsValue::UNDEFINED;
        }
        let out = (!self.direct).then(Array::new);
        if let Some((d, thread)) = &o.abandoned {
            let json = self.envelope(ABANDONED, at, thread.as_deref(), Some(*d), None);
            self.emit(json, mono, out.as_ref());
        }
        if !kind.is_empty() {
            let encoded = if o.omit_data {
                Ok(None)
            } else {
                self.redact(data)
            };
            match encoded {
                Ok(data) => {
                    let json =
                        self.envelope(kind, at, o.thread.as_deref(), o.duration, data.as_deref());
                    self.emit(json, mono, out.as_ref());
                }
                Err(()) => self.lose(),
            }
        }
        out.map_or(JsValue::UNDEFINED, JsValue::from)
    }

    fn envelope(
        &mut self,
        kind: &str,
        at: f64,
        thread: Option<&str>,
        duration: Option<f64>,
        data: Option<&str>,
    ) -> String {
        let mut id = self.session.clone();
        id.push('.');
        push_u64(&mut id, self.tracker.next_seq());
        Envelope {
            id: &id,
            kind,
            at,
            session: &self.session,
            thread,
            duration,
            data,
        }
        .to_json()
    }

    fn emit(&mut self, json: String, mono: f64, out: Option<&Array>) {
        match out {
            Some(out) => {
                out.push(&JsValue::from(json));
            }
            None => self.push(json, mono),
        }
    }

    /// The data's JSON text, redacted at every depth; `Ok(None)` when there is none (or
    /// `JSON.stringify` wrote nothing for it); `Err` when it could not be encoded.
    fn redact(&mut self, data: Result<Option<String>, ()>) -> Result<Option<String>, ()> {
        let redacted = match data {
            Ok(None) => return Ok(None),
            Ok(Some(json)) => redact_json(&json, &self.keys).map(|r| r.into_owned()),
            Err(()) => None,
        };
        if redacted.is_none() {
            self.error = Some(GlueError::new(
                ErrorCode::InvalidConfig,
                "analytics: an event's data could not be encoded as JSON (a cycle, a BigInt or a throwing getter); the event was dropped",
            ));
            return Err(());
        }
        Ok(redacted)
    }

    /// Encodes an event `beforeSend` returned: its fields as the facade read them
    /// (`kind` the `type` when a string, `data` as for [`Self::observe`]).
    #[allow(clippy::too_many_arguments)]
    pub fn encode(
        &mut self,
        kind: Option<String>,
        id: Option<String>,
        at: Option<f64>,
        session: Option<String>,
        thread: Option<String>,
        duration: Option<f64>,
        data: Option<String>,
        unencodable: bool,
    ) -> Option<String> {
        let kind = kind.filter(|k| !k.is_empty());
        let Some(kind) = kind else {
            self.error = Some(GlueError::invalid_config(
                "analytics: beforeSend must return the event (with its string type), null to drop it, or nothing to keep it",
            ));
            self.lose();
            return None;
        };
        let data = if unencodable { Err(()) } else { Ok(data) };
        let Ok(data) = self.redact(data) else {
            self.lose();
            return None;
        };
        Some(
            Envelope {
                id: id.as_deref().unwrap_or_default(),
                kind: &kind,
                at: at.unwrap_or(0.0),
                session: session.as_deref().unwrap_or_default(),
                thread: thread.as_deref(),
                duration,
                data: data.as_deref(),
            }
            .to_json(),
        )
    }

    /// Queues an encoded event.
    pub fn push(&mut self, json: String, mono: f64) {
        let msg = match self.queue.push(json, mono) {
            Pushed::Queued => return,
            Pushed::Overflow => {
                "analytics: the queue is full (maxQueue); the oldest waiting event was dropped"
            }
            Pushed::TooBig => {
                "analytics: an event is larger than maxBatchBytes allows; it was dropped"
            }
        };
        self.error = Some(GlueError::new(ErrorCode::BadRequest, msg).with_retryable(false));
    }

    /// Counts an event lost before the queue (`beforeSend` threw, data not encodable).
    pub fn lose(&mut self) {
        self.queue.lose();
    }

    /// The next batch to send: `[id, body, bytes]`, or undefined. `mode`: 0 the
    /// scheduler's, 1 `flush()`, 2 the page is hiding (within `budget` bytes).
    #[wasm_bindgen(unchecked_return_type = "[number, string, number] | undefined")]
    pub fn take(&mut self, sent_at: f64, mono: f64, mode: u32, budget: u32) -> JsValue {
        let mode = match mode {
            0 => Mode::Normal,
            1 => Mode::Flush,
            _ => Mode::PageHide {
                budget: budget as usize,
            },
        };
        match self.queue.take(mode, sent_at, mono) {
            Some(b) => {
                let bytes = b.body.len() as u32;
                Array::of3(&b.id.into(), &b.body.into(), &bytes.into()).into()
            }
            None => JsValue::UNDEFINED,
        }
    }

    /// Applies a send's outcome: `status` an HTTP status (200 for a sink that resolved),
    /// 0 a failure (network, sink threw or timed out), -1 not sent (`sendBeacon` false).
    /// `retry_after` and `date`: the response's `Retry-After` and `Date` headers ("" when
    /// absent); `epoch`: `Date.now()`.
    #[allow(clippy::too_many_arguments)]
    pub fn settle(
        &mut self,
        id: u32,
        status: i32,
        mono: f64,
        retry_after: &str,
        date: &str,
        epoch: f64,
        random: f64,
    ) {
        let retry_after_ms = retry_after_ms(retry_after, date, epoch);
        let outcome = match status {
            -1 => Outcome::NotSent,
            s if s > 0 => Outcome::Status(s.min(999) as u16),
            _ => Outcome::Failed,
        };
        let (code, msg, n) = match self.queue.settle(id, outcome, mono, retry_after_ms, random) {
            Settled::Retry { dropped, .. } if dropped > 0 => (
                match status {
                    408 | 0 => ErrorCode::Network,
                    429 => ErrorCode::RateLimited,
                    _ => ErrorCode::ServerError,
                },
                " analytics events dropped after their last attempt failed",
                dropped,
            ),
            Settled::Dropped(n) => (
                ErrorCode::BadRequest,
                " analytics events dropped: the endpoint refused them (not retried)",
                n,
            ),
            _ => return,
        };
        let mut e = GlueError::new(code, count_message("", n as u64, msg)).with_retryable(false);
        if status > 0 {
            e = e.with_status(status as u16);
        }
        if code == ErrorCode::BadRequest {
            e = e.with_hint("Check the analytics endpoint: it must accept POST {\"events\":[...],\"sentAt\":N} (application/json, or text/plain from sendBeacon).");
        }
        self.error = Some(e);
    }

    /// Milliseconds until the scheduler should send: -1 nothing to do, 0 now.
    pub fn due(&self, mono: f64) -> f64 {
        self.queue.due(mono).unwrap_or(-1.0)
    }

    /// The latest problem to report to `onError`, once.
    #[wasm_bindgen(unchecked_return_type = "Error | undefined")]
    pub fn error(&mut self) -> JsValue {
        self.error
            .take()
            .map_or(JsValue::UNDEFINED, |e| to_js(&e, None))
    }

    /// `metrics()` (the facade adds what it dropped before the module loaded).
    #[wasm_bindgen(unchecked_return_type = "object")]
    pub fn metrics(&self) -> JsValue {
        let m = &self.tracker.metrics;
        let q = &self.queue;
        let o = Object::new();
        let opt = |v: Option<f64>| v.map_or(JsValue::NULL, JsValue::from);
        for (k, v) in [
            ("responses", JsValue::from(m.responses as f64)),
            ("errors", JsValue::from(m.errors as f64)),
            ("abandoned", JsValue::from(m.abandoned as f64)),
            ("responseMs", quantiles(m.response_quantiles())),
            ("timeToReadyMs", opt(m.time_to_ready_ms)),
            ("threadLoadMs", quantiles(m.thread_load_quantiles())),
            ("toolCalls", JsValue::from(m.tool_calls as f64)),
            ("dropped", JsValue::from(q.dropped as f64)),
            ("sent", JsValue::from(q.delivered as f64)),
            ("queued", JsValue::from(q.held() as f64)),
        ] {
            let _ = Reflect::set(&o, &k.into(), &v);
        }
        o.into()
    }
}

/// Replaces token-shaped substrings (JWT-like, `Bearer ...`, `sk-...`, `ek_...`).
#[wasm_bindgen(js_name = redactText)]
pub fn redact_text_js(text: &str) -> String {
    redact_text(text).into_owned()
}

/// Attempts per event before it is dropped (for the facade's docs and tests).
#[wasm_bindgen(js_name = analyticsMaxAttempts)]
pub fn max_attempts() -> u32 {
    MAX_ATTEMPTS as u32
}

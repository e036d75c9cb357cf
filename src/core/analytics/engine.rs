//! One `ChatKitAnalytics` as a state machine the facade drives: its options, pairing and
//! metrics ([`Tracker`]), redaction, sampling and the delivery [`Queue`]. The facade
//! hands it each observation with its timestamps and the event data's JSON text, and
//! carries out the sends it asks for ([`Engine::take`], reported with
//! [`Engine::settle`]); it keeps no rule.

use super::encode::{push_escaped, push_str, push_u64, Envelope};
use super::json::{redact_json, top_level_string};
use super::queue::{retry_after_ms, Batch, Mode, Outcome, Pushed, Queue, QueueConfig, Settled};
use super::redact::{normalize_key, redact_text};
use super::sketch::Quantiles;
use super::{sampling, Observed, Tracker, ABANDONED};
use crate::core::options::Options;
use crate::core::record::Field;
use crate::core::{ErrorCode, GlueError};
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// The option names `ChatKitAnalytics` takes.
pub const KEYS: [&str; 14] = [
    "sink",
    "endpoint",
    "batchSize",
    "flushIntervalMs",
    "maxQueue",
    "maxBatchBytes",
    "sampleRate",
    "enabled",
    "captureLogData",
    "beforeSend",
    "redactKeys",
    "onError",
    "sessionId",
    "sendTimeoutMs",
];

/// Bytes a page may have in flight with `keepalive` (fetch keepalive and `sendBeacon`
/// share it): the most a batch may be, and what page-hide sends fit in together.
pub const KEEPALIVE_BUDGET: usize = 64_000;
/// `sendTimeoutMs` when not given.
pub const DEFAULT_SEND_TIMEOUT_MS: f64 = 10_000.0;
/// The largest `setTimeout` delay.
const MAX_DELAY_MS: f64 = 2_147_483_647.0;

const WHAT: &str = "ChatKitAnalytics";

/// Event data as the facade read it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Data<'a> {
    /// No data (`undefined`, `null`, or `JSON.stringify` wrote nothing).
    None,
    /// `JSON.stringify`'s text.
    Json(&'a str),
    /// `JSON.stringify` threw (a cycle, a BigInt, a throwing getter or `toJSON`).
    Unencodable,
}

/// How a batch is asked for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Take {
    /// The scheduler's send.
    Normal,
    /// `flush()`.
    Flush,
    /// The page is hiding: the first take of the round (the keepalive budget is whole).
    HideFirst,
    /// The page is hiding: the next take of the same round.
    HideNext,
}

/// A number option within `[min, max]`, `default` when absent.
fn number(
    o: &Options,
    key: &str,
    default: f64,
    min: f64,
    max: f64,
    range: &str,
) -> Result<f64, GlueError> {
    let v = o.number(key).unwrap_or(default);
    if v >= min && v <= max {
        Ok(v)
    } else {
        Err(o.error(key, range))
    }
}

/// Whether a function was given (null reads as absent).
fn function(o: &Options, key: &str) -> Result<bool, GlueError> {
    match o.get(key) {
        None | Some(Field::Null) => Ok(false),
        Some(Field::Function) => Ok(true),
        Some(_) => Err(o.error(key, "a function")),
    }
}

/// What `ChatKitAnalytics`' options mean, checked.
#[derive(Debug)]
pub struct Config {
    pub queue: QueueConfig,
    pub session: String,
    /// `redactKeys`, normalised.
    pub keys: Vec<Vec<u8>>,
    /// Sampled in, with a sink or an endpoint to send to.
    pub send: bool,
    /// No `beforeSend`: encoded events go straight to the queue.
    pub direct: bool,
    pub send_timeout_ms: f64,
}

impl Config {
    /// Checks the options (a plain value; the facade gives `sessionId` a random value
    /// when it is absent).
    pub fn new(options: Field) -> Result<Config, GlueError> {
        let o = Options::new(options, WHAT, &KEYS)?;
        let d = QueueConfig::default();
        let batch_size = number(
            &o,
            "batchSize",
            d.batch_size as f64,
            1.0,
            10_000.0,
            "a number from 1 to 10000",
        )?;
        let flush_interval_ms = number(
            &o,
            "flushIntervalMs",
            d.flush_interval_ms,
            0.0,
            MAX_DELAY_MS,
            "a number from 0 to 2147483647",
        )?;
        let max_queue = number(
            &o,
            "maxQueue",
            d.max_queue as f64,
            1.0,
            1_000_000.0,
            "a number from 1 to 1000000",
        )?;
        let max_batch_bytes = number(
            &o,
            "maxBatchBytes",
            d.max_batch_bytes as f64,
            256.0,
            KEEPALIVE_BUDGET as f64,
            "a number from 256 to 64000",
        )?;
        let sample_rate = number(&o, "sampleRate", 1.0, 0.0, 1.0, "a number from 0 to 1")?;
        let send_timeout_ms = number(
            &o,
            "sendTimeoutMs",
            DEFAULT_SEND_TIMEOUT_MS,
            1.0,
            MAX_DELAY_MS,
            "a number from 1 to 2147483647",
        )?;
        if batch_size > max_queue {
            return Err(GlueError::invalid_config(
                "ChatKitAnalytics: batchSize must not exceed maxQueue",
            ));
        }
        let sink = function(&o, "sink")?;
        function(&o, "onError")?;
        let direct = !function(&o, "beforeSend")?;
        let endpoint = match o.get("endpoint") {
            None | Some(Field::Null) => false,
            Some(Field::Str(_)) => true,
            Some(_) => return Err(o.error("endpoint", "a URL string")),
        };
        if sink && endpoint {
            return Err(GlueError::invalid_config(
                "ChatKitAnalytics: give a sink or an endpoint, not both",
            ));
        }
        let keys = match o.get("redactKeys") {
            None | Some(Field::Null | Field::Bool(false)) => Vec::new(),
            Some(Field::Array(items)) => items
                .iter()
                .map(|k| k.as_str().map(normalize_key))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| o.error("redactKeys", "an array of strings"))?,
            Some(_) => return Err(o.error("redactKeys", "an array of strings")),
        };
        let session = match o.get("sessionId") {
            Some(Field::Str(s)) if !s.is_empty() => s.clone(),
            _ => return Err(o.error("sessionId", "a non-empty string")),
        };
        Ok(Config {
            queue: QueueConfig {
                batch_size: batch_size as usize,
                max_queue: max_queue as usize,
                max_batch_bytes: max_batch_bytes as usize,
                flush_interval_ms,
            },
            send: (sink || endpoint) && sampling::sampled(&session, sample_rate),
            session,
            keys,
            direct,
            send_timeout_ms,
        })
    }
}

pub struct Engine {
    tracker: Tracker,
    queue: Queue,
    session: String,
    /// The `sessionId` literal of every event (quoted, escaped, redacted).
    session_json: String,
    /// `"<session>.`, escaped, when no id `<session>.<n>` has anything to redact (then
    /// ids are written without a scan each); `None` for a token-shaped session id.
    id_prefix: Option<String>,
    send: bool,
    direct: bool,
    keys: Vec<Vec<u8>>,
    send_timeout_ms: f64,
    /// What is left of the keepalive budget in the current page-hide round.
    hide_budget: usize,
    /// Problems to report to `onError`, oldest first (one call may observe many events);
    /// a consecutive duplicate (a full queue on every event) is kept once.
    errors: Vec<GlueError>,
}

impl Engine {
    /// `ready_from`: the monotonic time time-to-ready counts from.
    pub fn new(options: Field, ready_from: f64) -> Result<Engine, GlueError> {
        let c = Config::new(options)?;
        let mut session_json = String::new();
        push_str(&mut session_json, &c.session);
        // Whether `<session>.<digits>` is redacted does not depend on the digits (token
        // characters either way): one probe decides for every id.
        let mut probe = c.session.clone();
        probe.push_str(".1234567890");
        let id_prefix = matches!(redact_text(&probe), Cow::Borrowed(_)).then(|| {
            let mut p = String::from("\"");
            push_escaped(&mut p, &c.session);
            p.push('.');
            p
        });
        Ok(Engine {
            tracker: Tracker::new(ready_from),
            queue: Queue::new(c.queue),
            session_json,
            id_prefix,
            session: c.session,
            send: c.send,
            direct: c.direct,
            keys: c.keys,
            send_timeout_ms: c.send_timeout_ms,
            hide_budget: KEEPALIVE_BUDGET,
            errors: Vec::new(),
        })
    }

    /// Whether this session's events are sent (sampled in, with a destination).
    pub fn sending(&self) -> bool {
        self.send
    }

    pub fn send_timeout_ms(&self) -> f64 {
        self.send_timeout_ms
    }

    /// Time-to-ready counts from `ready_from` (`handlers()` was first called).
    pub fn mark(&mut self, ready_from: f64) {
        self.tracker.set_ready_from(ready_from);
    }

    /// Observes one event: pairs it, counts it, and encodes it (with a
    /// `response.abandoned` before it when it abandoned a response). Without
    /// `beforeSend` the encoded events are queued; with it they are appended to `out`
    /// for the facade to pass through `beforeSend` and back to [`Engine::encode`].
    pub fn observe(
        &mut self,
        kind: &str,
        at: f64,
        mono: f64,
        data: Data,
        duration: Option<f64>,
        out: &mut Vec<String>,
    ) {
        let detail_key = match kind {
            "thread.change" | "thread.load.start" | "thread.load.end" => Some("threadId"),
            "tool.call" => Some("phase"),
            _ => None,
        };
        let detail = match (detail_key, data) {
            (Some(key), Data::Json(json)) => top_level_string(json, key),
            _ => None,
        };
        let o = self
            .tracker
            .observe(kind, mono, detail.as_deref(), duration);
        self.emit_all(kind, at, mono, data, o, out);
    }

    /// The object is being disposed: emits `response.abandoned` for a running response.
    pub fn dispose(&mut self, at: f64, mono: f64, out: &mut Vec<String>) {
        let o = self.tracker.dispose(mono);
        if o.abandoned.is_some() {
            self.emit_all("", at, mono, Data::None, o, out);
        }
    }

    fn emit_all(
        &mut self,
        kind: &str,
        at: f64,
        mono: f64,
        data: Data,
        o: Observed,
        out: &mut Vec<String>,
    ) {
        if !self.send {
            return;
        }
        if let Some((d, thread)) = &o.abandoned {
            let json = self.envelope(ABANDONED, at, thread.as_deref(), Some(*d), None);
            self.emit(json, mono, out);
        }
        if kind.is_empty() {
            return;
        }
        let data = if o.omit_data { Data::None } else { data };
        match self.redact(data) {
            Ok(data) => {
                let json =
                    self.envelope(kind, at, o.thread.as_deref(), o.duration, data.as_deref());
                self.emit(json, mono, out);
            }
            Err(()) => self.queue.lose(),
        }
    }

    fn envelope(
        &mut self,
        kind: &str,
        at: f64,
        thread: Option<&str>,
        duration: Option<f64>,
        data: Option<&str>,
    ) -> String {
        let seq = self.tracker.next_seq();
        let e = Envelope {
            id: "",
            kind,
            at,
            session: &self.session,
            thread,
            duration,
            data,
        };
        if let Some(prefix) = &self.id_prefix {
            let mut id = String::with_capacity(prefix.len() + 21);
            id.push_str(prefix);
            push_u64(&mut id, seq);
            id.push('"');
            return e.to_json_with(Some(&id), Some(&self.session_json));
        }
        let mut id = String::with_capacity(self.session.len() + 8);
        id.push_str(&self.session);
        id.push('.');
        push_u64(&mut id, seq);
        Envelope { id: &id, ..e }.to_json_with(None, Some(&self.session_json))
    }

    fn emit(&mut self, json: String, mono: f64, out: &mut Vec<String>) {
        if self.direct {
            self.push(json, mono);
        } else {
            out.push(json);
        }
    }

    /// The data's JSON text, redacted at every depth; `Ok(None)` when there is none;
    /// `Err` when it could not be encoded (reported, and the caller counts it lost).
    fn redact<'a>(&mut self, data: Data<'a>) -> Result<Option<Cow<'a, str>>, ()> {
        let redacted = match data {
            Data::None => return Ok(None),
            Data::Json(json) => redact_json(json, &self.keys),
            Data::Unencodable => None,
        };
        if redacted.is_none() {
            self.raise(GlueError::new(
                ErrorCode::InvalidConfig,
                "analytics: an event's data could not be encoded as JSON (a cycle, a BigInt or a throwing getter); the event was dropped",
            ));
            return Err(());
        }
        Ok(redacted)
    }

    /// Queues an event `beforeSend` returned: `event` holds its fields as the facade
    /// read them (`type`, `id`, `at`, `sessionId`, `threadId`, `durationMs`), `data` its
    /// data. Strings are redacted again.
    pub fn encode(&mut self, event: &Field, data: Data, mono: f64) {
        let text = |key| event.get(key).and_then(Field::as_str);
        let number = |key| match event.get(key) {
            Some(Field::Number(n)) => Some(*n),
            _ => None,
        };
        let Some(kind) = text("type").filter(|k| !k.is_empty()) else {
            self.raise(GlueError::invalid_config(
                "analytics: beforeSend must return the event (with its string type), null to drop it, or nothing to keep it",
            ));
            self.queue.lose();
            return;
        };
        let Ok(data) = self.redact(data) else {
            self.queue.lose();
            return;
        };
        let json = Envelope {
            id: text("id").unwrap_or_default(),
            kind,
            at: number("at").unwrap_or(0.0),
            session: text("sessionId").unwrap_or_default(),
            thread: text("threadId"),
            duration: number("durationMs"),
            data: data.as_deref(),
        }
        .to_json();
        self.push(json, mono);
    }

    fn push(&mut self, json: String, mono: f64) {
        let msg = match self.queue.push(json, mono) {
            Pushed::Queued => return,
            Pushed::Overflow => {
                "analytics: the queue is full (maxQueue); the oldest waiting event was dropped"
            }
            Pushed::TooBig => {
                "analytics: an event is larger than maxBatchBytes allows; it was dropped"
            }
        };
        self.raise(GlueError::new(ErrorCode::BadRequest, msg).with_retryable(false));
    }

    /// Counts an event lost before the queue (`beforeSend` threw).
    pub fn lose(&mut self) {
        self.queue.lose();
    }

    /// The next batch to send. In a page-hide round every batch that fits what is left
    /// of the keepalive budget.
    pub fn take(&mut self, how: Take, epoch: f64, mono: f64) -> Option<Batch> {
        let mode = match how {
            Take::Normal => Mode::Normal,
            Take::Flush => Mode::Flush,
            Take::HideFirst | Take::HideNext => {
                if how == Take::HideFirst {
                    self.hide_budget = KEEPALIVE_BUDGET;
                }
                Mode::PageHide {
                    budget: self.hide_budget,
                }
            }
        };
        let batch = self.queue.take(mode, epoch, mono)?;
        if let Mode::PageHide { .. } = mode {
            self.hide_budget = self.hide_budget.saturating_sub(batch.body.len());
        }
        Some(batch)
    }

    /// Applies a send's outcome: `status` an HTTP status (200 for a sink that resolved),
    /// 0 a failure (network, sink threw or timed out), -1 not sent (`sendBeacon` false).
    /// `retry_after` and `date`: the response's `Retry-After` and `Date` headers ("" when
    /// absent); `epoch`: `Date.now()`; `random` in [0, 1) for the backoff's jitter.
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
        let mut message = String::new();
        push_u64(&mut message, n as u64);
        message.push_str(msg);
        let mut e = GlueError::new(code, message).with_retryable(false);
        if status > 0 {
            e = e.with_status(status as u16);
        }
        if code == ErrorCode::BadRequest {
            e = e.with_hint("Check the analytics endpoint: it must accept POST {\"events\":[...],\"sentAt\":N} (application/json, or text/plain from sendBeacon).");
        }
        self.raise(e);
    }

    /// Keeps `e` for `onError`, unless the last one kept says the same (each message
    /// names its cause, and the facade drops consecutive duplicates too).
    fn raise(&mut self, e: GlueError) {
        if self.errors.last().map(|l| &l.message) != Some(&e.message) {
            self.errors.push(e);
        }
    }

    /// Milliseconds until the scheduler should send: `None` nothing to do, 0 now.
    pub fn due(&self, mono: f64) -> Option<f64> {
        self.queue.due(mono)
    }

    /// Whether a problem waits to be reported to `onError`.
    pub fn has_error(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The oldest problem not yet reported to `onError`, once.
    pub fn take_error(&mut self) -> Option<GlueError> {
        (!self.errors.is_empty()).then(|| self.errors.remove(0))
    }

    /// `metrics()` as numbers, in [`METRICS`]' order; NaN for null.
    pub fn metrics(&self) -> [f64; METRICS_LEN] {
        let m = &self.tracker.metrics;
        let q = &self.queue;
        let quantiles =
            |q: Option<Quantiles>| q.map_or([f64::NAN; 4], |q| [q.p50, q.p90, q.p99, q.max]);
        let r = quantiles(m.response_quantiles());
        let t = quantiles(m.thread_load_quantiles());
        [
            m.responses as f64,
            m.errors as f64,
            m.abandoned as f64,
            r[0],
            r[1],
            r[2],
            r[3],
            m.time_to_ready_ms.unwrap_or(f64::NAN),
            t[0],
            t[1],
            t[2],
            t[3],
            m.tool_calls as f64,
            q.dropped as f64,
            q.delivered as f64,
            q.held() as f64,
        ]
    }
}

/// How many numbers [`Engine::metrics`] answers: `responses, errors, abandoned,
/// responseMs (p50, p90, p99, max), timeToReadyMs, threadLoadMs (p50, p90, p99, max),
/// toolCalls, dropped, sent, queued`.
pub const METRICS_LEN: usize = 16;

/// `text` with a message's token-shaped substrings replaced (error messages).
pub fn redact_message(text: &str) -> Cow<'_, str> {
    super::redact::redact_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::record::Field as F;

    fn options(entries: &[(&str, F)]) -> F {
        let mut all: Vec<(String, F)> = entries
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        if !all.iter().any(|(k, _)| k == "sessionId") {
            all.push(("sessionId".into(), F::Str("s".into())));
        }
        F::Object(all)
    }

    fn engine(entries: &[(&str, F)]) -> Engine {
        Engine::new(options(entries), 0.0).unwrap()
    }

    #[test]
    fn options_defaults_and_ranges() {
        let c = Config::new(options(&[])).unwrap();
        assert_eq!(
            (
                c.queue.batch_size,
                c.queue.max_queue,
                c.queue.max_batch_bytes,
                c.queue.flush_interval_ms,
                c.send_timeout_ms,
                c.send,
                c.direct
            ),
            (20, 1_000, 48_000, 5_000.0, 10_000.0, false, true)
        );
        let bad: Vec<(&str, F)> = vec![
            ("batchSize", F::Number(0.0)),
            ("sampleRate", F::Number(2.0)),
            ("maxBatchBytes", F::Number(100_000.0)),
            ("flushInterval", F::Number(5.0)),
            ("redactKeys", F::Str("token".into())),
            ("redactKeys", F::Array(vec![F::Number(1.0)])),
            ("onError", F::Str("log".into())),
            ("endpoint", F::Number(1.0)),
            ("sessionId", F::Str(String::new())),
            ("sendTimeoutMs", F::Number(0.0)),
            ("maxQueue", F::Str("10".into())),
        ];
        for (k, v) in bad {
            let e = Config::new(options(&[(k, v.clone())])).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidConfig, "{k} {v:?}");
            assert!(e.message.starts_with("ChatKitAnalytics: "), "{}", e.message);
        }
        let e = Config::new(options(&[
            ("batchSize", F::Number(50.0)),
            ("maxQueue", F::Number(10.0)),
        ]))
        .unwrap_err();
        assert_eq!(
            e.message,
            "ChatKitAnalytics: batchSize must not exceed maxQueue"
        );
        let e = Config::new(options(&[
            ("sink", F::Function),
            ("endpoint", F::Str("/x".into())),
        ]))
        .unwrap_err();
        assert_eq!(
            e.message,
            "ChatKitAnalytics: give a sink or an endpoint, not both"
        );
        assert!(Config::new(F::Str("options".into())).is_err());
        assert!(Config::new(F::Object(vec![])).is_err(), "a session id");
        let c = Config::new(options(&[
            ("sink", F::Function),
            ("beforeSend", F::Function),
            ("onError", F::Null),
            ("redactKeys", F::Array(vec![F::Str("X-Api".into())])),
        ]))
        .unwrap();
        assert!(c.send && !c.direct);
        assert_eq!(c.keys, vec![b"xapi".to_vec()]);
    }

    #[test]
    fn events_are_paired_redacted_queued_and_delivered() {
        let mut e = engine(&[("sink", F::Function), ("batchSize", F::Number(3.0))]);
        let mut out = Vec::new();
        e.observe("response.start", 1_000.0, 10.0, Data::None, None, &mut out);
        e.observe(
            "thread.change",
            1_001.0,
            11.0,
            Data::Json(r#"{"threadId":"t1"}"#),
            None,
            &mut out,
        );
        assert_eq!(e.due(11.0), Some(5_000.0 - 1.0));
        e.observe(
            "response.end",
            1_030.0,
            40.0,
            Data::Json(r#"{"apiKey":"sk-0123456789abcdef","ok":true}"#),
            None,
            &mut out,
        );
        assert!(out.is_empty(), "direct: queued");
        assert_eq!(e.due(40.0), Some(0.0));
        let b = e.take(Take::Normal, 5.0, 40.0).unwrap();
        assert_eq!(
            b.body,
            "{\"events\":[{\"id\":\"s.1\",\"type\":\"response.start\",\"at\":1000,\"sessionId\":\"s\",\"threadId\":null},\
             {\"id\":\"s.2\",\"type\":\"thread.change\",\"at\":1001,\"sessionId\":\"s\",\"threadId\":\"t1\"},\
             {\"id\":\"s.3\",\"type\":\"response.end\",\"at\":1030,\"sessionId\":\"s\",\"threadId\":\"t1\",\"durationMs\":30,\"data\":{\"apiKey\":\"[redacted]\",\"ok\":true}}],\"sentAt\":5}"
        );
        e.settle(b.id, 200, 41.0, "", "", 0.0, 0.5);
        let m = e.metrics();
        assert_eq!((m[0], m[6], m[14], m[15]), (1.0, 30.0, 3.0, 0.0));
        assert!(m[7].is_nan(), "no ready yet");
        assert!(!e.has_error());
    }

    #[test]
    fn before_send_round_trip_and_errors() {
        let mut e = engine(&[("sink", F::Function), ("beforeSend", F::Function)]);
        let mut out = Vec::new();
        e.observe(
            "tool.call",
            1.0,
            1.0,
            Data::Json(r#"{"phase":"end","name":"t"}"#),
            Some(8.0),
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].contains("\"durationMs\":8"), "{}", out[0]);
        let event = F::Object(vec![
            ("type".into(), F::Str("edited".into())),
            ("id".into(), F::Str("s.1".into())),
            ("at".into(), F::Number(5.0)),
        ]);
        e.encode(&event, Data::Json(r#"{"note":"Bearer abc.def"}"#), 1.0);
        e.encode(&F::Object(vec![]), Data::None, 1.0);
        assert_eq!(
            e.take_error().unwrap().message,
            "analytics: beforeSend must return the event (with its string type), null to drop it, or nothing to keep it"
        );
        e.observe("x", 1.0, 1.0, Data::Unencodable, None, &mut out);
        assert_eq!(e.take_error().unwrap().code, ErrorCode::InvalidConfig);
        let b = e.take(Take::Flush, 0.0, 2.0).unwrap();
        assert!(
            b.body.contains("{\"note\":\"Bearer [redacted]\"}"),
            "{}",
            b.body
        );
        assert_eq!(e.metrics()[12], 1.0, "one tool call");
        assert_eq!(e.metrics()[13], 2.0, "two lost");
    }

    #[test]
    fn settle_reports_drops_once_with_their_code() {
        let mut e = engine(&[("endpoint", F::Str("/c".into()))]);
        let mut out = Vec::new();
        e.observe("a", 0.0, 0.0, Data::None, None, &mut out);
        let b = e.take(Take::Flush, 0.0, 0.0).unwrap();
        e.settle(b.id, 404, 0.0, "", "", 0.0, 0.5);
        let err = e.take_error().unwrap();
        assert_eq!(
            (err.code, err.status, err.message.as_ref()),
            (
                ErrorCode::BadRequest,
                Some(404),
                "1 analytics events dropped: the endpoint refused them (not retried)"
            )
        );
        assert!(e.take_error().is_none());
        // Retry-After is read by the core: 429 with 7 s waits 7 s.
        e.observe("b", 0.0, 0.0, Data::None, None, &mut out);
        let b = e.take(Take::Flush, 0.0, 0.0).unwrap();
        e.settle(b.id, 429, 0.0, "7", "", 0.0, 0.0);
        assert_eq!(e.due(0.0), Some(7_000.0));
        assert!(!e.has_error());
    }

    #[test]
    fn page_hide_takes_share_the_keepalive_budget() {
        let mut e = engine(&[
            ("endpoint", F::Str("/c".into())),
            ("batchSize", F::Number(1.0)),
            ("maxBatchBytes", F::Number(64_000.0)),
        ]);
        let mut out = Vec::new();
        let big = format!("{{\"t\":\"{}\"}}", "x".repeat(30_000));
        for _ in 0..3 {
            e.observe("a", 0.0, 0.0, Data::Json(&big), None, &mut out);
        }
        assert!(e.take(Take::HideFirst, 0.0, 0.0).is_some());
        assert!(e.take(Take::HideNext, 0.0, 0.0).is_some());
        assert!(e.take(Take::HideNext, 0.0, 0.0).is_none(), "budget spent");
        assert!(e.take(Take::HideFirst, 0.0, 0.0).is_some(), "a new round");
    }

    #[test]
    fn sampled_out_or_without_a_destination_counts_but_sends_nothing() {
        let mut e = engine(&[("sink", F::Function), ("sampleRate", F::Number(0.0))]);
        let mut out = Vec::new();
        e.observe("response.start", 0.0, 0.0, Data::None, None, &mut out);
        e.observe("response.end", 0.0, 5.0, Data::Unencodable, None, &mut out);
        assert!(!e.sending());
        assert_eq!(e.due(5.0), None);
        assert!(!e.has_error());
        assert_eq!(e.metrics()[0], 1.0);
    }
}

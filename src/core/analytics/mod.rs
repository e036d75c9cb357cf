//! `ChatKitAnalytics`' rules: which events pair, what counts in `metrics()`, how events
//! are encoded, redacted, sampled, queued and retried. The binding feeds it observations
//! with their timestamps and carries out the sends it asks for.

use alloc::borrow::ToOwned;
use alloc::string::String;

pub mod encode;
pub mod engine;
pub mod json;
pub mod pairing;
pub mod queue;
pub mod redact;
pub mod sampling;
pub mod sketch;

use pairing::{Loads, Responses};
use sketch::{Quantiles, Sketch};

/// The counters and distributions `metrics()` reports.
#[derive(Debug, Default)]
pub struct Metrics {
    pub responses: u64,
    pub errors: u64,
    pub abandoned: u64,
    pub tool_calls: u64,
    pub time_to_ready_ms: Option<f64>,
    pub response_ms: Sketch,
    pub thread_load_ms: Sketch,
}

impl Metrics {
    pub fn response_quantiles(&self) -> Option<Quantiles> {
        self.response_ms.summary()
    }
    pub fn thread_load_quantiles(&self) -> Option<Quantiles> {
        self.thread_load_ms.summary()
    }
}

/// What one observation turns into, after pairing.
#[derive(Debug, Default, PartialEq)]
pub struct Observed {
    /// A `response.abandoned` event to emit first: its duration and thread.
    pub abandoned: Option<(f64, Option<String>)>,
    /// The observed event's duration, when it has one.
    pub duration: Option<f64>,
    /// The thread the observed event is stamped with.
    pub thread: Option<String>,
    /// Whether the event's `data` is dropped: thread events carry their thread as
    /// `threadId` instead.
    pub omit_data: bool,
}

/// The event type a response left running becomes.
pub const ABANDONED: &str = "response.abandoned";

/// The event types whose monotonic time [`Tracker::observe`] reads (time to ready,
/// response and thread-load durations, abandons). For every other type the time only
/// says when the event was queued, so the facade reads its (costly) monotonic clock for
/// these types alone (`pkg-template/src/analytics-limits.js`, generated from this list
/// by `tests/generated.rs`) and gives the others the time their run crossed
/// (`bind::analytics::analytics_observe`). A test checks no other type reads it.
pub const TIMED: [&str; 6] = [
    "ready",
    "response.start",
    "response.end",
    "thread.change",
    "thread.load.start",
    "thread.load.end",
];

/// Pairing and metrics for one analytics object.
#[derive(Debug, Default)]
pub struct Tracker {
    responses: Responses,
    loads: Loads,
    pub metrics: Metrics,
    /// Monotonic time the time-to-ready is measured from.
    ready_from: f64,
    seq: u64,
}

impl Tracker {
    /// `ready_from`: the monotonic time time-to-ready counts from.
    pub fn new(ready_from: f64) -> Self {
        Tracker {
            ready_from,
            ..Tracker::default()
        }
    }

    /// Time-to-ready counts from `ready_from` (until the first `ready`).
    pub fn set_ready_from(&mut self, ready_from: f64) {
        self.ready_from = ready_from;
    }

    /// The next event sequence number (for ids): 1, 2, ...
    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    fn current(&self) -> Option<String> {
        self.responses.thread().map(str::to_owned)
    }

    fn abandoned(
        &mut self,
        d: Option<f64>,
        thread: Option<String>,
    ) -> Option<(f64, Option<String>)> {
        let d = d?;
        self.metrics.abandoned += 1;
        Some((d, thread))
    }

    /// Observes an event of type `kind` at monotonic time `now`. `detail` is the thread
    /// id of `thread.*` events and the phase of `tool.call`; `given` a duration the
    /// event brought with it (tool calls, secret fetches).
    pub fn observe(
        &mut self,
        kind: &str,
        now: f64,
        detail: Option<&str>,
        given: Option<f64>,
    ) -> Observed {
        let mut o = Observed {
            duration: given.filter(|d| d.is_finite() && *d >= 0.0),
            ..Observed::default()
        };
        match kind {
            "ready" if self.metrics.time_to_ready_ms.is_none() => {
                let d = (now - self.ready_from).max(0.0);
                self.metrics.time_to_ready_ms = Some(d);
                o.duration = Some(d);
            }
            "error" => self.metrics.errors += 1,
            "response.start" => {
                let p = self.responses.start(now);
                o.abandoned = self.abandoned(p.abandoned, self.current());
            }
            "response.end" => {
                self.metrics.responses += 1;
                o.duration = self.responses.end(now).duration;
                if let Some(d) = o.duration {
                    self.metrics.response_ms.add(d);
                }
            }
            "thread.change" => {
                let before = self.current();
                let d = self.responses.thread_change(detail.map(str::to_owned), now);
                o.abandoned = self.abandoned(d, before);
                o.omit_data = true;
            }
            "thread.load.start" | "thread.load.end" => {
                o.omit_data = true;
                if let Some(t) = detail {
                    if kind == "thread.load.start" {
                        self.loads.start(t, now);
                    } else if let Some(d) = self.loads.end(t, now) {
                        self.metrics.thread_load_ms.add(d);
                        o.duration = Some(d);
                    }
                    o.thread = Some(t.to_owned());
                    return o;
                }
            }
            "tool.call" if detail == Some("end") => self.metrics.tool_calls += 1,
            _ => {}
        }
        o.thread = self.current();
        o
    }

    /// The object is going away: a running response is abandoned.
    pub fn dispose(&mut self, now: f64) -> Observed {
        let d = self.responses.dispose(now);
        Observed {
            abandoned: self.abandoned(d, self.current()),
            ..Observed::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_timed_types_read_the_time() {
        // One type observed at time `at` in the middle of a response and a thread load,
        // then what follows: everything the tracker says, as text.
        let run = |kind: &str, at: f64| {
            let mut t = Tracker::new(0.0);
            t.observe("thread.change", 5.0, Some("t0"), None);
            t.observe("response.start", 10.0, None, None);
            t.observe("thread.load.start", 10.0, Some("t"), None);
            let o = t.observe(kind, at, Some("t"), None);
            let next = [
                t.observe("response.end", 30.0, None, None),
                t.observe("thread.load.end", 40.0, Some("t"), None),
                t.observe("ready", 50.0, None, None),
                t.dispose(60.0),
            ];
            format!("{o:?} {next:?} {:?}", t.metrics)
        };
        for kind in [
            "ready",
            "error",
            "effect",
            "deeplink",
            "response.start",
            "response.end",
            "history.open",
            "history.close",
            "thread.change",
            "thread.load.start",
            "thread.load.end",
            "tool.change",
            "log",
            "tool.call",
            "secret.fetch",
            "fetch.token_refresh",
            "checkout",
            "",
        ] {
            let reads = run(kind, 11.0) != run(kind, 17.0);
            assert_eq!(reads, TIMED.contains(&kind), "{kind}");
            if !reads {
                assert_eq!(run(kind, 11.0), run(kind, f64::NAN), "{kind}");
            }
        }
    }

    #[test]
    fn a_chat_session() {
        let mut t = Tracker::new(100.0);
        assert_eq!(t.observe("ready", 350.0, None, None).duration, Some(250.0));
        assert_eq!(
            t.observe("ready", 900.0, None, None).duration,
            None,
            "only the first"
        );
        assert_eq!(t.metrics.time_to_ready_ms, Some(250.0));

        // A response in a new thread: the thread gets its id mid-response.
        t.observe("response.start", 1_000.0, None, None);
        let o = t.observe("thread.change", 1_010.0, Some("t1"), None);
        assert_eq!(
            (o.abandoned, o.thread.as_deref(), o.omit_data),
            (None, Some("t1"), true)
        );
        let o = t.observe("response.end", 3_000.0, None, None);
        assert_eq!(
            (o.duration, o.thread.as_deref()),
            (Some(2_000.0), Some("t1"))
        );

        // Started, then the user switches threads: abandoned in the old thread.
        t.observe("response.start", 4_000.0, None, None);
        let o = t.observe("thread.change", 4_500.0, Some("t2"), None);
        assert_eq!(o.abandoned, Some((500.0, Some("t1".to_owned()))));
        // Started twice: the first is abandoned.
        t.observe("response.start", 5_000.0, None, None);
        let o = t.observe("response.start", 5_100.0, None, None);
        assert_eq!(o.abandoned, Some((100.0, Some("t2".to_owned()))));
        // Dispose with one running.
        assert_eq!(
            t.dispose(6_100.0).abandoned,
            Some((1_000.0, Some("t2".to_owned())))
        );

        // Thread loads pair by id and are stamped with the loaded thread.
        t.observe("thread.load.start", 7_000.0, Some("t9"), None);
        let o = t.observe("thread.load.end", 7_040.0, Some("t9"), None);
        assert_eq!((o.duration, o.thread.as_deref()), (Some(40.0), Some("t9")));

        t.observe("tool.call", 8_000.0, Some("start"), Some(1.0));
        assert_eq!(
            t.observe("tool.call", 8_000.0, Some("end"), Some(12.5))
                .duration,
            Some(12.5)
        );
        t.observe("error", 8_000.0, None, None);
        assert_eq!(
            t.observe("secret.fetch", 0.0, None, Some(f64::NAN))
                .duration,
            None
        );

        let m = &t.metrics;
        assert_eq!(
            (m.responses, m.abandoned, m.errors, m.tool_calls),
            (1, 3, 1, 1)
        );
        assert_eq!(m.response_quantiles().unwrap().max, 2_000.0);
        assert_eq!(m.thread_load_quantiles().unwrap().max, 40.0);
        assert_eq!((t.next_seq(), t.next_seq()), (1, 2));
    }
}

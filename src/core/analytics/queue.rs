//! The delivery queue: bounded, batched, and honest about loss.
//!
//! - At most `max_queue` events are held (waiting or in flight). Past it the oldest
//!   waiting event is dropped and counted.
//! - A batch holds at most `batch_size` events (halved on 413, see below) and its wire
//!   body `{"events":[...],"sentAt":N}` at most `max_batch_bytes` bytes. An event that
//!   could never fit is dropped when pushed.
//! - Retry/drop policy per outcome of a send (see [`Queue::settle`]): 2xx delivered;
//!   network failure (or a sink that threw or timed out), 408, 429 and 5xx retried with
//!   backoff, [`MAX_ATTEMPTS`] attempts per event; 413 halves the batch (a single event
//!   is dropped); any other status drops the batch.
//! - Accounting: every pushed event is, at every moment, exactly one of delivered,
//!   dropped, or held: `recorded == delivered + dropped + held`.

use super::encode::push_u64;
use crate::core::float::pow2;
use alloc::string::String;
use alloc::vec::Vec;

/// Attempts per event (the first send included) before it is dropped.
pub const MAX_ATTEMPTS: u8 = 3;
/// First retry delay; doubled per attempt, with jitter, up to [`MAX_BACKOFF_MS`].
pub const BASE_BACKOFF_MS: f64 = 1_000.0;
pub const MAX_BACKOFF_MS: f64 = 30_000.0;
/// A server's `Retry-After` is honoured up to this long.
pub const MAX_RETRY_AFTER_MS: f64 = 60_000.0;
/// Bytes of the body around the events: `{"events":[` `],"sentAt":` 13 digits `}`,
/// rounded up.
pub const BODY_OVERHEAD: usize = 40;

/// The wait a response's `Retry-After` header asks for, in milliseconds, as
/// [`Queue::settle`] takes it: the secrets' rule ([`crate::core::secrets::backoff::retry_after_ms`]:
/// delay-seconds, or an HTTP date against the response's `Date` header, else `now_ms`),
/// with the dates read by [`crate::core::http_date::parse`]; 0 when absent or unreadable
/// (backoff alone applies). `Queue::settle` caps it at [`MAX_RETRY_AFTER_MS`].
pub fn retry_after_ms(header: &str, date: &str, now_ms: f64) -> f64 {
    let server = crate::core::http_date::parse(date);
    crate::core::secrets::backoff::retry_after_ms(
        header,
        server,
        now_ms,
        crate::core::http_date::parse,
    )
    .unwrap_or(0.0)
}

#[derive(Clone, Copy, Debug)]
pub struct QueueConfig {
    pub batch_size: usize,
    pub max_queue: usize,
    pub max_batch_bytes: usize,
    pub flush_interval_ms: f64,
}

impl Default for QueueConfig {
    fn default() -> Self {
        QueueConfig {
            batch_size: 20,
            max_queue: 1_000,
            max_batch_bytes: 48_000,
            flush_interval_ms: 5_000.0,
        }
    }
}

#[derive(Debug, Default)]
struct Item {
    json: String,
    attempts: u8,
    queued_at: f64,
}

/// The waiting events, oldest first: a `Vec` read from `head`, so that taking a batch
/// from the front costs the batch, not the whole queue (a `maxQueue` of 100,000 would
/// otherwise move every waiting event on each take). The slots before `head` are
/// emptied and reclaimed once they are half of the `Vec`.
#[derive(Debug, Default)]
struct Waiting {
    items: Vec<Item>,
    head: usize,
}

impl Waiting {
    fn live(&self) -> &[Item] {
        self.items.get(self.head..).unwrap_or_default()
    }

    fn len(&self) -> usize {
        self.items.len() - self.head
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn first(&self) -> Option<&Item> {
        self.live().first()
    }

    fn iter(&self) -> core::slice::Iter<'_, Item> {
        self.live().iter()
    }

    fn push(&mut self, item: Item) {
        self.items.push(item);
    }

    /// Moves the `n` oldest out.
    fn take_front(&mut self, n: usize) -> Vec<Item> {
        let end = (self.head + n).min(self.items.len());
        let out = self
            .items
            .get_mut(self.head..end)
            .map(|taken| taken.iter_mut().map(core::mem::take).collect())
            .unwrap_or_default();
        self.head = end;
        if self.head * 2 >= self.items.len() {
            self.items.drain(..self.head);
            self.head = 0;
        }
        out
    }

    /// Puts `items` back in front, oldest first.
    fn put_front(&mut self, mut items: Vec<Item>) {
        items.extend(self.items.drain(self.head..));
        self.items = items;
        self.head = 0;
    }
}

/// How a batch is taken.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    /// The scheduler's send: one batch in flight at a time, never during a backoff.
    Normal,
    /// `flush()`: one batch in flight at a time, backoff ignored.
    Flush,
    /// The page is hiding: ignore the backoff and what is in flight; the body must fit
    /// in `budget` bytes (what is left of the browser's keepalive budget).
    PageHide { budget: usize },
}

#[derive(Debug)]
pub struct Batch {
    pub id: u32,
    pub body: String,
    pub count: usize,
}

/// What happened to a send.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// A sink resolved.
    Delivered,
    /// The endpoint answered with this HTTP status.
    Status(u16),
    /// The request failed (network), or a sink threw, rejected or timed out.
    Failed,
    /// Not sent at all (`sendBeacon` returned false): the events wait again, with no
    /// attempt counted.
    NotSent,
}

#[derive(Debug, PartialEq)]
pub enum Settled {
    Delivered(usize),
    /// 413: the events wait again and the next batches are half as large.
    Halved,
    /// Retried after `delay_ms`; `dropped` events had used all their attempts.
    Retry {
        delay_ms: f64,
        dropped: usize,
    },
    /// Dropped: a status that retrying cannot fix (or a lone event answered 413).
    Dropped(usize),
    Requeued,
    /// No batch with that id is in flight (already settled).
    Unknown,
}

#[derive(Debug, PartialEq)]
pub enum Pushed {
    Queued,
    /// The queue was full: the oldest waiting event (or, if every held event is in
    /// flight, this one) was dropped.
    Overflow,
    /// The event alone is larger than a batch may be: dropped.
    TooBig,
}

#[derive(Debug, Default)]
pub struct Queue {
    cfg: QueueConfig,
    /// Waiting events, oldest first.
    items: Waiting,
    bytes: usize,
    inflight: Vec<(u32, Vec<Item>)>,
    next_id: u32,
    limit: usize,
    /// Events put back by a 413 that have not gone out again: they are due at once.
    split_left: usize,
    retry_at: Option<f64>,
    pub recorded: u64,
    pub delivered: u64,
    pub dropped: u64,
}

impl Queue {
    pub fn new(cfg: QueueConfig) -> Self {
        let max_queue = cfg.max_queue.max(1);
        let cfg = QueueConfig {
            max_queue,
            batch_size: cfg.batch_size.clamp(1, max_queue),
            max_batch_bytes: cfg.max_batch_bytes.max(BODY_OVERHEAD + 2),
            flush_interval_ms: cfg.flush_interval_ms.max(0.0),
        };
        Queue {
            cfg,
            limit: cfg.batch_size,
            ..Queue::default()
        }
    }

    /// Events waiting or in flight.
    pub fn held(&self) -> usize {
        self.items.len() + self.inflight.iter().map(|(_, b)| b.len()).sum::<usize>()
    }

    pub fn waiting(&self) -> usize {
        self.items.len()
    }

    /// An event lost before reaching the queue (a `beforeSend` that threw).
    pub fn lose(&mut self) {
        self.recorded += 1;
        self.dropped += 1;
    }

    pub fn push(&mut self, json: String, now: f64) -> Pushed {
        self.recorded += 1;
        if json.len() + BODY_OVERHEAD > self.cfg.max_batch_bytes {
            self.dropped += 1;
            return Pushed::TooBig;
        }
        let mut pushed = Pushed::Queued;
        if self.held() >= self.cfg.max_queue {
            self.dropped += 1;
            if self.items.is_empty() {
                return Pushed::Overflow;
            }
            for old in self.items.take_front(1) {
                self.bytes -= old.json.len();
            }
            pushed = Pushed::Overflow;
        }
        self.bytes += json.len();
        self.items.push(Item {
            json,
            attempts: 0,
            queued_at: now,
        });
        pushed
    }

    fn backing_off(&self, now: f64) -> bool {
        self.retry_at.is_some_and(|t| now < t)
    }

    /// Milliseconds until the scheduler should send: `None` when there is nothing to do
    /// (empty, or a send is in flight and will settle), `Some(0.0)` for now.
    pub fn due(&self, now: f64) -> Option<f64> {
        let oldest = self.items.first()?;
        if !self.inflight.is_empty() {
            return None;
        }
        if let Some(t) = self.retry_at.filter(|t| now < *t) {
            return Some(t - now);
        }
        // Events that were already sent once (retried, or split by a 413) do not wait
        // for the interval again.
        if self.split_left > 0
            || oldest.attempts > 0
            || self.items.len() >= self.limit
            || self.bytes + self.items.len() + BODY_OVERHEAD >= self.cfg.max_batch_bytes
        {
            return Some(0.0);
        }
        Some((oldest.queued_at + self.cfg.flush_interval_ms - now).max(0.0))
    }

    /// Takes the next batch, with its body stamped `sentAt` (epoch ms).
    pub fn take(&mut self, mode: Mode, sent_at: f64, now: f64) -> Option<Batch> {
        let max_bytes = match mode {
            Mode::Normal if self.backing_off(now) => return None,
            Mode::Normal | Mode::Flush if !self.inflight.is_empty() => return None,
            Mode::PageHide { budget } => budget.min(self.cfg.max_batch_bytes),
            _ => self.cfg.max_batch_bytes,
        };
        let mut size = BODY_OVERHEAD;
        let mut count = 0;
        for item in self.items.iter() {
            if count == self.limit || size + item.json.len() + 1 > max_bytes {
                break;
            }
            size += item.json.len() + 1;
            count += 1;
        }
        if count == 0 {
            return None;
        }
        let items = self.items.take_front(count);
        self.split_left = self.split_left.saturating_sub(count);
        let mut body = String::with_capacity(size);
        body.push_str("{\"events\":[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            body.push_str(&item.json);
            self.bytes -= item.json.len();
        }
        body.push_str("],\"sentAt\":");
        push_u64(&mut body, sent_at.max(0.0) as u64);
        body.push('}');
        self.retry_at = None;
        self.next_id = self.next_id.wrapping_add(1);
        let id = self.next_id;
        self.inflight.push((id, items));
        Some(Batch { id, body, count })
    }

    fn requeue(&mut self, items: Vec<Item>) {
        self.bytes += items.iter().map(|i| i.json.len()).sum::<usize>();
        self.items.put_front(items);
    }

    /// Applies the outcome of a send. `random` is in [0, 1) (jitter); `retry_after_ms`
    /// is the server's `Retry-After` (0 when absent).
    pub fn settle(
        &mut self,
        id: u32,
        outcome: Outcome,
        now: f64,
        retry_after_ms: f64,
        random: f64,
    ) -> Settled {
        let Some(at) = self.inflight.iter().position(|(i, _)| *i == id) else {
            return Settled::Unknown;
        };
        let (_, mut items) = self.inflight.remove(at);
        let n = items.len();
        let retry = match outcome {
            Outcome::Delivered => false,
            Outcome::Status(s) if (200..300).contains(&s) => false,
            Outcome::Failed => true,
            Outcome::Status(s) => matches!(s, 408 | 429 | 500..=599),
            Outcome::NotSent => {
                self.requeue(items);
                return Settled::Requeued;
            }
        };
        if retry {
            let mut attempts = 0;
            items.retain_mut(|item| {
                item.attempts = item.attempts.saturating_add(1);
                attempts = attempts.max(item.attempts);
                item.attempts < MAX_ATTEMPTS
            });
            let dropped = n - items.len();
            self.dropped += dropped as u64;
            let delay_ms =
                backoff_ms(attempts, random).max(retry_after_ms.clamp(0.0, MAX_RETRY_AFTER_MS));
            if !items.is_empty() {
                self.retry_at = Some(now + delay_ms);
            }
            self.requeue(items);
            return Settled::Retry { delay_ms, dropped };
        }
        match outcome {
            Outcome::Delivered | Outcome::Status(200..=299) => {
                self.delivered += n as u64;
                self.limit = (self.limit * 2).min(self.cfg.batch_size);
                Settled::Delivered(n)
            }
            Outcome::Status(413) if n > 1 => {
                self.limit = (n / 2).max(1);
                self.split_left += n;
                self.requeue(items);
                Settled::Halved
            }
            _ => {
                self.dropped += n as u64;
                Settled::Dropped(n)
            }
        }
    }

    /// The most events the next batch may hold (halved by 413s, restored by successes).
    pub fn batch_limit(&self) -> usize {
        self.limit
    }
}

/// Exponential backoff with equal jitter: half the delay fixed, half random.
pub fn backoff_ms(attempt: u8, random: f64) -> f64 {
    let exp = BASE_BACKOFF_MS * pow2(attempt.saturating_sub(1) as i32);
    let d = exp.min(MAX_BACKOFF_MS);
    let r = if (0.0..1.0).contains(&random) {
        random
    } else {
        0.5
    };
    d / 2.0 + d / 2.0 * r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(batch: usize, max: usize, bytes: usize) -> QueueConfig {
        QueueConfig {
            batch_size: batch,
            max_queue: max,
            max_batch_bytes: bytes,
            flush_interval_ms: 1_000.0,
        }
    }

    fn ev(i: usize) -> String {
        let mut s = String::from("{\"i\":");
        push_u64(&mut s, i as u64);
        s.push('}');
        s
    }

    fn fill(q: &mut Queue, n: usize) {
        for i in 0..n {
            q.push(ev(i), 0.0);
        }
    }

    fn balanced(q: &Queue) -> bool {
        q.recorded == q.delivered + q.dropped + q.held() as u64
    }

    #[test]
    fn the_bound_drops_the_oldest_and_counts_it() {
        let mut q = Queue::new(cfg(5, 10, 48_000));
        fill(&mut q, 10);
        assert_eq!(q.push(ev(10), 0.0), Pushed::Overflow);
        assert_eq!(q.held(), 10);
        assert_eq!(q.dropped, 1);
        let b = q.take(Mode::Normal, 0.0, 0.0).unwrap();
        assert!(b.body.starts_with("{\"events\":[{\"i\":1},"), "{}", b.body);
        for i in 11..10_000 {
            q.push(ev(i), 0.0);
            assert!(q.held() <= 10);
        }
        assert!(balanced(&q));
    }

    #[test]
    fn batches_by_count_and_bytes_with_the_wire_format() {
        let mut q = Queue::new(cfg(3, 100, 48_000));
        fill(&mut q, 2);
        assert_eq!(
            q.due(0.0),
            Some(1_000.0),
            "interval: the oldest waits at most 1 s"
        );
        assert_eq!(q.due(400.0), Some(600.0));
        q.push(ev(2), 0.0);
        assert_eq!(q.due(0.0), Some(0.0), "count reached");
        let b = q.take(Mode::Normal, 1_700_000_000_123.0, 0.0).unwrap();
        assert_eq!(
            b.body,
            "{\"events\":[{\"i\":0},{\"i\":1},{\"i\":2}],\"sentAt\":1700000000123}"
        );
        assert_eq!(q.due(0.0), None);

        // Bytes: 8-byte events, a 70-byte body limit: 40 + 3 * 9 = 67 fits, 4 do not.
        let mut q = Queue::new(cfg(20, 100, 70));
        fill(&mut q, 3);
        assert_eq!(q.due(0.0), Some(1_000.0));
        fill(&mut q, 1);
        assert_eq!(q.due(0.0), Some(0.0), "bytes reached");
        let b = q.take(Mode::Normal, 0.0, 0.0).unwrap();
        assert_eq!(b.count, 3);
        assert!(b.body.len() <= 70);
        // Too big alone: dropped at push.
        assert_eq!(q.push("x".repeat(31), 0.0), Pushed::TooBig);
        assert!(balanced(&q));
    }

    #[test]
    fn one_normal_batch_in_flight_but_page_hide_sends_anyway() {
        let mut q = Queue::new(cfg(2, 100, 48_000));
        fill(&mut q, 6);
        let a = q.take(Mode::Normal, 0.0, 0.0).unwrap();
        assert!(q.take(Mode::Normal, 0.0, 0.0).is_none());
        assert!(q.take(Mode::Flush, 0.0, 0.0).is_none());
        let b = q.take(Mode::PageHide { budget: 64_000 }, 0.0, 0.0).unwrap();
        assert_eq!(b.count, 2);
        // A page-hide budget too small for the next event takes nothing.
        assert!(q.take(Mode::PageHide { budget: 45 }, 0.0, 0.0).is_none());
        assert_eq!(
            q.settle(a.id, Outcome::Status(204), 0.0, 0.0, 0.5),
            Settled::Delivered(2)
        );
        assert_eq!(
            q.settle(a.id, Outcome::Status(204), 0.0, 0.0, 0.5),
            Settled::Unknown
        );
        assert!(balanced(&q));
    }

    #[test]
    fn retry_policy_per_status() {
        for (status, retried) in [
            (500, true),
            (502, true),
            (503, true),
            (599, true),
            (408, true),
            (429, true),
            (400, false),
            (401, false),
            (403, false),
            (404, false),
            (422, false),
            (302, false),
        ] {
            let mut q = Queue::new(cfg(5, 100, 48_000));
            fill(&mut q, 5);
            let b = q.take(Mode::Normal, 0.0, 0.0).unwrap();
            let s = q.settle(b.id, Outcome::Status(status), 0.0, 0.0, 0.0);
            if retried {
                assert_eq!(
                    s,
                    Settled::Retry {
                        delay_ms: 500.0,
                        dropped: 0
                    },
                    "{status}"
                );
                assert_eq!(q.waiting(), 5, "{status}");
            } else {
                assert_eq!(s, Settled::Dropped(5), "{status}");
                assert_eq!(q.dropped, 5);
            }
            assert!(balanced(&q));
        }
    }

    #[test]
    fn three_attempts_with_backoff_then_dropped() {
        let mut q = Queue::new(cfg(5, 100, 48_000));
        fill(&mut q, 3);
        let mut now = 0.0;
        let mut delays = vec![];
        for attempt in 1..=3 {
            assert!(
                q.take(Mode::Normal, 0.0, now).is_some(),
                "attempt {attempt}"
            );
            let id = q.inflight[0].0;
            match q.settle(id, Outcome::Failed, now, 0.0, 0.999) {
                Settled::Retry { delay_ms, dropped } => {
                    delays.push(delay_ms);
                    assert_eq!(dropped, if attempt == 3 { 3 } else { 0 });
                    if attempt < 3 {
                        // Backing off: the scheduler waits, a normal take refuses; then
                        // the retry is due at once (not after another interval).
                        assert_eq!(q.due(now), Some(delay_ms));
                        assert_eq!(q.due(now + delay_ms), Some(0.0));
                        assert!(q.take(Mode::Normal, 0.0, now + 1.0).is_none());
                        now += delay_ms;
                    }
                }
                other => panic!("{other:?}"),
            }
        }
        assert!(delays[0] < delays[1], "{delays:?}");
        assert_eq!((q.dropped, q.held()), (3, 0));
        assert!(balanced(&q));
    }

    #[test]
    fn retry_after_headers_are_read_by_the_shared_rule() {
        assert_eq!(retry_after_ms("7", "", 0.0), 7_000.0);
        assert_eq!(retry_after_ms(" 0 ", "", 5.0), 0.0);
        // An HTTP date, measured against the response's Date header when it has one.
        let date = "Wed, 21 Oct 2015 07:28:00 GMT";
        let server = "Wed, 21 Oct 2015 07:27:30 GMT";
        assert_eq!(retry_after_ms(date, server, 0.0), 30_000.0);
        let at = crate::core::http_date::parse(date).unwrap();
        assert_eq!(retry_after_ms(date, "", at - 2_000.0), 2_000.0);
        assert_eq!(retry_after_ms(date, "not a date", at + 9.0), 0.0, "past");
        // Absent or unreadable: 0, backoff alone applies.
        for h in ["", "soon", "-5", "1.5", "Wed, 21 Oct 2015"] {
            assert_eq!(retry_after_ms(h, "", 1e12), 0.0, "{h:?}");
        }
    }

    #[test]
    fn retry_after_is_honoured_and_capped() {
        let mut q = Queue::new(cfg(5, 100, 48_000));
        fill(&mut q, 1);
        let b = q.take(Mode::Normal, 0.0, 0.0).unwrap();
        let s = q.settle(b.id, Outcome::Status(429), 0.0, 7_000.0, 0.0);
        assert_eq!(
            s,
            Settled::Retry {
                delay_ms: 7_000.0,
                dropped: 0
            }
        );
        let b = q.take(Mode::Flush, 0.0, 1.0).unwrap();
        let s = q.settle(b.id, Outcome::Status(503), 0.0, 1e12, 0.0);
        assert_eq!(
            s,
            Settled::Retry {
                delay_ms: MAX_RETRY_AFTER_MS,
                dropped: 0
            }
        );
    }

    #[test]
    fn a_413_halves_the_batch_until_one_event_is_dropped() {
        let mut q = Queue::new(cfg(8, 100, 48_000));
        fill(&mut q, 8);
        let mut sizes = vec![];
        loop {
            let b = q.take(Mode::Normal, 0.0, 0.0).unwrap();
            sizes.push(b.count);
            match q.settle(b.id, Outcome::Status(413), 0.0, 0.0, 0.0) {
                Settled::Halved => continue,
                Settled::Dropped(1) => break,
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(sizes, [8, 4, 2, 1]);
        assert_eq!(
            q.due(0.0),
            Some(0.0),
            "split events do not wait for the interval"
        );
        assert_eq!((q.dropped, q.waiting()), (1, 7));
        // Success grows the batch back.
        let b = q.take(Mode::Normal, 0.0, 0.0).unwrap();
        assert_eq!(b.count, 1);
        q.settle(b.id, Outcome::Status(200), 0.0, 0.0, 0.0);
        assert_eq!(q.batch_limit(), 2);
        assert!(balanced(&q));
    }

    #[test]
    fn not_sent_requeues_in_order_without_an_attempt() {
        let mut q = Queue::new(cfg(2, 100, 48_000));
        fill(&mut q, 3);
        let b = q.take(Mode::PageHide { budget: 64_000 }, 0.0, 0.0).unwrap();
        assert_eq!(
            q.settle(b.id, Outcome::NotSent, 0.0, 0.0, 0.0),
            Settled::Requeued
        );
        let b = q.take(Mode::Normal, 0.0, 0.0).unwrap();
        assert!(b.body.starts_with("{\"events\":[{\"i\":0},{\"i\":1}]"));
        assert!(q.items.iter().all(|i| i.attempts == 0));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff_ms(1, 0.0), 500.0);
        assert_eq!(backoff_ms(2, 0.0), 1_000.0);
        let top = backoff_ms(20, 0.999_999);
        assert!(top > 29_999.0 && top <= MAX_BACKOFF_MS, "{top}");
        assert_eq!(backoff_ms(1, f64::NAN), 750.0);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        #[derive(Debug, Clone)]
        enum Op {
            Push(usize),
            Take(u8),
            Settle(usize, u16),
        }

        fn op() -> impl Strategy<Value = Op> {
            prop_oneof![
                4 => (1usize..300).prop_map(Op::Push),
                2 => (0u8..3).prop_map(Op::Take),
                2 => (0usize..4, prop::sample::select(vec![0u16, 1, 200, 204, 400, 408, 413, 429, 500, 503]))
                    .prop_map(|(i, s)| Op::Settle(i, s)),
            ]
        }

        proptest! {
            #[test]
            fn never_over_the_bound_and_every_event_accounted(
                batch in 1usize..30, max in 1usize..60, bytes in 100usize..2_000,
                ops in proptest::collection::vec(op(), 1..300),
            ) {
                let mut q = Queue::new(cfg(batch, max, bytes));
                let mut now = 0.0;
                for op in ops {
                    now += 100.0;
                    match op {
                        Op::Push(len) => { q.push("x".repeat(len), now); }
                        Op::Take(m) => {
                            let mode = match m { 0 => Mode::Normal, 1 => Mode::Flush, _ => Mode::PageHide { budget: 1_000 } };
                            if let Some(b) = q.take(mode, 1.0, now) {
                                prop_assert!(b.body.len() <= bytes);
                                prop_assert!(b.count <= batch);
                            }
                        }
                        Op::Settle(i, s) => {
                            if let Some(&(id, _)) = q.inflight.get(i) {
                                let outcome = match s { 0 => Outcome::Failed, 1 => Outcome::NotSent, 200 => Outcome::Delivered, s => Outcome::Status(s) };
                                q.settle(id, outcome, now, 0.0, 0.5);
                            }
                        }
                    }
                    prop_assert!(q.held() <= q.cfg.max_queue);
                    prop_assert!(balanced(&q), "recorded {} != delivered {} + dropped {} + held {}", q.recorded, q.delivered, q.dropped, q.held());
                    prop_assert_eq!(q.bytes, q.items.iter().map(|i| i.json.len()).sum::<usize>());
                }
            }
        }
    }
}

//! Response timing. ChatKit's `response.start` / `response.end` carry no ids, so they
//! are paired in order on a monotonic clock (milliseconds, `performance.now()`):
//! at most one response runs at a time.
//!
//! A start with no end is *abandoned* when another start arrives, when the thread
//! changes, or when the analytics object is disposed. One thread change does not
//! abandon: a new thread receiving its first id (`null` to an id) while a response runs,
//! since that is the running response creating its own thread.
//!
//! Thread loads carry their thread id, so they are paired by id (a few at most).

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

/// What a response observation produced.
#[derive(Debug, PartialEq)]
pub struct Paired {
    /// Duration of the response abandoned by this observation, if any.
    pub abandoned: Option<f64>,
    /// Duration of the response this `end` closed, if it had a start.
    pub duration: Option<f64>,
}

#[derive(Debug, Default)]
pub struct Responses {
    started: Option<f64>,
    thread: Option<String>,
}

/// Durations from a clock that went backwards (a bad caller value) count as 0.
fn since(start: f64, now: f64) -> f64 {
    let d = now - start;
    if d.is_finite() && d > 0.0 {
        d
    } else {
        0.0
    }
}

impl Responses {
    pub fn new() -> Self {
        Responses::default()
    }

    /// The thread of the latest thread change.
    pub fn thread(&self) -> Option<&str> {
        self.thread.as_deref()
    }

    pub fn running(&self) -> bool {
        self.started.is_some()
    }

    pub fn start(&mut self, now: f64) -> Paired {
        let abandoned = self.started.replace(now).map(|s| since(s, now));
        Paired {
            abandoned,
            duration: None,
        }
    }

    pub fn end(&mut self, now: f64) -> Paired {
        Paired {
            abandoned: None,
            duration: self.started.take().map(|s| since(s, now)),
        }
    }

    /// Sets the current thread; returns the duration of a response it abandons.
    pub fn thread_change(&mut self, thread: Option<String>, now: f64) -> Option<f64> {
        let same = self.thread == thread;
        let created = self.thread.is_none() && thread.is_some();
        self.thread = thread;
        if same || created {
            return None;
        }
        self.started.take().map(|s| since(s, now))
    }

    /// The analytics object is going away: a running response is abandoned.
    pub fn dispose(&mut self, now: f64) -> Option<f64> {
        self.started.take().map(|s| since(s, now))
    }
}

/// Most thread loads tracked at once; the oldest is forgotten past it.
pub const MAX_OPEN_LOADS: usize = 8;

#[derive(Debug, Default)]
pub struct Loads {
    open: Vec<(String, f64)>,
}

impl Loads {
    pub fn start(&mut self, thread: &str, now: f64) {
        self.open.retain(|(t, _)| t != thread);
        if self.open.len() == MAX_OPEN_LOADS {
            self.open.remove(0);
        }
        self.open.push((thread.to_owned(), now));
    }

    /// The load's duration when its start was seen.
    pub fn end(&mut self, thread: &str, now: f64) -> Option<f64> {
        let at = self.open.iter().position(|(t, _)| t == thread)?;
        let (_, start) = self.open.remove(at);
        Some(since(start, now))
    }

    pub fn open(&self) -> usize {
        self.open.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_end_pairs_in_order() {
        let mut r = Responses::new();
        assert_eq!(
            r.start(100.0),
            Paired {
                abandoned: None,
                duration: None
            }
        );
        assert_eq!(r.end(350.0).duration, Some(250.0));
        // An end with no start has no duration.
        assert_eq!(r.end(400.0).duration, None);
    }

    #[test]
    fn a_new_start_abandons_the_running_one() {
        let mut r = Responses::new();
        r.start(0.0);
        assert_eq!(r.start(40.0).abandoned, Some(40.0));
        assert_eq!(r.end(100.0).duration, Some(60.0));
    }

    #[test]
    fn thread_changes() {
        let mut r = Responses::new();
        // A response in a new thread creates that thread: not abandoned.
        r.start(0.0);
        assert_eq!(r.thread_change(Some("t1".into()), 5.0), None);
        assert_eq!(r.thread(), Some("t1"));
        // The same thread again changes nothing.
        assert_eq!(r.thread_change(Some("t1".into()), 6.0), None);
        assert!(r.running());
        // Switching threads abandons.
        assert_eq!(r.thread_change(Some("t2".into()), 10.0), Some(10.0));
        assert!(!r.running());
        // So does leaving for a new, empty thread.
        r.start(20.0);
        assert_eq!(r.thread_change(None, 30.0), Some(10.0));
        assert_eq!(r.thread(), None);
        // Nothing running: nothing abandoned.
        assert_eq!(r.thread_change(Some("t3".into()), 40.0), None);
    }

    #[test]
    fn dispose_abandons_and_clocks_never_go_negative() {
        let mut r = Responses::new();
        assert_eq!(r.dispose(1.0), None);
        r.start(50.0);
        assert_eq!(r.dispose(20.0), Some(0.0));
        r.start(f64::NAN);
        assert_eq!(r.end(10.0).duration, Some(0.0));
    }

    #[test]
    fn loads_pair_by_thread_and_stay_bounded() {
        let mut l = Loads::default();
        l.start("a", 0.0);
        l.start("b", 5.0);
        assert_eq!(l.end("a", 30.0), Some(30.0));
        assert_eq!(l.end("a", 31.0), None);
        assert_eq!(l.end("zz", 31.0), None);
        for i in 0..100 {
            l.start(&i.to_string(), i as f64);
        }
        assert_eq!(l.open(), MAX_OPEN_LOADS);
        assert_eq!(l.end("99", 100.0), Some(1.0));
        assert_eq!(l.end("b", 100.0), None, "the oldest was forgotten");
    }
}

//! `Retry-After` (`core::secrets::backoff::retry_after_ms`) and the waits an operation
//! takes from it, against the `httpdate` crate and RFC 9110.
//!
//! The input is text: line 1 the `Retry-After` value, line 2 the `Date` header, line 3
//! the local clock in epoch milliseconds (digits; a fixed time when absent). HTTP dates
//! are read by `httpdate` (natively standing in for the binding's `Date.parse`, which
//! reads every HTTP date format and more):
//!
//! - delay-seconds (digits only, after trimming HTTP whitespace) is that many seconds;
//!   an HTTP date is its distance from the server's `Date` when that parses, else from
//!   the local clock, and 0 when it is past; anything else is ignored (`None`);
//! - the wait is never negative or NaN;
//! - an operation that gets 503 or 429 with that header waits exactly the rounded-up
//!   `Retry-After` (or backoff without one), and only when the wait ends before its
//!   total deadline; every request's own timeout also ends by the deadline.

use super::line;
use chatkit_glue::core::secrets::backoff::{retry_after_ms, CAP_MS};
use chatkit_glue::core::secrets::operation::{Body, Operation, Reply, Step};
use chatkit_glue::core::secrets::policy::Policy;
use chatkit_glue::core::secrets::Endpoint;
use chatkit_glue::core::ErrorCode;
use std::time::UNIX_EPOCH;

const NOW: f64 = 1_764_700_000_000.0;

/// An HTTP date as epoch milliseconds (what the binding's `Date.parse` answers).
pub fn http_date_ms(s: &str) -> Option<f64> {
    let t = httpdate::parse_http_date(s).ok()?;
    let ms = match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_millis() as f64,
        Err(e) => -(e.duration().as_millis() as f64),
    };
    Some(ms)
}

pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let header = line(text, 0);
    let date = line(text, 1);
    let now = line(text, 2)
        .parse::<u64>()
        .ok()
        .filter(|n| *n < 1 << 50)
        .map_or(NOW, |n| n as f64);
    let server = http_date_ms(date);
    let got = retry_after_ms(header, server, now, http_date_ms);

    // RFC 9110: Retry-After = HTTP-date / delay-seconds; delay-seconds = 1*DIGIT. Field
    // values arrive without leading or trailing whitespace.
    let value = header.trim_matches([' ', '\t', '\n', '\r', '\x0c']);
    let want = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        value.parse::<f64>().ok().map(|s| s * 1000.0)
    } else {
        http_date_ms(value).map(|at| (at - server.unwrap_or(now)).max(0.0))
    };
    match (got, want) {
        (Some(g), Some(w)) => assert!(
            g == w || (g - w).abs() <= w * 1e-12,
            "Retry-After {header:?}: {g} ms, expected {w} ms"
        ),
        (g, w) => assert_eq!(g, w, "Retry-After {header:?}"),
    }
    if let Some(g) = got {
        assert!(g >= 0.0, "a negative wait {g} for {header:?}");
    }

    for (policy, status) in [
        (Policy::default(), 503),
        (
            Policy {
                total_timeout_ms: 2_000,
                timeout_ms: 1_500,
                ..Policy::default()
            },
            429,
        ),
        (
            Policy {
                total_timeout_ms: i32::MAX as u32,
                retries: 10,
                ..Policy::default()
            },
            503,
        ),
    ] {
        run(policy, status, server, got, now);
    }
}

/// An operation whose every answer is `status` with `retry_after`: waits honour it and
/// stay inside the total deadline.
pub fn run(policy: Policy, status: u16, server: Option<f64>, retry_after: Option<f64>, start: f64) {
    let mut now = start;
    let deadline = start + policy.total_timeout_ms as f64;
    let mut op = Operation::new(policy, || 1.0, Endpoint::Start, None, false, 5_000, now);
    let mut step = op.begin(now, 0);
    for _ in 0..2 * policy.retries + 3 {
        match step {
            Step::Send { timeout_ms, .. } => {
                assert!(timeout_ms >= 1);
                assert!(
                    now + timeout_ms as f64 <= deadline + 1.0,
                    "a request timeout past the deadline"
                );
                // The answer comes at once.
                step = op.reply(
                    now,
                    Reply {
                        status,
                        server_date_ms: server,
                        retry_after_ms: retry_after,
                        body: Body::NotJson { html: false },
                    },
                );
            }
            Step::Wait { ms } => {
                match retry_after {
                    Some(ra) => assert_eq!(ms as f64, ra.ceil(), "the wait is Retry-After"),
                    None => assert!(ms <= CAP_MS),
                }
                assert!(
                    now + (ms as f64) <= deadline,
                    "a wait of {ms} ms from {now} passes the deadline {deadline}"
                );
                now += ms as f64;
                step = op.resume(now);
            }
            Step::Done(Err(e)) => {
                let code = if status == 429 {
                    ErrorCode::RateLimited
                } else {
                    ErrorCode::ServerError
                };
                assert!(
                    e.code == code || e.code == ErrorCode::Timeout,
                    "{:?} for HTTP {status}",
                    e.code
                );
                return;
            }
            other => panic!("unexpected step {other:?}"),
        }
    }
    panic!("the operation did not end after {} retries", policy.retries);
}

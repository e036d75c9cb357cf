//! The core's own HTTP-date reader (`core::http_date::parse`, what the modules read
//! `Date` and `Retry-After` with) against the `httpdate` crate, and the secrets policy
//! run on the dates it reads: waits and expiries never negative, never past the deadline.
//!
//! The input is text: line 1 an HTTP date (the `Date` header), line 2 a `Retry-After`
//! value (when empty, line 1 is the `Retry-After` and there is no `Date`), line 3 the
//! local clock in epoch milliseconds (digits; a fixed time when absent), line 4 an
//! `expires_at` in unix seconds (digits; when absent, ten minutes after the `Date`).
//!
//! - Lines 1 and 2 read to the same instant as `httpdate` reads them, except for the
//!   listed differences, each checked through `httpdate` as well: a leap second (`:60`,
//!   which `httpdate` refuses) is the `:59` date plus one second; a four-digit year before
//!   1970 (which `httpdate` refuses) is the same date 400·k years later (the Gregorian
//!   calendar repeats every 146,097 days, weekdays included) minus those days; a vertical
//!   tab at either end (`str::trim` strips it, HTTP whitespace and `trim_ascii` do not)
//!   is not a date; nor is an RFC 850 date whose date and time are not separated by a
//!   space (`httpdate` accepts any byte there). Every instant is a whole second, and an IMF-fixdate `httpdate` can
//!   write is written back to the same text.
//! - `Retry-After` through the secrets rule and the analytics rule with the core's
//!   reader: delay-seconds, or the date's distance from the `Date` (else the clock), 0
//!   when past; never negative or NaN; both rules agree.
//! - An operation answered 503/429 with that `Retry-After` waits exactly the rounded-up
//!   value and only within its total deadline (`retry_after::run`); an answer 200 with
//!   `expires_at` read against that `Date` hands out a secret that expires after it
//!   arrives and at most a day later, or waits once for an unusable one
//!   (`session_answer::run`).

use super::line;
use super::retry_after::{self, http_date_ms};
use super::session_answer;
use chatkit_glue::core::analytics::queue;
use chatkit_glue::core::http_date::parse;
use chatkit_glue::core::secrets::backoff::retry_after_ms;
use chatkit_glue::core::secrets::expiry::Num;
use chatkit_glue::core::secrets::operation::{Body, Fields, Reply};
use chatkit_glue::core::secrets::policy::Policy;
use std::time::{Duration, UNIX_EPOCH};

const NOW: f64 = 1_764_700_000_000.0;
/// 400 Gregorian years.
const ERA_MS: f64 = 146_097.0 * 86_400_000.0;

/// What `text` reads as by `httpdate`, with the listed differences applied.
pub fn reference(text: &str) -> Option<f64> {
    let t = text.trim_ascii();
    if t.starts_with('\x0b') || t.ends_with('\x0b') {
        return None;
    }
    let mut s = t.as_bytes().to_vec();
    let mut shift = 0.0;
    // Where the seconds and a four-digit year are, by the form's shape (httpdate checks
    // the rest): IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", asctime
    // "Sun Nov  6 08:49:37 1994", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT".
    let (sec, year) = if s.len() == 29 && s[3] == b',' {
        (23, Some(12))
    } else if s.len() == 24 && !s.contains(&b',') {
        (17, Some(20))
    } else if s.len() >= 30 && s.ends_with(b" GMT") {
        // httpdate never looks at the byte between an RFC 850 date and its time; the
        // grammar has a space there (date2 SP time-of-day).
        if s[s.len() - 13] != b' ' {
            return None;
        }
        (s.len() - 6, None)
    } else {
        return http_date_ms(t);
    };
    if &s[sec..sec + 2] == b"60" {
        s[sec..sec + 2].copy_from_slice(b"59");
        shift += 1000.0;
    }
    if let Some(at) = year {
        let digits = &s[at..at + 4];
        if digits.iter().all(u8::is_ascii_digit) {
            let y: u32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
            if y < 1970 {
                let k = (1970 - y).div_ceil(400);
                let shifted = format!("{:04}", y + 400 * k);
                s[at..at + 4].copy_from_slice(shifted.as_bytes());
                shift -= f64::from(k) * ERA_MS;
            }
        }
    }
    let s = String::from_utf8(s).ok()?;
    http_date_ms(&s).map(|ms| ms + shift)
}

fn check_date(text: &str) -> Option<f64> {
    let got = parse(text);
    let want = reference(text);
    assert_eq!(got, want, "HTTP date {text:?}");
    if let Some(ms) = got {
        assert!(ms.is_finite() && ms % 1000.0 == 0.0, "{text:?}: {ms}");
        // An IMF-fixdate httpdate can write comes back as the same text.
        let t = text.trim_ascii();
        if ms >= 0.0 && t.len() == 29 && t.as_bytes()[3] == b',' && !t.ends_with(":60 GMT") {
            let written = httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_millis(ms as u64));
            assert_eq!(written, t, "IMF-fixdate {t:?} is {ms} ms");
        }
    }
    got
}

pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (date, header) = match line(text, 1) {
        "" => ("", line(text, 0)),
        ra => (line(text, 0), ra),
    };
    let now = line(text, 2)
        .parse::<u64>()
        .ok()
        .filter(|n| *n < 1 << 50)
        .map_or(NOW, |n| n as f64);
    let server = check_date(line(text, 0)).filter(|_| !date.is_empty());
    if !line(text, 1).is_empty() {
        check_date(line(text, 1));
    }

    // Retry-After with the core's reader, as the secrets and analytics modules read it.
    let got = retry_after_ms(header, server, now, parse);
    let value = header.trim_ascii();
    let want = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        value.parse::<f64>().ok().map(|s| s * 1000.0)
    } else {
        reference(value).map(|at| (at - server.unwrap_or(now)).max(0.0))
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
    assert_eq!(
        queue::retry_after_ms(header, date, now).to_bits(),
        got.unwrap_or(0.0).to_bits(),
        "analytics and secrets read Retry-After {header:?} differently"
    );
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
    ] {
        retry_after::run(policy, status, server, got, now);
    }

    // A secret whose expires_at is read against this Date.
    let expires_at = line(text, 3)
        .parse::<u64>()
        .ok()
        .filter(|n| *n < 1 << 40)
        .map_or_else(
            || server.map_or(NOW / 1000.0, |d| (d / 1000.0).floor()) + 600.0,
            |n| n as f64,
        );
    let answer = Reply {
        status: 200,
        server_date_ms: server,
        retry_after_ms: got,
        body: Body::Json(Fields {
            client_secret: Some("ek_fresh_0123456789".to_owned()),
            expires_after: Some(Num::Absent),
            expires_at: Some(Num::Value(expires_at)),
            error: None,
        }),
    };
    session_answer::run(Policy::default(), &answer);
}

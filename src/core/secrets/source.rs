//! One `ClientSecretSource` as a state machine the facade drives: the options, the cache
//! and refresh guard ([`Guard`]) and the operation in flight ([`Operation`]), answering
//! each call with the next thing to do ([`Next`]). The facade performs it (asks
//! `authToken`, POSTs, sleeps) and reports back with the time; it keeps no rule.

use super::backoff::retry_after_ms;
use super::classify::{looks_like_html, ErrorBody};
use super::event::SecretEvent;
use super::expiry::Num;
use super::guard::{Guard, Plan};
use super::operation::{Body, Fields, Operation, Reply, Step, TokenResult};
use super::policy::{Policy, PolicyOptions};
use super::{is_absolute_url, Endpoint};
use crate::core::options::Options;
use crate::core::record::Field;
use crate::core::{http_date, GlueError};
use alloc::borrow::ToOwned;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// The option names `ClientSecretSource` takes.
pub const KEYS: [&str; 11] = [
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

/// What the facade does next.
#[derive(Debug, PartialEq)]
pub enum Next {
    /// Resolve every waiting caller with this secret.
    Secret(String),
    /// Call `authToken()`, within `timeout_ms`; report with [`Source::token`].
    Token { timeout_ms: u32 },
    /// POST to `endpoint` with `Authorization: Bearer token` when there is one and, for
    /// `/refresh`, `{ currentClientSecret: replacing }`; abort after `timeout_ms`.
    /// Report with [`Source::reply`], [`Source::network_error`] or [`Source::timed_out`].
    Send {
        endpoint: Endpoint,
        timeout_ms: u32,
        token: Option<String>,
        replacing: Option<String>,
    },
    /// Sleep `ms`, then call [`Source::resume`].
    Wait { ms: u32 },
    /// Reject every waiting caller with this error.
    Fail(GlueError),
}

#[derive(Clone, Copy, PartialEq)]
enum Doing {
    Nothing,
    Token,
    Send,
    Wait,
}

/// A small generator for backoff jitter, seeded by the facade (`Math.random()`).
struct Jitter(u64);
impl Jitter {
    fn next(&mut self) -> f64 {
        // xorshift64*: plenty for spreading retries.
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

type Op = Operation<Box<dyn FnMut() -> f64>>;

pub struct Source {
    guard: Guard,
    op: Option<Op>,
    doing: Doing,
    has_token: bool,
    listening: bool,
    seed: u64,
    events: Vec<SecretEvent>,
}

impl Source {
    /// Checks the options and makes a source. `in_browser`: relative URLs are allowed.
    /// `seed` in [0, 1) seeds the jitter.
    pub fn new(options: Field, in_browser: bool, seed: f64) -> Result<Source, GlueError> {
        let o = Options::new(options, "ClientSecretSource", &KEYS)?;
        let policy = Policy::new(&PolicyOptions {
            timeout_ms: o.number("timeoutMs"),
            retries: o.number("retries"),
            total_timeout_ms: o.number("totalTimeoutMs"),
            refresh_margin_ms: o.number("refreshMarginMs"),
            min_refresh_interval_ms: o.number("minRefreshIntervalMs"),
        })?;
        for key in ["startUrl", "refreshUrl"] {
            match o.string(key)? {
                Some("") => return Err(o.error(key, "a non-empty string")),
                Some(url) if in_browser || is_absolute_url(url) => {}
                _ if in_browser => {}
                _ => {
                    return Err(GlueError::invalid_config(
                        "ClientSecretSource: startUrl and refreshUrl must be absolute URLs outside a browser",
                    ))
                }
            }
        }
        match o.string("credentials")? {
            None | Some("same-origin" | "omit" | "include") => {}
            Some(_) => {
                return Err(o.error("credentials", "\"omit\", \"same-origin\" or \"include\""))
            }
        }
        o.strings("headers")?;
        let has_token = o.function("authToken")?;
        let listening = o.function("onEvent")?;
        Ok(Source {
            guard: Guard::new(policy),
            op: None,
            doing: Doing::Nothing,
            has_token,
            listening,
            seed: ((seed.clamp(0.0, 1.0) * 9_007_199_254_740_991.0) as u64) | 1,
            events: Vec::new(),
        })
    }

    /// Whether an operation is in flight (its callers share it).
    pub fn busy(&self) -> bool {
        self.op.is_some()
    }

    /// `getClientSecret(current)` with nothing in flight: the cached secret, or the first
    /// step of a new operation.
    pub fn get(&mut self, now: f64, current: Option<&str>) -> Next {
        if self.op.is_some() {
            // The facade shares the operation in flight; asking again changes nothing.
            return Next::Wait { ms: 0 };
        }
        match self.guard.plan(now, current) {
            Plan::Cached(secret) => Next::Secret(secret),
            Plan::Fetch {
                endpoint,
                replacing,
                wait_ms,
            } => {
                let mut rng = Jitter(self.seed);
                self.seed = self
                    .seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1)
                    | 1;
                let jitter: Box<dyn FnMut() -> f64> = Box::new(move || rng.next());
                let mut op = Operation::new(
                    self.guard.policy(),
                    jitter,
                    endpoint,
                    replacing,
                    self.has_token,
                    self.guard.interval_ms(),
                    now,
                );
                let step = op.begin(now, wait_ms);
                self.op = Some(op);
                self.advance(now, step)
            }
        }
    }

    /// What `authToken()` gave: a string or null (`Some`), or it threw, gave another
    /// type, or timed out.
    pub fn token(&mut self, now: f64, result: TokenResult) -> Next {
        self.drive(now, Doing::Token, |op| op.token_result(now, result))
    }

    /// The answer to a POST: status, `Date` and `Retry-After` headers, and the body
    /// (see [`read_body`]).
    pub fn reply(
        &mut self,
        now: f64,
        status: u16,
        date: Option<&str>,
        retry_after: Option<&str>,
        body: Body,
    ) -> Next {
        let server_date_ms = date.and_then(http_date::parse);
        let retry_after_ms =
            retry_after.and_then(|r| retry_after_ms(r, server_date_ms, now, http_date::parse));
        let reply = Reply {
            status,
            server_date_ms,
            retry_after_ms,
            body,
        };
        self.drive(now, Doing::Send, |op| op.reply(now, reply))
    }

    /// The POST's fetch rejected.
    pub fn network_error(&mut self, now: f64) -> Next {
        self.drive(now, Doing::Send, |op| op.network_error(now))
    }

    /// The deadline of the `Token` or `Send` step passed.
    pub fn timed_out(&mut self, now: f64) -> Next {
        match self.doing {
            Doing::Token => self.drive(now, Doing::Token, |op| {
                op.token_result(now, TokenResult::TimedOut)
            }),
            _ => self.drive(now, Doing::Send, |op| op.attempt_timed_out(now)),
        }
    }

    /// A `Wait` is over.
    pub fn resume(&mut self, now: f64) -> Next {
        self.drive(now, Doing::Wait, |op| op.resume(now))
    }

    /// `clear()`: the operation in flight ends with `aborted` (returned for its callers)
    /// and the cache and the guard's history are forgotten.
    pub fn clear(&mut self, now: f64) -> Option<GlueError> {
        let aborted = self.op.take().map(|mut op| {
            let e = op.aborted(now);
            self.collect(&mut op);
            e
        });
        self.doing = Doing::Nothing;
        self.guard.clear();
        aborted
    }

    /// The cached secret's expiry, epoch ms.
    pub fn expires_at(&self) -> Option<f64> {
        self.guard.expires_at_ms()
    }

    /// The events since the last call (none are kept when nobody listens).
    pub fn take_events(&mut self) -> Vec<SecretEvent> {
        core::mem::take(&mut self.events)
    }

    fn drive(&mut self, now: f64, expected: Doing, f: impl FnOnce(&mut Op) -> Step) -> Next {
        let Some(op) = self.op.as_mut() else {
            return Next::Fail(stale());
        };
        if self.doing != expected {
            return Next::Fail(stale());
        }
        let step = f(op);
        self.advance(now, step)
    }

    fn advance(&mut self, now: f64, step: Step) -> Next {
        let Some(op) = self.op.as_mut() else {
            return Next::Fail(stale());
        };
        let next = match step {
            Step::AskToken { timeout_ms } => {
                self.doing = Doing::Token;
                Next::Token { timeout_ms }
            }
            Step::Send {
                endpoint,
                timeout_ms,
                new_request,
            } => {
                if new_request {
                    self.guard.requested(now);
                }
                self.doing = Doing::Send;
                Next::Send {
                    endpoint,
                    timeout_ms,
                    token: op.token().map(str::to_owned),
                    replacing: op.replacing().map(str::to_owned),
                }
            }
            Step::Wait { ms } => {
                self.doing = Doing::Wait;
                Next::Wait { ms }
            }
            Step::Done(result) => {
                self.doing = Doing::Nothing;
                match result {
                    Ok(issued) => {
                        self.guard.accept(&issued);
                        Next::Secret(issued.secret)
                    }
                    Err(e) => {
                        self.guard.failed(e.code);
                        Next::Fail(e)
                    }
                }
            }
        };
        if let Some(mut op) = self.op.take() {
            self.collect(&mut op);
            if self.doing != Doing::Nothing {
                self.op = Some(op);
            }
        }
        next
    }

    fn collect(&mut self, op: &mut Op) {
        let events = op.take_events();
        if self.listening {
            self.events.extend(events);
        }
    }
}

/// A report that does not answer the step in flight: a facade bug, never user input.
fn stale() -> GlueError {
    GlueError::new(
        crate::core::ErrorCode::Internal,
        "getClientSecret: the answer did not match the step in flight",
    )
}

/// The fields of a `/start` or `/refresh` answer: its body as the facade's
/// `JSON.parse` read it, or, when that failed, its text.
pub fn read_body(json: Option<&Field>, text: &str) -> Body {
    let Some(v) = json else {
        return Body::NotJson {
            html: looks_like_html(text),
        };
    };
    let Field::Object(_) = v else {
        return Body::Json(Fields::default());
    };
    let num = |key| match v.get(key) {
        None | Some(Field::Null) => Num::Absent,
        Some(Field::Number(n)) => Num::Value(*n),
        Some(_) => Num::NotNumber,
    };
    let string = |v: &Field, key| v.get(key).and_then(Field::as_str).map(str::to_owned);
    let error = match v.get("error") {
        Some(e @ Field::Object(_)) => Some(ErrorBody {
            code: string(e, "code"),
            hint: string(e, "hint"),
            retryable: match e.get("retryable") {
                Some(Field::Bool(b)) => Some(*b),
                _ => None,
            },
        }),
        _ => None,
    };
    Body::Json(Fields {
        client_secret: string(v, "client_secret").filter(|s| !s.is_empty()),
        expires_after: Some(num("expires_after")),
        expires_at: Some(num("expires_at")),
        error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ErrorCode;

    use crate::core::options::from_json;

    fn options(json: &str) -> Field {
        from_json(json).expect("JSON options")
    }

    fn source(json: &str) -> Source {
        Source::new(options(json), true, 0.25).expect("valid options")
    }

    /// A body as the facade hands it over: parsed when it is JSON, else the text.
    fn body(text: &str) -> Body {
        read_body(from_json(text).as_ref(), text)
    }

    fn sent(next: &Next) -> (Endpoint, Option<&str>, Option<&str>) {
        match next {
            Next::Send {
                endpoint,
                token,
                replacing,
                ..
            } => (*endpoint, token.as_deref(), replacing.as_deref()),
            other => panic!("expected a POST, got {other:?}"),
        }
    }

    #[test]
    fn a_first_call_posts_to_start_and_caches_the_answer() {
        let mut s = source("null");
        let next = s.get(1_000.0, None);
        assert_eq!(sent(&next), (Endpoint::Start, None, None));
        assert!(s.busy());
        let answer = r#"{"client_secret":"ek_1","expires_after":600}"#;
        let next = s.reply(1_050.0, 200, None, None, body(answer));
        assert_eq!(next, Next::Secret("ek_1".into()));
        assert!(!s.busy());
        assert_eq!(s.expires_at(), Some(1_050.0 + 600_000.0));
        // A fresh cached secret costs no request; ChatKit passing it back asks for a refresh.
        assert_eq!(s.get(2_000.0, None), Next::Secret("ek_1".into()));
        let next = s.get(400_000.0, Some("ek_1"));
        assert_eq!(sent(&next), (Endpoint::Refresh, None, Some("ek_1")));
    }

    #[test]
    fn the_token_is_asked_first_and_sent_as_bearer() {
        let mut s = source(r#"{"authToken":"\u0000function","onEvent":"\u0000function"}"#);
        assert_eq!(
            s.get(0.0, None),
            Next::Token { timeout_ms: 30_000 },
            "within the total deadline"
        );
        let next = s.token(5.0, TokenResult::Token(Some("jwt".into())));
        assert_eq!(sent(&next), (Endpoint::Start, Some("jwt"), None));
        let events = s.take_events();
        assert_eq!(events.len(), 1, "the request event");
        assert_eq!(events[0].op, Endpoint::Start);
    }

    #[test]
    fn retries_wait_and_retry_after_is_read_from_an_http_date() {
        let mut s = source("null");
        s.get(0.0, None);
        let next = s.reply(
            100.0,
            503,
            Some("Wed, 02 Dec 2026 18:31:21 GMT"),
            Some("Wed, 02 Dec 2026 18:31:23 GMT"),
            body(""),
        );
        assert_eq!(
            next,
            Next::Wait { ms: 2_000 },
            "Retry-After against the server's Date"
        );
        let next = s.resume(2_100.0);
        assert_eq!(sent(&next), (Endpoint::Start, None, None));
        let next = s.network_error(2_200.0);
        assert!(matches!(next, Next::Wait { .. }));
    }

    #[test]
    fn clear_aborts_the_operation_in_flight_and_forgets_the_cache() {
        let mut s = source("null");
        s.get(0.0, None);
        let e = s.clear(10.0).expect("an operation was in flight");
        assert_eq!(e.code, ErrorCode::Aborted);
        assert!(!s.busy());
        assert_eq!(s.clear(20.0), None);
        // A late answer to the cleared operation is refused, never cached.
        let next = s.reply(
            30.0,
            200,
            None,
            None,
            body(r#"{"client_secret":"ek_late"}"#),
        );
        assert!(matches!(next, Next::Fail(e) if e.code == ErrorCode::Internal));
        assert_eq!(s.expires_at(), None);
    }

    #[test]
    fn an_answer_that_does_not_match_the_step_is_refused() {
        let mut s = source(r#"{"authToken":"\u0000function"}"#);
        s.get(0.0, None);
        let next = s.reply(1.0, 200, None, None, body("{}"));
        assert!(matches!(next, Next::Fail(e) if e.code == ErrorCode::Internal));
    }

    #[test]
    fn bad_options_are_invalid_config() {
        for (options, message) in [
            (
                r#"{"startUrl":""}"#,
                "ClientSecretSource: startUrl must be a non-empty string",
            ),
            (
                r#"{"credentials":"all"}"#,
                "ClientSecretSource: credentials must be \"omit\", \"same-origin\" or \"include\"",
            ),
            (
                r#"{"authToken":"jwt"}"#,
                "ClientSecretSource: authToken must be a function",
            ),
            (
                r#"{"headers":{"x":1}}"#,
                "ClientSecretSource: headers must be a record of strings",
            ),
            (
                r#"{"startURL":"/s"}"#,
                "ClientSecretSource: unknown option startURL",
            ),
        ] {
            let e = Source::new(self::options(options), true, 0.5)
                .err()
                .expect(options);
            assert_eq!(e.code, ErrorCode::InvalidConfig);
            assert_eq!(e.message, message);
        }
        let e = Source::new(options("null"), false, 0.5)
            .err()
            .expect("relative URLs outside a browser");
        assert_eq!(e.code, ErrorCode::InvalidConfig);
        assert!(Source::new(
            options(r#"{"startUrl":"https://a.example/s","refreshUrl":"https://a.example/r"}"#),
            false,
            0.5
        )
        .is_ok());
    }

    #[test]
    fn answers_are_read_from_json_text() {
        let Body::Json(f) = body(
            r#"{"client_secret":"ek_2","expires_at":1.5e9,"error":{"code":"x","retryable":false}}"#,
        ) else {
            panic!("JSON")
        };
        assert_eq!(f.client_secret.as_deref(), Some("ek_2"));
        assert_eq!(f.expires_at, Some(Num::Value(1.5e9)));
        assert_eq!(f.expires_after, Some(Num::Absent));
        assert_eq!(f.error.and_then(|e| e.retryable), Some(false));
        assert!(matches!(body("<html>"), Body::NotJson { html: true }));
        assert!(matches!(body("[1]"), Body::Json(f) if f.client_secret.is_none()));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_answer_gives_a_step_and_never_panics(
            status in 0u16..600,
            text in ".{0,80}",
            date in proptest::option::of(".{0,30}"),
            retry in proptest::option::of("[0-9a-zA-Z ,:]{0,30}"),
        ) {
            let mut s = source("null");
            s.get(0.0, None);
            match s.reply(10.0, status, date.as_deref(), retry.as_deref(), body(&text)) {
                Next::Wait { ms } => proptest::prop_assert!(ms <= 30_000),
                Next::Secret(secret) => proptest::prop_assert!(!secret.is_empty()),
                Next::Fail(e) => proptest::prop_assert!(e.code != ErrorCode::Internal),
                other => proptest::prop_assert!(false, "unexpected {:?}", other),
            }
        }
    }
}

//! One fetch of a secret, as a state machine. The binding asks for a [`Step`], carries
//! it out (calls `authToken`, sends a request, sleeps), and reports the outcome, until
//! the step is [`Step::Done`]. The rules:
//!
//! - `authToken()` is asked once before the first request (when set).
//! - Network errors, attempt timeouts, 408, 429 and 5xx are retried up to `retries`
//!   times, waiting `Retry-After` or full-jitter backoff, all within `totalTimeoutMs`; a
//!   wait that would not fit ends the operation at once with the last error. An error
//!   body with `retryable: false` ends it at once, its hint carried.
//! - 401/403: (1) with `authToken` set, ask it again, and if the token changed repeat
//!   the request once; (2) still 401 on `/refresh`: `/start` once; (3) `unauthorized`.
//! - A secret that is unusable (the one being replaced, or already expired) is asked for
//!   again once after the refresh interval; a second one is `refresh_loop`.

use super::backoff::backoff_ms;
use super::classify::{
    classify, network_error, no_secret, not_json, status_error, timeout_error, Class, ErrorBody,
};
use super::event::{Phase, SecretEvent};
use super::expiry::{expiry, Expiry, Num};
use super::policy::Policy;
use super::Endpoint;
use crate::core::error::{ErrorCode, GlueError};
use crate::core::float;
use alloc::string::String;
use alloc::vec::Vec;

/// What the binding does next.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// Call `authToken()` within `timeout_ms`; report with [`Operation::token`].
    AskToken {
        timeout_ms: u32,
    },
    /// POST to `endpoint` (with [`Operation::token`] and [`Operation::replacing`]),
    /// aborting after `timeout_ms`; report with [`Operation::reply`],
    /// [`Operation::network_error`] or [`Operation::attempt_timed_out`]. `new_request`
    /// marks a request the refresh guard counts.
    Send {
        endpoint: Endpoint,
        timeout_ms: u32,
        new_request: bool,
    },
    /// Sleep, then call [`Operation::resume`].
    Wait {
        ms: u32,
    },
    Done(Result<Issued, GlueError>),
}

/// A usable secret.
#[derive(Clone, Debug, PartialEq)]
pub struct Issued {
    pub secret: String,
    pub expiry: Expiry,
}

/// An answer, as the binding read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub status: u16,
    /// The `Date` header, epoch ms.
    pub server_date_ms: Option<f64>,
    /// From [`super::backoff::retry_after_ms`].
    pub retry_after_ms: Option<f64>,
    pub body: Body,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// Did not parse as JSON; `html` when it looks like an HTML page.
    NotJson { html: bool },
    /// Parsed as JSON (fields absent when it is not an object).
    Json(Fields),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    /// Only a non-empty string; anything else is `None`.
    pub client_secret: Option<String>,
    pub expires_after: Option<Num>,
    pub expires_at: Option<Num>,
    pub error: Option<ErrorBody>,
}

/// What `authToken()` gave.
#[derive(Clone, Debug, PartialEq)]
pub enum TokenResult {
    /// A token, or `None` for null/undefined/"" (no Authorization header).
    Token(Option<String>),
    /// It threw or rejected (the binding attaches the error as `cause`).
    Threw,
    /// It returned something that is neither a string nor null.
    NotAString,
    TimedOut,
}

pub struct Operation<J: FnMut() -> f64> {
    policy: Policy,
    jitter: J,
    endpoint: Endpoint,
    replacing: Option<String>,
    has_auth: bool,
    token: Option<String>,
    token_asked: bool,
    token_retry_used: bool,
    start_fallback_used: bool,
    unusable_retry_used: bool,
    unusable_wait_ms: u32,
    resume_is_new_request: bool,
    waiting_to_begin: bool,
    retries_used: u32,
    attempts: u32,
    started_ms: f64,
    deadline_ms: f64,
    auth_error: Option<GlueError>,
    last_status: Option<u16>,
    last_code: Option<ErrorCode>,
    events: Vec<SecretEvent>,
}

impl<J: FnMut() -> f64> Operation<J> {
    /// An operation on `endpoint`, replacing `replacing` (sent as `currentClientSecret`
    /// to `/refresh`). `unusable_wait_ms` is the refresh interval before asking again
    /// for an unusable secret; `jitter` draws in [0, 1].
    pub fn new(
        policy: Policy,
        jitter: J,
        endpoint: Endpoint,
        replacing: Option<String>,
        has_auth: bool,
        unusable_wait_ms: u32,
        now: f64,
    ) -> Self {
        Operation {
            policy,
            jitter,
            endpoint,
            replacing,
            has_auth,
            token: None,
            token_asked: false,
            token_retry_used: false,
            start_fallback_used: false,
            unusable_retry_used: false,
            unusable_wait_ms,
            resume_is_new_request: false,
            waiting_to_begin: false,
            retries_used: 0,
            attempts: 0,
            started_ms: now,
            deadline_ms: now + policy.total_timeout_ms as f64,
            auth_error: None,
            last_status: None,
            last_code: None,
            events: Vec::new(),
        }
    }

    /// The first step, after the refresh guard's `wait_ms` (0: at once).
    pub fn begin(&mut self, now: f64, wait_ms: u32) -> Step {
        if wait_ms > 0 {
            self.waiting_to_begin = true;
            return Step::Wait { ms: wait_ms };
        }
        self.started_ms = now;
        self.deadline_ms = now + self.policy.total_timeout_ms as f64;
        if self.has_auth {
            self.ask_token(now)
        } else {
            self.send(now, true)
        }
    }

    /// The token for the Authorization header.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// The secret being replaced: `currentClientSecret` in the `/refresh` body.
    pub fn replacing(&self) -> Option<&str> {
        self.replacing.as_deref()
    }

    pub fn endpoint(&self) -> Endpoint {
        self.endpoint
    }

    /// Requests sent so far.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// Whether the current [`Step::Wait`] is the refresh interval after an unusable
    /// secret (its next request is one the guard counts), rather than backoff.
    pub fn waiting_out_the_interval(&self) -> bool {
        self.resume_is_new_request
    }

    /// Events since the last call, oldest first.
    pub fn take_events(&mut self) -> Vec<SecretEvent> {
        core::mem::take(&mut self.events)
    }

    /// `authToken()` answered.
    pub fn token_result(&mut self, now: f64, result: TokenResult) -> Step {
        match result {
            TokenResult::Threw => self.fail(
                now,
                GlueError::new(ErrorCode::Unauthorized, "getClientSecret: authToken threw")
                    .with_hint(
                        "authToken is the app's own callback; its error is this error's cause.",
                    ),
            ),
            TokenResult::NotAString => self.fail(
                now,
                GlueError::new(
                    ErrorCode::Unauthorized,
                    "getClientSecret: authToken must return a string or null",
                ),
            ),
            TokenResult::TimedOut => self.fail(
                now,
                GlueError::new(
                    ErrorCode::Timeout,
                    "getClientSecret: authToken did not return within totalTimeoutMs",
                ),
            ),
            TokenResult::Token(t) => {
                if !self.token_asked {
                    self.token_asked = true;
                    self.token = t;
                    self.send(now, true)
                } else if t != self.token {
                    self.token = t;
                    self.send(now, false)
                } else {
                    self.after_token_retry(now)
                }
            }
        }
    }

    /// The request got an answer.
    pub fn reply(&mut self, now: f64, reply: Reply) -> Step {
        let status = reply.status;
        let error_body = match &reply.body {
            Body::Json(f) => f.error.as_ref(),
            Body::NotJson { .. } => None,
        };
        let known = [
            self.replacing.as_deref().unwrap_or(""),
            self.token.as_deref().unwrap_or(""),
        ];
        match classify(status) {
            Class::Success => self.success(now, reply),
            Class::Auth => {
                let e = status_error(self.endpoint, status, error_body, &known, self.attempts);
                self.note(Some(status), ErrorCode::Unauthorized);
                self.auth_error = Some(e);
                if self.has_auth && !self.token_retry_used {
                    self.token_retry_used = true;
                    self.ask_token(now)
                } else {
                    self.after_token_retry(now)
                }
            }
            Class::Transient(_) => {
                let said_no = error_body.and_then(|b| b.retryable) == Some(false);
                let e = status_error(self.endpoint, status, error_body, &known, self.attempts);
                if said_no {
                    self.fail(now, e)
                } else {
                    self.retry_or_fail(now, e, reply.retry_after_ms)
                }
            }
            Class::Rejected | Class::Unexpected => {
                let e = status_error(self.endpoint, status, error_body, &known, self.attempts);
                self.fail(now, e)
            }
        }
    }

    /// fetch rejected (or reading the body failed).
    pub fn network_error(&mut self, now: f64) -> Step {
        let e = network_error(self.endpoint, self.attempts);
        self.retry_or_fail(now, e, None)
    }

    /// The attempt passed its deadline (the binding aborted it).
    pub fn attempt_timed_out(&mut self, now: f64) -> Step {
        if self.deadline_ms - now <= 0.0 {
            return self.total_time_out(now);
        }
        let e = timeout_error(self.endpoint, false, self.policy.timeout_ms, self.attempts);
        self.retry_or_fail(now, e, None)
    }

    /// `clear()` or `dispose()` ended the operation: reports the failure and returns
    /// the `aborted` error.
    pub fn aborted(&mut self, now: f64) -> GlueError {
        let e = GlueError::aborted("getClientSecret was aborted: clear() or dispose() was called");
        if let Step::Done(Err(e)) = self.fail(now, e) {
            return e;
        }
        GlueError::aborted("getClientSecret was aborted")
    }

    /// A [`Step::Wait`] is over.
    pub fn resume(&mut self, now: f64) -> Step {
        if core::mem::take(&mut self.waiting_to_begin) {
            return self.begin(now, 0);
        }
        let new_request = core::mem::take(&mut self.resume_is_new_request);
        if new_request {
            // A new request after an unusable secret gets a fresh total budget.
            self.deadline_ms = now + self.policy.total_timeout_ms as f64;
        }
        self.send(now, new_request)
    }

    /// `totalTimeoutMs` is spent: the operation fails with `timeout`.
    fn total_time_out(&mut self, now: f64) -> Step {
        let e = timeout_error(
            self.endpoint,
            true,
            self.policy.total_timeout_ms,
            self.attempts,
        );
        self.fail(now, e)
    }

    fn ask_token(&mut self, now: f64) -> Step {
        let remaining = self.deadline_ms - now;
        if remaining <= 0.0 {
            return self.total_time_out(now);
        }
        Step::AskToken {
            timeout_ms: float::ceil(remaining) as u32,
        }
    }

    fn send(&mut self, now: f64, new_request: bool) -> Step {
        let remaining = self.deadline_ms - now;
        if remaining <= 0.0 {
            return self.total_time_out(now);
        }
        self.attempts += 1;
        let (phase, status, code) = if self.attempts == 1 {
            (Phase::Request, None, None)
        } else {
            (Phase::Retry, self.last_status, self.last_code)
        };
        self.events.push(SecretEvent {
            op: self.endpoint,
            phase,
            attempt: self.attempts,
            duration_ms: None,
            status,
            code,
        });
        Step::Send {
            endpoint: self.endpoint,
            timeout_ms: (self.policy.timeout_ms as f64).min(float::ceil(remaining)) as u32,
            new_request,
        }
    }

    /// Step (2) and (3) of the 401 sequence.
    fn after_token_retry(&mut self, now: f64) -> Step {
        let status = self.last_status.unwrap_or(401);
        if status == 401 && self.endpoint == Endpoint::Refresh && !self.start_fallback_used {
            self.start_fallback_used = true;
            self.endpoint = Endpoint::Start;
            return self.send(now, false);
        }
        let e = self
            .auth_error
            .take()
            .unwrap_or_else(|| status_error(self.endpoint, status, None, &[], self.attempts));
        self.fail(now, e)
    }

    fn retry_or_fail(&mut self, now: f64, e: GlueError, retry_after_ms: Option<f64>) -> Step {
        self.note(e.status, e.code);
        if self.retries_used >= self.policy.retries {
            return self.fail(now, e);
        }
        let wait = match retry_after_ms {
            Some(ms) => ms,
            None => backoff_ms(self.retries_used, (self.jitter)()) as f64,
        };
        // A wait that leaves no time for the next attempt ends the operation now rather
        // than sleeping until the deadline only to fail.
        if wait >= self.deadline_ms - now {
            return self.fail(now, e);
        }
        self.retries_used += 1;
        Step::Wait {
            ms: float::ceil(wait) as u32,
        }
    }

    fn success(&mut self, now: f64, reply: Reply) -> Step {
        let status = reply.status;
        let fields = match reply.body {
            Body::Json(f) => f,
            Body::NotJson { html } => return self.fail(now, not_json(self.endpoint, status, html)),
        };
        let Some(secret) = fields.client_secret.filter(|s| !s.is_empty()) else {
            return self.fail(now, no_secret(self.endpoint, status));
        };
        let expiry = match expiry(
            fields.expires_after.unwrap_or(Num::Absent),
            fields.expires_at.unwrap_or(Num::Absent),
            now,
            reply.server_date_ms,
        ) {
            Ok(e) => e,
            Err(e) => return self.fail(now, e.with_status(status)),
        };
        let unusable = self.replacing.as_deref() == Some(secret.as_str()) || expiry.is_expired(now);
        if unusable {
            self.note(Some(status), ErrorCode::RefreshLoop);
            if !self.unusable_retry_used {
                self.unusable_retry_used = true;
                self.resume_is_new_request = true;
                self.retries_used = 0;
                return Step::Wait {
                    ms: self.unusable_wait_ms,
                };
            }
            let e = GlueError::new(
                ErrorCode::RefreshLoop,
                match self.endpoint {
                    Endpoint::Start => "getClientSecret: the start endpoint answered an unusable secret twice (the one being replaced, or one already expired)",
                    Endpoint::Refresh => "getClientSecret: the refresh endpoint answered an unusable secret twice (the one being replaced, or one already expired)",
                },
            )
            .with_status(status)
            .with_hint("The server must issue a fresh, longer-lived secret on every call: mint a new session in /refresh too (OpenAI has no refresh; createSessionHandlers does this) and answer expires_after in seconds.");
            return self.fail(now, e);
        }
        self.events.push(SecretEvent {
            op: self.endpoint,
            phase: Phase::Success,
            attempt: self.attempts,
            duration_ms: Some((now - self.started_ms).max(0.0)),
            status: Some(status),
            code: None,
        });
        Step::Done(Ok(Issued { secret, expiry }))
    }

    fn note(&mut self, status: Option<u16>, code: ErrorCode) {
        self.last_status = status;
        self.last_code = Some(code);
    }

    fn fail(&mut self, now: f64, e: GlueError) -> Step {
        self.events.push(SecretEvent {
            op: self.endpoint,
            phase: Phase::Failure,
            attempt: self.attempts,
            duration_ms: Some((now - self.started_ms).max(0.0)),
            status: e.status,
            code: Some(e.code),
        });
        Step::Done(Err(e))
    }
}

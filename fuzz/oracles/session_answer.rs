//! An answer of the secret endpoint (status, `Date`, `Retry-After`, body) through the
//! classification, expiry and the operation that acts on it.
//!
//! The input is text: line 1 the status (digits; anything else is no status), line 2 the
//! `Date` header, line 3 `Retry-After`, the rest the body. In the body, `%t` stands for
//! the app's token and `%r` for the secret being replaced, so inputs can echo them
//! anywhere (an error hint, an error code, the new secret). The answer is read as the
//! binding reads it (`JSON.parse`, here serde_json; dates by `httpdate`) and given to a
//! `/refresh` operation, which gets the same answer every time it asks. Then:
//!
//! - the first step follows the status class: 2xx ends (a secret or `bad_response`) or
//!   waits once for an unusable secret; 401/403 asks for the token again; 408/429/5xx
//!   retries or ends with `timeout`/`rate_limited`/`server_error`; other statuses end with
//!   `bad_request`/`bad_response`, carrying the status;
//! - the operation ends within a bounded number of steps, every backoff wait and request
//!   timeout inside the total deadline;
//! - a secret handed out is the body's `client_secret`, not the one being replaced, and
//!   expires after the moment it was received and at most a day later;
//! - no error's message or hint contains the token, the replaced secret, anything
//!   shaped like a credential (`Bearer` and a space or tab, `sk-`, `ek_`, `eyJ`, in any
//!   case), or anything analytics redaction would replace.

use super::json_parse::without_lone_surrogates;
use super::retry_after::http_date_ms;
use super::{after_lines, line};
use chatkit_glue::core::analytics::redact::redact_text;
use chatkit_glue::core::secrets::backoff::retry_after_ms;
use chatkit_glue::core::secrets::classify::{classify, looks_like_html, Class, ErrorBody};
use chatkit_glue::core::secrets::expiry::{Num, MAX_LIFETIME_MS};
use chatkit_glue::core::secrets::operation::{Body, Fields, Operation, Reply, Step, TokenResult};
use chatkit_glue::core::secrets::policy::Policy;
use chatkit_glue::core::secrets::Endpoint;
use chatkit_glue::core::{ErrorCode, GlueError};
use serde_json::Value;

const NOW: f64 = 1_764_700_000_000.0;
pub const TOKEN: &str = "tok_app_0123456789";
pub const REPLACING: &str = "ek_replacing_0123456789";

/// The answer as the binding reads it (`bind::secrets::reply`).
fn reply(status: &str, date: &str, retry_after: &str, body: &str, now: f64) -> Reply {
    let server_date_ms = http_date_ms(date);
    Reply {
        status: status.parse::<u16>().unwrap_or(0),
        server_date_ms,
        retry_after_ms: retry_after_ms(retry_after, server_date_ms, now, http_date_ms),
        body: read_body(body),
    }
}

fn read_body(text: &str) -> Body {
    let Ok(v) = serde_json::from_str::<Value>(&without_lone_surrogates(text)) else {
        return Body::NotJson {
            html: looks_like_html(text),
        };
    };
    let Value::Object(o) = v else {
        return Body::Json(Fields::default());
    };
    let string = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let num = |v: Option<&Value>| match v {
        None | Some(Value::Null) => Num::Absent,
        Some(Value::Number(n)) => n.as_f64().map_or(Num::NotNumber, Num::Value),
        Some(_) => Num::NotNumber,
    };
    Body::Json(Fields {
        client_secret: string(o.get("client_secret")).filter(|s| !s.is_empty()),
        expires_after: Some(num(o.get("expires_after"))),
        expires_at: Some(num(o.get("expires_at"))),
        error: o
            .get("error")
            .and_then(Value::as_object)
            .map(|e| ErrorBody {
                code: string(e.get("code")),
                hint: string(e.get("hint")),
                retryable: e.get("retryable").and_then(Value::as_bool),
            }),
    })
}

/// Whether `text` holds a secret: the two known ones, a credential's shape, or anything
/// analytics redaction would replace.
fn leaks(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    text.contains(TOKEN)
        || text.contains(REPLACING)
        || ["bearer ", "bearer\t", "sk-", "ek_", "eyj"]
            .iter()
            .any(|p| lower.contains(p))
        || redact_text(text) != text
}

fn assert_clean(e: &GlueError) {
    assert!(
        !leaks(&e.message),
        "a secret in the message: {:?}",
        e.message
    );
    if let Some(h) = &e.hint {
        assert!(!leaks(h), "a secret in the hint: {h:?}");
    }
}

pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let body = after_lines(text, 3)
        .replace("%t", TOKEN)
        .replace("%r", REPLACING);
    let answer = reply(line(text, 0), line(text, 1), line(text, 2), &body, NOW);
    for policy in [
        Policy::default(),
        Policy {
            retries: 0,
            total_timeout_ms: 1_000,
            ..Policy::default()
        },
    ] {
        run(policy, &answer);
    }
}

pub fn run(policy: Policy, answer: &Reply) {
    let mut now = NOW;
    let mut deadline = now + policy.total_timeout_ms as f64;
    let mut op = Operation::new(
        policy,
        || 0.5,
        Endpoint::Refresh,
        Some(REPLACING.to_owned()),
        true,
        5_000,
        now,
    );
    let mut step = op.begin(now, 0);
    let mut replies = 0;
    let mut after_unusable = false;
    for _ in 0..64 {
        step = match step {
            Step::AskToken { timeout_ms } => {
                assert!(timeout_ms >= 1);
                op.token_result(now, TokenResult::Token(Some(TOKEN.to_owned())))
            }
            Step::Send { timeout_ms, .. } => {
                assert!(timeout_ms >= 1);
                assert!(now + timeout_ms as f64 <= deadline + 1.0);
                assert_eq!(op.token(), Some(TOKEN));
                replies += 1;
                let next = op.reply(now, answer.clone());
                if replies == 1 {
                    first_step_follows_the_class(answer, &next);
                }
                next
            }
            Step::Wait { ms } => {
                if op.waiting_out_the_interval() {
                    // The refresh interval after an unusable secret: a fresh budget.
                    assert!(!after_unusable, "a second unusable-secret wait");
                    after_unusable = true;
                    now += ms as f64;
                    deadline = now + policy.total_timeout_ms as f64;
                } else {
                    assert!(
                        now + ms as f64 <= deadline,
                        "a wait of {ms} ms passes the deadline"
                    );
                    now += ms as f64;
                }
                op.resume(now)
            }
            Step::Done(Ok(issued)) => {
                let Body::Json(f) = &answer.body else {
                    panic!("a secret from a body that is not JSON");
                };
                assert_eq!(Some(&issued.secret), f.client_secret.as_ref());
                assert_ne!(issued.secret, REPLACING, "the replaced secret handed out");
                let e = issued.expiry;
                assert!(e.expires_at_ms.is_finite());
                assert!(e.expires_at_ms > now, "a secret already expired");
                assert!(e.expires_at_ms <= now + MAX_LIFETIME_MS);
                assert!(e.lifetime_ms > 0.0 && e.lifetime_ms <= MAX_LIFETIME_MS);
                assert!(matches!(classify(answer.status), Class::Success));
                return;
            }
            Step::Done(Err(e)) => {
                assert_clean(&e);
                return;
            }
        };
    }
    panic!("the operation did not end in 64 steps");
}

fn first_step_follows_the_class(answer: &Reply, step: &Step) {
    let status = answer.status;
    match (classify(status), step) {
        (Class::Success, Step::Done(Ok(_))) | (Class::Success, Step::Wait { .. }) => {}
        (Class::Success, Step::Done(Err(e))) => {
            assert_eq!(e.code, ErrorCode::BadResponse, "{e:?}");
            assert_eq!(e.status, Some(status));
        }
        (Class::Auth, Step::AskToken { .. }) => {}
        (Class::Transient(_), Step::Wait { .. }) => {}
        (Class::Transient(code), Step::Done(Err(e))) => {
            // Ended at once: the body said not to retry, or the wait did not fit.
            let said_no = matches!(
                &answer.body,
                Body::Json(Fields {
                    error: Some(ErrorBody {
                        retryable: Some(false),
                        ..
                    }),
                    ..
                })
            );
            if said_no {
                assert!(matches!(
                    e.code,
                    ErrorCode::ServerError | ErrorCode::RateLimited
                ));
                assert!(!e.retryable);
            } else {
                assert_eq!(e.code, code);
            }
            assert_eq!(e.status, Some(status));
        }
        (Class::Rejected, Step::Done(Err(e))) => {
            assert_eq!(e.code, ErrorCode::BadRequest);
            assert_eq!(e.status, Some(status));
        }
        (Class::Unexpected, Step::Done(Err(e))) => {
            assert_eq!(e.code, ErrorCode::BadResponse);
            assert_eq!(e.status, Some(status));
        }
        (class, step) => panic!("HTTP {status} ({class:?}) led to {step:?}"),
    }
}

//! Scenario tests of an operation and the guard, and a property test that simulates
//! ChatKit, the guard, operations and a misbehaving server together.

use super::classify::ErrorBody;
use super::event::Phase;
use super::expiry::Num;
use super::guard::{Guard, Plan};
use super::operation::{Body, Fields, Operation, Reply, Step, TokenResult};
use super::policy::Policy;
use super::Endpoint;
use crate::core::error::ErrorCode;

const T0: f64 = 1_700_000_000_000.0;

fn ok(secret: &str, expires_after: f64) -> Reply {
    Reply {
        status: 200,
        server_date_ms: None,
        retry_after_ms: None,
        body: Body::Json(Fields {
            client_secret: Some(secret.into()),
            expires_after: Some(Num::Value(expires_after)),
            ..Fields::default()
        }),
    }
}

fn status(status: u16) -> Reply {
    Reply {
        status,
        server_date_ms: None,
        retry_after_ms: None,
        body: Body::NotJson { html: false },
    }
}

fn error_body(status: u16, retryable: bool, hint: &str) -> Reply {
    Reply {
        status,
        server_date_ms: None,
        retry_after_ms: None,
        body: Body::Json(Fields {
            error: Some(ErrorBody {
                code: Some("upstream_auth".into()),
                hint: Some(hint.into()),
                retryable: Some(retryable),
            }),
            ..Fields::default()
        }),
    }
}

fn op(endpoint: Endpoint, replacing: Option<&str>, auth: bool) -> Operation<impl FnMut() -> f64> {
    Operation::new(
        Policy::default(),
        || 1.0,
        endpoint,
        replacing.map(str::to_owned),
        auth,
        5_000,
        T0,
    )
}

fn sent(step: &Step) -> (Endpoint, bool) {
    match step {
        Step::Send {
            endpoint,
            new_request,
            ..
        } => (*endpoint, *new_request),
        other => panic!("expected a request, got {other:?}"),
    }
}

fn done(step: Step) -> Result<String, crate::core::GlueError> {
    match step {
        Step::Done(r) => r.map(|i| i.secret),
        other => panic!("expected the end, got {other:?}"),
    }
}

#[test]
fn the_guards_wait_comes_first_and_the_budget_starts_after_it() {
    let mut o = op(Endpoint::Start, None, false);
    assert_eq!(o.begin(T0, 4_000), Step::Wait { ms: 4_000 });
    assert!(!o.waiting_out_the_interval());
    assert_eq!(
        o.resume(T0 + 4_000.0),
        Step::Send {
            endpoint: Endpoint::Start,
            timeout_ms: 10_000,
            new_request: true
        }
    );
    match o.reply(T0 + 4_010.0, ok("ek_1", 600.0)) {
        Step::Done(Ok(_)) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(
        o.take_events().last().and_then(|e| e.duration_ms),
        Some(10.0)
    );
}

#[test]
fn a_first_secret_in_one_request() {
    let mut o = op(Endpoint::Start, None, false);
    let s = o.begin(T0, 0);
    assert_eq!(
        s,
        Step::Send {
            endpoint: Endpoint::Start,
            timeout_ms: 10_000,
            new_request: true
        }
    );
    match o.reply(T0 + 20.0, ok("ek_1", 600.0)) {
        Step::Done(Ok(i)) => {
            assert_eq!(i.secret, "ek_1");
            assert_eq!(i.expiry.expires_at_ms, T0 + 20.0 + 600_000.0);
        }
        other => panic!("{other:?}"),
    }
    let ev = o.take_events();
    assert_eq!(ev.len(), 2);
    assert_eq!(
        (ev[0].phase, ev[0].attempt, ev[0].op),
        (Phase::Request, 1, Endpoint::Start)
    );
    assert_eq!(
        (ev[1].phase, ev[1].duration_ms, ev[1].status),
        (Phase::Success, Some(20.0), Some(200))
    );
}

#[test]
fn server_errors_are_retried_with_backoff_then_reported() {
    let mut o = op(Endpoint::Start, None, false);
    o.begin(T0, 0);
    let mut now = T0;
    for retry in 0..3u32 {
        match o.reply(now, status(503)) {
            Step::Wait { ms } => assert_eq!(ms, super::backoff::ceiling_ms(retry)),
            other => panic!("{other:?}"),
        }
        now += 10_000.0 / 4.0;
        assert_eq!(sent(&o.resume(now)), (Endpoint::Start, false));
    }
    let e = done(o.reply(now, status(503))).unwrap_err();
    assert_eq!(
        (e.code, e.status, e.retryable),
        (ErrorCode::ServerError, Some(503), true)
    );
    assert!(
        e.message.ends_with("gave up after 4 attempts"),
        "{}",
        e.message
    );
    let ev = o.take_events();
    let phases: Vec<_> = ev.iter().map(|e| e.phase).collect();
    assert_eq!(
        phases,
        [
            Phase::Request,
            Phase::Retry,
            Phase::Retry,
            Phase::Retry,
            Phase::Failure
        ]
    );
    assert_eq!(
        (ev[1].status, ev[1].code),
        (Some(503), Some(ErrorCode::ServerError))
    );
    assert_eq!(ev[4].code, Some(ErrorCode::ServerError));
}

#[test]
fn retry_after_is_honoured_and_one_past_the_deadline_ends_at_once() {
    let mut o = op(Endpoint::Start, None, false);
    o.begin(T0, 0);
    let mut r = status(429);
    r.retry_after_ms = Some(2_000.0);
    assert_eq!(o.reply(T0, r.clone()), Step::Wait { ms: 2_000 });
    o.resume(T0 + 2_000.0);
    r.retry_after_ms = Some(3_600_000.0);
    let e = done(o.reply(T0 + 2_000.0, r)).unwrap_err();
    assert_eq!((e.code, e.status), (ErrorCode::RateLimited, Some(429)));
    assert_eq!(o.attempts(), 2);
}

#[test]
fn retryable_false_ends_at_once_with_the_servers_hint_unless_it_holds_a_secret() {
    let mut o = op(Endpoint::Start, None, false);
    o.begin(T0, 0);
    let e = done(o.reply(T0, error_body(502, false, "Check OPENAI_API_KEY"))).unwrap_err();
    assert_eq!(
        (e.code, e.retryable, e.hint.as_deref()),
        (ErrorCode::ServerError, false, Some("Check OPENAI_API_KEY"))
    );

    let mut o = op(Endpoint::Refresh, Some("ek_old"), false);
    o.begin(T0, 0);
    let e = done(o.reply(T0, error_body(502, false, "ek_old is bad"))).unwrap_err();
    assert_ne!(e.hint.as_deref(), Some("ek_old is bad"));
    assert!(!e.hint.unwrap_or_default().contains("ek_old"));
}

#[test]
fn other_4xx_are_bad_request_and_not_retried() {
    for s in [400, 404, 409, 422] {
        let mut o = op(Endpoint::Start, None, false);
        o.begin(T0, 0);
        let e = done(o.reply(T0, status(s))).unwrap_err();
        assert_eq!(
            (e.code, e.status, e.retryable),
            (ErrorCode::BadRequest, Some(s), false)
        );
        assert_eq!(o.attempts(), 1);
    }
}

#[test]
fn network_errors_and_attempt_timeouts_are_retried() {
    let mut o = op(Endpoint::Start, None, false);
    o.begin(T0, 0);
    let mut now = T0;
    for _ in 0..3 {
        assert!(matches!(o.network_error(now), Step::Wait { .. }));
        now += 300.0;
        o.resume(now);
    }
    let e = done(o.network_error(now)).unwrap_err();
    assert_eq!((e.code, e.retryable), (ErrorCode::Network, true));
    assert_eq!(o.attempts(), 4);

    // Attempt timeouts: each attempt gets min(timeoutMs, what is left of the total).
    let mut o = op(Endpoint::Start, None, false);
    assert_eq!(
        o.begin(T0, 0),
        Step::Send {
            endpoint: Endpoint::Start,
            timeout_ms: 10_000,
            new_request: true
        }
    );
    let mut now = T0 + 10_000.0;
    assert!(matches!(o.attempt_timed_out(now), Step::Wait { ms: 300 }));
    now += 300.0;
    assert!(matches!(
        o.resume(now),
        Step::Send {
            timeout_ms: 10_000,
            ..
        }
    ));
    now += 10_000.0;
    assert!(matches!(o.attempt_timed_out(now), Step::Wait { ms: 600 }));
    now += 600.0;
    match o.resume(now) {
        Step::Send { timeout_ms, .. } => assert_eq!(timeout_ms, 30_000 - 20_900),
        other => panic!("{other:?}"),
    }
    now = T0 + 30_000.0;
    let e = done(o.attempt_timed_out(now)).unwrap_err();
    assert_eq!(e.code, ErrorCode::Timeout);
    assert!(e.message.contains("totalTimeoutMs"), "{}", e.message);
}

#[test]
fn unauthorized_without_a_token_callback() {
    // /start: straight to unauthorized.
    let mut o = op(Endpoint::Start, None, false);
    o.begin(T0, 0);
    let e = done(o.reply(T0, status(401))).unwrap_err();
    assert_eq!((e.code, e.status), (ErrorCode::Unauthorized, Some(401)));
    assert_eq!(o.attempts(), 1);

    // /refresh: /start once, which may succeed.
    let mut o = op(Endpoint::Refresh, Some("ek_old"), false);
    o.begin(T0, 0);
    assert_eq!(sent(&o.reply(T0, status(401))), (Endpoint::Start, false));
    assert_eq!(done(o.reply(T0, ok("ek_new", 600.0))).unwrap(), "ek_new");

    // 403 on /refresh: no /start fallback.
    let mut o = op(Endpoint::Refresh, Some("ek_old"), false);
    o.begin(T0, 0);
    let e = done(o.reply(T0, status(403))).unwrap_err();
    assert_eq!((e.code, e.status), (ErrorCode::Unauthorized, Some(403)));
}

#[test]
fn the_three_step_401_sequence_with_a_token_callback() {
    let mut o = op(Endpoint::Refresh, Some("ek_old"), true);
    assert!(matches!(
        o.begin(T0, 0),
        Step::AskToken { timeout_ms: 30_000 }
    ));
    assert_eq!(
        sent(&o.token_result(T0, TokenResult::Token(Some("jwt-1".into())))),
        (Endpoint::Refresh, true)
    );
    assert_eq!(o.token(), Some("jwt-1"));
    // (1) 401: ask again; a new token repeats the request once.
    assert!(matches!(o.reply(T0, status(401)), Step::AskToken { .. }));
    assert_eq!(
        sent(&o.token_result(T0, TokenResult::Token(Some("jwt-2".into())))),
        (Endpoint::Refresh, false)
    );
    assert_eq!(o.token(), Some("jwt-2"));
    // (2) still 401 on /refresh: /start once.
    assert_eq!(sent(&o.reply(T0, status(401))), (Endpoint::Start, false));
    // (3) unauthorized.
    let e = done(o.reply(T0, status(401))).unwrap_err();
    assert_eq!(e.code, ErrorCode::Unauthorized);
    assert_eq!(o.attempts(), 3);
    let ev = o.take_events();
    assert_eq!(
        ev.last().map(|e| (e.phase, e.code, e.op)),
        Some((
            Phase::Failure,
            Some(ErrorCode::Unauthorized),
            Endpoint::Start
        ))
    );

    // The same token again skips the repeat.
    let mut o = op(Endpoint::Refresh, Some("ek_old"), true);
    o.begin(T0, 0);
    o.token_result(T0, TokenResult::Token(Some("jwt".into())));
    o.reply(T0, status(401));
    assert_eq!(
        sent(&o.token_result(T0, TokenResult::Token(Some("jwt".into())))),
        (Endpoint::Start, false)
    );
    assert_eq!(done(o.reply(T0, ok("ek_new", 600.0))).unwrap(), "ek_new");
    assert_eq!(o.attempts(), 2);
}

#[test]
fn a_token_callback_that_fails_is_unauthorized_before_any_request() {
    for (r, code) in [
        (TokenResult::Threw, ErrorCode::Unauthorized),
        (TokenResult::NotAString, ErrorCode::Unauthorized),
        (TokenResult::TimedOut, ErrorCode::Timeout),
    ] {
        let mut o = op(Endpoint::Start, None, true);
        o.begin(T0, 0);
        let e = done(o.token_result(T0, r)).unwrap_err();
        assert_eq!(e.code, code);
        assert_eq!(o.attempts(), 0);
    }
}

#[test]
fn an_unusable_secret_is_asked_for_once_more_then_refresh_loop() {
    // The same secret back, twice.
    let mut o = op(Endpoint::Refresh, Some("ek_same"), false);
    o.begin(T0, 0);
    assert_eq!(
        o.reply(T0 + 10.0, ok("ek_same", 600.0)),
        Step::Wait { ms: 5_000 }
    );
    assert_eq!(sent(&o.resume(T0 + 5_010.0)), (Endpoint::Refresh, true));
    let e = done(o.reply(T0 + 5_020.0, ok("ek_same", 600.0))).unwrap_err();
    assert_eq!(
        (e.code, e.retryable, e.status),
        (ErrorCode::RefreshLoop, false, Some(200))
    );
    assert!(e
        .hint
        .as_deref()
        .unwrap_or("")
        .contains("fresh, longer-lived"));
    assert!(!e.message.contains("ek_same"));

    // Already expired, then a good one.
    let mut o = op(Endpoint::Start, None, false);
    o.begin(T0, 0);
    assert_eq!(o.reply(T0, ok("ek_1", 0.0)), Step::Wait { ms: 5_000 });
    o.resume(T0 + 5_000.0);
    assert_eq!(
        done(o.reply(T0 + 5_000.0, ok("ek_2", 600.0))).unwrap(),
        "ek_2"
    );
}

#[test]
fn the_unusable_retry_gets_a_fresh_total_budget() {
    let mut o = op(Endpoint::Start, None, false);
    o.begin(T0, 0);
    let now = T0 + 29_000.0;
    o.reply(now, ok("ek_1", 0.0));
    match o.resume(now + 5_000.0) {
        Step::Send {
            timeout_ms,
            new_request,
            ..
        } => assert_eq!((timeout_ms, new_request), (10_000, true)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bodies_without_a_usable_secret_are_bad_response() {
    let bodies = [
        Body::NotJson { html: true },
        Body::NotJson { html: false },
        Body::Json(Fields::default()),
        Body::Json(Fields {
            client_secret: Some(String::new()),
            ..Fields::default()
        }),
        Body::Json(Fields {
            client_secret: Some("ek_1".into()),
            expires_after: Some(Num::Value(-3.0)),
            ..Fields::default()
        }),
    ];
    for body in bodies {
        let mut o = op(Endpoint::Start, None, false);
        o.begin(T0, 0);
        let e = done(o.reply(
            T0,
            Reply {
                status: 200,
                server_date_ms: None,
                retry_after_ms: None,
                body,
            },
        ))
        .unwrap_err();
        assert_eq!(
            (e.code, e.retryable, e.status),
            (ErrorCode::BadResponse, false, Some(200))
        );
        assert!(e.hint.is_some());
        assert_eq!(o.attempts(), 1);
    }
}

#[test]
fn aborting_reports_a_failure_event() {
    let mut o = op(Endpoint::Start, None, false);
    o.begin(T0, 0);
    let e = o.aborted(T0 + 5.0);
    assert_eq!(e.code, ErrorCode::Aborted);
    let ev = o.take_events();
    assert_eq!(
        ev.last().map(|e| (e.phase, e.code)),
        Some((Phase::Failure, Some(ErrorCode::Aborted)))
    );
}

// ---- the guard ----

fn issued(secret: &str, lifetime_ms: f64, at: f64) -> super::operation::Issued {
    super::operation::Issued {
        secret: secret.into(),
        expiry: super::expiry::Expiry {
            expires_at_ms: at + lifetime_ms,
            lifetime_ms,
        },
    }
}

#[test]
fn the_guard_serves_the_cache_and_spaces_requests() {
    let mut g = Guard::new(Policy::default());
    assert_eq!(
        g.plan(T0, None),
        Plan::Fetch {
            endpoint: Endpoint::Start,
            replacing: None,
            wait_ms: 0
        }
    );
    assert_eq!(
        g.plan(T0, Some("ek_theirs")),
        Plan::Fetch {
            endpoint: Endpoint::Refresh,
            replacing: Some("ek_theirs".into()),
            wait_ms: 0
        }
    );
    g.requested(T0);
    g.accept(&issued("ek_1", 600_000.0, T0));
    assert_eq!(g.expires_at_ms(), Some(T0 + 600_000.0));
    assert_eq!(g.interval_ms(), 60_000);
    // Newer than what ChatKit holds, or ChatKit holds none: the cache.
    assert_eq!(g.plan(T0 + 1.0, None), Plan::Cached("ek_1".into()));
    assert_eq!(g.plan(T0 + 1.0, Some("ek_0")), Plan::Cached("ek_1".into()));
    // Passed back inside the interval, still valid: the cache too.
    assert_eq!(
        g.plan(T0 + 1_000.0, Some("ek_1")),
        Plan::Cached("ek_1".into())
    );
    // Passed back after the interval: a refresh.
    assert_eq!(
        g.plan(T0 + 60_000.0, Some("ek_1")),
        Plan::Fetch {
            endpoint: Endpoint::Refresh,
            replacing: Some("ek_1".into()),
            wait_ms: 0
        }
    );
    // Inside the margin (the last minute): a refresh even when not passed back.
    assert!(matches!(
        g.plan(T0 + 545_000.0, None),
        Plan::Fetch {
            endpoint: Endpoint::Refresh,
            ..
        }
    ));
}

#[test]
fn the_guard_waits_out_the_interval_when_the_secret_has_expired() {
    let mut g = Guard::new(Policy::default());
    g.requested(T0);
    g.accept(&issued("ek_1", 10_000.0, T0)); // interval: 5 s
    assert_eq!(
        g.plan(T0 + 10_000.0 - 2_000.0 + 2_000.0 - 7_000.0, Some("ek_1")),
        Plan::Cached("ek_1".into())
    );
    g.requested(T0 + 9_000.0);
    assert_eq!(
        g.plan(T0 + 11_000.0, Some("ek_1")),
        Plan::Fetch {
            endpoint: Endpoint::Refresh,
            replacing: Some("ek_1".into()),
            wait_ms: 3_000
        }
    );
    // A clock that went backwards never makes the wait longer than the interval.
    let mut g = Guard::new(Policy::default());
    g.requested(T0);
    assert!(matches!(
        g.plan(T0 - 1e9, None),
        Plan::Fetch { wait_ms: 5_000, .. }
    ));
}

#[test]
fn unauthorized_forgets_the_secret_and_clear_forgets_everything() {
    let mut g = Guard::new(Policy::default());
    g.requested(T0);
    g.accept(&issued("ek_1", 600_000.0, T0));
    g.failed(ErrorCode::ServerError);
    assert_eq!(g.plan(T0 + 1.0, None), Plan::Cached("ek_1".into()));
    g.failed(ErrorCode::Unauthorized);
    assert_eq!(g.expires_at_ms(), None);
    g.accept(&issued("ek_2", 600_000.0, T0));
    g.clear();
    assert_eq!(
        g.plan(T0 + 1.0, None),
        Plan::Fetch {
            endpoint: Endpoint::Start,
            replacing: None,
            wait_ms: 0
        }
    );
}

// ---- simulation ----

#[cfg(not(target_arch = "wasm32"))]
mod simulation {
    use super::*;
    use crate::core::secrets::backoff::CAP_MS;
    use proptest::prelude::*;

    #[derive(Clone, Debug)]
    enum Server {
        Fresh(u32),
        Same,
        Expired,
        Status(u16, Option<u32>, bool),
        Network,
        Hang,
        Html,
    }

    fn server() -> impl Strategy<Value = Server> {
        prop_oneof![
            4 => (1u32..1_200).prop_map(Server::Fresh),
            1 => Just(Server::Same),
            1 => Just(Server::Expired),
            3 => (
                prop::sample::select(vec![400u16, 401, 403, 404, 408, 429, 500, 502, 503]),
                prop::option::of(0u32..40),
                any::<bool>()
            ).prop_map(|(s, ra, r)| Server::Status(s, ra, r)),
            1 => Just(Server::Network),
            1 => Just(Server::Hang),
            1 => Just(Server::Html),
        ]
    }

    #[derive(Clone, Debug)]
    enum Call {
        Mount,
        PassBack,
        Other,
    }

    fn call() -> impl Strategy<Value = (u32, Call)> {
        (
            0u32..400_000,
            prop_oneof![Just(Call::Mount), Just(Call::PassBack), Just(Call::Other)],
        )
    }

    fn policy() -> impl Strategy<Value = Policy> {
        (
            1u32..20_000,
            0u32..5,
            1u32..60_000,
            0u32..120_000,
            prop::option::of(0u32..100_000),
        )
            .prop_map(|(t, r, total, margin, interval)| Policy {
                timeout_ms: t,
                retries: r,
                total_timeout_ms: total,
                refresh_margin_ms: margin,
                min_refresh_interval_ms: interval,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// ChatKit calls at random times with random secrets; the server misbehaves at
        /// random. No two counted requests are closer than the interval in force; every
        /// request and wait fits the operation's budget; backoff waits stay under the
        /// cap; every success is a non-empty, unexpired secret that is not the one being
        /// replaced; every operation ends.
        #[test]
        fn no_schedule_beats_the_guard_and_every_delay_is_bounded(
            policy in policy(),
            calls in prop::collection::vec(call(), 1..25),
            servers in prop::collection::vec(server(), 1..40),
            auth in any::<bool>(),
            seed in any::<u64>(),
        ) {
            let mut rng = seed;
            let mut jitter = move || {
                rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (rng >> 11) as f64 / (1u64 << 53) as f64
            };
            let mut guard = Guard::new(policy);
            let mut now = T0;
            let mut last_counted: Option<f64> = None;
            let mut next_server = 0usize;
            let mut minted = 0u32;
            let mut cached: Option<String> = None;
            for (dt, c) in calls {
                now += dt as f64;
                let current = match c {
                    Call::Mount => None,
                    Call::PassBack => cached.clone(),
                    Call::Other => Some("ek_someone_elses".to_owned()),
                };
                let (endpoint, replacing, wait) = match guard.plan(now, current.as_deref()) {
                    Plan::Cached(s) => {
                        prop_assert!(!s.is_empty());
                        continue;
                    }
                    Plan::Fetch { endpoint, replacing, wait_ms } => (endpoint, replacing, wait_ms),
                };
                prop_assert!(wait <= guard.interval_ms());
                let interval = guard.interval_ms();
                let mut op = Operation::new(policy, &mut jitter, endpoint, replacing.clone(), auth, interval, now);
                let mut cycle_start = now;
                let mut after_unusable_wait = false;
                let mut sends = 0u32;
                let mut token_n = 0u32;
                let mut begun = wait == 0;
                let mut step = op.begin(now, wait);
                loop {
                    step = match step {
                        Step::AskToken { timeout_ms } => {
                            prop_assert!(now + timeout_ms as f64 <= cycle_start + policy.total_timeout_ms as f64 + 1.0);
                            token_n += (next_server % 2) as u32;
                            op.token_result(now, TokenResult::Token(Some(format!("jwt-{token_n}"))))
                        }
                        Step::Send { timeout_ms, new_request, .. } => {
                            if new_request && after_unusable_wait {
                                cycle_start = now;
                            }
                            after_unusable_wait = false;
                            prop_assert!(timeout_ms >= 1 && timeout_ms <= policy.timeout_ms);
                            prop_assert!(now + timeout_ms as f64 <= cycle_start + policy.total_timeout_ms as f64 + 1.0);
                            if new_request {
                                if let Some(last) = last_counted {
                                    prop_assert!(now - last >= guard.interval_ms() as f64,
                                        "requests {} ms apart, interval {}", now - last, guard.interval_ms());
                                }
                                guard.requested(now);
                                last_counted = Some(now);
                            }
                            sends += 1;
                            prop_assert!(sends <= 6 * (policy.retries + 1));
                            let s = servers[next_server % servers.len()].clone();
                            next_server += 1;
                            let latency = (timeout_ms / 3) as f64;
                            let reply = |status: u16, body: Body, ra: Option<f64>| Reply { status, server_date_ms: None, retry_after_ms: ra, body };
                            match s {
                                Server::Hang => {
                                    now += timeout_ms as f64;
                                    op.attempt_timed_out(now)
                                }
                                Server::Network => {
                                    now += latency;
                                    op.network_error(now)
                                }
                                Server::Html => {
                                    now += latency;
                                    op.reply(now, reply(200, Body::NotJson { html: true }, None))
                                }
                                Server::Status(st, ra, retryable) => {
                                    now += latency;
                                    let body = Body::Json(Fields {
                                        error: Some(ErrorBody { code: None, hint: None, retryable: Some(retryable) }),
                                        ..Fields::default()
                                    });
                                    op.reply(now, reply(st, body, ra.map(|s| s as f64 * 1000.0)))
                                }
                                Server::Fresh(life) => {
                                    now += latency;
                                    minted += 1;
                                    op.reply(now, ok(&format!("ek_{minted}"), life as f64))
                                }
                                Server::Same => {
                                    now += latency;
                                    let s = op.replacing().unwrap_or("ek_0").to_owned();
                                    op.reply(now, ok(&s, 600.0))
                                }
                                Server::Expired => {
                                    now += latency;
                                    minted += 1;
                                    op.reply(now, ok(&format!("ek_{minted}"), 0.0))
                                }
                            }
                        }
                        Step::Wait { ms } if !begun => {
                            // The guard's wait before the first request.
                            prop_assert_eq!(ms, wait);
                            begun = true;
                            now += ms as f64;
                            cycle_start = now;
                            op.resume(now)
                        }
                        Step::Wait { ms } => {
                            // Either backoff / Retry-After inside the budget, or the
                            // refresh interval after an unusable secret.
                            let is_unusable_wait = op.waiting_out_the_interval();
                            if is_unusable_wait {
                                prop_assert_eq!(ms, interval);
                                after_unusable_wait = true;
                            } else {
                                prop_assert!(now + (ms as f64) < cycle_start + policy.total_timeout_ms as f64 + 1.0);
                                prop_assert!(ms <= CAP_MS.max(40_000));
                            }
                            now += ms as f64;
                            op.resume(now)
                        }
                        Step::Done(r) => {
                            match r {
                                Ok(i) => {
                                    prop_assert!(!i.secret.is_empty());
                                    prop_assert!(!i.expiry.is_expired(now));
                                    prop_assert!(Some(&i.secret) != replacing.as_ref());
                                    guard.accept(&i);
                                    cached = Some(i.secret);
                                }
                                Err(e) => {
                                    prop_assert!(!e.message.contains("ek_"));
                                    prop_assert!(!e.hint.as_deref().unwrap_or("").contains("ek_"));
                                    guard.failed(e.code);
                                    if e.code == ErrorCode::Unauthorized {
                                        cached = None;
                                    }
                                }
                            }
                            break;
                        }
                    };
                }
            }
        }
    }
}

//! Files of the JS facade generated from the Rust core, compared here so that a change
//! on either side is a visible diff: `UPDATE_SNAPSHOTS=1 cargo test --test generated`
//! rewrites them.
#![cfg(not(target_arch = "wasm32"))]

use chatkit_glue::core::analytics::queue::QueueConfig;
use chatkit_glue::core::analytics::TIMED;
use chatkit_glue::core::ErrorCode;
use std::path::Path;

/// `pkg-template/src/codes.js`: every error code and its default `retryable`, so the
/// facade raises errors (load failures, traps, deadlines) without a module.
fn codes_js() -> String {
    let mut out = String::from(
        "// Generated from the Rust error taxonomy (src/core/error.rs) by tests/generated.rs:\n\
         // `UPDATE_SNAPSHOTS=1 cargo test --test generated` rewrites it. Do not edit.\n\
         /** Every `ChatKitGlueError` code, in the order of the public error table, with its default `retryable`. */\n\
         export const RETRYABLE = {\n",
    );
    for code in ErrorCode::ALL {
        out.push_str(&format!(
            "  {}: {},\n",
            code.as_str(),
            code.default_retryable()
        ));
    }
    out.push_str("};\n");
    out
}

#[test]
fn codes_js_matches_the_error_taxonomy() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg-template/src/codes.js");
    let want = codes_js();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        have, want,
        "pkg-template/src/codes.js differs from src/core/error.rs: run UPDATE_SNAPSHOTS=1 cargo test --test generated"
    );
}

/// `pkg-template/src/analytics-limits.js`: the queue's default bound, which also bounds
/// the events `ChatKitAnalytics` holds before its module has loaded (the core, which owns
/// every option, is not there yet to say), and the event types whose monotonic time the
/// core reads (the facade reads the clock for these alone).
fn analytics_limits_js() -> String {
    let timed: Vec<String> = TIMED.iter().map(|t| format!("\"{t}\"")).collect();
    format!(
        "// Generated from the Rust core (src/core/analytics/queue.rs, src/core/analytics/mod.rs) by tests/generated.rs:\n\
         // `UPDATE_SNAPSHOTS=1 cargo test --test generated` rewrites it. Do not edit.\n\
         /** `maxQueue` when not given: it also bounds the events held before the analytics module loads. */\n\
         export const DEFAULT_MAX_QUEUE = {};\n\
         /** The event types whose monotonic time the core reads (pairing, durations, time to ready). */\n\
         export const TIMED = /* @__PURE__ */ new Set([{}]);\n",
        QueueConfig::default().max_queue,
        timed.join(", ")
    )
}

#[test]
fn analytics_limits_js_matches_the_core() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg-template/src/analytics-limits.js");
    let want = analytics_limits_js();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        have, want,
        "pkg-template/src/analytics-limits.js differs from src/core/analytics: run UPDATE_SNAPSHOTS=1 cargo test --test generated"
    );
}

// Generated from the Rust core (src/core/analytics/queue.rs, src/core/analytics/mod.rs) by tests/generated.rs:
// `UPDATE_SNAPSHOTS=1 cargo test --test generated` rewrites it. Do not edit.
/** `maxQueue` when not given: it also bounds the events held before the analytics module loads. */
export const DEFAULT_MAX_QUEUE = 1000;
/** The event types whose monotonic time the core reads (pairing, durations, time to ready). */
export const TIMED = /* @__PURE__ */ new Set(["ready", "response.start", "response.end", "thread.change", "thread.load.start", "thread.load.end"]);

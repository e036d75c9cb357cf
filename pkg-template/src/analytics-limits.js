// Generated from the Rust core (src/core/analytics/queue.rs) by tests/generated.rs:
// `UPDATE_SNAPSHOTS=1 cargo test --test generated` rewrites it. Do not edit.
/** `maxQueue` when not given: it also bounds the events held before the analytics module loads. */
export const DEFAULT_MAX_QUEUE = 1000;

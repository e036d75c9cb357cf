// Generated from the Rust core (src/core/tools.rs) by tests/generated.rs:
// `UPDATE_SNAPSHOTS=1 cargo test --test generated` rewrites it. Do not edit.
/** A name is suggested at most one edit per this many characters of the longer name away (at least 1 edit)... */
export const CHARS_PER_EDIT = 3;
/** ...and at most this many edits; */
export const MAX_EDITS = 3;
/** a name longer than this is never close. */
export const MAX_CHARS = 256;

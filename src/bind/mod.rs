//! The binding layer: JavaScript values in, core types through, JavaScript values out.
//! It owns promises, timers and `AbortSignal`s; the rules live in `crate::core`.
//!
//! Everything exported here is internal to the npm package: the published surface is
//! the facade in `pkg-template/`, which calls these exports.

pub mod analytics;
pub mod auth_fetch;
pub mod error;
pub mod listener;
pub mod meta;
pub mod options;
pub mod secrets;
pub mod task;
pub mod timeout;
pub mod tools;

//! The binding layer: one WebAssembly module per browser feature (cargo features
//! `secrets`, `auth-fetch`, `tools`, `analytics`), each a set of internal exports the
//! package facade in `pkg-template/` calls. The rules live in `crate::core`.
//!
//! Every feature (`secrets`, `auth-fetch`, `tools`, `analytics`) exports plain functions over the core's state
//! machines: values cross as numbers or as UTF-8 in the module's one I/O buffer
//! ([`io`]); the facade owns every promise, timer, `AbortSignal` and `fetch` and asks
//! the core what to do next.

pub mod io;

#[cfg(feature = "analytics")]
pub mod analytics;
#[cfg(feature = "auth-fetch")]
pub mod auth_fetch;
#[cfg(feature = "secrets")]
pub mod secrets;
#[cfg(feature = "tools")]
pub mod tools;

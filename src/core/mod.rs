//! The pure-Rust core: no JavaScript types, natively testable.

pub mod analytics;
pub mod auth_fetch;
pub mod error;
pub mod float;
pub mod http_date;
pub mod options;
pub mod record;
pub mod schema;
// All of JSON Schema draft 2020-12 (the whole JSON-Schema-Test-Suite passes, natively:
// tests/schema_suite.rs). Not in the tools module yet: with it `ClientTools` alone would be
// about 37 KB gzipped, over its 33,400-byte budget (docs/conformance.md); it replaces
// `schema` once it fits. Compiled for wasm32 too (no_std, checked by clippy), so the swap
// is a change of the binding only; no module links it today.
pub mod schema2020;
pub mod secrets;
pub mod text;
pub mod timeout;
pub mod tools;

pub use error::{ErrorCode, GlueError};

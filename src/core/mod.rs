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
// tests/schema_suite.rs). Not in the tools module yet: it adds about 9 KB gzipped over the
// ClientTools size budget (docs/conformance.md); it replaces `schema` once it fits.
#[cfg(not(target_arch = "wasm32"))]
pub mod schema2020;
pub mod secrets;
pub mod text;
pub mod timeout;
pub mod tools;

pub use error::{ErrorCode, GlueError};

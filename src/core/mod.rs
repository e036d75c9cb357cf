//! The pure-Rust core: no JavaScript types, natively testable.

pub mod analytics;
pub mod auth_fetch;
pub mod error;
pub mod float;
pub mod http_date;
pub mod options;
pub mod record;
// Tool parameters: all of JSON Schema draft 2020-12 (tests/schema_suite.rs runs the
// JSON-Schema-Test-Suite against it).
pub mod schema;
pub mod secrets;
pub mod text;
pub mod timeout;
pub mod tools;

pub use error::{ErrorCode, GlueError};

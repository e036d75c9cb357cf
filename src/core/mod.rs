//! The pure-Rust core: no JavaScript types, natively testable.

pub mod error;
pub mod race;
pub mod secrets;
pub mod text;
pub mod timeout;

pub use error::{ErrorCode, GlueError};

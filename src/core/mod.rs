//! The pure-Rust core: no JavaScript types, natively testable.

pub mod diagnostics;
pub mod error;
pub mod race;
pub mod timeout;

pub use error::{ErrorCode, GlueError};

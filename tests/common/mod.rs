//! Test bodies shared by `tests/web.rs` (headless Chromium) and `tests/node.rs` (Node):
//! the binding layer's exports, called as the package's facade calls them.

pub mod alloc;
pub mod analytics;
pub mod auth_fetch;
pub mod leak;

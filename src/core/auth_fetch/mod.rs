//! The rules of `createAuthFetch`, the fetch that adds the app's bearer token for
//! ChatKit's custom backend:
//!
//! - [`origin`]: which URLs may carry the token (an allowlist of exact origins);
//! - [`body`]: which request bodies can be sent a second time;
//! - [`refresh`]: the single-flight token refresh after a 401, one per rejected token;
//! - [`policy`]: options, deadlines, the bearer value, and what failures say;
//! - [`client`]: the state machine a synchronous binding drives, asking these rules.
//!
//! Nothing here sees a JavaScript value: the binding (`bind::auth_fetch`) parses URLs
//! with the platform's own parser (the one `fetch` uses) and hands the core the result,
//! so the decision "does this request get the token" can never disagree with where the
//! request actually goes.

pub mod body;
pub mod client;
pub mod origin;
pub mod policy;
pub mod refresh;

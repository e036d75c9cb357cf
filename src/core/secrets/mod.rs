//! Client secrets for hosted ChatKit: the rules behind `ClientSecretSource`.
//!
//! - [`policy`]: the options, their defaults and ranges, and the two rules derived from a
//!   secret's lifetime (the refresh margin and the minimum refresh interval).
//! - [`expiry`]: when a secret expires, from `expires_after`, `expires_at` and the
//!   response's `Date` header.
//! - [`backoff`]: exponential backoff with full jitter and `Retry-After`.
//! - [`classify`]: what an HTTP status or an error body means for the next step.
//! - [`operation`]: one fetch of a secret as a state machine the binding drives: token,
//!   attempts, retries, the 401 sequence and the unusable-secret retry.
//! - [`guard`]: the cache and the refresh guard across operations.
//! - [`event`]: the `SecretEvent`s an operation reports (never the secret).
//!
//! Nothing here performs I/O or reads a clock: the binding passes the time in and carries
//! out the steps, so every rule is tested natively.

pub mod backoff;
pub mod classify;
pub mod event;
pub mod expiry;
pub mod guard;
pub mod operation;
pub mod policy;
pub mod source;

/// The two endpoints of the secret server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// `/start`: a first secret; body `{}`.
    Start,
    /// `/refresh`: a secret replacing `currentClientSecret`.
    Refresh,
}

impl Endpoint {
    /// The public name (`SecretEvent.op`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Endpoint::Start => "start",
            Endpoint::Refresh => "refresh",
        }
    }
}

/// Whether `url` starts with a scheme (`https:`), as fetch outside a browser needs.
pub fn is_absolute_url(url: &str) -> bool {
    let mut bytes = url.bytes();
    if !bytes.next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    for c in bytes {
        if c == b':' {
            return true;
        }
        if !(c.is_ascii_alphanumeric() || c == b'+' || c == b'.' || c == b'-') {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests;

//! `SecretEvent`: what an operation reports to `onEvent`. It has no string fields but
//! fixed names, so it cannot carry a secret.

use super::Endpoint;
use crate::core::error::ErrorCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The first request of an operation.
    Request,
    /// Every later request (after backoff, a new token, the `/start` fallback, or an
    /// unusable secret); `status`/`code` say what the previous one ended with.
    Retry,
    Success,
    Failure,
}

impl Phase {
    pub const fn as_str(self) -> &'static str {
        match self {
            Phase::Request => "request",
            Phase::Retry => "retry",
            Phase::Success => "success",
            Phase::Failure => "failure",
        }
    }
}

/// `{ kind: "secret", op, phase, attempt, durationMs?, status?, code? }`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SecretEvent {
    pub op: Endpoint,
    pub phase: Phase,
    /// 1-based count of requests in the operation (0 when it failed before any).
    pub attempt: u32,
    /// From the operation's start, on `success` and `failure`.
    pub duration_ms: Option<f64>,
    pub status: Option<u16>,
    pub code: Option<ErrorCode>,
}

//! The cache and the refresh guard, across operations.
//!
//! - A cached secret that ChatKit did not pass back (it is newer than the one ChatKit
//!   holds, or ChatKit holds none) and that is outside the refresh margin is returned
//!   with no request.
//! - Requests the guard counts (an operation's first, and the retry after an unusable
//!   secret) are at least the refresh interval apart. A call inside the interval gets
//!   the cached secret if it has not expired, else waits the interval out.

use super::expiry::Expiry;
use super::operation::Issued;
use super::policy::Policy;
use super::Endpoint;
use crate::core::error::ErrorCode;
use crate::core::float;
use alloc::borrow::ToOwned;
use alloc::string::String;

/// What a `getClientSecret(current)` call does when nothing is in flight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Answer this secret, with no request.
    Cached(String),
    /// Wait `wait_ms` (the guard), then run an operation on `endpoint`.
    Fetch {
        endpoint: Endpoint,
        replacing: Option<String>,
        wait_ms: u32,
    },
}

#[derive(Clone, Debug, PartialEq)]
struct Cached {
    secret: String,
    expiry: Expiry,
}

#[derive(Clone, Debug)]
pub struct Guard {
    policy: Policy,
    cached: Option<Cached>,
    last_request_ms: Option<f64>,
}

impl Guard {
    pub fn new(policy: Policy) -> Self {
        Guard {
            policy,
            cached: None,
            last_request_ms: None,
        }
    }

    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// The refresh interval in force: from the lifetime of the secret in hand.
    pub fn interval_ms(&self) -> u32 {
        self.policy
            .min_interval_ms(self.cached.as_ref().map(|c| c.expiry.lifetime_ms))
    }

    /// What to do for `getClientSecret(current)` at `now`.
    pub fn plan(&self, now: f64, current: Option<&str>) -> Plan {
        let interval = self.interval_ms() as f64;
        // A clock that went backwards counts as "just now": the wait is never longer
        // than the interval.
        let wait = self
            .last_request_ms
            .map_or(0.0, |t| (interval - (now - t)).clamp(0.0, interval));
        let replacing = match &self.cached {
            Some(c) => {
                let passed_back = current == Some(c.secret.as_str());
                let margin = self.policy.margin_ms(c.expiry.lifetime_ms);
                if !passed_back && now < c.expiry.expires_at_ms - margin {
                    return Plan::Cached(c.secret.clone());
                }
                if wait > 0.0 && !c.expiry.is_expired(now) {
                    return Plan::Cached(c.secret.clone());
                }
                Some(c.secret.clone())
            }
            None => current.filter(|s| !s.is_empty()).map(str::to_owned),
        };
        Plan::Fetch {
            endpoint: if replacing.is_some() {
                Endpoint::Refresh
            } else {
                Endpoint::Start
            },
            replacing,
            wait_ms: float::ceil(wait) as u32,
        }
    }

    /// A request the guard counts was sent at `now`.
    pub fn requested(&mut self, now: f64) {
        self.last_request_ms = Some(now);
    }

    /// An operation issued a usable secret.
    pub fn accept(&mut self, issued: &Issued) {
        self.cached = Some(Cached {
            secret: issued.secret.clone(),
            expiry: issued.expiry,
        });
    }

    /// An operation failed with `code`. After `unauthorized` the user's secret is
    /// forgotten: it is no longer theirs to hand out.
    pub fn failed(&mut self, code: ErrorCode) {
        if code == ErrorCode::Unauthorized {
            self.cached = None;
        }
    }

    /// `clear()`: forget the secret and the guard's history.
    pub fn clear(&mut self) {
        self.cached = None;
        self.last_request_ms = None;
    }

    /// The cached secret's expiry (epoch ms, local clock).
    pub fn expires_at_ms(&self) -> Option<f64> {
        self.cached.as_ref().map(|c| c.expiry.expires_at_ms)
    }
}

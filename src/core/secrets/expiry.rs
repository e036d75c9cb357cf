//! When a secret expires, on the local clock.
//!
//! - `expires_after` (seconds remaining) is counted from the local time the answer was
//!   received, so a wrong client or server clock cannot shift it.
//! - Else `expires_at` (unix seconds, the server's clock) is corrected by the answer's
//!   `Date` header: the lifetime is `expires_at - Date`, counted from receipt.
//! - Else the secret lives 10 minutes (OpenAI's default).
//!
//! A negative, non-numeric or absurd value (over a day, such as milliseconds sent as
//! seconds) is `bad_response`. A secret already expired is not an error here: the
//! operation treats it as unusable and asks again once.

use crate::core::error::{ErrorCode, GlueError};

/// OpenAI's default session lifetime.
pub const DEFAULT_LIFETIME_MS: f64 = 600_000.0;
/// Longer than this is a unit mistake, not a lifetime.
pub const MAX_LIFETIME_MS: f64 = 86_400_000.0;

const HINT: &str = "The secret endpoint must answer { client_secret, expires_after } with expires_after the seconds remaining (createSessionHandlers does), or expires_at in unix seconds.";

/// A number field of a JSON answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    /// Missing or `null`.
    Absent,
    Value(f64),
    /// Present but not a number (a string, an object, ...).
    NotNumber,
}

/// A secret's expiry on the local clock, and its lifetime as received.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Expiry {
    pub expires_at_ms: f64,
    pub lifetime_ms: f64,
}

impl Expiry {
    pub fn is_expired(&self, now_ms: f64) -> bool {
        now_ms >= self.expires_at_ms
    }
}

/// The expiry of an answer received at `received_ms` (local clock) whose `Date` header
/// said `server_date_ms`.
pub fn expiry(
    expires_after: Num,
    expires_at: Num,
    received_ms: f64,
    server_date_ms: Option<f64>,
) -> Result<Expiry, GlueError> {
    let lifetime_ms = match (expires_after, expires_at) {
        (Num::Value(s), _) => {
            if s.is_nan() || s < 0.0 {
                return Err(bad(
                    "the secret endpoint answered a negative or non-finite expires_after",
                ));
            }
            s * 1000.0
        }
        (Num::NotNumber, _) => {
            return Err(bad(
                "the secret endpoint answered an expires_after that is not a number",
            ))
        }
        (Num::Absent, Num::Value(t)) => {
            if t.is_nan() || t <= 0.0 || t.is_infinite() {
                return Err(bad(
                    "the secret endpoint answered an expires_at that is not a positive unix time",
                ));
            }
            t * 1000.0 - server_date_ms.unwrap_or(received_ms)
        }
        (Num::Absent, Num::NotNumber) => {
            return Err(bad(
                "the secret endpoint answered an expires_at that is not a number",
            ))
        }
        (Num::Absent, Num::Absent) => DEFAULT_LIFETIME_MS,
    };
    if lifetime_ms.is_nan() || lifetime_ms > MAX_LIFETIME_MS {
        return Err(bad("the secret endpoint answered an expiry more than a day away; expires_after is in seconds and expires_at in unix seconds, not milliseconds"));
    }
    Ok(Expiry {
        expires_at_ms: received_ms + lifetime_ms,
        lifetime_ms,
    })
}

fn bad(message: &'static str) -> GlueError {
    GlueError::new(ErrorCode::BadResponse, message).with_hint(HINT)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 1_700_000_000_000.0;

    #[test]
    fn expires_after_counts_from_receipt_whatever_the_clocks_say() {
        let e = expiry(
            Num::Value(600.0),
            Num::Value(1.0),
            NOW,
            Some(NOW + 3_600_000.0),
        )
        .unwrap();
        assert_eq!(
            e,
            Expiry {
                expires_at_ms: NOW + 600_000.0,
                lifetime_ms: 600_000.0
            }
        );
    }

    #[test]
    fn expires_at_is_corrected_by_the_date_header() {
        // The server's clock is an hour ahead: its expires_at and Date both are.
        let server_now = NOW + 3_600_000.0;
        let at = (server_now + 600_000.0) / 1000.0;
        let e = expiry(Num::Absent, Num::Value(at), NOW, Some(server_now)).unwrap();
        assert_eq!(e.expires_at_ms, NOW + 600_000.0);
        // Without a Date header, expires_at is read on the local clock.
        let e = expiry(
            Num::Absent,
            Num::Value((NOW + 60_000.0) / 1000.0),
            NOW,
            None,
        )
        .unwrap();
        assert_eq!(e.lifetime_ms, 60_000.0);
    }

    #[test]
    fn neither_field_means_ten_minutes() {
        let e = expiry(Num::Absent, Num::Absent, NOW, None).unwrap();
        assert_eq!(e.expires_at_ms, NOW + 600_000.0);
    }

    #[test]
    fn already_expired_is_not_an_error_here() {
        let e = expiry(Num::Value(0.0), Num::Absent, NOW, None).unwrap();
        assert!(e.is_expired(NOW));
        let e = expiry(Num::Absent, Num::Value((NOW - 5_000.0) / 1000.0), NOW, None).unwrap();
        assert!(e.is_expired(NOW));
        assert!(e.lifetime_ms < 0.0);
    }

    #[test]
    fn negative_non_numeric_and_absurd_values_are_bad_response() {
        let cases = [
            (Num::Value(-1.0), Num::Absent),
            (Num::Value(f64::NAN), Num::Absent),
            (Num::Value(f64::INFINITY), Num::Absent),
            (Num::Value(600_000.0), Num::Absent), // milliseconds sent as seconds
            (Num::NotNumber, Num::Absent),
            (Num::Absent, Num::NotNumber),
            (Num::Absent, Num::Value(0.0)),
            (Num::Absent, Num::Value(-5.0)),
            (Num::Absent, Num::Value(NOW + 600_000.0)), // unix milliseconds
        ];
        for (after, at) in cases {
            let e = expiry(after, at, NOW, None).unwrap_err();
            assert_eq!(e.code, ErrorCode::BadResponse, "{after:?} {at:?}");
            assert!(!e.retryable);
            assert!(e.hint.is_some());
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_accepted_expiry_is_at_most_a_day_away(
            after in proptest::option::of(-1e7f64..1e7),
            at_offset_s in -1e7f64..1e10,
            skew_ms in -1e8f64..1e8,
            date in proptest::bool::ANY,
        ) {
            let after = after.map_or(Num::Absent, Num::Value);
            let server_now = NOW + skew_ms;
            let at = Num::Value(server_now / 1000.0 + at_offset_s);
            if let Ok(e) = expiry(after, at, NOW, date.then_some(server_now)) {
                proptest::prop_assert!(e.expires_at_ms <= NOW + MAX_LIFETIME_MS);
                proptest::prop_assert!(e.expires_at_ms.is_finite());
                proptest::prop_assert!((e.expires_at_ms - NOW - e.lifetime_ms).abs() < 1.0);
            }
        }

        #[test]
        fn with_a_date_header_the_server_clock_does_not_matter(skew_ms in -1e8f64..1e8, life_s in 0u32..86_400) {
            let server_now = NOW + skew_ms;
            let at = (server_now + life_s as f64 * 1000.0) / 1000.0;
            let e = expiry(Num::Absent, Num::Value(at), NOW, Some(server_now)).unwrap();
            proptest::prop_assert!((e.lifetime_ms - life_s as f64 * 1000.0).abs() < 1.0);
        }
    }
}

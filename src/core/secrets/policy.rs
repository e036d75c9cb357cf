//! `ClientSecretSource`'s options: defaults, ranges, and the rules derived from a
//! secret's lifetime.

use crate::core::error::GlueError;
use crate::core::float;
use crate::core::text::cat;
use crate::core::timeout::MAX_TIMER_MS;

/// Per attempt, until the whole answer is read.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
/// Retries after the first attempt (network error, timeout, 408, 429, 5xx).
pub const DEFAULT_RETRIES: u32 = 3;
/// More retries than this is a mistake (each waits up to 5 s).
pub const MAX_RETRIES: u32 = 10;
/// Across all attempts of one request, including the waits between them.
pub const DEFAULT_TOTAL_TIMEOUT_MS: u32 = 30_000;
/// A secret this close to its expiry is not handed out from the cache.
pub const DEFAULT_REFRESH_MARGIN_MS: u32 = 60_000;
/// The least time between two requests, unless `minRefreshIntervalMs` says otherwise.
pub const MIN_REFRESH_INTERVAL_FLOOR_MS: u32 = 5_000;

/// The options as given (numbers from JavaScript; `None` when not set).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PolicyOptions {
    pub timeout_ms: Option<f64>,
    pub retries: Option<f64>,
    pub total_timeout_ms: Option<f64>,
    pub refresh_margin_ms: Option<f64>,
    pub min_refresh_interval_ms: Option<f64>,
}

/// The options, checked, with their defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    pub timeout_ms: u32,
    pub retries: u32,
    pub total_timeout_ms: u32,
    pub refresh_margin_ms: u32,
    /// `None`: max(5 s, 10% of the lifetime).
    pub min_refresh_interval_ms: Option<u32>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            timeout_ms: DEFAULT_TIMEOUT_MS,
            retries: DEFAULT_RETRIES,
            total_timeout_ms: DEFAULT_TOTAL_TIMEOUT_MS,
            refresh_margin_ms: DEFAULT_REFRESH_MARGIN_MS,
            min_refresh_interval_ms: None,
        }
    }
}

impl Policy {
    /// Checks the options. Durations are milliseconds from their minimum to 2147483647
    /// (fractions round up); `retries` an integer from 0 to 10. Anything else is
    /// `invalid_config` naming the option.
    pub fn new(o: &PolicyOptions) -> Result<Policy, GlueError> {
        let d = Policy::default();
        Ok(Policy {
            timeout_ms: ms(o.timeout_ms, 1, "timeoutMs")?.unwrap_or(d.timeout_ms),
            retries: match o.retries {
                None => d.retries,
                Some(r) if float::fract(r) == 0.0 && (0.0..=MAX_RETRIES as f64).contains(&r) => {
                    r as u32
                }
                Some(_) => {
                    return Err(GlueError::invalid_config(
                        "ClientSecretSource: retries must be an integer from 0 to 10",
                    ))
                }
            },
            total_timeout_ms: ms(o.total_timeout_ms, 1, "totalTimeoutMs")?
                .unwrap_or(d.total_timeout_ms),
            refresh_margin_ms: ms(o.refresh_margin_ms, 0, "refreshMarginMs")?
                .unwrap_or(d.refresh_margin_ms),
            min_refresh_interval_ms: ms(o.min_refresh_interval_ms, 0, "minRefreshIntervalMs")?,
        })
    }

    /// How long before its expiry a secret stops being handed out from the cache:
    /// `refreshMarginMs`, but never more than half the lifetime (a 90 s secret with the
    /// default 60 s margin would otherwise be stale after 30 s).
    pub fn margin_ms(&self, lifetime_ms: f64) -> f64 {
        (self.refresh_margin_ms as f64).min((lifetime_ms / 2.0).max(0.0))
    }

    /// The least time between two requests: `minRefreshIntervalMs`, else max(5 s, 10% of
    /// the lifetime of the secret in hand), else 5 s.
    pub fn min_interval_ms(&self, lifetime_ms: Option<f64>) -> u32 {
        if let Some(ms) = self.min_refresh_interval_ms {
            return ms;
        }
        let tenth = lifetime_ms.map_or(0.0, |l| (l / 10.0).clamp(0.0, MAX_TIMER_MS as f64));
        (MIN_REFRESH_INTERVAL_FLOOR_MS as f64).max(float::ceil(tenth)) as u32
    }
}

/// A duration option: `None` when not set; `invalid_config` naming `key` when it is
/// not a number of milliseconds from `min` (0 or 1) to 2147483647.
fn ms(value: Option<f64>, min: u32, key: &str) -> Result<Option<u32>, GlueError> {
    match value {
        None => Ok(None),
        Some(v) if v >= 0.0 && float::ceil(v) >= min as f64 && v <= MAX_TIMER_MS as f64 => {
            Ok(Some(float::ceil(v) as u32))
        }
        Some(_) => Err(GlueError::invalid_config(cat(&[
            "ClientSecretSource: ",
            key,
            if min == 0 {
                " must be a number of milliseconds from 0 to 2147483647"
            } else {
                " must be a number of milliseconds from 1 to 2147483647"
            },
        ]))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ErrorCode;

    #[test]
    fn defaults_are_the_documented_ones() {
        let p = Policy::new(&PolicyOptions::default()).unwrap();
        assert_eq!(p, Policy::default());
        assert_eq!(
            (
                p.timeout_ms,
                p.retries,
                p.total_timeout_ms,
                p.refresh_margin_ms
            ),
            (10_000, 3, 30_000, 60_000)
        );
        assert_eq!(p.min_refresh_interval_ms, None);
    }

    #[test]
    fn bad_numbers_are_invalid_config_naming_the_option() {
        let cases = [
            (
                PolicyOptions {
                    timeout_ms: Some(0.0),
                    ..Default::default()
                },
                "timeoutMs",
            ),
            (
                PolicyOptions {
                    timeout_ms: Some(f64::NAN),
                    ..Default::default()
                },
                "timeoutMs",
            ),
            (
                PolicyOptions {
                    retries: Some(1.5),
                    ..Default::default()
                },
                "retries",
            ),
            (
                PolicyOptions {
                    retries: Some(11.0),
                    ..Default::default()
                },
                "retries",
            ),
            (
                PolicyOptions {
                    retries: Some(-1.0),
                    ..Default::default()
                },
                "retries",
            ),
            (
                PolicyOptions {
                    total_timeout_ms: Some(f64::INFINITY),
                    ..Default::default()
                },
                "totalTimeoutMs",
            ),
            (
                PolicyOptions {
                    refresh_margin_ms: Some(-1.0),
                    ..Default::default()
                },
                "refreshMarginMs",
            ),
            (
                PolicyOptions {
                    min_refresh_interval_ms: Some(3e9),
                    ..Default::default()
                },
                "minRefreshIntervalMs",
            ),
        ];
        for (o, name) in cases {
            let e = Policy::new(&o).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidConfig);
            assert!(e.message.contains(name), "{}", e.message);
        }
    }

    #[test]
    fn fractions_round_up_and_zero_is_allowed_where_it_means_something() {
        let p = Policy::new(&PolicyOptions {
            timeout_ms: Some(0.5),
            refresh_margin_ms: Some(0.0),
            min_refresh_interval_ms: Some(0.0),
            retries: Some(0.0),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(p.timeout_ms, 1);
        assert_eq!(p.refresh_margin_ms, 0);
        assert_eq!(p.min_refresh_interval_ms, Some(0));
        assert_eq!(p.retries, 0);
    }

    #[test]
    fn the_margin_is_never_more_than_half_the_lifetime() {
        let p = Policy::default();
        assert_eq!(p.margin_ms(600_000.0), 60_000.0);
        assert_eq!(p.margin_ms(90_000.0), 45_000.0);
        assert_eq!(p.margin_ms(-5.0), 0.0);
    }

    #[test]
    fn the_interval_is_max_of_5s_and_a_tenth_of_the_lifetime() {
        let p = Policy::default();
        assert_eq!(p.min_interval_ms(None), 5_000);
        assert_eq!(p.min_interval_ms(Some(10_000.0)), 5_000);
        assert_eq!(p.min_interval_ms(Some(600_000.0)), 60_000);
        assert_eq!(p.min_interval_ms(Some(f64::INFINITY)), MAX_TIMER_MS);
        let set = Policy {
            min_refresh_interval_ms: Some(50),
            ..p
        };
        assert_eq!(set.min_interval_ms(Some(600_000.0)), 50);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn margin_and_interval_stay_in_range(lifetime in 0.0f64..1e10, margin in 0u32..=MAX_TIMER_MS) {
            let p = Policy { refresh_margin_ms: margin, ..Policy::default() };
            let m = p.margin_ms(lifetime);
            proptest::prop_assert!(m >= 0.0 && m <= lifetime / 2.0 && m <= margin as f64);
            let i = p.min_interval_ms(Some(lifetime));
            proptest::prop_assert!(i >= MIN_REFRESH_INTERVAL_FLOOR_MS && i as f64 >= (lifetime / 10.0).min(MAX_TIMER_MS as f64));
        }
    }
}

//! How long to wait before a retry: exponential backoff with full jitter (base 300 ms,
//! cap 5 s), or the server's `Retry-After`.

use crate::core::float;
/// The ceiling of the first retry's wait.
pub const BASE_MS: u32 = 300;
/// No wait chosen by backoff is longer.
pub const CAP_MS: u32 = 5_000;

/// The most the wait before retry number `retry` (0 for the first) can be:
/// min(5 s, 300 ms × 2^retry).
pub fn ceiling_ms(retry: u32) -> u32 {
    BASE_MS.saturating_mul(1u32 << retry.min(16)).min(CAP_MS)
}

/// Full jitter: a wait drawn uniformly from [0, ceiling]. `jitter` is the random draw in
/// [0, 1] (the binding uses `Math.random()`; tests pass fixed values); anything outside
/// is clamped, `NaN` counts as 0.
pub fn backoff_ms(retry: u32, jitter: f64) -> u32 {
    let j = if jitter.is_nan() {
        0.0
    } else {
        jitter.clamp(0.0, 1.0)
    };
    float::floor(ceiling_ms(retry) as f64 * j) as u32
}

/// The wait a `Retry-After` header asks for, in milliseconds: delay-seconds (digits), or
/// an HTTP date measured against the answer's `Date` header when there is one (so the
/// two clocks agree) else against `now_ms`. A date in the past is 0. Anything else is
/// `None` (the header is ignored and backoff applies). `parse_date` turns an HTTP date
/// into epoch milliseconds (the binding uses `Date.parse`).
pub fn retry_after_ms(
    header: &str,
    server_date_ms: Option<f64>,
    now_ms: f64,
    parse_date: impl FnOnce(&str) -> Option<f64>,
) -> Option<f64> {
    let value = header.trim_ascii();
    if value.is_empty() {
        return None;
    }
    if value.bytes().all(|b| b.is_ascii_digit()) {
        // Digits only: no float parser needed (it would weigh several KB in the .wasm).
        let seconds = value
            .bytes()
            .fold(0.0f64, |n, b| n * 10.0 + f64::from(b - b'0'));
        return Some(seconds * 1000.0);
    }
    let at = parse_date(value).filter(|t| t.is_finite())?;
    Some((at - server_date_ms.unwrap_or(now_ms)).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceilings_double_from_300ms_up_to_5s() {
        let c: Vec<u32> = (0..7).map(ceiling_ms).collect();
        assert_eq!(c, [300, 600, 1200, 2400, 4800, 5000, 5000]);
        assert_eq!(ceiling_ms(u32::MAX), CAP_MS);
    }

    #[test]
    fn full_jitter_spans_zero_to_the_ceiling() {
        assert_eq!(backoff_ms(0, 0.0), 0);
        assert_eq!(backoff_ms(0, 1.0), 300);
        assert_eq!(backoff_ms(1, 0.5), 300);
        assert_eq!(backoff_ms(3, 2.0), 2400);
        assert_eq!(backoff_ms(3, -1.0), 0);
        assert_eq!(backoff_ms(3, f64::NAN), 0);
    }

    #[test]
    fn retry_after_in_seconds() {
        let never = |_: &str| -> Option<f64> { panic!("digits are not a date") };
        assert_eq!(retry_after_ms("2", None, 0.0, never), Some(2000.0));
        assert_eq!(retry_after_ms(" 0 ", None, 0.0, |_| None), Some(0.0));
        assert!(retry_after_ms("99999999999999999999", None, 0.0, |_| None).unwrap() > 1e22);
    }

    #[test]
    fn retry_after_as_a_date_uses_the_servers_clock_when_it_can() {
        let date = |_: &str| Some(10_000.0);
        // Server's Date says 8 s: wait 2 s, whatever the local clock says.
        assert_eq!(
            retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", Some(8_000.0), 1e12, date),
            Some(2_000.0)
        );
        // No Date header: against the local clock.
        assert_eq!(
            retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", None, 9_000.0, date),
            Some(1_000.0)
        );
        // In the past: no wait.
        assert_eq!(retry_after_ms("x", None, 20_000.0, date), Some(0.0));
    }

    #[test]
    fn unusable_retry_after_is_ignored() {
        assert_eq!(retry_after_ms("", None, 0.0, |_| Some(1.0)), None);
        assert_eq!(retry_after_ms("soon", None, 0.0, |_| None), None);
        assert_eq!(retry_after_ms("-5", None, 0.0, |_| None), None);
        assert_eq!(retry_after_ms("1.5", None, 0.0, |_| None), None);
        assert_eq!(retry_after_ms("x", None, 0.0, |_| Some(f64::NAN)), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn a_wait_never_exceeds_its_ceiling_or_the_cap(retry in 0u32..64, jitter in proptest::num::f64::ANY) {
            let d = backoff_ms(retry, jitter);
            proptest::prop_assert!(d <= ceiling_ms(retry));
            proptest::prop_assert!(d <= CAP_MS);
            proptest::prop_assert!(ceiling_ms(retry) >= BASE_MS);
        }

        #[test]
        fn retry_after_is_never_negative(secs in 0u64..10_000_000, at in -1e13f64..1e13, date in proptest::option::of(0f64..1e13), now in 0f64..1e13) {
            let s = retry_after_ms(&secs.to_string(), date, now, |_| None).unwrap();
            proptest::prop_assert_eq!(s, secs as f64 * 1000.0);
            let d = retry_after_ms("a date", date, now, |_| Some(at)).unwrap();
            proptest::prop_assert!(d >= 0.0);
        }
    }
}

//! `withTimeout`'s policy: which deadlines are usable and what its failures say.

use super::error::{ErrorCode, GlueError};
use crate::core::float;
use crate::core::text::decimal;

/// The longest delay a JavaScript timer honours; longer ones fire at once.
pub const MAX_TIMER_MS: u32 = 2_147_483_647;

/// Checks a deadline given in milliseconds and rounds a fraction up, so a deadline is
/// never shorter than asked. `NaN`, infinities, negative numbers and values past what
/// a JavaScript timer can hold are `invalid_config`.
pub fn deadline_ms(ms: f64) -> Result<u32, GlueError> {
    if ms.is_nan() || ms < 0.0 || ms > MAX_TIMER_MS as f64 {
        return Err(GlueError::invalid_config(
            "withTimeout: ms must be a number of milliseconds from 0 to 2147483647",
        ));
    }
    // In range and not NaN, so the conversion is exact after rounding up.
    Ok(float::ceil(ms) as u32)
}

/// The error for a deadline that passed.
pub fn timed_out(what: &str, ms: u32) -> GlueError {
    GlueError::new(
        ErrorCode::Timeout,
        [what, " timed out after ", &decimal(ms), " ms"].concat(),
    )
}

/// The error for a caller's signal that fired.
pub fn aborted_by_caller(what: &str) -> GlueError {
    GlueError::aborted([what, " was aborted by the caller's signal"].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_unusable_deadlines() {
        for bad in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -1.0,
            -0.5,
            2_147_483_648.0,
        ] {
            let err = deadline_ms(bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidConfig, "{bad}");
            assert!(!err.retryable);
        }
    }

    #[test]
    fn accepts_the_edges() {
        assert_eq!(deadline_ms(0.0), Ok(0));
        assert_eq!(deadline_ms(-0.0), Ok(0));
        assert_eq!(deadline_ms(2_147_483_647.0), Ok(MAX_TIMER_MS));
    }

    #[test]
    fn messages_name_the_operation_and_the_deadline() {
        let e = timed_out("withTimeout", 250);
        assert_eq!(e.code, ErrorCode::Timeout);
        assert!(e.retryable);
        assert_eq!(e.to_string(), "withTimeout timed out after 250 ms");
        let a = aborted_by_caller("withTimeout");
        assert_eq!(a.code, ErrorCode::Aborted);
        assert!(!a.retryable);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn a_deadline_is_never_shorter_than_asked(ms in 0.0f64..=2_147_483_647.0) {
            let d = deadline_ms(ms).unwrap();
            proptest::prop_assert!(d as f64 >= ms);
            proptest::prop_assert!((d as f64) - ms < 1.0);
        }

        #[test]
        fn any_number_is_either_a_deadline_or_invalid_config(ms in proptest::prelude::any::<f64>()) {
            match deadline_ms(ms) {
                Ok(d) => proptest::prop_assert!(d <= MAX_TIMER_MS),
                Err(e) => proptest::prop_assert_eq!(e.code, ErrorCode::InvalidConfig),
            }
        }
    }
}

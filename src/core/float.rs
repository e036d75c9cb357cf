//! Rounding of `f64` without the standard library: the shipped modules are `no_std`
//! (see `src/lib.rs`), where `f64::floor` and friends do not exist. Each function gives
//! the standard library's answer for every input (checked natively against it below),
//! but for the sign of a zero result, which no caller looks at.

/// From 2^52 on, every `f64` is an integer.
const INTEGRAL: f64 = 4_503_599_627_370_496.0;

/// `x` without its fractional part (toward zero); NaN and infinities unchanged.
pub fn trunc(x: f64) -> f64 {
    if x.abs() < INTEGRAL {
        x as i64 as f64
    } else {
        x
    }
}

/// The largest integer not above `x`.
pub fn floor(x: f64) -> f64 {
    let t = trunc(x);
    if t > x {
        t - 1.0
    } else {
        t
    }
}

/// The smallest integer not below `x`.
pub fn ceil(x: f64) -> f64 {
    let t = trunc(x);
    if t < x {
        t + 1.0
    } else {
        t
    }
}

/// The nearest integer, halves away from zero (as `f64::round`).
pub fn round(x: f64) -> f64 {
    let t = trunc(x);
    if (x - t).abs() >= 0.5 {
        if x < 0.0 {
            t - 1.0
        } else {
            t + 1.0
        }
    } else {
        t
    }
}

/// The fractional part, `x - trunc(x)`.
pub fn fract(x: f64) -> f64 {
    x - trunc(x)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(a: f64, b: f64) -> bool {
        a == b || (a.is_nan() && b.is_nan())
    }

    const EDGES: [f64; 16] = [
        0.0,
        -0.0,
        0.5,
        -0.5,
        1.5,
        -1.5,
        2.5,
        0.49999999999999994,
        -0.49999999999999994,
        4_503_599_627_370_495.5,
        4_503_599_627_370_496.0,
        9_007_199_254_740_993.0,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::INFINITY,
        f64::NAN,
    ];

    #[test]
    fn edges_match_the_standard_library() {
        for x in EDGES.into_iter().chain(EDGES.map(|x| -x)) {
            assert!(same(trunc(x), x.trunc()), "trunc({x})");
            assert!(same(floor(x), x.floor()), "floor({x})");
            assert!(same(ceil(x), x.ceil()), "ceil({x})");
            assert!(same(round(x), x.round()), "round({x})");
            assert!(same(fract(x), x.fract()), "fract({x})");
        }
    }

    proptest! {
        #[test]
        fn every_double_matches_the_standard_library(bits in any::<u64>(), small in -1e7f64..1e7) {
            for x in [f64::from_bits(bits), small] {
                prop_assert!(same(trunc(x), x.trunc()));
                prop_assert!(same(floor(x), x.floor()));
                prop_assert!(same(ceil(x), x.ceil()));
                prop_assert!(same(round(x), x.round()));
                prop_assert!(same(fract(x), x.fract()));
            }
        }
    }
}

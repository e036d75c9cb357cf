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

/// The nearest integer, halves to the even one (as `f64::round_ties_even`).
pub fn round_ties_even(x: f64) -> f64 {
    let t = trunc(x);
    let d = (x - t).abs();
    let away = if x < 0.0 { t - 1.0 } else { t + 1.0 };
    if d > 0.5 || (d == 0.5 && fract(t / 2.0) != 0.0) {
        away
    } else {
        t
    }
}

/// `2^n`, exactly (0 or infinity past the range of `f64`).
pub fn pow2(n: i32) -> f64 {
    let mut p = 1.0;
    let step = if n < 0 { 0.5 } else { 2.0 };
    for _ in 0..n.unsigned_abs().min(1100) {
        p *= step;
    }
    p
}

/// ln 2 in two parts: the high one has its low 32 bits zero, so `k * LN2_HI` is exact for
/// every exponent `k` of a double.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);

/// The natural logarithm, within 1e-14 (relative) of `f64::ln` for finite `x > 0` (the quantile
/// sketch's bucket index); NaN below 0, -inf at 0, inf at inf.
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    // x = m * 2^k with m in [sqrt(1/2), sqrt(2)).
    let mut bits = x.to_bits();
    let mut k = 0i32;
    if bits >> 52 == 0 {
        // Subnormal: scale into the normal range first.
        bits = (x * pow2(54)).to_bits();
        k -= 54;
    }
    k += ((bits >> 52) & 0x7ff) as i32 - 1023;
    let mut m = f64::from_bits((bits & ((1 << 52) - 1)) | (1023 << 52));
    if m > core::f64::consts::SQRT_2 {
        m /= 2.0;
        k += 1;
    }
    // ln(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172: the series' terms fall by
    // 0.03 each, so 12 of them reach below an ulp.
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    // Horner from the smallest term: s (1 + s^2 (1/3 + s^2 (1/5 + ...))).
    let mut sum = 0.0;
    let mut i = 25.0;
    while i > 0.0 {
        sum = 1.0 / i + s2 * sum;
        i -= 2.0;
    }
    k as f64 * LN2_HI + (2.0 * s * sum + k as f64 * LN2_LO)
}

/// `e^x`, within 1e-14 (relative) of `f64::exp` where the result is a normal double (0 below about -745, inf above about 709.8).
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.8 {
        return f64::INFINITY;
    }
    if x < -745.2 {
        return 0.0;
    }
    // x = k ln2 + r with |r| <= ln2 / 2; e^r by its Taylor series (terms below an ulp
    // after 18), then scaled by 2^k in two steps so that neither overflows.
    let k = round(x / core::f64::consts::LN_2);
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // Horner from the smallest term: 1 + r(1 + r/2(1 + r/3(...))).
    let mut sum = 1.0;
    let mut n = 18.0;
    while n > 0.0 {
        sum = 1.0 + r * sum / n;
        n -= 1.0;
    }
    let k = k as i32;
    sum * pow2(k / 2) * pow2(k - k / 2)
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
            assert!(
                same(round_ties_even(x), x.round_ties_even()),
                "round_ties_even({x})"
            );
        }
        for n in [
            -1100, -1075, -1074, -1023, -1022, -1, 0, 1, 52, 1023, 1024, 1100,
        ] {
            assert_eq!(pow2(n), two_to(n), "2^{n}");
        }
        for x in [0.0, -1.0, f64::INFINITY, f64::NAN, 5e-324, f64::MAX] {
            assert!(same(ln(x), x.ln()), "ln({x})");
        }
        for x in [
            0.0,
            -800.0,
            710.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert!(same(exp(x), x.exp()), "exp({x})");
        }
    }

    /// 2^n from its bits (`f64::powi` divides by an infinite 2^1024 below -1023).
    fn two_to(n: i32) -> f64 {
        match n {
            ..-1074 => 0.0,
            -1074..-1022 => f64::from_bits(1 << (n + 1074)),
            -1022..1024 => f64::from_bits(((n + 1023) as u64) << 52),
            _ => f64::INFINITY,
        }
    }

    /// Whether `a` is within 1e-14 of `b`, relative (or both are the same zero or
    /// infinity).
    fn near(a: f64, b: f64) -> bool {
        a == b || (a - b).abs() <= 1e-14 * b.abs()
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
                prop_assert!(same(round_ties_even(x), x.round_ties_even()));
            }
        }

        #[test]
        fn logarithms_and_exponentials_are_within_1e_14(bits in any::<u64>(), small in -708.0f64..709.0, near_one in 0.5f64..2.0) {
            prop_assert!(near(ln(near_one), near_one.ln()), "ln({:e})", near_one);
            let x = f64::from_bits(bits).abs();
            prop_assert!(near(ln(x), x.ln()) || (x.is_nan() && ln(x).is_nan()), "ln({:e}) = {:e}, std {:e}", x, ln(x), x.ln());
            prop_assert!(near(exp(small), small.exp()), "exp({:e}) = {:e}, std {:e}", small, exp(small), small.exp());
        }

        #[test]
        fn powers_of_two_are_exact(n in -1100i32..1100) {
            prop_assert_eq!(pow2(n), two_to(n));
        }
    }
}

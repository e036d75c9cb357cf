//! Number rules that floating point makes subtle: `multipleOf` for decimal divisors,
//! and writing a schema's number into a message without the float formatter (which
//! would cost several KB of WebAssembly).

use crate::core::float::{fract, round_ties_even};
use alloc::string::String;
use core::num::NonZeroU64;

/// Whether `value` is a multiple of `divisor` (> 0), in the decimal reading both print
/// as: `0.3` is a multiple of `0.1` although `0.3 / 0.1` is `2.9999999999999996`, and
/// `2^53` is not a multiple of `7.5` although the quotient is within a few ulps of an
/// integer. No tolerance is involved at any magnitude:
/// - when both numbers have a decimal form `digits * 10^exp` that is provably the
///   shortest reading back as them (digits exact in a double, `|exp|` at most 22, which
///   covers the numbers tool parameters carry), the division is done exactly on those
///   integers;
/// - otherwise (17 significant digits, or magnitudes past 10^±22) on the doubles' exact
///   binary values, which is what those numbers are.
pub fn is_multiple_of(value: f64, divisor: f64) -> bool {
    if !value.is_finite() || divisor.is_nan() || divisor <= 0.0 || !divisor.is_finite() {
        return false;
    }
    if value == 0.0 {
        return true;
    }
    // The divisor's digits are never 0 (it is > 0): as a `NonZeroU64`, `%` needs no
    // division-by-zero check (and no panic path in the module).
    match (exact_decimal(value.abs()), exact_decimal(divisor)) {
        (Some((m1, e1)), Some((m2, e2))) => {
            let Some(m2) = NonZeroU64::new(m2) else {
                return false;
            };
            if e1 >= e2 {
                // m1 * 10^(e1 - e2) mod m2, one decimal place at a time: m2 <= 2^53, so
                // every intermediate stays below 2^57.
                let mut r = m1 % m2;
                for _ in 0..e1 - e2 {
                    r = r * 10 % m2;
                }
                r == 0
            } else {
                // m1 / (m2 * 10^(e2 - e1)), all below 2^53 * 10^44: past u64 it is
                // larger than m1, which is not 0.
                let mut d = m2;
                for _ in 0..e2 - e1 {
                    match d.checked_mul(TEN) {
                        Some(next) => d = next,
                        None => return false,
                    }
                }
                m1 % d == 0
            }
        }
        _ => {
            // value = m1 * 2^e1 and divisor = m2 * 2^e2 with m1, m2 odd: the quotient is
            // whole exactly when m2 divides m1 and e1 >= e2.
            let (m1, e1) = binary(value.abs());
            let (m2, e2) = binary(divisor);
            e1 >= e2 && NonZeroU64::new(m2).is_some_and(|m2| m1 % m2 == 0)
        }
    }
}

const TEN: NonZeroU64 = NonZeroU64::new(10).unwrap();

/// A finite double > 0 as `m * 2^e` with `m` odd.
fn binary(a: f64) -> (u64, i32) {
    let bits = a.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    let zeros = m.trailing_zeros();
    (m >> zeros, e + zeros as i32)
}

/// `decimal(a)` when its round trip was checked without rounding error: the digits are
/// exact in a double and the power of ten is one of the exact ones (10^0..10^22), so the
/// check is one correctly rounded operation, the one a decimal parser performs.
fn exact_decimal(a: f64) -> Option<(u64, i32)> {
    let (digits, exp) = decimal(a);
    let exact = digits <= 1 << 53 && (-22..=22).contains(&exp);
    let back = if exp >= 0 {
        digits as f64 * scale(1.0, exp)
    } else {
        digits as f64 / scale(1.0, -exp)
    };
    (exact && back == a).then_some((digits, exp))
}

/// Writes `n` in the shortest decimal form of up to 17 significant digits that reads
/// back as `n` (`0.1`, `-2.5`, `100`), in exponent form when very large or small, the
/// way JavaScript's `String(n)` does for the numbers schemas use.
pub fn write_number(out: &mut String, n: f64) {
    if n.is_nan() {
        out.push_str("NaN");
        return;
    }
    if n < 0.0 {
        out.push('-');
    }
    let a = n.abs();
    if a.is_infinite() {
        out.push_str("Infinity");
        return;
    }
    let (digits, exp) = decimal(a);
    let mut text = String::new();
    push_u64(&mut text, digits);
    let text = text.as_bytes();
    // a = digits * 10^exp: `point` digits stand before the decimal point.
    let point = text.len() as i32 + exp;
    if (-5..=21).contains(&point) {
        if point <= 0 {
            out.push_str("0.");
            for _ in 0..-point {
                out.push('0');
            }
            push_ascii(out, text);
        } else {
            for (i, c) in text.iter().enumerate() {
                if i as i32 == point {
                    out.push('.');
                }
                out.push(*c as char);
            }
            for _ in text.len() as i32..point {
                out.push('0');
            }
        }
    } else {
        for (i, c) in text.iter().enumerate() {
            if i == 1 {
                out.push('.');
            }
            out.push(*c as char);
        }
        out.push_str(if point > 0 { "e+" } else { "e-" });
        push_u64(out, u64::from((point - 1).unsigned_abs()));
    }
}

/// `a` (finite, >= 0) as `digits * 10^exp` with the fewest digits (at most 17) that read
/// back as `a` (a whole number up to 2^53 exactly); `digits` is below 10^17 and has no
/// trailing zero.
fn decimal(a: f64) -> (u64, i32) {
    if fract(a) == 0.0 && a <= 9_007_199_254_740_992.0 {
        let (mut digits, mut exp) = (a as u64, 0);
        while digits % 10 == 0 && digits > 0 {
            digits /= 10;
            exp += 1;
        }
        return (digits, exp);
    }
    // The decimal exponent, roughly: the round-trip check below absorbs an error of one.
    let mut e10 = 0i32;
    let mut x = a;
    while x >= 10.0 {
        x /= 10.0;
        e10 += 1;
    }
    while x < 1.0 {
        x *= 10.0;
        e10 -= 1;
    }
    let mut sig = 1;
    loop {
        let mut shift = sig - 1 - e10;
        let scaled = round_ties_even(scale(a, shift));
        if scale(scaled, -shift) != a && sig < 17 {
            sig += 1;
            continue;
        }
        // Below 10^17 by construction; the bound keeps a rounding slip from overflowing
        // the exact arithmetic of `is_multiple_of`.
        let mut digits = (scaled as u64).min(99_999_999_999_999_999);
        while digits % 10 == 0 && digits > 0 {
            digits /= 10;
            shift -= 1;
        }
        return (digits, -shift);
    }
}

fn push_ascii(out: &mut String, text: &[u8]) {
    for c in text {
        out.push(*c as char);
    }
}

fn scale(mut x: f64, shift: i32) -> f64 {
    // Multiplications or divisions by a power of ten (exact up to 10^22), in steps of at
    // most 10^300 so that the power stays finite for subnormal and huge values.
    let mut left = shift.unsigned_abs().min(700);
    while left > 0 {
        let step = left.min(300);
        let mut p = 1.0f64;
        for _ in 0..step {
            p *= 10.0;
        }
        x = if shift >= 0 { x * p } else { x / p };
        left -= step;
    }
    x
}

pub use crate::core::text::push_u64;

#[cfg(test)]
mod tests {
    use super::*;

    fn text(n: f64) -> String {
        let mut s = String::new();
        write_number(&mut s, n);
        s
    }

    #[test]
    fn decimal_multiples() {
        assert!(is_multiple_of(0.3, 0.1));
        assert!(is_multiple_of(4.5, 1.5));
        assert!(!is_multiple_of(35.0, 1.5));
        assert!(is_multiple_of(0.0075, 0.0001));
        assert!(!is_multiple_of(0.00751, 0.0001));
        assert!(is_multiple_of(10.0, 2.0));
        assert!(!is_multiple_of(7.0, 2.0));
        assert!(is_multiple_of(-6.0, 3.0));
        assert!(is_multiple_of(0.0, 0.7));
        assert!(!is_multiple_of(1.0000000001, 1.0));
        assert!(is_multiple_of(19.99, 0.01));
        assert!(is_multiple_of(12_391_239_123.0, 1e-8));
        assert!(!is_multiple_of(0.30000000000000004, 0.1));
        // Past 10^±22 the doubles' binary values decide: 1e-300 is not 10^-300.
        assert!(!is_multiple_of(1e300, 1e-300));
        assert!(is_multiple_of(1e300, 1.0));
        assert!(is_multiple_of(1e-323, 5e-324));
        assert!(!is_multiple_of(5e-324, 1e-323));
        assert!(is_multiple_of(1e23, 0.5));
    }

    #[test]
    fn large_quotients_are_exact() {
        // Found by the schema fuzz target: 2^53 / 7.5 is within 4 ulps of an integer.
        assert!(!is_multiple_of(9_007_199_254_740_992.0, 7.5));
        assert!(is_multiple_of(9_007_199_254_740_990.0, 7.5));
        assert!(!is_multiple_of(1e20, 3.0));
        assert!(is_multiple_of(1.2e20, 3.0));
        assert!(is_multiple_of(-4.5e17, 1.5));
    }

    #[test]
    fn overflowing_quotients_are_refused() {
        assert!(!is_multiple_of(1e308, 0.123456789));
        assert!(!is_multiple_of(f64::NAN, 1.0));
        assert!(!is_multiple_of(1.0, 0.0));
    }

    #[test]
    fn numbers_read_like_javascript() {
        assert_eq!(text(0.0), "0");
        assert_eq!(text(100.0), "100");
        assert_eq!(text(-2.5), "-2.5");
        assert_eq!(text(0.1), "0.1");
        assert_eq!(text(0.0001), "0.0001");
        assert_eq!(text(0.000001), "0.000001");
        assert_eq!(text(1.1), "1.1");
        assert_eq!(text(123.456), "123.456");
        assert_eq!(text(1e-7), "1e-7");
        assert_eq!(text(1.5e-10), "1.5e-10");
        assert_eq!(text(1e21), "1e+21");
        assert_eq!(text(9_007_199_254_740_993.0), "9007199254740992");
        assert_eq!(text(0.30000000000000004), "0.30000000000000004");
        assert_eq!(text(f64::INFINITY), "Infinity");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn whole_multiples_of_decimal_divisors_are_multiples(
            k in -100_000i64..100_000,
            (m, places) in proptest::sample::select(vec![(1, 1), (1, 2), (5, 1), (25, 2), (15, 1), (1, 4), (3, 1), (2, 0), (7, 0), (5, 2), (75, 1)]),
        ) {
            // Both numbers as JSON text would carry them: `k * m` and `m` scaled by 10^-places.
            let d: f64 = format!("{m}e-{places}").parse().unwrap();
            let v: f64 = format!("{}e-{places}", k * m).parse().unwrap();
            proptest::prop_assert!(is_multiple_of(v, d), "{v} / {d}");
        }

        #[test]
        fn half_way_values_are_not_multiples(
            k in -100_000i64..100_000,
            (m, places) in proptest::sample::select(vec![(1, 1), (1, 2), (5, 1), (25, 2), (15, 1), (1, 4), (3, 1), (2, 0), (7, 0), (5, 2), (75, 1)]),
        ) {
            // (k + 1/2) * d, written exactly: (2k + 1) * m * 5 * 10^-(places + 1).
            let d: f64 = format!("{m}e-{places}").parse().unwrap();
            let v: f64 = format!("{}e-{}", (2 * k + 1) * m * 5, places + 1).parse().unwrap();
            proptest::prop_assert!(!is_multiple_of(v, d), "{v} / {d}");
        }

        #[test]
        fn whole_numbers_agree_with_integer_division(a in -(1i64 << 53)..(1i64 << 53), b in 1i64..1_000_000) {
            proptest::prop_assert_eq!(is_multiple_of(a as f64, b as f64), a % b == 0, "{} / {}", a, b);
        }

        #[test]
        fn exact_decimals_are_the_shortest_round_trips(bits in proptest::num::u64::ANY) {
            let a = f64::from_bits(bits).abs();
            proptest::prop_assume!(a.is_finite() && a > 0.0);
            if let Some((digits, exp)) = exact_decimal(a) {
                // Rust's `{:e}` writes the shortest round trip.
                let want = format!("{a:e}");
                let (m, e) = want.split_once('e').unwrap();
                let e: i32 = e.parse().unwrap();
                let frac = m.split_once('.').map_or("", |(_, f)| f);
                let want_digits: u64 = m.replace('.', "").parse().unwrap();
                let mut got = (digits, exp);
                while got.0 % 10 == 0 && got.0 > 0 {
                    got = (got.0 / 10, got.1 + 1);
                }
                proptest::prop_assert_eq!(got, (want_digits, e - frac.len() as i32), "{}", want);
            }
        }

        #[test]
        fn short_decimals_are_exact(d in 1u64..1_000_000_000_000_000, exp in -22i32..=8) {
            let text = format!("{d}e{exp}");
            let a: f64 = text.parse().unwrap();
            proptest::prop_assert!(exact_decimal(a).is_some(), "{}", text);
        }

        #[test]
        fn written_decimals_read_back(k in -1_000_000_000i64..1_000_000_000, places in 0u32..8) {
            let n = k as f64 / 10f64.powi(places as i32);
            let s = text(n);
            let back: f64 = s.parse().unwrap();
            proptest::prop_assert_eq!(back, n, "{}", s);
        }
    }
}

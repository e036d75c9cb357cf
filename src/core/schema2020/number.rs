//! Number rules that floating point makes subtle: `multipleOf` for decimal divisors,
//! and writing a schema's number into a message without the float formatter (which
//! would cost several KB of WebAssembly).

/// Whether `value` is a multiple of `divisor` (> 0), as a decimal reading of both
/// would say: `0.3` is a multiple of `0.1` although `0.3 / 0.1` is `2.9999999999999996`.
///
/// Both operands carry at most half an ulp of decimal-to-binary error and the division
/// adds another, so a quotient within a few ulps of an integer is taken as exact. A
/// quotient that overflows cannot be checked and is refused.
pub fn is_multiple_of(value: f64, divisor: f64) -> bool {
    if !value.is_finite() || divisor.is_nan() || divisor <= 0.0 || !divisor.is_finite() {
        return false;
    }
    if value.fract() == 0.0 && divisor.fract() == 0.0 && value.abs() <= 9_007_199_254_740_992.0 {
        // Both whole and exact: a quotient that is mathematically not whole stays more
        // than half an ulp away from every integer, so this division decides exactly.
        return (value / divisor).fract() == 0.0;
    }
    let q = value / divisor;
    if !q.is_finite() {
        return false;
    }
    let nearest = q.round_ties_even();
    (q - nearest).abs() <= q.abs() * (4.0 * f64::EPSILON)
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
    if a.fract() == 0.0 && a < 1e17 {
        push_u64(out, a as u64);
        return;
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
    for sig in 1..=17 {
        let mut shift = sig - 1 - e10;
        let scaled = scale(a, shift).round_ties_even();
        if scale(scaled, -shift) != a && sig < 17 {
            continue;
        }
        let mut digits = scaled as u64;
        while digits % 10 == 0 && digits > 0 {
            digits /= 10;
            shift -= 1;
        }
        let mut text = String::new();
        push_u64(&mut text, digits);
        let text = text.as_bytes();
        // a = digits * 10^-shift: `point` digits stand before the decimal point.
        let point = text.len() as i32 - shift;
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
        return;
    }
}

fn push_ascii(out: &mut String, text: &[u8]) {
    for c in text {
        out.push(*c as char);
    }
}

fn scale(x: f64, shift: i32) -> f64 {
    // One multiplication or division by a power of ten (exact up to 10^22).
    let mut p = 1.0f64;
    for _ in 0..shift.unsigned_abs().min(400) {
        p *= 10.0;
    }
    if shift >= 0 {
        x * p
    } else {
        x / p
    }
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
            d in proptest::sample::select(vec![0.1, 0.01, 0.5, 0.25, 1.5, 0.0001, 0.3, 2.0, 7.0, 0.05]),
        ) {
            let v = k as f64 * d;
            proptest::prop_assert!(is_multiple_of(v, d), "{v} / {d}");
        }

        #[test]
        fn half_way_values_are_not_multiples(
            k in -100_000i64..100_000,
            d in proptest::sample::select(vec![0.1, 0.01, 0.5, 0.25, 1.5, 0.0001, 0.3, 2.0, 7.0, 0.05]),
        ) {
            let v = (k as f64 + 0.5) * d;
            proptest::prop_assert!(!is_multiple_of(v, d), "{v} / {d}");
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

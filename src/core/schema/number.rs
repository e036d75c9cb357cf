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
    if value.fract() == 0.0 && divisor.fract() == 0.0 && divisor <= 9_007_199_254_740_992.0 {
        // Both whole: the remainder is exact.
        return value % divisor == 0.0;
    }
    let q = value / divisor;
    if !q.is_finite() {
        return false;
    }
    let nearest = q.round();
    (q - nearest).abs() <= q.abs() * (4.0 * f64::EPSILON)
}

/// Writes `n` in the shortest decimal form of up to 17 significant digits that reads
/// back as `n` (`0.1`, `-2.5`, `100`), or in exponent form when very large or small.
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
    if a == 0.0 {
        out.push('0');
        return;
    }
    if a.fract() == 0.0 && a < 1e21 {
        push_u128(out, a as u128);
        return;
    }
    // Digits and a decimal exponent: a = digits * 10^exp, shortest round trip first.
    let e10 = a.log10().floor() as i32;
    for sig in 1..=17 {
        let shift = sig - 1 - e10;
        let digits = (scale(a, shift)).round();
        if scale(digits, -shift) == a || sig == 17 {
            let mut digits = digits as u128;
            let mut shift = shift;
            while digits % 10 == 0 && digits > 0 {
                digits /= 10;
                shift -= 1;
            }
            let mut text = String::new();
            push_u128(&mut text, digits);
            // value = digits * 10^-shift
            let point = text.len() as i32 - shift; // digits before the decimal point
            if (-5..=21).contains(&point) {
                if point <= 0 {
                    out.push_str("0.");
                    for _ in 0..(-point) {
                        out.push('0');
                    }
                    out.push_str(&text);
                } else if point as usize >= text.len() {
                    out.push_str(&text);
                    for _ in 0..(point as usize - text.len()) {
                        out.push('0');
                    }
                } else {
                    out.push_str(&text[..point as usize]);
                    out.push('.');
                    out.push_str(&text[point as usize..]);
                }
            } else {
                out.push_str(&text[..1]);
                if text.len() > 1 {
                    out.push('.');
                    out.push_str(&text[1..]);
                }
                out.push('e');
                let exp = point - 1;
                if exp < 0 {
                    out.push('-');
                } else {
                    out.push('+');
                }
                push_u128(out, exp.unsigned_abs() as u128);
            }
            return;
        }
    }
}

fn scale(x: f64, shift: i32) -> f64 {
    // Multiplying or dividing by an exact power of ten keeps one rounding step.
    if shift >= 0 {
        x * pow10(shift as u32)
    } else {
        x / pow10((-shift) as u32)
    }
}

fn pow10(n: u32) -> f64 {
    let mut p = 1.0f64;
    for _ in 0..n.min(400) {
        p *= 10.0;
    }
    p
}

fn push_u128(out: &mut String, mut n: u128) {
    let mut buf = [0u8; 40];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

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

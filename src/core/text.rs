//! Building messages without `format!`, whose machinery weighs KBs in the `.wasm`.

use alloc::string::String;

/// The parts, joined.
pub fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// Writes a whole number in decimal: the one digit writer of the core (messages, JSON
/// numbers, event ids, pointers).
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // One copy of the digits (ASCII, so always UTF-8), not a `push` per digit.
    out.push_str(core::str::from_utf8(digits.get(i..).unwrap_or_default()).unwrap_or_default());
}

/// A number in decimal.
pub fn decimal(n: u32) -> String {
    let mut out = String::with_capacity(10);
    push_u64(&mut out, n.into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_numbers() {
        assert_eq!(cat(&["a", "", "bc"]), "abc");
        assert_eq!(cat(&[]), "");
        for n in [0, 7, 10, 503, 30_000, u32::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
        for n in [0, 9, 10, u64::from(u32::MAX) + 1, u64::MAX] {
            let mut s = String::from("x");
            push_u64(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }
}

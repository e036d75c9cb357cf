//! Building messages without `format!`, whose machinery weighs KBs in the `.wasm`.

/// The parts, joined.
pub fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// A number in decimal.
pub fn decimal(mut n: u32) -> String {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits
        .get(i..)
        .unwrap_or(&[])
        .iter()
        .map(|&d| d as char)
        .collect()
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
    }
}

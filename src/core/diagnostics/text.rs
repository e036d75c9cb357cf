//! Byte-level text helpers. The standard library's substring search and `str` slicing
//! pull its two-way searcher and its panic formatting into the `.wasm`; these do not.

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle, 0).is_some()
}

/// The first index at or after `from` where `needle` occurs in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from.min(haystack.len()));
    }
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// `n` in decimal.
pub fn decimal(mut n: usize) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

/// The strings joined.
#[inline(never)]
pub fn cat(parts: &[&str]) -> String {
    // Not `concat`: its generic join is several times larger in the `.wasm`; and not
    // inlined, as it has many callers.
    let mut out = String::new();
    for p in parts {
        out.push_str(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_and_numbers() {
        assert!(contains(b"hello world", b"o w"));
        assert!(!contains(b"hello", b"hello!"));
        assert!(contains(b"", b""));
        assert_eq!(find(b"abcabc", b"bc", 2), Some(4));
        assert_eq!(find(b"abc", b"c", 9), None);
        assert_eq!(decimal(0), "0");
        assert_eq!(decimal(1207), "1207");
    }
}

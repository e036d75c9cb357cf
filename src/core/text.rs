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
    // `get_mut`: no bounds-check panic (20 digits hold any u64).
    while let Some(d) = i.checked_sub(1).and_then(|j| digits.get_mut(j)) {
        *d = b'0' + (n % 10) as u8;
        i -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // One copy of the digits (ASCII, so always UTF-8), not a `push` per digit.
    out.push_str(utf8(digits.get(i..).unwrap_or_default()).unwrap_or_default());
}

/// A number in decimal.
pub fn decimal(n: u32) -> String {
    let mut out = String::with_capacity(10);
    push_u64(&mut out, n.into());
    out
}

/// `bytes` as text when they are UTF-8 (`core::str::from_utf8`'s answer): a plain byte
/// loop, about a quarter of the size of the standard library's word-at-a-time check, which
/// every module would carry to read the facade's input.
pub fn utf8(bytes: &[u8]) -> Option<&str> {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            // ASCII, most of what crosses: one comparison per byte.
            i += 1;
            continue;
        }
        // The sequence's length after its first byte, and the range of its second byte
        // (which rules out overlong forms, surrogates and code points past U+10FFFF).
        let (more, lo, hi) = match b {
            0xc2..=0xdf => (1, 0x80, 0xbf),
            0xe0 => (2, 0xa0, 0xbf),
            0xed => (2, 0x80, 0x9f),
            0xe1..=0xef => (2, 0x80, 0xbf),
            0xf0 => (3, 0x90, 0xbf),
            0xf1..=0xf3 => (3, 0x80, 0xbf),
            0xf4 => (3, 0x80, 0x8f),
            _ => return None,
        };
        for k in 1..=more {
            let c = *bytes.get(i + k)?;
            let (lo, hi) = if k == 1 { (lo, hi) } else { (0x80, 0xbf) };
            if !(lo..=hi).contains(&c) {
                return None;
            }
        }
        i += 1 + more;
    }
    // SAFETY: every sequence was checked above against the UTF-8 definition (the
    // property test below compares it with `core::str::from_utf8` on arbitrary bytes).
    Some(unsafe { core::str::from_utf8_unchecked(bytes) })
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

    #[test]
    fn utf8_agrees_with_the_standard_library_on_edges() {
        let cases: &[&[u8]] = &[
            b"",
            b"abc",
            "é😀€".as_bytes(),
            b"\xc0\x80",
            b"\xc1\xbf",
            b"\xc2\x80",
            b"\xe0\x9f\xbf",
            b"\xe0\xa0\x80",
            b"\xed\x9f\xbf",
            b"\xed\xa0\x80",
            b"\xef\xbf\xbf",
            b"\xf0\x8f\xbf\xbf",
            b"\xf0\x90\x80\x80",
            b"\xf4\x8f\xbf\xbf",
            b"\xf4\x90\x80\x80",
            b"\xf5\x80\x80\x80",
            b"\xff",
            b"\x80",
            b"a\xe2\x82",
            b"\xe2\x82\xac\xe2",
        ];
        for &c in cases {
            assert_eq!(utf8(c), core::str::from_utf8(c).ok(), "{c:?}");
        }
    }

    // Native only: proptest needs an OS random source.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn utf8_agrees_with_the_standard_library(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..24), text in "\\PC{0,8}") {
            proptest::prop_assert_eq!(utf8(&bytes), core::str::from_utf8(&bytes).ok());
            let mut mixed = text.clone().into_bytes();
            mixed.extend_from_slice(&bytes);
            proptest::prop_assert_eq!(utf8(&mixed), core::str::from_utf8(&mixed).ok());
            proptest::prop_assert_eq!(utf8(text.as_bytes()), Some(text.as_str()));
        }
    }
}

//! IP address literals, shared by `uri` hosts and `email` address literals.

use crate::core::schema::pointer::{pieces, split_at};

/// Dotted-decimal IPv4: four octets 0 to 255, no leading zeros (RFC 3986 `dec-octet`).
pub fn is_ipv4(s: &str) -> bool {
    let mut parts = 0;
    for part in pieces(s, b'.') {
        parts += 1;
        let b = part.as_bytes();
        if b.is_empty() || b.len() > 3 || !b.iter().all(u8::is_ascii_digit) {
            return false;
        }
        if b.len() > 1 && b[0] == b'0' {
            return false;
        }
        let n = b.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        if n > 255 {
            return false;
        }
    }
    parts == 4
}

/// RFC 4291 text form: eight groups of one to four hex digits, one `::` for a run of
/// zero groups, and optionally an IPv4 address as the last 32 bits.
pub fn is_ipv6(s: &str) -> bool {
    let (head, tail) = match double_colon(s) {
        Some(i) => (s.get(..i).unwrap_or(""), s.get(i + 2..)),
        None => (s, None),
    };
    match tail {
        None => groups(head, true) == Some(8),
        Some(tail) => {
            if double_colon(tail).is_some() {
                return false;
            }
            match (groups(head, false), groups(tail, true)) {
                (Some(h), Some(t)) => h + t <= 7,
                _ => false,
            }
        }
    }
}

/// Where `::` starts (a byte search: cheaper in WebAssembly than a substring searcher).
fn double_colon(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b':' && b[i + 1] == b':' {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// How many 16-bit groups `part` (colon-separated, possibly empty) stands for.
fn groups(part: &str, ipv4_last: bool) -> Option<usize> {
    if part.is_empty() {
        return Some(0);
    }
    let mut n = 0;
    let mut rest = part;
    loop {
        // One piece at a time (no list of them: a `Vec` costs more code than this).
        let (piece, next) = match split_at(rest, b':', false) {
            Some((piece, next)) => (piece, Some(next)),
            None => (rest, None),
        };
        if ipv4_last && next.is_none() && piece.bytes().any(|c| c == b'.') {
            if !is_ipv4(piece) {
                return None;
            }
            n += 2;
        } else if (1..=4).contains(&piece.len()) && piece.bytes().all(|c| c.is_ascii_hexdigit()) {
            n += 1;
        } else {
            return None;
        }
        match next {
            Some(next) => rest = next,
            None => return Some(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4() {
        for ok in ["127.0.0.1", "0.0.0.0", "255.255.255.255", "223.255.255.254"] {
            assert!(is_ipv4(ok), "{ok}");
        }
        for bad in [
            "127.0.0.300",
            "1.2.3",
            "1.2.3.4.5",
            "01.2.3.4",
            "1..2.3",
            "",
            "a.b.c.d",
            "1.2.3.4 ",
        ] {
            assert!(!is_ipv4(bad), "{bad}");
        }
    }

    #[test]
    fn ipv6() {
        for ok in [
            "::1",
            "::",
            "2001:db8::7",
            "1:2:3:4:5:6:7:8",
            "::ffff:192.0.2.1",
            "fe80::",
            "1::8",
            "1:2:3:4:5:6:1.2.3.4",
        ] {
            assert!(is_ipv6(ok), "{ok}");
        }
        for bad in [
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            ":1",
            "1:",
            "12345::",
            "g::",
            "1:2:3:4:5:6:7::8",
            "::1.2.3",
            "1.2.3.4::",
            "",
        ] {
            assert!(!is_ipv6(bad), "{bad}");
        }
    }
}

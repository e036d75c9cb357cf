//! `format: "email"`: an RFC 5321 `Mailbox`: a dot-string or quoted-string local part,
//! `@`, and a domain name or an IPv4 / `IPv6:` address literal. ASCII only (non-ASCII
//! addresses are `idn-email`, which is not asserted).

use crate::core::schema::format::ip::{is_ipv4, is_ipv6};
use crate::core::schema::pointer::{member, split_at};

pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = split_at(s, b'@', true) else {
        return false;
    };
    (is_dot_string(local) || is_quoted_string(local)) && is_domain_or_literal(domain)
}

fn is_atext(c: u8) -> bool {
    c.is_ascii_alphanumeric() || member(b"!#$%&'*+-/=?^_`{|}~", c)
}

/// `Atom *("." Atom)`: no leading, trailing or doubled dot.
fn is_dot_string(s: &str) -> bool {
    !s.is_empty()
        && s.as_bytes()
            .split(|c| *c == b'.')
            .all(|atom| !atom.is_empty() && atom.iter().all(|c| is_atext(*c)))
}

/// `DQUOTE *(qtextSMTP / quoted-pairSMTP) DQUOTE`
fn is_quoted_string(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b'"' || b[b.len() - 1] != b'"' {
        return false;
    }
    let inner = &b[1..b.len() - 1];
    let mut i = 0;
    while i < inner.len() {
        match inner[i] {
            b'\\' => {
                if !inner.get(i + 1).is_some_and(|c| (32..=126).contains(c)) {
                    return false;
                }
                i += 2;
            }
            c if c == 32 || c == 33 || (35..=91).contains(&c) || (93..=126).contains(&c) => i += 1,
            _ => return false,
        }
    }
    true
}

fn is_domain_or_literal(s: &str) -> bool {
    if let Some(literal) = s.strip_prefix("[").and_then(|r| r.strip_suffix("]")) {
        return match literal.strip_prefix("IPv6:") {
            Some(v6) => is_ipv6(v6),
            None => is_ipv4(literal),
        };
    }
    is_hostname(s)
}

/// `sub-domain *("." sub-domain)`, each a letter-digit-hyphen label of 1 to 63
/// characters that neither starts nor ends with a hyphen; 253 characters at most.
pub fn is_hostname(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.as_bytes().split(|c| *c == b'.').all(|b| {
            (1..=63).contains(&b.len())
                && b.first() != Some(&b'-')
                && b.last() != Some(&b'-')
                && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        for ok in [
            "joe.bloggs@example.com",
            "te~st@example.com",
            "~test@example.com",
            "test~@example.com",
            "\"joe bloggs\"@example.com",
            "\"joe..bloggs\"@example.com",
            "\"joe@bloggs\"@example.com",
            "joe.bloggs@[127.0.0.1]",
            "joe.bloggs@[IPv6:::1]",
            "te.s.t@example.com",
            "a+tag@sub.example.co.uk",
            "user@localhost",
            "\"a\\\"b\"@example.com",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "2962",
            ".test@example.com",
            "test.@example.com",
            "te..st@example.com",
            "joe.bloggs@invalid=domain.com",
            "joe.bloggs@[127.0.0.300]",
            "@example.com",
            "joe@",
            "joe@-example.com",
            "joe@example-.com",
            "joe@example..com",
            "jo e@example.com",
            "jöe@example.com",
            "\"unterminated@example.com",
            "joe@[IPv6:1::2::3]",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}

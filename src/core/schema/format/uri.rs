//! `format: "uri"`: an absolute URI by RFC 3986 (a scheme, then the hierarchical part,
//! query and fragment), ASCII only. A relative reference is not a `uri`, but it is a
//! `uri-reference`.

use crate::core::schema::format::ip::is_ipv6;
use crate::core::schema::pointer::split_at;
use crate::core::schema::refs::parts;

pub fn is_uri(s: &str) -> bool {
    parts(s).0 > 0 && is_uri_reference(s)
}

/// `format: "uri-reference"`: a URI or a relative reference (RFC 3986 section 4.1),
/// split as `$ref` resolution splits it: a relative reference's first path segment has
/// no `:`.
pub fn is_uri_reference(s: &str) -> bool {
    let (scheme, auth, path) = parts(s);
    let (Some(authority), Some(p), Some(rest)) =
        (s.get(scheme..auth), s.get(auth..path), s.get(path..))
    else {
        return false;
    };
    let (query, fragment) = split(rest, b'#');
    (authority.is_empty() || authority.get(2..).is_some_and(is_authority))
        && all_chars(p, PCHAR | SLASH)
        && (scheme > 0 || auth > 0 || !p.bytes().take_while(|c| *c != b'/').any(|c| c == b':'))
        && query.get(1..).is_none_or(|q| all_chars(q, QUERY))
        && fragment.is_none_or(|f| all_chars(f, QUERY))
}

fn split(s: &str, c: u8) -> (&str, Option<&str>) {
    match split_at(s, c, false) {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    }
}

// The classes of RFC 3986's ASCII characters, as bits: a rule is the set of classes it
// allows, so one byte loop serves every rule.
const UNRESERVED: u8 = 1;
const SUB_DELIM: u8 = 2;
const COLON: u8 = 4;
const AT: u8 = 8;
const SLASH: u8 = 16;
const QUESTION: u8 = 32;
const PCHAR: u8 = UNRESERVED | SUB_DELIM | COLON | AT;
const QUERY: u8 = PCHAR | SLASH | QUESTION;

const fn class(c: u8) -> u8 {
    match c {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => UNRESERVED,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' => SUB_DELIM,
        b':' => COLON,
        b'@' => AT,
        b'/' => SLASH,
        b'?' => QUESTION,
        _ => 0,
    }
}

/// The class of every ASCII byte, worked out when compiling: a lookup is smaller code
/// than the comparisons.
const CLASSES: [u8; 128] = {
    let mut t = [0; 128];
    let mut c = 0;
    while c < 128 {
        t[c] = class(c as u8);
        c += 1;
    }
    t
};

fn is(c: u8, classes: u8) -> bool {
    CLASSES
        .get(usize::from(c))
        .is_some_and(|k| k & classes != 0)
}

/// Every byte is in one of `classes` or starts a valid `%XX` escape.
fn all_chars(s: &str, classes: u8) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            if !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
            {
                return false;
            }
            i += 3;
        } else if is(c, classes) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// `[ userinfo "@" ] host [ ":" port ]`
fn is_authority(s: &str) -> bool {
    let host_port = match split_at(s, b'@', true) {
        Some((userinfo, host_port)) => {
            if !all_chars(userinfo, UNRESERVED | SUB_DELIM | COLON) {
                return false;
            }
            host_port
        }
        None => s,
    };
    let (host_ok, port) = if let Some(inner) = host_port.strip_prefix("[") {
        let Some((literal, after)) = split_at(inner, b']', false) else {
            return false;
        };
        let port = match after.strip_prefix(":") {
            Some(p) => p,
            None if after.is_empty() => "",
            None => return false,
        };
        (is_ip_literal(literal), port)
    } else {
        let (host, port) = split(host_port, b':');
        (all_chars(host, UNRESERVED | SUB_DELIM), port.unwrap_or(""))
    };
    host_ok && port.bytes().all(|c| c.is_ascii_digit())
}

/// `IPv6address / IPvFuture` inside the brackets.
fn is_ip_literal(s: &str) -> bool {
    // A byte test: a `char` pattern brings UTF-8 decoding along.
    if let (Some(b'v' | b'V'), Some(future)) = (s.as_bytes().first(), s.get(1..)) {
        let Some((version, rest)) = split_at(future, b'.', false) else {
            return false;
        };
        return !version.is_empty()
            && version.bytes().all(|c| c.is_ascii_hexdigit())
            && !rest.is_empty()
            && rest.bytes().all(|c| is(c, UNRESERVED | SUB_DELIM | COLON));
    }
    is_ipv6(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_uris() {
        for ok in [
            "http://foo.bar/?baz=qux#quux",
            "http://foo.com/blah_(wikipedia)_blah#cite-1",
            "http://foo.bar/?q=Test%20URL-encoded%20stuff",
            "http://-.~_!$&'()*+,;=:%40:80%2f::::::@example.com",
            "http://223.255.255.254",
            "ldap://[2001:db8::7]/c=GB?objectClass?one",
            "mailto:John.Doe@example.com",
            "news:comp.infosystems.www.servers.unix",
            "tel:+1-816-555-1212",
            "urn:oasis:names:specification:docbook:dtd:xml:4.1.2",
            "https://example.com:8080/a/b?c#d",
            "http://[v7.fe80::1]/",
            "x:",
        ] {
            assert!(is_uri(ok), "{ok}");
        }
    }

    #[test]
    fn not_uris() {
        for bad in [
            "//foo.bar/?baz=qux#quux",
            "/abc",
            "\\\\WINDOWS\\fileshare",
            "abc",
            "http:// shouldfail.com",
            ":// should fail",
            "bar,baz:foo",
            "http://例子.测试",
            "http://a/%zz",
            "http://a/%4",
            "http://a/%",
            "http://[::1",
            "http://[::1]x/",
            "http://a:80x/",
            "https://example.org/foo bar.txt",
            "https://example.org/foo<>.txt",
            "https://example.org/a#b#c",
            "1http://x",
        ] {
            assert!(!is_uri(bad), "{bad}");
        }
    }
}

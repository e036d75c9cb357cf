//! `format: "uri"`: an absolute URI by RFC 3986 (a scheme, then the hierarchical part,
//! query and fragment), ASCII only. A relative reference is not a `uri`.

use super::ip::is_ipv6;

pub fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    if !is_scheme(scheme) {
        return false;
    }
    let (rest, fragment) = split(rest, '#');
    let (hier, query) = split(rest, '?');
    if !fragment.is_none_or(is_query) || !query.is_none_or(is_query) {
        return false;
    }
    match hier.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            let (authority, path) = after.split_at_checked(end).unwrap_or((after, ""));
            is_authority(authority) && is_path(path)
        }
        None => is_path(hier),
    }
}

fn split(s: &str, c: char) -> (&str, Option<&str>) {
    match s.split_once(c) {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    }
}

/// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
fn is_scheme(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphabetic()
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
}

fn is_unreserved(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~')
}

fn is_sub_delim(c: u8) -> bool {
    matches!(
        c,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}

/// Every byte is allowed by `ok` or starts a valid `%XX` escape.
fn all_chars(s: &str, ok: impl Fn(u8) -> bool) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            if !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
            {
                return false;
            }
            i += 3;
        } else if ok(b[i]) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

fn is_pchar(c: u8) -> bool {
    is_unreserved(c) || is_sub_delim(c) || c == b':' || c == b'@'
}

fn is_path(s: &str) -> bool {
    all_chars(s, |c| is_pchar(c) || c == b'/')
}

fn is_query(s: &str) -> bool {
    all_chars(s, |c| is_pchar(c) || c == b'/' || c == b'?')
}

/// `[ userinfo "@" ] host [ ":" port ]`
fn is_authority(s: &str) -> bool {
    let host_port = match s.rsplit_once('@') {
        Some((userinfo, host_port)) => {
            if !all_chars(userinfo, |c| {
                is_unreserved(c) || is_sub_delim(c) || c == b':'
            }) {
                return false;
            }
            host_port
        }
        None => s,
    };
    let (host_ok, port) = if let Some(inner) = host_port.strip_prefix('[') {
        let Some((literal, after)) = inner.split_once(']') else {
            return false;
        };
        let port = match after.strip_prefix(':') {
            Some(p) => p,
            None if after.is_empty() => "",
            None => return false,
        };
        (is_ip_literal(literal), port)
    } else {
        let (host, port) = split(host_port, ':');
        (
            all_chars(host, |c| is_unreserved(c) || is_sub_delim(c)),
            port.unwrap_or(""),
        )
    };
    host_ok && port.bytes().all(|c| c.is_ascii_digit())
}

/// `IPv6address / IPvFuture` inside the brackets.
fn is_ip_literal(s: &str) -> bool {
    if let Some(future) = s.strip_prefix(['v', 'V']) {
        let Some((version, rest)) = future.split_once('.') else {
            return false;
        };
        return !version.is_empty()
            && version.bytes().all(|c| c.is_ascii_hexdigit())
            && !rest.is_empty()
            && rest
                .bytes()
                .all(|c| is_unreserved(c) || is_sub_delim(c) || c == b':');
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

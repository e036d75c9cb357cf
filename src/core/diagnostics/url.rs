//! Where a custom ChatKit backend URL points, for the non-HTTPS check.

/// What a custom `api.url` resolves to, relative to the page's origin when it is given.
#[derive(Debug, PartialEq, Eq)]
pub enum Transport {
    /// `https:`, or a loopback host (browsers treat those as secure).
    Secure,
    /// Plain `http:` to a host that is not loopback.
    Insecure,
    /// Not known: a relative URL without an origin, or another scheme.
    Unknown,
}

/// The length of an absolute URL's scheme (before its `:`), if it has one.
fn scheme_len(url: &[u8]) -> Option<usize> {
    let end = url.iter().position(|&c| c == b':')?;
    let (first, rest) = url[..end].split_first()?;
    (first.is_ascii_alphabetic()
        && rest
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')))
    .then_some(end)
}

/// The host of `//host…` (what follows the scheme's colon), without user info or port.
fn host(after_scheme: &[u8]) -> Option<&[u8]> {
    let rest = after_scheme.strip_prefix(b"//")?;
    let end = rest
        .iter()
        .position(|c| matches!(c, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = &rest[..end];
    let at = authority
        .iter()
        .rposition(|&c| c == b'@')
        .map_or(0, |i| i + 1);
    let host_port = &authority[at..];
    let end = if host_port.first() == Some(&b'[') {
        host_port.iter().position(|&c| c == b']')? + 1
    } else {
        host_port
            .iter()
            .position(|&c| c == b':')
            .unwrap_or(host_port.len())
    };
    Some(&host_port[..end])
}

/// Whether browsers treat `host` (lower-case) as this machine: `localhost`,
/// `*.localhost`, `127.0.0.0/8` and `[::1]`.
pub fn is_loopback(host: &[u8]) -> bool {
    let h = host.strip_suffix(b".").unwrap_or(host);
    h == b"localhost" || h.ends_with(b".localhost") || h == b"[::1]" || h.starts_with(b"127.")
}

/// How requests to `url` travel from a page at `origin` (when known).
pub fn transport(url: &str, origin: Option<&str>) -> Transport {
    let url = url.trim_ascii().to_ascii_lowercase().into_bytes();
    let origin = origin.map(|o| o.trim_ascii().to_ascii_lowercase().into_bytes());
    // A relative URL resolves against the origin: a path stays on it, `//host/…` takes
    // its scheme.
    let (scheme, rest): (&[u8], &[u8]) = match (scheme_len(&url), &origin) {
        (Some(n), _) => (&url[..n], &url[n + 1..]),
        (None, Some(o)) => match scheme_len(o) {
            Some(n) if url.starts_with(b"//") => (&o[..n], &url),
            Some(n) => (&o[..n], &o[n + 1..]),
            None => return Transport::Unknown,
        },
        (None, None) => return Transport::Unknown,
    };
    match (scheme, host(rest)) {
        (b"https", _) => Transport::Secure,
        (b"http", Some(h)) if is_loopback(h) => Transport::Secure,
        (b"http", Some(h)) if !h.is_empty() => Transport::Insecure,
        _ => Transport::Unknown,
    }
}

/// Whether the page itself is served over HTTPS (then plain `http:` requests are
/// blocked as mixed content).
pub fn origin_is_https(origin: Option<&str>) -> bool {
    origin.is_some_and(|o| {
        o.trim_ascii()
            .get(..6)
            .is_some_and(|s| s.eq_ignore_ascii_case("https:"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_urls() {
        assert_eq!(
            transport("https://api.example.com/chatkit", None),
            Transport::Secure
        );
        assert_eq!(
            transport("HTTP://api.example.com/x", None),
            Transport::Insecure
        );
        assert_eq!(
            transport("http://localhost:8000/chatkit", None),
            Transport::Secure
        );
        assert_eq!(
            transport("http://127.0.0.1:8000/chatkit", None),
            Transport::Secure
        );
        assert_eq!(transport("http://[::1]:8000/", None), Transport::Secure);
        assert_eq!(transport("http://app.localhost/", None), Transport::Secure);
        assert_eq!(
            transport("http://user:pw@evil.example:80/", None),
            Transport::Insecure
        );
        assert_eq!(
            transport("http://localhost.evil.example/", None),
            Transport::Insecure
        );
        assert_eq!(transport("ws://example.com/", None), Transport::Unknown);
        assert_eq!(transport("http:", None), Transport::Unknown);
    }

    #[test]
    fn relative_urls_follow_the_origin() {
        assert_eq!(transport("/api/chatkit", None), Transport::Unknown);
        assert_eq!(
            transport("/api/chatkit", Some("https://app.example.com")),
            Transport::Secure
        );
        assert_eq!(
            transport("/api/chatkit", Some("http://app.example.com")),
            Transport::Insecure
        );
        assert_eq!(
            transport("/api/chatkit", Some("http://localhost:3000")),
            Transport::Secure
        );
        assert_eq!(
            transport("//cdn.example.com/x", Some("http://localhost:3000")),
            Transport::Insecure
        );
        assert_eq!(
            transport("api/chatkit", Some("not an origin")),
            Transport::Unknown
        );
        assert!(origin_is_https(Some("https://a.example")));
        assert!(!origin_is_https(Some("http://a.example")));
        assert!(!origin_is_https(None));
    }
}

//! Origins and the allowlist: which requests may carry the token.
//!
//! The binding resolves every request URL with the platform's URL parser (the one
//! `fetch` itself uses) and passes the serialised result here, so there is no second
//! parser to disagree with where the request goes. On that canonical form the rules
//! below are exact; on anything else they are conservative: whatever is not plainly an
//! absolute `http:`/`https:` URL with an ordinary host has no origin, and so never gets
//! the token.

use crate::core::error::GlueError;
use crate::core::text::push_u64;
use alloc::string::String;
use alloc::vec::Vec;

/// A tuple origin of an `http:` or `https:` URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    secure: bool,
    /// Lower-case ASCII; an IPv6 address keeps its brackets.
    host: String,
    /// `None` for the scheme's default port (80 for http, 443 for https).
    port: Option<u16>,
}

impl Origin {
    /// The origin of an absolute `http:` or `https:` URL; `None` for any other scheme,
    /// a relative or malformed URL, user info, or a host with characters a canonical
    /// URL never has (percent signs, non-ASCII, spaces, backslashes).
    pub fn of_url(url: &str) -> Option<Origin> {
        let (origin, _) = split(url)?;
        Some(origin)
    }

    /// An `allowedOrigins` entry: an origin, optionally followed by a single `/` (the
    /// platform's serialisation of `https://example.com` is `https://example.com/`).
    pub fn of_entry(entry: &str) -> Result<Origin, GlueError> {
        match split(entry) {
            Some((origin, rest)) if rest.is_empty() || rest == "/" => Ok(origin),
            _ => Err(GlueError::invalid_config(
                "createAuthFetch: every allowedOrigins entry must be an origin such as \"https://api.example.com\" (http or https; no path, query, fragment, user info or wildcard)",
            )
            .with_hint("List each origin that should receive the token; the page's own origin is \"window.location.origin\". Relative URLs resolve against the page.")),
        }
    }

    /// `https://host` or `http://host:port`, as `URL.prototype.origin` writes it.
    pub fn serialize(&self) -> String {
        let mut s = String::with_capacity(self.host.len() + 14);
        s.push_str(if self.secure { "https://" } else { "http://" });
        s.push_str(&self.host);
        if let Some(port) = self.port {
            s.push(':');
            push_u64(&mut s, u64::from(port));
        }
        s
    }
}

/// The origin of `url` and what follows its authority (path, query, fragment).
/// One pass over the bytes, without indexing: nothing here can panic (so no panic
/// machinery is linked into the module).
fn split(url: &str) -> Option<(Origin, &str)> {
    let b = url.as_bytes();
    let (secure, start) = if starts_with_ci(b, b"https://") {
        (true, 8)
    } else if starts_with_ci(b, b"http://") {
        (false, 7)
    } else {
        return None;
    };
    let mut end = start;
    while let Some(&c) = b.get(end) {
        if matches!(c, b'/' | b'?' | b'#') {
            break;
        }
        end += 1;
    }
    Some((
        parse_authority(secure, b.get(start..end)?)?,
        url.get(end..)?,
    ))
}

fn starts_with_ci(b: &[u8], prefix: &[u8]) -> bool {
    b.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// `host[:port]`. Every byte is checked, so user info (`@`), percent-encoding,
/// backslashes, spaces and non-ASCII hosts all end up as "no origin".
fn parse_authority(secure: bool, a: &[u8]) -> Option<Origin> {
    let host_end = if a.first() == Some(&b'[') {
        let close = a.iter().position(|&c| c == b']')?;
        let inner = a.get(1..close)?;
        if inner.is_empty()
            || !inner
                .iter()
                .all(|&c| c.is_ascii_hexdigit() || c == b':' || c == b'.')
        {
            return None;
        }
        close + 1
    } else {
        let end = a.iter().position(|&c| c == b':').unwrap_or(a.len());
        let host = a.get(..end)?;
        if host.is_empty() || !host.iter().all(|&c| host_byte(c)) {
            return None;
        }
        end
    };
    let digits = match a.get(host_end..)?.split_first() {
        None => &[][..],
        Some((b':', digits)) => digits,
        Some(_) => return None,
    };
    let port = match port_number(digits)? {
        Some(n) if n == if secure { 443 } else { 80 } => None,
        p => p,
    };
    let host = a
        .get(..host_end)?
        .iter()
        .map(|&c| char::from(c.to_ascii_lowercase()))
        .collect();
    Some(Origin { secure, host, port })
}

/// No digits is the default port; otherwise 1 to 5 digits up to 65535.
fn port_number(digits: &[u8]) -> Option<Option<u16>> {
    if digits.is_empty() {
        return Some(None);
    }
    if digits.len() > 5 {
        return None;
    }
    let mut n: u32 = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
    }
    u16::try_from(n).ok().map(Some)
}

/// The bytes a canonical domain or IPv4 host is made of (not `*`: it reads as a
/// wildcard, which an allowlist never means).
fn host_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$&'()+,;=".contains(&b)
}

/// The origins whose requests get the token. Never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllowList {
    origins: Vec<Origin>,
}

impl AllowList {
    pub fn new(origins: Vec<Origin>) -> Result<AllowList, GlueError> {
        if origins.is_empty() {
            return Err(GlueError::invalid_config(
                "createAuthFetch: allowedOrigins is empty, so no request would get the token",
            )
            .with_hint("List the origins of your ChatKit backend, or leave the option out in a browser to use the page's origin."));
        }
        Ok(AllowList { origins })
    }

    /// Whether a request to `origin` gets the token: exact match of scheme, host and
    /// port, nothing looser (no subdomains, no other ports).
    pub fn allows(&self, origin: &Origin) -> bool {
        self.origins.iter().any(|o| o == origin)
    }

    /// The origin of `url` when it is allowed.
    pub fn origin_if_allowed(&self, url: &str) -> Option<Origin> {
        Origin::of_url(url).filter(|o| self.allows(o))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorCode;

    fn o(url: &str) -> Option<String> {
        Origin::of_url(url).map(|o| o.serialize())
    }

    #[test]
    fn origins_are_normalised() {
        assert_eq!(
            o("https://Example.COM/a?b#c").as_deref(),
            Some("https://example.com")
        );
        assert_eq!(
            o("HTTPS://example.com:443/").as_deref(),
            Some("https://example.com")
        );
        assert_eq!(
            o("http://example.com:80").as_deref(),
            Some("http://example.com")
        );
        assert_eq!(
            o("http://example.com:443/").as_deref(),
            Some("http://example.com:443")
        );
        assert_eq!(
            o("https://example.com:80/").as_deref(),
            Some("https://example.com:80")
        );
        assert_eq!(
            o("http://127.0.0.1:3000/api").as_deref(),
            Some("http://127.0.0.1:3000")
        );
        assert_eq!(
            o("http://[::1]:8080/x").as_deref(),
            Some("http://[::1]:8080")
        );
        assert_eq!(
            o("https://[2001:DB8::1]/").as_deref(),
            Some("https://[2001:db8::1]")
        );
        assert_eq!(
            o("https://example.com?q").as_deref(),
            Some("https://example.com")
        );
        assert_eq!(
            o("https://example.com#f").as_deref(),
            Some("https://example.com")
        );
        assert_eq!(
            o("https://example.com:/").as_deref(),
            Some("https://example.com")
        );
    }

    #[test]
    fn anything_not_plainly_http_has_no_origin() {
        for url in [
            "/api/chatkit",
            "api/chatkit",
            "//example.com/x",
            "ftp://example.com/",
            "blob:https://example.com/uuid",
            "data:text/plain,x",
            "javascript:alert(1)",
            "https:example.com",
            "https:/example.com",
            "https:\\\\example.com",
            "https://user:pw@example.com/",
            "https://example.com@evil.com/",
            "https://evil.com\\@example.com/",
            "https://exa mple.com/",
            "https://example%2ecom/",
            "https://bücher.de/",
            "https://example.com:99999/",
            "https://example.com:8o/",
            "https://example.com:+80/",
            "https://a:b:80/",
            "https:///x",
            "https://[]/",
            "https://[::1/",
            "https://[::1]x/",
            "https://[fe80::1%25eth0]/",
            "",
        ] {
            assert_eq!(o(url), None, "{url}");
        }
    }

    #[test]
    fn entries_are_bare_origins() {
        assert_eq!(
            Origin::of_entry("https://api.example.com").map(|o| o.serialize()),
            Ok("https://api.example.com".into())
        );
        assert_eq!(
            Origin::of_entry("https://api.example.com/").map(|o| o.serialize()),
            Ok("https://api.example.com".into())
        );
        for bad in [
            "*",
            "https://*.example.com",
            "https://example.com/api",
            "https://example.com/?x",
            "https://example.com#x",
            "https://u@example.com",
            "example.com",
            "ws://example.com",
            "",
        ] {
            let e = Origin::of_entry(bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidConfig, "{bad}");
            assert!(e.hint.is_some());
        }
    }

    #[test]
    fn the_allowlist_matches_exact_origins_only() {
        let list = AllowList::new(vec![
            Origin::of_entry("https://app.example.com").unwrap(),
            Origin::of_entry("http://127.0.0.1:3000").unwrap(),
        ])
        .unwrap();
        let yes = |u: &str| list.origin_if_allowed(u).is_some();
        assert!(yes("https://app.example.com/api/chatkit"));
        assert!(yes("https://APP.example.com:443/x"));
        assert!(yes("http://127.0.0.1:3000/"));
        assert!(!yes("http://app.example.com/api"));
        assert!(!yes("https://app.example.com:8443/"));
        assert!(!yes("https://app.example.com.evil.com/"));
        assert!(!yes("https://evil.app.example.com/"));
        assert!(!yes("https://example.com/"));
        assert!(!yes("http://127.0.0.1:3001/"));
        assert!(!yes("http://localhost:3000/"));
        assert!(!yes("https://storage.example.net/presigned?sig=1"));
        assert_eq!(
            AllowList::new(vec![]).unwrap_err().code,
            ErrorCode::InvalidConfig
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use proptest::prelude::*;

        fn host() -> impl Strategy<Value = String> {
            prop_oneof![
                "[a-cA-C]{1,2}(\\.[a-c]{1,2}){0,2}",
                "127\\.0\\.0\\.[1-2]",
                "\\[::[1-2]\\]",
            ]
        }

        fn origin_parts() -> impl Strategy<Value = (bool, String, Option<u16>)> {
            (
                any::<bool>(),
                host(),
                prop_oneof![
                    Just(None),
                    Just(Some(80)),
                    Just(Some(443)),
                    (1u16..4).prop_map(Some)
                ],
            )
        }

        fn url((secure, host, port): &(bool, String, Option<u16>), tail: &str) -> String {
            let mut s = String::from(if *secure { "https://" } else { "http://" });
            s.push_str(host);
            if let Some(p) = port {
                s.push(':');
                s.push_str(&p.to_string());
            }
            s.push_str(tail);
            s
        }

        /// The expected origin of generated parts, computed independently of the parser.
        fn expected(
            (secure, host, port): &(bool, String, Option<u16>),
        ) -> (bool, String, Option<u16>) {
            let default = if *secure { 443 } else { 80 };
            (
                *secure,
                host.to_ascii_lowercase(),
                port.filter(|p| *p != default),
            )
        }

        proptest! {
            /// The safety property: a URL whose origin differs from every allowed origin
            /// never gets the token, whatever its path, query or fragment.
            #[test]
            fn only_allowed_origins_get_the_token(
                allowed in proptest::collection::vec(origin_parts(), 1..4),
                target in origin_parts(),
                tail in "(/[a-z@:.?#]{0,8})?([?#][a-z@:./]{0,8})?",
            ) {
                let list = AllowList::new(
                    allowed.iter().map(|p| Origin::of_entry(&url(p, "")).unwrap()).collect(),
                ).unwrap();
                let should = allowed.iter().any(|p| expected(p) == expected(&target));
                prop_assert_eq!(list.origin_if_allowed(&url(&target, &tail)).is_some(), should);
            }

            /// On arbitrary text, a URL with an origin spells that origin's host right
            /// after `//`, ended by a port, a path, a query, a fragment or the end.
            #[test]
            fn a_recognised_origin_is_literally_at_the_start(s in "(https?|HTTPS?|ftp)://[a-cA-C0-9.@:\\\\%/?#\\[\\] ]{0,16}") {
                if let Some(o) = Origin::of_url(&s) {
                    let lower = s.to_ascii_lowercase();
                    let scheme = if o.secure { "https://" } else { "http://" };
                    prop_assert!(lower.starts_with(scheme));
                    let after = &lower[scheme.len()..];
                    prop_assert!(after.starts_with(&o.host));
                    let next = after[o.host.len()..].chars().next();
                    prop_assert!(matches!(next, None | Some(':' | '/' | '?' | '#')));
                    prop_assert!(!o.host.contains(['@', '\\', '%', ' ', '/', '?', '#']));
                }
            }

            #[test]
            fn serialising_and_parsing_round_trip(parts in origin_parts(), tail in "(/[a-z]{0,4})?") {
                let a = Origin::of_url(&url(&parts, &tail)).unwrap();
                prop_assert_eq!(Origin::of_url(&a.serialize()), Some(a.clone()));
                prop_assert_eq!(Origin::of_entry(&a.serialize()), Ok(a));
            }
        }
    }
}

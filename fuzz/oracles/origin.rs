//! `allowedOrigins`: `core::auth_fetch::origin` against the WHATWG URL parser of the
//! `url` crate (the parser `fetch` and `new URL` implement).
//!
//! The input is text: the first line a request URL (resolved against a page at
//! `https://app.example/chat/`, as a `Request` is), each further line (up to 8) an
//! `allowedOrigins` entry. The binding hands the core only what the platform's parser
//! serialised (`request.url`, `new URL(entry).href`), so on that canonical form:
//!
//! - `Origin::of_url` is the WHATWG origin (`URL.origin`) of every `http:`/`https:` URL
//!   without user info, and nothing for any other URL; one listed difference: a host
//!   with a code point WHATWG allows but no ordinary host has (`*`, `"`, `{`, `` ` ``, ...)
//!   has no origin (so it never gets the token), while every host made of letters,
//!   digits, `-` and `.`, every IPv4 and every IPv6 address is read;
//! - `Origin::of_entry` accepts exactly a bare origin (path `/`, no query or fragment);
//! - the allowlist gives the token exactly when the request's WHATWG origin equals an
//!   accepted entry's and the URL has no user info: never to another scheme, port or a
//!   look-alike host.
//!
//! On raw (not serialised) text the core is only required to be safe: when it finds an
//! origin, WHATWG reads the same scheme, no user info and the same port, and the same
//! host unless WHATWG rewrites the host as an IP address (`0x7f.1`, `[0:0::1]`) or
//! refuses it (a listed difference; such text never reaches the core).

use chatkit_glue::core::auth_fetch::origin::{AllowList, Origin};
use url::{Host, Url};

const PAGE: &str = "https://app.example/chat/";

pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.split('\n');
    let target = lines.next().unwrap_or("");
    let entries: Vec<&str> = lines.take(8).collect();
    for raw in std::iter::once(target).chain(entries.iter().copied()) {
        raw_is_safe(raw);
        if let Ok(u) = Url::parse(raw) {
            canonical_agrees(&u);
        }
    }
    let page = Url::parse(PAGE).expect("the page URL parses");
    if let Ok(u) = page.join(target) {
        canonical_agrees(&u);
        allowlist_agrees(&u, &entries);
    }
}

fn is_http(u: &Url) -> bool {
    matches!(u.scheme(), "http" | "https")
}

fn has_user_info(u: &Url) -> bool {
    !u.username().is_empty() || u.password().is_some()
}

/// A host every origin check must read: letters, digits, `-` and `.`, or an address.
fn ordinary_host(u: &Url) -> bool {
    match u.host() {
        Some(Host::Domain(d)) => d
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'),
        Some(Host::Ipv4(_) | Host::Ipv6(_)) => true,
        None => false,
    }
}

fn canonical_agrees(u: &Url) {
    let href = u.as_str();
    let got = Origin::of_url(href);
    if !is_http(u) || has_user_info(u) {
        assert_eq!(got, None, "an origin for {href:?}");
        assert!(Origin::of_entry(href).is_err(), "entry accepted: {href:?}");
        return;
    }
    match &got {
        Some(o) => assert_eq!(
            o.serialize(),
            u.origin().ascii_serialization(),
            "a different origin for {href:?}"
        ),
        None => assert!(!ordinary_host(u), "no origin for {href:?}"),
    }
    let bare = u.path() == "/" && u.query().is_none() && u.fragment().is_none();
    match Origin::of_entry(href) {
        Ok(o) => {
            assert!(bare, "entry with more than an origin accepted: {href:?}");
            assert_eq!(Some(o), got, "entry and URL differ: {href:?}");
        }
        Err(_) => assert!(
            !bare || got.is_none(),
            "bare origin refused as an entry: {href:?}"
        ),
    }
}

fn allowlist_agrees(target: &Url, entries: &[&str]) {
    // As the binding: each entry through the URL parser, then `of_entry`.
    let accepted: Vec<(Url, Origin)> = entries
        .iter()
        .filter_map(|e| Url::parse(e).ok())
        .filter_map(|u| Origin::of_entry(u.as_str()).ok().map(|o| (u, o)))
        .collect();
    let Ok(list) = AllowList::new(accepted.iter().map(|(_, o)| o.clone()).collect()) else {
        return;
    };
    let got = list.origin_if_allowed(target.as_str()).is_some();
    let want = is_http(target)
        && !has_user_info(target)
        && accepted.iter().any(|(u, _)| u.origin() == target.origin());
    assert_eq!(
        got,
        want,
        "token decision for {:?} with {:?}",
        target.as_str(),
        accepted.iter().map(|(u, _)| u.as_str()).collect::<Vec<_>>()
    );
}

/// Whether `host` ends in a number as WHATWG's IPv4 rule reads it (then the host is an
/// IPv4 address or an error).
fn ends_in_number(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    let last = host.rsplit('.').next().unwrap_or("");
    !last.is_empty()
        && (last.bytes().all(|b| b.is_ascii_digit())
            || ((last.starts_with("0x") || last.starts_with("0X"))
                && last[2..].bytes().all(|b| b.is_ascii_hexdigit())))
}

fn raw_is_safe(raw: &str) {
    let Some(o) = Origin::of_url(raw) else {
        return;
    };
    let serialised = o.serialize();
    let host = serialised
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or("");
    // The host as the core read it (without the port).
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or(host)
    } else {
        host.split(':').next().unwrap_or(host)
    };
    match Url::parse(raw) {
        Ok(u) => {
            assert!(is_http(&u), "an origin for another scheme: {raw:?}");
            assert!(
                serialised.starts_with(u.scheme())
                    && serialised[u.scheme().len()..].starts_with("://"),
                "another scheme: {raw:?} read as {serialised:?}"
            );
            assert!(
                !has_user_info(&u),
                "an origin for a URL with user info: {raw:?}"
            );
            let whatwg_host = u.host_str().unwrap_or("");
            if whatwg_host == host {
                assert_eq!(
                    serialised,
                    u.origin().ascii_serialization(),
                    "a different origin for {raw:?}"
                );
            } else {
                assert!(
                    matches!(u.host(), Some(Host::Ipv4(_) | Host::Ipv6(_))),
                    "host {host:?} is {whatwg_host:?} for WHATWG: {raw:?}"
                );
                assert_eq!(
                    u.port(),
                    port_of(&serialised),
                    "a different port for {raw:?}"
                );
            }
        }
        Err(e) => assert!(
            ends_in_number(host) || host.starts_with('[') || host.contains("xn--"),
            "an origin {serialised:?} for text WHATWG refuses ({e}): {raw:?}"
        ),
    }
}

fn port_of(serialised: &str) -> Option<u16> {
    let after = serialised.rsplit_once(']').map_or(serialised, |(_, p)| p);
    let after = after.split_once("://").map_or(after, |(_, p)| p);
    after.rsplit_once(':').and_then(|(_, p)| p.parse().ok())
}

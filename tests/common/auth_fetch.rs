//! `createAuthFetch`'s exports: the platform's own URL parser on both sides of the
//! allowlist (entries and request URLs are serialised by `URL` as the facade does), bad
//! options, and a token answer that must never become a header.

use super::leak::put;
use chatkit_glue::bind::auth_fetch::{
    auth_fetch_begin, auth_fetch_end, auth_fetch_free, auth_fetch_new, auth_fetch_token,
};
use chatkit_glue::bind::io::{io_len, io_ptr};
use chatkit_glue::core::record::{encode, Field};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function href(url) { try { return new URL(url).href; } catch { return ""; } }
"#)]
extern "C" {
    /// `new URL(url).href`, or "" where the parser refuses it (as the facade writes it).
    fn href(url: &str) -> String;
}

/// What the facade writes for `options` (page origin none): `[options, pageOrigin,
/// each allowedOrigins entry as URL.href]` as a plain value.
fn call(options: Field, allowed: &[&str]) -> Vec<u8> {
    let mut parts = vec![options, Field::Str(String::new())];
    parts.extend(allowed.iter().map(|a| Field::Str(href(a))));
    encode(&Field::Array(parts))
}

/// `{ token, allowedOrigins, ...extra }` as the facade writes it.
fn options(allowed: &[&str], extra: &[(&str, Field)]) -> Vec<u8> {
    let list = allowed.iter().map(|a| Field::Str((*a).into())).collect();
    let mut entries = vec![
        ("token".to_owned(), Field::Function),
        ("allowedOrigins".to_owned(), Field::Array(list)),
    ];
    entries.extend(extra.iter().map(|(k, v)| ((*k).to_owned(), v.clone())));
    call(Field::Object(entries), allowed)
}

/// The error code in the buffer after a negative answer.
fn code() -> String {
    // SAFETY: io_ptr/io_len describe the buffer's initialised bytes.
    let bytes = unsafe { std::slice::from_raw_parts(io_ptr(), io_len()) };
    let text = String::from_utf8_lossy(bytes);
    text.split('\x1f').next().unwrap_or("").to_owned()
}

/// Whether a request to `url` carries the token, with `allowed` as the allowlist.
fn gets_token(allowed: &[&str], url: &str) -> bool {
    let handle = auth_fetch_new(put(options(allowed, &[])));
    assert!(handle >= 0.0, "valid options for {allowed:?}: {}", code());
    let begun = auth_fetch_begin(handle as u32, put(href(url)), false);
    auth_fetch_end((begun / 2.0) as u32);
    auth_fetch_free(handle as u32);
    begun % 2.0 == 1.0
}

pub async fn the_allowlist_uses_the_platforms_url_parser() {
    let app = ["https://app.example"];
    for (url, expected) in [
        ("https://app.example/api/chatkit", true),
        ("HTTPS://APP.EXAMPLE:443/x?y#z", true),
        ("https://app.example./x", false),
        ("https://app.example:8443/x", false),
        ("http://app.example/x", false),
        ("https://app.example.evil.test/x", false),
        ("https://evil.test/?next=https://app.example/", false),
        ("https://evil.test/#@app.example", false),
        ("https://evil.test\\@app.example/", false),
        ("https://storage.test/upload?X-Amz-Signature=abc", false),
        ("data:text/plain,hi", false),
    ] {
        assert_eq!(gets_token(&app, url), expected, "{url}");
    }
    // Entries go through the same parser: IDN, IPv6, case and default ports match
    // the way request URLs are written.
    assert!(gets_token(
        &["https://bücher.example"],
        "https://xn--bcher-kva.example/x"
    ));
    assert!(gets_token(&["https://[0:0::1]:443/"], "https://[::1]/x"));
    assert!(gets_token(&["http://LOCALHOST:80"], "http://localhost/x"));
}

pub async fn bad_options_are_invalid_config() {
    let app = ["https://app.example"];
    let bad = [
        call(Field::Null, &[]),
        call(Field::Str("token".into()), &[]),
        call(Field::Object(Vec::new()), &[]),
        call(Field::Other, &[]),
        options(&["https://app.example/path"], &[]),
        options(&["not a url"], &[]),
        options(&[], &[]),
        options(&app, &[("idleTimeoutMs", Field::Number(-1.0))]),
        options(&app, &[("headersTimeoutMs", Field::Number(f64::NAN))]),
        options(&app, &[("headersTimeoutMs", Field::Other)]),
        options(&app, &[("retries", Field::Number(3.0))]),
        // No allowedOrigins and no page origin (Node).
        call(Field::Object(vec![("token".into(), Field::Function)]), &[]),
        // Not a value the facade writes.
        Vec::new(),
        vec![7, 1, 0, 0],
    ];
    for bytes in bad {
        let n = auth_fetch_new(put(&bytes));
        assert!(n < 0.0, "refused: {bytes:?}");
        assert_eq!(code(), "invalid_config", "{bytes:?}");
    }
}

pub async fn a_token_callback_that_throws_is_unauthorized_and_sends_nothing() {
    let handle = auth_fetch_new(put(options(&["https://app.example"], &[])));
    assert!(handle >= 0.0);
    let begun = auth_fetch_begin(handle as u32, put("https://app.example/x"), false);
    assert_eq!(begun % 2.0, 1.0);
    let id = (begun / 2.0) as u32;
    // Threw, not a string, a header-breaking value, "Bearer "-prefixed: no header.
    for (kind, text) in [(3, ""), (2, ""), (1, "a\r\nX-Evil: 1"), (1, "Bearer tok")] {
        assert!(auth_fetch_token(id, kind, put(text)) < 0, "{kind} {text:?}");
        assert_eq!(code(), "unauthorized");
    }
    auth_fetch_end(id);
    auth_fetch_free(handle as u32);
}

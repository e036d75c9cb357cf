//! `createAuthFetch`'s binding (`AuthFetch`) with an injected fetch: no network, the
//! platform's own URL parser on both sides of the allowlist.

use chatkit_glue::bind::auth_fetch::AuthFetch;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
export function recorder() {
  const box = { sent: [] };
  box.fetch = async (request) => {
    box.sent.push({ url: request.url, auth: request.headers.get("authorization") });
    return new Response("ok");
  };
  return box;
}
export function options(box, allowed, extra) {
  return { token: () => "tok-1", allowedOrigins: allowed, fetch: box.fetch, ...extra };
}
export function throwing() { return () => { throw new Error("store offline"); }; }
export function lastAuth(box) { return box.sent.length ? box.sent[box.sent.length - 1].auth : "nothing sent"; }
"#)]
extern "C" {
    fn recorder() -> Object;
    fn options(record: &Object, allowed: &Array, extra: &JsValue) -> JsValue;
    fn throwing() -> JsValue;
    #[wasm_bindgen(js_name = lastAuth)]
    fn last_auth(record: &Object) -> JsValue;
}

fn list(items: &[&str]) -> Array {
    items.iter().map(|s| JsValue::from_str(s)).collect()
}

fn code(err: &JsValue) -> Option<String> {
    Reflect::get(err, &"code".into()).ok()?.as_string()
}

/// Whether a request to `url` carries the token, with `allowed` as the allowlist.
async fn gets_token(allowed: &[&str], url: &str) -> bool {
    let record = recorder();
    let f = AuthFetch::new(options(&record, &list(allowed), &JsValue::UNDEFINED)).unwrap();
    JsFuture::from(f.fetch(url.into(), JsValue::UNDEFINED))
        .await
        .unwrap();
    last_auth(&record).as_string().as_deref() == Some("Bearer tok-1")
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
        assert_eq!(gets_token(&app, url).await, expected, "{url}");
    }
    // Entries go through the same parser: IDN, IPv6, case and default ports match
    // the way request URLs are written.
    assert!(
        gets_token(
            &["https://bücher.example"],
            "https://xn--bcher-kva.example/x"
        )
        .await
    );
    assert!(gets_token(&["https://[0:0::1]:443/"], "https://[::1]/x").await);
    assert!(gets_token(&["http://LOCALHOST:80"], "http://localhost/x").await);
}

pub async fn bad_options_are_invalid_config() {
    let record = recorder();
    let bad: Vec<JsValue> = vec![
        JsValue::NULL,
        JsValue::from_str("token"),
        Object::new().into(),
        options(
            &record,
            &list(&["https://app.example/path"]),
            &JsValue::UNDEFINED,
        ),
        options(&record, &list(&["not a url"]), &JsValue::UNDEFINED),
        options(&record, &list(&[]), &JsValue::UNDEFINED),
        {
            let extra = Object::new();
            Reflect::set(&extra, &"idleTimeoutMs".into(), &JsValue::from_f64(-1.0)).unwrap();
            options(&record, &list(&["https://app.example"]), &extra)
        },
        {
            let extra = Object::new();
            Reflect::set(&extra, &"retries".into(), &3.into()).unwrap();
            options(&record, &list(&["https://app.example"]), &extra)
        },
    ];
    for options in bad {
        let err = AuthFetch::new(options).err().expect("refused");
        assert_eq!(code(&err).as_deref(), Some("invalid_config"));
    }
}

pub async fn a_token_callback_that_throws_is_unauthorized_and_sends_nothing() {
    let record = recorder();
    let extra = Object::new();
    Reflect::set(&extra, &"token".into(), &throwing()).unwrap();
    let f = AuthFetch::new(options(
        &record,
        &list(&["https://app.example"]),
        &extra.into(),
    ))
    .unwrap();
    let err = JsFuture::from(f.fetch("https://app.example/x".into(), JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(code(&err).as_deref(), Some("unauthorized"));
    assert_eq!(
        last_auth(&record).as_string().as_deref(),
        Some("nothing sent")
    );
}

//! `explainError` and `checkOptions` through the binding layer's exports, with values only
//! a real JavaScript engine makes: a wasm-bindgen class instance, Maps, Dates, revoked
//! Proxies, throwing getters.

use chatkit_glue::bind::diagnostics::{check_options, explain_error};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// A class exported by this test module: its instances are what wasm-bindgen hands to
/// JavaScript for any exported Rust struct.
#[wasm_bindgen]
pub struct Probe {
    value: u32,
}

#[wasm_bindgen(inline_js = r#"
export function options(extra) {
  return Object.assign({ api: { getClientSecret: async () => "ek_x" }, onError() {} }, extra);
}
export function hostile() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return {
    revoked: proxy,
    getter: { get boom() { throw new Error("getter"); } },
    keys: new Proxy({}, { ownKeys() { throw new Error("ownKeys"); } }),
    proto: new Proxy({}, { getPrototypeOf() { throw new Error("proto"); } }),
  };
}
export function frameError() {
  const e = new Error('Invalid frame params: ChatKit.create():\n\u2716 Unrecognized key: "onErorr"');
  e.name = "InvalidFrameParamsError";
  return e;
}
"#)]
extern "C" {
    fn options(extra: &JsValue) -> JsValue;
    fn hostile() -> JsValue;
    #[wasm_bindgen(js_name = frameError)]
    fn frame_error() -> JsValue;
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn text(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

fn extra(key: &str, value: &JsValue) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &key.into(), value).unwrap();
    o.into()
}

pub fn a_wasm_bindgen_instance_is_reported_as_non_plain() {
    let probe = JsValue::from(Probe { value: 7 });
    let found: Array = check_options(options(&extra("widgets", &probe)), JsValue::UNDEFINED);
    assert_eq!(found.length(), 1);
    let d = found.get(0);
    assert_eq!(text(&d, "code"), "non_plain_value");
    assert_eq!(text(&d, "path"), "widgets");
    assert!(
        text(&d, "message").starts_with("`widgets` is a wasm-bindgen object (Probe):"),
        "{}",
        text(&d, "message")
    );
    assert_eq!(text(&d, "severity"), "error");
}

pub fn maps_and_dates_are_reported_with_their_kind() {
    let found = check_options(
        options(&extra("theme", &js_sys::Map::new())),
        JsValue::UNDEFINED,
    );
    assert!(text(&found.get(0), "message").starts_with("`theme` is a Map:"));
    let date = js_sys::Date::new_0();
    let found = check_options(options(&extra("frameTitle", &date)), JsValue::UNDEFINED);
    assert!(text(&found.get(0), "message").starts_with("`frameTitle` is a Date:"));
}

pub fn clean_options_give_nothing() {
    assert_eq!(
        check_options(
            options(&JsValue::UNDEFINED),
            "https://app.example.com".into()
        )
        .length(),
        0
    );
}

pub fn hostile_values_are_read_without_throwing() {
    let h = hostile();
    for key in ["revoked", "getter", "keys", "proto"] {
        let found = check_options(options(&extra("header", &get(&h, key))), JsValue::UNDEFINED);
        assert!(found.length() <= 1, "{key}");
        let explained = explain_error(get(&h, key));
        assert_eq!(text(&explained, "code"), "unknown", "{key}");
        let first = text(
            &check_options(get(&h, key), JsValue::UNDEFINED).get(0),
            "code",
        );
        // A getter that throws is read as absent; the object around it is still checked.
        let expected = if key == "getter" {
            "unknown_option"
        } else {
            "invalid_options"
        };
        assert_eq!(first, expected, "{key}");
    }
}

pub fn chatkit_errors_are_explained_and_never_echoed() {
    let e = explain_error(frame_error());
    assert_eq!(text(&e, "code"), "unknown_option");
    assert_eq!(text(&e, "title"), "Unknown ChatKit option");
    assert!(!text(&e, "hint").contains("onErorr"));
    let detail = extra("error", &frame_error());
    assert_eq!(text(&explain_error(detail), "code"), "unknown_option");
    let thrown = JsValue::from_str("Workflow with id 'wf_1' not found.");
    assert_eq!(text(&explain_error(thrown), "code"), "workflow_not_found");
    assert_eq!(text(&explain_error(JsValue::from(42)), "code"), "unknown");
}

#[allow(dead_code)]
impl Probe {
    pub fn value(&self) -> u32 {
        self.value
    }
}

//! `checkOptions`: the mistakes that break a ChatKit integration, found in the options
//! before `useChatKit` sees them. The binding turns the JavaScript options into a
//! [`Value`] tree (own enumerable keys, as `useChatKit` reads them); [`check`] applies
//! the rules, whose texts are in [`super::rules`].
//!
//! Messages name option paths, never string values; a key that looks like a credential
//! is shown as `[redacted]`.

use super::keys;
use super::nearest::nearest;
use super::rules::{self, fill, Rule};
use super::secret::{looks_like_api_key, looks_secret};
use super::text::{cat, decimal};
use super::url::{origin_is_https, transport, Transport};

pub use super::rules::{Severity, CODES};

/// The options, as far as the rules need them.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `undefined`, `null`, booleans, numbers, bigints, symbols.
    Other,
    Str(String),
    Function,
    Array(Vec<Value>),
    /// A plain object (prototype `Object.prototype` or `null`), keys in order.
    Object(Vec<(String, Value)>),
    /// An object `useChatKit` does not treat as plain data.
    NonPlain(Kind),
    /// An object that is one of its own ancestors.
    Cycle,
    /// Not read: deeper than the binding walks, or past its value budget.
    Unread,
}

/// What a non-plain object is, as the binding saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kind {
    /// The constructor's name (`Map`, `Date`, a class name), when there is one.
    pub class: Option<String>,
    /// Whether it is an object exported by a wasm-bindgen module.
    pub wasm_bindgen: bool,
}

/// One problem found: `{ severity, code, path, message, hint?, suggestion? }` in
/// JavaScript.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub path: String,
    pub message: String,
    pub hint: Option<&'static str>,
    pub suggestion: Option<String>,
}

/// Checks `options` for a page at `origin` (`https://app.example.com`), when known.
pub fn check(options: &Value, origin: Option<&str>) -> Vec<Diagnostic> {
    let mut out = Out(Vec::new());
    if let Value::Object(entries) = options {
        for (key, value) in entries {
            if key == "api" {
                check_api(value, origin, &mut out);
            } else if !keys::is_valid(key) {
                unknown_key(key, &mut out);
            }
        }
        if !entries.iter().any(|(k, _)| k == "api") {
            out.push(&rules::MISSING_API, "api".into(), "");
        }
        if !entries.iter().any(|(k, _)| k == "onError") {
            out.push(&rules::MISSING_ON_ERROR, "onError".into(), "");
        }
    } else {
        out.push(&rules::INVALID_OPTIONS, String::new(), describe(options));
    }
    walk(options, &mut String::new(), &mut out);
    out.0
}

struct Out(Vec<Diagnostic>);

impl Out {
    fn push(&mut self, rule: &Rule, path: String, detail: &str) {
        self.suggest(rule, path, detail, None);
    }

    fn suggest(&mut self, rule: &Rule, path: String, detail: &str, suggestion: Option<String>) {
        let shown = if path.is_empty() { "options" } else { &path };
        let mut message = fill(rule.message, shown, detail);
        if let Some(s) = &suggestion {
            message.push_str(&cat(&[" Did you mean `", s, "`?"]));
        }
        self.0.push(Diagnostic {
            severity: rule.severity,
            code: rule.code,
            path,
            message,
            hint: Some(rule.hint),
            suggestion,
        });
    }
}

fn unknown_key(key: &str, out: &mut Out) {
    let path = segment(key);
    if keys::is_handler_shaped(key) {
        let suggestion = nearest(key, &keys::HANDLER_LIKE).map(str::to_owned);
        return out.suggest(&rules::UNKNOWN_HANDLER, path, "", suggestion);
    }
    // A key of `api` one level too high is a common slip.
    if let Some(k) = keys::CUSTOM_API
        .into_iter()
        .chain(keys::HOSTED_API)
        .find(|k| *k == key)
    {
        return out.suggest(&rules::MISPLACED_API_KEY, path, "", Some(cat(&["api.", k])));
    }
    let suggestion = nearest(key, &keys::ALL).map(str::to_owned);
    out.suggest(&rules::UNKNOWN_OPTION, path, "", suggestion)
}

fn check_api(api: &Value, origin: Option<&str>, out: &mut Out) {
    let Value::Object(entries) = api else {
        // Non-plain objects and cycles get their own diagnostic from the walk.
        if !unreadable(api) {
            out.push(&rules::INVALID_VALUE, "api".into(), "an object");
        }
        return;
    };
    let get = |k: &str| entries.iter().find(|(key, _)| key == k).map(|(_, v)| v);
    let hosted = get("getClientSecret").is_some();
    let custom = get("url").is_some();
    if hosted && custom {
        return out.push(&rules::MIXED_API, "api".into(), "");
    }
    let (valid, kind): (&[&'static str], &str) = if hosted {
        (&keys::HOSTED_API, "hosted")
    } else if custom {
        (&keys::CUSTOM_API, "custom")
    } else {
        // Neither shape: say so, and still point at mistyped keys.
        out.push(&rules::MISSING_API, "api".into(), "");
        (&keys::API, "any")
    };
    for (key, value) in entries {
        let path = cat(&["api.", &segment(key)]);
        match key.as_str() {
            "domainKey" if hosted => out.push(&rules::HOSTED_DOMAIN_KEY, path, ""),
            "uploadStrategy" if hosted => out.push(&rules::HOSTED_UPLOAD, path, ""),
            k if valid.contains(&k) => {
                let (wanted, ok) = match k {
                    "getClientSecret" | "fetch" => ("a function", matches!(value, Value::Function)),
                    "url" | "domainKey" => ("a string", matches!(value, Value::Str(_))),
                    _ => ("", true),
                };
                if !ok && !unreadable(value) {
                    out.push(&rules::INVALID_VALUE, path, wanted);
                }
            }
            k => {
                let suggestion = nearest(k, valid).map(|s| cat(&["api.", s]));
                out.suggest(&rules::UNKNOWN_API_KEY, path, kind, suggestion);
            }
        }
    }
    if custom {
        let key = get("domainKey");
        if key.is_none() || matches!(key, Some(Value::Str(s)) if s.trim_ascii().is_empty()) {
            out.push(&rules::MISSING_DOMAIN_KEY, "api.domainKey".into(), "");
        }
        if let Some(Value::Str(url)) = get("url") {
            if transport(url, origin) == Transport::Insecure {
                let blocked = origin_is_https(origin);
                let rule = if blocked {
                    &rules::BLOCKED_URL
                } else {
                    &rules::INSECURE_URL
                };
                out.push(rule, "api.url".into(), "");
            }
        }
    }
}

/// Values the walk reports itself (or could not read), so type rules skip them.
fn unreadable(v: &Value) -> bool {
    matches!(v, Value::NonPlain(_) | Value::Cycle | Value::Unread)
}

/// The rules that apply at any depth: credentials, non-plain values, cycles.
fn walk(value: &Value, path: &mut String, out: &mut Out) {
    match value {
        Value::Str(s) if looks_like_api_key(s) => out.push(&rules::SECRET, path.clone(), ""),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push('[');
                path.push_str(&decimal(i));
                path.push(']');
                walk(item, path, out);
                path.truncate(len);
            }
        }
        Value::Object(entries) => {
            for (key, item) in entries {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&segment(key));
                if looks_like_api_key(key) {
                    out.push(&rules::SECRET, path.clone(), "");
                }
                walk(item, path, out);
                path.truncate(len);
            }
        }
        Value::NonPlain(kind) => {
            let class = kind.class.as_deref().map(segment);
            let detail = match class.as_deref() {
                Some("Promise") => return out.push(&rules::PROMISE, path.clone(), ""),
                Some(c) if kind.wasm_bindgen => cat(&["a wasm-bindgen object (", c, ")"]),
                None if kind.wasm_bindgen => "a wasm-bindgen object".into(),
                Some(c @ ("Map" | "Set" | "Date" | "RegExp" | "WeakMap" | "WeakSet")) => {
                    cat(&["a ", c])
                }
                Some(c) => cat(&["an instance of ", c]),
                None => "an object with a custom prototype".into(),
            };
            out.push(&rules::NON_PLAIN_VALUE, path.clone(), &detail);
        }
        Value::Cycle => out.push(&rules::CYCLE, path.clone(), ""),
        _ => {}
    }
}

/// A key as it appears in a path and a message: as is, unless it looks like a
/// credential (then `[redacted]`), is long (then cut to 40 characters and `…`) or holds
/// control characters (shown as `?`).
fn segment(key: &str) -> String {
    if looks_secret(key) {
        return "[redacted]".into();
    }
    // Control characters would garble the console.
    let mut shown: String = key
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if key.chars().nth(40).is_some() {
        shown.push('…');
    }
    shown
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Str(_) => "a string",
        Value::Function => "a function",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
        Value::NonPlain(_) | Value::Cycle | Value::Unread => "a non-plain object",
        Value::Other => "a primitive or null",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(entries: Vec<(&str, Value)>) -> Value {
        Value::Object(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    }
    fn s(v: &str) -> Value {
        Value::Str(v.into())
    }
    fn hosted() -> Value {
        obj(vec![("getClientSecret", Value::Function)])
    }
    fn custom() -> Value {
        obj(vec![
            ("url", s("/api/chatkit")),
            ("domainKey", s("domain_pk_123")),
        ])
    }
    /// Clean options plus `extra` entries, with `api` replaced when given.
    fn with(api: Value, extra: Vec<(&str, Value)>) -> Value {
        let mut entries = vec![("api", api), ("onError", Value::Function)];
        entries.extend(extra);
        obj(entries)
    }
    fn codes(d: &[Diagnostic]) -> Vec<(&'static str, &str)> {
        d.iter().map(|d| (d.code, d.path.as_str())).collect()
    }

    #[test]
    fn clean_options_have_no_diagnostics() {
        let full = with(
            hosted(),
            vec![
                (
                    "theme",
                    obj(vec![("colorScheme", s("dark")), ("radius", s("round"))]),
                ),
                ("onClientTool", Value::Function),
                ("onReady", Value::Function),
                (
                    "composer",
                    obj(vec![(
                        "tools",
                        Value::Array(vec![obj(vec![("id", s("x")), ("icon", s("bolt"))])]),
                    )]),
                ),
                ("initialThread", Value::Other),
            ],
        );
        assert_eq!(check(&full, Some("https://app.example.com")), vec![]);
        assert_eq!(
            check(&with(custom(), vec![]), Some("https://app.example.com")),
            vec![]
        );
        let local = obj(vec![
            ("url", s("http://127.0.0.1:8000/chatkit")),
            ("domainKey", s("k")),
        ]);
        assert_eq!(
            check(&with(local, vec![]), Some("http://localhost:3000")),
            vec![]
        );
    }

    #[test]
    fn unknown_keys_and_mistyped_handlers_suggest_the_nearest_name() {
        let d = check(
            &with(
                hosted(),
                vec![
                    ("onErorr", Value::Function),
                    ("onClientTools", Value::Function),
                    ("onready", Value::Function),
                    ("startscreen", obj(vec![])),
                    ("domainKey", s("k")),
                    ("banana", Value::Other),
                ],
            ),
            None,
        );
        let got: Vec<_> = d
            .iter()
            .map(|d| (d.code, d.path.as_str(), d.suggestion.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("unknown_handler", "onErorr", Some("onError")),
                ("unknown_handler", "onClientTools", Some("onClientTool")),
                ("unknown_option", "onready", Some("onReady")),
                ("unknown_option", "startscreen", Some("startScreen")),
                ("unknown_option", "domainKey", Some("api.domainKey")),
                ("unknown_option", "banana", None),
            ]
        );
        assert!(d[0].message.contains("Did you mean `onError`?"));
        assert!(d.iter().all(|d| d.severity == Severity::Error));
    }

    #[test]
    fn api_rules() {
        let mut hosted_bad = vec![
            ("getClientSecret", Value::Function),
            ("domainKey", s("k")),
            ("uploadStrategy", obj(vec![])),
        ];
        let d = check(&with(obj(hosted_bad.clone()), vec![]), None);
        assert_eq!(
            codes(&d),
            [
                ("hosted_domain_key", "api.domainKey"),
                ("hosted_upload_strategy", "api.uploadStrategy")
            ]
        );
        hosted_bad.truncate(1);
        hosted_bad.push(("getclientsecret", Value::Function));
        let d = check(&with(obj(hosted_bad), vec![]), None);
        assert_eq!(codes(&d), [("unknown_option", "api.getclientsecret")]);
        assert_eq!(d[0].suggestion.as_deref(), Some("api.getClientSecret"));

        let d = check(&with(obj(vec![("url", s("/api/chatkit"))]), vec![]), None);
        assert_eq!(codes(&d), [("missing_domain_key", "api.domainKey")]);
        let d = check(
            &with(obj(vec![("url", s("/x")), ("domainKey", s(" "))]), vec![]),
            None,
        );
        assert_eq!(codes(&d), [("missing_domain_key", "api.domainKey")]);
        let d = check(
            &with(
                obj(vec![("url", s("/x")), ("getClientSecret", Value::Function)]),
                vec![],
            ),
            None,
        );
        assert_eq!(codes(&d), [("mixed_api_config", "api")]);
        let d = check(&with(obj(vec![]), vec![]), None);
        assert_eq!(codes(&d), [("missing_api", "api")]);
        let d = check(&with(s("nope"), vec![]), None);
        assert_eq!(codes(&d), [("invalid_value", "api")]);
        let d = check(
            &with(obj(vec![("getClientSecret", s("ek_x"))]), vec![]),
            None,
        );
        assert_eq!(codes(&d), [("invalid_value", "api.getClientSecret")]);
        let d = check(
            &with(
                obj(vec![
                    ("url", s("/x")),
                    ("domainKey", s("k")),
                    ("fetch", Value::Other),
                ]),
                vec![],
            ),
            None,
        );
        assert_eq!(codes(&d), [("invalid_value", "api.fetch")]);
        let d = check(&obj(vec![("onError", Value::Function)]), None);
        assert_eq!(codes(&d), [("missing_api", "api")]);
        let d = check(
            &with(obj(vec![("getclientsecret", Value::Function)]), vec![]),
            None,
        );
        assert_eq!(
            codes(&d),
            [
                ("missing_api", "api"),
                ("unknown_option", "api.getclientsecret")
            ]
        );
        assert_eq!(d[1].suggestion.as_deref(), Some("api.getClientSecret"));
    }

    #[test]
    fn insecure_urls() {
        let api = |url: &str| obj(vec![("url", s(url)), ("domainKey", s("k"))]);
        let d = check(&with(api("http://api.example.com/chatkit"), vec![]), None);
        assert_eq!(codes(&d), [("insecure_url", "api.url")]);
        assert_eq!(d[0].severity, Severity::Warning);
        let d = check(
            &with(api("http://api.example.com/chatkit"), vec![]),
            Some("https://app.example.com"),
        );
        assert_eq!(d[0].severity, Severity::Error);
        let d = check(
            &with(api("/api/chatkit"), vec![]),
            Some("http://app.example.com"),
        );
        assert_eq!(codes(&d), [("insecure_url", "api.url")]);
        assert!(check(&with(api("/api/chatkit"), vec![]), None).is_empty());
        assert!(check(
            &with(api("https://api.example.com"), vec![]),
            Some("http://localhost:3000")
        )
        .is_empty());
    }

    #[test]
    fn api_keys_anywhere_are_flagged_and_never_repeated() {
        let key = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789";
        let d = check(
            &with(
                hosted(),
                vec![
                    ("header", obj(vec![("title", obj(vec![("text", s(key))]))])),
                    (
                        "composer",
                        obj(vec![(
                            "tools",
                            Value::Array(vec![s("ok"), s(&format!("Bearer {key}"))]),
                        )]),
                    ),
                    ("widgets", obj(vec![(key, Value::Other)])),
                ],
            ),
            None,
        );
        assert_eq!(
            codes(&d),
            [
                ("secret_in_options", "header.title.text"),
                ("secret_in_options", "composer.tools[1]"),
                ("secret_in_options", "widgets.[redacted]"),
            ]
        );
        for d in &d {
            assert!(!format!("{d:?}").contains("abcdefghij"));
        }
    }

    #[test]
    fn missing_on_error_is_a_warning() {
        let d = check(&obj(vec![("api", hosted())]), None);
        assert_eq!(codes(&d), [("missing_on_error", "onError")]);
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn non_plain_values_and_cycles_name_their_kind_and_path() {
        let np = |class: Option<&str>, wasm_bindgen: bool| {
            Value::NonPlain(Kind {
                class: class.map(str::to_owned),
                wasm_bindgen,
            })
        };
        let d = check(
            &with(
                hosted(),
                vec![
                    ("theme", np(Some("Map"), false)),
                    ("entities", obj(vec![("data", np(Some("Date"), false))])),
                    ("widgets", np(Some("ClientTools"), true)),
                    ("history", np(Some("Settings"), false)),
                    ("thread", np(None, false)),
                    ("header", obj(vec![("self", Value::Cycle)])),
                ],
            ),
            None,
        );
        assert_eq!(
            codes(&d),
            [
                ("non_plain_value", "theme"),
                ("non_plain_value", "entities.data"),
                ("non_plain_value", "widgets"),
                ("non_plain_value", "history"),
                ("non_plain_value", "thread"),
                ("cyclic_value", "header.self"),
            ]
        );
        assert!(d[0].message.starts_with("`theme` is a Map:"));
        assert!(d[2].message.contains("a wasm-bindgen object (ClientTools)"));
        assert!(d[3].message.contains("an instance of Settings"));
        let d = check(
            &with(
                obj(vec![("getClientSecret", np(Some("Promise"), false))]),
                vec![],
            ),
            None,
        );
        assert_eq!(codes(&d), [("non_plain_value", "api.getClientSecret")]);
        assert!(d[0].message.contains("a Promise: pass the function itself"));
    }

    #[test]
    fn options_that_are_not_an_object() {
        for v in [Value::Other, s("x"), Value::Array(vec![]), Value::Function] {
            let d = check(&v, None);
            assert_eq!(d[0].code, "invalid_options");
            assert_eq!(d.len(), 1);
        }
        let d = check(
            &Value::NonPlain(Kind {
                class: Some("Map".into()),
                wasm_bindgen: false,
            }),
            None,
        );
        assert_eq!(
            codes(&d),
            [("invalid_options", ""), ("non_plain_value", "")]
        );
        assert!(d[1].message.starts_with("`options` is a Map"));
    }

    #[test]
    fn each_listed_code_has_a_fixture_that_reports_it() {
        let np = Value::NonPlain(Kind {
            class: Some("Map".into()),
            wasm_bindgen: false,
        });
        let fixtures = [
            ("invalid_options", Value::Other),
            (
                "unknown_option",
                with(hosted(), vec![("bogus", Value::Other)]),
            ),
            (
                "unknown_handler",
                with(hosted(), vec![("onBogus", Value::Function)]),
            ),
            ("missing_api", obj(vec![("onError", Value::Function)])),
            (
                "mixed_api_config",
                with(
                    obj(vec![("url", s("/x")), ("getClientSecret", Value::Function)]),
                    vec![],
                ),
            ),
            ("invalid_value", with(s("x"), vec![])),
            (
                "hosted_domain_key",
                with(
                    obj(vec![
                        ("getClientSecret", Value::Function),
                        ("domainKey", s("k")),
                    ]),
                    vec![],
                ),
            ),
            (
                "missing_domain_key",
                with(obj(vec![("url", s("/x"))]), vec![]),
            ),
            (
                "hosted_upload_strategy",
                with(
                    obj(vec![
                        ("getClientSecret", Value::Function),
                        ("uploadStrategy", obj(vec![])),
                    ]),
                    vec![],
                ),
            ),
            (
                "insecure_url",
                with(
                    obj(vec![("url", s("http://a.example")), ("domainKey", s("k"))]),
                    vec![],
                ),
            ),
            (
                "secret_in_options",
                with(
                    hosted(),
                    vec![("frameTitle", s("sk-abcdefghijklmnopqrstuvwxyz"))],
                ),
            ),
            ("missing_on_error", obj(vec![("api", hosted())])),
            ("non_plain_value", with(hosted(), vec![("theme", np)])),
            (
                "cyclic_value",
                with(hosted(), vec![("theme", obj(vec![("x", Value::Cycle)]))]),
            ),
        ];
        let listed: Vec<_> = fixtures.iter().map(|(c, _)| *c).collect();
        assert_eq!(listed, CODES);
        for (code, fixture) in &fixtures {
            let d = check(fixture, None);
            assert_eq!(
                d.iter().map(|d| d.code).collect::<Vec<_>>(),
                [*code],
                "{code}"
            );
        }
    }

    #[test]
    fn long_and_secret_keys_are_shortened_or_redacted_in_paths() {
        let long = "x".repeat(100);
        assert_eq!(segment(&long).chars().count(), 41);
        assert_eq!(segment("sk-abcdefghijklmnopqrstuvwxyz"), "[redacted]");
        assert_eq!(segment("theme"), "theme");
        assert_eq!(segment("a\u{1f}b\n"), "a?b?");
        assert_eq!(segment(&"é".repeat(40)), "é".repeat(40));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use proptest::prelude::*;

        fn leaf() -> impl Strategy<Value = Value> {
            prop_oneof![
                Just(Value::Other),
                Just(Value::Function),
                Just(Value::Cycle),
                "\\PC{0,12}".prop_map(Value::Str),
                "[A-Za-z]{0,8}".prop_map(|c| Value::NonPlain(Kind {
                    class: Some(c),
                    wasm_bindgen: false
                })),
            ]
        }

        fn tree(secret: String) -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![leaf(), Just(Value::Str(secret))];
            leaf.prop_recursive(4, 48, 6, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                    prop::collection::vec(("[a-zA-Z]{1,14}", inner), 0..6).prop_map(Value::Object),
                ]
            })
        }

        fn key_tree() -> impl Strategy<Value = (String, Value)> {
            "[A-Za-z0-9]{24,40}".prop_flat_map(|tail| {
                let secret = format!("sk-proj-{tail}");
                (Just(tail), tree(secret))
            })
        }

        proptest! {
            #[test]
            fn no_diagnostic_ever_repeats_an_api_key((tail, t) in key_tree(), origin in prop::option::of("https?://[a-z]{1,8}\\.example")) {
                let d = check(&t, origin.as_deref());
                for d in &d {
                    for field in [d.path.as_str(), d.message.as_str(), d.hint.unwrap_or(""), d.suggestion.as_deref().unwrap_or("")] {
                        prop_assert!(!field.contains(&tail[..20]), "{d:?}");
                    }
                    prop_assert!(CODES.contains(&d.code));
                    if let Some(s) = &d.suggestion {
                        let name = s.strip_prefix("api.").unwrap_or(s);
                        prop_assert!(keys::is_valid(name) || keys::CUSTOM_API.contains(&name) || keys::HOSTED_API.contains(&name));
                    }
                }
            }

            #[test]
            fn a_secret_key_in_a_key_is_flagged_not_shown(tail in "[A-Za-z0-9]{24,40}") {
                let key = format!("sk-{tail}");
                let v = Value::Object(vec![("api".into(), Value::Object(vec![("getClientSecret".into(), Value::Function)])),
                                           (key, Value::Other)]);
                let d = check(&v, None);
                prop_assert!(d.iter().any(|d| d.code == "secret_in_options"));
                for d in &d {
                    prop_assert!(!d.path.contains(&tail) && !d.message.contains(&tail));
                }
            }
        }
    }
}

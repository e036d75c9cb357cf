//! Redaction of an event's `data` after the facade's one `JSON.stringify`: the data
//! crosses into the module as JSON text, and this walk applies the rules of
//! [`super::redact`] at every depth:
//!
//! - the value of a member whose key is secret ([`is_secret_key`]), whatever it is
//!   (an object, an array, a string, a number), becomes the string [`super::redact::REDACTED`];
//! - every other string value has its token-shaped substrings replaced
//!   ([`redact_text`]), judged on the decoded text (so `"a\nsk-…"` is caught the same
//!   as a real line break before the key).
//!
//! Keys are kept. Text that is not JSON is refused (`None`), never a panic. The walk is
//! iterative (a stack of open containers), so deep data cannot exhaust the stack.

use alloc::borrow::Cow;
use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

use super::encode::push_escaped;
use super::redact::{is_secret_key, redact_text};

/// What the walk expects next.
#[derive(Clone, Copy, PartialEq)]
enum Expect {
    Value,
    /// Just after `[`: a value or `]`.
    ValueOrEnd,
    /// Just after `{`: a key or `}`.
    KeyOrEnd,
    Key,
    Colon,
    /// After a value inside a container.
    CommaOrEnd,
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// At `i` (a `"`), the index just past the closing quote, and whether the literal has
/// escapes.
fn string_end(b: &[u8], i: usize) -> Option<(usize, bool)> {
    let mut j = i + 1;
    let mut escaped = false;
    loop {
        match *b.get(j)? {
            b'"' => return Some((j + 1, escaped)),
            b'\\' => {
                escaped = true;
                j += 2;
            }
            c if c < 0x20 => return None,
            _ => j += 1,
        }
    }
}

fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let digits = b.get(i..i + 4)?;
    digits.iter().try_fold(0u32, |n, d| {
        let v = (*d as char).to_digit(16)?;
        Some(n * 16 + v)
    })
}

/// The text of a JSON string literal's inside (`raw`, without quotes). A lone
/// surrogate (which `JSON.stringify` writes as `\udxxx`) decodes to U+FFFD.
fn decode(raw: &str) -> Option<String> {
    let b = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while i < b.len() {
        let Some(off) = b.get(i..)?.iter().position(|c| *c == b'\\') else {
            out.push_str(raw.get(i..)?);
            break;
        };
        out.push_str(raw.get(i..i + off)?);
        i += off + 1;
        let c = match *b.get(i)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = hex4(b, i + 1)?;
                i += 4;
                let pair = (0xD800..0xDC00).contains(&hi)
                    && b.get(i + 1..i + 3) == Some(b"\\u")
                    && hex4(b, i + 3).is_some_and(|lo| (0xDC00..0xE000).contains(&lo));
                if pair {
                    let lo = hex4(b, i + 3)?;
                    i += 6;
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                } else {
                    char::from_u32(hi).unwrap_or('\u{fffd}')
                }
            }
            _ => return None,
        };
        out.push(c);
        i += 1;
    }
    Some(out)
}

/// At `i` (the first byte of a value), the index just past the value: brackets are
/// balanced and strings skipped; the inside is checked by the caller's walk only when
/// the value is kept, so a redacted value is merely delimited.
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => Some(string_end(b, i)?.0),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match *b.get(j)? {
                    b'"' => {
                        j = string_end(b, j)?.0;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => literal_end(b, i),
    }
}

/// A literal (`true`, `false`, `null` or a number): its end. Its exact form is the
/// JSON writer's business; only its extent matters here.
fn literal_end(b: &[u8], i: usize) -> Option<usize> {
    let n = b
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'+' | b'.'))
        .count();
    (n > 0).then_some(i + n)
}

struct Out<'a> {
    src: &'a str,
    out: Option<String>,
    copied: usize,
}

impl Out<'_> {
    #[inline(never)]
    fn replace(&mut self, from: usize, to: usize, with: &str) {
        let o = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.src.len() + 16));
        o.push_str(self.src.get(self.copied..from).unwrap_or_default());
        o.push_str(with);
        self.copied = to;
    }
}

/// A string literal's inside (`raw`, `escaped` when it has escapes) with token-shaped
/// substrings replaced, as JSON; `Ok(None)` when nothing changed, `Err` when the
/// escapes are not JSON.
#[inline(never)]
fn redact_literal(raw: &str, escaped: bool) -> Result<Option<String>, ()> {
    if !escaped {
        // No escapes: the raw text is the text, and the replacement needs none either.
        return Ok(match redact_text(raw) {
            Cow::Owned(r) => Some(r),
            Cow::Borrowed(_) => None,
        });
    }
    let text = decode(raw).ok_or(())?;
    Ok(match redact_text(&text) {
        Cow::Owned(r) => {
            let mut o = String::with_capacity(r.len() + 8);
            push_escaped(&mut o, &r);
            Some(o)
        }
        Cow::Borrowed(_) => None,
    })
}

/// [`super::redact::REDACTED`] as a JSON string (a test keeps the two the same).
const REDACTED_JSON: &str = "\"[redacted]\"";

/// `json` (one JSON value, as `JSON.stringify` writes it) with secret members and
/// token-shaped substrings redacted; borrowed when nothing changed, `None` when the
/// text is not JSON. `extra`: the caller's `redactKeys`, normalised.
pub fn redact_json<'a>(json: &'a str, extra: &[Vec<u8>]) -> Option<Cow<'a, str>> {
    let b = json.as_bytes();
    let mut out = Out {
        src: json,
        out: None,
        copied: 0,
    };
    // Open containers: true for an object.
    let mut stack: Vec<bool> = Vec::new();
    let mut expect = Expect::Value;
    let mut secret = false;
    let mut i = skip_ws(b, 0);
    loop {
        let &c = b.get(i)?;
        let mut value_done = false;
        match expect {
            Expect::Value | Expect::ValueOrEnd if secret => {
                let end = value_end(b, i)?;
                out.replace(i, end, REDACTED_JSON);
                secret = false;
                i = end;
                value_done = true;
            }
            Expect::Value | Expect::ValueOrEnd => match c {
                b'{' => {
                    stack.push(true);
                    expect = Expect::KeyOrEnd;
                    i += 1;
                }
                b'[' => {
                    stack.push(false);
                    expect = Expect::ValueOrEnd;
                    i += 1;
                }
                b']' if expect == Expect::ValueOrEnd => {
                    stack.pop();
                    i += 1;
                    value_done = true;
                }
                b'"' => {
                    let (end, escaped) = string_end(b, i)?;
                    let raw = json.get(i + 1..end - 1)?;
                    if let Some(r) = redact_literal(raw, escaped).ok()? {
                        out.replace(i + 1, end - 1, &r);
                    }
                    i = end;
                    value_done = true;
                }
                _ => {
                    i = literal_end(b, i)?;
                    value_done = true;
                }
            },
            Expect::KeyOrEnd | Expect::Key => match c {
                b'}' if expect == Expect::KeyOrEnd => {
                    stack.pop();
                    i += 1;
                    value_done = true;
                }
                b'"' => {
                    let (end, escaped) = string_end(b, i)?;
                    let raw = json.get(i + 1..end - 1)?;
                    secret = if escaped {
                        is_secret_key(&decode(raw)?, extra)
                    } else {
                        is_secret_key(raw, extra)
                    };
                    expect = Expect::Colon;
                    i = end;
                }
                _ => return None,
            },
            Expect::Colon => {
                if c != b':' {
                    return None;
                }
                expect = Expect::Value;
                i += 1;
            }
            Expect::CommaOrEnd => {
                let object = *stack.last()?;
                match (c, object) {
                    (b',', true) => expect = Expect::Key,
                    (b',', false) => expect = Expect::Value,
                    (b'}', true) | (b']', false) => {
                        stack.pop();
                        value_done = true;
                    }
                    _ => return None,
                }
                i += 1;
            }
        }
        if value_done {
            if stack.is_empty() {
                i = skip_ws(b, i);
                return (i == b.len()).then(|| match out.out {
                    None => Cow::Borrowed(json),
                    Some(mut o) => {
                        o.push_str(json.get(out.copied..).unwrap_or_default());
                        Cow::Owned(o)
                    }
                });
            }
            expect = Expect::CommaOrEnd;
        }
        i = skip_ws(b, i);
    }
}

/// The string value of the top-level member `key` of the JSON object `json` (as
/// `JSON.stringify` writes it), decoded; `None` when absent, not a string, or `json` is
/// not an object.
pub fn top_level_string(json: &str, key: &str) -> Option<String> {
    let b = json.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_ws(b, i + 1);
    loop {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let (end, escaped) = string_end(b, i)?;
        let raw = json.get(i + 1..end - 1)?;
        let matches = if escaped {
            decode(raw)? == key
        } else {
            raw == key
        };
        i = skip_ws(b, end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        let value_end = value_end(b, i)?;
        if matches {
            if b.get(i) != Some(&b'"') {
                return None;
            }
            let raw = json.get(i + 1..value_end - 1)?;
            let (_, escaped) = string_end(b, i)?;
            return if escaped {
                decode(raw)
            } else {
                Some(raw.to_owned())
            };
        }
        i = skip_ws(b, value_end);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            _ => return None,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::analytics::redact::{normalize_key, REDACTED};
    use proptest::prelude::*;
    use serde_json::{json, Map, Value};

    #[test]
    fn top_level_strings_are_read_by_key() {
        let j = r#"{"a":{"threadId":"inner"},"n":1,"t\u0068readId":"t\n1","phase":"end"}"#;
        assert_eq!(top_level_string(j, "threadId").as_deref(), Some("t\n1"));
        assert_eq!(top_level_string(j, "phase").as_deref(), Some("end"));
        assert_eq!(top_level_string(j, "n"), None, "not a string");
        assert_eq!(top_level_string(j, "missing"), None);
        assert_eq!(top_level_string("[1]", "a"), None);
        assert_eq!(top_level_string("{}", "a"), None);
        assert_eq!(top_level_string(r#"{"a":"x""#, "b"), None);
    }

    fn r(s: &str) -> Option<String> {
        redact_json(s, &[normalize_key("x-Internal")]).map(Cow::into_owned)
    }

    #[test]
    fn secret_members_at_any_depth_become_redacted() {
        let input = json!({
            "a": 1,
            "accessToken": {"deep": [1, 2, {"x": "y"}]},
            "list": [{"password": 12}, {"session_id": null}, "ok"],
            "x_internal": true,
            "nested": {"Authorization": "Bearer abc"},
        })
        .to_string();
        let got: Value = serde_json::from_str(&r(&input).unwrap()).unwrap();
        assert_eq!(
            got,
            json!({
                "a": 1,
                "accessToken": "[redacted]",
                "list": [{"password": "[redacted]"}, {"session_id": "[redacted]"}, "ok"],
                "x_internal": "[redacted]",
                "nested": {"Authorization": "[redacted]"},
            })
        );
    }

    #[test]
    fn token_shaped_strings_are_redacted_after_decoding() {
        assert_eq!(
            r(r#"{"m":"use sk-abcdefghijkl now","n":["a\nsk-abcdefghijkl"],"k":"Bearer\txyz"}"#)
                .unwrap(),
            r#"{"m":"use [redacted] now","n":["a\n[redacted]"],"k":"Bearer\t[redacted]"}"#
        );
        // A top-level string, and an escaped key that is secret once decoded.
        assert_eq!(r(r#""ek_0123456789""#).unwrap(), r#""[redacted]""#);
        assert_eq!(
            r(r#"{"t\u006fken":5}"#).unwrap(),
            r#"{"t\u006fken":"[redacted]"}"#
        );
    }

    #[test]
    fn the_redacted_marker_is_the_one_of_redact() {
        assert_eq!(REDACTED_JSON, serde_json::to_string(REDACTED).unwrap());
    }

    #[test]
    fn nothing_to_redact_borrows() {
        let s = r#"{"a":[1,-2.5e3,true,false,null,"x\"y"],"b":{}}"#;
        assert!(matches!(redact_json(s, &[]), Some(Cow::Borrowed(_))));
        assert!(matches!(redact_json(" [ ] ", &[]), Some(Cow::Borrowed(_))));
    }

    #[test]
    fn not_json_is_refused() {
        for bad in [
            "",
            "{",
            "[1,",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "[1]]",
            "\"abc",
            "{1:2}",
            "[1 2]",
            "{\"a\":1]",
            "\"\\x\"",
            "\"\\u12\"",
            "{\"token\":}",
            "{\"token\":[1}",
        ] {
            assert_eq!(r(bad), None, "{bad:?}");
        }
    }

    fn reference(v: &Value, extra: &[Vec<u8>]) -> Value {
        match v {
            Value::String(s) => Value::String(redact_text(s).into_owned()),
            Value::Array(a) => Value::Array(a.iter().map(|x| reference(x, extra)).collect()),
            Value::Object(o) => Value::Object(
                o.iter()
                    .map(|(k, x)| {
                        let x = if is_secret_key(k, extra) {
                            Value::String(REDACTED.to_owned())
                        } else {
                            reference(x, extra)
                        };
                        (k.clone(), x)
                    })
                    .collect::<Map<_, _>>(),
            ),
            other => other.clone(),
        }
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z \n\t\"\\\\]{0,12}",
            Just("sk-abcdefghijk".to_owned()),
            Just("x\nBearer tok.en".to_owned()),
            Just("eyJa.b.c and more".to_owned()),
            Just("\u{1}ek_0123456789abcdef\u{e9}".to_owned()),
        ]
    }

    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z_]{0,8}",
            Just("api_key".to_owned()),
            Just("Set-Cookie".to_owned()),
            Just("mine".to_owned()),
        ]
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i32>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            text().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((key(), inner), 0..6)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// The walk over the text agrees with redacting the parsed value, and writes JSON.
        #[test]
        fn agrees_with_redacting_the_value(v in value(), pretty in any::<bool>()) {
            let extra = [normalize_key("MINE")];
            let text = if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                serde_json::to_string(&v).unwrap()
            };
            let out = redact_json(&text, &extra).unwrap();
            let back: Value = serde_json::from_str(&out).unwrap();
            // Compared with the text parsed the same way (float parsing is not exact).
            let parsed: Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(back, reference(&parsed, &extra));
        }

        /// Any text: an answer or `None`, never a panic; an answer is JSON when the input was.
        #[test]
        fn any_text_is_safe(s in "[\\[\\]{}:,\"\\\\a-z0-9 .\\-u]{0,40}") {
            if let Some(out) = redact_json(&s, &[]) {
                if serde_json::from_str::<Value>(&s).is_ok() {
                    prop_assert!(serde_json::from_str::<Value>(&out).is_ok());
                }
            }
        }
    }
}

//! Analytics: an event's wire form (`core::analytics::encode`) and redaction
//! (`core::analytics::redact`), with serde_json as the JSON oracle.
//!
//! The input is text, one field a line: id, type, sessionId, threadId (empty: none), at,
//! durationMs (empty: none), redactKeys (comma-separated), then `data` as JSON (text that
//! is not JSON is taken as one string; nothing: no data). `data` is redacted as the
//! binding does it (`JSON.stringify` with a replacer made of `is_secret_key` and
//! `redact_text`), then encoded with the envelope.
//!
//! Secrets are planted by the harness, and every planted secret contains a `Q`, a letter
//! removed from everything else the input says (it becomes `q`). In any string value
//! (and any field), `%s`, `%e`, `%j` and `%b` become an `sk-` key, an `ek_` client
//! secret, a JWT and a `Bearer` value; an object key containing `%k` becomes a
//! secret-looking key (or one of the redactKeys) whose value also holds a plain `Q`
//! secret next to the original. Object keys are not planted into: redaction rewrites
//! values (a `JSON.stringify` replacer cannot rename a key), a listed limit.
//! Then:
//!
//! - the encoded event parses as JSON (serde_json), with each field the redacted input
//!   and `data` the redacted tree;
//! - no `Q` is left: every planted secret is gone, at any depth;
//! - redaction is idempotent: redacting the redacted text or tree changes nothing, and
//!   encoding redacted fields gives the same event.

use super::{after_lines, line};
use chatkit_glue::core::analytics::encode::Envelope;
use chatkit_glue::core::analytics::redact::{is_secret_key, normalize_key, redact_text, REDACTED};
use serde_json::{Map, Value};

/// Secret-looking keys the harness plants (cycled), beyond the caller's redactKeys.
const SECRET_KEYS: [&str; 10] = [
    "apiKey",
    "client_secret",
    "X-Auth-Token",
    "PASSWORD",
    "sessionId",
    "set-cookie",
    "Authorization",
    "refresh_token",
    "db_passwd",
    "OPENAI-API-KEY",
];

struct Planter {
    n: usize,
    keys: Vec<String>,
}

impl Planter {
    /// A token body: `Q` first, then base64url characters, 8 to 40 of them in all.
    fn body(&mut self) -> String {
        self.n += 1;
        let alphabet = b"ABCDEFGHIJKLMNOPRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let len = 8 + (self.n * 7) % 33;
        let mut s = String::from("Q");
        for i in 1..len {
            s.push(alphabet[(self.n * 31 + i * 17) % alphabet.len()] as char);
        }
        s
    }

    /// `s` with `Q` made `q` and each marker replaced by a planted secret (preceded by a
    /// space where the text before would join it to a word).
    fn text(&mut self, s: &str) -> String {
        let s = s.replace('Q', "q");
        let mut out = String::with_capacity(s.len() + 16);
        let mut rest = s.as_str();
        while let Some(at) = rest.find('%') {
            let (before, tail) = rest.split_at(at);
            out.push_str(before);
            let kind = tail.as_bytes().get(1).copied();
            let secret = match kind {
                Some(b's') => format!("sk-{}", self.body()),
                Some(b'e') => format!("ek_{}", self.body()),
                Some(b'j') => format!("eyJ{}.{}.{}", self.body(), self.body(), self.body()),
                Some(b'b') => format!("Bearer {}", self.body()),
                _ => {
                    out.push('%');
                    rest = &tail[1..];
                    continue;
                }
            };
            if out
                .as_bytes()
                .last()
                .is_some_and(|b| b.is_ascii_alphanumeric())
            {
                out.push(' ');
            }
            out.push_str(&secret);
            rest = &tail[2..];
        }
        out.push_str(rest);
        out
    }

    fn key(&mut self, k: &str) -> String {
        if !k.contains("%k") {
            // Not planted: keys are names, and the binding's replacer (like any
            // `JSON.stringify` replacer) rewrites values, never keys (a listed limit).
            return k.replace('Q', "q");
        }
        self.n += 1;
        let i = self.n % (SECRET_KEYS.len() + self.keys.len());
        match SECRET_KEYS.get(i) {
            Some(k) => (*k).to_owned(),
            None => self.keys[i - SECRET_KEYS.len()].clone(),
        }
    }

    fn value(&mut self, v: Value) -> Value {
        match v {
            Value::String(s) => Value::String(self.text(&s)),
            Value::Array(items) => Value::Array(items.into_iter().map(|v| self.value(v)).collect()),
            Value::Object(props) => {
                let mut out = Map::new();
                for (k, v) in props {
                    let secret = k.contains("%k");
                    let key = self.key(&k);
                    let mut v = self.value(v);
                    if secret {
                        let plain = format!("plain {}", self.body());
                        v = Value::Array(vec![Value::String(plain), v]);
                    }
                    out.insert(key, v);
                }
                Value::Object(out)
            }
            other => other,
        }
    }
}

/// The binding's replacer, applied as `JSON.stringify` applies it (the root's key is
/// the empty string, an array element's its index).
fn redact_tree(key: &str, v: &Value, extra: &[Vec<u8>]) -> Value {
    if is_secret_key(key, extra) {
        return Value::String(REDACTED.to_owned());
    }
    match v {
        Value::String(s) => Value::String(redact_text(s).into_owned()),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| redact_tree(&i.to_string(), v, extra))
                .collect(),
        ),
        Value::Object(props) => Value::Object(
            props
                .iter()
                .map(|(k, v)| (k.clone(), redact_tree(k, v, extra)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok()
}

pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let keys: Vec<String> = line(text, 6)
        .split(',')
        .filter(|k| !k.is_empty())
        .map(|k| k.replace('Q', "q"))
        .collect();
    let extra: Vec<Vec<u8>> = keys.iter().map(|k| normalize_key(k)).collect();
    let mut p = Planter { n: 0, keys };
    let id = p.text(line(text, 0));
    let kind = p.text(line(text, 1));
    let session = p.text(line(text, 2));
    let thread = Some(line(text, 3))
        .filter(|t| !t.is_empty())
        .map(|t| p.text(t));
    let at = number(line(text, 4)).unwrap_or(0.0);
    let duration = number(line(text, 5));
    let raw = after_lines(text, 7);
    let data = (!raw.is_empty()).then(|| {
        let v =
            serde_json::from_str::<Value>(raw).unwrap_or_else(|_| Value::String(raw.to_owned()));
        p.value(v)
    });

    for s in [&id, &kind, &session] {
        text_is_redacted(s);
    }
    let redacted = data.as_ref().map(|d| redact_tree("", d, &extra));
    if let Some(r) = &redacted {
        assert_eq!(
            &redact_tree("", r, &extra),
            r,
            "redacting data twice changes it"
        );
    }
    let data_json = redacted
        .as_ref()
        .map(|r| serde_json::to_string(r).expect("serialises"));
    let event = Envelope {
        id: &id,
        kind: &kind,
        at,
        session: &session,
        thread: thread.as_deref(),
        duration,
        data: data_json.as_deref(),
    };
    let wire = event.to_json();
    assert!(!wire.contains('Q'), "a planted secret left in {wire}");

    let parsed: Value = serde_json::from_str(&wire)
        .unwrap_or_else(|e| panic!("the wire form is not JSON ({e}): {wire}"));
    let o = parsed.as_object().expect("an object");
    let field = |k: &str| o.get(k).unwrap_or_else(|| panic!("no {k} in {wire}"));
    assert_eq!(field("id"), &Value::String(redact_text(&id).into_owned()));
    assert_eq!(
        field("type"),
        &Value::String(redact_text(&kind).into_owned())
    );
    assert_eq!(
        field("sessionId"),
        &Value::String(redact_text(&session).into_owned())
    );
    match &thread {
        Some(t) => assert_eq!(
            field("threadId"),
            &Value::String(redact_text(t).into_owned())
        ),
        None => assert_eq!(field("threadId"), &Value::Null),
    }
    let at_out = field("at").as_u64().expect("at is a whole number");
    if at.is_finite() && at > 0.0 && at < 9e15 {
        assert_eq!(at_out as f64, at.round(), "at");
    }
    match duration {
        Some(d) => {
            let got = field("durationMs")
                .as_f64()
                .expect("durationMs is a number");
            assert!(got >= 0.0);
            if (0.0..1e14).contains(&d) {
                assert!(
                    (got - d).abs() <= 0.05 + d * 1e-15,
                    "durationMs {got} for {d}"
                );
            }
        }
        None => assert!(o.get("durationMs").is_none()),
    }
    match &redacted {
        Some(r) => assert_eq!(field("data"), r),
        None => assert!(o.get("data").is_none()),
    }

    // Encoding fields that are already redacted gives the same event.
    let (id2, kind2, session2) = (redact_text(&id), redact_text(&kind), redact_text(&session));
    let thread2 = thread.as_deref().map(redact_text);
    let again = Envelope {
        id: &id2,
        kind: &kind2,
        session: &session2,
        thread: thread2.as_deref(),
        ..event
    };
    assert_eq!(again.to_json(), wire, "encoding is not idempotent");

    // And redaction on the whole raw text, planted or not.
    text_is_redacted(text);
    text_is_redacted(&p.text(text));
}

fn text_is_redacted(s: &str) {
    let once = redact_text(s);
    assert_eq!(redact_text(&once), once, "redacting {s:?} twice changes it");
}

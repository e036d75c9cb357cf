//! The wire form of one event, written by hand (no serde_json in the module):
//! `{"id","type","at","sessionId","threadId","durationMs"?,"data"?}`. Every string is
//! passed through [`redact_text`]; `data` arrives already encoded (and redacted) by the
//! binding.

use super::redact::redact_text;
use crate::core::float::round;
use alloc::string::String;

/// One event's fields.
#[derive(Debug, Clone, Copy)]
pub struct Envelope<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    /// Epoch milliseconds.
    pub at: f64,
    pub session: &'a str,
    pub thread: Option<&'a str>,
    pub duration: Option<f64>,
    /// `data`, already JSON.
    pub data: Option<&'a str>,
}

pub use crate::core::text::push_u64;

/// A non-negative number rounded to 0.1 (durations); anything else is written as 0.
pub fn push_tenths(out: &mut String, v: f64) {
    let t = if v.is_finite() && v > 0.0 {
        round(v * 10.0) as u64
    } else {
        0
    };
    push_u64(out, t / 10);
    if t % 10 != 0 {
        out.push('.');
        push_u64(out, t % 10);
    }
}

/// A JSON string literal of `s`, after redaction.
pub fn push_str(out: &mut String, s: &str) {
    out.push('"');
    push_escaped(out, &redact_text(s));
    out.push('"');
}

/// The inside of a JSON string literal of `s` (no quotes, no redaction).
pub fn push_escaped(out: &mut String, s: &str) {
    if !s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                let hex = b"0123456789abcdef";
                out.push(hex[(c as usize) >> 4] as char);
                out.push(hex[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
}

impl Envelope<'_> {
    pub fn to_json(&self) -> String {
        self.to_json_with(None, None)
    }

    /// As [`Self::to_json`], with the `id` and `sessionId` literals given already
    /// written (quoted, escaped and redacted) when the caller has them.
    pub fn to_json_with(&self, id_json: Option<&str>, session_json: Option<&str>) -> String {
        let mut o = String::with_capacity(160 + self.data.map_or(0, str::len));
        o.push_str("{\"id\":");
        match id_json {
            Some(id) => o.push_str(id),
            None => push_str(&mut o, self.id),
        }
        o.push_str(",\"type\":");
        push_str(&mut o, self.kind);
        o.push_str(",\"at\":");
        push_u64(
            &mut o,
            if self.at > 0.0 {
                round(self.at) as u64
            } else {
                0
            },
        );
        o.push_str(",\"sessionId\":");
        match session_json {
            Some(session) => o.push_str(session),
            None => push_str(&mut o, self.session),
        }
        o.push_str(",\"threadId\":");
        match self.thread {
            Some(t) => push_str(&mut o, t),
            None => o.push_str("null"),
        }
        if let Some(d) = self.duration {
            o.push_str(",\"durationMs\":");
            push_tenths(&mut o, d);
        }
        if let Some(data) = self.data {
            o.push_str(",\"data\":");
            o.push_str(data);
        }
        o.push('}');
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let mut s = String::new();
        push_u64(&mut s, 0);
        s.push(' ');
        push_u64(&mut s, u64::MAX);
        s.push(' ');
        push_tenths(&mut s, 1234.56);
        s.push(' ');
        push_tenths(&mut s, 7.0);
        s.push(' ');
        push_tenths(&mut s, f64::NAN);
        s.push(' ');
        push_tenths(&mut s, -3.0);
        assert_eq!(s, "0 18446744073709551615 1234.6 7 0 0");
    }

    #[test]
    fn an_envelope_is_json_with_redacted_strings() {
        let e = Envelope {
            id: "s.1",
            kind: "track \"q\"\n\u{1}",
            at: 1_700_000_000_000.4,
            session: "s",
            thread: Some("cthr_1"),
            duration: Some(12.25),
            data: Some("{\"a\":1}"),
        };
        assert_eq!(
            e.to_json(),
            "{\"id\":\"s.1\",\"type\":\"track \\\"q\\\"\\n\\u0001\",\"at\":1700000000000,\"sessionId\":\"s\",\"threadId\":\"cthr_1\",\"durationMs\":12.3,\"data\":{\"a\":1}}"
        );
        let e = Envelope {
            thread: None,
            duration: None,
            data: None,
            kind: "sk-0123456789abc",
            ..e
        };
        assert_eq!(
            e.to_json(),
            "{\"id\":\"s.1\",\"type\":\"[redacted]\",\"at\":1700000000000,\"sessionId\":\"s\",\"threadId\":null}"
        );
    }
}

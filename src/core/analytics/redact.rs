//! Redaction, always on: secret-looking keys and token-shaped substrings never leave
//! the page in an event or an error message.
//!
//! - A key is secret when, lower-cased with `-` and `_` removed, it contains one of
//!   [`SECRET_KEY_PARTS`], or equals (normalised the same way) one of the caller's
//!   `redactKeys`. Its value, whatever it is, becomes [`REDACTED`].
//! - Inside any string, these substrings are replaced with [`REDACTED`]:
//!   JWT-like tokens (`eyJ…` base64url segments joined by dots, at least three),
//!   `Bearer <token>` (the word is kept), `sk-…` API keys and `ek_…` ChatKit client
//!   secrets (at least [`MIN_KEY_BODY`] token characters after the prefix).
//!
//! Hand-written scanners over bytes: every pattern is ASCII, so a match never splits a
//! UTF-8 character, and the scan is linear.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

pub const REDACTED: &str = "[redacted]";

pub const SECRET_KEY_PARTS: [&str; 8] = [
    "secret",
    "token",
    "authorization",
    "password",
    "passwd",
    "apikey",
    "cookie",
    "session",
];

/// Token characters needed after `sk-` / `ek_` for the substring to count as a key.
pub const MIN_KEY_BODY: usize = 8;
/// An OpenAI API key starts with this; a ChatKit client secret with [`CLIENT_SECRET_PREFIX`].
pub const API_KEY_PREFIX: &str = "sk-";
pub const CLIENT_SECRET_PREFIX: &str = "ek_";
/// A JWT starts with this (base64url of `{"`), and has at least [`JWT_DOTS`] dots.
pub const JWT_PREFIX: &str = "eyJ";
pub const JWT_DOTS: usize = 2;
/// The authorization scheme whose value is replaced (any case, then spaces or tabs).
pub const BEARER: &str = "bearer";
/// Characters of a key or token (base64url), and of a bearer token (RFC 6750
/// `b64token` plus `.`), beyond ASCII letters and digits. Diagnostics' credential
/// check (`pkg-template/src/diagnostics/secret.js`) is generated from these constants
/// by `tests/generated.rs`, which also checks it finds what [`redact_text`] replaces.
pub const TOKEN_EXTRA: &str = "-_";
pub const BEARER_EXTRA: &str = "-_.~+/=";

/// A key lower-cased with `-` and `_` removed. Only ASCII letters are folded (every
/// secret word is ASCII, and Unicode case tables would cost the module kilobytes).
pub fn normalize_key(key: &str) -> Vec<u8> {
    key.bytes()
        .filter(|b| *b != b'-' && *b != b'_')
        .map(|b| b.to_ascii_lowercase())
        .collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Whether the value under `key` must be redacted. `extra` holds the caller's
/// `redactKeys`, already normalised with [`normalize_key`].
pub fn is_secret_key(key: &str, extra: &[Vec<u8>]) -> bool {
    // Fast path: keys are short; only build the normalised form when the key could match.
    if key.len() < 5 && extra.is_empty() {
        return false;
    }
    let k = normalize_key(key);
    SECRET_KEY_PARTS.iter().any(|p| contains(&k, p.as_bytes())) || extra.contains(&k)
}

/// base64url characters: what tokens and keys are made of.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// Characters of a bearer token (RFC 6750 `b64token`, plus `.` seen in JWTs).
fn is_bearer_byte(b: u8) -> bool {
    is_token_byte(b) || matches!(b, b'.' | b'~' | b'+' | b'/' | b'=')
}

fn run_len(bytes: &[u8], from: usize, pred: fn(u8) -> bool) -> usize {
    bytes[from..].iter().take_while(|b| pred(**b)).count()
}

/// At `i`, a JWT-like token: `eyJ` + base64url, then at least two more `.segment`s.
/// Returns its length.
fn jwt_at(b: &[u8], i: usize) -> Option<usize> {
    if !b[i..].starts_with(JWT_PREFIX.as_bytes()) {
        return None;
    }
    let mut end = i + run_len(b, i, is_token_byte);
    let mut dots = 0;
    while end < b.len() && b[end] == b'.' {
        dots += 1;
        end += 1;
        end += run_len(b, end, is_token_byte);
    }
    (dots >= JWT_DOTS).then_some(end - i)
}

/// At `i`, `sk-` or `ek_` followed by enough token characters. Returns its length.
fn key_at(b: &[u8], i: usize) -> Option<usize> {
    let rest = &b[i..];
    if !(rest.starts_with(API_KEY_PREFIX.as_bytes())
        || rest.starts_with(CLIENT_SECRET_PREFIX.as_bytes()))
    {
        return None;
    }
    let body = run_len(b, i + 3, is_token_byte);
    if body < MIN_KEY_BODY {
        return None;
    }
    // A key glued to more dot-joined segments (a JWT right after `ek_`) is taken whole,
    // so no segment of it survives.
    let mut end = i + 3 + body;
    while b.get(end) == Some(&b'.') {
        let segment = run_len(b, end + 1, is_token_byte);
        if segment == 0 {
            break;
        }
        end += 1 + segment;
    }
    Some(end - i)
}

/// At `i`, `Bearer` (any case) + whitespace + a token. Returns (prefix length kept,
/// token length). A doubled prefix (`Bearer Bearer <token>`, a common mistake) is kept
/// whole, so the token after it is the one replaced.
fn bearer_at(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let mut keep = bearer_word_at(b, i)?;
    while let Some(n) = bearer_word_at(b, i + keep) {
        keep += n;
    }
    let token = run_len(b, i + keep, is_bearer_byte);
    (token > 0).then_some((keep, token))
}

/// The end of a match `from..to`, extended when the match ends in a `Bearer` word that
/// starts a pattern of its own (`ek_…_Bearer <token>`, `Bearer x_Bearer <token>`): the
/// token after it is taken too, since the scan resumes after the match and would step
/// over it.
fn through_bearer(b: &[u8], from: usize, mut to: usize) -> usize {
    while to >= from + 6 {
        let at = to - 6;
        let boundary = at == 0 || b.get(at - 1).is_some_and(|c| !c.is_ascii_alphanumeric());
        let Some(n) = bearer_word_at(b, at).filter(|_| boundary) else {
            break;
        };
        let next = run_len(b, at + n, is_bearer_byte);
        if next == 0 {
            break;
        }
        to = at + n + next;
    }
    to
}

/// At `i`, `Bearer` (any case) followed by spaces or tabs: their length.
fn bearer_word_at(b: &[u8], i: usize) -> Option<usize> {
    let word = b.get(i..i + 6)?;
    if !word.eq_ignore_ascii_case(BEARER.as_bytes()) {
        return None;
    }
    let spaces = b
        .get(i + 6..)?
        .iter()
        .take_while(|c| **c == b' ' || **c == b'\t')
        .count();
    (spaces > 0).then_some(6 + spaces)
}

/// Replaces every token-shaped substring of `s`; borrows when there is none.
pub fn redact_text(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `s` already handled
    let mut i = 0;
    while i < b.len() {
        // Patterns start at a word boundary: not inside a longer alphanumeric run.
        // Every pattern starts with `e` (`eyJ`, `ek_`), `s` (`sk-`) or `b` (`Bearer`).
        let boundary = matches!(b[i], b'e' | b's' | b'b' | b'B')
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
        let found = if !boundary {
            None
        } else if let Some(n) = jwt_at(b, i).or_else(|| key_at(b, i)) {
            Some((i, i + n))
        } else {
            bearer_at(b, i).map(|(keep, n)| (i + keep, i + keep + n))
        };
        match found {
            Some((from, to)) => {
                let to = through_bearer(b, from, to);
                let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
                // `from` and `to` sit next to ASCII bytes, so they are char boundaries
                // (`get` rather than indexing keeps panic formatting out of the module).
                o.push_str(s.get(copied..from).unwrap_or_default());
                o.push_str(REDACTED);
                copied = to;
                i = to;
            }
            None => i += 1,
        }
    }
    match out {
        None => Cow::Borrowed(s),
        Some(mut o) => {
            o.push_str(s.get(copied..).unwrap_or_default());
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJlX2hlcmU";

    #[test]
    fn the_exported_character_sets_are_the_scanners() {
        for b in 0..=255u8 {
            let alnum = b.is_ascii_alphanumeric();
            assert_eq!(
                is_token_byte(b),
                alnum || TOKEN_EXTRA.as_bytes().contains(&b)
            );
            assert_eq!(
                is_bearer_byte(b),
                alnum || BEARER_EXTRA.as_bytes().contains(&b)
            );
        }
        assert_eq!(API_KEY_PREFIX.len(), 3);
        assert_eq!(CLIENT_SECRET_PREFIX.len(), 3);
    }

    #[test]
    fn keys_by_the_rule() {
        for k in [
            "secret",
            "client_secret",
            "clientSecret",
            "X-API-Key",
            "api_key",
            "apiKey",
            "Authorization",
            "access-token",
            "refreshToken",
            "PASSWORD",
            "passwd",
            "Set-Cookie",
            "sessionId",
            "session_id",
        ] {
            assert!(is_secret_key(k, &[]), "{k}");
        }
        for k in [
            "name", "data", "threadId", "status", "origin", "api", "key", "tok",
        ] {
            assert!(!is_secret_key(k, &[]), "{k}");
        }
        let extra = vec![normalize_key("user-Email")];
        assert!(is_secret_key("userEmail", &extra));
        assert!(is_secret_key("USER_EMAIL", &extra));
        assert!(!is_secret_key("email", &extra));
        assert!(is_secret_key("id", &[normalize_key("ID")]));
    }

    #[test]
    fn token_shapes_are_replaced_in_strings() {
        let cases = [
            (format!("jwt {JWT} end"), "jwt [redacted] end".to_owned()),
            (
                "Authorization: Bearer abc.DEF-123_x=".to_owned(),
                "Authorization: Bearer [redacted]".to_owned(),
            ),
            ("bearer\tq1w2e3".to_owned(), "bearer\t[redacted]".to_owned()),
            (
                "key=sk-proj-AbCdEf0123456789 ok".to_owned(),
                "key=[redacted] ok".to_owned(),
            ),
            (
                "\"ek_68e0a1b2c3d4e5f6\"".to_owned(),
                "\"[redacted]\"".to_owned(),
            ),
            (
                "two: sk-aaaaaaaaaa and ek_bbbbbbbbbb.".to_owned(),
                "two: [redacted] and [redacted].".to_owned(),
            ),
            ("héllo sk-ééé ok".to_owned(), "héllo sk-ééé ok".to_owned()),
            // Found by the analytics_encode fuzz target: a JWT glued to a key prefix,
            // a Bearer prefix at the end of a key or a bearer token, and a doubled
            // Bearer prefix.
            (
                "ek_abcdefgh_Bearer q1w2e3 ok".to_owned(),
                "[redacted] ok".to_owned(),
            ),
            (format!("x ek_{JWT} y"), "x [redacted] y".to_owned()),
            (
                "Bearer x_Bearer abc123 Bearer\tdef456 z".to_owned(),
                "Bearer [redacted] Bearer\t[redacted] z".to_owned(),
            ),
            (
                "Bearer Bearer abc.DEF-123 x".to_owned(),
                "Bearer Bearer [redacted] x".to_owned(),
            ),
            (
                "bearer\tBEARER  bearer q1w2e3".to_owned(),
                "bearer\tBEARER  bearer [redacted]".to_owned(),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(redact_text(&input), want, "{input}");
        }
    }

    #[test]
    fn lookalikes_are_kept() {
        for s in [
            "",
            "scikit sk-learn",
            "task-12345678",
            "desk-12345678",
            "week_12345678",
            "eyJonly.one",
            "Bearer",
            "Bearer ",
            "bearers arrive",
            "hello world",
        ] {
            assert!(matches!(redact_text(s), Cow::Borrowed(_)), "{s}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        fn secret() -> impl Strategy<Value = String> {
            let body = "[A-Za-z0-9_-]{8,40}";
            prop_oneof![
                body.prop_map(|b| format!("sk-{b}")),
                body.prop_map(|b| format!("ek_{b}")),
                (body, "[A-Za-z0-9_-]{1,30}", "[A-Za-z0-9_-]{0,30}")
                    .prop_map(|(a, b, c)| format!("eyJ{a}.{b}.{c}")),
                "[A-Za-z0-9._~+/=-]{12,40}".prop_map(|t| format!("Bearer {t}")),
            ]
        }

        fn junk() -> impl Strategy<Value = String> {
            // Arbitrary text that ends on something other than a letter or digit, so the
            // secret after it starts at a word boundary.
            (
                any::<String>(),
                prop::sample::select(vec![" ", "=", ":", "\"", ",", "\n", "(", "é"]),
            )
                .prop_map(|(s, sep)| format!("{s}{sep}"))
        }

        proptest! {
            #[test]
            fn no_secret_survives(prefix in junk(), secret in secret(), suffix in junk()) {
                let suffix = format!(" {suffix}");
                let s = format!("{prefix}{secret}{suffix}");
                let out = redact_text(&s);
                // The distinctive part of the secret is gone.
                let body = secret.strip_prefix("Bearer ").unwrap_or(&secret);
                prop_assert!(!out.contains(body), "{:?} -> {:?}", s, out);
            }

            #[test]
            fn redaction_is_idempotent_and_total(s in any::<String>()) {
                let once = redact_text(&s).into_owned();
                let twice = redact_text(&once).into_owned();
                prop_assert_eq!(once, twice);
            }

            #[test]
            fn keys_are_case_and_separator_blind(part in prop::sample::select(SECRET_KEY_PARTS.to_vec()),
                                                 pre in "[a-z]{0,5}", post in "[A-Za-z]{0,5}") {
                let mixed: String = part.chars().enumerate()
                    .map(|(i, c)| if i % 2 == 0 { c.to_ascii_uppercase() } else { c })
                    .collect();
                let key = format!("{pre}-{mixed}_{post}");
                prop_assert!(is_secret_key(&key, &[]));
            }
        }
    }
}

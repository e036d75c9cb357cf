//! Recognising strings that look like credentials, so that diagnostics can flag them and
//! never repeat them.

use super::text::find;

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// Whether `s` holds something shaped like `prefix` + at least `min` token characters
/// (letters, digits, `-`, `_`), with `prefix` not glued to a preceding token character.
fn has_token(s: &str, prefix: &[u8], min: usize) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i + prefix.len() <= b.len() {
        if b[i..].starts_with(prefix) && (i == 0 || !is_token_byte(b[i - 1])) {
            let rest = &b[i + prefix.len()..];
            if rest.iter().take_while(|&&c| is_token_byte(c)).count() >= min {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Whether `s` contains what looks like an OpenAI API key: `sk-` followed by at least 20
/// key characters (`sk-proj-…`, `sk-svcacct-…`, `sk-admin-…` and legacy keys all are).
pub fn looks_like_api_key(s: &str) -> bool {
    has_token(s, b"sk-", 20)
}

/// Whether `s` contains anything credential-like: an API key, a ChatKit client secret
/// (`ek_…`), a `Bearer` value or a JWT.
pub fn looks_secret(s: &str) -> bool {
    looks_like_api_key(s)
        || has_token(s, b"ek_", 16)
        || has_token(s, b"Bearer ", 8)
        || has_token(s, b"bearer ", 8)
        || looks_like_jwt(s)
}

/// `eyJ…` (base64url of `{"`) with two dots, as every JWT's header starts.
fn looks_like_jwt(s: &str) -> bool {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = find(b, b"eyJ", from) {
        let token = b[i..]
            .iter()
            .take_while(|&&c| is_token_byte(c) || c == b'.');
        let (len, dots) = token.fold((0, 0), |(n, d), &c| (n + 1, d + usize::from(c == b'.')));
        if len >= 16 && dots >= 2 {
            return true;
        }
        from = i + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_keys_are_recognised() {
        assert!(looks_like_api_key("sk-proj-abcdefghijklmnopqrstuvwxyz0123"));
        assert!(looks_like_api_key("key: sk-abcdefghijklmnopqrstuvwxyz"));
        assert!(looks_like_api_key(
            "Bearer sk-svcacct-AAAAAAAAAAAAAAAAAAAAAAAA"
        ));
        assert!(!looks_like_api_key("sk-short"));
        assert!(!looks_like_api_key("task-abcdefghijklmnopqrstuvwxyz"));
        assert!(!looks_like_api_key(
            "risk-assessment-for-the-quarterly-report"
        ));
        assert!(!looks_like_api_key(""));
    }

    #[test]
    fn other_credentials_are_recognised() {
        assert!(looks_secret("ek_68f0_abcdefghijklmnopqrstuvwxyz"));
        assert!(looks_secret("Authorization: Bearer abcdefgh12345678"));
        assert!(looks_secret(
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
        ));
        assert!(!looks_secret("Check the server's logs."));
        assert!(!looks_secret("eyJ alone"));
        assert!(!looks_secret("a.b.c"));
    }
}

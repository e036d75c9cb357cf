//! Files of the JS facade generated from the Rust core, compared here so that a change
//! on either side is a visible diff: `UPDATE_SNAPSHOTS=1 cargo test --test generated`
//! rewrites them.
#![cfg(not(target_arch = "wasm32"))]

use chatkit_glue::core::analytics::queue::QueueConfig;
use chatkit_glue::core::analytics::TIMED;
use chatkit_glue::core::ErrorCode;
use std::path::Path;

/// Compares the generated file at `path` (from the repository root) with `want`, what
/// the Rust side says it must hold; `UPDATE_SNAPSHOTS=1` writes it instead.
fn check_generated(path: &str, want: String, source: &str) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, &want).unwrap();
    }
    let have = std::fs::read_to_string(&file).unwrap_or_default();
    assert_eq!(
        have, want,
        "{path} differs from {source}: run UPDATE_SNAPSHOTS=1 cargo test --test generated"
    );
}

/// `pkg-template/src/codes.js`: every error code and its default `retryable`, so the
/// facade raises errors (load failures, traps, deadlines) without a module.
fn codes_js() -> String {
    let mut out = String::from(
        "// Generated from the Rust error taxonomy (src/core/error.rs) by tests/generated.rs:\n\
         // `UPDATE_SNAPSHOTS=1 cargo test --test generated` rewrites it. Do not edit.\n\
         /** Every `ChatKitGlueError` code, in the order of the public error table, with its default `retryable`. */\n\
         export const RETRYABLE = {\n",
    );
    for code in ErrorCode::ALL {
        out.push_str(&format!(
            "  {}: {},\n",
            code.as_str(),
            code.default_retryable()
        ));
    }
    out.push_str("};\n");
    out
}

#[test]
fn codes_js_matches_the_error_taxonomy() {
    check_generated("pkg-template/src/codes.js", codes_js(), "src/core/error.rs");
}

/// `pkg-template/src/analytics-limits.js`: the queue's default bound, which also bounds
/// the events `ChatKitAnalytics` holds before its module has loaded (the core, which owns
/// every option, is not there yet to say), and the event types whose monotonic time the
/// core reads (the facade reads the clock for these alone).
fn analytics_limits_js() -> String {
    let timed: Vec<String> = TIMED.iter().map(|t| format!("\"{t}\"")).collect();
    format!(
        "// Generated from the Rust core (src/core/analytics/queue.rs, src/core/analytics/mod.rs) by tests/generated.rs:\n\
         // `UPDATE_SNAPSHOTS=1 cargo test --test generated` rewrites it. Do not edit.\n\
         /** `maxQueue` when not given: it also bounds the events held before the analytics module loads. */\n\
         export const DEFAULT_MAX_QUEUE = {};\n\
         /** The event types whose monotonic time the core reads (pairing, durations, time to ready). */\n\
         export const TIMED = /* @__PURE__ */ new Set([{}]);\n",
        QueueConfig::default().max_queue,
        timed.join(", ")
    )
}

#[test]
fn analytics_limits_js_matches_the_core() {
    check_generated(
        "pkg-template/src/analytics-limits.js",
        analytics_limits_js(),
        "src/core/analytics",
    );
}

/// The ASCII characters of a token class: letters, digits and `extra`, escaped for a
/// character class of both JavaScript and the `regex` crate; `except` left out.
fn class(extra: &str, except: &[char]) -> String {
    let chars: Vec<char> = ('0'..='9')
        .chain('A'..='Z')
        .chain('a'..='z')
        .chain(extra.chars())
        .filter(|c| !except.contains(c))
        .collect();
    let mut out = String::from("[");
    let mut i = 0;
    while i < chars.len() {
        // Runs of consecutive letters or digits as ranges.
        let mut j = i;
        while chars
            .get(j + 1)
            .is_some_and(|n| n.is_ascii_alphanumeric() && *n as u32 == chars[j] as u32 + 1)
        {
            j += 1;
        }
        for c in if j >= i + 2 {
            vec![chars[i], '-', chars[j]]
        } else {
            chars[i..=j].to_vec()
        } {
            if "/\\]^[".contains(c) || (c == '-' && j < i + 2) {
                out.push('\\');
            }
            out.push(c);
        }
        i = j + 1;
    }
    out.push(']');
    out
}

/// `(?:$|[^Ee]|[Ee](?:$|[^Aa]|...(?:$|[^ \t])))` for `rest` = `earer`: what follows a
/// `B` that does not spell another `bearer` + space or tab (so that, as in
/// `bearer_at`, every `Bearer ` of a doubled prefix is taken before the token).
fn not_word(rest: &[char]) -> String {
    match rest.split_first() {
        None => "(?:$|[^ \\t])".to_owned(),
        Some((c, more)) => {
            let (u, l) = (c.to_ascii_uppercase(), c.to_ascii_lowercase());
            format!("(?:$|[^{u}{l}]|[{u}{l}]{})", not_word(more))
        }
    }
}

/// The patterns of `pkg-template/src/diagnostics/secret.js`: (anything the core's
/// redaction replaces, an API key), from `core::analytics::redact`'s constants.
fn secret_patterns() -> (String, String) {
    use chatkit_glue::core::analytics::redact::*;
    let boundary = "(?:^|[^A-Za-z0-9])";
    let token = class(TOKEN_EXTRA, &[]);
    let key = |prefix: &str| format!("{prefix}{token}{{{MIN_KEY_BODY}}}");
    let jwt = format!(
        "{JWT_PREFIX}{token}*{}",
        format!("\\.{token}*").repeat(JWT_DOTS)
    );
    let word: String = BEARER
        .chars()
        .map(|c| format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase()))
        .collect();
    let first = BEARER.chars().next().unwrap_or('b');
    let rest: Vec<char> = BEARER.chars().skip(1).collect();
    let after = format!(
        "(?:{}|[{}{}]{})",
        class(
            BEARER_EXTRA,
            &[first.to_ascii_uppercase(), first.to_ascii_lowercase()]
        ),
        first.to_ascii_uppercase(),
        first.to_ascii_lowercase(),
        not_word(&rest)
    );
    let bearer = format!("{word}[ \\t]+(?:{word}[ \\t]+)*{after}");
    let secret = format!(
        "{boundary}(?:{jwt}|(?:{}|{}){}|{bearer})",
        API_KEY_PREFIX,
        CLIENT_SECRET_PREFIX,
        &key("")
    );
    (secret, format!("{boundary}{}", key(API_KEY_PREFIX)))
}

/// `pkg-template/src/diagnostics/secret.js`: diagnostics flags (and never repeats) what
/// the core's redaction would replace; it has no module to ask, so the rule is written
/// out as regular expressions from the core's constants.
fn secret_js() -> String {
    let (secret, api_key) = secret_patterns();
    format!(
        "// Generated from the Rust core's redaction rule (src/core/analytics/redact.rs) by\n\
         // tests/generated.rs: `UPDATE_SNAPSHOTS=1 cargo test --test generated` rewrites it. Do not edit.\n\
         // Diagnostics has no WebAssembly module: the rule is written out as regular expressions,\n\
         // and tests/generated.rs checks they find exactly what the core replaces.\n\
         /** At a word start: a JWT, an `sk-`/`ek_` key, or a `Bearer` value (what the core redacts). */\n\
         const SECRET = /{secret}/;\n\
         /** At a word start: an OpenAI API key (`sk-`). */\n\
         const API_KEY = /{api_key}/;\n\
         /** Whether `s` contains what looks like an OpenAI API key. */\n\
         export const looksLikeApiKey = (s) => API_KEY.test(s);\n\
         /** Whether `s` contains anything the core's redaction replaces: an API key, a client secret, a `Bearer` value or a JWT. */\n\
         export const looksSecret = (s) => SECRET.test(s);\n"
    )
}

#[test]
fn secret_js_matches_the_redaction_rule() {
    check_generated(
        "pkg-template/src/diagnostics/secret.js",
        secret_js(),
        "src/core/analytics/redact.rs",
    );
}

/// The generated pattern finds a secret exactly where the core's redaction replaces
/// something, on texts built from the rule's own pieces and lookalikes.
#[test]
fn the_secret_pattern_finds_what_the_core_redacts() {
    use chatkit_glue::core::analytics::redact::redact_text;
    use proptest::prelude::*;
    use std::borrow::Cow;
    let (secret, api_key) = secret_patterns();
    let re = regex::Regex::new(&secret).expect("the pattern compiles");
    let api = regex::Regex::new(&api_key).expect("the pattern compiles");
    let redacted = |s: &str| matches!(redact_text(s), Cow::Owned(_));
    for (s, want) in [
        ("sk-abcdefgh", true),
        ("sk-abcdefg", false),
        ("task-abcdefghijk", false),
        ("x_ek_abcdefgh", true),
        ("eyJa.b.c", true),
        ("eyJa.b", false),
        ("Bearer Bearer ", false),
        ("Bearer Bearer x", true),
        ("bEaReR\tt", true),
        ("Bearer ", false),
        ("é sk-12345678", true),
    ] {
        assert_eq!(re.is_match(s), want, "{s:?}");
        assert_eq!(redacted(s), want, "{s:?}");
    }
    assert!(api.is_match("key: sk-12345678") && !api.is_match("ek_12345678"));
    let piece = prop::sample::select(vec![
        "sk-", "ek_", "eyJ", "Bearer", "bearer", "BEARER", "bear", " ", "\t", ".", "-", "_", "a",
        "Z", "9", "é", "🙂", "abcdefgh", "/", "=", "~", "+", "x.y", "\n",
    ]);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 4096,
        ..ProptestConfig::default()
    });
    runner
        .run(&prop::collection::vec(piece, 0..14), |pieces| {
            let s = pieces.concat();
            prop_assert_eq!(re.is_match(&s), redacted(&s), "{:?}", s);
            Ok(())
        })
        .unwrap();
}

/// `pkg-template/src/diagnostics/suggest.js`: how close a mistyped name must be to be
/// suggested, the rule of `core::tools::nearest` (checkOptions has no module to ask).
fn suggest_js() -> String {
    use chatkit_glue::core::tools::{SUGGEST_CHARS_PER_EDIT, SUGGEST_MAX_CHARS, SUGGEST_MAX_EDITS};
    format!(
        "// Generated from the Rust core (src/core/tools.rs) by tests/generated.rs:\n\
         // `UPDATE_SNAPSHOTS=1 cargo test --test generated` rewrites it. Do not edit.\n\
         /** A name is suggested at most one edit per this many characters of the longer name away (at least 1 edit)... */\n\
         export const CHARS_PER_EDIT = {SUGGEST_CHARS_PER_EDIT};\n\
         /** ...and at most this many edits; */\n\
         export const MAX_EDITS = {SUGGEST_MAX_EDITS};\n\
         /** a name longer than this is never close. */\n\
         export const MAX_CHARS = {SUGGEST_MAX_CHARS};\n"
    )
}

#[test]
fn suggest_js_matches_the_core() {
    check_generated(
        "pkg-template/src/diagnostics/suggest.js",
        suggest_js(),
        "src/core/tools.rs",
    );
}

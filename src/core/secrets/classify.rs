//! What an answer of the secret endpoint means: the class of its HTTP status, what an
//! error body may add, and the error each failure becomes.
//!
//! Messages name the endpoint (`start` or `refresh`), never its URL (a URL can carry a
//! token in its query); a server's hint is carried only when it holds no secret.

use super::Endpoint;
use crate::core::error::{ErrorCode, GlueError};
use crate::core::text::{cat, decimal};
use alloc::borrow::ToOwned;
use alloc::string::String;

/// What a status means for the next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// 2xx: read the secret.
    Success,
    /// 401/403: the three-step sequence (token again, `/start`, `unauthorized`).
    Auth,
    /// 408, 429, 5xx: retried (unless the body says `retryable: false`); the code is
    /// what it becomes when retries run out.
    Transient(ErrorCode),
    /// Any other 4xx: `bad_request`, not retried.
    Rejected,
    /// 1xx, 3xx (a redirect fetch did not follow), or no status at all.
    Unexpected,
}

pub fn classify(status: u16) -> Class {
    match status {
        200..=299 => Class::Success,
        401 | 403 => Class::Auth,
        408 => Class::Transient(ErrorCode::Timeout),
        429 => Class::Transient(ErrorCode::RateLimited),
        500..=599 => Class::Transient(ErrorCode::ServerError),
        400..=499 => Class::Rejected,
        _ => Class::Unexpected,
    }
}

/// The `error` object of an error answer (`{ error: { code, message, hint?, retryable } }`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorBody {
    pub code: Option<String>,
    pub hint: Option<String>,
    pub retryable: Option<bool>,
}

/// Credential shapes (lower-case; matched in any case): text holding one is never passed on.
const SHAPES: [&[u8]; 5] = [b"bearer ", b"bearer\t", b"sk-", b"ek_", b"eyj"];

/// Whether `text` holds one of `secrets` (the secret being replaced, the app's token) or
/// anything shaped like a credential.
fn holds_secret(text: &str, secrets: &[&str]) -> bool {
    SHAPES.iter().any(|p| contains(text.as_bytes(), p, true))
        || secrets
            .iter()
            .any(|s| contains(text.as_bytes(), s.as_bytes(), false))
}

/// A server's error code when it is a short identifier (`upstream_auth`) holding no
/// secret, else `None`: a server that echoes the client secret or the token as its
/// code (`ek_...`) must not put it into the error's message.
pub fn safe_code<'a>(code: &'a str, secrets: &[&str]) -> Option<&'a str> {
    let ok = !code.is_empty()
        && code.len() <= 40
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
        && !holds_secret(code, secrets);
    ok.then_some(code)
}

/// A server's hint when it is safe to pass on: at most 400 bytes, containing none of
/// `secrets` (the secret being replaced, the app's token) and nothing shaped like a
/// credential (`Bearer `, `sk-`, `ek_`, `eyJ`, in any case). Otherwise `None`.
pub fn safe_hint(hint: &str, secrets: &[&str]) -> Option<String> {
    let h = hint.trim_ascii();
    (!h.is_empty() && h.len() <= 400 && !holds_secret(h, secrets)).then(|| h.to_owned())
}

/// Byte search without `str::contains` (whose two-way searcher weighs KBs in the
/// `.wasm`); an empty needle matches nothing.
fn contains(haystack: &[u8], needle: &[u8], ignore_case: bool) -> bool {
    !needle.is_empty()
        && (0..haystack.len()).any(|i| match haystack.get(i..i + needle.len()) {
            Some(w) if ignore_case => w.eq_ignore_ascii_case(needle),
            Some(w) => w == needle,
            None => false,
        })
}

const HINT_AUTH: &str = "The secret endpoint refused the request: sign the user in, and check that authToken returns the app's current token and the route's resolveUser accepts it.";
const HINT_NOT_FOUND: &str = "No POST route answered at startUrl/refreshUrl: check the URLs and that the route exports POST.";
const HINT_RATE: &str = "The secret endpoint is rate limiting.";
const HINT_SERVER: &str = "The secret endpoint failed: its server logs say why.";
const HINT_NETWORK: &str = "fetch failed: check startUrl/refreshUrl, the network, and a cross-origin endpoint's CORS headers.";
pub(crate) const HINT_BODY: &str = "The secret endpoint must answer 200 with JSON { client_secret, expires_after } (createSessionHandlers does).";
const HINT_HTML: &str = "The secret endpoint answered an HTML page: the URL may not be the API route, or a login middleware redirected the request.";

fn what(endpoint: Endpoint) -> &'static str {
    match endpoint {
        Endpoint::Start => "getClientSecret: the start endpoint",
        Endpoint::Refresh => "getClientSecret: the refresh endpoint",
    }
}

fn attempts_text(attempts: u32) -> String {
    cat(&["; gave up after ", &decimal(attempts), " attempts"])
}

/// The error for an answer with `status` that ends the operation. The error body's code
/// and hint are carried when they are safe (hold none of `secrets` and no credential);
/// `attempts` is how many requests were made.
pub fn status_error(
    endpoint: Endpoint,
    status: u16,
    body: Option<&ErrorBody>,
    secrets: &[&str],
    attempts: u32,
) -> GlueError {
    let class = classify(status);
    let said_no = body.and_then(|b| b.retryable) == Some(false);
    let code = body
        .and_then(|b| b.code.as_deref())
        .and_then(|c| safe_code(c, secrets));
    let hint = body
        .and_then(|b| b.hint.as_deref())
        .and_then(|h| safe_hint(h, secrets));
    let mut message = cat(&[what(endpoint), " answered HTTP ", &decimal(status.into())]);
    if let Some(code) = code {
        message = cat(&[&message, " (", code, ")"]);
    }
    let (code, tail, retryable) = match class {
        Class::Auth => (ErrorCode::Unauthorized, String::new(), false),
        Class::Rejected => (ErrorCode::BadRequest, String::new(), false),
        Class::Transient(ErrorCode::RateLimited) if said_no => (
            ErrorCode::RateLimited,
            " and said not to retry".into(),
            false,
        ),
        Class::Transient(_) if said_no => (
            ErrorCode::ServerError,
            " and said not to retry".into(),
            false,
        ),
        Class::Transient(code) => (code, attempts_text(attempts), true),
        Class::Success | Class::Unexpected => (ErrorCode::BadResponse, String::new(), false),
    };
    let fallback = match class {
        Class::Auth => Some(HINT_AUTH),
        Class::Rejected if status == 404 || status == 405 => Some(HINT_NOT_FOUND),
        Class::Transient(ErrorCode::RateLimited) => Some(HINT_RATE),
        Class::Transient(ErrorCode::ServerError) => Some(HINT_SERVER),
        _ => None,
    };
    let e = GlueError::new(code, message + &tail)
        .with_retryable(retryable)
        .with_status(status);
    match hint {
        Some(h) => e.with_hint(h),
        None => match fallback {
            Some(h) => e.with_hint(h),
            None => e,
        },
    }
}

/// fetch itself rejected on every attempt.
pub fn network_error(endpoint: Endpoint, attempts: u32) -> GlueError {
    GlueError::new(
        ErrorCode::Network,
        cat(&[
            what(endpoint),
            " could not be reached",
            &attempts_text(attempts),
        ]),
    )
    .with_hint(HINT_NETWORK)
}

/// The last attempt passed `timeoutMs`, or the operation passed `totalTimeoutMs`.
pub fn timeout_error(endpoint: Endpoint, total: bool, ms: u32, attempts: u32) -> GlueError {
    let limit = if total { "totalTimeoutMs" } else { "timeoutMs" };
    GlueError::new(
        ErrorCode::Timeout,
        cat(&[
            what(endpoint),
            " did not answer within ",
            limit,
            " (",
            &decimal(ms),
            " ms)",
            &attempts_text(attempts),
        ]),
    )
}

/// A 2xx answer whose body is not JSON (`html`: it looks like an HTML page).
pub fn not_json(endpoint: Endpoint, status: u16, html: bool) -> GlueError {
    let (message, hint) = if html {
        (" answered an HTML page instead of JSON", HINT_HTML)
    } else {
        (" answered a body that is not JSON", HINT_BODY)
    };
    GlueError::new(ErrorCode::BadResponse, cat(&[what(endpoint), message]))
        .with_status(status)
        .with_hint(hint)
}

/// A 2xx JSON answer without a non-empty string `client_secret`.
pub fn no_secret(endpoint: Endpoint, status: u16) -> GlueError {
    GlueError::new(
        ErrorCode::BadResponse,
        cat(&[
            what(endpoint),
            " answered no client_secret (a non-empty string)",
        ]),
    )
    .with_status(status)
    .with_hint(HINT_BODY)
}

/// Whether a body that failed to parse as JSON looks like an HTML page.
pub fn looks_like_html(text: &str) -> bool {
    text.trim_ascii_start().starts_with('<')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_fall_into_their_classes() {
        assert_eq!(classify(200), Class::Success);
        assert_eq!(classify(204), Class::Success);
        assert_eq!(classify(401), Class::Auth);
        assert_eq!(classify(403), Class::Auth);
        assert_eq!(classify(408), Class::Transient(ErrorCode::Timeout));
        assert_eq!(classify(429), Class::Transient(ErrorCode::RateLimited));
        for s in [500, 502, 503, 504, 599] {
            assert_eq!(classify(s), Class::Transient(ErrorCode::ServerError));
        }
        for s in [400, 404, 405, 409, 422, 499] {
            assert_eq!(classify(s), Class::Rejected);
        }
        for s in [0, 100, 302, 600] {
            assert_eq!(classify(s), Class::Unexpected);
        }
    }

    #[test]
    fn errors_have_the_documented_codes_statuses_and_hints() {
        let e = status_error(Endpoint::Start, 503, None, &[], 4);
        assert_eq!(
            (e.code, e.status, e.retryable),
            (ErrorCode::ServerError, Some(503), true)
        );
        assert_eq!(
            e.message,
            "getClientSecret: the start endpoint answered HTTP 503; gave up after 4 attempts"
        );
        assert_eq!(e.hint.as_deref(), Some(HINT_SERVER));

        let e = status_error(Endpoint::Refresh, 429, None, &[], 2);
        assert_eq!((e.code, e.retryable), (ErrorCode::RateLimited, true));

        let e = status_error(Endpoint::Refresh, 401, None, &[], 3);
        assert_eq!((e.code, e.retryable), (ErrorCode::Unauthorized, false));
        assert_eq!(e.hint.as_deref(), Some(HINT_AUTH));

        let e = status_error(Endpoint::Start, 404, None, &[], 1);
        assert_eq!(
            (e.code, e.hint.as_deref()),
            (ErrorCode::BadRequest, Some(HINT_NOT_FOUND))
        );
        let e = status_error(Endpoint::Start, 400, None, &[], 1);
        assert_eq!((e.code, e.hint), (ErrorCode::BadRequest, None));
    }

    #[test]
    fn retryable_false_stops_with_the_servers_code_and_hint() {
        let body = ErrorBody {
            code: Some("upstream_auth".into()),
            hint: Some("Check OPENAI_API_KEY".into()),
            retryable: Some(false),
        };
        let e = status_error(Endpoint::Start, 502, Some(&body), &[], 1);
        assert_eq!(
            (e.code, e.retryable, e.status),
            (ErrorCode::ServerError, false, Some(502))
        );
        assert_eq!(e.message, "getClientSecret: the start endpoint answered HTTP 502 (upstream_auth) and said not to retry");
        assert_eq!(e.hint.as_deref(), Some("Check OPENAI_API_KEY"));
    }

    #[test]
    fn only_safe_codes_and_hints_are_carried() {
        assert_eq!(
            safe_code("upstream_rejected", &[]),
            Some("upstream_rejected")
        );
        assert_eq!(safe_code("Bad Code", &[]), None);
        assert_eq!(safe_code(&"a".repeat(41), &[]), None);
        // A server echoing a secret as its error code (found by the session_answer
        // fuzz target): refused by shape, and by value for the known ones.
        assert_eq!(safe_code("ek_68e0a1b2c3d4", &[]), None);
        assert_eq!(safe_code("tok_app_1", &["", "tok_app_1"]), None);
        assert_eq!(safe_code("upstream", &["", "tok_app_1"]), Some("upstream"));
        let body = ErrorBody {
            code: Some("tok_app_1".into()),
            hint: Some("retry with tok_app_1".into()),
            retryable: None,
        };
        let e = status_error(Endpoint::Refresh, 503, Some(&body), &["tok_app_1"], 4);
        assert!(!e.message.contains("tok_app_1"), "{}", e.message);
        assert_eq!(e.hint.as_deref(), Some(HINT_SERVER));
        assert_eq!(
            safe_hint("  check the key ", &[]),
            Some("check the key".into())
        );
        assert_eq!(safe_hint("your secret ek_123 expired", &[]), None);
        assert_eq!(safe_hint("use Bearer abc", &[]), None);
        assert_eq!(safe_hint("use bearer\tabc", &[]), None);
        assert_eq!(safe_hint("token eyJhbGciOi", &[]), None);
        assert_eq!(safe_hint("key sk-proj-1", &[]), None);
        assert_eq!(safe_hint("tok-123 was rejected", &["tok-123"]), None);
        assert_eq!(safe_hint(&"x".repeat(401), &[]), None);
        assert_eq!(safe_hint("tok", &["", "tok-longer"]), Some("tok".into()));
        assert!(!contains(b"abc", b"", false));
        assert!(contains(b"xxBEARER y", b"bearer ", true));
        assert_eq!(safe_hint("", &[]), None);
    }

    #[test]
    fn bodies_that_are_not_json() {
        assert!(looks_like_html("\n  <!doctype html><html>"));
        assert!(!looks_like_html("Internal Server Error"));
        let e = not_json(Endpoint::Start, 200, true);
        assert_eq!(e.code, ErrorCode::BadResponse);
        assert_eq!(e.hint.as_deref(), Some(HINT_HTML));
        let e = no_secret(Endpoint::Refresh, 200);
        assert_eq!((e.code, e.retryable), (ErrorCode::BadResponse, false));
    }

    #[test]
    fn network_and_timeout_errors_are_retryable_and_name_no_url() {
        let e = network_error(Endpoint::Start, 4);
        assert_eq!((e.code, e.retryable), (ErrorCode::Network, true));
        let e = timeout_error(Endpoint::Refresh, true, 30_000, 2);
        assert_eq!(e.code, ErrorCode::Timeout);
        assert_eq!(e.message, "getClientSecret: the refresh endpoint did not answer within totalTimeoutMs (30000 ms); gave up after 2 attempts");
    }
}

//! Options, deadlines, the bearer value and what authFetch's failures say.
//!
//! Messages and hints are fixed text and numbers: no token, Authorization value or URL
//! ever goes into one.

use crate::core::error::{ErrorCode, GlueError};
use crate::core::float;
use crate::core::text::{cat, decimal};
use crate::core::timeout::MAX_TIMER_MS;
use alloc::string::String;

/// Until response headers arrive (covering the token callbacks, a refresh and a replay).
pub const DEFAULT_HEADERS_TIMEOUT_MS: u32 = 30_000;
/// Between two chunks of a response body: long enough for a model that thinks before
/// it streams, short enough that a dead connection does not hang the chat for minutes.
pub const DEFAULT_IDLE_TIMEOUT_MS: u32 = 60_000;

/// The options `createAuthFetch` knows; anything else is `invalid_config` (a typo such
/// as `allowedOrigin` must not silently fall back to a default).
pub const OPTION_KEYS: [&str; 7] = [
    "token",
    "refreshToken",
    "allowedOrigins",
    "headersTimeoutMs",
    "idleTimeoutMs",
    "fetch",
    "onEvent",
];

/// One option, for its error message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opt {
    Options,
    Token,
    RefreshToken,
    AllowedOrigins,
    HeadersTimeout,
    IdleTimeout,
    Fetch,
    OnEvent,
}

/// The error for an option of the wrong type or range.
pub fn bad_option(opt: Opt) -> GlueError {
    GlueError::invalid_config(match opt {
        Opt::Options => "createAuthFetch: options must be an object with at least token: () => string | null",
        Opt::Token => "createAuthFetch: token must be a function returning the app's token (string | null, or a promise of one)",
        Opt::RefreshToken => "createAuthFetch: refreshToken must be a function returning a new token (string | null, or a promise of one)",
        Opt::AllowedOrigins => "createAuthFetch: allowedOrigins must be an array of origin strings such as \"https://api.example.com\"",
        Opt::HeadersTimeout => "createAuthFetch: headersTimeoutMs must be a number of milliseconds from 1 to 2147483647",
        Opt::IdleTimeout => "createAuthFetch: idleTimeoutMs must be a number of milliseconds from 1 to 2147483647",
        Opt::Fetch => "createAuthFetch: fetch must be a function with fetch's signature",
        Opt::OnEvent => "createAuthFetch: onEvent must be a function",
    })
}

/// An option name that is not one of [`OPTION_KEYS`].
pub fn unknown_option(key: &str) -> GlueError {
    GlueError::invalid_config(cat(&["createAuthFetch: unknown option \"", key, "\""]))
        .with_hint("The options are token, refreshToken, allowedOrigins, headersTimeoutMs, idleTimeoutMs, fetch and onEvent.")
}

/// A deadline option: `None` (absent) takes the default; otherwise a number of
/// milliseconds from 1 to the longest a timer holds, a fraction rounded up.
pub fn deadline(opt: Opt, value: Option<f64>) -> Result<u32, GlueError> {
    let Some(ms) = value else {
        return Ok(match opt {
            Opt::IdleTimeout => DEFAULT_IDLE_TIMEOUT_MS,
            _ => DEFAULT_HEADERS_TIMEOUT_MS,
        });
    };
    // NaN fails both comparisons' negation below.
    if !(ms > 0.0 && ms <= MAX_TIMER_MS as f64) {
        return Err(bad_option(opt));
    }
    Ok(float::ceil(ms) as u32)
}

/// Where there is no page origin (Node), the allowlist must be given.
pub fn allowed_origins_required() -> GlueError {
    GlueError::invalid_config(
        "createAuthFetch: allowedOrigins is required here: there is no page origin to default to (Node, or a page with an opaque origin)",
    )
    .with_hint("Pass allowedOrigins: [\"https://your-backend.example\"], the origins that may receive the token.")
}

pub fn no_fetch() -> GlueError {
    GlueError::invalid_config("createAuthFetch: this environment has no global fetch")
        .with_hint("Pass options.fetch, or use Node 18.17 or later.")
}

/// The app's credential callbacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Callback {
    Token,
    RefreshToken,
}

/// A credential callback threw or rejected (its error becomes `cause`).
pub fn callback_threw(cb: Callback) -> GlueError {
    GlueError::new(
        ErrorCode::Unauthorized,
        match cb {
            Callback::Token => "authFetch: token() threw or rejected, so the request was not sent",
            Callback::RefreshToken => "authFetch: refreshToken() threw or rejected after a 401",
        },
    )
}

/// A credential callback resolved to something that is not a string or null.
pub fn callback_not_a_token(cb: Callback) -> GlueError {
    GlueError::new(
        ErrorCode::Unauthorized,
        match cb {
            Callback::Token => "authFetch: token() must return a string or null",
            Callback::RefreshToken => "authFetch: refreshToken() must return a string or null",
        },
    )
}

/// Checks a non-empty token before it goes into a header. A value a header cannot carry
/// is refused here, so the platform's own error (which would quote the value) never
/// happens; a token already prefixed with "Bearer " is refused with a message that says
/// so.
pub fn check_token(cb: Callback, token: &str) -> Result<(), GlueError> {
    let prefixed = token
        .as_bytes()
        .get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case(b"bearer "));
    if prefixed {
        return Err(GlueError::new(
            ErrorCode::Unauthorized,
            "authFetch: the token callbacks must return the token alone; \"Bearer \" is added by authFetch",
        ));
    }
    if token.is_empty() || !token.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
        return Err(GlueError::new(
            ErrorCode::Unauthorized,
            match cb {
                Callback::Token => "authFetch: token() returned a value an Authorization header cannot carry (visible ASCII only, no spaces)",
                Callback::RefreshToken => "authFetch: refreshToken() returned a value an Authorization header cannot carry (visible ASCII only, no spaces)",
            },
        ));
    }
    Ok(())
}

/// The Authorization value for a checked token.
pub fn authorization(token: &str) -> String {
    let mut value = String::with_capacity(token.len() + 7);
    value.push_str("Bearer ");
    value.push_str(token);
    value
}

/// `fetch` itself rejected (not an abort): `cause` is its own error.
pub fn network() -> GlueError {
    GlueError::new(
        ErrorCode::Network,
        "authFetch: the request failed before a response (network error, CORS refusal or a closed connection); the cause is fetch's own error",
    )
}

/// The response headers did not arrive in time.
pub fn headers_timed_out(ms: u32) -> GlueError {
    GlueError::new(
        ErrorCode::Timeout,
        cat(&[
            "authFetch: no response headers within ",
            &decimal(ms),
            " ms",
        ]),
    )
    .with_hint("Raise headersTimeoutMs if the backend is slow to start its response.")
}

/// A response body sent nothing for too long.
pub fn idle_timed_out(ms: u32, status: u16) -> GlueError {
    GlueError::new(
        ErrorCode::Timeout,
        cat(&[
            "authFetch: the response body received nothing for ",
            &decimal(ms),
            " ms",
        ]),
    )
    .with_status(status)
    .with_hint("Raise idleTimeoutMs, or have the backend send a heartbeat (an SSE comment line such as \": ping\") while it works.")
}

/// The `phase` of a `FetchEvent`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchPhase {
    TokenRefresh,
    Replay,
    Timeout,
}

impl FetchPhase {
    pub const fn as_str(self) -> &'static str {
        match self {
            FetchPhase::TokenRefresh => "token_refresh",
            FetchPhase::Replay => "replay",
            FetchPhase::Timeout => "timeout",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_default_and_reject_unusable_values() {
        assert_eq!(deadline(Opt::HeadersTimeout, None), Ok(30_000));
        assert_eq!(deadline(Opt::IdleTimeout, None), Ok(60_000));
        assert_eq!(deadline(Opt::IdleTimeout, Some(0.5)), Ok(1));
        assert_eq!(
            deadline(Opt::IdleTimeout, Some(2_147_483_647.0)),
            Ok(MAX_TIMER_MS)
        );
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 2_147_483_648.0] {
            let e = deadline(Opt::HeadersTimeout, Some(bad)).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidConfig);
            assert!(e.message.contains("headersTimeoutMs"));
        }
    }

    #[test]
    fn token_values() {
        assert_eq!(check_token(Callback::Token, "eyJ.a-b_c.d~+/="), Ok(()));
        assert_eq!(authorization("eyJ.a"), "Bearer eyJ.a");
        for bad in [
            "",
            "Bearer abc",
            "bearer abc",
            "a b",
            "a\nb",
            "a\r\nX-Evil: 1",
            "tökén",
            "\u{7f}",
        ] {
            let e = check_token(Callback::RefreshToken, bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::Unauthorized, "{bad:?}");
            assert!(!e.retryable);
            assert!(bad.is_empty() || !e.message.contains(bad));
        }
    }

    #[test]
    fn messages_never_carry_the_token() {
        let secret = "tok_SECRET_123";
        for e in [
            callback_threw(Callback::Token),
            callback_threw(Callback::RefreshToken),
            callback_not_a_token(Callback::Token),
            network(),
            headers_timed_out(5),
            idle_timed_out(5, 200),
            check_token(Callback::Token, &format!("Bearer {secret}")).unwrap_err(),
            check_token(Callback::Token, &format!("{secret} x")).unwrap_err(),
        ] {
            assert!(!e.message.contains(secret));
            assert!(!e.hint.as_deref().unwrap_or("").contains(secret));
        }
        let e = idle_timed_out(250, 200);
        assert_eq!(e.code, ErrorCode::Timeout);
        assert!(e.retryable);
        assert_eq!(e.status, Some(200));
        assert_eq!(
            e.to_string(),
            "authFetch: the response body received nothing for 250 ms"
        );
    }

    #[test]
    fn option_errors_name_the_option() {
        assert!(unknown_option("allowedOrigin")
            .message
            .contains("\"allowedOrigin\""));
        assert!(bad_option(Opt::Fetch).message.contains("fetch"));
        assert_eq!(allowed_origins_required().code, ErrorCode::InvalidConfig);
        assert_eq!(FetchPhase::TokenRefresh.as_str(), "token_refresh");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any string is either refused or becomes a header value the platform accepts
        /// (visible ASCII after "Bearer "), and no refusal quotes it.
        #[test]
        fn any_token_is_a_valid_header_or_refused(s in "\\PC{0,12}|[ -~\\t\\r\\n]{0,12}") {
            match check_token(Callback::Token, &s) {
                Ok(()) => {
                    let v = authorization(&s);
                    proptest::prop_assert!(v.starts_with("Bearer "));
                    proptest::prop_assert!(!s.is_empty() && v[7..].bytes().all(|b| (0x21..=0x7e).contains(&b)));
                }
                Err(e) => proptest::prop_assert!(s.len() < 4 || !e.message.contains(s.as_str())),
            }
        }
    }
}

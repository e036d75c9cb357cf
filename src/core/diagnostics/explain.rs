//! `explainError`: what went wrong and what to change, for every library error code and
//! for the errors ChatKit itself reports to `onError`. One table; the README's
//! "Troubleshooting" section is checked against it.
//!
//! ChatKit's errors are matched on their name and message. An error nothing matches gets
//! [`UNKNOWN`], which says so instead of guessing a cause.

use super::secret::looks_secret;
use super::text::contains;
use crate::core::ErrorCode;

/// One row of the table. Titles and hints are fixed text: nothing from the error is
/// copied into them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub code: &'static str,
    pub title: &'static str,
    pub hint: &'static str,
}

const fn row(code: &'static str, title: &'static str, hint: &'static str) -> Explanation {
    Explanation { code, title, hint }
}

/// The library's own codes, in the order of [`ErrorCode::ALL`].
const GLUE: [Explanation; 16] = [
    row("unauthorized", "Not authorized", "Your server answered 401/403, or a credential callback threw (see cause): check the app's sign-in token."),
    row("bad_request", "Request rejected", "Your session endpoint answered a 4xx: check the route accepts POST, and read its error body."),
    row("rate_limited", "Rate limited", "Your session endpoint answered 429: reuse the client secret until it expires, or raise the limit."),
    row("server_error", "Server error", "Your session endpoint failed: read its logs; check OPENAI_API_KEY and CHATKIT_WORKFLOW_ID."),
    row("network", "Network failure", "No answer: the server is down, the URL is wrong, or CORS or a CSP connect-src blocks it."),
    row("timeout", "Timed out", "A deadline passed: find out why the server is slow, or raise timeoutMs."),
    row("aborted", "Cancelled", "The caller's AbortSignal fired, or the object was disposed: usually expected, e.g. on unmount."),
    row("bad_response", "Unusable response", "The answer had no usable client_secret: return JSON { client_secret, expires_after }."),
    row("refresh_loop", "Client-secret refresh loop", "The server keeps returning the old or an expired secret: issue a fresh, longer-lived one on every refresh."),
    row("invalid_params", "Invalid tool parameters", "A client tool got params its schema rejects (the message names the path): match the schema to the workflow."),
    row("unknown_tool", "Unknown client tool", "No client tool of that name is registered: use exactly the workflow's tool name."),
    row("tool_failed", "Client tool failed", "The tool's handler threw or rejected (see cause); it may have partly run."),
    row("invalid_result", "Invalid tool result", "A tool handler must return a plain JSON object or nothing."),
    row("invalid_config", "Invalid configuration", "An option, argument or schema is wrong: the message says which."),
    row("load_failed", "WebAssembly module did not load", "Allow 'wasm-unsafe-eval' in the CSP, serve chatkit_glue_bg.wasm beside the package's JavaScript, use a browser with WebAssembly."),
    row("internal", "Internal error in chatkit-glue", "A bug in chatkit-glue: reload the page, and please report it with the console output."),
];

/// ChatKit's own failures, in the order they are matched.
const CHATKIT: [Explanation; 10] = [
    row("unknown_option", "Unknown ChatKit option", "ChatKit rejects options it does not know: checkOptions(options) names the key and the nearest valid one."),
    row("invalid_api_config", "ChatKit rejected api", "Hosted: api is { getClientSecret } only. Own backend: { url, domainKey, fetch?, uploadStrategy? }."),
    row("invalid_options", "Invalid ChatKit options", "ChatKit rejected an option value (the message names its path): check it against the ChatKitOptions type."),
    row("domain_not_allowed", "Domain not allowed", "Add this domain to the allowlist at platform.openai.com/settings/organization/security/domain-allowlist; localhost needs none."),
    row("workflow_not_found", "Workflow not found", "The API key's project is not the workflow's, or it is unpublished; a shell OPENAI_API_KEY overrides .env.local."),
    row("tool_output_missing", "Client tool output missing", "The page reloaded or ChatKit re-initialised during a client tool call: start a new thread; keep options stable."),
    row("session_rate_limited", "Session rate limit", "Sessions allow 10 requests a minute by default: raise rate_limits.max_requests_per_1_minute (maxRequestsPerMinute)."),
    row("secret_invalid", "Client secret expired or invalid", "getClientSecret must fetch a fresh secret when called with the current one (ClientSecretSource does)."),
    row("request_unauthorized", "Request not authorized", "Own backend: api.fetch must add your Authorization header (createAuthFetch). Hosted: return a current secret."),
    row("fetch_failed", "Request failed", "A request did not complete: offline, server down, or CORS or a CSP connect-src blocks it (see the network panel)."),
];

/// Anything the table does not recognise.
pub const UNKNOWN: Explanation = row(
    "unknown",
    "Unrecognised error",
    "chatkit-glue does not know this error, so cannot tell its cause: read its message, the network panel and server logs.",
);

/// Every row, for the README check: the library's codes, ChatKit's, then [`UNKNOWN`].
pub fn table() -> impl Iterator<Item = &'static Explanation> {
    GLUE.iter()
        .chain(CHATKIT.iter())
        .chain(std::iter::once(&UNKNOWN))
}

/// The row for a library error code.
pub fn for_code(code: ErrorCode) -> &'static Explanation {
    // GLUE follows ErrorCode::ALL; the unit test below holds them together.
    let i = ErrorCode::ALL.iter().position(|c| *c == code).unwrap_or(0);
    &GLUE[i]
}

fn chatkit(code: &str) -> &'static Explanation {
    CHATKIT.iter().find(|e| e.code == code).unwrap_or(&UNKNOWN)
}

/// What the binding read from a thrown value (or from its `cause`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// `error.name`, or empty.
    pub name: String,
    /// `error.message`, or the thrown string itself, or empty.
    pub message: String,
    /// `error.code` when it is a string.
    pub code: Option<String>,
    /// `error.hint` when it is a string.
    pub hint: Option<String>,
    /// `error.status` (or `statusCode`) when it is an HTTP status.
    pub status: Option<u16>,
}

/// The answer `explainError` gives: a row, with the error's own hint when a library
/// error carries one (it is more specific than the table's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub row: &'static Explanation,
    pub own_hint: Option<String>,
}

impl Answer {
    pub fn hint(&self) -> &str {
        self.own_hint.as_deref().unwrap_or(self.row.hint)
    }
}

/// Explains one error from the facts about it, if a row matches. The binding tries the
/// error, then its causes in order; when none matches, the answer is [`UNKNOWN`].
pub fn explain(f: &Facts) -> Option<Answer> {
    if f.name == "ChatKitGlueError" {
        if let Some(code) = f.code.as_deref().and_then(ErrorCode::parse) {
            // A library hint is more specific than the table's; one that looks like it
            // holds a credential (a foreign object posing as a library error) is dropped.
            let own_hint = f
                .hint
                .as_ref()
                .filter(|h| !h.trim_ascii().is_empty() && !looks_secret(h))
                .cloned();
            return Some(Answer {
                row: for_code(code),
                own_hint,
            });
        }
    }
    let row = match_chatkit(f)?;
    Some(Answer {
        row,
        own_hint: None,
    })
}

/// The answer for an error nothing matched.
pub const fn unknown() -> Answer {
    Answer {
        row: &UNKNOWN,
        own_hint: None,
    }
}

/// ChatKit's failures known by their message (lower-cased), in the order they are tried:
/// a row matches when each group has a phrase the message contains.
const PHRASES: [(&str, &[&[&str]]); 7] = [
    (
        "domain_not_allowed",
        &[
            &["domain"],
            &[
                "not allowed",
                "allowlist",
                "allow list",
                "not verified",
                "verification",
                "not registered",
            ],
        ],
    ),
    ("workflow_not_found", &[&["workflow"], &["not found"]]),
    ("tool_output_missing", &[&["no tool output found"]]),
    (
        "session_rate_limited",
        &[&["rate limit", "rate_limit", "ratelimit", "too many requests"]],
    ),
    (
        "secret_invalid",
        &[
            &["client secret", "client_secret", "clientsecret", "session"],
            &["expired", "invalid", "not found"],
        ],
    ),
    ("request_unauthorized", &[&["unauthorized", "forbidden"]]),
    (
        "fetch_failed",
        &[&[
            "failed to fetch",
            "fetch failed",
            "networkerror when attempting to fetch",
        ]],
    ),
];

fn match_chatkit(f: &Facts) -> Option<&'static Explanation> {
    let m = f.message.to_ascii_lowercase();
    let has = |s: &str| contains(m.as_bytes(), s.as_bytes());
    let code = if f.name == "InvalidFrameParamsError" || has("invalid frame params") {
        if has("unrecognized key") {
            "unknown_option"
        } else if has("at api") {
            "invalid_api_config"
        } else {
            "invalid_options"
        }
    } else if let Some((code, _)) = PHRASES
        .iter()
        .find(|(_, groups)| groups.iter().all(|g| g.iter().any(|p| has(p))))
    {
        code
    } else {
        match f.status {
            Some(429) => "session_rate_limited",
            Some(401 | 403) => "request_unauthorized",
            _ => return None,
        }
    };
    Some(chatkit(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(name: &str, message: &str) -> Facts {
        Facts {
            name: name.into(),
            message: message.into(),
            ..Facts::default()
        }
    }

    /// What the binding does: the error, then its causes; else unknown.
    fn chain(facts: &[Facts]) -> Answer {
        facts.iter().find_map(explain).unwrap_or(unknown())
    }

    fn code_of(f: Facts) -> &'static str {
        chain(&[f]).row.code
    }

    #[test]
    fn the_glue_rows_follow_the_error_codes() {
        for (code, row) in ErrorCode::ALL.iter().zip(GLUE.iter()) {
            assert_eq!(code.as_str(), row.code);
            assert_eq!(for_code(*code).code, code.as_str());
        }
    }

    #[test]
    fn codes_are_unique_and_texts_are_compact_and_clean() {
        let mut codes: Vec<_> = table().map(|e| e.code).collect();
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n);
        for e in table() {
            assert!(!e.title.is_empty() && e.title.len() <= 40, "{}", e.code);
            assert!(
                e.hint.len() <= 200,
                "{} hint is {} bytes",
                e.code,
                e.hint.len()
            );
            assert!(!e.hint.contains('|'), "a README table cell");
            assert!(!looks_secret(e.hint));
        }
    }

    #[test]
    fn library_errors_are_explained_by_code_with_their_own_hint() {
        let mut f = err("ChatKitGlueError", "refresh failed");
        f.code = Some("refresh_loop".into());
        let a = chain(std::slice::from_ref(&f));
        assert_eq!(a.row.code, "refresh_loop");
        assert_eq!(a.hint(), a.row.hint);
        f.hint = Some("Add 'wasm-unsafe-eval' to script-src".into());
        f.code = Some("load_failed".into());
        let a = chain(std::slice::from_ref(&f));
        assert_eq!(a.row.code, "load_failed");
        assert_eq!(a.hint(), "Add 'wasm-unsafe-eval' to script-src");
        f.hint = Some("use sk-proj-abcdefghijklmnopqrstuvwxyz".into());
        assert_eq!(chain(std::slice::from_ref(&f)).hint(), GLUE[14].hint);
        f.code = Some("not_a_code".into());
        assert_eq!(code_of(f), "unknown");
    }

    #[test]
    fn chatkit_errors_are_matched_on_name_and_message() {
        let cases = [
            (
                err(
                    "InvalidFrameParamsError",
                    "Invalid frame params: ChatKit.create():\n✖ Unrecognized key: \"onErorr\"",
                ),
                "unknown_option",
            ),
            (
                err(
                    "InvalidFrameParamsError",
                    "Invalid frame params: ChatKit.create():\n✖ Invalid input\n  → at api",
                ),
                "invalid_api_config",
            ),
            (
                err(
                    "Error",
                    "Invalid frame params: ChatKit.create():\n✖ Invalid input\n  → at theme.radius",
                ),
                "invalid_options",
            ),
            (
                err("Error", "Domain not allowed: app.example.com"),
                "domain_not_allowed",
            ),
            (
                err("Error", "This domain is not on the allowlist"),
                "domain_not_allowed",
            ),
            (
                err("Error", "Workflow with id 'wf_123' not found."),
                "workflow_not_found",
            ),
            (
                err("Error", "No tool output found for function call call_abc."),
                "tool_output_missing",
            ),
            (
                err("Error", "Rate limit exceeded for this session"),
                "session_rate_limited",
            ),
            (err("Error", "Too Many Requests"), "session_rate_limited"),
            (err("Error", "Client secret has expired"), "secret_invalid"),
            (
                err("Error", "Chatkit Session with id 'cksess_1' not found."),
                "secret_invalid",
            ),
            (err("Error", "Invalid client_secret"), "secret_invalid"),
            (err("HttpError", "Unauthorized"), "request_unauthorized"),
            (err("TypeError", "Failed to fetch"), "fetch_failed"),
            (err("TypeError", "fetch failed"), "fetch_failed"),
            (
                err(
                    "TypeError",
                    "NetworkError when attempting to fetch resource.",
                ),
                "fetch_failed",
            ),
        ];
        for (f, code) in cases {
            assert_eq!(code_of(f.clone()), code, "{f:?}");
        }
        let mut status = err("Error", "request failed");
        status.status = Some(429);
        assert_eq!(code_of(status.clone()), "session_rate_limited");
        status.status = Some(401);
        assert_eq!(code_of(status), "request_unauthorized");
    }

    #[test]
    fn anything_else_is_unknown_never_a_guess() {
        for f in [
            err("Error", "Something went wrong"),
            err(
                "TypeError",
                "Cannot read properties of undefined (reading 'x')",
            ),
            err("", ""),
            err("Error", "domain"),
            err("Error", "not found"),
            err("Error", "workflow failed"),
        ] {
            let a = chain(std::slice::from_ref(&f));
            assert_eq!(a.row, &UNKNOWN, "{f:?}");
            assert_eq!(a.hint(), UNKNOWN.hint);
        }
        assert_eq!(chain(&[]).row, &UNKNOWN);
    }

    #[test]
    fn a_cause_is_explained_when_the_error_itself_is_not() {
        let errors = [
            err("Error", "ChatKit failed"),
            err("Error", "Workflow with id 'wf_1' not found."),
        ];
        assert_eq!(chain(&errors).row.code, "workflow_not_found");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn every_answer_is_a_row_and_never_repeats_the_message(
                name in "\\PC{0,20}", message in "\\PC{0,80}", secret in "[A-Za-z0-9]{24,40}",
            ) {
                let message = format!("{message} sk-{secret}");
                let a = explain(&Facts { name, message, ..Facts::default() }).unwrap_or(unknown());
                prop_assert!(table().any(|e| e == a.row));
                prop_assert!(!a.hint().contains(&secret));
                prop_assert!(!a.row.title.contains(&secret));
            }
        }
    }
}

//! The texts of `checkOptions`: one row per kind of problem. In a message, `$` stands for
//! the option's path and `%` for a detail (a type, a kind of object).

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// ChatKit will reject the options, or the integration cannot work.
    Error,
    /// Likely a mistake, or a risk.
    Warning,
    /// Something could not be checked.
    Info,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One kind of problem.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    pub message: &'static str,
    pub hint: &'static str,
}

const fn rule(
    code: &'static str,
    severity: Severity,
    message: &'static str,
    hint: &'static str,
) -> Rule {
    Rule {
        code,
        severity,
        message,
        hint,
    }
}

use Severity::{Error, Warning};

const API: &str = "Hosted: api: { getClientSecret }. Own backend: api: { url, domainKey, fetch?, uploadStrategy? }.";
const RENAME: &str = "Rename or remove it; chatKitOptionKeys lists the valid names.";
const OWN_BACKEND_ONLY: &str =
    "`$` is only for your own backend: ChatKit rejects hosted api with it.";
const INSECURE: &str =
    "Serve the backend over HTTPS: tokens and messages would travel in clear text.";
const NON_PLAIN: &str =
    "Pass plain data (e.g. Object.fromEntries(map), date.toISOString()) and bound functions.";

pub const INVALID_OPTIONS: Rule = rule(
    "invalid_options",
    Error,
    "The options must be a plain object, not %.",
    API,
);
pub const UNKNOWN_OPTION: Rule = rule(
    "unknown_option",
    Error,
    "`$` is not a ChatKit option: ChatKit rejects the options.",
    RENAME,
);
pub const MISPLACED_API_KEY: Rule = rule(
    "unknown_option",
    Error,
    "`$` belongs inside `api`: ChatKit rejects it here.",
    API,
);
pub const UNKNOWN_API_KEY: Rule = rule(
    "unknown_option",
    Error,
    "`$` is not a key of % api: ChatKit rejects it.",
    API,
);
pub const UNKNOWN_HANDLER: Rule = rule("unknown_handler", Error, "`$` is not a ChatKit event: useChatKit drops it silently.", "useChatKit treats on* keys as event handlers and drops unknown ones; chatKitOptionKeys lists the valid names.");
pub const MISSING_API: Rule = rule(
    "missing_api",
    Error,
    "`$` needs getClientSecret (hosted ChatKit) or url (your own backend).",
    API,
);
pub const MIXED_API: Rule = rule(
    "mixed_api_config",
    Error,
    "`$` has both getClientSecret (hosted) and url (own backend): ChatKit rejects it.",
    API,
);
pub const INVALID_VALUE: Rule = rule("invalid_value", Error, "`$` must be %.", API);
pub const HOSTED_DOMAIN_KEY: Rule = rule(
    "hosted_domain_key",
    Error,
    OWN_BACKEND_ONLY,
    "Remove it: hosted ChatKit checks the domain allowlist itself.",
);
pub const MISSING_DOMAIN_KEY: Rule = rule("missing_domain_key", Error, "Your own backend needs `$`: ChatKit rejects api without it, even on localhost.", "Add the domain at platform.openai.com/settings/organization/security/domain-allowlist and pass its key.");
pub const HOSTED_UPLOAD: Rule = rule(
    "hosted_upload_strategy",
    Error,
    OWN_BACKEND_ONLY,
    "Enable uploads on the session instead (createSessionHandlers: fileUpload: true).",
);
pub const INSECURE_URL: Rule = rule(
    "insecure_url",
    Warning,
    "`$` is plain http to a host that is not localhost.",
    INSECURE,
);
pub const BLOCKED_URL: Rule = rule(
    "insecure_url",
    Error,
    "`$` is plain http: an HTTPS page blocks every request to it (mixed content).",
    INSECURE,
);
pub const SECRET: Rule = rule("secret_in_options", Error, "`$` holds what looks like an OpenAI API key (sk-…).", "Revoke it; keep API keys on the server (createSessionHandlers) and give ChatKit client secrets only.");
pub const MISSING_ON_ERROR: Rule = rule(
    "missing_on_error",
    Warning,
    "No `onError` handler: ChatKit's errors reach only the console.",
    "Add onError: ({ error }) => …; explainError(error) says what to change.",
);
pub const NON_PLAIN_VALUE: Rule = rule("non_plain_value", Error, "`$` is %: useChatKit keeps only its own fields (a Map or Date becomes {}), and a new one each render re-initialises ChatKit.", NON_PLAIN);
pub const PROMISE: Rule = rule(
    "non_plain_value",
    Error,
    "`$` is a Promise: pass the function itself, not its result.",
    NON_PLAIN,
);
pub const CYCLE: Rule = rule(
    "cyclic_value",
    Error,
    "`$` refers back to an object that contains it.",
    "Pass a tree: useChatKit copies options recursively and never ends on a cycle.",
);

/// Every code `check` can report (the facade adds `not_checked` before the module
/// loads), in the order of the published union type.
pub const CODES: [&str; 14] = [
    "invalid_options",
    "unknown_option",
    "unknown_handler",
    "missing_api",
    "mixed_api_config",
    "invalid_value",
    "hosted_domain_key",
    "missing_domain_key",
    "hosted_upload_strategy",
    "insecure_url",
    "secret_in_options",
    "missing_on_error",
    "non_plain_value",
    "cyclic_value",
];

/// `template` with `$` replaced by `path` and `%` by `detail`.
pub fn fill(template: &str, path: &str, detail: &str) -> String {
    let mut out = String::new();
    let mut start = 0;
    for (i, b) in template.bytes().enumerate() {
        if b == b'$' || b == b'%' {
            out.push_str(template.get(start..i).unwrap_or_default());
            out.push_str(if b == b'$' { path } else { detail });
            start = i + 1;
        }
    }
    out.push_str(template.get(start..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_the_placeholders() {
        assert_eq!(
            fill("`$` must be %.", "api.url", "a string"),
            "`api.url` must be a string."
        );
        assert_eq!(fill("none", "p", "d"), "none");
        assert_eq!(fill("$$", "a", ""), "aa");
    }
}

//! The error taxonomy, defined once. The binding layer turns a [`GlueError`] into a
//! JavaScript `Error` named `ChatKitGlueError` with `code`, `retryable`, `status?` and
//! `hint?`.
//!
//! Messages and hints are written for the developer integrating ChatKit. They never
//! contain a client secret, a token, an Authorization value or an API key: callers
//! build them from fixed text, numbers and names only.

use alloc::borrow::Cow;

/// Every failure the library raises has exactly one of these codes. The string forms
/// are the public JavaScript values (`error.code`), so they never change meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    Unauthorized,
    BadRequest,
    RateLimited,
    ServerError,
    Network,
    Timeout,
    Aborted,
    BadResponse,
    RefreshLoop,
    InvalidParams,
    UnknownTool,
    ToolFailed,
    InvalidResult,
    InvalidConfig,
    LoadFailed,
    Internal,
}

impl ErrorCode {
    /// All codes, in the order of the public error table.
    pub const ALL: [ErrorCode; 16] = [
        ErrorCode::Unauthorized,
        ErrorCode::BadRequest,
        ErrorCode::RateLimited,
        ErrorCode::ServerError,
        ErrorCode::Network,
        ErrorCode::Timeout,
        ErrorCode::Aborted,
        ErrorCode::BadResponse,
        ErrorCode::RefreshLoop,
        ErrorCode::InvalidParams,
        ErrorCode::UnknownTool,
        ErrorCode::ToolFailed,
        ErrorCode::InvalidResult,
        ErrorCode::InvalidConfig,
        ErrorCode::LoadFailed,
        ErrorCode::Internal,
    ];

    /// The public string form (`error.code` in JavaScript).
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::ServerError => "server_error",
            ErrorCode::Network => "network",
            ErrorCode::Timeout => "timeout",
            ErrorCode::Aborted => "aborted",
            ErrorCode::BadResponse => "bad_response",
            ErrorCode::RefreshLoop => "refresh_loop",
            ErrorCode::InvalidParams => "invalid_params",
            ErrorCode::UnknownTool => "unknown_tool",
            ErrorCode::ToolFailed => "tool_failed",
            ErrorCode::InvalidResult => "invalid_result",
            ErrorCode::InvalidConfig => "invalid_config",
            ErrorCode::LoadFailed => "load_failed",
            ErrorCode::Internal => "internal",
        }
    }

    /// Parses the public string form.
    pub fn parse(s: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Whether trying the same operation again may succeed, when nothing more specific
    /// is known (a server's `retryable: false` overrides it, for example).
    pub const fn default_retryable(self) -> bool {
        matches!(
            self,
            ErrorCode::RateLimited
                | ErrorCode::ServerError
                | ErrorCode::Network
                | ErrorCode::Timeout
        )
    }
}

impl core::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A library failure as a value: what the binding layer raises as `ChatKitGlueError`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct GlueError {
    pub code: ErrorCode,
    pub message: Cow<'static, str>,
    pub retryable: bool,
    pub status: Option<u16>,
    pub hint: Option<Cow<'static, str>>,
}

impl GlueError {
    /// An error with the code's default retryability and no status or hint.
    pub fn new(code: ErrorCode, message: impl Into<Cow<'static, str>>) -> Self {
        GlueError {
            code,
            message: message.into(),
            retryable: code.default_retryable(),
            status: None,
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<Cow<'static, str>>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    pub fn with_retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    /// `invalid_config`: the caller passed options the library cannot use.
    pub fn invalid_config(message: impl Into<Cow<'static, str>>) -> Self {
        GlueError::new(ErrorCode::InvalidConfig, message)
    }

    /// `aborted`: the caller's signal fired, or the object was cleared or disposed.
    pub fn aborted(message: impl Into<Cow<'static, str>>) -> Self {
        GlueError::new(ErrorCode::Aborted, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::parse(code.as_str()), Some(code));
        }
        let mut names: Vec<_> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ErrorCode::ALL.len());
        assert_eq!(ErrorCode::parse("nope"), None);
    }

    #[test]
    fn retryable_defaults_follow_the_error_table() {
        let retryable: Vec<_> = ErrorCode::ALL
            .into_iter()
            .filter(|c| c.default_retryable())
            .map(ErrorCode::as_str)
            .collect();
        assert_eq!(
            retryable,
            ["rate_limited", "server_error", "network", "timeout"]
        );
    }

    #[test]
    fn builders_set_fields_and_display_is_the_message() {
        let e = GlueError::new(ErrorCode::ServerError, "upstream failed")
            .with_status(502)
            .with_hint("check the key")
            .with_retryable(false);
        assert_eq!(e.to_string(), "upstream failed");
        assert_eq!(e.status, Some(502));
        assert_eq!(e.hint.as_deref(), Some("check the key"));
        assert!(!e.retryable);
    }
}

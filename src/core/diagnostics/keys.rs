//! The option names `useChatKit` accepts: `ChatKitOptions` of `@openai/chatkit` 1.9 and
//! the event handlers `@openai/chatkit-react` 1.6 derives from `ChatKitEvents`. The
//! package's `chatKitOptionKeys` export repeats this list, and a type-level test checks
//! it against `keyof UseChatKitOptions` of the installed types, both ways.

/// The keys of `ChatKitOptions`, in the order its type declares them.
pub const OPTIONS: [&str; 16] = [
    "api",
    "locale",
    "theme",
    "frameTitle",
    "initialThread",
    "onClientTool",
    "header",
    "history",
    "startScreen",
    "threadItemActions",
    "composer",
    "disclaimer",
    "entities",
    "commands",
    "widgets",
    "thread",
];

/// The event handlers `useChatKit` takes, in the order of `ChatKitEvents`.
pub const HANDLERS: [&str; 13] = [
    "onReady",
    "onError",
    "onEffect",
    "onDeeplink",
    "onResponseStart",
    "onResponseEnd",
    "onHistoryOpen",
    "onHistoryClose",
    "onThreadChange",
    "onThreadLoadStart",
    "onThreadLoadEnd",
    "onToolChange",
    "onLog",
];

/// The keys of `HostedApiConfig`.
pub const HOSTED_API: [&str; 1] = ["getClientSecret"];

/// The keys of `CustomApiConfig`.
pub const CUSTOM_API: [&str; 4] = ["url", "domainKey", "fetch", "uploadStrategy"];

/// Every top-level name `useChatKit` accepts: the options, then the handlers.
pub const ALL: [&str; 29] = [
    "api",
    "locale",
    "theme",
    "frameTitle",
    "initialThread",
    "onClientTool",
    "header",
    "history",
    "startScreen",
    "threadItemActions",
    "composer",
    "disclaimer",
    "entities",
    "commands",
    "widgets",
    "thread",
    "onReady",
    "onError",
    "onEffect",
    "onDeeplink",
    "onResponseStart",
    "onResponseEnd",
    "onHistoryOpen",
    "onHistoryClose",
    "onThreadChange",
    "onThreadLoadStart",
    "onThreadLoadEnd",
    "onToolChange",
    "onLog",
];

/// The names `useChatKit` routes to handlers: the 13 events, and `onClientTool`
/// (which it passes to ChatKit, but which is mistyped the same way).
pub const HANDLER_LIKE: [&str; 14] = [
    "onClientTool",
    "onReady",
    "onError",
    "onEffect",
    "onDeeplink",
    "onResponseStart",
    "onResponseEnd",
    "onHistoryOpen",
    "onHistoryClose",
    "onThreadChange",
    "onThreadLoadStart",
    "onThreadLoadEnd",
    "onToolChange",
    "onLog",
];

/// The keys of `api` in either shape, for a key placed one level too high.
pub const API: [&str; 5] = [
    "getClientSecret",
    "url",
    "domainKey",
    "fetch",
    "uploadStrategy",
];

/// Whether `useChatKit` accepts `key` at the top level.
pub fn is_valid(key: &str) -> bool {
    ALL.contains(&key)
}

/// Whether `useChatKit` routes `key` to its event handlers rather than to ChatKit:
/// it does so for every `on` + capital letter name except `onClientTool`, and silently
/// ignores the ones that match no event.
pub fn is_handler_shaped(key: &str) -> bool {
    let b = key.as_bytes();
    b.len() > 2 && b.starts_with(b"on") && b[2].is_ascii_uppercase() && key != "onClientTool"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_agree() {
        let joined: Vec<_> = OPTIONS.iter().chain(HANDLERS.iter()).copied().collect();
        assert_eq!(joined, ALL);
        let mut like: Vec<_> = HANDLERS.to_vec();
        like.insert(0, "onClientTool");
        assert_eq!(like, HANDLER_LIKE);
        let api: Vec<_> = HOSTED_API
            .iter()
            .chain(CUSTOM_API.iter())
            .copied()
            .collect();
        assert_eq!(api, API);
    }

    #[test]
    fn names_are_unique_and_the_counts_match_the_types() {
        let mut names: Vec<_> = ALL.to_vec();
        assert_eq!(names.len(), 29);
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 29);
    }

    #[test]
    fn handler_shape_follows_use_chat_kit() {
        for h in HANDLERS {
            assert!(is_handler_shaped(h), "{h}");
        }
        assert!(!is_handler_shaped("onClientTool"));
        assert!(is_handler_shaped("onClientTools"));
        assert!(!is_handler_shaped("onerror"));
        assert!(!is_handler_shaped("on"));
        assert!(!is_handler_shaped("api"));
    }
}

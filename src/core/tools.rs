//! Client tools: the failures of a tool call that the core reports. The registry itself
//! (the handlers, their timeouts, the result check) lives in the JavaScript facade;
//! parameter validation is `crate::core::schema`.

use super::error::{ErrorCode, GlueError};
use super::schema::pointer::quoted;
use super::schema::{Failure, SchemaError};
use crate::core::text::cat;
use alloc::vec;
use alloc::vec::Vec;

/// A tool's parameters schema was refused (`invalid_config`).
pub fn invalid_schema(tool: &str, e: &SchemaError) -> GlueError {
    let mut m = cat(&["tool ", &quoted(tool), ": parameters schema"]);
    if !e.pointer.is_empty() {
        m.push_str(" at ");
        m.push_str(&e.pointer);
    }
    m.push_str(": ");
    m.push_str(&e.reason);
    GlueError::invalid_config(m).with_hint(
        "Tool parameters take a JSON Schema (draft 2020-12; documents a $ref names go in the schemas option) or any Standard Schema (zod, valibot, arktype).",
    )
}

/// The params of a call failed validation (`invalid_params`): the message names the
/// JSON pointer of the first failure.
pub fn invalid_params(tool: &str, f: &Failure) -> GlueError {
    let mut m = cat(&["invalid params for tool ", &quoted(tool)]);
    if !f.pointer.is_empty() {
        m.push_str(" at ");
        m.push_str(&f.pointer);
    }
    m.push_str(": ");
    m.push_str(&f.reason);
    GlueError::new(ErrorCode::InvalidParams, m)
}

/// Params text the JSON reader refused (nesting too deep, a number out of range), for a
/// tool with a schema. (Params that `JSON.stringify` cannot write are refused by the
/// facade.)
pub fn params_not_json(tool: &str, pointer: &str, reason: &str) -> GlueError {
    let mut m = cat(&["invalid params for tool ", &quoted(tool)]);
    if !pointer.is_empty() {
        m.push_str(" at ");
        m.push_str(pointer);
    }
    m.push_str(": not JSON data (");
    m.push_str(reason);
    m.push(')');
    GlueError::new(ErrorCode::InvalidParams, m)
}

/// No tool of that name (`unknown_tool`): the message lists the registered names and
/// the nearest one.
pub fn unknown_tool(name: &str, registered: &[&str]) -> GlueError {
    let mut m = cat(&["unknown tool ", &quoted(name)]);
    if registered.is_empty() {
        m.push_str("; no tools are registered");
    } else {
        m.push_str("; registered tools: ");
        for (i, r) in registered.iter().enumerate() {
            if i > 0 {
                m.push_str(", ");
            }
            m.push_str(&quoted(r));
        }
        if let Some(near) = nearest(name, registered) {
            m.push_str(" (did you mean ");
            m.push_str(&quoted(near));
            m.push_str("?)");
        }
    }
    GlueError::new(ErrorCode::UnknownTool, m).with_hint(
        "Register the tool with tools.register(name, ...) under the name the workflow's client tool uses.",
    )
}

/// The registered name closest to `name` by edit distance (case-insensitive), if it is
/// close enough to be a likely typo: at most a third of the longer name, and 3 edits.
pub fn nearest<'a>(name: &str, registered: &[&'a str]) -> Option<&'a str> {
    // ASCII case only: Unicode case tables would cost kilobytes of WebAssembly.
    let lower: Vec<char> = name.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut best: Option<(usize, &str)> = None;
    for r in registered {
        let other: Vec<char> = r.chars().map(|c| c.to_ascii_lowercase()).collect();
        let d = edit_distance(&lower, &other);
        let limit = (lower.len().max(other.len()) / 3).clamp(1, 3);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, r));
        }
    }
    best.map(|(_, r)| r)
}

/// Levenshtein distance (insert, delete, substitute), over characters.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    if a.len() > 256 || b.len() > 256 {
        return usize::MAX;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        core::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'a>(list: &[&'a str]) -> Vec<&'a str> {
        list.to_vec()
    }

    #[test]
    fn unknown_tools_list_the_registered_and_the_nearest() {
        let e = unknown_tool("add_nte", &names(&["add_note", "open_link"]));
        assert_eq!(e.code, ErrorCode::UnknownTool);
        assert!(!e.retryable);
        assert_eq!(
            e.message,
            "unknown tool \"add_nte\"; registered tools: \"add_note\", \"open_link\" (did you mean \"add_note\"?)"
        );
        let far = unknown_tool("weather", &names(&["add_note"]));
        assert!(!far.message.contains("did you mean"));
        let none = unknown_tool("x", &[]);
        assert!(none.message.ends_with("no tools are registered"));
    }

    #[test]
    fn nearest_is_case_insensitive_and_bounded() {
        let r = names(&["open_link", "add_note", "Search"]);
        assert_eq!(nearest("OPEN_LINK", &r), Some("open_link"));
        assert_eq!(nearest("search", &r), Some("Search"));
        assert_eq!(nearest("ad_note", &r), Some("add_note"));
        assert_eq!(nearest("zzz", &r), None);
        assert_eq!(nearest("", &r), None);
    }

    #[test]
    fn edit_distances() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&c("kitten"), &c("sitting")), 3);
        assert_eq!(edit_distance(&c(""), &c("abc")), 3);
        assert_eq!(edit_distance(&c("same"), &c("same")), 0);
    }

    #[test]
    fn messages_name_the_tool_and_the_pointer() {
        let f = Failure {
            pointer: "/items/2/id".into(),
            reason: "expected integer".into(),
        };
        let e = invalid_params("add_note", &f);
        assert_eq!(e.code, ErrorCode::InvalidParams);
        assert_eq!(
            e.message,
            "invalid params for tool \"add_note\" at /items/2/id: expected integer"
        );
        let s = invalid_schema(
            "t",
            &SchemaError {
                pointer: "/oneOf".into(),
                reason: "unsupported keyword \"oneOf\"".into(),
            },
        );
        assert_eq!(s.code, ErrorCode::InvalidConfig);
        assert_eq!(
            s.message,
            "tool \"t\": parameters schema at /oneOf: unsupported keyword \"oneOf\""
        );
        // The result messages (`invalid_result`) are the facade's: tests/js/node/tools.test.mjs.
        let d = params_not_json("t", "/a/0", "nesting deeper than 128 levels");
        assert_eq!(d.code, ErrorCode::InvalidParams);
        assert_eq!(
            d.message,
            "invalid params for tool \"t\" at /a/0: not JSON data (nesting deeper than 128 levels)"
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn a_registered_name_is_its_own_nearest(list in proptest::collection::vec("[a-z_]{1,12}", 1..6), pick in proptest::prelude::any::<proptest::sample::Index>()) {
            let chosen = pick.get(&list).clone();
            let list: Vec<&str> = list.iter().map(String::as_str).collect();
            let near = nearest(&chosen, &list).map(|s| s.to_lowercase());
            proptest::prop_assert_eq!(near, Some(chosen.to_lowercase()));
        }

        #[test]
        fn edit_distance_is_a_metric(a in "[a-c]{0,8}", b in "[a-c]{0,8}", c in "[a-c]{0,8}") {
            let (a, b, c): (Vec<char>, Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect(), c.chars().collect());
            proptest::prop_assert_eq!(edit_distance(&a, &b), edit_distance(&b, &a));
            proptest::prop_assert!(edit_distance(&a, &c) <= edit_distance(&a, &b) + edit_distance(&b, &c));
            proptest::prop_assert_eq!(edit_distance(&a, &b) == 0, a == b);
        }
    }
}

//! The nearest valid name to a mistyped one, for "did you mean" suggestions.

/// Edit distance between `a` and `b` ignoring ASCII case: insertions, deletions and
/// substitutions of bytes each cost 1 (Levenshtein). Option names are ASCII, so bytes
/// are characters where it matters.
pub fn distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(!ca.eq_ignore_ascii_case(cb));
            let next = (row[j + 1] + 1).min(row[j] + 1).min(diagonal + cost);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The candidate closest to `name`, if it is close enough to be a likely typo: at most
/// a third of the name's length away (at least 1, at most 3). Ties go to the earlier
/// candidate, so the answer is deterministic.
pub fn nearest(name: &str, candidates: &[&'static str]) -> Option<&'static str> {
    if name.len() > 64 {
        return None;
    }
    let limit = (name.len() / 3).clamp(1, 3);
    let mut best: Option<(usize, &'static str)> = None;
    for &c in candidates {
        let d = distance(name, c);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diagnostics::keys;

    #[test]
    fn distance_counts_edits_and_ignores_case() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("onerror", "onError"), 0);
        assert_eq!(distance("onErorr", "onError"), 2);
        assert_eq!(distance("onClientTools", "onClientTool"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("ab", "ba"), 2);
    }

    #[test]
    fn suggests_likely_typos_only() {
        let all = || &keys::ALL[..];
        assert_eq!(nearest("onErorr", all()), Some("onError"));
        assert_eq!(nearest("onready", all()), Some("onReady"));
        assert_eq!(nearest("startscreen", all()), Some("startScreen"));
        assert_eq!(
            nearest("threadItemAction", all()),
            Some("threadItemActions")
        );
        assert_eq!(
            nearest("onThreadLoadStarted", all()),
            Some("onThreadLoadStart")
        );
        assert_eq!(nearest("apiKey", all()), None);
        assert_eq!(nearest("banana", all()), None);
        assert_eq!(nearest("x", all()), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use crate::core::diagnostics::keys;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn a_suggestion_is_always_a_valid_name(name in "\\PC{0,40}") {
                if let Some(s) = nearest(&name, &keys::ALL) {
                    prop_assert!(keys::is_valid(s));
                }
            }

            #[test]
            fn one_edit_from_a_long_name_finds_it(i in 0usize..29, pos in 0usize..40, c in "[a-z]") {
                let key = keys::ALL[i];
                let mut typo: Vec<char> = key.chars().collect();
                if key.len() >= 6 {
                    let p = pos % typo.len();
                    typo[p] = c.chars().next().unwrap();
                    let typo: String = typo.into_iter().collect();
                    let s = nearest(&typo, &keys::ALL);
                    prop_assert!(s.is_some());
                    prop_assert!(distance(&typo, s.unwrap()) <= 1);
                }
            }

            #[test]
            fn distance_is_symmetric_and_zero_only_for_equal(a in "[a-zA-Z]{0,12}", b in "[a-zA-Z]{0,12}") {
                prop_assert_eq!(distance(&a, &b), distance(&b, &a));
                prop_assert_eq!(distance(&a, &b) == 0, a.eq_ignore_ascii_case(&b));
            }
        }
    }
}

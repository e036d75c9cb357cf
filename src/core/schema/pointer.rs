//! JSON pointers (RFC 6901) for messages: `/items/2/id`. Segments are built only when a
//! failure is reported, and long keys are shortened so a message stays readable.

use alloc::string::String;

/// One step into a value: an object key or an array index.
#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Longest key, in characters, written into a pointer before it is cut with `…`.
const MAX_KEY_CHARS: usize = 64;

/// The pointer for `path`; the empty pointer (the whole value) is `""`.
pub fn to_pointer(path: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in path {
        out.push('/');
        match step {
            Step::Key(key) => {
                for (i, c) in key.chars().enumerate() {
                    if i == MAX_KEY_CHARS {
                        out.push('…');
                        break;
                    }
                    match c {
                        '~' => out.push_str("~0"),
                        '/' => out.push_str("~1"),
                        c if c.is_control() => out.push('\u{fffd}'),
                        c => out.push(c),
                    }
                }
            }
            Step::Index(i) => push_usize(&mut out, *i),
        }
    }
    out
}

/// `s` in double quotes for a message, cut after 64 characters, control characters
/// replaced.
pub fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for (i, c) in s.chars().enumerate() {
        if i == MAX_KEY_CHARS {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { '\u{fffd}' } else { c });
    }
    out.push('"');
    out
}

pub fn push_usize(out: &mut String, n: usize) {
    super::number::push_u64(out, n as u64);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_indexes() {
        assert_eq!(to_pointer(&[]), "");
        assert_eq!(
            to_pointer(&[Step::Key("items"), Step::Index(2), Step::Key("id")]),
            "/items/2/id"
        );
        assert_eq!(to_pointer(&[Step::Key("a/b~c")]), "/a~1b~0c");
        assert_eq!(to_pointer(&[Step::Key("")]), "/");
        assert_eq!(to_pointer(&[Step::Key("a\nb")]), "/a\u{fffd}b");
    }

    #[test]
    fn long_keys_are_cut() {
        let long = "k".repeat(500);
        let p = to_pointer(&[Step::Key(&long)]);
        assert_eq!(p.chars().count(), 1 + MAX_KEY_CHARS + 1);
        assert!(p.ends_with('…'));
    }
}

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
        push_step(&mut out, *step);
    }
    out
}

/// `/` and the step, escaped (a long key cut, control characters replaced).
pub fn push_step(out: &mut String, step: Step<'_>) {
    out.push('/');
    match step {
        Step::Key(key) => {
            let cut = head(key, MAX_KEY_CHARS);
            for c in cut.unwrap_or(key).chars() {
                match c {
                    '~' => out.push_str("~0"),
                    '/' => out.push_str("~1"),
                    c if c.is_control() => out.push('\u{fffd}'),
                    c => out.push(c),
                }
            }
            if cut.is_some() {
                out.push('…');
            }
        }
        Step::Index(i) => push_usize(out, i),
    }
}

/// `s` in double quotes for a message, cut after 64 characters, control characters
/// replaced.
pub fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    let cut = head(s, MAX_KEY_CHARS);
    for c in cut.unwrap_or(s).chars() {
        out.push(if c.is_control() { '\u{fffd}' } else { c });
    }
    if cut.is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

/// The first `n` code points of `s` when it has more (counted on bytes: every byte that
/// does not continue a UTF-8 sequence starts one), else `None`.
pub fn head(s: &str, n: usize) -> Option<&str> {
    let mut count = 0;
    for (i, b) in s.bytes().enumerate() {
        if b & 0xC0 != 0x80 {
            if count == n {
                return s.get(..i);
            }
            count += 1;
        }
    }
    None
}

/// `s` split around the first (or with `last`, the last) ASCII byte `c`.
pub fn split_at(s: &str, c: u8, last: bool) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let i = if last {
        b.iter().rposition(|x| *x == c)?
    } else {
        b.iter().position(|x| *x == c)?
    };
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// The pieces of `s` between the ASCII byte `c`, as `str::split` gives them, found with a
/// byte loop (a `char` pattern would bring the standard library's searcher and its
/// `memchr` into the module).
pub fn pieces(s: &str, c: u8) -> Pieces<'_> {
    Pieces { rest: Some(s), c }
}

pub struct Pieces<'a> {
    rest: Option<&'a str>,
    c: u8,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.rest?;
        match split_at(s, self.c, false) {
            Some((head, tail)) => {
                self.rest = Some(tail);
                Some(head)
            }
            None => self.rest.take(),
        }
    }
}

/// The position of `name` among the space-separated names of `table` (their count when
/// it is none of them).
pub fn find(table: &str, name: &str) -> usize {
    let mut i = 0;
    for n in pieces(table, b' ') {
        if n == name {
            break;
        }
        i += 1;
    }
    i
}

/// The `i`th of the space-separated names of `table` (`""` past the end).
pub fn nth(table: &'static str, i: usize) -> &'static str {
    pieces(table, b' ').nth(i).unwrap_or("")
}

/// Whether `list` holds `x`: a plain loop, where `<[T]>::contains` brings a search of its
/// own (`memchr` for bytes, an unrolled loop for `u32`) several times this size.
#[allow(clippy::manual_contains)]
pub fn member<T: Copy + PartialEq>(list: &[T], x: T) -> bool {
    list.iter().any(|y| *y == x)
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

    #[test]
    fn pieces_split_as_str_split_does() {
        for s in ["", "a", "a b", " a  b ", "/x/y", "é/😀/", "//"] {
            for c in [b' ', b'/', 0] {
                let ours: Vec<&str> = pieces(s, c).collect();
                let std: Vec<&str> = s.split(c as char).collect();
                assert_eq!(ours, std, "{s:?} by {c}");
            }
        }
    }
}

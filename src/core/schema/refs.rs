//! The dereference pass: every schema document (the tool's schema and the app's
//! `schemas`) is walked once: every schema resource is indexed under its URI, every
//! anchor under `base#name`, and every subschema by address with its own base URI and
//! resource (a JSON pointer fragment is followed from its resource). The compiler then
//! turns every `$ref` into a node index; nothing is looked up while validating. Never
//! the network: a URI that no registered document defines is an error.

use super::compile::{err, holds, keyword, Refused, ANCHOR, DYNAMIC_ANCHOR, MAX_SCHEMA_DEPTH};
use super::pointer::{member, pieces, split_at, to_pointer, Step};
use super::value::Value;
use crate::core::text::cat;
use alloc::string::String;
use alloc::string::ToString;
use alloc::vec::Vec;

/// Where a subschema sits: its schema resource (whose URI is its base URI), and its
/// location for messages (`/properties/a` in the tool's schema, `uri#/…` in a registered
/// document).
pub struct Info {
    pub resource: u32,
    pub loc: String,
}

#[derive(Default)]
pub struct Index<'a> {
    /// Schema resources (`uri`) and anchors (`uri#name`), with the subschema.
    pub uris: Vec<(String, &'a Value<'a>)>,
    /// Every subschema, by address.
    pub infos: Vec<(*const Value<'a>, Info)>,
    /// Schema resources, by URI: a resource's id is its position.
    pub resources: Vec<String>,
    /// `$dynamicAnchor`s: (resource, name, subschema).
    pub dynamic: Vec<(u32, &'a str, &'a Value<'a>)>,
}

impl<'a> Index<'a> {
    /// Indexes the document `doc` retrieved from `uri` (`""` for the tool's schema);
    /// `at` prefixes the locations of its subschemas in messages.
    pub fn add(&mut self, uri: &str, doc: &'a Value<'a>, at: &str) -> Result<(), Refused> {
        let res = self.resource(uri);
        self.uris.push((uri.into(), doc));
        self.walk(doc, res, &mut Vec::new(), at)
    }

    pub fn resource(&mut self, uri: &str) -> u32 {
        match self.resources.iter().position(|r| r == uri) {
            Some(i) => i as u32,
            None => {
                self.resources.push(uri.into());
                (self.resources.len() - 1) as u32
            }
        }
    }

    /// The URI of resource `res`: the base URI of its subschemas.
    pub fn base(&self, res: u32) -> &str {
        self.resources.get(res as usize).map_or("", |s| s)
    }

    pub fn info(&self, v: &Value<'a>) -> Option<&Info> {
        let at: *const Value<'a> = v;
        self.infos.iter().find(|(p, _)| *p == at).map(|(_, i)| i)
    }

    /// The subschema a URI names.
    pub fn find(&self, uri: &str) -> Option<&'a Value<'a>> {
        self.uris.iter().find(|(u, _)| u == uri).map(|(_, v)| *v)
    }

    fn walk(
        &mut self,
        v: &'a Value<'a>,
        mut res: u32,
        path: &mut Vec<Step<'a>>,
        at: &str,
    ) -> Result<(), Refused> {
        let loc = cat(&[at, &to_pointer(path)]);
        if path.len() > MAX_SCHEMA_DEPTH * 2 {
            return Err(err(&loc, "", "the schema nests too deeply"));
        }
        if let Some(id) = v.get("$id").and_then(Value::as_str) {
            let base = resolve(self.base(res), id);
            let base = before_hash(&base);
            res = self.resource(base);
            self.uris.push((base.into(), v));
        }
        self.infos.push((v, Info { resource: res, loc }));
        let Value::Object(props) = v else {
            return Ok(());
        };
        for (key, sub) in props {
            let kw = keyword(key);
            if let (ANCHOR | DYNAMIC_ANCHOR, Some(name)) = (kw, sub.as_str()) {
                let uri = cat(&[self.base(res), "#", name]);
                self.uris.push((uri, v));
                if kw == DYNAMIC_ANCHOR {
                    self.dynamic.push((res, name, v));
                }
            }
            path.push(Step::Key(key));
            match (holds(kw), sub) {
                (1, _) => self.walk(sub, res, path, at)?,
                (2, Value::Object(map)) => {
                    for (name, s) in map {
                        path.push(Step::Key(name));
                        self.walk(s, res, path, at)?;
                        path.pop();
                    }
                }
                (3, Value::Array(list)) => {
                    for (i, s) in list.iter().enumerate() {
                        path.push(Step::Index(i));
                        self.walk(s, res, path, at)?;
                        path.pop();
                    }
                }
                _ => {}
            }
            path.pop();
        }
        Ok(())
    }
}

/// `uri` without its fragment.
pub fn before_hash(uri: &str) -> &str {
    split_at(uri, b'#', false).map_or(uri, |(doc, _)| doc)
}

/// The value at a JSON pointer (already percent-decoded) under `root`.
pub fn navigate<'a>(root: &'a Value<'a>, ptr: &str) -> Option<&'a Value<'a>> {
    let mut cur = root;
    for raw in pieces(ptr, b'/').skip(1) {
        let mut key = String::new();
        let mut tilde = false;
        for c in raw.chars() {
            match (tilde, c) {
                (false, '~') => tilde = true,
                (true, '1') => (key.push('/'), tilde = false).1,
                (true, _) => (key.push('~'), tilde = false).1,
                (false, c) => key.push(c),
            }
        }
        cur = match cur {
            Value::Array(items) => {
                let mut i: usize = 0;
                for d in key.bytes() {
                    let d = d.checked_sub(b'0').filter(|d| *d < 10)?;
                    i = i.checked_mul(10)?.checked_add(usize::from(d))?;
                }
                items.get(i)?
            }
            _ => cur.get(&key)?,
        };
    }
    Some(cur)
}

fn hex(b: Option<&u8>) -> Option<u8> {
    let c = *b?;
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// `%XX` escapes of ASCII characters decoded (a URI fragment holding a JSON pointer or
/// an anchor); any other text is kept as it is.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match (c, hex(b.get(i + 1)), hex(b.get(i + 2))) {
            ('%', Some(h), Some(l)) if h < 8 => {
                out.push(char::from(h * 16 + l));
                chars.next();
                chars.next();
            }
            (c, _, _) => out.push(c),
        }
    }
    out
}

/// The ends of a URI's scheme (after `:`, or 0), authority and path.
pub fn parts(u: &str) -> (usize, usize, usize) {
    let b = u.as_bytes();
    let end = |from: usize, stops: &[u8]| {
        (from..b.len())
            .find(|i| b.get(*i).is_some_and(|c| member(stops, *c)))
            .unwrap_or(b.len())
    };
    let first = end(0, b":/?#");
    let scheme = if b.get(first) == Some(&b':')
        && b.first().is_some_and(u8::is_ascii_alphabetic)
        && b.iter()
            .take(first)
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
    {
        first + 1
    } else {
        0
    };
    let auth = if b.get(scheme..scheme + 2) == Some(b"//") {
        end(scheme + 2, b"/?#")
    } else {
        scheme
    };
    (scheme, auth, end(auth, b"?#"))
}

/// RFC 3986 section 5.2: the reference `r` resolved against `base`.
pub fn resolve(base: &str, r: &str) -> String {
    let (rs, ra, rp) = parts(r);
    if rs > 0 {
        return r.into();
    }
    let base = before_hash(base);
    let (bs, ba, bp) = parts(base);
    let head = |end: usize| base.get(..end).unwrap_or("");
    if ra > 0 {
        // `//authority…`
        return cat(&[head(bs), r]);
    }
    let (path, tail) = (r.get(..rp).unwrap_or(""), r.get(rp..).unwrap_or(""));
    if path.is_empty() {
        // Only a query and/or a fragment.
        let keep = if tail.starts_with('?') {
            bp
        } else {
            base.len()
        };
        return cat(&[head(keep), tail]);
    }
    let merged = if path.starts_with('/') {
        path.to_string()
    } else {
        let bpath = base.get(ba..bp).unwrap_or("");
        if ba > bs && bpath.is_empty() {
            cat(&["/", path])
        } else {
            cat(&[
                bpath
                    .get(..split_at(bpath, b'/', true).map_or(0, |(d, _)| d.len() + 1))
                    .unwrap_or(""),
                path,
            ])
        }
    };
    cat(&[head(ba), &remove_dots(&merged), tail])
}

/// RFC 3986 section 5.2.4.
fn remove_dots(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let floor = usize::from(path.starts_with('/'));
    let mut segs = pieces(path, b'/').peekable();
    while let Some(s) = segs.next() {
        match s {
            "." | ".." => {
                if s == ".." && out.len() > floor {
                    out.pop();
                }
                if segs.peek().is_none() {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut joined = String::with_capacity(path.len());
    for (i, s) in out.iter().enumerate() {
        if i > 0 {
            joined.push('/');
        }
        joined.push_str(s);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (r, want) in [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
        ] {
            assert_eq!(resolve(base, r), want, "{r}");
        }
        assert_eq!(resolve("", "#/a"), "#/a");
        assert_eq!(resolve("http://x/y.json", "#/a"), "http://x/y.json#/a");
        assert_eq!(resolve("http://x", "y.json"), "http://x/y.json");
        assert_eq!(resolve("urn:uuid:1234#/x", "#/a"), "urn:uuid:1234#/a");
    }

    #[test]
    fn pointers() {
        assert_eq!(percent_decode("/a%25b%22c"), "/a%b\"c");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%C3%A9"), "%C3%A9");
        let v = crate::core::schema::json::parse(r#"{"a/b": [0, {"~": 5}]}"#, &|_| 0.0).unwrap();
        assert!(matches!(navigate(&v, "/a~1b/1/~0"), Some(Value::Number(n)) if *n == 5.0));
        assert!(navigate(&v, "/a~1b/9").is_none());
    }
}

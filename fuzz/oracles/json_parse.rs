//! `core::schema::json::parse` against `serde_json`.
//!
//! The input is one JSON text (inputs that are not UTF-8 are skipped: the parser takes a
//! `&str`). The oracle is `serde_json` with correctly rounded floats and no recursion
//! limit, read in order through a visitor, so duplicate keys, key order and every number
//! can be compared:
//!
//! - ours accepts exactly what serde_json accepts, with one listed difference: a `\u`
//!   escape of a lone surrogate (which `JSON.parse` accepts) is an error for serde_json,
//!   while ours reads a string holding one as [`Value::Lone`]: U+FFFD in its text and
//!   the surrogate's code unit on the side (an object key keeps U+FFFD only). The oracle
//!   therefore reads the text with each lone-surrogate escape rewritten to `\uFFFD`, and
//!   must then agree on everything, a `Lone`'s text included; each code unit a `Lone`
//!   keeps must be a surrogate at the offset of a U+FFFD of its text;
//! - values are equal: numbers bit for bit as the `f64` `JSON.parse` gives (serde_json's
//!   integers converted with one rounding, as the engine does), strings exactly, objects
//!   with their keys in first-seen order and the last value of a repeated key;
//! - the only text serde_json accepts and we refuse is nesting deeper than
//!   `MAX_VALUE_DEPTH`, refused with `TOO_DEEP`.

use chatkit_glue::core::schema::json::{parse, TOO_DEEP};
use chatkit_glue::core::schema::{Value, MAX_VALUE_DEPTH};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Deeper than this, the oracle is not run (its recursion would need a large stack); the
/// parser must refuse such text anyway.
const ORACLE_MAX_DEPTH: usize = 512;

pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = parse(text, &|s: &str| s.parse().unwrap_or(f64::NAN));
    let depth = bracket_depth(text);
    if depth > ORACLE_MAX_DEPTH {
        assert!(ours.is_err(), "accepted nesting of {depth}: {text:?}");
        return;
    }
    let theirs = oracle(&without_lone_surrogates(text));
    match (ours, theirs) {
        (Ok(a), Ok(b)) => assert!(
            same(&a, &b),
            "different values for {text:?}:\n ours   {a:?}\n serde  {b:?}"
        ),
        (Ok(a), Err(e)) => panic!("accepted what serde_json refuses ({e}): {text:?} -> {a:?}"),
        (Err(e), Ok(b)) => {
            assert_eq!(
                e.reason, TOO_DEEP,
                "refused what serde_json accepts: {text:?} ({e:?}), serde read {b:?}"
            );
            assert!(
                nesting(&b) > MAX_VALUE_DEPTH,
                "refused as too deep a value of depth {}: {text:?}",
                nesting(&b)
            );
        }
        (Err(_), Err(_)) => {}
    }
}

/// The deepest bracket nesting outside strings (an upper bound for valid text).
fn bracket_depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// `text` with every `\u` escape of a lone surrogate replaced by `\uFFFD` (what our
/// parser reads it as), pairs and every other escape kept. Escapes are consumed whole,
/// so `\\uD800` (an escaped backslash, then text) is left alone.
pub fn without_lone_surrogates(text: &str) -> String {
    let b = text.as_bytes();
    let hex4 = |i: usize| -> Option<u32> {
        let h = b.get(i..i + 4)?;
        let s = std::str::from_utf8(h).ok()?;
        if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(s, 16).ok()
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b.get(i + 1) != Some(&b'u') {
            i += 2;
            continue;
        }
        let Some(cp) = hex4(i + 2) else {
            i += 2;
            continue;
        };
        let high = (0xd800..0xdc00).contains(&cp);
        let low = (0xdc00..0xe000).contains(&cp);
        let paired = high
            && b.get(i + 6..i + 8) == Some(b"\\u")
            && hex4(i + 8).is_some_and(|lo| (0xdc00..0xe000).contains(&lo));
        if paired {
            i += 12;
        } else if high || low {
            out.push_str(&text[copied..i]);
            out.push_str("\\uFFFD");
            i += 6;
            copied = i;
        } else {
            i += 6;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The oracle's reading of `text`: serde_json, no recursion limit, values in order.
fn oracle(text: &str) -> Result<Ordered, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let v = Ordered::deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// A JSON value as serde_json reads it, keeping key order.
#[derive(Debug)]
pub enum Ordered {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Ordered>),
    Object(Vec<(String, Ordered)>),
}

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(OrderedVisitor)
    }
}

struct OrderedVisitor;

impl<'de> Visitor<'de> for OrderedVisitor {
    type Value = Ordered;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Ordered, E> {
        Ok(Ordered::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Ordered, E> {
        Ok(Ordered::Bool(v))
    }
    // One rounding from the exact integer, as the engine's number parsing does.
    fn visit_u64<E>(self, v: u64) -> Result<Ordered, E> {
        Ok(Ordered::Number(v as f64))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Ordered, E> {
        Ok(Ordered::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Ordered, E> {
        Ok(Ordered::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Ordered, E> {
        Ok(Ordered::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Ordered, E> {
        Ok(Ordered::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ordered, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element()? {
            items.push(v);
        }
        Ok(Ordered::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
        // As `JSON.parse`: a repeated key keeps its first position and its last value.
        let mut props: Vec<(String, Ordered)> = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            let v: Ordered = map.next_value()?;
            match props.iter_mut().find(|(key, _)| *key == k) {
                Some(slot) => slot.1 = v,
                None => props.push((k, v)),
            }
        }
        Ok(Ordered::Object(props))
    }
}

fn same(a: &Value, b: &Ordered) -> bool {
    match (a, b) {
        (Value::Null, Ordered::Null) => true,
        (Value::Bool(x), Ordered::Bool(y)) => x == y,
        (Value::Number(x), Ordered::Number(y)) => x.to_bits() == y.to_bits(),
        (Value::String(x), Ordered::String(y)) => x == y,
        (Value::Lone(x, units), Ordered::String(y)) => {
            x == y
                && !units.is_empty()
                && units.windows(2).all(|w| w[0].0 < w[1].0)
                && units.iter().all(|&(at, unit)| {
                    (0xd800..0xe000).contains(&unit)
                        && x.get(at as usize..)
                            .is_some_and(|t| t.starts_with('\u{fffd}'))
                })
        }
        (Value::Array(x), Ordered::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Ordered::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k, a), (l, b))| k == l && same(a, b))
        }
        _ => false,
    }
}

/// Containers on the deepest path (a scalar is 0).
fn nesting(v: &Ordered) -> usize {
    match v {
        Ordered::Array(items) => 1 + items.iter().map(nesting).max().unwrap_or(0),
        Ordered::Object(props) => 1 + props.iter().map(|(_, v)| nesting(v)).max().unwrap_or(0),
        _ => 0,
    }
}

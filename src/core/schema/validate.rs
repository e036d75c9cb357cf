//! Checking a value against a compiled schema. The first failure is reported with the
//! JSON pointer of the value that failed and a sentence that never repeats the value
//! itself (only the schema's own numbers, names and constants).

use super::compile::{types, Node, Rules};
use super::number::{is_multiple_of, write_number};
use super::pointer::{push_usize, quoted, to_pointer, Step};
use super::value::Value;
use alloc::string::String;
use alloc::vec::Vec;

/// Why a value failed: where, and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// JSON pointer of the failing value; `""` is the whole value.
    pub pointer: String,
    pub reason: String,
}

impl core::fmt::Display for Failure {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.pointer.is_empty() {
            f.write_str(&self.reason)
        } else {
            write!(f, "{}: {}", self.pointer, self.reason)
        }
    }
}

type Path<'a> = Vec<Step<'a>>;

fn fail(path: &Path<'_>, reason: String) -> Result<(), Failure> {
    Err(Failure {
        pointer: to_pointer(path),
        reason,
    })
}

fn text(parts: &[&str]) -> String {
    parts.concat()
}

pub fn node<'a>(n: &Node, v: &'a Value, path: &mut Path<'a>) -> Result<(), Failure> {
    match n {
        Node::Bool(true) => Ok(()),
        Node::Bool(false) => fail(path, "no value is allowed here".into()),
        Node::Rules(r) => rules(r, v, path),
    }
}

fn type_matches(bits: u8, v: &Value) -> bool {
    let bit = match v {
        Value::Null => types::NULL,
        Value::Bool(_) => types::BOOLEAN,
        Value::Object(_) => types::OBJECT,
        Value::Array(_) => types::ARRAY,
        Value::String(_) => types::STRING,
        Value::Number(_) => {
            if bits & types::NUMBER != 0 || (bits & types::INTEGER != 0 && v.is_integer()) {
                return true;
            }
            types::NUMBER
        }
    };
    bits & bit != 0
}

fn expected_types(bits: u8) -> String {
    let mut s = String::from("expected ");
    let mut first = true;
    for (name, bit) in types::NAMES {
        if bits & bit != 0 {
            if !first {
                s.push_str(" or ");
            }
            s.push_str(name);
            first = false;
        }
    }
    s
}

/// A short JSON rendering of a schema constant for a message, if it is a scalar.
fn short(v: &Value, out: &mut String) -> bool {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => write_number(out, *n),
        Value::String(s) if s.chars().count() <= 40 => {
            out.push('"');
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    c if c.is_control() => out.push('\u{fffd}'),
                    c => out.push(c),
                }
            }
            out.push('"');
        }
        _ => return false,
    }
    true
}

fn rules<'a>(r: &Rules, v: &'a Value, path: &mut Path<'a>) -> Result<(), Failure> {
    if r.types != 0 && !type_matches(r.types, v) {
        return fail(path, expected_types(r.types));
    }
    if let Some(c) = &r.constant {
        if !c.json_eq(v) {
            let mut s = String::from("expected ");
            if !short(c, &mut s) {
                s.push_str("the schema's constant value");
            }
            return fail(path, s);
        }
    }
    if let Some(allowed) = &r.enumeration {
        if !allowed.iter().any(|a| a.json_eq(v)) {
            let mut s = String::from("expected one of ");
            let listed = allowed.len() <= 10
                && allowed.iter().enumerate().all(|(i, a)| {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    short(a, &mut s)
                });
            if !listed || allowed.is_empty() {
                s = "not one of the allowed values".into();
            }
            return fail(path, s);
        }
    }
    match v {
        Value::Number(n) => bounds(r, 0..5, *n, path),
        Value::String(s) => string(r, s, path),
        Value::Array(items) => array(r, items, path),
        Value::Object(props) => object(r, props, path),
        _ => Ok(()),
    }
}

/// Checks the bounds `range` of [`BOUNDS`] against `x` (a number, or a length).
fn bounds(
    r: &Rules,
    range: core::ops::Range<usize>,
    x: f64,
    path: &Path<'_>,
) -> Result<(), Failure> {
    const EXPECTED: [&str; 9] = [
        "at least ",
        "at most ",
        "more than ",
        "less than ",
        "a multiple of ",
        "at least ",
        "at most ",
        "at least ",
        "at most ",
    ];
    const UNIT: [&str; 9] = [
        "",
        "",
        "",
        "",
        "",
        " characters",
        " characters",
        " items",
        " items",
    ];
    for i in range {
        let Some(k) = r.bounds[i] else { continue };
        let ok = match i {
            0 | 5 | 7 => x >= k,
            1 | 6 | 8 => x <= k,
            2 => x > k,
            3 => x < k,
            _ => is_multiple_of(x, k),
        };
        if !ok {
            let mut s = String::from("expected ");
            s.push_str(EXPECTED[i]);
            write_number(&mut s, k);
            s.push_str(UNIT[i]);
            return fail(path, s);
        }
    }
    Ok(())
}

fn string(r: &Rules, s: &str, path: &Path<'_>) -> Result<(), Failure> {
    if r.bounds[5].is_some() || r.bounds[6].is_some() {
        // Unicode code points, as JSON Schema counts them (not UTF-16 units): every byte
        // that does not continue a UTF-8 sequence starts one.
        let len = s.bytes().filter(|b| b & 0xC0 != 0x80).count();
        bounds(r, 5..7, len as f64, path)?;
    }
    if let Some((source, p)) = &r.pattern {
        if !p.is_match(s) {
            let mut shown = String::new();
            for (i, c) in source.chars().enumerate() {
                if i == 80 {
                    shown.push('…');
                    break;
                }
                shown.push(c);
            }
            return fail(path, text(&["does not match the pattern ", &shown]));
        }
    }
    if let Some(f) = r.format {
        if !f.matches(s) {
            return fail(path, text(&["expected a valid ", f.name()]));
        }
    }
    Ok(())
}

fn array<'a>(r: &Rules, items: &'a [Value], path: &mut Path<'a>) -> Result<(), Failure> {
    bounds(r, 7..9, items.len() as f64, path)?;
    if r.unique_items {
        for (i, a) in items.iter().enumerate() {
            if let Some(j) = items[i + 1..].iter().position(|b| a.json_eq(b)) {
                let mut s = String::from("items ");
                push_usize(&mut s, i);
                s.push_str(" and ");
                push_usize(&mut s, i + 1 + j);
                s.push_str(" are equal; expected unique items");
                return fail(path, s);
            }
        }
    }
    if let Some(each) = &r.items {
        for (i, item) in items.iter().enumerate() {
            path.push(Step::Index(i));
            node(each, item, path)?;
            path.pop();
        }
    }
    Ok(())
}

fn object<'a>(r: &Rules, props: &'a [(String, Value)], path: &mut Path<'a>) -> Result<(), Failure> {
    for name in &r.required {
        if !props.iter().any(|(k, _)| k == name) {
            return fail(path, text(&["missing required property ", &quoted(name)]));
        }
    }
    if !r.additional_properties {
        for (k, _) in props {
            if !r.properties.iter().any(|(name, _)| name == k) {
                path.push(Step::Key(k));
                return fail(path, "unexpected property".into());
            }
        }
    }
    for (name, sub) in &r.properties {
        if let Some((k, v)) = props.iter().find(|(k, _)| k == name) {
            path.push(Step::Key(k));
            node(sub, v, path)?;
            path.pop();
        }
    }
    Ok(())
}

//! Checking a value against a compiled schema. The first failure is reported with the
//! JSON pointer of the value that failed and a sentence that never repeats the value
//! itself (only the schema's own numbers, names and constants).

use super::compile::{types, Node, Rules};
use super::number::{is_multiple_of, write_number};
use super::pointer::{push_usize, quoted, to_pointer, Step};
use super::value::Value;

/// Why a value failed: where, and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// JSON pointer of the failing value; `""` is the whole value.
    pub pointer: String,
    pub reason: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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

fn with_number(prefix: &str, n: f64, suffix: &str) -> String {
    let mut s = String::from(prefix);
    write_number(&mut s, n);
    s.push_str(suffix);
    s
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
        Value::Number(n) => number(r, *n, path),
        Value::String(s) => string(r, s, path),
        Value::Array(items) => array(r, items, path),
        Value::Object(props) => object(r, props, path),
        _ => Ok(()),
    }
}

fn number(r: &Rules, n: f64, path: &Path<'_>) -> Result<(), Failure> {
    if let Some(min) = r.minimum {
        if n < min {
            return fail(path, with_number("expected at least ", min, ""));
        }
    }
    if let Some(max) = r.maximum {
        if n > max {
            return fail(path, with_number("expected at most ", max, ""));
        }
    }
    if let Some(min) = r.exclusive_minimum {
        if n <= min {
            return fail(path, with_number("expected more than ", min, ""));
        }
    }
    if let Some(max) = r.exclusive_maximum {
        if n >= max {
            return fail(path, with_number("expected less than ", max, ""));
        }
    }
    if let Some(m) = r.multiple_of {
        if !is_multiple_of(n, m) {
            return fail(path, with_number("expected a multiple of ", m, ""));
        }
    }
    Ok(())
}

fn string(r: &Rules, s: &str, path: &Path<'_>) -> Result<(), Failure> {
    if r.min_length.is_some() || r.max_length.is_some() {
        // Unicode code points, as JSON Schema counts them (not UTF-16 units).
        let len = s.chars().count() as f64;
        if let Some(min) = r.min_length {
            if len < min {
                return fail(path, with_number("expected at least ", min, " characters"));
            }
        }
        if let Some(max) = r.max_length {
            if len > max {
                return fail(path, with_number("expected at most ", max, " characters"));
            }
        }
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
    let len = items.len() as f64;
    if let Some(min) = r.min_items {
        if len < min {
            return fail(path, with_number("expected at least ", min, " items"));
        }
    }
    if let Some(max) = r.max_items {
        if len > max {
            return fail(path, with_number("expected at most ", max, " items"));
        }
    }
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

//! Checking a value against the compiled nodes. Branches whose failure is not the
//! answer (`anyOf`, `oneOf`, `not`, `if`, `contains`, `propertyNames`) run quietly:
//! nothing is written until a failure is the one reported. The reported failure names
//! the JSON pointer of the value and the keyword (`/items/2/email: format "email"`); for
//! `anyOf`/`oneOf`, the branch that came closest. A message never repeats the value
//! itself (only the schema's own numbers, names and constants, and never a constant
//! under a secret-looking key), token-shaped text in it is redacted, and it is bounded.
//!
//! `unevaluatedProperties`/`unevaluatedItems` see what the other keywords evaluated
//! through a list of flags per property (or item) of the value, kept only by the nodes
//! that have those keywords and the subschemas they apply in place.

use super::compile::{types, Compiled, Op, FALSE, KEYWORDS, NONE};
use super::format::{Format, REGEX};
use super::number::{is_multiple_of, write_number};
use super::pointer::{head, nth, push_usize, quoted, to_pointer, Step};
use super::value::Value;
use super::Schema;
use crate::core::analytics::redact::{is_secret_key, redact_text};
use crate::core::text::cat;
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec;
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

/// Longest reason, in characters.
const MAX_REASON: usize = 300;

/// What a validation carries: where it is, the dynamic scope (resources entered), and
/// the failure to report.
struct Cx<'v> {
    path: Vec<Step<'v>>,
    scope: Vec<u32>,
    /// Above 0 inside a branch whose failure is not reported.
    quiet: u32,
    /// The failure (with the depth of its pointer).
    fail: Option<(usize, Failure)>,
}

/// Flags of the properties (or items) of the value that some keyword evaluated.
type Ev<'e> = Option<&'e mut Vec<bool>>;

impl Schema {
    /// `Ok` when `value` is valid, else the failure to report.
    pub fn validate(&self, value: &Value) -> Result<(), Failure> {
        let mut cx = Cx {
            path: Vec::new(),
            scope: Vec::new(),
            quiet: 0,
            fail: None,
        };
        if self.node(0, value, &mut cx, None) {
            return Ok(());
        }
        let f = cx.fail.map(|f| f.1).unwrap_or(Failure {
            pointer: String::new(),
            reason: "invalid".into(),
        });
        let text = redacted(f.reason);
        let reason = match head(&text, MAX_REASON) {
            Some(h) => cat(&[h, "…"]),
            None => text,
        };
        Err(Failure {
            pointer: redacted(f.pointer),
            reason,
        })
    }

    fn node<'v>(&self, n: u32, v: &'v Value, cx: &mut Cx<'v>, ev: Ev<'_>) -> bool {
        let Some(&node) = self.p.nodes.get(n as usize) else {
            return true;
        };
        let pushed = cx.scope.last() != Some(&node.resource);
        if pushed {
            cx.scope.push(node.resource);
        }
        let ops = self
            .p
            .ops
            .get(node.start as usize..node.end as usize)
            .unwrap_or(&[]);
        let ok = if node.unevaluated {
            let mut own = vec![false; size(v)];
            let ok = self.ops(ops, v, cx, Some(&mut own));
            if ok {
                merge(ev, &own);
            }
            ok
        } else {
            self.ops(ops, v, cx, ev)
        };
        if pushed {
            cx.scope.pop();
        }
        ok
    }

    fn ops<'v>(&self, ops: &[Op], v: &'v Value, cx: &mut Cx<'v>, mut ev: Ev<'_>) -> bool {
        for &op in ops {
            if !self.op(op, v, cx, ev.as_deref_mut()) {
                if cx.quiet == 0 && cx.fail.is_none() {
                    self.why(op, v, cx);
                }
                return false;
            }
        }
        true
    }

    /// `n` applied to the child `x` of the value, at `step`.
    fn at<'v>(&self, n: u32, x: &'v Value, step: Step<'v>, cx: &mut Cx<'v>) -> bool {
        cx.path.push(step);
        let ok = self.node(n, x, cx, None);
        cx.path.pop();
        ok
    }

    /// `n` applied quietly, its evaluated flags merged into `ev` when it passes.
    fn quietly<'v>(&self, n: u32, v: &'v Value, cx: &mut Cx<'v>, ev: &mut Ev<'_>) -> bool {
        let mut fresh = ev.as_ref().map(|e| vec![false; e.len()]);
        cx.quiet += 1;
        let ok = self.node(n, v, cx, fresh.as_mut());
        cx.quiet -= 1;
        if let (true, Some(f)) = (ok, fresh) {
            merge(ev.as_deref_mut(), &f);
        }
        ok
    }

    #[inline(never)]
    fn op<'v>(&self, op: Op, v: &'v Value, cx: &mut Cx<'v>, mut ev: Ev<'_>) -> bool {
        let p = &self.p;
        let Op { k, a, b, c, f } = op;
        match k {
            FALSE => false,
            30 => type_matches(a as u8, v),
            31 | 32 => self.vals(op).iter().any(|x| x.json_eq(v)),
            0..=10 => {
                let x = match (k, v) {
                    (0..=4, Value::Number(n)) => *n,
                    // Unicode code points, as JSON Schema counts them: every byte that
                    // does not continue a UTF-8 sequence starts one.
                    (5 | 6, Value::String(s) | Value::Lone(s, _)) => {
                        s.bytes().filter(|b| b & 0xC0 != 0x80).count() as f64
                    }
                    (7 | 8, Value::Array(a)) => a.len() as f64,
                    (9 | 10, Value::Object(p)) => p.len() as f64,
                    _ => return true,
                };
                match k {
                    0 | 5 | 7 | 9 => x >= f,
                    1 | 6 | 8 | 10 => x <= f,
                    2 => x > f,
                    3 => x < f,
                    _ => is_multiple_of(x, f),
                }
            }
            36 => v
                .as_str()
                .is_none_or(|s| p.pats.get(a as usize).is_none_or(|r| r.is_match(s))),
            37 => v.as_str().is_none_or(|s| {
                let f = Format(a as u8);
                if f == REGEX {
                    self.matcher.compile(s).is_some()
                } else {
                    f.matches(s)
                }
            }),
            33 => missing(v, p, p.list(a)).is_none(),
            34 => !has(v, p.str(a)) || missing(v, p, p.list(b)).is_none(),
            35 => match v {
                Value::Array(a) => duplicate(a).is_none(),
                _ => true,
            },
            40 => self.node(a, v, cx, ev),
            41 => {
                // The outermost resource of the dynamic scope with that anchor wins.
                let t = cx
                    .scope
                    .iter()
                    .find_map(|r| {
                        p.dynamic
                            .chunks_exact(3)
                            .find(|d| d[0] == *r && d[1] == b)
                            .map(|d| d[2])
                    })
                    .unwrap_or(a);
                self.node(t, v, cx, ev)
            }
            26 => p
                .list(a)
                .iter()
                .all(|n| self.node(*n, v, cx, ev.as_deref_mut())),
            27 | 28 => self.of(k, p.list(a), v, cx, ev),
            15 => {
                cx.quiet += 1;
                let ok = self.node(a, v, cx, None);
                cx.quiet -= 1;
                !ok
            }
            16 => {
                let next = if self.quietly(a, v, cx, &mut ev) {
                    b
                } else {
                    c
                };
                next == NONE || self.node(next, v, cx, ev)
            }
            22 => {
                let Value::Object(m) = v else { return true };
                for (i, (key, x)) in m.iter().enumerate() {
                    let mut hit = false;
                    for (pair, named) in [(a, true), (b, false)] {
                        for e in p.list(pair).chunks_exact(2) {
                            let matches = if named {
                                p.str(e[0]) == key
                            } else {
                                p.pats.get(e[0] as usize).is_some_and(|r| r.is_match(key))
                            };
                            if matches {
                                hit = true;
                                if !self.at(e[1], x, Step::Key(key), cx) {
                                    return false;
                                }
                            }
                        }
                    }
                    if !hit && c != NONE {
                        hit = true;
                        if !self.at(c, x, Step::Key(key), cx) {
                            return false;
                        }
                    }
                    if hit {
                        mark(&mut ev, i);
                    }
                }
                true
            }
            12 => self.bad_name(a, v, cx).is_none(),
            24 => p
                .list(a)
                .chunks_exact(2)
                .all(|e| !has(v, p.str(e[0])) || self.node(e[1], v, cx, ev.as_deref_mut())),
            29 => {
                let Value::Array(items) = v else { return true };
                let prefix = p.list(a);
                for (i, x) in items.iter().enumerate() {
                    let n = prefix.get(i).copied().unwrap_or(c);
                    if n == NONE {
                        break;
                    }
                    if !self.at(n, x, Step::Index(i), cx) {
                        return false;
                    }
                    mark(&mut ev, i);
                }
                true
            }
            14 => {
                if !matches!(v, Value::Array(_)) {
                    return true;
                }
                let count = self.contains(a, v, cx, &mut ev);
                count >= f && count <= f64::from(c)
            }
            19 | 20 => {
                let Some(ev) = ev else { return true };
                for (i, done) in ev.iter_mut().enumerate() {
                    let (x, step) = match v {
                        Value::Object(m) if k == 20 => match m.get(i) {
                            Some((key, x)) => (x, Step::Key(key)),
                            None => break,
                        },
                        Value::Array(items) if k == 19 => match items.get(i) {
                            Some(x) => (x, Step::Index(i)),
                            None => break,
                        },
                        _ => break,
                    };
                    if !*done {
                        if !self.at(a, x, step, cx) {
                            return false;
                        }
                        *done = true;
                    }
                }
                true
            }
            _ => true,
        }
    }

    /// The values of a `const` or `enum`.
    fn vals(&self, op: Op) -> &[Value<'static>] {
        self.p.vals.get(op.a as usize..op.b as usize).unwrap_or(&[])
    }

    /// How many items of an array match `n` (quietly), marking them evaluated.
    fn contains<'v>(&self, n: u32, v: &'v Value, cx: &mut Cx<'v>, ev: &mut Ev<'_>) -> f64 {
        let Value::Array(a) = v else {
            return 0.0;
        };
        let mut count = 0.0;
        cx.quiet += 1;
        for (i, x) in a.iter().enumerate() {
            if self.at(n, x, Step::Index(i), cx) {
                count += 1.0;
                mark(ev, i);
            }
        }
        cx.quiet -= 1;
        count
    }

    /// The first property name of an object that `n` refuses.
    fn bad_name<'v>(&self, n: u32, v: &'v Value, cx: &Cx<'v>) -> Option<&'v str> {
        let Value::Object(m) = v else { return None };
        for (k, _) in m {
            // A name is a value of its own, outside the instance: its own context.
            let mut sub = Cx {
                path: Vec::new(),
                scope: cx.scope.as_slice().into(),
                quiet: 1,
                fail: None,
            };
            if !self.node(n, &Value::String(Cow::Borrowed(k)), &mut sub, None) {
                return Some(k);
            }
        }
        None
    }

    /// `anyOf` (27) and `oneOf` (28).
    fn of<'v>(&self, kind: u8, list: &[u32], v: &'v Value, cx: &mut Cx<'v>, ev: Ev<'_>) -> bool {
        let mut hits = [0usize; 2];
        let mut count = 0;
        let mut got = ev.as_ref().map(|e| vec![false; e.len()]);
        for (i, b) in list.iter().enumerate() {
            let mut fresh = got.as_ref().map(|e| vec![false; e.len()]);
            cx.quiet += 1;
            let ok = self.node(*b, v, cx, fresh.as_mut());
            cx.quiet -= 1;
            if ok {
                if let Some(h) = hits.get_mut(count) {
                    *h = i;
                }
                count += 1;
                if let Some(f) = fresh {
                    merge(got.as_mut(), &f);
                }
                if ev.is_none() && (kind == 27 || count > 1) {
                    break;
                }
            }
        }
        let ok = if kind == 27 { count > 0 } else { count == 1 };
        let keyword = if kind == 27 { "anyOf" } else { "oneOf" };
        if ok {
            if let Some(g) = got {
                merge(ev, &g);
            }
        } else if cx.quiet == 0 && cx.fail.is_none() {
            if count > 1 {
                let mut s = cat(&["", keyword, ": matches branches "]);
                push_usize(&mut s, hits[0]);
                s.push_str(" and ");
                push_usize(&mut s, hits[1]);
                s.push_str("; expected exactly one");
                self.set(cx, s);
            } else {
                self.closest(keyword, list, v, cx);
            }
        }
        ok
    }

    /// Reports the failure of the branch that came closest: the deepest pointer, and at
    /// equal depth not a `type` failure.
    fn closest<'v>(&self, keyword: &str, list: &[u32], v: &'v Value, cx: &mut Cx<'v>) {
        let mut best: Option<(usize, usize, Failure)> = None;
        for (i, b) in list.iter().enumerate() {
            self.node(*b, v, cx, None);
            if let Some((depth, f)) = cx.fail.take() {
                let score = depth * 2 + usize::from(!f.reason.starts_with("type:"));
                if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                    best = Some((score, i, f));
                }
            }
        }
        if let Some((score, i, mut f)) = best {
            f.reason.push_str(" (");
            f.reason.push_str(keyword);
            f.reason.push_str(": no branch matched; closest is branch ");
            push_usize(&mut f.reason, i);
            f.reason.push(')');
            cx.fail = Some((score / 2, f));
        }
    }

    fn set(&self, cx: &mut Cx<'_>, reason: String) {
        cx.fail = Some((
            cx.path.len(),
            Failure {
                pointer: to_pointer(&cx.path),
                reason,
            },
        ));
    }

    /// The message of a check that failed here (applicators report their own).
    #[inline(never)]
    fn why<'v>(&self, op: Op, v: &'v Value, cx: &mut Cx<'v>) {
        let p = &self.p;
        let secret = matches!(cx.path.last(), Some(Step::Key(k)) if is_secret_key(k, &[]));
        let Op { k, a, b, c, f } = op;
        let name = if k == FALSE {
            "false"
        } else {
            nth(KEYWORDS, k.into())
        };
        let mut s = String::from(name);
        s.push_str(": ");
        match k {
            FALSE => {
                let under = nth(KEYWORDS, a as usize);
                let what = match a {
                    11 | 20 => "property",
                    13 | 19 => "item",
                    _ => "",
                };
                if what.is_empty() {
                    s.push_str("no value is allowed here");
                } else {
                    s = cat(&[under, ": unexpected ", what]);
                }
            }
            30 => {
                s.push_str("expected ");
                let mut first = true;
                for (i, name) in super::pointer::pieces(types::NAMES, b' ').enumerate() {
                    if a & 1 << i != 0 {
                        if !first {
                            s.push_str(" or ");
                        }
                        first = false;
                        s.push_str(name);
                    }
                }
            }
            31 | 32 => {
                let list = self.vals(op);
                s.push_str(if k == 31 {
                    "expected one of "
                } else {
                    "expected "
                });
                let listed = !secret
                    && list.len() <= 10
                    && !list.is_empty()
                    && list.iter().enumerate().all(|(i, x)| {
                        if i > 0 {
                            s.push_str(", ");
                        }
                        short(x, &mut s)
                    });
                if !listed {
                    s = String::from(if k == 31 {
                        "enum: not one of the allowed values"
                    } else {
                        "const: expected the schema's constant"
                    });
                }
            }
            0..=10 => {
                s.push_str("expected ");
                s.push_str(match k {
                    2 => "more than ",
                    3 => "less than ",
                    4 => "a multiple of ",
                    0 | 5 | 7 | 9 => "at least ",
                    _ => "at most ",
                });
                write_number(&mut s, f);
                s.push_str(match k {
                    5 | 6 => " characters",
                    7 | 8 => " items",
                    9 | 10 => " properties",
                    _ => "",
                });
            }
            36 => {
                let source = p.str(b);
                s.push_str("does not match ");
                match head(source, 80) {
                    Some(h) => {
                        s.push_str(h);
                        s.push('…');
                    }
                    None => s.push_str(source),
                }
            }
            37 => s = cat(&["format ", &quoted(Format(a as u8).name())]),
            33 | 34 => {
                let (names, key) = if k == 33 { (a, "") } else { (b, p.str(a)) };
                let Some(m) = missing(v, p, p.list(names)) else {
                    return;
                };
                if k == 34 {
                    s.push_str(&quoted(key));
                    s.push_str(" requires property ");
                } else {
                    s.push_str("missing property ");
                }
                s.push_str(&quoted(m));
            }
            35 => {
                let Value::Array(items) = v else { return };
                let (i, j) = duplicate(items).unwrap_or_default();
                s.push_str("items ");
                push_usize(&mut s, i);
                s.push_str(" and ");
                push_usize(&mut s, j);
                s.push_str(" are equal");
            }
            15 => s.push_str("must not match the schema in not"),
            14 => {
                let few = self.contains(a, v, cx, &mut None) < f;
                s = String::from(if few {
                    "contains: expected at least "
                } else {
                    "maxContains: expected at most "
                });
                write_number(&mut s, if few { f } else { f64::from(c) });
                s.push_str(" matching items");
            }
            12 => {
                let Some(name) = self.bad_name(a, v, cx) else {
                    return;
                };
                cx.path.push(Step::Key(name));
                self.set(cx, "propertyNames: not an allowed name".into());
                cx.path.pop();
                return;
            }
            _ => return,
        }
        self.set(cx, s);
    }
}

/// `s` with token-shaped text redacted: the same `String` when there is none (no copy,
/// and no `Cow::into_owned` in the module).
fn redacted(s: String) -> String {
    match redact_text(&s) {
        Cow::Owned(r) => r,
        Cow::Borrowed(_) => s,
    }
}

/// Properties of an object, items of an array: what evaluated flags are kept for.
fn size(v: &Value) -> usize {
    match v {
        Value::Object(m) => m.len(),
        Value::Array(a) => a.len(),
        _ => 0,
    }
}

fn merge(into: Ev<'_>, from: &[bool]) {
    if let Some(into) = into {
        for (a, b) in into.iter_mut().zip(from) {
            *a |= *b;
        }
    }
}

fn mark(ev: &mut Ev<'_>, i: usize) {
    if let Some(f) = ev.as_deref_mut().and_then(|e| e.get_mut(i)) {
        *f = true;
    }
}

fn has(v: &Value, name: &str) -> bool {
    v.get(name).is_some()
}

/// The first of `names` an object lacks (`None` for other values).
fn missing<'n>(v: &Value, p: &'n Compiled, names: &[u32]) -> Option<&'n str> {
    if let Value::Object(_) = v {
        for n in names {
            let name = p.str(*n);
            if !has(v, name) {
                return Some(name);
            }
        }
    }
    None
}

/// Two equal items, in linear time: an open-addressing table of hashes.
fn duplicate(items: &[Value]) -> Option<(usize, usize)> {
    if items.len() < 2 {
        return None;
    }
    let mask = (items.len() * 2).next_power_of_two() - 1;
    let mut table = vec![u32::MAX; mask + 1];
    let hashes: Vec<u64> = items.iter().map(Value::hash).collect();
    for (i, (h, x)) in hashes.iter().zip(items).enumerate() {
        let mut slot = *h as usize & mask;
        while let Some(t) = table.get_mut(slot) {
            let j = *t as usize;
            if *t == u32::MAX {
                *t = i as u32;
                break;
            }
            if hashes.get(j) == Some(h) && items.get(j).is_some_and(|y| y.json_eq(x)) {
                return Some((j, i));
            }
            slot = (slot + 1) & mask;
        }
    }
    None
}

fn type_matches(bits: u8, v: &Value) -> bool {
    let bit = match v {
        Value::Null => types::NULL,
        Value::Bool(_) => types::BOOLEAN,
        Value::Object(_) => types::OBJECT,
        Value::Array(_) => types::ARRAY,
        Value::String(_) | Value::Lone(..) => types::STRING,
        Value::Number(_) => {
            if bits & types::NUMBER != 0 || (bits & types::INTEGER != 0 && v.is_integer()) {
                return true;
            }
            types::NUMBER
        }
    };
    bits & bit != 0
}

/// A short JSON rendering of a schema constant for a message, if it is a scalar.
fn short(v: &Value, out: &mut String) -> bool {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => write_number(out, *n),
        Value::String(s) if head(s, 40).is_none() => {
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

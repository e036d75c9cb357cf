//! A schema (with the documents the app registered) becomes a flat arena of [`Node`]s
//! addressed by `u32` once: every `$ref` and `$dynamicRef` is resolved to a node index
//! here (see `refs`), so validating never looks a URI up. A malformed keyword, a
//! reference nothing defines, or a `$ref` cycle that never reaches into the value is
//! refused with the pointer of the keyword.

use super::format::Format;
use super::pattern::{Pattern, PatternMatcher};
use super::pointer::{find, member, quoted, split_at};
use super::refs::{before_hash, navigate, percent_decode, resolve, Index};
use super::value::Value;
use crate::core::text::cat;
use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// Deepest nesting of subschemas a schema may have.
pub const MAX_SCHEMA_DEPTH: usize = 64;

/// The JSON types, as bits of the `type` op: bit `i` is the `i`th name of [`NAMES`].
pub mod types {
    pub const NULL: u8 = 1;
    pub const BOOLEAN: u8 = 2;
    pub const OBJECT: u8 = 4;
    pub const ARRAY: u8 = 8;
    pub const NUMBER: u8 = 16;
    pub const STRING: u8 = 32;
    pub const INTEGER: u8 = 64;
    pub const NAMES: &str = "null boolean object array number string integer";
}

/// Every keyword of draft 2020-12, space-separated, in groups: the first 11 have a
/// number (five apply to numbers, two to string lengths, two to array lengths, two to
/// property counts), then those holding one subschema (11), an object of them (22), a
/// list of them (26), then the others (30), then the annotations (43). Any other key is
/// an annotation (refused with `strict`).
pub const KEYWORDS: &str = "minimum maximum exclusiveMinimum exclusiveMaximum multipleOf minLength maxLength minItems maxItems minProperties maxProperties additionalProperties propertyNames items contains not if then else unevaluatedItems unevaluatedProperties contentSchema properties patternProperties dependentSchemas $defs allOf anyOf oneOf prefixItems type enum const required dependentRequired uniqueItems pattern format minContains maxContains $ref $dynamicRef $schema $anchor $dynamicAnchor $id $comment $vocabulary title description default examples deprecated readOnly writeOnly contentEncoding contentMediaType";
/// How many names [`KEYWORDS`] has.
pub const KEYWORD_COUNT: usize = 57;
pub const MULTIPLE_OF: usize = 4;
pub const ANCHOR: usize = 43;
pub const DYNAMIC_ANCHOR: usize = 44;

/// The index of `key` in [`KEYWORDS`] ([`KEYWORD_COUNT`] when it is none of them).
pub fn keyword(key: &str) -> usize {
    find(KEYWORDS, key)
}

/// How the keyword at `kw` holds subschemas: 1 one, 2 an object of them, 3 a list.
pub fn holds(kw: usize) -> u8 {
    match kw {
        11..=21 => 1,
        22..=25 => 2,
        26..=29 => 3,
        _ => 0,
    }
}

/// No subschema (an absent `else`, `items`, …).
pub const NONE: u32 = u32::MAX;
/// The kind of the `false` schema's op (after every keyword's index).
pub const FALSE: u8 = KEYWORD_COUNT as u8;

/// One check of a compiled schema object: `k` is the index of its keyword in
/// [`KEYWORDS`] (or [`FALSE`]); `a`, `b`, `c` are node indices, positions in the
/// [`Compiled`] arenas or small numbers, as the keyword needs:
///
/// - bounds (0..=10): `f` the number. `type`: `a` the bits of [`types`]. `format`: `a`.
/// - `false`: `a` the keyword the `false` stands under (for its message).
/// - `const`: `a` in `vals`; `enum`: `vals[a..b]`.
/// - `required`: `a` a list of names; `dependentRequired` (one op per property): `a` the
///   name, `b` a list of names. `dependentSchemas`: `a` a list of (name, node).
/// - `properties` (with `patternProperties` and `additionalProperties`): `a` a list of
///   (name, node), `b` of (pattern, node), `c` the node for the others.
/// - `prefixItems` (with `items`): `a` a list of nodes, `c` the node for the rest.
/// - `contains`: `a` the node, `f` minContains, `c` maxContains.
/// - `allOf`/`anyOf`/`oneOf`: `a` a list of nodes. `if`: `a`, `b` then, `c` else.
/// - `pattern`: `a` in `pats`, `b` its source. `$dynamicRef`: `a`, `b` the anchor name
///   when the dynamic scope may replace it.
/// - `not`, `propertyNames`, `$ref`, `unevaluated*`: `a` the node.
///
/// A list is a position in `ints`: its length, then its entries; a name is a position
/// in `strs`.
#[derive(Clone, Copy)]
pub struct Op {
    pub k: u8,
    pub a: u32,
    pub b: u32,
    pub c: u32,
    pub f: f64,
}

fn op(k: usize, a: u32, b: u32, c: u32) -> Op {
    Op {
        k: k as u8,
        a,
        b,
        c,
        f: 0.0,
    }
}

/// A compiled schema object (or boolean): its ops are `ops[start..end]`.
#[derive(Clone, Copy, Default)]
pub struct Node {
    pub start: u32,
    pub end: u32,
    /// The schema resource it belongs to (the dynamic scope of `$dynamicRef`).
    pub resource: u32,
    /// Whether it has `unevaluatedProperties` or `unevaluatedItems`, and so collects
    /// what its other keywords evaluated.
    pub unevaluated: bool,
}

/// Why a schema was refused: the pointer of the offending keyword and a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError {
    pub pointer: String,
    pub reason: String,
}

impl core::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.pointer.is_empty() {
            f.write_str(&self.reason)
        } else {
            write!(f, "{}: {}", self.pointer, self.reason)
        }
    }
}

/// The reason for a keyword whose value is not what the specification allows (the
/// pointer names the keyword).
pub const INVALID: &str = "invalid value";

/// A refusal on its way out of the compiler: boxed, so a result is one word.
pub type Refused = Box<SchemaError>;

/// The error at `loc` (a subschema's location), keyword `key`.
#[inline(never)]
pub fn err(loc: &str, key: &str, reason: &str) -> Refused {
    Box::new(SchemaError {
        pointer: if key.is_empty() {
            loc.into()
        } else {
            cat(&[loc, "/", key])
        },
        reason: reason.into(),
    })
}

/// What compiling produced: the nodes (the root is 0), their ops, and the arenas the
/// ops point into.
#[derive(Default)]
pub struct Compiled {
    pub nodes: Vec<Node>,
    pub ops: Vec<Op>,
    /// Lists: a length, then the entries.
    pub ints: Vec<u32>,
    /// Names (properties, anchors, pattern sources, references), each once.
    pub strs: Vec<Box<str>>,
    /// The values of `const` and `enum`.
    pub vals: Vec<Value<'static>>,
    pub pats: Vec<Box<dyn Pattern>>,
    /// The `$dynamicAnchor`s that a dynamic `$dynamicRef` may land on, in threes:
    /// resource, name, node.
    pub dynamic: Vec<u32>,
}

impl Compiled {
    /// The list at `at` in `ints` (empty for [`NONE`]).
    pub fn list(&self, at: u32) -> &[u32] {
        let Some(&len) = self.ints.get(at as usize) else {
            return &[];
        };
        // `at` is a position in `ints`, so neither sum overflows.
        let from = at as usize + 1;
        self.ints.get(from..from + len as usize).unwrap_or(&[])
    }

    /// The name `id`.
    pub fn str(&self, id: u32) -> &str {
        self.strs.get(id as usize).map_or("", |s| s)
    }

    /// The name's id, added the first time.
    fn intern(&mut self, s: &str) -> u32 {
        match self.strs.iter().position(|x| **x == *s) {
            Some(i) => i as u32,
            None => {
                self.strs.push(s.into());
                (self.strs.len() - 1) as u32
            }
        }
    }

    /// Starts a list in `ints`; [`Compiled::end`] writes its length.
    fn begin(&mut self) -> u32 {
        self.ints.push(0);
        (self.ints.len() - 1) as u32
    }

    fn end(&mut self, at: u32) -> u32 {
        let len = (self.ints.len() - 1 - at as usize) as u32;
        if let Some(l) = self.ints.get_mut(at as usize) {
            *l = len;
        }
        at
    }
}

pub struct Compiler<'a, 'm> {
    matcher: &'m dyn PatternMatcher,
    strict: bool,
    index: Index<'a>,
    out: Compiled,
    /// Compiled (or queued) subschemas by address.
    done: Vec<(*const Value<'a>, u32)>,
    queue: Vec<(u32, &'a Value<'a>)>,
    /// Each `$ref`, in threes: node, location, reference (for naming a cycle).
    refs: Vec<u32>,
    /// Anchor names of dynamic `$dynamicRef`s.
    names: Vec<u32>,
}

impl<'a, 'm> Compiler<'a, 'm> {
    pub fn compile(
        root: &'a Value<'a>,
        remotes: &'a [(Cow<'a, str>, Value<'a>)],
        strict: bool,
        matcher: &'m dyn PatternMatcher,
    ) -> Result<Compiled, Refused> {
        let mut c = Compiler {
            matcher,
            strict,
            index: Index::default(),
            out: Compiled::default(),
            done: Vec::new(),
            queue: Vec::new(),
            refs: Vec::new(),
            names: Vec::new(),
        };
        c.index.add("", root, "")?;
        for (uri, doc) in remotes {
            let uri = before_hash(uri);
            c.index.add(uri, doc, &cat(&[uri, "#"]))?;
        }
        c.child(root);
        loop {
            while let Some((n, v)) = c.queue.pop() {
                c.build(n, v)?;
            }
            // The `$dynamicAnchor`s dynamic references may reach: in the resources that
            // validating can enter (those of compiled nodes).
            let before = c.out.dynamic.len();
            for i in 0..c.index.dynamic.len() {
                let Some(&(res, name, v)) = c.index.dynamic.get(i) else {
                    break;
                };
                let name = c.out.intern(name);
                if member(&c.names, name)
                    && c.out.nodes.iter().any(|n| n.resource == res)
                    && !c
                        .out
                        .dynamic
                        .chunks_exact(3)
                        .any(|d| d[0] == res && d[1] == name)
                {
                    let n = c.child(v);
                    push_all(&mut c.out.dynamic, &[res, name, n]);
                }
            }
            if c.out.dynamic.len() == before && c.queue.is_empty() {
                break;
            }
        }
        c.cycles()?;
        Ok(c.out)
    }

    /// The node index of a subschema, queued for compiling the first time.
    fn child(&mut self, v: &'a Value<'a>) -> u32 {
        let at: *const Value<'a> = v;
        if let Some((_, n)) = self.done.iter().find(|(p, _)| *p == at) {
            return *n;
        }
        let n = self.out.nodes.len() as u32;
        self.out.nodes.push(Node::default());
        self.done.push((at, n));
        self.queue.push((n, v));
        n
    }

    /// The subschema a resolved URI names: an anchor, or a JSON pointer followed from
    /// a resource.
    fn target(&mut self, uri: &str) -> Option<&'a Value<'a>> {
        let (doc, frag) = split_at(uri, b'#', false).unwrap_or((uri, ""));
        let frag = percent_decode(frag);
        if !frag.is_empty() && !frag.starts_with('/') {
            return self.index.find(&cat(&[doc, "#", &frag]));
        }
        let v = navigate(self.index.find(doc)?, &frag)?;
        // A place the walk did not index (inside an unknown keyword): index it now.
        if self.index.info(v).is_none() {
            self.index.add(doc, v, uri).ok()?;
        }
        Some(v)
    }

    #[inline(never)]
    fn build(&mut self, idx: u32, v: &'a Value<'a>) -> Result<(), Refused> {
        let (base, resource, loc) = match self.index.info(v) {
            Some(i) => (
                String::from(self.index.base(i.resource)),
                i.resource,
                i.loc.clone(),
            ),
            None => (String::new(), 0, String::new()),
        };
        let mut s = Scratch {
            ops: Vec::new(),
            ty: NONE,
            tail: Vec::new(),
            props: NONE,
            patterns: NONE,
            additional: NONE,
            prefix: NONE,
            items: NONE,
            contains: NONE,
            min_contains: 1.0,
            max_contains: NONE,
            cond: NONE,
            then: NONE,
            otherwise: NONE,
            deps: NONE,
        };
        match v {
            Value::Bool(true) => {}
            Value::Bool(false) => {
                let key = split_at(&loc, b'/', true).map_or("", |(_, k)| k);
                s.push(usize::from(FALSE), keyword(key) as u32, 0, 0, 0.0);
            }
            Value::Object(props) => {
                for (key, x) in props {
                    if let Err(r) = self.keyword(&mut s, key, x, &loc, &base, idx) {
                        let mut reason = String::from(r.reason);
                        if let Some(q) = r.quote {
                            reason.push_str(&quoted(q));
                        }
                        reason.push_str(r.after);
                        return Err(err(&loc, key, &reason));
                    }
                }
            }
            _ => return Err(err(&loc, "", "a schema must be an object or a boolean")),
        }
        if s.props != NONE || s.patterns != NONE || s.additional != NONE {
            s.push(22, s.props, s.patterns, s.additional, 0.0);
        }
        if s.prefix != NONE || s.items != NONE {
            s.push(29, s.prefix, 0, s.items, 0.0);
        }
        if s.contains != NONE {
            s.push(14, s.contains, 0, s.max_contains, s.min_contains);
        }
        if s.cond != NONE {
            s.push(16, s.cond, s.then, s.otherwise, 0.0);
        }
        if s.deps != NONE {
            s.push(24, s.deps, 0, 0, 0.0);
        }
        // Last: they see what every other keyword evaluated.
        let unevaluated = !s.tail.is_empty();
        s.ops.extend_from_slice(&s.tail);
        let start = self.out.ops.len() as u32;
        if s.ty != NONE {
            self.out.ops.push(op(30, s.ty, 0, 0));
        }
        self.out.ops.extend_from_slice(&s.ops);
        if let Some(node) = self.out.nodes.get_mut(idx as usize) {
            *node = Node {
                start,
                end: self.out.ops.len() as u32,
                resource,
                unevaluated,
            };
        }
        Ok(())
    }

    /// One keyword of a schema object at `loc`: its check goes into `s`.
    fn keyword(
        &mut self,
        s: &mut Scratch,
        k: &'a str,
        x: &'a Value<'a>,
        loc: &str,
        base: &str,
        idx: u32,
    ) -> Result<(), Refusal<'a>> {
        let kw = keyword(k);
        if self.strict && kw == KEYWORD_COUNT {
            return Err(Refusal::new("unknown keyword ", Some(k), ""));
        }
        // Shapes: one subschema, an object or a list of them.
        let sub = match holds(kw) {
            1 => self.child(x),
            2 if !matches!(x, Value::Object(_)) => return Err(BAD),
            3 if !matches!(x, Value::Array(l) if !l.is_empty()) => return Err(BAD),
            _ => 0,
        };
        let number = match x {
            Value::Number(n) => *n,
            _ => f64::NAN,
        };
        // A non-negative integer (lengths, counts), or -1.
        let count = if x.is_integer() && number >= 0.0 {
            number
        } else {
            -1.0
        };
        match kw {
            0..=3 if number.is_finite() => s.push(kw, 0, 0, 0, number),
            MULTIPLE_OF if number > 0.0 => s.push(kw, 0, 0, 0, number),
            5..=10 if count >= 0.0 => s.push(kw, 0, 0, 0, count),
            0..=10 => return Err(BAD),
            11 => s.additional = sub,
            12 | 15 => s.push(kw, sub, 0, 0, 0.0),
            13 if matches!(x, Value::Array(_)) => return Err(BAD),
            13 => s.items = sub,
            14 => s.contains = sub,
            16 => s.cond = sub,
            17 => s.then = sub,
            18 => s.otherwise = sub,
            19 | 20 => s.tail.push(op(kw, sub, 0, 0)),
            22..=24 => {
                let at = self.out.begin();
                for (name, sv) in object(x).unwrap_or(&[]) {
                    let n = self.child(sv);
                    let key = if kw == 23 {
                        let p = self.pattern(name)?;
                        self.out.pats.push(p);
                        (self.out.pats.len() - 1) as u32
                    } else {
                        self.out.intern(name)
                    };
                    push_all(&mut self.out.ints, &[key, n]);
                }
                let list = self.out.end(at);
                match kw {
                    22 => s.props = list,
                    23 => s.patterns = list,
                    _ => s.deps = list,
                }
            }
            26..=29 => {
                let at = self.out.begin();
                if let Value::Array(l) = x {
                    for v in l {
                        let n = self.child(v);
                        self.out.ints.push(n);
                    }
                }
                let list = self.out.end(at);
                match kw {
                    29 => s.prefix = list,
                    _ => s.push(kw, list, 0, 0, 0.0),
                }
            }
            30 => s.ty = type_bits(x).ok_or(BAD)?.into(),
            31 | 32 => {
                let a = self.out.vals.len() as u32;
                match (kw, x) {
                    (31, Value::Array(items)) => {
                        for item in items {
                            self.out.vals.push(item.owned());
                        }
                    }
                    (32, _) => self.out.vals.push(x.owned()),
                    _ => return Err(BAD),
                }
                s.push(kw, a, self.out.vals.len() as u32, 0, 0.0);
            }
            33 => {
                let list = self.strings(x).ok_or(BAD)?;
                s.push(kw, list, 0, 0, 0.0);
            }
            34 => {
                for (name, list) in object(x).unwrap_or(&[]) {
                    let list = self.strings(list).ok_or(BAD)?;
                    let name = self.out.intern(name);
                    s.push(kw, name, list, 0, 0.0);
                }
            }
            35 => match x {
                Value::Bool(true) => s.push(kw, 0, 0, 0, 0.0),
                Value::Bool(false) => {}
                _ => return Err(BAD),
            },
            36 => {
                let source = x.as_str().ok_or(BAD)?;
                let p = self.pattern(source)?;
                self.out.pats.push(p);
                let a = (self.out.pats.len() - 1) as u32;
                let b = self.out.intern(source);
                s.push(kw, a, b, 0, 0.0);
            }
            // An unknown format is an annotation.
            37 => {
                if let Some(f) = Format::parse(x.as_str().ok_or(BAD)?) {
                    s.push(kw, f.0.into(), 0, 0, 0.0);
                }
            }
            38 | 39 if count < 0.0 => return Err(BAD),
            38 => s.min_contains = count,
            // Saturated: no array has 2^32 - 1 items.
            39 => s.max_contains = count as u32,
            40 | 41 => {
                let r = x.as_str().ok_or(BAD)?;
                let uri = resolve(base, r);
                let Some(target) = self.target(&uri) else {
                    return Err(Refusal::new(
                        "cannot resolve ",
                        Some(r),
                        ": not in this schema nor in `schemas` (no network)",
                    ));
                };
                let n = self.child(target);
                let at = self.out.intern(&cat(&[loc, "/", k]));
                let r = self.out.intern(r);
                push_all(&mut self.refs, &[idx, at, r]);
                // A `$dynamicRef` whose target has the `$dynamicAnchor` it names is
                // dynamic; any other is a plain `$ref`.
                let name = split_at(&uri, b'#', false).map_or("", |(_, f)| f);
                if kw == 41 && target.get("$dynamicAnchor").and_then(Value::as_str) == Some(name) {
                    let name = self.out.intern(name);
                    if !member(&self.names, name) {
                        self.names.push(name);
                    }
                    s.push(kw, n, name, 0, 0.0);
                } else {
                    s.push(40, n, 0, 0, 0.0);
                }
            }
            42 if !x.as_str().is_some_and(is_known_dialect) => {
                return Err(Refusal::new(
                    "must name draft 2020-12, 2019-09, 07 or 06",
                    None,
                    "",
                ));
            }
            // Annotations, and keywords no vocabulary defines.
            _ => {}
        }
        Ok(())
    }

    fn pattern(&self, source: &'a str) -> Result<Box<dyn Pattern>, Refusal<'a>> {
        self.matcher.compile(source).ok_or(Refusal::new(
            "invalid ECMAScript regular expression (u flag) ",
            Some(source),
            "",
        ))
    }

    /// A list of distinct names, or `None` when `v` is not one.
    fn strings(&mut self, v: &Value) -> Option<u32> {
        let Value::Array(items) = v else { return None };
        let at = self.out.begin();
        for item in items {
            let s = self.out.intern(item.as_str()?);
            if member(self.out.list(at), s) {
                return None;
            }
            self.out.ints.push(s);
            self.out.end(at);
        }
        Some(self.out.end(at))
    }

    /// Refuses a cycle of subschemas applied to the same value (through `$ref`,
    /// `allOf`, `not`, …) that never reaches into it: validating would never end.
    #[inline(never)]
    fn cycles(&self) -> Result<(), Refused> {
        let mut state = vec![0u8; self.out.nodes.len()];
        let mut path = Vec::new();
        let Some(v) = self.visit(0, &mut state, &mut path) else {
            return Ok(());
        };
        let from = path.iter().position(|n| *n == v).unwrap_or(0);
        let on_cycle = path.get(from..).unwrap_or(&[]);
        let r = self
            .refs
            .chunks_exact(3)
            .find(|r| member(on_cycle, r[0]))
            .or(self.refs.chunks_exact(3).next())
            .unwrap_or(&[0, NONE, NONE]);
        Err(Box::new(SchemaError {
            pointer: self.out.str(r[1]).into(),
            reason: cat(&[
                "the reference ",
                &quoted(self.out.str(r[2])),
                " loops back without reaching into the value, so validating would never end",
            ]),
        }))
    }

    /// Depth-first through the subschemas node `n` applies to the same value (`state`:
    /// 1 on `path`, 2 done): the node a cycle closes on, if any. Its depth is that of
    /// validating, which recurses the same way.
    fn visit(&self, n: u32, state: &mut [u8], path: &mut Vec<u32>) -> Option<u32> {
        let out = &self.out;
        match state.get_mut(n as usize) {
            Some(1) => return Some(n),
            Some(s @ 0) => *s = 1,
            _ => return None,
        }
        path.push(n);
        let node = out.nodes.get(n as usize).copied().unwrap_or_default();
        for o in out
            .ops
            .get(node.start as usize..node.end as usize)
            .unwrap_or(&[])
        {
            let mut next = |t: u32| {
                if t == NONE {
                    None
                } else {
                    self.visit(t, state, path)
                }
            };
            let hit = match o.k {
                15 | 40 => next(o.a),
                41 => next(o.a).or_else(|| {
                    out.dynamic
                        .chunks_exact(3)
                        .filter(|d| d[1] == o.b)
                        .find_map(|d| next(d[2]))
                }),
                26..=28 => out.list(o.a).iter().find_map(|t| next(*t)),
                16 => next(o.a).or_else(|| next(o.b)).or_else(|| next(o.c)),
                24 => out.list(o.a).chunks_exact(2).find_map(|e| next(e[1])),
                _ => None,
            };
            if hit.is_some() {
                return hit;
            }
        }
        if let Some(s) = state.get_mut(n as usize) {
            *s = 2;
        }
        path.pop();
        None
    }
}

/// Why a keyword was refused: a reason, the text it quotes, and what follows.
#[derive(Clone, Copy)]
struct Refusal<'a> {
    reason: &'static str,
    quote: Option<&'a str>,
    after: &'static str,
}

impl<'a> Refusal<'a> {
    fn new(reason: &'static str, quote: Option<&'a str>, after: &'static str) -> Self {
        Refusal {
            reason,
            quote,
            after,
        }
    }
}

const BAD: Refusal<'static> = Refusal {
    reason: INVALID,
    quote: None,
    after: "",
};

/// What the keywords of one schema object gather before they become its ops.
struct Scratch {
    ops: Vec<Op>,
    /// `type`: first of the ops.
    ty: u32,
    /// `unevaluated*`: after every other op.
    tail: Vec<Op>,
    props: u32,
    patterns: u32,
    additional: u32,
    prefix: u32,
    items: u32,
    contains: u32,
    min_contains: f64,
    max_contains: u32,
    cond: u32,
    then: u32,
    otherwise: u32,
    deps: u32,
}

impl Scratch {
    #[inline(never)]
    fn push(&mut self, k: usize, a: u32, b: u32, c: u32, f: f64) {
        self.ops.push(Op {
            k: k as u8,
            a,
            b,
            c,
            f,
        });
    }
}

/// Appends `xs` by `push`: `extend` would bring a copy loop of its own.
fn push_all(v: &mut Vec<u32>, xs: &[u32]) {
    for x in xs {
        v.push(*x);
    }
}

/// The meta-schemas whose meaning of the keywords is the one implemented.
fn is_known_dialect(uri: &str) -> bool {
    let uri = uri.strip_suffix("#").unwrap_or(uri);
    let path = uri
        .strip_prefix("https://")
        .or_else(|| uri.strip_prefix("http://"))
        .unwrap_or("");
    matches!(
        path,
        "json-schema.org/draft/2020-12/schema"
            | "json-schema.org/draft/2019-09/schema"
            | "json-schema.org/draft-07/schema"
            | "json-schema.org/draft-06/schema"
    )
}

fn object<'v>(v: &'v Value<'v>) -> Option<&'v [(Cow<'v, str>, Value<'v>)]> {
    match v {
        Value::Object(p) => Some(p),
        _ => None,
    }
}

fn type_bit(v: &Value) -> Option<u8> {
    let i = find(types::NAMES, v.as_str()?);
    (i < 7).then_some(1 << i)
}

fn type_bits(v: &Value) -> Option<u8> {
    match v {
        Value::Array(list) if !list.is_empty() => {
            let mut bits = 0u8;
            for item in list {
                let bit = type_bit(item)?;
                if bits & bit != 0 {
                    return None;
                }
                bits |= bit;
            }
            Some(bits)
        }
        _ => type_bit(v),
    }
}

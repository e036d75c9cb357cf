//! The tool-parameter validator (`core::schema::Schema::compile` / `validate`) against
//! the `jsonschema` crate (draft 2020-12, formats asserted), on random schemas and
//! instances within the keywords both support.
//!
//! The input is bytes that drive a small generator (so every input is a well-formed
//! schema and instance; the corpus is binary): a schema of `type` (a name or a list),
//! `properties`, `required`, `additionalProperties` (boolean), `enum`, `const`, the five
//! numeric keywords, `minLength`/`maxLength`, `format` (`date-time`, `uuid`, `email`,
//! `uri`), `items`, `minItems`/`maxItems`, `uniqueItems` and the annotations, nested a few
//! levels, and an instance of values chosen to sit on the keywords' edges (integers as
//! floats, -0, decimals, non-BMP strings, near-valid dates and UUIDs). `pattern` and
//! `format: "regex"` are left out: Rust's regex is not ECMAScript.
//!
//! - When the core compiles the schema, it gives the instance the same verdict as
//!   `jsonschema`, and `jsonschema` accepts the schema too.
//! - The core compiles every schema the generator writes (they are all draft 2020-12):
//!   a refusal is a failure. (The count in [`stats`] stays for the replay's report; it
//!   was the subset validator's skip count.)
//!
//! Written against the public API only (`Schema`, `Value`, `NoPatterns`).

use chatkit_glue::core::schema::{NoPatterns, Schema, Value};
use serde_json::{json, Map, Value as Json};
use std::sync::atomic::{AtomicUsize, Ordering};

static COMPARED: AtomicUsize = AtomicUsize::new(0);
static REFUSED: AtomicUsize = AtomicUsize::new(0);

/// (inputs compared, inputs skipped because the core refused the schema).
pub fn stats() -> (usize, usize) {
    (
        COMPARED.load(Ordering::Relaxed),
        REFUSED.load(Ordering::Relaxed),
    )
}

/// Reads choices from the input; past its end every choice is 0.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }
    fn below(&mut self, n: usize) -> usize {
        self.byte() as usize % n
    }
    fn chance(&mut self, in_256: u8) -> bool {
        self.byte() < in_256
    }
    fn pick<T: Clone>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())].clone()
    }
}

const TYPES: [&str; 7] = [
    "null", "boolean", "object", "array", "number", "string", "integer",
];
const KEYS: [&str; 5] = ["a", "b", "c", "", "é"];
const NUMBERS: [f64; 18] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    2.0,
    3.0,
    0.5,
    1.5,
    0.1,
    0.3,
    0.01,
    10.0,
    100.0,
    1e-3,
    7.5,
    1e15,
    9007199254740993.0,
    -2.5,
];
const DIVISORS: [f64; 9] = [1.0, 2.0, 0.5, 0.1, 0.01, 3.0, 1e-3, 7.5, 0.25];
const STRINGS: [&str; 20] = [
    "",
    "a",
    "ab",
    "abc",
    "é",
    "😀",
    "😀😀",
    "a\u{0}b",
    "2020-01-01T00:00:00Z",
    "2020-02-30T00:00:00Z",
    "2020-01-01t00:00:00.5+01:00",
    "2020-01-01T24:00:00Z",
    "00000000-0000-0000-0000-000000000000",
    "123e4567-e89b-12d3-a456-42661417400G",
    "a@b.c",
    "a@",
    "http://x.example/p?q#f",
    "//no-scheme",
    "urn:isbn:0451450523",
    "1",
];
const FORMATS: [&str; 4] = ["date-time", "uuid", "email", "uri"];

fn number(b: &mut Bytes) -> Json {
    json!(b.pick(&NUMBERS))
}

/// A value on the keywords' edges.
fn value(b: &mut Bytes, depth: usize) -> Json {
    match b.below(if depth == 0 { 5 } else { 7 }) {
        0 => Json::Null,
        1 => Json::Bool(b.chance(128)),
        2 => number(b),
        3 => json!(b.below(6) as i64 - 1),
        4 => json!(b.pick(&STRINGS)),
        5 => Json::Array((0..b.below(4)).map(|_| value(b, depth - 1)).collect()),
        _ => {
            let mut m = Map::new();
            for _ in 0..b.below(4) {
                m.insert(b.pick(&KEYS).to_owned(), value(b, depth - 1));
            }
            Json::Object(m)
        }
    }
}

fn schema(b: &mut Bytes, depth: usize) -> Json {
    if b.chance(16) {
        return Json::Bool(b.chance(200));
    }
    let mut s = Map::new();
    // Each keyword with some chance; nesting only while depth remains.
    let flags = u16::from_le_bytes([b.byte(), b.byte()]);
    let has = |bit: u16| flags & (1 << bit) != 0;
    if has(0) {
        s.insert(
            "type".into(),
            if b.chance(180) {
                json!(b.pick(&TYPES))
            } else {
                let mut names: Vec<&str> = (0..1 + b.below(3)).map(|_| b.pick(&TYPES)).collect();
                names.sort();
                names.dedup();
                json!(names)
            },
        );
    }
    if has(1) && depth > 0 {
        let mut props = Map::new();
        for _ in 0..1 + b.below(3) {
            props.insert(b.pick(&KEYS).to_owned(), schema(b, depth - 1));
        }
        s.insert("properties".into(), Json::Object(props));
    }
    if has(2) {
        let mut req: Vec<&str> = (0..b.below(3)).map(|_| b.pick(&KEYS)).collect();
        req.sort();
        req.dedup();
        s.insert("required".into(), json!(req));
    }
    if has(3) {
        s.insert("additionalProperties".into(), json!(b.chance(128)));
    }
    if has(4) {
        let list: Vec<Json> = (0..1 + b.below(3)).map(|_| value(b, 1)).collect();
        s.insert("enum".into(), Json::Array(list));
    }
    if has(5) {
        s.insert("const".into(), value(b, 1));
    }
    if has(6) {
        let key = b.pick(&["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]);
        s.insert(key.into(), number(b));
        if b.chance(100) {
            let other = b.pick(&["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]);
            s.insert(other.into(), number(b));
        }
    }
    if has(7) {
        s.insert("multipleOf".into(), json!(b.pick(&DIVISORS)));
    }
    if has(8) {
        s.insert(
            b.pick(&["minLength", "maxLength"]).into(),
            json!(b.below(4)),
        );
    }
    if has(9) {
        s.insert("format".into(), json!(b.pick(&FORMATS)));
    }
    if has(10) && depth > 0 {
        s.insert("items".into(), schema(b, depth - 1));
    }
    if has(11) {
        s.insert(b.pick(&["minItems", "maxItems"]).into(), json!(b.below(4)));
    }
    if has(12) {
        s.insert("uniqueItems".into(), json!(b.chance(160)));
    }
    if has(13) {
        let key = b.pick(&[
            "title",
            "description",
            "default",
            "examples",
            "$comment",
            "deprecated",
        ]);
        let v = match key {
            "examples" => json!([value(b, 1)]),
            "deprecated" => json!(b.chance(128)),
            "default" => value(b, 1),
            _ => json!("x"),
        };
        s.insert(key.into(), v);
    }
    Json::Object(s)
}

/// serde_json's value as the core's (numbers as the f64 `JSON.parse` gives).
fn to_core(v: &Json) -> Value<'static> {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        Json::String(s) => Value::String(s.clone().into()),
        Json::Array(a) => Value::Array(a.iter().map(to_core).collect()),
        Json::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| (k.clone().into(), to_core(v)))
                .collect(),
        ),
    }
}

pub fn check(data: &[u8]) {
    let mut b = Bytes(data);
    let s = schema(&mut b, 3);
    let instance = value(&mut b, 3);
    let ours = match Schema::compile(&to_core(&s), &NoPatterns) {
        Ok(ours) => ours,
        Err(e) => {
            REFUSED.fetch_add(1, Ordering::Relaxed);
            panic!("the core refused a draft 2020-12 schema ({e}): {s}");
        }
    };
    COMPARED.fetch_add(1, Ordering::Relaxed);
    let theirs = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&s)
        .unwrap_or_else(|e| panic!("the core compiled a schema jsonschema refuses ({e}): {s}"));
    let want = theirs.is_valid(&instance);
    let got = ours.validate(&to_core(&instance));
    assert_eq!(
        got.is_ok(),
        want,
        "schema {s}\ninstance {instance}\ncore: {:?}",
        got.err().map(|f| format!("{f:?}"))
    );
}

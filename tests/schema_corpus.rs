//! The staged draft 2020-12 validator against ajv 2020 (`ajv/dist/2020` with
//! ajv-formats), natively, on two sets of cases that `tests/corpus/generate.mjs` writes
//! at test time into `target/tmp/`:
//!
//! - `real_schemas_agree_with_ajv`: the parameter schemas of twelve realistic tools as
//!   pydantic v2 (the example server's virtualenv) and zod 4 write them, and OpenAI
//!   strict-mode function schemas, with hand-written valid and invalid arguments (each
//!   labelled) and mutations of the valid ones. Every schema compiles, every instance
//!   gets ajv's verdict, and every labelled instance its label.
//! - `random_schemas_agree_with_ajv`: differential fuzzing: random schemas over the
//!   whole keyword set from a fixed seed, with random instances. Every schema compiles
//!   and every instance gets ajv's verdict.
//!
//! A disagreement passes only as a named exception (see [`EXCEPTIONS`]: ajv's deviations
//! from the spec, each explained), and only when the `jsonschema` crate, a third
//! implementation, gives our verdict too (and the label, where there is one). The counts
//! are printed (`cargo test --test schema_corpus -- --nocapture`); docs/conformance.md
//! lists them. `node` must be on PATH (scripts/test puts it there) and
//! `tests/corpus/node_modules` installed (scripts/setup).
#![cfg(not(target_arch = "wasm32"))]

// The validator under test (the one line to change when it replaces `core::schema`).
use chatkit_glue::core::schema as validator;
use validator::{Pattern, PatternMatcher};

#[path = "support/pattern.rs"]
mod pattern;

use pattern::Re;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use validator::json::parse;
use validator::{Schema, Value};

/// The fuzz's seed and size (`generate.mjs fuzz OUT SEED SCHEMAS`); each schema gets 16
/// instances.
const FUZZ_SEED: u32 = 20261203;
const FUZZ_SCHEMAS: usize = 1000;

/// ajv's deviations from draft 2020-12, each recognised by a trait of the schema (and
/// the instance). A disagreement with ajv passes as one of these only when the case has
/// that trait and the `jsonschema` crate (and the hand-written label, if any) agrees
/// with our verdict.
type Trait = fn(&Json, &Json) -> bool;
const EXCEPTIONS: [(&str, Trait); 8] = [
    // ajv divides in binary floating point and calls the quotient an integer when
    // `q === parseInt(q)` (its `multipleOfPrecision` option documents the problem): for
    // ajv 19.99 is no multiple of 0.01, 1e21 is a multiple of 3 (the quotient rounds to
    // an integer) and not of 1 (`parseInt("1e+21")` is 1). The spec divides the numbers
    // themselves. The trait: a divisor of the schema and a number of the instance on
    // which ajv's formula and the validator's `multipleOf` differ.
    ("multipleOf: ajv divides binary floats", |s, data| {
        let mut divisors = Vec::new();
        any(s, &mut |o| {
            divisors.extend(o.get("multipleOf").and_then(Json::as_f64));
            false
        });
        let mut numbers = Vec::new();
        numbers_in(data, &mut numbers);
        divisors.iter().any(|&d| {
            let Ok(exact) = Schema::compile(
                &Value::Object(vec![("multipleOf".into(), Value::Number(d))]),
                &Re,
            ) else {
                return false;
            };
            numbers.iter().any(|&x| {
                let q = x / d;
                let ajv = q.is_finite() && q.abs() < 1e21 && q.fract() == 0.0;
                ajv != exact.validate(&Value::Number(x)).is_ok()
            })
        })
    }),
    // Not in the suite: on an empty array ajv's `contains` reads a stale validity flag
    // (a function-wide `var`), so it passes where at least one matching item is required
    // (minContains defaults to 1; the suite's contains.json "contains keyword with empty
    // array"): after a non-trivial `prefixItems` the flag is unset and the keyword is
    // skipped (`{"contains": {}, "prefixItems": [{"type": "number"}]}` accepts `[]`), and
    // in a loop it keeps the previous item's result (`{"items": {"contains": {"const":
    // 1}}}` accepts `[[1], []]`). The trait: `contains`, and an empty array in the instance.
    (
        "contains on an empty array: ajv reads a stale flag",
        |s, data| any(s, &mut |o| o.contains_key("contains")) && has_empty_array(data),
    ),
    // Skipped in ajv's own run of the suite ("unevaluatedItems depends on adjacent
    // contains", ...): ajv's `contains` does not mark the items it matched as evaluated.
    (
        "unevaluatedItems with contains: ajv's contains evaluates nothing",
        |s, _| {
            any(s, &mut |o| o.contains_key("unevaluatedItems"))
                && any(s, &mut |o| o.contains_key("contains"))
        },
    ),
    // ajv 8.20.0 fails the suite's own case unevaluatedItems.json "unevaluatedItems with
    // nested items" / "with no additional items" (its run of the suite uses an older
    // copy without it): an `items` (or `unevaluatedItems`) that evaluates every item,
    // inside `anyOf`, `oneOf`, `if`, `then` or `else`, counts as evaluating the first
    // item only (`{"unevaluatedItems": false, "anyOf": [{"items": true}]}` refuses
    // `[1, 2]` and accepts `[1]`).
    (
        "unevaluatedItems after items in anyOf/oneOf/if/then/else: ajv sees one item evaluated",
        |s, _| {
            any(s, &mut |o| o.contains_key("unevaluatedItems"))
                && any(s, &mut |o| {
                    ["anyOf", "oneOf", "if", "then", "else"].iter().any(|k| {
                        o.get(*k).is_some_and(|sub| {
                            any(sub, &mut |inner| {
                                inner.contains_key("items")
                                    || inner.contains_key("unevaluatedItems")
                            })
                        })
                    })
                })
        },
    ),
    // Skipped in ajv's own run of the suite ("unevaluatedProperties with if/then/else,
    // then not defined"); ajv 8.20.0 also fails "unevaluatedItems/unevaluatedProperties
    // can see annotations from if without then and else": without a `then` (or an
    // `else`) ajv drops what the `if` evaluated.
    (
        "unevaluated* with an if lacking then or else: ajv drops the if's annotations",
        |s, _| {
            any(s, &mut |o| {
                o.contains_key("unevaluatedProperties") || o.contains_key("unevaluatedItems")
            }) && any(s, &mut |o| {
                o.contains_key("if") && !(o.contains_key("then") && o.contains_key("else"))
            })
        },
    ),
    // ajv 8.20.0 fails the suite's "properties whose names are Javascript object
    // property names" and "required properties whose names are Javascript object property
    // names": ajv looks names up on plain objects, which all inherit `constructor`, so
    // `required: ["constructor"]` accepts `{}`, a `dependentSchemas` on it applies to
    // every object, and `unevaluatedProperties` takes an own `constructor` property for
    // evaluated. The trait: the schema or the instance names a property `constructor`.
    (
        "a property named constructor: ajv finds one on every object",
        |s, data| mentions_constructor(s) || mentions_constructor(data),
    ),
    // ajv-formats' `uri-reference` is looser than RFC 3986: it accepts a relative
    // reference whose first path segment holds a colon (`03:04:05Z`), which the RFC's
    // `path-noscheme` forbids (and `03` is no scheme: a scheme starts with a letter). The
    // trait: `format: "uri-reference"` and such a string in the instance.
    (
        "uri-reference: ajv-formats accepts a colon in a relative path's first segment",
        |s, data| {
            any(s, &mut |o| {
                o.get("format").and_then(Json::as_str) == Some("uri-reference")
            }) && strings_in(data).iter().any(|t| {
                let first = t.split(['/', '?', '#']).next().unwrap_or("");
                first.split_once(':').is_some_and(|(scheme, _)| {
                    !scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                        || !scheme
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                })
            })
        },
    ),
    // ajv-formats' `email` wants a dot in the domain and knows neither quoted local parts
    // nor address literals; RFC 5321 allows all three (`a@b`, `"a b"@c.d`, `a@[1.2.3.4]`;
    // ajv also fails the suite's optional/format/email.json cases of the last two). The
    // trait: `format: "email"` and such an address in the instance.
    (
        "email: ajv-formats wants a dotted domain, no quotes or literals",
        |s, data| {
            any(s, &mut |o| {
                o.get("format").and_then(Json::as_str) == Some("email")
            }) && strings_in(data).iter().any(|t| {
                t.rsplit_once('@').is_some_and(|(local, domain)| {
                    !domain.contains('.') || domain.starts_with('[') || local.starts_with('"')
                })
            })
        },
    ),
];

/// No verdict: ajv's generated code threw (a TypeError setting a property of an
/// undefined object, in its bookkeeping of evaluated properties; seen with recursive
/// `$ref`s under `if` and `anyOf`, and with a `dependentSchemas` on `constructor`). The
/// `jsonschema` crate must give the validator's verdict.
const AJV_THREW: &str = "ajv threw: its evaluated-properties bookkeeping fails";

/// Whether `v` has a key or a string `constructor`, at any depth.
fn mentions_constructor(v: &Json) -> bool {
    match v {
        Json::String(s) => s == "constructor",
        Json::Array(a) => a.iter().any(mentions_constructor),
        Json::Object(o) => o
            .iter()
            .any(|(k, x)| k == "constructor" || mentions_constructor(x)),
        _ => false,
    }
}

/// Every string in `v` (values, not keys).
fn strings_in(v: &Json) -> Vec<&str> {
    match v {
        Json::String(s) => vec![s.as_str()],
        Json::Array(a) => a.iter().flat_map(strings_in).collect(),
        Json::Object(o) => o.values().flat_map(strings_in).collect(),
        _ => Vec::new(),
    }
}

/// Whether `v` is or holds an empty array.
fn has_empty_array(v: &Json) -> bool {
    match v {
        Json::Array(a) => a.is_empty() || a.iter().any(has_empty_array),
        Json::Object(o) => o.values().any(has_empty_array),
        _ => false,
    }
}

/// Every number in `v`.
fn numbers_in(v: &Json, out: &mut Vec<f64>) {
    match v {
        Json::Number(n) => out.extend(n.as_f64()),
        Json::Array(a) => a.iter().for_each(|x| numbers_in(x, out)),
        Json::Object(o) => o.values().for_each(|x| numbers_in(x, out)),
        _ => {}
    }
}

/// Whether `f` holds for `s` or a subschema (the values of `const`, `enum`, `default`
/// and `examples` are data, not schemas).
fn any(s: &Json, f: &mut dyn FnMut(&serde_json::Map<String, Json>) -> bool) -> bool {
    match s {
        Json::Object(o) => {
            f(o) || o
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "const" | "enum" | "default" | "examples"))
                .any(|(_, v)| any(v, &mut *f))
        }
        Json::Array(a) => a.iter().any(|v| any(v, f)),
        _ => false,
    }
}

/// Runs the generator; returns the JSON text it wrote.
fn generate(mode: &str, args: &[String]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("tests/corpus/node_modules/ajv-formats").exists() {
        panic!("tests/corpus/node_modules is missing: run scripts/setup (npm ci in tests/corpus)");
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(["schema-", mode, ".json"].concat());
    let status = Command::new("node")
        .arg(root.join("tests/corpus/generate.mjs"))
        .arg(mode)
        .arg(&out)
        .args(args)
        .status()
        .unwrap_or_else(|e| panic!("node (on PATH: scripts/test puts it there): {e}"));
    assert!(status.success(), "generate.mjs {mode} failed: {status}");
    std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()))
}

#[derive(Default)]
struct Tally {
    schemas: usize,
    instances: usize,
    labelled: usize,
    agreements: usize,
    /// Instances ajv finds valid (so both verdicts are exercised).
    valid: usize,
    exceptions: BTreeMap<&'static str, usize>,
    failures: Vec<String>,
}

/// Checks every case of the generator's output: compiled by the validator, each
/// instance with ajv's verdict (and its label).
fn check(text: &str) -> Tally {
    // Read with the validator's own JSON reader (numbers as `str::parse` reads them, as
    // tests/schema_suite.rs does); serde_json's copy feeds the third implementation.
    let doc = parse(text, &|s| s.parse().unwrap_or(f64::NAN)).expect("the generator's JSON");
    let json: Json = serde_json::from_str(text).expect("the generator's JSON");
    let (Some(Value::Array(cases)), Some(Json::Array(json_cases))) =
        (doc.get("cases"), json.get("cases"))
    else {
        panic!("no cases")
    };
    println!(
        "oracle: {}",
        doc.get("oracle").and_then(Value::as_str).unwrap_or("?")
    );
    let mut t = Tally::default();
    for (case, jcase) in cases.iter().zip(json_cases) {
        t.schemas += 1;
        let name = case.get("name").and_then(Value::as_str).unwrap_or("?");
        let schema = case.get("schema").expect("a schema");
        let jschema = &jcase["schema"];
        if let Some(e) = case.get("ajvError").and_then(Value::as_str) {
            t.failures
                .push([name, ": ajv refused the schema: ", e].concat());
            continue;
        }
        let compiled = match Schema::compile(schema, &Re) {
            Ok(c) => c,
            Err(e) => {
                t.failures.push(
                    [
                        name,
                        ": refused: ",
                        &e.to_string(),
                        "\n  ",
                        &jschema.to_string(),
                    ]
                    .concat(),
                );
                continue;
            }
        };
        let mut judge = None;
        let (Some(Value::Array(items)), Json::Array(jitems)) =
            (case.get("instances"), &jcase["instances"])
        else {
            panic!("{name}: no instances")
        };
        for (item, jitem) in items.iter().zip(jitems) {
            t.instances += 1;
            let data = item.get("data").expect("data");
            // No verdict when ajv's generated code threw.
            let ajv = match item.get("ajv") {
                Some(Value::Bool(b)) => Some(*b),
                _ => None,
            };
            let label = match item.get("label") {
                Some(Value::Bool(b)) => Some(*b),
                _ => None,
            };
            t.labelled += usize::from(label.is_some());
            t.valid += usize::from(ajv == Some(true));
            let ours = compiled.validate(data);
            let verdict = ours.is_ok();
            let say = |v: bool| if v { "valid" } else { "invalid" };
            let describe = || {
                [
                    name,
                    " (",
                    jitem["kind"].as_str().unwrap_or("?"),
                    "): ours ",
                    say(verdict),
                    ours.as_ref().err().map_or("", |_| " "),
                    &ours.as_ref().err().map_or(String::new(), |f| f.to_string()),
                    ", ajv ",
                    &ajv.map_or_else(
                        || ["threw ", jitem["ajvThrew"].as_str().unwrap_or("")].concat(),
                        |v| say(v).to_owned(),
                    ),
                    &label.map_or(String::new(), |l| [", label ", say(l)].concat()),
                    "\n  schema ",
                    &jschema.to_string(),
                    "\n  data ",
                    &jitem["data"].to_string(),
                ]
                .concat()
            };
            if ajv == Some(verdict) {
                if label.is_some_and(|l| l != verdict) {
                    t.failures.push(["label disagrees: ", &describe()].concat());
                } else {
                    t.agreements += 1;
                }
                continue;
            }
            let third = judge
                .get_or_insert_with(|| {
                    jsonschema::draft202012::options()
                        .should_validate_formats(true)
                        .build(jschema)
                        .map_err(|e| e.to_string())
                })
                .as_ref()
                .map(|v| v.is_valid(&jitem["data"]));
            let class = match ajv {
                None => Some(AJV_THREW),
                Some(_) => EXCEPTIONS
                    .iter()
                    .find(|(_, has)| has(jschema, &jitem["data"]))
                    .map(|(why, _)| *why),
            };
            match class {
                Some(why) if third == Ok(verdict) && label.is_none_or(|l| l == verdict) => {
                    *t.exceptions.entry(why).or_default() += 1;
                    if t.exceptions[why] <= 2 || std::env::var_os("SCHEMA_CORPUS_VERBOSE").is_some()
                    {
                        println!("EXCEPTION {why}: {}", describe());
                    }
                }
                _ => t.failures.push(
                    [
                        &describe(),
                        "\n  jsonschema: ",
                        &third.map_or_else(
                            |e| ["refused: ", e.as_str()].concat(),
                            |v| say(v).to_owned(),
                        ),
                    ]
                    .concat(),
                ),
            }
        }
    }
    t
}

fn exceptions(t: &Tally) -> usize {
    t.exceptions.values().sum()
}

fn report(what: &str, t: &Tally) {
    println!(
        "{what}: {} schemas, {} instances ({} labelled, {} valid for ajv), {} agreements, {} exceptions, {} failures",
        t.schemas,
        t.instances,
        t.labelled,
        t.valid,
        t.agreements,
        exceptions(t),
        t.failures.len()
    );
    for (why, n) in &t.exceptions {
        println!("  exception: {why}: {n}");
    }
    for f in t.failures.iter().take(20) {
        println!("FAIL {f}");
    }
    assert!(
        t.failures.is_empty(),
        "{what}: {} failures",
        t.failures.len()
    );
}

#[test]
fn real_schemas_agree_with_ajv() {
    let t = check(&generate("corpus", &[]));
    report("corpus", &t);
    // pydantic's 12, zod's 12, 5 OpenAI strict-mode schemas; both verdicts well exercised.
    assert_eq!(t.schemas, 29);
    assert!(t.labelled >= 300 && t.valid >= 100 && t.instances - t.valid >= 100);
    // The counts docs/conformance.md lists (the generator is deterministic): a change
    // means a new case or a new exception, to look at and write down.
    assert_eq!((t.instances, t.agreements, exceptions(&t)), (677, 675, 2));
}

/// `SCHEMA_FUZZ_SEED` and `SCHEMA_FUZZ_SCHEMAS` override the seed and size, for longer
/// runs by hand.
#[test]
fn random_schemas_agree_with_ajv() {
    let env = |name: &str, default: String| std::env::var(name).unwrap_or(default);
    let seed = env("SCHEMA_FUZZ_SEED", FUZZ_SEED.to_string());
    let schemas = env("SCHEMA_FUZZ_SCHEMAS", FUZZ_SCHEMAS.to_string());
    println!("fuzz: seed {seed}, {schemas} schemas");
    let text = generate("fuzz", &[seed, schemas.clone()]);
    let t = check(&text);
    report("fuzz", &t);
    assert_eq!(t.schemas.to_string(), schemas);
    // Every form of reference is drawn: JSON pointers, anchors, and the `$id` of the
    // root or of a `$defs` entry that is a resource of its own.
    let drawn: Json = serde_json::from_str(&text).expect("the generator's JSON");
    for keyword in ["$ref", "$defs", "$id", "$anchor"] {
        let n = drawn["stats"]["keywords"][keyword].as_u64().unwrap_or(0);
        assert!(n * 100 >= t.schemas as u64, "{keyword} drawn {n} times");
    }
    // Both verdicts well exercised: between a third and two thirds valid.
    assert!(t.valid * 3 > t.instances && t.valid * 3 < t.instances * 2);
    // The counts docs/conformance.md lists, for the default seed and size.
    if std::env::var_os("SCHEMA_FUZZ_SEED").is_none()
        && std::env::var_os("SCHEMA_FUZZ_SCHEMAS").is_none()
    {
        assert_eq!(
            (t.instances, t.agreements, exceptions(&t)),
            (16000, 15854, 146)
        );
    }
}

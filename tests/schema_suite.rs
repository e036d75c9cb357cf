//! The JSON-Schema-Test-Suite for draft 2020-12 (the pinned copy scripts/setup fetches
//! into target/json-schema-suite) against the core natively: every required file, the
//! `optional/format` files of the asserted formats, and the suite's `remotes/` as the
//! registered documents (`http://localhost:1234/…`). `pattern` is answered by the
//! `regex` crate (close to ECMAScript for the suite's patterns). Named exceptions only,
//! each listed in docs/conformance.md; the test fails when a count changes.
#![cfg(not(target_arch = "wasm32"))]

// The validator under test (the one line to change when it replaces `core::schema`).
use chatkit_glue::core::schema as validator;
use validator::{Pattern, PatternMatcher};

#[path = "support/pattern.rs"]
mod pattern;

use pattern::Re;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use validator::json::parse;
use validator::{CompileOptions, Schema, Value};

/// The formats asserted, whose `optional/format` files run.
const FORMATS: [&str; 12] = [
    "uri",
    "uri-reference",
    "email",
    "date-time",
    "date",
    "time",
    "duration",
    "uuid",
    "ipv4",
    "ipv6",
    "hostname",
    "json-pointer",
];

fn read(path: &Path) -> Value<'static> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse(&text, &|s| s.parse().unwrap_or(f64::NAN))
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
        .owned()
}

fn remotes(dir: &Path, prefix: &str, out: &mut Vec<(Cow<'static, str>, Value<'static>)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            remotes(&p, &[prefix, &name, "/"].concat(), out);
        } else if name.ends_with(".json") {
            out.push(([prefix, &name].concat().into(), read(&p)));
        }
    }
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

#[derive(Default, Debug, PartialEq)]
struct Counts {
    files: usize,
    groups: usize,
    accepted: usize,
    cases: usize,
    passed: usize,
    /// format.json cases that say "only an annotation by default" for an asserted format.
    asserted: usize,
    /// Groups refused at compile by a named exception (vocabulary.json, metaschema refs).
    excepted_groups: usize,
    excepted_cases: usize,
}

#[test]
fn json_schema_test_suite_draft2020_12() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/json-schema-suite");
    let suite = root.join("draft2020-12");
    if !suite.exists() {
        panic!("run scripts/fetch-json-schema-suite (scripts/setup does) first");
    }
    let mut docs = Vec::new();
    remotes(&root.join("remotes"), "http://localhost:1234/", &mut docs);

    let mut files: Vec<String> = std::fs::read_dir(&suite)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    files.extend(
        FORMATS
            .iter()
            .map(|f| ["optional/format/", f, ".json"].concat()),
    );
    files.push("optional/format/regex.json".into());

    let opts = CompileOptions {
        remotes: &docs,
        strict: false,
    };
    let mut c = Counts::default();
    let mut failures = Vec::new();
    for file in &files {
        c.files += 1;
        let Value::Array(groups) = read(&suite.join(file)) else {
            panic!("{file}")
        };
        for group in &groups {
            c.groups += 1;
            let where_ = [file.as_str(), ": ", str_of(group, "description")].concat();
            let schema = group.get("schema").unwrap();
            let Some(Value::Array(tests)) = group.get("tests") else {
                panic!("{where_}")
            };
            let compiled = match Schema::compile_with(schema, &opts, &Re) {
                Ok(s) => s,
                Err(e) => {
                    let metaschema = e.reason.contains("json-schema.org/draft/2020-12/schema");
                    if file == "vocabulary.json" || metaschema {
                        println!("EXCEPTION {where_}: {e}");
                        c.excepted_groups += 1;
                        c.excepted_cases += tests.len();
                    } else {
                        failures.push([where_.as_str(), ": refused: ", &e.to_string()].concat());
                    }
                    continue;
                }
            };
            c.accepted += 1;
            for t in tests {
                c.cases += 1;
                let desc = str_of(t, "description");
                let asserted =
                    file == "format.json" && desc.contains("only an annotation by default") && {
                        let f = schema.get("format").and_then(Value::as_str).unwrap_or("");
                        FORMATS.contains(&f) || f == "regex"
                    };
                let want = !asserted && matches!(t.get("valid"), Some(Value::Bool(true)));
                let got = compiled.validate(t.get("data").unwrap());
                if got.is_ok() == want {
                    c.passed += 1;
                    if asserted {
                        println!("ASSERTED {where_} / {desc}");
                        c.asserted += 1;
                    }
                } else {
                    failures.push(
                        [
                            where_.as_str(),
                            " / ",
                            desc,
                            ": expected ",
                            if want { "valid" } else { "invalid" },
                            ", got ",
                            &got.err().map_or("valid".to_string(), |f| f.to_string()),
                        ]
                        .concat(),
                    );
                }
            }
        }
    }
    println!("{c:#?}");
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(failures.is_empty(), "{} failures", failures.len());
    // The counts docs/conformance.md lists; any change (a drop above all) fails.
    let want = Counts {
        files: 59,
        groups: 381,
        accepted: 377,
        cases: 1600,
        passed: 1600,
        asserted: 13,
        excepted_groups: 4,
        excepted_cases: 9,
    };
    assert_eq!(c, want);
}

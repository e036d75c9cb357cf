//! The validator as a whole: schemas and values written as JSON, `pattern` answered by
//! the `regex` crate (close enough to ECMAScript for these patterns), and property
//! tests over generated values.

use super::*;
use serde_json::json;

// The same `regex`-backed matcher as the suite and corpus tests.
#[path = "../../../tests/support/pattern.rs"]
mod pattern;
use pattern::Re;

pub(crate) fn v(j: serde_json::Value) -> Value<'static> {
    match j {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap()),
        serde_json::Value::String(s) => Value::String(s.into()),
        serde_json::Value::Array(a) => Value::Array(a.into_iter().map(v).collect()),
        serde_json::Value::Object(o) => {
            Value::Object(o.into_iter().map(|(k, x)| (k.into(), v(x))).collect())
        }
    }
}

fn schema(j: serde_json::Value) -> Schema {
    match Schema::compile(&v(j), &Re) {
        Ok(s) => s,
        Err(e) => panic!("schema refused: {e}"),
    }
}

fn refused(j: serde_json::Value) -> String {
    match Schema::compile(&v(j), &Re) {
        Ok(_) => panic!("schema accepted"),
        Err(e) => e.to_string(),
    }
}

fn check(s: &Schema, j: serde_json::Value) -> Result<(), String> {
    s.validate(&v(j)).map_err(|f| f.to_string())
}

#[test]
fn the_issue_example_names_the_pointer() {
    let s = schema(json!({
        "type": "object",
        "properties": {"items": {"type": "array", "items": {
            "type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]
        }}}
    }));
    assert_eq!(
        check(&s, json!({"items": [{"id": 1}, {"id": 2.0}, {"id": 2.5}]})),
        Err("/items/2/id: type: expected integer".into())
    );
    assert_eq!(
        check(&s, json!({"items": [{"id": 1}, {}]})),
        Err("/items/1: required: missing property \"id\"".into())
    );
    assert_eq!(check(&s, json!([])), Err("type: expected object".into()));
    assert_eq!(check(&s, json!({"items": []})), Ok(()));
}

#[test]
fn types_one_or_a_list() {
    let s = schema(json!({"type": ["string", "null"]}));
    assert_eq!(check(&s, json!(null)), Ok(()));
    assert_eq!(
        check(&s, json!(1)),
        Err("type: expected null or string".into())
    );
    let n = schema(json!({"type": "number"}));
    assert_eq!(check(&n, json!(1)), Ok(()));
    assert_eq!(check(&n, json!(true)), Err("type: expected number".into()));
    assert_eq!(refused(json!({"type": "float"})), "/type: invalid value");
    assert!(refused(json!({"type": []})).starts_with("/type:"));
    assert!(refused(json!({"type": ["string", "string"]})).starts_with("/type:"));
}

#[test]
fn objects_own_properties_and_additional() {
    let s = schema(json!({
        "type": "object",
        "properties": {"constructor": {"type": "number"}, "__proto__": {"type": "string"}},
        "required": ["constructor"],
        "additionalProperties": false
    }));
    assert_eq!(
        check(&s, json!({"constructor": 1, "__proto__": "x"})),
        Ok(())
    );
    assert_eq!(
        check(&s, json!({})),
        Err("required: missing property \"constructor\"".into())
    );
    assert_eq!(
        check(&s, json!({"constructor": 1, "__proto__": 5})),
        Err("/__proto__: type: expected string".into())
    );
    assert_eq!(
        check(&s, json!({"constructor": 1, "toString": 5})),
        Err("/toString: additionalProperties: unexpected property".into())
    );
    assert_eq!(
        check(&s, json!({"constructor": 1, "a/b": 5})),
        Err("/a~1b: additionalProperties: unexpected property".into())
    );
}

#[test]
fn numbers() {
    let s = schema(json!({"minimum": 1, "maximum": 10, "multipleOf": 0.5}));
    assert_eq!(check(&s, json!(1)), Ok(()));
    assert_eq!(check(&s, json!(9.5)), Ok(()));
    assert_eq!(
        check(&s, json!(0.5)),
        Err("minimum: expected at least 1".into())
    );
    assert_eq!(
        check(&s, json!(10.5)),
        Err("maximum: expected at most 10".into())
    );
    assert_eq!(
        check(&s, json!(1.2)),
        Err("multipleOf: expected a multiple of 0.5".into())
    );
    assert_eq!(
        check(&s, json!("12")),
        Ok(()),
        "number keywords ignore strings"
    );
    let e = schema(json!({"exclusiveMinimum": 0, "exclusiveMaximum": 1.5}));
    assert_eq!(
        check(&e, json!(0)),
        Err("exclusiveMinimum: expected more than 0".into())
    );
    assert_eq!(
        check(&e, json!(1.5)),
        Err("exclusiveMaximum: expected less than 1.5".into())
    );
    assert_eq!(check(&e, json!(0.1)), Ok(()));
    assert_eq!(
        refused(json!({"multipleOf": 0})),
        "/multipleOf: invalid value"
    );
    assert_eq!(refused(json!({"minimum": "1"})), "/minimum: invalid value");
}

#[test]
fn strings_count_code_points() {
    let s = schema(json!({"minLength": 2, "maxLength": 3.0}));
    assert_eq!(check(&s, json!("💩💩")), Ok(()));
    assert_eq!(
        check(&s, json!("💩")),
        Err("minLength: expected at least 2 characters".into())
    );
    assert_eq!(
        check(&s, json!("éééé")),
        Err("maxLength: expected at most 3 characters".into())
    );
    assert_eq!(
        refused(json!({"maxLength": -1})),
        "/maxLength: invalid value"
    );
    assert_eq!(
        refused(json!({"maxLength": 1.5})),
        "/maxLength: invalid value"
    );
}

#[test]
fn patterns_and_formats() {
    let s = schema(json!({"pattern": "^a+$"}));
    assert_eq!(check(&s, json!("aaa")), Ok(()));
    assert_eq!(
        check(&s, json!("ab")),
        Err("pattern: does not match ^a+$".into())
    );
    assert_eq!(check(&s, json!(5)), Ok(()));
    assert!(
        refused(json!({"pattern": "(unclosed"})).contains("invalid ECMAScript regular expression")
    );
    let f =
        schema(json!({"properties": {"at": {"format": "date-time"}, "id": {"format": "uuid"}}}));
    assert_eq!(
        check(
            &f,
            json!({"at": "2024-01-01T00:00:00Z", "id": "00000000-0000-0000-0000-000000000000"})
        ),
        Ok(())
    );
    assert_eq!(
        check(&f, json!({"at": "yesterday"})),
        Err("/at: format \"date-time\"".into())
    );
    // Every other format is an annotation.
    let unknown = schema(json!({"properties": {"x": {"format": "x-custom"}}}));
    assert_eq!(check(&unknown, json!({"x": "anything"})), Ok(()));
    let ip = schema(json!({"properties": {"x": {"format": "ipv4"}}}));
    assert_eq!(
        check(&ip, json!({"x": "1.2.3.999"})),
        Err("/x: format \"ipv4\"".into())
    );
    let no = Schema::compile(&v(json!({"pattern": "a"})), &NoPatterns);
    assert!(no.is_err());
}

#[test]
fn arrays() {
    let s = schema(
        json!({"items": {"type": "integer"}, "minItems": 1, "maxItems": 3, "uniqueItems": true}),
    );
    assert_eq!(check(&s, json!([1, 2])), Ok(()));
    assert_eq!(
        check(&s, json!([])),
        Err("minItems: expected at least 1 items".into())
    );
    assert_eq!(
        check(&s, json!([1, 2, 3, 4])),
        Err("maxItems: expected at most 3 items".into())
    );
    assert_eq!(
        check(&s, json!([1, 1.0])),
        Err("uniqueItems: items 0 and 1 are equal".into())
    );
    assert_eq!(
        check(&s, json!([1, "x"])),
        Err("/1: type: expected integer".into())
    );
    let u = schema(json!({"uniqueItems": true}));
    assert!(check(&u, json!([{"a": 1, "b": 2}, {"b": 2, "a": 1}])).is_err());
    assert_eq!(check(&u, json!([{"a": false}, {"a": 0}])), Ok(()));
    assert_eq!(refused(json!({"items": [{}]})), "/items: invalid value");
}

#[test]
fn enum_and_const() {
    let s = schema(json!({"enum": ["red", "green", null, 1]}));
    assert_eq!(check(&s, json!("red")), Ok(()));
    assert_eq!(check(&s, json!(1.0)), Ok(()));
    assert_eq!(
        check(&s, json!(true)),
        Err("enum: expected one of \"red\", \"green\", null, 1".into())
    );
    let c = schema(json!({"const": {"a": [1]}}));
    assert_eq!(check(&c, json!({"a": [1.0]})), Ok(()));
    assert_eq!(
        check(&c, json!({"a": [2]})),
        Err("const: expected the schema's constant".into())
    );
    let f = schema(json!({"enum": [false]}));
    assert!(check(&f, json!(0)).is_err());
}

#[test]
fn booleans_and_annotations() {
    assert_eq!(check(&schema(json!(true)), json!({"x": 1})), Ok(()));
    assert_eq!(
        check(&schema(json!(false)), json!(1)),
        Err("false: no value is allowed here".into())
    );
    let s = schema(json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:x", "$comment": "c",
        "title": "t", "description": "d", "default": 3, "examples": [1], "deprecated": false,
        "readOnly": true, "writeOnly": false, "type": "integer"
    }));
    assert_eq!(check(&s, json!(3)), Ok(()));
    for ok in [
        "http://json-schema.org/draft-07/schema#",
        "https://json-schema.org/draft/2019-09/schema",
    ] {
        schema(json!({"$schema": ok}));
    }
    for other in [
        "http://localhost:1234/draft2020-12/metaschema-no-validation.json",
        "http://json-schema.org/draft-04/schema#",
        "",
    ] {
        assert!(refused(json!({"$schema": other})).starts_with("/$schema: must name draft 2020-12"));
    }
}

#[test]
fn malformed_keywords_are_refused_with_their_pointer() {
    assert_eq!(refused(json!({"oneOf": []})), "/oneOf: invalid value");
    assert_eq!(
        refused(json!({"properties": {"a": {"$ref": "#/$defs/x"}}})),
        "/properties/a/$ref: cannot resolve \"#/$defs/x\": not in this schema nor in `schemas` (no network)"
    );
    assert!(refused(json!({"patternProperties": {"(": {}}}))
        .starts_with("/patternProperties: invalid ECMAScript regular expression (u flag) \"(\""));
    assert_eq!(refused(json!(1)), "a schema must be an object or a boolean");
    assert_eq!(
        refused(json!({"properties": {"a": 1}})),
        "/properties/a: a schema must be an object or a boolean"
    );
    assert_eq!(
        refused(json!({"required": ["a", "a"]})),
        "/required: invalid value"
    );
    assert_eq!(refused(json!({"enum": 1})), "/enum: invalid value");
}

#[test]
fn deep_schemas_are_refused_not_overflowed() {
    let mut j = json!({"type": "string"});
    for _ in 0..200 {
        j = json!({"items": j});
    }
    assert!(refused(j).contains("nests too deeply"));
}

fn compile_strict(
    j: serde_json::Value,
    remotes: &[(Cow<'static, str>, Value<'static>)],
) -> Result<Schema, String> {
    let opts = CompileOptions {
        remotes,
        strict: true,
    };
    Schema::compile_with(&v(j), &opts, &Re).map_err(|e| e.to_string())
}

#[test]
fn references_resolve_at_compile_time_and_cycles_are_refused() {
    let s = schema(json!({
        "$defs": {"node": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/$defs/node"}}}, "required": ["name"]}},
        "$ref": "#/$defs/node"
    }));
    assert_eq!(
        check(&s, json!({"name": 1, "kids": [{"name": 2, "kids": []}]})),
        Ok(())
    );
    assert_eq!(
        check(&s, json!({"name": 1, "kids": [{"kids": []}]})),
        Err("/kids/0: required: missing property \"name\"".into())
    );
    for cycle in [
        json!({"$ref": "#"}),
        json!({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}),
    ] {
        assert!(refused(cycle).contains("loops back without reaching into the value"));
    }
    // Another document only through `remotes`.
    let remote = vec![(
        "https://example.com/user.json".into(),
        v(json!({"type": "object", "required": ["id"]})),
    )];
    let opts = CompileOptions {
        remotes: &remote,
        strict: false,
    };
    let r = Schema::compile_with(
        &v(json!({"items": {"$ref": "https://example.com/user.json"}})),
        &opts,
        &Re,
    )
    .unwrap();
    assert_eq!(
        check(&r, json!([{}])),
        Err("/0: required: missing property \"id\"".into())
    );
    assert!(refused(json!({"$ref": "https://example.com/user.json"}))
        .contains("cannot resolve \"https://example.com/user.json\""));
}

#[test]
fn unknown_keywords_are_annotations_unless_strict() {
    let j = json!({"type": "string", "minLenght": 3, "discriminator": {"propertyName": "kind"}});
    assert_eq!(check(&schema(j.clone()), json!("a")), Ok(()));
    assert_eq!(
        compile_strict(json!({"type": "string", "minLenght": 3}), &[])
            .err()
            .unwrap(),
        "/minLenght: unknown keyword \"minLenght\""
    );
    assert!(compile_strict(
        json!({"type": "string", "title": "t", "$comment": "c"}),
        &[]
    )
    .is_ok());
}

#[test]
fn any_of_reports_the_closest_branch_and_secrets_stay_out() {
    let s = schema(json!({"properties": {"user": {"anyOf": [
        {"type": "null"},
        {"type": "object", "properties": {"email": {"type": "string", "format": "email"}}}
    ]}}}));
    assert_eq!(
        check(&s, json!({"user": {"email": "nope"}})),
        Err("/user/email: format \"email\" (anyOf: no branch matched; closest is branch 1)".into())
    );
    let secret = schema(
        json!({"properties": {"api_token": {"const": "hunter2"}, "k": {"const": "sk-abcdefghijklmnop"}}}),
    );
    let e = check(&secret, json!({"api_token": "x"})).unwrap_err();
    assert!(!e.contains("hunter2"), "{e}");
    let e = check(&secret, json!({"k": "x"})).unwrap_err();
    assert!(
        !e.contains("sk-abcdefghijklmnop") && e.contains("[redacted]"),
        "{e}"
    );
    let long = check(
        &schema(json!({"pattern": "^".to_string() + &"a".repeat(400)})),
        json!("b"),
    )
    .unwrap_err();
    assert!(long.chars().count() < 320, "{long}");
}

#[test]
fn lone_surrogates_stay_distinct() {
    let parse = |t: &'static str| json::parse(t, &|s| s.parse().unwrap()).unwrap();
    let s = Schema::compile(&parse(r#"{"enum": ["\ud800"]}"#), &Re).unwrap();
    assert!(s.validate(&parse(r#""\ud800""#)).is_ok());
    assert!(s.validate(&parse(r#""\udfff""#)).is_err());
    assert!(s.validate(&parse("\"\u{fffd}\"")).is_err());
    let u = schema(json!({"uniqueItems": true, "items": {"maxLength": 1}}));
    assert!(u.validate(&parse(r#"["\ud800", "\udfff"]"#)).is_ok());
    assert!(u.validate(&parse(r#"["\ud800", "\ud800"]"#)).is_err());
}

#[test]
fn deep_and_wide_values() {
    // Depth 256 through a recursive schema, and 10k unique items.
    let s = schema(
        json!({"$defs": {"a": {"type": "array", "items": {"$ref": "#/$defs/a"}}}, "$ref": "#/$defs/a"}),
    );
    let deep = "[".repeat(MAX_VALUE_DEPTH) + &"]".repeat(MAX_VALUE_DEPTH);
    let value = json::parse(&deep, &|_| 0.0).unwrap();
    assert!(s.validate(&value).is_ok());
    let wide = Value::Array((0..10_000).map(|i| Value::Number(i as f64)).collect());
    assert!(schema(json!({"uniqueItems": true})).validate(&wide).is_ok());
    let mut dup = (0..10_000)
        .map(|i| Value::Number(i as f64))
        .collect::<Vec<_>>();
    dup.push(Value::Number(9_999.0));
    assert_eq!(
        schema(json!({"uniqueItems": true}))
            .validate(&Value::Array(dup))
            .unwrap_err()
            .reason,
        "uniqueItems: items 9999 and 10000 are equal"
    );
}

// ---- property tests ----

use proptest::prelude::*;

fn any_value() -> impl Strategy<Value = Value<'static>> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-1000i32..1000).prop_map(|n| Value::Number(n as f64)),
        (-1000i32..1000).prop_map(|n| Value::Number(n as f64 / 8.0)),
        "\\PC{0,8}".prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::btree_map("[a-c]{1,2}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().map(|(k, x)| (k.into(), x)).collect())),
        ]
    })
}

/// Schemas mixing every supported keyword (and, rarely, an unsupported one).
fn any_schema() -> impl Strategy<Value = Value<'static>> {
    let type_name = prop::sample::select(vec![
        "null", "boolean", "object", "array", "number", "string", "integer",
    ]);
    let keyword = prop_oneof![
        type_name.prop_map(|t| ("type".to_string(), Value::String(t.into()))),
        (0u8..4).prop_map(|n| ("minLength".to_string(), Value::Number(n.into()))),
        (0u8..4).prop_map(|n| ("maxItems".to_string(), Value::Number(n.into()))),
        (-5i8..5).prop_map(|n| ("minimum".to_string(), Value::Number(n.into()))),
        prop::sample::select(vec![0.5, 1.0, 2.0, 0.125])
            .prop_map(|n| ("multipleOf".to_string(), Value::Number(n))),
        any::<bool>().prop_map(|b| ("uniqueItems".to_string(), Value::Bool(b))),
        any::<bool>().prop_map(|b| ("additionalProperties".to_string(), Value::Bool(b))),
        "[a-c]{1,2}".prop_map(|k| (
            "required".to_string(),
            Value::Array(vec![Value::String(k.into())])
        )),
        any_value().prop_map(|c| ("const".to_string(), c)),
        prop::sample::select(vec!["uri", "email", "date-time", "uuid"])
            .prop_map(|f| ("format".to_string(), Value::String(f.into()))),
        Just(("pattern".to_string(), Value::String("a".into()))),
        Just(("allOf".to_string(), Value::Array(vec![]))),
    ];
    let flat = proptest::collection::vec(keyword, 0..4)
        .prop_map(|ps| Value::Object(ps.into_iter().map(|(k, x)| (k.into(), x)).collect()));
    flat.prop_recursive(3, 24, 3, |inner| {
        prop_oneof![
            (
                inner.clone(),
                proptest::collection::vec(
                    prop_oneof![
                        Just(("type".to_string(), Value::String("array".into()))),
                        Just(("minItems".to_string(), Value::Number(1.0))),
                    ],
                    0..2
                )
            )
                .prop_map(|(items, mut rest)| {
                    rest.push(("items".to_string(), items));
                    Value::Object(rest.into_iter().map(|(k, x)| (k.into(), x)).collect())
                }),
            proptest::collection::btree_map("[a-c]{1,2}", inner, 0..3).prop_map(|m| {
                Value::Object(vec![(
                    "properties".into(),
                    Value::Object(m.into_iter().map(|(k, x)| (k.into(), x)).collect()),
                )])
            }),
        ]
    })
}

/// The value a JSON pointer names, if any.
fn resolve<'a>(root: &'a Value<'a>, pointer: &str) -> Option<&'a Value<'a>> {
    if pointer.is_empty() {
        return Some(root);
    }
    let mut cur = root;
    for raw in pointer.strip_prefix('/')?.split('/') {
        let key = raw.replace("~1", "/").replace("~0", "~");
        cur = match cur {
            Value::Object(_) => cur.get(&key)?,
            Value::Array(items) => items.get(key.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

fn type_reference(name: &str, v: &Value) -> bool {
    match (name, v) {
        ("null", Value::Null) | ("boolean", Value::Bool(_)) | ("object", Value::Object(_)) => true,
        ("array", Value::Array(_))
        | ("number", Value::Number(_))
        | ("string", Value::String(_)) => true,
        ("integer", Value::Number(n)) => n.fract() == 0.0,
        _ => false,
    }
}

proptest! {
    #[test]
    fn true_accepts_and_false_refuses_everything(value in any_value()) {
        prop_assert!(schema(json!(true)).validate(&value).is_ok());
        let f = schema(json!(false)).validate(&value).unwrap_err();
        prop_assert_eq!(f.pointer, "");
    }

    #[test]
    fn type_agrees_with_the_definition(value in any_value(), t in prop::sample::select(vec!["null", "boolean", "object", "array", "number", "string", "integer"])) {
        let s = schema(json!({"type": t}));
        prop_assert_eq!(s.validate(&value).is_ok(), type_reference(t, &value));
    }

    #[test]
    fn lengths_count_code_points(text in "\\PC{0,12}", min in 0u32..8, max in 0u32..8) {
        let s = schema(json!({"minLength": min, "maxLength": max}));
        let n = text.chars().count() as u32;
        prop_assert_eq!(s.validate(&Value::String(text.into())).is_ok(), n >= min && n <= max);
    }

    #[test]
    fn every_enum_member_is_accepted(members in proptest::collection::vec(any_value(), 1..6), pick in any::<prop::sample::Index>()) {
        let s = Schema::compile(&Value::Object(vec![("enum".into(), Value::Array(members.clone()))]), &Re).unwrap();
        let chosen = pick.get(&members).clone();
        prop_assert!(s.validate(&chosen).is_ok());
    }

    #[test]
    fn a_duplicate_makes_items_not_unique(items in proptest::collection::vec(any_value(), 1..6), pick in any::<prop::sample::Index>()) {
        let s = schema(json!({"uniqueItems": true}));
        let mut with_dup = items.clone();
        with_dup.push(pick.get(&items).clone());
        prop_assert!(s.validate(&Value::Array(with_dup)).is_err());
        let distinct: Vec<Value> = (0..items.len()).map(|i| Value::Number(i as f64)).collect();
        prop_assert!(s.validate(&Value::Array(distinct)).is_ok());
    }

    #[test]
    fn json_equality_is_an_equivalence(a in any_value(), b in any_value()) {
        prop_assert!(a.json_eq(&a.clone()));
        prop_assert_eq!(a.json_eq(&b), b.json_eq(&a));
    }

    #[test]
    fn compile_and_validate_never_panic_and_failures_point_into_the_value(s in any_schema(), value in any_value()) {
        match Schema::compile(&s, &Re) {
            Err(e) => prop_assert!(e.reason.contains("allOf") || !e.reason.is_empty()),
            Ok(compiled) => {
                if let Err(f) = compiled.validate(&value) {
                    prop_assert!(resolve(&value, &f.pointer).is_some(), "{} does not point into the value", f.pointer);
                    prop_assert!(!f.reason.is_empty());
                }
            }
        }
    }
}

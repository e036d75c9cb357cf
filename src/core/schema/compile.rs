//! A schema, as a value tree, becomes a [`Node`] tree once; anything outside the
//! supported subset, a `$ref`, an unknown format or a malformed keyword is refused
//! with the pointer of the offending keyword.

use super::format::Format;
use super::pattern::{Pattern, PatternMatcher};
use super::pointer::{quoted, to_pointer, Step};
use super::value::Value;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// Deepest nesting of subschemas a schema may have.
pub const MAX_SCHEMA_DEPTH: usize = 64;

/// A compiled (sub)schema.
pub enum Node {
    /// `true` (or `{}`-like: nothing to check) or `false`.
    Bool(bool),
    Rules(Box<Rules>),
}

/// The JSON types, as bits of [`Rules::types`].
pub mod types {
    pub const NULL: u8 = 1;
    pub const BOOLEAN: u8 = 2;
    pub const OBJECT: u8 = 4;
    pub const ARRAY: u8 = 8;
    pub const NUMBER: u8 = 16;
    pub const STRING: u8 = 32;
    pub const INTEGER: u8 = 64;
    pub const NAMES: [(&str, u8); 7] = [
        ("null", NULL),
        ("boolean", BOOLEAN),
        ("object", OBJECT),
        ("array", ARRAY),
        ("number", NUMBER),
        ("string", STRING),
        ("integer", INTEGER),
    ];
}

/// The assertions of one schema object. `None`/empty means the keyword is absent.
#[derive(Default)]
pub struct Rules {
    /// Allowed types as bits; 0 allows every type.
    pub types: u8,
    pub properties: Vec<(String, Node)>,
    pub required: Vec<String>,
    pub additional_properties: bool,
    pub enumeration: Option<Vec<Value>>,
    pub constant: Option<Value>,
    /// The numeric keywords, indexed like [`BOUNDS`].
    pub bounds: [Option<f64>; 9],
    pub pattern: Option<(String, Box<dyn Pattern>)>,
    pub format: Option<Format>,
    pub items: Option<Node>,
    pub unique_items: bool,
}

/// The keywords with a number, in the order of [`Rules::bounds`]: the first five apply
/// to numbers, then two to string lengths and two to array lengths. One table keeps the
/// compiler and the validator small (this code ships as WebAssembly).
pub const BOUNDS: [&str; 9] = [
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
];
pub const MULTIPLE_OF: usize = 4;

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

pub struct Compiler<'m> {
    matcher: &'m dyn PatternMatcher,
}

type Path<'a> = Vec<Step<'a>>;

fn err(path: &Path<'_>, reason: impl Into<String>) -> SchemaError {
    SchemaError {
        pointer: to_pointer(path),
        reason: reason.into(),
    }
}

impl<'m> Compiler<'m> {
    pub fn new(matcher: &'m dyn PatternMatcher) -> Self {
        Compiler { matcher }
    }

    pub fn node<'a>(&self, schema: &'a Value, path: &mut Path<'a>) -> Result<Node, SchemaError> {
        if path.len() > MAX_SCHEMA_DEPTH {
            return Err(err(path, "the schema nests deeper than 64 levels"));
        }
        let props = match schema {
            Value::Bool(b) => return Ok(Node::Bool(*b)),
            Value::Object(props) => props,
            _ => return Err(err(path, "a schema must be an object or a boolean")),
        };
        let mut r = Rules {
            additional_properties: true,
            ..Rules::default()
        };
        for (key, v) in props {
            path.push(Step::Key(key));
            self.keyword(&mut r, key, v, path)?;
            path.pop();
        }
        Ok(Node::Rules(Box::new(r)))
    }

    fn keyword<'a>(
        &self,
        r: &mut Rules,
        key: &'a str,
        v: &'a Value,
        path: &mut Path<'a>,
    ) -> Result<(), SchemaError> {
        if let Some(i) = BOUNDS.iter().position(|b| *b == key) {
            let n = match v {
                Value::Number(n) if i < MULTIPLE_OF && n.is_finite() => *n,
                Value::Number(n) if i == MULTIPLE_OF && n.is_finite() && *n > 0.0 => *n,
                Value::Number(n) if i > MULTIPLE_OF && v.is_integer() && *n >= 0.0 => *n,
                _ if i < MULTIPLE_OF => return Err(err(path, "must be a number")),
                _ if i == MULTIPLE_OF => return Err(err(path, "must be a number greater than 0")),
                _ => return Err(err(path, "must be a non-negative integer")),
            };
            r.bounds[i] = Some(n);
            return Ok(());
        }
        match key {
            "type" => r.types = type_bits(v).ok_or_else(|| {
                err(path, "must be a type name or a non-empty list of distinct type names (null, boolean, object, array, number, string, integer)")
            })?,
            "properties" => {
                let Value::Object(props) = v else {
                    return Err(err(path, "must be an object of schemas"));
                };
                for (name, sub) in props {
                    path.push(Step::Key(name));
                    let node = self.node(sub, path)?;
                    path.pop();
                    r.properties.push((name.clone(), node));
                }
            }
            "required" => r.required = unique_strings(v).ok_or_else(|| err(path, "must be a list of distinct strings"))?,
            "additionalProperties" => match v {
                Value::Bool(b) => r.additional_properties = *b,
                Value::Object(_) => return Err(err(path, "only true or false is supported, not a schema")),
                _ => return Err(err(path, "must be true or false")),
            },
            "enum" => match v {
                Value::Array(items) => r.enumeration = Some(items.clone()),
                _ => return Err(err(path, "must be a list of values")),
            },
            "const" => r.constant = Some(v.clone()),
            "uniqueItems" => r.unique_items = boolean(v, path)?,
            "pattern" => {
                let Value::String(source) = v else {
                    return Err(err(path, "must be a string"));
                };
                let compiled = self.matcher.compile(source).ok_or_else(|| {
                    err(path, "is not a valid ECMAScript regular expression (with the u flag)")
                })?;
                r.pattern = Some((source.clone(), compiled));
            }
            "format" => {
                let Value::String(name) = v else {
                    return Err(err(path, "must be a string"));
                };
                r.format = Some(Format::parse(name).ok_or_else(|| {
                    err(path, ["unknown format ", &quoted(name), ": the asserted formats are uri, email, date-time and uuid"].concat())
                })?);
            }
            "items" => match v {
                Value::Array(_) => return Err(err(path, "must be a schema (a list of schemas is prefixItems, which is not supported)")),
                _ => r.items = Some(self.node(v, path)?),
            },
            // Annotations: accepted, checked for shape, ignored.
            "$schema" => {
                if !matches!(v, Value::String(uri) if is_known_dialect(uri)) {
                    return Err(err(path, "must name draft 2020-12 (https://json-schema.org/draft/2020-12/schema), 2019-09, 07 or 06: another meta-schema may change what the keywords mean"));
                }
            }
            "title" | "description" | "$comment" | "$id" => {
                if !matches!(v, Value::String(_)) {
                    return Err(err(path, "must be a string"));
                }
            }
            "deprecated" | "readOnly" | "writeOnly" => {
                boolean(v, path)?;
            }
            "examples" => {
                if !matches!(v, Value::Array(_)) {
                    return Err(err(path, "must be a list"));
                }
            }
            "default" => {}
            "$ref" => return Err(err(path, "$ref is not supported: write the referenced schema in place")),
            other => {
                return Err(err(path, ["unsupported keyword ", &quoted(other)].concat()));
            }
        }
        Ok(())
    }
}

/// The meta-schemas whose meaning of the supported keywords is the one implemented.
fn is_known_dialect(uri: &str) -> bool {
    let uri = uri.strip_suffix('#').unwrap_or(uri);
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

fn boolean(v: &Value, path: &Path<'_>) -> Result<bool, SchemaError> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(err(path, "must be true or false")),
    }
}

fn unique_strings(v: &Value) -> Option<Vec<String>> {
    let Value::Array(items) = v else { return None };
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let Value::String(s) = item else { return None };
        if out.contains(s) {
            return None;
        }
        out.push(s.clone());
    }
    Some(out)
}

fn type_bit(v: &Value) -> Option<u8> {
    let Value::String(name) = v else { return None };
    types::NAMES
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, bit)| *bit)
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

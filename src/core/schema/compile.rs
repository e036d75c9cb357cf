//! A schema, as a value tree, becomes a [`Node`] tree once; anything outside the
//! supported subset, a `$ref`, an unknown format or a malformed keyword is refused
//! with the pointer of the offending keyword.

use super::format::Format;
use super::pattern::{Pattern, PatternMatcher};
use super::pointer::{quoted, to_pointer, Step};
use super::value::Value;

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
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    pub exclusive_minimum: Option<f64>,
    pub exclusive_maximum: Option<f64>,
    pub multiple_of: Option<f64>,
    pub min_length: Option<f64>,
    pub max_length: Option<f64>,
    pub pattern: Option<(String, Box<dyn Pattern>)>,
    pub format: Option<Format>,
    pub items: Option<Node>,
    pub min_items: Option<f64>,
    pub max_items: Option<f64>,
    pub unique_items: bool,
}

/// Why a schema was refused: the pointer of the offending keyword and a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError {
    pub pointer: String,
    pub reason: String,
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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
            "minimum" => r.minimum = Some(number(v, path)?),
            "maximum" => r.maximum = Some(number(v, path)?),
            "exclusiveMinimum" => r.exclusive_minimum = Some(number(v, path)?),
            "exclusiveMaximum" => r.exclusive_maximum = Some(number(v, path)?),
            "multipleOf" => {
                let m = number(v, path)?;
                if m <= 0.0 {
                    return Err(err(path, "must be greater than 0"));
                }
                r.multiple_of = Some(m);
            }
            "minLength" => r.min_length = Some(count(v, path)?),
            "maxLength" => r.max_length = Some(count(v, path)?),
            "minItems" => r.min_items = Some(count(v, path)?),
            "maxItems" => r.max_items = Some(count(v, path)?),
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
            "title" | "description" | "$comment" | "$schema" | "$id" => {
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

fn number(v: &Value, path: &Path<'_>) -> Result<f64, SchemaError> {
    match v {
        Value::Number(n) if n.is_finite() => Ok(*n),
        _ => Err(err(path, "must be a number")),
    }
}

fn boolean(v: &Value, path: &Path<'_>) -> Result<bool, SchemaError> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(err(path, "must be true or false")),
    }
}

/// A non-negative integer (`2.0` counts).
fn count(v: &Value, path: &Path<'_>) -> Result<f64, SchemaError> {
    match v {
        Value::Number(n) if v.is_integer() && *n >= 0.0 => Ok(*n),
        _ => Err(err(path, "must be a non-negative integer")),
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

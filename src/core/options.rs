//! Reading an options object the facade handed over: unknown keys and wrong types are
//! `invalid_config` naming the option (`ClientSecretSource: authToken must be a
//! function`). Ranges are each feature's own.
//!
//! Options arrive as a [`Field`] (the facade's binary form of a plain value, see
//! `core::record`: a function crosses as a marker, the facade keeps the function itself,
//! and `undefined` is left out). No module reads options as JSON text; the native tests
//! write them that way ([`from_json`], [`Options::parse`]), with [`FUNCTION`] for a
//! function.

use crate::core::record::Field;
#[cfg(test)]
use crate::core::schema::{json, Value};
use crate::core::text::cat;
use crate::core::GlueError;
use alloc::string::String;
use alloc::vec::Vec;

/// What a test's JSON options hold in place of a function.
#[cfg(test)]
pub const FUNCTION: &str = "\u{0}function";

pub struct Options {
    entries: Vec<(String, Field)>,
    what: &'static str,
}

/// JSON text as a [`Field`], reading the function marker; `None` when it is not JSON.
/// Number text the reader's exact fast path leaves (more than 15 significant digits,
/// large exponents) is NaN.
#[cfg(test)]
pub fn from_json(text: &str) -> Option<Field> {
    json::parse(text, &|_| f64::NAN).ok().map(field)
}

/// A JSON value as a [`Field`], reading the function marker.
#[cfg(test)]
fn field(v: Value) -> Field {
    match v {
        Value::Null => Field::Null,
        Value::Bool(b) => Field::Bool(b),
        Value::Number(n) => Field::Number(n),
        Value::String(s) if s == FUNCTION => Field::Function,
        // An option's text with a lone surrogate reads as U+FFFD: no option compares code
        // units.
        Value::String(s) | Value::Lone(s, _) => Field::Str(s.into_owned()),
        Value::Array(items) => Field::Array(items.into_iter().map(field).collect()),
        Value::Object(entries) => Field::Object(
            entries
                .into_iter()
                .map(|(k, v)| (k.into_owned(), field(v)))
                .collect(),
        ),
    }
}

impl Options {
    /// Reads `text` (JSON: an object, or `null` for no options) whose own keys must all
    /// be in `allowed`.
    #[cfg(test)]
    pub fn parse(text: &str, what: &'static str, allowed: &[&str]) -> Result<Self, GlueError> {
        let value = from_json(text).ok_or_else(|| {
            GlueError::invalid_config(cat(&[what, ": options must be an object of plain data"]))
        })?;
        Options::new(value, what, allowed)
    }

    /// Reads `value` (an object, or null or absent for no options; `None` when the facade
    /// could not write it) whose own keys must all be in `allowed`.
    pub fn new(value: Field, what: &'static str, allowed: &[&str]) -> Result<Self, GlueError> {
        let entries = match value {
            Field::Null => Vec::new(),
            Field::Object(entries) => entries,
            _ => {
                return Err(GlueError::invalid_config(cat(&[
                    what,
                    ": options must be an object",
                ])))
            }
        };
        if let Some((key, _)) = entries.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            return Err(GlueError::invalid_config(cat(&[
                what,
                ": unknown option ",
                key,
            ])));
        }
        Ok(Options { entries, what })
    }

    pub fn get(&self, key: &str) -> Option<&Field> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn error(&self, key: &str, kind: &str) -> GlueError {
        GlueError::invalid_config(cat(&[self.what, ": ", key, " must be ", kind]))
    }

    /// A string, or `None` when absent.
    pub fn string(&self, key: &str) -> Result<Option<&str>, GlueError> {
        match self.get(key) {
            None => Ok(None),
            Some(Field::Str(s)) => Ok(Some(s)),
            Some(_) => Err(self.error(key, "a string")),
        }
    }

    /// Whether a function was given; anything else but absence is an error.
    pub fn function(&self, key: &str) -> Result<bool, GlueError> {
        match self.get(key) {
            None => Ok(false),
            Some(Field::Function) => Ok(true),
            Some(_) => Err(self.error(key, "a function")),
        }
    }

    /// A number, or `None` when absent; any other value is `NaN`, which every range
    /// refuses.
    pub fn number(&self, key: &str) -> Option<f64> {
        self.get(key).map(|v| match v {
            Field::Number(n) => *n,
            _ => f64::NAN,
        })
    }

    /// A boolean; absent is `default`.
    pub fn boolean(&self, key: &str, default: bool) -> Result<bool, GlueError> {
        match self.get(key) {
            None => Ok(default),
            Some(Field::Bool(b)) => Ok(*b),
            Some(_) => Err(self.error(key, "a boolean")),
        }
    }

    /// A record of strings (`headers`), or `None` when absent.
    pub fn strings(&self, key: &str) -> Result<Option<Vec<(&str, &str)>>, GlueError> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let Field::Object(entries) = v else {
            return Err(self.error(key, "a record of strings"));
        };
        entries
            .iter()
            .map(|(k, v)| match v {
                Field::Str(s) => Ok((k.as_str(), s.as_str())),
                _ => Err(self.error(key, "a record of strings")),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ErrorCode;

    const KEYS: [&str; 4] = ["url", "token", "timeoutMs", "headers"];

    #[test]
    fn reads_each_type_and_refuses_the_wrong_one() {
        let o = Options::parse(
            r#"{"url":"/x","token":"\u0000function","timeoutMs":5,"headers":{"a":"b"}}"#,
            "Thing",
            &KEYS,
        )
        .unwrap();
        assert_eq!(o.string("url").unwrap(), Some("/x"));
        assert!(o.function("token").unwrap());
        assert_eq!(o.number("timeoutMs"), Some(5.0));
        assert_eq!(o.strings("headers").unwrap(), Some(vec![("a", "b")]));
        let e = o.string("token").unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidConfig);
        assert_eq!(e.message, "Thing: token must be a string");
        assert_eq!(
            o.function("url").unwrap_err().message,
            "Thing: url must be a function"
        );
        assert!(o.number("url").unwrap().is_nan());
        assert_eq!(o.number("absent"), None);
    }

    #[test]
    fn unknown_keys_and_non_objects_are_invalid_config() {
        let e = Options::parse(r#"{"ulr":"/x"}"#, "Thing", &KEYS)
            .err()
            .unwrap();
        assert_eq!(e.message, "Thing: unknown option ulr");
        for bad in ["[]", "1", "\"x\"", "{"] {
            let e = Options::parse(bad, "Thing", &KEYS).err().unwrap();
            assert_eq!(e.code, ErrorCode::InvalidConfig, "{bad}");
        }
        assert!(Options::parse("null", "Thing", &KEYS).is_ok());
        let o = Options::parse(r#"{"headers":{"a":1}}"#, "Thing", &KEYS).unwrap();
        assert!(o.strings("headers").is_err());
    }
}

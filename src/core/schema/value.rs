//! The value tree the validator works on: JSON's data model, with numbers as the `f64`
//! JavaScript holds (see `json` for how number text is read exactly). Objects keep their
//! own properties in insertion order. Strings keep their exact UTF-16 code units: a lone
//! surrogate (which `JSON.parse` accepts) is [`Value::Lone`], so `"\ud800"` and
//! `"\udfff"` stay different values.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// A JSON value, read from JSON text by [`super::json::parse`]: keys such as
/// `__proto__` and `constructor` are plain data here. Strings and keys without escapes
/// borrow the text they were read from (`'a`), so reading params allocates only for
/// arrays and objects; [`Value::owned`] makes a copy that borrows nothing.
#[derive(Debug)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(f64),
    String(Cow<'a, str>),
    /// A string holding lone surrogates: its text with U+FFFD in place of each, and
    /// where they were (the byte offset of that U+FFFD, the code unit), in order.
    Lone(Cow<'a, str>, Box<[(u32, u16)]>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// A copy that borrows nothing (see [`Value::owned`]).
impl Clone for Value<'_> {
    fn clone(&self) -> Self {
        self.owned()
    }
}

impl<'a> Value<'a> {
    /// A copy that borrows nothing: what a compiled schema keeps of `const` and `enum`.
    /// Written out with the conversions and pushes the JSON reader already uses, instead
    /// of derived (whose copy loops, one per container kind, would be new code in the
    /// module).
    pub fn owned(&self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(*b),
            Value::Number(n) => Value::Number(*n),
            Value::String(s) => Value::String(Cow::Owned(String::from(&**s))),
            Value::Lone(s, l) => Value::Lone(Cow::Owned(String::from(&**s)), Box::from(&l[..])),
            Value::Array(a) => {
                let mut out = Vec::new();
                for x in a {
                    out.push(x.owned());
                }
                Value::Array(out)
            }
            Value::Object(p) => {
                let mut out = Vec::new();
                for (k, x) in p {
                    out.push((Cow::Owned(String::from(&**k)), x.owned()));
                }
                Value::Object(out)
            }
        }
    }

    /// The property `key` of an object (own properties only: there is nothing else).
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(props) => props.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string (lone surrogates as U+FFFD), `None` for other values.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) | Value::Lone(s, _) => Some(s),
            _ => None,
        }
    }

    /// JSON equality: numbers by value (`1` equals `1.0`), arrays in order, objects as
    /// sets of properties whatever their order.
    pub fn json_eq(&self, other: &Value<'_>) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Lone(a, x), Value::Lone(b, y)) => a == b && x == y,
            (Value::Array(a), Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.json_eq(y))
            }
            (Value::Object(a), Value::Object(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .all(|(k, v)| other.get(k).is_some_and(|w| v.json_eq(w)))
                    && b.iter().all(|(k, _)| self.get(k).is_some())
            }
            _ => false,
        }
    }

    /// A hash consistent with [`Value::json_eq`] (objects in any order, `0` and `-0`),
    /// for `uniqueItems` in linear time.
    pub fn hash(&self) -> u64 {
        fn mix(h: u64, x: u64) -> u64 {
            (h ^ x).wrapping_mul(0x100_0000_01b3).rotate_left(23)
        }
        fn text(h: u64, s: &str) -> u64 {
            s.bytes().fold(h, |h, b| mix(h, b.into()))
        }
        match self {
            Value::Null => 1,
            Value::Bool(b) => 2 + u64::from(*b),
            Value::Number(n) => mix(4, if *n == 0.0 { 0 } else { n.to_bits() }),
            Value::String(s) => text(5, s),
            Value::Lone(s, l) => l.iter().fold(text(5, s), |h, (i, u)| {
                mix(h, u64::from(*i) << 16 | u64::from(*u))
            }),
            Value::Array(a) => a.iter().fold(6, |h, x| mix(h, x.hash())),
            Value::Object(p) => p
                .iter()
                .fold(7u64, |h, (k, x)| h.wrapping_add(mix(text(8, k), x.hash()))),
        }
    }

    /// Whether this is a number with no fractional part (`1.0` is an integer).
    pub fn is_integer(&self) -> bool {
        matches!(self, Value::Number(n) if n.is_finite() && crate::core::float::fract(*n) == 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Value::*;
    use super::*;

    fn obj(props: &[(&str, Value<'static>)]) -> Value<'static> {
        Object(
            props
                .iter()
                .map(|(k, v)| (k.to_string().into(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn numbers_compare_by_value() {
        assert!(Number(1.0).json_eq(&Number(1.0)));
        assert!(Number(0.0).json_eq(&Number(-0.0)));
        assert!(!Number(1.0).json_eq(&Bool(true)));
        assert!(!Number(0.0).json_eq(&Bool(false)));
        assert!(!Null.json_eq(&Bool(false)));
    }

    #[test]
    fn objects_ignore_order_arrays_do_not() {
        let a = obj(&[("a", Number(1.0)), ("b", Null)]);
        let b = obj(&[("b", Null), ("a", Number(1.0))]);
        assert!(a.json_eq(&b));
        assert!(!a.json_eq(&obj(&[("a", Number(1.0))])));
        assert!(!a.json_eq(&obj(&[("a", Number(1.0)), ("c", Null)])));
        let x = Array(vec![Number(1.0), Number(2.0)]);
        let y = Array(vec![Number(2.0), Number(1.0)]);
        assert!(!x.json_eq(&y));
        assert!(x.json_eq(&x.clone()));
    }

    #[test]
    fn integers_include_whole_floats() {
        assert!(Number(1.0).is_integer());
        assert!(Number(-3e20).is_integer());
        assert!(!Number(1.5).is_integer());
        assert!(!Number(f64::NAN).is_integer());
        assert!(!String("1".into()).is_integer());
    }
}

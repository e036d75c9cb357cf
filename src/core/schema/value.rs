//! The value tree the validator works on: JSON's data model, with numbers as the `f64`
//! JavaScript holds (see `json` for how number text is read exactly). Objects keep their
//! own properties in insertion order.

use crate::core::float::fract;
use alloc::string::String;
use alloc::vec::Vec;

/// A JSON value, read from JSON text by [`super::json::parse`]: keys such as
/// `__proto__` and `constructor` are plain data here.
#[derive(Clone, Debug)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The property `key` of an object (own properties only: there is nothing else).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(props) => props.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// JSON equality: numbers by value (`1` equals `1.0`), arrays in order, objects as
    /// sets of properties whatever their order.
    pub fn json_eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
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

    /// Whether this is a number with no fractional part (`1.0` is an integer).
    pub fn is_integer(&self) -> bool {
        matches!(self, Value::Number(n) if n.is_finite() && fract(*n) == 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Value::*;
    use super::*;

    fn obj(props: &[(&str, Value)]) -> Value {
        Object(
            props
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
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

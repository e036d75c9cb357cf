//! Plain data as the facade hands it over: a small tagged binary form of a JavaScript
//! value (options objects, a parsed server answer), written by `pkg-template/src/module.js`
//! into the module's I/O buffer and read here. Cheaper in bytes and time than a JSON
//! parser in the module: numbers cross as the `f64` JavaScript holds, strings as UTF-8, and
//! a function as a marker (the facade keeps the function itself).
//!
//! ```text
//! value  := tag payload
//! tag    := 0 null | 1 false | 2 true | 3 number: f64 LE | 4 string: len u32 LE, UTF-8
//!         | 5 function | 6 object: count u32 LE, (key: len u32 LE, UTF-8; value)*
//!         | 7 array: count u32 LE, value* | 8 anything else (a BigInt, a symbol, a cycle,
//!           an object that is not plain data)
//! ```
//! Malformed input (never written by the facade) is `None`, never a panic; nesting is
//! bounded by [`MAX_DEPTH`].

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

/// Deepest nesting read.
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    Null,
    Bool(bool),
    Number(f64),
    Str(String),
    Function,
    Object(Vec<(String, Field)>),
    Array(Vec<Field>),
    Other,
}

impl Field {
    /// The property `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Field> {
        match self {
            Field::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Field::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Reads one value that fills `bytes` exactly.
pub fn decode(bytes: &[u8]) -> Option<Field> {
    let mut r = Reader { b: bytes, i: 0 };
    let v = r.value(0)?;
    (r.i == bytes.len()).then_some(v)
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.i.checked_add(n)?;
        let out = self.b.get(self.i..end)?;
        self.i = end;
        Some(out)
    }

    fn u32(&mut self) -> Option<usize> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn text(&mut self) -> Option<String> {
        let n = self.u32()?;
        crate::core::text::utf8(self.take(n)?).map(str::to_owned)
    }

    fn value(&mut self, depth: usize) -> Option<Field> {
        if depth > MAX_DEPTH {
            return None;
        }
        let tag = *self.take(1)?.first()?;
        Some(match tag {
            0 => Field::Null,
            1 => Field::Bool(false),
            2 => Field::Bool(true),
            3 => {
                let b = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Field::Number(f64::from_le_bytes(a))
            }
            4 => Field::Str(self.text()?),
            5 => Field::Function,
            6 => {
                let n = self.u32()?;
                // Each entry takes at least 5 bytes: a count past the input is malformed.
                if n > self.b.len() / 5 {
                    return None;
                }
                let mut entries = Vec::with_capacity(n);
                for _ in 0..n {
                    let key = self.text()?;
                    entries.push((key, self.value(depth + 1)?));
                }
                Field::Object(entries)
            }
            7 => {
                let n = self.u32()?;
                if n > self.b.len() {
                    return None;
                }
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.value(depth + 1)?);
                }
                Field::Array(items)
            }
            8 => Field::Other,
            _ => return None,
        })
    }
}

/// A plain value in the facade's binary form, as `encodeValue` in `module.js` writes it:
/// written again here, independently of the reader, for tests that hand the core a value
/// as the facade would (the reader's own tests and the wasm tests). No module calls it.
pub fn encode(v: &Field) -> Vec<u8> {
    fn text(s: &str, out: &mut Vec<u8>) {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    }
    fn write(v: &Field, out: &mut Vec<u8>) {
        match v {
            Field::Null => out.push(0),
            Field::Bool(b) => out.push(1 + u8::from(*b)),
            Field::Number(n) => {
                out.push(3);
                out.extend_from_slice(&n.to_le_bytes());
            }
            Field::Str(s) => {
                out.push(4);
                text(s, out);
            }
            Field::Function => out.push(5),
            Field::Object(entries) => {
                out.push(6);
                out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
                for (k, v) in entries {
                    text(k, out);
                    write(v, out);
                }
            }
            Field::Array(items) => {
                out.push(7);
                out.extend_from_slice(&(items.len() as u32).to_le_bytes());
                for v in items {
                    write(v, out);
                }
            }
            Field::Other => out.push(8),
        }
    }
    let mut out = Vec::new();
    write(v, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_facade_writes() {
        let v = Field::Object(vec![
            ("timeoutMs".into(), Field::Number(1.5)),
            ("authToken".into(), Field::Function),
            (
                "headers".into(),
                Field::Object(vec![("x-a".into(), Field::Str("é".into()))]),
            ),
            (
                "tags".into(),
                Field::Array(vec![Field::Null, Field::Bool(true), Field::Other]),
            ),
        ]);
        assert_eq!(decode(&encode(&v)), Some(v.clone()));
        assert_eq!(v.get("timeoutMs"), Some(&Field::Number(1.5)));
        assert_eq!(
            v.get("headers")
                .and_then(|h| h.get("x-a"))
                .and_then(Field::as_str),
            Some("é")
        );
    }

    #[test]
    fn malformed_input_is_none() {
        for bad in [
            &[][..],
            &[9],
            &[3, 0, 0],
            &[4, 5, 0, 0, 0, b'a'],
            &[6, 255, 255, 255, 255],
            &[0, 0],
        ] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
        let mut deep = [7, 1, 0, 0, 0].repeat(MAX_DEPTH + 2);
        deep.push(0);
        assert_eq!(decode(&deep), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn field() -> impl proptest::strategy::Strategy<Value = Field> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Field::Null),
            any::<bool>().prop_map(Field::Bool),
            any::<f64>()
                .prop_filter("NaN never equals itself", |n| !n.is_nan())
                .prop_map(Field::Number),
            ".{0,12}".prop_map(Field::Str),
            Just(Field::Function),
            Just(Field::Other),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Field::Array),
                proptest::collection::vec((".{0,8}", inner), 0..6).prop_map(Field::Object),
            ]
        })
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn every_value_round_trips(v in field()) {
            proptest::prop_assert_eq!(decode(&encode(&v)), Some(v));
        }

        #[test]
        fn any_bytes_decode_or_refuse_without_panicking(b in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
            let _ = decode(&b);
        }
    }
}

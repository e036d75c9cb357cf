//! A small JSON parser (RFC 8259) into [`Value`]: the facade hands params (and schemas)
//! over as one `JSON.stringify` string, so the module reads them with one boundary
//! crossing instead of one per value.
//!
//! - Objects keep their keys in order as data: `__proto__` and `constructor` are plain
//!   keys. A repeated key keeps its first position and its last value (as `JSON.parse`).
//! - Numbers are the `f64` that `JSON.parse` gives for the same text (correctly rounded),
//!   so `type: integer`, `multipleOf`, `const` and `enum` see exactly the number
//!   JavaScript holds. Numbers of up to 15 significant digits with a small exponent
//!   (`3`, `-12.5`, `0.001`, `1e21`) are converted here with one correctly rounded
//!   operation; any other number text (17-digit doubles such as `0.30000000000000004`,
//!   integers beyond 15 digits, large exponents) goes to the caller's `slow` parser:
//!   `parseFloat` in the browser (one call per such number), `str::parse` natively. A
//!   number that rounds to an infinity is refused.
//! - Strings keep their exact code units: a string with a `\u` escape of a lone surrogate
//!   (`JSON.stringify` writes one that way) is a [`Value::Lone`], U+FFFD in its text and
//!   the surrogate on the side. Object keys are read with U+FFFD only.
//! - Nesting deeper than [`MAX_VALUE_DEPTH`] containers is refused, so the recursion is
//!   bounded. Malformed text is an error, never a panic.

use super::pointer::{push_step, Step};
use super::{Value, MAX_VALUE_DEPTH};
use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// Why a text was refused, and where (a JSON pointer into the value read so far).
#[derive(Debug, PartialEq, Eq)]
pub struct ParseError {
    pub pointer: String,
    pub reason: &'static str,
}

/// The reason for nesting beyond [`MAX_VALUE_DEPTH`].
pub const TOO_DEEP: &str = "nesting deeper than 256 levels";

/// Parses one JSON text. `slow` converts number text the exact fast path cannot (it is
/// given a valid JSON number).
pub fn parse<'a>(text: &'a str, slow: &dyn Fn(&str) -> f64) -> Result<Value<'a>, ParseError> {
    let mut p = Parser {
        t: text,
        s: text.as_bytes(),
        i: 0,
        slow,
        lone: Vec::new(),
        path: Vec::new(),
        reason: MALFORMED,
    };
    let out = p.value(0).and_then(|v| {
        p.ws();
        if p.i == p.s.len() {
            Ok(v)
        } else {
            Err(p.fail(MALFORMED))
        }
    });
    out.map_err(|Fail| {
        let mut pointer = String::new();
        for seg in p.path.iter().rev() {
            push_step(
                &mut pointer,
                match seg {
                    Seg::Key(k) => Step::Key(k),
                    Seg::Index(i) => Step::Index(*i),
                },
            );
        }
        ParseError {
            pointer,
            reason: p.reason,
        }
    })
}

const MALFORMED: &str = "malformed JSON";

enum Seg {
    Key(String),
    Index(usize),
}

/// An error on its way out: its reason is in [`Parser::reason`], and each container it
/// passes adds its step to [`Parser::path`] (innermost first), so the success path keeps
/// no path at all.
struct Fail;

struct Parser<'a, 's> {
    t: &'a str,
    s: &'a [u8],
    i: usize,
    slow: &'s dyn Fn(&str) -> f64,
    /// The lone surrogates of the string being read: (byte offset, code unit).
    lone: Vec<(u32, u16)>,
    path: Vec<Seg>,
    reason: &'static str,
}

/// Exact powers of ten as `f64` (all of them up to 1e22 are representable).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

impl<'a> Parser<'a, '_> {
    fn fail(&mut self, reason: &'static str) -> Fail {
        self.reason = reason;
        Fail
    }

    // The small steps the reader takes at every byte are inlined: the tools module is
    // built for size, which would otherwise make each one a call.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    #[inline(always)]
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> Result<(), Fail> {
        if self.s.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Ok(())
        } else {
            Err(self.fail(MALFORMED))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, Fail> {
        self.ws();
        match self.peek() {
            Some(b'n') => self.eat(b"null").map(|_| Value::Null),
            Some(b't') => self.eat(b"true").map(|_| Value::Bool(true)),
            Some(b'f') => self.eat(b"false").map(|_| Value::Bool(false)),
            Some(b'"') => {
                let s = self.string()?;
                Ok(if self.lone.is_empty() {
                    Value::String(s)
                } else {
                    Value::Lone(s, Box::from(self.lone.as_slice()))
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(b'[' | b'{') if depth >= MAX_VALUE_DEPTH => Err(self.fail(TOO_DEEP)),
            Some(c @ (b'[' | b'{')) => self.container(depth + 1, c == b'{'),
            _ => Err(self.fail(MALFORMED)),
        }
    }

    /// An array or (with `object`) an object, its opening bracket at `self.i`: one loop
    /// for both, which differ only in the key before each value.
    fn container(&mut self, depth: usize, object: bool) -> Result<Value<'a>, Fail> {
        self.i += 1;
        let close = if object { b'}' } else { b']' };
        let mut items: Vec<Value<'a>> = Vec::new();
        let mut props: Vec<(Cow<'a, str>, Value<'a>)> = Vec::new();
        self.ws();
        if self.peek() != Some(close) {
            loop {
                let mut key = None;
                if object {
                    self.ws();
                    if self.peek() != Some(b'"') {
                        return Err(self.fail(MALFORMED));
                    }
                    key = Some(self.string()?);
                    self.ws();
                }
                let read = match key {
                    Some(_) => self.eat(b":").and_then(|_| self.value(depth)),
                    None => self.value(depth),
                };
                let v = match read {
                    Ok(v) => v,
                    Err(e) => {
                        self.path.push(match key {
                            Some(k) => Seg::Key(k.into_owned()),
                            None => Seg::Index(items.len()),
                        });
                        return Err(e);
                    }
                };
                match key {
                    Some(key) => match props.iter_mut().find(|(k, _)| *k == key) {
                        Some(slot) => slot.1 = v,
                        None => props.push((key, v)),
                    },
                    None => items.push(v),
                }
                self.ws();
                match self.peek() {
                    Some(b',') => self.i += 1,
                    Some(c) if c == close => break,
                    _ => return Err(self.fail(MALFORMED)),
                }
            }
        }
        self.i += 1;
        Ok(if object {
            Value::Object(props)
        } else {
            Value::Array(items)
        })
    }

    /// A string, the opening quote at `self.i`: borrowed from the text when it has no
    /// escape.
    fn string(&mut self) -> Result<Cow<'a, str>, Fail> {
        self.i += 1;
        self.lone.clear();
        let mut out = String::new();
        loop {
            // The run up to the next quote, backslash or control character, at once.
            let rest = self.s.get(self.i..).unwrap_or(&[]);
            let Some(n) = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            else {
                return Err(self.fail(MALFORMED));
            };
            // The run lies between ASCII bytes of a valid UTF-8 text: a whole `str`.
            let t = self.t;
            let run = t.get(self.i..self.i + n).unwrap_or("");
            self.i += n + 1;
            match rest.get(n) {
                Some(b'"') if out.is_empty() => return Ok(Cow::Borrowed(run)),
                Some(b'"') => {
                    out.push_str(run);
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(run);
                    self.escape(&mut out)?
                }
                _ => return Err(self.fail(MALFORMED)),
            }
        }
    }

    #[inline(always)]
    fn text(&self, from: usize, to: usize) -> &str {
        self.t.get(from..to).unwrap_or("")
    }

    /// One escape, after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), Fail> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.i += 1;
                let hi = self.hex4()?;
                let c = if (0xd800..0xdc00).contains(&hi)
                    && self.s.get(self.i..self.i + 2) == Some(b"\\u")
                {
                    let save = self.i;
                    self.i += 2;
                    let lo = self.hex4()?;
                    if (0xdc00..0xe000).contains(&lo) {
                        char::from_u32(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00))
                    } else {
                        // A lone high surrogate: the next escape stands on its own.
                        self.i = save;
                        None
                    }
                } else {
                    char::from_u32(hi)
                };
                if c.is_none() {
                    self.lone.push((out.len() as u32, hi as u16));
                }
                out.push(c.unwrap_or('\u{fffd}'));
                return Ok(());
            }
            _ => return Err(self.fail(MALFORMED)),
        };
        self.i += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Fail> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.fail(MALFORMED)),
            };
            n = n * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(n)
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    /// A number: checked against the grammar, then converted exactly.
    fn number(&mut self) -> Result<f64, Fail> {
        let start = self.i;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.i += 1;
        }
        let int_start = self.i;
        let int_len = self.digits();
        if int_len == 0 || (int_len > 1 && self.s.get(int_start) == Some(&b'0')) {
            return Err(self.fail(MALFORMED));
        }
        let mut frac = int_start + int_len..int_start + int_len;
        if self.peek() == Some(b'.') {
            self.i += 1;
            let from = self.i;
            if self.digits() == 0 {
                return Err(self.fail(MALFORMED));
            }
            frac = from..self.i;
        }
        let mut exp = Some(0i64);
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            let minus = self.peek() == Some(b'-');
            if let Some(b'-' | b'+') = self.peek() {
                self.i += 1;
            }
            let from = self.i;
            let n = self.digits();
            if n == 0 {
                return Err(self.fail(MALFORMED));
            }
            // Beyond 9 digits an exponent is past any range: left to the slow path.
            exp = (n <= 9).then(|| {
                let e = self
                    .s
                    .get(from..self.i)
                    .unwrap_or(&[])
                    .iter()
                    .fold(0i64, |a, d| a * 10 + i64::from(d - b'0'));
                if minus {
                    -e
                } else {
                    e
                }
            });
        }
        let int = self.s.get(int_start..int_start + int_len).unwrap_or(&[]);
        let fr = self.s.get(frac).unwrap_or(&[]);
        let n = match exp.and_then(|e| fast(int, fr, e)) {
            Some(m) if negative => -m,
            Some(m) => m,
            None => (self.slow)(self.text(start, self.i)),
        };
        if n.is_finite() {
            Ok(n)
        } else {
            Err(self.fail("a number out of range"))
        }
    }
}

/// The magnitude of `int.fr × 10^exp` when one exact step gives the correctly rounded
/// `f64` (Clinger's fast path), else `None`: a significand of at most 15 digits is exact
/// in `f64`, and so is every power of ten up to 1e22, so one multiplication or division
/// rounds once, as a correctly rounded conversion does.
fn fast(int: &[u8], fr: &[u8], exp: i64) -> Option<f64> {
    // value = m × 10^e: m the digits without the point, leading and trailing zeros cut.
    let mut m: u64 = 0;
    let mut len = 0; // significant digits in m, trailing zeros included
    let mut zeros = 0; // trailing zeros, kept out of m
    for &d in int.iter().chain(fr) {
        if d == b'0' {
            if len > 0 {
                zeros += 1;
            }
            continue;
        }
        len += zeros + 1;
        if len > 15 {
            return None;
        }
        for _ in 0..zeros {
            m *= 10;
        }
        m = m * 10 + u64::from(d - b'0');
        zeros = 0;
    }
    if m == 0 {
        return Some(0.0);
    }
    let m = m as f64;
    match exp - fr.len() as i64 + zeros {
        e @ 0..=22 => Some(m * POW10[e as usize]),
        e @ -22..=-1 => Some(m / POW10[(-e) as usize]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Value::*;

    fn native(s: &str) -> f64 {
        s.parse().unwrap_or(f64::NAN)
    }

    fn p(text: &str) -> Result<Value<'_>, ParseError> {
        parse(text, &native)
    }

    fn err(text: &str) -> (std::string::String, &'static str) {
        let e = p(text).unwrap_err();
        (e.pointer, e.reason)
    }

    fn same(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Number(x), Number(y)) => x.to_bits() == y.to_bits(),
            (Array(x), Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
            (Object(x), Object(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|((k, a), (l, b))| k == l && same(a, b))
            }
            _ => format!("{a:?}") == format!("{b:?}"),
        }
    }

    #[test]
    fn scalars_and_whitespace() {
        assert!(same(&p(" null ").unwrap(), &Null));
        assert!(same(&p("true").unwrap(), &Bool(true)));
        assert!(same(&p("\tfalse\r\n").unwrap(), &Bool(false)));
        assert!(same(
            &p("\"a\\\"b\\\\c\\/\\b\\f\\n\\r\\t\"").unwrap(),
            &String("a\"b\\c/\u{8}\u{c}\n\r\t".into())
        ));
        assert!(same(
            &p("\"\\u00e9\\u20AC\\ud83d\\ude00 é€😀\"").unwrap(),
            &String("é€😀 é€😀".into())
        ));
    }

    #[test]
    fn lone_surrogates_keep_their_code_units() {
        let lone = |text: &'static str, units: &[(u32, u16)]| Lone(text.into(), units.into());
        assert!(same(
            &p("\"\\ud800\"").unwrap(),
            &lone("\u{fffd}", &[(0, 0xd800)])
        ));
        assert!(same(
            &p("\"\\udc00x\"").unwrap(),
            &lone("\u{fffd}x", &[(0, 0xdc00)])
        ));
        assert!(same(
            &p("\"A\\ud800\\u0041\"").unwrap(),
            &lone("A\u{fffd}A", &[(1, 0xd800)])
        ));
        assert!(same(
            &p("\"\\ud800\\ud83d\\ude00\"").unwrap(),
            &lone("\u{fffd}😀", &[(0, 0xd800)])
        ));
        let (a, b, c) = (
            p("\"\\ud800\"").unwrap(),
            p("\"\\udfff\"").unwrap(),
            p("\"\u{fffd}\"").unwrap(),
        );
        assert!(!a.json_eq(&b) && !a.json_eq(&c) && !c.json_eq(&a) && a.json_eq(&a.clone()));
        assert!(matches!(p("{\"\\ud800\": 1}").unwrap(), Object(o) if o[0].0 == "\u{fffd}"));
    }

    #[test]
    fn numbers_are_the_doubles_javascript_reads() {
        let cases = [
            ("0", 0.0),
            ("-0", -0.0),
            ("1", 1.0),
            ("-12.5", -12.5),
            ("0.1", 0.1),
            ("0.30000000000000004", 0.30000000000000004),
            ("1e21", 1e21),
            ("1E+2", 100.0),
            ("2.5e-3", 0.0025),
            ("9007199254740993", 9007199254740992.0),
            ("9223372036854775807", 9223372036854775807.0),
            ("18446744073709551616", 18446744073709551616.0),
            ("1.0", 1.0),
            ("100e-2", 1.0),
            ("0.000001", 0.000001),
            ("5e-324", 5e-324),
            ("1.7976931348623157e308", f64::MAX),
            ("123456789012345678901234567890", 1.2345678901234568e29),
            ("0e99999999999", 0.0),
        ];
        for (text, n) in cases {
            let got = p(text).unwrap();
            assert!(same(&got, &Number(n)), "{text}: {got:?}");
        }
        assert!(p("-0")
            .map(|v| matches!(v, Number(n) if n.is_sign_negative()))
            .unwrap());
    }

    #[test]
    fn out_of_range_numbers_are_refused() {
        assert_eq!(
            err("1e400"),
            (std::string::String::new(), "a number out of range")
        );
        assert_eq!(
            err("[-1e99999999999]"),
            ("/0".into(), "a number out of range")
        );
    }

    #[test]
    fn keys_are_data_in_order_and_the_last_repeat_wins() {
        let v =
            p(r#"{"constructor": 1, "__proto__": {"a": []}, "toString": null, "constructor": 2}"#)
                .unwrap();
        let want = Object(vec![
            ("constructor".into(), Number(2.0)),
            (
                "__proto__".into(),
                Object(vec![("a".into(), Array(vec![]))]),
            ),
            ("toString".into(), Null),
        ]);
        assert!(same(&v, &want), "{v:?}");
    }

    #[test]
    fn malformed_texts_are_errors_with_their_place() {
        for bad in [
            "",
            " ",
            "nul",
            "truth",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "{a:1}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "1e+",
            "+1",
            "\"abc",
            "\"\\x\"",
            "\"\\u12g4\"",
            "\"a\nb\"",
            "[1]x",
            "{}{}",
            "NaN",
            "Infinity",
            "[",
            "{",
            "{\"a\"",
            "{\"a\":",
            "'a'",
            "\u{feff}1",
        ] {
            assert_eq!(p(bad).unwrap_err().reason, MALFORMED, "{bad:?}");
        }
        assert_eq!(
            err(r#"{"a": [1, {"b~/": tru}]}"#),
            ("/a/1/b~0~1".into(), MALFORMED)
        );
        assert_eq!(err("{\"a\": [0, 1, 2}"), ("/a".into(), MALFORMED));
    }

    #[test]
    fn depth_is_bounded() {
        let ok = "[".repeat(MAX_VALUE_DEPTH) + &"]".repeat(MAX_VALUE_DEPTH);
        assert!(p(&ok).is_ok());
        let deep = "[".repeat(MAX_VALUE_DEPTH + 1) + &"]".repeat(MAX_VALUE_DEPTH + 1);
        let (pointer, reason) = err(&deep);
        assert_eq!(reason, TOO_DEEP);
        assert_eq!(pointer, "/0".repeat(MAX_VALUE_DEPTH));
        let objects = "{\"a\":".repeat(100_000);
        assert_eq!(err(&objects).1, TOO_DEEP);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        /// serde_json's value, converted with the numbers it was generated with.
        fn from_serde(j: &serde_json::Value) -> Value<'static> {
            match j {
                serde_json::Value::Null => Null,
                serde_json::Value::Bool(b) => Bool(*b),
                serde_json::Value::Number(n) => Number(n.as_f64().unwrap_or(f64::NAN)),
                serde_json::Value::String(s) => String(s.clone().into()),
                serde_json::Value::Array(a) => Array(a.iter().map(from_serde).collect()),
                serde_json::Value::Object(o) => Object(
                    o.iter()
                        .map(|(k, v)| (k.clone().into(), from_serde(v)))
                        .collect(),
                ),
            }
        }

        fn number() -> impl Strategy<Value = f64> {
            prop_oneof![
                any::<i32>().prop_map(f64::from),
                any::<i64>().prop_map(|n| n as f64),
                any::<f64>().prop_filter("finite", |n| n.is_finite()),
                (-1_000_000i64..1_000_000, 0u32..10)
                    .prop_map(|(k, s)| k as f64 / 10f64.powi(s as i32)),
            ]
        }

        fn json() -> impl Strategy<Value = serde_json::Value> {
            let leaf = prop_oneof![
                Just(serde_json::Value::Null),
                any::<bool>().prop_map(serde_json::Value::Bool),
                number().prop_map(|n| serde_json::json!(n)),
                any::<u64>().prop_map(|n| serde_json::json!(n)),
                any::<std::string::String>().prop_map(serde_json::Value::String),
                "(__proto__|constructor|[\\\\\"/~\\u{0}-\\u{1f}a-z😀]{0,6})"
                    .prop_map(serde_json::Value::String),
            ];
            leaf.prop_recursive(6, 64, 8, |inner| {
                prop_oneof![
                    proptest::collection::vec(inner.clone(), 0..8)
                        .prop_map(serde_json::Value::Array),
                    proptest::collection::vec(
                        ("(__proto__|constructor|[a-z\\\\\"]{0,4}|.{0,4})", inner),
                        0..8
                    )
                    .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
                ]
            })
        }

        proptest! {
            #[test]
            fn reads_what_serde_json_writes(j in json(), pretty in any::<bool>()) {
                let text = if pretty { serde_json::to_string_pretty(&j) } else { serde_json::to_string(&j) }.unwrap();
                let got = p(&text).unwrap();
                prop_assert!(same(&got, &from_serde(&j)), "{} -> {:?}", text, got);
            }

            #[test]
            fn number_text_reads_as_str_parse_does(
                sign in "-?", int in "(0|[1-9][0-9]{0,25})", frac in "(\\.[0-9]{1,25})?",
                exp in "([eE][+-]?[0-9]{1,3})?",
            ) {
                let text = [sign, int, frac, exp].concat();
                let want: f64 = text.parse().unwrap();
                // Only the fast path: a slow number would read as NaN and be refused.
                let fast_only = parse(&text, &|_| f64::NAN);
                match fast_only {
                    Ok(Number(n)) => prop_assert_eq!(n.to_bits(), want.to_bits(), "{}", text),
                    Ok(other) => prop_assert!(false, "{:?}", other),
                    Err(e) => prop_assert!(e.reason == "a number out of range", "{}", text),
                }
                match p(&text) {
                    Ok(Number(n)) => prop_assert_eq!(n.to_bits(), want.to_bits(), "{}", text),
                    Ok(other) => prop_assert!(false, "{:?}", other),
                    Err(e) => prop_assert!(!want.is_finite() && e.reason == "a number out of range", "{}", text),
                }
            }

            #[test]
            fn malformed_input_never_panics(text in ".{0,40}", bytes in proptest::collection::vec(proptest::sample::select(b"[]{}\",:0123456789-+.eE \\utrfnl".to_vec()), 0..40)) {
                let _ = p(&text);
                let s = std::string::String::from_utf8(bytes).unwrap();
                if let Ok(v) = p(&s) {
                    // Whatever is accepted, serde_json accepts too (same grammar).
                    prop_assert!(serde_json::from_str::<serde_json::Value>(&s).is_ok(), "{} -> {:?}", s, v);
                } else {
                    prop_assert!(serde_json::from_str::<serde_json::Value>(&s).is_err() || s.contains("e9999"), "{}", s);
                }
            }

            #[test]
            fn cut_texts_are_errors(j in json(), cut in any::<proptest::sample::Index>()) {
                let text = serde_json::to_string(&j).unwrap();
                let at = cut.index(text.len().max(1));
                if let Some(head) = text.get(..at) {
                    let full = serde_json::from_str::<serde_json::Value>(head).is_ok();
                    prop_assert_eq!(p(head).is_ok(), full, "{}", head);
                }
            }
        }
    }
}

//! The asserted `format`s: `uri`, `uri-reference`, `email`, `date-time`, `date`,
//! `time`, `duration`, `uuid`, `ipv4`, `ipv6`, `hostname`, `json-pointer` and `regex`
//! (through the schema's `PatternMatcher`). Any other format name is an annotation, as
//! the specification says.

mod date_time;
pub(crate) mod email;
pub(crate) mod ip;
mod uri;

use super::pointer::{find, nth};

/// A format the validator asserts: an index into [`NAMES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Format(pub u8);

/// The asserted format names, space-separated, in the order of [`Format`]'s index.
pub const NAMES: &str =
    "uri uri-reference email date-time date time duration uuid ipv4 ipv6 hostname json-pointer regex";
/// How many names [`NAMES`] has.
pub const COUNT: usize = 13;

/// `regex`: checked by compiling the string as a pattern, not here.
pub const REGEX: Format = Format(12);

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        let i = find(NAMES, name);
        (i < COUNT).then_some(Format(i as u8))
    }

    pub fn name(self) -> &'static str {
        nth(NAMES, usize::from(self.0))
    }

    /// Whether `text` is in this format (`regex` is the validator's: always true here).
    pub fn matches(self, s: &str) -> bool {
        match self.0 {
            0 => uri::is_uri(s),
            1 => uri::is_uri_reference(s),
            2 => email::is_email(s),
            3 => date_time::is_date_time(s),
            4 => date_time::is_date(s),
            5 => date_time::is_time(s),
            6 => date_time::is_duration(s),
            7 => is_uuid(s),
            8 => ip::is_ipv4(s),
            9 => ip::is_ipv6(s),
            10 => email::is_hostname(s),
            11 => is_json_pointer(s),
            _ => true,
        }
    }
}

/// RFC 9562's text form: 8-4-4-4-12 hexadecimal digits in either case, any version.
fn is_uuid(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// RFC 6901: empty, or `/`-prefixed tokens in which `~` is followed by `0` or `1`.
fn is_json_pointer(s: &str) -> bool {
    let b = s.as_bytes();
    (b.is_empty() || b[0] == b'/')
        && b.iter()
            .enumerate()
            .all(|(i, c)| *c != b'~' || matches!(b.get(i + 1), Some(b'0' | b'1')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_others_are_unknown() {
        for (i, name) in NAMES.split(' ').enumerate() {
            assert!(i < COUNT);
            assert_eq!(Format::parse(name), Some(Format(i as u8)));
            assert_eq!(Format::parse(name).unwrap().name(), name);
        }
        for other in ["idn-email", "iri", "URI", "uri-template", ""] {
            assert_eq!(Format::parse(other), None, "{other}");
        }
    }

    #[test]
    fn uuids() {
        assert!(is_uuid("2EB8AA08-AA98-11EA-B4AA-73B441D16380"));
        assert!(is_uuid("2eb8aa08-AA98-11ea-B4Aa-73B441D16380"));
        assert!(is_uuid("00000000-0000-0000-0000-000000000000"));
        assert!(!is_uuid("2eb8aa08-aa98-11ea-b4aa-73b441d1638"));
        assert!(!is_uuid("2eb8aa08-aa98-11ea-b4ga-73b441d16380"));
        assert!(!is_uuid("2eb8aa08aa9811eab4aa73b441d16380----"));
        assert!(!is_uuid("2eb8aa08-aa98-11ea-b4aa-73b441d1638\u{00e9}"));
    }

    #[test]
    fn others() {
        let f = |name: &str, s: &str| Format::parse(name).unwrap().matches(s);
        assert!(f("date", "2020-02-29") && !f("date", "2021-02-29") && !f("date", "2020-1-01"));
        assert!(f("time", "08:30:06Z") && f("time", "23:59:60Z") && !f("time", "08:30:06"));
        for ok in ["P4DT12H30M5S", "P1Y2M", "PT36H", "P2W", "P0D", "PT1M"] {
            assert!(f("duration", ok), "{ok}");
        }
        for bad in [
            "P", "PT", "P1Y2D", "P1D2H", "P1W2D", "PT1D", "1D", "P1.5D", "P2WT1H",
        ] {
            assert!(!f("duration", bad), "{bad}");
        }
        assert!(
            f("json-pointer", "")
                && f("json-pointer", "/a~0b/~1")
                && !f("json-pointer", "a")
                && !f("json-pointer", "/~2")
        );
        assert!(
            f("uri-reference", "#frag")
                && f("uri-reference", "../a?b")
                && f("uri-reference", "//host/p")
        );
        assert!(!f("uri-reference", "\\\\WINDOWS") && !f("uri-reference", "a:b:c d"));
        assert!(f("hostname", "example.com") && !f("hostname", "-x.com"));
        assert!(f("regex", "(unclosed"), "regex is the validator's to check");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_hex_in_the_right_shape_is_a_uuid(s in "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}") {
            proptest::prop_assert!(is_uuid(&s));
        }

        #[test]
        fn format_checks_never_panic(s in "\\PC{0,40}") {
            for i in 0..COUNT {
                let _ = Format(i as u8).matches(&s);
            }
        }
    }
}

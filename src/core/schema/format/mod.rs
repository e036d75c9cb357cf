//! The asserted `format`s: `uri`, `email`, `date-time` and `uuid`. Any other format
//! name is refused when the schema is compiled, so a schema never silently asserts
//! less than it says.

mod date_time;
// The same `email` rule as the draft 2020-12 validator's (one copy, tested there).
use crate::core::schema2020::format::email;
pub(crate) mod ip;
mod uri;

/// A format the validator asserts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Uri,
    Email,
    DateTime,
    Uuid,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "uri" => Some(Format::Uri),
            "email" => Some(Format::Email),
            "date-time" => Some(Format::DateTime),
            "uuid" => Some(Format::Uuid),
            _ => None,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Format::Uri => "uri",
            Format::Email => "email",
            Format::DateTime => "date-time",
            Format::Uuid => "uuid",
        }
    }

    /// Whether `text` is in this format.
    pub fn matches(self, text: &str) -> bool {
        match self {
            Format::Uri => uri::is_uri(text),
            Format::Email => email::is_email(text),
            Format::DateTime => date_time::is_date_time(text),
            Format::Uuid => is_uuid(text),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_others_are_unknown() {
        for f in [Format::Uri, Format::Email, Format::DateTime, Format::Uuid] {
            assert_eq!(Format::parse(f.name()), Some(f));
        }
        for other in ["ipv4", "date", "hostname", "URI", "regex", ""] {
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

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_hex_in_the_right_shape_is_a_uuid(s in "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}") {
            proptest::prop_assert!(is_uuid(&s));
        }

        #[test]
        fn format_checks_never_panic(s in "\\PC{0,40}") {
            for f in [Format::Uri, Format::Email, Format::DateTime, Format::Uuid] {
                let _ = f.matches(&s);
            }
        }
    }
}

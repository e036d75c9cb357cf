//! HTTP dates (RFC 9110 §5.6.7) as epoch milliseconds, for `Date` and `Retry-After`
//! headers: the preferred IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two
//! obsolete forms a recipient must accept, RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`)
//! and asctime (`Sun Nov  6 08:49:37 1994`). Anything else is `None`; nothing panics.
//!
//! Written here rather than asked of the engine's `Date.parse`, which also accepts
//! local-time and free-form text that no server sends.

const MONTHS: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// What follows the weekday in each form, as a template: `D` `Y` `h` `m` `s` are digits of
/// the day, year, hours, minutes and seconds, `_` a day's digit or a space before a
/// one-digit day, `a` the month's letters; any other byte stands for itself.
const IMF_FIXDATE: &[u8] = b" DD aaa YYYY hh:mm:ss GMT";
const RFC_850: &[u8] = b" DD-aaa-YY hh:mm:ss GMT";
const ASCTIME: &[u8] = b" aaa _D hh:mm:ss YYYY";

/// Parses an HTTP date (surrounding white space allowed) into epoch milliseconds.
pub fn parse(text: &str) -> Option<f64> {
    let s = text.trim_ascii().as_bytes();
    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") and RFC 850 ("Sunday, 06-Nov-94
    // 08:49:37 GMT") put a comma after the weekday; asctime ("Sun Nov  6 08:49:37 1994")
    // does not.
    let (day, rest, template) = match s.iter().position(|&b| b == b',') {
        Some(3) => (s.get(..3)?, s.get(4..)?, IMF_FIXDATE),
        Some(n) => (s.get(..n)?, s.get(n + 1..)?, RFC_850),
        None => (s.get(..3)?, s.get(3..)?, ASCTIME),
    };
    if rest.len() != template.len() {
        return None;
    }
    // day, year, hours, minutes, seconds
    let mut f = [0u32; 5];
    let mut month = [0u8; 3];
    let mut letters = 0;
    for (&c, &t) in rest.iter().zip(template) {
        let field = match t {
            b'a' => {
                *month.get_mut(letters)? = c;
                letters += 1;
                continue;
            }
            b'_' if c == b' ' => continue,
            b'D' | b'_' => 0,
            b'Y' => 1,
            b'h' => 2,
            b'm' => 3,
            b's' => 4,
            _ if c == t => continue,
            _ => return None,
        };
        if !c.is_ascii_digit() {
            return None;
        }
        f[field] = f[field] * 10 + u32::from(c - b'0');
    }
    let [d, mut y, h, mi, sec] = f;
    let weekday = if template == RFC_850 {
        // Two-digit years: RFC 9110 asks to read a year more than 50 years ahead as the
        // past century; with no clock here, 70-99 is 19xx and 00-69 is 20xx.
        y += if y >= 70 { 1900 } else { 2000 };
        // The full name of the day.
        DAYS.iter().position(|name| name.as_bytes() == day)?
    } else {
        DAYS.iter()
            .position(|name| name.as_bytes().get(..3) == Some(day))?
    };
    let mo = MONTHS.iter().position(|m| m[..] == month)? as u32 + 1;
    // 60 seconds: a leap second, as the grammar allows.
    if !(1..=days_in_month(y, mo)).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let days = days_from_civil(y, mo, d);
    // The weekday must be the date's own (1970-01-01 was a Thursday).
    if (days + 3).rem_euclid(7) as usize != weekday {
        return None;
    }
    let seconds = days * 86_400 + i64::from(h * 3600 + mi * 60 + sec);
    Some(seconds as f64 * 1000.0)
}

fn is_leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: u32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::parse;

    const NOV_6_1994: f64 = 784_111_777_000.0;

    #[test]
    fn the_three_forms_of_rfc_9110() {
        assert_eq!(parse("Sun, 06 Nov 1994 08:49:37 GMT"), Some(NOV_6_1994));
        assert_eq!(parse("Sunday, 06-Nov-94 08:49:37 GMT"), Some(NOV_6_1994));
        assert_eq!(parse("Sun Nov  6 08:49:37 1994"), Some(NOV_6_1994));
        // asctime's day: a space before one digit, or two digits.
        assert_eq!(parse("Sun Nov 06 08:49:37 1994"), Some(NOV_6_1994));
        assert_eq!(
            parse("  Sun, 06 Nov 1994 08:49:37 GMT \t"),
            Some(NOV_6_1994)
        );
        assert_eq!(parse("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0.0));
        assert_eq!(
            parse("Wed, 02 Dec 2026 18:31:21 GMT"),
            Some(1_796_236_281_000.0)
        );
        assert_eq!(
            parse("Tue, 29 Feb 2028 00:00:00 GMT"),
            Some(1_835_395_200_000.0)
        );
    }

    #[test]
    fn anything_else_is_none() {
        for bad in [
            "",
            "120",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Mon, 06 Nov 1994 08:49:37 GMT", // wrong weekday
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Wed, 29 Feb 2023 00:00:00 GMT",
            "Sonntag, 06-Nov-94 08:49:37 GMT",
            "Sun Nov 6 08:49:37 1994",
            "Sun Nov   6 08:49:37 1994",
            "Sun Nov  6 08:49:37 19a4",
            "Sun, 06 Nov 1994 08:49:37 GMX",
            "Sun, 06 NOV 1994 08:49:37 GMT",
            "Sun, 06-Nov-94 08:49:37 GMT",
            "Sunday, 06 Nov 1994 08:49:37 GMT",
            // Found by the http_date fuzz target: httpdate reads any byte here.
            "Sunday, 06-Nov-94\x0008:49:37 GMT",
            "Sunday, 06-Nov-94x08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT and more",
            "Sun, 06 Növ 1994 08:49:37 GMT",
            "1994-11-06T08:49:37Z",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn never_panics(s in ".{0,40}") {
            let _ = parse(&s);
        }

        #[test]
        fn every_imf_fixdate_round_trips(secs in 0i64..253_402_300_799) {
            // Format the date the way servers do, then read it back.
            let days = secs.div_euclid(86_400);
            let (y, m, d) = civil_from_days(days);
            let wd = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][days.rem_euclid(7) as usize];
            let mon = ["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"][(m - 1) as usize];
            let t = secs.rem_euclid(86_400);
            let text = format!("{wd}, {d:02} {mon} {y:04} {:02}:{:02}:{:02} GMT", t / 3600, t / 60 % 60, t % 60);
            proptest::prop_assert_eq!(parse(&text), Some(secs as f64 * 1000.0), "{}", text);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn civil_from_days(z: i64) -> (i64, i64, i64) {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }
}

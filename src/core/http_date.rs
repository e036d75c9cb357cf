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

/// Parses an HTTP date (surrounding white space allowed) into epoch milliseconds.
pub fn parse(text: &str) -> Option<f64> {
    let s = text.trim_ascii().as_bytes();
    let comma = s.iter().position(|&b| b == b',');
    let (weekday, y, mo, d, time) = match comma {
        // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
        Some(3) => {
            let rest = s.get(4..)?;
            if rest.len() != 25 || rest[0] != b' ' || rest[3] != b' ' || rest[7] != b' ' {
                return None;
            }
            if rest[12] != b' ' || &rest[21..] != b" GMT" {
                return None;
            }
            (
                s.get(..3)?,
                num(&rest[8..12])?,
                month(&rest[4..7])?,
                num(&rest[1..3])?,
                &rest[13..21],
            )
        }
        // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
        Some(n) => {
            let rest = s.get(n + 1..)?;
            if rest.len() != 23 || rest[0] != b' ' || rest[3] != b'-' || rest[7] != b'-' {
                return None;
            }
            if rest[10] != b' ' || &rest[19..] != b" GMT" {
                return None;
            }
            let yy = num(&rest[8..10])?;
            // Two-digit years: RFC 9110 asks to read a year more than 50 years ahead as
            // the past century; with no clock here, 70-99 is 19xx and 00-69 is 20xx.
            let y = if yy >= 70 { 1900 + yy } else { 2000 + yy };
            let day = s.get(..n)?;
            if !DAYS.iter().any(|d| d.as_bytes() == day) {
                return None;
            }
            (
                day.get(..3)?,
                y,
                month(&rest[4..7])?,
                num(&rest[1..3])?,
                &rest[11..19],
            )
        }
        // asctime: "Sun Nov  6 08:49:37 1994"
        None => {
            if s.len() != 24 || s[3] != b' ' || s[7] != b' ' || s[10] != b' ' || s[19] != b' ' {
                return None;
            }
            let day = if s[8] == b' ' { &s[9..10] } else { &s[8..10] };
            (
                &s[..3],
                num(&s[20..24])?,
                month(&s[4..7])?,
                num(day)?,
                &s[11..19],
            )
        }
    };
    if !DAYS.iter().any(|d| &d.as_bytes()[..3] == weekday) {
        return None;
    }
    if time[2] != b':' || time[5] != b':' {
        return None;
    }
    let (h, mi, sec) = (num(&time[..2])?, num(&time[3..5])?, num(&time[6..8])?);
    // 60 seconds: a leap second, as the grammar allows.
    if !(1..=days_in_month(y, mo)).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let days = days_from_civil(y, mo, d);
    // The weekday must be the date's own (1970-01-01 was a Thursday).
    let wd = (days + 3).rem_euclid(7) as usize;
    if DAYS.get(wd).map(|d| &d.as_bytes()[..3]) != Some(weekday) {
        return None;
    }
    let seconds = days * 86_400 + i64::from(h * 3600 + mi * 60 + sec);
    Some(seconds as f64 * 1000.0)
}

/// ASCII digits as a number; `None` for anything else or an empty slice.
fn num(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

fn month(name: &[u8]) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| &m[..] == name)
        .map(|i| i as u32 + 1)
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

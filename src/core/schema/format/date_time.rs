//! `format: "date-time"`, `"date"`, `"time"`: RFC 3339 section 5.6, with `T`/`Z` in
//! either case, real calendar days, offsets up to 23:59, and a leap second only at
//! 23:59:60 UTC; `"duration"`: RFC 3339 appendix A.

use crate::core::schema::pointer::split_at;
pub fn is_date_time(s: &str) -> bool {
    matches!(s.as_bytes().get(10), Some(b'T' | b't'))
        && s.get(..10).is_some_and(is_date)
        && s.get(11..).is_some_and(is_time)
}

/// RFC 3339 `full-date`: `YYYY-MM-DD`, a real calendar day.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(year), Some(month), Some(day)) = (digits(b, 0, 4), digits(b, 5, 2), digits(b, 8, 2))
    else {
        return false;
    };
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
}

/// RFC 3339 `full-time`: `HH:MM:SS`, optional fraction, then `Z` or an offset; a leap
/// second only at 23:59:60 UTC.
pub fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(hour), Some(minute), Some(second)) =
        (digits(b, 0, 2), digits(b, 3, 2), digits(b, 6, 2))
    else {
        return false;
    };
    if b.get(2) != Some(&b':') || b.get(5) != Some(&b':') || hour > 23 || minute > 59 || second > 60
    {
        return false;
    }
    let mut i = 8;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    let offset_minutes: i32 = match b.get(i..).unwrap_or(&[]) {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (Some(oh), Some(om)) = (digits(b, i + 1, 2), digits(b, i + 4, 2)) else {
                return false;
            };
            if oh > 23 || om > 59 {
                return false;
            }
            let m = (oh * 60 + om) as i32;
            if *sign == b'+' {
                m
            } else {
                -m
            }
        }
        _ => return false,
    };
    second < 60
        || ((hour * 60 + minute) as i32 - offset_minutes).rem_euclid(24 * 60) == 23 * 60 + 59
}

/// ISO 8601 durations as RFC 3339 appendix A writes them: `P`, then date units in the
/// order Y M D and time units (after `T`) in the order H M S, each run without a gap,
/// or weeks alone (`P3W`).
pub fn is_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("P") else {
        return false;
    };
    let (date, time) = match split_at(rest, b'T', false) {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    if let (None, Some(weeks)) = (time, date.strip_suffix("W")) {
        return !weeks.is_empty() && weeks.bytes().all(|c| c.is_ascii_digit());
    }
    units(date, b"YMD", true) && time.is_none_or(|t| units(t, b"HMS", false)) && !rest.is_empty()
}

/// `1*DIGIT unit` elements whose units are a gapless run of `order` (none at all only
/// when `may_be_empty`).
fn units(s: &str, order: &[u8], may_be_empty: bool) -> bool {
    let b = s.as_bytes();
    let mut next: Option<usize> = None; // index in `order` the next unit must have
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let Some(at) = b.get(i).and_then(|u| order.iter().position(|o| o == u)) else {
            return false;
        };
        if i == start || next.is_some_and(|n| n != at) {
            return false;
        }
        next = Some(at + 1);
        i += 1;
    }
    may_be_empty || next.is_some()
}

/// `n` ASCII digits at `at`, as a number.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let s = b.get(at..at + n)?;
    s.iter().try_fold(0u32, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid() {
        for ok in [
            "1963-06-19T08:30:06.283185Z",
            "1963-06-19T08:30:06Z",
            "1937-01-01T12:00:27.87+00:20",
            "1990-12-31T15:59:50.123-08:00",
            "1998-12-31T23:59:60Z",
            "1998-12-31T15:59:60.123-08:00",
            "1963-06-19t08:30:06.283185z",
            "2000-02-29T00:00:00Z",
            "2024-02-29T00:00:00+23:59",
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
    }

    #[test]
    fn invalid() {
        for bad in [
            "1998-12-31T23:59:61Z",
            "1998-12-31T23:58:60Z",
            "1998-12-31T22:59:60Z",
            "1990-02-31T15:59:59.123-08:00",
            "1990-12-31T15:59:59-24:00",
            "1963-06-19T08:30:06.28123+01:00Z",
            "06/19/1963 08:30:06 PST",
            "2013-350T01:01:01",
            "1963-6-19T08:30:06.283185Z",
            "1963-06-1T08:30:06.283185Z",
            "1963-06-1\u{09ea}T00:00:00Z",
            "1963-06-11T0\u{09ea}:00:00Z",
            "1900-02-29T00:00:00Z",
            "2021-13-01T00:00:00Z",
            "2021-01-01T00:00:00",
            "2021-01-01T00:00:00.Z",
            "2021-01-01 00:00:00Z",
            "2021-01-01T24:00:00Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }
}

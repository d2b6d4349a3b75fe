//! A date cell of a ticket export (CSV): ISO 8601, an e-mail's date,
//! epoch seconds, and the forms help desks and spreadsheets write with
//! the month's name (`14/Mar/17 9:30 AM`, Jira's; `Mar 14, 2017 9:30 AM`;
//! `14 March 2017 09:30`) or in numbers where the order is plain
//! (`3/14/2017 9:30`; `03/04/2017` is either, and no date). A time
//! without a zone is UTC.

use super::{MONTHS, digits, iso, mail_date};
use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;

/// The time a CSV date cell says, a date alone its midnight.
pub(crate) fn cell_time(cell: &[u8]) -> Option<Timestamp> {
    let cell = cell.trim_ascii();
    if let Some(at) = iso(cell, 0) {
        return Some(at);
    }
    if cell.len() == 10 && cell[4] == b'-' && cell[7] == b'-' {
        let (year, month, day) = (
            digits(cell, 0, 4)?,
            digits(cell, 5, 2)?,
            digits(cell, 8, 2)?,
        );
        return utc(
            Date::new(year as i16, month as i8, day as i8).ok()?,
            Time::midnight(),
        );
    }
    if cell.iter().all(u8::is_ascii_digit) {
        return match cell.len() {
            10 => Timestamp::from_second(digits(cell, 0, 10)?).ok(),
            13 => Timestamp::from_millisecond(digits(cell, 0, 13)?).ok(),
            _ => None,
        };
    }
    mail_date(cell).or_else(|| spelled(cell))
}

/// A date of three parts (day, month, year in some order), then perhaps
/// a time of day and AM or PM.
fn spelled(cell: &[u8]) -> Option<Timestamp> {
    let words: Vec<&[u8]> = cell
        .split(|&b| matches!(b, b' ' | b',' | b'/' | b'-' | b'.'))
        .filter(|w| !w.is_empty())
        .collect();
    let (date, rest) = words.split_at_checked(3)?;
    let month_at = date.iter().position(|w| month(w).is_some());
    let number = |w: &[u8]| -> Option<i64> {
        (w.len() <= 4 && w.iter().all(u8::is_ascii_digit)).then(|| digits(w, 0, w.len()))?
    };
    let (day, month, year) = match month_at {
        Some(0) => (number(date[1])?, month(date[0])?, date[2]),
        Some(1) => (number(date[0])?, month(date[1])?, date[2]),
        Some(_) => return None,
        // In numbers, the order is plain only where one part is past 12.
        None => match (number(date[0])?, number(date[1])?) {
            (first, second) if first > 12 && second <= 12 => (first, second as i8, date[2]),
            (first, second) if second > 12 && first <= 12 => (second, first as i8, date[2]),
            _ => return None,
        },
    };
    let year = match (number(year)?, year.len()) {
        (year, 4) => year,
        (year, 2) => 2000 + year,
        _ => return None,
    };
    let date = Date::new(year as i16, month, day as i8).ok()?;
    let time = match rest {
        [] => Time::midnight(),
        [time, half @ ..] if half.len() <= 1 => clock(time, half.first().copied())?,
        _ => return None,
    };
    utc(date, time)
}

/// A month by its name or its first three letters, in any case.
fn month(word: &[u8]) -> Option<i8> {
    if word.len() < 3 || !word.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let first = [
        word[0].to_ascii_uppercase(),
        word[1].to_ascii_lowercase(),
        word[2].to_ascii_lowercase(),
    ];
    let at = MONTHS.chunks(3).position(|m| m == first)?;
    (word.len() == 3 || FULL[at].eq_ignore_ascii_case(word)).then_some(at as i8 + 1)
}

const FULL: [&[u8]; 12] = [
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
];

/// `9:30`, `09:30:15`, with `AM` or `PM` after it or not.
fn clock(time: &[u8], half: Option<&[u8]>) -> Option<Time> {
    let mut parts = time.split(|&b| b == b':');
    let mut part = || {
        parts
            .next()
            .filter(|p| (1..=2).contains(&p.len()))
            .and_then(|p| digits(p, 0, p.len()))
    };
    let (mut hour, minute) = (part()?, part()?);
    let second = part().unwrap_or(0);
    match half.map(|h| h.to_ascii_uppercase()) {
        None => {}
        Some(h) if h == b"AM" && (1..=12).contains(&hour) => hour %= 12,
        Some(h) if h == b"PM" && (1..=12).contains(&hour) => hour = hour % 12 + 12,
        Some(_) => return None,
    }
    Time::new(hour as i8, minute as i8, second as i8, 0).ok()
}

fn utc(date: Date, time: Time) -> Option<Timestamp> {
    DateTime::from_parts(date, time)
        .to_zoned(TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(cell: &str) -> Option<String> {
        cell_time(cell.as_bytes()).map(|t| t.to_string())
    }

    #[test]
    fn the_forms_exports_write_dates_in() {
        let t = Some("2017-03-14T09:30:00Z".to_string());
        for cell in [
            "2017-03-14T09:30:00Z",
            "2017-03-14 09:30",
            "14/Mar/17 9:30 AM",
            "Mar 14, 2017 9:30 AM",
            "March 14, 2017 09:30",
            "14 Mar 2017 09:30",
            "14-mar-2017 09:30:00",
            "3/14/2017 9:30",
            "14/03/2017 09:30",
            "Tue, 14 Mar 2017 09:30:00 +0000",
            "1489483800",
            "1489483800000",
        ] {
            assert_eq!(at(cell), t, "{cell}");
        }
        assert_eq!(at("14/Mar/17 9:30 PM"), Some("2017-03-14T21:30:00Z".into()));
        assert_eq!(
            at("12/Mar/17 12:05 AM"),
            Some("2017-03-12T00:05:00Z".into())
        );
        assert_eq!(at("2017-03-14"), Some("2017-03-14T00:00:00Z".into()));
        assert_eq!(at("Mar 14, 2017"), Some("2017-03-14T00:00:00Z".into()));
    }

    #[test]
    fn what_is_no_date() {
        for cell in [
            "03/04/2017", // the 3rd of April or the 4th of March
            "7100",       // a code
            "48213",      // an id
            "Mar 2017",   // a month, not a day
            "14 Marz 2017",
            "14/Mar/17 25:30",
            "14/Mar/17 9:30 XM",
            "Login failed 14 times",
            "",
        ] {
            assert_eq!(at(cell), None, "{cell}");
        }
    }
}

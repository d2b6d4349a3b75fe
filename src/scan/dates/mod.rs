//! When a line says it happened: the timestamp at the start of a log line,
//! in the forms logs use. ISO 8601 with or without a zone (`T` or a space
//! between date and time, a dot or Log4j's comma before the fraction, the
//! seconds or none), nginx's and Go's `2016/10/18 09:12:44`,
//! syslog's `Oct 18 09:12:44` (no year: the text around it gives one),
//! Apache's `[18/Oct/2016:09:12:44 +0000]`, and a JSON log's time field
//! (`time`, `timestamp`, `@timestamp`, `ts`, journald's
//! `__REALTIME_TIMESTAMP`; `json.rs`) as a date or in epoch seconds,
//! milliseconds or microseconds. A time without a zone is UTC. The calendar is jiff's:
//! nothing here does date arithmetic.

mod cells;
mod json;

use super::Hit;
pub(crate) use cells::cell_time;
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::{Offset, TimeZone};
pub(crate) use json::{JsonTimes, json_time};

/// A timestamp as a line shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    At(Timestamp),
    /// Syslog's: a day of a year that the text around must say, UTC.
    NoYear {
        month: i8,
        day: i8,
        time: Time,
    },
}

/// How far into a line its timestamp may start: past a level, a bracket,
/// a syslog priority, an Apache client's address and names.
const REACH: usize = 96;

// The word lists below are one string each, not arrays of strings: each
// pointer in static data is a relocation at every start (bench/README.md).

/// Whether a word is a level a line may start with before its time
/// (`ERROR 2016-11-03 …`).
fn is_level(word: &[u8]) -> bool {
    matches!(
        word,
        b"TRACE"
            | b"DEBUG"
            | b"INFO"
            | b"NOTICE"
            | b"WARN"
            | b"WARNING"
            | b"ERROR"
            | b"SEVERE"
            | b"FATAL"
            | b"CRITICAL"
    )
}

const MONTHS: &[u8; 36] = b"JanFebMarAprMayJunJulAugSepOctNovDec";

/// The timestamp a line starts with, if it shows one.
pub(crate) fn line_stamp(line: &[u8]) -> Option<Stamp> {
    let head = &line[..line.len().min(REACH)];
    if head.first() == Some(&b'{') {
        return json_time(line, JsonTimes::Line, line.len()).map(Stamp::At);
    }
    let mut start = 0;
    // `<34>Oct 18 …`, `[2016-10-18 …]`, `ERROR 2016-…`
    if head.first() == Some(&b'<') {
        start = memchr::memchr(b'>', head).map_or(0, |i| i + 1);
    } else if head.first() == Some(&b'[') {
        start = 1;
    } else {
        let word = head.iter().take_while(|b| b.is_ascii_uppercase()).count();
        if is_level(&head[..word]) {
            start = word + head[word..].iter().take_while(|b| **b == b' ').count();
        }
    }
    if let Some(at) = iso(head, start) {
        return Some(Stamp::At(at));
    }
    if let Some(stamp) = syslog(head, start) {
        return Some(stamp);
    }
    apache(head).map(Stamp::At)
}

/// The number of `n` digits at `at`.
fn digits(text: &[u8], at: usize, n: usize) -> Option<i64> {
    let run = text.get(at..at + n)?;
    run.iter().all(u8::is_ascii_digit).then(|| {
        run.iter()
            .fold(0i64, |value, b| value * 10 + i64::from(b - b'0'))
    })
}

/// `hh:mm:ss` at `at`, with a fraction after a dot or a comma: the time
/// and where it ends.
fn time_of_day(text: &[u8], at: usize) -> Option<(Time, usize)> {
    let hour = digits(text, at, 2)?;
    let minute = digits(text, at + 3, 2)?;
    if text.get(at + 2) != Some(&b':') {
        return None;
    }
    // Seconds, or none: `2016-08-07 10:00` at a cell's or a word's end
    // (not before a zone: `10:00-11:30` is a range of times).
    let (second, mut end) = match (text.get(at + 5), digits(text, at + 6, 2)) {
        (Some(b':'), Some(second)) => (second, at + 8),
        (None | Some(b' ' | b'Z' | b']'), _) => (0, at + 5),
        _ => return None,
    };
    let mut nanos = 0i64;
    if matches!(text.get(end), Some(b'.' | b',')) {
        let run = text[end + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let kept = run.min(9);
        nanos = digits(text, end + 1, kept)? * 10i64.pow(9 - kept as u32);
        end += 1 + run;
    }
    let time = Time::new(hour as i8, minute as i8, second as i8, nanos as i32).ok()?;
    Some((time, end))
}

/// An ISO 8601 date and time at `at`: `2016-10-18T09:12:44.301Z`,
/// `2016-10-18 09:12:44,301`, `2016-10-18T09:12:44+02:00`; and with
/// slashes, as nginx's error log and Go's log package write it:
/// `2016/10/18 09:12:44`.
fn iso(text: &[u8], at: usize) -> Option<Timestamp> {
    let year = digits(text, at, 4)?;
    let month = digits(text, at + 5, 2)?;
    let day = digits(text, at + 8, 2)?;
    let separator = text.get(at + 4).filter(|&&b| b == b'-' || b == b'/');
    if separator.is_none() || text.get(at + 7) != separator {
        return None;
    }
    if !matches!(text.get(at + 10), Some(b'T' | b' ')) {
        return None;
    }
    let date = Date::new(year as i16, month as i8, day as i8).ok()?;
    time_on(date, text, at + 11)
}

/// The moment of `date` at the time of day at `at` in `text`, in the zone
/// after it (UTC when none).
fn time_on(date: Date, text: &[u8], at: usize) -> Option<Timestamp> {
    let (time, end) = time_of_day(text, at)?;
    let zone = zone(text, end).unwrap_or(TimeZone::UTC);
    date.to_datetime(time)
        .to_zoned(zone)
        .ok()
        .map(|z| z.timestamp())
}

/// A zone after a time: `Z`, `+02:00`, `+0200`, ` +0000`.
fn zone(text: &[u8], at: usize) -> Option<TimeZone> {
    let at = at
        + usize::from(text.get(at) == Some(&b' ') && matches!(text.get(at + 1), Some(b'+' | b'-')));
    let sign = match text.get(at)? {
        b'Z' => return Some(TimeZone::UTC),
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours = digits(text, at + 1, 2)?;
    let colon = usize::from(text.get(at + 3) == Some(&b':'));
    let minutes = digits(text, at + 3 + colon, 2)?;
    let seconds = sign * (hours * 3600 + minutes * 60);
    Offset::from_seconds(seconds as i32)
        .ok()
        .map(Offset::to_time_zone)
}

/// The month a three-letter name says, 1 to 12.
fn month_named(text: &[u8], at: usize) -> Option<i8> {
    let name = text.get(at..at + 3)?;
    MONTHS
        .chunks(3)
        .position(|m| m == name)
        .map(|i| i as i8 + 1)
}

/// Syslog's `Oct 18 09:12:44` (or `Oct  8 …`) at `at`: no year.
fn syslog(text: &[u8], at: usize) -> Option<Stamp> {
    let month = month_named(text, at)?;
    if text.get(at + 3) != Some(&b' ') {
        return None;
    }
    let day_at = at + 4 + usize::from(text.get(at + 4) == Some(&b' '));
    let width = if text.get(day_at + 1) == Some(&b' ') {
        1
    } else {
        2
    };
    let day = digits(text, day_at, width)?;
    if text.get(day_at + width) != Some(&b' ') {
        return None;
    }
    let (time, _) = time_of_day(text, day_at + width + 1)?;
    Some(Stamp::NoYear {
        month,
        day: day as i8,
        time,
    })
}

/// Apache's `[18/Oct/2016:09:12:44 +0000]`, after the client's address.
fn apache(text: &[u8]) -> Option<Timestamp> {
    let at = memchr::memchr(b'[', text)? + 1;
    let day = digits(text, at, 2)?;
    let month = month_named(text, at + 3)?;
    let year = digits(text, at + 7, 4)?;
    if text.get(at + 2) != Some(&b'/') || text.get(at + 6) != Some(&b'/') {
        return None;
    }
    if text.get(at + 11) != Some(&b':') {
        return None;
    }
    let date = Date::new(year as i16, month, day as i8).ok()?;
    time_on(date, text, at + 12)
}

/// An e-mail's date (RFC 2822): `Tue, 18 Oct 2016 09:12:44 +0000`.
pub(crate) fn mail_date(value: &[u8]) -> Option<Timestamp> {
    static PARSER: jiff::fmt::rfc2822::DateTimeParser = jiff::fmt::rfc2822::DateTimeParser::new();
    PARSER.parse_timestamp(value.trim_ascii()).ok()
}

/// A `Date:` header line's date.
pub(crate) fn date_header(line: &[u8]) -> Option<Timestamp> {
    let value = line.strip_prefix(b"Date:")?;
    mail_date(value.strip_suffix(b"\r").unwrap_or(value))
}

/// The years that syslog's dates take from the text around them: the year
/// of the nearest earlier dated line, else the file's (its modification
/// time's), going on to the next year when the months run from December
/// back to January.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Years {
    /// The last dated line's year and month.
    last: Option<(i16, i8)>,
    /// When the file was last written: the year of a text without dated
    /// lines before its first year-less one (the year before, when that
    /// day comes after it).
    fallback: Option<Timestamp>,
    /// The year and month of the first year-less stamp, where its year came
    /// from the fallback: a slice's guess, which holds only if the text
    /// before it says the same.
    guessed: Option<(i16, i8)>,
}

impl Years {
    pub(crate) fn new(fallback: Option<Timestamp>) -> Years {
        Years {
            last: None,
            fallback,
            guessed: None,
        }
    }

    /// The year the fallback gives a year-less day: the file's year, or
    /// the year before when the day would come after the file was written.
    fn fallback_year(&self, month: i8, day: i8) -> Option<i16> {
        let written = self.fallback?.to_zoned(TimeZone::UTC).date();
        // The latest year with that day (29 February in a leap year) that
        // does not put it after the day the file was written.
        let latest = written.tomorrow().unwrap_or(written);
        (written.year() - 4..=written.year())
            .rev()
            .find(|&year| Date::new(year, month, day).is_ok_and(|d| d <= latest))
    }

    /// The year a year-less stamp of `month` takes after the lines these
    /// years have read.
    fn year_after(&self, month: i8) -> Option<i16> {
        self.last
            .map(|(year, last)| if month < last { year + 1 } else { year })
    }

    /// The time a line's stamp says, learning the year it is in.
    pub(crate) fn time_of(&mut self, stamp: Stamp) -> Option<Timestamp> {
        match stamp {
            Stamp::At(at) => {
                let date = at.to_zoned(TimeZone::UTC).date();
                self.last = Some((date.year(), date.month()));
                Some(at)
            }
            Stamp::NoYear { month, day, time } => {
                let year = match self.year_after(month) {
                    Some(year) => year,
                    None => {
                        let year = self.fallback_year(month, day)?;
                        self.guessed = Some((year, month));
                        year
                    }
                };
                // A day the year does not have (29 February) says nothing.
                let date = Date::new(year, month, day).ok()?;
                self.last = Some((year, month));
                date.to_datetime(time)
                    .to_zoned(TimeZone::UTC)
                    .ok()
                    .map(|z| z.timestamp())
            }
        }
    }
}

/// The time of each hit of a text: the time of the last line at or before
/// it that shows one, so that a stack trace or a pretty-printed body takes
/// the time of the line that opens it. Lines are looked at only back from a
/// hit, and back from the end of each block, so a block without hits costs
/// a line or two.
#[derive(Debug, Clone)]
pub(crate) struct Clock {
    years: Years,
    /// The last line looked at, and the time in force after it.
    line: usize,
    time: Option<Timestamp>,
    /// Whether every line is read, not only those back from hits: once a
    /// year-less date is met, each month must be seen for the year to go
    /// on at each new year.
    every_line: bool,
}

impl Clock {
    /// A clock for a text written last at `written` (its file's
    /// modification time), which syslog's dates take their year from.
    pub(crate) fn new(written: Option<Timestamp>) -> Clock {
        Clock {
            years: Years::new(written),
            line: 0,
            time: None,
            every_line: false,
        }
    }

    /// The time in force after the lines read so far.
    pub(crate) fn time(&self) -> Option<Timestamp> {
        self.time
    }

    /// Dates `hits` (in line order) found in `text`, a block of whole
    /// lines from `first_line` to `last_line`, and learns the time in force
    /// at its end. `starts` says where lines with hits start (line,
    /// offset), so that the lines between need not be counted.
    pub(crate) fn block(
        &mut self,
        text: &[u8],
        (first_line, last_line, starts): (usize, usize, &[(usize, usize)]),
        hits: &mut [Hit],
    ) {
        // Where a line starts (offset, line): the furthest known.
        let mut cursor = (0, first_line);
        let mut starts = starts.iter().peekable();
        for hit in hits.iter_mut() {
            if hit.line > self.line {
                while let Some(&(line, offset)) = starts.next_if(|s| s.0 <= hit.line) {
                    if line > cursor.1 && !self.every_line {
                        cursor = (offset, line);
                    }
                }
                self.learn(text, first_line, &mut cursor, hit.line);
            }
            hit.time = self.time;
        }
        if last_line > self.line {
            if last_line > cursor.1 && !self.every_line {
                let start = memchr::memrchr(b'\n', text).map_or(0, |i| i + 1);
                cursor = (start, last_line);
            }
            self.learn(text, first_line, &mut cursor, last_line);
        }
    }

    /// Learns the time of a long line from its first window (at `offset`
    /// 0): its hits take it (`date`).
    pub(crate) fn window(&mut self, text: &[u8], line: usize, offset: usize) {
        if offset == 0 && line > self.line {
            self.learn(text, line, &mut (0, line), line);
        }
    }

    /// Gives hits the time in force.
    pub(crate) fn date(&self, hits: &mut [Hit]) {
        for hit in hits {
            hit.time = self.time;
        }
    }

    /// Moves `cursor` (the offset where a line starts, and its number) on
    /// to `line`, then looks back from it for the last line with a time,
    /// down to the first line not looked at yet.
    fn learn(&mut self, text: &[u8], first_line: usize, cursor: &mut (usize, usize), line: usize) {
        let lowest = (self.line + 1).max(first_line);
        if self.every_line {
            return self.walk(text, cursor, line);
        }
        while cursor.1 < line {
            match memchr::memchr(b'\n', &text[cursor.0..]) {
                Some(i) => *cursor = (cursor.0 + i + 1, cursor.1 + 1),
                None => break,
            }
        }
        let (mut start, mut number) = *cursor;
        loop {
            let end = memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |i| start + i);
            if let Some(stamp) = line_stamp(&text[start..end]) {
                if matches!(stamp, Stamp::NoYear { .. }) {
                    // From here on every line is read, from the first not
                    // read yet.
                    while number > lowest && start > 0 {
                        start = memchr::memrchr(b'\n', &text[..start - 1]).map_or(0, |i| i + 1);
                        number -= 1;
                    }
                    self.every_line = true;
                    *cursor = (start, number);
                    return self.walk(text, cursor, line);
                }
                if let Some(time) = self.years.time_of(stamp) {
                    self.time = Some(time);
                }
                break;
            }
            if number <= lowest || start == 0 {
                break;
            }
            start = memchr::memrchr(b'\n', &text[..start - 1]).map_or(0, |i| i + 1);
            number -= 1;
        }
        self.line = line;
    }

    /// Reads the time of every line not read yet from `cursor` on to
    /// `line`, in order.
    fn walk(&mut self, text: &[u8], cursor: &mut (usize, usize), line: usize) {
        loop {
            let end = memchr::memchr(b'\n', &text[cursor.0..]).map(|i| cursor.0 + i);
            if cursor.1 > self.line {
                let stamp = line_stamp(&text[cursor.0..end.unwrap_or(text.len())]);
                if let Some(time) = stamp.and_then(|stamp| self.years.time_of(stamp)) {
                    self.time = Some(time);
                }
            }
            match end {
                Some(end) if cursor.1 < line => *cursor = (end + 1, cursor.1 + 1),
                _ => break,
            }
        }
        self.line = line;
    }

    /// Whether a clock that read a slice from its start, as if the text
    /// started there, dated its hits as one that read `before` first would
    /// have: its year-less dates took the year the text before gives.
    pub(crate) fn fits_after(&self, before: &Clock) -> bool {
        match (self.years.guessed, before.years.last) {
            (Some((year, month)), Some(_)) => before.years.year_after(month) == Some(year),
            _ => true,
        }
    }

    /// Takes up after `before`: where this clock's slice had no time yet,
    /// the time before it is in force.
    pub(crate) fn follow(&mut self, before: &Clock, lines: usize) {
        self.line += lines;
        if self.time.is_none() {
            self.time = before.time;
            self.years = before.years;
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(super) fn at(line: &str) -> Option<String> {
        match line_stamp(line.as_bytes())? {
            Stamp::At(at) => Some(at.to_string()),
            Stamp::NoYear { .. } => Some("no year".into()),
        }
    }

    #[test]
    fn iso_times_with_and_without_a_zone() {
        let t = Some("2016-10-18T09:12:44.301Z".to_string());
        assert_eq!(at("2016-10-18 09:12:44,301 INFO [main] x"), t);
        assert_eq!(at("2016-10-18T09:12:44.301Z x"), t);
        assert_eq!(at("2016-10-18T11:12:44.301+02:00 x"), t);
        assert_eq!(at("2016-10-18T11:12:44.301+0200 x"), t);
        assert_eq!(at("[2016-10-18 09:12:44.301] ERROR x"), t);
        assert_eq!(at("ERROR 2016-10-18 09:12:44,301 [pool-2] x"), t);
        let whole = Some("2016-10-18T09:12:44Z".into());
        assert_eq!(at("2016-10-18 09:12:44 x"), whole);
        // nginx's error log, Go's log package; a time without seconds.
        assert_eq!(at("2016/10/18 09:12:44 [error] 1#0: x"), whole);
        assert_eq!(
            at("2016-10-18 09:12 x"),
            Some("2016-10-18T09:12:00Z".into())
        );
        assert_eq!(
            cell_time(b"2016-08-07 10:00")
                .map(|t| t.to_string())
                .as_deref(),
            Some("2016-08-07T10:00:00Z")
        );
    }

    #[test]
    fn what_is_no_time() {
        assert_eq!(at("2016-13-18 09:12:44 x"), None);
        assert_eq!(at("2016-02-30 09:12:44 x"), None);
        assert_eq!(at("2016-10-18 x"), None);
        assert_eq!(at("Hi team, ticket #65012"), None);
        assert_eq!(
            at("\tat com.acme.Controller.handle(Controller.java:451)"),
            None
        );
        assert_eq!(at("7100 2016-10-18 09:12:44"), None);
        assert_eq!(at("2016/10-18 09:12:44 x"), None);
        assert_eq!(at("2016-10-18 09:12:4 x"), None);
        assert_eq!(at("2016-10-18 09:1 x"), None);
        assert_eq!(at("2016-10-18 10:00-11:30 maintenance"), None);
    }

    #[test]
    fn apache_and_syslog() {
        assert_eq!(
            at("10.0.0.1 - - [18/Oct/2016:11:12:44 +0200] \"GET / HTTP/1.1\" 400"),
            Some("2016-10-18T09:12:44Z".into())
        );
        assert_eq!(at("Oct 18 09:12:44 host app[1]: x"), Some("no year".into()));
        assert_eq!(
            at("<34>Oct  8 09:12:44 host app: x"),
            Some("no year".into())
        );
    }

    #[test]
    fn syslog_years_come_from_the_lines_before_and_roll_over() {
        let mut years = Years::new(Some("2016-06-01T00:00:00Z".parse().unwrap()));
        let stamp = |line: &str| line_stamp(line.as_bytes()).unwrap();
        let time =
            |years: &mut Years, line: &str| years.time_of(stamp(line)).map(|t| t.to_string());
        assert_eq!(
            time(&mut years, "Dec 31 23:59:59 h a: x"),
            Some("2015-12-31T23:59:59Z".into())
        );
        assert_eq!(
            time(&mut years, "Jan  1 00:00:01 h a: x"),
            Some("2016-01-01T00:00:01Z".into())
        );
        let mut dated = Years::new(None);
        time(&mut dated, "2014-03-02 10:00:00 x");
        assert_eq!(
            time(&mut dated, "Mar  2 10:00:01 h a: x"),
            Some("2014-03-02T10:00:01Z".into())
        );
        assert_eq!(Years::new(None).time_of(stamp("Mar  2 10:00:01 h")), None);
        // 29 February takes the last leap year before the file was written.
        let mut leap = Years::new(Some("2017-01-10T00:00:00Z".parse().unwrap()));
        assert_eq!(
            time(&mut leap, "Feb 29 09:12:44 h a: x"),
            Some("2016-02-29T09:12:44Z".into())
        );
        assert_eq!(
            time(&mut leap, "Mar  1 10:00:00 h a: x"),
            Some("2016-03-01T10:00:00Z".into())
        );
    }
}

//! A time in a JSON line or record: under a log's time key, or an export
//! record's creation, as a date or in epoch seconds, milliseconds or
//! microseconds.

use super::{digits, iso, mail_date};
use jiff::Timestamp;

/// The keys a JSON log line's time stands under (the first
/// `LOG_TIME_KEYS`), then those of an export record's creation.
const TIME_KEYS: &str = r#""@timestamp" "timestamp" "time" "ts" "__REALTIME_TIMESTAMP" "created_at" "createdAt" "created" "Created" "date" "Date""#;

/// A JSON log line's time, or an export record's creation, where the line
/// holds the field: a date, or epoch seconds, milliseconds or microseconds
/// by their number of digits (journald's a string of them). Only a key
/// that starts before `keys_end` counts: a window of a long line leaves
/// those in its overlap to the next window, which sees them whole.
pub(crate) fn json_time(line: &[u8], fields: JsonTimes, keys_end: usize) -> Option<Timestamp> {
    // A key's searcher is built once: building one costs more than a search.
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| {
        TIME_KEYS
            .split(' ')
            .map(memchr::memmem::Finder::new)
            .collect()
    });
    // Each key in turn, each place it stands, until one holds a time (a
    // key may stand as a value, or hold something else).
    finders.iter().enumerate().find_map(|(key, finder)| {
        let creation = key >= LOG_TIME_KEYS;
        let counts = |at: usize| match fields {
            JsonTimes::Record => true,
            JsonTimes::Line => !creation || nesting(&line[..at]) == 1,
        };
        finder
            .find_iter(line)
            .take_while(|&at| at < keys_end)
            .filter(|&at| counts(at))
            .find_map(|at| value_time(&line[at + finder.needle().len()..]))
    })
}

/// How deep in objects and arrays the end of `json` is, its strings
/// passed over.
fn nesting(json: &[u8]) -> usize {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in json {
        match (in_string, b) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') | (false, b'"') => in_string = !in_string,
            (false, b'{' | b'[') => depth += 1,
            (false, b'}' | b']') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// Which fields a JSON line's time may stand in.
#[derive(Debug, Clone, Copy)]
pub(crate) enum JsonTimes {
    /// A JSON line's time; where it has none, its creation at its top
    /// level (a ticket exported as a JSON line): a log line's nested
    /// `created_at` says when something else was made.
    Line,
    /// An export record's time or creation.
    Record,
}

/// How many of `TIME_KEYS` are a log line's.
const LOG_TIME_KEYS: usize = 5;

/// The time after a JSON key: `: "2016-…"`, `: 1476781964`, journald's
/// string of microseconds, an export's RFC 2822 date.
fn value_time(rest: &[u8]) -> Option<Timestamp> {
    let value = rest
        .trim_ascii_start()
        .strip_prefix(b":")?
        .trim_ascii_start();
    let quoted = value.first() == Some(&b'"');
    let value = &value[usize::from(quoted)..];
    if let Some(at) = iso(value, 0) {
        return Some(at);
    }
    let whole = value.iter().take_while(|b| b.is_ascii_digit()).count();
    if quoted && !matches!(whole, 9 | 10 | 12 | 13 | 15 | 16) {
        // An export's `"created": "Tue, 18 Oct 2016 09:12:44 +0000"`.
        let end = memchr::memchr(b'"', value)?;
        return mail_date(&value[..end]);
    }
    if whole > 16 {
        return None; // no epoch time, and too long to add up
    }
    let number = digits(value, 0, whole)?;
    let fraction = match value.get(whole) {
        Some(b'.') => {
            let run = value[whole + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
                .min(9);
            digits(value, whole + 1, run).map_or(0, |f| f * 10i64.pow(9 - run as u32))
        }
        _ => 0,
    };
    match whole {
        9 | 10 => Timestamp::new(number, fraction as i32).ok(),
        12 | 13 => Timestamp::from_millisecond(number).ok(),
        15 | 16 => Timestamp::from_microsecond(number).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::at;

    #[test]
    fn json_logs_times() {
        let t = Some("2016-10-18T09:12:44Z".to_string());
        assert_eq!(at(r#"{"ts": 1476781964, "msg": "x"}"#), t);
        assert_eq!(at(r#"{"time":1476781964000,"level":"error"}"#), t);
        assert_eq!(
            at(r#"{"@timestamp":"2016-10-18T09:12:44Z","message":"x"}"#),
            t
        );
        assert_eq!(
            at(r#"{"__REALTIME_TIMESTAMP":"1476781964000000","MESSAGE":"x"}"#),
            t
        );
        assert_eq!(
            at(r#"{"log":"x\n","stream":"stderr","time":"2016-10-18T09:12:44.5Z"}"#),
            Some("2016-10-18T09:12:44.5Z".into())
        );
        assert_eq!(at(r#"{"code": 7100}"#), None);
    }

    #[test]
    fn a_json_line_without_a_time_takes_its_creation_at_its_top_level() {
        let t = Some("2016-11-03T14:22:10Z".to_string());
        // A ticket exported as a JSON line.
        assert_eq!(
            at(
                r#"{"id": 48213, "created_at": "2016-11-03T14:22:10Z", "description": "error 7100"}"#
            ),
            t
        );
        // A log line's nested creation is another thing's.
        assert_eq!(
            at(r#"{"msg": "error 7100", "user": {"created_at": "2016-11-03T14:22:10Z"}}"#),
            None
        );
        // A log's own time comes first.
        assert_eq!(
            at(r#"{"created_at": "2015-01-01T00:00:00Z", "time": "2016-11-03T14:22:10Z"}"#),
            t
        );
        // A brace in a string is no nesting.
        assert_eq!(
            at(r#"{"note": "a { b", "created": "2016-11-03T14:22:10Z"}"#),
            t
        );
    }
}

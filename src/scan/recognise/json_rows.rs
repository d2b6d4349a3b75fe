//! Rows of a JSON array of errors, one object a line: an app's own error
//! catalogue (`{ "code": 1100, "key": "network_offline", "en": "You
//! appear to be offline." }`) uses Stormpath's numbers with its own
//! messages, where Stormpath's errors come with words of the catalog's
//! (`{ "code": 7100, "message": "Invalid username or password." }`). The
//! rows are judged together by their sentences (string values of three
//! words or more) once the run ends, as `source::numbering` judges an
//! enum's members, unless the run is Stormpath's: a row, a line just above
//! it or the heading over it names Stormpath (`"stormpathErrors": [`,
//! `"provider": "stormpath",`, a `moreInfo` link). Only indented rows: a
//! JSON Lines log's records start their lines, and rows of short values
//! (a log pasted into a ticket) say nothing to judge them by.

use super::Scanner;
use super::source::numbering::Tally;
use crate::scan::Via;

/// How many lines above a run a line that names Stormpath makes it
/// Stormpath's.
const NAMED_ABOVE: usize = 3;
/// The fewest words of a string value that says what a row means.
const SENTENCE_WORDS: usize = 3;

/// What the lines read say of runs of rows.
#[derive(Default)]
pub(super) struct JsonRows {
    /// The open run, and whether it is Stormpath's.
    run: Option<(Run, bool)>,
    /// The last line that named Stormpath.
    stormpath_line: Option<usize>,
}

/// An open run of rows.
struct Run {
    tally: Tally,
    /// The line of the last row.
    last_row: usize,
}

impl JsonRows {
    pub(super) fn is_open(&self) -> bool {
        self.run.is_some()
    }

    /// The first row of the open run, where it may yet be found another's.
    pub(super) fn awaiting_verdict_from(&self) -> Option<usize> {
        match &self.run {
            Some((run, false)) => Some(run.tally.first_line),
            _ => None,
        }
    }

    /// Lets the open run go unjudged.
    pub(super) fn forgo(&mut self) {
        self.run = None;
    }
}

impl Scanner {
    /// Reads a line (`names_stormpath`: it names Stormpath) for a run of
    /// rows: a row adds its sentences to the run's tally, and any other
    /// line ends the run, judging it.
    pub(super) fn json_row(&mut self, line: &[u8], names_stormpath: bool) {
        if names_stormpath {
            self.json_rows.stormpath_line = Some(self.line);
        }
        let codes = || {
            self.current
                .iter()
                .filter(|h| h.via == Via::Number)
                .map(|h| h.code)
        };
        if !is_row(line) || codes().next().is_none() {
            if self.json_rows.is_open() {
                self.end_json_rows(true);
            }
            return;
        }
        let line_now = self.line;
        let named_above = self
            .json_rows
            .stormpath_line
            .is_some_and(|named| named + NAMED_ABOVE >= line_now);
        let named = self.title_names_stormpath || named_above;
        let codes: Vec<u32> = codes().collect();
        let (run, stormpaths) = self.json_rows.run.get_or_insert_with(|| {
            let run = Run {
                tally: Tally::new(line_now),
                last_row: line_now,
            };
            (run, named)
        });
        *stormpaths |= named;
        run.tally.add(&sentences(line), codes.into_iter());
        run.last_row = line_now;
    }

    /// Ends the open run of rows: judged where the block took all that was
    /// read (`judge`), as a table is (`Scanner::end_block`); another's rows
    /// have their codes taken back.
    pub(super) fn end_json_rows(&mut self, judge: bool) {
        let Some((run, stormpaths)) = self.json_rows.run.take() else {
            return;
        };
        if judge && !stormpaths && run.tally.disagrees() {
            self.take_back_numbers(run.tally.first_line..=run.last_row);
        }
    }
}

/// Whether a line is one indented JSON object: `  { "code": 1100, … },`.
fn is_row(line: &[u8]) -> bool {
    if !line.first().is_some_and(|&b| b == b' ' || b == b'\t') {
        return false; // most lines, at one look
    }
    let trimmed = line.trim_ascii();
    trimmed.starts_with(b"{") && (trimmed.ends_with(b"}") || trimmed.ends_with(b"},"))
}

/// The string values of a line of JSON of three words or more, not its
/// keys nor short values (`"network_offline"`, `"warn"`), a space between
/// two: what its fields say.
fn sentences(line: &[u8]) -> Vec<u8> {
    let mut values = Vec::new();
    let mut rest = line;
    while let Some(open) = memchr::memchr(b'"', rest) {
        let inside = &rest[open + 1..];
        let mut close = 0;
        while close < inside.len() && inside[close] != b'"' {
            close += if inside[close] == b'\\' { 2 } else { 1 };
        }
        let close = close.min(inside.len());
        let after = &inside[(close + 1).min(inside.len())..];
        let value = &inside[..close];
        let words = value
            .split(u8::is_ascii_whitespace)
            .filter(|w| !w.is_empty())
            .count();
        if !after.trim_ascii_start().starts_with(b":") && words >= SENTENCE_WORDS {
            values.extend_from_slice(value);
            values.push(b' ');
        }
        rest = after;
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::recognise::tests::codes;

    #[test]
    fn a_rows_sentences_are_its_longer_strings_not_its_keys() {
        let row = br#"  { "code": 1100, "key": "net_off", "en": "Say \"hi\" to all." },"#;
        assert_eq!(
            String::from_utf8_lossy(&sentences(row)),
            r#"Say \"hi\" to all. "#
        );
        assert!(is_row(b"    { \"code\": 7100 },"));
        assert!(!is_row(b"{\"code\": 7100, \"msg\": \"x\"}"));
    }

    #[test]
    fn rows_that_gloss_their_codes_otherwise_are_anothers() {
        let app = "{\n  \"errors\": [\n\
            \x20   { \"code\": 1100, \"key\": \"network_offline\", \"en\": \"You appear to be offline.\" },\n\
            \x20   { \"code\": 2004, \"key\": \"photo_too_large\", \"en\": \"That photo is too large.\" },\n\
            \x20   { \"code\": 4601, \"key\": \"camera_denied\", \"en\": \"Allow camera access.\" }\n\
            \x20 ]\n}\n";
        assert!(codes(app).is_empty());
        let stormpath = "{\n  \"errors\": [\n\
            \x20   { \"code\": 7100, \"message\": \"Invalid username or password.\" },\n\
            \x20   { \"code\": 7103, \"message\": \"Account is locked.\" },\n\
            \x20   { \"code\": 7101, \"message\": \"Account is disabled.\" }\n\
            \x20 ]\n}\n";
        assert_eq!(codes(stormpath), [7100, 7103, 7101]);
        let named = app.replace("\"errors\"", "\"stormpathErrors\"");
        assert_eq!(codes(&named), [1100, 2004, 4601]);
        let provider = app.replace("{\n", "{\n  \"provider\": \"stormpath\",\n");
        assert_eq!(codes(&provider), [1100, 2004, 4601]);
        // A log pasted into a ticket, its values short: nothing to judge.
        let log = "Ticket 12:\n\
            \x20   {\"level\":\"warn\",\"svc\":\"auth\",\"code\":7100,\"user\":\"mia\"}\n\
            \x20   {\"level\":\"warn\",\"svc\":\"auth\",\"code\":7100,\"user\":\"li\"}\n\
            \x20   {\"level\":\"warn\",\"svc\":\"auth\",\"code\":7103,\"user\":\"jo\"}\n";
        assert_eq!(codes(log), [7100, 7100, 7103]);
    }
}

//! Rows of a JSON array of errors, one object a line: an app's own error
//! catalogue (`{ "code": 1100, "key": "network_offline", "en": "You
//! appear to be offline." }`) uses Stormpath's numbers with its own
//! messages, where Stormpath's errors come with words of the catalog's
//! (`{ "code": 7100, "message": "Invalid username or password." }`). Like
//! a Markdown table with a column of meanings (`tables::TableJudge`), the
//! rows are judged together by their string values once the run ends,
//! unless the line above the first row names Stormpath
//! (`"stormpathErrors": [`). Only indented rows: a JSON Lines log's
//! records start their lines and say whatever their program logs.

use super::Scanner;
use super::source::numbering::Tally;
use crate::scan::Via;

/// The open run of rows.
pub(super) struct JsonRows {
    tally: Tally,
    /// The line of the last row.
    last_row: usize,
}

impl Scanner {
    /// Reads a line (`previous` is the one before it) for a run of rows:
    /// a row adds its string values to the run's tally, and any other
    /// line ends the run, judging it.
    pub(super) fn json_row(&mut self, line: &[u8], previous: &[u8]) {
        let codes = || {
            self.current
                .iter()
                .filter(|h| h.via == Via::Number)
                .map(|h| h.code)
        };
        if !is_row(line) || codes().next().is_none() {
            if self.json_rows.is_some() {
                self.end_json_rows(true);
            }
            return;
        }
        if self.json_rows.is_none() {
            let names_stormpath =
                memchr::memmem::find_iter(&previous.to_ascii_lowercase(), b"stormpath")
                    .next()
                    .is_some();
            if names_stormpath {
                return;
            }
            self.json_rows = Some(JsonRows {
                tally: Tally::new(self.line),
                last_row: self.line,
            });
        }
        let values = string_values(line);
        let codes: Vec<u32> = codes().collect();
        let rows = self.json_rows.as_mut().expect("a run is open");
        rows.tally.add(&values, codes.into_iter());
        rows.last_row = self.line;
    }

    /// Ends the open run of rows: judged where the block took all that was
    /// read (`judge`), as a table is (`Scanner::end_block`); another's rows
    /// have their codes taken back.
    pub(super) fn end_json_rows(&mut self, judge: bool) {
        let Some(rows) = self.json_rows.take() else {
            return;
        };
        if judge && rows.tally.disagrees() {
            self.take_back_numbers(rows.tally.first_line..=rows.last_row);
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

/// The string values of a line of JSON, not its keys, a space between
/// two: what its fields say.
fn string_values(line: &[u8]) -> Vec<u8> {
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
        if !after.trim_ascii_start().starts_with(b":") {
            values.extend_from_slice(&inside[..close]);
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
    fn a_rows_values_are_its_strings_not_its_keys() {
        let values =
            string_values(br#"  { "code": 1100, "key": "net_off", "en": "Say \"hi\"." },"#);
        assert_eq!(String::from_utf8_lossy(&values), r#"net_off Say \"hi\". "#);
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
    }
}

//! CSV exports: a header cell that names the code (`code`, `Error Code`,
//! `error_code`, `Stormpath Error`…) marks the cells of its column as
//! codes, quoted fields with line breaks in them included. Each row after
//! the header is a record (a ticket of its own).
//!
//! The text is read with csv-core as it streams by, a block of lines at a
//! time, so a CSV costs no more memory than any text.

use super::parse_digits;
use super::tables::codes_in_cell;
use crate::catalog;
use crate::scan::{Hit, Via, escape};

/// The longest cell kept to be looked at: a header or a code.
const MAX_CELL: usize = 64;

/// Whether a text is a CSV with a code column: its name ends in `.csv`, or
/// its first line is comma-separated with a header that names the code.
pub(crate) fn is_csv(name: &str, head: &[u8]) -> bool {
    let first = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".csv")
        || first.contains(&b',') && first.split(|&b| b == b',').any(is_code_header)
}

/// A header cell's letters and digits in lower case: `Error Code` and
/// `error_code` are `errorcode`.
fn header_name(cell: &[u8]) -> Vec<u8> {
    cell.iter()
        .filter(|b| b.is_ascii_alphanumeric())
        .map(u8::to_ascii_lowercase)
        .collect()
}

/// Whether a header cell names the code column: `code`, `Error Code`,
/// `stormpath_codes`, `API error code`, Jira's `Custom field (Stormpath
/// codes)`, `applies_to_stormpath_codes` (whatever goes before Stormpath).
fn is_code_header(cell: &[u8]) -> bool {
    let name = header_name(cell);
    let name = match memchr::memmem::rfind(&name, b"stormpath") {
        // `non_stormpath_error` names the other column.
        Some(at) if name[..at].ends_with(b"non") || name[..at].ends_with(b"not") => return false,
        // `Error code (Stormpath)`
        Some(at) if at + b"stormpath".len() == name.len() => &name[..at],
        Some(at) => &name[at + b"stormpath".len()..],
        None => name.strip_prefix(b"customfield").unwrap_or(&name),
    };
    let name = name.strip_prefix(b"api").unwrap_or(name);
    // Words that say which of the codes: `sp_errors` (SP for Stormpath),
    // `expected_codes`, `last_error_codes`; not `last_error`, which may
    // be a count or another system's message.
    let qualified = QUALIFIERS.iter().find_map(|q| name.strip_prefix(*q));
    if let Some(rest) = qualified {
        let codes = [&b"code"[..], b"codes", b"errorcode", b"errorcodes"];
        return codes.contains(&rest) || name.starts_with(b"sp") && is_code_name(rest);
    }
    is_code_name(name)
}

/// Whether a header cell's name (`header_name`), past the words that say
/// whose, is a code column's.
fn is_code_name(name: &[u8]) -> bool {
    [
        &b"code"[..],
        b"codes",
        b"error",
        b"errors",
        b"errorcode",
        b"errorcodes",
        b"errcode",
        b"errorno",
        b"errornumber",
    ]
    .contains(&name)
}

/// Words before a code column's name that say which of the errors it
/// holds, not whose.
const QUALIFIERS: &[&[u8]] = &[
    b"sp",
    b"last",
    b"latest",
    b"recent",
    b"expected",
    b"observed",
    b"seen",
    b"related",
];

/// Whether a header cell that is not the code column's names another
/// system's errors or codes: `launcher_error`, `Printer Code`; not one
/// that names Stormpath (`Stormpath Error Code (from logs)`).
fn names_others_errors(cell: &[u8]) -> bool {
    let name = header_name(cell);
    let has = |word: &[u8]| memchr::memmem::find(&name, word).is_some();
    (has(b"error") || has(b"code")) && !has(b"stormpath")
}

/// A cell that is a number alone, of at most six digits.
fn plain_number(cell: &[u8]) -> Option<u32> {
    (!cell.is_empty() && cell.len() <= 6 && cell.iter().all(u8::is_ascii_digit))
        .then(|| parse_digits(cell))
}

/// Whether a header cell names a date column: `Created`, `created_at`,
/// `Date`, `Timestamp`, `Opened`.
fn is_date_header(cell: &[u8]) -> bool {
    // A pattern, not a list of strings: no pointers to relocate at start.
    matches!(
        header_name(cell).as_slice(),
        b"date"
            | b"created"
            | b"createdat"
            | b"createddate"
            | b"creationdate"
            | b"datecreated"
            | b"timestamp"
            | b"time"
            | b"datetime"
            | b"opened"
            | b"openedat"
            | b"submitted"
            | b"submittedat"
            | b"reported"
            | b"received"
    )
}

/// Reads a CSV as it streams by.
pub(crate) struct Columns {
    reader: csv_core::Reader,
    /// The code column, once the header has named it, and the first date
    /// column.
    column: Option<usize>,
    date_column: Option<usize>,
    header_done: bool,
    /// Whether the record being read is a comment before the header
    /// (`# Exported from Kibana on …`), as some CSV exports start.
    comment: bool,
    /// The field being read: its index in the record, where it starts
    /// (line, 0-based column) and its first bytes.
    field: usize,
    field_start: (usize, usize),
    cell: Vec<u8>,
    cell_len: usize,
    /// Where the reader is: line and 0-based column.
    line: usize,
    column_at: usize,
    /// Where rows start (line, 1-based column), and the codes found in
    /// code cells, for the caller to take.
    pub starts: Vec<(usize, usize)>,
    pub hits: Vec<Hit>,
    /// The columns that hold another system's errors or codes
    /// (`launcher_error`), and the numbers of the current row's cells in
    /// them.
    other_columns: Vec<usize>,
    row_numbers: Vec<u32>,
    /// The line the current row starts on.
    row_line: usize,
    /// Each row's numbers in those columns, with its first and last line:
    /// a row's words that name one (`"Game crashes, error 9001"` beside a
    /// `launcher_error` of 9001) name that system's error.
    pub others: Vec<(usize, usize, u32)>,
    /// The dates of rows, each with the number of `starts` before its row.
    pub times: Vec<(usize, jiff::Timestamp)>,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            // Rows end at a newline only: the CR of a CRLF row (as Excel
            // and most exports write) ends its last cell, trimmed off, so
            // that a row starts on the line after the one it ends.
            reader: csv_core::ReaderBuilder::new()
                .terminator(csv_core::Terminator::Any(b'\n'))
                .build(),
            column: None,
            date_column: None,
            header_done: false,
            comment: false,
            field: 0,
            field_start: (1, 0),
            cell: Vec::new(),
            cell_len: 0,
            line: 1,
            column_at: 0,
            starts: Vec::new(),
            hits: Vec::new(),
            other_columns: Vec::new(),
            row_numbers: Vec::new(),
            row_line: 1,
            others: Vec::new(),
            times: Vec::new(),
        }
    }
}

impl Columns {
    /// Reads a block of whole lines (without the last line's newline)
    /// whose first line is `first_line`.
    pub(crate) fn block(&mut self, text: &[u8], first_line: usize) {
        if self.header_done && self.column.is_none() {
            return; // no code column: nothing to read
        }
        self.line = first_line;
        self.column_at = 0;
        self.feed(text);
        self.feed(b"\n");
    }

    fn feed(&mut self, mut input: &[u8]) {
        let mut out = [0u8; MAX_CELL];
        while !input.is_empty() {
            let room = MAX_CELL - self.cell.len().min(MAX_CELL);
            let (result, read, written) = self.reader.read_field(input, &mut out[..room.max(1)]);
            let used = &input[..read];
            self.cell
                .extend_from_slice(&out[..written.min(MAX_CELL - self.cell.len().min(MAX_CELL))]);
            self.cell_len += written;
            for &b in used {
                if b == b'\n' {
                    self.line += 1;
                    self.column_at = 0;
                } else {
                    self.column_at += 1;
                }
            }
            input = &input[read..];
            match result {
                csv_core::ReadFieldResult::Field { record_end } => self.field_done(record_end),
                csv_core::ReadFieldResult::OutputFull => {
                    // A long cell: keep reading past what is kept of it.
                    self.cell_len = MAX_CELL + 1;
                }
                csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::End => {}
            }
        }
    }

    fn field_done(&mut self, record_end: bool) {
        let mut cell = std::mem::take(&mut self.cell);
        if record_end && cell.last() == Some(&b'\r') {
            cell.pop();
        }
        let whole = self.cell_len <= MAX_CELL;
        if self.field == 0 {
            self.row_line = self.field_start.0;
        }
        // `# Exported from …`, `#exported`, `#` alone; not a header's `#`
        // column (`#,Date,Code`).
        let comment = cell.starts_with(b"# ") || cell.starts_with(b"#") && record_end;
        if !self.header_done && self.field == 0 && comment {
            self.comment = true;
        }
        if self.comment {
            // Nothing in a comment names a column.
        } else if !self.header_done {
            if whole && self.column.is_none() && is_code_header(cell.trim_ascii()) {
                self.column = Some(self.field);
            } else if whole && self.date_column.is_none() && is_date_header(cell.trim_ascii()) {
                self.date_column = Some(self.field);
            } else if whole && names_others_errors(cell.trim_ascii()) {
                self.other_columns.push(self.field);
            }
        } else if Some(self.field) == self.column && whole {
            self.code_cell(&cell);
        } else if self.column.is_some()
            && self.other_columns.contains(&self.field)
            && let Some(number) = plain_number(cell.trim_ascii())
        {
            self.row_numbers.push(number);
        } else if Some(self.field) == self.date_column
            && self.column.is_some()
            && whole
            && let Some(time) = crate::scan::dates::cell_time(&cell)
        {
            self.times.push((self.starts.len(), time));
        }
        self.cell = cell;
        self.cell.clear();
        self.cell_len = 0;
        if record_end {
            // The newline that ended the record has been counted.
            let last = self.line - usize::from(self.column_at == 0 && self.line > self.row_line);
            let row = (self.row_line, last);
            self.others
                .extend(self.row_numbers.drain(..).map(|n| (row.0, row.1, n)));
            self.header_done = !std::mem::take(&mut self.comment);
            self.field = 0;
            if self.column.is_some() {
                self.starts.push((self.line, 1));
            }
        } else {
            self.field += 1;
        }
        self.field_start = (self.line, self.column_at);
    }

    /// A code cell: one code, or several (`7100; 7101`, `7102/7103`,
    /// `10011, 10012`); a cell that holds anything else names none.
    fn code_cell(&mut self, cell: &[u8]) {
        let (line, column) = self.field_start;
        for (start, end) in codes_in_cell(cell) {
            let digits = &cell[start..end];
            let code = parse_digits(digits);
            self.hits.push(Hit {
                line,
                column: column + 1 + start,
                code,
                entry: catalog::lookup(code),
                via: Via::Number,
                text: escape(digits),
                record: 0,
                body_field: 0,
                decoded: Vec::new(),
                time: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, column, code) of each code cell.
    type Cells = Vec<(usize, usize, u32)>;

    fn read(text: &str) -> (Cells, Vec<(usize, usize)>) {
        let mut columns = Columns::default();
        // In blocks of two lines, as the stream may give them.
        let lines: Vec<&str> = text.split('\n').collect();
        for (i, pair) in lines.chunks(2).enumerate() {
            columns.block(pair.join("\n").as_bytes(), 1 + 2 * i);
        }
        let hits = columns
            .hits
            .iter()
            .map(|h| (h.line, h.column, h.code))
            .collect();
        (hits, columns.starts)
    }

    #[test]
    fn rows_ending_in_crlf_read_as_rows_ending_in_lf() {
        let lf = "id,created_at,error_code\n1,2016-11-03,7100\n2,2016-12-04,\"7101\"\n\
                  3,\"two\nlines\",7102\n4,2017-01-05,7103\n";
        let crlf = lf.replace('\n', "\r\n");
        assert_eq!(read(&crlf), read(lf));
        let (_, starts) = read(lf);
        assert_eq!(starts, [(2, 1), (3, 1), (4, 1), (6, 1), (7, 1)]);
        let times = |text: &str| {
            let mut columns = Columns::default();
            columns.block(text.trim_end().as_bytes(), 1);
            columns.times
        };
        assert_eq!(times(&crlf), times(lf));
        assert_eq!(times(lf).len(), 3, "each dated row its own date");
    }

    #[test]
    fn a_code_cell_may_hold_several_codes() {
        let csv = "id,stormpath_codes,n\n1,7100; 7101,3\n2,7102/7103,1\n3,\"10011, 10012\",2\n4,7100 (twice),1\n";
        let codes: Vec<u32> = read(csv).0.iter().map(|h| h.2).collect();
        assert_eq!(codes, [7100, 7101, 7102, 7103, 10011, 10012]);
    }

    #[test]
    fn comments_before_the_header_name_no_column() {
        let csv = "# Exported from Kibana, codes = Stormpath error codes\n\
                   # failures, a count\n#\n#exported\nweek,codes,failures\n2017-01-02,7100|7104,2013\n\
                   #4412,7103,1\n";
        let (hits, starts) = read(csv);
        assert_eq!(hits, [(6, 12, 7100), (6, 17, 7104), (7, 7, 7103)]);
        assert_eq!(starts, [(6, 1), (7, 1), (8, 1)]);
        let numbered = "#,Date,Error Code\n1,2017-01-02,7100\n";
        assert_eq!(read(numbered).0, [(2, 14, 7100)], "a header's # column");
    }

    #[test]
    fn the_code_column_holds_codes() {
        let csv = "ticket,subject,Error Code,notes\n101,login,7104,\"said 2001 \"\"x\"\"\"\n102,\"multi\nline\",7100,x\n103,none,,2016";
        let (hits, starts) = read(csv);
        assert_eq!(hits, [(2, 11, 7104), (4, 7, 7100)]);
        assert_eq!(starts, [(2, 1), (3, 1), (5, 1), (6, 1)]);
    }

    #[test]
    fn headers_that_name_the_code() {
        for header in [
            "code",
            "Error Code",
            "error_code",
            "errorCode",
            "Stormpath Error",
        ] {
            assert!(is_code_header(header.as_bytes()), "{header}");
        }
        for header in [
            "stormpath_codes",
            "API Error Code",
            "Errors",
            "Custom field (Stormpath codes)",
            "applies_to_stormpath_codes",
            "Error code (Stormpath)",
            "sp_error_codes",
            "sp_errors",
            "last_error_codes",
            "Expected codes",
        ] {
            assert!(is_code_header(header.as_bytes()), "{header}");
        }
        for header in [
            "Status Code",
            "zip code",
            "count",
            "error message",
            "stormpath_error_message",
            "stormpath_ticket_count",
            "non_stormpath_error",
            "not_stormpath_codes",
            "auth_code",
            "last_errors",
            "observed_error",
            "last_seen",
            "special_code",
        ] {
            assert!(!is_code_header(header.as_bytes()), "{header}");
        }
        assert!(is_csv("export.CSV", b"a;b"));
        assert!(is_csv("export.txt", b"id,\"error_code\",when\n"));
        assert!(!is_csv("notes.txt", b"id, name, when\n"));
    }

    #[test]
    fn another_systems_code_columns_hold_their_rows_numbers() {
        let csv = "id,subject,launcher_error,stormpath_code,minutes\n1,\"crash, error 9001\",9001,,310\n2,x,,7100,2013\n3,\"two\nlines\",2013,,5\n";
        let mut columns = Columns::default();
        columns.block(csv.as_bytes(), 1);
        assert_eq!(columns.others, [(2, 2, 9001), (4, 5, 2013)]);
    }

    #[test]
    fn a_csv_without_a_code_column_is_not_read_on() {
        let (hits, starts) = read("a,b\n7100,7101\n");
        assert!(hits.is_empty() && starts.is_empty());
    }
}

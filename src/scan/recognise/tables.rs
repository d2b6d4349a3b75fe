//! Text tables whose header names a Code column, and the fields of a JSON
//! error body a line holds.

use super::keywords::is_other_code;
use super::source::{glosses, numbering::Tally};
use super::{CODE_DIGITS, Scanner, parse_digits};
use crate::scan::Via;

/// Whose numbering an open Markdown table is, by what its rows say their
/// codes mean: another program's error table that uses Stormpath's
/// numbers glosses them as that program does (`| 2001 | Flight sold out
/// |`), and Stormpath's in words of the catalog's (`| 7100 | wrong password
/// |`). Judged once, where the table ends within a block of lines read,
/// under a heading that does not name Stormpath.
pub(super) struct TableJudge {
    /// The column that says what a row's code means.
    gloss: usize,
    pub(super) tally: Tally,
    /// The line of the last row that gave codes.
    last_row: usize,
}

impl Scanner {
    /// A text table: a header line with a cell `Code` (or `Error code`,
    /// `Error`, `Stormpath error`, or `Stormpath` first) starts it; the cell
    /// in that column of the lines below holds a code; a blank line ends it.
    pub(super) fn table(&mut self, text: &[u8]) {
        let cells = cells(text);
        if cells.is_empty() {
            self.end_table();
            return;
        }
        // A cell that says just `Code` wins over `Error code`.
        let exact = cells
            .iter()
            .position(|&(s, e)| text[s..e].eq_ignore_ascii_case(b"code"));
        let named = || cells.iter().position(|&(s, e)| is_code_header(&text[s..e]));
        // `| Stormpath | Meaning | Okta |`: a mapping from Stormpath's codes
        // in its first column, that says what they mean or which errors of
        // another they become (`| Stormpath | authsvc error |`; a
        // comparison's first column names its rows, `| Stormpath | Auth0 |
        // Okta |`); a header, not a row of an open table (`| Stormpath |
        // 7100 |`).
        let mapping = || {
            let &(s, e) = cells.first()?;
            let header = self.table_column.is_none()
                && text[s..e].eq_ignore_ascii_case(b"stormpath")
                && cells[1..]
                    .iter()
                    .any(|&(s, e)| says_what_codes_mean(&text[s..e]) || names_errors(&text[s..e]));
            header.then_some(0)
        };
        // `| Today (Stormpath) | After (Okta) |`: another header whose
        // first cell names Stormpath, whose rows say what their codes mean
        // (`| 7100 password incorrect | … |`).
        let glossed = || {
            let &(s, e) = cells.first()?;
            (self.table_column.is_none() && names_stormpath(&text[s..e])).then_some(0)
        };
        // `Error code 7103` in prose says a value, it heads no column: a
        // header's cell is not followed, one space on, by a number.
        let says_its_value = |&column: &usize| {
            let after = cells[column].1;
            cells.get(column + 1).is_some_and(|&(s, e)| {
                &text[after..s] == b" " && text[s..e].iter().all(u8::is_ascii_digit)
            })
        };
        let header = exact.or_else(named).filter(|c| !says_its_value(c));
        if let Some(column) = header.or_else(mapping) {
            self.end_table(); // the table before, if one was open
            self.table_column = Some(column);
            self.table_glossed = false;
            if !self.title_names_stormpath {
                self.table_judge = judge_of(text, &cells, column, self.line + 1);
            }
            return;
        }
        if let Some(column) = glossed() {
            self.end_table(); // the new one's rows must gloss their codes
            self.table_column = Some(column);
            self.table_glossed = true;
            return;
        }
        let Some(column) = self.table_column else {
            return;
        };
        if self.table_judge.is_some() && !text.contains(&b'|') {
            self.end_table(); // prose after a Markdown table is no row
            return;
        }
        if cells
            .iter()
            .all(|&(s, e)| text[s..e].iter().all(|b| b"-:=+".contains(b)))
        {
            return; // a rule under the header
        }
        let codes = cells.get(column).map(|&(s, e)| {
            let cell = &text[s..e];
            let strict = match self.table_glossed {
                true => Vec::new(),
                false => codes_in_cell(cell),
            };
            match strict.is_empty() {
                true => (s, glossed_code(cell).into_iter().collect()),
                false => (s, strict),
            }
        });
        match codes {
            Some((s, codes)) if !codes.is_empty() => {
                let codes = codes.iter().map(|&(start, end)| (s + start, s + end));
                for (start, end) in codes.clone() {
                    let code = parse_digits(&text[start..end]);
                    self.push(code, Via::Number, start, &text[start..end]);
                }
                let codes = codes.map(|(start, end)| parse_digits(&text[start..end]));
                self.judge_row(text, &cells, codes);
            }
            _ => self.end_table(),
        }
    }

    /// Ends the open table, judging it.
    fn end_table(&mut self) {
        self.judge_table();
        self.table_judge = None;
        self.table_column = None;
    }

    /// Judges the table that ends by all its rows: another program's has
    /// its codes taken back.
    pub(super) fn judge_table(&mut self) {
        let Some(judge) = self.table_judge.take() else {
            return;
        };
        if judge.tally.disagrees() {
            self.take_back_numbers(judge.tally.first_line..=judge.last_row);
        }
    }

    /// Notes whether the heading last read names Stormpath: a table under
    /// it is Stormpath's, glossed in any words. A heading is a Markdown
    /// one after a blank line (`## Stormpath errors`; not a shell comment
    /// in a block of code), a line in bold alone (`**Stormpath errors**`)
    /// or an e-mail's subject. `previous` is the line before.
    pub(super) fn note_heading(&mut self, text: &[u8], previous: &[u8]) {
        let hashes = text.iter().take_while(|&&b| b == b'#').count();
        let markdown = hashes > 0
            && text.get(hashes).is_none_or(|&b| b == b' ')
            && previous.trim_ascii().is_empty();
        let line = text.trim_ascii();
        let bold = line.len() > 4 && line.starts_with(b"**") && line.ends_with(b"**");
        let subject = line.len() >= 8 && line[..8].eq_ignore_ascii_case(b"subject:");
        if markdown || bold || subject {
            self.title_names_stormpath = names_stormpath(text);
        }
    }

    /// Counts a row of an open table by whether its gloss says what the
    /// catalog says of its codes.
    fn judge_row(
        &mut self,
        text: &[u8],
        cells: &[(usize, usize)],
        codes: impl Iterator<Item = u32>,
    ) {
        let Some(judge) = self.table_judge.as_mut() else {
            return;
        };
        let Some(&(s, e)) = cells.get(judge.gloss) else {
            return;
        };
        judge.tally.add(&text[s..e], codes);
        judge.last_row = self.line;
    }
}

/// The judge of a Markdown table whose header (`cells` of `text`) has a
/// column that glosses its codes, beside the code column, and does not
/// name Stormpath: a header that names it says whose the codes are.
fn judge_of(
    text: &[u8],
    cells: &[(usize, usize)],
    column: usize,
    first_row: usize,
) -> Option<TableJudge> {
    if !text.contains(&b'|') || cells.iter().any(|&(s, e)| names_stormpath(&text[s..e])) {
        return None;
    }
    let gloss = (0..cells.len()).find(|&i| {
        let (s, e) = cells[i];
        i != column && heads_glosses(&text[s..e])
    })?;
    Some(TableJudge {
        gloss,
        tally: Tally::new(first_row),
        last_row: first_row,
    })
}

/// Whether a header cell heads what a table's codes mean, in those words:
/// `Meaning`, `What it means`, `Description`, `errorText`, `Usual cause`
/// (not `Context`, nor `Customer's message`).
fn heads_glosses(cell: &[u8]) -> bool {
    let name: Vec<u8> = cell
        .iter()
        .filter(|b| b.is_ascii_alphanumeric())
        .map(u8::to_ascii_lowercase)
        .collect();
    [
        "meaning",
        "whatitmeans",
        "description",
        "errordescription",
        "message",
        "errormessage",
        "errortext",
        "cause",
        "usualcause",
        "explanation",
    ]
    .iter()
    .any(|w| name == w.as_bytes())
}

/// Whether the keyword `keyword`, ending at `end` of a line, ends a cell
/// that may head a table's code column: `code`, `errorCode`, `error_code`
/// (`"code": 7100` is no header), or `| Stormpath error |` and `|
/// Stormpath |` in Markdown.
pub(super) fn may_head_a_table(text: &[u8], keyword: &[u8], end: usize) -> bool {
    let cell_word =
        keyword.eq_ignore_ascii_case(b"error") || keyword.eq_ignore_ascii_case(b"stormpath");
    let named = match cell_word {
        // A look at the cell's end only: a binary's lines are long.
        // `| Today (Stormpath) |` too.
        true => {
            let rest = text[end..].trim_ascii_start();
            rest.strip_prefix(b")")
                .unwrap_or(rest)
                .trim_ascii_start()
                .first()
                == Some(&b'|')
        }
        false => keyword.len() >= 4 && keyword[keyword.len() - 4..].eq_ignore_ascii_case(b"code"),
    };
    named
        && text
            .get(end)
            .is_none_or(|&b| b.is_ascii_whitespace() || b == b'|' || b == b')')
}

/// Whether a header cell heads what codes mean: `Meaning`, `What it
/// means`, `Description`, `Message`, `Cause` (not `Notes`, which any table
/// may have).
fn says_what_codes_mean(cell: &[u8]) -> bool {
    let cell = cell.trim_ascii();
    // Or starts so, whole words: `Meaning in Stormpath`.
    [
        "meaning",
        "what it means",
        "description",
        "message",
        "cause",
    ]
    .iter()
    .any(|w| {
        let rest = cell.get(w.len()..);
        cell.len() >= w.len()
            && cell[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            && rest.is_some_and(|r| r.first().is_none_or(|b| !b.is_ascii_alphanumeric()))
    })
}

/// Whether a header cell heads another's errors: its last word says so
/// (`authsvc error`, `Okta error codes`; not `Error rate`, `Errors/month`).
fn names_errors(cell: &[u8]) -> bool {
    let last = cell.rsplit(|&b| b == b' ').next().unwrap_or_default();
    [&b"error"[..], b"errors", b"code", b"codes"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(last))
}

/// Whether a header cell names Stormpath, and not as what its column is
/// not: `Today (Stormpath)`, `Stormpath (2016)`, not `Not Stormpath`.
fn names_stormpath(cell: &[u8]) -> bool {
    let lower = cell.to_ascii_lowercase();
    memchr::memmem::find(&lower, b"stormpath").is_some()
        && !lower
            .split(|b| !b.is_ascii_alphanumeric())
            .any(|w| w == b"not" || w == b"non" || w == b"no")
}

/// A cell that starts with a code and says what it means, as the
/// catalog does: `7100 password incorrect`, `7103 – account locked`
/// (not `2000 users`): the code's (start, end) in it.
fn glossed_code(cell: &[u8]) -> Option<(usize, usize)> {
    let digits = cell.iter().take_while(|b| b.is_ascii_digit()).count();
    let gloss = &cell[digits..];
    let spaced = gloss.first().is_some_and(|b| b" -:(".contains(b));
    let code = parse_digits(&cell[..digits]);
    (CODE_DIGITS.contains(&digits) && cell[0] != b'0' && spaced && glosses::agrees(code, gloss))
        .then_some((0, digits))
}

/// The codes a cell of a code column holds, as (start, end) in it: one,
/// or several (`7100; 7101`, `7102/7103`, `10011, 10012`); none where it
/// holds anything else.
pub(super) fn codes_in_cell(cell: &[u8]) -> Vec<(usize, usize)> {
    let is_code = |digits: &[u8]| {
        CODE_DIGITS.contains(&digits.len())
            && digits[0] != b'0'
            && digits.iter().all(u8::is_ascii_digit)
    };
    // Markdown's code spans and emphasis around a code: `` `7100` ``.
    let pieces = cell
        .split(|b| b" \t,;/|&".contains(b))
        .map(trim_markup)
        .filter(|piece| !piece.is_empty());
    let mut codes = Vec::new();
    for piece in pieces {
        if !is_code(piece) {
            return Vec::new();
        }
        let start = piece.as_ptr() as usize - cell.as_ptr() as usize;
        codes.push((start, start + piece.len()));
    }
    codes
}

/// A piece of a cell without Markdown's marks around it: `` ` ``, `*`, `_`.
fn trim_markup(piece: &[u8]) -> &[u8] {
    let marks = |b: &u8| b"`*_".contains(b);
    let start = piece.iter().position(|b| !marks(b)).unwrap_or(piece.len());
    let end = piece
        .iter()
        .rposition(|b| !marks(b))
        .map_or(start, |i| i + 1);
    &piece[start..end]
}

/// The cells of a table line, trimmed: split at `|` where the line has
/// one (Markdown and box tables), else at runs of two or more spaces or a
/// tab where it has them (so `Error Code` stays one cell), else at spaces.
pub(super) fn cells(text: &[u8]) -> Vec<(usize, usize)> {
    let piped = text.contains(&b'|');
    let wide = !piped && (text.contains(&b'\t') || text.windows(2).any(|w| w == b"  "));
    let is_separator = |i: usize| -> bool {
        let b = text[i];
        if piped {
            b == b'|'
        } else if wide {
            b == b'\t'
                || b == b'\r'
                || (b == b' ' && (text.get(i + 1) == Some(&b' ') || i > 0 && text[i - 1] == b' '))
        } else {
            b.is_ascii_whitespace()
        }
    };
    let mut cells = Vec::new();
    let mut start = 0;
    for i in 0..=text.len() {
        if i == text.len() || is_separator(i) {
            cells.push(trim(text, start, i));
            start = i + 1;
        }
    }
    let empty = |&(s, e): &(usize, usize)| s == e;
    if piped {
        // An empty cell between pipes keeps its column; the borders go.
        if cells.first().is_some_and(empty) {
            cells.remove(0);
        }
        if cells.last().is_some_and(empty) {
            cells.pop();
        }
    } else {
        cells.retain(|c| !empty(c));
    }
    cells
}

/// A range of `text` without the white space at its ends.
pub(super) fn trim(text: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && text[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && text[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    (start, end)
}

/// Whether a header cell names the code column: `Code`, `Error code`,
/// `errorCode`, `error_code`, `stormpath_error_code`, but not another kind
/// of code (`Zip code`, `status_code`).
pub(super) fn is_code_header(cell: &[u8]) -> bool {
    // `| Stormpath error | Meaning |`: a column of errors by number.
    if cell.eq_ignore_ascii_case(b"error") || cell.eq_ignore_ascii_case(b"stormpath error") {
        return true;
    }
    if cell.len() < 4 || !cell[cell.len() - 4..].eq_ignore_ascii_case(b"code") {
        return false;
    }
    let words: Vec<u8> = cell
        .iter()
        .map(|b| match b {
            b'_' | b'-' => b' ',
            b => b.to_ascii_lowercase(),
        })
        .collect();
    let Some(qualifier) = words.strip_suffix(b"code") else {
        return false;
    };
    let other = || is_other_code(&words, qualifier.len(), b"code");
    match qualifier {
        b"" | b"error" => true,
        _ => qualifier.ends_with(b" ") && !other(),
    }
}

/// The field of a JSON error body that a line holds (`"message": …`,
/// `code: 7200,`), as one bit of a set; 0 when the line is no such field.
/// The lines of one pretty-printed body are one sighting of its code.
pub(super) fn body_field(line: &[u8]) -> u32 {
    let line = line.trim_ascii_start();
    let quote = line.first().filter(|b| b"\"'".contains(b)).copied();
    let key = &line[usize::from(quote.is_some())..];
    let length = key
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    let mut rest = &key[length..];
    if let Some(q) = quote {
        match rest.strip_prefix(&[q]) {
            Some(after) => rest = after,
            None => return 0,
        }
    }
    if length == 0 || !rest.trim_ascii_start().starts_with(b":") {
        return 0;
    }
    // FNV-1a over the key folded to lower case, into one of 32 bits.
    let hash = key[..length].iter().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0193)
    });
    1 << (hash % 32)
}

#[cfg(test)]
mod tests {
    use crate::scan::recognise::tests::codes;

    #[test]
    fn a_mapping_table_from_stormpath_holds_its_codes_in_the_first_column() {
        let mapping = "| Stormpath | Meaning | Okta |\n\
                       |---|---|---|\n\
                       | 7100 | wrong password | E0000004 |\n\
                       | 7103 | account locked | LOCKED_OUT |\n";
        assert_eq!(codes(mapping), [7100, 7103]);
        // A comparison names its rows in the first column, or names no
        // meaning.
        let comparison = "| Feature | Stormpath | Okta |\n\
                          |---|---|---|\n\
                          | Logins a minute | 10000 | 600 |\n";
        assert!(codes(comparison).is_empty());
        let founded = "| Stormpath | Auth0 | Okta |\n|---|---|---|\n| 2011 | 2013 | 2009 |\n";
        assert!(codes(founded).is_empty());
        let limits = "| Stormpath | Okta | Notes |\n|---|---|---|\n| 2000 | 600 | burst |\n";
        assert!(codes(limits).is_empty());
        // A mapping to another's errors.
        let errors = "| Stormpath | authsvc error | UI behaviour |\n|---|---|---|\n\
                      | 7100 | `invalid_credentials` | wrong |\n\
                      | 7105 / 7106 | `account_disabled` | support |\n";
        assert_eq!(codes(errors), [7100, 7105, 7106]);
        let rates =
            "| Stormpath | Error rate | Errors/month |\n|---|---|---|\n| 2016 | 0.3% | 12 |\n";
        assert!(codes(rates).is_empty());
        // A row of an open table is no header.
        let rows = "| Provider | Error code | Meaning |\n\
                    |---|---|---|\n\
                    | Stormpath | 7100 | wrong password |\n\
                    | Stormpath | 7101 | disabled |\n";
        assert_eq!(codes(rows), [7100, 7101]);
    }

    #[test]
    fn a_code_cell_may_hold_several_codes() {
        let table = "| Stormpath code | Cause |\n\
                     |---|---|\n\
                     | 5106, 5108, 5110 | read-only mirror |\n\
                     | 6100 | agent directory |\n";
        assert_eq!(codes(table), [5106, 5108, 5110, 6100]);
        let table = "| Code | Cause |\n|---|---|\n| 7100 or worse | x |\n| 7101 | y |\n";
        assert!(codes(table).is_empty());
    }

    #[test]
    fn a_table_headed_by_a_cell_that_names_stormpath_holds_codes_that_it_glosses() {
        let table = "| Today (Stormpath) | After cut-over (Okta) | Notes |\n|---|---|---|\n\
                     | 7100 password incorrect | E0000004 | merged |\n\
                     | 7103 account locked | status LOCKED_OUT | |\n";
        assert_eq!(codes(table), [7100, 7103]);
        // Rows that do not gloss a code as the catalog does are no codes.
        let comparison =
            "| Stormpath (old) | Okta |\n|---|---|\n| 2000 users free | 7000 users |\n";
        assert!(codes(comparison).is_empty());
        // A code column's cell may gloss its code.
        let glossed = "| Code | Okta |\n|---|---|\n| 7101 – account disabled | E0000004 |\n";
        assert_eq!(codes(glossed), [7101]);
    }

    #[test]
    fn a_heading_about_anothers_errors_heads_no_list() {
        let mysql = "## 2. Not Stormpath: database errors\n\n| 2002 | CR_CONNECTION_ERROR |\n| 2006 | CR_SERVER_GONE_ERROR |\n";
        assert!(codes(mysql).is_empty());
        let ours = "## Stormpath errors\n\n| 2002 | invalid value |\n";
        assert_eq!(codes(ours), [2002]);
    }

    #[test]
    fn a_table_whose_glosses_are_another_programs_holds_no_codes() {
        let theirs = "| errorCode | errorText | HTTP |\n|---|---|---|\n\
                      | 2001 | Flight sold out | 409 |\n\
                      | 2002 | Fare class closed | 409 |\n\
                      | 2003 | Date outside schedule | 400 |\n\
                      | 2006 | Passenger count above 9 | 400 |\n";
        assert!(codes(theirs).is_empty());
        // Stormpath's, glossed in other words than the catalog's, some.
        let ours = "| Code | Meaning |\n|---|---|\n\
                    | 7100 | wrong password |\n\
                    | 7101 | account disabled |\n\
                    | 7102 | user never clicked the link |\n\
                    | 7104 | no such user |\n";
        assert_eq!(codes(ours), [7100, 7101, 7102, 7104]);
        // A header that names Stormpath says whose the codes are; two rows
        // say too little.
        let named = "| Stormpath code | Meaning |\n|---|---|\n\
                     | 2001 | Flight sold out |\n\
                     | 2002 | Fare class closed |\n\
                     | 2003 | Date outside schedule |\n";
        assert_eq!(codes(named), [2001, 2002, 2003]);
        let few = "| Code | Meaning |\n|---|---|\n| 2001 | Flight sold out |\n| 2002 | Fare class closed |\n";
        assert_eq!(codes(few), [2001, 2002]);
        // Under a title or heading that names Stormpath, glossed in any
        // words; a heading that says "not Stormpath" is no such heading.
        let german = "# Stormpath-Fehlercodes\n\n| Code | Description |\n|---|---|\n\
                      | 7100 | Passwort falsch |\n| 7101 | Konto gesperrt |\n| 7102 | E-Mail offen |\n";
        assert_eq!(codes(german), [7100, 7101, 7102]);
        let perch = "# Stormpath errors\n\n## Not Stormpath: Perch errors\n\
                     | Perch code | Meaning |\n|---|---|\n| 2002 | fare class closed |\n\
                     | 4600 | seat map unavailable |\n| 9000 | GDS timeout |\n";
        assert!(codes(perch).is_empty());
        // Judged as a whole: paraphrases first, the catalog's words after.
        let late = "| Code | Meaning |\n|---|---|\n| 7100 | user typed wrong pw |\n\
                    | 7101 | banned by an admin |\n| 7102 | never clicked the link |\n\
                    | 7103 | Account is locked |\n| 2001 | Property value already exists |\n\
                    | 7104 | no Account with that username |\n";
        assert_eq!(codes(late), [7100, 7101, 7102, 7103, 2001, 7104]);
        // A comment in a block of code is no heading.
        let comment = "# Stormpath-Fehlercodes\n\n```bash\n# print the error code\n```\n\n\
                       | Code | Description |\n|---|---|\n| 7100 | Passwort falsch |\n\
                       | 7101 | Konto deaktiviert |\n| 7102 | E-Mail offen |\n";
        assert_eq!(codes(comment), [7100, 7101, 7102]);
        // A subject or a line in bold is a heading too.
        let mail = "Subject: Stormpath Login-Fehler\n\n| Code | Description |\n|---|---|\n\
                    | 7100 | Passwort falsch |\n| 7101 | Konto deaktiviert |\n| 7102 | E-Mail offen |\n";
        assert_eq!(codes(mail), [7100, 7101, 7102]);
        // A heading without Stormpath after one with it: judged again.
        let later = "# Stormpath errors\n| Code | Meaning |\n|---|---|\n| 7100 | wrong pw |\n\n\
                     ## Booking errors\n| Code | Meaning |\n|---|---|\n| 2001 | Flight sold out |\n\
                     | 2002 | Fare class closed |\n| 2003 | Date outside schedule |\n";
        assert_eq!(codes(later), [7100]);
        // A line of prose after a Markdown table is no row of it.
        let prose = "| errorCode | errorText |\n|---|---|\n| 2001 | Flight sold out |\n\
                     | 2002 | Fare class closed |\n| 2003 | Date outside schedule |\n\
                     Then Stormpath error 7100 at 09:12.\n";
        assert_eq!(codes(prose), [7100]);
        // Only a column headed by words for a gloss is one.
        let context = "| Time | Code | Context |\n|---|---|---|\n| 09:00 | 7100 | jdoe on iOS |\n\
                       | 09:05 | 7104 | new hire |\n| 09:10 | 7103 | after retries |\n";
        assert_eq!(codes(context), [7100, 7104, 7103]);
    }

    #[test]
    fn a_code_cell_may_mark_its_code_up() {
        let mapping = "| Stormpath | Meaning in Stormpath | Okta |\n|---|---|---|\n\
                       | `2001` | email already exists | E0000001 |\n\
                       | **7100** | wrong password | E0000004 |\n";
        assert_eq!(codes(mapping), [2001, 7100]);
    }

    #[test]
    fn a_line_that_says_a_code_heads_no_column() {
        for next in [
            "In 2016 we migrated",
            "Order 2001 from customer",
            "Port 7100 is blocked",
        ] {
            assert_eq!(
                codes(&format!("Hi,\n\nError code 7103\n{next}\n")),
                [7103],
                "{next}"
            );
        }
        // A header of single spaces still heads its column.
        assert_eq!(
            codes("Code Message\n7100 Login failed\n7103 locked"),
            [7100, 7103]
        );
    }
}

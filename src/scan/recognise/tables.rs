//! Text tables whose header names a Code column, and the fields of a JSON
//! error body a line holds.

use super::keywords::is_other_code;
use super::{CODE_DIGITS, Scanner, parse_digits};
use crate::scan::Via;

impl Scanner {
    /// A text table: a header line with a cell `Code` (or `Error code`,
    /// `Error`, `Stormpath error`) starts it; the cell
    /// in that column of the lines below holds a code; a blank line ends it.
    pub(super) fn table(&mut self, text: &[u8]) {
        let cells = cells(text);
        if cells.is_empty() {
            self.table_column = None;
            return;
        }
        // A cell that says just `Code` wins over `Error code`.
        let exact = cells
            .iter()
            .position(|&(s, e)| text[s..e].eq_ignore_ascii_case(b"code"));
        let named = || cells.iter().position(|&(s, e)| is_code_header(&text[s..e]));
        if let Some(column) = exact.or_else(named) {
            self.table_column = Some(column);
            return;
        }
        let Some(column) = self.table_column else {
            return;
        };
        if cells
            .iter()
            .all(|&(s, e)| text[s..e].iter().all(|b| b"-:=+".contains(b)))
        {
            return; // a rule under the header
        }
        match cells.get(column) {
            Some(&(s, e)) if is_code_cell(&text[s..e]) => {
                let code = parse_digits(&text[s..e]);
                self.push(code, Via::Number, s, &text[s..e]);
            }
            _ => self.table_column = None,
        }
    }
}

/// Whether the keyword `keyword`, ending at `end` of a line, ends a cell
/// that may head a table's code column: `code`, `errorCode`, `error_code`
/// (`"code": 7100` is no header), or `| Stormpath error |` in Markdown.
pub(super) fn may_head_a_table(text: &[u8], keyword: &[u8], end: usize) -> bool {
    let named = match keyword.eq_ignore_ascii_case(b"error") {
        // A look at the cell's end only: a binary's lines are long.
        true => text[end..].trim_ascii_start().first() == Some(&b'|'),
        false => keyword.len() >= 4 && keyword[keyword.len() - 4..].eq_ignore_ascii_case(b"code"),
    };
    named
        && text
            .get(end)
            .is_none_or(|&b| b.is_ascii_whitespace() || b == b'|')
}

pub(super) fn is_code_cell(cell: &[u8]) -> bool {
    CODE_DIGITS.contains(&cell.len()) && cell[0] != b'0' && cell.iter().all(u8::is_ascii_digit)
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

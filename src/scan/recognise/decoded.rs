//! The decoded views of a line (base64, quoted-printable, escaped JSON,
//! HTML), read with the same rules by a scanner of their own.

use super::{DECODE_BUDGET_PER_BYTE, MAX_DECODE_DEPTH, MAX_TABLE_GAP, Scanner};
use crate::scan::Hit;
use crate::scan::decode;

impl Scanner {
    /// Where the line shows the sign of an encoding, scans its decoded
    /// views with the same rules; a hit there is reported on this line, at
    /// the column where its encoded run starts, with the encodings undone
    /// to reach it.
    pub(super) fn decoded_views(&mut self, text: &[u8], offset: usize) {
        // Binary data (a NUL byte) is not an encoded text.
        if self.depth >= MAX_DECODE_DEPTH
            || !decode::has_sign(text)
            || memchr::memchr(0, text).is_some()
        {
            return;
        }
        let mut inner = self.decoded.take().unwrap_or_else(|| {
            let mut inner = Scanner::new();
            inner.depth = self.depth + 1;
            Box::new(inner)
        });
        inner.keep_repeats = self.keep_repeats;
        if self.decoded_line + MAX_TABLE_GAP < self.line {
            inner.table_column = None; // a table goes on only from row to row
        }
        self.decoded_line = self.line;
        if self.depth == 0 {
            self.decode_budget = DECODE_BUDGET_PER_BYTE * text.len() + 4096;
        }
        for view in decode::views(text) {
            if view.text.trim_ascii().is_empty() {
                continue; // it would end a table
            }
            // Views of views branch: their bytes, all told, are bounded.
            let Some(left) = self.decode_budget.checked_sub(view.text.len()) else {
                break;
            };
            let first_line = inner.line;
            inner.decode_budget = left;
            inner.block(&view.text);
            self.decode_budget = inner.decode_budget;
            let line_starts: Vec<usize> = std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', &view.text).map(|i| i + 1))
                .collect();
            for mut hit in inner.hits.drain(..) {
                let at = line_starts[hit.line - first_line] + hit.column - 1;
                let column = offset + view.origin.get(at).copied().unwrap_or(0);
                hit.decoded.insert(0, view.encoding);
                self.keep(Hit {
                    line: self.line,
                    column: column + 1,
                    ..hit
                });
            }
        }
        self.decoded = Some(inner);
    }
}

//! Verdicts on blocks of numbers (a table, a run of JSON rows, a block of
//! source code): where one is found another program's numbering, its
//! numbers are taken back, also from the hits that wait outside the
//! scanner for the verdict of a table a block's end cut (`lines`).

use super::Scanner;
use crate::scan::{Hit, Via};

impl Scanner {
    /// Ends a block of lines, before its hits are handed on: a table or
    /// run of JSON rows still open is judged where the block took all that
    /// was read (at the text's end, or where a live input pauses), else it
    /// goes on into the next block, and its rows' hits wait for its
    /// verdict (`awaiting_verdict_from`).
    pub(in crate::scan) fn end_block(&mut self, took_all_read: bool) {
        if took_all_read {
            self.end_json_rows(true);
            self.judge_table();
        }
    }

    /// The first line of a table or run of JSON rows that a block's end
    /// cut and that may yet be found another's: the hits from there on
    /// wait for its verdict.
    pub(in crate::scan) fn awaiting_verdict_from(&self) -> Option<usize> {
        let table = self
            .table_judge
            .as_ref()
            .map(|judge| judge.tally.first_line);
        let rows = self.json_rows.awaiting_verdict_from();
        table.into_iter().chain(rows).min()
    }

    /// Lets the open table and run of rows go unjudged: too many hits
    /// waited for their verdict.
    pub(in crate::scan) fn forgo_verdicts(&mut self) {
        self.table_judge = None;
        self.json_rows.forgo();
    }

    /// Takes back the numbers found on some lines: they were another
    /// program's.
    pub(super) fn take_back_numbers(&mut self, lines: impl std::ops::RangeBounds<usize>) {
        use std::ops::Bound;
        let first = match lines.start_bound() {
            Bound::Included(&line) => line,
            Bound::Excluded(&line) => line + 1,
            Bound::Unbounded => 0,
        };
        let last = match lines.end_bound() {
            Bound::Included(&line) => line,
            Bound::Excluded(&line) => line.saturating_sub(1),
            Bound::Unbounded => usize::MAX,
        };
        let lines = first..=last;
        self.hits.retain(|hit| !is_taken_back(hit, &lines));
        self.current.retain(|hit| !is_taken_back(hit, &lines));
        self.named_codes.retain(|(_, line)| !lines.contains(line));
        self.taken_back.push(lines);
    }

    /// Drops from `hits`, passed on from blocks before, the numbers taken
    /// back since this block began.
    pub(in crate::scan) fn take_back_from(&self, hits: &mut Vec<Hit>) {
        if !self.taken_back.is_empty() {
            hits.retain(|hit| {
                !self
                    .taken_back
                    .iter()
                    .any(|lines| is_taken_back(hit, lines))
            });
        }
    }
}

/// Whether `hit` is a number on `lines`, which were another's.
fn is_taken_back(hit: &Hit, lines: &std::ops::RangeInclusive<usize>) -> bool {
    lines.contains(&hit.line) && hit.via == Via::Number
}

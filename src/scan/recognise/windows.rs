//! A line too long to read at once, read in windows that overlap (each
//! `WINDOW` bytes, the next starting `OVERLAP` bytes before the last ends,
//! so that no mention is cut in two).

use super::prefilter::{Mark, find_marks};
use super::{Scanner, keyword_at};
use crate::scan::Hit;
use crate::scan::decode;

impl Scanner {
    /// Scans a window of a long line that starts `offset` bytes into it.
    pub(in crate::scan) fn window(&mut self, text: &[u8], offset: usize) {
        let mut marks = std::mem::take(&mut self.scratch.marks);
        find_marks(text, &mut self.scratch.lower, &mut marks);
        self.taken_back.clear();
        self.scratch.keywords.clear();
        self.scratch.quote_words.clear();
        self.line_names_stormpath = false;
        for &(at, pattern) in &marks {
            match Mark::of(pattern) {
                Mark::Context(trigger) => {
                    keyword_at(&self.scratch.lower, at, trigger, &mut self.scratch.keywords)
                }
                Mark::Sign => {}
                Mark::Quote(word) => self.scratch.quote_words.push((at, word)),
            }
        }
        let context = !self.scratch.keywords.is_empty();
        let mut signs = std::mem::take(&mut self.scratch.signs);
        decode::sign_bytes(text, &mut signs);
        let sign = !signs.is_empty()
            || marks
                .iter()
                .any(|&(_, p)| matches!(Mark::of(p), Mark::Sign));
        self.scratch.signs = signs;
        self.scratch.marks = marks;
        self.look(text, &[], offset, context, sign);
        self.keep_overlap_hits();
    }

    /// Passes on the hits of a window of a long line before column `next`
    /// (0-based), where the next window starts, when each hit stands alone
    /// (an export's records, told apart window by window). Those in the
    /// overlap wait for the next window: it finds most of them again, and
    /// keeps the others (`keep_overlap_hits`), so that every record's hits
    /// come in the order of its start.
    pub(in crate::scan) fn end_window(&mut self, next: usize) {
        if self.keep_repeats {
            self.current.sort_by_key(|h| h.column);
            let waiting = self.current.partition_point(|h| h.column <= next); // from 1
            self.overlap_hits = self.current.split_off(waiting);
            self.hits.append(&mut self.current);
        }
    }

    /// The hits of the window before's overlap that this window did not
    /// find again: a list of codes whose first stood before the overlap.
    fn keep_overlap_hits(&mut self) {
        for hit in std::mem::take(&mut self.overlap_hits) {
            let again = |h: &Hit| h.column == hit.column && h.code == hit.code;
            if !self.current.iter().any(again) {
                self.current.push(hit);
            }
        }
    }
}

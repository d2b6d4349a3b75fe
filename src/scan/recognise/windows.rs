//! A line too long to read at once, read in windows that overlap (each
//! `WINDOW` bytes, the next starting `OVERLAP` bytes before the last ends,
//! so that no mention is cut in two).

use super::prefilter::{Mark, find_marks};
use super::{Scanner, keyword_at};
use crate::scan::decode;

impl Scanner {
    /// Scans a window of a long line that starts `offset` bytes into it.
    pub(in crate::scan) fn window(&mut self, text: &[u8], offset: usize) {
        let mut marks = std::mem::take(&mut self.scratch.marks);
        find_marks(text, &mut self.scratch.lower, &mut marks);
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
    }

    /// Passes on the hits of a window of a long line, where each hit stands
    /// alone (an export's records, told apart window by window). The next
    /// window finds those in the overlap again, with the same record: the
    /// reader keeps one hit per code and record.
    pub(in crate::scan) fn end_window(&mut self) {
        if self.keep_repeats {
            self.current.sort_by_key(|h| h.column);
            self.hits.append(&mut self.current);
        }
    }
}

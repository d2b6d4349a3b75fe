//! Codes in people's sentences: one whose sentence the line before began
//! (`the code should` / `be 2001`), and, with no context word beside them
//! in a text that has spoken of error codes, a number glossed with its
//! code's meaning (`glossed`) or named as what came back (`received`).

use super::code_places::CodePlaces;
use super::numbers::{code_number, number_at};
use super::other_numbers::{is_not_stormpaths, is_other_programs_number};
use super::sentences::{Read, Sentence};
use super::{Scanner, glossed, received, source};
use crate::scan::Via;

impl Scanner {
    /// Codes that people's sentences name without a context word on the
    /// line at `line` of `block`: glossed with their meaning (`glossed`) or
    /// named as what came back (`received`), in a text that has spoken of
    /// error codes and not disowned its numbers.
    pub(super) fn prose_numbers(&mut self, block: &[u8], line: std::ops::Range<usize>) {
        if !self.spoke_of_codes || self.source_text || self.disowned {
            return;
        }
        let places: &mut CodePlaces = &mut self.scratch.code_places;
        if !places.any_in(block, line.start, line.end) {
            return;
        }
        let line = &block[line];
        let mut found = Vec::new();
        // A code the line has named already is not looked for again.
        let named = |code| self.current.iter().any(|hit| hit.code == code);
        let mut keep = |start, end, code| found.push((start, end, code));
        glossed::glossed_codes(line, |code| !named(code), &mut keep);
        received::received_codes(line, |code| !named(code), &mut keep);
        if found.is_empty() || source::says_not_stormpath(line) || source::names_a_vendor(line) {
            return;
        }
        for (start, end, code) in found {
            if !is_not_stormpaths(line, start, false, false) {
                self.push(code, Via::Number, start, &line[start..end]);
            }
        }
    }

    /// The number of a sentence that the previous line's end cut: `the code
    /// should` / `be 2001`.
    pub(super) fn sentence_goes_on(&mut self, text: &[u8], sentence: Sentence) {
        let number = match sentence.read(text, 0) {
            Read::Number(at) => number_at(text, at),
            Read::RunsOn(sentence) if !text.trim_ascii().is_empty() => {
                self.sentence = Some(sentence);
                None
            }
            _ => None,
        };
        let Some((start, end)) = number else {
            return;
        };
        if let Some(code) = code_number(text, start, end).filter(|_| {
            !is_other_programs_number(text, 0, end)
                && !is_not_stormpaths(text, start, self.source_text, false)
        }) {
            self.push_with_list(code, 0, text, start, end);
        }
    }
}
